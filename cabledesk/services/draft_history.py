"""The history of a draft as people read it: its versions, and what changed between two.

:class:`DraftVersion` is one line of a draft's history (number, when it was
saved, subject, banner; the current version flagged). :func:`cable_lines`
writes a cable as the lines of text a registry clerk reads — banner, header,
authority block, numbered paragraphs *with their portion marks*, signature —
so that a change of marking shows as a changed line; :func:`diff_lines` compares
two such texts line by line. Nothing here reads the vault:
:class:`~cabledesk.services.drafts.DraftsService` loads the versions and uses
these to describe them.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from cabledesk.domain.cable import Cable, format_dtg

__all__ = ["Change", "DiffLine", "DraftVersion", "SavedDraft", "cable_lines", "diff_lines"]


@dataclass(frozen=True, slots=True)
class SavedDraft:
    """A draft as stored: its content, version number and when that version was saved."""

    cable: Cable
    version: int
    saved: datetime
    rules_version: int = 1  # the drafting rules the draft was created under


@dataclass(frozen=True, slots=True)
class DraftVersion:
    """One version of a draft, as its history lists it."""

    number: int
    saved: datetime
    subject: str  # with its portion mark: "(U) FRANCE: …"
    banner: str  # "" while some portion mark does not parse
    current: bool = False


class Change(StrEnum):
    SAME = "same"
    ADDED = "added"
    REMOVED = "removed"


@dataclass(frozen=True, slots=True)
class DiffLine:
    change: Change
    text: str

    def __str__(self) -> str:
        mark = {Change.SAME: " ", Change.ADDED: "+", Change.REMOVED: "-"}[self.change]
        return f"{mark} {self.text}"


def _joined(label: str, values: Sequence[str], separator: str = "; ") -> list[str]:
    return [f"{label} {separator.join(values)}"] if values else []


def cable_lines(cable: Cable, banner: str) -> list[str]:
    """``cable`` as lines of plain text (see the module docstring); ``banner`` is its
    computed banner ("" when it cannot be computed)."""
    lines = [f"BANNER: {banner or '?'}", f"PRECEDENCE: {cable.precedence}"]
    if cable.dtg is not None:
        lines.append(f"DTG: {format_dtg(cable.dtg)}")
    lines.append(f"FM: {cable.originator}")
    addressee = [f"{a.name} {a.precedence}" if a.precedence else a.name for a in cable.action]
    lines += _joined("TO:", addressee)
    info = [f"{a.name} {a.precedence}" if a.precedence else a.name for a in cable.info]
    lines += _joined("INFO:", info)
    if cable.serial:
        lines.append(f"SERIAL: {cable.serial}")
    lines += _joined("CAPTIONS:", cable.captions, ", ")
    lines += _joined("TAGS:", cable.tags, ", ")
    lines.append(f"SUBJECT: {cable.subject_marking} {cable.subject}".rstrip())
    lines += _joined("REF:", cable.references)
    if cable.authority is not None:
        a = cable.authority
        lines.append(f"CLASSIFIED BY: {a.classified_by}")
        lines += _joined("REASONS:", a.reasons, ", ")
        if a.derived_from:
            lines.append(f"DERIVED FROM: {a.derived_from}")
        if a.declassify_on:
            lines.append(f"DECLASSIFY ON: {a.declassify_on}")
    lines.append("")
    for number, paragraph in enumerate(cable.paragraphs, start=1):
        for i, text in enumerate(paragraph.text.splitlines() or [""]):
            lines.append(f"{number}. {paragraph.marking} {text}" if i == 0 else f"   {text}")
    if cable.signature:
        lines += ["", cable.signature]
    return lines


def diff_lines(old: Sequence[str], new: Sequence[str]) -> list[DiffLine]:
    """Every line of ``old`` and ``new`` in order: those only in ``old`` removed, those
    only in ``new`` added (a changed line is one of each)."""
    result: list[DiffLine] = []
    matcher = difflib.SequenceMatcher(a=list(old), b=list(new), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            result += [DiffLine(Change.SAME, line) for line in old[i1:i2]]
            continue
        result += [DiffLine(Change.REMOVED, line) for line in old[i1:i2]]
        result += [DiffLine(Change.ADDED, line) for line in new[j1:j2]]
    return result
