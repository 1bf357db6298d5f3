"""An unlocked vault and every service over it: what a face holds between unlock and lock.

The GUI keeps a :class:`Session` so that its screens share one vault and one
clock; the CLI opens one per command (a context manager: leaving it locks the
vault). :meth:`Session.lock` closes the vault (see :meth:`Vault.lock`); every
service then raises :class:`~cabledesk.errors.VaultLocked`.

Each service is made, and its module imported, the first time it is asked for:
a command that lists contacts never loads the document renderer or the sealed
package's code, which keeps the command line quick to start.

The keychain is passed in (the system's by default), for "remember on this
device" in the settings and for a passphrase change to keep it current.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cabledesk.domain.scheme import SchemeRegistry
    from cabledesk.services.archive import ArchiveService
    from cabledesk.services.audit import AuditService
    from cabledesk.services.authority import AuthorityService
    from cabledesk.services.backup import BackupService
    from cabledesk.services.clearance import ClearanceService  # issue 18
    from cabledesk.services.contacts import ContactsService
    from cabledesk.services.directory import DirectoryService
    from cabledesk.services.drafting import DraftingService
    from cabledesk.services.drafts import DraftsService
    from cabledesk.services.file_crypto import FileCryptoService
    from cabledesk.services.identity import IdentityService
    from cabledesk.services.keychain import KeychainService
    from cabledesk.services.opening import OpenService
    from cabledesk.services.passphrase import PassphraseService
    from cabledesk.services.sealing import SealService
    from cabledesk.services.settings import SettingsService
    from cabledesk.services.vault_documents import VaultDocuments
    from cabledesk.store.keychain import Keychain
    from cabledesk.store.vault import Vault

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
        self._keychain = keychain

    @cached_property
    def identity(self) -> IdentityService:
        from cabledesk.services.identity import IdentityService

        return IdentityService(self.vault, self.schemes)

    @cached_property
    def contacts(self) -> ContactsService:
        from cabledesk.services.contacts import ContactsService

        return ContactsService(self.vault)

    @cached_property
    def directory(self) -> DirectoryService:
        from cabledesk.services.directory import DirectoryService

        return DirectoryService(self.vault)

    @cached_property
    def drafts(self) -> DraftsService:
        from cabledesk.services.drafts import DraftsService

        return DraftsService(self.vault, self.schemes)

    @cached_property
    def drafting(self) -> DraftingService:
        from cabledesk.services.drafting import DraftingService

        return DraftingService(self.schemes)

    @cached_property
    def archive(self) -> ArchiveService:
        from cabledesk.services.archive import ArchiveService

        return ArchiveService(self.vault, self.schemes)

    @cached_property
    def documents(self) -> VaultDocuments:
        from cabledesk.services.vault_documents import VaultDocuments

        return VaultDocuments(self.vault, self.schemes)

    @cached_property
    def sealing(self) -> SealService:
        from cabledesk.services.sealing import SealService

        return SealService(self.vault, self.schemes)

    @cached_property
    def opening(self) -> OpenService:
        from cabledesk.services.opening import OpenService

        return OpenService(self.vault, self.schemes)

    @cached_property
    def audit(self) -> AuditService:
        from cabledesk.services.audit import AuditService

        return AuditService(self.vault)

    @cached_property
    def settings(self) -> SettingsService:
        from cabledesk.services.settings import SettingsService

        return SettingsService(self.vault, self.schemes)

    @cached_property
    def files(self) -> FileCryptoService:
        from cabledesk.services.file_crypto import FileCryptoService

        return FileCryptoService(self.vault, self.schemes)

    @cached_property
    def passphrase(self) -> PassphraseService:
        from cabledesk.services.passphrase import PassphraseService

        return PassphraseService(self.vault, self._keychain)

    @cached_property
    def keychain(self) -> KeychainService:
        from cabledesk.services.keychain import KeychainService

        return KeychainService(self.vault, self._keychain)

    @cached_property
    def authority(self) -> AuthorityService:  # a security office's key (issue 16)
        from cabledesk.services.authority import AuthorityService

        return AuthorityService(self.vault, self.schemes)

    @cached_property
    def backup(self) -> BackupService:
        from cabledesk.services.backup import BackupService

        return BackupService(self.vault)

    @cached_property
    def clearance(self) -> ClearanceService:  # issue 18
        from cabledesk.services.clearance import ClearanceService

        return ClearanceService(self.vault, self.schemes)

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
