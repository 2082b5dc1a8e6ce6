"""URLs of the outgoing registers and report in the UI (namespace ``outgoing_reports``).

Included by config/urls.py under ``van-ban-di/in/``.
"""

from __future__ import annotations

from django.urls import path

from vanthu.outgoing import report_views as views

app_name = "outgoing_reports"
urlpatterns = [
    path("", views.reports_page, name="index"),
    path("so-di/", views.register_download, name="register"),
    path("so-gui-buu-dien/", views.postal_download, name="postal_book"),
    path("tinh-hinh/", views.status_download, name="status"),
]
