"""Who belongs to the organisations that markings name instead of a country.

Release lists name tetragraphs (``REL TO USA, FVEY``) and organisation
schemes originate from an organisation (NATO, EU) rather than a country. The
release policy expands such a code to the nationalities of its members with
:meth:`TetragraphTable.nationalities`. The member lists are data,
``resources/tetragraphs.toml``; :func:`shipped_tetragraphs` reads that file
once, :meth:`TetragraphTable.parse` reads any other text in the same format.
A malformed file raises :class:`~cabledesk.errors.SchemeError` naming the
file and the code.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any, NoReturn

from cabledesk.domain.countries import is_country_code
from cabledesk.errors import SchemeError
from cabledesk.resources import resource_path

__all__ = ["Tetragraph", "TetragraphTable", "shipped_tetragraphs"]

RESOURCE = "tetragraphs.toml"
_CODE = re.compile(r"^[A-Z]{2,6}$")
_KEYS = frozenset({"name", "as_of", "members"})


@dataclass(frozen=True, slots=True)
class Tetragraph:
    """An organisation or coalition code, its full name and its member countries."""

    code: str
    name: str
    as_of: date
    members: frozenset[str]


class TetragraphTable(Mapping[str, Tetragraph]):
    """Tetragraphs by code (``FVEY``, ``NATO``, ``EU``…)."""

    def __init__(self, entries: Mapping[str, Tetragraph]) -> None:
        self._entries = dict(entries)

    @classmethod
    def parse(cls, text: str, *, source: str = "<tetragraphs>") -> TetragraphTable:
        """Read the text of a tetragraph file; SchemeError naming ``source`` if malformed."""
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            _fail(source, f"it is not valid TOML: {exc}")
        except RecursionError:
            _fail(source, "it is not valid TOML: its arrays or tables are nested far too deeply")
        return cls({code: _entry(code, value, source) for code, value in data.items()})

    def __getitem__(self, code: str) -> Tetragraph:
        return self._entries[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def nationalities(self, code: str) -> frozenset[str] | None:
        """The nationalities a country or organisation code stands for.

        A country code stands for itself, a tetragraph for its members; None
        for a code this table does not know (nobody may be assumed to belong).
        """
        if code in self._entries:
            return self._entries[code].members
        if is_country_code(code):
            return frozenset({code})
        return None


@lru_cache(maxsize=1)
def shipped_tetragraphs() -> TetragraphTable:
    """The member lists shipped in ``resources/tetragraphs.toml`` (read once).

    Raises SchemeError if the file is malformed or missing.
    """
    path = resource_path(RESOURCE)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SchemeError(f"Cannot read the tetragraph file {path}: {exc}") from exc
    return TetragraphTable.parse(text, source=str(path))


def _entry(code: str, value: Any, source: str) -> Tetragraph:
    if not _CODE.match(code):
        _fail(source, f"{code!r} is not a code of 2 to 6 capital letters")
    if is_country_code(code):
        _fail(source, f"{code} is a country code, not an organisation")
    if not isinstance(value, dict):
        _fail(source, f"{code} must be a [{code}] table")
    unknown = sorted(set(value) - _KEYS)
    missing = sorted(_KEYS - set(value))
    if unknown or missing:
        problem = f"unknown key {unknown[0]!r}" if unknown else f"{missing[0]!r} is missing"
        _fail(source, f"[{code}]: {problem}")
    name, as_of, members = value["name"], value["as_of"], value["members"]
    if not isinstance(name, str) or not name.strip():
        _fail(source, f"[{code}]: 'name' must be a non-empty text")
    if not isinstance(as_of, date) or isinstance(as_of, datetime):
        _fail(source, f"[{code}]: 'as_of' must be a date written YYYY-MM-DD")
    if not isinstance(members, list) or not members:
        _fail(source, f"[{code}]: 'members' must be a non-empty list of country codes")
    for member in members:
        if not isinstance(member, str) or not is_country_code(member):
            _fail(source, f"[{code}]: {member!r} is not an ISO 3166 three-letter country code")
    if len(set(members)) != len(members):
        _fail(source, f"[{code}]: a member is listed twice")
    return Tetragraph(
        code=code, name=" ".join(name.split()), as_of=as_of, members=frozenset(members)
    )


def _fail(source: str, problem: str) -> NoReturn:
    raise SchemeError(
        f"The tetragraph file {source} is malformed: {problem}.",
        hint="Fix the file; its format is described at its top.",
    )
