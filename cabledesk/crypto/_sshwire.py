"""Length-checked readers and writers of the SSH wire encoding (RFC 4251 §5).

The SSH encoding has two shapes here: ``uint32`` (4 bytes, big-endian) and
``string`` (a ``uint32`` length, then that many bytes). :class:`WireReader`
reads them from a byte string and raises :class:`WireError` (a ``ValueError``)
for every read past the end, so a truncated or lying length can never yield a
short field; :func:`ssh_string` writes one. Also the wire form of an Ed25519
public key and signature, which SSHSIG, key lines and fingerprints share.

Callers catch :class:`WireError` and turn it into their own user-facing error.
"""

from __future__ import annotations

import struct

__all__ = [
    "ED25519",
    "ED25519_KEY_SIZE",
    "ED25519_SIG_SIZE",
    "WireError",
    "WireReader",
    "ed25519_public_blob",
    "ed25519_signature_blob",
    "printable",
    "read_ed25519_public_blob",
    "ssh_string",
]

ED25519 = b"ssh-ed25519"
ED25519_KEY_SIZE = 32
ED25519_SIG_SIZE = 64
_U32 = struct.Struct(">I")
_MAX_U32 = 0xFFFF_FFFF


class WireError(ValueError):
    """The bytes are not the expected SSH wire encoding (the message says how)."""


def ssh_string(data: bytes) -> bytes:
    """``data`` as an SSH ``string``: its length as a big-endian uint32, then the bytes."""
    if len(data) > _MAX_U32:
        raise ValueError("an SSH string holds at most 2**32 - 1 bytes")
    return _U32.pack(len(data)) + bytes(data)


def ed25519_public_blob(raw: bytes) -> bytes:
    """The wire form of an Ed25519 public key: ``string "ssh-ed25519" || string key``."""
    if len(raw) != ED25519_KEY_SIZE:
        raise ValueError("an Ed25519 public key is 32 bytes")
    return ssh_string(ED25519) + ssh_string(raw)


def ed25519_signature_blob(raw: bytes) -> bytes:
    """The wire form of an Ed25519 signature: ``string "ssh-ed25519" || string sig``."""
    if len(raw) != ED25519_SIG_SIZE:
        raise ValueError("an Ed25519 signature is 64 bytes")
    return ssh_string(ED25519) + ssh_string(raw)


def read_ed25519_public_blob(blob: bytes) -> bytes:
    """The raw 32-byte key of a wire-encoded Ed25519 public key.

    Raises :class:`WireError`; its message names the key type when the blob is
    well formed but not Ed25519 (``unsupported key type 'ssh-rsa'``).
    """
    r = WireReader(blob)
    key_type = r.string()
    if key_type != ED25519:
        raise WireError(f"unsupported key type {printable(key_type)}")
    raw = r.string()
    if len(raw) != ED25519_KEY_SIZE:
        raise WireError("the Ed25519 key is not 32 bytes")
    r.finish("the key")
    return raw


def printable(name: bytes, limit: int = 40) -> str:
    """A short, quoted, escaped rendering of an untrusted name for messages."""
    text = name[:limit].decode("ascii", "backslashreplace")
    return repr(text + ("…" if len(name) > limit else ""))


class WireReader:
    """Reads SSH wire fields from ``data`` front to back; never reads past its end."""

    __slots__ = ("_data", "_pos")

    def __init__(self, data: bytes) -> None:
        self._data = bytes(data)
        self._pos = 0

    def raw(self, n: int) -> bytes:
        """The next ``n`` bytes; raises WireError if fewer remain."""
        if n < 0 or n > len(self._data) - self._pos:
            raise WireError("it is truncated")
        out = self._data[self._pos : self._pos + n]
        self._pos += n
        return out

    def u32(self) -> int:
        """The next big-endian uint32."""
        value: int = _U32.unpack(self.raw(4))[0]
        return value

    def string(self) -> bytes:
        """The next SSH ``string`` (its length is checked against what remains)."""
        return self.raw(self.u32())

    def done(self) -> bool:
        """True when every byte has been read."""
        return self._pos == len(self._data)

    def finish(self, what: str) -> None:
        """Raise WireError if bytes remain after the last field of ``what``."""
        if not self.done():
            raise WireError(f"there is data after {what}")
