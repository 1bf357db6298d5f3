"""Validation of a cable against its scheme and the drafting rules.

:func:`validate` is a pure function: it returns every :class:`Finding`, errors
first. Findings of severity ``error`` block sealing and export; warnings do
not. Each finding names the field (``paragraphs[3]``, ``authority``, …) and
says what to do. The rules come from 5 FAH-1 H-240, 5 FAH-2 H-420/440,
5 FAH-3, 32 CFR 2001.21/2001.22/2001.26 and E.O. 13526, plus the scheme
file's own rules (levels, controls, precedences, captions, authority block).

The rules are versioned (:data:`RULES_VERSION`): a finding from a rule newer
than the ``rules`` a cable is checked with is a warning. Imported historic
records (as the importer made them: :func:`.historical.is_import`; any other
provenance in a file is only a claim) get warnings, not errors, from rules that
did not exist in their time or about fields their source does not record, and
no anachronistic findings at all (see :mod:`._findings`). Their portion marks,
typed marks, contradictions and stated banner are checked as for any cable.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from cabledesk.domain._authority_rules import check_authority
from cabledesk.domain._caption_rules import check_captions
from cabledesk.domain._findings import (
    RULES_VERSION,
    Finding,
    Findings,
    Historic,
    Severity,
)
from cabledesk.domain.body import typed_portion_marks
from cabledesk.domain.cable import Cable, attachment_markings, portion_markings
from cabledesk.domain.historical import is_import
from cabledesk.domain.marking import Marking, parse_marking, read_marking
from cabledesk.domain.rollup import combine
from cabledesk.domain.scheme import ClassificationScheme
from cabledesk.domain.tags import is_known_tag, is_subject_tag
from cabledesk.errors import MarkingError
from cabledesk.phrase import Phrase

__all__ = ["RULES_VERSION", "Finding", "Severity", "validate"]

# About three printed pages of a cable (55 characters a line, ~50 lines a page).
SUMMARY_THRESHOLD_CHARS = 3 * 50 * 55
# A date-time group may lie this far ahead (time zones, a cable prepared for release).
DTG_AHEAD = timedelta(days=1)
NIACT = "NIACT IMMEDIATE"
_HAND_NUMBER = re.compile(r"^\s*\d{1,3}\s*[.)]\s")


def validate(
    cable: Cable,
    scheme: ClassificationScheme,
    *,
    today: date | None = None,
    rules: int = RULES_VERSION,
) -> list[Finding]:
    """Every finding for this cable, errors first, then in field order.

    ``today`` (default: the current UTC date) decides whether a
    declassification date lies too far ahead or has already passed, and
    whether the date-time group lies in the future. ``rules`` is the version of
    the drafting rules (default: the current ones): findings of newer rules are
    warnings. Raises ValueError for a cable of another scheme.
    """
    if scheme.id != cable.scheme.lower():
        raise ValueError(f"cable is in scheme {cable.scheme!r}, validated with {scheme.id!r}")
    f = Findings(
        rules=rules,
        imported=is_import(cable),
        today=today or datetime.now(UTC).date(),
    )
    markings = _check_markings(cable, scheme, f.out)
    attached = _check_attachment_markings(cable, scheme, f)
    banner = combine([*markings, *attached]) if markings or attached else None
    _check_header(cable, scheme, f)
    check_captions(cable, scheme, [*markings, *attached], f)
    _check_body(cable, f)
    _check_typed_marks(cable, scheme, f)
    if banner is not None:
        _check_declared_banner(cable, scheme, banner, f)
        check_authority(cable, scheme, banner, f)
    _check_tags(cable, scheme, f)
    return sorted(f.out, key=lambda x: x.severity != Severity.ERROR)


def _finding(severity: Severity, field: str, message: str | Phrase) -> Finding:
    if isinstance(message, Phrase):
        return Finding(severity, field, message.render(), message)
    return Finding(severity, field, message)


def _error(out: list[Finding], field: str, message: str | Phrase) -> None:
    out.append(_finding(Severity.ERROR, field, message))


def _warn(out: list[Finding], field: str, message: str | Phrase) -> None:
    out.append(_finding(Severity.WARNING, field, message))


def _check_markings(
    cable: Cable, scheme: ClassificationScheme, out: list[Finding]
) -> list[Marking]:
    """Parse every portion mark; return those that parse (the others are findings)."""
    fields = ["subject", *(f"paragraphs[{i + 1}]" for i in range(len(cable.paragraphs)))]
    parsed: list[Marking] = []
    for name, text in zip(fields, portion_markings(cable), strict=True):
        if not text.strip():
            example = f"({scheme.lowest.portion})"
            _error(
                out,
                name,
                Phrase.of(
                    "This portion has no portion mark. Mark it, e.g. {example}.", example=example
                ),
            )
            continue
        try:
            marking, notes = read_marking(text, scheme)
        except MarkingError as exc:
            _error(out, name, _with_hint(exc))
            continue
        parsed.append(marking)
        for note in notes:  # a native or legacy form: read, with a hint to the current one
            _warn(out, name, note)
    return parsed


def _with_hint(exc: MarkingError) -> str | Phrase:
    """The marking parser's message and hint, as one finding."""
    if exc.phrase is None:
        return f"{exc.message} {exc.hint or ''}".strip()
    if not exc.hint:
        return exc.phrase
    return Phrase.of("{message} {hint}", message=exc.phrase, hint=exc.hint_phrase or exc.hint)


def _check_attachment_markings(
    cable: Cable, scheme: ClassificationScheme, f: Findings
) -> list[Marking]:
    """Parse the marks of the attachments that carry one (they count in the banner)."""
    parsed: list[Marking] = []
    for i, text in attachment_markings(cable):
        try:
            parsed.append(parse_marking(text, scheme))
        except MarkingError as exc:
            f.out.append(_finding(Severity.ERROR, f"attachments[{i}].marking", _with_hint(exc)))
    return parsed


def _check_header(cable: Cable, scheme: ClassificationScheme, f: Findings) -> None:
    # A historic record whose source does not name a field cannot be given one.
    if not cable.originator.strip():
        f.error(
            "originator",
            Phrase.of("The cable has no originator (FM). Name the sending post."),
            historic=Historic.WARN,
        )
    if not cable.action:
        f.error(
            "action",
            Phrase.of("The cable has no action addressee (TO). Add at least one."),
            historic=Historic.WARN,
        )
    if not cable.subject.strip():
        f.error(
            "subject",
            Phrase.of("The cable has no subject. Write a one-line subject."),
            historic=Historic.WARN,
        )
    _check_precedence(cable.precedence, "precedence", scheme, f)
    for group, addressees in (("action", cable.action), ("info", cable.info)):
        seen: set[str] = set()
        for i, a in enumerate(addressees):
            if a.precedence is not None:
                _check_precedence(a.precedence, f"{group}[{i + 1}]", scheme, f)
                _check_above(cable.precedence, a.precedence, f"{group}[{i + 1}]", a.name, scheme, f)
            key = " ".join(a.name.upper().split())
            if key in seen:
                twice = (
                    Phrase.of("{name} is listed twice as action addressee.", name=a.name)
                    if group == "action"
                    else Phrase.of("{name} is listed twice as info addressee.", name=a.name)
                )
                f.warn(f"{group}[{i + 1}]", twice)
            seen.add(key)
    both = {" ".join(a.name.upper().split()) for a in cable.action} & {
        " ".join(a.name.upper().split()) for a in cable.info
    }
    for name in sorted(both):
        f.warn(
            "info",
            Phrase.of("{name} is both an action and an info addressee; keep one.", name=name),
        )
    _check_dtg(cable, f)
    _check_niact(cable, f)
    names = [a.name.strip().lower() for a in cable.attachments]
    if len(names) != len(set(names)):
        f.error("attachments", Phrase.of("Two attachments have the same name. Rename one."))


def _check_precedence(value: str, field: str, scheme: ClassificationScheme, f: Findings) -> None:
    if value not in scheme.precedences:
        f.error(
            field,
            Phrase.of(
                "{value} is not a precedence of the {scheme} scheme. Use one of: {allowed}.",
                value=repr(value),
                scheme=scheme.name,
                allowed=scheme.precedences,
            ),
        )
    elif value in scheme.legacy_precedences:
        f.warn(
            field,
            Phrase.of(
                "{value} is no longer an authorized precedence; use IMMEDIATE or ROUTINE.",
                value=value,
            ),
            historic=Historic.SKIP,  # it was authorized in the record's time
        )


def _check_above(
    cable_precedence: str,
    value: str,
    field: str,
    name: str,
    scheme: ClassificationScheme,
    f: Findings,
) -> None:
    """5 FAH-2 H-421: the cable is handled at its own precedence, so no addressee's may
    be higher (the scheme lists precedences highest first)."""
    order = scheme.precedences
    if (
        value in order
        and cable_precedence in order
        and (order.index(value) < order.index(cable_precedence))
    ):
        f.error(
            field,
            Phrase.of(
                "{name} is addressed {value}, above the cable's precedence {cable}; raise the "
                "cable's precedence to {value}, or lower the addressee's.",
                name=name,
                value=value,
                cable=cable_precedence,
            ),
            since=2,
        )


def _check_dtg(cable: Cable, f: Findings) -> None:
    if cable.dtg is not None and cable.dtg.date() > f.today + DTG_AHEAD:
        f.error(
            "dtg",
            Phrase.of(
                "The date-time group {dtg} lies more than a day in the future; a DTG is the "
                "time of release, in Zulu.",
                dtg=cable.dtg.strftime("%Y-%m-%d %H:%MZ"),
            ),
            since=2,
        )


def _summary_index(cable: Cable) -> int | None:
    """The index of the summary paragraph (one of the first two), if there is one."""
    return next(
        (i for i, p in enumerate(cable.paragraphs[:2]) if "SUMMARY" in p.text[:40].upper()),
        None,
    )


def _check_niact(cable: Cable, f: Findings) -> None:
    """5 FAH-2 H-421.2: the drafter justifies NIACT in paragraph 1. A long cable
    starts with its summary (5 FAH-1 H-246.3), so the justification may also be in
    the summary or in the first paragraph after END SUMMARY."""
    niact = cable.precedence == NIACT or any(a.precedence == NIACT for a in cable.action)
    if not niact or not cable.paragraphs:
        return
    candidates = {0}
    summary = _summary_index(cable)
    if summary is not None:
        candidates.add(summary)
        end = next(
            (i for i, p in enumerate(cable.paragraphs) if "END SUMMARY" in p.text.upper()),
            summary,
        )
        candidates.add(end + 1)
    if not any(
        "NIACT" in cable.paragraphs[i].text.upper() for i in candidates if i < len(cable.paragraphs)
    ):
        f.error(
            "paragraphs[1]",
            Phrase.of(
                "A NIACT IMMEDIATE cable must justify the night action (say why the addressee "
                "must be woken) in paragraph 1; when paragraph 1 is the summary, in the summary "
                "or in the first paragraph after END SUMMARY."
            ),
            historic=Historic.WARN,
        )


def _check_body(cable: Cable, f: Findings) -> None:
    if not cable.paragraphs:
        f.error("paragraphs", Phrase.of("The cable has no text. Write at least one paragraph."))
        return
    for i, p in enumerate(cable.paragraphs, start=1):
        if not p.text.strip():
            f.error(
                f"paragraphs[{i}]",
                Phrase.of("Paragraph {number} is empty. Write it or remove it.", number=str(i)),
            )
        elif _HAND_NUMBER.match(p.text) and len(cable.paragraphs) > 1:
            f.warn(
                f"paragraphs[{i}]",
                Phrase.of(
                    "Paragraph {number} starts with a typed number; paragraphs are numbered "
                    "automatically, so remove it.",
                    number=str(i),
                ),
            )
    length = sum(len(p.text) for p in cable.paragraphs)
    if length > SUMMARY_THRESHOLD_CHARS and _summary_index(cable) is None:
        f.warn(
            "paragraphs[1]",
            Phrase.of(
                "A cable of more than three pages needs a summary: begin paragraph 1 with "
                "'SUMMARY:' and end it with 'END SUMMARY.' On a NIACT IMMEDIATE cable, the "
                "night-action justification may then be in the summary or in the first "
                "paragraph after it."
            ),
        )


def _check_typed_marks(cable: Cable, scheme: ClassificationScheme, f: Findings) -> None:
    """A mark typed at the start of the text is not the portion's mark: ``(C) Text``
    under ``(U)`` would under-classify the banner (5 FAH-1 H-246.2: the mark belongs
    to the portion, after its number)."""
    portions = [("subject", cable.subject_marking, cable.subject)] + [
        (f"paragraphs[{i}]", p.marking, p.text) for i, p in enumerate(cable.paragraphs, start=1)
    ]
    for field, mark, text in portions:
        for typed in typed_portion_marks(text, scheme):
            _check_typed_mark(field, mark, typed, scheme, f)


def _check_typed_mark(
    field: str, mark: str, typed: Marking, scheme: ClassificationScheme, f: Findings
) -> None:
    try:
        own: Marking | None = parse_marking(mark, scheme) if mark.strip() else None
    except MarkingError:
        own = None
    if own == typed:
        f.warn(
            field,
            Phrase.of(
                "The text starts with its portion mark {typed} typed again; remove it from "
                "the text.",
                typed=typed.portion,
            ),
            since=2,
        )
        return
    # An under-classification: an error whatever rules a draft was made under (since 1).
    f.error(
        field,
        Phrase.of(
            "The text starts with the portion mark {typed}, but the portion is marked "
            "{mark}. Make {typed} its mark (if that is its classification) and remove "
            "it from the text.",
            typed=typed.portion,
            mark=mark.strip() or "-",
        ),
    )


def _check_declared_banner(
    cable: Cable, scheme: ClassificationScheme, banner: Marking, f: Findings
) -> None:
    if cable.declared_banner is None:
        return
    try:
        declared = parse_marking(cable.declared_banner, scheme)
    except MarkingError as exc:
        f.out.append(_finding(Severity.ERROR, "declared_banner", exc.phrase or exc.message))
        return
    if declared.level.rank < banner.level.rank:
        f.error(
            "declared_banner",
            Phrase.of(
                "The stated classification {declared} is lower than a portion of the cable; "
                "the portions add up to {banner}.",
                declared=declared.banner,
                banner=banner.banner,
            ),
        )
    elif declared != banner:
        f.warn(
            "declared_banner",
            Phrase.of(
                "The stated classification {declared} differs from what the portions add up "
                "to ({banner}).",
                declared=declared.banner,
                banner=banner.banner,
            ),
        )


def _check_tags(cable: Cable, scheme: ClassificationScheme, f: Findings) -> None:
    for i, tag in enumerate(cable.tags, start=1):
        if not is_known_tag(tag):
            f.warn(
                f"tags[{i}]",
                Phrase.of(
                    "{tag} is not a known TAGS code; check it against the TAGS handbook.",
                    tag=repr(tag),
                ),
            )
    # 5 FAH-3 H-011: an error for new cables (rules 2), a warning for imports.
    if scheme.tags_required and not any(is_subject_tag(t) for t in cable.tags):
        f.error(
            "tags",
            Phrase.of(
                "The cable has no subject TAG (such as PREL or ECON); every cable needs at "
                "least one."
            ),
            since=2,
            historic=Historic.WARN,
        )
