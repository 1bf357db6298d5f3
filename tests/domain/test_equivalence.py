from __future__ import annotations

import pytest

from cabledesk.domain.equivalence import equivalence_table, equivalent_level
from cabledesk.domain.scheme import SchemeRegistry


@pytest.mark.parametrize(
    ("source", "level", "target", "expected"),
    [
        ("us", "SECRET", "nato", "NATO SECRET"),
        ("nato", "COSMIC TOP SECRET", "de", "STRENG GEHEIM"),
        ("de", "VS-VERTRAULICH", "eu", "CONFIDENTIEL UE/EU CONFIDENTIAL"),
        ("eu", "RESTREINT UE/EU RESTRICTED", "us", "CONFIDENTIAL"),
        ("nato", "NATO CONFIDENTIAL", "uk", "SECRET"),
        ("nato", "NATO CONFIDENTIAL", "fr", "SECRET"),
        ("uk", "OFFICIAL-SENSITIVE", "nato", "NATO RESTRICTED"),
        ("fr", "TRÈS SECRET", "us", "TOP SECRET"),
        ("us", "UNCLASSIFIED", "de", "OFFEN"),
    ],
)
def test_equivalent_levels(
    schemes: SchemeRegistry, source: str, level: str, target: str, expected: str
) -> None:
    found = equivalent_level(schemes[source].level_named(level), schemes[target])
    assert found is not None and found.name == expected


def test_table_has_one_row_per_tier(schemes: SchemeRegistry) -> None:
    order = [schemes[s] for s in ("us", "uk", "nato", "eu", "fr", "de")]
    table = equivalence_table(order)
    assert [name for name, _ in table] == [
        "top secret", "secret", "confidential", "restricted", "unclassified",
    ]  # fmt: skip
    top = [lv.name if lv else None for lv in table[0][1]]
    assert top == ["TOP SECRET", "TOP SECRET", "COSMIC TOP SECRET",
                   "TRÈS SECRET UE/EU TOP SECRET", "TRÈS SECRET", "STRENG GEHEIM"]  # fmt: skip
    confidential = [lv.name if lv else None for lv in table[2][1]]
    assert confidential == ["CONFIDENTIAL", None, "NATO CONFIDENTIAL",
                            "CONFIDENTIEL UE/EU CONFIDENTIAL", None, "VS-VERTRAULICH"]  # fmt: skip
