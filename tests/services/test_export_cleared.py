"""Issue 18: "The .docx and PDF carry the 'Drafted / Cleared / Approved' block as State
cables do" — for an archived cable (sent or received) exported later too: the block comes
from the statements of its sealed copy in the archive, checked as the reader checks them
(a statement on another text is not named). A sanitized version and a draft carry none."""

# ruff: noqa: F811  (the desk fixture, imported from the attacks module, is each test's argument)
from __future__ import annotations

import io
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from cabledesk.domain.cable import cable_banner
from cabledesk.domain.canonical import encode_cable
from cabledesk.export.pdf import LibreOfficeConverter
from cabledesk.seal import PackageKind, SealRecipient, seal
from cabledesk.services.contacts import ContactsService
from cabledesk.services.exporting import DocumentFormat, ExportRequest
from cabledesk.services.opening import OpenService
from cabledesk.services.sealing import SealService
from cabledesk.services.vault_documents import VaultDocuments
from cabledesk.store.settings import EXPORT_CEILING
from tests.export.docx_reading import read
from tests.interop._tools import require_tool
from tests.services.conftest import CABLE, SCHEMES
from tests.services.test_clearance_attacks import (
    ANNA,
    KLAUS,
    MARY,
    Desk,
    _statement,
    desk,  # noqa: F401  (the fixture)
)

BLOCK = [
    "Drafted:\tJane Doe (AMEMBASSY PARIS)",
    "Cleared:\tKlaus Weber (POL)",
    "Approved:\tAnna Ambassador (POL)",
]


def _sent(desk: Desk) -> int:
    """The draft cleared by Klaus, approved by Anna, sealed to Klaus: its archive id."""
    desk.service.receive(desk.answer(KLAUS, "cleared", name="klaus.cable"))
    desk.service.receive(desk.answer(ANNA, "approved", name="anna.cable"))
    klaus = ContactsService(desk.vault).find_one(KLAUS.name)
    draft = desk.vault.drafts.load(CABLE.id)
    outcome = SealService(desk.vault, SCHEMES).seal(draft, [klaus], desk.folder / "sent.cable")
    return outcome.archive_id


def _export(desk: Desk, archive_id: int, name: str, **options: object) -> Path:
    desk.vault.settings.set(EXPORT_CEILING, "TOP SECRET")
    out = desk.folder / name
    documents = VaultDocuments(
        desk.vault,
        SCHEMES,
        pdf_converter=options.pop("converter", None),  # type: ignore[arg-type]
    )
    request = ExportRequest(output=out, **options)  # type: ignore[arg-type]
    documents.export(desk.vault.archive.cable(archive_id), request)
    return out


def test_export_of_a_sent_cleared_cable_carries_the_block(desk: Desk) -> None:
    body = read(_export(desk, _sent(desk), "sent.docx").read_bytes()).body
    assert body[-3:] == BLOCK


def test_export_of_a_received_cleared_cable_carries_the_block_checked(desk: Desk) -> None:
    released = replace(CABLE, dtg=desk.clock(), serial="0042")
    other = replace(released, subject="FRANCE: ANOTHER TEXT")
    statements = [
        _statement(KLAUS, "drafted", released, desk.clock).to_bytes(),
        _statement(MARY, "cleared", other, desk.clock).to_bytes(),  # not on this text
        _statement(ANNA, "approved", released, desk.clock).to_bytes(),
    ]
    me = desk.vault.identities.active()
    out = io.BytesIO()
    seal(
        encode_cable(released), cable_id=released.id, sender=KLAUS,
        banner=cable_banner(released, SCHEMES["us"]).banner,
        recipients=[SealRecipient(me.name, me.public())], output=out, now=desk.clock(),
        kind=PackageKind.CABLE, statements=statements,
    )  # fmt: skip
    path = desk.folder / "received.cable"
    path.write_bytes(out.getvalue())
    result, archive_id = OpenService(desk.vault, SCHEMES).open(path)
    assert result.ok and archive_id is not None
    body = read(_export(desk, archive_id, "received.docx").read_bytes()).body
    assert body[-2:] == ["Drafted:\tKlaus Weber (POL)", "Approved:\tAnna Ambassador (POL)"]
    assert not any("Mary Smith" in line for line in body)


def test_a_sanitized_export_carries_no_block(desk: Desk) -> None:
    body = read(_export(desk, _sent(desk), "low.docx", level="CONFIDENTIAL").read_bytes()).body
    assert not any(line.startswith(("Drafted:", "Cleared:", "Approved:")) for line in body)


def test_a_tampered_archive_copy_gives_no_block(desk: Desk) -> None:
    archive_id = _sent(desk)
    entry = next(e for e in desk.vault.archive.find_prefix(CABLE.id[:8]))
    assert entry.sealed_file is not None
    copy = desk.vault.home.archive / entry.sealed_file
    data = bytearray(copy.read_bytes())
    data[-50] ^= 1
    copy.write_bytes(bytes(data))
    body = read(_export(desk, archive_id, "tampered.docx").read_bytes()).body
    assert not any(line.startswith("Cleared:") for line in body)


@pytest.mark.interop
@pytest.mark.slow
def test_pdf_export_of_a_cleared_cable_carries_the_block(desk: Desk) -> None:
    converter = LibreOfficeConverter(require_tool("soffice"))
    pdftotext = require_tool("pdftotext")
    pdf = _export(desk, _sent(desk), "sent.pdf", format=DocumentFormat.PDF, converter=converter)
    text = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    for expected in BLOCK:
        label, names = expected.split("\t")
        assert any(line.startswith(label) and names in line for line in lines), expected
