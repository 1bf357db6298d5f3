"""Hypothesis strategies for markings and cables of any shipped scheme."""

from __future__ import annotations

from hypothesis import assume
from hypothesis import strategies as st

from cabledesk.domain.marking import Marking, order_release_list
from cabledesk.domain.scheme import ClassificationScheme
from cabledesk.errors import MarkingError

RELEASE_CODES = ["GBR", "FRA", "DEU", "CAN", "AUS", "NZL", "JPN", "FVEY", "NATO"]


@st.composite
def markings(draw: st.DrawFn, scheme: ClassificationScheme) -> Marking:
    """A valid marking of ``scheme``: any level, any consistent set of controls."""
    level = draw(st.sampled_from(scheme.levels))
    controls = draw(st.frozensets(st.sampled_from(scheme.controls), max_size=4))
    release_to: tuple[str, ...] = ()
    release = scheme.release
    if release is not None and any(c.name == release.control for c in controls):
        others = draw(st.sets(st.sampled_from(RELEASE_CODES), min_size=1, max_size=4))
        release_to = order_release_list({scheme.country, *others}, scheme)
    try:
        return Marking(scheme=scheme, level=level, controls=controls, release_to=release_to)
    except MarkingError:
        assume(False)
        raise  # unreachable: assume() raises
