"""The errors CableDesk raises for bad input, refused operations and failed checks.

Every error that can reach a user is a :class:`CableDeskError`: it carries a
``message`` a diplomat understands (what is wrong) and an optional ``hint``
(what to do about it). Faces turn these into text in exactly one place each:
the CLI's ``main()`` and the GUI's error relay. Bugs in our own code raise
``TypeError`` / ``ValueError`` instead, never a ``CableDeskError``.

No message ever contains key material or the plaintext of a cable.

A message or hint may be given as a :class:`~cabledesk.phrase.Phrase` (a
template with named values) rather than a finished sentence: ``message`` and
``hint`` are then its English text, and ``phrase`` / ``hint_phrase`` keep it for
a face to translate.

The tree::

    CableDeskError
    ├── InputError                  a file cannot be read or written
    ├── Cancelled                   the user cancelled a long operation
    ├── SchemeError                 a classification scheme file is malformed
    ├── MarkingError                an unknown or contradictory marking
    ├── CableFormatError            a cable document cannot be decoded
    ├── FieldError                  a value typed for a cable field is malformed
    ├── SettingError                an unknown setting, or a value it does not accept
    ├── WeakPassphrase              a new passphrase is too easy to guess
    ├── SourceImportError           an outside record (FRUS, …) cannot be imported
    ├── ValidationError             a cable has findings of severity error
    ├── CryptoError
    │   ├── KeyFormatError          a malformed key or recipient string
    │   ├── ArmorError              malformed ASCII armor
    │   ├── HeaderError             a malformed age header
    │   ├── HeaderMacError          the age header was altered
    │   ├── NoIdentityMatch         none of our keys can open the file
    │   ├── PayloadError            the encrypted content was altered or cut short
    │   ├── SignatureFormatError    a malformed SSHSIG signature
    │   ├── SignatureInvalid        a signature does not match data, key or namespace
    │   └── SignatureMissing        a document has no signature to check
    ├── ContactError                a contact card is malformed, forged or expired
    ├── DirectoryError              an anchor or directory is malformed, forged or out of scope
    │   └── DirectoryRefused        a directory failed its checks (signature, anchor, serial, …)
    ├── ClearanceError              a clearance statement is malformed or forged
    │   └── ClearanceRefused        a clearance file does not verify, or is not for this draft
    ├── PackageError                a sealed cable package is malformed or unsafe
    ├── VaultError
    │   ├── VaultLocked
    │   ├── WrongPassphrase
    │   ├── KeychainUnavailable
    │   ├── VaultRolledBack         the database is older than the state the vault recorded
    │   └── VaultNotRolledBack      an older database was to be accepted, but it is not older
    ├── SearchError                 a search query cannot be understood
    ├── ExportError                 a document cannot be exported
    └── PolicyRefusal               the release policy forbids the operation
"""

from __future__ import annotations

from cabledesk.phrase import Phrase

__all__ = [
    "ArmorError",
    "CableDeskError",
    "CableFormatError",
    "Cancelled",
    "ClearanceError",
    "ClearanceRefused",
    "ContactError",
    "CryptoError",
    "DirectoryError",
    "DirectoryRefused",
    "ExportError",
    "FieldError",
    "HeaderError",
    "HeaderMacError",
    "InputError",
    "KeyFormatError",
    "KeychainUnavailable",
    "MarkingError",
    "NoIdentityMatch",
    "PackageError",
    "PayloadError",
    "PolicyRefusal",
    "RotationRefused",
    "SchemeError",
    "SearchError",
    "SettingError",
    "SignatureFormatError",
    "SignatureInvalid",
    "SignatureMissing",
    "SourceImportError",
    "ValidationError",
    "VaultError",
    "VaultLocked",
    "VaultNotRolledBack",
    "VaultRolledBack",
    "WeakPassphrase",
    "WrongPassphrase",
]


class CableDeskError(Exception):
    """Root of every error a user may see: a message and an optional hint."""

    def __init__(self, message: str | Phrase, hint: str | Phrase | None = None) -> None:
        self.phrase = message if isinstance(message, Phrase) else None
        self.hint_phrase = hint if isinstance(hint, Phrase) else None
        self.message = message.render() if isinstance(message, Phrase) else message
        self.hint = hint.render() if isinstance(hint, Phrase) else hint
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


class InputError(CableDeskError):
    """A file or stream given to CableDesk cannot be read or written."""


class Cancelled(CableDeskError):
    """The user cancelled a long operation; nothing partial was left behind."""


class SchemeError(CableDeskError):
    """A classification scheme file is malformed; the message names file and line."""


class MarkingError(CableDeskError):
    """A classification marking is unknown or contradictory; names the bad token."""


class CableFormatError(CableDeskError):
    """A cable document (canonical JSON) cannot be decoded."""


class FieldError(CableDeskError):
    """A value given for a cable field (date-time group, reason, date) is malformed."""


class SettingError(CableDeskError):
    """A setting's name is unknown, or the value given for it is not one it accepts."""


class WeakPassphrase(CableDeskError):
    """A passphrase being set (vault, secret-key export, backup, file) is too easy to guess."""


class SourceImportError(CableDeskError):
    """A record from an outside source (such as FRUS) cannot be turned into a cable."""


class ValidationError(CableDeskError):
    """A cable has findings of severity error, which block sealing and export."""


class CryptoError(CableDeskError):
    """Base of every encryption, decryption and signature failure."""


class KeyFormatError(CryptoError):
    """A key, identity or recipient string is malformed."""


class ArmorError(CryptoError):
    """ASCII-armored data is malformed."""


class HeaderError(CryptoError):
    """The header of an age file is malformed."""


class HeaderMacError(CryptoError):
    """The header of an age file does not match its MAC: it was altered."""


class NoIdentityMatch(CryptoError):
    """None of the available keys can open the file."""


class PayloadError(CryptoError):
    """The encrypted content was altered, truncated or extended."""


class SignatureFormatError(CryptoError):
    """A signature is not a well-formed SSHSIG signature."""


class SignatureInvalid(CryptoError):
    """A signature does not match the data, the signer's key or the namespace."""


class SignatureMissing(CryptoError):
    """A document was given without its signature (no ``.sig`` beside it, no bundle)."""


class ContactError(CableDeskError):
    """A contact card is malformed, has a bad self-signature or has expired."""


class RotationRefused(ContactError):
    """A key-rotation statement was read but does not continue a contact: not signed by
    a contact's current key, for another card, replayed, or from a revoked key."""


class DirectoryError(CableDeskError):
    """A security office's anchor or directory is malformed, forged, stale or out of scope."""


class DirectoryRefused(DirectoryError):
    """A directory was read but failed its checks: not signed by a trusted anchor, an
    older serial (a rollback), expired, or an entry outside its anchor's scope."""


class ClearanceError(CableDeskError):
    """A clearance statement (drafted, cleared, approved) is malformed or forged."""


class PackageError(CableDeskError):
    """A sealed cable package is malformed or unsafe to open."""


class VaultError(CableDeskError):
    """Base of the local vault's errors."""


class VaultLocked(VaultError):
    """The vault is locked; unlock it first."""


class WrongPassphrase(VaultError):
    """The passphrase does not open the vault."""


class KeychainUnavailable(VaultError):
    """The operating system's keychain cannot be used on this device."""


class VaultRolledBack(VaultError):
    """The vault database is older than the last state the vault recorded: it was
    replaced by an earlier copy (or the key file was)."""


class VaultNotRolledBack(VaultError):
    """Accepting an older database was asked for, but the vault's database is not
    older than its record: there is nothing to accept, and nothing was changed."""


class SearchError(CableDeskError):
    """A search query cannot be understood."""


class ExportError(CableDeskError):
    """A document cannot be exported."""


class PolicyRefusal(CableDeskError):
    """The release policy forbids this operation; the message says why."""


# --- issue 18: clearance ---


class ClearanceRefused(ClearanceError):
    """A clearance request or answer does not verify, or is not for this draft: refused."""
