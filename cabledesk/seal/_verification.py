"""The result of opening a sealed cable: one :class:`Verification`, verdict first.

The verdict is the first check that failed, in the order the checks run
(docs/FORMAT.md, "Opening"), or — when none failed — the most important reason
for caution. Its :attr:`Verdict.severity` says how to show it: ``ok`` (green),
``warning`` (valid, but read the message), ``failure`` (do not trust the content;
nothing was extracted and the cable is not given).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from cabledesk.domain.cable import Cable
from cabledesk.domain.trust import Trust
from cabledesk.seal._manifest import TIME_FORMAT, ManifestFile, ManifestRecipient, ManifestSender

__all__ = ["Severity", "Verdict", "Verification"]


class Severity(StrEnum):
    OK = "ok"
    WARNING = "warning"
    FAILURE = "failure"


class Verdict(StrEnum):
    """What opening a sealed cable established, from best to the earliest failure."""

    VALID = "valid"  # signed by a verified contact (or yourself), intact, addressed to you
    SIGNER_UNVERIFIED = "signer-unverified"  # … but the signer's key was never verified
    SIGNER_UNKNOWN = "signer-unknown"  # … but the signer is not among your contacts
    NOT_ADDRESSED_TO_YOU = "not-addressed-to-you"  # re-encrypted to you by someone else
    SIGNER_REVOKED = "signer-revoked"  # intact, but the signer's key is revoked
    FILE_CHANGED = "file-changed"  # a file differs from what the sender signed
    WRONG_CABLE_ID = "wrong-cable-id"  # the cable inside is not the one the sender signed
    MALFORMED = "malformed"  # the signed content breaks the format's rules
    MANIFEST_ALTERED = "manifest-altered"  # the manifest changed after it was signed
    SIGNED_BY_ANOTHER_KEY = "signed-by-another-key"  # not signed by the sender it names
    NEWER_FORMAT = "newer-format"  # made by a newer CableDesk
    UNSAFE_ARCHIVE = "unsafe-archive"  # dangerous to unpack (traversal, bomb, …)
    NOT_DECRYPTABLE = "not-decryptable"  # none of your keys opens it

    @property
    def severity(self) -> Severity:
        if self is Verdict.VALID:
            return Severity.OK
        if self in _WARNINGS:
            return Severity.WARNING
        return Severity.FAILURE


_WARNINGS = frozenset(
    {Verdict.SIGNER_UNVERIFIED, Verdict.SIGNER_UNKNOWN, Verdict.NOT_ADDRESSED_TO_YOU}
)


@dataclass(frozen=True, slots=True)
class Verification:
    """Everything established about one sealed cable.

    ``message`` (and ``hint``) explain the verdict in plain words. ``signer``,
    ``recipients`` and ``files`` are set once the manifest's signature has been
    verified (they are what the signer vouched for); ``trust`` once the signer
    was looked up; ``addressed_to_you`` once the recipient list was checked.
    ``changed_file`` names the file a ``file-changed`` verdict is about.
    ``cable`` (decoded), ``cable_json`` (its canonical bytes), ``sender_card``
    (the ``.contact`` file, to import as an unverified contact) and
    ``extracted`` are given only when the verdict is not a failure.
    ``recipient_kinds`` lists the kinds of keys a cable you cannot decrypt was
    made for (``X25519``, ``scrypt``).
    """

    verdict: Verdict
    message: str
    hint: str | None = None
    signer: ManifestSender | None = None
    trust: Trust | None = None
    recipients: tuple[ManifestRecipient, ...] = ()
    addressed_to_you: bool | None = None
    files: tuple[ManifestFile, ...] = ()
    changed_file: str | None = None
    cable_id: str | None = None
    created: datetime | None = None
    banner: str | None = None
    docx_included: bool | None = None
    cable: Cable | None = None
    cable_json: bytes | None = None
    sender_card: bytes | None = None
    warnings: tuple[str, ...] = ()
    extracted: tuple[Path, ...] = ()
    recipient_kinds: tuple[str, ...] = ()

    @property
    def severity(self) -> Severity:
        return self.verdict.severity

    @property
    def ok(self) -> bool:
        """True unless the verdict is a failure (warnings are still ok)."""
        return self.severity is not Severity.FAILURE

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready description (what ``--json`` prints)."""
        return {
            "verdict": str(self.verdict),
            "severity": str(self.severity),
            "message": self.message,
            "hint": self.hint,
            "signer": None if self.signer is None else _signer(self.signer),
            "trust": None if self.trust is None else _trust(self.trust),
            "recipients": [
                {"name": r.name, "fingerprint": r.fingerprint, "age_recipient": r.age_recipient}
                for r in self.recipients
            ],
            "addressed_to_you": self.addressed_to_you,
            "files": [
                {"path": f.path, "name": f.name, "size": f.size, "sha256": f.sha256}
                for f in self.files
            ],
            "changed_file": self.changed_file,
            "cable_id": self.cable_id,
            "created": _time(self.created),
            "banner": self.banner,
            "docx_included": self.docx_included,
            "cable": None if self.cable_json is None else json.loads(self.cable_json),
            "sender_card": None if self.sender_card is None else self.sender_card.decode("utf-8"),
            "warnings": list(self.warnings),
            "extracted": [str(p) for p in self.extracted],
            "recipient_kinds": list(self.recipient_kinds),
        }

    def to_json(self) -> str:
        """:meth:`to_dict` as indented JSON text (UTF-8 characters kept)."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)


def _time(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).strftime(TIME_FORMAT)


def _signer(s: ManifestSender) -> dict[str, Any]:
    return {
        "name": s.name,
        "post": s.post,
        "fingerprint": s.fingerprint,
        "age_recipient": s.age_recipient,
        "ssh_key": s.ssh_key,
    }


def _trust(t: Trust) -> dict[str, Any]:
    return {"state": str(t.state), "since": _time(t.since), "how": t.how}
