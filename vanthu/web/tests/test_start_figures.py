"""Start pages: every panel leads somewhere real, and built features show their true figures."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from vanthu.incoming.tests.deliveries import send
from vanthu.incoming.tests.factories import office_make
from vanthu.web.areas import PRIORITY, Area
from vanthu.web.tests.builders import MakeUser


def _panels(html: str) -> list[tuple[str, str, str]]:
    """Return (href, label, figure) of every panel on a start page."""
    return re.findall(
        r'<a class="panel-link" href="([^"]+)">\s*<span class="panel-label">(.*?)</span>\s*'
        r'<span class="panel-figure">(.*?)</span>',
        html,
        re.S,
    )


@pytest.mark.parametrize("area", PRIORITY, ids=lambda area: area.slug)
def test_every_panel_link_works(client: Client, make_user: MakeUser, area: Area) -> None:
    client.force_login(make_user(area.role, is_staff=True))
    html = client.get(f"/{area.slug}/").content.decode()
    panels = _panels(html)
    assert len(panels) == len(area.panels)
    for href, label, _figure in panels:
        assert client.get(href).status_code == 200, f"{label} ({href})"


@pytest.mark.django_db
def test_clerk_sees_the_number_of_documents_waiting_in_the_queue(client: Client) -> None:
    sender, receiver = office_make(), office_make()
    for _ in range(3):
        send(sender, receiver)
    client.force_login(receiver.clerk)
    panels = {
        label: (href, figure)
        for href, label, figure in _panels(client.get("/van-thu/").content.decode())
    }
    assert panels["Văn bản đến chờ đăng ký"][1] == "3"
    assert panels["Văn bản đi chờ cấp số, phát hành"][1] == "0"  # nothing approved to issue
    client.force_login(sender.clerk)
    sender_html = client.get("/van-thu/").content.decode()
    assert ("Văn bản đến chờ đăng ký", "0") in {
        (label, fig) for _h, label, fig in _panels(sender_html)
    }
