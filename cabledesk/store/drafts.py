"""Drafts with autosave and history.

Each :meth:`DraftStore.save` is one transaction: the previous content moves to
``draft_versions`` (with the banner it had) and the new one replaces it, so a
draft is never half written and a crash loses at most the save that had not
returned. History is capped (``history_limit`` versions per draft, oldest
dropped first).

A stored banner records the version of the roll-up rules that computed it (the
current :data:`~cabledesk.domain.rollup.ROLLUP_VERSION` when saved); an opening
brings older ones up to date (:mod:`cabledesk.store.banner_upgrade`). A draft
records the version of the drafting rules it was created under
(:meth:`DraftStore.rules_version`), which it keeps.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import datetime

from cabledesk.domain import rollup
from cabledesk.domain.cable import Cable
from cabledesk.domain.canonical import decode_cable, encode_cable
from cabledesk.errors import VaultError
from cabledesk.store.database import Database

__all__ = [
    "DEFAULT_HISTORY_LIMIT",
    "FIRST_RULES_VERSION",
    "DraftStore",
    "DraftSummary",
    "pack_cable",
    "unpack_cable",
]

DEFAULT_HISTORY_LIMIT = 50
FIRST_RULES_VERSION = 1  # the drafting rules of every draft made before they had versions


def pack_cable(cable: Cable) -> bytes:
    """The stored form of a cable: zlib-compressed canonical JSON (level 1: a
    third of the size at a quarter of the time of level 6)."""
    return zlib.compress(encode_cable(cable), 1)


def unpack_cable(blob: bytes) -> Cable:
    """The cable of :func:`pack_cable` (CableFormatError if the stored JSON is damaged)."""
    try:
        data = zlib.decompress(blob)
    except zlib.error:
        raise VaultError("A stored cable is damaged and cannot be read.") from None
    return decode_cable(data)


@dataclass(frozen=True, slots=True)
class DraftSummary:
    id: str
    subject: str
    banner: str
    created: datetime
    updated: datetime
    version: int


class DraftStore:
    def __init__(self, db: Database, history_limit: int = DEFAULT_HISTORY_LIMIT) -> None:
        self._db = db
        self._limit = history_limit

    def save(
        self,
        cable: Cable,
        banner: str,
        now: datetime,
        *,
        rules_version: int = FIRST_RULES_VERSION,
    ) -> int:
        """Save ``cable`` as the current content of its draft; returns the new version.

        ``banner`` is the banner text shown in lists ("" if the portions do not
        parse yet), computed with the current roll-up rules. ``rules_version``
        is recorded for a new draft (the drafting rules it is created under); an
        existing draft keeps its own.
        """
        blob = pack_cable(cable)
        current_rollup = rollup.ROLLUP_VERSION
        with self._db.transaction():
            row = self._db.query_one(
                "SELECT version, updated, cable, banner, rollup_version FROM drafts WHERE id = ?",
                (cable.id,),
            )
            if row is None:
                self._db.execute(
                    "INSERT INTO drafts(id, cable, subject, banner, created, updated, version, "
                    "rollup_version, rules_version) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)",
                    (
                        cable.id,
                        blob,
                        cable.subject,
                        banner,
                        now.isoformat(),
                        now.isoformat(),
                        current_rollup,
                        rules_version,
                    ),
                )
                return 1
            version, updated, previous = int(row[0]), row[1], bytes(row[2])
            if previous == blob:
                return version  # nothing changed: no new version
            self._db.execute(
                "INSERT INTO draft_versions(draft_id, version, saved, cable, banner, "
                "rollup_version) VALUES (?, ?, ?, ?, ?, ?)",
                (cable.id, version, updated, previous, row[3], row[4]),
            )
            self._db.execute(
                "UPDATE drafts SET cable = ?, subject = ?, banner = ?, updated = ?, version = ?, "
                "rollup_version = ? WHERE id = ?",
                (
                    blob,
                    cable.subject,
                    banner,
                    now.isoformat(),
                    version + 1,
                    current_rollup,
                    cable.id,
                ),
            )
            self._db.execute(
                "DELETE FROM draft_versions WHERE draft_id = ? AND version <= ?",
                (cable.id, version - self._limit),
            )
            return version + 1

    def load(self, draft_id: str) -> Cable:
        row = self._db.query_one("SELECT cable FROM drafts WHERE id = ?", (draft_id,))
        if row is None:
            raise VaultError(f"There is no draft {draft_id}.")
        return unpack_cable(bytes(row[0]))

    def current(self, draft_id: str) -> tuple[Cable, int, datetime]:
        """The current content of a draft, its version and when it was saved."""
        row = self._db.query_one(
            "SELECT cable, version, updated FROM drafts WHERE id = ?", (draft_id,)
        )
        if row is None:
            raise VaultError(f"There is no draft {draft_id}.")
        return unpack_cable(bytes(row[0])), int(row[1]), datetime.fromisoformat(row[2])

    def rules_version(self, draft_id: str) -> int:
        """The version of the drafting rules the draft was created under."""
        row = self._db.query_one("SELECT rules_version FROM drafts WHERE id = ?", (draft_id,))
        if row is None:
            raise VaultError(f"There is no draft {draft_id}.")
        return int(row[0])

    def version_banners(self, draft_id: str) -> dict[int, str]:
        """The stored banners of a draft's versions, by version: the current one's, and
        those earlier versions had when they were replaced (versions replaced before
        banners were kept with them are absent)."""
        rows = self._db.query(
            "SELECT version, banner FROM draft_versions WHERE draft_id = ? AND banner IS NOT NULL "
            "UNION ALL SELECT version, banner FROM drafts WHERE id = ?",
            (draft_id, draft_id),
        )
        return {int(v): str(b) for v, b in rows}

    def exists(self, draft_id: str) -> bool:
        return self._db.query_one("SELECT 1 FROM drafts WHERE id = ?", (draft_id,)) is not None

    def summaries(self) -> list[DraftSummary]:
        """Every draft, the most recently saved first."""
        rows = self._db.query(
            "SELECT id, subject, banner, created, updated, version FROM drafts "
            "ORDER BY updated DESC"
        )
        return [
            DraftSummary(i, s, b, datetime.fromisoformat(c), datetime.fromisoformat(u), int(v))
            for i, s, b, c, u, v in rows
        ]

    def versions(self, draft_id: str) -> list[tuple[int, datetime]]:
        """Earlier versions kept for a draft, newest first: (version, saved at)."""
        rows = self._db.query(
            "SELECT version, saved FROM draft_versions WHERE draft_id = ? ORDER BY version DESC",
            (draft_id,),
        )
        return [(int(v), datetime.fromisoformat(s)) for v, s in rows]

    def history(self, draft_id: str) -> list[tuple[int, datetime, Cable]]:
        """Every version of a draft, the current one first: (version, saved at, content)."""
        cable, version, saved = self.current(draft_id)
        rows = self._db.query(
            "SELECT version, saved, cable FROM draft_versions WHERE draft_id = ? "
            "ORDER BY version DESC",
            (draft_id,),
        )
        earlier = [(int(v), datetime.fromisoformat(s), unpack_cable(bytes(c))) for v, s, c in rows]
        return [(version, saved, cable), *earlier]

    def load_version(self, draft_id: str, version: int) -> Cable:
        row = self._db.query_one(
            "SELECT cable FROM draft_versions WHERE draft_id = ? AND version = ?",
            (draft_id, version),
        )
        if row is not None:
            return unpack_cable(bytes(row[0]))
        current = self._db.query_one("SELECT version FROM drafts WHERE id = ?", (draft_id,))
        if current is not None and int(current[0]) == version:
            return self.load(draft_id)
        raise VaultError(f"Version {version} of draft {draft_id} is not kept.")

    def delete(self, draft_id: str) -> None:
        with self._db.transaction():
            self._db.execute("DELETE FROM draft_versions WHERE draft_id = ?", (draft_id,))
            self._db.execute("DELETE FROM drafts WHERE id = ?", (draft_id,))
