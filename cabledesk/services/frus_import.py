"""Import of FRUS telegram records (JSON lines) as canonical cable files."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from cabledesk.atomic import write_atomic
from cabledesk.domain.canonical import encode_cable
from cabledesk.domain.frus import read_frus_jsonl
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.errors import InputError

__all__ = ["cable_file_name", "import_frus_file"]

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def cable_file_name(record_id: str) -> str:
    """A safe file name for a record id: ``frus1934v04/d8`` → ``frus1934v04_d8.json``."""
    return _UNSAFE.sub("_", record_id).strip("._") + ".json"


def import_frus_file(
    source: Path,
    out_dir: Path,
    schemes: SchemeRegistry,
    *,
    limit: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Write one canonical cable per record of ``source`` into ``out_dir``.

    Returns the number written. Raises InputError if a file cannot be read or
    written, SourceImportError (naming the line) for a malformed record; the
    files written before the bad record stay, each complete.
    """
    scheme = schemes.get_scheme("us")
    try:
        f = source.open("rb")
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"Cannot open {exc.filename}: {exc.strerror}.") from exc
    count = 0
    with f:
        for cable in read_frus_jsonl(f, scheme=scheme, limit=limit):
            assert cable.provenance is not None
            write_atomic(out_dir / cable_file_name(cable.provenance.record_id), encode_cable(cable))
            count += 1
            if progress is not None:
                progress(count)
    return count
