from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "vanthu.audit"
    label = "audit"
    verbose_name = _("Nhật ký kiểm tra")

    def ready(self) -> None:
        from vanthu.audit.signals import connect_auth_signals  # noqa: PLC0415

        connect_auth_signals()
