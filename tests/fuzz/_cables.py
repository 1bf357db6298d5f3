"""Real files for seeds, made by the real code: a cable, its document, sealed packages."""

from __future__ import annotations

import io
import itertools
import zipfile
from functools import cache

from cabledesk.crypto.age import decrypt
from cabledesk.domain.cable import Addressee, Attachment, Authority, Cable, Paragraph
from cabledesk.domain.canonical import encode_cable
from cabledesk.domain.clearance import clearance_sha256
from cabledesk.domain.frus import read_frus_jsonl
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.export.docx import render_docx
from cabledesk.seal import SealRecipient, Statement, seal
from tests.fuzz._harness import BOB, DATA, JANE, NOW, scratch

__all__ = [
    "BANNER",
    "CABLE",
    "SCHEMES",
    "docx",
    "entries",
    "frus_cables",
    "frus_lines",
    "package",
    "packages",
    "statement",
    "zipped",
]

SCHEMES = SchemeRegistry.load()
CABLE = Cable(
    id="8d1f0f52-2c31-4a8e-9b4f-7a3c2e7d9a10",
    scheme="us",
    precedence="IMMEDIATE",
    originator="AMEMBASSY PARIS",
    action=(Addressee("SECSTATE WASHDC"),),
    info=(Addressee("AMEMBASSY LONDON", "ROUTINE"),),
    subject="FRANCE: MINISTER PREVIEWS THE SUMMIT",
    subject_marking="(U)",
    paragraphs=(
        Paragraph("(C)", "SUMMARY: The minister previewed the agenda. END SUMMARY."),
        Paragraph("(S//NF)", "The adviser said the communique would pass unchanged."),
        Paragraph("(C//REL TO USA, GBR)", "London was briefed the same day."),
    ),
    dtg=NOW,
    serial="42",
    tags=("PREL", "FR"),
    references=("A. STATE 123456",),
    authority=Authority("Jane Doe, Ambassador", ("1.4(b)", "1.4(d)"), None, "2036-11-20"),
    signature="DOE",
    attachments=(Attachment("notes.txt", "the minister's notes"),),
)
BANNER = "SECRET//NOFORN"


@cache
def docx() -> bytes:
    return render_docx(CABLE, SCHEMES["us"])


def frus_lines(count: int) -> list[bytes]:
    with (DATA / "frus" / "frus-telegrams.jsonl").open("rb") as f:
        return list(itertools.islice(f, count))


def frus_cables(count: int) -> list[Cable]:
    return list(read_frus_jsonl(frus_lines(count), scheme=SCHEMES["us"]))


@cache
def statement(role: str = "cleared") -> bytes:
    """A statement by Jane on CABLE's text."""
    made = Statement.sign(
        JANE.signing_key, role=role, cable_id=CABLE.id, text_sha256=clearance_sha256(CABLE),
        name=JANE.name, made=NOW, office="POL", comment="Cleared as drafted.",
    )  # fmt: skip
    return made.to_bytes()


def _seal(
    *,
    with_docx: bool,
    attachments: dict[str, bytes],
    armor: bool = False,
    statements: tuple[bytes, ...] = (),
) -> bytes:
    folder = scratch("seeds")
    paths = []
    for name, data in attachments.items():
        path = folder / name
        path.write_bytes(data)
        paths.append(path)
    out = io.BytesIO()
    seal(
        encode_cable(CABLE), cable_id=CABLE.id, banner=BANNER, sender=JANE,
        recipients=[SealRecipient(BOB.name, BOB.public())], output=out,
        docx=docx() if with_docx else None, attachments=paths, armor=armor, now=NOW,
        statements=statements,
    )  # fmt: skip
    return out.getvalue()


@cache
def packages() -> dict[str, bytes]:
    """Sealed cables (age files) by kind."""
    return {
        "plain": _seal(with_docx=False, attachments={}),
        "docx": _seal(with_docx=True, attachments={}),
        "attachments": _seal(
            with_docx=False,
            attachments={"notes.txt": b"the minister's notes\n" * 20, "Résumé 2026.pdf": b"%PDF"},
        ),
        "statements": _seal(
            with_docx=False,
            attachments={"notes.txt": b"the minister's notes\n"},
            statements=(statement("drafted"), statement("cleared")),
        ),
    }


def package(sealed: bytes) -> bytes:
    """The plaintext (the ZIP) of a sealed cable."""
    out = io.BytesIO()
    decrypt(io.BytesIO(sealed), out, [BOB.encryption_key])
    return out.getvalue()


def entries(sealed: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(package(sealed))) as z:
        return [(i.filename, z.read(i)) for i in z.infolist()]


def zipped(items: list[tuple[str, bytes]], compression: int = zipfile.ZIP_STORED) -> bytes:
    """The same entries as Python's zipfile writes them (as other tools might)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as z:
        for name, data in items:
            z.writestr(name, data)
    return out.getvalue()
