"""Choices for agencies, roles and clearance levels."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class AgencyStatus(models.TextChoices):
    ACTIVE = "active", _("Đang hoạt động")
    MERGED = "merged", _("Đã sáp nhập")
    DISSOLVED = "dissolved", _("Đã giải thể")


class Role(models.TextChoices):
    CLERK = "clerk", _("Văn thư")
    AGENCY_LEADER = "agency_leader", _("Lãnh đạo cơ quan")
    UNIT_HEAD = "unit_head", _("Lãnh đạo đơn vị")
    SPECIALIST = "specialist", _("Chuyên viên")
    ARCHIVIST = "archivist", _("Lưu trữ viên")
    AGENCY_ADMIN = "agency_admin", _("Quản trị cơ quan")
    INSPECTOR = "inspector", _("Thanh tra, kiểm tra (Sở Nội vụ)")


class Clearance(models.IntegerChoices):
    """Clearance ordered like the confidentiality levels (domain.md §1.11)."""

    NONE = 0, _("Không")
    CONFIDENTIAL = 1, _("Mật")
    SECRET = 2, _("Tối mật")
    TOP_SECRET = 3, _("Tuyệt mật")


class CalendarDayKind(models.TextChoices):
    DAY_OFF = "day_off", _("Ngày nghỉ")
    WORKING_DAY = "working_day", _("Ngày làm việc bù")
