"""Django's test client for the HTML pages: logged in as a user, page text as a reader sees it."""

from __future__ import annotations

import html

from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.test import Client

from vanthu.accounts.models import User


def logged_in_client(user: User) -> Client:
    """A test client with a session of ``user`` (no login form)."""
    client = Client()
    client.force_login(user)
    return client


def page_text(response: HttpResponseBase) -> str:
    """The HTML of a (non-streaming) answer with its entities decoded."""
    assert isinstance(response, HttpResponse)
    return html.unescape(response.content.decode())
