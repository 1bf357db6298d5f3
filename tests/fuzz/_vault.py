"""A small real vault for the targets that need one: an identity and FRUS telegrams."""

from __future__ import annotations

from functools import cache

from cabledesk.services.identity import IdentityRequest
from cabledesk.services.session import Session
from cabledesk.services.vault_access import VaultAccess
from cabledesk.store.home import VaultHome
from cabledesk.store.keychain import SystemKeychain
from tests.fuzz._cables import SCHEMES, frus_cables
from tests.fuzz._harness import scratch
from tests.vaultkit import FAST, PASSPHRASE, MemoryKeyring

__all__ = ["session"]


@cache
def session(telegrams: int = 60) -> Session:
    """An unlocked vault with an identity and ``telegrams`` FRUS telegrams in its archive."""
    home = VaultHome(scratch("vault") / "home")
    access = VaultAccess(home, SystemKeychain(MemoryKeyring()), kdf=FAST)
    result = Session(access.create(PASSPHRASE), SCHEMES)
    result.identity.create(
        IdentityRequest("Jane Doe", "AMEMBASSY PARIS", clearance="SECRET", nationality="USA")
    )
    result.archive.import_cables(frus_cables(telegrams))
    return result
