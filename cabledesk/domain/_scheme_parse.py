"""Strict reading of a scheme file's TOML data, with errors that name file and line.

``tomllib`` reports syntax errors with their line; this module finds the line
of a *semantic* problem (a missing key, a wrong type) by locating the table
and key in the original text, so that a ministry editing a scheme file is told
exactly where to look.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

from cabledesk.errors import SchemeError

if TYPE_CHECKING:
    from cabledesk.domain.native_forms import NativeForm
    from cabledesk.domain.scheme import AuthorityRules, Control, ForeignRules, ReleaseRules

__all__ = ["SchemeParser"]

T = TypeVar("T")
_TABLE_HEADER = re.compile(r"^\s*\[\[?\s*([A-Za-z0-9_.-]+)\s*\]\]?\s*(#.*)?$")


class SchemeParser:
    """Typed accessors over a scheme file's data; every failure is a SchemeError."""

    def __init__(self, data: Mapping[str, Any], text: str, source: str) -> None:
        self.data = data
        self.lines = text.splitlines()
        self.source = source

    # -- locating problems -------------------------------------------------

    def _line(self, table: str | None, index: int | None, key: str | None) -> int | None:
        start = 0
        end = len(self.lines)
        if table is not None:
            seen = -1
            start = -1
            for n, line in enumerate(self.lines):
                m = _TABLE_HEADER.match(line)
                if m and m.group(1) == table:
                    seen += 1
                    if index is None or seen == index:
                        start = n
                        break
            if start < 0:
                return None
            end = next(
                (
                    n
                    for n in range(start + 1, len(self.lines))
                    if _TABLE_HEADER.match(self.lines[n])
                ),
                len(self.lines),
            )
        else:
            end = next(
                (n for n, line in enumerate(self.lines) if _TABLE_HEADER.match(line)),
                len(self.lines),
            )
        if key is None:
            return start + 1
        pattern = re.compile(rf"^\s*\"?{re.escape(key)}\"?\s*=")
        for n in range(start, end):
            if pattern.match(self.lines[n]):
                return n + 1
        return start + 1 if table is not None else None

    def fail(
        self,
        problem: str,
        table: str | None = None,
        index: int | None = None,
        key: str | None = None,
    ) -> NoReturn:
        line = self._line(table, index, key)
        where = f"{self.source}, line {line}" if line else self.source
        raise SchemeError(
            f"The classification scheme file {where} is malformed: {problem}.",
            hint="Fix the file; the format is described in resources/schemes/README.md.",
        )

    # -- typed accessors ---------------------------------------------------

    def _get(self, entry: Mapping[str, Any], key: str, table: str | None, index: int | None) -> Any:
        if key not in entry:
            where = f"[[{table}]] number {index + 1}" if table and index is not None else "the top"
            self.fail(f"{key!r} is missing in {where}", table, index)
        return entry[key]

    def text(self, entry: Mapping[str, Any], key: str, table: str | None, index: int | None) -> str:
        value = self._get(entry, key, table, index)
        if not isinstance(value, str) or not value.strip():
            self.fail(f"{key!r} must be a non-empty text", table, index, key)
        return " ".join(value.split())

    def optional_text(
        self, entry: Mapping[str, Any], key: str, table: str | None, index: int | None
    ) -> str | None:
        if key not in entry:
            return None
        return self.text(entry, key, table, index)

    def texts(
        self, entry: Mapping[str, Any], key: str, table: str | None, index: int | None
    ) -> list[str]:
        value = entry.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            self.fail(f"{key!r} must be a list of texts", table, index, key)
        return [" ".join(v.split()) for v in value]

    def integer(
        self,
        entry: Mapping[str, Any],
        key: str,
        table: str | None,
        index: int | None,
        low: int,
        high: int,
    ) -> int:
        value = self._get(entry, key, table, index)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            self.fail(f"{key!r} must be a whole number from {low} to {high}", table, index, key)
        return value

    def boolean(
        self, entry: Mapping[str, Any], key: str, table: str | None, index: int | None
    ) -> bool:
        value = self._get(entry, key, table, index)
        if not isinstance(value, bool):
            self.fail(f"{key!r} must be true or false", table, index, key)
        return value

    def optional_boolean(self, entry: Mapping[str, Any], key: str, *, default: bool) -> bool:
        if key not in entry:
            return default
        return self.boolean(entry, key, None, None)

    def pattern(
        self,
        entry: Mapping[str, Any],
        key: str,
        table: str | None,
        index: int | None,
        regex: re.Pattern[str],
        what: str,
    ) -> str:
        value = self.text(entry, key, table, index)
        if not regex.match(value):
            self.fail(f"{key!r} must be {what}, not {value!r}", table, index, key)
        return value.lower()

    def tables(self, name: str) -> list[Mapping[str, Any]]:
        value = self.data.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.fail(f"{name!r} must be written as [[{name}]] tables", None, None, name)
        return value

    def table(self, name: str) -> Mapping[str, Any] | None:
        value = self.data.get(name)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.fail(f"{name!r} must be a [{name}] table", None, None, name)
        return value

    def string_table(self, name: str) -> dict[str, str]:
        value = self.table(name) or {}
        for k, v in value.items():
            if not isinstance(v, str):
                self.fail(f"[{name}] entry {k!r} must be a text", name, None, k)
        return dict(value)

    def index(self, pairs: Iterable[tuple[str, T]], key: Callable[[str], str]) -> dict[str, T]:
        """Map every name to its entry; two entries may not share a name."""
        found: dict[str, T] = {}
        for token, item in pairs:
            k = key(token)
            if k in found and found[k] != item:
                self.fail(f"the name {token!r} is used twice")
            found[k] = item
        return found

    # -- composite entries -------------------------------------------------

    def control(
        self,
        entry: Mapping[str, Any],
        i: int,
        categories: tuple[str, ...],
        level_names: set[str],
        audiences: frozenset[str],
        factory: type[Control],
    ) -> Control:
        category = self.text(entry, "category", "controls", i)
        if category not in categories:
            self.fail(
                f"category {category!r} is not one of the scheme's categories {list(categories)}",
                "controls",
                i,
                "category",
            )
        bounds: dict[str, str | None] = {}
        for key in ("min_level", "max_level"):
            value = self.optional_text(entry, key, "controls", i)
            if value is not None and value.upper() not in level_names:
                self.fail(f"{key} {value!r} is not a level of this scheme", "controls", i, key)
            bounds[key] = value.upper() if value else None
        audience = self.optional_text(entry, "audience", "controls", i)
        if audience is not None and audience not in audiences:
            self.fail(
                f"audience {audience!r} must be one of {sorted(audiences)}",
                "controls",
                i,
                "audience",
            )
        rollup = self.optional_text(entry, "rollup", "controls", i) or "any"
        if rollup not in ("any", "all"):
            self.fail(f"rollup {rollup!r} must be 'any' or 'all'", "controls", i, "rollup")
        return factory(
            rollup=rollup,
            access=self.optional_boolean(entry, "access", default=False),
            name=self.text(entry, "name", "controls", i).upper(),
            portion=self.text(entry, "portion", "controls", i).upper(),
            category=category,
            order=i,
            description=self.optional_text(entry, "description", "controls", i) or "",
            aliases=tuple(a.upper() for a in self.texts(entry, "aliases", "controls", i)),
            min_level=bounds["min_level"],
            max_level=bounds["max_level"],
            audience=audience,
            supersedes=tuple(s.upper() for s in self.texts(entry, "supersedes", "controls", i)),
        )

    def release(self, control_names: set[str]) -> ReleaseRules | None:
        from cabledesk.domain.scheme import ReleaseRules

        table = self.table("release")
        if table is None:
            return None
        control = self.text(table, "control", "release", None).upper()
        if control not in control_names:
            self.fail(f"release control {control!r} is not among the [[controls]]", "release")
        originator_only = self.optional_text(table, "originator_only", "release", None)
        if originator_only is not None and originator_only.upper() not in control_names:
            self.fail(f"originator_only {originator_only!r} is not a control", "release")
        return ReleaseRules(
            control=control,
            originator_only=originator_only.upper() if originator_only else None,
            tetragraphs=tuple(t.upper() for t in self.texts(table, "tetragraphs", "release", None)),
            marking_required=self.optional_boolean(
                table, "classified_needs_release_marking", default=False
            ),
            includes_originator=self.optional_boolean(
                table, "list_includes_originator", default=True
            ),
        )

    def foreign(self, control_names: set[str]) -> ForeignRules | None:
        from cabledesk.domain.scheme import ForeignLevel, ForeignRules

        table = self.table("fgi")
        if table is None:
            return None
        control = self.text(table, "control", "fgi", None).upper()
        if control not in control_names:
            self.fail(f"FGI control {control!r} is not among the [[controls]]", "fgi")
        levels: list[ForeignLevel] = []
        entries = table.get("levels", [])
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            self.fail("'levels' must be a list of tables", "fgi", None, "levels")
        for entry in entries:
            organisation = self.optional_text(entry, "organisation", "fgi", None)
            levels.append(
                ForeignLevel(
                    portion=self.text(entry, "portion", "fgi", None).upper(),
                    name=self.text(entry, "name", "fgi", None).upper(),
                    tier=self.integer(entry, "tier", "fgi", None, 0, 4),
                    organisation=organisation.upper() if organisation else None,
                )
            )
        if not levels:
            self.fail("it lists no foreign levels", "fgi")
        return ForeignRules(control=control, levels=tuple(levels))

    def authority(self) -> AuthorityRules | None:
        from cabledesk.domain.scheme import AuthorityRules

        table = self.table("authority")
        if table is None:
            return None
        years = table.get("max_declassify_years")
        if years is not None and (isinstance(years, bool) or not isinstance(years, int)):
            self.fail("max_declassify_years must be a whole number", "authority")
        return AuthorityRules(
            required_for_classified=self.boolean(
                table, "required_for_classified", "authority", None
            ),
            reasons=tuple(self.texts(table, "reasons", "authority", None)),
            max_declassify_years=years,
            exemptions=tuple(self.texts(table, "exemptions", "authority", None)),
            unclassified_eo_line=self.optional_text(
                table, "unclassified_eo_line", "authority", None
            ),
            **self._authority_v2(table),
        )

    def _authority_v2(self, table: Mapping[str, Any]) -> dict[str, Any]:
        """The keys drafting rules 2 added to ``[authority]``."""
        years = table.get("max_exempt_years")
        if years is not None and (isinstance(years, bool) or not isinstance(years, int)):
            self.fail("max_exempt_years must be a whole number", "authority")
        obsolete = table.get("obsolete", {})
        if not isinstance(obsolete, dict) or not all(
            isinstance(v, str) and v.strip() for v in obsolete.values()
        ):
            self.fail("[authority.obsolete] entries must be texts", "authority.obsolete")
        return {
            "obsolete": {k.upper(): " ".join(v.split()) for k, v in obsolete.items()},
            "exemptions_need_source": tuple(
                self.texts(table, "exemptions_need_source", "authority", None)
            ),
            "max_exempt_years": years,
        }

    def native_forms(self, factory: type[NativeForm]) -> tuple[NativeForm, ...]:
        from cabledesk.domain.native_forms import KINDS

        forms = []
        for i, entry in enumerate(self.tables("native_forms")):
            for key in entry:
                if key not in ("form", "current", "note", "kind"):
                    self.fail(f"unknown key {key!r} in [[native_forms]]", "native_forms", i, key)
            kind = self.optional_text(entry, "kind", "native_forms", i) or "marking"
            if kind not in KINDS:
                self.fail(
                    f"kind {kind!r} must be one of {sorted(KINDS)}", "native_forms", i, "kind"
                )
            forms.append(
                factory(
                    form=self.text(entry, "form", "native_forms", i),
                    current=self.text(entry, "current", "native_forms", i),
                    note=self.text(entry, "note", "native_forms", i),
                    kind=kind,
                )
            )
        return tuple(forms)
