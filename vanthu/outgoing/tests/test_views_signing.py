"""The "Ký số" screens: approval with the signing mode, the signer's PIN prompt, the clerk's
agency signature and issue, and the refusal of a paper issue for a digital draft."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone

from tests.pki import pki, services
from vanthu.audit.models import AuditEvent
from vanthu.outgoing.enums import DraftStatus, SignatureState, SigningMode
from vanthu.outgoing.issue import DraftNeedsDigitalSignatureError, draft_issue
from vanthu.outgoing.models import OutgoingRecord
from vanthu.outgoing.signing_flow import draft_sign
from vanthu.outgoing.tests.factories import Office, draft_format_checked
from vanthu.outgoing.tests.signing_setup import Keys, digital_draft, keys_register
from vanthu.outgoing.tests.test_views_support import as_user
from vanthu.signing.models import Certificate
from vanthu.signing.testpki import PASSWORD, TestPKI

__all__ = ["pki", "services"]

pytestmark = pytest.mark.django_db
Capture = Callable[..., Any]
WRONG_PIN = "sai-ma-pin-987"


@pytest.fixture
def keys(office: Office, pki: TestPKI) -> Keys:
    return keys_register(office, pki)


def _pin_error(html: str) -> str:
    """Return the errors shown beside the PIN field."""
    found = re.search(r'<ul class="field-errors" id="id_pin_error">(.*?)</ul>', html, re.S)
    assert found, "no error beside the PIN field"
    return found.group(1)


class TestApproval:
    def test_the_leader_chooses_digital_and_gets_the_sign_button(self, office: Office) -> None:
        draft = draft_format_checked(office)
        client = as_user(office.leader)
        page = client.get(f"/van-ban-di/du-thao/{draft.pk}/").content.decode()
        assert 'name="signing_mode" value="digital"' in page

        response = client.post(
            f"/van-ban-di/du-thao/{draft.pk}/duyet-ky-so/", {"signing_mode": "digital"}
        )

        assert response.status_code == 302
        draft.refresh_from_db()
        assert draft.status == DraftStatus.APPROVED
        assert draft.signing_mode == SigningMode.DIGITAL
        assert draft.signature_state == SignatureState.DIGITAL_PENDING
        page = client.get(f"/van-ban-di/du-thao/{draft.pk}/").content.decode()
        assert f'href="/van-ban-di/du-thao/{draft.pk}/ky-so/" data-sign' in page
        queue = client.get("/van-ban-di/cho-ky/").content.decode()
        assert f'data-draft="{draft.pk}"' in queue
        assert f'href="/van-ban-di/du-thao/{draft.pk}/ky-so/" data-sign' in queue

    def test_paper_stays_the_default_and_offers_no_sign_button(self, office: Office) -> None:
        draft = draft_format_checked(office)
        client = as_user(office.leader)
        page = client.get(f"/van-ban-di/du-thao/{draft.pk}/").content.decode()
        assert 'name="signing_mode" value="paper" checked' in page
        client.post(
            f"/van-ban-di/du-thao/{draft.pk}/duyet-ky-so/",
            {"signing_mode": "paper", "comment": "Đồng ý."},
        )
        draft.refresh_from_db()
        assert draft.signing_mode == SigningMode.PAPER
        assert draft.signature_state == SignatureState.PAPER_SIGNED
        assert "data-sign" not in client.get(f"/van-ban-di/du-thao/{draft.pk}/").content.decode()
        assert f'data-draft="{draft.pk}"' not in client.get("/van-ban-di/cho-ky/").content.decode()

    def test_an_unknown_mode_is_refused_beside_the_choice(self, office: Office) -> None:
        draft = draft_format_checked(office)
        response = as_user(office.leader).post(
            f"/van-ban-di/du-thao/{draft.pk}/duyet-ky-so/", {"signing_mode": "fax"}
        )
        assert response.status_code == 400
        assert "field-invalid" in response.content.decode()
        draft.refresh_from_db()
        assert draft.status == DraftStatus.FORMAT_CHECKED


class TestSignerPrompt:
    def test_the_prompt_is_a_password_field_that_is_never_echoed(
        self, office: Office, keys: Keys
    ) -> None:
        draft = digital_draft(office)
        client = as_user(office.leader)
        page = client.get(f"/van-ban-di/du-thao/{draft.pk}/ky-so/").content.decode()
        field = re.search(r'<input type="password" name="pin"[^>]*>', page)
        assert field is not None
        assert 'autocomplete="off"' in field.group(0)

        response = client.post(f"/van-ban-di/du-thao/{draft.pk}/ky-so/", {"pin": WRONG_PIN})

        html = response.content.decode()
        assert response.status_code == 409
        assert "PIN" in _pin_error(html) or "mật khẩu" in _pin_error(html)
        assert WRONG_PIN not in html
        assert response.wsgi_request.sensitive_post_parameters == ("pin",)  # type: ignore[attr-defined]
        draft.refresh_from_db()
        assert draft.signer_signed_pdf_id is None
        assert not AuditEvent.objects.filter(action="outgoing.draft_signed").exists()

    def test_the_right_pin_signs_and_the_pin_is_stored_nowhere(
        self, office: Office, keys: Keys
    ) -> None:
        draft = digital_draft(office)
        client = as_user(office.leader)

        response = client.post(f"/van-ban-di/du-thao/{draft.pk}/ky-so/", {"pin": PASSWORD})

        assert response.status_code == 302
        draft.refresh_from_db()
        assert draft.signer_signed_pdf_id is not None
        assert draft.signature_state == SignatureState.LEADER_SIGNED
        event = AuditEvent.objects.get(action="outgoing.draft_signed")
        assert PASSWORD not in str(event.data)
        page = client.get(response["Location"]).content.decode()
        assert "Đã ký số" in page
        assert '<span data-state-signature="leader_signed">Đã ký số, chờ ký số cơ quan' in page
        assert "data-sign" not in page  # signed once: the button is gone
        queue = client.get("/van-ban-di/cho-ky/").content.decode()
        assert f'data-draft="{draft.pk}"' not in queue  # nothing left to sign

    def test_an_expired_certificate_is_shown_beside_the_field(
        self, office: Office, keys: Keys
    ) -> None:
        draft = digital_draft(office)
        Certificate.objects.filter(pk=keys.leader_certificate.pk).update(
            not_after=timezone.now() - dt.timedelta(days=1)
        )
        response = as_user(office.leader).post(
            f"/van-ban-di/du-thao/{draft.pk}/ky-so/", {"pin": PASSWORD}
        )
        assert response.status_code == 409
        assert "hết hạn" in _pin_error(response.content.decode())
        draft.refresh_from_db()
        assert draft.signer_signed_pdf_id is None

    def test_no_certificate_is_a_message_not_a_missing_page(self, office: Office) -> None:
        draft = digital_draft(office)
        response = as_user(office.leader).post(
            f"/van-ban-di/du-thao/{draft.pk}/ky-so/", {"pin": PASSWORD}
        )
        assert response.status_code == 409
        assert "chứng thư" in _pin_error(response.content.decode()).lower()

    def test_an_empty_pin_is_required(self, office: Office, keys: Keys) -> None:
        draft = digital_draft(office)
        response = as_user(office.leader).post(f"/van-ban-di/du-thao/{draft.pk}/ky-so/", {})
        assert response.status_code == 400
        assert "bắt buộc" in _pin_error(response.content.decode())

    def test_only_the_assigned_signer_gets_the_prompt(self, office: Office, keys: Keys) -> None:
        draft = digital_draft(office)
        assert (
            as_user(office.clerk).get(f"/van-ban-di/du-thao/{draft.pk}/ky-so/").status_code == 403
        )


class TestPaperIssueRefused:
    def test_the_service_refuses_to_issue_a_digital_draft_unsigned(
        self, office: Office, keys: Keys
    ) -> None:
        draft = digital_draft(office)
        with pytest.raises(DraftNeedsDigitalSignatureError):
            draft_issue(actor=office.clerk, draft_id=draft.pk)
        draft_sign(actor=office.leader, draft_id=draft.pk, pin=PASSWORD)
        with pytest.raises(DraftNeedsDigitalSignatureError):  # signed by the leader: still not
            draft_issue(actor=office.clerk, draft_id=draft.pk)
        assert not OutgoingRecord.objects.exists()

    def test_the_api_answers_409_with_the_code(self, office: Office, keys: Keys) -> None:
        draft = digital_draft(office)
        response = as_user(office.clerk).post(
            f"/api/v1/drafts/{draft.pk}/issue", {}, content_type="application/json"
        )
        assert response.status_code == 409
        assert response.json()["code"] == "draft_needs_digital_signature"

    def test_the_paper_issue_page_points_to_the_digital_step(
        self, office: Office, keys: Keys
    ) -> None:
        draft = digital_draft(office)
        client = as_user(office.clerk)
        draft_page = client.get(f"/van-ban-di/du-thao/{draft.pk}/").content.decode()
        assert "data-waiting-signer" in draft_page
        page = client.get(f"/van-ban-di/du-thao/{draft.pk}/phat-hanh/").content.decode()
        assert "không phát hành bản giấy" in page
        assert "data-agency-sign" not in page
        response = client.post(f"/van-ban-di/du-thao/{draft.pk}/phat-hanh/", {})
        assert response.status_code == 409
        assert "Ký số cơ quan và phát hành" in response.content.decode()
        draft.refresh_from_db()
        assert draft.status == DraftStatus.APPROVED


class TestAgencySignature:
    def test_before_the_leader_signs_the_clerk_has_no_pin_form(
        self, office: Office, keys: Keys
    ) -> None:
        draft = digital_draft(office)
        page = as_user(office.clerk).get(f"/van-ban-di/du-thao/{draft.pk}/ky-so-co-quan/")
        html = page.content.decode()
        assert "Chờ Nguyễn Văn Đức ký số" in html
        assert 'name="pin"' not in html

    @pytest.mark.usefixtures("services")
    def test_wrong_then_right_pin_issues_with_two_valid_signatures(
        self,
        office: Office,
        other_office: Office,
        keys: Keys,
        django_capture_on_commit_callbacks: Capture,
    ) -> None:
        draft = digital_draft(office)
        draft_sign(actor=office.leader, draft_id=draft.pk, pin=PASSWORD)
        client = as_user(office.clerk)
        draft_page = client.get(f"/van-ban-di/du-thao/{draft.pk}/").content.decode()
        assert f'href="/van-ban-di/du-thao/{draft.pk}/ky-so-co-quan/"' in draft_page
        form = client.get(f"/van-ban-di/du-thao/{draft.pk}/ky-so-co-quan/").content.decode()
        assert "data-agency-sign" in form and 'name="agencies"' in form
        body = {"agencies": [str(other_office.agency.pk)], "copies": "2"}

        wrong = client.post(
            f"/van-ban-di/du-thao/{draft.pk}/ky-so-co-quan/", {**body, "pin": WRONG_PIN}
        )
        assert wrong.status_code == 409
        assert WRONG_PIN not in wrong.content.decode()
        _pin_error(wrong.content.decode())
        assert not OutgoingRecord.objects.exists()

        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                f"/van-ban-di/du-thao/{draft.pk}/ky-so-co-quan/", {**body, "pin": PASSWORD}
            )
        issued = OutgoingRecord.objects.get()
        assert response.status_code == 302
        assert response["Location"] == f"/van-ban-di/{issued.pk}/"
        assert issued.number == 1 and issued.copies == 2
        record_page = client.get(response["Location"]).content.decode()
        assert "Đã ký số cơ quan và cấp số 01/SNV-VP" in record_page
        assert "data-signatures" in record_page
        assert "sig-valid" in record_page and "Hợp lệ" in record_page
        assert record_page.count('<table class="sig-table">') == 2
        draft.refresh_from_db()
        assert draft.signature_state == SignatureState.DIGITAL_SIGNED
        draft_page = client.get(f"/van-ban-di/du-thao/{draft.pk}/").content.decode()
        assert 'data-state-signature="digital_signed"' in draft_page
        assert "ky-so-co-quan/" not in draft_page  # signed and issued: no button

        # Delivered to the other agency (it accepts it in test_browser_signing.py).
        assert issued.distributions.get().agency == other_office.agency
