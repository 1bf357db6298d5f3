"""The export-ceiling setting as text, and the ceiling it means.

The setting is stored as the text people type, in one of these forms:

- ``""`` (shown as ``default``): each scheme's lowest classified level;
- ``off``: no ceiling, every level may be exported as an unencrypted document;
- a level of the user's scheme (``CONFIDENTIAL``, ``SECRET``): that level in the
  user's scheme and, in every other scheme, its highest level of the same or a
  lower equivalence tier (a ceiling is never raised by a translation);
- per scheme, ``us=SECRET, uk=OFFICIAL``: the form the desktop accepted before
  (schemes not named keep the default).

:func:`canonical_ceiling` checks a typed value and gives the text to store;
:func:`ceiling_from_setting` gives the :class:`ExportCeiling` a stored text means.
Both raise MarkingError for a level a scheme does not have, SchemeError for an
unknown scheme and SettingError for text of no form above.
"""

from __future__ import annotations

import re

from cabledesk.domain.export_ceiling import ExportCeiling
from cabledesk.domain.scheme import ClassificationScheme, Level, SchemeRegistry
from cabledesk.errors import SettingError
from cabledesk.phrase import Phrase

__all__ = ["DEFAULT_WORD", "OFF_WORD", "canonical_ceiling", "ceiling_from_setting"]

DEFAULT_WORD = "default"
OFF_WORD = "off"
_PAIR = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=\s*(.+?)\s*$")


def canonical_ceiling(text: str, schemes: SchemeRegistry, user_scheme: str) -> str:
    """The text to store for the typed ``text`` (see the module docstring)."""
    words = " ".join(text.split())
    if words.lower() in ("", DEFAULT_WORD):
        return ""
    if words.lower() == OFF_WORD:
        return OFF_WORD
    if "=" not in words:
        return schemes.get_scheme(user_scheme).level_named(words).name
    pairs = _pairs(words, schemes)
    return ", ".join(f"{scheme_id}={name}" for scheme_id, name in pairs)


def ceiling_from_setting(text: str, schemes: SchemeRegistry, user_scheme: str) -> ExportCeiling:
    """The ceiling the stored ``text`` means (see the module docstring)."""
    stored = canonical_ceiling(text, schemes, user_scheme)
    if not stored:
        return ExportCeiling()
    if stored == OFF_WORD:
        return ExportCeiling(tuple((s.id, s.levels[-1].name) for s in _sorted(schemes)))
    if "=" in stored:
        return ExportCeiling(_pairs(stored, schemes))
    mine = schemes.get_scheme(user_scheme)
    ceiling = mine.level_named(stored)
    pairs = []
    for scheme in _sorted(schemes):
        level = ceiling if scheme == mine else _at_most(scheme, ceiling)
        pairs.append((scheme.id, level.name))
    return ExportCeiling(tuple(pairs))


def _pairs(text: str, schemes: SchemeRegistry) -> tuple[tuple[str, str], ...]:
    found: dict[str, str] = {}
    for item in filter(str.strip, text.split(",")):
        match = _PAIR.match(item)
        if match is None:
            raise SettingError(
                Phrase.of(
                    "The export ceiling {value} is not a level, 'off', or of the form "
                    "'us=SECRET, uk=OFFICIAL'.",
                    value=repr(text),
                ),
                hint=Phrase.of("Give a level of your scheme, such as CONFIDENTIAL, or 'off'."),
            )
        scheme = schemes.get_scheme(match[1])
        found[scheme.id] = scheme.level_named(match[2]).name
    return tuple(sorted(found.items()))


def _at_most(scheme: ClassificationScheme, ceiling: Level) -> Level:
    """The highest level of ``scheme`` whose tier is not above ``ceiling``'s."""
    below = [lv for lv in scheme.levels if lv.tier <= ceiling.tier]
    return below[-1] if below else scheme.lowest


def _sorted(schemes: SchemeRegistry) -> list[ClassificationScheme]:
    return [schemes[scheme_id] for scheme_id in sorted(schemes)]
