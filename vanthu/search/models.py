"""What the search app stores in the database: the indexing queue and saved searches.

The RUM backend's table (``search_rumentry``) is created by a migration on PostgreSQL only and
read with SQL (``backends/rum.py``); it has no model.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PendingEntry(models.Model):
    """An entry to index again (or delete), written in the transaction that changed it.

    The indexing task takes rows from here after commit, so that a crash or a stopped worker
    loses nothing: the next run (or ``reindex --pending``) picks them up.
    """

    entry_id = models.CharField(_("mục chỉ mục"), max_length=40, unique=True)
    queued_at = models.DateTimeField(_("đưa vào hàng đợi lúc"), auto_now=True)

    class Meta:
        verbose_name = _("mục chờ lập chỉ mục")
        verbose_name_plural = _("mục chờ lập chỉ mục")

    def __str__(self) -> str:
        return self.entry_id


class SavedSearch(models.Model):
    """A user's named search: the text, the filters, the sort and the chosen columns."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người lưu"),
        on_delete=models.CASCADE,
        related_name="saved_searches",
    )
    name = models.CharField(_("tên"), max_length=100)
    query = models.CharField(_("câu tìm kiếm"), max_length=500, blank=True)
    filters = models.JSONField(_("bộ lọc"), default=dict, blank=True)
    sort = models.CharField(_("sắp xếp"), max_length=10, default="relevance")
    columns = models.JSONField(_("cột hiển thị"), default=list, blank=True)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)

    class Meta:
        verbose_name = _("tìm kiếm đã lưu")
        verbose_name_plural = _("tìm kiếm đã lưu")
        constraints = [
            models.UniqueConstraint(fields=["owner", "name"], name="saved_search_unique_name")
        ]

    def __str__(self) -> str:
        return self.name
