"""Reading our exports back, as a reader of the .docx would: python-docx and the raw parts."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree

import docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NUMBERED = re.compile(r"^(\d+)\. (\([^)]*\)) ")


@dataclass(frozen=True)
class Reading:
    first_header: list[str]
    header: list[str]
    footer: list[str]
    body: list[str]
    fields: list[str]  # the footer's
    header_fields: list[str]  # the continuation header's
    header_fill: str | None
    header_text_colour: str | None
    page_size: tuple[int, int]

    @property
    def numbered(self) -> list[tuple[int, str]]:
        """(number, portion mark) of every numbered paragraph."""
        return [(int(m.group(1)), m.group(2)) for p in self.body if (m := NUMBERED.match(p))]


def read(data: bytes) -> Reading:
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    header, footer = section.header, section.footer
    first = header.paragraphs[0]._p
    shd = first.find(f"{W}pPr/{W}shd")
    colour = first.find(f".//{W}r/{W}rPr/{W}color")
    width, height = section.page_width, section.page_height
    assert width is not None and height is not None
    first_header = [p.text for p in header.paragraphs]
    if section.different_first_page_header_footer:
        first_header = [p.text for p in section.first_page_header.paragraphs]
    return Reading(
        first_header=first_header,
        header=[p.text for p in header.paragraphs],
        footer=[p.text for p in footer.paragraphs],
        body=[p.text for p in document.paragraphs],
        fields=[t.text.strip() for t in footer._element.iter(f"{W}instrText")],
        header_fields=[t.text.strip() for t in header._element.iter(f"{W}instrText")],
        header_fill=None if shd is None else shd.get(f"{W}fill"),
        header_text_colour=None if colour is None else colour.get(f"{W}val"),
        page_size=(width.twips, height.twips),
    )


def custom_properties(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        root = ElementTree.fromstring(zf.read("docProps/custom.xml"))
    return {p.get("name", ""): "".join(p.itertext()) for p in root}


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}
