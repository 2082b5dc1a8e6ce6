"""The file plan screens: choose the year, start or copy a plan, add headings and items,
approve and issue it; refusals shown beside the fields; who may do what."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db.models import Model
from django.utils import timezone

from tests.web import logged_in_client, page_text
from vanthu.audit.models import AuditEvent
from vanthu.dossiers.enums import FilePlanStatus
from vanthu.dossiers.models import FilePlan, FilePlanHeading, FilePlanItem
from vanthu.dossiers.plan_services import file_plan_approve
from vanthu.dossiers.tests.factories import plan_make
from vanthu.incoming.tests.factories import Office

pytestmark = [pytest.mark.django_db]
PAGE = "/danh-muc-ho-so/"


def _audited(action: str, target: Model) -> bool:
    return AuditEvent.objects.filter(action=action, target_id=str(target.pk)).exists()


def test_an_editor_without_a_plan_sees_the_create_form(office: Office) -> None:
    page = logged_in_client(office.clerk).get(PAGE)
    assert page.status_code == 200
    text = page_text(page)
    assert "Cơ quan chưa có danh mục hồ sơ." in text
    assert "Lập danh mục mới" in text
    assert "Cách đánh số hồ sơ" in text
    assert "Sao chép từ năm trước" not in text  # nothing to copy yet
    assert f'value="{timezone.localdate().year}"' in text


def test_create_a_plan_then_the_same_year_is_refused(office: Office) -> None:
    client = logged_in_client(office.clerk)
    response = client.post(f"{PAGE}lap/", {"year": "2026", "numbering": "continuous"})
    assert response.status_code == 302
    assert response["Location"] == f"{PAGE}?nam=2026"
    plan = FilePlan.objects.get(agency=office.agency, year=2026)
    assert (plan.status, plan.created_by) == (FilePlanStatus.DRAFT, office.clerk)
    assert _audited("dossiers.plan_created", plan)
    again = client.post(f"{PAGE}lap/", {"year": "2026", "numbering": "continuous"})
    assert again.status_code == 400
    assert "Cơ quan đã có danh mục hồ sơ của năm này." in page_text(again)
    assert FilePlan.objects.filter(agency=office.agency).count() == 1
    bad = client.post(f"{PAGE}lap/", {"year": "1999", "numbering": "continuous"})
    assert bad.status_code == 400
    assert 'class="field field-invalid"' in bad.content.decode()


def test_copy_from_the_previous_year(office: Office) -> None:
    source, _heading, _item = plan_make(office.clerk, year=2026)
    client = logged_in_client(office.clerk)
    page = page_text(client.get(f"{PAGE}?nam=2027"))
    assert "Chưa có danh mục hồ sơ năm 2027." in page
    assert "Sao chép từ năm trước" in page
    assert "Danh mục năm 2026" in page
    response = client.post(f"{PAGE}sao-chep/", {"source": str(source.pk), "year": "2027"})
    assert response.status_code == 302
    copy = FilePlan.objects.get(agency=office.agency, year=2027)
    assert copy.copied_from == source
    assert list(copy.items.values_list("code", flat=True)) == ["01.TCCB"]
    assert _audited("dossiers.plan_copied", copy)
    assert "01.TCCB" in page_text(client.get(f"{PAGE}?nam=2027"))


def test_copy_refuses_another_agencys_plan(office: Office, other_office: Office) -> None:
    foreign, _heading, _item = plan_make(other_office.clerk, year=2026)
    plan_make(office.clerk, year=2025)
    response = logged_in_client(office.clerk).post(
        f"{PAGE}sao-chep/", {"source": str(foreign.pk), "year": "2027"}
    )
    assert response.status_code == 400
    assert not FilePlan.objects.filter(agency=office.agency, year=2027).exists()


def test_add_large_and_inner_headings(office: Office) -> None:
    plan, large, _item = plan_make(office.clerk)
    client = logged_in_client(office.clerk)
    url = f"{PAGE}{plan.pk}/de-muc/"
    refused = client.post(url, {"title": "Kế hoạch, tài chính", "abbreviation": ""})
    assert refused.status_code == 400
    assert "Đề mục lớn cần có chữ viết tắt (ví dụ TCCB)." in page_text(refused)
    assert (
        client.post(url, {"title": "Kế hoạch, tài chính", "abbreviation": "khtc"}).status_code
        == 302
    )
    second = FilePlanHeading.objects.get(plan=plan, abbreviation="KHTC")
    assert (second.label, second.parent) == ("II.", None)
    assert _audited("dossiers.plan_heading_added", second)
    response = client.post(url, {"title": "Tuyển dụng", "parent": str(large.pk)})
    assert response.status_code == 302
    inner = FilePlanHeading.objects.get(plan=plan, title="Tuyển dụng")
    assert (inner.parent, inner.label) == (large, "1.")
    page = page_text(client.get(response["Location"]))
    assert "II. Kế hoạch, tài chính" in page
    assert "1. Tuyển dụng" in page


def test_add_an_item_with_the_proposed_code_and_a_duplicate(office: Office) -> None:
    plan, heading, _item = plan_make(office.clerk)
    client = logged_in_client(office.clerk)
    page = page_text(client.get(PAGE))
    assert "Thêm hồ sơ vào danh mục" in page
    assert "số đề xuất: 02.TCCB" in page
    assert "Thời hạn bảo quản" in page
    url = f"{PAGE}{plan.pk}/ho-so/"
    data = {
        "heading": str(heading.pk),
        "title": "Hồ sơ tuyển dụng công chức năm 2026",
        "retention": "permanent",
        "responsible_unit": str(office.unit_a.pk),
        "responsible_user": str(office.specialist_a.pk),
        "note": "Phòng Tổ chức",
    }
    assert client.post(url, data).status_code == 302
    item = FilePlanItem.objects.get(plan=plan, code="02.TCCB")
    assert (item.responsible_user, item.retention) == (office.specialist_a, "permanent")
    assert _audited("dossiers.plan_item_added", item)
    duplicate = client.post(url, {**data, "code": "01.TCCB"})
    assert duplicate.status_code == 400
    text = page_text(duplicate)
    assert '<ul class="field-errors" id="item_code_error">' in text
    assert "Trùng số và ký hiệu hồ sơ." in text
    assert FilePlanItem.objects.filter(plan=plan).count() == 2
    missing = client.post(url, {"heading": str(heading.pk), "title": "", "retention": ""})
    assert missing.status_code == 400
    assert "Trường này là bắt buộc." in page_text(missing)


def test_a_specialist_reads_the_plan_but_cannot_edit(office: Office) -> None:
    plan, heading, _item = plan_make(office.clerk)
    client = logged_in_client(office.specialist_a)
    page = page_text(client.get(PAGE))
    assert "01.TCCB" in page
    assert "Thêm đề mục" not in page
    assert "Phê duyệt" not in page
    assert (
        client.post(f"{PAGE}lap/", {"year": "2027", "numbering": "continuous"}).status_code == 403
    )
    heading_post = client.post(f"{PAGE}{plan.pk}/de-muc/", {"title": "X", "abbreviation": "X"})
    assert heading_post.status_code == 403
    item_post = client.post(f"{PAGE}{plan.pk}/ho-so/", {"heading": str(heading.pk), "title": "X"})
    assert item_post.status_code == 403
    assert FilePlanHeading.objects.filter(plan=plan).count() == 1


def test_another_agencys_plan_is_not_found(office: Office, other_office: Office) -> None:
    plan, heading, _item = plan_make(other_office.clerk)
    client = logged_in_client(office.clerk)
    assert (
        client.post(f"{PAGE}{plan.pk}/de-muc/", {"title": "X", "abbreviation": "X"}).status_code
        == 404
    )
    assert client.post(f"{PAGE}{plan.pk}/ho-so/", {"heading": str(heading.pk)}).status_code == 404
    assert logged_in_client(office.leader).post(f"{PAGE}{plan.pk}/phe-duyet/").status_code == 404
    assert client.post(f"{PAGE}{plan.pk}/ban-hanh/", {}).status_code == 404


def test_approve_is_for_the_leader_then_the_plan_is_closed(office: Office) -> None:
    plan, heading, _item = plan_make(office.clerk)
    assert logged_in_client(office.clerk).post(f"{PAGE}{plan.pk}/phe-duyet/").status_code == 403
    leader = logged_in_client(office.leader)
    assert "Phê duyệt" in page_text(leader.get(PAGE))
    response = leader.post(f"{PAGE}{plan.pk}/phe-duyet/", follow=True)
    assert "Đã phê duyệt danh mục hồ sơ năm 2026." in page_text(response)
    plan.refresh_from_db()
    assert (plan.status, plan.approved_by) == (FilePlanStatus.APPROVED, office.leader)
    assert _audited("dossiers.plan_approved", plan)
    again = leader.post(f"{PAGE}{plan.pk}/phe-duyet/", follow=True)
    assert "Thao tác không phù hợp với trạng thái của danh mục hồ sơ." in page_text(again)
    clerk = logged_in_client(office.clerk)
    page = page_text(clerk.get(PAGE))
    assert "Thêm đề mục" not in page
    assert "Ban hành danh mục hồ sơ" in page
    assert f"/ho-so/mo/?muc={plan.items.get().pk}" in page
    added = clerk.post(
        f"{PAGE}{plan.pk}/ho-so/",
        {"heading": str(heading.pk), "title": "Hồ sơ mới", "retention": "10"},
    )
    assert added.status_code == 400
    assert "không sửa được nữa" in page_text(added)
    assert plan.items.count() == 1


def test_approving_an_empty_plan_is_refused(office: Office) -> None:
    client = logged_in_client(office.clerk)
    client.post(f"{PAGE}lap/", {"year": "2026", "numbering": "per_heading"})
    plan = FilePlan.objects.get(agency=office.agency)
    response = logged_in_client(office.leader).post(f"{PAGE}{plan.pk}/phe-duyet/", follow=True)
    assert "Danh mục hồ sơ chưa có hồ sơ nào." in page_text(response)
    plan.refresh_from_db()
    assert plan.status == FilePlanStatus.DRAFT


def test_issue_with_the_decision(office: Office) -> None:
    plan, _heading, _item = plan_make(office.clerk)
    client = logged_in_client(office.clerk)
    early = client.post(
        f"{PAGE}{plan.pk}/ban-hanh/",
        {"decision_number": "12/QĐ-SNV", "decision_date": "2026-01-05"},
    )
    assert early.status_code == 400
    assert "phải được phê duyệt trước khi ban hành" in page_text(early)
    file_plan_approve(actor=office.leader, plan=plan)
    blank = client.post(
        f"{PAGE}{plan.pk}/ban-hanh/", {"decision_number": " ", "decision_date": "2026-01-05"}
    )
    assert blank.status_code == 400
    assert '<ul class="field-errors" id="issue_decision_number_error">' in blank.content.decode()
    done = client.post(
        f"{PAGE}{plan.pk}/ban-hanh/",
        {"decision_number": "12/QĐ-SNV", "decision_date": "2026-01-05"},
        follow=True,
    )
    assert "Đã ban hành danh mục hồ sơ năm 2026." in page_text(done)
    plan.refresh_from_db()
    assert (plan.status, plan.decision_number) == (FilePlanStatus.ISSUED, "12/QĐ-SNV")
    assert plan.decision_date == dt.date(2026, 1, 5)
    assert _audited("dossiers.plan_issued", plan)
    assert "Quyết định số 12/QĐ-SNV" in page_text(done)
    assert (
        logged_in_client(office.specialist_a).post(f"{PAGE}{plan.pk}/ban-hanh/", {}).status_code
        == 403
    )


def test_the_reference_schedule_is_offered_for_a_title(office: Office) -> None:
    client = logged_in_client(office.clerk)
    fragment = page_text(client.get(f"{PAGE}thoi-han/", {"title": "Kế hoạch, báo cáo năm"}))
    assert "Kế hoạch, báo cáo năm của cơ quan và đơn vị trực thuộc" in fragment
    assert "Vĩnh viễn" in fragment
    none = page_text(client.get(f"{PAGE}thoi-han/", {"title": "zzqx"}))
    assert "Không có nhóm hồ sơ tương ứng" in none


def test_print_the_chosen_year(office: Office) -> None:
    plan_make(office.clerk, year=2025)
    plan_make(office.clerk, year=2026)
    client = logged_in_client(office.specialist_a)
    docx = client.get(f"{PAGE}in/docx/?nam=2025")
    assert docx["Content-Disposition"] == 'attachment; filename="danh-muc-ho-so-2025.docx"'
    latest = client.get(f"{PAGE}in/docx/")
    assert latest["Content-Disposition"] == 'attachment; filename="danh-muc-ho-so-2026.docx"'
    page = page_text(client.get(f"{PAGE}?nam=2025"))
    assert "DANH MỤC HỒ SƠ" in page and "NĂM 2025" in page
    assert f"{PAGE}in/pdf/?nam=2025" in page
