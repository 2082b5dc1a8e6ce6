"""Uploaded DOCX files that open but are malformed inside: a clear refusal or a correct stamp,
never a server error (stamping at issue, paragraphs for the diff, the format check, upload)."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable

import pytest
from django.test import Client

from vanthu.core.errors import DomainError
from vanthu.drafting.render import render_docx
from vanthu.drafting.tests.render_samples import official_letter
from vanthu.outgoing.drafting_io import InvalidDocxError, check_docx, docx_paragraphs
from vanthu.outgoing.stamping import stamp_docx
from vanthu.outgoing.tests.factories import Office

Edit = Callable[[dict[str, bytes]], None]
NUMBER = "Số: 05/SNV-VP"
DATE = "Kiên Giang, ngày 05 tháng 01 năm 2026"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _drop(*names: str) -> Edit:
    def edit(files: dict[str, bytes]) -> None:
        for name in [n for n in files if n in names or n.startswith(names)]:
            del files[name]

    return edit


def _sub(name: str, pattern: str, replacement: str, *, count: int = 1) -> Edit:
    def edit(files: dict[str, bytes]) -> None:
        text = files[name].decode("utf-8")
        changed = re.sub(pattern, replacement, text, count=count, flags=re.DOTALL)
        assert changed != text, f"{pattern!r} not found in {name}"
        files[name] = changed.encode("utf-8")

    return edit


def _put(name: str, data: bytes) -> Edit:
    def edit(files: dict[str, bytes]) -> None:
        files[name] = data

    return edit


DOC = "word/document.xml"
REFUSED: dict[str, Edit] = {
    "no_body": _sub(DOC, r"<w:body>.*</w:body>", ""),
    "another_root": _put(DOC, f'<?xml version="1.0"?><x xmlns:w="{_W}"><w:body/></x>'.encode()),
    "empty_document_part": _put(DOC, b""),
    "document_not_well_formed": _sub(DOC, r"</w:body>", "</w:bod>"),
    "no_content_types": _drop("[Content_Types].xml"),
    "no_package_relationships": _drop("_rels/.rels"),
    "relationship_to_a_missing_part": _drop("word/styles.xml"),
    "missing_header_parts": _drop("word/header"),
    "styles_not_well_formed": _put("word/styles.xml", b"<w:styles"),
}
STAMPED: dict[str, Edit] = {
    "span_not_a_number": _sub(DOC, r"<w:tcPr>", '<w:tcPr><w:gridSpan w:val="abc"/>'),
    "span_wider_than_the_grid": _sub(DOC, r"<w:tcPr>", '<w:tcPr><w:gridSpan w:val="9"/>'),
    "merge_continuing_nothing": _sub(DOC, r"<w:tcPr>", "<w:tcPr><w:vMerge/>", count=0),
    "sizes_not_numbers": _sub(DOC, r'<w:sz w:val="\d+"/>', '<w:sz w:val="big"/>', count=0),
    "unknown_alignment": _sub(DOC, r'<w:jc w:val="\w+"/>', '<w:jc w:val="sideways"/>', count=0),
    "page_size_not_numbers": _sub(DOC, r"<w:pgSz [^>]*/>", '<w:pgSz w:w="A4" w:h=""/>'),
    "unknown_style_and_list": _sub(
        DOC,
        r"<w:pPr>",
        '<w:pPr><w:pStyle w:val="Nope"/><w:numPr><w:ilvl w:val="0"/>'
        '<w:numId w:val="99"/></w:numPr>',
        count=0,
    ),
    "document_relationships_missing": _drop("word/_rels/document.xml.rels"),
}


@pytest.fixture(scope="module")
def sound() -> bytes:
    return render_docx(official_letter())


def _malformed(sound: bytes, edit: Edit) -> bytes:
    with zipfile.ZipFile(io.BytesIO(sound)) as source:
        files = {name: source.read(name) for name in source.namelist()}
    edit(files)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_files_broken_inside_are_refused_in_vietnamese(sound: bytes, case: str) -> None:
    data = _malformed(sound, REFUSED[case])
    for step in (
        lambda: stamp_docx(data, number_line=NUMBER, date_line=DATE),
        lambda: docx_paragraphs(data),
        lambda: check_docx(data),
    ):
        with pytest.raises(InvalidDocxError) as caught:
            step()
        assert (caught.value.code, caught.value.status) == ("invalid_docx", 400)
        assert "Word" in caught.value.message


@pytest.mark.parametrize("case", sorted(STAMPED))
def test_odd_but_readable_files_are_stamped(sound: bytes, case: str) -> None:
    data = _malformed(sound, STAMPED[case])
    stamped = stamp_docx(data, number_line=NUMBER, date_line=DATE)
    lines = docx_paragraphs(stamped)
    assert NUMBER in lines and DATE in lines
    try:
        check_docx(stamped)
    except DomainError as exc:  # a refusal is fine; any other exception fails the test
        assert exc.code == "invalid_docx"


def test_stamping_reaches_paragraphs_in_nested_tables(sound: bytes) -> None:
    nested = (
        r"\g<0><w:tbl><w:tr><w:tc><w:p><w:r><w:t>Số: ... /SNV-VP</w:t></w:r></w:p>"
        r"</w:tc></w:tr></w:tbl>"
    )
    data = _malformed(sound, _sub(DOC, r"<w:tc>", nested))
    lines = docx_paragraphs(stamp_docx(data, number_line=NUMBER, date_line=DATE))
    assert lines.count(NUMBER) == 1


@pytest.mark.django_db
@pytest.mark.parametrize("case", ["no_body", "another_root"])
def test_upload_of_a_file_broken_inside_is_a_400(sound: bytes, office: Office, case: str) -> None:
    client = Client()
    client.force_login(office.specialist)
    upload = io.BytesIO(_malformed(sound, REFUSED[case]))
    upload.name = "cong-van.docx"
    answer = client.post("/api/v1/drafts", {"file": upload, "type_code": "22", "subject": "Hỏng"})
    assert (answer.status_code, answer.json()["code"]) == (400, "invalid_docx")
