"""Version 2 of the roll-up rules (the rules are described in :mod:`.rollup`)."""

from __future__ import annotations

from collections.abc import Sequence

from cabledesk.domain._foreign_marks import order_originators
from cabledesk.domain.marking import Marking, order_release_list
from cabledesk.domain.release import ReleaseBasis, ReleaseScope, nationals, scope_of
from cabledesk.domain.scheme import ClassificationScheme, Control, Level
from cabledesk.domain.tetragraphs import TetragraphTable

__all__ = ["combine_v2"]


def combine_v2(portions: Sequence[Marking], table: TetragraphTable) -> Marking:
    """The banner of ``portions`` (non-empty, one scheme) under the version 2 rules."""
    scheme = portions[0].scheme
    level = max((m.level for m in portions), key=lambda lv: lv.rank)
    controls = _carried_controls(portions, scheme)
    fgi = _originators(portions, scheme)
    fgi_control = scheme.control(scheme.fgi.control) if scheme.fgi is not None else None
    if fgi_control is not None:
        controls.discard(fgi_control)
        if any(m.fgi or fgi_control in m.controls for m in portions):
            controls.add(fgi_control)
    controls = {c for c in controls if not any(c.name in o.supersedes for o in controls)}
    controls = {
        c
        for c in controls
        if c.max_level is None or level.rank <= scheme.level_named(c.max_level).rank
    }
    release_to = _release(portions, scheme, controls, table, level, fgi)
    return Marking(
        scheme=scheme,
        level=level,
        controls=frozenset(controls),
        release_to=release_to,
        fgi=fgi if fgi_control in controls else (),
    )


def _carried_controls(portions: Sequence[Marking], scheme: ClassificationScheme) -> set[Control]:
    """The union of the portions' controls, "all" controls only where every portion has one,
    without the release control (the release list is recomputed)."""
    union = {c for m in portions for c in m.controls}
    release = scheme.release.control if scheme.release is not None else None
    return {
        c
        for c in union
        if c.name != release and (c.rollup != "all" or all(c in m.controls for m in portions))
    }


def _originators(portions: Sequence[Marking], scheme: ClassificationScheme) -> tuple[str, ...]:
    """The originators the banner lists after FGI: every portion's, or none when one
    portion conceals its source (the banner then says FGI alone, CAPCO register). A
    cable is a document of its own scheme even when all its portions are foreign:
    its banner is never a foreign one (``SECRET//FGI GBR``, not ``//GBR SECRET``)."""
    rules = scheme.fgi
    if rules is not None and any(rules.control in m.control_names and not m.fgi for m in portions):
        return ()
    return order_originators(c for m in portions for c in m.fgi)


def _release(
    portions: Sequence[Marking],
    scheme: ClassificationScheme,
    controls: set[Control],
    table: TetragraphTable,
    level: Level,
    fgi: tuple[str, ...],
) -> tuple[str, ...]:
    """Fix ``controls`` and return the release list so that the banner's scope is exactly
    the intersection of the portions' scopes."""
    rules = scheme.release
    if rules is None:
        return ()
    scopes = [scope_of(m, table) for m in portions]
    restricted = [s.nationalities for s in scopes if s.nationalities is not None]
    if not restricted or any(c.audience == "nationals" for c in controls):
        return ()  # nothing restricted, or a nationals-only control already says it all
    common = frozenset.intersection(*restricted)
    bare = Marking(
        scheme=scheme,
        level=level,
        controls=frozenset(controls),
        fgi=fgi if any(c.name == _fgi_name(scheme) for c in controls) else (),
    )
    default = scope_of(bare, table).nationalities
    own = nationals(bare, table)
    explicit = any(
        s.basis in (ReleaseBasis.RELEASE_LIST, ReleaseBasis.NATIONALS_CONTROL) for s in scopes
    )
    listed = _written_back(common, portions, scopes, scheme, table)
    only = scheme.control(rules.originator_only) if rules.originator_only else None
    opaque = [c for c in listed if table.nationalities(c) is None]
    if (
        common == default
        and not opaque
        and not (explicit and common <= own and rules.includes_originator)
    ):
        return ()
    if common <= own and not opaque:
        if only is not None:
            controls.add(only)
            return ()
        if common == own or not rules.includes_originator:
            return ()
    if not listed or set(listed) <= {scheme.country}:
        if only is not None:
            controls.add(only)
        return ()
    rel = scheme.control(rules.control)
    assert rel is not None
    controls.add(rel)
    return listed


def _fgi_name(scheme: ClassificationScheme) -> str | None:
    return scheme.fgi.control if scheme.fgi is not None else None


def _written_back(
    common: frozenset[str],
    portions: Sequence[Marking],
    scopes: Sequence[ReleaseScope],
    scheme: ClassificationScheme,
    table: TetragraphTable,
) -> tuple[str, ...]:
    """``common`` written as a release list: a group named by any portion is written as its
    code where all its members remain; codes without a member list are kept where every
    restricting portion lists them (``scopes``: the portions' scopes, in their order)."""
    rules = scheme.release
    assert rules is not None
    candidates = {c for m in portions for c in (*m.release_to, *m.fgi) if c in table}
    covered: set[str] = set()
    codes: list[str] = []
    for code in sorted(candidates, key=lambda c: (-len(table[c].members), c)):
        members = table[code].members
        if members <= common and not members <= covered:
            codes.append(code)
            covered |= members
    countries = set(common) - covered
    if not rules.includes_originator:
        own = table.nationalities(scheme.country) or frozenset()
        countries -= own
        codes = [c for c in codes if not table[c].members <= own]
    elif scheme.country in common:
        countries.add(scheme.country)
    lists = [
        m.release_to
        for m, scope in zip(portions, scopes, strict=True)
        if scope.basis is ReleaseBasis.RELEASE_LIST
    ]
    restricting = [s for s in scopes if s.nationalities is not None]
    opaque = {
        c
        for m in portions
        for c in m.release_to
        if c not in table and table.nationalities(c) is None
    }
    if len(lists) == len(restricting):
        codes.extend(c for c in sorted(opaque) if all(c in lst for lst in lists))
    return order_release_list({*countries, *codes}, scheme)
