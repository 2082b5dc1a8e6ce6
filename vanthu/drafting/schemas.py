"""API schemas of the drafting app shared with the apps above it."""

from __future__ import annotations

from typing import Literal

from ninja import Schema


class FindingOut(Schema):
    """One breach of Annex I."""

    component: str
    rule: str
    severity: Literal["error", "warning"]
    message: str
    fix: str
    autofixable: bool = False
