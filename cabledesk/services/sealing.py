"""Sealing a cable for its recipients: check, apply the release policy, seal, archive.

:meth:`SealService.check` is what the seal dialog shows before anything is
written: the cable's findings (errors block sealing, warnings are reported),
its banner, and the release policy's decision for every recipient (contacts
and groups resolved; each refusal names the recipient and the reason).
:meth:`SealService.seal` checks again, refuses with
:class:`~cabledesk.errors.ValidationError` or
:class:`~cabledesk.errors.PolicyRefusal`, then writes the ``.cable``
(sign-then-encrypt, the user always among the recipients) and, as its bytes
are written, the same bytes into the vault's archive folder (the file is
encrypted to its recipients, the user included); once both are on disk, it
records the cable as sent and the sealing — to whom — in the audit log, and
removes the draft it came from.

Post-quantum (:mod:`cabledesk.services._post_quantum`): when the user and every
recipient have a post-quantum key, the cable is sealed to those keys only; when
someone has none, at or above the ``post-quantum-from`` level sealing is refused
(:class:`~cabledesk.errors.PolicyRefusal` naming them), below it the cable is
sealed with X25519 for everyone and the check and the outcome carry a warning.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO, cast

from cabledesk.atomic import atomic_output
from cabledesk.domain.cable import Attachment, Cable, cable_banner
from cabledesk.domain.canonical import encode_cable
from cabledesk.domain.marking import Marking
from cabledesk.domain.policy import Decision, RecipientProfile, check_all, enforce
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.domain.validation import validate
from cabledesk.errors import (
    CableDeskError,
    InputError,
    MarkingError,
    ValidationError,
    VaultLocked,
)
from cabledesk.export.docx import CLEARED_RENDERER_VERSION, RENDERER_VERSION, render_docx
from cabledesk.seal import (
    PackageKind,
    SealRecipient,
    Statement,
    clearance_lines,
    seal,
    suggested_file_name,
)
from cabledesk.services._attachments import (
    attachment_names,
    describe,
    refuse_unattached_markings,
)
from cabledesk.services._own_key import refuse_revoked_own_key
from cabledesk.services._post_quantum import (
    Holder,
    PostQuantumContext,
    plan_post_quantum,
)
from cabledesk.services._recipient_profiles import profiles_of
from cabledesk.services._seal_output import READ_SHARE, free_path, progress_phases, sync, unpublish
from cabledesk.services._seal_results import ReleaseSettings, SealCheck, SealOutcome
from cabledesk.services.drafts import DraftsService
from cabledesk.services.exporting import DocumentFormat, ExportService
from cabledesk.services.settings import SettingsService
from cabledesk.store.archive import Direction
from cabledesk.store.audit import Event
from cabledesk.store.contacts import Contact
from cabledesk.store.sealed_files import (
    CopyingWriter,
    archive_copy,
    remove_after_commit,
    remove_copy,
)
from cabledesk.store.vault import Vault

__all__ = [
    "READ_SHARE",
    "PostQuantumContext",
    "ReleaseSettings",
    "SealCheck",
    "SealOutcome",
    "SealService",
    "free_path",
]


class SealService:
    def __init__(self, vault: Vault, schemes: SchemeRegistry) -> None:
        self._vault = vault
        self._schemes = schemes

    def resolve(self, names: Sequence[str]) -> list[Contact]:
        """Contacts named by a group name, a contact name or a fingerprint."""
        from cabledesk.services.contacts import ContactsService

        return ContactsService(self._vault).resolve(names)

    def release_settings(self) -> ReleaseSettings:
        """The settings the release policy applies, read from the vault (a face reads them
        with the recipients and passes them to :meth:`check`)."""
        return ReleaseSettings(SettingsService(self._vault, self._schemes).attested_from())

    def check(
        self,
        cable: Cable,
        recipients: Sequence[Contact],
        *,
        rules: int | None = None,
        post_quantum: PostQuantumContext | None = None,
        settings: ReleaseSettings | None = None,
    ) -> SealCheck:
        """The drafting findings, the banner, the policy's decision per recipient and the
        post-quantum plan.

        ``rules`` is the version of the drafting rules the cable is checked by (default:
        its draft's, read from the vault), ``post_quantum`` what the plan needs of the
        vault (default: read, :meth:`post_quantum_context`) and ``settings`` the policy's
        settings (default: read from the vault); a face that read them already passes
        them, so the check reads nothing from the vault.
        """
        scheme = self._schemes.get_scheme(cable.scheme)
        if rules is None:
            rules = DraftsService(self._vault, self._schemes).rules_for(cable.id)
        findings = tuple(validate(cable, scheme, today=self._vault.now().date(), rules=rules))
        try:
            banner: Marking | None = cable_banner(cable, scheme)
        except MarkingError:
            banner = None
        decisions: list[tuple[Contact, RecipientProfile, Decision]] = []
        if banner is not None:
            now = self._vault.now()
            profiles = profiles_of(recipients, now)
            attested_from = (settings or self.release_settings()).attested_from
            checked = check_all(
                profiles,
                cable,
                banner,
                schemes=self._schemes,
                now=now,
                attested_from=attested_from,
            )
            decisions = [(c, p, d) for c, (p, d) in zip(recipients, checked, strict=True)]
        plan = None
        if banner is not None:
            context = post_quantum or self.post_quantum_context()
            people = [context.me] + [Holder(c.name, c.card.pq_recipient is not None)
                                     for c in recipients]  # fmt: skip
            plan = plan_post_quantum(banner.level, context.threshold, people)
        return SealCheck(cable, banner, findings, tuple(decisions), plan)

    def post_quantum_context(self) -> PostQuantumContext:
        """What the post-quantum plan needs of the vault: whether the user has a
        post-quantum key, and the level of the ``post-quantum-from`` setting."""
        from cabledesk.services.settings import SettingsService

        me = self._vault.identities.active()
        threshold = SettingsService(self._vault, self._schemes).post_quantum_threshold()
        return PostQuantumContext(Holder(me.name, me.pq_key is not None, is_me=True), threshold)

    def suggested_name(self, cable: Cable) -> str:
        banner = cable_banner(cable, self._schemes.get_scheme(cable.scheme))
        return suggested_file_name(
            when=cable.dtg or self._vault.now(),
            originator=cable.originator,
            serial=cable.serial,
            banner=banner.banner,
        )

    def suggested_path(self, cable: Cable, folder: Path) -> Path:
        """Where to offer writing ``cable`` in ``folder``: :meth:`suggested_name`, or,
        if a file of that name is there already (the day's second cable from the same
        post at the same level), the first free ``…_2.cable``, ``…_3.cable``."""
        try:
            name = self.suggested_name(cable)
        except CableDeskError:  # portion marks that do not parse yet: no marked name
            name = "cable.cable"
        return free_path(folder / name)

    def seal(
        self,
        cable: Cable,
        recipients: Sequence[Contact],
        output: Path,
        *,
        attachments: Sequence[Path] = (),
        armor: bool = False,
        confirmed: Collection[str] = (),
        overwrite: bool = False,
        kind: PackageKind = PackageKind.CABLE,
        statements: Sequence[bytes] = (),
        progress: Callable[[int], None] | None = None,
        cancel: Callable[[], bool] | None = None,
        on_sealed: Callable[[Cable], None] | None = None,
    ) -> SealOutcome:
        """Seal ``cable`` for ``recipients`` (and the user) into ``output``.

        A cable without a date-time group gets the current one: sealing releases
        it. The released cable lists its ``attachments`` by the name the user
        sees (NFC), size and SHA-256 — read from each file once before sealing;
        the file is read again as it is sealed, and refused if it changed in
        between. ``kind`` and ``statements`` (signed clearance statements to
        carry) are passed to :func:`cabledesk.seal.seal`. The archive keeps a
        copy of exactly the bytes written to ``output`` (a device such as
        /dev/null included), made while they are written. ``progress`` receives
        a count of bytes that grows to about the package's size: reading the
        attachments first counts for a quarter of theirs.

        Recorded before published: once the file is sealed, one transaction
        archives it as sent, audits the sealing and drops its draft, and
        ``output`` gets its name inside that transaction, just before the
        commit. So a sealed file exists under ``output`` if and only if the
        vault recorded it: should the recording fail (the vault locked itself
        during a long sealing, or another window kept it busy), or the
        publishing, nothing is left, and the draft stays; should the commit
        fail after the file got its name, the file is removed again. (The
        other order — publish, then record — would leave a cable that can be
        sent but that the vault and its audit log never heard of.)

        Raises ValidationError (findings of severity error), PolicyRefusal
        (listing every refusal; the user's own key revoked by a trusted anchor's
        directory), InputError (an attachment whose name is not
        UTF-8, that cannot be read or changes while it is sealed; ``output``
        or the archive folder cannot be written), Cancelled, VaultLocked (the
        vault locked itself meanwhile), VaultError (it is busy), and what
        :func:`cabledesk.seal.seal` raises; nothing is written or recorded then.

        Clearance (issue 18): a cable (kind ``cable``) carries the statements
        recorded on its text (:meth:`ClearanceService.for_release`), and is
        refused with PolicyRefusal when its level needs approvals it lacks.
        ``on_sealed`` (for the clearance kinds) records the sealing instead of
        the release: given the cable sealed, inside the transaction that
        publishes the file; nothing is archived and the draft stays.
        """
        refuse_revoked_own_key(self._vault)  # an office revoked the user's own key
        now = self._vault.now().replace(second=0, microsecond=0)
        descriptions = {a.name: a.description for a in cable.attachments}
        # An attachment's own marking counts in the banner: it must survive the listing.
        markings = {a.name: a.marking for a in cable.attachments}
        # A clearance answer lists the attachments of the text it answers, without them.
        answer = kind is PackageKind.CLEARANCE_RESPONSE and not attachments
        if not answer:
            refuse_unattached_markings(cable, attachment_names(attachments))
        listed = replace(
            cable,
            dtg=cable.dtg or now,
            attachments=cable.attachments
            if answer
            else tuple(
                Attachment(name, descriptions.get(name, ""), marking=markings.get(name, ""))
                for name in attachment_names(attachments)
            ),
        )
        check = self.check(listed, recipients)
        if check.errors or check.banner is None:
            shown = "; ".join(f"{f.field}: {f.message}" for f in check.errors[:3])
            raise ValidationError(
                f"This cable cannot be sealed yet: {shown or 'its portion marks cannot be read'}.",
                hint="Fix the errors listed in the findings first.",
            )
        if not recipients:
            raise ValidationError("Choose at least one recipient to seal the cable for.")
        enforce([(p, d) for _, p, d in check.decisions], confirmed=confirmed)
        plan = check.post_quantum
        if plan is not None and plan.refused:
            raise plan.refusal()
        # --- issue 18: the clearance record travels with the released cable ---
        # Checked before the attachments are read (the vault may lock during a long
        # read), on the attachment list cleared; then on the files as read.
        release = None
        if kind is PackageKind.CABLE:
            from cabledesk.services._clearance_release import ReleaseClearance

            release = ReleaseClearance(self._vault, self._schemes, cable, listed, check.banner)
        # --- end of issue 18 ---
        sender = self._vault.identities.active()
        reading, sealing = progress_phases(progress)
        released = replace(
            listed,
            attachments=listed.attachments
            if answer
            else describe(
                attachments,
                descriptions=descriptions,
                markings=markings,
                progress=reading,
                cancel=cancel,
            ),
        )
        if release is not None:  # issue 18: the files read must be those cleared
            statements = (*statements, *release.carried(released))
        docx = self._render(released)
        docx_renderer = RENDERER_VERSION
        # --- issue 18: a cleared cable's document carries the Drafted/Cleared/Approved block
        if kind is PackageKind.CABLE and statements:
            docx, docx_renderer = self._render_cleared(released, statements, docx)
        # --- end of issue 18 ---
        folder = self._vault.home.archive
        with ExitStack() as writing:
            out = writing.enter_context(atomic_output(output, overwrite=overwrite, mode=0o644))
            with archive_copy(folder) as copy:
                sealed = seal(
                    encode_cable(released),
                    cable_id=released.id,
                    banner=check.banner.banner,
                    sender=sender,
                    recipients=[SealRecipient.from_card(c.card) for c in recipients],
                    output=cast(BinaryIO, CopyingWriter(out, copy)),
                    docx=docx,
                    docx_renderer=docx_renderer,
                    attachments=attachments,
                    statements=statements,
                    kind=kind,
                    armor=armor,
                    post_quantum=plan is not None and plan.post_quantum,
                    now=self._vault.now(),
                    progress=sealing,
                    cancel=cancel,
                )
                copy.keep()
            sync(out)  # the slow part of publishing, before the vault is held
            unpublished = writing.pop_all()  # the output keeps its temporary name for now
        names = tuple(f"{r.name} ({r.fingerprint})" for r in sealed.manifest.recipients)
        record = _Record(
            released, check.banner, copy.name, names, output, len(attachments), on_sealed
        )
        archive_id = self._record_and_publish(record, unpublished)
        warning = None if plan is None else plan.warning
        return SealOutcome(
            output,
            archive_id,
            sealed,
            names,
            post_quantum=plan is not None and plan.post_quantum,
            warnings=() if warning is None else (warning,),
        )

    def _record_and_publish(self, record: _Record, unpublished: ExitStack) -> int:
        """Record the sealed cable, give ``output`` its name, commit; undo all on failure."""
        folder = self._vault.home.archive
        published = False
        try:
            with self._vault.transaction():
                if record.on_sealed is None:
                    archive_id = self._record(record)
                else:  # issue 18: a clearance file, not a release
                    record.on_sealed(record.released)
                    archive_id = 0
                try:
                    unpublished.close()  # the atomic write's end: fsync, rename
                except OSError as exc:
                    raise InputError(
                        f"Cannot write the sealed cable {record.output}: {exc.strerror or exc}."
                    ) from exc
                published = True
        except BaseException as exc:
            if published:  # the commit failed: the file must not outlive its record
                unpublish(record.output)
            else:
                unpublished.__exit__(type(exc), exc, exc.__traceback__)
            remove_copy(folder, record.stored)
            if isinstance(exc, VaultLocked):
                raise VaultLocked(
                    "The vault locked itself while the cable was being sealed: nothing was "
                    "sealed or recorded.",
                    hint="Unlock it, then seal the cable again.",
                ) from exc
            raise
        if record.on_sealed is not None:  # issue 18: nothing archived
            remove_copy(folder, record.stored)
        return archive_id

    def _record(self, record: _Record) -> int:
        """Archive the sealed cable as sent, audit it, drop its draft (inside a transaction).

        A cable sealed again under the same id replaces its sent entry; the
        superseded copy is removed once the transaction commits."""
        released = record.released
        previous = self._vault.archive.entry(released.id, Direction.SENT)
        archive_id = self._vault.archive.add(
            released,
            Direction.SENT,
            record.banner,
            self._vault.now(),
            sealed_file=record.stored,
            verification={"verdict": "sealed", "recipients": list(record.names)},
        )
        if previous is not None and previous.sealed_file not in (None, record.stored):
            remove_after_commit(self._vault.db, self._vault.home.archive, previous.sealed_file)
        self._vault.audit.append(
            Event.CABLE_SEALED,
            {
                "cable": released.id,
                "banner": record.banner.banner,
                "to": list(record.names),
                "file": record.output.name,
                "attachments": record.attachments,
            },
        )
        if self._vault.drafts.exists(released.id):
            self._vault.drafts.delete(released.id)
        return archive_id

    def _render_cleared(
        self, cable: Cable, statements: Sequence[bytes], plain: bytes | None
    ) -> tuple[bytes | None, int]:
        """Issue 18: the document with the block of ``statements`` (as the reader renders
        it again), and its renderer's version; the plain one if it cannot be rendered."""
        lines = clearance_lines([Statement.parse(s) for s in statements])
        if not lines:
            return plain, RENDERER_VERSION
        try:
            scheme = self._schemes.get_scheme(cable.scheme)
            return render_docx(cable, scheme, clearance=lines), CLEARED_RENDERER_VERSION
        except CableDeskError:
            return plain, RENDERER_VERSION

    def _render(self, cable: Cable) -> bytes | None:
        """The cable as .docx for the package; None if it cannot be rendered."""
        try:
            rendered = ExportService(self._schemes).render(cable, format=DocumentFormat.DOCX)
        except CableDeskError:
            return None  # the package says so in its manifest
        return rendered.data


@dataclass(frozen=True, slots=True)
class _Record:
    """What the vault records of a sealing."""

    released: Cable
    banner: Marking
    stored: str  # the copy's name in the archive folder
    names: tuple[str, ...]
    output: Path
    attachments: int
    on_sealed: Callable[[Cable], None] | None = None  # issue 18: a clearance file
