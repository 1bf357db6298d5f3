"""Sealed cables kept beside the archive: the ``.cable`` files as sent or received.

They are age files encrypted to their recipients (the user always among
them), so they are safe at rest as they are. Each gets a random name, so
that nothing about a cable shows in the folder listing.
"""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

__all__ = ["keep_copy"]


def keep_copy(folder: Path, source: Path) -> str:
    """Copy ``source`` into ``folder`` atomically; returns the new file's name."""
    name = f"{uuid.uuid4().hex}.cable"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    tmp = folder / f".{name}.part"
    try:
        shutil.copyfile(source, tmp)
        tmp.replace(folder / name)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return name
