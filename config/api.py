"""The JSON API at /api/v1/: one NinjaAPI, one router per app.

To add an app's router, append one line to ROUTERS: ``("/<prefix>", "vanthu.<app>.apis.router")``.
"""

from vanthu.accounts.auth import API_AUTH
from vanthu.core.api import VanThuAPI

ROUTERS: list[tuple[str, str]] = [
    ("/", "vanthu.accounts.apis.router"),
    ("/", "vanthu.documents.apis.router"),
    ("/", "vanthu.incoming.apis.router"),
    ("/", "vanthu.incoming.report_apis.router"),
    ("/", "vanthu.outgoing.apis.router"),
    ("/", "vanthu.outgoing.report_apis.router"),
    ("/", "vanthu.outgoing.sign_apis.router"),
    ("/", "vanthu.outgoing.copy_sign_apis.router"),
    ("/", "vanthu.signing.verify_apis.router"),
    ("/", "vanthu.search.apis.router"),
    ("/", "vanthu.capture.apis.router"),
    ("/", "vanthu.drafting.checker_apis.router"),
    ("/", "vanthu.dossiers.apis.router"),
    ("/", "vanthu.dossiers.plan_apis.router"),
    ("/", "vanthu.dossiers.retention_apis.router"),
    ("/", "vanthu.archive.apis.router"),
]

api = VanThuAPI(
    title="VănThư API",
    version="1",
    description="API của hệ thống quản lý văn bản và lưu trữ VănThư.",
    urls_namespace="api",
    auth=API_AUTH,
)
for prefix, router in ROUTERS:
    api.add_router(prefix, router)
