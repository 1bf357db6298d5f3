"""The fuzz targets: name, module, what to instrument, input size.

Kept free of ``cabledesk`` imports: the atheris worker reads it before it
instruments and imports the target's module.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import cast

__all__ = ["REGRESSIONS", "TARGETS", "Spec", "load", "seeds"]

REGRESSIONS = Path(__file__).parent / "regressions"
KIB = 1024
# What every target covers; stdlib and library parsers are added where the
# target feeds them outside bytes (their branches guide the fuzzer too).
CORE = ("cabledesk",)
AGE_WORDS = (
    b"age-encryption.org/v1\n", b"-> X25519 ", b"-> scrypt ", b"\n--- ", b"---", b" 18\n",
    b"-> mlkem768x25519 ",
)  # fmt: skip
ARMOR_WORDS = (b"-----BEGIN AGE ENCRYPTED FILE-----", b"-----END AGE ENCRYPTED FILE-----", b"\r\n")
SSH_WORDS = (
    b"-----BEGIN SSH SIGNATURE-----\n", b"-----END SSH SIGNATURE-----\n", b"SSHSIG",
    b"ssh-ed25519", b"sha512", b"sha256", b"U1NIU0lH", b"AAAAC3NzaC1lZDI1NTE5",
    b"-----BEGIN OPENSSH PRIVATE KEY-----", b"openssh-key-v1", b"none", b"bcrypt",
)  # fmt: skip
ZIP_WORDS = (
    b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06", b"PK\x07\x08", b"PK\x06\x06",
    b"PK\x06\x07", b"\x01\x00\x10\x00", b"\xff\xff\xff\xff", b"up", b"attachments/",
    b"manifest.json", b"manifest.sig", b"cable.json", b"cable.docx", b"format",
)  # fmt: skip
TAR_WORDS = (
    b"ustar\x0000", b"ustar  \x00", b"././@PaxHeader", b"path=", b"size=", b"linkpath=",
    b"vault.key", b"vault.db", b"archive/", b"cabledesk-backup.json", b"GNU.sparse.",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Spec:
    """One target: ``tests.fuzz.<name>`` defines ``run(data)`` and ``seeds()``."""

    name: str
    what: str
    instrument: tuple[str, ...] = CORE
    max_len: int = 64 * KIB
    # seconds one input may take before it counts as a hang
    timeout: int = 10
    # words for libFuzzer's dictionary; "json" adds the seeds' JSON strings
    words: tuple[bytes, ...] = ()
    json: bool = False

    @property
    def module(self) -> str:
        return f"tests.fuzz.{self.name}"


TARGETS: dict[str, Spec] = {
    s.name: s
    for s in (
        Spec(
            "age_header",
            "age header (read_header) and stanza unwrapping",
            max_len=16 * KIB,
            words=AGE_WORDS,
        ),
        Spec("age_armor", "age ASCII armor (ArmorReader)", max_len=16 * KIB, words=ARMOR_WORDS),
        Spec(
            "age_decrypt",
            "whole age files (age.decrypt), CCTV vectors",
            max_len=160 * KIB,
            words=AGE_WORDS + ARMOR_WORDS,
        ),
        Spec("age_stream", "STREAM payload (decrypt_stream, fixed key)", max_len=200 * KIB),
        Spec("age_stream_edits", "STREAM payloads of up to 9 MiB, edited (pipeline path)"),
        Spec(
            "age_keys",
            "age1…/age1pq1…/AGE-SECRET-KEY-(PQ-)1… strings, recipients and identity files",
        ),
        Spec(
            "age_hybrid",
            "post-quantum mlkem768x25519 stanzas (HybridIdentity.unwrap) and hybrid keys",
            max_len=16 * KIB,
            words=AGE_WORDS,
        ),
        Spec(
            "sshsig",
            "SSHSIG armor and blob (parse_signature, verify)",
            max_len=16 * KIB,
            words=SSH_WORDS,
        ),
        Spec(
            "ssh_keys",
            "OpenSSH key lines and private key files",
            instrument=(*CORE, "cryptography.hazmat.primitives.serialization.ssh"),
            max_len=16 * KIB,
            words=SSH_WORDS,
        ),
        Spec(
            "contact",
            "contact cards (ContactCard.parse), re-signed too",
            max_len=16 * KIB,
            json=True,
        ),
        Spec("anchor", "anchors (Anchor.parse), re-signed too", max_len=16 * KIB, json=True),
        Spec(  # issue 16, key rotation
            "rotation",
            "key-rotation statements (RotationStatement.parse, covers), re-signed too",
            max_len=8 * 1024,
            json=True,
        ),
        Spec(
            "directory",
            "directories (Directory.parse, verify, contact_cards), re-signed too",
            max_len=64 * KIB,
            json=True,
        ),
        Spec(  # issue 16, the user side
            "directory_import",
            "directories imported into a vault (DirectoryService.import_directory)",
            max_len=64 * KIB,
            json=True,
        ),
        Spec(
            "seal_zip",
            "sealed cables: hostile ZIPs inside valid age (open_sealed)",
            max_len=256 * KIB,
            words=ZIP_WORDS,
        ),
        Spec(
            "seal_manifest",
            "sealed cables /1 and /2: hostile manifests, validly signed (Manifest, open_sealed)",
            max_len=32 * KIB,
            json=True,
        ),
        Spec(
            "statement",
            "clearance statements (Statement.parse, verify; their report in a sealed cable)",
            max_len=16 * KIB,
            words=SSH_WORDS,
            json=True,
        ),
        Spec(
            "canonical",
            "canonical cable JSON (decode_cable, validate)",
            max_len=32 * KIB,
            json=True,
        ),
        Spec("scheme", "classification scheme TOML (parse_scheme)", instrument=(*CORE, "tomllib")),
        Spec("marking", "markings in every shipped scheme (parse_marking)", max_len=1 * KIB),
        Spec("frus", "FRUS JSON lines (read_frus_jsonl)", max_len=128 * KIB, json=True),
        Spec(
            "tetragraphs", "tetragraph TOML (TetragraphTable.parse)", instrument=(*CORE, "tomllib")
        ),
        Spec("keyfile", "vault.key (KeyFile.parse)", max_len=8 * KIB, json=True),
        Spec("search", "search queries (to_fts_query, search on a vault)", max_len=2 * KIB),
        Spec(
            "backup",
            "backups: hostile tars inside valid age (restore_backup)",
            instrument=(*CORE, "tarfile"),
            max_len=512 * KIB,
            words=TAR_WORDS,
        ),
        Spec(
            "document_signature",
            "a received document's .sig (verify_received)",
            max_len=16 * KIB,
            words=SSH_WORDS,
        ),
        Spec(
            "document_bundle",
            "a received document bundle .zip (verify_received, _bundle)",
            instrument=(*CORE, "zipfile"),
            max_len=128 * KIB,
            words=ZIP_WORDS,
            json=True,
        ),
    )
}


def load(name: str) -> Callable[[bytes], None]:
    """The ``run`` function of the target ``name``."""
    module: ModuleType = importlib.import_module(TARGETS[name].module)
    return cast(Callable[[bytes], None], module.run)


def seeds(name: str) -> dict[str, bytes]:
    """The seed inputs of the target ``name``, by file name."""
    module: ModuleType = importlib.import_module(TARGETS[name].module)
    return cast(dict[str, bytes], module.seeds())
