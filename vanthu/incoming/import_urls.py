"""URLs of the legacy register import (namespace ``incoming_import``).

Included by ``config/urls.py`` as ``path("van-ban-den/nhap-so/", include(...))``.
"""

from __future__ import annotations

from django.urls import path

from vanthu.incoming import import_views

app_name = "incoming_import"
urlpatterns = [
    path("", import_views.upload, name="upload"),
    path("<slug:token>/cot/", import_views.mapping, name="mapping"),
    path("<slug:token>/kiem-tra/", import_views.check, name="check"),
    path("<slug:token>/nhap/", import_views.run, name="run"),
]
