"""The user's settings, declared once here and stored in the vault.

Each :class:`Setting` has a key (kebab-case, as people type it:
``auto-lock-minutes``), the row it is stored under (``auto_lock_minutes``: the
rows keep the names earlier versions gave them, so an existing vault keeps its
values), a default and a check of the values it accepts; :class:`Settings`
reads and writes them as JSON in the ``settings`` table. A stored value that is
no longer valid (edited, or from another version) reads as the default.

What a value means, and how it is typed as text, is the business of
:class:`cabledesk.services.settings.SettingsService`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from cabledesk.store.database import Database

__all__ = [
    "APPROVAL_REQUIRED_FROM",
    "ATTESTED_FROM",
    "AUTO_LOCK_MINUTES",
    "CLIPBOARD_CLEAR_SECONDS",
    "DEFAULT_SCHEME",
    "DRAFT_HISTORY_LIMIT",
    "EXPORT_CEILING",
    "LANGUAGE",
    "LOCK_ON_SCREEN_LOCK",
    "PAPER",
    "POST_QUANTUM_FROM",
    "SETTINGS",
    "TWO_PERSON_FROM",
    "Setting",
    "Settings",
]

T = TypeVar("T", int, str, bool)


@dataclass(frozen=True, slots=True)
class Setting(Generic[T]):
    key: str
    row: str
    default: T
    kind: type[T]
    valid: Callable[[T], bool]
    description: str

    def accepts(self, value: object) -> bool:
        return type(value) is self.kind and self.valid(value)


AUTO_LOCK_MINUTES = Setting(
    "auto-lock-minutes", "auto_lock_minutes", 10, int, lambda v: 0 <= v <= 24 * 60,
    "Lock the vault after this many minutes without use (0: never).",
)  # fmt: skip
LOCK_ON_SCREEN_LOCK = Setting(
    "lock-on-screen-lock", "lock_on_screen_lock", True, bool, lambda v: True,
    "Lock the vault when the screen locks (where the system tells).",
)  # fmt: skip
DEFAULT_SCHEME = Setting(
    "default-scheme", "default_scheme", "us", str, lambda v: bool(v.strip()),
    "The classification scheme of new drafts.",
)  # fmt: skip
PAPER = Setting(
    "paper", "paper", "a4", str, lambda v: v in ("a4", "letter"),
    "Paper size of exported documents.",
)  # fmt: skip
EXPORT_CEILING = Setting(
    "export-ceiling", "export_ceiling", "", str, lambda v: True,
    "Highest level exported as an unencrypted document (default: each scheme's lowest "
    "classified level; off: no ceiling).",
)  # fmt: skip
LANGUAGE = Setting(
    "language", "language", "", str, lambda v: v in ("", "en", "fr"),
    "Language of the application (system: the system's).",
)  # fmt: skip
DRAFT_HISTORY_LIMIT = Setting(
    "draft-history", "draft_history_limit", 50, int, lambda v: 1 <= v <= 1000,
    "Earlier versions kept per draft.",
)  # fmt: skip
CLIPBOARD_CLEAR_SECONDS = Setting(
    "clipboard-clear-seconds", "clipboard_clear_seconds", 30, int, lambda v: 5 <= v <= 600,
    "Copied cable text is cleared from the clipboard after this many seconds.",
)  # fmt: skip
# Post-quantum sealing (issue 17): from this level up, a cable is sealed only if
# everyone has a post-quantum key; "off" never requires one. A level name of the
# user's scheme; it applies to other schemes through the equivalence tiers.
POST_QUANTUM_FROM = Setting(
    "post-quantum-from", "post_quantum_from", "SECRET", str, lambda v: bool(v.strip()),
    "Lowest level sealed only for post-quantum keys: below it a cable for someone without "
    "one falls back to X25519, with a warning (off: never required).",
)  # fmt: skip
# --- issue 16, the directory: from which level attributes must be attested ---
ATTESTED_FROM = Setting(
    "attested-from", "attested_from", "", str, lambda v: True,
    "From this level on, recipients' clearance and nationality must be attested by a "
    "security office you trust (default: off while you trust none, CONFIDENTIAL once you "
    "do; off: never).",
)  # fmt: skip

# --- issue 18: clearance — release needs approval (a level of the user's scheme, "" off) ---
APPROVAL_REQUIRED_FROM = Setting(
    "approval-required-from", "approval_required_from", "", str, lambda v: True,
    "Cables from this level on are sealed only once approved (off: never required).",
)  # fmt: skip
TWO_PERSON_FROM = Setting(
    "two-person-from", "two_person_from", "", str, lambda v: True,
    "Cables from this level on need two approvals, by two people other than the drafter "
    "(off: never).",
)  # fmt: skip
# --- end of issue 18 ---

SETTINGS: tuple[Setting[int] | Setting[str] | Setting[bool], ...] = (
    AUTO_LOCK_MINUTES,
    LOCK_ON_SCREEN_LOCK,
    DEFAULT_SCHEME,
    PAPER,
    EXPORT_CEILING,
    LANGUAGE,
    DRAFT_HISTORY_LIMIT,
    CLIPBOARD_CLEAR_SECONDS,
    POST_QUANTUM_FROM,
    ATTESTED_FROM,
    APPROVAL_REQUIRED_FROM,  # issue 18
    TWO_PERSON_FROM,  # issue 18
)


class Settings:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, setting: Setting[T]) -> T:
        row = self._db.query_one("SELECT value FROM settings WHERE key = ?", (setting.row,))
        if row is None:
            return setting.default
        try:
            value = json.loads(row[0])
        except ValueError:
            return setting.default
        return value if setting.accepts(value) else setting.default

    def is_set(self, setting: Setting[T]) -> bool:
        """Whether a valid value of ``setting`` is stored (its default applies otherwise)."""
        row = self._db.query_one("SELECT value FROM settings WHERE key = ?", (setting.row,))
        if row is None:
            return False
        try:
            return setting.accepts(json.loads(row[0]))
        except ValueError:
            return False

    def set(self, setting: Setting[T], value: T) -> None:
        """Store ``value``; raises ValueError if the setting does not accept it."""
        if not setting.accepts(value):
            raise ValueError(f"{value!r} is not a valid value for {setting.key}")
        self._db.execute(
            "INSERT INTO settings(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (setting.row, json.dumps(value)),
        )
