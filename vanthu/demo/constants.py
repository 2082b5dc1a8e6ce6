"""Constants of the demo province that other tools print or rely on."""

from __future__ import annotations

DEMO_PASSWORD = "VanThu@2026"  # noqa: S105 - the published password of the demo logins
"""The one password of every demo user; ``make run`` prints it with the logins."""

DEMO_YEAR = 2020
"""The year of the demo documents: the year of the Kiên Giang inspection (design.md §8)."""

DEMO_EMAIL_DOMAIN = "kiengiang.gov.vn"

REQUIRED_LOGINS: tuple[str, ...] = (
    "admin",
    "snv.vanthu",
    "snv.lanhdao",
    "snv.chuyenvien",
    "snv.luutru",
    "snv.kiemtra",
    "hondat.tuphap.vanthu",
    "hondat.tuphap.lanhdao",
    "hondat.tuphap.chuyenvien",
    "mongthob.vanthu",
    "mongthob.chutich",
)
"""The logins named by the issue, printed by ``load_demo`` at the end of every run."""
