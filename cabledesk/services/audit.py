"""The audit log, as the faces read it: its entries, newest first, and the check of its chain.

:meth:`AuditService.entries` pages through the log; :meth:`AuditService.check_chain`
recomputes the hash chain and returns an :class:`AuditReport` (it reports a
break, it does not raise one). The entry and report types, and the names of
the events (:class:`Event`), are re-exported here for the faces.
"""

from __future__ import annotations

from cabledesk.store.audit import AuditEntry, AuditReport, Event
from cabledesk.store.vault import Vault

__all__ = ["AuditEntry", "AuditReport", "AuditService", "Event"]


class AuditService:
    """The audit log of one unlocked vault."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    def entries(self, *, limit: int = 200, before: int | None = None) -> list[AuditEntry]:
        """The newest entries first; ``before``: only those with a smaller sequence number.

        Raises VaultLocked once the vault is locked.
        """
        return self._vault.audit.entries(limit=limit, before=before)

    def check_chain(self) -> AuditReport:
        """Recompute the whole hash chain: ``ok``, or the first broken entry and why."""
        return self._vault.audit.check_chain()
