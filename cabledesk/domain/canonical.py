"""Canonical JSON for cables: schemas ``cabledesk.cable/1`` and ``cabledesk.cable/2``.

One deterministic encoding, used for storage, signing and the sealed package:
UTF-8, keys sorted, no insignificant whitespace, every field present (``null``
when empty), timestamps as ``YYYY-MM-DDTHH:MM:SSZ``. The same cable always
encodes to the same bytes, and ``decode_cable(encode_cable(c)) == c``.

``/2`` adds an attachment's own marking (``attachments[].marking``) and the
authority block's ``downgrade`` and ``sources``. A cable that uses none of them
is written as ``/1``, byte for byte as before ``/2`` existed, so that hashes,
signatures and clearance statements made on it keep verifying; a cable that uses
one is written as ``/2`` with every ``/2`` field present. Both are read.

Decoding is strict: unknown schema versions, unknown, missing or mistyped
fields, duplicate keys and oversized input raise
:class:`~cabledesk.errors.CableFormatError` naming the field.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from cabledesk.domain.cable import (
    Addressee,
    Attachment,
    Authority,
    Cable,
    Paragraph,
    Provenance,
)
from cabledesk.errors import CableFormatError
from cabledesk.jsonread import Reader

__all__ = [
    "MAX_CABLE_BYTES",
    "SCHEMA_ID",
    "SCHEMA_IDS",
    "SCHEMA_ID_V1",
    "decode_cable",
    "encode_cable",
    "schema_of",
]

SCHEMA_ID_V1 = "cabledesk.cable/1"
SCHEMA_ID = "cabledesk.cable/2"  # the newest this version reads and writes
SCHEMA_IDS = (SCHEMA_ID_V1, SCHEMA_ID)
SCHEMA_FAMILY = "cabledesk.cable/"
MAX_CABLE_BYTES = 32 * 1024 * 1024
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def schema_of(cable: Cable) -> str:
    """The schema a cable is written in: ``/2`` only if it uses a field of ``/2``."""
    uses_v2 = any(a.marking for a in cable.attachments) or (
        cable.authority is not None
        and (cable.authority.downgrade is not None or bool(cable.authority.sources))
    )
    return SCHEMA_ID if uses_v2 else SCHEMA_ID_V1


def encode_cable(cable: Cable) -> bytes:
    """The canonical bytes of a cable (``/1`` unless it needs ``/2``: :func:`schema_of`)."""
    v2 = schema_of(cable) == SCHEMA_ID
    doc = {
        "schema": SCHEMA_ID if v2 else SCHEMA_ID_V1,
        "id": cable.id,
        "scheme": cable.scheme,
        "precedence": cable.precedence,
        "dtg": cable.dtg.astimezone(UTC).strftime(_TIME_FORMAT) if cable.dtg else None,
        "originator": cable.originator,
        "serial": cable.serial,
        "action": [_addressee(a) for a in cable.action],
        "info": [_addressee(a) for a in cable.info],
        "captions": list(cable.captions),
        "tags": list(cable.tags),
        "subject": cable.subject,
        "subject_marking": cable.subject_marking,
        "references": list(cable.references),
        "authority": _authority(cable.authority, v2=v2),
        "paragraphs": [{"marking": p.marking, "text": p.text} for p in cable.paragraphs],
        "signature": cable.signature,
        "attachments": [_attachment(a, v2=v2) for a in cable.attachments],
        "declared_banner": cable.declared_banner,
        "provenance": _provenance(cable.provenance),
    }
    return json.dumps(
        doc, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False
    ).encode("utf-8")


def _addressee(a: Addressee) -> dict[str, Any]:
    return {"name": a.name, "precedence": a.precedence}


def _authority(a: Authority | None, *, v2: bool) -> dict[str, Any] | None:
    if a is None:
        return None
    doc: dict[str, Any] = {
        "classified_by": a.classified_by,
        "reasons": list(a.reasons),
        "derived_from": a.derived_from,
        "declassify_on": a.declassify_on,
    }
    if v2:
        doc |= {"downgrade": a.downgrade, "sources": list(a.sources)}
    return doc


def _attachment(a: Attachment, *, v2: bool) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "name": a.name,
        "description": a.description,
        "size": a.size,
        "sha256": a.sha256,
    }
    if v2:
        doc["marking"] = a.marking or None
    return doc


def _provenance(p: Provenance | None) -> dict[str, Any] | None:
    if p is None:
        return None
    return {
        "source": p.source,
        "record_id": p.record_id,
        "url": p.url,
        "original_marking": p.original_marking,
        "handling": list(p.handling),
        "file_number": p.file_number,
        "received": p.received,
        "notes": list(p.notes),
    }


def decode_cable(data: bytes) -> Cable:
    """Decode canonical JSON (or any equivalent JSON) into a Cable.

    Raises CableFormatError with a message naming the problem and the field.
    """
    if len(data) > MAX_CABLE_BYTES:
        raise CableFormatError(
            f"This cable file is too large ({len(data):,} bytes; the limit is "
            f"{MAX_CABLE_BYTES:,}).",
            hint="Attachments travel beside the cable, not inside its JSON.",
        )
    root = Reader.from_json(data, what="cable")
    schema = root.field("schema").optional_text() if root.has("schema") else None
    if schema is None or not schema.startswith(SCHEMA_FAMILY):
        raise CableFormatError(
            "This file is not a CableDesk cable (it has no 'schema' of the form "
            f"'{SCHEMA_FAMILY}N').",
            hint="Open a cable saved by CableDesk, or create one with 'cabledesk-cli draft new'.",
        )
    if schema not in SCHEMA_IDS:
        raise CableFormatError(
            f"This cable uses the format {schema!r}, which this version of CableDesk "
            f"does not know (it reads {' and '.join(map(repr, SCHEMA_IDS))}).",
            hint="Open it with a newer version of CableDesk.",
        )
    v2 = schema == SCHEMA_ID
    root.only_fields(
        "schema", "id", "scheme", "precedence", "dtg", "originator", "serial", "action", "info",
        "captions", "tags", "subject", "subject_marking", "references", "authority",
        "paragraphs", "signature", "attachments", "declared_banner", "provenance",
    )  # fmt: skip
    dtg_text = root.field("dtg").optional_text()
    return Cable(
        id=root.field("id").text(),
        scheme=root.field("scheme").text(),
        precedence=root.field("precedence").text(),
        dtg=_parse_time(dtg_text, root.field("dtg").path) if dtg_text is not None else None,
        originator=root.field("originator").text(allow_empty=True),
        serial=root.field("serial").optional_text(),
        action=tuple(_read_addressee(r) for r in root.field("action").items()),
        info=tuple(_read_addressee(r) for r in root.field("info").items()),
        captions=root.field("captions").texts(),
        tags=root.field("tags").texts(),
        subject=root.field("subject").text(allow_empty=True),
        subject_marking=root.field("subject_marking").text(allow_empty=True),
        references=root.field("references").texts(),
        authority=_read_authority(root.field("authority"), v2=v2),
        paragraphs=tuple(_read_paragraph(r) for r in root.field("paragraphs").items()),
        signature=root.field("signature").text(allow_empty=True),
        attachments=tuple(_read_attachment(r, v2=v2) for r in root.field("attachments").items()),
        declared_banner=root.field("declared_banner").optional_text(),
        provenance=_read_provenance(root.field("provenance")),
    )


def _parse_time(text: str, path: str) -> datetime:
    try:
        return datetime.strptime(text, _TIME_FORMAT).replace(tzinfo=UTC)
    except ValueError:
        raise CableFormatError(
            f"The field {path} must be a UTC time like 2024-03-15T12:30:00Z, not {text!r}."
        ) from None


def _read_addressee(r: Reader) -> Addressee:
    r.only_fields("name", "precedence")
    return Addressee(name=r.field("name").text(), precedence=r.field("precedence").optional_text())


def _read_paragraph(r: Reader) -> Paragraph:
    r.only_fields("marking", "text")
    return Paragraph(
        marking=r.field("marking").text(allow_empty=True),
        text=r.field("text").text(allow_empty=True),
    )


def _read_authority(r: Reader, *, v2: bool) -> Authority | None:
    if r.is_null():
        return None
    names = ("classified_by", "reasons", "derived_from", "declassify_on")
    r.only_fields(*names, *(("downgrade", "sources") if v2 else ()))
    return Authority(
        classified_by=r.field("classified_by").text(allow_empty=True),
        reasons=r.field("reasons").texts(),
        derived_from=r.field("derived_from").optional_text(),
        declassify_on=r.field("declassify_on").text(allow_empty=True),
        downgrade=_non_empty_or_null(r.field("downgrade")) if v2 else None,
        sources=r.field("sources").texts() if v2 else (),
    )


def _read_attachment(r: Reader, *, v2: bool) -> Attachment:
    r.only_fields("name", "description", "size", "sha256", *(("marking",) if v2 else ()))
    return Attachment(
        name=r.field("name").text(),
        description=r.field("description").text(allow_empty=True),
        size=r.field("size").optional_count(),
        sha256=r.field("sha256").optional_text(),
        marking=(_non_empty_or_null(r.field("marking")) or "") if v2 else "",
    )


def _non_empty_or_null(r: Reader) -> str | None:
    return None if r.is_null() else r.text()


def _read_provenance(r: Reader) -> Provenance | None:
    if r.is_null():
        return None
    r.only_fields(
        "source", "record_id", "url", "original_marking", "handling", "file_number",
        "received", "notes",
    )  # fmt: skip
    return Provenance(
        source=r.field("source").text(),
        record_id=r.field("record_id").text(),
        url=r.field("url").optional_text(),
        original_marking=r.field("original_marking").optional_text(),
        handling=r.field("handling").texts(),
        file_number=r.field("file_number").optional_text(),
        received=r.field("received").optional_text(),
        notes=r.field("notes").texts(),
    )
