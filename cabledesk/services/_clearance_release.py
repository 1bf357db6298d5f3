"""The clearance statements a released cable carries, its attachments checked (issue 18).

A clearance covers the cable's clearance form, the attachment list included
(names, sizes, SHA-256: :mod:`cabledesk.domain.clearance`). A draft sent for
clearance with attachments keeps the list its clearers cleared (each with its
size and hash). Sealing reads the files again: :class:`ReleaseClearance` first
checks the release against the list cleared — before the files are read, as
the vault may lock during a long read — then, once they are read,
:meth:`ReleaseClearance.carried` compares the files sealed with that list. A
file changed, added, removed or renamed gives another text: the clearances do
not cover it. When the settings require approval at the cable's level, sealing
is then refused (:class:`~cabledesk.errors.PolicyRefusal`, audited), saying
which attachment changed; otherwise the cable is sealed without the statements
that no longer cover it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from cabledesk.domain.cable import Attachment, Cable
from cabledesk.domain.clearance import clearance_sha256
from cabledesk.domain.marking import Marking
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.errors import CableDeskError, InputError, PolicyRefusal, VaultLocked
from cabledesk.phrase import Phrase
from cabledesk.services._attachments import (
    attachment_names,
    describe,
    refuse_unattached_markings,
)
from cabledesk.services._clearance_checks import approvals_needed
from cabledesk.store.audit import Event
from cabledesk.store.clearances import ClearanceStore
from cabledesk.store.vault import Vault

__all__ = ["ReleaseClearance", "attachment_changes", "with_attachments"]


class ReleaseClearance:
    """The clearance of one sealing: checked on the list cleared, then on the files read."""

    def __init__(
        self, vault: Vault, schemes: SchemeRegistry, draft: Cable, listed: Cable, banner: Marking
    ) -> None:
        from cabledesk.services.clearance import ClearanceService

        self._vault = vault
        self._schemes = schemes
        self._banner = banner
        self._service = ClearanceService(vault, schemes)
        # The list cleared: the draft's own, when it holds the files' sizes and hashes.
        cleared = any(a.sha256 is not None for a in draft.attachments)
        self._expected = replace(listed, attachments=draft.attachments) if cleared else listed
        self._statements = self._service.for_release(self._expected, banner)
        # Read now: the vault may lock while the files are read.
        self._in_clearance = bool(ClearanceStore(vault.db).requests(draft.id))
        self._needed = approvals_needed(vault, schemes, banner)

    def carried(self, released: Cable) -> tuple[bytes, ...]:
        """The statements to carry with ``released`` (its attachments as read).

        Raises PolicyRefusal (audited) when its attachments are not those cleared and
        the settings require approval at its level."""
        if clearance_sha256(released) == clearance_sha256(self._expected):
            return self._statements
        if not self._in_clearance:
            return ()  # no statement is recorded on a draft never sent for clearance
        changes = attachment_changes(self._expected.attachments, released.attachments)
        if changes and self._needed:
            listed = "; ".join(c.render() for c in changes)
            with contextlib.suppress(CableDeskError):  # the refusal matters more than its entry
                self._vault.audit.append(
                    Event.RELEASE_REFUSED, {"cable": released.id, "reason": listed}
                )
            raise PolicyRefusal(
                Phrase.of(
                    "The attachments are not those cleared and approved: {changes}. A "
                    "clearance covers the attachments too, so this cable is no longer approved.",
                    changes=changes,
                ),
                hint=Phrase.of(
                    "Attach the files that were cleared, or send the draft for clearance "
                    "again with these attachments (cabledesk-cli clearance request … --attach)."
                ),
            )
        try:  # statements an earlier request may have on these very files
            return self._service.for_release(released, self._banner)
        except VaultLocked as exc:
            raise VaultLocked(
                "The vault locked itself while the cable was being sealed: nothing was "
                "sealed or recorded.",
                hint="Unlock it, then seal the cable again.",
            ) from exc


def attachment_changes(cleared: Sequence[Attachment], sealed: Sequence[Attachment]) -> list[Phrase]:
    """How the attachments ``sealed`` differ from those ``cleared``, one phrase each."""
    before = {a.name: a for a in cleared}
    after = {a.name: a for a in sealed}
    changes: list[Phrase] = []
    added = [n for n in after if n not in before]
    for name, old in before.items():
        new = after.get(name)
        if new is None:
            twin = next((n for n in added if _same_file(after[n], old)), None)
            if twin is not None:
                added.remove(twin)
                changes.append(Phrase.of("{old} was renamed {new}", old=name, new=twin))
            else:
                changes.append(Phrase.of("{name} was removed", name=name))
        elif not _same_file(new, old):
            changes.append(
                Phrase.of("{name} is not the file cleared (its content changed)", name=name)
            )
        elif new != old:
            changes.append(Phrase.of("{name} is described or marked otherwise", name=name))
    changes += [Phrase.of("{name} was added", name=name) for name in added]
    if not changes and [a.name for a in cleared] != [a.name for a in sealed]:
        changes.append(Phrase.of("the attachments are in another order"))
    return changes


def _same_file(a: Attachment, b: Attachment) -> bool:
    return a.sha256 == b.sha256 and a.size == b.size


def with_attachments(cable: Cable, paths: Sequence[Path]) -> Cable:
    """``cable`` listing the files ``paths`` as a clearance request carries them (NFC
    name, size, SHA-256; descriptions and markings kept by name), each read once.

    Raises InputError when the draft lists attachments but no file is given (the
    clearers must read what they clear), and what :func:`describe` raises."""
    if not paths:
        if cable.attachments:
            raise InputError(
                Phrase.of(
                    "This draft lists attachments ({names}): a clearance request carries "
                    "their files, so that the clearers read what they clear.",
                    names=[a.name for a in cable.attachments],
                ),
                hint=Phrase.of("Give each file with --attach FILE (or remove it from the draft)."),
            )
        return cable
    refuse_unattached_markings(cable, attachment_names(paths))
    return replace(
        cable,
        attachments=describe(
            paths,
            descriptions={a.name: a.description for a in cable.attachments},
            markings={a.name: a.marking for a in cable.attachments},
        ),
    )
