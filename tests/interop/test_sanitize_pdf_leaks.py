"""A sanitized release as PDF (through the real LibreOffice) reveals nothing it withholds:
its text (pdftotext), its metadata (pdfinfo) and every byte of the file, its compressed
streams inflated, hold no withheld word, level name, count or source id (E.O. 13526
§1.7(e); DOJ FOIA guide, "Segregability"). Three option combinations: the defaults,
everything optional released, and the source named with the original numbers kept."""

from __future__ import annotations

import re
import subprocess
import zlib
from dataclasses import replace
from pathlib import Path

import pytest

from cabledesk.domain.sanitize import SanitizeOptions, sanitize
from cabledesk.domain.scheme import ClassificationScheme
from cabledesk.export.docx import render_docx
from cabledesk.export.pdf import LibreOfficeConverter
from tests.export.leak_sample import (
    RELEASE_LEVEL,
    STAMP_DAY,
    Case,
    counts,
    leaks,
    secret_cable,
)
from tests.interop._tools import require_tool

pytestmark = [pytest.mark.interop, pytest.mark.slow]  # LibreOffice: seconds each


def _stamped(options: SanitizeOptions) -> Case:
    return Case(
        replace(options, sanitizer="J. Smith", authority="E.O. 13526 sec. 1.7", on=STAMP_DAY)
    )


CASES = [
    _stamped(SanitizeOptions()),
    _stamped(SanitizeOptions(release_refs=True, release_attachments=True, subject="FISHING TALKS")),
    _stamped(SanitizeOptions(show_source_id=True, keep_numbers=True)),
]
_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
_HEX = re.compile(rb"<(FEFF[0-9A-Fa-f]*)>")


def _blobs(pdf: Path) -> tuple[dict[str, bytes], str]:
    data = pdf.read_bytes()
    blobs = {"(file)": data}
    for i, match in enumerate(_STREAM.finditer(data)):
        try:
            blobs[f"stream {i}"] = zlib.decompress(match.group(1))
        except zlib.error:
            blobs[f"stream {i}"] = match.group(1)
    for i, match in enumerate(_HEX.finditer(data)):
        blobs[f"string {i}"] = bytes.fromhex(match.group(1).decode()).decode("utf-16").encode()
    text = subprocess.run(
        [require_tool("pdftotext"), "-layout", str(pdf), "-"],
        capture_output=True, check=True, text=True,
    ).stdout  # fmt: skip
    info = subprocess.run(
        [require_tool("pdfinfo"), str(pdf)], capture_output=True, check=True, text=True
    ).stdout
    blobs["(text)"] = text.encode()
    blobs["(info)"] = info.encode()
    return blobs, text


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_the_pdf_reveals_nothing_withheld(
    case: Case, us: ClassificationScheme, tmp_path: Path
) -> None:
    released = sanitize(secret_cable(), us, us.level_named(RELEASE_LEVEL), options=case.options)
    docx = render_docx(released.cable, us, tearline=released.tearline)
    pdf = tmp_path / "release.pdf"
    pdf.write_bytes(LibreOfficeConverter(require_tool("soffice")).convert(docx))
    blobs, text = _blobs(pdf)
    assert leaks(blobs, case.withheld()) == []
    if not case.options.keep_numbers:
        assert counts(text) == []
    flat = "".join(text.split())  # lines break anywhere, hyphens included
    for word in case.shown():
        assert "".join(word.split()) in flat, word
