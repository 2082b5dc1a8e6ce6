"""The search box in the page header: shown to logged-in users, leading to the search page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from vanthu.accounts.enums import Role
from vanthu.search.backends import forget_backends
from vanthu.web.tests.builders import MakeUser

FORM = re.compile(r'<form class="header-search"([^>]*)>(.*?)</form>', re.S)


@pytest.fixture(autouse=True)
def search_index(tmp_path: Path) -> Iterator[None]:
    """Give the search backend an empty index of this test."""
    with override_settings(VANTHU_SEARCH_DIR=str(tmp_path / "search")):
        forget_backends()
        yield
    forget_backends()


def _box(html: str) -> tuple[str, str]:
    """Return the header form's action (checking it is a GET form) and its inside."""
    found = FORM.search(html)
    assert found is not None, "the header has a search box"
    attributes = found.group(1)
    assert 'method="get"' in attributes
    action = re.search(r'action="([^"]+)"', attributes)
    assert action is not None
    return action.group(1), found.group(2)


class TestHeaderSearch:
    def test_a_clerk_has_the_box_with_a_hidden_label(
        self, client: Client, make_user: MakeUser
    ) -> None:
        client.force_login(make_user(Role.CLERK))
        action, body = _box(client.get(reverse("web:home"), follow=True).content.decode())
        assert action == reverse("search:page")
        assert re.search(
            r'<label class="visually-hidden" for="header-search-q">Tìm kiếm văn bản', body
        )
        assert 'id="header-search-q" type="search" name="q"' in body
        assert 'placeholder="' in body

    def test_no_box_when_logged_out_nor_on_the_login_page(self, client: Client) -> None:
        page = client.get(reverse("web:login"))
        assert page.status_code == 200
        assert "header-search" not in page.content.decode()
        home = client.get(reverse("web:home"), follow=True).content.decode()
        assert "header-search" not in home

    def test_submitting_lands_on_the_search_page_with_the_query(
        self, client: Client, make_user: MakeUser
    ) -> None:
        client.force_login(make_user(Role.CLERK))
        action, _body = _box(client.get(reverse("web:home"), follow=True).content.decode())
        response = client.get(action, {"q": "công văn 12/UBND"})
        assert response.status_code == 200
        assert response.templates[0].name == "search/page.html"
        page = response.content.decode()
        assert 'id="search-q" type="search" name="q" value="công văn 12/UBND"' in page
        assert "header-search" not in page, "the search page has its own box"

    @pytest.mark.parametrize("role", [Role.AGENCY_LEADER, Role.SPECIALIST, Role.ARCHIVIST])
    def test_other_roles_reach_the_search_page_too(
        self, client: Client, make_user: MakeUser, role: Role
    ) -> None:
        client.force_login(make_user(role))
        action, _body = _box(client.get(reverse("web:home"), follow=True).content.decode())
        assert client.get(action, {"q": "báo cáo"}).status_code == 200
