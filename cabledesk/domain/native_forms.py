"""Native and legacy forms of markings, rewritten into the scheme's current form.

Registries receive markings written the way their authors' services write
them, or wrote them before a reform: the UK's ``SECRET UK EYES ONLY`` (no
``//``), State's older ``(S/NF)``, NATO's ``NSAT``, France's ``SECRET DÉFENSE``
(abolished in 2021), the US ``FOUO`` (replaced by CUI). CableDesk reads them,
marks them in the current form, and says why. The forms are data: each scheme
file lists its own in ``[[native_forms]]`` (see ``resources/schemes/README.md``),
so a ministry adds a form without touching code.

A form of kind ``marking`` stands for the beginning of a marking, up to a
``//`` or the end (``NSAT`` → ``NATO SECRET//ATOMAL``); it may hold the
placeholders ``{level}`` (any level of the scheme: name, portion mark or alias)
and ``{controls}`` (any text without ``//``, kept as written). A form of kind
``control`` is one control token, wherever it appears after the level
(``LD`` → ``LIMDIS``). Forms without placeholders are tried first, then the
others in file order. Letter case, runs of spaces and accents are ignored when
a form is matched (``TRES SECRET DEFENSE`` is ``TRÈS SECRET DÉFENSE``).

Markings are read through :func:`cabledesk.domain.marking.read_marking`, which
tries the current form first and this module only when that fails: a current
marking is never rewritten. :func:`rewrite` is the pure text step;
:func:`form_problems` checks a scheme's forms when its file is loaded.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Protocol, TypeVar

from cabledesk.errors import MarkingError
from cabledesk.phrase import Phrase

if TYPE_CHECKING:
    from collections.abc import Callable

    from cabledesk.domain.scheme import ClassificationScheme, Level

__all__ = ["KINDS", "PLACEHOLDERS", "NativeForm", "form_problems", "read_with_forms", "rewrite"]

KINDS = frozenset({"marking", "control"})
PLACEHOLDERS = ("{level}", "{controls}")
CATEGORY_SEPARATOR = "//"
CONTROL_SEPARATOR = "/"
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


class _Written(Protocol):
    @property
    def banner(self) -> str: ...
    @property
    def portion(self) -> str: ...


M = TypeVar("M", bound=_Written)
_PLACEHOLDER_SPLIT = re.compile(r"(\{level\}|\{controls\})")


@dataclass(frozen=True, slots=True)
class NativeForm:
    """One native or legacy way of writing a marking, what it is today, and why.

    ``note`` is the scheme file's explanation (data, in the file's language),
    e.g. "CONFIDENTIEL DÉFENSE was merged into SECRET by the 2021 reform of IGI 1300."
    """

    form: str
    current: str
    note: str
    kind: str = "marking"

    def phrase(self, written: str, current: str) -> Phrase:
        """The hint for a marking ``written`` in this form and read as ``current``."""
        return Phrase.of(
            "{written} is read as {current}. {note}",
            written=written,
            current=current,
            note=self.note,
        )


def read_with_forms(
    text: str, scheme: ClassificationScheme, parse: Callable[[str, ClassificationScheme], M]
) -> tuple[M, tuple[Phrase, ...]]:
    """``parse(text)`` (the strict parser of current markings); when it raises
    MarkingError and a native form matches, ``parse`` of the rewritten text, with a
    hint per form found. Use :func:`cabledesk.domain.marking.read_marking`."""
    try:
        return parse(text, scheme), ()
    except MarkingError:
        found = rewrite(text, scheme)
        if found is None:
            raise
    marking = parse(found[0], scheme)
    shown = marking.portion if found[0].startswith("(") else marking.banner
    written = " ".join(text.split())
    return marking, tuple(form.phrase(written, shown) for form in found[1])


def rewrite(text: str, scheme: ClassificationScheme) -> tuple[str, tuple[NativeForm, ...]] | None:
    """``text`` with its native or legacy forms replaced by their current form, and
    the forms found; None when no form of ``scheme`` matches.

    A portion mark stays a portion mark (``(S/NF)`` → ``(S//NF)``). The result
    is not checked: parse it as a current marking (it may still be wrong).
    """
    raw = " ".join(text.split())
    portion = raw.startswith("(") and raw.endswith(")") and len(raw) > 1
    body = raw[1:-1].strip() if portion else raw
    if not body or not scheme.native_forms:
        return None
    found: list[NativeForm] = []
    head = _rewrite_head(body, scheme)
    if head is not None:
        body, form = head
        found.append(form)
    body, controls = _rewrite_controls(body, scheme)
    found.extend(controls)
    if not found:
        return None
    return (f"({body})" if portion else body), tuple(found)


def _rewrite_head(body: str, scheme: ClassificationScheme) -> tuple[str, NativeForm] | None:
    segments = body.split(CATEGORY_SEPARATOR)
    prefixes = [CATEGORY_SEPARATOR.join(segments[:k]) for k in range(1, len(segments) + 1)]
    folded = [_fold_mapped(prefix) for prefix in prefixes]
    literal, patterned = _marking_forms(scheme.native_forms)
    for k, (text, _) in enumerate(folded, start=1):
        form = literal.get(text)
        if form is not None:
            return CATEGORY_SEPARATOR.join([form.current, *segments[k:]]), form
    for form in patterned:
        pattern = _pattern(form, scheme.levels)
        for k, (prefix, (text, where)) in enumerate(zip(prefixes, folded, strict=True), start=1):
            match = pattern.fullmatch(text)
            if match is None:
                continue
            current = form.current
            if "level" in match.groupdict():
                written = _original(prefix, where, match.span("level"))
                if scheme.level(written) is None:  # written without its accents
                    written = _level_tokens(scheme.levels)[match.group("level")].name
                current = current.replace("{level}", written)
            if "controls" in match.groupdict():
                written = _original(prefix, where, match.span("controls"))
                current = current.replace("{controls}", written)
            return CATEGORY_SEPARATOR.join([current, *segments[k:]]), form
    return None


@lru_cache(maxsize=64)
def _marking_forms(
    forms: tuple[NativeForm, ...],
) -> tuple[dict[str, NativeForm], tuple[NativeForm, ...]]:
    """The marking forms without placeholders by their folded text (tried first, and
    with no regular expression), and those with placeholders, in file order."""
    literal: dict[str, NativeForm] = {}
    patterned: list[NativeForm] = []
    for f in forms:
        if f.kind != "marking":
            continue
        if _PLACEHOLDER.search(f.form):
            patterned.append(f)
        else:
            literal.setdefault(_fold(f.form), f)
    return literal, tuple(patterned)


def _rewrite_controls(body: str, scheme: ClassificationScheme) -> tuple[str, list[NativeForm]]:
    forms = {_fold(f.form): f for f in scheme.native_forms if f.kind == "control"}
    if not forms:
        return body, []
    segments = body.split(CATEGORY_SEPARATOR)
    found: list[NativeForm] = []
    for i in range(1, len(segments)):
        tokens = segments[i].split(CONTROL_SEPARATOR)
        for j, token in enumerate(tokens):
            form = forms.get(_fold(token))
            if form is not None:
                tokens[j] = form.current
                if form not in found:
                    found.append(form)
        segments[i] = CONTROL_SEPARATOR.join(tokens)
    return CATEGORY_SEPARATOR.join(segments), found


# Caches are keyed by the forms and levels themselves, not by the scheme (equal by id only).
@lru_cache(maxsize=1024)
def _pattern(form: NativeForm, levels: tuple[Level, ...]) -> re.Pattern[str]:
    parts: list[str] = []
    for piece in _PLACEHOLDER_SPLIT.split(_fold(form.form)):
        if piece == "{level}":
            names = sorted(_level_tokens(levels), key=len, reverse=True)
            alternatives = "|".join(re.escape(n) for n in names)
            parts.append(f"(?P<level>{alternatives})")
        elif piece == "{controls}":
            parts.append(r"(?P<controls>[^/](?:(?!//).)*)")
        else:
            parts.append(re.escape(piece))
    return re.compile("".join(parts))


@lru_cache(maxsize=64)
def _level_tokens(levels: tuple[Level, ...]) -> dict[str, Level]:
    """Every way of writing one of the levels, folded, and the level it names."""
    tokens: dict[str, Level] = {}
    for lv in levels:
        for t in (lv.name, lv.portion, *lv.aliases):
            tokens.setdefault(_fold(t), lv)
    return tokens


@lru_cache(maxsize=4096)
def _fold(text: str) -> str:
    """Upper case, single spaces, no accents; placeholders kept as written."""
    out: list[str] = []
    for piece in _PLACEHOLDER_SPLIT.split(text):
        if piece in PLACEHOLDERS:
            out.append(piece)
        else:
            out.extend(
                d
                for c in piece.upper()
                for d in unicodedata.normalize("NFD", c)
                if not unicodedata.combining(d)
            )
    return " ".join("".join(out).split())


def _fold_mapped(text: str) -> tuple[str, list[int]]:
    """The folded text (upper case, no accents, single spaces), and for each of its
    characters the index of the character of ``text`` it comes from."""
    chars: list[str] = []
    where: list[int] = []
    for i, c in enumerate(text):
        if c.isspace():
            if chars and chars[-1] != " ":
                chars.append(" ")
                where.append(i)
            continue
        for d in unicodedata.normalize("NFD", c.upper()):
            if not unicodedata.combining(d):
                chars.append(d)
                where.append(i)
    if chars and chars[-1] == " ":
        chars.pop()
        where.pop()
    return "".join(chars), where


def _original(text: str, where: list[int], span: tuple[int, int]) -> str:
    start, end = span
    return text[where[start] : where[end - 1] + 1]


def form_problems(scheme: ClassificationScheme) -> list[tuple[int, str, str]]:
    """What is wrong with the scheme's ``[[native_forms]]``, as (index, key, problem).

    A form must not be a current marking (it would never apply), its current form
    must be one, and placeholders must be known and used in the form.
    """
    from cabledesk.domain.marking import read_marking  # marking imports this module

    problems: list[tuple[int, str, str]] = []
    seen: dict[tuple[str, str], int] = {}
    for i, f in enumerate(scheme.native_forms):
        key = (f.kind, _fold(f.form))
        if key in seen:
            problems.append((i, "form", f"the form {f.form!r} is listed twice"))
            continue
        seen[key] = i
        unknown = [p for p in _PLACEHOLDER.findall(f.form + f.current) if p not in PLACEHOLDERS]
        if unknown:
            problems.append((i, "form", f"unknown placeholder {unknown[0]}"))
            continue
        if f.kind == "control":
            if _PLACEHOLDER.search(f.form + f.current):
                problems.append((i, "form", "a control form takes no placeholders"))
            elif scheme.control(f.form) is not None:
                problems.append((i, "form", f"{f.form!r} is already a control of this scheme"))
            elif scheme.control(f.current) is None:
                problems.append((i, "current", f"{f.current!r} is not a control of this scheme"))
            continue
        missing = [p for p in PLACEHOLDERS if p in f.current and p not in f.form]
        if missing:
            problems.append((i, "current", f"{missing[0]} is not in the form"))
            continue
        if _PLACEHOLDER.search(f.form):
            continue  # a pattern: checked when it matches
        try:
            _, notes = read_marking(f.current, scheme)
        except MarkingError as exc:
            why = exc.message.rstrip(".")
            problems.append((i, "current", f"{f.current!r} is not a marking: {why}"))
            continue
        if notes:
            problems.append((i, "current", f"{f.current!r} is itself a native or legacy form"))
            continue
        try:
            _, notes = read_marking(f.form, scheme)
        except MarkingError:
            continue
        if not notes:
            problems.append((i, "form", f"{f.form!r} is already a current marking"))
    return problems
