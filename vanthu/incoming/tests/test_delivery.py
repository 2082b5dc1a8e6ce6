"""Delivery between agencies of one installation: send, the queue, accept, refuse."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.test import Client

from vanthu.accounts.enums import AgencyStatus
from vanthu.audit.models import AuditEvent
from vanthu.core.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from vanthu.documents.enums import Confidentiality, Urgency
from vanthu.documents.models import Document
from vanthu.documents.numbering import today_in_vietnam
from vanthu.incoming.enums import Channel, DeliveryStatus, IncomingStatus
from vanthu.incoming.errors import DeliveryDecidedError, DeliveryExistsError
from vanthu.incoming.models import IncomingDelivery, IncomingRecord
from vanthu.incoming.selectors import (
    deliveries_pending_for,
    deliveries_sent_for,
    delivery_get_for,
)
from vanthu.incoming.services import delivery_accept, delivery_refuse, delivery_send
from vanthu.incoming.tests.deliveries import document_make as _document
from vanthu.incoming.tests.deliveries import send as _send
from vanthu.incoming.tests.factories import Office, office_make
from vanthu.workflow.models import TraceEntry

pytestmark = [pytest.mark.django_db]
PENDING_URL = "/api/v1/incoming/pending"


class TestSend:
    def test_a_document_reaches_each_receiver_once(
        self, office: Office, other_office: Office
    ) -> None:
        third = office_make()
        document = _document(office)
        sent = delivery_send(
            actor=office.clerk, document=document, to_agencies=[other_office.agency, third.agency]
        )
        assert {d.to_agency_id for d in sent} == {other_office.agency.pk, third.agency.pk}
        assert all(d.status == DeliveryStatus.PENDING for d in sent)
        assert AuditEvent.objects.filter(action="incoming.delivery_sent").count() == 2
        with pytest.raises(DeliveryExistsError):
            delivery_send(actor=office.clerk, document=document, to_agencies=[third.agency])

    def test_refusals_of_the_sender(self, office: Office, other_office: Office) -> None:
        document = _document(office)
        closed = office_make()
        closed.agency.status = AgencyStatus.DISSOLVED
        closed.agency.save()
        for receivers in ([], [office.agency], [closed.agency]):
            with pytest.raises(InvalidInputError):
                delivery_send(actor=office.clerk, document=document, to_agencies=receivers)
        for actor in (office.specialist_a, other_office.clerk):
            with pytest.raises(PermissionDeniedError):
                delivery_send(actor=actor, document=document, to_agencies=[closed.agency])

    def test_one_live_delivery_per_receiver_in_the_database(
        self, office: Office, other_office: Office
    ) -> None:
        delivery = _send(office, other_office)
        with pytest.raises(IntegrityError), transaction.atomic():
            IncomingDelivery.objects.create(
                document=delivery.document,
                from_agency=office.agency,
                to_agency=other_office.agency,
                sent_by=office.clerk,
                sent_at=delivery.sent_at,
            )


class TestQueue:
    def test_urgent_first_then_by_sent_time(self, office: Office, other_office: Office) -> None:
        normal = _send(office, other_office, code_number="1")
        urgent = _send(office, other_office, code_number="2", urgency=Urgency.URGENT)
        flash = _send(office, other_office, code_number="3", urgency=Urgency.FLASH)
        very = _send(office, other_office, code_number="4", urgency=Urgency.VERY_URGENT)
        urgent_later = _send(office, other_office, code_number="5", urgency=Urgency.URGENT)
        queue = list(deliveries_pending_for(actor=other_office.clerk))
        assert queue == [flash, very, urgent, urgent_later, normal]

    def test_only_the_receivers_clerks_see_it(self, office: Office, other_office: Office) -> None:
        delivery = _send(office, other_office)
        assert not deliveries_pending_for(actor=office.clerk).exists()
        assert not deliveries_pending_for(actor=other_office.leader).exists()
        for actor in (office.clerk, other_office.specialist_a):
            with pytest.raises(NotFoundError):
                delivery_get_for(actor=actor, pk=delivery.pk)

    def test_a_confidential_document_is_hidden_from_an_uncleared_clerk(
        self, office: Office, other_office: Office
    ) -> None:
        _send(office, other_office, confidentiality=Confidentiality.CONFIDENTIAL)
        assert deliveries_pending_for(actor=other_office.clerk).count() == 1
        other_office.clerk.clearance = 0
        other_office.clerk.save()
        assert not deliveries_pending_for(actor=other_office.clerk).exists()


class TestAccept:
    def test_the_same_document_is_registered_with_the_next_number(
        self, office: Office, other_office: Office
    ) -> None:
        other_office.register()
        delivery = _send(office, other_office)
        record = delivery_accept(actor=other_office.clerk, delivery=delivery)
        assert record.document_id == delivery.document_id  # never copied
        assert Document.objects.count() == 2
        assert (record.agency_id, record.arrival_number, record.channel) == (
            other_office.agency.pk,
            2,
            Channel.ELECTRONIC,
        )
        assert record.status == IncomingStatus.REGISTERED
        delivery.refresh_from_db()
        assert (delivery.status, delivery.accepted_record_id) == (
            DeliveryStatus.ACCEPTED,
            record.pk,
        )
        assert TraceEntry.objects.filter(agency=other_office.agency, action="registered").count()
        assert AuditEvent.objects.filter(action="incoming.delivery_accepted").exists()
        with pytest.raises(DeliveryDecidedError):
            delivery_accept(actor=other_office.clerk, delivery=delivery)
        with pytest.raises(DeliveryDecidedError):
            delivery_refuse(actor=other_office.clerk, delivery=delivery, reason="Nhầm")

    def test_a_confidential_document_goes_to_the_secret_book(
        self, office: Office, other_office: Office
    ) -> None:
        delivery = _send(office, other_office, confidentiality=Confidentiality.CONFIDENTIAL)
        record = delivery_accept(actor=other_office.clerk, delivery=delivery)
        assert record.register_book_id == other_office.secret_book.pk

    def test_only_a_clerk_of_the_receiver_accepts(
        self, office: Office, other_office: Office
    ) -> None:
        delivery = _send(office, other_office)
        for actor in (office.clerk, other_office.leader):
            with pytest.raises(PermissionDeniedError):
                delivery_accept(actor=actor, delivery=delivery)
        with pytest.raises(InvalidInputError):
            delivery_accept(
                actor=other_office.clerk,
                delivery=delivery,
                due_date=today_in_vietnam() - dt.timedelta(days=1),
            )
        assert not IncomingRecord.objects.exists()


class TestRefuse:
    def test_the_sender_sees_the_reason(self, office: Office, other_office: Office) -> None:
        delivery = _send(office, other_office)
        with pytest.raises(InvalidInputError):
            delivery_refuse(actor=other_office.clerk, delivery=delivery, reason="  ")
        delivery_refuse(actor=other_office.clerk, delivery=delivery, reason="Không đúng thẩm quyền")
        refused = list(deliveries_sent_for(actor=office.leader, status=DeliveryStatus.REFUSED))
        assert [(d.pk, d.refusal_reason) for d in refused] == [
            (delivery.pk, "Không đúng thẩm quyền")
        ]
        assert not deliveries_sent_for(actor=other_office.leader).exists()
        assert not deliveries_sent_for(actor=office.specialist_a).exists()
        assert not deliveries_pending_for(actor=other_office.clerk).exists()
        # After a refusal the document may be sent again.
        again = delivery_send(
            actor=office.clerk, document=delivery.document, to_agencies=[other_office.agency]
        )
        assert again[0].status == DeliveryStatus.PENDING


def _as(client: Client, office: Office) -> Client:
    client.force_login(office.clerk)
    return client


class TestApi:
    def test_queue_accept_and_refuse(
        self, client: Client, office: Office, other_office: Office
    ) -> None:
        first = _send(office, other_office, code_number="1")
        second = _send(office, other_office, code_number="2", urgency=Urgency.FLASH)
        body = _as(client, other_office).get(f"{PENDING_URL}?limit=1").json()
        assert [item["id"] for item in body["items"]] == [second.pk]
        assert body["items"][0]["from_agency"]["name"] == office.agency.name
        assert body["items"][0]["urgency"] == "flash"
        body = client.get(f"{PENDING_URL}?limit=1&cursor={body['next_cursor']}").json()
        assert ([item["id"] for item in body["items"]], body["next_cursor"]) == ([first.pk], None)

        response = client.post(
            f"{PENDING_URL}/{second.pk}/accept", {}, content_type="application/json"
        )
        assert response.status_code == 201, response.json()
        assert response.json()["arrival_number"] == 1
        assert response.json()["channel"] == "electronic"
        response = client.post(
            f"{PENDING_URL}/{second.pk}/accept", {}, content_type="application/json"
        )
        assert (response.status_code, response.json()["code"]) == (409, "delivery_decided")

        response = client.post(
            f"{PENDING_URL}/{first.pk}/refuse",
            {"reason": "Gửi nhầm cơ quan"},
            content_type="application/json",
        )
        assert response.status_code == 200
        assert (response.json()["status"], response.json()["refusal_reason"]) == (
            "refused",
            "Gửi nhầm cơ quan",
        )
        assert client.get(PENDING_URL).json()["items"] == []

    def test_refusals_answer_404_or_400(
        self, client: Client, office: Office, other_office: Office
    ) -> None:
        delivery = _send(office, other_office)
        response = _as(client, office).post(
            f"{PENDING_URL}/{delivery.pk}/accept", {}, content_type="application/json"
        )
        assert response.status_code == 404
        response = _as(client, other_office).post(
            f"{PENDING_URL}/{delivery.pk}/refuse", {"reason": ""}, content_type="application/json"
        )
        assert (response.status_code, list(response.json()["fields"])) == (400, ["reason"])
        client.force_login(other_office.specialist_a)
        assert client.get(PENDING_URL).json()["items"] == []
