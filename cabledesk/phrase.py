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

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import TypeAlias

    Value: TypeAlias = "str | Phrase | Sequence[str | Phrase]"

__all__ = ["Phrase"]


def _english(template: str) -> str:
    return template


class Phrase:
    """An immutable, hashable template with its values.

    A plain class: every error carries a phrase, so this module is on the path
    of every command, where a dataclass (``dataclasses`` imports ``inspect``) or
    a NamedTuple (which evaluates its annotations) would cost start-up time.
    """

    __slots__ = ("template", "values")
    template: str
    values: tuple[tuple[str, Value], ...]

    def __init__(self, template: str, values: tuple[tuple[str, Value], ...] = ()) -> None:
        object.__setattr__(self, "template", template)
        object.__setattr__(self, "values", values)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a Phrase is immutable ({name})")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"a Phrase is immutable ({name})")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Phrase):
            return NotImplemented
        return (self.template, self.values) == (other.template, other.values)

    def __hash__(self) -> int:
        return hash((self.template, self.values))

    def __reduce__(self) -> tuple[type[Phrase], tuple[str, tuple[tuple[str, Value], ...]]]:
        return (Phrase, (self.template, self.values))  # copy and pickle despite __setattr__

    def __repr__(self) -> str:
        return f"Phrase(template={self.template!r}, values={self.values!r})"

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
