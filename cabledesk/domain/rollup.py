"""Roll-up: the banner marking that a set of portion markings adds up to.

The rules of version 2 (CAPCO register and 32 CFR 2001.21, generalised through
the scheme files and the member lists of ``resources/tetragraphs.toml``):

- the level is the highest level of any portion;
- controls carry up as a union (NOFORN, ORCON, PROPIN, captions…), except those a
  scheme file rolls up only when every portion has them (RELIDO); then a control
  that another one supersedes is dropped (NODIS drops EXDIS; NOFORN drops REL TO),
  and controls that apply only below the resulting level are dropped (SBU on a
  SECRET cable);
- who may receive the banner is exactly who may receive every portion
  (:func:`cabledesk.domain.release.scope_of`): release lists are intersected
  country by country, tetragraphs expanded to their members and written back as
  the tetragraph only where its whole group remains (``REL TO USA, FVEY`` and
  ``REL TO USA, GBR`` give ``REL TO USA, GBR``); a classified portion without a
  release marking, in a scheme that needs one (US), releases to no one abroad, so
  beside a REL TO portion the banner says NOFORN; a REL TO on an unclassified
  portion is carried, never dropped; when what remains is the scheme's own
  nationals, the banner carries the "originator only" control (NOFORN);
- foreign government information: the originators of every portion are listed
  after FGI (``SECRET//FGI DEU GBR``), or FGI alone when a portion conceals its
  source; a cable is a document of its own scheme, so its banner is never a
  foreign one.

Version 1 (CableDesk 0.x) intersected the written release lists as text, treated
an uncaveated classified portion as releasing to no one but wrote no NOFORN, and
knew no FGI; a cable sealed under it is still checked with it.

The result never has a lower level than any portion, and :func:`combine` is
order-independent and idempotent.

The rules are versioned: a sealed cable records the version of the rules that
computed its banner, so that a reader checks it with the rules of its time.
:data:`ROLLUP_VERSION` is the version these rules implement (the one a writer
records); :data:`ROLLUP_VERSIONS` every version :func:`combine` can still apply.
"""

from __future__ import annotations

from collections.abc import Iterable

from cabledesk.domain._rollup_v2 import combine_v2
from cabledesk.domain.marking import Marking, order_release_list
from cabledesk.domain.tetragraphs import TetragraphTable, shipped_tetragraphs
from cabledesk.errors import MarkingError

__all__ = ["ROLLUP_VERSION", "ROLLUP_VERSIONS", "combine"]

ROLLUP_VERSION = 2
ROLLUP_VERSIONS = frozenset({1, 2})


def combine(
    markings: Iterable[Marking],
    *,
    version: int = ROLLUP_VERSION,
    tetragraphs: TetragraphTable | None = None,
) -> Marking:
    """The banner marking that the given portion markings roll up to, with the
    roll-up rules of ``version`` (default: the current rules).

    Raises ValueError for no markings or a version not in :data:`ROLLUP_VERSIONS`
    (check it first), and MarkingError for markings of different schemes.
    ``tetragraphs`` defaults to the shipped member lists.
    """
    if version not in ROLLUP_VERSIONS:
        raise ValueError(f"roll-up rules version {version!r} is not known here")
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
    if version == 2:
        return combine_v2(portions, shipped_tetragraphs() if tetragraphs is None else tetragraphs)
    return _combine_v1(portions)


def _combine_v1(portions: list[Marking]) -> Marking:
    scheme = portions[0].scheme
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
