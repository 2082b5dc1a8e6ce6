"""URLs of the incoming screens (namespace ``incoming``), included under ``van-ban-den/``."""

from __future__ import annotations

from django.urls import path

from vanthu.incoming.views import (
    actions,
    attach,
    capture,
    detail,
    lists,
    pdfa_copy,
    queue,
    register,
)

app_name = "incoming"
urlpatterns = [
    path("", lists.register_list, name="list"),
    path("dang-ky/", register.register, name="register"),
    path("dang-ky/co-quan/", register.organ_autocomplete, name="organ_autocomplete"),
    path("dang-ky/nhan-dang/", capture.capture_upload, name="capture_upload"),
    path("dang-ky/nhan-dang/<int:job_id>/", capture.capture_status, name="capture_status"),
    path(
        "dang-ky/nhan-dang/<int:job_id>/thu-lai/", capture.capture_retry_view, name="capture_retry"
    ),
    path("cho-y-kien/", lists.leader_inbox, name="inbox"),
    path("duoc-giao/", lists.worklist, name="worklist"),
    path("cho-tiep-nhan/", queue.deliveries, name="deliveries"),
    path("cho-tiep-nhan/<int:delivery_id>/tiep-nhan/", queue.accept, name="delivery_accept"),
    path("cho-tiep-nhan/<int:delivery_id>/tra-lai/", queue.refuse, name="delivery_refuse"),
    path(
        "cho-tiep-nhan/<int:delivery_id>/tep/<int:attachment_id>/",
        queue.attachment_download,
        name="delivery_attachment",
    ),
    path("cho-tiep-nhan/da-tiep-nhan/<int:pk>/", queue.accepted, name="delivery_accepted"),
    path("<int:pk>/", detail.detail, name="detail"),
    path("<int:pk>/da-dang-ky/", register.registered, name="registered"),
    path("<int:pk>/tep/<int:attachment_id>/", detail.attachment_download, name="attachment"),
    path("<int:pk>/dinh-kem/", attach.attach, name="attach"),
    path("<int:pk>/ban-pdfa/thu-lai/", pdfa_copy.copy_retry, name="copy_retry"),
    path("<int:pk>/trinh/", actions.present, name="present"),
    path("<int:pk>/phan-cong/", actions.assign, name="assign"),
    path("<int:pk>/bat-dau/", actions.start, name="start"),
    path("<int:pk>/ghi-chu/", actions.note, name="note"),
    path("<int:pk>/tra-loi/", actions.reply, name="reply"),
    path("<int:pk>/hoan-thanh/", actions.complete, name="complete"),
    path("<int:pk>/tra-lai/", actions.give_back, name="give_back"),
]
