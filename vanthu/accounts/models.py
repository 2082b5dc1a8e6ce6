"""Agencies (cơ quan), units (đơn vị), users, roles, delegation, API tokens and calendar days."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from vanthu.accounts.enums import AgencyStatus, CalendarDayKind, Clearance, Role
from vanthu.core.models import TimeStampedModel


class Agency(TimeStampedModel):
    """An agency or organisation that keeps its own registers (cơ quan, tổ chức)."""

    name = models.CharField(_("tên cơ quan"), max_length=255)
    abbreviation = models.CharField(_("chữ viết tắt"), max_length=30)
    organ_id = models.CharField(_("mã định danh"), max_length=13, unique=True)
    place_name = models.CharField(_("địa danh"), max_length=100)
    superior = models.ForeignKey(
        "self",
        verbose_name=_("cơ quan chủ quản"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="subordinates",
    )
    status = models.CharField(
        _("trạng thái"), max_length=20, choices=AgencyStatus.choices, default=AgencyStatus.ACTIVE
    )
    successor = models.ForeignKey(
        "self",
        verbose_name=_("cơ quan kế thừa"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="predecessors",
    )

    class Meta:
        verbose_name = _("cơ quan")
        verbose_name_plural = _("cơ quan")
        constraints = [
            models.CheckConstraint(
                condition=Q(status=AgencyStatus.ACTIVE)
                | Q(successor__isnull=False)
                | Q(status=AgencyStatus.DISSOLVED),
                name="agency_merged_has_successor",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class OrgUnit(TimeStampedModel):
    """A unit inside an agency (đơn vị, phòng)."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.PROTECT, related_name="units"
    )
    name = models.CharField(_("tên đơn vị"), max_length=255)
    abbreviation = models.CharField(_("chữ viết tắt"), max_length=30)

    class Meta:
        verbose_name = _("đơn vị")
        verbose_name_plural = _("đơn vị")
        constraints = [
            models.UniqueConstraint(fields=["agency", "abbreviation"], name="unit_abbrev_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A civil servant using VănThư; belongs to one agency (and usually one unit)."""

    agency = models.ForeignKey(
        Agency,
        verbose_name=_("cơ quan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
    )
    unit = models.ForeignKey(
        OrgUnit,
        verbose_name=_("đơn vị"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
    )
    full_name = models.CharField(_("họ và tên"), max_length=150, blank=True)
    position_title = models.CharField(_("chức vụ"), max_length=150, blank=True)
    clearance = models.PositiveSmallIntegerField(
        _("mức được tiếp cận tài liệu mật"), choices=Clearance.choices, default=Clearance.NONE
    )
    failed_login_count = models.PositiveIntegerField(_("số lần đăng nhập sai"), default=0)
    locked_until = models.DateTimeField(_("khóa đến"), null=True, blank=True)

    class Meta:
        verbose_name = _("người dùng")
        verbose_name_plural = _("người dùng")

    def __str__(self) -> str:
        return self.full_name or self.username


class UserRole(models.Model):
    """A role held by a user in their agency."""

    user = models.ForeignKey(
        User, verbose_name=_("người dùng"), on_delete=models.CASCADE, related_name="role_grants"
    )
    role = models.CharField(_("vai trò"), max_length=30, choices=Role.choices)

    class Meta:
        verbose_name = _("vai trò")
        verbose_name_plural = _("vai trò")
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="user_role_unique")]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()}"


class Delegation(TimeStampedModel):
    """Authority given by one user to another for a date range (ủy quyền)."""

    grantor = models.ForeignKey(
        User,
        verbose_name=_("người ủy quyền"),
        on_delete=models.PROTECT,
        related_name="delegations_given",
    )
    grantee = models.ForeignKey(
        User,
        verbose_name=_("người được ủy quyền"),
        on_delete=models.PROTECT,
        related_name="delegations_received",
    )
    start_date = models.DateField(_("từ ngày"))
    end_date = models.DateField(_("đến ngày"))
    scope = models.CharField(_("phạm vi"), max_length=255, blank=True)
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("ủy quyền")
        verbose_name_plural = _("ủy quyền")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")), name="delegation_dates_ordered"
            ),
            models.CheckConstraint(
                condition=~Q(grantor=models.F("grantee")), name="delegation_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.grantor} → {self.grantee}"


class ApiToken(models.Model):
    """A bearer token for the API; only its SHA-256 is stored."""

    user = models.ForeignKey(
        User, verbose_name=_("người dùng"), on_delete=models.CASCADE, related_name="api_tokens"
    )
    prefix = models.CharField(_("tiền tố"), max_length=12, db_index=True)
    key_hash = models.CharField(_("mã băm"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("dùng lần cuối"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("mã truy cập API")
        verbose_name_plural = _("mã truy cập API")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"


class CalendarDay(models.Model):
    """A day off or a make-up working day set by an agency admin, beyond public holidays."""

    agency = models.ForeignKey(
        Agency, verbose_name=_("cơ quan"), on_delete=models.CASCADE, related_name="calendar_days"
    )
    day = models.DateField(_("ngày"))
    kind = models.CharField(_("loại"), max_length=20, choices=CalendarDayKind.choices)
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("ngày nghỉ / làm bù")
        verbose_name_plural = _("ngày nghỉ / làm bù")
        constraints = [
            models.UniqueConstraint(fields=["agency", "day"], name="calendar_day_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.day:%d/%m/%Y} {self.get_kind_display()}"
