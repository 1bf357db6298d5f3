from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cabledesk.domain.cable import Cable, Paragraph, Provenance, cable_banner
from cabledesk.domain.marking import Marking, parse_marking
from cabledesk.domain.sanitize import WITHHELD_SUBJECT, sanitize
from cabledesk.domain.scheme import ClassificationScheme, Level, SchemeRegistry
from cabledesk.errors import MarkingError, PolicyRefusal
from tests.domain.strategies import markings
from tests.export.samples import CABLE_ID, modern_cable

US = SchemeRegistry.load()["us"]


def _marks(cable: Cable) -> list[str]:
    return [p.marking for p in cable.paragraphs]


def test_keeps_portions_at_or_below_the_level(us: ClassificationScheme) -> None:
    released = sanitize(modern_cable(), us, us.level_named("CONFIDENTIAL"))
    # (S//NF) and (S//ORCON) are above, (C//NODIS) is for the named addressees only
    assert _marks(released.cable) == ["(C)", "(C//REL TO USA, GBR)", "(U)"]
    assert released.tearline.kept == (1, 3, 6)
    assert released.tearline.withheld_paragraphs == 3
    # the uncaveated (C) beside (C//REL TO USA, GBR): releasable to no one abroad
    assert released.banner.banner == "CONFIDENTIAL//NOFORN"
    assert released.banner == cable_banner(released.cable, us)


def test_originator_controlled_and_named_addressee_portions_never_go(
    us: ClassificationScheme,
) -> None:
    released = sanitize(modern_cable(), us, us.level_named("TOP SECRET"))
    assert released.tearline.kept == (1, 2, 3, 6)
    assert released.banner.banner == "SECRET//NOFORN"
    everything = sanitize(modern_cable(), us, us.level_named("TOP SECRET"), withhold=frozenset())
    assert everything.tearline.kept == (1, 2, 3, 4, 6)


def test_release_to_a_country(us: ClassificationScheme) -> None:
    released = sanitize(modern_cable(), us, us.level_named("SECRET"), release_to=["gbr"])
    # NOFORN and the classified portion without a release list stay behind
    assert _marks(released.cable) == ["(C//REL TO USA, GBR)", "(U)"]
    assert released.banner.banner == "CONFIDENTIAL//REL TO USA, GBR"
    assert released.tearline.release_to == ("GBR",)
    assert "for release to GBR" in released.tearline.statement()
    french = sanitize(modern_cable(), us, us.level_named("SECRET"), release_to=["FRA"])
    assert _marks(french.cable) == ["(U)"]


def test_says_which_cable_and_gets_its_own_stable_id(us: ClassificationScheme) -> None:
    released = sanitize(modern_cable(), us, us.level_named("CONFIDENTIAL"))
    tearline = released.tearline
    assert tearline.source_id == CABLE_ID
    assert tearline.source_reference == f"AMEMBASSY PARIS 000123 of 151230Z MAR 24 (id {CABLE_ID})"
    assert released.cable.id != CABLE_ID
    assert (
        sanitize(modern_cable(), us, us.level_named("CONFIDENTIAL")).cable.id == released.cable.id
    )
    assert sanitize(modern_cable(), us, us.level_named("SECRET")).cable.id != released.cable.id
    assert tearline.statement() == (
        f"Sanitized version of cable AMEMBASSY PARIS 000123 of 151230Z MAR 24 (id {CABLE_ID}), "
        "released at CONFIDENTIAL: 3 of 6 paragraphs, renumbered. 1 attachment withheld."
    )


def test_drops_what_carries_no_portion_mark(us: ClassificationScheme) -> None:
    cable = replace(
        modern_cable(declared_banner="SECRET//NOFORN"),
        provenance=Provenance("FRUS", "x/d1", original_marking="Secret", handling=("Personal",)),
    )
    released = sanitize(cable, us, us.level_named("CONFIDENTIAL")).cable
    assert released.attachments == () and released.captions == ()
    assert released.declared_banner is None
    assert released.provenance is not None and released.provenance.original_marking is None
    assert released.provenance.handling == ()
    assert released.authority == cable.authority  # still classified: the block stays


def test_a_withheld_subject_is_replaced(us: ClassificationScheme) -> None:
    cable = modern_cable(subject_marking="(S//NF)")
    released = sanitize(cable, us, us.level_named("CONFIDENTIAL"))
    assert released.cable.subject == WITHHELD_SUBJECT
    assert released.cable.subject_marking == "(U)"
    assert released.tearline.subject_withheld
    assert "The subject is withheld." in released.tearline.statement()


def test_unclassified_release_drops_the_authority_block(us: ClassificationScheme) -> None:
    released = sanitize(modern_cable(), us, us.level_named("UNCLASSIFIED"))
    assert _marks(released.cable) == ["(U)"]
    assert released.cable.authority is None and released.banner.banner == "UNCLASSIFIED"


def test_nothing_releasable_is_refused(us: ClassificationScheme) -> None:
    cable = modern_cable(paragraphs=(Paragraph("(S)", "All secret."),))
    with pytest.raises(PolicyRefusal, match="Nothing in this cable can be released"):
        sanitize(cable, us, us.level_named("CONFIDENTIAL"))


def test_bad_marks_and_misuse(schemes: SchemeRegistry, us: ClassificationScheme) -> None:
    with pytest.raises(MarkingError):
        sanitize(modern_cable(paragraphs=(Paragraph("(SEKRIT)", "x"),)), us, us.lowest)
    with pytest.raises(ValueError, match="not of scheme"):
        sanitize(modern_cable(), us, schemes["uk"].lowest)
    with pytest.raises(ValueError, match="scheme"):
        sanitize(modern_cable(), schemes["uk"], schemes["uk"].lowest)


@pytest.mark.slow
@given(st.lists(markings(US), min_size=1, max_size=6), st.sampled_from(US.levels))
def test_never_above_the_level_never_restricted_to_addressees(
    marks: list[Marking], level: Level
) -> None:
    cable = modern_cable(paragraphs=tuple(Paragraph(m.portion, "text") for m in marks))
    try:
        released = sanitize(cable, US, level)
    except PolicyRefusal:
        return
    assert released.banner.level.rank <= level.rank
    for p in released.cable.paragraphs:
        mark = parse_marking(p.marking, US)
        assert not any(c.audience == "named-addressees" or c.name == "ORCON" for c in mark.controls)
    assert len(released.cable.paragraphs) == len(released.tearline.kept)
