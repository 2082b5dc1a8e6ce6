from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    name = "vanthu.exchange"
    label = "exchange"
    verbose_name = _("Liên thông văn bản")

    def ready(self) -> None:
        from vanthu.exchange.channel import CHANNEL  # noqa: PLC0415 — models are loaded now
        from vanthu.outgoing.channels import register_agency_channel  # noqa: PLC0415

        register_agency_channel(CHANNEL)
