"""The PDF converter's own work, without LibreOffice: metadata cleaning, the private
scratch folder, failures. LibreOffice itself is driven in tests/interop/test_docx_pdf.py."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from cabledesk.domain.scheme import ClassificationScheme
from cabledesk.errors import ExportError
from cabledesk.export._pdf_metadata import normalise_pdf_metadata
from cabledesk.export.docx import render_docx
from cabledesk.export.pdf import LibreOfficeConverter
from tests.export.pdf_reading import tagged_pdf
from tests.export.samples import modern_cable

# The stand-in for soffice is a shell script using GNU stat.
posix_stand_in = pytest.mark.skipif(sys.platform != "linux", reason="GNU shell stand-in")

# The tail of a PDF as LibreOffice 7.4 writes it (dates in the machine's time zone).
LO_TAIL = (
    b"31 0 obj\n<</Title<FEFF0054>\n/Creator<FEFF005700720069007400650072>\n"
    b"/Producer<FEFF004C>\n/CreationDate(D:20261124061303+01'00')>>\nendobj\n"
    b"xref\n0 32\ntrailer\n<</Size 32/Root 30 0 R\n/Info 31 0 R\n"
    b"/ID [ <669341A15532F1269D2F4BB97412C1E0>\n<669341A15532F1269D2F4BB97412C1E0> ]\n"
    b"/DocChecksum /3F7B73597101F21F2B3F3035E0BF592C\n>>\nstartxref\n7986\n%%EOF\n"
)
PDF = b"%PDF-1.6\n%\xe4\xf0\xed\xf8\n" + LO_TAIL


def test_dates_checksum_and_id_are_replaced_in_place() -> None:
    cleaned = normalise_pdf_metadata(PDF, b"the docx")
    assert len(cleaned) == len(PDF)  # every cross-reference offset stays valid
    for gone in (b"CreationDate", b"2026", b"+01'00'", b"DocChecksum", b"669341A1"):
        assert gone not in cleaned
    assert normalise_pdf_metadata(PDF, b"the docx") == cleaned
    assert normalise_pdf_metadata(PDF, b"another docx") != cleaned
    assert b"/Creator<FEFF005700720069007400650072>" in cleaned


@pytest.mark.parametrize(
    ("pdf", "message"),
    [
        (b"GIF89a", "did not write a PDF"),
        (PDF.replace(b"/ID [", b"/XX ["), "no identifier"),
        (PDF + b"<xmp:CreateDate>2026-11-24T06:13:03+01:00", "cannot clean"),
        (PDF + b"<xmpMM:DocumentID>" + b"u" * 200 + b"</xmpMM:DocumentID>", "cannot clean"),
    ],
)
def test_metadata_that_cannot_be_cleaned_is_refused(pdf: bytes, message: str) -> None:
    with pytest.raises(ExportError, match=message):
        normalise_pdf_metadata(pdf, b"x")


def _stand_in(tmp_path: Path, body: str) -> str:
    script = tmp_path / "soffice"
    script.write_text("#!/bin/sh\n" + body)
    script.chmod(0o755)
    return str(script)


# Stands in for soffice: records what it sees, writes a PDF with LibreOffice's metadata.
WRITES_A_PDF = r"""
for a; do last="$a"; done
while [ $# -gt 0 ]; do [ "$1" = --outdir ] && out="$2"; shift; done
src_dir=$(dirname "$last")
{ stat -c '%a' "$last"; stat -c '%a' "$src_dir"; echo "HOME=$HOME TZ=$TZ TMPDIR=$TMPDIR";
  echo "USER=${USER-unset} DISPLAY=${DISPLAY-unset}"; echo "SRC=$last"; } > "$RECORD"
cp "$PDF_OUT" "$out/document.pdf"
"""


@posix_stand_in
def test_conversion_in_a_private_scratch_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, us: ClassificationScheme
) -> None:
    record = tmp_path / "record"
    monkeypatch.setenv("RECORD", str(record))
    monkeypatch.setenv("USER", "someone")
    monkeypatch.setenv("DISPLAY", ":0")
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    produced = tmp_path / "produced.pdf"
    produced.write_bytes(tagged_pdf())
    monkeypatch.setenv("PDF_OUT", str(produced))
    converter = LibreOfficeConverter(_stand_in(tmp_path, WRITES_A_PDF), scratch=scratch)
    pdf = converter.convert(render_docx(modern_cable(), us))
    assert pdf.startswith(b"%PDF-1.6") and b"2026" not in pdf
    assert b"<cdlabel:Classification>SECRET//ORCON/NOFORN//NODIS<" in pdf
    lines = record.read_text().splitlines()
    assert lines[0] == "600" and lines[1] == "700"  # the plaintext: owner only
    work = Path(lines[4].removeprefix("SRC=")).parent
    assert work.parent == scratch
    assert lines[2] == f"HOME={work} TZ=UTC TMPDIR={work / 'tmp'}"
    assert lines[3] == "USER=unset DISPLAY=unset"
    assert list(scratch.iterdir()) == []  # removed afterwards


@pytest.mark.slow
@posix_stand_in
def test_failure_timeout_and_cleanup(tmp_path: Path) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    failing = LibreOfficeConverter(
        _stand_in(tmp_path, "echo 'Error: source file could not be loaded' >&2\nexit 1\n"),
        scratch=scratch,
    )
    with pytest.raises(ExportError, match="exit 1") as info:
        failing.convert(b"PK")
    assert info.value.hint == "Error: source file could not be loaded"
    slow = LibreOfficeConverter(_stand_in(tmp_path, "sleep 30\n"), scratch=scratch, timeout=0.5)
    with pytest.raises(ExportError, match="did not finish"):
        slow.convert(b"PK")
    silent = LibreOfficeConverter(_stand_in(tmp_path, "exit 0\n"), scratch=scratch)
    with pytest.raises(ExportError, match="did not produce a PDF"):
        silent.convert(b"PK")
    assert list(scratch.iterdir()) == []


@posix_stand_in
def test_missing_libreoffice(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="needs LibreOffice") as info:
        LibreOfficeConverter(str(tmp_path / "nothing")).convert(b"PK")
    assert info.value.hint and "libreoffice-writer" in info.value.hint


def test_the_default_scratch_folder_is_private() -> None:
    from cabledesk.export.pdf import _private_base

    base = _private_base()
    if base is not None:
        assert base.is_dir() and os.access(base, os.W_OK)
        if base != Path("/dev/shm"):
            assert stat.S_IMODE(base.stat().st_mode) & 0o077 == 0
