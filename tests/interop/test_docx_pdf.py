"""Our .docx through the real LibreOffice: every page of the PDF carries the banner as its
first and last line and its page number; the PDF's metadata names nobody."""

from __future__ import annotations

import getpass
import platform
import re
import subprocess
import zlib
from pathlib import Path

import pytest

from cabledesk.domain.sanitize import sanitize
from cabledesk.domain.scheme import ClassificationScheme
from cabledesk.export.docx import render_docx
from cabledesk.export.pdf import LibreOfficeConverter
from cabledesk.export.settings import ExportSettings, Paper
from tests.export.samples import long_cable, modern_cable
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
