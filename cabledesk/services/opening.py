"""Opening sealed cables with the vault's identities and contacts.

:meth:`OpenService.open` decrypts and verifies a ``.cable`` (see
:func:`cabledesk.seal.open_sealed` for the checks and their order), records
the attempt in the audit log, and keeps a cable that is not a failure in the
archive as received, together with a copy of the sealed file — exactly the
bytes that were verified, copied while they were read, and no database
transaction held meanwhile. Opening a cable whose id the archive already
holds never piles up copies: the same file is not stored twice, a newer one
from the same signer replaces the older (whose copy is deleted), and one from
another signer is shown but never archived over it. Attachments are extracted
only when asked, into the folder the user chose.
:meth:`OpenService.verify` checks without storing or recording anything.
:meth:`OpenService.open_noting_previous` opens the same way and also gives the
cable the archive held under that id from the same signer before this opening
replaced it (:class:`ArchivedBefore`): the clearer's view of a clearance
request shows what changed since the version they last received.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import BinaryIO, cast

from cabledesk.crypto.keys import Identity
from cabledesk.domain.cable import Cable, cable_banner
from cabledesk.domain.clearance import ClearanceLine
from cabledesk.domain.marking import Marking
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.domain.trust import KnownAs, Trust, TrustState
from cabledesk.errors import CableDeskError, InputError, MarkingError, SchemeError
from cabledesk.export.docx import CLEARED_RENDERER_VERSION, RENDERER_VERSION, render_docx
from cabledesk.phrase import Phrase
from cabledesk.seal import DocumentRenderer, Severity, Verdict, Verification, open_sealed
from cabledesk.services._failure_audit import audits_refusals
from cabledesk.services._own_key import own_key_trust
from cabledesk.services._release_authority import mark_approvals
from cabledesk.services.contacts import ContactsService, ImportOutcome
from cabledesk.store.archive import ArchiveEntry, Direction
from cabledesk.store.audit import Details, Event
from cabledesk.store.sealed_files import (
    ArchiveCopy,
    CopyingReader,
    archive_copy,
    remove_after_commit,
    remove_copy,
    same_copy,
)
from cabledesk.store.vault import Vault

__all__ = ["ArchivedBefore", "OpenService", "Severity", "Verdict", "Verification"]

# What the archive keeps of a verification (the cable itself is stored apart).
_KEPT = ("verdict", "severity", "message", "signer", "trust", "recipients", "addressed_to_you",
         "files", "cable_id", "created", "banner", "docx_included", "warnings", "format",
         "kind", "rollup", "statements")  # fmt: skip


@dataclass(frozen=True, slots=True)
class _ToArchive:
    """A verified cable to add to the archive, with its sealed file."""

    direction: Direction
    banner: Marking


@dataclass(frozen=True, slots=True)
class _Filed:
    """What became of a cable in the archive: its entry, what to tell the user,
    whether the entry refers to the new copy (else the copy is removed)."""

    archive_id: int | None
    note: Phrase | None
    referenced: bool = False


@dataclass(frozen=True, slots=True)
class ArchivedBefore:
    """The cable the archive held under an opened cable's id, from the same signer,
    before the opening (the same text, or an older version it replaced)."""

    cable: Cable
    stored: datetime


class OpenService:
    def __init__(self, vault: Vault, schemes: SchemeRegistry) -> None:
        self._vault = vault
        self._schemes = schemes

    def _trust_of(self, own: set[str]) -> Callable[[str], Trust | None]:
        contacts = ContactsService(self._vault)
        mine = own_key_trust(self._vault)

        def trust_of(fingerprint: str) -> Trust | None:
            if fingerprint in own:
                return mine.get(fingerprint, Trust(TrustState.VERIFIED, None, "your own identity"))
            return contacts.trust_of(fingerprint)

        return trust_of

    def _expiry_of(self, fingerprint: str) -> datetime | None:
        contact = self._vault.contacts.get(fingerprint)
        return None if contact is None else contact.card.expires

    def _render(self, cable: Cable) -> bytes:
        return render_docx(cable, self._schemes.get_scheme(cable.scheme))

    def _render_cleared(self, cable: Cable, lines: tuple[ClearanceLine, ...]) -> bytes:
        """Issue 18: the document with its "Drafted / Cleared / Approved" block."""
        return render_docx(cable, self._schemes.get_scheme(cable.scheme), clearance=lines)

    def _known_as(self, identities: Sequence[Identity]) -> Callable[[str], KnownAs | None]:
        contacts = ContactsService(self._vault)
        own = {i.fingerprint: KnownAs(f"{i.name} (you)", i.post) for i in identities}

        def known_as(fingerprint: str) -> KnownAs | None:
            return own.get(fingerprint) or contacts.known_as(fingerprint)

        return known_as

    def _open(
        self,
        path: Path,
        extract_to: Path | None,
        progress: Callable[[int], None] | None,
        cancel: Callable[[], bool] | None,
        copy: ArchiveCopy | None = None,
        accept_forwarded: bool = False,
    ) -> Verification:
        if copy is None:
            return self._open_stream(path, extract_to, progress, cancel, accept_forwarded)
        try:
            f = path.open("rb")
        except OSError as exc:
            raise InputError(f"Cannot read {path}: {exc.strerror}.") from exc
        with f:
            reader = CopyingReader(cast(io.BufferedIOBase, f), copy)
            return self._open_stream(
                cast(BinaryIO, reader), extract_to, progress, cancel, accept_forwarded
            )

    def _open_stream(
        self,
        src: Path | BinaryIO,
        extract_to: Path | None,
        progress: Callable[[int], None] | None,
        cancel: Callable[[], bool] | None,
        accept_forwarded: bool = False,
    ) -> Verification:
        identities = self._vault.identities.all()
        own = {i.fingerprint for i in identities}
        opened = open_sealed(
            src,
            [key for i in identities for key in i.age_identities()],
            trust_of=self._trust_of(own),
            known_as=self._known_as(identities),
            me=own,
            extract_to=extract_to,
            schemes=self._schemes,
            now=self._vault.now(),
            progress=progress,
            cancel=cancel,
            accept_forwarded=accept_forwarded,
            expiry_of=self._expiry_of,
            renderer=DocumentRenderer(
                RENDERER_VERSION,
                self._render,
                cleared_version=CLEARED_RENDERER_VERSION,  # issue 18
                render_cleared=self._render_cleared,
            ),
        )
        return mark_approvals(self._vault, opened)  # issue 18: the reader's directory roles

    def verify(
        self,
        path: Path,
        *,
        progress: Callable[[int], None] | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> Verification:
        """Check a sealed cable; nothing is stored, extracted or recorded."""
        return self._open(Path(path), None, progress, cancel)

    def open(
        self,
        path: Path,
        *,
        extract_to: Path | None = None,
        store: bool = True,
        progress: Callable[[int], None] | None = None,
        cancel: Callable[[], bool] | None = None,
        accept_forwarded: bool = False,
    ) -> tuple[Verification, int | None]:
        """Open ``path``: see :meth:`open_noting_previous` (without what the archive held)."""
        result, archive_id, _ = self.open_noting_previous(
            path,
            extract_to=extract_to,
            store=store,
            progress=progress,
            cancel=cancel,
            accept_forwarded=accept_forwarded,
        )
        return result, archive_id

    @audits_refusals(Event.OPEN_FAILED, CableDeskError, lambda args, exc: _open_failed(args, exc))
    def open_noting_previous(
        self,
        path: Path,
        *,
        extract_to: Path | None = None,
        store: bool = True,
        progress: Callable[[int], None] | None = None,
        cancel: Callable[[], bool] | None = None,
        accept_forwarded: bool = False,
    ) -> tuple[Verification, int | None, ArchivedBefore | None]:
        """Open ``path``: verify, record in the audit log, and (``store``) archive a
        cable that is not a failure, with a copy of exactly the bytes verified
        (made while they are read; none is left if it is not kept).

        A cable id already archived in the same direction is decided in the
        transaction that records the opening: the same signer's same sealed
        file is not stored again; the same signer's other file replaces the
        entry (its old copy is deleted once that commits); a cable from another
        signer never replaces it, and is not archived; a cable you sealed is
        kept as sealed. Each of these is said in a sentence added to the
        verification's ``warnings`` (with the date the archive got the cable).
        A cable not sealed for the user is a failure (``/1``: a warning) and
        nothing of it is extracted, unless ``accept_forwarded``: then it is a
        warning, extracted and archived as received.
        Returns the verification, the id of the cable's archive entry (None
        when it has none) and what the archive held under the cable's id from
        the same signer before (None: nothing, or not ``store``). A file that
        cannot be opened at all (not for the user's keys, damaged, unreadable)
        raises, and is in the audit log ("cable open failed", with the file's
        name and why).
        """
        path = Path(path)
        folder = self._vault.home.archive
        stored: str | None = None
        plan: _ToArchive | None = None
        if store:
            with archive_copy(folder) as copy:
                result = self._open(path, extract_to, progress, cancel, copy, accept_forwarded)
                if result.ok and result.cable is not None:
                    plan = self._archive_plan(result)
                if plan is not None:
                    copy.keep()
            stored = copy.name if plan is not None else None
        else:
            result = self._open(
                path, extract_to, progress, cancel, accept_forwarded=accept_forwarded
            )
        filed = _Filed(None, None, referenced=False)
        previous: ArchivedBefore | None = None
        try:
            with self._vault.transaction():
                if plan is not None and stored is not None:
                    previous = self._held_before(result, plan)
                    filed = self._archive(result, plan, stored)
                self._vault.audit.append(
                    Event.CABLE_OPENED,
                    {
                        "file": path.name,
                        "verdict": str(result.verdict),
                        "cable": result.cable_id,
                        "signer": result.signer.fingerprint if result.signer else None,
                        "extracted": len(result.extracted),
                    },
                )
        except BaseException:
            if stored is not None:
                remove_copy(folder, stored)
            raise
        if stored is not None and not filed.referenced:
            remove_copy(folder, stored)
        if filed.note is not None:
            result = result.with_warnings(filed.note)
        return result, filed.archive_id, previous

    def _held_before(self, result: Verification, plan: _ToArchive) -> ArchivedBefore | None:
        """The cable archived under ``result``'s id and direction from the same signer."""
        assert result.cable is not None and result.signer is not None
        existing = self._vault.archive.entry(result.cable.id, plan.direction)
        signer = _signer(existing) if existing is not None else None
        if existing is None or signer is None or signer[1] != result.signer.fingerprint:
            return None
        return ArchivedBefore(self._vault.archive.cable(existing.id), existing.stored)

    def import_sender_card(self, result: Verification) -> ImportOutcome:
        """Import the card of the cable's signer (it starts unverified)."""
        if result.sender_card is None:
            from cabledesk.errors import ContactError

            raise ContactError("This cable carries no contact card of its sender.")
        return ContactsService(self._vault).import_card(result.sender_card)

    def _archive_plan(self, result: Verification) -> _ToArchive | None:
        """How to archive the cable; None if it is not archived (a scheme this
        CableDesk does not know: shown, not archived)."""
        assert result.cable is not None
        cable = result.cable
        try:
            banner = cable_banner(cable, self._schemes.get_scheme(cable.scheme))
        except (MarkingError, SchemeError):
            return None
        sent_by_me = result.signer is not None and result.signer.fingerprint in {
            i.fingerprint for i in self._vault.identities.all()
        }
        return _ToArchive(Direction.SENT if sent_by_me else Direction.RECEIVED, banner)

    def _archive(self, result: Verification, plan: _ToArchive, stored: str) -> _Filed:
        """Archive the cable with its copy ``stored``, unless an entry of the same
        cable id and direction stands (see :meth:`open`); inside a transaction."""
        assert result.cable is not None and result.signer is not None
        archive, folder = self._vault.archive, self._vault.home.archive
        existing = archive.entry(result.cable.id, plan.direction)
        if existing is not None:
            when = f"{existing.stored:%Y-%m-%d %H:%M} UTC"
            if plan.direction is Direction.SENT:
                return _Filed(
                    existing.id,
                    Phrase.of(
                        "Your archive keeps this cable as you sealed it on {when}; this copy "
                        "was not stored again.",
                        when=when,
                    ),
                )
            signer = _signer(existing)
            if signer is None or signer[1] != result.signer.fingerprint:
                who = (
                    Phrase.of("{name} (key {fingerprint})", name=signer[0], fingerprint=signer[1])
                    if signer
                    else Phrase.of("another signer")
                )
                return _Filed(
                    None,
                    Phrase.of(
                        "Not archived: your archive already holds a cable with this id, "
                        "received on {when} from {who}. A cable signed by someone else never "
                        "replaces it.",
                        when=when,
                        who=who,
                    ),
                )
            if existing.sealed_file and same_copy(folder, existing.sealed_file, stored):
                return _Filed(
                    existing.id,
                    Phrase.of(
                        "Already received on {when}; it is in your archive and was not "
                        "stored again.",
                        when=when,
                    ),
                )
        archive_id = archive.add(
            result.cable,
            plan.direction,
            plan.banner,
            self._vault.now(),
            sealed_file=stored,
            verification={k: v for k, v in result.to_dict().items() if k in _KEPT},
        )
        if existing is None:
            return _Filed(archive_id, None, referenced=True)
        if existing.sealed_file and existing.sealed_file != stored:
            remove_after_commit(self._vault.db, folder, existing.sealed_file)
        return _Filed(
            archive_id,
            Phrase.of(
                "It replaces the copy of this cable from the same signer received on {when}.",
                when=when,
            ),
            referenced=True,
        )


def _signer(entry: ArchiveEntry) -> tuple[str, str] | None:
    """Name and fingerprint of the signer an archived entry was verified from."""
    signer = (entry.verification or {}).get("signer")
    if not isinstance(signer, dict) or not isinstance(signer.get("fingerprint"), str):
        return None
    return str(signer.get("name", "")), str(signer["fingerprint"])


def _open_failed(args: tuple[object, ...], error: CableDeskError) -> Details:
    """What the audit log says of a file that could not be opened: its name, and why."""
    name = Path(args[0]).name if args and isinstance(args[0], (str, Path)) else ""
    return {"file": name, "reason": error.message}
