from __future__ import annotations

import hashlib
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from cabledesk.crypto.keys import Identity
from cabledesk.domain.cable import Authority, Paragraph, Provenance
from cabledesk.domain.export_ceiling import ExportCeiling
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.domain.trust import Trust, TrustState
from cabledesk.domain.validation import Severity, validate
from cabledesk.errors import ExportError, InputError, MarkingError, PolicyRefusal, ValidationError
from cabledesk.export.pdf import LibreOfficeConverter
from cabledesk.export.signed import DocumentSigner, ExpectedSigner
from cabledesk.export.verification import KnownSigner, Verdict
from cabledesk.services.exporting import DocumentFormat, ExportRequest, ExportService
from tests.export.samples import CABLE_ID, frus_cables, modern_cable, unclassified_cable

SCHEMES = SchemeRegistry.load()
NOW = datetime(2025, 1, 1, tzinfo=UTC)
JANE = Identity.generate("Jane Doe", "AMEMBASSY PARIS", created=NOW - timedelta(days=1))


class RecordingConverter:
    """Stands in for LibreOffice: remembers the .docx it got, returns a small PDF."""

    def __init__(self) -> None:
        self.seen: list[bytes] = []

    def convert(self, docx: bytes) -> bytes:
        self.seen.append(docx)
        return b"%PDF-1.6\n% converted\n%%EOF\n"


def _service(**kwargs: object) -> ExportService:
    return ExportService(SCHEMES, clock=lambda: NOW, **kwargs)  # type: ignore[arg-type]


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_export_an_unclassified_cable(tmp_path: Path) -> None:
    out = tmp_path / "cable.docx"
    result = _service().export(unclassified_cable(), ExportRequest(output=out))
    assert _files(tmp_path) == ["cable.docx"]
    assert result.paths == (out,) and not result.signed and not result.sanitized
    assert (result.banner, result.level, result.cable_id) == (
        "UNCLASSIFIED",
        "UNCLASSIFIED",
        CABLE_ID,
    )
    assert result.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_signed_and_bundled_then_verified(tmp_path: Path) -> None:
    out = tmp_path / "cable.docx"
    request = ExportRequest(output=out, signer=DocumentSigner.from_identity(JANE), bundle=True)
    result = _service().export(unclassified_cable(), request)
    assert _files(tmp_path) == ["cable.docx", "cable.docx.sig", "cable.zip"]
    assert result.signer_fingerprint == JANE.fingerprint and result.bundle == tmp_path / "cable.zip"
    contacts = {JANE.fingerprint: KnownSigner("Jane Doe", Trust(TrustState.VERIFIED))}
    checked = _service().verify(out, lookup=contacts.get)
    assert checked.verdict is Verdict.VALID and checked.sha256 == result.sha256
    bundled = _service().verify(tmp_path / "cable.zip", lookup=contacts.get)
    assert bundled.verdict is Verdict.VALID and bundled.sha256 == result.sha256
    assert request.signer is not None and request.signer.card is not None
    named = _service().verify(out, expected=ExpectedSigner.from_card(request.signer.card))
    assert named.ok


def test_above_the_ceiling_is_refused_and_nothing_written(tmp_path: Path) -> None:
    with pytest.raises(PolicyRefusal, match="SECRET//ORCON/NOFORN//NODIS"):
        _service().export(modern_cable(), ExportRequest(output=tmp_path / "c.docx"))
    assert _files(tmp_path) == []


def test_a_sanitized_version_below_the_ceiling(tmp_path: Path) -> None:
    result = _service().export(
        modern_cable(), ExportRequest(output=tmp_path / "c.docx", level="confidential")
    )
    assert result.sanitized and result.level == "CONFIDENTIAL"
    assert result.tearline is not None and result.tearline.source_id == CABLE_ID
    with pytest.raises(PolicyRefusal):
        _service().export(modern_cable(), ExportRequest(output=tmp_path / "d.docx", level="SECRET"))


def test_a_raised_ceiling(tmp_path: Path) -> None:
    ceiling = ExportCeiling.from_settings({"us": "TOP SECRET"}, SCHEMES)
    result = _service(ceiling=ceiling).export(modern_cable(), ExportRequest(tmp_path / "c.docx"))
    assert result.banner == "SECRET//ORCON/NOFORN//NODIS"


def test_unknown_level(tmp_path: Path) -> None:
    with pytest.raises(MarkingError, match="SEKRET"):
        _service().export(modern_cable(), ExportRequest(tmp_path / "c.docx", level="SEKRET"))


def test_a_draft_with_errors_is_refused_a_historic_record_is_not(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="action addressee"):
        _service().export(unclassified_cable(action=()), ExportRequest(tmp_path / "c.docx"))
    frus = next(c for c in frus_cables(SCHEMES["us"]) if not c.action)  # frus1864p4/d382
    _service().export(frus, ExportRequest(tmp_path / "frus.docx"))
    assert _files(tmp_path) == ["frus.docx"]


FAKE = Provenance("FRUS", "frus1918Russiav03/d1")
GATE = [
    ("typed-mark", {"paragraphs": (Paragraph("(U)", "(S//NF) Hidden under a (U) mark."),),
                    "authority": None}, "portion mark"),
    ("no-authority-block", {"authority": None}, "classification authority block"),
    ("OADR", {"authority": Authority("Jane Doe", ("1.4(b)",), None, "OADR")}, "OADR"),
    ("unknown-caption", {"captions": ("NODSI",)}, "NODSI"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "change", "words"), GATE, ids=[g[0] for g in GATE])
def test_a_provenance_does_not_open_the_gate(
    tmp_path: Path, name: str, change: dict[str, object], words: str
) -> None:
    """Adding a ``provenance`` to a draft's JSON used to skip validation at export."""
    draft = modern_cable(provenance=FAKE, **change)
    with pytest.raises(ValidationError, match=words):
        ceiling = ExportCeiling.from_settings({"us": "TOP SECRET"}, SCHEMES)
        _service(ceiling=ceiling).export(draft, ExportRequest(tmp_path / "c.docx"))
    assert _files(tmp_path) == []


def test_every_frus_telegram_passes_the_gate() -> None:
    """The whole corpus: historic records pass on their own merits (warnings only)."""
    us = SCHEMES["us"]
    blocked = [
        (c.provenance.record_id if c.provenance else c.id, f.field, f.message)
        for c in frus_cables(us)
        for f in validate(c, us, today=NOW.date())
        if f.severity == Severity.ERROR
    ]
    assert blocked == []


def test_existing_files_are_kept_unless_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "c.docx"
    signed = ExportRequest(output=out, signer=DocumentSigner(JANE.signing_key))
    _service().export(unclassified_cable(), signed)
    with pytest.raises(InputError, match="already exists"):
        _service().export(unclassified_cable(), ExportRequest(output=out))
    # replacing the document unsigned removes the signature that no longer matches it
    _service().export(unclassified_cable(signature="X"), ExportRequest(out, overwrite=True))
    assert _files(tmp_path) == ["c.docx"]


def test_nothing_partial_is_left_when_a_later_file_fails(tmp_path: Path) -> None:
    (tmp_path / "c.zip").mkdir()  # the bundle cannot be written over a folder
    request = ExportRequest(
        output=tmp_path / "c.docx",
        signer=DocumentSigner.from_identity(JANE),
        bundle=True,
        overwrite=True,
    )
    with pytest.raises(InputError):
        _service().export(unclassified_cable(), request)
    assert _files(tmp_path) == ["c.zip"]
    assert list((tmp_path / "c.zip").iterdir()) == []


def test_pdf_goes_through_the_converter_and_is_signed(tmp_path: Path) -> None:
    converter = RecordingConverter()
    request = ExportRequest(
        output=tmp_path / "c.pdf",
        format=DocumentFormat.PDF,
        signer=DocumentSigner(JANE.signing_key),
    )
    result = _service(pdf_converter=converter).export(unclassified_cable(), request)
    assert converter.seen[0].startswith(b"PK")  # our .docx
    assert (tmp_path / "c.pdf").read_bytes().startswith(b"%PDF-")
    assert _files(tmp_path) == ["c.pdf", "c.pdf.sig"] and result.format is DocumentFormat.PDF
    assert (
        _service()
        .verify(
            tmp_path / "c.pdf", expected=ExpectedSigner.from_key(JANE.public().ed25519(), "jane")
        )
        .ok
    )


def test_pdf_without_libreoffice(tmp_path: Path) -> None:
    converter = LibreOfficeConverter(executable=str(tmp_path / "no-soffice"))
    request = ExportRequest(output=tmp_path / "c.pdf", format=DocumentFormat.PDF)
    with pytest.raises(ExportError, match="needs LibreOffice"):
        _service(pdf_converter=converter).export(unclassified_cable(), request)
    assert _files(tmp_path) == []


def test_render_in_memory_applies_no_ceiling() -> None:
    rendered = _service().render(modern_cable())
    assert rendered.data.startswith(b"PK") and rendered.tearline is None
    released = _service().render(modern_cable(), release_to=["GBR"])
    assert released.banner.banner == "CONFIDENTIAL//REL TO USA, GBR"


def test_a_bundle_needs_a_card() -> None:
    with pytest.raises(ValueError, match="contact card"):
        ExportRequest(Path("x.docx"), signer=DocumentSigner(JANE.signing_key), bundle=True)


def test_paragraph_marks_must_parse(tmp_path: Path) -> None:
    cable = unclassified_cable(paragraphs=(Paragraph("(Q)", "x"),))
    with pytest.raises((ValidationError, MarkingError)):
        _service().export(cable, ExportRequest(tmp_path / "c.docx"))
