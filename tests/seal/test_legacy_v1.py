"""A cabledesk.seal/1 package written by CableDesk 0.1.0 still opens, with the /1 rules.

tests/data/legacy/README.md says how the files were made: Jane sealed the cable
for Klaus on 2026-12-04 (test clock 2026-12-01 09:00 UTC).
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from cabledesk.crypto.age import X25519Identity, decrypt, encrypt, parse_identity_file
from cabledesk.crypto.contact import ContactCard
from cabledesk.domain.trust import Trust, TrustState
from cabledesk.seal import Severity, Verdict, Verification, open_sealed
from tests.seal.kit import MALLORY, SCHEMES, Package

LEGACY = Path(__file__).parents[1] / "data" / "legacy"
THEN = datetime(2026, 12, 1, 9, tzinfo=UTC)
KLAUS_KEYS = parse_identity_file((LEGACY / "klaus.agekey").read_text(encoding="ascii"))
JANE_CARD = ContactCard.parse((LEGACY / "jane-v1.contact").read_bytes(), now=None)
KLAUS_CARD = ContactCard.parse((LEGACY / "klaus-v1.contact").read_bytes(), now=None)
TRUSTED = {JANE_CARD.fingerprint: Trust(TrustState.VERIFIED, THEN, "by phone")}


def _open(src: Path | bytes, *, extract_to: Path | None = None) -> Verification:
    stream = src if isinstance(src, Path) else io.BytesIO(src)
    return open_sealed(
        stream, KLAUS_KEYS, trust_of=TRUSTED.get, me={KLAUS_CARD.fingerprint},
        schemes=SCHEMES, now=THEN, extract_to=extract_to,
    )  # fmt: skip


def test_the_v1_package_of_0_1_0_opens_valid(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    v = _open(LEGACY / "sealed-v1.cable", extract_to=out)
    # Intact and from a verified signer; its cable.docx, of a renderer the /1 manifest
    # does not name, is reported as not checked (issue 15, point 9).
    assert v.verdict is Verdict.DOCUMENT_NOT_CHECKED and v.severity is Severity.WARNING, v.message
    assert v.document_checked is False
    assert v.format == "cabledesk.seal/1" and v.kind == "cable" and v.rollup == 1
    assert v.banner == "SECRET//NOFORN" and v.statements == ()
    assert [w for w in v.warnings if "not checked" in w] == list(v.warnings) != []
    assert v.signer is not None and v.signer.fingerprint == JANE_CARD.fingerprint
    assert v.signer.pq_recipient is None
    assert v.cable is not None and v.cable.id == v.cable_id
    assert sorted(p.name for p in out.iterdir()) == ["annex.txt", "cable.docx"]
    assert ContactCard.parse(v.sender_card or b"", now=None) == JANE_CARD


def _plaintext() -> bytes:
    out = io.BytesIO()
    decrypt(io.BytesIO((LEGACY / "sealed-v1.cable").read_bytes()), out, KLAUS_KEYS)
    return out.getvalue()


def test_v1_re_encrypted_to_someone_else_keeps_its_warning() -> None:
    other = X25519Identity.generate()
    out = io.BytesIO()
    encrypt(io.BytesIO(_plaintext()), out, [other.recipient()])
    v = open_sealed(
        io.BytesIO(out.getvalue()), [other], trust_of=TRUSTED.get, me={MALLORY.fingerprint},
        schemes=SCHEMES, now=THEN,
    )  # fmt: skip
    assert v.verdict is Verdict.NOT_ADDRESSED_TO_YOU and v.severity is Severity.WARNING
    assert v.ok and v.cable is not None


@pytest.mark.parametrize("entry", [b"cabledesk.seal/2\n", b"cabledesk.seal/3\n"])
def test_its_format_entry_cannot_be_changed(entry: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(_plaintext())) as z:
        package = Package([(i.filename, z.read(i)) for i in z.infolist()])
    assert package["format"] == b"cabledesk.seal/1\n"
    package["format"] = entry
    out = io.BytesIO()
    encrypt(io.BytesIO(package.zip()), out, [k.recipient() for k in KLAUS_KEYS])
    v = _open(out.getvalue())
    expected = Verdict.MALFORMED if entry.endswith(b"2\n") else Verdict.NEWER_FORMAT
    assert v.verdict is expected and not v.ok
