"""cabledesk.seal/2: what is written, and every new field's tampering detected: kind,
rollup, sender.pq_recipient, the clearance statements; and recipients of one key kind."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path
from typing import Any

import pytest

from cabledesk.crypto.age._bech32 import bech32_encode
from cabledesk.crypto.keys import PublicKeys
from cabledesk.crypto.sshsig import SEAL_NAMESPACE, sign
from cabledesk.domain.canonical import encode_cable
from cabledesk.domain.clearance import clearance_sha256
from cabledesk.errors import ClearanceError, PackageError
from cabledesk.seal import (
    FORMAT_ID,
    PackageKind,
    SealRecipient,
    Severity,
    Statement,
    Verdict,
    Verification,
    seal,
)
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
    recipient,
    seal_bytes,
)

HYBRID = bech32_encode("age1pq", bytes(range(256)) * 4 + bytes(192))  # 1,216 bytes


def statement(role: str = "cleared", *, signer: Any = JANE, **changes: Any) -> bytes:
    fields: dict[str, Any] = {
        "role": role, "cable_id": CABLE.id, "text_sha256": clearance_sha256(CABLE),
        "name": signer.name, "made": NOW, "office": "POL", "comment": "",
    }  # fmt: skip
    fields.update(changes)
    return Statement.sign(signer.signing_key, **fields).to_bytes()


STATEMENTS = (statement("drafted"), statement("cleared", signer=PEOPLE["carol"]))


def failed(v: Verification, verdict: Verdict, *words: str) -> None:
    assert v.verdict is verdict, v.message
    assert v.severity is Severity.FAILURE and v.cable is None and v.extracted == ()
    for word in words:
        assert word in v.message


def edited(edit: Any, *, resign: bool = True, sealed: bytes | None = None) -> Verification:
    """Open a package whose manifest was edited (a dict edit), signed again by Jane or not."""
    package = Package.of(sealed or seal_bytes(statements=STATEMENTS))
    doc = package.manifest
    edit(doc)
    package.set_manifest(doc, signer=JANE if resign else None)
    return open_bytes(package.seal())


# --- what is written ----------------------------------------------------------------


def test_cabledesk_writes_format_2() -> None:
    package = Package.of(seal_bytes())
    assert package["format"] == b"cabledesk.seal/2\n" and FORMAT_ID == "cabledesk.seal/2"
    doc = package.manifest
    assert doc["format"] == "cabledesk.seal/2" and doc["kind"] == "cable" and doc["rollup"] == 2
    assert doc["sender"]["pq_recipient"] is None
    assert all(r["age_recipient"].startswith("age1") for r in doc["recipients"])
    assert [n for n, _ in package.entries if n.startswith("statements/")] == []
    v = open_bytes(seal_bytes())
    assert v.verdict is Verdict.VALID and v.format == FORMAT_ID and v.kind is PackageKind.CABLE
    assert v.rollup == 2 and v.statements == ()


def test_statements_are_entries_listed_and_reported(tmp_path: Path) -> None:
    annex = tmp_path / "annex.txt"
    annex.write_text("annex\n")
    sealed = seal_bytes(attachments=[annex], statements=STATEMENTS, kind="clearance-request")
    package = Package.of(sealed)
    assert [n for n, _ in package.entries] == [
        "format", "cable.json", "attachments/annex.txt", "statements/1.statement",
        "statements/2.statement", "manifest.json", "manifest.sig",
    ]  # fmt: skip
    assert package["statements/2.statement"] == STATEMENTS[1]
    listed = package.manifest["files"][2:]
    assert listed[0] == {
        "path": "statements/1.statement", "name": "statements/1.statement",
        "size": len(STATEMENTS[0]), "sha256": hashlib.sha256(STATEMENTS[0]).hexdigest(),
    }  # fmt: skip
    out = tmp_path / "out"
    out.mkdir()
    v = open_bytes(sealed, extract_to=out)
    assert v.verdict is Verdict.VALID and v.kind is PackageKind.CLEARANCE_REQUEST
    assert [(s.role, s.signer_name, s.signature_valid, s.matches_cable) for s in v.statements] == [
        ("drafted", "Jane Doe", True, True), ("cleared", "Carol Poe", True, True),
    ]  # fmt: skip
    assert v.statements[1].fingerprint == PEOPLE["carol"].fingerprint
    assert sorted(p.name for p in out.iterdir()) == ["annex.txt"]  # statements stay inside
    reported = json.loads(v.to_json())
    assert reported["kind"] == "clearance-request" and reported["rollup"] == 2
    assert reported["statements"][0] == {
        "path": "statements/1.statement", "role": "drafted", "signer_name": "Jane Doe",
        "fingerprint": JANE.fingerprint, "office": "POL", "made": "2026-11-23T14:05:09Z",
        "comment": "", "signature_valid": True, "matches_cable": True, "problem": None,
    }  # fmt: skip


def forged() -> bytes:
    """Jane's statement, signed by Mallory."""
    body = STATEMENTS[0].partition(b"\n")[0]
    return body + b"\n" + sign(MALLORY.signing_key, "cabledesk-clearance-v1", body).encode()


def test_the_writer_refuses_what_it_must_not_carry() -> None:
    with pytest.raises(ClearanceError, match="signature"):
        seal_bytes(statements=[forged()])
    with pytest.raises(ClearanceError):
        seal_bytes(statements=[b"not a statement"])
    with pytest.raises(ValueError, match="memo"):
        seal_bytes(kind="memo")
    with pytest.raises(PackageError, match="at most 64 statements"):
        seal_bytes(statements=[STATEMENTS[0]] * 65)


def test_the_writer_never_mixes_key_kinds() -> None:
    class Hybrid:  # what a post-quantum recipient's text looks like
        def __str__(self) -> str:
            return HYBRID

    odd = SealRecipient("Pat Quinn", PublicKeys(MALLORY.public().signing, Hybrid()))  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="never a mix"):
        _seal_with([recipient(BOB), odd])


def _seal_with(recipients: list[SealRecipient]) -> None:
    seal(encode_cable(CABLE), cable_id=CABLE.id, banner="SECRET//NOFORN", sender=JANE,
         recipients=recipients, output=io.BytesIO(), now=NOW)  # fmt: skip


# --- kind -----------------------------------------------------------------------------


def test_kind_flipped_replaced_removed_or_added() -> None:
    failed(edited(lambda d: d.update(kind="clearance-response"), resign=False),
           Verdict.MANIFEST_ALTERED)  # fmt: skip
    failed(edited(lambda d: d.update(kind="memo")), Verdict.MALFORMED, "kind 'memo'")
    failed(edited(lambda d: d.update(kind=1)), Verdict.MALFORMED, "kind must be text")
    failed(edited(lambda d: d.pop("kind")), Verdict.MALFORMED, "kind is missing")
    v1 = Package.of(seal_bytes()).as_v1()
    doc = v1.manifest
    doc["kind"] = "cable"
    v1.set_manifest(doc)
    failed(open_bytes(v1.seal()), Verdict.MALFORMED, "kind is not part of the format")


def test_each_kind_is_signed() -> None:
    for kind in PackageKind:
        v = open_bytes(seal_bytes(kind=kind))
        assert v.verdict is Verdict.VALID and v.kind is kind


# --- rollup ---------------------------------------------------------------------------


def test_rollup_flipped_replaced_removed_or_added() -> None:
    failed(edited(lambda d: d.update(rollup=1), resign=False), Verdict.MANIFEST_ALTERED)
    v = edited(lambda d: d.update(rollup=3))  # signed: a later CableDesk's rules
    failed(v, Verdict.NEWER_FORMAT, "newer version of CableDesk", "version 3 of the roll-up")
    assert v.signer is not None and v.rollup == 3
    older = edited(lambda d: d.update(rollup=1))  # signed with the rules of CableDesk 0.x
    assert older.verdict is Verdict.VALID and older.rollup == 1
    failed(edited(lambda d: d.update(rollup=0)), Verdict.MALFORMED, "at least 1")
    failed(edited(lambda d: d.update(rollup="1")), Verdict.MALFORMED, "whole number")
    failed(edited(lambda d: d.update(rollup=1.0)), Verdict.MALFORMED, "whole number")
    failed(edited(lambda d: d.pop("rollup")), Verdict.MALFORMED, "rollup is missing")
    v1 = Package.of(seal_bytes()).as_v1()
    doc = v1.manifest
    doc["rollup"] = 1
    v1.set_manifest(doc)
    failed(open_bytes(v1.seal()), Verdict.MALFORMED, "rollup is not part of the format")


# --- sender.pq_recipient --------------------------------------------------------------


def test_pq_recipient_flipped_replaced_removed_or_added() -> None:
    def pq(value: Any) -> Any:
        return lambda d: d["sender"].update(pq_recipient=value)

    failed(edited(pq(HYBRID), resign=False), Verdict.MANIFEST_ALTERED)
    failed(edited(pq(HYBRID)), Verdict.MALFORMED, "does not match the sender's post-quantum")
    failed(edited(pq("age1pq1nope")), Verdict.MALFORMED, "not a valid age1pq1 key")
    failed(edited(pq(str(BOB.encryption_key.recipient()))), Verdict.MALFORMED, "age1pq1")
    failed(edited(pq("")), Verdict.MALFORMED, "pq_recipient is empty")
    failed(edited(pq(7)), Verdict.MALFORMED, "must be text")
    failed(edited(lambda d: d["sender"].pop("pq_recipient")), Verdict.MALFORMED,
           "sender.pq_recipient is missing")  # fmt: skip
    v1 = Package.of(seal_bytes()).as_v1()
    doc = v1.manifest
    doc["sender"]["pq_recipient"] = None
    v1.set_manifest(doc)
    failed(open_bytes(v1.seal()), Verdict.MALFORMED, "pq_recipient is not part of the format")


# --- recipients: one kind of key ------------------------------------------------------


def test_recipients_of_one_kind_only() -> None:
    def add(key: str) -> Any:
        return lambda d: d["recipients"].append(
            {"name": "Pat Quinn", "fingerprint": MALLORY.fingerprint, "age_recipient": key}
        )

    failed(edited(add(HYBRID)), Verdict.MALFORMED, "mix post-quantum and classic")
    failed(edited(add(HYBRID.upper())), Verdict.MALFORMED, "age key of the recipient")
    failed(edited(add(HYBRID[:-8] + "qqqqqqqq")), Verdict.MALFORMED, "age key")
    short = bech32_encode("age1pq", bytes(32))
    failed(edited(add(short)), Verdict.MALFORMED, "age key of the recipient 'Pat Quinn'")
    # All hybrid: a valid manifest, but this copy was not sealed to Bob's hybrid key.
    v = edited(lambda d: [r.update(age_recipient=HYBRID) for r in d["recipients"]])
    failed(v, Verdict.NOT_ADDRESSED_TO_YOU)
    v1 = Package.of(seal_bytes()).as_v1()
    doc = v1.manifest
    for r in doc["recipients"]:
        r["age_recipient"] = HYBRID
    v1.set_manifest(doc)
    failed(open_bytes(v1.seal()), Verdict.MALFORMED, "age key of the recipient")


# --- statements -----------------------------------------------------------------------


def _statements_package() -> Package:
    return Package.of(seal_bytes(statements=STATEMENTS))


def test_statement_flipped_replaced_removed_or_added() -> None:
    flipped = _statements_package()
    data = bytearray(flipped["statements/1.statement"])
    data[10] ^= 1
    flipped["statements/1.statement"] = bytes(data)
    failed(open_bytes(flipped.seal()), Verdict.FILE_CHANGED, "statements/1.statement")

    replaced = _statements_package()
    replaced["statements/2.statement"] = statement("approved", signer=MALLORY)
    failed(open_bytes(replaced.seal()), Verdict.FILE_CHANGED, "statements/2.statement")

    removed = _statements_package()
    removed.entries = [e for e in removed.entries if e[0] != "statements/2.statement"]
    failed(open_bytes(removed.seal()), Verdict.FILE_CHANGED, "it is missing")

    added = _statements_package()
    added.entries.insert(4, ("statements/3.statement", statement("approved")))
    v = open_bytes(added.seal())
    failed(v, Verdict.FILE_CHANGED, "did not sign it; it was added")
    assert v.changed_file == "statements/3.statement"

    unlisted = Package.of(seal_bytes())  # no statements signed at all
    unlisted.entries.insert(2, ("statements/1.statement", STATEMENTS[0]))
    failed(open_bytes(unlisted.seal()), Verdict.FILE_CHANGED, "it was added")

    dropped_from_manifest = _statements_package()
    doc = dropped_from_manifest.manifest
    doc["files"] = doc["files"][:-1]
    dropped_from_manifest.set_manifest(doc)  # Jane signed one statement, two are inside
    failed(open_bytes(dropped_from_manifest.seal()), Verdict.FILE_CHANGED, "it was added")


def test_statement_entries_keep_their_order_and_names() -> None:
    swapped = _statements_package()
    swapped.entries[2], swapped.entries[3] = swapped.entries[3], swapped.entries[2]
    with pytest.raises(PackageError, match="out of place"):
        open_bytes(swapped.seal())
    late = Package.of(seal_bytes(statements=STATEMENTS[:1]))
    late.entries.insert(3, ("attachments/late.txt", b"after a statement"))
    with pytest.raises(PackageError, match="out of place"):
        open_bytes(late.seal())
    for name in ("statements/one.statement", "statements/1.txt", "statements/x/1.statement"):
        odd = _statements_package()
        odd.entries.insert(2, (name, b"x"))
        failed(open_bytes(odd.seal()), Verdict.UNSAFE_ARCHIVE, "not part of a sealed cable")
    v1 = Package.of(seal_bytes(statements=STATEMENTS)).as_v1()
    v1.entries.insert(2, ("statements/1.statement", STATEMENTS[0]))
    failed(open_bytes(v1.seal()), Verdict.UNSAFE_ARCHIVE, "'statements/1.statement' that is not")


def test_manifest_listing_statements_out_of_layout_is_malformed() -> None:
    def rename(doc: dict[str, Any]) -> None:
        doc["files"][1]["name"] = "cleared by Jane"

    failed(edited(rename), Verdict.MALFORMED, "statement 'statements/1.statement'")

    def renumber(doc: dict[str, Any]) -> None:
        doc["files"][2]["path"] = doc["files"][2]["name"] = "statements/3.statement"

    failed(edited(renumber), Verdict.MALFORMED, "statements/3.statement")


def _carrying(*statements: bytes) -> Verification:
    """Open a package whose sender signed these statement entries, whatever they hold."""
    package = Package.of(seal_bytes())
    for number, data in enumerate(statements, 1):
        package.entries.insert(1 + number, (f"statements/{number}.statement", data))
    doc = package.manifest
    doc["files"] += [
        {"path": f"statements/{n}.statement", "name": f"statements/{n}.statement",
         "size": len(d), "sha256": hashlib.sha256(d).hexdigest()}
        for n, d in enumerate(statements, 1)
    ]  # fmt: skip
    package.set_manifest(doc)
    return open_bytes(package.seal())


def test_bad_statements_are_reported_never_dropped_and_do_not_change_the_verdict() -> None:
    other_cable = make_cable(paragraphs=1, ident="5b0e1b9a-0000-4000-8000-00000000beef")
    body = STATEMENTS[0].partition(b"\n")[0]
    v = _carrying(
        STATEMENTS[0],
        statement(text_sha256=clearance_sha256(make_cable(paragraphs=2))),  # other text
        statement(cable_id=other_cable.id, text_sha256=clearance_sha256(other_cable)),
        forged(),
        body + b"\n" + sign(JANE.signing_key, SEAL_NAMESPACE, body).encode(),
        b"this is not a statement",
        body.replace(b"statement/1", b"statement/9") + b"\n-----BEGIN SSH SIGNATURE-----\n",
    )
    assert v.verdict is Verdict.VALID, v.message
    reports = v.statements
    assert [s.path for s in reports] == [f"statements/{n}.statement" for n in range(1, 8)]
    assert [(s.signature_valid, s.matches_cable) for s in reports] == [
        (True, True), (True, False), (True, False), (False, True), (False, True),
        (False, False), (False, False),
    ]  # fmt: skip
    assert reports[0].problem is None
    assert "another text of this cable" in (reports[1].problem or "")
    assert "about another cable" in (reports[2].problem or "")
    assert "made by" in (reports[3].problem or "") and reports[3].signer_name == "Jane Doe"
    assert "different purpose" in (reports[4].problem or "")
    assert reports[5].role is None and reports[5].fingerprint is None and reports[5].problem
    assert "newer version" in (reports[6].problem or "")
    assert len(json.loads(v.to_json())["statements"]) == 7


def test_statements_are_reported_with_a_failing_verdict() -> None:
    forwarded = Package.of(seal_bytes(to=[BOB], statements=STATEMENTS)).seal(to=[PEOPLE["dave"]])
    v = open_bytes(forwarded, PEOPLE["dave"])
    failed(v, Verdict.NOT_ADDRESSED_TO_YOU)
    assert len(v.statements) == 2 and all(s.signature_valid for s in v.statements)


# --- the format entry ---------------------------------------------------------------


def test_format_entry_and_manifest_must_agree() -> None:
    package = Package.of(seal_bytes())
    package["format"] = b"cabledesk.seal/1\n"
    failed(open_bytes(package.seal()), Verdict.MALFORMED, "cabledesk.seal/1", "cabledesk.seal/2")
    old = Package.of(seal_bytes()).as_v1()
    old["format"] = b"cabledesk.seal/2\n"
    failed(open_bytes(old.seal()), Verdict.MALFORMED, "in its first entry")


def test_format_3_is_newer_in_the_entry_or_the_manifest() -> None:
    package = Package.of(seal_bytes())
    package["format"] = b"cabledesk.seal/3\n"
    failed(open_bytes(package.seal()), Verdict.NEWER_FORMAT, "cabledesk.seal/3")
    failed(edited(lambda d: d.update(format="cabledesk.seal/3")), Verdict.NEWER_FORMAT,
           "newer version of CableDesk")  # fmt: skip


def test_statements_over_their_caps_are_unsafe() -> None:
    from cabledesk.seal import Limits

    big = _statements_package()
    big["statements/1.statement"] = b"x" * (64 * 1024 + 1)
    failed(open_bytes(big.seal()), Verdict.UNSAFE_ARCHIVE, "larger than the 65,536 bytes")
    many = Package.of(seal_bytes(statements=STATEMENTS))
    v = open_bytes(many.seal(), limits=Limits(max_statements=1))
    failed(v, Verdict.UNSAFE_ARCHIVE, "more than 1 statements")
