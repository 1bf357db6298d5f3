"""An unlocked vault and every service over it: what a face holds between unlock and lock.

The GUI keeps a :class:`Session` so that its screens share one vault and one
clock; the CLI opens one per command (a context manager: leaving it locks the
vault). :meth:`Session.lock` closes the vault (see :meth:`Vault.lock`); every
service then raises :class:`~cabledesk.errors.VaultLocked`.

The keychain is passed in (the system's by default), for "remember on this
device" in the settings and for a passphrase change to keep it current.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.services.archive import ArchiveService
from cabledesk.services.audit import AuditService
from cabledesk.services.backup import BackupService
from cabledesk.services.contacts import ContactsService
from cabledesk.services.drafting import DraftingService
from cabledesk.services.drafts import DraftsService
from cabledesk.services.file_crypto import FileCryptoService
from cabledesk.services.identity import IdentityService
from cabledesk.services.keychain import KeychainService
from cabledesk.services.opening import OpenService
from cabledesk.services.passphrase import PassphraseService
from cabledesk.services.safeguards import SafeguardsService
from cabledesk.services.sealing import SealService
from cabledesk.services.settings import SettingsService
from cabledesk.services.vault_documents import VaultDocuments
from cabledesk.store.vault import Vault

if TYPE_CHECKING:
    from cabledesk.store.keychain import Keychain

__all__ = ["Session"]


class Session:
    def __init__(
        self, vault: Vault, schemes: SchemeRegistry, *, keychain: Keychain | None = None
    ) -> None:
        if keychain is None:
            from cabledesk.store.keychain import SystemKeychain

            keychain = SystemKeychain()
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
        self.settings = SettingsService(vault, schemes)
        self.files = FileCryptoService(vault)
        self.passphrase = PassphraseService(vault, keychain)
        self.keychain = KeychainService(vault, keychain)
        self.backup = BackupService(vault)
        self.safeguards = SafeguardsService(vault)

    @property
    def folder(self) -> Path:
        """The vault's folder (the window preferences live beside the vault)."""
        return self.vault.home.folder

    @property
    def locked(self) -> bool:
        return self.vault.locked

    def lock(self) -> None:
        self.vault.lock()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.lock()
