from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArchiveConfig(AppConfig):
    name = "vanthu.archive"
    label = "archive"
    verbose_name = _("Lưu trữ cơ quan")

    def ready(self) -> None:
        from vanthu.archive.guards import register_guards  # noqa: PLC0415
        from vanthu.dossiers.views.links import closed_dossier_link_register  # noqa: PLC0415

        register_guards()
        closed_dossier_link_register(label=_("Nộp lưu hồ sơ"), url_name="archive:handovers")
