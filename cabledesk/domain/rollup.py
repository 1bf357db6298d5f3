"""Roll-up: the banner marking that a set of portion markings adds up to.

The rules (CAPCO practice, generalised through the scheme files):

- the level is the highest level of any portion;
- controls carry up as a union (NOFORN, ORCON, PROPIN, captions…), then a
  control that another one supersedes is dropped (NODIS drops EXDIS; NOFORN
  drops REL TO), and controls that apply only below the resulting level are
  dropped (SBU on a SECRET cable);
- release lists intersect: the banner is releasable to a country only if every
  classified portion is (an unclassified portion restricts nothing, and a
  classified portion without a release list releases to no one); a list that
  ends up naming only the originating country becomes the scheme's
  "originator only" control (NOFORN).

The result never has a lower level than any portion, and :func:`combine` is
order-independent and idempotent.
"""

from __future__ import annotations

from collections.abc import Iterable

from cabledesk.domain.marking import Marking, order_release_list
from cabledesk.errors import MarkingError

__all__ = ["combine"]


def combine(markings: Iterable[Marking]) -> Marking:
    """The banner marking that the given portion markings roll up to.

    Raises ValueError for no markings and MarkingError for markings of
    different schemes.
    """
    portions = list(markings)
    if not portions:
        raise ValueError("combine() needs at least one marking")
    scheme = portions[0].scheme
    for m in portions:
        if m.scheme != scheme:
            raise MarkingError(
                f"Markings of the {scheme.name} and {m.scheme.name} schemes cannot be combined.",
                hint="Mark every portion of a cable in the cable's own scheme.",
            )
    level = max((m.level for m in portions), key=lambda lv: lv.rank)
    controls = {c for m in portions for c in m.controls}
    release = scheme.release
    release_to: tuple[str, ...] = ()
    if release is not None:
        controls = {c for c in controls if c.name != release.control}
        relevant = [m for m in portions if m.level.classified] or portions
        if all(m.release_to for m in relevant):
            common = set(relevant[0].release_to).intersection(*(m.release_to for m in relevant))
            release_to = order_release_list(common, scheme)
    if release is not None and release_to:
        if any(release.control in c.supersedes for c in controls):
            release_to = ()
        elif set(release_to) <= {scheme.country}:
            release_to = ()
            if release.originator_only:
                only = scheme.control(release.originator_only)
                assert only is not None
                controls.add(only)
        else:
            rel = scheme.control(release.control)
            assert rel is not None
            controls.add(rel)
    controls = {c for c in controls if not any(c.name in o.supersedes for o in controls)}
    controls = {
        c
        for c in controls
        if c.max_level is None or level.rank <= scheme.level_named(c.max_level).rank
    }
    return Marking(scheme=scheme, level=level, controls=frozenset(controls), release_to=release_to)
