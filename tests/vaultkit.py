"""Test helpers for anything with a vault: fast key derivation, a clock tests move
by hand, a keychain kept in memory."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from keyring.backend import KeyringBackend

from cabledesk.store.keyfile import MIN_ITERATIONS, MIN_MEMORY_KIB, KdfParams

# The floors: fast enough for tests, still accepted on open.
FAST = KdfParams(MIN_MEMORY_KIB, MIN_ITERATIONS, 1)
PASSPHRASE = "correct horse battery staple"


class Clock:
    """A clock that tests move forward by hand."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


class MemoryKeyring(KeyringBackend):
    """A keyring backend that keeps secrets in a dict (for fast unit tests)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        del self.secrets[(service, username)]
