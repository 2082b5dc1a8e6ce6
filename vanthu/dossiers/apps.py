from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DossiersConfig(AppConfig):
    name = "vanthu.dossiers"
    label = "dossiers"
    verbose_name = _("Hồ sơ công việc")

    def ready(self) -> None:
        from vanthu.dossiers.search_hooks import register_search_hooks  # noqa: PLC0415

        register_search_hooks()
