"""An unlocked vault and every service over it: what the desktop application holds
between unlock and lock.

The CLI builds the one service a command needs; the GUI keeps a
:class:`Session` so that its screens share one vault and one clock.
:meth:`Session.lock` closes the vault (see :meth:`Vault.lock`); every service
then raises :class:`~cabledesk.errors.VaultLocked`.
"""

from __future__ import annotations

from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.services.archive import ArchiveService
from cabledesk.services.audit import AuditService
from cabledesk.services.contacts import ContactsService
from cabledesk.services.drafting import DraftingService
from cabledesk.services.drafts import DraftsService
from cabledesk.services.identity import IdentityService
from cabledesk.services.opening import OpenService
from cabledesk.services.safeguards import SafeguardsService
from cabledesk.services.sealing import SealService
from cabledesk.services.vault_documents import VaultDocuments
from cabledesk.store.settings import Settings
from cabledesk.store.vault import Vault

__all__ = ["Session"]


class Session:
    def __init__(self, vault: Vault, schemes: SchemeRegistry) -> None:
        self.vault = vault
        self.schemes = schemes
        self.identity = IdentityService(vault, schemes)
        self.contacts = ContactsService(vault)
        self.drafts = DraftsService(vault, schemes)
        self.drafting = DraftingService(schemes)
        self.archive = ArchiveService(vault, schemes)
        self.documents = VaultDocuments(vault, schemes)
        self.sealing = SealService(vault, schemes)
        self.opening = OpenService(vault, schemes)
        self.audit = AuditService(vault)
        self.safeguards = SafeguardsService(vault)

    @property
    def settings(self) -> Settings:
        return self.vault.settings

    @property
    def locked(self) -> bool:
        return self.vault.locked

    def lock(self) -> None:
        self.vault.lock()
