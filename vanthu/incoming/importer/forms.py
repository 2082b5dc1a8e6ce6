"""Forms of the import screens: the upload, the column mapping and the confirmation."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from vanthu.accounts.models import Agency
from vanthu.documents.models import RegisterBook
from vanthu.documents.numbering import today_in_vietnam
from vanthu.incoming.importer.access import import_books
from vanthu.incoming.importer.columns import LABELS, REQUIRED, Column, ColumnMap
from vanthu.incoming.importer.service import MIN_YEAR

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
NO_COLUMN = ""


class UploadForm(forms.Form):
    """Choose the file, the register year and the book."""

    file = forms.FileField(label=_("Tệp Excel (.xlsx) của sổ đăng ký văn bản đến"))
    year = forms.IntegerField(label=_("Năm của sổ"), min_value=MIN_YEAR)
    book = forms.ModelChoiceField(
        label=_("Nhập vào sổ"), queryset=RegisterBook.objects.none(), empty_label=None
    )
    sheet = forms.CharField(
        label=_("Trang tính"),
        required=False,
        max_length=100,
        help_text=_("Để trống để dùng trang tính đầu tiên."),
    )
    header_row = forms.IntegerField(
        label=_("Dòng tiêu đề"),
        required=False,
        min_value=1,
        help_text=_("Để trống để tự tìm dòng có các tiêu đề Ngày đến, Số đến, Tác giả…"),
    )

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["book"]
        if isinstance(field, forms.ModelChoiceField):
            field.queryset = import_books(agency)
        self.fields["file"].widget.attrs["accept"] = ".xlsx"

    def clean_year(self) -> int:
        year: int = self.cleaned_data["year"]
        if year > today_in_vietnam().year:
            raise forms.ValidationError(_("Năm của sổ không được sau năm nay."))
        return year

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("Chỉ nhận tệp .xlsx."))
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("Tệp quá lớn (tối đa 50 MB)."))
        return upload


class MappingForm(forms.Form):
    """Choose the sheet column of each register column (prefilled with the automatic mapping)."""

    def __init__(
        self,
        *args: Any,
        sheet_columns: tuple[tuple[str, str], ...],
        mapping: ColumnMap,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        choices = [(NO_COLUMN, _("— không có —"))] + [
            (letter, f"{letter}: {heading}" if heading else letter)
            for letter, heading in sheet_columns
        ]
        letters = [letter for letter, _heading in sheet_columns]
        for column in Column:
            index = mapping.get(column)
            self.fields[column.value] = forms.ChoiceField(
                label=str(LABELS[column]),
                choices=choices,
                required=column in REQUIRED,
                initial=letters[index] if index is not None and index < len(letters) else "",
            )

    def mapping_text(self) -> str:
        """Return the chosen mapping in the ``--map`` syntax (every column, empty = none)."""
        return ",".join(f"{column.value}={self.cleaned_data[column.value]}" for column in Column)


class ConfirmForm(forms.Form):
    """Confirm the import after the dry run."""

    skip_invalid = forms.BooleanField(
        label=_("Bỏ qua các dòng lỗi, chỉ nhập các dòng hợp lệ"), required=False
    )
