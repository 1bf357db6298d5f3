"""The archive: import cables, search them, read them back.

The values the faces receive (:class:`ArchiveEntry`, :class:`SearchHit`), the
filters they pass (:class:`SearchFilters`, :class:`Direction`) and the marks
around the matched words of a snippet (``HIGHLIGHT_START`` / ``HIGHLIGHT_END``)
are re-exported here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from cabledesk.domain.cable import Cable, cable_banner
from cabledesk.domain.marking import Marking
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.errors import Cancelled, MarkingError, SchemeError, ValidationError
from cabledesk.store.archive import ArchiveEntry, BannerChange, Direction
from cabledesk.store.audit import Event
from cabledesk.store.search import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    SearchFilters,
    SearchHit,
    search,
)
from cabledesk.store.vault import Vault

__all__ = [
    "HIGHLIGHT_END",
    "HIGHLIGHT_START",
    "IMPORT_BATCH",
    "ArchiveEntry",
    "ArchiveService",
    "ArchivedCable",
    "BannerChange",
    "Direction",
    "SearchFilters",
    "SearchHit",
]

# Cables written per transaction during an import: one fsync per batch.
IMPORT_BATCH = 1000
# An import at least this large merges the search index into one segment after.
OPTIMIZE_AFTER = 5000


@dataclass(frozen=True, slots=True)
class ArchivedCable:
    """One archived cable, read to be shown: its entry, the cable and its banner."""

    entry: ArchiveEntry
    cable: Cable
    banner: Marking | None  # None for a cable whose portion marks do not parse


class ArchiveService:
    def __init__(self, vault: Vault, schemes: SchemeRegistry) -> None:
        self._vault = vault
        self._schemes = schemes

    def import_cables(
        self,
        cables: Iterable[Cable],
        *,
        progress: Callable[[int], None] | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> int:
        """Archive cables as imported (e.g. historic telegrams); returns how many.

        Each batch of IMPORT_BATCH cables is one transaction; a cable whose
        portion marks do not parse raises ValidationError naming it, after the
        batches before it were stored. On Cancelled, the cables read so far are kept.
        """
        total = 0
        batch: list[tuple[Cable, Marking]] = []

        def flush() -> None:
            nonlocal total
            if not batch:
                return
            with self._vault.transaction():
                for cable, banner in batch:
                    self._vault.archive.add(cable, Direction.IMPORTED, banner, self._vault.now())
                self._vault.audit.append(
                    Event.CABLE_IMPORTED,
                    {"count": len(batch), "first": batch[0][0].id, "last": batch[-1][0].id},
                )
            total += len(batch)
            batch.clear()
            if progress is not None:
                progress(total)

        for cable in cables:
            if cancel is not None and cancel():
                flush()
                raise Cancelled(f"The import was cancelled after {total} cables.")
            scheme = self._schemes.get_scheme(cable.scheme)
            try:
                banner = cable_banner(cable, scheme)
            except MarkingError as exc:
                raise ValidationError(
                    f"The cable {cable.id} ({cable.subject[:60]}) cannot be archived: "
                    f"{exc.message}",
                    hint="Correct its portion marks first ('cabledesk-cli draft lint').",
                ) from None
            batch.append((cable, banner))
            if len(batch) >= IMPORT_BATCH:
                flush()
        flush()
        self._vault.archive.maintain_index(optimize=total >= OPTIMIZE_AFTER)
        return total

    def search(
        self, query: str, filters: SearchFilters | None = None, *, limit: int = 50, offset: int = 0
    ) -> list[SearchHit]:
        """Ranked matches; raises SearchError for a query that cannot be understood."""
        return search(self._vault.db, query, filters, limit=limit, offset=offset)

    def entries(
        self, direction: Direction | None = None, *, limit: int = 200, offset: int = 0
    ) -> list[ArchiveEntry]:
        return self._vault.archive.entries(direction, limit=limit, offset=offset)

    def entry(self, archive_id: int) -> ArchiveEntry:
        return self._vault.archive.get(archive_id)

    def cable(self, archive_id: int) -> Cable:
        return self._vault.archive.cable(archive_id)

    def read(self, archive_id: int) -> ArchivedCable:
        """An archived cable with its entry and banner; VaultError if there is none."""
        entry = self._vault.archive.get(archive_id)
        cable = self._vault.archive.cable(entry.id)
        try:
            banner: Marking | None = cable_banner(cable, self._schemes.get_scheme(cable.scheme))
        except (MarkingError, SchemeError):
            banner = None
        return ArchivedCable(entry, cable, banner)

    def sealed_path(self, archive_id: int) -> Path | None:
        """Where the archive keeps the sealed file of an entry — exactly the bytes
        sealed or opened — or None when it keeps none (an imported record) or the
        file is gone. VaultError if there is no such entry."""
        name = self._vault.archive.get(archive_id).sealed_file
        if not name:
            return None
        path = self._vault.home.archive / name
        return path if path.is_file() else None

    def banner_history(self, archive_id: int) -> list[BannerChange]:
        """The banners an archived cable had before newer roll-up rules recomputed it
        (each with the version of the rules that had computed it), newest first."""
        return self._vault.archive.banner_history(archive_id)

    def count(self, direction: Direction | None = None) -> int:
        return self._vault.archive.count(direction)
