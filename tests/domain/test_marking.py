from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cabledesk.domain.marking import Marking, parse_marking
from cabledesk.domain.scheme import ClassificationScheme, SchemeRegistry
from cabledesk.errors import MarkingError
from tests.domain.strategies import markings

ALL_SCHEMES = SchemeRegistry.load()


@pytest.mark.parametrize(
    ("text", "banner", "portion"),
    [
        ("SECRET//NOFORN", "SECRET//NOFORN", "(S//NF)"),
        ("(S//NF)", "SECRET//NOFORN", "(S//NF)"),
        ("CONFIDENTIAL//REL TO USA, GBR", "CONFIDENTIAL//REL TO USA, GBR", "(C//REL TO USA, GBR)"),
        ("(C//REL TO GBR, USA)", "CONFIDENTIAL//REL TO USA, GBR", "(C//REL TO USA, GBR)"),
        ("(s//oc/nf)", "SECRET//ORCON/NOFORN", "(S//OC/NF)"),
        ("SECRET//ORCON/NOFORN", "SECRET//ORCON/NOFORN", "(S//OC/NF)"),
        ("(TS//REL TO USA, NATO, FRA, FVEY)", "TOP SECRET//REL TO USA, FRA, FVEY, NATO",
         "(TS//REL TO USA, FRA, FVEY, NATO)"),
        ("UNCLAS", "UNCLASSIFIED", "(U)"),
        ("(SBU)", "UNCLASSIFIED//SBU", "(SBU)"),
        ("(SBU-NF)", "UNCLASSIFIED//SBU/NOFORN", "(SBU-NF)"),
        ("(S//NF//ND)", "SECRET//NOFORN//NODIS", "(S//NF//ND)"),
        ("  secret // noforn ", "SECRET//NOFORN", "(S//NF)"),
    ],
)  # fmt: skip
def test_parse_and_format(us: ClassificationScheme, text: str, banner: str, portion: str) -> None:
    m = parse_marking(text, us)
    assert m.banner == banner
    assert m.portion == portion
    assert str(m) == banner


@pytest.mark.parametrize(
    ("scheme", "text", "banner", "portion"),
    [
        ("uk", "OFFICIAL-SENSITIVE", "OFFICIAL-SENSITIVE", "(OS)"),
        ("uk", "(S//UKEO)", "SECRET//UK EYES ONLY", "(S//UKEO)"),
        ("uk", "(S//REL TO USA, GBR)", "SECRET//REL TO GBR, USA", "(S//REL TO GBR, USA)"),
        ("nato", "(NS//ATOMAL)", "NATO SECRET//ATOMAL", "(NS//ATOMAL)"),
        ("eu", "(R-UE)", "RESTREINT UE/EU RESTRICTED", "(R-UE)"),
        ("eu", "secret ue", "SECRET UE/EU SECRET", "(S-UE)"),
        ("fr", "très secret//spécial france", "TRÈS SECRET//SPÉCIAL FRANCE", "(TS//SF)"),
        ("fr", "(DR)", "DIFFUSION RESTREINTE", "(DR)"),
        ("de", "VS-NfD", "VS-NUR FÜR DEN DIENSTGEBRAUCH", "(VS-NFD)"),
        ("de", "(GEH//NDZK)", "GEHEIM//NUR DEUTSCHEN ZUR KENNTNIS", "(GEH//NDZK)"),
    ],
)
def test_other_schemes(
    schemes: SchemeRegistry, scheme: str, text: str, banner: str, portion: str
) -> None:
    m = parse_marking(text, schemes[scheme])
    assert (m.banner, m.portion) == (banner, portion)


@pytest.mark.parametrize(
    ("text", "token"),
    [
        ("SEKRET", "'SEKRET'"),
        ("SECRET//NOFORM", "'NOFORM'"),
        ("(S//XX)", "'XX'"),
        ("SECRET//REL TO USA, ZZZ", "'ZZZ'"),
        ("SECRET//NOFORN/REL TO USA, GBR", "NOFORN and REL TO"),
        ("SECRET//NODIS/EXDIS", "NODIS and EXDIS"),
        ("UNCLASSIFIED//ORCON", "ORCON cannot be used on UNCLASSIFIED"),
        ("SECRET//SBU", "SBU cannot be used on SECRET"),
        ("SECRET//REL TO GBR", "must include USA"),
        ("SECRET//REL TO USA", "REL TO USA alone"),
        ("SECRET//REL TO", "needs a list"),
        ("SECRET//REL TO USA, GBR, GBR", "GBR appears twice"),
        ("SECRET//REL TO USA,, GBR", "empty entry"),
        ("SECRET//NOFORN/NOFORN", "NOFORN appears twice"),
        ("SECRET////NOFORN", "empty part"),
        ("SECRET//NOFORN/", "empty control"),
        ("(S//NF", "closing parenthesis"),
        ("()", "empty"),
        ("", "empty"),
    ],
)
def test_bad_markings_name_the_token(us: ClassificationScheme, text: str, token: str) -> None:
    with pytest.raises(MarkingError) as info:
        parse_marking(text, us)
    assert token in info.value.message
    assert info.value.hint is None or info.value.hint.endswith(".")


def test_a_hint_says_what_to_write(us: ClassificationScheme) -> None:
    with pytest.raises(MarkingError) as info:
        parse_marking("SECRET//REL TO USA", us)
    assert info.value.hint == "Mark it NOFORN instead."


def test_non_string_is_a_bug(us: ClassificationScheme) -> None:
    with pytest.raises(TypeError):
        parse_marking(None, us)  # type: ignore[arg-type]


def test_markings_of_one_value_are_equal_and_hashable(us: ClassificationScheme) -> None:
    a = parse_marking("(S//NF/OC)", us)
    b = parse_marking("SECRET//ORCON/NOFORN", us)
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert Marking.parse("(S//NF/OC)", us) == a


@pytest.mark.slow
@pytest.mark.parametrize("scheme_id", sorted(ALL_SCHEMES))
@given(data=st.data())
def test_parse_format_round_trip(scheme_id: str, data: st.DataObject) -> None:
    scheme = ALL_SCHEMES[scheme_id]
    m = data.draw(markings(scheme))
    assert parse_marking(m.banner, scheme) == m
    assert parse_marking(m.portion, scheme) == m
    assert parse_marking(m.banner.lower(), scheme) == m


@given(text=st.text(max_size=60))
def test_garbage_raises_only_marking_error(text: str) -> None:
    for scheme in ALL_SCHEMES.values():
        try:
            m = parse_marking(text, scheme)
        except MarkingError:
            continue
        assert parse_marking(m.banner, scheme) == m


@given(
    text=st.lists(
        st.sampled_from(["S", "TS", "C", "U", "NF", "REL TO USA, GBR", "OC", "//", "/", "(", ")",
                         "REL TO", "ND", "XD", "SBU", " ", ",", "USA", "FVEY"]),
        max_size=8,
    ).map("".join)
)  # fmt: skip
def test_token_soup_raises_only_marking_error(text: str) -> None:
    us = ALL_SCHEMES["us"]
    try:
        m = parse_marking(text, us)
    except MarkingError:
        return
    assert parse_marking(m.portion, us) == m
