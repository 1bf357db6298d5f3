"""Our .docx through the real LibreOffice: every page of the PDF carries the banner as its
first and last line and its page number, every page after the first names its cable; the
PDF is tagged and carries the classification in its metadata, which names nobody."""

from __future__ import annotations

import getpass
import platform
import re
import subprocess
import zlib
from pathlib import Path

import pytest

from cabledesk.domain.cable import Attachment
from cabledesk.domain.sanitize import sanitize
from cabledesk.domain.scheme import ClassificationScheme, SchemeRegistry
from cabledesk.export.docx import render_docx
from cabledesk.export.pdf import LibreOfficeConverter
from cabledesk.export.settings import ExportSettings, Paper
from tests.export.pdf_reading import info, xmp_labels
from tests.export.samples import (
    CABLE_ID,
    long_cable,
    marked,
    modern_cable,
    uk_telegram,
    unclassified_cable,
)
from tests.interop._tools import require_tool

pytestmark = [pytest.mark.interop, pytest.mark.slow]  # one LibreOffice conversion: seconds


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    from cabledesk.domain.scheme import SchemeRegistry

    us = SchemeRegistry.load()["us"]
    converter = LibreOfficeConverter(require_tool("soffice"))
    # A SECRET cable released at CONFIDENTIAL, with four pages of text.
    cable = modern_cable(paragraphs=modern_cable().paragraphs + long_cable(3).paragraphs)
    released = sanitize(cable, us, us.level_named("CONFIDENTIAL"))
    docx = render_docx(
        released.cable, us, ExportSettings(paper=Paper.LETTER), tearline=released.tearline
    )
    path = tmp_path_factory.mktemp("pdf") / "cable.pdf"
    path.write_bytes(converter.convert(docx))
    return path, released.banner.banner


def _pages(pdftotext: str, path: Path) -> list[list[str]]:
    """The text of each page, line by line, as pdftotext lays it out."""
    text = subprocess.run(
        [pdftotext, "-layout", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    pages = [
        [line.strip() for line in page.splitlines() if line.strip()] for page in text.split("\f")
    ]
    return [p for p in pages if p]


def test_every_page_has_the_banner_top_and_bottom(pdf: tuple[Path, str]) -> None:
    path, banner = pdf
    pages = _pages(require_tool("pdftotext"), path)
    assert len(pages) >= 3
    for number, lines in enumerate(pages, start=1):
        assert lines[0] == banner, f"page {number} starts with {lines[0]!r}"
        assert lines[-1] == banner, f"page {number} ends with {lines[-1]!r}"
        assert lines[-2] == f"SANITIZED VERSION — Page {number} of {len(pages)}"
        if number > 1:  # continuation identity: which release (its own id, not the
            # source's serial, which a sanitized version withholds), which page
            assert lines[1].startswith("AMEMBASSY PARIS CABLE ")
            assert lines[1].endswith(f" — Page {number} of {len(pages)}")
            assert "000123" not in lines[1]
    assert pages[0][1] == "SANITIZED VERSION"
    assert any(line.startswith("1. (C) SUMMARY:") for line in pages[0])


def test_pdf_metadata_names_nobody(pdf: tuple[Path, str], us: ClassificationScheme) -> None:
    path, banner = pdf
    info = subprocess.run(
        [require_tool("pdfinfo"), str(path)], capture_output=True, check=True, text=True
    ).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    assert "CreationDate" not in fields and "ModDate" not in fields and "Author" not in fields
    assert fields["Subject"].strip() == banner
    assert fields["Page size"].strip().endswith("(letter)")
    data = path.read_bytes()
    streams = [
        zlib.decompress(m.group(1))
        for m in re.finditer(rb"/FlateDecode.*?stream\r?\n(.*?)endstream", data, re.S)
        if _inflates(m.group(1))
    ]
    everything = b"\n".join([data, *streams])
    for word in (
        str(Path.home()),
        str(path.parent),
        "cabledesk-pdf-",
        "document.docx",
        getpass.getuser() if len(getpass.getuser()) >= 4 else "/home/",
        platform.node() if len(platform.node()) >= 4 else "/home/",
    ):
        assert word.encode() not in everything, word


def _inflates(blob: bytes) -> bool:
    try:
        zlib.decompress(blob)
    except zlib.error:
        return False
    return True


def test_set_in_our_faces_or_their_metric_twins(pdf: tuple[Path, str]) -> None:
    path, _ = pdf
    listing = subprocess.run(
        [require_tool("pdffonts"), str(path)], capture_output=True, check=True, text=True
    ).stdout
    faces = {line.split()[0].partition("+")[2] for line in listing.splitlines()[2:]}
    # Courier New / Liberation Mono and Arial / Liberation Sans have the same advance
    # widths: the pages break where they break in Word (fonts-liberation2 on Debian).
    assert faces & {"LiberationMono", "CourierNewPSMT"}, faces
    assert faces & {"LiberationSans-Bold", "Arial-BoldMT"}, faces
    assert all(f.startswith(("Liberation", "CourierNew", "Arial")) for f in faces), faces


def _convert(tmp_path: Path, name: str, docx: bytes) -> Path:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(LibreOfficeConverter(require_tool("soffice")).convert(docx))
    return path


def test_a_three_page_cable_tagged_and_labelled(tmp_path: Path, us: ClassificationScheme) -> None:
    cable = modern_cable(
        paragraphs=modern_cable().paragraphs + long_cable(2).paragraphs,
        subject_marking="(C)",
        subject="PRIVATE WORDS AT THE ELYSEE",
    )
    path = _convert(tmp_path, "cable", render_docx(cable, us))
    banner = "SECRET//ORCON/NOFORN//NODIS"
    pages = _pages(require_tool("pdftotext"), path)
    assert len(pages) >= 3
    for number, lines in enumerate(pages, start=1):
        assert lines[0] == banner and lines[-1] == banner
        assert lines[-2] == f"Page {number} of {len(pages)}"
        if number > 1:
            assert lines[1] == f"AMEMBASSY PARIS 000123 — Page {number} of {len(pages)}"
    assert pages[0][1].startswith("PRECEDENCE:")  # no continuation line on the first page
    data = path.read_bytes()
    fields = info(data)
    assert fields["Classification"] == banner and fields["ClassificationLevel"] == "SECRET"
    assert fields["CableId"] == CABLE_ID
    assert fields["Title"] == f"{banner} AMEMBASSY PARIS 000123"  # not the (C) subject
    assert xmp_labels(data)["Classification"] == banner
    pdfinfo = subprocess.run(
        [require_tool("pdfinfo"), "-custom", str(path)], capture_output=True, check=True, text=True
    ).stdout
    assert f"Classification:  {banner}" in pdfinfo
    assert (
        "Tagged:          yes"
        in subprocess.run(
            [require_tool("pdfinfo"), str(path)], capture_output=True, check=True, text=True
        ).stdout
    )
    assert b"/StructTreeRoot" in data and b"/Lang(" in data
    assert b"<pdfuaid:part>1</pdfuaid:part>" in data
    # the page text is compressed: what is readable raw is metadata, and holds no subject
    assert b"PRIVATE WORDS" not in data and "PRIVATE WORDS" in "\n".join(pages[0])
    everything = _everything(data)
    assert b"CreateDate" not in everything and b"uuid:" not in everything


def _everything(data: bytes) -> bytes:
    streams = [
        zlib.decompress(m.group(1))
        for m in re.finditer(rb"/FlateDecode.*?stream\r?\n(.*?)endstream", data, re.S)
        if _inflates(m.group(1))
    ]
    return b"\n".join([data, *streams])


def test_uk_telegram_pages(tmp_path: Path, schemes: SchemeRegistry) -> None:
    path = _convert(tmp_path, "telegram", render_docx(uk_telegram(), schemes["uk"]))
    pages = _pages(require_tool("pdftotext"), path)
    assert len(pages) == 1
    lines = pages[0]
    assert lines[0] == lines[-1] == "SECRET UK EYES ONLY"
    assert lines[1:4] == [
        "FM PARIS",
        "TO IMMEDIATE FCDO LONDON",
        "TELNO 123 OF 041230Z DECEMBER 26",
    ]
    assert info(path.read_bytes())["Classification"] == "SECRET//UK EYES ONLY"


def test_cable_with_a_classified_attachment(tmp_path: Path, us: ClassificationScheme) -> None:
    cable = unclassified_cable(
        attachments=(marked(Attachment("annex.pdf", "Draft communique", 123456), "(S//NF)"),)
    )
    path = _convert(tmp_path, "transmittal", render_docx(cable, us))
    lines = _pages(require_tool("pdftotext"), path)[0]
    assert lines[0] == lines[-1] == "SECRET//NOFORN"
    assert lines[1] == "UNCLASSIFIED when separated from attachments"
    assert any("(S//NF) annex.pdf" in line for line in lines)
    fields = info(path.read_bytes())
    assert fields["ClassificationWhenSeparated"] == "UNCLASSIFIED"
