"""The classification authority block: who classified, why, until when.

The rules (32 CFR 2001.21, 2001.22, 2001.26; E.O. 13526 §1.4, §1.5, §3.3), with
their data in the scheme file's ``[authority]`` table:

- a classified cable carries the block (``required_for_classified``): "Classified
  by", the reasons (``reasons``, §1.4) or the source it is derived from, and
  "Declassify on";
- "Declassify on" is a date no more than ``max_declassify_years`` after the cable,
  an event, or an exemption (``exemptions``). Instructions of earlier orders
  (``[authority.obsolete]``: OADR, X1–X8, MR…) are refused with what ended them.
  A 25X exemption (``exemptions_need_source``) comes from an agency declassification
  guide approved by ISCAP (§3.3(j)), so only a derivatively classified cable
  ("Derived from" the guide) may cite one, with a date no more than
  ``max_exempt_years`` after the cable; an original classifier may exempt only
  human sources and WMD design concepts (§1.5(a): 50X1-HUM, 50X2-WMD);
- an optional downgrade instruction (``LEVEL on DATE``): a lower classified level
  of the scheme, on a date after the cable and before its declassification;
- "Derived from: Multiple Sources" needs the list of sources (2001.22(c)(1)(ii));
- a scheme without reasons (every non-US scheme) takes no E.O. 13526 reasons or
  exemption codes.

Historic records are dated before the rules they would break: an import dated
before E.O. 12958 took effect (14 October 1995, which brought the three-line
block with its reason) gets warnings for a missing block; the declassification
instruction of an import dated before E.O. 13526 took effect (27 June 2010) is
not measured against today's order (OADR was right in 1985), and no import is
told that its declassification date has passed. A record dated since then (or
undated: a draft given a provenance) is checked as any cable.
"""

from __future__ import annotations

import re
from datetime import date

from cabledesk.domain._findings import EO_13526_EFFECTIVE, Findings, Historic, until
from cabledesk.domain.cable import Authority, Cable
from cabledesk.domain.header import parse_date
from cabledesk.domain.marking import Marking
from cabledesk.domain.scheme import AuthorityRules, ClassificationScheme
from cabledesk.errors import FieldError
from cabledesk.phrase import Phrase

__all__ = ["check_authority"]

# E.O. 12958 took effect on this day; it brought the block's "Reason" line.
EO_12958_EFFECTIVE = date(1995, 10, 14)
MULTIPLE_SOURCES = "MULTIPLE SOURCES"
_EXEMPTION_WITH_DATE = re.compile(r"^(\d\dX\d(?:-[A-Z]+)?)\s*,\s*(\d{4}-?\d{2}-?\d{2})$", re.I)
_EXEMPTION_CODE = re.compile(r"^\s*\d\dX\d", re.I)
_OLD_PREFIXES = re.compile(r"^(?:DECL(?:ASSIFY ON)?\s*:\s*|SOURCE MARKED\s+|1\.6\s+)+")
_DOWNGRADE = re.compile(r"^(?P<level>.+?)\s+on\s+(?P<date>\S+)$", re.I)
_DEC = "authority.declassify_on"


def check_authority(
    cable: Cable, scheme: ClassificationScheme, banner: Marking, f: Findings
) -> None:
    """Every finding about the authority block of a cable whose portions roll up to ``banner``."""
    rules = scheme.authority
    auth = cable.authority
    if not banner.level.classified:
        if auth is not None and auth.classified_by.strip():
            f.warn(
                "authority",
                Phrase.of(
                    "An unclassified cable needs no classification authority block; remove it."
                ),
            )
        return
    if auth is not None:
        _check_foreign_codes(auth, scheme, f)
        _check_downgrade(auth, cable, scheme, banner, f)
        _check_sources(auth, f)
    if rules is None or not rules.required_for_classified:
        return
    # A record older than the three-line block cannot be expected to carry one.
    old = until(EO_12958_EFFECTIVE, cable, Historic.WARN)
    if auth is None or not auth.classified_by.strip():
        f.error(
            "authority",
            Phrase.of(
                "A {level} cable needs a classification authority block: 'Classified by' "
                "(name and title), the reason, and 'Declassify on'.",
                level=banner.level.name,
            ),
            historic=old,
        )
        return
    if not auth.reasons and not (auth.derived_from or "").strip():
        f.error(
            "authority.reasons",
            Phrase.of(
                "Give the reason for classification (e.g. 1.4(b), 1.4(d)) or the source it is "
                "derived from."
            ),
            historic=old,
        )
    for reason in auth.reasons:
        if rules.reasons and reason not in rules.reasons:
            f.error(
                "authority.reasons",
                Phrase.of(
                    "{reason} is not a classification reason; use {allowed}.",
                    reason=repr(reason),
                    allowed=rules.reasons,
                ),
            )
    _check_declassify_on(
        auth, cable, rules, f, old, until(EO_13526_EFFECTIVE, cable, Historic.SKIP)
    )


def _origin(cable: Cable, f: Findings) -> date:
    """The day the cable's time limits count from: its DTG, or today for a draft."""
    return cable.dtg.date() if cable.dtg else f.today


def _check_foreign_codes(auth: Authority, scheme: ClassificationScheme, f: Findings) -> None:
    rules = scheme.authority
    if auth.reasons and (rules is None or not rules.reasons):
        f.error(
            "authority.reasons",
            Phrase.of(
                "Classification reasons of E.O. 13526 section 1.4 ({reasons}) belong to US "
                "classification; the {scheme} scheme has none. Remove them.",
                reasons=list(auth.reasons),
                scheme=scheme.name,
            ),
            since=2,
        )
    code = auth.declassify_on.strip()
    if _EXEMPTION_CODE.match(code) and (rules is None or not rules.exemptions):
        f.error(
            _DEC,
            Phrase.of(
                "{code} is an exemption of E.O. 13526 (US classification); the {scheme} "
                "scheme has no exemptions. Give a date or an event.",
                code=code,
                scheme=scheme.name,
            ),
            since=2,
        )


def _obsolete_code(text: str, rules: AuthorityRules) -> str | None:
    """The obsolete instruction ``text`` consists of (``OADR``, ``1.6 X1, X3``…), if any."""
    rest = _OLD_PREFIXES.sub("", " ".join(text.upper().split()))
    tokens = [t for t in re.split(r"[\s,;/]+", rest) if t]
    if not tokens or tokens[0] not in rules.obsolete:
        return None
    if all(t in rules.obsolete or re.fullmatch(r"[\d-]+", t) for t in tokens):
        return tokens[0]
    return None


def _check_declassify_on(
    auth: Authority,
    cable: Cable,
    rules: AuthorityRules,
    f: Findings,
    old: Historic,
    era: Historic,
) -> None:
    """``old``: how a missing instruction applies to an import; ``era``: how the rules of
    E.O. 13526 apply to it."""
    text = auth.declassify_on.strip()
    if not text:
        f.error(
            _DEC,
            Phrase.of(
                "Say when the cable may be declassified: a date, an event or an exemption "
                "such as 25X1."
            ),
            historic=old,
        )
        return
    obsolete = _obsolete_code(text, rules)
    if obsolete is not None:
        f.error(
            _DEC,
            Phrase.of(
                "{code} is no longer allowed in 'Declassify on' (ended by {since}); "
                "E.O. 13526 section 1.5 requires a date or event no more than {limit} years "
                "away, or an exemption.",
                code=obsolete,
                since=rules.obsolete[obsolete],
                limit=str(rules.max_declassify_years or 25),
            ),
            since=2,
            historic=era,
        )
        return
    m = _EXEMPTION_WITH_DATE.match(text)
    code = m.group(1).upper() if m else text.upper()
    if code in rules.exemptions_need_source and not (auth.derived_from or "").strip():
        f.error(
            _DEC,
            Phrase.of(
                "{code} exempts from automatic declassification at 25 years only through an "
                "agency declassification guide approved by ISCAP (E.O. 13526 section 3.3): "
                "cite the guide in 'Derived from', or give a date.",
                code=code,
            ),
            since=2,
            historic=era,
        )
    if text.upper() in rules.exemptions:
        if code.startswith("25X"):
            f.error(
                _DEC,
                Phrase.of(
                    "The exemption {code} needs a date, e.g. '{code}, 2069-12-31'.", code=code
                ),
                historic=era,
            )
        return
    if m and code not in rules.exemptions:
        f.error(_DEC, Phrase.of("{code} is not a known exemption code.", code=m.group(1)))
        return
    when = _date_or_none(m.group(2) if m else text)
    if when is None:
        if text[:1].isdigit():
            f.error(
                _DEC,
                Phrase.of("{value} is not a valid date; write it as YYYY-MM-DD.", value=repr(text)),
            )
        return  # an event: cannot be checked
    _check_limit(when, cable, rules, f, exempt=m is not None, era=era)
    if when < f.today:
        f.warn(
            _DEC,
            Phrase.of(
                "The declassification date {date} has already passed.", date=when.isoformat()
            ),
            historic=Historic.SKIP,
        )


def _check_limit(
    when: date, cable: Cable, rules: AuthorityRules, f: Findings, *, exempt: bool, era: Historic
) -> None:
    origin = _origin(cable, f)
    limit = rules.max_exempt_years if exempt else rules.max_declassify_years
    if limit is None:
        return
    latest = _add_years(origin, limit)
    if when <= latest:
        return
    if exempt:
        f.error(
            _DEC,
            Phrase.of(
                "An exemption's date may lie at most {limit} years after the cable "
                "(E.O. 13526 section 3.3); choose {latest} or earlier.",
                limit=str(limit),
                latest=latest.isoformat(),
            ),
            since=2,
            historic=era,
        )
        return
    f.error(
        _DEC,
        Phrase.of(
            "The declassification date {date} is more than {limit} years after the "
            "cable; choose {latest} or earlier, or an exemption.",
            date=when.isoformat(),
            limit=str(limit),
            latest=latest.isoformat(),
        ),
        historic=era,
    )


def _check_downgrade(
    auth: Authority, cable: Cable, scheme: ClassificationScheme, banner: Marking, f: Findings
) -> None:
    if auth.downgrade is None:
        return
    field = "authority.downgrade"
    m = _DOWNGRADE.match(" ".join(auth.downgrade.split()))
    when = _date_or_none(m.group("date")) if m else None
    if m is None or when is None:
        f.error(
            field,
            Phrase.of(
                "Write the downgrade instruction as a level and a date, e.g. "
                "'{example} on 2030-01-01'.",
                example=_lower_example(scheme, banner),
            ),
            since=2,
        )
        return
    level = scheme.level(m.group("level"))
    if level is None or not level.classified or level.rank >= banner.level.rank:
        f.error(
            field,
            Phrase.of(
                "A {level} cable can be downgraded only to a lower classified level of the "
                "{scheme} scheme ({allowed}); to declassify it, use 'Declassify on'.",
                level=banner.level.name,
                scheme=scheme.name,
                allowed=[lv.name for lv in scheme.levels
                         if lv.classified and lv.rank < banner.level.rank] or "-",
            ),
            since=2,
        )  # fmt: skip
    if when <= _origin(cable, f):
        f.error(
            field,
            Phrase.of(
                "The downgrade date {date} must come after the cable's date.",
                date=when.isoformat(),
            ),
            since=2,
            historic=until(EO_13526_EFFECTIVE, cable, Historic.SKIP),
        )
    declassify = _date_or_none(auth.declassify_on.strip())
    if declassify is not None and when >= declassify:
        f.error(
            field,
            Phrase.of(
                "The downgrade date {date} must come before the declassification date "
                "{declassify}.",
                date=when.isoformat(),
                declassify=declassify.isoformat(),
            ),
            since=2,
        )


def _lower_example(scheme: ClassificationScheme, banner: Marking) -> str:
    lower = [lv for lv in scheme.levels if lv.classified and lv.rank < banner.level.rank]
    return lower[-1].name if lower else banner.level.name


def _check_sources(auth: Authority, f: Findings) -> None:
    multiple = (auth.derived_from or "").strip().rstrip(".").upper() == MULTIPLE_SOURCES
    field = "authority.sources"
    if multiple and not any(s.strip() for s in auth.sources):
        f.error(
            field,
            Phrase.of(
                "'Derived from: Multiple Sources' needs the list of the sources; name each one."
            ),
            since=2,
        )
    elif auth.sources and not multiple:
        f.error(
            field,
            Phrase.of(
                "A list of sources goes with 'Derived from: Multiple Sources'; write that in "
                "'Derived from', or name the one source there."
            ),
            since=2,
        )
    elif multiple and len(auth.sources) == 1:
        f.warn(
            field,
            Phrase.of("Only one source is listed: name it in 'Derived from' instead."),
            since=2,
        )
    for i, source in enumerate(auth.sources, start=1):
        if not source.strip():
            f.error(
                f"authority.sources[{i}]",
                Phrase.of("Source {number} is empty. Name it or remove it.", number=str(i)),
                since=2,
            )


def _date_or_none(text: str) -> date | None:
    try:
        return parse_date(text)
    except FieldError:
        return None


def _add_years(d: date, years: int) -> date:
    if d.year + years > date.max.year:  # a cable dated near the end of the calendar
        return date.max
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)
