"""Printable outputs of incoming documents in the official forms (Decree 30 Annex IV).

Selectors gather the data of each form scoped to the actor (``register``, ``handling``,
``slip``, ``stamp``); builders turn it into XLSX (``xlsx_*``) or PDF (``pdf``);
``downloads`` joins the two and records the download in the audit trail.
"""
