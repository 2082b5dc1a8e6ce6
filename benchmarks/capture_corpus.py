"""Corpus for the capture benchmark: realistic Decree 30 documents with their true metadata.

Every document is a ``DraftContent`` built from the demo province (agencies, outside senders,
staff names, topics), rendered by ``vanthu.drafting.render.render_docx`` and converted to PDF by
``vanthu.drafting.pdf.docx_to_pdf``. The expected answers are computed from the DraftContent and
the number/date given to the renderer — never from the extractor. A scan-like copy of each PDF
is made at 200 dpi with a slight rotation, blur and noise (Pillow).

Files are cached under ``benchmarks/.cache/capture/`` (not committed): generate once, reuse.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image, ImageChops, ImageFilter

from vanthu.demo.data.agencies import AGENCIES, AgencyKind, AgencySpec
from vanthu.demo.data.senders import SENDERS
from vanthu.demo.data.staff import person_name
from vanthu.demo.data.vocabulary import TOPICS
from vanthu.documents.numbering import format_number
from vanthu.documents.reference import DOCUMENT_TYPES
from vanthu.drafting.content import DraftContent
from vanthu.drafting.pdf import docx_to_pdf
from vanthu.drafting.render import render_docx
from vanthu.drafting.render_header import reference_code
from vanthu.drafting.templates import template_for

CACHE = Path(__file__).resolve().parent / ".cache" / "capture"
SCAN_DPI = 200
TYPES = ("22", "22", "22", "02", "02", "10", "14", "07", "15", "08", "26", "20")
_NAMES = {row.code: row.name for row in DOCUMENT_TYPES}
_SUBJECTS = {
    "22": (
        "triển khai {topic} năm {year}",
        "báo cáo kết quả {topic} 6 tháng đầu năm {year}",
        "đề nghị cung cấp số liệu về {topic} trên địa bàn {area}",
        "đôn đốc thực hiện {topic} và chấn chỉnh những tồn tại, hạn chế trong năm {year}",
    ),
    "02": (
        "Về việc thành lập Đoàn kiểm tra {topic} năm {year}",
        "Về việc kiện toàn Ban Chỉ đạo {topic}",
        "Về việc phê duyệt Kế hoạch {topic} năm {year} trên địa bàn {area}",
    ),
    "10": ("Kiểm tra {topic} năm {year}", "Triển khai {topic} năm {year} trên địa bàn {area}"),
    "14": ("Kết quả {topic} năm {year}", "Tình hình thực hiện {topic} quý II năm {year}"),
    "07": (
        "Kết luận của lãnh đạo tại cuộc họp về {topic}",
        "Lịch tiếp công dân tháng 6 năm {year}",
    ),
    "15": ("Đề nghị phê duyệt kinh phí thực hiện {topic} năm {year}",),
    "08": ("Thực hiện {topic} năm {year}",),
    "26": ("Dự hội nghị tổng kết {topic} năm {year}",),
    "20": ("Họp triển khai {topic} năm {year}",),
}
_RECIPIENTS = (
    "UBND tỉnh (để b/c)",
    "Giám đốc Sở",
    "Các phòng chuyên môn",
    "Lưu trữ lịch sử tỉnh",
    "Văn phòng UBND tỉnh",
    "Sở Tài chính",
    "Các xã, phường, thị trấn",
    "Website cơ quan",
)
_ADDRESSEES = (
    "Các sở, ban, ngành tỉnh",
    "Ủy ban nhân dân các huyện, thành phố",
    "Phòng Nội vụ các huyện",
    "Chi cục Văn thư - Lưu trữ",
)
_BODY = (
    "Thực hiện chỉ đạo của cấp trên, cơ quan đề nghị các đơn vị triển khai thực hiện nghiêm túc, "
    "đúng thời hạn các nội dung nêu trên; trong quá trình thực hiện nếu có khó khăn, vướng mắc "
    "thì phản ánh kịp thời về cơ quan thường trực để được hướng dẫn, giải quyết."
)


@dataclass(frozen=True, slots=True)
class Issuer:
    superior: str
    name: str
    abbreviation: str
    place: str
    heads: tuple[str, str, str]  # authority body, head position, deputy position
    collective: str = ""  # the body a "TM." signs for


def _issuers() -> list[Issuer]:
    result = [_issuer(spec) for spec in AGENCIES]
    for sender in SENDERS:
        head = sender.signer_position.removeprefix("Phó ").capitalize()
        result.append(
            Issuer(
                "",
                sender.organ_name,
                sender.abbreviation,
                "Hà Nội",
                (head, head, f"Phó {head.lower()}".capitalize()),
            )
        )
    return result


def _issuer(spec: AgencySpec) -> Issuer:
    area = f"{spec.area_type} {spec.district or spec.area}"
    if spec.kind in {
        AgencyKind.PROVINCE_COMMITTEE,
        AgencyKind.DISTRICT_COMMITTEE,
        AgencyKind.COMMUNE_COMMITTEE,
    }:
        heads = ("Chủ tịch", "Chủ tịch", "Phó Chủ tịch")
        return Issuer("", spec.name, spec.abbreviation, spec.place_name, heads, "Ủy ban nhân dân")
    if spec.kind == AgencyKind.HOME_AFFAIRS:
        return Issuer(
            f"UBND tỉnh {spec.area}",
            "Sở Nội vụ",
            spec.abbreviation,
            spec.place_name,
            ("Giám đốc", "Giám đốc", "Phó Giám đốc"),
        )
    if spec.kind == AgencyKind.ARCHIVES_BRANCH:
        return Issuer(
            "Sở Nội vụ",
            "Chi cục Văn thư - Lưu trữ",
            spec.abbreviation,
            spec.place_name,
            ("Chi cục trưởng", "Chi cục trưởng", "Phó Chi cục trưởng"),
        )
    name = spec.name.removesuffix(f" {spec.area_type} {spec.district}")
    return Issuer(
        f"UBND {area}",
        name,
        spec.abbreviation,
        spec.place_name,
        ("Trưởng phòng", "Trưởng phòng", "Phó Trưởng phòng"),
    )


def _signature(rng: random.Random, issuer: Issuer) -> dict[str, str]:
    body, head, deputy = issuer.heads
    choice = rng.random()
    if issuer.collective and choice < 0.3:
        return {"authority": "TM.", "authority_body": issuer.collective, "signer_position": head}
    if choice < 0.65:
        return {"authority": "KT.", "authority_body": body, "signer_position": deputy}
    return {"authority": "", "authority_body": "", "signer_position": head}


def make_content(index: int) -> tuple[DraftContent, int, dt.date]:
    """Return the ``index``-th document of the corpus, its number and its date."""
    rng = random.Random(f"capture-corpus:{index}")  # noqa: S311 — a reproducible corpus
    issuers = _issuers()
    issuer = issuers[index % len(issuers)]
    type_code = TYPES[index % len(TYPES)]
    year = rng.randint(2020, 2026)
    day = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
    subject = rng.choice(_SUBJECTS[type_code]).format(
        topic=rng.choice(TOPICS).text, year=year, area=issuer.place
    )
    template = template_for(type_code)
    data: dict[str, Any] = {
        "type_code": type_code,
        "superior_name": issuer.superior,
        "issuer_name": issuer.name,
        "issuer_abbreviation": issuer.abbreviation,
        "unit_abbreviation": rng.choice(("VP", "TCCB", "VTLT", "KT")),
        "place_name": issuer.place,
        "subject": subject,
        "body": [{"kind": "paragraph", "text": _BODY} for _ in range(rng.randint(1, 3))],
        "recipients": rng.sample(_RECIPIENTS, rng.randint(1, 3)),
        "signer_name": person_name(f"capture:{index}", female=rng.random() < 0.4),
        "urgency": rng.choice(("normal",) * 6 + ("urgent", "very_urgent", "flash")),
        "confidentiality": rng.choice(("none",) * 8 + ("confidential",)),
        **_signature(rng, issuer),
    }
    if template.addressee_block == "kinh_gui":
        data["addressees"] = rng.sample(_ADDRESSEES, rng.randint(1, 2))
    if type_code == "20":
        data.update(
            authority="",
            authority_body="",
            signer_position="Chủ tọa",
            secretary_name=person_name(f"capture-secretary:{index}", female=True),
        )
    return DraftContent.model_validate(data), rng.randint(1, 350), day


def expected(content: DraftContent, number: int, day: dt.date) -> dict[str, Any]:
    """Return the true metadata as printed, from the DraftContent (never from the extractor)."""
    template = template_for(content.type_code)
    authority = f"{content.authority} {content.authority_body.upper()}".strip()
    return {
        "type_name": _NAMES[content.type_code],
        "code_number": format_number(number),
        "code_notation": reference_code(content, template),
        "organ_name": content.issuer_name,
        "superior_organ": content.superior_name or None,
        "place": content.place_name if template.date_line else None,
        "issued_date": day.isoformat() if template.date_line else None,
        "subject": content.subject,
        "signer_authority": authority if content.authority else None,
        "signer_position": content.signer_position,
        "signer_full_name": content.signer_name,
        "urgency": content.urgency,
        "confidentiality": "normal"
        if content.confidentiality == "none"
        else content.confidentiality,
        "recipients": [*content.addressees, *content.recipients],
    }


def degrade(page: Image.Image, rng: random.Random) -> Image.Image:
    """Return a scan-like copy: slight rotation, blur and noise."""
    gray = page.convert("L")
    rotated = gray.rotate(rng.uniform(-1.0, 1.0), resample=Image.Resampling.BICUBIC, fillcolor=255)
    blurred = rotated.filter(ImageFilter.GaussianBlur(rng.uniform(0.5, 0.9)))
    noise = Image.effect_noise(blurred.size, rng.uniform(18, 30))
    return ImageChops.add(blurred, noise, scale=1.0, offset=-128)


def scan_pdf(pdf: Path, target: Path, index: int) -> None:
    """Rasterise ``pdf`` at 200 dpi, degrade every page and save a scanned PDF (no text)."""
    rng = random.Random(f"capture-scan:{index}")  # noqa: S311
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            ["pdftoppm", "-r", str(SCAN_DPI), "-gray", "-png", str(pdf), f"{folder}/p"], check=True
        )
        pages = [degrade(Image.open(p), rng) for p in sorted(Path(folder).glob("p*.png"))]
    pages[0].save(target, save_all=True, append_images=pages[1:], resolution=SCAN_DPI)


def build(count: int) -> list[dict[str, Any]]:
    """Generate (or reuse) ``count`` documents; return their paths and expected metadata."""
    CACHE.mkdir(parents=True, exist_ok=True)
    items = []
    for index in range(count):
        content, number, day = make_content(index)
        pdf, scan = CACHE / f"doc{index:03d}.pdf", CACHE / f"doc{index:03d}-scan.pdf"
        if not pdf.exists():
            pdf.write_bytes(docx_to_pdf(render_docx(content, number=number, issued_on=day)))
        if not scan.exists():
            scan_pdf(pdf, scan, index)
        items.append(
            {"pdf": str(pdf), "scan": str(scan), "expected": expected(content, number, day)}
        )
    (CACHE / "corpus.json").write_text(json.dumps(items, ensure_ascii=False, indent=1))
    return items


FIXTURES = {"cong-van.pdf": 0, "ke-hoach-scan.png": 5, "quyet-dinh.docx": 3}
"""The test fixtures of ``vanthu/capture/tests/data/``: file name → corpus index."""


def write_fixtures(folder: Path) -> None:
    """Write the small test fixtures and their true metadata (``expected.json``)."""
    truth: dict[str, Any] = {}
    for name, index in FIXTURES.items():
        content, number, day = make_content(index)
        data = render_docx(content, number=number, issued_on=day)
        target = folder / name
        if name.endswith(".docx"):
            target.write_bytes(data)
        elif name.endswith(".pdf"):
            target.write_bytes(docx_to_pdf(data))
        else:
            with tempfile.TemporaryDirectory() as work:
                pdf = Path(work) / "doc.pdf"
                pdf.write_bytes(docx_to_pdf(data))
                subprocess.run(
                    [
                        "pdftoppm",
                        "-r",
                        str(SCAN_DPI),
                        "-gray",
                        "-png",
                        "-singlefile",
                        str(pdf),
                        f"{work}/p",
                    ],
                    check=True,
                )
                page = degrade(Image.open(f"{work}/p.png"), random.Random(index))  # noqa: S311
                # Bilevel, like an office scanner's black-and-white mode (a small file).
                bilevel = page.point(lambda v: 255 if v > 150 else 0).convert("1", dither=None)
                bilevel.save(target, dpi=(SCAN_DPI, SCAN_DPI))
        truth[name] = expected(content, number, day)
    (folder / "expected.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1) + "\n")


if __name__ == "__main__":
    import os
    import sys

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    django.setup()
    write_fixtures(Path(sys.argv[1]))
