"""Text form fields for the number and the date that the agency signature fills (Circular 01/2019).

The leader's certification signature covers two empty text fields laid over the blanks of the
number line and the date line (DocMDP allows form filling). The clerk's step fills them — a white
background hides the blank and the full line is drawn centred in Liberation Serif — and adds the
agency signature in the same incremental update, so validators see only "form filling".
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pyhanko.pdf_utils import generic as pdf_generic
from pyhanko.pdf_utils import layout
from pyhanko.pdf_utils.content import RawContent
from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
from pyhanko.pdf_utils.generic import pdf_name
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.stamp import TextStamp, TextStampStyle

from vanthu.signing.errors import PdfUnsignableError
from vanthu.signing.sign import Box, Prepare
from vanthu.signing.stamps import stamp_font

generic: Any = pdf_generic
"""pyHanko's PDF object classes are untyped: we use them through ``Any`` at this boundary."""
_ZERO = layout.Margins(left=0, right=0, top=0, bottom=0)
_TIGHT = layout.SimpleBoxLayoutRule(
    x_align=layout.AxisAlignment.ALIGN_MIN, y_align=layout.AxisAlignment.ALIGN_MIN, margins=_ZERO
)
"""Text box without pyHanko's default 10 pt inner margin."""
_PRINT_FLAG = 4
_BASELINE_SHIFT_EM = 0.4


@dataclass(frozen=True)
class TextField:
    """An empty one-line text field at ``box`` on ``page`` (0-based)."""

    name: str
    page: int
    box: Box
    font_size: int = 13
    italic: bool = False


def _acroform(writer: Any) -> Any:
    root = writer.root
    if "/AcroForm" not in root:
        form = generic.DictionaryObject({pdf_name("/Fields"): generic.ArrayObject()})
        root[pdf_name("/AcroForm")] = writer.add_object(form)
        writer.update_root()
        return form
    form = root["/AcroForm"]
    if "/Fields" not in form:
        form[pdf_name("/Fields")] = generic.ArrayObject()
    writer.update_container(form)
    return form


def _widget(field: TextField, page_ref: Any) -> Any:
    spec = "1" if field.italic else "0"
    return generic.DictionaryObject(
        {
            pdf_name("/Type"): pdf_name("/Annot"),
            pdf_name("/Subtype"): pdf_name("/Widget"),
            pdf_name("/FT"): pdf_name("/Tx"),
            pdf_name("/T"): generic.TextStringObject(field.name),
            pdf_name("/Rect"): generic.ArrayObject(generic.FloatObject(v) for v in field.box),
            pdf_name("/F"): generic.NumberObject(_PRINT_FLAG),
            pdf_name("/P"): page_ref,
            pdf_name("/DA"): generic.TextStringObject(f"/Helv {field.font_size} Tf 0 g"),
            # Private hint for the filling step: font size and italic (0/1).
            pdf_name("/VanThuStyle"): generic.TextStringObject(f"{field.font_size} {spec}"),
        }
    )


def text_fields_add(fields: Sequence[TextField]) -> Prepare:
    """Return a ``pdf_sign`` step that adds empty text fields (in the signer's revision)."""

    def step(pdf_writer: IncrementalPdfFileWriter) -> None:
        writer: Any = pdf_writer
        form_fields = _acroform(writer)["/Fields"]
        for field in fields:
            page_ref = writer.find_page_for_modification(field.page)[0]
            ref = writer.add_object(_widget(field, page_ref))
            form_fields.append(ref)
            page = page_ref.get_object()
            if "/Annots" not in page:
                page[pdf_name("/Annots")] = generic.ArrayObject()
            page["/Annots"].append(ref)
            writer.update_container(page["/Annots"])
            writer.update_container(page)
        writer.update_container(form_fields)

    return step


def _appearance(
    writer: IncrementalPdfFileWriter, *, text: str, width: float, height: float, style_hint: str
) -> Any:
    size_text, italic = ([*style_hint.split(), "13", "0"])[:2]
    size = int(float(size_text))
    font_name = "LiberationSerif-Italic.ttf" if italic == "1" else "LiberationSerif-Regular.ttf"
    font = GlyphAccumulatorFactory(font_file=stamp_font(font_name), font_size=size)
    style = TextStampStyle(
        stamp_text="%(text)s",
        border_width=0,
        background=RawContent(
            b"1 g 0 0 %g %g re f" % (width, height),
            box=layout.BoxConstraints(width=width, height=height),
        ),
        background_opacity=1.0,
        background_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MID,
            y_align=layout.AxisAlignment.ALIGN_MID,
            margins=_ZERO,
        ),
        text_box_style=TextBoxStyle(
            font=font, font_size=size, border_width=0, box_layout_rule=_TIGHT
        ),
        inner_content_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MID,
            y_align=layout.AxisAlignment.ALIGN_MIN,
            # Raise the text from the field's bottom so that the new line sits on the baseline
            # of the line it replaces (measured with pdftotext against LibreOffice's PDF).
            margins=layout.Margins(left=0, right=0, top=0, bottom=round(_BASELINE_SHIFT_EM * size)),
            inner_content_scaling=layout.InnerScaling.NO_SCALING,
        ),
    )
    stamp = TextStamp(
        writer,
        style,
        text_params={"text": text},
        box=layout.BoxConstraints(width=width, height=height),
    )
    return stamp.as_form_xobject()


def text_fields_fill(values: Mapping[str, str]) -> Prepare:
    """Return a ``pdf_sign`` step filling the named text fields (in the same revision)."""

    def step(pdf_writer: IncrementalPdfFileWriter) -> None:
        writer: Any = pdf_writer
        form = writer.root.get_value_as_reference("/AcroForm", optional=True)
        fields = form.get_object()["/Fields"] if form is not None else ()
        missing = set(values)
        for ref in fields:
            field = ref.get_object()
            name = str(field.get("/T", ""))
            if name not in values:
                continue
            x1, y1, x2, y2 = (float(v) for v in field["/Rect"])
            text = unicodedata.normalize("NFC", values[name])
            field[pdf_name("/V")] = generic.TextStringObject(text)
            appearance = _appearance(
                writer,
                text=text,
                width=abs(x2 - x1),
                height=abs(y2 - y1),
                style_hint=str(field.get("/VanThuStyle", "")),
            )
            field[pdf_name("/AP")] = generic.DictionaryObject(
                {pdf_name("/N"): writer.add_object(appearance)}
            )
            writer.mark_update(ref)
            missing.discard(name)
        if missing:
            raise PdfUnsignableError

    return step
