"""A throw-away API mounting the documents router the way config/api.py does, for tests."""

from __future__ import annotations

from django.urls import path

from vanthu.accounts.auth import API_AUTH
from vanthu.core.api import VanThuAPI
from vanthu.documents.apis import router

api = VanThuAPI(title="VănThư (documents test)", urls_namespace="documents-test", auth=API_AUTH)
api.add_router("/", router)

urlpatterns = [path("api/v1/", api.urls)]
