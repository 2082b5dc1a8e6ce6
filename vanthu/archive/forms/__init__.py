"""The Annex V forms of the hand-over: the inventory and the minutes (DOCX and PDF)."""
