"""The API through Django's test client with a bearer token: JSON in, status checked, JSON out."""

from __future__ import annotations

from typing import Any

from django.test import Client

from vanthu.accounts.models import User
from vanthu.accounts.tokens import token_issue


def api_client(user: User) -> Client:
    """A client that sends a fresh API token of ``user`` with every request."""
    return Client(HTTP_AUTHORIZATION=f"Bearer {token_issue(user=user, actor=None)}")


def post_json(client: Client, url: str, body: dict[str, Any], status: int) -> Any:
    """POST ``body`` as JSON, check the answer's status and return its JSON."""
    response = client.post(url, body, content_type="application/json")
    assert response.status_code == status, response.content
    return response.json()


def get_json(client: Client, url: str, status: int = 200) -> Any:
    """GET ``url``, check the answer's status and return its JSON."""
    response = client.get(url)
    assert response.status_code == status, response.content
    return response.json()
