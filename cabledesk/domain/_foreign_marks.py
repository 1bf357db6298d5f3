"""Foreign government information in a scheme's markings: ``(//GBR S)``, ``(//NS)``,
``(S//FGI DEU GBR)`` (32 CFR 2001.24(c); the CAPCO register's FGI and non-US marks).

A wholly foreign portion is written with its originator and the foreign level
(``//GBR S``, or an organisation's own mark, ``//NS``); it protects as the host
scheme's lowest level of at least the foreign tier (:func:`host_level`). A host
portion holding foreign information lists the originators after the FGI control.
What a scheme accepts is data: its ``[fgi]`` table.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from cabledesk.domain.countries import is_country_code
from cabledesk.domain.scheme import ClassificationScheme, ForeignLevel, Level
from cabledesk.errors import MarkingError
from cabledesk.phrase import Phrase

if TYPE_CHECKING:
    from cabledesk.domain.marking import Marking

__all__ = [
    "check_fgi",
    "host_level",
    "is_originator",
    "order_originators",
    "parse_foreign",
    "parse_originators",
]


def order_originators(codes: Iterable[str]) -> tuple[str, ...]:
    """The originators after FGI as the CAPCO register orders country lists: trigraphs,
    then organisations and tetragraphs, each alphabetically (``FGI DEU GBR NATO``)."""
    return tuple(sorted(set(codes), key=lambda c: (len(c) != 3, c)))


def parse_foreign(
    text: str, raw: str, scheme: ClassificationScheme
) -> tuple[Level, tuple[str, ...], str]:
    """The host level, originator and foreign level of ``GBR S`` or ``NS`` (after ``//``)."""
    rules = scheme.fgi
    token = " ".join(text.split())
    if rules is None:
        raise MarkingError(
            Phrase.of(
                "The {scheme} scheme has no marks for foreign government information ({marking}).",
                scheme=scheme.name,
                marking=repr(raw),
            ),
            hint=Phrase.of("Mark the portion in the {scheme} scheme.", scheme=scheme.name),
        )
    own = next(
        (lv for lv in rules.levels if lv.organisation and token in (lv.portion, lv.name)), None
    )
    if own is not None and own.organisation is not None:
        found, code = own, own.organisation
    else:
        code, _, rest = token.partition(" ")
        generic = rules.level(None, rest)
        if not is_originator(code, scheme) or generic is None:
            raise MarkingError(
                Phrase.of(
                    "{token} is not a foreign classification: write the originator's "
                    "code and its level, e.g. //GBR S.",
                    token=repr(token),
                ),
                hint=Phrase.of(
                    "Foreign levels: {levels}.",
                    levels=[lv.portion for lv in rules.levels if lv.organisation is None],
                ),
            )
        found = generic
    return host_level(found, scheme), (code,), found.portion


def host_level(foreign: ForeignLevel, scheme: ClassificationScheme) -> Level:
    """The level of ``scheme`` that protects a foreign level: the lowest of at least its
    tier, classified if the foreign level is (foreign RESTRICTED is CONFIDENTIAL in the
    US: 32 CFR 2001.24(c))."""
    for level in scheme.levels:
        if level.tier >= foreign.tier and (level.classified or foreign.tier == 0):
            return level
    return scheme.levels[-1]


def is_originator(code: str, scheme: ClassificationScheme) -> bool:
    from cabledesk.domain.tetragraphs import shipped_tetragraphs

    return code != scheme.country and (is_country_code(code) or code in shipped_tetragraphs())


def parse_originators(text: str, raw: str, scheme: ClassificationScheme) -> tuple[str, ...]:
    """The originators after ``FGI``: codes separated by spaces; none for a concealed source."""
    codes = text.split()
    for code in codes:
        if not is_originator(code, scheme):
            raise MarkingError(
                Phrase.of(
                    "{code} after FGI in {marking} is not a foreign country or organisation.",
                    code=repr(code),
                    marking=repr(raw),
                ),
                hint=Phrase.of("Write FGI and the originators' codes, e.g. FGI DEU GBR."),
            )
    if len(set(codes)) != len(codes):
        raise MarkingError(
            Phrase.of("A country appears twice after FGI in {marking}.", marking=repr(raw))
        )
    return order_originators(codes)


def check_fgi(m: Marking, names: set[str]) -> None:
    """Raise ValueError unless the marking's FGI fields are consistent (a bug, not input)."""
    rules = m.scheme.fgi
    if rules is None:
        if m.fgi or m.foreign is not None:
            raise ValueError(f"scheme {m.scheme.id} has no foreign government information")
        return
    if m.foreign is not None:
        if len(m.fgi) != 1 or m.foreign_level is None or rules.control in names:
            raise ValueError("a wholly foreign marking has one originator and no FGI control")
    elif m.fgi and rules.control not in names:
        raise ValueError("FGI originators need the FGI control")
    if order_originators(m.fgi) != m.fgi or len(set(m.fgi)) != len(m.fgi):
        raise ValueError("fgi must be ordered with order_originators(), without duplicates")
