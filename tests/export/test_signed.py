from __future__ import annotations

import json
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cabledesk.crypto.keys import Identity
from cabledesk.crypto.sshsig import SEAL_NAMESPACE, sign
from cabledesk.domain.trust import Trust, TrustState
from cabledesk.errors import InputError, SignatureFormatError, SignatureMissing
from cabledesk.export.signed import (
    DocumentSigner,
    ExpectedSigner,
    sign_document,
    signature_path,
    verify_received,
)
from cabledesk.export.verification import KnownSigner, SignerSource, Verdict

NOW = datetime(2025, 1, 1, tzinfo=UTC)
JANE = Identity.generate("Jane Doe", "AMEMBASSY PARIS")
MALLORY = Identity.generate("Mallory", "NOWHERE")
DOCUMENT = b"PK\x03\x04 a document, as bytes " * 100


def _signed(folder: Path, data: bytes = DOCUMENT, name: str = "report.docx") -> Path:
    path = folder / name
    path.write_bytes(data)
    signature_path(path).write_text(sign_document(data, DocumentSigner(JANE.signing_key)))
    return path


def _contacts(state: TrustState) -> dict[str, KnownSigner]:
    return {JANE.fingerprint: KnownSigner("Jane Doe", Trust(state, since=NOW, how="phone"))}


def test_the_signature_is_sshsig_for_documents() -> None:
    text = sign_document(DOCUMENT, DocumentSigner(JANE.signing_key))
    assert text == sign(JANE.signing_key, "cabledesk-document-v1", DOCUMENT)


@pytest.mark.parametrize(
    ("state", "verdict", "ok"),
    [
        (TrustState.VERIFIED, Verdict.VALID, True),
        (TrustState.UNVERIFIED, Verdict.VALID_UNVERIFIED, True),
        (TrustState.REVOKED, Verdict.REVOKED_SIGNER, False),
    ],
)
def test_signer_found_in_contacts(
    tmp_path: Path, state: TrustState, verdict: Verdict, ok: bool
) -> None:
    result = verify_received(_signed(tmp_path), now=NOW, lookup=_contacts(state).get)
    assert (result.verdict, result.ok, result.intact) == (verdict, ok, True)
    assert result.signer.name == "Jane Doe" and result.signer.source is SignerSource.CONTACT
    assert result.signer.trust.state is state
    assert result.for_document and result.message.split(":")[0] in (
        "Valid signature",
        "Valid signature by an unverified contact",
        "Signed with a revoked key",
    )


def test_unknown_signer_is_not_ok(tmp_path: Path) -> None:
    result = verify_received(_signed(tmp_path), now=NOW)
    assert result.verdict is Verdict.UNKNOWN_SIGNER and not result.ok and result.intact
    assert result.signer.fingerprint == JANE.fingerprint and result.signer.name is None
    assert result.message.startswith("Signed by an unknown key:")


def test_the_signer_named_by_the_user(tmp_path: Path) -> None:
    path = _signed(tmp_path)
    given = verify_received(
        path, now=NOW, expected=ExpectedSigner.from_key(JANE.public().ed25519(), "jane")
    )
    assert given.verdict is Verdict.VALID and given.signer.source is SignerSource.GIVEN
    other = verify_received(
        path, now=NOW, expected=ExpectedSigner.from_key(MALLORY.public().ed25519(), "mallory")
    )
    assert other.verdict is Verdict.WRONG_SIGNER and not other.ok
    assert "not by mallory" in other.message


def test_modified_document(tmp_path: Path) -> None:
    path = _signed(tmp_path)
    path.write_bytes(DOCUMENT + b"!")
    result = verify_received(path, now=NOW, lookup=_contacts(TrustState.VERIFIED).get)
    assert result.verdict is Verdict.MODIFIED and not result.intact and not result.ok
    assert result.message.startswith("Modified:")


def test_signature_made_for_something_else(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(DOCUMENT)
    signature_path(path).write_text(sign(JANE.signing_key, SEAL_NAMESPACE, DOCUMENT))
    result = verify_received(path, now=NOW, lookup=_contacts(TrustState.VERIFIED).get)
    assert result.verdict is Verdict.WRONG_PURPOSE and result.intact and not result.ok
    assert "made for a sealed cable, not for a document" in result.message


def test_signature_for_another_file(tmp_path: Path) -> None:
    other = _signed(tmp_path, b"another document", "other.docx")
    path = tmp_path / "report.docx"
    path.write_bytes(DOCUMENT)
    result = verify_received(path, now=NOW, signature=signature_path(other))
    assert result.verdict is Verdict.OTHER_FILE and result.signature_for == "other.docx"
    assert result.message.startswith("Signature for another file:")
    assert "made for other.docx, not for" in result.message


def test_no_signature(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(DOCUMENT)
    with pytest.raises(SignatureMissing, match=r"report\.docx has no signature"):
        verify_received(path, now=NOW)
    with pytest.raises(InputError, match="no such file"):
        verify_received(path, now=NOW, signature=tmp_path / "given.sig")


def test_truncated_and_garbled_signatures(tmp_path: Path) -> None:
    path = _signed(tmp_path)
    sig = signature_path(path)
    full = sig.read_text()
    sig.write_text(full[: len(full) // 2])
    with pytest.raises(SignatureFormatError, match="truncated"):
        verify_received(path, now=NOW)
    sig.write_text(full.replace("A", "*", 3))
    with pytest.raises(SignatureFormatError, match="damaged or is not a signature"):
        verify_received(path, now=NOW)
    sig.write_bytes(b"")
    with pytest.raises(SignatureFormatError, match="empty"):
        verify_received(path, now=NOW)


def test_a_signature_given_as_the_document(tmp_path: Path) -> None:
    path = _signed(tmp_path)
    with pytest.raises(InputError, match="is a signature, not a document"):
        verify_received(signature_path(path), now=NOW)


def test_missing_document(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        verify_received(tmp_path / "nothing.docx", now=NOW, signature=tmp_path / "x.sig")


def test_result_as_json(tmp_path: Path) -> None:
    result = verify_received(_signed(tmp_path), now=NOW, lookup=_contacts(TrustState.VERIFIED).get)
    data = json.loads(json.dumps(result.as_dict()))
    assert data["verdict"] == "valid" and data["ok"] is True
    assert data["signer"]["trust"] == "verified" and data["namespace"] == "cabledesk-document-v1"


@pytest.mark.slow
def test_large_documents_are_checked_in_constant_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.pdf"
    with path.open("wb") as f:
        f.truncate(48 * 1024 * 1024)
    with path.open("rb") as f:
        from cabledesk.crypto.sshsig import sign_stream

        signature_path(path).write_text(sign_stream(JANE.signing_key, "cabledesk-document-v1", f))
    tracemalloc.start()
    try:
        result = verify_received(path, now=NOW)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.intact and result.size == 48 * 1024 * 1024
    assert peak < 4 * 1024 * 1024


@pytest.mark.slow
@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    garbage=st.one_of(
        st.binary(max_size=300),
        st.text(max_size=300).map(lambda t: ("-----BEGIN SSH SIGNATURE-----\n" + t).encode()),
        st.integers(0, 400).map(
            lambda n: sign_document(DOCUMENT, DocumentSigner(JANE.signing_key)).encode()[:n]
        ),
    )
)
def test_garbage_signatures_raise_only_signature_format_error(
    tmp_path: Path, garbage: bytes
) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(DOCUMENT)
    signature_path(path).write_bytes(garbage)
    try:
        result = verify_received(path, now=NOW)
    except SignatureFormatError as exc:
        assert exc.message and exc.hint
    else:  # only the complete signature parses
        assert result.intact
