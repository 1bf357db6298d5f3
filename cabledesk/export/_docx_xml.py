"""Small WordprocessingML helpers that python-docx has no API for: text that is
always valid XML, line breaks, paragraph shading and borders, page fields."""

from __future__ import annotations

import re
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import RGBColor
from docx.text.paragraph import Paragraph
from docx.text.run import Run

__all__ = ["add_field", "add_text", "bar", "xml_text"]

# Characters XML 1.0 cannot carry (controls, lone surrogates, non-characters). Outside
# cable text may hold them; the document shows U+FFFD instead of failing to render.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAKS = re.compile(r"\r\n|\r|\n|\u2028|\u2029")
REPLACEMENT = "\ufffd"


def xml_text(text: str) -> str:
    """``text`` with every character XML cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub(REPLACEMENT, text)


def add_text(
    paragraph: Paragraph, text: str, *, bold: bool = False, colour: str | None = None
) -> Run:
    """Append ``text`` as one run; line breaks become ``w:br``, tabs ``w:tab``."""
    run = paragraph.add_run()
    if bold:
        run.bold = True
    if colour is not None:
        run.font.color.rgb = RGBColor.from_string(colour.lstrip("#").upper())
    for i, line in enumerate(_LINE_BREAKS.split(xml_text(text))):
        if i:
            run.add_break()
        for j, piece in enumerate(line.split("\t")):
            if j:
                run.add_tab()
            if piece:
                run.add_text(piece)
    return run


def _element(tag: str, **attributes: str) -> Any:
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def bar(paragraph: Paragraph, fill: str) -> None:
    """Shade ``paragraph`` in ``fill`` (``#rrggbb``) from margin to margin.

    Borders of the same colour, a few points out, make the bar taller than
    the line of text, as a banner bar is drawn.
    """
    colour = fill.lstrip("#").upper()
    ppr = paragraph._p.get_or_add_pPr()
    borders = _element("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        borders.append(_element(f"w:{side}", val="single", sz="4", space="1", color=colour))
    shading = _element("w:shd", val="clear", color="auto", fill=colour)
    # Schema order inside w:pPr: ... pBdr, shd, tabs, ..., jc ...; insert before jc/spacing.
    anchor = None
    for tag in ("w:tabs", "w:spacing", "w:ind", "w:jc", "w:rPr"):
        anchor = ppr.find(qn(tag))
        if anchor is not None:
            break
    if anchor is None:
        ppr.append(borders)
        ppr.append(shading)
    else:
        anchor.addprevious(borders)
        anchor.addprevious(shading)


def add_field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    """Append a field (``PAGE``, ``NUMPAGES``) showing ``placeholder`` until computed.

    Written as a complex field (begin, instruction, separate, result, end),
    which Word, LibreOffice and every converter update on their own.
    """
    parts: list[Any] = [
        _element("w:fldChar", fldCharType="begin"),
        None,
        _element("w:fldChar", fldCharType="separate"),
        placeholder,
        _element("w:fldChar", fldCharType="end"),
    ]
    for part in parts:
        run = paragraph.add_run()
        if part is None:
            instr = OxmlElement("w:instrText")
            instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            instr.text = f" {instruction} "
            run._r.append(instr)
        elif isinstance(part, str):
            run.add_text(part)
        else:
            run._r.append(part)
