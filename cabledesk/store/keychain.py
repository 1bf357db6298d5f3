""" "Remember on this device": the database key in the operating system's keychain.

:class:`SystemKeychain` stores the vault's database key through ``keyring``
(service ``CableDesk``, one entry per vault, named by the vault id), in the
Secret Service (GNOME Keyring, KWallet) on Linux, the Keychain on macOS and
the Credential Locker on Windows. Only those backends are used: where
``keyring`` offers nothing better than a plain file, or nothing at all (a
headless Linux without a Secret Service), :meth:`SystemKeychain.status`
says so in plain words, every other call raises
:class:`~cabledesk.errors.KeychainUnavailable`, and the caller falls back to
the passphrase. A secret is never silently written to a plain file.

Tests pass their own ``keyring`` backend (kept in memory) to the constructor;
an explicitly passed backend is trusted as it is.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from cabledesk.errors import KeychainUnavailable

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

__all__ = ["SERVICE", "Keychain", "KeychainStatus", "SystemKeychain"]

SERVICE = "CableDesk"
KEY_SIZE = 32
# Backends that keep secrets encrypted by the operating system.
SECURE_BACKENDS = frozenset(
    {
        "keyring.backends.SecretService",
        "keyring.backends.libsecret",
        "keyring.backends.kwallet",
        "keyring.backends.macOS",
        "keyring.backends.Windows",
    }
)
_NO_KEYCHAIN = (
    "This computer has no usable keychain (such as GNOME Keyring, KWallet, the macOS "
    "Keychain or the Windows Credential Locker), so CableDesk cannot remember the vault "
    "here; you will type your passphrase each time."
)


@dataclass(frozen=True, slots=True)
class KeychainStatus:
    """Whether a keychain can be used, which one, and if not, why (for the user)."""

    usable: bool
    name: str
    reason: str = ""


class Keychain(Protocol):
    """Where the database key of a vault can be remembered."""

    def status(self) -> KeychainStatus: ...

    def store(self, vault_id: str, key: bytes) -> None: ...

    def load(self, vault_id: str) -> bytearray | None: ...

    def delete(self, vault_id: str) -> None: ...


def _entry(vault_id: str) -> str:
    return f"vault-{vault_id}"


class SystemKeychain:
    """The OS keychain through ``keyring``; see the module docstring."""

    def __init__(self, backend: KeyringBackend | None = None) -> None:
        self._backend = backend
        self._explicit = backend is not None

    def _resolve(self) -> tuple[KeyringBackend | None, KeychainStatus]:
        if self._explicit:
            assert self._backend is not None
            return self._backend, KeychainStatus(True, _describe(self._backend))
        try:
            import keyring
            from keyring.backends.chainer import ChainerBackend

            backend = keyring.get_keyring()
            candidates = backend.backends if isinstance(backend, ChainerBackend) else [backend]
        except Exception:  # keyring's own start-up can fail in many ways
            return None, KeychainStatus(False, "none", _NO_KEYCHAIN)
        secure = [b for b in candidates if type(b).__module__ in SECURE_BACKENDS]
        if not secure:
            return None, KeychainStatus(False, _describe(backend), _NO_KEYCHAIN)
        return secure[0], KeychainStatus(True, _describe(secure[0]))

    def status(self) -> KeychainStatus:
        return self._resolve()[1]

    def _backend_or_raise(self) -> KeyringBackend:
        backend, status = self._resolve()
        if backend is None:
            raise KeychainUnavailable(status.reason)
        return backend

    def store(self, vault_id: str, key: bytes) -> None:
        backend = self._backend_or_raise()
        try:
            backend.set_password(SERVICE, _entry(vault_id), base64.b64encode(key).decode())
        except Exception as exc:  # D-Bus, locked collection, user refused…
            raise _failed("store the vault key in", backend, exc) from None

    def load(self, vault_id: str) -> bytearray | None:
        """The remembered key, or None if this vault is not remembered here."""
        backend = self._backend_or_raise()
        try:
            text = backend.get_password(SERVICE, _entry(vault_id))
        except Exception as exc:
            raise _failed("read the vault key from", backend, exc) from None
        if text is None:
            return None
        try:
            key = bytearray(base64.b64decode(text, validate=True))
        except binascii.Error:
            return None  # not ours or damaged: the passphrase still works
        return key if len(key) == KEY_SIZE else None

    def delete(self, vault_id: str) -> None:
        """Forget the key of this vault; nothing happens if it was not remembered."""
        backend = self._backend_or_raise()
        try:
            if backend.get_password(SERVICE, _entry(vault_id)) is not None:
                backend.delete_password(SERVICE, _entry(vault_id))
        except Exception as exc:
            raise _failed("remove the vault key from", backend, exc) from None


def _describe(backend: object) -> str:
    name = getattr(backend, "name", None)
    return str(name) if name else type(backend).__name__


def _failed(action: str, backend: object, exc: Exception) -> KeychainUnavailable:
    return KeychainUnavailable(
        f"CableDesk could not {action} the keychain ({_describe(backend)}): {type(exc).__name__}.",
        hint="Unlock the keychain (it may be locked), or use your passphrase.",
    )
