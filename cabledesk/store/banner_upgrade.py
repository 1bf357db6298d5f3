"""Stored banners follow the roll-up rules: an opening recomputes those of older rules.

A draft's banner and an archive entry's banner, level and level facet are stored
(lists and searches read them without decoding cables), each with the version of
the roll-up rules that computed it. When :data:`~cabledesk.domain.rollup.ROLLUP_VERSION`
is newer than what the vault was brought to (``meta.rollup_checked``),
:func:`upgrade_banners` recomputes every stored banner of an older version with
:func:`~cabledesk.domain.cable.cable_banner` — the current rules — so a later bump of
the rules needs no new code here.

Where the banner changes, the one it replaces is kept: a draft gets a new version
(the previous one, as an earlier version, keeps its content and its banner), an
archive entry a line in ``archive_banner_history``; an archive entry whose level
changed gets its level facet rewritten, so that filters find it under its level.
For a received cable only the archive's banner changes: the banner its sender's
seal asserted, and the roll-up version it was checked with, stay in the stored
verification as they were verified.

A banner that cannot be recomputed (a portion mark the current rules no longer
read, an unknown scheme, a damaged stored cable) is kept with its version, and
named in the report; it is tried again at the next version of the rules. A draft
whose marks did not parse before (banner "") and still do not is not reported:
it is a draft being written.

Work goes in batches of :data:`BATCH` rows, each one transaction that also saves
where it got to and what it found (``meta.banner_upgrade``), so that a crash loses
at most a batch and the next opening goes on from there; the last batch records
the version reached and appends one audit entry, ``banners recomputed``, when any
banner changed or could not be recomputed. Two processes opening the vault at once
share the work: every batch reads the progress again under the write lock.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from cabledesk.domain import rollup
from cabledesk.domain.cable import Cable, cable_banner
from cabledesk.domain.marking import Marking
from cabledesk.domain.scheme import ClassificationScheme
from cabledesk.errors import CableDeskError, VaultError
from cabledesk.store.archive import Direction, archive_facets
from cabledesk.store.audit import AuditLog, Event
from cabledesk.store.database import Database, Row
from cabledesk.store.drafts import unpack_cable

__all__ = [
    "BATCH",
    "CHECKED_KEY",
    "BannerUpgrade",
    "needs_upgrade",
    "upgrade_at_opening",
    "upgrade_banners",
]

BATCH = 500  # rows per transaction
REPORTED = 50  # unreadable entries named in the audit entry (all are counted)
CHECKED_KEY = "rollup_checked"  # in meta: the roll-up version the vault was brought to
_PROGRESS = "banner_upgrade"

SchemeOf = Callable[[str], ClassificationScheme]


@dataclass(slots=True)
class BannerUpgrade:
    """What bringing the stored banners to roll-up version ``rollup`` did.

    ``unreadable`` names what kept its banner because it could not be recomputed:
    ``draft <id>`` or ``<direction> cable <cable id>``."""

    rollup: int
    drafts_checked: int = 0
    drafts_changed: int = 0
    archive_checked: int = 0
    archive_changed: int = 0
    unreadable: list[str] = field(default_factory=list)
    # where the work got to: the last draft id and archive id done
    after_draft: str = ""
    after_archive: int = 0
    phase: str = "drafts"

    @property
    def worth_recording(self) -> bool:
        return bool(self.drafts_changed or self.archive_changed or self.unreadable)

    def details(self) -> dict[str, str | int | bool | list[str] | None]:
        """The details of the audit entry."""
        details: dict[str, str | int | bool | list[str] | None] = {
            "rollup": self.rollup,
            "drafts": self.drafts_changed,
            "archive": self.archive_changed,
            "drafts_checked": self.drafts_checked,
            "archive_checked": self.archive_checked,
        }
        if self.unreadable:
            details["unreadable"] = self.unreadable[:REPORTED]
            details["unreadable_count"] = len(self.unreadable)
        return details


def needs_upgrade(db: Database, version: int | None = None) -> bool:
    """True when stored banners may be of rules older than ``version`` (default:
    the current rules). One read of a small table: cheap at every opening."""
    target = rollup.ROLLUP_VERSION if version is None else version
    return _checked(db) < target


def upgrade_at_opening(
    db: Database, audit: AuditLog, now: Callable[[], datetime]
) -> BannerUpgrade | None:
    """:func:`upgrade_banners` to the current rules with the schemes shipped with
    CableDesk (those every face uses), as a vault's opening does; None if there was
    nothing to do, or the vault was busy or could not be written (the batches done
    stay done: the next opening goes on)."""
    if not needs_upgrade(db):
        return None
    from cabledesk.domain.scheme import SchemeRegistry

    schemes = SchemeRegistry.load()
    with contextlib.suppress(VaultError):
        return upgrade_banners(db, audit, schemes.get_scheme, now)
    return None


def upgrade_banners(
    db: Database,
    audit: AuditLog,
    scheme_of: SchemeOf,
    now: Callable[[], datetime],
    *,
    version: int | None = None,
    batch: int | None = None,
) -> BannerUpgrade | None:
    """Bring every stored banner to the roll-up rules of ``version`` (default: the
    current ones); see the module docstring. Returns what was done by the call that
    finished the work (its counts include the batches an interrupted opening did),
    or None when there was nothing to do or another process finished it.

    ``scheme_of`` gives a scheme by id (raising SchemeError for an unknown one);
    ``batch`` is the number of rows per transaction (default :data:`BATCH`).
    Raises VaultError if the vault is busy or cannot be written: the batches done
    stay done, and the next opening goes on.
    """
    target = rollup.ROLLUP_VERSION if version is None else version
    if not needs_upgrade(db, target):
        return None
    batch = BATCH if batch is None else batch
    while True:
        with db.transaction():
            if _checked(db) >= target:
                return None  # another process finished meanwhile
            state = _progress(db, target)
            if state.phase == "drafts":
                rows = _draft_rows(db, state.after_draft, target, batch)
                for row in rows:
                    _upgrade_draft(db, row, state, target, scheme_of, now)
                if rows:
                    state.after_draft = str(rows[-1][0])
                if len(rows) < batch:
                    state.phase = "archive"
            else:
                rows = _archive_rows(db, state.after_archive, target, batch)
                for row in rows:
                    _upgrade_entry(db, row, state, target, scheme_of, now)
                if rows:
                    state.after_archive = int(rows[-1][0])
                if len(rows) < batch:
                    _finish(db, audit, state, target)
                    return state
            _save_progress(db, state)


def _checked(db: Database) -> int:
    row = db.query_one("SELECT value FROM meta WHERE key = ?", (CHECKED_KEY,))
    return int(row[0]) if row else 0


def _progress(db: Database, target: int) -> BannerUpgrade:
    row = db.query_one("SELECT value FROM meta WHERE key = ?", (_PROGRESS,))
    if row is None:
        return BannerUpgrade(target)
    saved = json.loads(str(row[0]))
    state = BannerUpgrade(**saved)
    if state.rollup != target:  # interrupted on the way to other rules: start over
        state.rollup, state.phase, state.after_draft, state.after_archive = target, "drafts", "", 0
    return state


def _save_progress(db: Database, state: BannerUpgrade) -> None:
    saved = {name: getattr(state, name) for name in BannerUpgrade.__slots__}
    db.execute(
        "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
        (_PROGRESS, json.dumps(saved, sort_keys=True)),
    )


def _finish(db: Database, audit: AuditLog, state: BannerUpgrade, target: int) -> None:
    db.execute("DELETE FROM meta WHERE key = ?", (_PROGRESS,))
    db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (CHECKED_KEY, str(target)))
    if state.worth_recording:
        audit.append(Event.BANNERS_RECOMPUTED, state.details())


def _recomputed(blob: bytes, scheme_of: SchemeOf, target: int) -> tuple[Cable, Marking]:
    """The stored cable and its banner under the rules of ``target``; CableDeskError
    if it cannot be computed (VaultError or CableFormatError for a damaged cable,
    SchemeError, MarkingError)."""
    cable = unpack_cable(blob)
    return cable, cable_banner(cable, scheme_of(cable.scheme), rollup=target)


# --- drafts ------------------------------------------------------------------


def _draft_rows(db: Database, after: str, target: int, batch: int) -> list[Row]:
    return db.query(
        "SELECT id, cable, banner, rollup_version, version, updated FROM drafts "
        "WHERE id > ? AND rollup_version < ? ORDER BY id LIMIT ?",
        (after, target, batch),
    )


def _upgrade_draft(
    db: Database,
    row: Row,
    state: BannerUpgrade,
    target: int,
    scheme_of: SchemeOf,
    now: Callable[[], datetime],
) -> None:
    draft_id, blob, old, old_version, version, updated = row
    state.drafts_checked += 1
    try:
        banner = _recomputed(bytes(blob), scheme_of, target)[1].banner
    except CableDeskError:
        if old:  # it had a banner, which the rules of now cannot compute
            state.unreadable.append(f"draft {draft_id}")
            return
        banner = ""  # a draft being written: its marks did not parse before either
    if banner == old:
        db.execute("UPDATE drafts SET rollup_version = ? WHERE id = ?", (target, draft_id))
        return
    # The content stays; the version before keeps the banner it had.
    db.execute(
        "INSERT INTO draft_versions(draft_id, version, saved, cable, banner, rollup_version) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (draft_id, version, updated, blob, old, old_version),
    )
    db.execute(
        "UPDATE drafts SET banner = ?, rollup_version = ?, version = ?, updated = ? WHERE id = ?",
        (banner, target, int(version) + 1, now().isoformat(), draft_id),
    )
    state.drafts_changed += 1


# --- archive entries -----------------------------------------------------------


def _archive_rows(db: Database, after: int, target: int, batch: int) -> list[Row]:
    return db.query(
        "SELECT a.id, a.cable_id, a.direction, a.banner, a.level, a.rollup_version, c.cable "
        "FROM archive a JOIN archive_cable c ON c.id = a.id "
        "WHERE a.id > ? AND a.rollup_version < ? ORDER BY a.id LIMIT ?",
        (after, target, batch),
    )


def _upgrade_entry(
    db: Database,
    row: Row,
    state: BannerUpgrade,
    target: int,
    scheme_of: SchemeOf,
    now: Callable[[], datetime],
) -> None:
    archive_id, cable_id, direction, old, old_level, old_version, blob = row
    state.archive_checked += 1
    try:
        cable, banner = _recomputed(bytes(blob), scheme_of, target)
    except CableDeskError:
        state.unreadable.append(f"{direction} cable {cable_id}")
        return
    if banner.banner == old:
        db.execute("UPDATE archive SET rollup_version = ? WHERE id = ?", (target, archive_id))
        return
    db.execute(
        "INSERT INTO archive_banner_history(archive_id, replaced, banner, level, "
        "rollup_version) VALUES (?, ?, ?, ?, ?)",
        (archive_id, now().isoformat(), old, old_level, old_version),
    )
    level = banner.level
    db.execute(
        "UPDATE archive SET banner = ?, level = ?, level_tier = ?, rollup_version = ? WHERE id = ?",
        (banner.banner, level.name, level.tier, target, archive_id),
    )
    if level.name != old_level:  # the only facet taken from the marking
        facets = archive_facets(cable, Direction(direction), level.name)
        db.execute("UPDATE archive_text SET facets = ? WHERE id = ?", (facets, archive_id))
    state.archive_changed += 1
