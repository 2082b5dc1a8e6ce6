"""Drafting: structured drafts rendered to DOCX in the Decree 30 format, and PDF conversion."""
