"""URL wiring: the web UI, the admin and the JSON API."""

from django.contrib import admin
from django.urls import include, path

from config.api import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("", include("vanthu.web.urls")),
]
