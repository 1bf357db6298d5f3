"""What the drafting-rule case tables share: a correct modern cable, and how a row's
expectation is checked.

A row expects, for one field, either a finding of one severity whose message
contains some words, or no finding at all on that field (``OK``).
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

from cabledesk.domain.cable import Addressee, Authority, Cable, Paragraph, Provenance
from cabledesk.domain.frus import FRUS_NAMESPACE
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.domain.validation import Finding, validate

SCHEMES = SchemeRegistry.load()
TODAY = date(2026, 11, 23)
DTG = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
ERROR = "error"
WARNING = "warning"
OK = None
FRUS = Provenance("FRUS", "frus1918/d1")

Expect = tuple[str | None, str, str]


def modern(**change: Any) -> Cable:
    """A SECRET cable of today that breaks no rule; ``change`` replaces fields. With a FRUS
    provenance it gets the id the importer gives that record (an imported record)."""
    source = change.get("provenance")
    if source is not None and source.source == "FRUS" and "id" not in change:
        change["id"] = str(uuid.uuid5(FRUS_NAMESPACE, source.record_id))
    cable = Cable(
        id="c1",
        scheme="us",
        precedence="IMMEDIATE",
        originator="AMEMBASSY PARIS",
        action=(Addressee("SECSTATE WASHDC"),),
        subject="FRANCE: SUMMIT PREVIEW",
        subject_marking="(U)",
        paragraphs=(Paragraph("(C)", "The minister said."), Paragraph("(S//NF)", "Comment.")),
        dtg=DTG,
        tags=("PREL", "FR"),
        authority=Authority("Jane Doe, Ambassador", ("1.4(b)", "1.4(d)"), None, "2036-11-20"),
        signature="DOE",
    )
    return replace(cable, **change)


def authority(declassify_on: str = "2036-11-20", **change: Any) -> Authority:
    """The authority block of :func:`modern` with another "Declassify on" and changes."""
    return replace(
        Authority("Jane Doe, Ambassador", ("1.4(b)", "1.4(d)"), None, declassify_on), **change
    )


def findings(cable: Cable, *, rules: int | None = None) -> list[Finding]:
    scheme = SCHEMES[cable.scheme]
    if rules is None:
        return validate(cable, scheme, today=TODAY)
    return validate(cable, scheme, today=TODAY, rules=rules)


def check(found: list[Finding], expect: Expect) -> None:
    severity, field, words = expect
    on_field = [f for f in found if f.field == field]
    if severity is None:
        assert on_field == [], on_field
        return
    assert any(f.severity == severity and words in f.message for f in on_field), found
