"""Checks on the records of a ZIP archive, and the errors of reading one.

Entry names must be relative paths without ``..``, empty or ``.`` components,
backslashes, drive letters or control characters; extra fields must be
well-formed, and an Info-ZIP Unicode Path field (a second name, which ``unzip``
would use instead of the one CableDesk checked) is refused.
"""

from __future__ import annotations

import struct

from cabledesk.errors import PackageError
from cabledesk.seal._zipformat import ZIP64_EXTRA_ID

__all__ = [
    "UnsafeArchive",
    "check_name",
    "damaged",
    "extras",
    "not_a_package",
    "unsafe",
    "unsupported",
    "zip64_values",
]

UNICODE_PATH_EXTRA_ID = 0x7075  # Info-ZIP: a second name, which unzip prefers
MAX_NAME_BYTES = 1024
_EXTRA_HEAD = struct.Struct("<HH")
_DAMAGED_HINT = "Ask the sender for a fresh copy; do not trust any part of this file."


class UnsafeArchive(PackageError):
    """The archive holds something dangerous to unpack."""


def not_a_package() -> PackageError:
    return PackageError(
        "This file opens with your key, but it does not hold a sealed cable.",
        hint="It may be another kind of age-encrypted file: open it with "
        "'cabledesk-cli decrypt' or the age tool.",
    )


def damaged(problem: str) -> PackageError:
    return PackageError(f"This sealed cable is damaged: its archive {problem}.", _DAMAGED_HINT)


def unsupported(feature: str) -> PackageError:
    return PackageError(
        f"This sealed cable's archive uses a ZIP feature CableDesk does not accept: {feature}.",
        hint="Ask the sender to seal it again with CableDesk, or as docs/FORMAT.md describes.",
    )


def unsafe(problem: str) -> UnsafeArchive:
    return UnsafeArchive(
        f"This sealed cable is unsafe to unpack: {problem}.",
        hint="It may have been crafted to harm your computer; do not unpack it with "
        "other tools either.",
    )


def check_name(name: str) -> None:
    shown = name if len(name) <= 80 else name[:80] + "…"
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        raise unsafe("an entry has a name far too long for a file")
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in name):
        raise unsafe("an entry name holds control characters")
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        raise unsafe(f"the entry {shown!r} has an absolute path")
    if "\\" in name or ":" in name:
        raise unsafe(f"the entry {shown!r} holds a Windows path separator or drive")
    parts = name.split("/")
    if ".." in parts:
        raise unsafe(f"the entry {shown!r} climbs out of its folder with '..'")
    if "" in parts or "." in parts:
        raise unsafe(f"the entry {shown!r} is a folder or has an empty path component")


def extras(data: bytes) -> dict[int, bytes]:
    fields: dict[int, bytes] = {}
    at = 0
    while at < len(data):
        if at + _EXTRA_HEAD.size > len(data):
            raise damaged("has a truncated extra field")
        field_id, size = _EXTRA_HEAD.unpack_from(data, at)
        at += _EXTRA_HEAD.size
        if at + size > len(data):
            raise damaged("has a truncated extra field")
        if field_id in fields:
            raise damaged("repeats an extra field")
        fields[field_id] = data[at : at + size]
        at += size
    if UNICODE_PATH_EXTRA_ID in fields:
        raise unsafe("an entry carries a second name that other tools would use instead")
    return fields


def zip64_values(fields: dict[int, bytes], wanted: int) -> list[int]:
    data = fields.get(ZIP64_EXTRA_ID, b"")
    if len(data) < 8 * wanted:
        raise damaged("lacks the ZIP64 sizes it announces")
    return [int.from_bytes(data[8 * i : 8 * i + 8], "little") for i in range(wanted)]
