"""Drafts in the vault: new, autosave, history, delete — and the audit of lowered markings.

The editor saves through :meth:`DraftsService.save` as the user types (each
save one transaction; the banner is computed, never typed). Lowering the
banner of a draft — from SECRET to CONFIDENTIAL, or dropping NOFORN — is a
classification decision: :meth:`DraftsService.lowering` tells the editor
when a change would lower it, and :meth:`DraftsService.save` refuses such a
change unless a justification is given, which goes to the audit log.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace

from cabledesk.domain.cable import Cable, Paragraph, cable_banner
from cabledesk.domain.marking import Marking
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.errors import MarkingError, PolicyRefusal
from cabledesk.store.audit import Event
from cabledesk.store.drafts import DraftSummary
from cabledesk.store.settings import DEFAULT_SCHEME
from cabledesk.store.vault import Vault

__all__ = ["DraftsService", "SaveResult"]

# Controls whose removal widens who may read a cable.
_RESTRICTIVE = frozenset({"nationals", "named-addressees"})


@dataclass(frozen=True, slots=True)
class SaveResult:
    version: int
    banner: str  # "" while some portion mark does not parse


class DraftsService:
    def __init__(
        self,
        vault: Vault,
        schemes: SchemeRegistry,
        *,
        new_id: Callable[[], str] = lambda: str(uuid.uuid4()),
    ) -> None:
        self._vault = vault
        self._schemes = schemes
        self._new_id = new_id

    def new(self, *, scheme: str | None = None) -> Cable:
        """An empty draft from the user's post, in the default scheme; saved and audited."""
        identity = self._vault.identities.active()
        scheme_id = scheme or self._vault.settings.get(DEFAULT_SCHEME)
        lowest = self._schemes.get_scheme(scheme_id).lowest
        mark = f"({lowest.portion})"
        cable = Cable(
            id=self._new_id(),
            scheme=scheme_id,
            precedence="ROUTINE",
            originator=identity.post,
            action=(),
            subject="",
            subject_marking=mark,
            paragraphs=(Paragraph(mark, ""),),
            signature=identity.name.split()[-1].upper() if identity.name.split() else "",
        )
        with self._vault.transaction():
            self._vault.drafts.save(cable, self._banner_text(cable), self._vault.now())
            self._vault.audit.append(Event.DRAFT_CREATED, {"draft": cable.id})
        return cable

    def banner(self, cable: Cable) -> Marking | None:
        """The computed banner, or None while a portion mark does not parse."""
        try:
            return cable_banner(cable, self._schemes.get_scheme(cable.scheme))
        except MarkingError:
            return None

    def lowering(self, cable: Cable) -> tuple[str, str] | None:
        """``(stored banner, new banner)`` if saving ``cable`` would lower its draft's
        classification: a lower level, a nationals-only or named-addressees control
        dropped, or a release list widened. Else None."""
        if not self._vault.drafts.exists(cable.id):
            return None
        before = self.banner(self._vault.drafts.load(cable.id))
        after = self.banner(cable)
        if before is None or after is None or before.scheme.id != after.scheme.id:
            return None
        lower_level = after.level.rank < before.level.rank
        restrictive = {c.name for c in before.controls if c.audience in _RESTRICTIVE}
        dropped = restrictive - after.control_names
        widened = bool(before.release_to) and not set(after.release_to) <= set(before.release_to)
        if lower_level or dropped or widened:
            return before.banner, after.banner
        return None

    def save(self, cable: Cable, *, justification: str = "") -> SaveResult:
        """Save the draft (one transaction). A change that lowers its classification
        needs a ``justification`` (recorded in the audit log); without one it raises
        PolicyRefusal and nothing is saved."""
        lowered = self.lowering(cable)
        text = self._banner_text(cable)
        with self._vault.transaction():
            if lowered is not None:
                if not justification.strip():
                    raise PolicyRefusal(
                        f"This change lowers the draft's classification from {lowered[0]} "
                        f"to {lowered[1]}.",
                        hint="Give the reason for lowering it; it is recorded in the audit log.",
                    )
                self._vault.audit.append(
                    Event.CLASSIFICATION_LOWERED,
                    {
                        "draft": cable.id,
                        "from": lowered[0],
                        "to": lowered[1],
                        "justification": " ".join(justification.split()),
                    },
                )
            version = self._vault.drafts.save(cable, text, self._vault.now())
        return SaveResult(version, text)

    def load(self, draft_id: str) -> Cable:
        return self._vault.drafts.load(draft_id)

    def summaries(self) -> list[DraftSummary]:
        return self._vault.drafts.summaries()

    def delete(self, draft_id: str) -> None:
        with self._vault.transaction():
            self._vault.drafts.delete(draft_id)
            self._vault.audit.append(Event.DRAFT_DELETED, {"draft": draft_id})

    def duplicate(self, draft_id: str) -> Cable:
        """A new draft with the content of another (a new id)."""
        copy = replace(self.load(draft_id), id=self._new_id(), dtg=None, serial=None)
        self.save(copy)
        return copy

    def _banner_text(self, cable: Cable) -> str:
        banner = self.banner(cable)
        return banner.banner if banner is not None else ""
