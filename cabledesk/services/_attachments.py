"""The attachments of a cable about to be sealed: each file read once, for its size and SHA-256.

A released cable lists its attachments — the name the user sees, the size and
the SHA-256 — and that list is part of what clearance statements sign (the
*clearance form*). ``cable.json`` comes first in the package, before the
attachments stream by, so the hashes must be known before sealing begins:
:func:`describe` reads every file through one descriptor (opened without
following it into a FIFO that would block, sized with ``fstat`` on that same
descriptor), in constant memory. The package writer then reads each file
again as it seals it and refuses one whose bytes are not those hashed here —
a file that changed in between (:func:`cabledesk.seal.seal`).

Names: the name listed is the file's name in Unicode NFC (macOS gives NFD
names; the manifest lists NFC, and the two lists must agree). A name whose
bytes are not UTF-8 is refused (:class:`~cabledesk.errors.InputError`, naming
the file with its bad bytes escaped): it cannot be written as JSON text, and a
name shown with replacement characters would not be the file's. A name that
holds a line break, a control or an invisible character (a bidi override turns
``cod.exe`` into ``exe.doc`` on screen) is refused too: the recipient would read
another name than the file's.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from cabledesk.domain.cable import Attachment, Cable
from cabledesk.domain.visible_text import has_hidden_characters, visible
from cabledesk.errors import Cancelled, InputError
from cabledesk.phrase import Phrase

__all__ = [
    "CHUNK_SIZE",
    "attachment_names",
    "describe",
    "refuse_unattached_markings",
    "shown_path",
]

CHUNK_SIZE = 4 * 1024 * 1024  # bytes read and hashed at a time: one age block
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)


def shown_path(path: Path) -> str:
    """``path`` as text to show: bytes that are not UTF-8 escaped as ``\\xNN``."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def attachment_names(paths: Sequence[Path]) -> list[str]:
    """The names to list for ``paths`` (NFC); InputError for a name that is not UTF-8."""
    return [_name(path) for path in paths]


def describe(
    paths: Sequence[Path],
    *,
    descriptions: Mapping[str, str] | None = None,
    markings: Mapping[str, str] | None = None,
    progress: Callable[[int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> tuple[Attachment, ...]:
    """The attachments to list for ``paths``, in order: NFC name, size, SHA-256.

    ``descriptions`` gives an attachment's description by name (those the draft
    had), ``markings`` its own portion mark by name. ``progress`` receives the
    count of bytes read so far, over all files.
    Raises InputError (a name that is not UTF-8, a file that cannot be read, is
    not a regular file, or changes size while it is read), Cancelled when
    ``cancel()`` turns true.
    """
    described: list[Attachment] = []
    done = 0
    buffer = bytearray(CHUNK_SIZE)
    for path in paths:
        name = _name(path)
        size, sha256, done = _hash(path, buffer, done, progress, cancel)
        described.append(
            Attachment(
                name,
                (descriptions or {}).get(name, ""),
                size=size,
                sha256=sha256,
                marking=(markings or {}).get(name, ""),
            )
        )
    return tuple(described)


def _name(path: Path) -> str:
    try:
        text = os.fsencode(path.name).decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(
            f"The name of the attachment {shown_path(path)} is not valid UTF-8 text.",
            hint="Rename the file, then attach it again.",
        ) from None
    text = unicodedata.normalize("NFC", text)
    if has_hidden_characters(text):
        raise InputError(
            Phrase.of(
                "The name of the attachment {name} holds a line break, a control character "
                "or an invisible character (such as one that reverses the text after it): "
                "shown to the recipient, it would not read as what it is.",
                name=visible(text),
            ),
            hint="Rename the file, then attach it again.",
        )
    return text


def _hash(
    path: Path,
    buffer: bytearray,
    done: int,
    progress: Callable[[int], None] | None,
    cancel: Callable[[], bool] | None,
) -> tuple[int, str, int]:
    """Size and SHA-256 of the file at ``path`` (one descriptor); the new ``done``."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise InputError(f"Cannot read the attachment {shown_path(path)}: {exc.strerror}.") from exc
    with io.FileIO(fd, "rb") as f:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(
                f"The attachment {shown_path(path)} is not a file.", hint="Attach files only."
            )
        digest = hashlib.sha256()
        view = memoryview(buffer)
        size = 0
        while True:
            if cancel is not None and cancel():
                raise Cancelled("The sealing was cancelled.")
            try:
                n = f.readinto(view)
            except OSError as exc:
                raise InputError(f"Cannot read {shown_path(path)}: {exc.strerror}.") from exc
            if not n:
                break
            digest.update(view[:n])
            size += n
            done += n
            if progress is not None:
                progress(done)
    if size != info.st_size:
        raise InputError(
            f"{shown_path(path)} changed while it was being sealed.",
            hint="Close any program that is writing it, then seal again.",
        )
    return size, digest.hexdigest(), done


def refuse_unattached_markings(cable: Cable, attached: Sequence[str]) -> None:
    """Refuse a cable that marks an attachment no file of that name stands for: its
    marking would silently leave the banner (a SECRET annex attached as "Annex.pdf"
    under a cable that lists "annex.pdf")."""
    names = set(attached)
    for a in cable.attachments:
        if a.marking.strip() and a.name not in names:
            raise InputError(
                f"The cable marks its attachment {a.name!r} {a.marking.strip()}, but no file "
                "of that name is attached.",
                hint="Attach the file under the name the cable gives it, or remove it from "
                "the cable's attachments.",
            )
