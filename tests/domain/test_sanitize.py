from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cabledesk.domain.cable import Cable, Paragraph, Provenance, cable_banner
from cabledesk.domain.marking import Marking, parse_marking
from cabledesk.domain.sanitize import WITHHELD_SUBJECT, SanitizeOptions, sanitize
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


def test_says_which_cable_only_when_asked_and_gets_its_own_stable_id(
    us: ClassificationScheme,
) -> None:
    released = sanitize(modern_cable(), us, us.level_named("CONFIDENTIAL"))
    tearline = released.tearline
    assert tearline.source_id == CABLE_ID  # for the audit log
    assert tearline.source_reference == f"AMEMBASSY PARIS 000123 of 151230Z MAR 24 (id {CABLE_ID})"
    assert released.cable.id != CABLE_ID
    assert released.cable.serial is None and released.cable.dtg is None
    assert (
        sanitize(modern_cable(), us, us.level_named("CONFIDENTIAL")).cable.id == released.cable.id
    )
    assert sanitize(modern_cable(), us, us.level_named("SECRET")).cable.id != released.cable.id
    assert tearline.statement() == "Sanitized version, released at CONFIDENTIAL."
    named = sanitize(
        modern_cable(), us, us.level_named("CONFIDENTIAL"),
        options=SanitizeOptions(show_source_id=True),
    )  # fmt: skip
    assert named.cable.serial == "000123" and named.cable.dtg == modern_cable().dtg
    assert named.tearline.statement() == (
        "Sanitized version, released at CONFIDENTIAL. Sanitized from cable AMEMBASSY PARIS "
        f"000123 of 151230Z MAR 24 (id {CABLE_ID})."
    )
    assert named.cable.id != released.cable.id


def test_drops_what_carries_no_portion_mark(us: ClassificationScheme) -> None:
    cable = replace(
        modern_cable(declared_banner="SECRET//NOFORN"),
        provenance=Provenance("FRUS", "x/d1", original_marking="Secret", handling=("Personal",)),
    )
    released = sanitize(cable, us, us.level_named("CONFIDENTIAL")).cable
    assert released.attachments == () and released.captions == ()
    assert released.declared_banner is None
    assert released.provenance is None  # its source id and original marking with it
    assert released.authority == cable.authority  # still classified: the block stays


def test_a_withheld_subject_is_replaced(us: ClassificationScheme) -> None:
    cable = modern_cable(subject_marking="(S//NF)")
    released = sanitize(cable, us, us.level_named("CONFIDENTIAL"))
    assert released.cable.subject == WITHHELD_SUBJECT
    assert released.cable.subject_marking == "(U)"
    assert released.tearline.subject_withheld
    assert "subject" not in released.tearline.statement().lower()


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


def test_an_attachment_above_the_release_never_goes_nor_its_name(
    us: ClassificationScheme,
) -> None:
    """Released attachments are judged by their own marking, as paragraphs are (cable/2):
    a SECRET annex named in a CONFIDENTIAL release would raise its banner and reveal it."""
    from cabledesk.domain.cable import Attachment

    cable = replace(
        modern_cable(),
        attachments=(
            Attachment("falcon-annex.pdf", marking="(S//NF)"),
            Attachment("map.png", marking="(C)"),
            Attachment("agenda.txt"),
        ),
    )
    options = SanitizeOptions(release_attachments=True)
    released = sanitize(cable, us, us.level_named("CONFIDENTIAL"), options=options)
    assert [a.name for a in released.cable.attachments] == ["map.png", "agenda.txt"]
    assert released.banner.level.name == "CONFIDENTIAL"


def test_the_authority_block_names_no_source_and_no_downgrade_level(
    us: ClassificationScheme,
) -> None:
    """'Derived from: Multiple Sources' lists other cables (withheld with the REF lines);
    'Downgrade to CONFIDENTIAL' in a CONFIDENTIAL release says the source was higher."""
    cable = modern_cable()
    assert cable.authority is not None
    authority = replace(
        cable.authority,
        derived_from="Multiple Sources",
        sources=("PARIS 004700", "STATE 123456"),
        downgrade="CONFIDENTIAL on 2030-01-01",
    )
    cable = replace(cable, authority=authority)
    level = us.level_named("CONFIDENTIAL")
    withheld = sanitize(cable, us, level).cable.authority
    assert withheld is not None and (withheld.sources, withheld.downgrade) == ((), None)
    refs = sanitize(cable, us, level, options=SanitizeOptions(release_refs=True)).cable.authority
    assert refs is not None and refs.sources == ("PARIS 004700", "STATE 123456")
    assert refs.downgrade is None


@pytest.mark.parametrize(
    ("mark", "country", "released"),
    [
        # the release policy's own definition (tetragraphs expanded, FGI back to its
        # originator only, uncaveated US classified information to no one abroad)
        ("(C//REL TO USA, FVEY)", "GBR", True),
        ("(C//REL TO USA, NATO)", "DEU", True),
        ("(C//REL TO USA, FVEY)", "FRA", False),
        ("(U//FGI GBR)", "FRA", False),
        ("(//GBR U)", "GBR", True),
        ("(C)", "GBR", False),
        ("(U)", "JPN", True),
    ],
)
def test_release_to_follows_the_release_policy(
    us: ClassificationScheme, mark: str, country: str, released: bool
) -> None:
    cable = replace(
        modern_cable(),
        paragraphs=(Paragraph(mark, "The portion."), Paragraph("(U)", "Public.")),
    )
    result = sanitize(cable, us, us.level_named("TOP SECRET"), release_to=[country])
    assert (mark in _marks(result.cable)) is released


def test_a_release_to_a_code_that_stands_for_no_one_releases_nothing(
    us: ClassificationScheme,
) -> None:
    cable = replace(modern_cable(), paragraphs=(Paragraph("(U)", "Public."),))
    with pytest.raises(PolicyRefusal, match="to ISAF"):  # no member list for ISAF
        sanitize(cable, us, us.level_named("TOP SECRET"), release_to=["ISAF"])
