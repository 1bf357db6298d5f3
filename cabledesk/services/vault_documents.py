"""Exports and document checks with the vault: its cables, identity, contacts,
export ceiling and audit log.

:class:`ExportService` does the work on any cable and keys; this service adds
what the vault knows: a cable found by the id of a draft or an archived
cable, the user's identity as signer, the export ceiling set in the settings,
the trust of the contacts who signed a received document, and an entry in
the audit log for every export and every check.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from cabledesk.domain.cable import Cable
from cabledesk.domain.clearance import ClearanceLine
from cabledesk.domain.sanitize import SanitizeOptions
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.domain.trust import Trust, TrustState
from cabledesk.errors import CableDeskError, VaultError
from cabledesk.export.pdf import PdfConverter
from cabledesk.export.signed import DocumentSigner, ExpectedSigner
from cabledesk.export.verification import DocumentVerification, KnownSigner
from cabledesk.seal import Statement, clearance_lines
from cabledesk.services._own_key import refuse_revoked_own_key
from cabledesk.services._rotation import superseded_signer
from cabledesk.services.drafts import DraftsService
from cabledesk.services.exporting import ExportRequest, ExportResult, ExportService
from cabledesk.services.settings import SettingsService
from cabledesk.store.archive import Direction
from cabledesk.store.audit import Event
from cabledesk.store.directory import DirectoryStore
from cabledesk.store.vault import Vault

__all__ = ["VaultDocuments"]


class VaultDocuments:
    def __init__(
        self, vault: Vault, schemes: SchemeRegistry, *, pdf_converter: PdfConverter | None = None
    ) -> None:
        self._vault = vault
        self._schemes = schemes
        self._pdf = pdf_converter

    def service(self) -> ExportService:
        ceiling = SettingsService(self._vault, self._schemes).export_ceiling()
        return ExportService(
            self._schemes,
            ceiling=ceiling,
            pdf_converter=self._pdf,
            clock=self._vault.now,
            rules_for=DraftsService(self._vault, self._schemes).rules_for,
        )

    def find_cable(self, ref: str) -> Cable:
        """The cable of a draft or of the archive, by its id or a unique prefix of it."""
        ref = ref.strip().lower()
        if len(ref) < 4:
            raise VaultError("Give at least four characters of the cable's id.")
        drafts = [d.id for d in self._vault.drafts.summaries() if d.id.lower().startswith(ref)]
        if len(drafts) == 1:
            return self._vault.drafts.load(drafts[0])
        archived = self._vault.archive.find_prefix(ref)
        ids = {e.cable_id for e in archived}
        if len(drafts) + len(ids) == 1 and archived:
            return self._vault.archive.cable(archived[0].id)
        if not drafts and not ids:
            raise VaultError(
                f"No draft or archived cable has the id {ref!r}.",
                hint="Give the path of a CABLE.json file, or see 'cabledesk-cli search'.",
            )
        raise VaultError(f"Several cables have an id starting with {ref!r}: give more of it.")

    def export(self, cable: Cable, request: ExportRequest, *, sign: bool = False) -> ExportResult:
        """Export with the vault's ceiling; ``sign`` signs with the user's identity.
        A sanitized version whose stamp names no sanitizer is stamped with the
        user's identity. Recorded in the audit log."""
        if request.level is not None or request.release_to:
            options = request.sanitize or SanitizeOptions()
            if not options.sanitizer.strip():
                who = self._vault.identities.active().name
                request = replace(request, sanitize=replace(options, sanitizer=who))
        if sign and request.signer is None:
            refuse_revoked_own_key(self._vault)  # never sign with a key an office revoked
            request = replace(
                request, signer=DocumentSigner.from_identity(self._vault.identities.active())
            )
        if not request.clearance and request.level is None and not request.release_to:
            request = replace(request, clearance=self.clearance_of(cable))  # issue 18
        result = self.service().export(cable, request)
        entry: dict[str, str | int | bool | list[str] | None] = {
            "cable": result.cable_id,
            "file": result.document.name,
            "format": result.format.value,
            "banner": result.banner,
            "sanitized": result.sanitized,
            "signed": result.signed,
            "sha256": result.sha256,
        }
        if result.tearline is not None:  # the sanitizer's own record: which cable, what went
            entry["sanitized_from"] = result.tearline.source_id
            entry["kept_paragraphs"] = [str(n) for n in result.tearline.kept]
            entry["sanitized_by"] = result.tearline.options.sanitizer
        self._vault.audit.append(Event.DOCUMENT_EXPORTED, entry)
        return result

    def clearance_of(self, cable: Cable) -> tuple[ClearanceLine, ...]:
        """Issue 18: the "Drafted / Cleared / Approved" block of ``cable`` as archived
        (sent or received): the statements of its sealed copy in the archive, checked
        as the reader checks them (the package verifies; each statement holds and is on
        this very text). Empty for a draft, an imported record, or another text."""
        from cabledesk.services.opening import OpenService

        for direction in (Direction.SENT, Direction.RECEIVED):
            entry = self._vault.archive.entry(cable.id, direction)
            if entry is None or not entry.sealed_file:
                continue
            if self._vault.archive.cable(entry.id) != cable:
                continue  # the same id, another text (a file exported by hand)
            path = self._vault.home.archive / entry.sealed_file
            try:
                result = OpenService(self._vault, self._schemes).verify(path)
            except CableDeskError:
                continue
            if not result.ok or result.cable != cable:
                continue
            return clearance_lines(
                [
                    Statement.parse(s.data)
                    for s in result.statements
                    if s.data is not None and s.signature_valid and s.matches_cable
                ]
            )
        return ()

    def lookup(self, fingerprint: str) -> KnownSigner | None:
        """What the contacts say about a signer's key."""
        contact = self._vault.contacts.get(fingerprint)
        if contact is not None:
            return KnownSigner(contact.name, contact.trust)
        for identity in self._vault.identities.all():
            if identity.fingerprint == fingerprint:
                return KnownSigner(f"{identity.name} (you)", Trust(TrustState.VERIFIED))
        revoked = DirectoryStore(self._vault.db).revoked_trust(fingerprint)
        if revoked is not None:
            return KnownSigner(fingerprint, revoked)
        return superseded_signer(self._vault, fingerprint)  # a contact's previous key

    def verify(
        self, path: Path, *, signature: Path | None = None, expected: ExpectedSigner | None = None
    ) -> DocumentVerification:
        """Check a received document against the contacts; recorded in the audit log."""
        result = self.service().verify(
            path, signature=signature, lookup=self.lookup, expected=expected
        )
        self._vault.audit.append(
            Event.DOCUMENT_VERIFIED,
            {
                "file": Path(path).name,
                "verdict": result.verdict.value,
                "signer": result.signer.fingerprint,
                "sha256": result.sha256,
            },
        )
        return result
