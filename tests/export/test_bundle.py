from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.keys import Identity
from cabledesk.domain.trust import Trust, TrustState
from cabledesk.errors import InputError, SignatureFormatError
from cabledesk.export.signed import DocumentSigner, make_bundle, sign_document, verify_received
from cabledesk.export.verification import KnownSigner, SignerSource, Verdict

NOW = datetime(2025, 1, 1, tzinfo=UTC)
JANE = Identity.generate(
    "Jane Doe",
    "AMEMBASSY PARIS",
    created=NOW - timedelta(days=1),
    expires=NOW + timedelta(days=700),
)
MALLORY = Identity.generate("Mallory", "NOWHERE")
DOCUMENT = b"PK\x03\x04 a document " * 50
MANIFEST = "cabledesk-bundle.json"


def _bundle(document: bytes = DOCUMENT, card: ContactCard | None = None) -> bytes:
    signer = DocumentSigner.from_identity(JANE)
    card = card or signer.card
    assert card is not None
    return make_bundle("report.docx", document, sign_document(DOCUMENT, signer), card)


def _write(tmp_path: Path, data: bytes, name: str = "report.zip") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _zip(entries: list[tuple[str, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in entries:
            zf.writestr(name, data)
    return out.getvalue()


def _manifest(**fields: object) -> bytes:
    doc = {
        "format": "cabledesk.document-bundle/1",
        "document": "report.docx",
        "signature": "report.docx.sig",
        "signer": None,
        **fields,
    }
    return json.dumps(doc).encode()


def test_bundle_layout_is_fixed() -> None:
    data = _bundle()
    assert data == _bundle()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.namelist() == [
            MANIFEST,
            "report.docx",
            "report.docx.sig",
            "signer.contact",
            "VERIFY.txt",
        ]
        assert zf.read("report.docx") == DOCUMENT
        assert b"ssh-keygen -Y verify" in zf.read("VERIFY.txt")


def test_the_card_in_the_bundle_is_only_a_claim(tmp_path: Path) -> None:
    result = verify_received(_write(tmp_path, _bundle()), now=NOW)
    assert result.verdict is Verdict.UNKNOWN_SIGNER and result.intact and not result.ok
    assert result.signer.source is SignerSource.BUNDLE_CARD and result.signer.name == "Jane Doe"
    assert "whose own card says it is Jane Doe" in result.message
    assert result.document == "report.zip:report.docx"
    assert result.bundle == str(tmp_path / "report.zip")


def test_a_known_signer_in_a_bundle(tmp_path: Path) -> None:
    contacts = {JANE.fingerprint: KnownSigner("Jane (Paris)", Trust(TrustState.VERIFIED))}
    result = verify_received(_write(tmp_path, _bundle()), now=NOW, lookup=contacts.get)
    assert result.verdict is Verdict.VALID and result.signer.name == "Jane (Paris)"


def test_a_modified_document_in_a_bundle(tmp_path: Path) -> None:
    result = verify_received(_write(tmp_path, _bundle(DOCUMENT + b"x")), now=NOW)
    assert result.verdict is Verdict.MODIFIED


def test_a_card_for_another_key_is_ignored(tmp_path: Path) -> None:
    result = verify_received(
        _write(tmp_path, _bundle(card=ContactCard.for_identity(MALLORY))), now=NOW
    )
    assert result.signer.source is SignerSource.UNKNOWN and result.card is None
    assert "for another key" in result.notes[0]


def test_an_expired_card_is_noted(tmp_path: Path) -> None:
    result = verify_received(_write(tmp_path, _bundle()), now=NOW + timedelta(days=800))
    assert result.signer.source is SignerSource.UNKNOWN
    assert "expired" in result.notes[0]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"not a zip at all", "not a ZIP archive"),
        (_zip([("word/document.xml", b"<w/>")]), "does not start with cabledesk-bundle.json"),
        (_zip([(MANIFEST, b"{nope")]), "manifest is not valid"),
        (_zip([(MANIFEST, _manifest(format="something/1"))]), "names the format"),
        (_zip([(MANIFEST, _manifest(document="../../etc/passwd"))]), "unsafe file"),
        (
            _zip(
                [
                    (MANIFEST, _manifest()),
                    ("report.docx", b"x"),
                    ("report.docx.sig", b"x"),
                    ("extra.exe", b"x"),
                ]
            ),
            "did not put there",
        ),
    ],
)
def test_bundles_that_are_not_ours(tmp_path: Path, data: bytes, reason: str) -> None:
    with pytest.raises(InputError, match="is not a CableDesk document bundle") as info:
        verify_received(_write(tmp_path, data), now=NOW)
    assert reason in info.value.message


def test_damaged_and_newer_bundles(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"damaged: report\.docx\.sig is missing"):
        verify_received(
            _write(tmp_path, _zip([(MANIFEST, _manifest()), ("report.docx", b"x")])), now=NOW
        )
    with pytest.raises(InputError, match="newer format"):
        verify_received(
            _write(tmp_path, _zip([(MANIFEST, _manifest(format="cabledesk.document-bundle/2"))])),
            now=NOW,
        )


def test_a_docx_is_not_taken_for_a_bundle(tmp_path: Path) -> None:
    from cabledesk.errors import SignatureMissing

    with pytest.raises(SignatureMissing):
        verify_received(
            _write(tmp_path, _zip([("[Content_Types].xml", b"<x/>")]), "a.docx"), now=NOW
        )


@pytest.mark.slow
@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000))
def test_garbage_bundles_raise_input_error(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(InputError):
        verify_received(_write(tmp_path, data), now=NOW)


BUNDLE = _bundle()


@pytest.mark.slow
@settings(max_examples=400, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    changes=st.lists(
        st.tuples(st.integers(-len(BUNDLE), len(BUNDLE) - 1), st.integers(0, 255)),
        min_size=1,
        max_size=4,
    ),
    cut=st.integers(1, len(BUNDLE)),
)
def test_damaged_bundles_give_an_error_or_a_verdict(
    tmp_path: Path, changes: list[tuple[int, int]], cut: int
) -> None:
    data = bytearray(BUNDLE)
    for position, value in changes:
        data[position] = value
    data = data[:cut]
    try:
        result = verify_received(_write(tmp_path, bytes(data)), now=NOW)
    except (InputError, SignatureFormatError) as exc:
        assert exc.message
    else:
        assert result.verdict in set(Verdict)
