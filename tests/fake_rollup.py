"""Newer roll-up rules made up for tests, so that the upgrade of stored banners is tested
whatever the real rules of the day say.

:func:`install` makes ``version`` the current roll-up version, with rules that
give the real banner of version 1 except that, from version 2, a CONFIDENTIAL
banner becomes SECRET and any ORCON portion no longer reads (MarkingError); from
version 3, a SECRET banner also becomes TOP SECRET.
"""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from cabledesk.domain import cable as cable_module
from cabledesk.domain import rollup
from cabledesk.domain.marking import Marking, parse_marking
from cabledesk.errors import MarkingError

# level before -> level after, from the version given
RAISED = {2: ("CONFIDENTIAL", "SECRET"), 3: ("SECRET", "TOP SECRET")}


def fake_combine(markings: Iterable[Marking], *, version: int = 1) -> Marking:
    portions = list(markings)
    result = rollup.combine(portions, version=1)
    if version >= 2 and any("ORCON" in m.control_names for m in portions):
        raise MarkingError("ORCON is not read by these rules.")
    for since, (before, after) in sorted(RAISED.items()):
        if version >= since and result.level.name == before:
            result = parse_marking(result.banner.replace(before, after, 1), result.scheme)
    return result


def install(monkeypatch: pytest.MonkeyPatch, version: int = 2) -> None:
    """Roll-up rules ``version`` (the fake ones above) become the current rules."""
    monkeypatch.setattr(rollup, "ROLLUP_VERSION", version)
    monkeypatch.setattr(rollup, "ROLLUP_VERSIONS", frozenset(range(1, version + 1)))
    monkeypatch.setattr(cable_module, "combine", fake_combine)
    # cable_banner's default version was read when it was defined: the services' banners
    # (computed with the default) follow the fake rules too
    monkeypatch.setattr(cable_module.cable_banner, "__kwdefaults__", {"rollup": version})
