"""A sanitized release reveals nothing it withholds, in any part of the .docx, for every
combination of the release options: no withheld word, level name, control, count or
source id, bytes-level over every part of the package (E.O. 13526 §1.7(e) and §3.3;
DOJ FOIA guide, "Segregability"; 5 FAH-4 H-200). The same over the PDF is in
tests/interop/test_sanitize_pdf_leaks.py; over the signed bundle, the signature and
the export's result, here."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from cabledesk.crypto.keys import Identity
from cabledesk.domain.sanitize import SanitizeOptions, sanitize
from cabledesk.domain.scheme import ClassificationScheme, SchemeRegistry
from cabledesk.errors import PolicyRefusal
from cabledesk.export.docx import render_docx
from cabledesk.export.signed import DocumentSigner
from cabledesk.services.exporting import ExportRequest, ExportService
from tests.export.docx_reading import parts, read
from tests.export.leak_sample import (
    RELEASE_LEVEL,
    STAMP_DAY,
    Case,
    cases,
    counts,
    leaks,
    secret_cable,
)

CASES = cases()


def _docx(case: Case, us: ClassificationScheme) -> bytes:
    released = sanitize(secret_cable(), us, us.level_named(RELEASE_LEVEL), options=case.options)
    return render_docx(released.cable, us, tearline=released.tearline)


def _visible_text(data: bytes) -> str:
    reading = read(data)
    return "\n".join([*reading.header, *reading.body, *reading.footer])


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_no_part_of_the_docx_reveals_what_is_withheld(case: Case, us: ClassificationScheme) -> None:
    data = _docx(case, us)
    blobs = {"(zip)": data, **parts(data)}
    assert leaks(blobs, case.withheld()) == []
    text = _visible_text(data)
    if not case.options.keep_numbers:
        assert counts(text) == []
    # and what is released is there (the check above is not vacuous)
    for word in case.shown():
        assert word in text, word


def test_a_classified_subject_cannot_be_released_below_its_level(
    us: ClassificationScheme,
) -> None:
    with pytest.raises(PolicyRefusal, match="subject of this cable may not be released"):
        sanitize(
            secret_cable(), us, us.level_named(RELEASE_LEVEL),
            options=SanitizeOptions(release_subject=True),
        )  # fmt: skip


def test_the_bundle_signature_and_result_reveal_nothing(tmp_path: Path) -> None:
    schemes = SchemeRegistry.load()
    clock = datetime(2024, 3, 20, 9, tzinfo=UTC)
    jane = Identity.generate("Jane Doe", "AMEMBASSY PARIS", created=clock)
    service = ExportService(schemes, clock=lambda: clock)
    result = service.export(
        secret_cable(),
        ExportRequest(
            output=tmp_path / "release.docx",
            level=RELEASE_LEVEL,
            signer=DocumentSigner.from_identity(jane),
            bundle=True,
            sanitize=SanitizeOptions(sanitizer="J. Smith"),
        ),
    )
    withheld = Case(SanitizeOptions()).withheld()
    assert result.bundle is not None and result.signature is not None
    with zipfile.ZipFile(io.BytesIO(result.bundle.read_bytes())) as bundle:
        blobs = {name: bundle.read(name) for name in bundle.namelist()}
    inner = blobs.pop("release.docx")
    assert inner == result.document.read_bytes()
    blobs.update({f"release.docx:{n}": b for n, b in parts(inner).items()})
    blobs["release.docx.sig (file)"] = result.signature.read_bytes()
    assert leaks(blobs, withheld) == []
    assert f"on {STAMP_DAY.isoformat()}" in _visible_text(inner)  # dated by the service's clock
    # What the face shows and the document carries: the release's own banner and id.
    public = " ".join(
        [result.banner, result.level, result.cable_id, result.document.name,
         result.tearline.statement() if result.tearline else ""]
    )  # fmt: skip
    assert leaks({"result": public.encode()}, withheld) == []
    # The tearline keeps the source for the sanitizer's own audit log.
    assert result.tearline is not None and result.tearline.source_id == secret_cable().id
