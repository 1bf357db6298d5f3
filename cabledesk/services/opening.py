"""Opening sealed cables with the vault's identities and contacts.

:meth:`OpenService.open` decrypts and verifies a ``.cable`` (see
:func:`cabledesk.seal.open_sealed` for the checks and their order), records
the attempt in the audit log, and keeps a cable that is not a failure in the
archive as received, together with a copy of the sealed file — exactly the
bytes that were verified, copied while they were read, and no database
transaction held meanwhile. Attachments are extracted only when asked, into
the folder the user chose.
:meth:`OpenService.verify` checks without storing or recording anything.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, cast

from cabledesk.domain.cable import cable_banner
from cabledesk.domain.marking import Marking
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.domain.trust import Trust, TrustState
from cabledesk.errors import InputError, MarkingError, SchemeError
from cabledesk.seal import Severity, Verification, open_sealed
from cabledesk.services.contacts import ContactsService, ImportOutcome
from cabledesk.store.archive import Direction
from cabledesk.store.audit import Event
from cabledesk.store.sealed_files import ArchiveCopy, CopyingReader, archive_copy, remove_copy
from cabledesk.store.vault import Vault

__all__ = ["OpenService", "Severity", "Verification"]

# What the archive keeps of a verification (the cable itself is stored apart).
_KEPT = ("verdict", "severity", "message", "signer", "trust", "recipients", "addressed_to_you",
         "files", "cable_id", "created", "banner", "docx_included", "warnings", "format",
         "kind", "rollup", "statements")  # fmt: skip


@dataclass(frozen=True, slots=True)
class _ToArchive:
    """A verified cable to add to the archive, with its sealed file."""

    direction: Direction
    banner: Marking


class OpenService:
    def __init__(self, vault: Vault, schemes: SchemeRegistry) -> None:
        self._vault = vault
        self._schemes = schemes

    def _trust_of(self, own: set[str]) -> Callable[[str], Trust | None]:
        contacts = ContactsService(self._vault)

        def trust_of(fingerprint: str) -> Trust | None:
            if fingerprint in own:
                return Trust(TrustState.VERIFIED, None, "your own identity")
            return contacts.trust_of(fingerprint)

        return trust_of

    def _open(
        self,
        path: Path,
        extract_to: Path | None,
        progress: Callable[[int], None] | None,
        cancel: Callable[[], bool] | None,
        copy: ArchiveCopy | None = None,
    ) -> Verification:
        if copy is None:
            return self._open_stream(path, extract_to, progress, cancel)
        try:
            f = path.open("rb")
        except OSError as exc:
            raise InputError(f"Cannot read {path}: {exc.strerror}.") from exc
        with f:
            reader = CopyingReader(cast(io.BufferedIOBase, f), copy)
            return self._open_stream(cast(BinaryIO, reader), extract_to, progress, cancel)

    def _open_stream(
        self,
        src: Path | BinaryIO,
        extract_to: Path | None,
        progress: Callable[[int], None] | None,
        cancel: Callable[[], bool] | None,
    ) -> Verification:
        identities = self._vault.identities.all()
        own = {i.fingerprint for i in identities}
        return open_sealed(
            src,
            [i.encryption_key for i in identities],
            trust_of=self._trust_of(own),
            me=own,
            extract_to=extract_to,
            schemes=self._schemes,
            now=self._vault.now(),
            progress=progress,
            cancel=cancel,
        )

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
    ) -> tuple[Verification, int | None]:
        """Open ``path``: verify, record in the audit log, and (``store``) archive a
        cable that is not a failure as received, with a copy of exactly the bytes
        verified (made while they are read; none is left if it is not kept).
        Returns the verification and the archive id (None when nothing was stored).
        """
        path = Path(path)
        folder = self._vault.home.archive
        stored: str | None = None
        existing: int | None = None
        plan: _ToArchive | None = None
        if store:
            with archive_copy(folder) as copy:
                result = self._open(path, extract_to, progress, cancel, copy)
                if result.ok and result.cable is not None:
                    existing, plan = self._archive_plan(result)
                if plan is not None:
                    copy.keep()
            stored = copy.name if plan is not None else None
        else:
            result = self._open(path, extract_to, progress, cancel)
        try:
            with self._vault.transaction():
                archive_id = existing
                if plan is not None and stored is not None:
                    archive_id = self._archive(result, plan, stored)
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
        return result, archive_id

    def import_sender_card(self, result: Verification) -> ImportOutcome:
        """Import the card of the cable's signer (it starts unverified)."""
        if result.sender_card is None:
            from cabledesk.errors import ContactError

            raise ContactError("This cable carries no contact card of its sender.")
        return ContactsService(self._vault).import_card(result.sender_card)

    def _archive_plan(self, result: Verification) -> tuple[int | None, _ToArchive | None]:
        """An archive id the cable already has, or how to add it; (None, None) if it
        is not archived (a scheme this CableDesk does not know: shown, not archived)."""
        assert result.cable is not None
        cable = result.cable
        try:
            banner = cable_banner(cable, self._schemes.get_scheme(cable.scheme))
        except (MarkingError, SchemeError):
            return None, None
        sent_by_me = result.signer is not None and result.signer.fingerprint in {
            i.fingerprint for i in self._vault.identities.all()
        }
        if sent_by_me and self._vault.archive.find(cable.id):
            return self._vault.archive.find(cable.id)[0].id, None  # the sent copy is there
        return None, _ToArchive(Direction.SENT if sent_by_me else Direction.RECEIVED, banner)

    def _archive(self, result: Verification, plan: _ToArchive, stored: str) -> int:
        assert result.cable is not None
        kept = {k: v for k, v in result.to_dict().items() if k in _KEPT}
        return self._vault.archive.add(
            result.cable,
            plan.direction,
            plan.banner,
            self._vault.now(),
            sealed_file=stored,
            verification=kept,
        )
