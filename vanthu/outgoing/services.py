"""Writes of outgoing documents, one module per concern, re-exported here."""

from __future__ import annotations

from vanthu.outgoing.access_log import (
    outgoing_attachment_opened,
    outgoing_file_opened,
    outgoing_viewed,
)
from vanthu.outgoing.autocorrect import draft_autocorrect
from vanthu.outgoing.copies import copy_make
from vanthu.outgoing.distribution import DistributionInput, distribution_post, outgoing_deliver
from vanthu.outgoing.drafts import (
    DraftSource,
    draft_add_version,
    draft_comment,
    draft_create,
    draft_diff,
)
from vanthu.outgoing.issue import draft_issue
from vanthu.outgoing.recall import outgoing_correct, outgoing_recall
from vanthu.outgoing.review import (
    draft_approve,
    draft_findings,
    draft_format_check,
    draft_return,
    draft_review,
    draft_submit,
)

__all__ = [
    "DistributionInput",
    "DraftSource",
    "copy_make",
    "distribution_post",
    "draft_add_version",
    "draft_approve",
    "draft_autocorrect",
    "draft_comment",
    "draft_create",
    "draft_diff",
    "draft_findings",
    "draft_format_check",
    "draft_issue",
    "draft_return",
    "draft_review",
    "draft_submit",
    "outgoing_attachment_opened",
    "outgoing_correct",
    "outgoing_deliver",
    "outgoing_file_opened",
    "outgoing_recall",
    "outgoing_viewed",
]
