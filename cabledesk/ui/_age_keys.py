"""The keys a file decryption in the GUI tries, and how an age file is recognised.

:func:`file_identities` gives the vault's own encryption keys, then either
the passphrase the user typed or a stand-in that raises
:class:`PassphraseNeeded` when the file turns out to be passphrase-encrypted
(the GUI then asks for the passphrase and starts again: nothing was written,
the output being atomic). It is the GUI's form of the command line's
"ask only if needed".
"""

from __future__ import annotations

from collections.abc import Sequence

from cabledesk.crypto.age import Identity, ScryptIdentity, Stanza
from cabledesk.errors import CableDeskError
from cabledesk.services.session import Session

__all__ = ["AGE_PREFIXES", "PassphraseNeeded", "file_identities", "looks_like_age"]

AGE_PREFIXES = (b"age-encryption.org/", b"-----BEGIN AGE ENCRYPTED FILE-----")
SNIFF_BYTES = 64
_SCRYPT = "scrypt"


class PassphraseNeeded(CableDeskError):
    """The file is passphrase-encrypted and no passphrase was given yet."""


class _AskForPassphrase:
    def unwrap(self, stanzas: Sequence[Stanza]) -> bytes | None:
        if any(s.type == _SCRYPT for s in stanzas):
            raise PassphraseNeeded("This file is protected by a passphrase.")
        return None


def file_identities(session: Session, passphrase: str = "") -> list[Identity]:
    """The vault's keys, then the passphrase (or the stand-in); call off the GUI thread."""
    keys: list[Identity] = [i.encryption_key for i in session.vault.identities.all()]
    keys.append(ScryptIdentity(passphrase) if passphrase else _AskForPassphrase())
    return keys


def looks_like_age(prefix: bytes) -> bool:
    """Whether the first bytes of a file are those of an age file (binary or armored)."""
    return prefix.lstrip(b" \t\r\n").startswith(AGE_PREFIXES)
