"""Drafts in the vault: new, autosave, history, delete — and the audit of lowered markings.

The editor saves through :meth:`DraftsService.save` as the user types (each
save one transaction; the banner is computed, never typed). Lowering the
banner of a draft — from SECRET to CONFIDENTIAL, or dropping NOFORN — is a
classification decision: :meth:`DraftsService.lowering` tells the editor
when a change would lower it, and :meth:`DraftsService.save` refuses such a
change unless a justification is given, which goes to the audit log.

Every save that changes a draft keeps the content before it as an earlier
version (up to the ``draft-history`` setting's number). :meth:`DraftsService.history`
lists them, :meth:`DraftsService.compare` says line by line what changed since
one of them, and :meth:`DraftsService.restore` makes one the current content
again — as a new version, so that nothing is lost, and audited (a restore that
lowers the classification needs a justification like any other save).

A draft keeps the version of the drafting rules it was created under
(:meth:`DraftsService.rules_version`, :attr:`SavedDraft.rules_version`): rules that
became errors later apply to new drafts, and show as warnings on older ones. A
version's banner is the one stored with it when there is one (an earlier version
keeps the banner it had, e.g. before newer roll-up rules recomputed it), else the
banner its portions roll up to now.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from cabledesk.domain.cable import Cable, Paragraph, cable_banner
from cabledesk.domain.marking import Marking
from cabledesk.domain.release import scope_of
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.domain.tetragraphs import shipped_tetragraphs
from cabledesk.domain.validation import RULES_VERSION
from cabledesk.errors import MarkingError, PolicyRefusal, SchemeError, VaultError
from cabledesk.services.draft_history import (
    DiffLine,
    DraftVersion,
    SavedDraft,
    cable_lines,
    diff_lines,
)
from cabledesk.store.audit import Event
from cabledesk.store.drafts import DraftSummary
from cabledesk.store.settings import DEFAULT_SCHEME
from cabledesk.store.vault import Vault

__all__ = ["DraftSummary", "DraftsService", "SaveResult"]

# The shortest part of a draft id the command line accepts.
MIN_ID_PREFIX = 4

# The version of the drafting rules a new draft is created under: the rules of
# cabledesk.domain.validation that this CableDesk applies.
NEW_DRAFT_RULES = RULES_VERSION

# Controls whose removal widens who may read a cable.
_RESTRICTIVE = frozenset({"nationals", "named-addressees"})


@dataclass(frozen=True, slots=True)
class SaveResult:
    version: int
    banner: str  # "" while some portion mark does not parse
    saved: datetime | None = None  # when the version was saved (UTC)


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
            self._vault.drafts.save(
                cable, self._banner_text(cable), self._vault.now(), rules_version=NEW_DRAFT_RULES
            )
            self._vault.audit.append(Event.DRAFT_CREATED, {"draft": cable.id})
        return cable

    def banner(self, cable: Cable) -> Marking | None:
        """The computed banner, or None while a portion mark does not parse (or the
        cable's scheme is not known here)."""
        try:
            return cable_banner(cable, self._schemes.get_scheme(cable.scheme))
        except (MarkingError, SchemeError):
            return None

    def rules_for(self, cable_id: str) -> int:
        """The drafting rules a cable is checked by: those its draft was created under
        (rules that became errors since show as warnings on it), the current ones for a
        cable that is not a stored draft."""
        if not self._vault.drafts.exists(cable_id):
            return RULES_VERSION
        return self._vault.drafts.rules_version(cable_id)

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
        widened = _releases_wider(before, after)
        if lower_level or dropped or widened:
            return before.banner, after.banner
        return None

    def save(self, cable: Cable, *, justification: str = "") -> SaveResult:
        """Save the draft (one transaction). A change that lowers its classification
        needs a ``justification`` (recorded in the audit log); without one it raises
        PolicyRefusal and nothing is saved.

        Whether it lowers is decided inside the transaction, which holds the
        vault's write lock: against the draft as stored when it is replaced, even
        if another window saved it a moment before."""
        text = self._banner_text(cable)
        with self._vault.transaction():
            lowered = self.lowering(cable)
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
            now = self._vault.now()
            version = self._vault.drafts.save(cable, text, now, rules_version=NEW_DRAFT_RULES)
        return SaveResult(version, text, now)

    def load(self, draft_id: str) -> Cable:
        return self._vault.drafts.load(draft_id)

    def current(self, draft_id: str) -> SavedDraft:
        """The draft as stored now; VaultError if there is none."""
        cable, version, saved = self._vault.drafts.current(draft_id)
        return SavedDraft(cable, version, saved, self._vault.drafts.rules_version(draft_id))

    def rules_version(self, draft_id: str) -> int:
        """The version of the drafting rules the draft was created under (1 for drafts
        made before the rules had versions); VaultError if there is no such draft.
        Validate it with these rules: findings of newer rules are warnings for it."""
        return self._vault.drafts.rules_version(draft_id)

    def find_id(self, text: str) -> str:
        """The id of the draft ``text`` designates: its id, or a unique beginning of it
        (at least MIN_ID_PREFIX characters). Raises VaultError if none or several match."""
        text = text.strip().lower()
        ids = [d.id for d in self.summaries()]
        if text in ids:
            return text
        found = [i for i in ids if i.startswith(text)] if len(text) >= MIN_ID_PREFIX else []
        if len(found) == 1:
            return found[0]
        if not found:
            raise VaultError(f"No draft matches {text!r}.", hint="See 'cabledesk-cli draft list'.")
        raise VaultError(
            f"{len(found)} drafts match {text!r}.", hint="Give more of the draft's id."
        )

    # --- history ---

    def history(self, draft_id: str) -> list[DraftVersion]:
        """Every version kept of a draft, the current one first; VaultError if there is
        no such draft."""
        versions = self._vault.drafts.history(draft_id)
        kept = self._vault.drafts.version_banners(draft_id)
        return [
            DraftVersion(
                number,
                saved,
                f"{cable.subject_marking} {cable.subject}".strip(),
                kept[number] if number in kept else self._banner_text(cable),
                current=i == 0,
            )
            for i, (number, saved, cable) in enumerate(versions)
        ]

    def version(self, draft_id: str, number: int) -> Cable:
        """The content of one version; VaultError if it is not kept."""
        return self._vault.drafts.load_version(draft_id, number)

    def compare(self, draft_id: str, number: int, current: Cable) -> list[DiffLine]:
        """What changed from version ``number`` to ``current`` (the text as it is now,
        saved or not), line by line: lines of the version alone are removed, lines of
        ``current`` alone added."""
        old = self.version(draft_id, number)
        kept = self._vault.drafts.version_banners(draft_id)
        return diff_lines(
            cable_lines(old, kept.get(number, self._banner_text(old))),
            cable_lines(current, self._banner_text(current)),
        )

    def restore(self, draft_id: str, number: int, *, justification: str = "") -> SavedDraft:
        """Make version ``number`` the draft's content again, saved as a new version and
        recorded in the audit log. Raises VaultError for a version that is not kept or
        already current, PolicyRefusal when it lowers the classification and no
        ``justification`` is given (nothing is saved then)."""
        cable = self.version(draft_id, number)
        with self._vault.transaction():
            current = self._vault.drafts.current(draft_id)[1]
            if number == current:
                raise VaultError(f"Version {number} is already the draft's current version.")
            result = self.save(cable, justification=justification)
            self._vault.audit.append(
                Event.DRAFT_RESTORED,
                {"draft": draft_id, "version": number, "saved_as": result.version},
            )
        return self.current(draft_id)

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


def _releases_wider(before: Marking, after: Marking) -> bool:
    """Whether ``after`` may go to a nationality ``before`` may not (the release policy's
    own definition: tetragraphs expanded, uncaveated portions counted)."""
    table = shipped_tetragraphs()
    was, now = scope_of(before, table).nationalities, scope_of(after, table).nationalities
    return was is not None and (now is None or not now <= was)
