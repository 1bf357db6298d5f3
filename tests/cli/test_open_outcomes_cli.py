"""Issue 15, points 10 and 12 on the command line: what ``open`` and ``verify`` exit
with, and what they extract, for a forwarded cable, a stripped signature, a cable
received twice, an attachment named cable.docx, an --extract path that is a file;
and ``seal -a`` of a file whose name is not UTF-8."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from cabledesk.crypto.age import encrypt
from cabledesk.crypto.contact import ContactCard
from cabledesk.seal import SealRecipient, seal
from tests.cli.conftest import Runner, Vault
from tests.seal.kit import BOB, CABLE, CABLE_JSON, JANE, Package, recipient


def _card(cli: Runner, vault: Vault, tmp_path: Path) -> ContactCard:
    card = tmp_path / "me.contact"
    r = cli(*vault.options, "identity", "export-card", "-o", str(card))
    assert r.code == 0, r.err
    return ContactCard.parse(card.read_bytes(), now=None)


def _sealed(to: list[SealRecipient], attachments: tuple[Path, ...] = ()) -> bytes:
    out = io.BytesIO()
    seal(CABLE_JSON, cable_id=CABLE.id, banner="SECRET//NOFORN", sender=JANE,
         recipients=to, output=out, attachments=attachments)  # fmt: skip
    return out.getvalue()


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_open_forwarded_cable_exits_1_and_extracts_nothing(cli: Runner, jane: Vault,
                                                           tmp_path: Path) -> None:  # fmt: skip
    me = _card(cli, jane, tmp_path)
    # Bob, a recipient, re-encrypts Jane's package to the user.
    plain = Package.of(_sealed([recipient(BOB)])).zip()
    out = io.BytesIO()
    encrypt(io.BytesIO(plain), out, [me.keys.encryption])
    forwarded = _write(tmp_path, "forwarded.cable", out.getvalue())
    folder = tmp_path / "x"
    r = cli(*jane.options, "open", str(forwarded), "--extract", str(folder))
    assert r.code == 1 and "not sealed for you" in r.out and os.listdir(folder) == []
    r = cli(*jane.options, "verify", str(forwarded))
    assert r.code == 1
    r = cli(*jane.options, "open", str(forwarded), "--extract", str(folder), "--accept-forwarded")
    assert r.code == 0, r.out + r.err
    assert "addressed to you: NO" in r.out and os.listdir(folder) == []  # no attachments


def test_stripped_manifest_sig_exits_1(cli: Runner, jane: Vault, tmp_path: Path) -> None:
    me = _card(cli, jane, tmp_path)
    package = Package.of(_sealed([SealRecipient.from_card(me), recipient(BOB)]))
    package.entries = [(n, d) for n, d in package.entries if n != "manifest.sig"]
    out = io.BytesIO()
    encrypt(io.BytesIO(package.zip()), out, [me.keys.encryption])
    stripped = _write(tmp_path, "stripped.cable", out.getvalue())
    for command in ("verify", "open"):
        r = cli(*jane.options, command, str(stripped))
        assert r.code == 1, (command, r.err)
        assert "FAILED" in r.out and "no signature" in r.out


def test_reopening_a_received_cable_says_when(cli: Runner, jane: Vault, tmp_path: Path) -> None:
    me = _card(cli, jane, tmp_path)
    sealed = _write(tmp_path, "c.cable", _sealed([SealRecipient.from_card(me)]))
    r = cli(*jane.options, "open", str(sealed))
    assert r.code == 0 and "Already received" not in r.out
    r = cli(*jane.options, "open", str(sealed))
    assert r.code == 0 and "warning: Already received on 20" in r.out


def test_attachment_named_cable_docx_is_extracted(cli: Runner, jane: Vault,
                                                  tmp_path: Path) -> None:  # fmt: skip
    me = _card(cli, jane, tmp_path)
    named = tmp_path / "in"
    named.mkdir()
    attachment = _write(named, "cable.docx", b"the attachment, not the document")
    out = io.BytesIO()
    seal(CABLE_JSON, cable_id=CABLE.id, banner="SECRET//NOFORN", sender=JANE,
         recipients=[SealRecipient.from_card(me)], output=out, attachments=[attachment],
         docx=b"the document")  # fmt: skip
    sealed = _write(tmp_path, "c.cable", out.getvalue())
    folder = tmp_path / "x"
    r = cli(*jane.options, "open", str(sealed), "--extract", str(folder))
    assert r.code == 0, r.out + r.err
    files = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert files["cable.docx"] == b"the attachment, not the document"
    assert b"the document" in files.values() and len(files) == 2


def test_open_extract_existing_file_is_an_input_error(cli: Runner, jane: Vault,
                                                      tmp_path: Path) -> None:  # fmt: skip
    me = _card(cli, jane, tmp_path)
    sealed = _write(tmp_path, "c.cable", _sealed([SealRecipient.from_card(me)]))
    existing = _write(tmp_path, "notes.txt", b"mine")
    r = cli(*jane.options, "open", str(sealed), "--extract", str(existing))
    assert r.code == 2 and "is a file, not a folder" in r.err and "internal error" not in r.err
    assert existing.read_bytes() == b"mine"


@pytest.mark.skipif(os.name == "nt", reason="Windows file names are always Unicode")
def test_seal_attach_non_utf8_file_name(cli: Runner, jane: Vault, tmp_path: Path) -> None:
    body = _write(tmp_path, "body.txt", b"(U) Summary.\n\n(C) The minister said yes.\n")
    cable = tmp_path / "cable.json"
    r = cli("draft", "new", "--from", "AMEMBASSY PARIS", "--to", "AMEMBASSY BERLIN",
            "--subject", "(U) FRANCE: TALKS", "--tags", "PREL,FR", "--classified-by", "Jane",
            "--reason", "1.4(b)", "--declassify-on", "2036-01-01", "--body", str(body),
            "--serial", "42", "-o", str(cable))  # fmt: skip
    assert r.code == 0, r.err
    raw = os.fsencode(tmp_path) + b"/r\xe9sum\xe9.txt"
    with open(raw, "wb") as f:
        f.write(b"latin-1 named")
    r = cli(*jane.options, "seal", str(cable), "--to", "Klaus", "--confirm-unverified",
            "-a", os.fsdecode(raw), "-o", str(tmp_path / "out.cable"))  # fmt: skip
    assert r.code == 2, r.err
    assert "internal error" not in r.err and "not valid UTF-8" in r.err
