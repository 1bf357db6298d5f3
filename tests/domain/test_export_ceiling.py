from __future__ import annotations

import pytest

from cabledesk.domain.export_ceiling import ExportCeiling
from cabledesk.domain.marking import parse_marking
from cabledesk.domain.scheme import ClassificationScheme, SchemeRegistry
from cabledesk.errors import MarkingError, PolicyRefusal, SchemeError


def test_default_is_the_lowest_classified_level(schemes: SchemeRegistry) -> None:
    ceiling = ExportCeiling()
    us, nato = ceiling.level_for(schemes["us"]), ceiling.level_for(schemes["nato"])
    assert us is not None and us.name == "CONFIDENTIAL"
    assert nato is not None and nato.name == "NATO RESTRICTED"
    for scheme in schemes.values():
        assert ceiling.level_for(scheme) == scheme.lowest_classified


@pytest.mark.parametrize(
    ("marking", "allowed"),
    [
        ("UNCLASSIFIED", True),
        ("(U//SBU)", True),
        ("CONFIDENTIAL//NOFORN", True),
        ("SECRET", False),
        ("TOP SECRET//NOFORN", False),
    ],
)
def test_us_default(us: ClassificationScheme, marking: str, allowed: bool) -> None:
    m = parse_marking(marking, us)
    assert ExportCeiling().allows(m) is allowed
    if allowed:
        ExportCeiling().check(m)
    else:
        with pytest.raises(PolicyRefusal) as info:
            ExportCeiling().check(m)
        assert m.banner in info.value.message and "CONFIDENTIAL" in info.value.message
        assert info.value.hint and "--level CONFIDENTIAL" in info.value.hint


def test_configured_ceilings(schemes: SchemeRegistry, us: ClassificationScheme) -> None:
    higher = ExportCeiling.from_settings({"us": "s"}, schemes)
    assert higher.overrides == (("us", "SECRET"),)
    higher.check(parse_marking("SECRET//NOFORN", us))
    with pytest.raises(PolicyRefusal):
        higher.check(parse_marking("TOP SECRET", us))
    nothing = ExportCeiling.from_settings({"US": "UNCLASSIFIED"}, schemes)
    with pytest.raises(PolicyRefusal):
        nothing.check(parse_marking("(C)", us))


def test_bad_settings(schemes: SchemeRegistry) -> None:
    with pytest.raises(MarkingError, match="not a level"):
        ExportCeiling.from_settings({"us": "SEKRET"}, schemes)
    with pytest.raises(SchemeError):
        ExportCeiling.from_settings({"atlantis": "SECRET"}, schemes)
    with pytest.raises(MarkingError):
        ExportCeiling((("us", "SEKRET"),)).level_for(schemes["us"])
