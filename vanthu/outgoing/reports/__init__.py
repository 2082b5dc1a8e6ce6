"""Printable outputs of outgoing documents (issue 4 "Outputs", Decree 30 Annex IV).

``register`` (Sổ đăng ký văn bản đi), ``postal`` (Sổ gửi văn bản đi bưu điện) and ``status``
(Báo cáo tình hình giải quyết văn bản đi) gather the data scoped to the actor; ``xlsx`` and
``pdf`` build the files with the shared ``vanthu.documents.printing`` pieces; ``downloads``
joins the two and records the download in the audit trail.
"""
