"""The release policy as a matrix: recipient × cable marking → expected reason codes."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.keys import Identity
from cabledesk.domain.cable import Addressee, Cable, Paragraph
from cabledesk.domain.marking import Marking, order_release_list, parse_marking
from cabledesk.domain.policy import (
    Decision,
    Reason,
    ReasonCode,
    RecipientProfile,
    check_all,
    eligible,
    enforce,
)
from cabledesk.domain.scheme import SchemeRegistry, parse_scheme
from cabledesk.domain.tetragraphs import TetragraphTable, shipped_tetragraphs
from cabledesk.domain.trust import Trust, TrustState
from cabledesk.errors import MarkingError, PolicyRefusal
from cabledesk.phrase import Phrase
from tests.domain.strategies import markings

SCHEMES = SchemeRegistry.load()
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
VERIFIED = Trust(TrustState.VERIFIED, NOW - timedelta(days=30), "safety number read aloud")
C = ReasonCode


def cable(scheme: str = "us") -> Cable:
    return Cable(
        id="c1",
        scheme=scheme,
        precedence="IMMEDIATE",
        originator="AMEMBASSY PARIS",
        action=(Addressee("SECSTATE WASHDC", "IMMEDIATE"),),
        info=(Addressee("AMEMBASSY BERLIN"), Addressee("USMISSION USNATO")),
        subject="FRANCE: SUMMIT PREVIEW",
        subject_marking="(U)",
        paragraphs=(Paragraph("(U)", "Text."),),
    )


def who(**changes: Any) -> RecipientProfile:
    """A recipient who may receive anything the US scheme marks, changed as asked."""
    base = RecipientProfile(
        name="Jean Martin",
        post="SECSTATE WASHDC",
        fingerprint="SHA256:d2VsbCBoZWxsbyB0aGVyZQ",
        scheme="us",
        clearance="TOP SECRET",
        nationality="USA",
        expires=None,
        trust=VERIFIED,
    )
    return replace(base, **changes)


def decide(recipient: RecipientProfile, scheme: str, marking: str) -> Decision:
    banner = parse_marking(marking, SCHEMES[scheme])
    return eligible(recipient, cable(scheme), banner, schemes=SCHEMES, now=NOW)


def fr(clearance: str, **more: Any) -> dict[str, Any]:
    return {"scheme": "fr", "clearance": clearance, "nationality": "FRA", **more}


# scheme of the cable, its banner, how the recipient differs from who(), expected codes
MATRIX: list[tuple[str, str, dict[str, Any], tuple[ReasonCode, ...]]] = [
    # clearance within a scheme
    ("us", "UNCLASSIFIED", {"clearance": ""}, ()),
    ("us", "UNCLASSIFIED//SBU", {"clearance": "NO SUCH LEVEL"}, ()),
    ("us", "SECRET", {"clearance": "SECRET"}, ()),
    ("us", "SECRET", {"clearance": "s"}, ()),
    ("us", "SECRET", {"clearance": "CONFIDENTIAL"}, (C.CLEARANCE_TOO_LOW,)),
    ("us", "TOP SECRET", {"clearance": "SECRET"}, (C.CLEARANCE_TOO_LOW,)),
    ("us", "CONFIDENTIAL", {"clearance": ""}, (C.CLEARANCE_MISSING,)),
    ("us", "CONFIDENTIAL", {"clearance": "UNCLASSIFIED"}, (C.CLEARANCE_TOO_LOW,)),
    ("us", "SECRET", {"clearance": "GEHEIM"}, (C.CLEARANCE_UNKNOWN,)),
    ("us", "SECRET", {"scheme": "xx", "clearance": "SECRET"}, (C.CLEARANCE_UNKNOWN,)),
    ("us", "SECRET", {"scheme": "", "clearance": ""}, (C.CLEARANCE_MISSING,)),
    ("uk", "OFFICIAL-SENSITIVE", {"scheme": "uk", "clearance": ""}, ()),
    ("fr", "DIFFUSION RESTREINTE", fr(""), ()),
    # clearance across schemes, through the equivalence tiers
    ("us", "SECRET//REL TO USA, FRA", fr("SECRET"), ()),
    ("us", "SECRET//REL TO USA, FRA", fr("DIFFUSION RESTREINTE"), (C.CLEARANCE_TOO_LOW,)),
    ("us", "TOP SECRET//REL TO USA, FRA", fr("SECRET"), (C.CLEARANCE_TOO_LOW,)),
    ("us", "TOP SECRET//REL TO USA, FRA", fr("TRES SECRET"), ()),
    ("us", "CONFIDENTIAL//REL TO USA, FRA", fr("SECRET"), ()),
    ("us", "CONFIDENTIAL//REL TO USA, FRA", fr("DR"), (C.CLEARANCE_TOO_LOW,)),
    # US classified without a release marking: nationals only (ICD 710)
    ("us", "SECRET", fr("SECRET"), (C.NOT_A_NATIONAL,)),
    ("us", "CONFIDENTIAL", fr("DR"), (C.CLEARANCE_TOO_LOW, C.NOT_A_NATIONAL)),
    ("us", "SECRET", {"nationality": ""}, (C.NATIONALITY_UNKNOWN,)),
    ("us", "UNCLASSIFIED", fr(""), ()),
    ("fr", "SECRET", {"clearance": "SECRET"}, ()),
    ("fr", "SECRET", {"clearance": "CONFIDENTIAL"}, (C.CLEARANCE_TOO_LOW,)),
    ("nato", "NATO CONFIDENTIAL", fr("SECRET"), ()),
    ("nato", "NATO CONFIDENTIAL", fr("DIFFUSION RESTREINTE"), (C.CLEARANCE_TOO_LOW,)),
    ("nato", "NATO RESTRICTED", fr(""), ()),
    ("nato", "NATO RESTRICTED", {"scheme": "uk", "clearance": ""}, ()),
    # NATO RESTRICTED, RESTREINT UE and VS-NfD need no clearance, only need-to-know and
    # a member state's nationality (C-M(2002)49 encl. C; 2013/488/EU art. 7; SÜG §1)
    ("nato", "NATO RESTRICTED", {"clearance": ""}, ()),
    ("nato", "NATO RESTRICTED", {"clearance": "CONFIDENTIAL"}, ()),
    ("nato", "NATO RESTRICTED", {"scheme": "de", "clearance": "", "nationality": "DEU"}, ()),
    ("nato", "NATO RESTRICTED", {"clearance": "", "nationality": "AUS"}, (C.NOT_A_NATIONAL,)),
    ("nato", "NATO RESTRICTED", {"scheme": "de", "clearance": "VS-NfD"}, ()),
    ("nato", "COSMIC TOP SECRET", {"scheme": "de", "clearance": "STRENG GEHEIM"}, ()),
    ("nato", "COSMIC TOP SECRET", {"scheme": "de", "clearance": "GEHEIM"}, (C.CLEARANCE_TOO_LOW,)),
    ("eu", "SECRET UE", {"scheme": "nato", "clearance": "NATO SECRET", "nationality": "DEU"},
     ()),
    ("eu", "SECRET UE", {"scheme": "nato", "clearance": "NC", "nationality": "DEU"},
     (C.CLEARANCE_TOO_LOW,)),
    ("eu", "CONFIDENTIEL UE",
     {"scheme": "uk", "clearance": "OFFICIAL-SENSITIVE", "nationality": "IRL"},
     (C.CLEARANCE_TOO_LOW,)),
    ("eu", "CONFIDENTIEL UE", {"scheme": "uk", "clearance": "SECRET", "nationality": "IRL"},
     ()),
    ("eu", "RESTREINT UE", {"clearance": "", "nationality": "AUT"}, ()),
    # EU classified information: member states only (2013/488/EU art. 13)
    ("eu", "CONFIDENTIEL UE", {"clearance": "SECRET"}, (C.NOT_A_NATIONAL,)),
    ("eu", "RESTREINT UE", {"clearance": "", "nationality": "GBR"}, (C.NOT_A_NATIONAL,)),
    ("de", "GEHEIM", {"scheme": "eu", "clearance": "SECRET UE"}, ()),
    ("de", "VS-NfD", {"clearance": ""}, ()),
    ("uk", "SECRET", {"scheme": "eu", "clearance": "NOT A LEVEL"}, (C.CLEARANCE_UNKNOWN,)),
    # audience "nationals": NOFORN and its equivalents in every scheme
    ("us", "SECRET//NOFORN", {}, ()),
    ("us", "SECRET//NOFORN", {"nationality": "usa"}, ()),
    ("us", "SECRET//NOFORN", fr("SECRET"), (C.NOT_A_NATIONAL,)),
    ("us", "SECRET//NOFORN", {"nationality": ""}, (C.NATIONALITY_UNKNOWN,)),
    ("us", "SECRET//NOFORN", {"nationality": "United States"}, (C.NATIONALITY_UNKNOWN,)),
    ("us", "(SBU-NF)", fr(""), (C.NOT_A_NATIONAL,)),
    ("uk", "SECRET//UK EYES ONLY", {"nationality": "GBR"}, ()),
    ("uk", "SECRET//UK EYES ONLY", {}, (C.NOT_A_NATIONAL,)),
    ("uk", "(OS//UKEO)", {"nationality": ""}, (C.NATIONALITY_UNKNOWN,)),
    ("fr", "SECRET//SPÉCIAL FRANCE", fr("SECRET"), ()),
    ("fr", "SECRET//SPECIAL FRANCE", {"nationality": "DEU"}, (C.NOT_A_NATIONAL,)),
    ("de", "GEHEIM//NDZK", {"nationality": "DEU"}, ()),
    ("de", "GEHEIM//NDZK", {"nationality": "AUT"}, (C.NOT_A_NATIONAL,)),
    # audience "release-list": REL TO, tetragraphs expanded to their members
    ("us", "CONFIDENTIAL//REL TO USA, GBR", {"nationality": "GBR"}, ()),
    ("us", "CONFIDENTIAL//REL TO USA, GBR", {}, ()),
    ("us", "CONFIDENTIAL//REL TO USA, GBR", fr("SECRET"), (C.NOT_RELEASABLE,)),
    ("us", "CONFIDENTIAL//REL TO USA, GBR", {"nationality": ""}, (C.NATIONALITY_UNKNOWN,)),
    ("us", "UNCLASSIFIED//REL TO USA, GBR", {"nationality": "JPN", "clearance": ""},
     (C.NOT_RELEASABLE,)),
    ("us", "SECRET//REL TO USA, FVEY", {"nationality": "NZL"}, ()),
    ("us", "SECRET//REL TO USA, FVEY", fr("SECRET"), (C.NOT_RELEASABLE,)),
    ("us", "SECRET//REL TO USA, NATO", fr("SECRET"), ()),
    ("us", "SECRET//REL TO USA, NATO", {"nationality": "SWE"}, ()),
    ("us", "SECRET//REL TO USA, NATO", {"nationality": "AUT"}, (C.NOT_RELEASABLE,)),
    ("us", "SECRET//REL TO USA, ACGU", {"nationality": "CAN"}, ()),
    ("us", "SECRET//REL TO USA, ACGU", {"nationality": "NZL"}, (C.NOT_RELEASABLE,)),
    ("us", "SECRET//REL TO USA, TEYE", {"nationality": "AUS"}, ()),
    ("us", "SECRET//REL TO USA, TEYE", {"nationality": "CAN"}, (C.NOT_RELEASABLE,)),
    ("us", "SECRET//REL TO USA, ISAF", {"nationality": "GBR"}, (C.NOT_RELEASABLE,)),
    ("us", "SECRET//REL TO USA, GBR, ISAF", {"nationality": "GBR"}, ()),
    ("uk", "SECRET//REL TO GBR, FVEY", {"nationality": "CAN"}, ()),
    ("uk", "SECRET//REL TO GBR, FVEY", fr("SECRET"), (C.NOT_RELEASABLE,)),
    ("uk", "SECRET//REL TO GBR, USA", {}, ()),
    # audience "named-addressees": originator, action and info posts
    ("us", "SECRET//NODIS", {}, ()),
    ("us", "SECRET//NODIS", {"post": "AMEMBASSY BERLIN"}, ()),
    ("us", "SECRET//NODIS", {"post": "  amembassy   paris "}, ()),
    ("us", "SECRET//NODIS", {"post": "AMEMBASSY LONDON"}, (C.NOT_AN_ADDRESSEE,)),
    ("us", "SECRET//NODIS", {"post": ""}, (C.POST_UNKNOWN,)),
    ("us", "CONFIDENTIAL//EXDIS", {"post": "USMISSION USNATO"}, ()),
    ("us", "CONFIDENTIAL//EXDIS", {"post": "AMEMBASSY ROME"}, (C.NOT_AN_ADDRESSEE,)),
    ("uk", "SECRET//RECIPIENTS ONLY", {"post": "AMEMBASSY LONDON"}, (C.NOT_AN_ADDRESSEE,)),
    ("uk", "SECRET//RO", {"post": "AMEMBASSY BERLIN"}, ()),
    # controls without an audience restrict no one
    ("us", "SECRET//ORCON/PROPIN//LIMDIS/STADIS", {}, ()),
    ("us", "SECRET//ORCON/PROPIN//LIMDIS/STADIS", fr("SECRET"), (C.NOT_A_NATIONAL,)),
    ("nato", "NATO SECRET//ATOMAL//NATO EYES ONLY", fr("SECRET", accesses=("ATOMAL",)), ()),
    # special access categories are held by the person (C-M(68)41: ATOMAL briefing)
    ("nato", "NATO SECRET//ATOMAL//NATO EYES ONLY", fr("SECRET"), (C.ACCESS_MISSING,)),
    ("eu", "UNCLASSIFIED//LIMITE", {"nationality": "JPN", "clearance": ""}, ()),
    # keys and trust
    ("us", "UNCLASSIFIED", {"trust": Trust(TrustState.REVOKED, NOW, "laptop lost")},
     (C.KEY_REVOKED,)),
    ("us", "UNCLASSIFIED", {"expires": NOW - timedelta(days=1)}, (C.KEY_EXPIRED,)),
    ("us", "UNCLASSIFIED", {"expires": NOW}, (C.KEY_EXPIRED,)),
    ("us", "UNCLASSIFIED", {"expires": NOW - timedelta(microseconds=1)}, (C.KEY_EXPIRED,)),
    ("us", "UNCLASSIFIED", {"expires": NOW + timedelta(microseconds=1)}, ()),
    ("us", "UNCLASSIFIED", {"expires": NOW.astimezone(UTC).replace(year=2030)}, ()),
    ("us", "SECRET", {"trust": Trust(TrustState.UNVERIFIED)}, (C.UNVERIFIED,)),
    ("us", "SECRET", {"trust": Trust(TrustState.UNKNOWN)}, (C.UNKNOWN_CONTACT,)),
    # several reasons at once, all reported
    ("us", "TOP SECRET//NOFORN//NODIS",
     fr("DIFFUSION RESTREINTE", post="AMEMBASSY LONDON", expires=NOW,
        trust=Trust(TrustState.UNVERIFIED)),
     (C.KEY_EXPIRED, C.CLEARANCE_TOO_LOW, C.NOT_A_NATIONAL, C.NOT_AN_ADDRESSEE, C.UNVERIFIED)),
    ("uk", "SECRET//UK EYES ONLY//RECIPIENTS ONLY",
     {"scheme": "uk", "clearance": "", "nationality": "", "post": "",
      "trust": Trust(TrustState.REVOKED)},
     (C.KEY_REVOKED, C.CLEARANCE_MISSING, C.NATIONALITY_UNKNOWN, C.POST_UNKNOWN)),
    ("us", "SECRET//REL TO USA, FVEY//EXDIS",
     {"nationality": "JPN", "clearance": "CONFIDENTIAL", "post": "AMEMBASSY TOKYO"},
     (C.CLEARANCE_TOO_LOW, C.NOT_RELEASABLE, C.NOT_AN_ADDRESSEE)),
]  # fmt: skip


@pytest.mark.parametrize(
    ("scheme", "marking", "changes", "expected"),
    MATRIX,
    ids=[f"{s}:{m}:{','.join(f'{k}={v}' for k, v in c.items())}" for s, m, c, _ in MATRIX],
)
def test_matrix(
    scheme: str, marking: str, changes: dict[str, Any], expected: tuple[ReasonCode, ...]
) -> None:
    recipient = who(**changes)
    decision = decide(recipient, scheme, marking)
    assert sorted(decision.codes) == sorted(expected)
    refusals = [c for c in expected if c not in (C.UNVERIFIED, C.UNKNOWN_CONTACT)]
    assert decision.allowed == (not refusals)
    assert decision.needs_confirmation == (not refusals and bool(expected))
    for text in decision.messages:
        assert text.startswith(recipient.label + " ")
        assert text.endswith(".")


def test_reasons_say_what_is_wrong_in_plain_words() -> None:
    d = decide(who(**fr("SECRET")), "us", "SECRET//NOFORN")
    assert d.messages == (
        "Jean Martin (FRA) may not receive this NOFORN cable: it is for USA nationals only.",
    )
    assert d.reasons[0].control == "NOFORN"
    d = decide(who(**fr("DR")), "nato", "NATO CONFIDENTIAL")
    assert d.messages == (
        "Jean Martin (FRA) may not receive this NATO CONFIDENTIAL cable: it needs a clearance "
        "of at least SECRET in the FR scheme, and theirs is DIFFUSION RESTREINTE.",
    )
    d = decide(who(nationality="JPN"), "us", "SECRET//REL TO USA, GBR, FVEY, ISAF")
    assert d.messages == (
        "Jean Martin (JPN) may not receive this REL TO USA, GBR, FVEY, ISAF cable: it is "
        "releasable only to nationals of USA, GBR, the FVEY countries and the ISAF countries "
        "(CableDesk has no member list for ISAF).",
    )
    d = decide(who(expires=datetime(2026, 1, 2, 9, 30, tzinfo=UTC)), "us", "UNCLASSIFIED")
    assert "expired on 2026-01-02 09:30 UTC" in d.messages[0]
    d = decide(who(trust=Trust(TrustState.REVOKED, NOW, "laptop lost")), "us", "UNCLASSIFIED")
    assert d.messages[0].endswith("their keys were revoked (laptop lost).")
    d = decide(who(post="AMEMBASSY ROME"), "us", "SECRET//NODIS")
    assert "their post, AMEMBASSY ROME, is not among them" in d.messages[0]


def test_refusals_come_before_confirmations() -> None:
    d = decide(who(nationality="FRA", trust=Trust(TrustState.UNVERIFIED)), "us", "SECRET//NOFORN")
    assert d.codes == (C.NOT_A_NATIONAL, C.UNVERIFIED)
    assert not d.allowed
    assert not d.needs_confirmation
    assert not d.permits(confirmed=True)


def test_confirmation_lets_an_unverified_contact_through() -> None:
    d = decide(who(trust=Trust(TrustState.UNVERIFIED)), "us", "SECRET")
    assert d.allowed and d.needs_confirmation
    assert not d.permits(confirmed=False)
    assert d.permits(confirmed=True)
    assert "SHA256:d2VsbCBoZWxsbyB0aGVyZQ" in str(d.reasons[0])
    clean = decide(who(), "us", "SECRET")
    assert clean == Decision() and clean.permits(confirmed=False)


def test_check_all_keeps_the_order_and_enforce_names_everyone() -> None:
    ok = who(name="Ann Lee")
    foreign = who(name="Jean Martin", **fr("SECRET"))
    unsure = who(name="Bo Kim", fingerprint="SHA256:bo", trust=Trust(TrustState.UNVERIFIED))
    banner = parse_marking("SECRET//NOFORN", SCHEMES["us"])
    checked = check_all([ok, foreign, unsure], cable(), banner, schemes=SCHEMES, now=NOW)
    assert [r.name for r, _ in checked] == ["Ann Lee", "Jean Martin", "Bo Kim"]
    assert [d.allowed for _, d in checked] == [True, False, True]
    with pytest.raises(PolicyRefusal) as refused:
        enforce(checked, confirmed={"SHA256:bo"})
    assert "Jean Martin (FRA) may not receive this NOFORN cable" in refused.value.message
    assert "Bo Kim" not in refused.value.message
    with pytest.raises(PolicyRefusal) as refused:
        enforce([checked[0], checked[2]])
    assert "Bo Kim (USA) is an unverified contact" in refused.value.message
    assert refused.value.hint is not None and "confirm" in refused.value.hint
    enforce([checked[0], checked[2]], confirmed={"SHA256:bo"})


def test_profile_of_a_contact_card() -> None:
    identity = Identity.generate(
        "Jane Doe", "AMEMBASSY PARIS", clearance="SECRET", nationality="USA",
        expires=NOW + timedelta(days=365),
    )  # fmt: skip
    card = ContactCard.for_identity(identity)
    profile = RecipientProfile.of(card, VERIFIED)
    assert profile == RecipientProfile(
        "Jane Doe", "AMEMBASSY PARIS", identity.fingerprint, "us", "SECRET", "USA",
        NOW + timedelta(days=365), VERIFIED,
    )  # fmt: skip
    assert RecipientProfile.of(identity, VERIFIED) == profile
    assert decide(profile, "us", "SECRET//NOFORN//NODIS").allowed


def test_a_nationals_control_of_an_organisation_scheme_means_its_members() -> None:
    text = Path(SCHEMES["nato"].source).read_text(encoding="utf-8")
    assert 'audience = "nationals"' in text  # NATO EYES ONLY is for NATO nationals
    scheme = parse_scheme(text)
    banner = parse_marking("NATO SECRET//NATO EYES ONLY", scheme)
    schemes = {**SCHEMES, "nato": scheme}

    def codes(**changes: Any) -> tuple[ReasonCode, ...]:
        d = eligible(who(**changes), cable("nato"), banner, schemes=schemes, now=NOW)
        return d.codes

    assert codes(nationality="POL") == ()
    assert codes(nationality="AUT") == (C.NOT_A_NATIONAL,)
    d = eligible(
        who(nationality="POL"), cable("nato"), banner, schemes=schemes, now=NOW,
        tetragraphs=TetragraphTable({}),
    )  # fmt: skip
    assert d.codes == (C.NOT_A_NATIONAL,)
    assert "no member list for NATO" in d.messages[0]


MINISTRY = """
id = "xm"
name = "A ministry's scheme with two levels on one tier"
country = "CHE"
precedences = ["ROUTINE"]
categories = []

[[levels]]
name = "INTERN"
portion = "I"
tier = 0
classified = false
colour = "#007a33"
text_colour = "#ffffff"

[[levels]]
name = "VERTRAULICH"
portion = "V"
tier = 2
classified = true
colour = "#0033a0"
text_colour = "#ffffff"

[[levels]]
name = "STRENG VERTRAULICH"
portion = "SV"
tier = 2
classified = true
colour = "#0033a0"
text_colour = "#ffffff"
"""


def test_within_a_scheme_levels_are_compared_by_rank_not_tier() -> None:
    scheme = parse_scheme(MINISTRY)
    schemes = {**SCHEMES, "xm": scheme}
    banner = parse_marking("STRENG VERTRAULICH", scheme)
    lower = who(scheme="xm", clearance="VERTRAULICH", nationality="CHE")
    d = eligible(lower, cable("xm"), banner, schemes=schemes, now=NOW)
    assert d.codes == (C.CLEARANCE_TOO_LOW,)
    # Across schemes, both count as tier 2: a US CONFIDENTIAL cable needs VERTRAULICH.
    us_banner = parse_marking("CONFIDENTIAL//REL TO USA, CHE", SCHEMES["us"])
    assert eligible(lower, cable(), us_banner, schemes=schemes, now=NOW).allowed


@pytest.mark.parametrize(
    "call",
    [
        lambda: eligible(who(), cable(), parse_marking("SECRET", SCHEMES["us"]), schemes=SCHEMES,
                         now=NOW.replace(tzinfo=None)),
        lambda: eligible(who(), cable("uk"), parse_marking("SECRET", SCHEMES["us"]),
                         schemes=SCHEMES, now=NOW),
        lambda: who(name="  "),
        lambda: who(expires=datetime(2030, 1, 1)),
    ],
    ids=["naive now", "banner of another scheme", "no name", "naive expiry"],
)  # fmt: skip
def test_misuse_raises_value_error(call: Any) -> None:
    with pytest.raises(ValueError, match=r"."):
        call()


def test_reason_is_a_value() -> None:
    r = Reason(C.UNVERIFIED, Phrase.of("X is an unverified contact."))
    assert not r.refuses and str(r) == "X is an unverified contact."
    assert Reason(C.KEY_EXPIRED, Phrase.of("x")).refuses


# -- properties --------------------------------------------------------------------

SCHEME_IDS = sorted(SCHEMES)
NATIONALITIES = ["USA", "GBR", "FRA", "DEU", "POL", "NZL", "CAN", "JPN", "", "France"]
POSTS = ["AMEMBASSY PARIS", "SECSTATE WASHDC", "AMEMBASSY BERLIN", "AMEMBASSY LONDON", ""]
TRUSTS = [Trust(s) for s in TrustState]
EXPIRIES = [None, NOW - timedelta(seconds=1), NOW, NOW + timedelta(seconds=1)]


@st.composite
def cases(draw: st.DrawFn) -> tuple[RecipientProfile, Marking]:
    """A recipient of any scheme and a banner of any scheme."""
    banner = draw(st.sampled_from(SCHEME_IDS).flatmap(lambda s: markings(SCHEMES[s])))
    scheme = draw(st.sampled_from(SCHEME_IDS))
    clearance = draw(st.sampled_from(["", *(lv.name for lv in SCHEMES[scheme].levels)]))
    recipient = who(
        scheme=scheme,
        clearance=clearance,
        nationality=draw(st.sampled_from(NATIONALITIES)),
        post=draw(st.sampled_from(POSTS)),
        trust=draw(st.sampled_from(TRUSTS)),
        expires=draw(st.sampled_from(EXPIRIES)),
    )
    return recipient, banner


def decision(recipient: RecipientProfile, banner: Marking) -> Decision:
    return eligible(recipient, cable(banner.scheme.id), banner, schemes=SCHEMES, now=NOW)


@pytest.mark.slow
@given(cases(), st.data())
def test_raising_a_clearance_never_turns_an_allowance_into_a_refusal(
    case: tuple[RecipientProfile, Marking], data: st.DataObject
) -> None:
    recipient, banner = case
    levels = SCHEMES[recipient.scheme].levels
    start = levels[0].rank if not recipient.clearance else levels.index(
        SCHEMES[recipient.scheme].level_named(recipient.clearance)
    )  # fmt: skip
    higher = data.draw(st.sampled_from(levels[start:]))
    before = decision(recipient, banner)
    after = decision(replace(recipient, clearance=higher.name), banner)
    if before.allowed:
        assert after.allowed
    clearance_codes = {C.CLEARANCE_MISSING, C.CLEARANCE_TOO_LOW, C.CLEARANCE_UNKNOWN}
    assert [c for c in after.codes if c not in clearance_codes] == [
        c for c in before.codes if c not in clearance_codes
    ]


def _families(codes: tuple[ReasonCode, ...]) -> set[ReasonCode]:
    """Reason codes with the two release-by-nationality refusals taken as one: a control
    (FGI) may change the basis of a nationality refusal, not the refusal."""
    return {C.NOT_A_NATIONAL if c is C.NOT_RELEASABLE else c for c in codes}


@pytest.mark.slow
@given(cases(), st.data())
def test_adding_a_control_never_turns_a_refusal_into_an_allowance(
    case: tuple[RecipientProfile, Marking], data: st.DataObject
) -> None:
    recipient, banner = case
    scheme = banner.scheme
    extra = data.draw(st.sampled_from(scheme.controls))
    assume(extra not in banner.controls)
    marking_required = scheme.release is not None and scheme.release.marking_required
    # Where classified information without a release marking is for nationals
    # only, a release list is itself the release decision: it may open doors.
    assume(not (marking_required and banner.level.classified and extra.audience == "release-list"))
    release_to = banner.release_to
    if scheme.release is not None and extra.name == scheme.release.control:
        others = data.draw(st.sets(st.sampled_from(["GBR", "FRA", "FVEY", "NATO"]), min_size=1))
        if not scheme.release.includes_originator:
            others = {c for c in others if len(c) == 3}
            assume(others)
        else:
            others.add(scheme.country)
        release_to = order_release_list(others, scheme)
    try:
        more = replace(banner, controls=banner.controls | {extra}, release_to=release_to)
    except (MarkingError, ValueError):
        assume(False)
        raise
    before = decision(recipient, banner)
    after = decision(recipient, more)
    if marking_required:  # a nationals-only control replaces the unmarked rule's reason
        assert _families(before.codes) <= _families(after.codes)
    else:
        assert set(before.reasons) <= set(after.reasons)
    if not before.allowed:
        assert not after.allowed


@pytest.mark.slow
@given(cases(), st.data())
def test_raising_the_level_never_turns_a_refusal_into_an_allowance(
    case: tuple[RecipientProfile, Marking], data: st.DataObject
) -> None:
    recipient, banner = case
    higher = data.draw(st.sampled_from(banner.scheme.levels[banner.level.rank :]))
    try:
        more = replace(banner, level=higher)
    except MarkingError:
        assume(False)
        raise
    if not decision(recipient, banner).allowed:
        assert not decision(recipient, more).allowed


@pytest.mark.slow
@given(cases())
def test_nationals_of_the_originating_country_pass_every_nationality_rule(
    case: tuple[RecipientProfile, Marking],
) -> None:
    recipient, banner = case
    members = shipped_tetragraphs().nationalities(banner.scheme.country)
    assert members is not None
    for nationality in sorted(members):
        d = decision(replace(recipient, nationality=nationality), banner)
        assert not {C.NOT_A_NATIONAL, C.NATIONALITY_UNKNOWN} & set(d.codes)
        if banner.scheme.country == nationality:
            assert C.NOT_RELEASABLE not in d.codes


@pytest.mark.slow
@given(cases())
def test_every_reason_names_the_recipient(case: tuple[RecipientProfile, Marking]) -> None:
    recipient, banner = case
    d = decision(recipient, banner)
    assert all(m.startswith(recipient.label + " ") for m in d.messages)
    assert d.allowed == all(c in (C.UNVERIFIED, C.UNKNOWN_CONTACT) for c in d.codes)
