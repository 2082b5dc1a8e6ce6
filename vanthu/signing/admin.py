"""Admin pages for trust roots and signing certificates; every write goes through the services.

Adding uploads a file (a DER/PEM root; a .p12 with its password, once) and calls the audited
service; rows are never edited in place, only deactivated (an action, audited too).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from vanthu.accounts.models import User
from vanthu.core.errors import DomainError
from vanthu.signing.certificates import certificate_info, p12_contents
from vanthu.signing.models import Certificate, TrustRoot
from vanthu.signing.services import (
    AppearanceImage,
    certificate_deactivate,
    certificate_register_p12,
    trust_root_add,
    trust_root_deactivate,
)


class TrustRootForm(forms.ModelForm[TrustRoot]):
    certificate_file = forms.FileField(label=_("Tệp chứng thư gốc (DER hoặc PEM)"))

    class Meta:
        model = TrustRoot
        fields = ["agency", "name"]

    def clean_certificate_file(self) -> Any:
        upload = self.cleaned_data["certificate_file"]
        try:
            certificate_info(upload.read())
        except DomainError as exc:
            raise forms.ValidationError(exc.message) from exc
        upload.seek(0)
        return upload


class CertificateForm(forms.ModelForm[Certificate]):
    p12_file = forms.FileField(label=_("Tệp PKCS#12 (.p12/.pfx)"))
    password = forms.CharField(
        label=_("Mật khẩu của tệp (chỉ dùng để đọc, không lưu)"), widget=forms.PasswordInput
    )
    image_file = forms.FileField(label=_("Ảnh chữ ký / con dấu (PNG nền trong)"), required=False)

    class Meta:
        model = Certificate
        fields = ["agency", "user", "image_width_mm", "image_height_mm"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        upload = data.get("p12_file")
        if upload is not None and data.get("password"):
            try:
                p12_contents(upload.read(), data["password"])
            except DomainError as exc:
                raise forms.ValidationError(exc.message) from exc
            upload.seek(0)
        return data


def _actor(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # noqa: S101 - the admin requires a logged-in staff user
    return user


@admin.register(TrustRoot)
class TrustRootAdmin(admin.ModelAdmin[TrustRoot]):
    form = TrustRootForm
    list_display = ["name", "agency", "subject", "fingerprint_sha256", "active", "added_at"]
    list_filter = ["active", "agency"]
    search_fields = ["name", "subject", "fingerprint_sha256"]
    actions = ["deactivate"]

    def has_change_permission(self, request: HttpRequest, obj: TrustRoot | None = None) -> bool:
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: TrustRoot | None = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: TrustRoot, form: Any, change: bool) -> None:  # noqa: FBT001
        created = trust_root_add(
            actor=_actor(request),
            agency_id=obj.agency_id,
            name=obj.name,
            certificate_der=form.cleaned_data["certificate_file"].read(),
        )
        obj.pk, obj._state.adding = created.pk, False

    @admin.action(description=_("Ngừng tin cậy các chứng thư gốc đã chọn"))
    def deactivate(self, request: HttpRequest, queryset: QuerySet[TrustRoot]) -> None:
        for root in queryset:
            trust_root_deactivate(actor=_actor(request), trust_root_id=root.pk)
        messages.success(request, _("Đã ngừng tin cậy."))


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin[Certificate]):
    form = CertificateForm
    list_display = ["subject_cn", "agency", "user", "purpose", "provider", "not_after", "active"]
    list_filter = ["active", "purpose", "provider", "agency"]
    search_fields = ["subject_cn", "issuer_cn", "serial_hex", "fingerprint_sha256"]
    actions = ["deactivate"]

    def has_change_permission(self, request: HttpRequest, obj: Certificate | None = None) -> bool:
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Certificate | None = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: Certificate, form: Any, change: bool) -> None:  # noqa: FBT001
        data = form.cleaned_data
        image = None
        if data.get("image_file"):
            width = data.get("image_width_mm") or Decimal(36)
            image = AppearanceImage(
                data["image_file"].read(), width, data.get("image_height_mm") or width
            )
        created = certificate_register_p12(
            actor=_actor(request),
            agency_id=obj.agency_id,
            user=obj.user,
            p12=data["p12_file"].read(),
            password=data["password"],
            image=image,
        )
        obj.pk, obj._state.adding = created.pk, False

    @admin.action(description=_("Ngừng sử dụng các chứng thư số đã chọn"))
    def deactivate(self, request: HttpRequest, queryset: QuerySet[Certificate]) -> None:
        for certificate in queryset:
            certificate_deactivate(actor=_actor(request), certificate_id=certificate.pk)
        messages.success(request, _("Đã ngừng sử dụng."))
