"""Issue 15, points 9 to 11: the attacks on the outcome of opening, each a test named
after it. A stripped signature, a forwarded cable, a key that expired before the
cable was sealed, an unrelated cable.docx, a 5,000-digit number and a link made by
a host other than Unix must never give a VALID cable or extracted files."""

from __future__ import annotations

import dataclasses
import os
import struct
from datetime import timedelta
from pathlib import Path

import pytest

from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.signedtext import format_time
from cabledesk.export.docx import RENDERER_VERSION, render_docx
from cabledesk.seal import DocumentRenderer, Severity, Verdict, Verification
from cabledesk.seal._zipformat import VERSION_MADE_BY
from cabledesk.seal._zipread import UnsafeArchive
from tests.seal.kit import (
    BOB,
    CABLE,
    JANE,
    NOW,
    PEOPLE,
    SCHEMES,
    Package,
    build_zip,
    open_bytes,
    seal_bytes,
    trusting,
)
from tests.seal.test_zipread import read

CAROL = PEOPLE["carol"]
RENDERER = DocumentRenderer(RENDERER_VERSION, lambda cable: render_docx(cable, SCHEMES["us"]))


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _failed(v: Verification, verdict: Verdict, out: Path | None = None) -> None:
    assert v.verdict is verdict, v.message
    assert v.severity is Severity.FAILURE and not v.ok and v.cable is None
    assert v.extracted == ()
    if out is not None:
        assert os.listdir(out) == []


# --- point 10: a missing signature is a failed verification, not unreadable input --


@pytest.mark.parametrize("stripped", [("manifest.sig",), ("manifest.json", "manifest.sig")])
def test_stripped_manifest_sig_is_a_failed_verification(stripped: tuple[str, ...],
                                                       out: Path) -> None:  # fmt: skip
    package = Package.of(seal_bytes())
    package.entries = [(n, d) for n, d in package.entries if n not in stripped]
    v = open_bytes(package.seal(), extract_to=out)
    _failed(v, Verdict.UNSIGNED, out)
    assert "no signature" in v.message and v.hint


# --- point 10: not addressed to you -----------------------------------------------


def test_forwarded_cable_extracts_nothing_unless_accepted(out: Path) -> None:
    forwarded = Package.of(seal_bytes(to=[BOB])).seal(to=[CAROL])
    _failed(open_bytes(forwarded, CAROL, extract_to=out), Verdict.NOT_ADDRESSED_TO_YOU, out)
    v = open_bytes(forwarded, CAROL, extract_to=out, accept_forwarded=True)
    assert v.verdict is Verdict.NOT_ADDRESSED_TO_YOU and v.severity is Severity.WARNING
    assert v.forwarded_accepted and v.cable == CABLE and v.addressed_to_you is False


def test_forwarded_v1_cable_extracts_nothing_unless_accepted(out: Path) -> None:
    forwarded = Package.of(seal_bytes(to=[BOB], docx=b"doc")).as_v1().seal(to=[CAROL])
    v = open_bytes(forwarded, CAROL, extract_to=out)
    assert v.severity is Severity.WARNING and v.extracted == () and os.listdir(out) == []
    v = open_bytes(forwarded, CAROL, extract_to=out, accept_forwarded=True)
    assert [p.name for p in v.extracted] == ["cable.docx"]


# --- point 10: a key that expired before the cable was sealed ----------------------


def test_key_expired_before_sealing_is_not_valid(out: Path) -> None:
    # Jane's key expired an hour after NOW. Whoever holds it later makes a new card
    # for the same keys with a later expiry, and seals three days after NOW.
    expires = NOW + timedelta(hours=1)
    old = dataclasses.replace(JANE, expires=expires)
    renewed = dataclasses.replace(JANE, expires=NOW + timedelta(days=700))
    package = Package.of(seal_bytes(sender=old))
    doc = package.manifest
    doc["created"] = format_time(NOW + timedelta(days=3))
    doc["sender"]["card"] = ContactCard.for_identity(renewed).to_bytes().decode()
    package.set_manifest(doc, renewed)
    recorded = {JANE.fingerprint: expires}
    v = open_bytes(package.seal(), trust=trusting(JANE), extract_to=out,
                   now=NOW + timedelta(days=4), expiry_of=recorded.get)  # fmt: skip
    _failed(v, Verdict.SIGNER_EXPIRED, out)
    assert "expired on 2026-11-23" in v.message


def test_key_expired_since_sealing_stays_readable() -> None:
    old = dataclasses.replace(JANE, expires=NOW + timedelta(hours=1))
    v = open_bytes(seal_bytes(sender=old), now=NOW + timedelta(days=4))
    assert v.verdict is Verdict.VALID
    assert v.warnings == ("The sender's key has expired since (2026-11-23).",)


# --- point 9: the included cable.docx is the cable ---------------------------------


def test_rendered_docx_is_checked() -> None:
    docx = render_docx(CABLE, SCHEMES["us"])
    v = open_bytes(seal_bytes(docx=docx, docx_renderer=RENDERER_VERSION), renderer=RENDERER)
    assert v.verdict is Verdict.VALID and v.document_checked is True and v.warnings == ()


def test_unrelated_docx_is_a_failure(out: Path) -> None:
    other = render_docx(dataclasses.replace(CABLE, subject="ANOTHER STORY"), SCHEMES["us"])
    sealed = seal_bytes(docx=other, docx_renderer=RENDERER_VERSION)
    v = open_bytes(sealed, renderer=RENDERER, extract_to=out)
    _failed(v, Verdict.DOCUMENT_MISMATCH, out)
    assert "is not this cable" in v.message


@pytest.mark.parametrize("renderer", [None, RENDERER_VERSION + 1])
def test_unrelated_docx_of_another_renderer_is_not_valid(renderer: int | None) -> None:
    sealed = seal_bytes(docx=b"PK unrelated", docx_renderer=renderer)
    v = open_bytes(sealed, renderer=RENDERER)
    assert v.verdict is Verdict.DOCUMENT_NOT_CHECKED and v.severity is Severity.WARNING
    assert v.document_checked is False
    assert any("was not checked against the cable" in w for w in v.warnings)


# --- point 11: every parser error is typed ---------------------------------------


@pytest.mark.parametrize("field", [b'"size":', b'"rollup":'])
def test_5000_digit_integer_in_a_manifest_is_a_typed_error(field: bytes) -> None:
    package = Package.of(seal_bytes())
    data = package["manifest.json"]
    start = data.index(field) + len(field)
    end = start
    while data[end : end + 1].isdigit():
        end += 1
    package["manifest.json"] = data[:start] + b"9" * 5000 + data[end:]
    v = open_bytes(package.seal())
    _failed(v, Verdict.MALFORMED)
    assert "not valid JSON" in v.message


# --- point 11: links refused whatever the "made by" host ---------------------------


@pytest.mark.parametrize("host", [0, 3, 11, 19])
@pytest.mark.parametrize("kind", [0o120000, 0o060000, 0o020000, 0o010000, 0o140000])
def test_zip_symlink_with_non_unix_made_by_is_refused(host: int, kind: int) -> None:
    data = build_zip([("cable.json", b"1")])
    made_by = struct.pack("<H", VERSION_MADE_BY)
    attrs = struct.pack("<I", 0o100600 << 16)
    assert data.count(made_by + b"") >= 1 and data.count(attrs) == 1
    data = data.replace(attrs, struct.pack("<I", (kind | 0o777) << 16))
    start = data.index(b"PK\x01\x02") + 4
    data = data[:start] + struct.pack("<H", (host << 8) | 45) + data[start + 2 :]
    with pytest.raises(UnsafeArchive, match="link"):
        read(data)
