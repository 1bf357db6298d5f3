"""Cables for the export tests: a modern one with every field, long ones, FRUS telegrams."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass, fields, replace
from datetime import UTC, datetime
from typing import Any

from cabledesk.domain.cable import Addressee, Attachment, Authority, Cable, Paragraph
from cabledesk.domain.frus import cable_from_frus
from cabledesk.domain.scheme import ClassificationScheme
from tests.conftest import DATA

FRUS = DATA / "frus" / "frus-telegrams.jsonl"
CABLE_ID = "2f1d3c4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f"


def modern_cable(**changes: object) -> Cable:
    """A SECRET//ORCON/NOFORN//NODIS cable of the US scheme with every header field and an attachment."""
    cable = Cable(
        id=CABLE_ID,
        scheme="us",
        precedence="IMMEDIATE",
        originator="AMEMBASSY PARIS",
        action=(Addressee("SECSTATE WASHDC", "IMMEDIATE"),),
        info=(Addressee("USMISSION USNATO"), Addressee("AMEMBASSY BERLIN", "ROUTINE")),
        subject="FRANCE: ELYSEE PREVIEWS NATO SUMMIT",
        subject_marking="(U)",
        paragraphs=(
            Paragraph("(C)", "SUMMARY: The Elysee previewed the summit. END SUMMARY."),
            Paragraph("(S//NF)", "The minister said the communique would pass unchanged."),
            Paragraph("(C//REL TO USA, GBR)", "London was briefed the same day."),
            Paragraph("(S//ORCON)", "A source close to the minister added a caveat."),
            Paragraph("(C//NODIS)", "The Ambassador's private view follows."),
            Paragraph("(U)", "Embassy comment: the summit should go smoothly."),
        ),
        dtg=datetime(2024, 3, 15, 12, 30, tzinfo=UTC),
        serial="000123",
        captions=("SIPDIS",),
        tags=("PREL", "FR", "NATO"),
        references=("STATE 123456", "PARIS 000100"),
        authority=Authority("Jane Doe, Ambassador", ("1.4(b)", "1.4(d)"), None, "2049-03-15"),
        signature="DOE",
        attachments=(Attachment("annex.pdf", "Draft communique", 123456, "ab" * 32),),
    )
    return replace(cable, **changes)  # type: ignore[arg-type]


def uk_telegram(**changes: object) -> Cable:
    """A SECRET UK EYES ONLY telegram of the UK scheme: summary, detail, comment, an INFO list."""
    cable = Cable(
        id="7c0b8a52-1d3e-4f60-9a7b-2c4d6e8f0a1b",
        scheme="uk",
        precedence="IMMEDIATE",
        originator="PARIS",
        action=(Addressee("FCDO LONDON"),),
        info=(
            Addressee("UKREP BRUSSELS", "PRIORITY"),
            Addressee("WASHINGTON", "ROUTINE"),
            Addressee("UKMIS NEW YORK", "PRIORITY"),
        ),
        subject="FRANCE: ELYSEE PREVIEWS NATO SUMMIT",
        subject_marking="(OS)",
        paragraphs=(
            Paragraph("(S)", "SUMMARY: The Elysee previewed the summit. END SUMMARY."),
            Paragraph("(S//UKEO)", "The Secretary-General's adviser briefed us alone."),
            Paragraph("(OS)", "The communique is expected to pass unchanged."),
            Paragraph("(OS)", "COMMENT: The summit should go smoothly. END COMMENT."),
        ),
        dtg=datetime(2026, 12, 4, 12, 30, tzinfo=UTC),
        serial="000123",
        references=("YOUR TELNO 456",),
        signature="JONES",
    )
    return replace(cable, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class _MarkedAttachment(Attachment):
    marking: str | None = None


def marked(attachment: Attachment, marking: str | None) -> Attachment:
    """``attachment`` with its own portion mark (``attachments[].marking``, cable/2).

    Until ``Attachment.marking`` exists, a subclass stands in for it; the export
    reads it with ``getattr``.
    """
    if "marking" in {f.name for f in fields(Attachment)}:
        changes: dict[str, Any] = {"marking": marking}  # mypy checks replace()'s keywords
        return replace(attachment, **changes)
    return _MarkedAttachment(**asdict(attachment), marking=marking)


def unclassified_cable(**changes: object) -> Cable:
    """The modern cable with only its unclassified portions: exportable by default."""
    cable = modern_cable()
    fields: dict[str, object] = {
        "paragraphs": (
            *(p for p in cable.paragraphs if p.marking == "(U)"),
            Paragraph("(U)", "A second unclassified paragraph."),
        ),
        "authority": None,
        **changes,
    }
    return replace(cable, **fields)  # type: ignore[arg-type]


def long_cable(pages: int) -> Cable:
    """An unclassified cable of about ``pages`` A4 pages of real telegram text."""
    texts: list[str] = []
    with FRUS.open(encoding="utf-8") as f:
        for line in f:
            texts.extend(json.loads(line)["body"])
            if sum(len(t) for t in texts) > pages * 2700:
                break
    return unclassified_cable(paragraphs=tuple(Paragraph("(U)", t) for t in texts))


def frus_cables(scheme: ClassificationScheme, *, every: int = 1) -> Iterator[Cable]:
    """The FRUS telegrams as cables (every ``every``-th one, plus every classified one)."""
    with FRUS.open(encoding="utf-8") as f:
        for i, line in enumerate(f):
            record = json.loads(line)
            if i % every == 0 or record.get("classification"):
                yield cable_from_frus(record, scheme=scheme)
