"""Sealing and opening round trips: recipients, attachments of every size, armor,
extraction, progress and cancellation, and what sealing refuses."""

from __future__ import annotations

import io
import os
import stat
import threading
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from cabledesk.crypto.age import CHUNK_SIZE
from cabledesk.crypto.contact import ContactCard
from cabledesk.domain.canonical import encode_cable
from cabledesk.errors import Cancelled, InputError, PackageError, PolicyRefusal
from cabledesk.seal import Limits, SealRecipient, Severity, Verdict, open_sealed, seal
from tests.seal.kit import (
    BANNER,
    BOB,
    CABLE,
    CABLE_JSON,
    JANE,
    NOW,
    PEOPLE,
    Package,
    decrypt_bytes,
    make_cable,
    open_bytes,
    recipient,
    seal_bytes,
    trusting,
)

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

BLOCK = 64 * CHUNK_SIZE  # the age pipeline's 4 MiB batch


def _files(tmp_path: Path, sizes: list[int]) -> list[Path]:
    paths = []
    for i, size in enumerate(sizes):
        path = tmp_path / f"file-{i}-{size}.bin"
        path.write_bytes(os.urandom(size))
        paths.append(path)
    return paths


@pytest.mark.parametrize("count", [1, 2, 3, 4, 5])
def test_every_recipient_opens_it(count: int) -> None:
    to = list(PEOPLE.values())[1 : 1 + count]
    sealed = seal_bytes(to=to)
    for person in [*to, JANE]:
        v = open_bytes(sealed, person)
        assert v.verdict is Verdict.VALID, v.message
        assert v.cable == CABLE and v.cable_json == CABLE_JSON
        assert v.addressed_to_you is True
    outsider = list(PEOPLE.values())[5] if count < 5 else None
    if outsider is not None:
        assert open_bytes(sealed, outsider).verdict is Verdict.NOT_DECRYPTABLE


def test_the_sender_is_added_once_and_recipients_deduplicated() -> None:
    sealed = seal_bytes(to=[BOB, BOB, JANE])
    names = [r["name"] for r in Package.of(sealed).manifest["recipients"]]
    assert names == ["Bob Roe", "Jane Doe"]
    names = [r["name"] for r in Package.of(seal_bytes(to=[BOB])).manifest["recipients"]]
    assert names == ["Bob Roe", "Jane Doe"]


@pytest.mark.parametrize(
    "sizes",
    [
        [],
        [0],
        [1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1],
        [2 * CHUNK_SIZE - 700],  # the package ends right around a chunk boundary
        [BLOCK - 2000, 10],  # around the first 4 MiB batch
        [BLOCK + 1],
        [3, 1_500_000, 7, 2_500_000],  # hashed on the worker thread (≥ 1 MiB) and inline
    ],
    ids=lambda s: "+".join(map(str, s)) or "none",
)
def test_attachments_round_trip(tmp_path: Path, sizes: list[int]) -> None:
    paths = _files(tmp_path, sizes)
    sealed = seal_bytes(attachments=paths)
    out = tmp_path / "out"
    out.mkdir()
    v = open_bytes(sealed, extract_to=out)
    assert v.verdict is Verdict.VALID, v.message
    assert [f.name for f in v.files] == ["cable.json", *(p.name for p in paths)]
    assert sorted(p.name for p in v.extracted) == sorted(p.name for p in paths)
    for path in paths:
        extracted = out / path.name
        assert extracted.read_bytes() == path.read_bytes()
        assert stat.S_IMODE(extracted.stat().st_mode) == 0o600
    assert sorted(os.listdir(out)) == sorted(p.name for p in paths)  # no temporary file left


def test_package_is_deterministic_and_readable_by_python(tmp_path: Path) -> None:
    paths = _files(tmp_path, [10, 20])
    plain = decrypt_bytes(seal_bytes(attachments=paths))
    again = decrypt_bytes(seal_bytes(attachments=paths))
    assert plain == again
    with zipfile.ZipFile(io.BytesIO(plain)) as z:
        assert z.testzip() is None
        assert z.namelist() == [
            "format", "cable.json", f"attachments/{paths[0].name}",
            f"attachments/{paths[1].name}", "manifest.json", "manifest.sig",
        ]  # fmt: skip
        assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in z.infolist())


def test_unicode_attachment_names(tmp_path: Path) -> None:
    visible = "Résumé\u202e 2026.pdf"
    path = tmp_path / visible
    path.write_bytes(b"%PDF")
    out = tmp_path / "out"
    out.mkdir()
    v = open_bytes(seal_bytes(attachments=[path]), extract_to=out)
    assert v.files[1].name == visible and v.files[1].path == "attachments/Résumé_ 2026.pdf"
    assert (out / "Résumé_ 2026.pdf").read_bytes() == b"%PDF"


@pytest.mark.parametrize("armor", [False, True])
def test_armor(armor: bool, tmp_path: Path) -> None:
    sealed = seal_bytes(armor=armor, attachments=_files(tmp_path, [100_000]))
    assert sealed.startswith(b"-----BEGIN AGE ENCRYPTED FILE-----") == armor
    assert open_bytes(sealed).verdict is Verdict.VALID


def test_document_included_or_absent(tmp_path: Path) -> None:
    docx = b"PK\x03\x04 pretend this is a docx" * 100
    out = tmp_path / "out"
    out.mkdir()
    v = open_bytes(seal_bytes(docx=docx), extract_to=out)
    assert v.docx_included is True and [f.path for f in v.files] == ["cable.json", "cable.docx"]
    assert (out / "cable.docx").read_bytes() == docx
    v = open_bytes(seal_bytes())
    assert v.docx_included is False and Package.of(seal_bytes()).manifest["docx_included"] is False


def test_seal_to_a_path_is_atomic(tmp_path: Path) -> None:
    target = tmp_path / "x.cable"
    result = seal(
        CABLE_JSON, cable_id=CABLE.id, banner=BANNER, sender=JANE, recipients=[recipient(BOB)],
        output=target, now=NOW,
    )  # fmt: skip
    assert open_bytes(target.read_bytes()).verdict is Verdict.VALID
    assert [r.name for r in result.manifest.recipients] == ["Bob Roe", "Jane Doe"]
    assert result.manifest_bytes == Package.of(target.read_bytes())["manifest.json"]
    with pytest.raises(InputError, match="already exists"):
        seal(CABLE_JSON, cable_id=CABLE.id, banner=BANNER, sender=JANE, recipients=[],
             output=target, now=NOW)  # fmt: skip
    seal(CABLE_JSON, cable_id=CABLE.id, banner=BANNER, sender=JANE, recipients=[],
         output=target, overwrite=True, now=NOW)  # fmt: skip
    assert os.listdir(tmp_path) == ["x.cable"]


def test_progress_and_cancel_leave_nothing(tmp_path: Path) -> None:
    (big,) = _files(tmp_path, [3 * BLOCK])
    target = tmp_path / "x.cable"
    seen: list[int] = []
    seal(CABLE_JSON, cable_id=CABLE.id, banner=BANNER, sender=JANE, recipients=[],
         output=target, attachments=[big], now=NOW, progress=seen.append)  # fmt: skip
    assert seen == sorted(seen) and seen[-1] > 3 * BLOCK
    target.unlink()
    calls = iter([False, False, True])
    with pytest.raises(Cancelled):
        seal(CABLE_JSON, cable_id=CABLE.id, banner=BANNER, sender=JANE, recipients=[],
             output=target, attachments=[big], now=NOW, cancel=lambda: next(calls))  # fmt: skip
    assert sorted(os.listdir(tmp_path)) == [big.name]
    assert not [t for t in threading.enumerate() if t.name == "cabledesk-sha256"]


def test_cancel_opening_removes_extracted_files(tmp_path: Path) -> None:
    paths = _files(tmp_path, [2 * BLOCK, 10])
    sealed = seal_bytes(attachments=paths)
    out = tmp_path / "out"
    out.mkdir()
    calls = iter([False, True])
    with pytest.raises(Cancelled):
        open_bytes(sealed, extract_to=out, cancel=lambda: next(calls, True))
    assert os.listdir(out) == []
    assert not [t for t in threading.enumerate() if t.name == "cabledesk-sha256"]


def test_extraction_never_overwrites(tmp_path: Path) -> None:
    (path,) = _files(tmp_path, [10])
    out = tmp_path / "out"
    out.mkdir()
    (out / path.name).write_bytes(b"mine")
    with pytest.raises(InputError, match="already exists"):
        open_bytes(seal_bytes(attachments=[path]), extract_to=out)
    assert os.listdir(out) == [path.name] and (out / path.name).read_bytes() == b"mine"
    with pytest.raises(InputError, match="does not exist"):
        open_bytes(seal_bytes(), extract_to=tmp_path / "missing")


def test_open_from_a_path(tmp_path: Path) -> None:
    target = tmp_path / "x.cable"
    target.write_bytes(seal_bytes())
    v = open_sealed(target, [BOB.encryption_key], trust_of=trusting(JANE), me={BOB.fingerprint})
    assert v.verdict is Verdict.VALID and v.severity is Severity.OK
    with pytest.raises(InputError, match="Cannot read"):
        open_sealed(tmp_path / "nope.cable", [], trust_of=trusting(), me=set())


def test_duplicate_attachment_names_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    one, two = tmp_path / "a" / "Report.pdf", tmp_path / "b" / "report.PDF"
    one.write_bytes(b"1")
    two.write_bytes(b"2")
    with pytest.raises(PackageError, match="same name"):
        seal_bytes(attachments=[one, two])


def test_unreadable_or_odd_attachments(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="Cannot read the attachment"):
        seal_bytes(attachments=[tmp_path / "missing.pdf"])
    with pytest.raises(InputError, match="not a file"):
        seal_bytes(attachments=[tmp_path])
    paths = _files(tmp_path, [1, 1, 1])
    with pytest.raises(PackageError, match="at most 0 attachments"):
        seal_bytes(attachments=paths[:1], limits=Limits(max_entries=5))
    with pytest.raises(PackageError, match="add up to more than 2 bytes"):
        seal_bytes(attachments=paths, limits=Limits(max_total_size=2))


def test_an_attachment_that_changes_while_sealed(tmp_path: Path) -> None:
    (path,) = _files(tmp_path, [100])

    class Growing(io.BytesIO):
        def write(self, data: ReadableBuffer, /) -> int:
            with path.open("ab") as f:  # the file grows once sealing has begun
                f.write(b"more")
            return super().write(data)

    with pytest.raises(InputError, match="changed while it was being sealed"):
        seal(CABLE_JSON, cable_id=CABLE.id, banner=BANNER, sender=JANE, recipients=[],
             output=Growing(), attachments=[path], now=NOW)  # fmt: skip


def test_expired_sender_is_refused() -> None:
    from dataclasses import replace
    from datetime import timedelta

    old = replace(JANE, expires=NOW - timedelta(days=1))
    with pytest.raises(PolicyRefusal, match="expired"):
        seal_bytes(sender=old)


def test_misuse() -> None:
    with pytest.raises(ValueError, match="canonical"):
        seal(CABLE_JSON + b" ", cable_id=CABLE.id, banner=BANNER, sender=JANE, recipients=[],
             output=io.BytesIO())  # fmt: skip
    with pytest.raises(ValueError, match="not 'other'"):
        seal(CABLE_JSON, cable_id="other", banner=BANNER, sender=JANE, recipients=[],
             output=io.BytesIO())  # fmt: skip
    with pytest.raises(ValueError, match="banner"):
        seal(CABLE_JSON, cable_id=CABLE.id, banner=" ", sender=JANE, recipients=[],
             output=io.BytesIO())  # fmt: skip
    with pytest.raises(TypeError, match="SealRecipient"):
        seal(CABLE_JSON, cable_id=CABLE.id, banner=BANNER, sender=JANE,
             recipients=[BOB.public()], output=io.BytesIO())  # type: ignore[list-item]  # fmt: skip
    with pytest.raises(ValueError, match="positive"):
        Limits(max_entries=0)


def test_recipient_from_a_contact_card() -> None:
    card = ContactCard.for_identity(BOB)
    r = SealRecipient.from_card(card)
    assert r.fingerprint == BOB.fingerprint and r.name == "Bob Roe"


def test_a_typical_cable_is_fast_enough_to_not_notice() -> None:
    import time

    cable = make_cable(paragraphs=12)
    to = list(PEOPLE.values())[1:]
    start = time.perf_counter()
    sealed = seal_bytes(cable=cable, to=to)
    v = open_bytes(sealed, to[0])
    assert v.verdict is Verdict.VALID and v.cable == cable
    assert time.perf_counter() - start < 1.0  # the benchmark holds the real goal (30 ms each)
    assert encode_cable(cable) == v.cable_json
