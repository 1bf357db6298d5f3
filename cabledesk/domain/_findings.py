"""Findings, and how a rule's version and a record's age decide their severity.

A rule raises a finding as an error or a warning. Two things can soften it:

- its **version** (``since``): drafting rules are versioned (``RULES_VERSION``);
  a finding from a rule newer than the rules a cable is checked with is a
  warning, so that "rules that become errors apply to new drafts, and show as
  warnings on existing ones";
- the record's **age**: an imported historic record (a cable with a
  provenance) cannot be redrafted. A rule says how it applies to one
  (:class:`Historic`): as to any cable, as a warning (a practice that did not
  exist in the record's time, or a field its source does not record), or not at
  all (an anachronism: measuring a 1918 telegram against today's calendar or
  today's list of precedences).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum, StrEnum

from cabledesk.domain.cable import Cable
from cabledesk.domain.historical import record_day
from cabledesk.phrase import Phrase

__all__ = [
    "EO_13526_EFFECTIVE",
    "RULES_VERSION",
    "Finding",
    "Findings",
    "Historic",
    "Severity",
    "before",
    "until",
]

# Version 1: the first release's rules. Version 2: declassification (E.O. 13526 §1.5,
# §3.3), captions, attachment markings, marks typed into the text, per-addressee
# precedence, DTG in the future, TAGS required as an error.
RULES_VERSION = 2
# E.O. 13526 took effect 180 days after it was signed (29 December 2009): a record dated
# since then was made under today's declassification rules and caption practice.
EO_13526_EFFECTIVE = date(2010, 6, 27)


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem: how bad, where (a field name or ``paragraphs[N]``), and what to do.

    ``since`` is the version of the drafting rules that introduced the rule.
    """

    severity: Severity
    field: str
    message: str
    # The message as a phrase that a face can translate (None: a message from elsewhere,
    # such as the marking parser's).
    phrase: Phrase | None = None
    since: int = 1


class Historic(Enum):
    """How a rule applies to an imported historic record."""

    KEEP = "keep"  # as to any cable
    WARN = "warn"  # a warning at most
    SKIP = "skip"  # not at all: the finding would be an anachronism


@dataclass(slots=True)
class Findings:
    """The findings collected for one cable, checked with rules version ``rules``."""

    rules: int
    imported: bool
    today: date
    out: list[Finding] = field(default_factory=list)

    def error(
        self,
        field: str,
        message: Phrase,
        *,
        since: int = 1,
        historic: Historic = Historic.KEEP,
    ) -> None:
        """An error, or a warning when the rule is newer than ``rules`` or softened for
        an imported record."""
        if self.imported and historic is Historic.SKIP:
            return
        soft = since > self.rules or (self.imported and historic is Historic.WARN)
        severity = Severity.WARNING if soft else Severity.ERROR
        self.out.append(Finding(severity, field, message.render(), message, since))

    def warn(
        self,
        field: str,
        message: Phrase,
        *,
        since: int = 1,
        historic: Historic = Historic.KEEP,
    ) -> None:
        if self.imported and historic is Historic.SKIP:
            return
        self.out.append(Finding(Severity.WARNING, field, message.render(), message, since))


def before(cable: Cable, day: date) -> bool:
    """Whether the cable was sent before ``day`` (:func:`.historical.record_day`; an
    undated cable was not)."""
    sent = record_day(cable)
    return sent is not None and sent < day


def until(day: date, cable: Cable, historic: Historic) -> Historic:
    """``historic`` for a record dated before ``day`` (when the rule did not yet hold);
    a record dated since (or undated) is checked as any cable."""
    return historic if before(cable, day) else Historic.KEEP
