from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cabledesk.domain.scheme import SchemeRegistry, load_scheme, parse_scheme
from cabledesk.errors import SchemeError
from cabledesk.resources import resource_path

MINIMAL = """\
id = "xx"
name = "Ministry of Examples"
country = "GBR"
precedences = ["IMMEDIATE", "ROUTINE"]
categories = ["dissem"]

[[levels]]
name = "PUBLIC"
portion = "P"
tier = 0
classified = false
colour = "#007a33"
text_colour = "#ffffff"

[[levels]]
name = "GUARDED"
portion = "G"
tier = 2
classified = true
colour = "#0033a0"
text_colour = "#ffffff"

[[controls]]
name = "MINISTERS ONLY"
portion = "MO"
category = "dissem"
"""


def test_ships_the_six_schemes(schemes: SchemeRegistry) -> None:
    assert set(schemes) == {"us", "uk", "nato", "eu", "fr", "de"}


@pytest.mark.parametrize(
    ("scheme", "levels"),
    [
        ("us", ["UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "TOP SECRET"]),
        ("uk", ["OFFICIAL", "OFFICIAL-SENSITIVE", "SECRET", "TOP SECRET"]),
        ("nato", ["NATO UNCLASSIFIED", "NATO RESTRICTED", "NATO CONFIDENTIAL", "NATO SECRET",
                  "COSMIC TOP SECRET"]),
        ("fr", ["NON PROTÉGÉ", "DIFFUSION RESTREINTE", "SECRET", "TRÈS SECRET"]),
        ("de", ["OFFEN", "VS-NUR FÜR DEN DIENSTGEBRAUCH", "VS-VERTRAULICH", "GEHEIM",
                "STRENG GEHEIM"]),
    ],
)  # fmt: skip
def test_levels_are_ordered(schemes: SchemeRegistry, scheme: str, levels: list[str]) -> None:
    assert [lv.name for lv in schemes[scheme].levels] == levels
    assert [lv.rank for lv in schemes[scheme].levels] == list(range(len(levels)))


def test_every_level_has_colours_and_a_tier(schemes: SchemeRegistry) -> None:
    for scheme in schemes.values():
        tiers = [lv.tier for lv in scheme.levels]
        assert tiers == sorted(tiers), scheme.id
        for lv in scheme.levels:
            assert lv.colour.startswith("#") and len(lv.colour) == 7


def test_lookup_accepts_names_portions_and_aliases(schemes: SchemeRegistry) -> None:
    us = schemes["us"]
    assert us.level("unclas") is us.level("U") is us.level("UNCLASSIFIED")
    assert us.control("nf") is us.control("NOFORN")
    assert schemes["eu"].level("EU SECRET") is schemes["eu"].level("S-UE")


def test_a_ministry_adds_a_scheme_with_one_file(tmp_path: Path) -> None:
    (tmp_path / "xx.toml").write_text(MINIMAL, encoding="utf-8")
    registry = SchemeRegistry.load(resource_path("schemes"), tmp_path)
    assert "xx" in registry and "us" in registry
    from cabledesk.domain.marking import parse_marking

    assert parse_marking("(G//MO)", registry["xx"]).banner == "GUARDED//MINISTERS ONLY"


def test_unknown_scheme_lists_the_known_ones(schemes: SchemeRegistry) -> None:
    with pytest.raises(SchemeError) as info:
        schemes.get_scheme("zz")
    assert "us" in (info.value.hint or "")


def _error_for(text: str) -> str:
    with pytest.raises(SchemeError) as info:
        parse_scheme(text, source="ministry.toml")
    return info.value.message


def test_toml_syntax_error_names_file_and_line() -> None:
    message = _error_for(MINIMAL.replace("tier = 2", "tier = = 2"))
    assert "ministry.toml" in message and "line 18" in message


def test_missing_key_names_the_table_line() -> None:
    message = _error_for(MINIMAL.replace('portion = "G"\n', ""))
    assert "ministry.toml, line 15" in message and "'portion'" in message


def test_wrong_type_names_the_key_line() -> None:
    message = _error_for(MINIMAL.replace("tier = 2", 'tier = "two"'))
    assert "line 18" in message and "'tier'" in message


def test_bad_colour_is_refused() -> None:
    assert "colour" in _error_for(MINIMAL.replace('"#0033a0"', '"blue"'))


def test_unknown_category_is_refused() -> None:
    assert "category" in _error_for(MINIMAL.replace('category = "dissem"', 'category = "x"'))


def test_duplicate_names_are_refused() -> None:
    second = '[[controls]]\nname = "CABINET"\nportion = "MO"\ncategory = "dissem"\n'
    assert "'MO' is used twice" in _error_for(MINIMAL + second)


def test_supersedes_unknown_control_is_refused() -> None:
    text = MINIMAL + 'supersedes = ["NOPE"]\n'
    assert "NOPE" in _error_for(text)


def test_no_levels_is_refused() -> None:
    assert "no [[levels]]" in _error_for(MINIMAL.split("[[levels]]")[0])


def test_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(SchemeError, match="Cannot read"):
        load_scheme(tmp_path / "missing.toml")


def test_two_files_with_one_id_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a.toml").write_text(MINIMAL, encoding="utf-8")
    (tmp_path / "b.toml").write_text(MINIMAL, encoding="utf-8")
    with pytest.raises(SchemeError, match="Two classification scheme files"):
        SchemeRegistry.load(tmp_path)


@given(st.text(max_size=300))
def test_garbage_text_raises_only_scheme_error(text: str) -> None:
    try:
        parse_scheme(text, source="fuzz.toml")
    except SchemeError:
        pass


@given(st.data())
def test_damaged_scheme_files_raise_only_scheme_error(data: st.DataObject) -> None:
    lines = MINIMAL.splitlines()
    i = data.draw(st.integers(0, len(lines) - 1))
    lines[i] = data.draw(
        st.sampled_from(['tier = -1', 'name = 3', 'classified = "yes"', "[[levels]]", "",
                         'aliases = "x"', 'supersedes = ["PUBLIC"]', 'min_level = "NOPE"',
                         "categories = 1", "[release]", 'control = "X"', "levels = 2"])
    )  # fmt: skip
    try:
        parse_scheme("\n".join(lines), source="fuzz.toml")
    except SchemeError:
        pass
