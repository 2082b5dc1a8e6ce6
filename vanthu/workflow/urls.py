"""URLs of the workflow pages (namespace ``workflow``), included at the site root."""

from __future__ import annotations

from django.urls import path

from vanthu.workflow import views

app_name = "workflow"
urlpatterns = [
    path("thong-bao/", views.notifications_page, name="notifications"),
    path("thong-bao/moi/", views.notifications_dropdown, name="notifications_dropdown"),
    path("thong-bao/<int:pk>/doc/", views.notification_open, name="notification_open"),
    path("thong-bao/doc-tat-ca/", views.notifications_read_all, name="notifications_read_all"),
    path("theo-doi-han/", views.overdue_page, name="overdue"),
]
