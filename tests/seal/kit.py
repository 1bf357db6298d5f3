"""Helpers for the sealed-cable tests: people, a cable, sealing and opening in memory,
and taking a package apart and putting it back together (to tamper with it)."""

from __future__ import annotations

import io
import json
import struct
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cabledesk.crypto.age import X25519Recipient, decrypt, encrypt
from cabledesk.crypto.keys import Identity
from cabledesk.crypto.signedtext import canonical_json
from cabledesk.crypto.sshsig import SEAL_NAMESPACE, sign
from cabledesk.domain.cable import (
    Addressee,
    Attachment,
    Authority,
    Cable,
    Paragraph,
    cable_banner,
)
from cabledesk.domain.canonical import encode_cable
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.domain.trust import Trust, TrustState
from cabledesk.seal import SealRecipient, Verification, open_sealed, seal
from cabledesk.seal._zipformat import Written, central_record, end_records, local_header

NOW = datetime(2026, 11, 23, 14, 5, 9, tzinfo=UTC)
SCHEMES = SchemeRegistry.load()
NAMES = [
    ("Jane Doe", "AMEMBASSY PARIS"),
    ("Bob Roe", "SECSTATE WASHDC"),
    ("Carol Poe", "AMEMBASSY LONDON"),
    ("Dave Moe", "AMEMBASSY BERLIN"),
    ("Erin Loe", "USMISSION USNATO"),
    ("Frank Koe", "AMEMBASSY ROME"),
]
PEOPLE = {
    name.split()[0].lower(): Identity.generate(
        name, post, created=NOW - timedelta(days=30), expires=NOW + timedelta(days=700)
    )
    for name, post in NAMES
}
MALLORY = Identity.generate("Mallory", "NOWHERE", created=NOW - timedelta(days=30))
JANE = PEOPLE["jane"]
BOB = PEOPLE["bob"]


def recipient(identity: Identity) -> SealRecipient:
    return SealRecipient(identity.name, identity.public())


def make_cable(paragraphs: int = 3, *, ident: str = "8d1f0f52-2c31-4a8e-9b4f-7a3c2e7d9a10",
               attachments: Sequence[str] = ()) -> Cable:  # fmt: skip
    text = (
        "(S//NF) The foreign minister said that the government would not oppose the "
        "communique, provided that the language on the inland sea remained as drafted. "
    )
    return Cable(
        id=ident,
        scheme="us",
        precedence="IMMEDIATE",
        originator="AMEMBASSY PARIS",
        action=(Addressee("SECSTATE WASHDC"),),
        info=(Addressee("AMEMBASSY LONDON"), Addressee("USMISSION USNATO")),
        subject="FRANCE: MINISTER PREVIEWS THE SUMMIT",
        subject_marking="(U)",
        paragraphs=tuple(Paragraph("(S//NF)", text * 6) for _ in range(paragraphs)),
        dtg=NOW,
        serial="42",
        tags=("PREL", "FR"),
        authority=Authority("Jane Doe, Ambassador", ("1.4(b)", "1.4(d)"), None, "2036-11-20"),
        signature="DOE",
        attachments=tuple(Attachment(name) for name in attachments),
    )


CABLE = make_cable()
CABLE_JSON = encode_cable(CABLE)
BANNER = "SECRET//NOFORN"


def seal_bytes(
    *,
    sender: Identity = JANE,
    to: Sequence[Identity] = (BOB,),
    cable: Cable = CABLE,
    attachments: Sequence[Path] = (),
    docx: bytes | None = None,
    armor: bool = False,
    banner: str | None = None,
    **options: Any,
) -> bytes:
    """``cable`` sealed (``banner``: as its portions add up to, unless given)."""
    out = io.BytesIO()
    banner = banner or cable_banner(cable, SCHEMES[cable.scheme]).banner
    seal(
        encode_cable(cable), cable_id=cable.id, banner=banner, sender=sender,
        recipients=[recipient(p) for p in to], output=out, docx=docx,
        attachments=attachments, armor=armor, now=NOW, **options,
    )  # fmt: skip
    return out.getvalue()


def trusting(*verified: Identity, unverified: Sequence[Identity] = (),
             revoked: Sequence[Identity] = ()) -> Callable[[str], Trust | None]:  # fmt: skip
    table = {p.fingerprint: Trust(TrustState.VERIFIED, NOW) for p in verified}
    table |= {p.fingerprint: Trust(TrustState.UNVERIFIED) for p in unverified}
    table |= {p.fingerprint: Trust(TrustState.REVOKED, NOW, "laptop lost") for p in revoked}
    return table.get


def open_bytes(
    data: bytes,
    who: Identity = BOB,
    *,
    trust: Callable[[str], Trust | None] | None = None,
    extract_to: Path | None = None,
    **options: Any,
) -> Verification:
    options.setdefault("now", NOW + timedelta(hours=1))
    options.setdefault("schemes", SCHEMES)
    return open_sealed(
        io.BytesIO(data), [who.encryption_key], trust_of=trust or trusting(JANE),
        me={who.fingerprint}, extract_to=extract_to, **options,
    )  # fmt: skip


# --- taking packages apart -------------------------------------------------------


def decrypt_bytes(data: bytes, who: Identity = BOB) -> bytes:
    out = io.BytesIO()
    decrypt(io.BytesIO(data), out, [who.encryption_key])
    return out.getvalue()


def encrypt_bytes(plain: bytes, to: Sequence[Identity]) -> bytes:
    out = io.BytesIO()
    keys: list[X25519Recipient] = [p.encryption_key.recipient() for p in to]
    encrypt(io.BytesIO(plain), out, keys)
    return out.getvalue()


@dataclass
class Package:
    """A package's entries in order, editable, and its manifest as a dict."""

    entries: list[tuple[str, bytes]]

    @classmethod
    def of(cls, sealed: bytes, who: Identity = BOB) -> Package:
        with zipfile.ZipFile(io.BytesIO(decrypt_bytes(sealed, who))) as z:
            return cls([(i.filename, z.read(i)) for i in z.infolist()])

    def __getitem__(self, name: str) -> bytes:
        return dict(self.entries)[name]

    def __setitem__(self, name: str, data: bytes) -> None:
        self.entries = [(n, data if n == name else d) for n, d in self.entries]

    @property
    def manifest(self) -> dict[str, Any]:
        result: dict[str, Any] = json.loads(self["manifest.json"])
        return result

    def set_manifest(self, doc: dict[str, Any], signer: Identity | None = JANE) -> None:
        """Replace the manifest (canonical) and, with a signer, its signature."""
        data = canonical_json(doc)
        self["manifest.json"] = data
        if signer is not None:
            self["manifest.sig"] = sign(signer.signing_key, SEAL_NAMESPACE, data).encode()

    def rehash(self) -> dict[str, Any]:
        """The manifest with every file's size and hash updated to the entries."""
        import hashlib

        doc = self.manifest
        for f in doc["files"]:
            data = self[f["path"]]
            f["size"], f["sha256"] = len(data), hashlib.sha256(data).hexdigest()
        return doc

    def rehash_with_statements(self) -> dict[str, Any]:
        """The manifest listing every ``statements/`` entry, hashes of all files updated."""
        doc = self.manifest
        listed = {f["path"] for f in doc["files"]}
        doc["files"] += [
            {"path": n, "name": n, "size": 0, "sha256": ""}
            for n, _ in self.entries
            if n.startswith("statements/") and n not in listed
        ]
        self.set_manifest(doc, signer=None)
        return self.rehash()

    def as_v1(self, signer: Identity = JANE) -> Package:
        """The same package in format cabledesk.seal/1 (no kind, rollup, pq key or
        statements), its manifest signed again by ``signer``."""
        doc = self.manifest
        doc["format"] = "cabledesk.seal/1"
        del doc["kind"], doc["rollup"], doc["sender"]["pq_recipient"]
        doc["files"] = [f for f in doc["files"] if not f["path"].startswith("statements/")]
        kept = [(n, d) for n, d in self.entries if not n.startswith("statements/")]
        old = Package([("format", b"cabledesk.seal/1\n"), *kept[1:]])
        old.set_manifest(doc, signer)
        return old

    def zip(self) -> bytes:
        return build_zip(self.entries)

    def seal(self, to: Sequence[Identity] = (BOB, JANE)) -> bytes:
        return encrypt_bytes(self.zip(), to)


def build_zip(entries: Sequence[tuple[str, bytes]], *, streamed: bool = False) -> bytes:
    """A ZIP with our own records (stored; ``streamed`` puts every CRC in a descriptor)."""
    from cabledesk.seal._zipformat import data_descriptor

    out = bytearray()
    written = []
    for name, data in entries:
        crc = zlib.crc32(data)
        offset = len(out)
        out += local_header(name, len(data), None if streamed else crc) + data
        if streamed:
            out += data_descriptor(crc, len(data))
        written.append(Written(name, offset, len(data), crc, streamed))
    directory = b"".join(central_record(w) for w in written)
    return bytes(out + directory + end_records(len(written), len(out), len(directory)))


def raw_local(
    name: bytes,
    data: bytes,
    *,
    method: int = 0,
    flags: int = 0x0800,
    size: int | None = None,
    csize: int | None = None,
    crc: int | None = None,
    extra: bytes = b"",
) -> bytes:
    """A local header and data with every field chosen by the test."""
    fields = (
        0x04034B50, 20, flags, method, 0, 0x21,
        zlib.crc32(data) if crc is None else crc,
        len(data) if csize is None else csize,
        len(data) if size is None else size,
        len(name), len(extra),
    )  # fmt: skip
    return struct.pack("<IHHHHHIIIHH", *fields) + name + extra + data
