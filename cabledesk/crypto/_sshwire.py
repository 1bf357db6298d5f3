"""Length-checked readers and writers for SSH wire strings (RFC 4251)."""

from __future__ import annotations

import struct

__all__ = ["WireReader", "ed25519_public_blob", "ssh_string"]

ED25519 = b"ssh-ed25519"
_U32 = struct.Struct(">I")


def ssh_string(data: bytes) -> bytes:
    return _U32.pack(len(data)) + data


def ed25519_public_blob(raw: bytes) -> bytes:
    """The wire form of an Ed25519 public key: ``string "ssh-ed25519" || string key``."""
    return ssh_string(ED25519) + ssh_string(raw)


class WireReader:
    """Reads fields from a byte string; every short read raises ValueError."""

    def __init__(self, data: bytes) -> None:
        self._data = memoryview(data)
        self._pos = 0

    def raw(self, n: int) -> bytes:
        if n < 0 or self._pos + n > len(self._data):
            raise ValueError("truncated")
        out = bytes(self._data[self._pos : self._pos + n])
        self._pos += n
        return out

    def u32(self) -> int:
        value: int = _U32.unpack(self.raw(4))[0]
        return value

    def string(self) -> bytes:
        return self.raw(self.u32())

    def done(self) -> bool:
        return self._pos == len(self._data)
