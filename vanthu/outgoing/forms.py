"""Forms of the outgoing screens: the structured draft, uploads, decisions, issue, recall, copies.

Field names follow the service's field names where they can, so that a refusal lands beside its
field (``content.subject`` → ``subject`` is mapped by the views).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from vanthu.accounts.models import Agency, OrgUnit, User
from vanthu.documents.enums import Urgency
from vanthu.documents.models import DocumentType
from vanthu.outgoing.enums import CopyForm, RecordStatus, SigningMode

COMMON_TYPES = (
    ("22", _("Công văn")),
    ("02", _("Quyết định")),
    ("10", _("Kế hoạch")),
    ("14", _("Báo cáo")),
    ("15", _("Tờ trình")),
)
CONFIDENTIALITY_CHOICES = (
    ("none", _("Thường")),
    ("confidential", _("Mật")),
    ("secret", _("Tối mật")),
    ("top_secret", _("Tuyệt mật")),
)
AUTHORITY_CHOICES = (
    ("", _("Ký trực tiếp")),
    ("TM.", _("TM. (thay mặt tập thể)")),
    ("KT.", _("KT. (ký thay người đứng đầu)")),
    ("TL.", _("TL. (thừa lệnh)")),
    ("TUQ.", _("TUQ. (thừa ủy quyền)")),
    ("Q.", _("Q. (quyền)")),
)
_REQUIRED = {"required": _("Trường này là bắt buộc.")}
LINES_HELP = _("Mỗi dòng một mục.")


def lines_of(text: str) -> list[str]:
    """Return the non-empty, trimmed lines of a textarea."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def _text(
    label: Any, *, max_length: int = 500, required: bool = False, help_text: Any = "", **attrs: Any
) -> Any:
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        help_text=help_text,
        error_messages={**_REQUIRED, "max_length": _("Không được dài quá %(limit_value)d ký tự.")},
        widget=forms.TextInput(attrs=attrs),
    )


def _area(label: Any, *, required: bool = False, rows: int = 3, help_text: Any = "") -> Any:
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        error_messages=_REQUIRED,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class DraftForm(forms.Form):
    """A structured draft: the Decree 30 components a drafter fills in (issuer from the agency)."""

    type_code = forms.ChoiceField(label=_("Loại văn bản"), choices=COMMON_TYPES)
    subject = _text(
        _("Trích yếu nội dung"),
        required=True,
        help_text=_("Với công văn, đây là dòng “V/v …” dưới số, ký hiệu."),
    )
    urgency = forms.ChoiceField(label=_("Độ khẩn"), choices=Urgency.choices)
    confidentiality = forms.ChoiceField(label=_("Độ mật"), choices=CONFIDENTIALITY_CHOICES)
    superior_name = _text(_("Tên cơ quan chủ quản"), max_length=200)
    issuer_name = _text(_("Tên cơ quan ban hành"), max_length=200, required=True)
    legal_bases = _area(_("Căn cứ ban hành"), help_text=LINES_HELP)
    addressees = _area(_("Kính gửi"), help_text=LINES_HELP)
    body = _area(_("Nội dung"), required=True, rows=8, help_text=_("Mỗi dòng một đoạn văn."))
    recipients = _area(
        _("Nơi nhận"), help_text=_("Mỗi dòng một nơi nhận; dòng “Lưu: VT, …” được tự thêm.")
    )
    archive_copies = forms.IntegerField(label=_("Số bản lưu"), min_value=0, initial=1)
    authority = forms.ChoiceField(
        label=_("Thẩm quyền ký"), choices=AUTHORITY_CHOICES, required=False
    )
    authority_body = _text(_("Tập thể hoặc người đứng đầu (sau TM./KT.)"), max_length=200)
    signer_position = _text(_("Chức vụ người ký"), max_length=100, required=True)
    signer_name = _text(_("Họ tên người ký"), max_length=50, required=True)
    drafter_initials = _text(_("Ký hiệu người soạn thảo"), max_length=20)

    def content(self, *, agency: Agency, unit: OrgUnit | None) -> dict[str, Any]:
        """Return the ``DraftContent`` data of the (valid) form for ``agency`` and ``unit``."""
        values = self.cleaned_data
        return {
            "type_code": values["type_code"],
            "superior_name": values["superior_name"],
            "issuer_name": values["issuer_name"],
            "issuer_abbreviation": agency.abbreviation,
            "unit_abbreviation": unit.abbreviation if unit else "",
            "place_name": agency.place_name,
            "subject": values["subject"],
            "legal_bases": lines_of(values["legal_bases"]),
            "body": [{"kind": "paragraph", "text": line} for line in lines_of(values["body"])],
            "addressees": lines_of(values["addressees"]),
            "recipients": lines_of(values["recipients"]),
            "archive_copies": values["archive_copies"],
            "authority": values["authority"] or "",
            "authority_body": values["authority_body"],
            "signer_position": values["signer_position"],
            "signer_name": values["signer_name"],
            "urgency": values["urgency"],
            "confidentiality": values["confidentiality"],
            "drafter_initials": values["drafter_initials"],
        }


def draft_initial(content: dict[str, Any]) -> dict[str, Any]:
    """Return the form's initial values from stored ``DraftContent`` data (a new version)."""
    paragraphs = [b.get("text", "") for b in content.get("body", []) if "text" in b]
    initial = {key: content.get(key, "") for key in DraftForm.base_fields if key in content}
    initial.update(
        legal_bases="\n".join(content.get("legal_bases", [])),
        addressees="\n".join(content.get("addressees", [])),
        recipients="\n".join(content.get("recipients", [])),
        body="\n".join(paragraphs),
    )
    return initial


class UploadForm(forms.Form):
    """A draft written in Word: the DOCX and the metadata the file cannot give reliably."""

    file = forms.FileField(label=_("Tệp DOCX"), error_messages=_REQUIRED)
    type_code = forms.ModelChoiceField(
        label=_("Loại văn bản"),
        queryset=DocumentType.objects.filter(is_copy_form=False).order_by("code"),
        to_field_name="code",
        error_messages=_REQUIRED,
    )
    subject = _text(_("Trích yếu nội dung"), required=True)
    urgency = forms.ChoiceField(label=_("Độ khẩn"), choices=Urgency.choices)
    confidentiality = forms.ChoiceField(label=_("Độ mật"), choices=CONFIDENTIALITY_CHOICES)


class CommentForm(forms.Form):
    version = forms.IntegerField(label=_("Phiên bản"), min_value=1)
    text = _area(_("Góp ý"), required=True)


class DiffForm(forms.Form):
    a = forms.IntegerField(label=_("So sánh phiên bản"), min_value=1)
    b = forms.IntegerField(label=_("với phiên bản"), min_value=1)


class ReviewForm(forms.Form):
    """The unit head's decision: approve, or return with a comment."""

    decision = forms.ChoiceField(
        label=_("Ý kiến"),
        choices=(("approve", _("Đồng ý")), ("return", _("Trả lại"))),
        widget=forms.HiddenInput,
    )
    comment = _area(_("Nhận xét"), help_text=_("Bắt buộc khi trả lại."))


class CommentOnlyForm(forms.Form):
    """A return (comment required) or a leader's approval (comment optional)."""

    comment = _area(_("Ý kiến"))


class IssueForm(forms.Form):
    """Recipients of the issued document, by channel."""

    units = forms.ModelMultipleChoiceField(
        label=_("Đơn vị trong cơ quan"), queryset=OrgUnit.objects.none(), required=False
    )
    users = forms.ModelMultipleChoiceField(
        label=_("Cá nhân trong cơ quan"), queryset=User.objects.none(), required=False
    )
    agencies = forms.ModelMultipleChoiceField(
        label=_("Cơ quan khác trong hệ thống"), queryset=Agency.objects.none(), required=False
    )
    emails = _area(_("Gửi thư điện tử"), help_text=_("Mỗi dòng một địa chỉ thư điện tử."))
    posts = _area(
        _("Gửi qua bưu điện"), help_text=_("Mỗi dòng: tên nơi nhận – địa chỉ gửi bưu điện.")
    )
    copies = forms.IntegerField(label=_("Số lượng bản phát hành"), min_value=1, required=False)

    def __init__(
        self,
        *args: Any,
        units: Any = None,
        people: Any = None,
        agencies: Any = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        for name, queryset in (("units", units), ("users", people), ("agencies", agencies)):
            field = self.fields[name]
            if isinstance(field, forms.ModelMultipleChoiceField) and queryset is not None:
                field.queryset = queryset


class RecallForm(forms.Form):
    reason = _area(_("Lý do thu hồi"), required=True)


class CopyMakeForm(forms.Form):
    form = forms.ChoiceField(label=_("Hình thức sao"), choices=CopyForm.choices)
    extract_note = _text(_("Phần trích sao"), help_text=_("Bắt buộc với trích sao."))
    signer_position = _text(_("Chức vụ người ký bản sao"), max_length=100)
    signer_name = _text(_("Họ tên người ký bản sao"), max_length=50)
    recipients = _area(_("Nơi nhận bản sao"))


class PostForm(forms.Form):
    envelope_count = forms.IntegerField(label=_("Số bì"), min_value=1, initial=1)


class RegisterFilterForm(forms.Form):
    """The filters of the outgoing register."""

    year = forms.IntegerField(label=_("Năm"), min_value=1900, max_value=9999, required=False)
    type_code = forms.ModelChoiceField(
        label=_("Loại văn bản"),
        queryset=DocumentType.objects.filter(is_copy_form=False).order_by("code"),
        to_field_name="code",
        required=False,
        empty_label=_("Tất cả"),
    )
    unit = forms.ModelChoiceField(
        label=_("Đơn vị soạn thảo"),
        queryset=OrgUnit.objects.none(),
        required=False,
        empty_label=_("Tất cả"),
    )
    status = forms.ChoiceField(
        label=_("Trạng thái"),
        choices=(("", _("Tất cả")), *RecordStatus.choices),
        required=False,
    )

    def __init__(self, *args: Any, units: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["unit"]
        if isinstance(field, forms.ModelChoiceField) and units is not None:
            field.queryset = units


class ApproveForm(forms.Form):
    """The leader's approval: how the document is signed, and an optional comment."""

    signing_mode = forms.ChoiceField(
        label=_("Hình thức ký"),
        choices=SigningMode.choices,
        initial=SigningMode.PAPER,
        widget=forms.RadioSelect,
        error_messages=_REQUIRED,
    )
    comment = _area(_("Ý kiến"))


def _pin_field() -> Any:
    return forms.CharField(
        label=_("Mã PIN hoặc mật khẩu chứng thư số"),
        max_length=128,
        strip=False,
        error_messages={**_REQUIRED, "max_length": _("Không được dài quá %(limit_value)d ký tự.")},
        widget=forms.PasswordInput(
            render_value=False, attrs={"autocomplete": "off", "autofocus": True}
        ),
    )


class PinForm(forms.Form):
    """The PIN of the token or the password of the PKCS#12 file: used once, never shown again."""

    pin = _pin_field()


class AgencySignForm(IssueForm):
    """The clerk's "Ký số cơ quan và phát hành": the recipients of the paper issue, and the PIN."""

    pin = _pin_field()
