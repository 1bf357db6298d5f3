"""The safeguards the desktop application applies while the vault is open: when it
locks itself (after idle minutes, when the screen locks) and how long copied cable
text stays on the clipboard.

:meth:`SafeguardsService.current` reads them in one go, so that the application
can apply them without asking the database again (it reads them when the vault
is unlocked and after the settings changed, off the GUI thread).
"""

from __future__ import annotations

from dataclasses import dataclass

from cabledesk.store.settings import AUTO_LOCK_MINUTES, CLIPBOARD_CLEAR_SECONDS, LOCK_ON_SCREEN_LOCK
from cabledesk.store.vault import Vault

__all__ = ["Safeguards", "SafeguardsService"]


@dataclass(frozen=True, slots=True)
class Safeguards:
    auto_lock_minutes: int = AUTO_LOCK_MINUTES.default  # 0: never
    lock_on_screen_lock: bool = LOCK_ON_SCREEN_LOCK.default
    clipboard_clear_seconds: int = CLIPBOARD_CLEAR_SECONDS.default


class SafeguardsService:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def current(self) -> Safeguards:
        """The safeguards as the settings say now; raises VaultLocked once locked."""
        settings = self._vault.settings
        return Safeguards(
            auto_lock_minutes=settings.get(AUTO_LOCK_MINUTES),
            lock_on_screen_lock=settings.get(LOCK_ON_SCREEN_LOCK),
            clipboard_clear_seconds=settings.get(CLIPBOARD_CLEAR_SECONDS),
        )
