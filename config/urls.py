"""URL wiring: the web UI, the admin and the JSON API."""

from django.contrib import admin
from django.urls import include, path, re_path

from config.api import api
from vanthu.core.api_fallback import api_not_found

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    re_path(r"^api/v1/(?P<path>(?s:.*))$", api_not_found),  # any rest, newlines included
    path("van-ban-den/in/", include("vanthu.incoming.report_urls")),
    path("van-ban-den/nhap-so/", include("vanthu.incoming.import_urls")),
    path("van-ban-den/", include("vanthu.incoming.urls")),
    path("van-ban-di/in/", include("vanthu.outgoing.report_urls")),
    path("van-ban-di/", include("vanthu.outgoing.urls")),
    path("tim-kiem/", include("vanthu.search.urls")),
    path("nop-luu/", include("vanthu.archive.urls")),
    path("", include("vanthu.dossiers.urls")),
    path("", include("vanthu.workflow.urls")),
    path("", include("vanthu.web.urls")),
]
