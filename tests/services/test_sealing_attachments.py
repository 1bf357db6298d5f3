"""The attachments a released cable lists: NFC name, size and SHA-256, read once before
sealing and checked as they are sealed."""

from __future__ import annotations

import hashlib
import json
import os
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest

from cabledesk.domain.cable import Attachment
from cabledesk.domain.clearance import clearance_sha256
from cabledesk.errors import Cancelled, InputError
from cabledesk.services.opening import OpenService
from cabledesk.services.sealing import READ_SHARE, SealService
from cabledesk.store.archive import Direction
from cabledesk.store.vault import Vault
from tests.services.conftest import CABLE, SCHEMES


def _nothing_left(vault: Vault, out: Path) -> None:
    folder = vault.home.archive
    assert not out.exists()
    assert not (folder.exists() and os.listdir(folder))
    assert vault.archive.count() == 0
    assert all(e.event != "cable sealed" for e in vault.audit.entries())


def test_the_sealed_cable_json_lists_each_attachments_size_and_sha256(
    parties: tuple[Vault, Vault, Vault], tmp_path: Path
) -> None:
    jane, berlin, _ = parties
    data = os.urandom(5 * 1024 * 1024 + 7)  # more than one read of the file
    annex = tmp_path / "annex.bin"
    annex.write_bytes(data)
    draft = replace(CABLE, attachments=(Attachment("annex.bin", "the figures"),))
    service = SealService(jane, SCHEMES)
    out = tmp_path / "out.cable"
    service.seal(draft, service.resolve(["Berlin"]), out, attachments=[annex])

    result, _ = OpenService(berlin, SCHEMES).open(out)
    assert result.ok and result.cable is not None and result.cable_json is not None
    listed = Attachment("annex.bin", "the figures", len(data), hashlib.sha256(data).hexdigest())
    assert result.cable.attachments == (listed,)
    assert json.loads(result.cable_json)["attachments"][0]["sha256"] == listed.sha256
    [sent] = jane.archive.entries(Direction.SENT)
    assert jane.archive.cable(sent.id).attachments == (listed,)
    # A statement made on the draft with its attachment hashed holds on the released
    # cable: the clearance form is the same (date-time group and serial aside).
    assert clearance_sha256(replace(draft, attachments=(listed,))) == clearance_sha256(result.cable)


def test_a_macos_nfd_file_name_is_listed_in_nfc_and_draws_no_warning(
    parties: tuple[Vault, Vault, Vault], tmp_path: Path
) -> None:
    jane, berlin, _ = parties
    nfd = unicodedata.normalize("NFD", "Résumé été.txt")
    annex = tmp_path / nfd
    annex.write_text("CV\n")
    service = SealService(jane, SCHEMES)
    out = tmp_path / "out.cable"
    service.seal(CABLE, service.resolve(["Berlin"]), out, attachments=[annex])

    result, _ = OpenService(berlin, SCHEMES).open(out)
    assert result.cable is not None
    assert [a.name for a in result.cable.attachments] == ["Résumé été.txt"]  # NFC
    assert [f.name for f in result.files if f.path.startswith("attachments/")] == ["Résumé été.txt"]
    assert not any("list of attachments differs" in w for w in result.warnings)


def test_a_file_name_that_is_not_utf8_is_refused_naming_the_file(
    parties: tuple[Vault, Vault, Vault], tmp_path: Path
) -> None:
    jane, _, _ = parties
    annex = tmp_path / os.fsdecode(b"report-\xff\xfe.pdf")
    try:
        annex.write_bytes(b"%PDF-1.7\n")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system refuses names that are not UTF-8")
    service = SealService(jane, SCHEMES)
    out = tmp_path / "out.cable"
    with pytest.raises(InputError, match=r"report-\\xff\\xfe\.pdf is not valid UTF-8") as info:
        service.seal(CABLE, service.resolve(["Berlin"]), out, attachments=[annex])
    assert info.value.message.encode("utf-8")  # text that can be shown and logged
    _nothing_left(jane, out)


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("invoice\u202efdp.exe", "invoice\\u202efdp.exe"),  # reads "invoiceexe.pdf"
        ("report\u2066.pdf\u2069.exe", "report\\u2066.pdf\\u2069.exe"),  # a bidi isolate
        ("minutes.pdf\nVALID.txt", "minutes.pdf\\u000aVALID.txt"),  # a second line
        ("\x1b[2J\x1b[32mVALID.txt", "\\u001b[2J\\u001b[32mVALID.txt"),  # terminal escapes
        ("notes\u200b.txt", "notes\\u200b.txt"),  # a zero-width space
    ],
    ids=["bidi override", "bidi isolate", "newline", "escape sequences", "zero-width space"],
)
def test_an_attachment_name_with_a_newline_or_bidi_override_is_refused_when_sealing(
    parties: tuple[Vault, Vault, Vault], tmp_path: Path, name: str, shown: str
) -> None:
    jane, _, _ = parties
    annex = tmp_path / name
    annex.write_bytes(b"MZ")
    service = SealService(jane, SCHEMES)
    out = tmp_path / "out.cable"
    with pytest.raises(InputError, match="holds a line break, a control character") as info:
        service.seal(CABLE, service.resolve(["Berlin"]), out, attachments=[annex])
    assert shown in info.value.message  # named with the character made visible
    assert info.value.message.isprintable()
    _nothing_left(jane, out)


def test_an_attachment_changed_during_sealing_is_refused_and_nothing_is_left(
    parties: tuple[Vault, Vault, Vault], tmp_path: Path
) -> None:
    jane, _, _ = parties
    annex = tmp_path / "annex.bin"
    annex.write_bytes(b"A" * 100_000)
    changed: list[int] = []

    def change_once(done: int) -> None:  # same size, other bytes: only the hash tells
        if not changed:
            changed.append(done)
            annex.write_bytes(b"B" * 100_000)

    service = SealService(jane, SCHEMES)
    out = tmp_path / "out.cable"
    with pytest.raises(InputError, match="changed while it was being sealed"):
        service.seal(
            CABLE, service.resolve(["Berlin"]), out, attachments=[annex], progress=change_once
        )
    assert changed
    _nothing_left(jane, out)


def test_an_attachment_that_is_not_a_file_is_refused_without_blocking(
    parties: tuple[Vault, Vault, Vault], tmp_path: Path
) -> None:
    jane, _, _ = parties
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)  # opening it to read would wait for a writer
    service = SealService(jane, SCHEMES)
    out = tmp_path / "out.cable"
    with pytest.raises(InputError, match="is not a file"):
        service.seal(CABLE, service.resolve(["Berlin"]), out, attachments=[fifo])
    _nothing_left(jane, out)


def test_progress_covers_reading_then_sealing_and_cancel_stops_the_reading(
    parties: tuple[Vault, Vault, Vault], tmp_path: Path
) -> None:
    jane, _, _ = parties
    size = 9 * 1024 * 1024
    annex = tmp_path / "annex.bin"
    annex.write_bytes(os.urandom(size))
    service = SealService(jane, SCHEMES)
    berlin = service.resolve(["Berlin"])
    seen: list[int] = []
    outcome = service.seal(
        CABLE, berlin, tmp_path / "out.cable", attachments=[annex], progress=seen.append
    )
    assert seen == sorted(seen)
    assert seen[0] <= size // READ_SHARE  # the first reports come from reading
    assert size <= seen[-1] <= outcome.sealed.size

    calls: list[int] = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 1  # during the reading, after its first chunk

    out = tmp_path / "cancelled.cable"
    with pytest.raises(Cancelled):
        service.seal(CABLE, berlin, out, attachments=[annex], cancel=cancel)
    assert not out.exists() and jane.archive.count() == 1


def test_an_attachment_keeps_its_own_marking_when_sealed(
    parties: tuple[Vault, Vault, Vault], tmp_path: Path
) -> None:
    """cabledesk.cable/2: an attachment's marking (which counts in the banner) is listed
    with it when the cable is sealed, not dropped with the draft's attachment list."""
    jane, berlin, _ = parties
    annex = tmp_path / "annex.bin"
    annex.write_bytes(b"figures")
    draft = replace(CABLE, attachments=(Attachment("annex.bin", "the figures", marking="(C)"),))
    service = SealService(jane, SCHEMES)
    out = tmp_path / "out.cable"
    service.seal(draft, service.resolve(["Berlin"]), out, attachments=[annex])

    result, _ = OpenService(berlin, SCHEMES).open(out)
    assert result.ok and result.cable is not None and result.cable_json is not None
    assert result.cable.attachments[0].marking == "(C)"
    assert json.loads(result.cable_json)["schema"] == "cabledesk.cable/2"


def test_a_marked_attachment_attached_under_another_name_is_refused(
    parties: tuple[Vault, Vault, Vault], tmp_path: Path
) -> None:
    """The attack: the cable marks "annex.pdf" (S//NF); the file attached is "Annex.pdf".
    Looked up by name, the marking was lost and an UNCLASSIFIED cable went to a French
    contact. A marked attachment must be attached under its own name."""
    jane, _, _ = parties
    annex = tmp_path / "Annex.pdf"
    annex.write_bytes(b"secret annex")
    unclassified = replace(CABLE, paragraphs=(CABLE.paragraphs[0],))
    draft = replace(unclassified, attachments=(Attachment("annex.pdf", marking="(S//NF)"),))
    service = SealService(jane, SCHEMES)
    out = tmp_path / "out.cable"
    with pytest.raises(InputError, match=r"annex\.pdf"):
        service.seal(draft, service.resolve(["Paris"]), out, attachments=[annex])
    assert not out.exists() and jane.archive.count() == 0
