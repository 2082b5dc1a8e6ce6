"""URLs of the outgoing screens (namespace ``outgoing``), included under ``van-ban-di/``."""

from __future__ import annotations

from django.urls import path

from vanthu.outgoing.views import (
    attachments,
    checks,
    compose,
    copy_signing,
    decisions,
    draft,
    issuing,
    lists,
    record,
    signing,
)

app_name = "outgoing"
urlpatterns = [
    path("", lists.register, name="register"),
    path("du-thao/", lists.my_drafts, name="drafts"),
    path("du-thao/moi/", compose.draft_new, name="draft_new"),
    path("du-thao/tai-len/", compose.draft_upload, name="draft_upload"),
    path("cho-duyet/", lists.to_review, name="to_review"),
    path("cho-kiem-tra/", lists.to_check, name="to_check"),
    path("cho-ky/", lists.to_sign, name="to_sign"),
    path("cho-phat-hanh/", lists.to_issue, name="to_issue"),
    path("du-thao/<int:pk>/", draft.detail, name="draft"),
    path("du-thao/<int:pk>/sua/", compose.draft_edit, name="draft_edit"),
    path("du-thao/<int:pk>/tai-len/", compose.draft_reupload, name="draft_reupload"),
    path("du-thao/<int:pk>/gop-y/", draft.comment, name="draft_comment"),
    path("du-thao/<int:pk>/trinh/", draft.submit, name="draft_submit"),
    path("du-thao/<int:pk>/xem-truoc.docx", draft.preview, {"fmt": "docx"}, name="preview_docx"),
    path("du-thao/<int:pk>/xem-truoc.pdf", draft.preview, {"fmt": "pdf"}, name="preview_pdf"),
    path("du-thao/<int:pk>/the-thuc/", checks.findings, name="findings"),
    path("du-thao/<int:pk>/the-thuc/sua-tu-dong/", checks.autofix, name="autofix"),
    path("du-thao/<int:pk>/the-thuc/ghi-nhan/", checks.format_check, name="format_check"),
    path("du-thao/<int:pk>/duyet/", decisions.review, name="review"),
    path("du-thao/<int:pk>/tra-lai/", decisions.give_back, name="give_back"),
    path("du-thao/<int:pk>/phat-hanh/", issuing.issue, name="issue"),
    path("du-thao/<int:pk>/duyet-ky-so/", decisions.approve, name="approve_signing"),
    path("du-thao/<int:pk>/ky-so/", signing.sign, name="sign"),
    path("du-thao/<int:pk>/ky-so-co-quan/", signing.sign_issue, name="sign_issue"),
    path("<int:pk>/", record.detail, name="record"),
    path("<int:pk>/tep.docx", record.download, {"kind": "docx"}, name="file_docx"),
    path("<int:pk>/tep.pdf", record.download, {"kind": "pdf"}, name="file_pdf"),
    path("<int:pk>/thu-hoi/", record.recall, name="recall"),
    path("<int:pk>/sao/", record.copy, name="copy"),
    path("<int:pk>/buu-dien/<int:distribution_id>/", record.post, name="post"),
    path("<int:pk>/dinh-kem/<int:attachment_id>/ky-so/", attachments.sign, name="attachment_sign"),
    path(
        "<int:pk>/dinh-kem/<int:attachment_id>/tep/",
        attachments.download,
        name="attachment_file",
    ),
    path("ban-sao/<int:copy_id>/ky-so/", copy_signing.sign, name="copy_sign"),
    path("ban-sao/<int:copy_id>/tep.pdf", copy_signing.download, name="copy_file"),
]
