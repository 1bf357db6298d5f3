"""A strict, typed reader over decoded JSON, whose errors name the field.

Used by every decoder of JSON that comes from outside (cables, later
manifests and contact cards). Each accessor either returns a value of the
asked type or raises the error class given to :meth:`Reader.from_json` with
the path of the field (``paragraphs[2].marking``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from cabledesk.errors import CableDeskError, CableFormatError

__all__ = ["DuplicateKey", "Reader", "invalid_json", "no_duplicate_keys"]

_MISSING = object()


def no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """``json.loads``'s ``object_pairs_hook`` for outside input: an object naming a
    field twice raises :class:`DuplicateKey` (JSON would keep the last one)."""
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise DuplicateKey(key)
        result[key] = value
    return result


class DuplicateKey(ValueError):
    """A JSON object names the field :attr:`key` twice."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def invalid_json(
    exc: ValueError | RecursionError, *, what: str, error: type[CableDeskError]
) -> CableDeskError:
    """The error for bytes that ``json.loads`` refused: not JSON (the line and column
    said), nested past the recursion limit, or an integer too long to convert."""
    detail = (
        f" (line {exc.lineno}, column {exc.colno})" if isinstance(exc, json.JSONDecodeError) else ""
    )
    article = "an" if what[:1] in "aeiou" else "a"
    return error(
        f"This {what} file is not valid JSON{detail}.",
        hint=f"It may be damaged or not {article} {what} at all.",
    )


class Reader:
    """One JSON value at a path; ``error`` is the CableDeskError class to raise."""

    def __init__(
        self, value: Any, path: str, what: str, error: type[CableDeskError] = CableFormatError
    ) -> None:
        self.value = value
        self.path = path
        self.what = what
        self.error = error

    @classmethod
    def from_json(
        cls, data: bytes, *, what: str, error: type[CableDeskError] = CableFormatError
    ) -> Reader:
        """Decode UTF-8 JSON bytes whose top level must be an object."""
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise error(f"This {what} file is not UTF-8 text.") from None
        try:
            value = json.loads(text, object_pairs_hook=no_duplicate_keys)
        except DuplicateKey as exc:
            raise error(f"This {what} file names the field {exc.key!r} twice.") from None
        # ValueError beyond JSONDecodeError: an integer of more digits than Python converts
        except (ValueError, RecursionError) as exc:
            raise invalid_json(exc, what=what, error=error) from None
        reader = cls(value, "", what, error)
        if not isinstance(value, dict):
            raise error(f"This {what} file does not hold a {what} (a JSON object).")
        return reader

    def _fail(self, problem: str) -> CableDeskError:
        if not self.path:
            return self.error(f"This {self.what} file {problem} (a JSON object).")
        return self.error(f"In this {self.what}, the field {self.path} {problem}.")

    def _expect(self, kind: type, what: str) -> None:
        if not isinstance(self.value, kind) or isinstance(self.value, bool) != (kind is bool):
            raise self._fail(f"must be {what}")

    def _child(self, value: Any, suffix: str) -> Reader:
        return Reader(value, f"{self.path}{suffix}", self.what, self.error)

    def has(self, name: str) -> bool:
        return isinstance(self.value, dict) and name in self.value

    def field(self, name: str) -> Reader:
        """The named member of this object; raises if it is missing."""
        self._expect(dict, "an object")
        prefix = f"{self.path}." if self.path else ""
        if name not in self.value:
            raise self.error(f"In this {self.what}, the field {prefix}{name} is missing.")
        return Reader(self.value[name], f"{prefix}{name}", self.what, self.error)

    def only_fields(self, *names: str) -> None:
        """Raise if this object has a member not in ``names`` or lacks one of them."""
        self._expect(dict, "an object")
        unknown = sorted(set(self.value) - set(names))
        if unknown:
            prefix = f"{self.path}." if self.path else ""
            raise self.error(
                f"In this {self.what}, the field {prefix}{unknown[0]} is not part of the format.",
                hint="It may come from a newer version of CableDesk.",
            )
        for name in names:
            self.field(name)

    def is_null(self) -> bool:
        return self.value is None

    def text(self, *, allow_empty: bool = False) -> str:
        """The text; refused when empty (unless ``allow_empty``) or when it holds a lone
        surrogate (``\ud800``: JSON can write one, but it is no character, and no
        UTF-8 writer — a database, a file — accepts it)."""
        self._expect(str, "text")
        if not allow_empty and not self.value.strip():
            raise self._fail("must not be empty")
        result: str = self.value
        try:
            result.encode("utf-8")
        except UnicodeEncodeError:
            raise self._fail("holds text that is not valid Unicode") from None
        return result

    def optional_text(self) -> str | None:
        return None if self.value is None else self.text(allow_empty=True)

    def texts(self) -> tuple[str, ...]:
        return tuple(r.text() for r in self.items())

    def count(self) -> int:
        self._expect(int, "a whole number")
        if self.value < 0:
            raise self._fail("must not be negative")
        result: int = self.value
        return result

    def optional_count(self) -> int | None:
        return None if self.value is None else self.count()

    def boolean(self) -> bool:
        self._expect(bool, "true or false")
        result: bool = self.value
        return result

    def items(self) -> Iterator[Reader]:
        self._expect(list, "a list")
        for i, value in enumerate(self.value):
            yield self._child(value, f"[{i}]")
