"""URLs of the dossier pages (namespace ``dossiers``), included at the site root."""

from __future__ import annotations

from django.urls import path

from vanthu.dossiers.views import adding, opening, pages, plan

app_name = "dossiers"
urlpatterns = [
    path("ho-so/", pages.my_dossiers, name="mine"),
    path("ho-so/mo/", opening.dossier_open_view, name="open"),
    path("ho-so/chua-lap/", pages.unfiled, name="unfiled"),
    path("ho-so/lap/<int:document_id>/", pages.file_document, name="file_document"),
    path("ho-so/<int:pk>/", pages.dossier_detail, name="detail"),
    path("ho-so/<int:pk>/them-van-ban/", adding.dossier_add_document, name="add_document"),
    path("ho-so/<int:pk>/tai-len/", adding.dossier_upload_view, name="upload"),
    path("ho-so/<int:pk>/ket-thuc/", pages.dossier_close_view, name="close"),
    path("ho-so/<int:pk>/mo-lai/", pages.dossier_reopen_view, name="reopen"),
    path("ho-so/<int:pk>/xuat/<str:fmt>/", pages.dossier_download, name="download"),
    path("danh-muc-ho-so/", plan.file_plan, name="file_plan"),
    path("danh-muc-ho-so/lap/", plan.plan_create, name="plan_create"),
    path("danh-muc-ho-so/sao-chep/", plan.plan_copy, name="plan_copy"),
    path("danh-muc-ho-so/thoi-han/", plan.schedule_help, name="schedule_help"),
    path("danh-muc-ho-so/<int:pk>/de-muc/", plan.plan_heading_add, name="plan_heading_add"),
    path("danh-muc-ho-so/<int:pk>/ho-so/", plan.plan_item_add, name="plan_item_add"),
    path("danh-muc-ho-so/<int:pk>/phe-duyet/", plan.plan_approve, name="plan_approve"),
    path("danh-muc-ho-so/<int:pk>/ban-hanh/", plan.plan_issue, name="plan_issue"),
    path("danh-muc-ho-so/in/<str:fmt>/", plan.file_plan_print, name="file_plan_print"),
]
