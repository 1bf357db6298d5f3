"""Classification markings: a level plus controls, in banner and portion form.

``SECRET//NOFORN`` and ``(S//NF)`` are the same :class:`Marking` written in
banner and portion form. Categories are separated by ``//``, several controls
of one category by ``/``, and a release list by ``, ``
(``CONFIDENTIAL//REL TO USA, GBR``). Parse with :func:`parse_marking` (either
form, case-insensitive); write with :attr:`Marking.banner` and
:attr:`Marking.portion`. ``parse_marking(m.banner) == m`` and
``parse_marking(m.portion) == m`` for every marking.

Foreign government information is part of a marking where the scheme has marks
for it (``(//GBR S)``, ``(S//FGI DEU)``: :mod:`._foreign_marks`); native and
legacy forms (``(S/NF)``, ``SECRET UK EYES ONLY``) are read into the current
form, with a note (:func:`read_marking`, :mod:`.native_forms`).

Unknown tokens and contradictions (``NOFORN`` with ``REL TO``, a control below
its minimum level, a release list without the originating country) raise
:class:`~cabledesk.errors.MarkingError` naming the bad token
(:mod:`._marking_checks`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cabledesk.domain._foreign_marks import host_level, parse_foreign, parse_originators
from cabledesk.domain._marking_checks import check_marking, order_release_list
from cabledesk.domain.countries import is_country_code
from cabledesk.domain.native_forms import read_with_forms
from cabledesk.domain.scheme import ClassificationScheme, Control, ForeignLevel, Level
from cabledesk.errors import MarkingError
from cabledesk.phrase import Phrase

__all__ = ["Marking", "host_level", "order_release_list", "parse_marking", "read_marking"]

CATEGORY_SEPARATOR = "//"
CONTROL_SEPARATOR = "/"
LIST_SEPARATOR = ", "

_Namer = Callable[[Control], str]


@dataclass(frozen=True, slots=True)
class Marking:
    """A level of a scheme, its controls, and the release list if it has one.

    Constructing a contradictory marking raises MarkingError.
    """

    scheme: ClassificationScheme
    level: Level
    controls: frozenset[Control] = frozenset()
    release_to: tuple[str, ...] = ()
    # Foreign government information: the originators' codes, sorted (``FGI DEU GBR``);
    # with ``foreign`` (the foreign level's portion, ``S`` or ``NS``) the whole portion
    # is foreign (``(//GBR S)``), and ``fgi`` holds its one originator.
    fgi: tuple[str, ...] = ()
    foreign: str | None = None

    def __post_init__(self) -> None:
        check_marking(self)

    @classmethod
    def parse(cls, text: str, scheme: ClassificationScheme) -> Marking:
        """Parse banner or portion form; see :func:`parse_marking`."""
        return parse_marking(text, scheme)

    @property
    def banner(self) -> str:
        """The banner form, e.g. ``SECRET//NOFORN`` (``//GBR SECRET`` for a foreign one)."""
        return self._format(self._level_text(portion=False), lambda c: c.name)

    @property
    def portion(self) -> str:
        """The portion form with its parentheses, e.g. ``(S//NF)``."""
        for alias, expansion in self.scheme.portion_aliases.items():
            if _expands_to(expansion, self):
                return f"({alias})"
        return f"({self._format(self._level_text(portion=True), lambda c: c.portion)})"

    @property
    def foreign_level(self) -> ForeignLevel | None:
        """The foreign level of a wholly foreign portion (``S`` of ``(//GBR S)``), else None."""
        if self.foreign is None or self.scheme.fgi is None:
            return None
        found = self.scheme.fgi.level(self.fgi[0], self.foreign)
        return found or self.scheme.fgi.level(None, self.foreign)

    def _level_text(self, *, portion: bool) -> str:
        foreign = self.foreign_level
        if foreign is None:
            return self.level.portion if portion else self.level.name
        text = foreign.portion if portion else foreign.name
        # "//GBR S"; an organisation's own mark names it already: "//NS", "//NATO SECRET".
        return (
            f"{CATEGORY_SEPARATOR}{text}"
            if foreign.organisation
            else (f"{CATEGORY_SEPARATOR}{self.fgi[0]} {text}")
        )

    @property
    def control_names(self) -> frozenset[str]:
        return frozenset(c.name for c in self.controls)

    def _format(self, level_text: str, name_of: _Namer) -> str:
        parts = [level_text]
        ordered = sorted(self.controls, key=lambda c: c.order)
        for category in self.scheme.categories:
            values = [self._control_text(c, name_of) for c in ordered if c.category == category]
            if values:
                parts.append(CONTROL_SEPARATOR.join(values))
        return CATEGORY_SEPARATOR.join(parts)

    def _control_text(self, control: Control, name_of: _Namer) -> str:
        release = self.scheme.release
        if release is not None and control.name == release.control:
            return f"{name_of(control)} {LIST_SEPARATOR.join(self.release_to)}"
        fgi = self.scheme.fgi
        if fgi is not None and control.name == fgi.control and self.fgi:
            return " ".join((name_of(control), *self.fgi))
        return name_of(control)

    def __str__(self) -> str:
        return self.banner


def _expands_to(expansion: str, marking: Marking) -> bool:
    try:
        return _parse_body(expansion, marking.scheme) == marking
    except MarkingError:
        return False


def parse_marking(text: str, scheme: ClassificationScheme) -> Marking:
    """Parse a marking in banner (``SECRET//NOFORN``) or portion (``(S//NF)``) form.

    Full names, portion abbreviations and aliases are accepted in either form,
    in any letter case, and so are the scheme's native and legacy forms (see
    :func:`read_marking`). Raises MarkingError naming the bad token.
    """
    return read_marking(text, scheme)[0]


def read_marking(text: str, scheme: ClassificationScheme) -> tuple[Marking, tuple[Phrase, ...]]:
    """Parse a marking as :func:`parse_marking` does, with a note for each native or
    legacy form it was written in (``(S/NF)`` is read as ``(S//NF)``; none for a
    marking in the current form). Raises MarkingError naming the bad token.
    """
    return read_with_forms(text, scheme, _parse_current)


def _parse_current(text: str, scheme: ClassificationScheme) -> Marking:
    if not isinstance(text, str):
        raise TypeError("a marking is a str")
    raw = " ".join(text.split())
    if raw.startswith("("):
        if not raw.endswith(")"):
            raise MarkingError(
                Phrase.of("The portion mark {mark} has no closing parenthesis.", mark=repr(raw)),
                hint=Phrase.of("Write portion marks like (S//NF)."),
            )
        raw = raw[1:-1].strip()
        alias = scheme.portion_aliases.get(raw.upper())
        if alias is not None:
            raw = alias
    if not raw:
        raise MarkingError(
            Phrase.of("The marking is empty."),
            hint=Phrase.of("Write a level such as {level}.", level=scheme.lowest.name),
        )
    return _parse_body(raw, scheme)


def _parse_body(raw: str, scheme: ClassificationScheme) -> Marking:
    segments = raw.upper().split(CATEGORY_SEPARATOR)
    fgi: tuple[str, ...] = ()
    foreign: str | None = None
    if not segments[0].strip() and len(segments) > 1:  # "//GBR S": wholly foreign
        level, fgi, foreign = parse_foreign(segments[1], raw, scheme)
        segments = segments[1:]
    else:
        level = scheme.level_named(segments[0].strip())
    controls: list[Control] = []
    release_to: tuple[str, ...] = ()
    for segment in segments[1:]:
        if not segment.strip():
            raise MarkingError(
                Phrase.of(
                    "The marking {marking} has an empty part between '//' separators.",
                    marking=repr(raw),
                ),
                hint=Phrase.of("Remove the extra '//'."),
            )
        for token in (t.strip() for t in segment.split(CONTROL_SEPARATOR)):
            control, codes = _parse_control(token, raw, scheme)
            if control in controls:
                raise MarkingError(
                    Phrase.of(
                        "{control} appears twice in the marking {marking}.",
                        control=control.name,
                        marking=repr(raw),
                    ),
                    hint=Phrase.of("Write each control once."),
                )
            controls.append(control)
            if codes is not None and scheme.fgi is not None and control.name == scheme.fgi.control:
                fgi = codes
            elif codes is not None:
                release_to = codes
    return Marking(
        scheme=scheme,
        level=level,
        controls=frozenset(controls),
        release_to=release_to,
        fgi=fgi,
        foreign=foreign,
    )


def _parse_control(
    token: str, raw: str, scheme: ClassificationScheme
) -> tuple[Control, tuple[str, ...] | None]:
    release = scheme.release
    for name in _list_controls(scheme):
        if token == name or token.startswith(name + " "):
            control = scheme.control(name)
            assert control is not None
            if scheme.fgi is not None and name == scheme.fgi.control:
                return control, parse_originators(token[len(name) :], raw, scheme)
            assert release is not None
            return control, _parse_release_list(token[len(name) :], scheme)
    control = scheme.control(token)
    if control is not None and release is not None and control.name == release.control:
        return control, _parse_release_list("", scheme)  # an alias without its list
    if control is None:
        if not token:
            raise MarkingError(
                Phrase.of(
                    "The marking {marking} has an empty control between '/' separators.",
                    marking=repr(raw),
                ),
                hint=Phrase.of("Remove the extra '/'."),
            )
        raise MarkingError(
            Phrase.of(
                "{token} is not a control of the {scheme} scheme.",
                token=repr(token),
                scheme=scheme.name,
            ),
            hint=Phrase.of(
                "Known controls: {controls}.", controls=[c.name for c in scheme.controls]
            ),
        )
    return control, None


def _list_controls(scheme: ClassificationScheme) -> list[str]:
    """The controls followed by a list of codes, with every name they are written by."""
    names: list[str] = []
    for rule in (scheme.release, scheme.fgi):
        control = scheme.control(rule.control) if rule is not None else None
        if control is not None:
            names.extend(n for n in (control.name, control.portion, *control.aliases) if n)
    return sorted(set(names), key=len, reverse=True)


def _parse_release_list(text: str, scheme: ClassificationScheme) -> tuple[str, ...]:
    assert scheme.release is not None
    name = scheme.release.control
    codes = [c.strip() for c in text.split(",")]
    if not text.strip():
        raise MarkingError(
            Phrase.of("{control} needs a list of countries.", control=name),
            hint=Phrase.of(
                "For example: {control} {country}, GBR.", control=name, country=scheme.country
            ),
        )
    seen: set[str] = set()
    for code in codes:
        if not code:
            raise MarkingError(
                Phrase.of(
                    "The {control} list {text} has an empty entry.",
                    control=name,
                    text=repr(text.strip()),
                ),
                hint=Phrase.of("Separate country codes with a comma and a space."),
            )
        if not (
            code == scheme.country or code in scheme.release.tetragraphs or is_country_code(code)
        ):
            raise MarkingError(
                Phrase.of(
                    "{code} in the {control} list is not a known country code.",
                    code=repr(code),
                    control=name,
                ),
                hint=Phrase.of(
                    "Use ISO 3166 three-letter codes (GBR, FRA, DEU) or {tetragraphs}.",
                    tetragraphs=scheme.release.tetragraphs,
                ),
            )
        if code in seen:
            raise MarkingError(
                Phrase.of("{code} appears twice in the {control} list.", code=code, control=name)
            )
        seen.add(code)
    return order_release_list(codes, scheme)
