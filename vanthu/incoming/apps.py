from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IncomingConfig(AppConfig):
    name = "vanthu.incoming"
    label = "incoming"
    verbose_name = _("Văn bản đến")

    def ready(self) -> None:
        from vanthu.incoming.links import incoming_page  # noqa: PLC0415 — models are loaded now
        from vanthu.workflow.links import register_document_link  # noqa: PLC0415

        register_document_link(incoming_page)
