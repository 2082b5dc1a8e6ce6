"""URLs of the web shell (namespace ``web``)."""

from __future__ import annotations

from django.urls import path, register_converter

from vanthu.web.areas import BY_SLUG
from vanthu.web.views import users
from vanthu.web.views.auth import LoginView, LogoutView, PasswordChangeView
from vanthu.web.views.start import home, section_page, start_page


class AreaSlugConverter:
    """Match only the slugs of the work areas, so that the area URLs shadow nothing else."""

    regex = "|".join(sorted(BY_SLUG))

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(AreaSlugConverter, "vanthu_area")

app_name = "web"
urlpatterns = [
    path("", home, name="home"),
    path("dang-nhap/", LoginView.as_view(), name="login"),
    path("dang-xuat/", LogoutView.as_view(), name="logout"),
    path("doi-mat-khau/", PasswordChangeView.as_view(), name="password_change"),
    path("quan-tri/nguoi-dung/", users.user_list, name="users"),
    path("quan-tri/nguoi-dung/<int:pk>/", users.user_detail, name="user_detail"),
    path("quan-tri/nguoi-dung/<int:pk>/chuyen-ho-so/", users.user_transfer, name="user_transfer"),
    path(
        "quan-tri/nguoi-dung/<int:pk>/ngung-hoat-dong/",
        users.user_deactivate_view,
        name="user_deactivate",
    ),
    path(
        "quan-tri/nguoi-dung/<int:pk>/kich-hoat-lai/",
        users.user_reactivate_view,
        name="user_reactivate",
    ),
    path("<vanthu_area:area>/", start_page, name="start"),
    path("<vanthu_area:area>/<slug:section>/", section_page, name="section"),
]
