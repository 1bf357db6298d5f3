"""The marking an imported historical record shows in place of a live banner.

A telegram published in *Foreign Relations of the United States* is no longer
classified: its original marking is history. Showing it as a live banner
("SECRET") on a page or a screen would mark a public document as secret; showing
nothing would hide what the source says. FRUS editorial practice prints the
original marking in the source note and the volume's year identifies the
publication, so the record shows both: ``SECRET — declassified, published in
FRUS 1918`` (E.O. 13526 §3.3 and §3.5: declassified information once published
stays declassified; the original marking is kept as a record of its past, and
marked as such: 32 CFR 2001.25 on declassification markings, "cancelled").

:func:`historical_marking` gives that text only for a cable that is still the
import it was made as: a FRUS provenance, the id the importer gives that
record, one portion mark throughout matching the original marking, and none of
a modern cable's fields (captions, authority block, references, attachments).
A cable edited into something else gets its live banner again: provenance in a
file is a claim, not a declassification.
"""

from __future__ import annotations

import re
import uuid
from datetime import date

from cabledesk.domain._frus_dates import volume_period
from cabledesk.domain.cable import Cable
from cabledesk.domain.frus import FRUS_NAMESPACE, mapped_level
from cabledesk.domain.scheme import ClassificationScheme

__all__ = ["NO_MARKING", "historical_marking", "is_import", "record_day"]

FRUS_SOURCE = "FRUS"
NO_MARKING = "NO CLASSIFICATION MARKING"  # FRUS source notes: "No classification marking."
_DASH = "\u2014"
# The importer's note of a local sending time it could not turn into a DTG.
_SENT = re.compile(r"^sent (\d{4}-\d{2}-\d{2})\b")


def historical_marking(cable: Cable, scheme: ClassificationScheme) -> str | None:
    """``SECRET — declassified, published in FRUS 1918`` for an imported FRUS record
    as imported; None for any other cable (it shows its computed banner)."""
    source = cable.provenance
    if source is None or source.source != FRUS_SOURCE:
        return None
    period = volume_period(source.record_id)
    if period is None or cable.id != str(uuid.uuid5(FRUS_NAMESPACE, source.record_id)):
        return None
    if cable.captions or cable.authority or cable.references or cable.attachments:
        return None
    expected = f"({mapped_level(source.original_marking, scheme).portion})"
    marks = {cable.subject_marking, *(p.marking for p in cable.paragraphs)}
    if marks != {expected}:
        return None
    start, end = period
    year = str(start) if start == end else f"{start}{_DASH}{end}"
    if not source.original_marking:
        return f"{NO_MARKING} {_DASH} published in FRUS {year}"
    return f"{source.original_marking.upper()} {_DASH} declassified, published in FRUS {year}"


def record_day(cable: Cable) -> date | None:
    """The day a cable was sent: its DTG's, or for a FRUS record as imported whose
    local sending time could not become a DTG, the day its source gives. None if
    unknown."""
    if cable.dtg is not None:
        return cable.dtg.date()
    source = cable.provenance
    if source is None or source.source != FRUS_SOURCE:
        return None
    if cable.id != str(uuid.uuid5(FRUS_NAMESPACE, source.record_id)):
        return None
    for note in source.notes:
        found = _SENT.match(note)
        if found:
            try:
                return date.fromisoformat(found.group(1))
            except ValueError:
                return None
    return None


def is_import(cable: Cable) -> bool:
    """Whether ``cable`` is a record as CableDesk's importer made it: a FRUS provenance
    and the id the importer gives that record. Any other provenance is a claim in a
    file, and buys no leniency from the drafting rules."""
    source = cable.provenance
    return (
        source is not None
        and source.source == FRUS_SOURCE
        and cable.id == str(uuid.uuid5(FRUS_NAMESPACE, source.record_id))
    )
