"""Shared pieces of the printable registers and reports (Decree 30 Annex IV forms).

Format-independent parts used by every app that prints registers: the report period
(``period``), the register cover and headers (``register``), a report as sections of tables
(``tables``), XLSX building (``xlsx``), PDF rendering through WeasyPrint (``pdf``), the audited,
period-named download (``downloads``) and the HTTP side of a download (``http``). The HTML
templates are in ``documents/templates/documents/printing/``.
"""
