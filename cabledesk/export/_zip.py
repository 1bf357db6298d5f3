"""Deterministic ZIP archives: entries in the order given, fixed timestamps and attributes.

Python's ``zipfile`` stamps each entry with the current local time and the
creating system; documents and bundles must not carry either (they would
change the bytes, and so the signature, of the same document, and tell when
it was made). Every entry here is dated 1980-01-01 00:00 (the ZIP epoch),
marked as made on MS-DOS (as Office does) with no file attributes, and
compressed at a fixed level. The bytes then depend only on the entries and on
zlib's deflate at that level, which zlib has kept stable across its releases
(a Python linked against zlib-ng, as on recent Fedora, deflates differently:
its documents are as valid, with other bytes).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["ZipEntry", "zip_bytes"]

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
COMPRESS_LEVEL = 6
MSDOS = 0


@dataclass(frozen=True, slots=True)
class ZipEntry:
    """One member: its name in the archive, its bytes, and whether to deflate them."""

    name: str
    data: bytes
    deflate: bool = True

    def __post_init__(self) -> None:
        if not self.name or self.name.startswith("/") or "\\" in self.name:
            raise ValueError(f"bad ZIP entry name {self.name!r}")
        if ".." in self.name.split("/"):
            raise ValueError(f"bad ZIP entry name {self.name!r}")


def zip_bytes(entries: Iterable[ZipEntry]) -> bytes:
    """The archive of ``entries``, in their order; ValueError for a repeated name."""
    out = io.BytesIO()
    seen: set[str] = set()
    with zipfile.ZipFile(out, "w") as zf:
        for entry in entries:
            if entry.name in seen:
                raise ValueError(f"ZIP entry {entry.name!r} repeated")
            seen.add(entry.name)
            info = zipfile.ZipInfo(entry.name, date_time=ZIP_EPOCH)
            info.create_system = MSDOS
            info.external_attr = 0
            info.compress_type = zipfile.ZIP_DEFLATED if entry.deflate else zipfile.ZIP_STORED
            zf.writestr(info, entry.data, compresslevel=COMPRESS_LEVEL if entry.deflate else None)
    return out.getvalue()
