"""The result of opening a sealed cable: one :class:`Verification`, verdict first.

The verdict is the first check that failed, in the order the checks run
(docs/FORMAT.md, "Opening"), or — when none failed — the most important reason
for caution. Its :attr:`Verification.severity` says how to show it: ``ok``
(green), ``warning`` (valid, but read the message), ``failure`` (do not trust
the content; nothing was extracted and the cable is not given). The severity
of a verdict is fixed by the format, and one rule changed from
``cabledesk.seal/1`` to ``/2``: a package not addressed to the opener is a
warning in ``/1`` (re-encrypted by a recipient) and a failure from ``/2``.

The clearance statements a package carries are reported one by one
(:class:`StatementReport`), whatever they are worth: a statement that is
malformed, forged or about another text is listed with what is wrong with it,
and does not change the verdict.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from cabledesk.crypto.signedtext import format_time
from cabledesk.domain.cable import Cable
from cabledesk.domain.trust import KnownAs, Trust
from cabledesk.phrase import Phrase
from cabledesk.seal._manifest import (
    FORMAT_IDS,
    ManifestFile,
    ManifestRecipient,
    ManifestSender,
    PackageKind,
)

__all__ = ["Severity", "StatementReport", "Verdict", "Verification", "severity_of"]


class Severity(StrEnum):
    OK = "ok"
    WARNING = "warning"
    FAILURE = "failure"


class Verdict(StrEnum):
    """What opening a sealed cable established, from best to the earliest failure."""

    VALID = "valid"  # signed by a verified contact (or yourself), intact, addressed to you
    SIGNER_UNVERIFIED = "signer-unverified"  # … but the signer's key was never verified
    SIGNER_UNKNOWN = "signer-unknown"  # … but the signer is not among your contacts
    DOCUMENT_NOT_CHECKED = "document-not-checked"  # … but its cable.docx could not be checked
    NOT_ADDRESSED_TO_YOU = "not-addressed-to-you"  # re-encrypted to you by someone else
    SIGNER_REVOKED = "signer-revoked"  # intact, but the signer's key is revoked
    SIGNER_EXPIRED = "signer-expired"  # intact, but sealed after the signer's key expired
    DOCUMENT_MISMATCH = "document-mismatch"  # its cable.docx is not the cable rendered
    MARKING_MISMATCH = "marking-mismatch"  # the banner signed is not what the text adds up to
    FILE_CHANGED = "file-changed"  # a file differs from what the sender signed
    WRONG_CABLE_ID = "wrong-cable-id"  # the cable inside is not the one the sender signed
    MALFORMED = "malformed"  # the signed content breaks the format's rules
    MANIFEST_ALTERED = "manifest-altered"  # the manifest changed after it was signed
    UNSIGNED = "unsigned"  # the package carries no signature (or no manifest)
    SIGNED_BY_ANOTHER_KEY = "signed-by-another-key"  # not signed by the sender it names
    NEWER_FORMAT = "newer-format"  # made by a newer CableDesk
    UNSAFE_ARCHIVE = "unsafe-archive"  # dangerous to unpack (traversal, bomb, …)
    NOT_DECRYPTABLE = "not-decryptable"  # none of your keys opens it

    @property
    def severity(self) -> Severity:
        """The severity in the current format (see :func:`severity_of` for older ones)."""
        if self is Verdict.VALID:
            return Severity.OK
        if self in _WARNINGS:
            return Severity.WARNING
        return Severity.FAILURE


_WARNINGS = frozenset(
    {Verdict.SIGNER_UNVERIFIED, Verdict.SIGNER_UNKNOWN, Verdict.DOCUMENT_NOT_CHECKED}
)


def severity_of(
    verdict: Verdict, format_id: str | None, *, forwarded_accepted: bool = False
) -> Severity:
    """The severity of ``verdict`` on a package of format ``format_id`` (None: unknown).

    ``not-addressed-to-you`` is a warning on a ``cabledesk.seal/1`` package, a
    failure on later ones unless the opener accepted a forwarded cable
    (``forwarded_accepted``); every other verdict has the same severity in all.
    """
    if verdict is Verdict.NOT_ADDRESSED_TO_YOU and (
        format_id == FORMAT_IDS[1] or forwarded_accepted
    ):
        return Severity.WARNING
    return verdict.severity


@dataclass(frozen=True, slots=True)
class StatementReport:
    """One clearance statement carried by a package, and what it is worth.

    ``role``, ``signer_name`` (as the statement states it: show the user's own
    name for ``fingerprint`` where there is one), ``fingerprint``, ``office``,
    ``made`` and ``comment`` are None when the statement cannot be read at
    all. ``signature_valid``: signed by the key it names, for clearance, over
    its exact text. ``matches_cable``: about this cable's id and clearance form
    (its exact text, DTG and serial left out). ``problem`` says, in plain
    words, why it is not both (None when it is).
    """

    path: str
    role: str | None
    signer_name: str | None
    fingerprint: str | None
    office: str | None
    made: datetime | None
    comment: str | None
    signature_valid: bool
    matches_cable: bool
    problem: str | None
    # issue 18: the statement's bytes (None: unreadable), and how the opener's vault
    # knows its signer's key (their own contact record's name; their trust in the key)
    data: bytes | None = field(default=None, repr=False)
    known_as: KnownAs | None = None
    trust: Trust | None = None
    # an approval: whether the reader's trusted directory attests its signer with release
    # authority (None: not checked — no anchor trusted, or not an approval)
    release_authority: bool | None = None

    # --- issue 18: the statement as one link of the cable's chain ------------------------

    @property
    def state(self) -> str:
        """``forged`` (the signature does not hold), ``other-text`` (about another text
        or cable), ``unknown-key`` (its signer is not among the opener's contacts),
        ``revoked``, ``keys-changed``, else the opener's trust in the key:
        ``verified`` or ``unverified``; ``unreadable`` when it cannot be read;
        ``no-release-authority``: an approval by a key that no directory the reader
        trusts attests with release authority."""
        if self.role is None:
            return "unreadable"
        if not self.signature_valid:
            return "forged"
        if not self.matches_cable:
            return "other-text"
        if self.release_authority is False:
            return "no-release-authority"
        if self.known_as is None:
            return "unknown-key"
        if self.known_as.keys_changed:
            return "keys-changed"
        trust = self.trust.state.value if self.trust is not None else "unverified"
        return "unverified" if trust == "unknown" else trust

    def link(self) -> dict[str, Any]:
        """Who, as ``drafted_by`` / ``cleared_by`` / ``approved_by`` list them."""
        return {
            "name": None if self.known_as is None else self.known_as.name,
            "signs_as": self.signer_name,
            "office": self.office,
            "fingerprint": self.fingerprint,
            "state": self.state,
            "role": self.role,
            "made": _time(self.made),
            "comment": self.comment,
        }

    # --- end of issue 18 ------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "role": self.role,
            "signer_name": self.signer_name,
            "fingerprint": self.fingerprint,
            "office": self.office,
            "made": _time(self.made),
            "comment": self.comment,
            "signature_valid": self.signature_valid,
            "matches_cable": self.matches_cable,
            "problem": self.problem,
        }


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
    made for (``X25519``, ``scrypt``). ``format``, ``kind`` and ``rollup`` (the
    roll-up rules version of ``banner``) are the signed manifest's (a ``/1``
    package: kind cable, rules version 1); ``statements`` reports the clearance
    statements, once the files were found intact. ``computed_banner`` is, on a
    ``marking-mismatch``, what the cable's portion marks add up to (None when
    they cannot be read). ``forwarded_accepted``: the opener asked to read a
    cable not sealed for them (it is then a warning, not a failure).
    ``document_checked``: for a package with ``cable.docx``, True when the
    document is the cable rendered again, False when it could not be checked
    (None: no document, or not that far). ``known_as`` is how the opener's own
    contact record names the signer (None: not among their contacts) — the name to
    show; ``signer.name`` is only what the package claims. ``signer_expires``: when
    the signer's key expires (the earlier of its card's and the contact record's
    date; None: no expiry known). ``post_quantum``: True when
    the file was encrypted to post-quantum hybrid keys only (``mlkem768x25519``
    stanzas: safe against a future quantum computer), False when any classic key
    could open it, None when it was not decrypted.
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
    warnings: tuple[str, ...] = ()  # in English (the JSON form, the command line)
    # the same warnings, in order, as phrases a face translates (issue 19, French)
    warning_phrases: tuple[Phrase, ...] = field(default=(), repr=False)
    extracted: tuple[Path, ...] = ()
    recipient_kinds: tuple[str, ...] = ()
    format: str | None = None
    kind: PackageKind | None = None
    rollup: int | None = None
    statements: tuple[StatementReport, ...] = ()
    computed_banner: str | None = None
    forwarded_accepted: bool = False
    document_checked: bool | None = None
    known_as: KnownAs | None = None
    signer_expires: datetime | None = None
    post_quantum: bool | None = None

    def with_warnings(self, *phrases: Phrase) -> Verification:
        """This verification with ``phrases`` added to its warnings (both forms)."""
        return replace(
            self,
            warnings=(*self.warnings, *(p.render() for p in phrases)),
            warning_phrases=(*self.warning_phrases, *phrases),
        )

    @property
    def severity(self) -> Severity:
        return severity_of(self.verdict, self.format, forwarded_accepted=self.forwarded_accepted)

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
            "format": self.format,
            "kind": None if self.kind is None else str(self.kind),
            "rollup": self.rollup,
            "statements": [s.to_dict() for s in self.statements],
            "computed_banner": self.computed_banner,
            "forwarded_accepted": self.forwarded_accepted,
            "document_checked": self.document_checked,
            "known_as": None if self.known_as is None else _known(self.known_as),
            "signer_expires": _time(self.signer_expires),
            "post_quantum": self.post_quantum,
            **self.chain(),  # issue 18
        }

    # --- issue 18: drafted, cleared, approved --------------------------------------------

    def chain(self) -> dict[str, Any]:
        """``drafted_by`` (the first drafted statement, or None), ``cleared_by`` (cleared,
        or returned with changes) and ``approved_by``: each statement as
        :meth:`StatementReport.link` (a statement over another text, forged or by an
        unknown key is listed, with that state)."""
        links = [s for s in self.statements if s.role is not None]
        drafted = [s.link() for s in links if s.role == "drafted"]
        return {
            "drafted_by": drafted[0] if drafted else None,
            "cleared_by": [s.link() for s in links if s.role in ("cleared", "returned")],
            "approved_by": [s.link() for s in links if s.role == "approved"],
        }

    # --- end of issue 18 ------------------------------------------------------------------

    def to_json(self) -> str:
        """:meth:`to_dict` as indented JSON text (UTF-8 characters kept)."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)


def _time(moment: datetime | None) -> str | None:
    return None if moment is None else format_time(moment)


def _signer(s: ManifestSender) -> dict[str, Any]:
    return {
        "name": s.name,
        "post": s.post,
        "fingerprint": s.fingerprint,
        "age_recipient": s.age_recipient,
        "pq_recipient": s.pq_recipient,
        "ssh_key": s.ssh_key,
    }


def _known(k: KnownAs) -> dict[str, Any]:
    known = {"name": k.name, "post": k.post, "keys_changed": k.keys_changed}
    return known | ({"previous_key": True} if k.previous_key else {})  # a rotated-out key


def _trust(t: Trust) -> dict[str, Any]:
    trust = {"state": str(t.state), "since": _time(t.since), "how": t.how}
    return trust | ({} if t.superseded is None else {"superseded": _time(t.superseded)})
