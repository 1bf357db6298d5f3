"""Validation of a cable against its scheme and the drafting rules.

:func:`validate` is a pure function: it returns every :class:`Finding`, errors
first. Findings of severity ``error`` block sealing and export; warnings do
not. Each finding names the field (``paragraphs[3]``, ``authority``, …) and
says what to do. The rules come from 5 FAH-1 H-240, 5 FAH-2 H-420/440,
5 FAH-3, 32 CFR 2001.21 and E.O. 13526, plus the
scheme file's own rules (levels, controls, precedences, authority block).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import StrEnum

from cabledesk.domain.cable import Cable, portion_markings
from cabledesk.domain.header import parse_date
from cabledesk.domain.marking import Marking, parse_marking, read_marking
from cabledesk.domain.rollup import combine
from cabledesk.domain.scheme import AuthorityRules, ClassificationScheme
from cabledesk.domain.tags import is_known_tag, is_subject_tag
from cabledesk.errors import FieldError, MarkingError
from cabledesk.phrase import Phrase

__all__ = ["Finding", "Severity", "validate"]

# About three printed pages of a cable (55 characters a line, ~50 lines a page).
SUMMARY_THRESHOLD_CHARS = 3 * 50 * 55
_HAND_NUMBER = re.compile(r"^\s*\d{1,3}\s*[.)]\s")
_EXEMPTION_WITH_DATE = re.compile(r"^(25X\d)\s*,\s*(\d{4}-?\d{2}-?\d{2})$")


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem: how bad, where (a field name or ``paragraphs[N]``), and what to do."""

    severity: Severity
    field: str
    message: str
    # The message as a phrase that a face can translate (None: a message from elsewhere,
    # such as the marking parser's).
    phrase: Phrase | None = None


def validate(
    cable: Cable, scheme: ClassificationScheme, *, today: date | None = None
) -> list[Finding]:
    """Every finding for this cable, errors first, then in field order.

    ``today`` (default: the current UTC date) decides whether a
    declassification date lies too far ahead or has already passed.
    """
    if scheme.id != cable.scheme.lower():
        raise ValueError(f"cable is in scheme {cable.scheme!r}, validated with {scheme.id!r}")
    today = today or datetime.now(UTC).date()
    out: list[Finding] = []
    markings = _check_markings(cable, scheme, out)
    banner = combine(markings) if markings else None
    _check_header(cable, scheme, out)
    _check_body(cable, out)
    if banner is not None:
        _check_declared_banner(cable, scheme, banner, out)
        _check_authority(cable, scheme, banner, today, out)
    _check_tags(cable, scheme, out)
    return sorted(out, key=lambda f: f.severity != Severity.ERROR)


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


def _check_header(cable: Cable, scheme: ClassificationScheme, out: list[Finding]) -> None:
    if not cable.originator.strip():
        _error(
            out,
            "originator",
            Phrase.of("The cable has no originator (FM). Name the sending post."),
        )
    if not cable.action:
        _error(
            out, "action", Phrase.of("The cable has no action addressee (TO). Add at least one.")
        )
    if not cable.subject.strip():
        _error(out, "subject", Phrase.of("The cable has no subject. Write a one-line subject."))
    _check_precedence(cable.precedence, "precedence", scheme, out)
    for group, addressees in (("action", cable.action), ("info", cable.info)):
        seen: set[str] = set()
        for i, a in enumerate(addressees):
            if a.precedence is not None:
                _check_precedence(a.precedence, f"{group}[{i + 1}]", scheme, out)
            key = " ".join(a.name.upper().split())
            if key in seen:
                twice = (
                    Phrase.of("{name} is listed twice as action addressee.", name=a.name)
                    if group == "action"
                    else Phrase.of("{name} is listed twice as info addressee.", name=a.name)
                )
                _warn(out, f"{group}[{i + 1}]", twice)
            seen.add(key)
    both = {" ".join(a.name.upper().split()) for a in cable.action} & {
        " ".join(a.name.upper().split()) for a in cable.info
    }
    for name in sorted(both):
        _warn(
            out,
            "info",
            Phrase.of("{name} is both an action and an info addressee; keep one.", name=name),
        )
    channels = [c for c in cable.captions if c.upper().endswith("CHANNEL")]
    if len(channels) > 1:
        _error(
            out,
            "captions",
            Phrase.of(
                "A cable can carry only one channel caption, not {count} ({captions}). Keep one.",
                count=str(len(channels)),
                captions=channels,
            ),
        )
    niact = cable.precedence == "NIACT IMMEDIATE" or any(
        a.precedence == "NIACT IMMEDIATE" for a in cable.action
    )
    first = cable.paragraphs[0].text if cable.paragraphs else ""
    if niact and "NIACT" not in first.upper():
        _error(
            out,
            "paragraphs[1]",
            Phrase.of(
                "A NIACT IMMEDIATE cable must justify the night action in paragraph 1 "
                "(say why the addressee must be woken)."
            ),
        )
    names = [a.name.strip().lower() for a in cable.attachments]
    if len(names) != len(set(names)):
        _error(out, "attachments", Phrase.of("Two attachments have the same name. Rename one."))


def _check_precedence(
    value: str, field: str, scheme: ClassificationScheme, out: list[Finding]
) -> None:
    if value not in scheme.precedences:
        _error(
            out,
            field,
            Phrase.of(
                "{value} is not a precedence of the {scheme} scheme. Use one of: {allowed}.",
                value=repr(value),
                scheme=scheme.name,
                allowed=scheme.precedences,
            ),
        )
    elif value in scheme.legacy_precedences:
        _warn(
            out,
            field,
            Phrase.of(
                "{value} is no longer an authorized precedence; use IMMEDIATE or ROUTINE.",
                value=value,
            ),
        )


def _check_body(cable: Cable, out: list[Finding]) -> None:
    if not cable.paragraphs:
        _error(out, "paragraphs", Phrase.of("The cable has no text. Write at least one paragraph."))
        return
    for i, p in enumerate(cable.paragraphs, start=1):
        if not p.text.strip():
            _error(
                out,
                f"paragraphs[{i}]",
                Phrase.of("Paragraph {number} is empty. Write it or remove it.", number=str(i)),
            )
        elif _HAND_NUMBER.match(p.text) and len(cable.paragraphs) > 1:
            _warn(
                out,
                f"paragraphs[{i}]",
                Phrase.of(
                    "Paragraph {number} starts with a typed number; paragraphs are numbered "
                    "automatically, so remove it.",
                    number=str(i),
                ),
            )
    length = sum(len(p.text) for p in cable.paragraphs)
    has_summary = any("SUMMARY" in p.text[:40].upper() for p in cable.paragraphs[:2])
    if length > SUMMARY_THRESHOLD_CHARS and not has_summary:
        _warn(
            out,
            "paragraphs[1]",
            Phrase.of(
                "A cable of more than three pages needs a summary: begin paragraph 1 with "
                "'SUMMARY:' and end it with 'END SUMMARY.'"
            ),
        )


def _check_declared_banner(
    cable: Cable, scheme: ClassificationScheme, banner: Marking, out: list[Finding]
) -> None:
    if cable.declared_banner is None:
        return
    try:
        declared = parse_marking(cable.declared_banner, scheme)
    except MarkingError as exc:
        _error(out, "declared_banner", exc.phrase or exc.message)
        return
    if declared.level.rank < banner.level.rank:
        _error(
            out,
            "declared_banner",
            Phrase.of(
                "The stated classification {declared} is lower than a portion of the cable; "
                "the portions add up to {banner}.",
                declared=declared.banner,
                banner=banner.banner,
            ),
        )
    elif declared != banner:
        _warn(
            out,
            "declared_banner",
            Phrase.of(
                "The stated classification {declared} differs from what the portions add up "
                "to ({banner}).",
                declared=declared.banner,
                banner=banner.banner,
            ),
        )


def _check_authority(
    cable: Cable,
    scheme: ClassificationScheme,
    banner: Marking,
    today: date,
    out: list[Finding],
) -> None:
    rules = scheme.authority
    auth = cable.authority
    if not banner.level.classified:
        if auth is not None and auth.classified_by.strip():
            _warn(
                out,
                "authority",
                Phrase.of(
                    "An unclassified cable needs no classification authority block; remove it."
                ),
            )
        return
    if rules is None or not rules.required_for_classified:
        return
    if auth is None or not auth.classified_by.strip():
        _error(
            out,
            "authority",
            Phrase.of(
                "A {level} cable needs a classification authority block: 'Classified by' "
                "(name and title), the reason, and 'Declassify on'.",
                level=banner.level.name,
            ),
        )
        return
    if not auth.reasons and not (auth.derived_from or "").strip():
        _error(
            out,
            "authority.reasons",
            Phrase.of(
                "Give the reason for classification (e.g. 1.4(b), 1.4(d)) or the source it is "
                "derived from."
            ),
        )
    for reason in auth.reasons:
        if rules.reasons and reason not in rules.reasons:
            _error(
                out,
                "authority.reasons",
                Phrase.of(
                    "{reason} is not a classification reason; use {allowed}.",
                    reason=repr(reason),
                    allowed=rules.reasons,
                ),
            )
    _check_declassify_on(auth.declassify_on, cable, rules, today, out)


def _check_declassify_on(
    value: str,
    cable: Cable,
    rules: AuthorityRules,
    today: date,
    out: list[Finding],
) -> None:
    exemptions = rules.exemptions
    text = value.strip()
    field = "authority.declassify_on"
    if not text:
        _error(
            out,
            field,
            Phrase.of(
                "Say when the cable may be declassified: a date, an event or an exemption "
                "such as 25X1."
            ),
        )
        return
    if text in exemptions:
        if text.startswith("25X"):
            _error(
                out,
                field,
                Phrase.of(
                    "The exemption {code} needs a date, e.g. '{code}, 2069-12-31'.", code=text
                ),
            )
        return
    m = _EXEMPTION_WITH_DATE.match(text)
    if m and m.group(1) not in exemptions:
        _error(out, field, Phrase.of("{code} is not a known exemption code.", code=m.group(1)))
        return
    try:
        when = parse_date(m.group(2) if m else text)
    except FieldError:
        when = None
    if when is None:
        if text[:1].isdigit():
            _error(
                out,
                field,
                Phrase.of("{value} is not a valid date; write it as YYYY-MM-DD.", value=repr(text)),
            )
        return  # an event: cannot be checked
    origin = (cable.dtg.date() if cable.dtg else today) if m is None else None
    limit = rules.max_declassify_years
    if origin is not None and limit is not None:
        latest = _add_years(origin, limit)
        if when > latest:
            _error(
                out,
                field,
                Phrase.of(
                    "The declassification date {date} is more than {limit} years after the "
                    "cable; choose {latest} or earlier, or an exemption.",
                    date=when.isoformat(),
                    limit=str(limit),
                    latest=latest.isoformat(),
                ),
            )
    if when < today:
        _warn(
            out,
            field,
            Phrase.of(
                "The declassification date {date} has already passed.", date=when.isoformat()
            ),
        )


def _add_years(d: date, years: int) -> date:
    if d.year + years > date.max.year:  # a cable dated near the end of the calendar
        return date.max
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def _check_tags(cable: Cable, scheme: ClassificationScheme, out: list[Finding]) -> None:
    for i, tag in enumerate(cable.tags, start=1):
        if not is_known_tag(tag):
            _warn(
                out,
                f"tags[{i}]",
                Phrase.of(
                    "{tag} is not a known TAGS code; check it against the TAGS handbook.",
                    tag=repr(tag),
                ),
            )
    if scheme.tags_required and not any(is_subject_tag(t) for t in cable.tags):
        _warn(
            out,
            "tags",
            Phrase.of(
                "The cable has no subject TAG (such as PREL or ECON); every cable needs at "
                "least one."
            ),
        )
