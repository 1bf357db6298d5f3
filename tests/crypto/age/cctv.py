"""Reading a C2SP/CCTV age test vector file: header fields, a blank line, the age file
(zlib-compressed when the header says so)."""

from __future__ import annotations

import zlib
from pathlib import Path


def read_vector(path: Path) -> tuple[dict[str, list[str]], bytes]:
    """The vector's header fields (each name with all its values) and its age file."""
    head, body = path.read_bytes().split(b"\n\n", 1)
    fields: dict[str, list[str]] = {}
    for line in head.decode("ascii").splitlines():
        key, value = line.split(": ", 1)
        fields.setdefault(key, []).append(value)
    if fields.get("compressed") == ["zlib"]:
        body = zlib.decompress(body)
    return fields, body
