"""Every verdict of opening, and the attacks the signature must defeat, each with its own."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from cabledesk.crypto.contact import ContactCard
from cabledesk.domain.canonical import encode_cable
from cabledesk.domain.trust import Trust, TrustState
from cabledesk.seal import Severity, Verdict, Verification
from tests.seal.kit import (
    BOB,
    CABLE,
    JANE,
    MALLORY,
    NOW,
    PEOPLE,
    Package,
    make_cable,
    open_bytes,
    seal_bytes,
    trusting,
)

CAROL = PEOPLE["carol"]


@pytest.fixture
def attachment(tmp_path: Path) -> Path:
    path = tmp_path / "report.pdf"
    path.write_bytes(os.urandom(5000))
    return path


def _failed(v: Verification, verdict: Verdict) -> None:
    assert v.verdict is verdict, v.message
    assert v.severity is Severity.FAILURE and not v.ok
    assert v.cable is None and v.cable_json is None and v.sender_card is None
    assert v.extracted == ()


def test_valid_and_trusted() -> None:
    v = open_bytes(seal_bytes(), trust=trusting(JANE))
    assert v.verdict is Verdict.VALID and v.ok and v.severity is Severity.OK
    assert v.signer is not None and v.signer.fingerprint == JANE.fingerprint
    assert v.trust is not None and v.trust.state is TrustState.VERIFIED
    assert v.sender_card == ContactCard.for_identity(JANE).to_bytes() or v.sender_card
    assert ContactCard.parse(v.sender_card or b"", now=NOW).fingerprint == JANE.fingerprint
    assert v.cable_id == CABLE.id and v.banner == "SECRET//NOFORN" and v.warnings == ()
    data = json.loads(v.to_json())
    assert data["verdict"] == "valid" and data["cable"]["id"] == CABLE.id
    assert data["signer"]["name"] == "Jane Doe" and data["trust"]["state"] == "verified"


def test_own_sent_copy_is_valid() -> None:
    v = open_bytes(seal_bytes(), JANE, trust=trusting())
    assert v.verdict is Verdict.VALID and v.trust is not None and v.trust.how == "your own key"


def test_signer_unverified() -> None:
    v = open_bytes(seal_bytes(), trust=trusting(unverified=[JANE]))
    assert v.verdict is Verdict.SIGNER_UNVERIFIED and v.severity is Severity.WARNING
    assert v.cable == CABLE and "not verified" in v.message


def test_signer_unknown_brings_the_card_to_import() -> None:
    v = open_bytes(seal_bytes(), trust=trusting())
    assert v.verdict is Verdict.SIGNER_UNKNOWN and v.severity is Severity.WARNING
    card = ContactCard.parse(v.sender_card or b"", now=NOW)
    assert card.fingerprint == JANE.fingerprint and card.self_certified
    assert "not among your contacts" in v.message


def test_signer_revoked_is_a_failure(tmp_path: Path, attachment: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    v = open_bytes(seal_bytes(attachments=[attachment]), trust=trusting(revoked=[JANE]),
                   extract_to=out)  # fmt: skip
    _failed(v, Verdict.SIGNER_REVOKED)
    assert "revoked on 2026-11-23 (laptop lost)" in v.message
    assert v.signer is not None and v.signer.name == "Jane Doe"  # who, to say so
    assert os.listdir(out) == []


def test_not_decryptable_names_the_kinds_of_keys() -> None:
    v = open_bytes(seal_bytes(to=[BOB, CAROL]), MALLORY)
    _failed(v, Verdict.NOT_DECRYPTABLE)
    assert v.recipient_kinds == ("X25519",)
    assert "3 age keys" in v.message


def test_re_encrypted_to_someone_not_addressed_is_a_failure() -> None:
    # Bob, a legitimate recipient, passes Jane's signed package on to Carol.
    forwarded = Package.of(seal_bytes(to=[BOB])).seal(to=[CAROL])
    v = open_bytes(forwarded, CAROL)
    _failed(v, Verdict.NOT_ADDRESSED_TO_YOU)
    assert v.message == (
        "This cable was not sealed for you: Jane Doe (AMEMBASSY PARIS) sealed it for Bob Roe, "
        "Jane Doe, and someone re-encrypted it to you."
    )
    assert (
        v.hint
        == "Do not rely on it. Ask Jane Doe to seal it for you if you are meant to receive it."
    )
    assert v.addressed_to_you is False and v.to_dict()["severity"] == "failure"
    assert any("encrypted to 1 keys" in w for w in v.warnings)


def test_a_v1_package_re_encrypted_to_someone_not_addressed_is_a_warning() -> None:
    forwarded = Package.of(seal_bytes(to=[BOB])).as_v1().seal(to=[CAROL])
    v = open_bytes(forwarded, CAROL)
    assert v.verdict is Verdict.NOT_ADDRESSED_TO_YOU and v.severity is Severity.WARNING
    assert v.format == "cabledesk.seal/1" and v.ok
    assert "re-encrypted to you by someone other than the signer" in v.message
    assert v.addressed_to_you is False and v.cable == CABLE
    assert any("encrypted to 1 keys" in w for w in v.warnings)


def test_re_encrypted_to_more_people_is_noted() -> None:
    copied = Package.of(seal_bytes(to=[BOB])).seal(to=[BOB, JANE, CAROL])
    v = open_bytes(copied, BOB)
    assert v.verdict is Verdict.VALID
    assert v.warnings == (
        "This copy was encrypted to 3 keys, while the sender sealed it for 2: it was "
        "re-encrypted after sealing.",
    )


def test_swap_files_between_two_sealed_cables(tmp_path: Path) -> None:
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    first.write_bytes(b"the real annex")
    second.write_bytes(b"a forged annex")
    one = Package.of(seal_bytes(attachments=[first]))
    other = Package.of(seal_bytes(attachments=[second]))
    swapped = Package([*(e for e in one.entries if e[0] != "attachments/a.pdf")])
    swapped.entries.insert(2, ("attachments/a.pdf", other["attachments/b.pdf"]))
    out = tmp_path / "out"
    out.mkdir()
    v = open_bytes(swapped.seal(), extract_to=out)
    _failed(v, Verdict.FILE_CHANGED)
    assert v.changed_file == "attachments/a.pdf"
    assert v.message.startswith("attachments/a.pdf: its content differs")
    assert v.signer is not None and os.listdir(out) == []


def test_drop_a_recipient_from_the_manifest() -> None:
    package = Package.of(seal_bytes(to=[BOB, CAROL]))
    doc = package.manifest
    doc["recipients"] = [r for r in doc["recipients"] if r["name"] != "Carol Poe"]
    package.set_manifest(doc, signer=None)  # the signature is left as it was
    v = open_bytes(package.seal())
    _failed(v, Verdict.MANIFEST_ALTERED)
    assert "altered after Jane Doe" in v.message and v.signer is None


def test_a_signature_made_for_another_purpose() -> None:
    from cabledesk.crypto.sshsig import DOCUMENT_NAMESPACE, sign

    package = Package.of(seal_bytes())
    data = package["manifest.json"]
    package["manifest.sig"] = sign(JANE.signing_key, DOCUMENT_NAMESPACE, data).encode()
    v = open_bytes(package.seal())
    _failed(v, Verdict.MANIFEST_ALTERED)
    assert "another purpose ('cabledesk-document-v1')" in v.message


def test_re_sign_a_modified_manifest_with_another_key() -> None:
    package = Package.of(seal_bytes())
    doc = package.manifest
    doc["banner"] = "UNCLASSIFIED"
    package.set_manifest(doc, signer=MALLORY)
    v = open_bytes(package.seal())
    _failed(v, Verdict.SIGNED_BY_ANOTHER_KEY)
    assert JANE.fingerprint in v.message and MALLORY.fingerprint in v.message


def test_replay_under_a_different_id() -> None:
    package = Package.of(seal_bytes())
    package["cable.json"] = encode_cable(make_cable(ident="5b0e1b9a-0000-4000-8000-00000000beef"))
    v = open_bytes(package.seal())
    _failed(v, Verdict.WRONG_CABLE_ID)
    assert "replayed under a different id" in v.message


def test_the_five_attacks_have_five_verdicts() -> None:
    verdicts = {
        Verdict.FILE_CHANGED, Verdict.MANIFEST_ALTERED, Verdict.SIGNED_BY_ANOTHER_KEY,
        Verdict.WRONG_CABLE_ID, Verdict.MARKING_MISMATCH,
    }  # fmt: skip
    assert len(verdicts) == 5 and all(v.severity is Severity.FAILURE for v in verdicts)


def test_a_consistent_forgery_is_signed_by_a_stranger() -> None:
    # Mallory rewrites the manifest as her own: it verifies, but as hers.
    package = Package.of(seal_bytes())
    doc = package.manifest
    public = MALLORY.public()
    doc["sender"] = {
        "name": "Jane Doe", "post": "AMEMBASSY PARIS", "fingerprint": public.fingerprint,
        "age_recipient": str(public.encryption), "ssh_key": public.ssh_line(),
        "card": ContactCard.for_identity(MALLORY).to_bytes().decode(), "pq_recipient": None,
    }  # fmt: skip
    package.set_manifest(doc, signer=MALLORY)
    v = open_bytes(package.seal())
    assert v.verdict is Verdict.MALFORMED  # her card does not say she is Jane Doe
    doc["sender"]["name"], doc["sender"]["post"] = "Mallory", "NOWHERE"
    package.set_manifest(doc, signer=MALLORY)
    v = open_bytes(package.seal())
    assert v.verdict is Verdict.SIGNER_UNKNOWN and v.signer is not None
    assert v.signer.fingerprint == MALLORY.fingerprint


def test_a_manifest_that_lies_about_a_size(attachment: Path) -> None:
    package = Package.of(seal_bytes(attachments=[attachment]))
    doc = package.manifest
    doc["files"][1]["size"] += 1
    package.set_manifest(doc)  # signed by Jane herself: still refused
    v = open_bytes(package.seal())
    _failed(v, Verdict.FILE_CHANGED)
    assert v.changed_file == "attachments/report.pdf"
    assert "holds 5,000 bytes where Jane Doe signed 5,001" in v.message


def test_a_file_added_or_missing(attachment: Path) -> None:
    package = Package.of(seal_bytes(attachments=[attachment]))
    del package.entries[2]
    v = open_bytes(package.seal())
    _failed(v, Verdict.FILE_CHANGED)
    assert "is missing" in v.message
    package = Package.of(seal_bytes())
    package.entries.insert(2, ("attachments/extra.exe", b"MZ"))
    v = open_bytes(package.seal())
    _failed(v, Verdict.FILE_CHANGED)
    assert v.changed_file == "attachments/extra.exe" and "did not sign it" in v.message


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (lambda d: d["sender"].update(fingerprint=BOB.fingerprint), "fingerprint"),
        (lambda d: d["sender"].update(post="AMEMBASSY ROME"), "card does not match"),
        (lambda d: d["recipients"].append(d["recipients"][0]), "twice"),
        (lambda d: d.update(docx_included=True), "cable (and document) first"),
        (lambda d: d["recipients"][0].update(age_recipient="age1nope"), "age key"),
    ],
)  # fmt: skip
def test_signed_but_malformed(edit: Callable[[dict[str, Any]], object], problem: str) -> None:
    package = Package.of(seal_bytes())
    doc = package.manifest
    edit(doc)
    package.set_manifest(doc)
    v = open_bytes(package.seal())
    _failed(v, Verdict.MALFORMED)
    assert problem in v.message


def test_signed_but_not_canonical() -> None:
    package = Package.of(seal_bytes())
    data = json.dumps(package.manifest, indent=1).encode()
    from cabledesk.crypto.sshsig import SEAL_NAMESPACE, sign

    package["manifest.json"] = data
    package["manifest.sig"] = sign(JANE.signing_key, SEAL_NAMESPACE, data).encode()
    v = open_bytes(package.seal())
    _failed(v, Verdict.MALFORMED)
    assert "canonical" in v.message


def test_manifest_with_an_unknown_field() -> None:
    package = Package.of(seal_bytes())
    doc = package.manifest
    doc["comment"] = "hi"
    package.set_manifest(doc)
    v = open_bytes(package.seal())
    _failed(v, Verdict.MALFORMED)
    assert "comment is not part of the format" in v.message


def test_future_format_version_in_the_manifest() -> None:
    package = Package.of(seal_bytes())
    doc = package.manifest
    doc["format"] = "cabledesk.seal/3"
    package.set_manifest(doc)
    v = open_bytes(package.seal())
    _failed(v, Verdict.NEWER_FORMAT)
    assert "made by a newer version of CableDesk" in v.message


def test_future_format_version_in_the_first_entry(tmp_path: Path) -> None:
    package = Package([("format", b"cabledesk.seal/7\n"), ("whatever/new", b"x" * 10)])
    out = tmp_path / "out"
    out.mkdir()
    v = open_bytes(package.seal(), extract_to=out)
    _failed(v, Verdict.NEWER_FORMAT)
    assert "cabledesk.seal/7" in v.message and os.listdir(out) == []


def test_expired_sender_key_and_clock_skew_are_warnings() -> None:
    from dataclasses import replace

    short = replace(JANE, expires=NOW + timedelta(minutes=30))
    v = open_bytes(seal_bytes(sender=short), trust=trusting(short))
    assert v.verdict is Verdict.VALID
    assert v.warnings == ("The sender's key has expired since (2026-11-23).",)
    v = open_bytes(seal_bytes(), now=NOW - timedelta(days=2))
    assert any("sealed in the future" in w for w in v.warnings)


def test_cable_attachment_list_is_compared(attachment: Path) -> None:
    listed = make_cable(attachments=["other.pdf"])
    v = open_bytes(seal_bytes(cable=listed, attachments=[attachment]))
    assert v.verdict is Verdict.VALID
    assert v.warnings == ("The cable's list of attachments differs from the files sealed with it.",)
    matching = make_cable(attachments=["report.pdf"])
    assert open_bytes(seal_bytes(cable=matching, attachments=[attachment])).warnings == ()


def test_trust_lookup_receives_the_signer_fingerprint() -> None:
    asked: list[str] = []

    def trust_of(fp: str) -> Trust | None:
        asked.append(fp)
        return Trust(TrustState.VERIFIED)

    open_bytes(seal_bytes(), trust=trust_of)
    assert asked == [JANE.fingerprint]
