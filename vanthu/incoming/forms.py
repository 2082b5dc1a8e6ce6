"""Forms of the incoming screens: registration, register filters, assignment and handling steps.

Field names are the Annex VI names of the API, so that a service refusal lands beside its field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from vanthu.documents.enums import AttachmentRole, Confidentiality, Language, Urgency
from vanthu.documents.models import DocumentType, RegisterBook
from vanthu.incoming.enums import IncomingStatus
from vanthu.incoming.registration import IncomingData
from vanthu.incoming.suggestions import PartyChoice

DATE_FORMATS = ["%d/%m/%Y"]
DATE_HELP = _("Nhập theo dạng dd/mm/yyyy, ví dụ 23/04/2020.")
_DATE_ERRORS = {"invalid": _("Ngày không hợp lệ. Hãy nhập theo dạng dd/mm/yyyy.")}
_REQUIRED = {"required": _("Trường này là bắt buộc.")}
# Alt+<key> shortcuts of the registration screen (listed on the page).
ACCESS_KEYS = {
    "code_number": "s",
    "issued_date": "n",
    "type_code": "l",
    "subject": "t",
    "urgency": "k",
    "confidentiality": "m",
    "due_date": "h",
}


def _date_field(label: Any, *, required: bool) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        input_formats=DATE_FORMATS,
        error_messages={**_DATE_ERRORS, **_REQUIRED},
        widget=forms.TextInput(
            attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off"}
        ),
    )


def _choice_field(form: forms.Form, name: str) -> forms.ChoiceField:
    field = form.fields[name]
    if not isinstance(field, forms.ChoiceField):
        raise TypeError(name)
    return field


def _text(label: Any, *, max_length: int, required: bool = False, **attrs: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        error_messages={
            **_REQUIRED,
            "max_length": _("Không được dài quá %(limit_value)d ký tự."),
        },
        widget=forms.TextInput(attrs=attrs),
    )


class RegistrationForm(forms.Form):
    """The Annex VI fields of an incoming document, in the order they appear on the paper."""

    organ_name = _text(
        _("Cơ quan ban hành"),
        max_length=200,
        required=True,
        autocomplete="off",
        role="combobox",
        **{"aria-autocomplete": "list", "aria-controls": "organ-suggestions"},
    )
    code_number = _text(_("Số"), max_length=11, inputmode="numeric", autocomplete="off")
    code_notation = _text(_("Ký hiệu"), max_length=30, autocomplete="off", placeholder="KH-SNV")
    issued_date = _date_field(_("Ngày văn bản"), required=True)
    type_code = forms.ChoiceField(label=_("Loại văn bản"), error_messages=_REQUIRED)
    subject = forms.CharField(
        label=_("Trích yếu nội dung"),
        max_length=500,
        error_messages={**_REQUIRED, "max_length": _("Không được dài quá %(limit_value)d ký tự.")},
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    urgency = forms.ChoiceField(label=_("Độ khẩn"), choices=Urgency.choices)
    confidentiality = forms.TypedChoiceField(label=_("Độ mật"), coerce=int)
    signer_position = _text(_("Chức vụ người ký"), max_length=100)
    signer_full_name = _text(_("Họ tên người ký"), max_length=50)
    to_places = _text(_("Nơi nhận"), max_length=1000)
    language = forms.ChoiceField(label=_("Ngôn ngữ"), choices=Language.choices)
    page_amount = forms.IntegerField(
        label=_("Số trang"),
        min_value=1,
        max_value=999,
        initial=1,
        error_messages={
            **_REQUIRED,
            "invalid": _("Nhập một số."),
            "min_value": _("Số trang phải từ 1 đến 999."),
            "max_value": _("Số trang phải từ 1 đến 999."),
        },
    )
    due_date = _date_field(_("Hạn giải quyết"), required=False)
    register_book = forms.TypedChoiceField(
        label=_("Sổ đăng ký"), coerce=int, required=False, empty_value=None
    )
    scan = forms.FileField(
        label=_("Bản quét hoặc tệp văn bản"),
        required=False,
        help_text=_("PDF, JPEG, PNG hoặc TIFF. Kéo thả tệp vào ô này hoặc bấm để chọn."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png,.tif,.tiff"}),
    )
    scan_token = forms.CharField(required=False, widget=forms.HiddenInput)
    capture_job = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)
    confirm_duplicate = forms.BooleanField(
        label=_("Tôi đã kiểm tra và vẫn đăng ký văn bản này"), required=False
    )
    duplicate_reason = _text(_("Lý do đăng ký lại"), max_length=500)

    def __init__(
        self,
        *args: Any,
        types: Iterable[DocumentType],
        books: Iterable[RegisterBook],
        max_confidentiality: int,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        fields = self.fields
        type_field = _choice_field(self, "type_code")
        type_field.choices = [("", _("— Chọn loại —")), *((t.code, t.name) for t in types)]
        level_field = _choice_field(self, "confidentiality")
        level_field.choices = [
            (value, label)
            for value, label in Confidentiality.choices
            if value <= max_confidentiality
        ]
        book_field = _choice_field(self, "register_book")
        book_field.choices = [
            ("", _("Tự động theo độ mật")),
            *((book.pk, book.name) for book in books),
        ]
        book_field.widget.attrs["data-book-kinds"] = " ".join(
            f"{book.pk}:{book.kind}" for book in books
        )
        fields["organ_name"].widget.attrs["autofocus"] = True
        for name, key in ACCESS_KEYS.items():
            fields[name].widget.attrs["accesskey"] = key

    def clean(self) -> dict[str, Any]:
        values = super().clean() or {}
        if values.get("capture_job") and (values.get("scan") or values.get("scan_token")):
            self.add_error("scan", _("Tệp đã gửi nhận dạng sẽ được đính kèm; bỏ chọn tệp này."))
        return values

    def incoming_data(self) -> IncomingData:
        """Return the cleaned input as the registration service's data."""
        values = self.cleaned_data
        return IncomingData(
            type_code=values["type_code"],
            issued_date=values["issued_date"],
            organ_name=values["organ_name"],
            subject=values["subject"],
            code_number=values["code_number"],
            code_notation=values["code_notation"],
            signer_position=values["signer_position"],
            signer_full_name=values["signer_full_name"],
            language=values["language"],
            page_amount=values["page_amount"],
            urgency=values["urgency"],
            confidentiality=values["confidentiality"],
            to_places=values["to_places"],
            due_date=values["due_date"],
            register_book_id=values["register_book"],
            confirm_duplicate=values["confirm_duplicate"],
            duplicate_reason=values["duplicate_reason"],
        )


class FilterForm(forms.Form):
    """Filters of the register list (all optional, read from the query string)."""

    date_from = _date_field(_("Ngày đến từ"), required=False)
    date_to = _date_field(_("đến ngày"), required=False)
    status = forms.ChoiceField(
        label=_("Trạng thái"),
        required=False,
        choices=[("", _("Tất cả")), *IncomingStatus.choices],
    )
    type_code = forms.ChoiceField(label=_("Loại văn bản"), required=False)
    organ = _text(_("Cơ quan ban hành"), max_length=200)
    q = _text(_("Tìm trong trích yếu, ký hiệu"), max_length=200, type="search")
    urgent_first = forms.BooleanField(label=_("Văn bản khẩn lên đầu"), required=False)

    def __init__(self, *args: Any, types: Iterable[DocumentType], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        type_field = _choice_field(self, "type_code")
        type_field.choices = [("", _("Tất cả")), *((t.code, t.name) for t in types)]


class AssignForm(forms.Form):
    """The leader's instruction and the parties: one lead, supports, people to inform."""

    instruction = forms.CharField(
        label=_("Ý kiến chỉ đạo (bút phê)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    lead = forms.ChoiceField(label=_("Chủ trì"), error_messages=_REQUIRED)
    support = forms.MultipleChoiceField(
        label=_("Phối hợp"), required=False, help_text=_("Giữ Ctrl để chọn nhiều.")
    )
    inform = forms.MultipleChoiceField(
        label=_("Để biết"), required=False, help_text=_("Giữ Ctrl để chọn nhiều.")
    )
    due_date = _date_field(_("Hạn giải quyết"), required=False)

    def __init__(
        self,
        *args: Any,
        parties: Iterable[PartyChoice],
        default_due: dt.date | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        choices = [(party.value, party.label) for party in parties]
        for name in ("lead", "support", "inform"):
            field = _choice_field(self, name)
            field.choices = (
                [("", _("— Chọn người hoặc đơn vị —")), *choices] if (name == "lead") else choices
            )
        if default_due is not None:
            self.fields["due_date"].initial = default_due.strftime("%d/%m/%Y")
            self.fields["due_date"].help_text = _(
                "Mặc định theo quy định của cơ quan (ngày làm việc)."
            )


class NoteForm(forms.Form):
    """A note and/or the handler's proposal, added to the trace."""

    text = forms.CharField(
        label=_("Ghi chú"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    proposal = forms.CharField(
        label=_("Đề xuất"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ReplyForm(forms.Form):
    """The reference of the reply (an outgoing document's number and notation)."""

    reference = _text(
        _("Văn bản trả lời (số, ký hiệu)"), max_length=100, required=True, placeholder="125/UBND-VP"
    )


class CompleteForm(forms.Form):
    """Mark the document handled, with a note on the result."""

    note = forms.CharField(
        label=_("Kết quả giải quyết"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ReturnForm(forms.Form):
    """Send the document back to the clerk."""

    reason = forms.CharField(
        label=_("Lý do trả lại"),
        max_length=2000,
        error_messages=_REQUIRED,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class PresentForm(forms.Form):
    """Present the registered document to the leader, with an optional note."""

    note = forms.CharField(label=_("Ghi chú khi trình"), required=False, max_length=2000)


class AcceptForm(forms.Form):
    """Accept a delivered document: the register book (by confidentiality) and a due date."""

    register_book = forms.TypedChoiceField(
        label=_("Sổ đăng ký"),
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_("Mặc định theo độ mật của văn bản."),
        error_messages={"invalid_choice": _("Sổ đăng ký này không dùng được cho văn bản này.")},
    )
    due_date = _date_field(_("Hạn giải quyết"), required=False)

    def __init__(self, *args: Any, books: Iterable[RegisterBook], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        books = list(books)
        book_field = _choice_field(self, "register_book")
        book_field.choices = [(book.pk, book.name) for book in books] or [
            ("", _("— Cơ quan chưa có sổ phù hợp —"))
        ]
        if books:
            book_field.initial = books[0].pk


class RefuseForm(forms.Form):
    """Return a delivered document to its sender; the sender sees the reason."""

    reason = forms.CharField(
        label=_("Lý do trả lại (cơ quan gửi sẽ thấy)"),
        max_length=500,
        error_messages={**_REQUIRED, "max_length": _("Không được dài quá %(limit_value)d ký tự.")},
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AttachForm(forms.Form):
    """Attach one more file to a registered document (a duplicate needs a confirmation)."""

    file = forms.FileField(
        label=_("Thêm tệp"),
        required=False,
        help_text=_("Kéo thả tệp vào ô này hoặc bấm để chọn."),
    )
    file_token = forms.CharField(required=False, widget=forms.HiddenInput)
    role = forms.ChoiceField(
        label=_("Loại tệp"),
        choices=[
            (AttachmentRole.ORIGINAL.value, AttachmentRole.ORIGINAL.label),
            (AttachmentRole.APPENDIX.value, AttachmentRole.APPENDIX.label),
        ],
        initial=AttachmentRole.ORIGINAL.value,
        required=False,
    )
    confirm_duplicate = forms.BooleanField(
        label=_("Tôi đã kiểm tra và vẫn đính kèm tệp này"), required=False
    )
    duplicate_reason = _text(_("Lý do đính kèm tệp trùng"), max_length=500)
