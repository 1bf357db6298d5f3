"""A sentence that a face can translate: an English template with named values.

The core writes its sentences in English. A sentence that names a person or a
level cannot be looked up whole in a translation catalogue; a :class:`Phrase`
keeps it in parts: the template (``"{label} may not receive this cable"``),
looked up on its own, and the values, each a plain string (data: names,
levels, codes — never translated), a phrase, or a list of them (joined with
", "). :meth:`Phrase.render` puts it together, through the lookup the caller
gives (none: English).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Union

__all__ = ["Phrase"]

Value = Union[str, "Phrase", Sequence["str | Phrase"]]


def _english(template: str) -> str:
    return template


@dataclass(frozen=True, slots=True)
class Phrase:
    template: str
    values: tuple[tuple[str, Value], ...] = ()

    @classmethod
    def of(cls, template: str, **values: Value) -> Phrase:
        """The phrase ``template`` with ``values`` (lists kept as tuples: a phrase is hashable)."""
        return cls(
            template,
            tuple(
                (name, value if isinstance(value, str | Phrase) else tuple(value))
                for name, value in values.items()
            ),
        )

    def render(self, lookup: Callable[[str], str] = _english) -> str:
        """The sentence, each template passed through ``lookup`` (a translation)."""
        return lookup(self.template).format(
            **{name: _render(value, lookup) for name, value in self.values}
        )


def _render(value: Value, lookup: Callable[[str], str]) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, Phrase):
        return value.render(lookup)
    return ", ".join(_render(part, lookup) for part in value)
