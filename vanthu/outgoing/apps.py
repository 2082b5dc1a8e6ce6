from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutgoingConfig(AppConfig):
    name = "vanthu.outgoing"
    label = "outgoing"
    verbose_name = _("Văn bản đi")

    def ready(self) -> None:
        from vanthu.outgoing.search_source import register_search_source  # noqa: PLC0415

        register_search_source()
