"""Hypothesis strategies for markings and cables of any shipped scheme."""

from __future__ import annotations

from hypothesis import assume
from hypothesis import strategies as st

from cabledesk.domain._foreign_marks import order_originators
from cabledesk.domain.marking import Marking, host_level, order_release_list
from cabledesk.domain.scheme import ClassificationScheme
from cabledesk.errors import MarkingError

RELEASE_CODES = ["GBR", "FRA", "DEU", "CAN", "AUS", "NZL", "JPN", "FVEY", "NATO"]
FOREIGN_CODES = ["GBR", "FRA", "DEU", "CAN", "NATO"]


@st.composite
def markings(draw: st.DrawFn, scheme: ClassificationScheme) -> Marking:
    """A valid marking of ``scheme``: any level, any consistent set of controls, foreign
    government information where the scheme has marks for it."""
    level = draw(st.sampled_from(scheme.levels))
    fitting = [
        c
        for c in scheme.controls
        if (c.min_level is None or scheme.level_named(c.min_level).rank <= level.rank)
        and (c.max_level is None or scheme.level_named(c.max_level).rank >= level.rank)
    ]
    controls = draw(st.frozensets(st.sampled_from(fitting), max_size=4)) if fitting else frozenset()
    release_to: tuple[str, ...] = ()
    release = scheme.release
    if release is not None and any(c.name == release.control for c in controls):
        allowed = [c for c in RELEASE_CODES if len(c) == 3 or c in release.tetragraphs]
        others = draw(st.sets(st.sampled_from(allowed), min_size=1, max_size=4))
        if release.includes_originator:
            others.add(scheme.country)
        release_to = order_release_list(others, scheme)
    fgi: tuple[str, ...] = ()
    foreign: str | None = None
    rules = scheme.fgi
    if rules is not None and any(c.name == rules.control for c in controls):
        fgi = order_originators(draw(st.sets(st.sampled_from(FOREIGN_CODES), max_size=3)))
    elif rules is not None and draw(st.booleans()):
        found = draw(st.sampled_from(rules.levels))
        fgi = (found.organisation or draw(st.sampled_from(FOREIGN_CODES[:-1])),)
        foreign = found.portion
        level = host_level(found, scheme)
    try:
        return Marking(
            scheme=scheme,
            level=level,
            controls=controls,
            release_to=release_to,
            fgi=fgi,
            foreign=foreign,
        )
    except (MarkingError, ValueError):
        assume(False)
        raise  # unreachable: assume() raises
