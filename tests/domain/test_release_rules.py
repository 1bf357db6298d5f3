"""The roll-up and the release policy, case by case and as one definition.

The multinational table (tests/domain/release_cases.py) checks the banner and who may
receive it; the tables below check the rules of the policy that do not depend on
nationality alone: clearances that are not needed, special access, captions.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cabledesk.domain.cable import Addressee, Cable, Paragraph, cable_banner
from cabledesk.domain.marking import Marking, parse_marking
from cabledesk.domain.policy import Decision, ReasonCode, RecipientProfile, eligible
from cabledesk.domain.release import scope_of
from cabledesk.domain.rollup import combine
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.domain.tetragraphs import shipped_tetragraphs
from cabledesk.domain.trust import Trust, TrustState
from tests.domain.release_cases import CASES, Case
from tests.domain.strategies import markings

SCHEMES = SchemeRegistry.load()
TABLE = shipped_tetragraphs()
NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)
C = ReasonCode
RELEASE_CODES = {C.NOT_A_NATIONAL, C.NOT_RELEASABLE}


def cable_of(case: Case, *, captions: tuple[str, ...] = ()) -> Cable:
    first, *rest = case.portions
    return Cable(
        id="rel-1",
        scheme=case.scheme,
        precedence="IMMEDIATE",
        originator="AMEMBASSY PARIS",
        action=(Addressee("SECSTATE WASHDC"),),
        info=(Addressee("AMEMBASSY BERLIN"),),
        subject="SUBJECT",
        subject_marking=first,
        paragraphs=tuple(Paragraph(p, "Text.") for p in (rest or [first])),
        captions=captions,
    )


def entitled(cable_scheme: str, nationality: str, **changes: object) -> RecipientProfile:
    """A recipient cleared to the top of ``cable_scheme``, with every special access and an
    addressee's post: only nationality can refuse them."""
    top = SCHEMES[cable_scheme].levels[-1].name
    base = RecipientProfile(
        name="Reader",
        post="SECSTATE WASHDC",
        fingerprint="SHA256:x",
        scheme=cable_scheme,
        clearance=top,
        nationality=nationality,
        trust=Trust(TrustState.VERIFIED, NOW - timedelta(days=1), "met"),
        accesses=("ATOMAL", "BOHEMIA"),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def decide(recipient: RecipientProfile, cable: Cable) -> Decision:
    banner = cable_banner(cable, SCHEMES[cable.scheme])
    return eligible(recipient, cable, banner, schemes=SCHEMES, now=NOW)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_banner(case: Case) -> None:
    scheme = SCHEMES[case.scheme]
    banner = combine(parse_marking(p, scheme) for p in case.portions)
    assert banner.banner == case.banner
    assert parse_marking(case.banner, scheme) == banner  # the banner reads back as itself


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_who_may_receive(case: Case) -> None:
    cable = cable_of(case)
    for nationality in case.admitted:
        decision = decide(entitled(case.scheme, nationality), cable)
        assert decision.allowed, (nationality, decision.messages)
    for nationality in case.refused:
        decision = decide(entitled(case.scheme, nationality), cable)
        assert not decision.allowed, nationality
        assert set(decision.codes) <= RELEASE_CODES, decision.messages


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_the_banner_releases_exactly_what_every_portion_releases(case: Case) -> None:
    scheme = SCHEMES[case.scheme]
    portions = [parse_marking(p, scheme) for p in case.portions]
    assert scope_of(combine(portions), TABLE).nationalities == _common(portions)


def _common(portions: list[Marking]) -> frozenset[str] | None:
    scopes = [s.nationalities for s in (scope_of(m, TABLE) for m in portions)]
    restricted = [s for s in scopes if s is not None]
    return frozenset.intersection(*restricted) if restricted else None


@given(data=st.data(), scheme_id=st.sampled_from(sorted(SCHEMES)))
def test_roll_up_and_policy_never_disagree(data: st.DataObject, scheme_id: str) -> None:
    """For any portions, the banner's release scope is the intersection of theirs: the
    policy, which reads the banner, refuses exactly who one portion refuses."""
    scheme = SCHEMES[scheme_id]
    portions = data.draw(st.lists(markings(scheme), min_size=1, max_size=4))
    banner = combine(portions)
    assert scope_of(banner, TABLE).nationalities == _common(portions)
    assert combine([banner]) == banner  # idempotent
    assert combine(reversed(portions)) == banner  # order-independent


# -- Clearance: NATO RESTRICTED, RESTREINT UE and VS-NfD need none (C-M(2002)49 encl. C
# §8: no security clearance for NR; 2013/488/EU art. 7(2) and Annex I: no PSC for RESTREINT
# UE; SÜG §1(2)/VSA §3: no Sicherheitsüberprüfung for VS-NfD); every other classified level
# needs one that reaches it, translated through the equivalence tiers.
CLEARANCE: list[tuple[str, str, str, str, str, bool]] = [
    # cable scheme, portion, recipient scheme, clearance, nationality, allowed
    ("nato", "(NR)", "de", "", "DEU", True),
    ("nato", "(NR)", "fr", "", "FRA", True),
    ("nato", "(NR)", "us", "", "USA", True),
    ("nato", "(NR)", "uk", "", "GBR", True),
    ("nato", "(NR)", "de", "", "AUT", False),  # not a member nation
    ("nato", "(NC)", "de", "", "DEU", False),
    ("nato", "(NC)", "de", "VS-VERTRAULICH", "DEU", True),
    ("nato", "(NS)", "de", "VS-VERTRAULICH", "DEU", False),
    ("nato", "(NS)", "fr", "SECRET", "FRA", True),
    ("nato", "(CTS)", "fr", "SECRET", "FRA", False),
    ("eu", "(R-UE)", "de", "", "DEU", True),
    ("eu", "(R-UE)", "fr", "", "FRA", True),
    ("eu", "(R-UE)", "us", "", "USA", False),  # not a member state
    ("eu", "(C-UE)", "fr", "", "FRA", False),
    ("eu", "(C-UE)", "fr", "SECRET", "FRA", True),
    ("eu", "(S-UE)", "de", "GEHEIM", "DEU", True),
    ("eu", "(TS-UE)", "de", "GEHEIM", "DEU", False),
    ("de", "(VS-NFD)", "de", "", "DEU", True),
    ("de", "(VS-NFD)", "fr", "", "FRA", True),
    ("de", "(VS-V)", "de", "", "DEU", False),
    ("de", "(VS-V)", "de", "VS-VERTRAULICH", "DEU", True),
    ("fr", "(DR)", "fr", "", "FRA", True),  # a protection mention, not a classification
    ("fr", "(S)", "fr", "", "FRA", False),
    ("uk", "(OS)", "uk", "", "GBR", True),
    ("uk", "(S)", "uk", "", "GBR", False),
    ("us", "(C//REL TO USA, DEU)", "de", "VS-NFD", "DEU", False),  # CONFIDENTIAL = VS-V
    ("us", "(C//REL TO USA, DEU)", "de", "VS-V", "DEU", True),
]


@pytest.mark.parametrize(
    ("scheme", "portion", "their_scheme", "clearance", "nationality", "allowed"),
    CLEARANCE,
    ids=[f"{r[0]}:{r[1]}:{r[2]}={r[3] or 'none'}:{r[4]}" for r in CLEARANCE],
)
def test_clearance(
    scheme: str, portion: str, their_scheme: str, clearance: str, nationality: str, allowed: bool
) -> None:
    case = Case(scheme, (portion,), "", (), ())
    recipient = entitled(scheme, nationality, scheme=their_scheme, clearance=clearance, accesses=())
    assert decide(recipient, cable_of(case)).allowed is allowed


# -- Special access categories are held by the person, not only marked on the paper
# (C-M(68)41 and AC/35-D/1002: ATOMAL needs an ATOMAL briefing; BOHEMIA likewise).
ACCESS: list[tuple[str, tuple[str, ...], bool]] = [
    ("(NS//ATOMAL)", ("ATOMAL",), True),
    ("(NS//ATOMAL)", (), False),
    ("(NS//ATOMAL)", ("BOHEMIA",), False),
    ("(NS//ATOMAL)", ("atomal",), True),
    ("(CTS//ATOMAL)", ("ATOMAL",), True),
    ("(NC//ATOMAL)", (), False),
    ("(CTS//BOHEMIA)", ("BOHEMIA",), True),
    ("(CTS//BOHEMIA)", ("ATOMAL",), False),
    ("(CTS//ATOMAL/BOHEMIA)", ("ATOMAL",), False),
    ("(CTS//ATOMAL/BOHEMIA)", ("ATOMAL", "BOHEMIA"), True),
    ("(NS)", (), True),
]


@pytest.mark.parametrize(
    ("portion", "accesses", "allowed"),
    ACCESS,
    ids=[f"{p}:{'+'.join(a) or 'none'}" for p, a, _ in ACCESS],
)
def test_special_access(portion: str, accesses: tuple[str, ...], allowed: bool) -> None:
    case = Case("nato", (portion,), "", (), ())
    decision = decide(entitled("nato", "FRA", accesses=accesses), cable_of(case))
    assert decision.allowed is allowed
    if not allowed:
        assert set(decision.codes) == {C.ACCESS_MISSING}


# -- Captions bind (5 FAH-3 H-420 NODIS/EXDIS captions; 12 FAM 539): a NODIS or EXDIS
# caption restricts the cable to its addressees even where no portion is marked ND or XD;
# captions without an audience restrict no one.
CAPTIONS: list[tuple[str, tuple[str, ...], str, bool]] = [
    # scheme, captions, recipient's post, allowed
    ("us", ("NODIS",), "SECSTATE WASHDC", True),
    ("us", ("NODIS",), "AMEMBASSY BERLIN", True),
    ("us", ("NODIS",), "AMEMBASSY PARIS", True),  # the originator keeps a copy
    ("us", ("NODIS",), "AMEMBASSY LONDON", False),
    ("us", ("EXDIS",), "AMEMBASSY LONDON", False),
    ("us", ("EXDIS",), "amembassy  berlin", True),
    ("us", ("SPECAT EXCLUSIVE",), "AMEMBASSY LONDON", False),  # as NODIS (5 FAH-2 H-251)
    ("us", ("SPECAT",), "AMEMBASSY LONDON", False),  # as EXDIS
    ("us", ("CHEROKEE",), "AMEMBASSY LONDON", False),
    ("us", ("SPECAT EXCLUSIVE",), "SECSTATE WASHDC", True),
    ("us", ("SIPDIS",), "AMEMBASSY LONDON", True),
    ("us", ("LIMDIS",), "AMEMBASSY LONDON", True),
    ("us", (), "AMEMBASSY LONDON", True),
    ("uk", ("RECIPIENTS ONLY",), "AMEMBASSY LONDON", False),
    ("uk", ("RECIPIENTS ONLY",), "SECSTATE WASHDC", True),
]


@pytest.mark.parametrize(
    ("scheme", "captions", "post", "allowed"),
    CAPTIONS,
    ids=[f"{s}:{'+'.join(c) or 'none'}:{p}" for s, c, p, _ in CAPTIONS],
)
def test_captions_bind(scheme: str, captions: tuple[str, ...], post: str, allowed: bool) -> None:
    portion = "(U)" if scheme == "us" else "(O)"
    case = Case(scheme, (portion,), "", (), ())
    nationality = "USA" if scheme == "us" else "GBR"
    decision = decide(entitled(scheme, nationality, post=post), cable_of(case, captions=captions))
    assert decision.allowed is allowed
    if not allowed:
        assert set(decision.codes) == {C.NOT_AN_ADDRESSEE}


def test_a_refusal_names_the_foreign_originators() -> None:
    case = Case("us", ("(//GBR S)", "(U)"), "", (), ())
    decision = decide(entitled("us", "FRA"), cable_of(case))
    assert decision.messages == (
        "Reader (FRA) may not receive this SECRET//FGI GBR cable: foreign government "
        "information goes only to USA nationals and back to its originators (GBR) unless "
        "they release it further.",
    )


def test_a_refusal_for_nato_information_names_the_members() -> None:
    case = Case("nato", ("(NS)",), "", (), ())
    decision = decide(entitled("nato", "AUS"), cable_of(case))
    assert decision.codes == (C.NOT_A_NATIONAL,)
    assert "nationals of the NATO countries only" in decision.messages[0]
