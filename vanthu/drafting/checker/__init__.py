"""The format checker (kiểm tra thể thức): Annex I of Decree 30 applied to any DOCX.

``check_docx(data, context=None)`` returns the findings; ``autocorrect_docx(data)`` fixes what
is safe (page setup, fonts, sizes, bold/italic, date-line and number padding, "Số:") and never
the wording.
"""

from vanthu.drafting.checker.autocorrect import autocorrect_docx
from vanthu.drafting.checker.check import check_docx
from vanthu.drafting.checker.findings import CheckContext, Finding, InvalidDocxError

__all__ = ["CheckContext", "Finding", "InvalidDocxError", "autocorrect_docx", "check_docx"]
