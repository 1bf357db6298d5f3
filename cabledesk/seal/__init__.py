"""The sealed cable (``.cable``): sign, then encrypt to every recipient; open and verify.

A sealed cable is an age v1 file whose plaintext is a deterministic ZIP holding
``format``, ``cable.json``, optionally ``cable.docx``, ``attachments/…``,
(from ``cabledesk.seal/2``) clearance statements ``statements/N.statement``,
``manifest.json`` and ``manifest.sig`` (SSHSIG by the sender over the manifest,
which lists the recipients and every file's size and SHA-256). docs/FORMAT.md
describes it byte by byte, and how to open or build one with standard tools.

- :func:`seal` writes one (``cabledesk.seal/2``), streaming attachments of any
  size in one pass;
- :func:`open_sealed` decrypts, checks (in a fixed order) and optionally
  extracts one of format ``/1`` or ``/2``, and returns a :class:`Verification`,
  verdict first, with a :class:`StatementReport` per clearance statement;
- :class:`Statement` makes, reads and checks a clearance statement
  (``cabledesk.statement/1``);
- :func:`suggested_file_name` proposes ``2026-11-23_PARIS_0042_SECRET-NOFORN.cable``;
- :func:`safe_name` is how an attachment's name is stored and extracted.
"""

from __future__ import annotations

from cabledesk.seal._judge import DocumentRenderer
from cabledesk.seal._limits import DEFAULT_LIMITS, Limits
from cabledesk.seal._manifest import (
    FORMAT_ID,
    FORMAT_IDS,
    Manifest,
    ManifestFile,
    ManifestRecipient,
    ManifestSender,
    PackageKind,
)
from cabledesk.seal._names import safe_name, suggested_file_name
from cabledesk.seal._open import open_sealed
from cabledesk.seal._seal import SealedCable, SealRecipient, seal
from cabledesk.seal._statement import (
    STATEMENT_FORMAT,
    NewerStatement,
    Statement,
    StatementRole,
    StatementSigner,
    clearance_lines,
)
from cabledesk.seal._verification import Severity, StatementReport, Verdict, Verification

__all__ = [
    "DEFAULT_LIMITS",
    "FORMAT_ID",
    "FORMAT_IDS",
    "STATEMENT_FORMAT",
    "DocumentRenderer",
    "Limits",
    "Manifest",
    "ManifestFile",
    "ManifestRecipient",
    "ManifestSender",
    "NewerStatement",
    "PackageKind",
    "SealRecipient",
    "SealedCable",
    "Severity",
    "Statement",
    "StatementReport",
    "StatementRole",
    "StatementSigner",
    "Verdict",
    "Verification",
    "clearance_lines",
    "open_sealed",
    "safe_name",
    "seal",
    "suggested_file_name",
]
