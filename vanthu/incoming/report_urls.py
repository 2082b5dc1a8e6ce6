"""URLs of the incoming registers and forms in the UI (namespace ``incoming_reports``).

Included by config/urls.py under ``van-ban-den/in/``.
"""

from __future__ import annotations

from django.urls import path

from vanthu.incoming import report_views as views

app_name = "incoming_reports"
urlpatterns = [
    path("", views.reports_page, name="index"),
    path(
        "so-den/<int:book_id>.xlsx", views.register_download, {"fmt": "xlsx"}, name="register_xlsx"
    ),
    path("so-den/<int:book_id>.pdf", views.register_download, {"fmt": "pdf"}, name="register_pdf"),
    path("bao-cao-giai-quyet.xlsx", views.handling_download, {"fmt": "xlsx"}, name="handling_xlsx"),
    path("bao-cao-giai-quyet.pdf", views.handling_download, {"fmt": "pdf"}, name="handling_pdf"),
    path("<int:pk>/phieu-giai-quyet.pdf", views.slip_download, name="slip"),
    path("<int:pk>/dau-den.pdf", views.stamp_download, name="stamp"),
]
