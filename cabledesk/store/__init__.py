"""The vault: encrypted local storage of identities, contacts, drafts, the archive,
settings and the audit log (SQLCipher, Argon2id-wrapped key, OS keychain).

Open one with :class:`~cabledesk.store.vault.Vault`; find its folder with
:func:`~cabledesk.store.home.resolve_home`.
"""

from __future__ import annotations

__all__: list[str] = []
