"""Historic telegrams from *Foreign Relations of the United States* as cables.

The records are those of ``tests/data/frus/frus-telegrams.jsonl`` (one JSON
object a line, see its README). The mapping, chosen to keep every fact the
source states and to invent nothing:

- the cable id is a UUID5 of the record id, so re-importing gives the same id;
- historic markings map to today's levels: "Secret" → SECRET, "Confidential"
  and "Strictly confidential" → CONFIDENTIAL, none → UNCLASSIFIED; the
  original wording is kept in ``Provenance.original_marking``. Only the
  record's ``classification`` counts (set when the marking opens the
  telegram); the same words found elsewhere stay handling notes;
- these telegrams predate portion marking: every portion (subject included)
  gets the portion mark of the mapped level, and the provenance says so;
- handling words (Paraphrase, Personal, "For the President", code names such
  as Green or Gray…) stay text in ``Provenance.handling``; they are never
  turned into modern controls;
- precedence is ROUTINE unless the telegram is marked "Urgent" (IMMEDIATE);
- the date is the time at the place of origin, not Zulu: it is stored as if
  it were UTC and the provenance says so; a year before 1800 is a known
  encoding slip in the source and is dropped with a note;
- a leading telegram number ("43. Your No. 70…") is the serial and is moved
  out of the first paragraph;
- a missing sender or addressee stays empty: validation reports it.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from typing import Any

from cabledesk.domain.cable import Addressee, Cable, Paragraph, Provenance
from cabledesk.domain.scheme import ClassificationScheme
from cabledesk.errors import SourceImportError

__all__ = ["FRUS_NAMESPACE", "cable_from_frus", "read_frus_jsonl"]

# Fixed namespace for the ids of imported FRUS telegrams (uuid5 of the record id).
FRUS_NAMESPACE = uuid.UUID("6f2b6f0e-3c1d-5b7a-9a51-4c0f3d2e8b10")
MAX_LINE_BYTES = 4 * 1024 * 1024
_LEVEL_OF = {
    "secret": "SECRET",
    "confidential": "CONFIDENTIAL",
    "strictly confidential": "CONFIDENTIAL",
}
_EARLIEST_YEAR = 1800
_LOCAL_TIME_NOTE = "date-time is local to the place of origin, not Zulu"
_MARKS_NOTE = "portion marks assigned on import from the overall marking"


def _text(record: Mapping[str, Any], key: str, record_id: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise SourceImportError(f"FRUS record {record_id}: the field {key!r} must be text.")
    return " ".join(value.split()) or None


def _texts(record: Mapping[str, Any], key: str, record_id: str) -> list[str]:
    value = record.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise SourceImportError(
            f"FRUS record {record_id}: the field {key!r} must be a list of texts."
        )
    return [" ".join(v.split()) for v in value if v.strip()]


def _dtg(text: str | None, notes: list[str]) -> datetime | None:
    if text is None:
        return None
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        notes.append(f"unreadable date in the source: {text}")
        return None
    if when.year < _EARLIEST_YEAR:
        notes.append(f"implausible date in the source dropped: {text}")
        return None
    notes.append(_LOCAL_TIME_NOTE)
    return when.replace(tzinfo=UTC)


def cable_from_frus(record: Mapping[str, Any], *, scheme: ClassificationScheme) -> Cable:
    """One FRUS telegram record as a Cable of ``scheme`` (the US scheme).

    Raises SourceImportError naming the record when a field has the wrong type
    or the record has no text.
    """
    raw_id = record.get("id")
    if not isinstance(raw_id, str) or not raw_id.strip():
        raise SourceImportError("A FRUS record has no 'id'.")
    record_id = raw_id.strip()
    body = _texts(record, "body", record_id)
    if not body:
        raise SourceImportError(f"FRUS record {record_id} has no text.")
    original = _text(record, "classification", record_id)
    level = scheme.level_named(_LEVEL_OF.get((original or "").lower(), scheme.lowest.name))
    mark = f"({level.portion})"
    serial = _text(record, "telegram_number", record_id)
    if serial and body[0].startswith(f"{serial}. "):
        body[0] = body[0][len(serial) + 2 :].strip() or body[0]
    handling = _texts(record, "handling", record_id)
    notes = [_MARKS_NOTE]
    dtg = _dtg(_text(record, "date", record_id), notes)
    to = _text(record, "to", record_id)
    title = _text(record, "title", record_id) or ""
    return Cable(
        id=str(uuid.uuid5(FRUS_NAMESPACE, record_id)),
        scheme=scheme.id,
        precedence="IMMEDIATE" if "Urgent" in handling else "ROUTINE",
        dtg=dtg,
        serial=serial,
        originator=_text(record, "from", record_id) or "",
        action=(Addressee(to),) if to else (),
        subject=title.removesuffix(".") if title != "[Untitled]" else "",
        subject_marking=mark,
        paragraphs=tuple(Paragraph(mark, p) for p in body),
        signature=_text(record, "signed", record_id) or "",
        provenance=Provenance(
            source="FRUS",
            record_id=record_id,
            url=_text(record, "url", record_id),
            original_marking=original,
            handling=tuple(handling),
            file_number=_text(record, "file_number", record_id),
            received=_text(record, "received", record_id),
            notes=tuple(notes),
        ),
    )


def read_frus_jsonl(
    lines: Iterable[str | bytes],
    *,
    scheme: ClassificationScheme,
    limit: int | None = None,
) -> Iterator[Cable]:
    """Cables from the lines of a FRUS JSON-lines file; blank lines are skipped.

    Raises SourceImportError naming the line number of a malformed record.
    """
    count = 0
    for number, line in enumerate(lines, start=1):
        if limit is not None and count >= limit:
            return
        if len(line) > MAX_LINE_BYTES:
            raise SourceImportError(f"Line {number} of the FRUS file is too long to be a record.")
        try:
            text = line.decode("utf-8") if isinstance(line, bytes) else line
            if not text.strip():
                continue
            record = json.loads(text)
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise SourceImportError(
                f"Line {number} of the FRUS file is not a JSON record.",
                hint="The file must hold one JSON object per line.",
            ) from None
        if not isinstance(record, dict):
            raise SourceImportError(f"Line {number} of the FRUS file is not a JSON object.")
        try:
            cable = cable_from_frus(record, scheme=scheme)
        except SourceImportError as exc:
            raise SourceImportError(f"Line {number}: {exc.message}", hint=exc.hint) from None
        count += 1
        yield cable
