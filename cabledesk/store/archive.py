"""The archive of sent, received and imported cables.

Each entry keeps the canonical cable, the name of its sealed file in the
vault's ``archive/`` folder (the ``.cable`` exactly as sealed or received: an
age file, encrypted to its recipients, so it is safe at rest), the result of
its verification, and the fields that search filters on. The searchable
text (subject, body, TAGS, addressees, references) lives in a table of its own,
indexed by FTS5 (see :mod:`cabledesk.store.search`); triggers keep the index in
step. Lists and filters read only the small ``archive`` rows.

The stored banner (and the level and level facet taken from it) is the roll-up of
the cable's portions with the rules of the version it records; an opening brings
older ones up to date (:mod:`cabledesk.store.banner_upgrade`) and keeps each banner
it replaces (:meth:`ArchiveStore.banner_history`). For a received cable the banner
its sender's seal asserted stays in ``verification`` as verified.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from cabledesk.domain import rollup
from cabledesk.domain.cable import Cable
from cabledesk.domain.marking import Marking
from cabledesk.errors import VaultError
from cabledesk.store._common_terms import refresh_if_stale
from cabledesk.store._facets import facet_terms
from cabledesk.store.database import Database, Row, like_escape
from cabledesk.store.drafts import pack_cable, unpack_cable

__all__ = [
    "ArchiveEntry",
    "ArchiveStore",
    "BannerChange",
    "Direction",
    "archive_facets",
    "searchable_text",
]


class Direction(StrEnum):
    SENT = "sent"
    RECEIVED = "received"
    IMPORTED = "imported"


@dataclass(frozen=True, slots=True)
class ArchiveEntry:
    """One archived cable, without its decoded content (see :meth:`ArchiveStore.cable`)."""

    id: int
    cable_id: str
    direction: Direction
    subject: str
    banner: str
    level: str
    dtg: datetime | None
    precedence: str
    originator: str
    sealed_file: str | None
    verification: dict[str, object] | None
    stored: datetime


@dataclass(frozen=True, slots=True)
class BannerChange:
    """A banner an archive entry had until newer roll-up rules replaced it."""

    replaced: datetime
    banner: str
    level: str
    rollup_version: int  # the version of the rules that had computed it


def archive_facets(cable: Cable, direction: Direction, level: str) -> str:
    """The hidden ``facets`` text of an entry (see :mod:`._facets`)."""
    return facet_terms(
        level=level,
        direction=direction.value,
        precedence=cable.precedence,
        tags=cable.tags,
        dtg=cable.dtg,
    )


def searchable_text(cable: Cable) -> tuple[str, str, str, str, str]:
    """Subject, body, TAGS, addressees and references as indexed (in that order)."""
    addressees = [cable.originator, *(a.name for a in cable.action), *(a.name for a in cable.info)]
    return (
        cable.subject,
        "\n\n".join(p.text for p in cable.paragraphs),
        " ".join(cable.tags),
        "\n".join(a for a in addressees if a),
        "\n".join(cable.references),
    )


_ENTRY_COLUMNS = (
    "id, cable_id, direction, subject, banner, level, dtg, precedence, originator, "
    "sealed_file, verification, stored"
)


def _entry(row: Row) -> ArchiveEntry:
    (aid, cid, direction, subject, banner, level, dtg, prec, orig, sealed, ver, stored) = row
    return ArchiveEntry(
        id=int(aid),
        cable_id=str(cid),
        direction=Direction(direction),
        subject=str(subject),
        banner=str(banner),
        level=str(level),
        dtg=datetime.fromisoformat(str(dtg)) if dtg else None,
        precedence=str(prec),
        originator=str(orig),
        sealed_file=str(sealed) if sealed else None,
        verification=json.loads(str(ver)) if ver else None,
        stored=datetime.fromisoformat(str(stored)),
    )


class ArchiveStore:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(
        self,
        cable: Cable,
        direction: Direction,
        banner: Marking,
        stored: datetime,
        *,
        sealed_file: str | None = None,
        verification: dict[str, object] | None = None,
    ) -> int:
        """Archive a cable; a cable already archived in that direction is replaced
        (its entry keeps its id). Returns the archive id.

        The sealed file of a replaced entry is no longer referred to: the caller
        removes it once the replacement committed
        (:func:`cabledesk.store.sealed_files.remove_after_commit`), and decides
        beforehand whether the new cable may replace the old (:meth:`entry`).
        """
        facets = archive_facets(cable, direction, banner.level.name)
        text = (*searchable_text(cable), facets)
        meta = (
            cable.scheme,
            banner.level.name,
            banner.level.tier,
            banner.banner,
            cable.dtg.isoformat() if cable.dtg else None,
            cable.precedence,
            cable.originator,
            cable.subject,
            text[2],
            sealed_file,
            json.dumps(verification, sort_keys=True) if verification is not None else None,
            stored.isoformat(),
            rollup.ROLLUP_VERSION,
        )
        blob = pack_cable(cable)
        with self._db.transaction():
            row = self._db.query_one(
                "SELECT id FROM archive WHERE cable_id = ? AND direction = ?",
                (cable.id, direction.value),
            )
            if row is not None:
                archive_id = int(row[0])
                self._db.execute(
                    "UPDATE archive SET scheme = ?, level = ?, level_tier = ?, banner = ?, "
                    "dtg = ?, precedence = ?, originator = ?, subject = ?, tags = ?, "
                    "sealed_file = ?, verification = ?, stored = ?, rollup_version = ? "
                    "WHERE id = ?",
                    (*meta, archive_id),
                )
                self._db.execute(
                    "UPDATE archive_text SET subject = ?, body = ?, tags = ?, addressees = ?, "
                    "refs = ?, facets = ? WHERE id = ?",
                    (*text, archive_id),
                )
                self._db.execute(
                    "UPDATE archive_cable SET cable = ? WHERE id = ?", (blob, archive_id)
                )
                return archive_id
            archive_id = self._db.execute(
                "INSERT INTO archive(scheme, level, level_tier, banner, dtg, precedence, "
                "originator, subject, tags, sealed_file, verification, stored, rollup_version, "
                "cable_id, direction) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*meta, cable.id, direction.value),
            )
            self._db.execute(
                "INSERT INTO archive_text(id, subject, body, tags, addressees, refs, facets) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (archive_id, *text),
            )
            self._db.execute(
                "INSERT INTO archive_cable(id, cable) VALUES (?, ?)", (archive_id, blob)
            )
            return archive_id

    def add_many(self, items: list[tuple[Cable, Direction, Marking]], stored: datetime) -> int:
        """Archive many cables in one transaction (imports); returns how many."""
        with self._db.transaction():
            for cable, direction, banner in items:
                self.add(cable, direction, banner, stored)
        return len(items)

    def get(self, archive_id: int) -> ArchiveEntry:
        sql = f"SELECT {_ENTRY_COLUMNS} FROM archive WHERE id = ?"
        row = self._db.query_one(sql, (archive_id,))
        if row is None:
            raise VaultError(f"There is no archived cable {archive_id}.")
        return _entry(row)

    def entry(self, cable_id: str, direction: Direction) -> ArchiveEntry | None:
        """The entry of cable ``cable_id`` in ``direction``, if it is archived."""
        row = self._db.query_one(
            f"SELECT {_ENTRY_COLUMNS} FROM archive WHERE cable_id = ? AND direction = ?",
            (cable_id, direction.value),
        )
        return _entry(row) if row is not None else None

    def find(self, cable_id: str) -> list[ArchiveEntry]:
        """The archive entries of a cable id (one per direction)."""
        rows = self._db.query(
            f"SELECT {_ENTRY_COLUMNS} FROM archive WHERE cable_id = ? ORDER BY id", (cable_id,)
        )
        return [_entry(r) for r in rows]

    def find_prefix(self, prefix: str, limit: int = 10) -> list[ArchiveEntry]:
        """Entries whose cable id starts with ``prefix`` (any case)."""
        rows = self._db.query(
            f"SELECT {_ENTRY_COLUMNS} FROM archive WHERE lower(cable_id) LIKE ? ESCAPE '\\' "
            "ORDER BY id LIMIT ?",
            (like_escape(prefix.lower()) + "%", limit),
        )
        return [_entry(r) for r in rows]

    def cable(self, archive_id: int) -> Cable:
        row = self._db.query_one("SELECT cable FROM archive_cable WHERE id = ?", (archive_id,))
        if row is None:
            raise VaultError(f"There is no archived cable {archive_id}.")
        return unpack_cable(bytes(row[0]))

    def banner_history(self, archive_id: int) -> list[BannerChange]:
        """The banners the entry had before newer roll-up rules recomputed it, the
        most recently replaced first."""
        rows = self._db.query(
            "SELECT replaced, banner, level, rollup_version FROM archive_banner_history "
            "WHERE archive_id = ? ORDER BY id DESC",
            (archive_id,),
        )
        return [
            BannerChange(datetime.fromisoformat(str(r)), str(b), str(lv), int(v))
            for r, b, lv, v in rows
        ]

    def entries(
        self, direction: Direction | None = None, *, limit: int = 200, offset: int = 0
    ) -> list[ArchiveEntry]:
        """Entries newest first (by date-time group, then by when they were stored)."""
        where, params = ("WHERE direction = ?", [direction.value]) if direction else ("", [])
        rows = self._db.query(
            f"SELECT {_ENTRY_COLUMNS} FROM archive {where} "
            "ORDER BY dtg DESC, id DESC LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
        return [_entry(r) for r in rows]

    def count(self, direction: Direction | None = None) -> int:
        if direction is None:
            row = self._db.query_one("SELECT count(*) FROM archive")
        else:
            row = self._db.query_one(
                "SELECT count(*) FROM archive WHERE direction = ?", (direction.value,)
            )
        return int(row[0]) if row else 0

    def maintain_index(self, *, optimize: bool = False) -> None:
        """After many additions: re-estimate the common words of the archive (see
        ``_common_terms``) and, with ``optimize``, merge the full-text index into
        one segment (faster searches; worth it after a large import)."""
        refresh_if_stale(self._db)
        if optimize:
            self._db.execute("INSERT INTO archive_fts(archive_fts) VALUES ('optimize')")

    def sealed_files(self) -> list[str]:
        return [str(r[0]) for r in self._db.query("SELECT sealed_file FROM archive") if r[0]]
