from __future__ import annotations

from datetime import date

import pytest

from cabledesk.domain.countries import is_country_code
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.domain.tetragraphs import TetragraphTable, shipped_tetragraphs
from cabledesk.errors import SchemeError

# Coalitions whose membership the shipped file leaves to each registry (see its header).
LEFT_OUT = {"ISAF", "KFOR", "EUDA", "EAPC", "PFP"}


def test_shipped_member_lists() -> None:
    table = shipped_tetragraphs()
    assert set(table) == {"FVEY", "ACGU", "TEYE", "NATO", "EU"}
    assert table["FVEY"].members == {"AUS", "CAN", "GBR", "NZL", "USA"}
    assert table["FVEY"].name == "Five Eyes"
    assert table["TEYE"].members < table["ACGU"].members < table["FVEY"].members
    assert len(table["NATO"].members) == 32 and {"FIN", "SWE"} <= table["NATO"].members
    assert len(table["EU"].members) == 27 and "GBR" not in table["EU"].members
    assert table["NATO"].as_of == date(2024, 3, 7)


def test_nationalities_of_a_code() -> None:
    table = shipped_tetragraphs()
    assert table.nationalities("GBR") == frozenset({"GBR"})
    assert table.nationalities("NATO") == table["NATO"].members
    assert table.nationalities("ISAF") is None
    assert table.nationalities("ZZZ") is None


def test_every_code_the_schemes_use_is_covered(schemes: SchemeRegistry) -> None:
    table = shipped_tetragraphs()
    for scheme in schemes.values():
        assert is_country_code(scheme.country) or scheme.country in table, scheme.id
        if scheme.release is not None:
            assert set(scheme.release.tetragraphs) - set(table) <= LEFT_OUT, scheme.id


GOOD = '[ABCD]\nname = "A group"\nas_of = 2025-01-01\nmembers = ["FRA", "DEU"]\n'


def test_parse_a_file_of_ones_own() -> None:
    table = TetragraphTable.parse(GOOD, source="ministry.toml")
    assert table.nationalities("ABCD") == frozenset({"FRA", "DEU"})
    assert len(table) == 1


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[ABCD\n", "not valid TOML"),
        (GOOD.replace("[ABCD]", "[abcd]"), "'abcd' is not a code"),
        (GOOD.replace("[ABCD]", "[FRA]"), "FRA is a country code"),
        ("ABCD = 1\n", "must be a [ABCD] table"),
        (GOOD + "colour = 'red'\n", "unknown key 'colour'"),
        (GOOD.replace('name = "A group"\n', ""), "'name' is missing"),
        (GOOD.replace('"A group"', '" "'), "'name' must be a non-empty text"),
        (GOOD.replace("2025-01-01", '"2025"'), "'as_of' must be a date"),
        (GOOD.replace("2025-01-01", "2025-01-01T00:00:00Z"), "'as_of' must be a date"),
        (GOOD.replace('["FRA", "DEU"]', "[]"), "non-empty list"),
        (GOOD.replace('"DEU"', '"Germany"'), "'Germany' is not an ISO 3166"),
        (GOOD.replace('"DEU"', '"FRA"'), "listed twice"),
    ],
)
def test_malformed_files_are_refused(text: str, problem: str) -> None:
    with pytest.raises(SchemeError) as refused:
        TetragraphTable.parse(text, source="ministry.toml")
    assert "ministry.toml" in refused.value.message
    assert problem in refused.value.message
