"""ASCII armor for age files (strict RFC 7468, as the age spec requires).

:class:`ArmorWriter` wraps an output stream; :class:`ArmorReader` unwraps an
input stream line by line, in constant memory. Only whitespace may surround
the block; lines are 64 columns but the last, which is not empty; LF or CRLF
line endings; canonical padded base64.
"""

from __future__ import annotations

import base64
import binascii
import io
from typing import BinaryIO

from cabledesk.errors import ArmorError

__all__ = ["BEGIN", "END", "ArmorReader", "ArmorWriter", "looks_armored"]

BEGIN = b"-----BEGIN AGE ENCRYPTED FILE-----"
END = b"-----END AGE ENCRYPTED FILE-----"
COLUMNS = 64
BYTES_PER_LINE = COLUMNS // 4 * 3
_WHITESPACE = b" \t\r\n"
_MAX_TRAILER = 1024
_B64 = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")


def looks_armored(prefix: bytes) -> bool:
    """True if a file starting with ``prefix`` is meant to be armored text.

    Anything that is not a binary age file and looks like a PEM block (even a
    damaged one) is treated as armor, so that its error says what is wrong.
    """
    stripped = prefix.lstrip(_WHITESPACE)
    if not stripped or stripped.startswith(b"age-encryption.org/"):
        return False
    return stripped.startswith(b"-") or b"-----BEGIN" in prefix


def _fail(problem: str) -> ArmorError:
    return ArmorError(
        f"This armored age file is malformed: {problem}.",
        hint="It may have been changed in transit (e.g. by a mail program); "
        "ask for the file as an attachment.",
    )


class ArmorWriter(io.RawIOBase):
    """Writes armored text to ``dst``; :meth:`close` writes the end line (not closing ``dst``)."""

    def __init__(self, dst: BinaryIO) -> None:
        super().__init__()
        self._dst = dst
        self._pending = bytearray()
        dst.write(BEGIN + b"\n")

    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        self._pending += data
        usable = len(self._pending) // BYTES_PER_LINE * BYTES_PER_LINE
        if usable:
            text = base64.b64encode(bytes(self._pending[:usable]))
            self._dst.write(
                b"".join(text[i : i + COLUMNS] + b"\n" for i in range(0, len(text), COLUMNS))
            )
            del self._pending[:usable]
        return len(data)

    def close(self) -> None:
        if not self.closed:
            if self._pending:
                self._dst.write(base64.b64encode(bytes(self._pending)) + b"\n")
            self._dst.write(END + b"\n")
        super().close()


class ArmorReader(io.RawIOBase):
    """Reads the binary content of an armored block from ``src``."""

    def __init__(self, src: BinaryIO) -> None:
        super().__init__()
        self._src = src
        self._buffer = bytearray()
        self._done = False
        self._short_seen = False
        first = self._skip_leading_whitespace()
        if self._strip_eol(first + src.readline(len(BEGIN) + 2)) != BEGIN:
            raise _fail("it does not start with the age armor line")

    def _skip_leading_whitespace(self) -> bytes:
        while True:
            c = self._src.read(1)
            if not c:
                raise _fail("it is empty")
            if c not in _WHITESPACE:
                return c

    @staticmethod
    def _strip_eol(line: bytes) -> bytes:
        if line.endswith(b"\r\n"):
            return line[:-2]
        if line.endswith(b"\n"):
            return line[:-1]
        return line

    def readable(self) -> bool:
        return True

    def _next_line(self) -> None:
        raw = self._src.readline(COLUMNS + 3)
        if not raw:
            raise _fail("the end line is missing")
        line = self._strip_eol(raw)
        if line == END:
            if not raw.endswith(b"\n") and raw.endswith(b"\r"):
                raise _fail("a line ends with a lone carriage return")
            trailer = self._src.read(_MAX_TRAILER + 1)
            if len(trailer) > _MAX_TRAILER or trailer.strip(_WHITESPACE):
                raise _fail("there is data after the end line")
            self._done = True
            return
        if not raw.endswith(b"\n"):
            raise _fail("a line is too long or the end line is missing")
        if self._short_seen:
            raise _fail("a short line is followed by more data")
        if not line or len(line) > COLUMNS or not set(line) <= _B64:
            raise _fail("a line has the wrong length or an invalid character")
        if len(line) < COLUMNS:
            self._short_seen = True
        try:
            data = base64.b64decode(line, validate=True)
        except (binascii.Error, ValueError):
            raise _fail("a line is not valid base64") from None
        if base64.b64encode(data) != line:
            raise _fail("a line is not canonical base64")
        if b"=" in line:
            self._short_seen = True
        self._buffer += data

    def readinto(self, b: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._buffer and not self._done:
            self._next_line()
        n = min(len(b), len(self._buffer))
        b[:n] = self._buffer[:n]
        del self._buffer[:n]
        return n
