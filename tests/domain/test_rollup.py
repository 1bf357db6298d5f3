from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cabledesk.domain.marking import Marking, parse_marking
from cabledesk.domain.rollup import combine
from cabledesk.domain.scheme import ClassificationScheme, SchemeRegistry
from cabledesk.errors import MarkingError
from tests.domain.strategies import markings

ALL_SCHEMES = SchemeRegistry.load()


def banner(us: ClassificationScheme, *portions: str) -> str:
    return combine(parse_marking(p, us) for p in portions).banner


@pytest.mark.parametrize(
    ("portions", "expected"),
    [
        (["(U)", "(C)", "(S)"], "SECRET"),
        (["(U)", "(S//NF)"], "SECRET//NOFORN"),
        (["(C//REL TO USA, GBR, AUS)", "(S//REL TO USA, GBR)"], "SECRET//REL TO USA, GBR"),
        (["(C//REL TO USA, GBR)", "(S//REL TO USA, FRA)"], "SECRET//NOFORN"),
        (["(C//REL TO USA, GBR)", "(S//NF)"], "SECRET//NOFORN"),
        (["(C//REL TO USA, GBR)", "(S)"], "SECRET//NOFORN"),
        (["(C//REL TO USA, GBR)", "(U)"], "CONFIDENTIAL//REL TO USA, GBR"),
        (["(S//OC)", "(C//PR)"], "SECRET//ORCON/PROPIN"),
        (["(S//XD)", "(C//ND)"], "SECRET//NODIS"),
        (["(SBU)", "(U)"], "UNCLASSIFIED//SBU"),
        (["(SBU)", "(C)"], "CONFIDENTIAL"),
        (["(SBU-NF)", "(C)"], "CONFIDENTIAL//NOFORN"),
        (["(TS//REL TO USA, FVEY)", "(S//REL TO USA, FVEY, NATO)"], "TOP SECRET//REL TO USA, FVEY"),
    ],
)  # fmt: skip
def test_examples(us: ClassificationScheme, portions: list[str], expected: str) -> None:
    assert banner(us, *portions) == expected


def test_uk_release_list_reduces_to_uk_eyes_only(schemes: SchemeRegistry) -> None:
    uk = schemes["uk"]
    m = combine(
        [parse_marking("(S//REL TO GBR, USA)", uk), parse_marking("(S//REL TO GBR, FRA)", uk)]
    )
    assert m.banner == "SECRET//UK EYES ONLY"


def test_no_markings_is_a_bug() -> None:
    with pytest.raises(ValueError):
        combine([])


def test_schemes_cannot_be_mixed(schemes: SchemeRegistry) -> None:
    with pytest.raises(MarkingError, match="cannot be combined"):
        combine([parse_marking("(S)", schemes["us"]), parse_marking("(S)", schemes["uk"])])


scheme_ids = st.sampled_from(sorted(ALL_SCHEMES))


@st.composite
def portion_lists(draw: st.DrawFn) -> list[Marking]:
    scheme = ALL_SCHEMES[draw(scheme_ids)]
    return draw(st.lists(markings(scheme), min_size=1, max_size=6))


@pytest.mark.slow
@given(portion_lists())
def test_banner_is_never_lower_than_a_portion(portions: list[Marking]) -> None:
    result = combine(portions)
    assert all(result.level.rank >= p.level.rank for p in portions)
    assert result.level in [p.level for p in portions]


@pytest.mark.slow
@given(portion_lists(), st.randoms())
def test_order_independent(portions: list[Marking], rnd: random.Random) -> None:
    shuffled = list(portions)
    rnd.shuffle(shuffled)
    assert combine(shuffled) == combine(portions)


@pytest.mark.slow
@given(portion_lists())
def test_idempotent(portions: list[Marking]) -> None:
    once = combine(portions)
    assert combine([once]) == once
    assert combine([*portions, *portions]) == once
    assert combine([*portions, once]) == once


@pytest.mark.slow
@given(portion_lists())
def test_restrictive_controls_carry_up(portions: list[Marking]) -> None:
    result = combine(portions)
    names = result.control_names
    for p in portions:
        for c in p.controls:
            if c.name in ("NOFORN", "ORCON", "PROPIN", "UK EYES ONLY", "NODIS"):
                assert c.name in names


def test_the_rules_have_a_version(us: ClassificationScheme) -> None:
    from cabledesk.domain.rollup import ROLLUP_VERSION, ROLLUP_VERSIONS

    assert ROLLUP_VERSION == 2 and {1, 2} == ROLLUP_VERSIONS
    portions = [parse_marking(p, us) for p in ("(U)", "(S//NF)")]
    assert combine(portions, version=1) == combine(portions)
    # version 1 let a release list vanish beside an uncaveated portion; version 2 says NOFORN
    mixed = [parse_marking(p, us) for p in ("(C//REL TO USA, GBR)", "(S)")]
    assert combine(mixed, version=1).banner == "SECRET"
    assert combine(mixed).banner == "SECRET//NOFORN"
    with pytest.raises(ValueError, match="version 3"):
        combine(portions, version=3)
