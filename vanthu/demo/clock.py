"""A clock for replaying the demo's history through the real services.

The services of the apps read the time from ``django.utils.timezone.now`` (registration dates,
"today" for due dates, trace and audit timestamps, notification days). To register a 2020
arrival on its 2020 day, with the due dates, trace and audit events of that day, the demo
loader runs those services while ``timezone.now`` answers the moment of each step.

Fields declared with ``default=timezone.now`` hold the original function (Django caches it per
field), so they are pointed at the clock too, and restored afterwards. This is meant for the
single-threaded ``load_demo`` command only: never in a web process.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from django.apps import apps
from django.utils import timezone

VIETNAM = dt.timezone(dt.timedelta(hours=7), "Asia/Ho_Chi_Minh")


class DemoClock:
    """The moment the replay is at; ``now()`` answers it (real time until one is set)."""

    def __init__(self, real_now: Callable[[], dt.datetime]) -> None:
        self._real_now = real_now
        self.moment: dt.datetime | None = None

    def now(self) -> dt.datetime:
        return self.moment if self.moment is not None else self._real_now()

    def set(self, day: dt.date, minutes: int) -> None:
        """Move to ``minutes`` after midnight of ``day`` in Vietnam (never past real time)."""
        local = dt.datetime.combine(day, dt.time(), tzinfo=VIETNAM)
        moment = (local + dt.timedelta(minutes=minutes)).astimezone(dt.UTC)
        self.moment = min(moment, self._real_now())


def _fields_defaulting_to(function: Callable[[], dt.datetime]) -> list[Any]:
    return [
        field
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if field.default is function
    ]


def _point(fields: list[Any], default: Callable[[], dt.datetime]) -> None:
    for field in fields:
        field.default = default
        field.__dict__.pop("_get_default", None)  # Django's cached_property of the default


@contextmanager
def demo_clock() -> Iterator[DemoClock]:
    """Let ``timezone.now()`` answer the replay's clock while the block runs."""
    original = timezone.now
    clock = DemoClock(original)
    fields = _fields_defaulting_to(original)
    timezone.now = clock.now
    _point(fields, clock.now)
    try:
        yield clock
    finally:
        timezone.now = original
        _point(fields, original)
