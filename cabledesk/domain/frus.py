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
- the dateline's time is local to the place of origin, never Zulu: the
  provenance keeps it as written ("sent 1934-04-25 18:00 local time
  (Washington)"), and the date-time group is that moment in UTC only when the
  place's time zone is known at that date; otherwise (or for a date without a
  time) there is no date-time group. A date outside the volume's period (an
  encoding slip such as year 201) is read again from the dateline, where a
  two-digit year takes the century of the volume's period (see
  ``_frus_dates``);
- sender and addressee are split from the title at the " to " that the
  source's own tags point at, so "The Commission to Negotiate Peace to the
  Secretary of State" has the Commission as its sender;
- a leading telegram number ("43. Your No. 70…") is the serial and is moved
  out of the first paragraph; a paragraph number the source wrote in the text
  ("163. 1. Nothing…", "2. The Minister…") is dropped where it is the number
  CableDesk gives that paragraph, so it is not printed twice;
- a missing sender or addressee stays empty: validation reports it.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, date, datetime
from typing import Any

from cabledesk.domain._frus_dates import sent_time
from cabledesk.domain.cable import Addressee, Cable, Paragraph, Provenance
from cabledesk.domain.scheme import ClassificationScheme, Level
from cabledesk.errors import SourceImportError

__all__ = ["FRUS_NAMESPACE", "cable_from_frus", "mapped_level", "parties", "read_frus_jsonl"]

# Fixed namespace for the ids of imported FRUS telegrams (uuid5 of the record id).
FRUS_NAMESPACE = uuid.UUID("6f2b6f0e-3c1d-5b7a-9a51-4c0f3d2e8b10")
MAX_LINE_BYTES = 4 * 1024 * 1024
_LEVEL_OF = {
    "secret": "SECRET",
    "confidential": "CONFIDENTIAL",
    "strictly confidential": "CONFIDENTIAL",
}
_MARKS_NOTE = "portion marks assigned on import from the overall marking"
_PARTY_SEPARATOR = " to "
_NUMBERED = re.compile(r"^(\d{1,3})\.\s+(?=\S)")


def mapped_level(original: str | None, scheme: ClassificationScheme) -> Level:
    """Today's level for a historic marking ("Strictly confidential" → CONFIDENTIAL)."""
    return scheme.level_named(_LEVEL_OF.get((original or "").lower(), scheme.lowest.name))


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


def _dtg(
    record: Mapping[str, Any], record_id: str, notes: list[str], today: date
) -> datetime | None:
    iso = _text(record, "date", record_id)
    dateline = _text(record, "dateline", record_id)
    place = _text(record, "place", record_id)
    sent = sent_time(iso, dateline, place, record_id, today=today)
    if sent is None:
        if iso is not None:
            notes.append(f"implausible date in the source dropped: {iso}")
        return None
    if sent.from_dateline:
        notes.append(f"date read from the dateline: {dateline}")
    notes.append(sent.note(place))
    if sent.utc is not None:
        notes.append(f"date-time group converted from local time ({sent.zone})")
    elif sent.local_time is not None:
        notes.append("no date-time group: the local time zone is not known")
    return sent.utc


def parties(record: Mapping[str, Any], record_id: str) -> tuple[str, str]:
    """Sender and addressee: the title split at the " to " the source's tags point at.

    FRUS heads read "SENDER to ADDRESSEE", and a name may hold " to " itself
    ("The Commission to Negotiate Peace"). The split chosen is the one whose left
    part holds the tagged sender and whose right part holds the tagged addressee;
    without a title (or a " to " in it), the record's own fields.
    """
    title = (_text(record, "title", record_id) or "").removesuffix(".")
    sender = _text(record, "from", record_id) or ""
    addressee = _text(record, "to", record_id) or ""
    cuts = [m.start() for m in re.finditer(re.escape(_PARTY_SEPARATOR), title)]
    if not cuts:
        return sender, addressee
    tagged_from = (_text(record, "from_tagged", record_id) or "").lower()
    tagged_to = (_text(record, "to_tagged", record_id) or "").lower()

    def score(cut: int) -> int:
        left, right = title[:cut].lower(), title[cut + len(_PARTY_SEPARATOR) :].lower()
        return (bool(tagged_from) and tagged_from in left) + (
            bool(tagged_to) and tagged_to in right
        )

    best = max(cuts, key=lambda cut: (score(cut), -cut))  # the first among equals
    return title[:best].strip(), title[best + len(_PARTY_SEPARATOR) :].strip()


def _body(body: list[str], serial: str | None) -> list[str]:
    """The paragraphs without the telegram number and without the source's paragraph
    numbers where they are the ones CableDesk prints."""
    if serial and body[0].startswith(f"{serial}. "):
        body[0] = body[0][len(serial) + 2 :].strip() or body[0]
    out = []
    for number, text in enumerate(body, start=1):
        match = _NUMBERED.match(text)
        if match and int(match.group(1)) == number:
            text = text[match.end() :]
        out.append(text)
    return out


def cable_from_frus(
    record: Mapping[str, Any], *, scheme: ClassificationScheme, today: date | None = None
) -> Cable:
    """One FRUS telegram record as a Cable of ``scheme`` (the US scheme).

    ``today`` (default: the current UTC date) bounds the dates believed.
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
    level = mapped_level(original, scheme)
    mark = f"({level.portion})"
    serial = _text(record, "telegram_number", record_id)
    body = _body(body, serial)
    handling = _texts(record, "handling", record_id)
    notes = [_MARKS_NOTE]
    dtg = _dtg(record, record_id, notes, today or datetime.now(UTC).date())
    sender, to = parties(record, record_id)
    title = _text(record, "title", record_id) or ""
    return Cable(
        id=str(uuid.uuid5(FRUS_NAMESPACE, record_id)),
        scheme=scheme.id,
        precedence="IMMEDIATE" if "Urgent" in handling else "ROUTINE",
        dtg=dtg,
        serial=serial,
        originator=sender,
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
