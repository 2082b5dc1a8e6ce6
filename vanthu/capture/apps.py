from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaptureConfig(AppConfig):
    name = "vanthu.capture"
    label = "capture"
    verbose_name = _("Số hóa và bóc tách văn bản")
