"""Django admin for the configuration data: agencies, units, users, delegations, tokens, days."""

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import UserChangeForm, UserCreationForm
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from vanthu.accounts.deactivation import check_blockers, sessions_end
from vanthu.accounts.lockout import unlock
from vanthu.accounts.models import (
    Agency,
    ApiToken,
    CalendarDay,
    Delegation,
    OrgUnit,
    User,
    UserRole,
)
from vanthu.accounts.roles import forget_roles
from vanthu.accounts.tokens import token_revoke, tokens_revoke_all
from vanthu.audit.services import record
from vanthu.core.errors import DomainError


def _actor(request: HttpRequest) -> User | None:
    return request.user if isinstance(request.user, User) else None


class AuditedAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    """Record every change made through the admin site in the audit trail."""

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:  # noqa: FBT001
        super().save_model(request, obj, form, change)
        verb = "updated" if change else "created"
        record(
            action=f"accounts.admin_{obj._meta.model_name}_{verb}",
            actor=_actor(request),
            target=obj,
            data={"fields": sorted(form.changed_data)},
        )

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        record(
            action=f"accounts.admin_{obj._meta.model_name}_deleted",
            actor=_actor(request),
            target=obj,
        )
        super().delete_model(request, obj)

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:  # noqa: FBT001
        super().save_related(request, form, formsets, change)
        if isinstance(form.instance, User):
            forget_roles(form.instance)


class OrgUnitInline(admin.TabularInline):  # type: ignore[type-arg]
    model = OrgUnit
    extra = 0
    fields = ("name", "abbreviation")


@admin.register(Agency)
class AgencyAdmin(AuditedAdmin):
    list_display = ("name", "abbreviation", "organ_id", "place_name", "superior", "status")
    list_filter = ("status",)
    search_fields = ("name", "abbreviation", "organ_id")
    autocomplete_fields = ("superior", "successor")
    inlines = (OrgUnitInline,)


@admin.register(OrgUnit)
class OrgUnitAdmin(AuditedAdmin):
    list_display = ("name", "abbreviation", "agency")
    search_fields = ("name", "abbreviation", "agency__name")
    list_select_related = ("agency",)
    autocomplete_fields = ("agency",)


class UserRoleInline(admin.TabularInline):  # type: ignore[type-arg]
    model = UserRole
    extra = 0
    verbose_name = _("vai trò")
    verbose_name_plural = _("vai trò")


class VanThuUserCreationForm(UserCreationForm):  # type: ignore[type-arg]
    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username",)


class VanThuUserChangeForm(UserChangeForm):  # type: ignore[type-arg]
    """The admin's user form: unticking "active" obeys the same blockers as the agency
    administrator's deactivation (a user still holding dossiers stays active)."""

    actor: ClassVar[User | None] = None  # set per request by UserAdmin.get_form

    class Meta(UserChangeForm.Meta):
        model = User

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        deactivating = "is_active" in self.changed_data and not cleaned.get("is_active")
        if deactivating and self.instance.pk is not None and self.actor is not None:
            try:
                check_blockers(actor=self.actor, user=self.instance)
            except DomainError as error:
                self.add_error("is_active", error.message)
        return cleaned


@admin.register(User)
class UserAdmin(AuditedAdmin, DjangoUserAdmin):  # type: ignore[type-arg]
    form = VanThuUserChangeForm
    add_form = VanThuUserCreationForm
    list_display = ("username", "full_name", "agency", "unit", "position_title", "is_active")
    list_filter = ("is_active", "is_staff", "clearance", "role_grants__role")
    list_select_related = ("agency", "unit")
    search_fields = ("username", "full_name", "email", "agency__name")
    autocomplete_fields = ("agency", "unit")
    inlines = (UserRoleInline,)
    readonly_fields = ("last_login", "date_joined", "failed_login_count", "locked_until")
    actions = ("unlock_accounts",)
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Thông tin cá nhân"), {"fields": ("full_name", "email", "position_title")}),
        (_("Cơ quan, đơn vị"), {"fields": ("agency", "unit", "clearance")}),
        (
            _("Quyền hệ thống"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (
            _("Đăng nhập"),
            {"fields": ("last_login", "date_joined", "failed_login_count", "locked_until")},
        ),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("username", "password1", "password2", "agency", "unit", "full_name"),
            },
        ),
    )

    def get_form(
        self,
        request: HttpRequest,
        obj: Any = None,
        change: bool = False,  # noqa: FBT001, FBT002
        **kwargs: Any,
    ) -> Any:
        form = super().get_form(request, obj, change=change, **kwargs)
        if issubclass(form, VanThuUserChangeForm):
            return type(form.__name__, (form,), {"actor": _actor(request)})
        return form

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:  # noqa: FBT001
        super().save_model(request, obj, form, change)
        if change and "is_active" in form.changed_data and not obj.is_active:
            # Deactivated here too: no session nor API token survives (the system revokes).
            tokens_revoke_all(user=obj, actor=None)
            sessions_end(obj)

    @admin.action(description=_("Mở khóa đăng nhập cho các tài khoản đã chọn"))
    def unlock_accounts(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for user in queryset:
            unlock(actor=_actor(request), user=user)
        self.message_user(request, _("Đã mở khóa các tài khoản đã chọn."), messages.SUCCESS)


@admin.register(Delegation)
class DelegationAdmin(AuditedAdmin):
    list_display = ("grantor", "grantee", "start_date", "end_date", "scope", "revoked_at")
    list_filter = ("start_date", "end_date")
    list_select_related = ("grantor", "grantee")
    search_fields = ("grantor__full_name", "grantee__full_name", "scope")
    autocomplete_fields = ("grantor", "grantee")
    readonly_fields = ("revoked_at",)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("prefix", "user", "created_at", "last_used_at", "revoked_at")
    list_filter = ("revoked_at",)
    list_select_related = ("user",)
    search_fields = ("prefix", "user__username", "user__full_name")
    readonly_fields = ("user", "prefix", "key_hash", "created_at", "last_used_at", "revoked_at")
    actions = ("revoke_tokens",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: models.Model | None = None) -> bool:
        # The change page stays viewable (read-only fields) for users allowed to view.
        return False

    def has_delete_permission(self, request: HttpRequest, obj: models.Model | None = None) -> bool:
        # Tokens are revoked, never deleted: their rows explain past audit events.
        return False

    def has_revoke_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.has_perm("accounts.delete_apitoken"))

    @admin.action(description=_("Thu hồi các mã truy cập đã chọn"), permissions=["revoke"])
    def revoke_tokens(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        count = 0
        for token in queryset.filter(revoked_at__isnull=True):
            token_revoke(token=token, actor=_actor(request))
            count += 1
        self.message_user(request, _("Đã thu hồi %(count)d mã truy cập.") % {"count": count})


@admin.register(CalendarDay)
class CalendarDayAdmin(AuditedAdmin):
    list_display = ("day", "kind", "agency", "note")
    list_filter = ("kind", "agency")
    list_select_related = ("agency",)
    date_hierarchy = "day"
    autocomplete_fields = ("agency",)
