"""Refusals of the search app (stable codes, Vietnamese messages)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from vanthu.core.errors import InvalidInputError


class QueryTooLongError(InvalidInputError):
    code = "search_query_too_long"
    default_message = _("Câu tìm kiếm quá dài (tối đa 500 ký tự).")


class QueryEmptyError(InvalidInputError):
    code = "search_query_empty"
    default_message = _("Hãy nhập từ cần tìm hoặc chọn một bộ lọc.")


class SearchCursorError(InvalidInputError):
    code = "search_invalid_cursor"
    default_message = _("Con trỏ trang kết quả không hợp lệ.")


class SearchUnavailableError(InvalidInputError):
    code = "search_unavailable"
    status = 503
    default_message = _("Chức năng tìm kiếm tạm thời không dùng được, hãy thử lại sau.")
