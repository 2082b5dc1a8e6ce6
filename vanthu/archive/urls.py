"""URLs of the hand-over screens (namespace ``archive``), included under ``nop-luu/``."""

from __future__ import annotations

from django.urls import path

from vanthu.archive import report_views, views

app_name = "archive"
urlpatterns = [
    path("", views.handovers, name="handovers"),
    path("gui/", views.submit, name="submit"),
    path("kho/", views.holdings, name="holdings"),
    path(
        "kho/muc-luc-ho-so.docx",
        report_views.holdings_download,
        {"fmt": "docx"},
        name="holdings_docx",
    ),
    path(
        "kho/muc-luc-ho-so.pdf",
        report_views.holdings_download,
        {"fmt": "pdf"},
        name="holdings_pdf",
    ),
    path("bao-cao/", report_views.report, name="report"),
    path("bao-cao/tai-ve/", report_views.report_download, name="report_download"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/xu-ly/", views.decide, name="decide"),
    path(
        "<int:pk>/muc-luc.docx",
        views.form,
        {"kind": "inventory", "fmt": "docx"},
        name="inventory_docx",
    ),
    path(
        "<int:pk>/muc-luc.pdf",
        views.form,
        {"kind": "inventory", "fmt": "pdf"},
        name="inventory_pdf",
    ),
    path(
        "<int:pk>/bien-ban.docx",
        views.form,
        {"kind": "minutes", "fmt": "docx"},
        name="minutes_docx",
    ),
    path(
        "<int:pk>/bien-ban.pdf", views.form, {"kind": "minutes", "fmt": "pdf"}, name="minutes_pdf"
    ),
]
