"""HTML forms of the file plan screens and of opening a dossier by hand.

The forms only shape the input; the services check it (required text, duplicate codes, the
plan's state) and their refusals are placed beside the fields by ``form_add_refusal``.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from vanthu.accounts.models import OrgUnit, User
from vanthu.dossiers.enums import Numbering, Retention, Rights
from vanthu.dossiers.models import FilePlan, FilePlanHeading, FilePlanItem
from vanthu.dossiers.plan_services import MAX_YEAR, MIN_YEAR


class DateInput(forms.DateInput):
    input_type = "date"


def _limit(form: forms.Form, name: str, queryset: QuerySet[Any]) -> None:
    """Offer only ``queryset`` in the choice field ``name`` of ``form``."""
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)  # noqa: S101 — a choice field by design
    field.queryset = queryset


def _year_field() -> forms.IntegerField:
    return forms.IntegerField(label=_("Năm"), min_value=MIN_YEAR, max_value=MAX_YEAR)


class PlanCreateForm(forms.Form):
    """Start an empty plan for a year."""

    year = _year_field()
    numbering = forms.ChoiceField(label=_("Cách đánh số hồ sơ"), choices=Numbering.choices)


class PlanChoiceField(forms.ModelChoiceField[FilePlan]):
    def label_from_instance(self, obj: FilePlan) -> str:
        return str(_("Danh mục năm %(year)d") % {"year": obj.year})


class PlanCopyForm(forms.Form):
    """Start the plan of a year as a copy of an earlier plan of the agency."""

    source = PlanChoiceField(
        label=_("Sao chép từ"), queryset=FilePlan.objects.none(), empty_label=None
    )
    year = _year_field()

    def __init__(self, *args: Any, plans: QuerySet[FilePlan], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _limit(self, "source", plans)


class HeadingChoiceField(forms.ModelChoiceField[FilePlanHeading]):
    def label_from_instance(self, obj: FilePlanHeading) -> str:
        return f"{obj.label} {obj.title}"


class HeadingForm(forms.Form):
    """A large heading (Roman numeral, abbreviation) or a heading inside one."""

    parent = HeadingChoiceField(
        label=_("Thuộc đề mục lớn"),
        queryset=FilePlanHeading.objects.none(),
        required=False,
        empty_label=_("(Không: đây là đề mục lớn, số La Mã)"),
    )
    title = forms.CharField(label=_("Tên đề mục"), max_length=300, required=False)
    abbreviation = forms.CharField(
        label=_("Chữ viết tắt"),
        max_length=20,
        required=False,
        help_text=_("Bắt buộc với đề mục lớn; dùng trong số và ký hiệu hồ sơ (ví dụ TCCB)."),
    )

    def __init__(self, *args: Any, plan: FilePlan, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        large = plan.headings.filter(parent__isnull=True).order_by("number")
        _limit(self, "parent", large)


class ItemHeadingField(forms.ModelChoiceField[FilePlanHeading]):
    """A heading shown with the code the next item under it would get."""

    proposals: dict[int, str]

    def label_from_instance(self, obj: FilePlanHeading) -> str:
        label = f"{obj.label} {obj.title}"
        proposal = self.proposals.get(obj.pk)
        if proposal:
            return str(_("%(label)s (số đề xuất: %(code)s)") % {"label": label, "code": proposal})
        return label


class UnitChoiceField(forms.ModelChoiceField[OrgUnit]):
    def label_from_instance(self, obj: OrgUnit) -> str:
        return obj.name


class PersonChoiceField(forms.ModelChoiceField[User]):
    def label_from_instance(self, obj: User) -> str:
        return obj.full_name or obj.get_username()


class PlanItemForm(forms.Form):
    """A planned dossier under a heading; its code is proposed when left blank."""

    heading = ItemHeadingField(
        label=_("Đề mục"), queryset=FilePlanHeading.objects.none(), empty_label=_("(Chọn đề mục)")
    )
    title = forms.CharField(label=_("Tiêu đề hồ sơ"), max_length=500, required=False)
    code = forms.CharField(
        label=_("Số và ký hiệu hồ sơ"),
        max_length=40,
        required=False,
        help_text=_("Để trống: hệ thống đề xuất số tiếp theo và chữ viết tắt của đề mục lớn."),
    )
    retention = forms.ChoiceField(
        label=_("Thời hạn bảo quản"),
        choices=[("", _("(Chọn theo bảng thời hạn bảo quản)")), *Retention.choices],
        required=False,
    )
    responsible_unit = UnitChoiceField(
        label=_("Đơn vị lập hồ sơ"),
        queryset=OrgUnit.objects.none(),
        required=False,
        empty_label=_("(Không chọn)"),
    )
    responsible_user = PersonChoiceField(
        label=_("Người lập hồ sơ"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("(Không chọn)"),
    )
    keywords = forms.CharField(label=_("Từ khóa"), max_length=500, required=False)
    note = forms.CharField(label=_("Ghi chú"), max_length=500, required=False)

    def __init__(
        self, *args: Any, plan: FilePlan, proposals: dict[int, str], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        heading = self.fields["heading"]
        assert isinstance(heading, ItemHeadingField)  # noqa: S101 — declared above
        heading.queryset = plan.headings.select_related("parent").order_by("pk")
        heading.proposals = proposals
        units = OrgUnit.objects.filter(agency_id=plan.agency_id).order_by("name")
        _limit(self, "responsible_unit", units)
        people = User.objects.filter(agency_id=plan.agency_id, is_active=True).order_by(
            "full_name", "username"
        )
        _limit(self, "responsible_user", people)


class PlanIssueForm(forms.Form):
    """The Quyết định that issues an approved plan."""

    decision_number = forms.CharField(
        label=_("Số Quyết định ban hành"), max_length=50, required=False
    )
    decision_date = forms.DateField(label=_("Ngày Quyết định"), widget=DateInput)


class PlanItemChoiceField(forms.ModelChoiceField[FilePlanItem]):
    def label_from_instance(self, obj: FilePlanItem) -> str:
        return f"{obj.code} {obj.title}"


class DossierOpenForm(forms.Form):
    """Open a dossier from a plan item (blank fields take the item's values) or outside it."""

    plan_item = PlanItemChoiceField(
        label=_("Hồ sơ trong danh mục"),
        queryset=FilePlanItem.objects.none(),
        required=False,
        empty_label=_("(Ngoài danh mục hồ sơ)"),
    )
    title = forms.CharField(label=_("Tiêu đề hồ sơ"), max_length=500, required=False)
    code = forms.CharField(label=_("Số và ký hiệu hồ sơ"), max_length=40, required=False)
    retention = forms.ChoiceField(
        label=_("Thời hạn bảo quản"),
        choices=[("", _("(Chọn thời hạn bảo quản)")), *Retention.choices],
        required=False,
    )
    rights = forms.ChoiceField(
        label=_("Chế độ sử dụng"), choices=Rights.choices, initial=Rights.PUBLIC
    )
    opened_on = forms.DateField(
        label=_("Ngày mở hồ sơ"),
        widget=DateInput,
        required=False,
        help_text=_("Để trống: hôm nay."),
    )
    is_construction = forms.BooleanField(label=_("Hồ sơ công trình xây dựng"), required=False)
    description = forms.CharField(
        label=_("Mô tả"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args: Any, items: QuerySet[FilePlanItem], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _limit(self, "plan_item", items)
