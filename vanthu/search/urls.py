"""The search page (mounted at /tim-kiem/)."""

from django.urls import path

from vanthu.search import views

app_name = "search"
urlpatterns = [path("", views.search_page, name="page")]
