"""The age v1 header: stanzas, the MAC line, strict parsing and encoding.

Parsing keeps the header bytes exactly as read, so that the MAC is checked over
what was received and not over a re-serialisation. Errors are HeaderError with
the line number.
"""

from __future__ import annotations

from typing import BinaryIO, NamedTuple

from cabledesk.crypto.age._b64 import b64_decode, b64_encode
from cabledesk.errors import HeaderError

__all__ = ["INTRO", "MAX_HEADER_BYTES", "Header", "Stanza", "encode_header", "read_header"]

INTRO = b"age-encryption.org/v1\n"
VERSION_PREFIX = b"age-encryption.org/"
STANZA_PREFIX = b"-> "
MAC_PREFIX = b"---"
COLUMNS = 64
MAC_SIZE = 32
# Not a spec rule: a cap so that a hostile file cannot make us read forever.
MAX_HEADER_BYTES = 1024 * 1024
MAX_STANZAS = 1000
_B64_CHARS = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
_VCHARS = bytes(range(0x21, 0x7F))


# NamedTuple rather than a dataclass: immutable and equal by value the same,
# without importing ``dataclasses`` (and ``inspect``) on the command line's path.
class Stanza(NamedTuple):
    """One recipient stanza: a type, its arguments and its body."""

    type: str
    args: tuple[str, ...]
    body: bytes

    def encode(self) -> bytes:
        line = " ".join((self.type, *self.args)).encode("ascii")
        text = b64_encode(self.body).encode("ascii")
        lines = [text[i : i + COLUMNS] for i in range(0, len(text), COLUMNS)]
        if not lines or len(lines[-1]) == COLUMNS:
            lines.append(b"")
        return STANZA_PREFIX + line + b"\n" + b"".join(x + b"\n" for x in lines)


class Header(NamedTuple):
    """A parsed header; ``signed_bytes`` are the bytes the MAC covers, as read."""

    stanzas: tuple[Stanza, ...]
    mac: bytes
    signed_bytes: bytes


def encode_header(stanzas: list[Stanza]) -> bytes:
    """The header bytes up to and including ``---`` (the MAC is appended by the caller)."""
    return INTRO + b"".join(s.encode() for s in stanzas) + MAC_PREFIX


def _fail(line: int, problem: str) -> HeaderError:
    return HeaderError(
        f"This file is not a valid age-encrypted file: {problem} (header line {line}).",
        hint="It may be damaged, truncated, or not an encrypted file at all.",
    )


def _is_arg(word: bytes) -> bool:
    # translate() in C: a post-quantum stanza's argument has 1,494 characters
    return bool(word) and not word.translate(None, _VCHARS)


def read_header(src: BinaryIO) -> Header:
    """Read and parse the header from ``src``, leaving it at the payload nonce."""
    consumed = 0
    number = 0

    def next_line() -> bytes:
        nonlocal consumed, number
        line = src.readline(MAX_HEADER_BYTES - consumed + 1)
        consumed += len(line)
        number += 1
        if consumed > MAX_HEADER_BYTES:
            raise _fail(number, "the header is too large")
        if not line.endswith(b"\n"):
            raise _fail(number, "the header ends too early")
        return line

    first = src.readline(len(INTRO))
    consumed = len(first)
    number = 1
    if first != INTRO:
        if first.startswith(VERSION_PREFIX):
            raise HeaderError(
                "This file was encrypted with a version of age that CableDesk does not know.",
                hint="Ask the sender to use age v1, or open it with a newer tool.",
            )
        raise _fail(1, "it does not start with the age v1 intro line")
    signed = bytearray(first)
    stanzas: list[Stanza] = []
    line = next_line()
    while True:
        if line.startswith(STANZA_PREFIX):
            signed += line
            words = line[len(STANZA_PREFIX) : -1].split(b" ")
            if not all(_is_arg(w) for w in words):
                raise _fail(number, "a recipient stanza has an empty or invalid argument")
            body = bytearray()
            while True:
                body_line = next_line()
                signed += body_line
                text = body_line[:-1]
                if len(text) > COLUMNS or not set(text) <= _B64_CHARS:
                    raise _fail(number, "a recipient stanza has an invalid body line")
                body += text
                if len(text) < COLUMNS:
                    break
            try:
                decoded = b64_decode(body.decode("ascii"))
            except ValueError:
                raise _fail(number, "a recipient stanza body is not canonical base64") from None
            if len(stanzas) >= MAX_STANZAS:
                raise _fail(number, "the header has too many recipient stanzas")
            text_words = [w.decode("ascii") for w in words]
            stanzas.append(Stanza(text_words[0], tuple(text_words[1:]), decoded))
            line = next_line()
            continue
        if line.startswith(MAC_PREFIX):
            if not line.startswith(MAC_PREFIX + b" "):
                raise _fail(number, "the MAC line is malformed")
            signed += MAC_PREFIX
            try:
                mac = b64_decode(line[len(MAC_PREFIX) + 1 : -1].decode("ascii"))
            except (ValueError, UnicodeDecodeError):
                raise _fail(number, "the MAC is not canonical base64") from None
            if len(mac) != MAC_SIZE:
                raise _fail(number, "the MAC has the wrong length")
            return Header(tuple(stanzas), mac, bytes(signed))
        raise _fail(number, "an unexpected line")
