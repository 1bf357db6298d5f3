"""Failed unlocks, counted outside the database until the next successful unlock.

A wrong passphrase cannot write into the vault (the database stays closed), so
each failure is counted in a small file beside it, ``unlock-failures.json``:
how many, the first and the last. The count is not a secret (it says no more
than the attempts themselves), holds nothing of the vault, and is written
atomically, owner-only. The next successful unlock moves it into the audit log
as one "unlocks failed" entry and removes the file (:meth:`UnlockFailures.take`).

What it cannot do: someone who can write to the vault folder can delete the
file, and their failed guesses vanish with it — the count is for the user's
review, as the audit log is, not a lock-out.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cabledesk.atomic import atomic_output
from cabledesk.store.home import VaultHome

__all__ = ["FailedUnlocks", "UnlockFailures"]

FILE_NAME = "unlock-failures.json"
_MAX_BYTES = 4096


@dataclass(frozen=True, slots=True)
class FailedUnlocks:
    count: int
    first: datetime
    last: datetime


class UnlockFailures:
    """The failure count of the vault in ``home``."""

    def __init__(self, home: VaultHome) -> None:
        self._path = home.folder / FILE_NAME

    @property
    def path(self) -> Path:
        return self._path

    def read(self) -> FailedUnlocks | None:
        """The failures counted so far (None: none, or a file that is not a count)."""
        try:
            with self._path.open("rb") as f:
                doc = json.loads(f.read(_MAX_BYTES))
            count, first, last = doc["count"], doc["first"], doc["last"]
            if type(count) is not int or count < 1:
                return None
            return FailedUnlocks(count, datetime.fromisoformat(first), datetime.fromisoformat(last))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def record(self, now: datetime) -> None:
        """Count one more failure at ``now`` (best effort: a read-only folder counts none)."""
        known = self.read()
        count, first = (known.count + 1, known.first) if known else (1, now)
        doc = {"count": count, "first": first.isoformat(), "last": now.isoformat()}
        with contextlib.suppress(OSError), atomic_output(self._path) as out:
            out.write(json.dumps(doc).encode("utf-8"))

    def take(self) -> FailedUnlocks | None:
        """The failures counted so far, and the count reset."""
        known = self.read()
        with contextlib.suppress(FileNotFoundError):
            self._path.unlink()
        return known
