from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

import pytest

from cabledesk.domain.cable import Addressee, Authority, Cable, Paragraph
from cabledesk.domain.scheme import ClassificationScheme, SchemeRegistry
from cabledesk.domain.validation import Finding, Severity, validate

TODAY = date(2026, 11, 23)


def good() -> Cable:
    return Cable(
        id="c1",
        scheme="us",
        precedence="IMMEDIATE",
        originator="AMEMBASSY PARIS",
        action=(Addressee("SECSTATE WASHDC"),),
        subject="FRANCE: SUMMIT PREVIEW",
        subject_marking="(U)",
        paragraphs=(Paragraph("(C)", "The minister said."), Paragraph("(S//NF)", "Comment.")),
        dtg=datetime(2026, 11, 20, 9, 0, tzinfo=UTC),
        tags=("PREL", "FR"),
        authority=Authority("Jane Doe, Ambassador", ("1.4(b)", "1.4(d)"), None, "2036-11-20"),
        signature="DOE",
    )


def run(cable: Cable, us: ClassificationScheme) -> list[Finding]:
    return validate(cable, us, today=TODAY)


def only(findings: list[Finding], severity: Severity) -> list[str]:
    return [f"{f.field}: {f.message}" for f in findings if f.severity == severity]


def test_a_good_cable_has_no_findings(us: ClassificationScheme) -> None:
    assert run(good(), us) == []


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"paragraphs": (Paragraph("", "x"),)}, "paragraphs[1]", "no portion mark"),
        ({"paragraphs": (Paragraph("(S//NF/REL TO USA, GBR)", "x"),)}, "paragraphs[1]",
         "NOFORN and REL TO contradict"),
        ({"paragraphs": (Paragraph("(SECRET SAUCE)", "x"),)}, "paragraphs[1]", "not a classification level"),
        ({"subject_marking": ""}, "subject", "no portion mark"),
        ({"paragraphs": ()}, "paragraphs", "no text"),
        ({"paragraphs": (Paragraph("(C)", "  "),)}, "paragraphs[1]", "is empty"),
        ({"originator": ""}, "originator", "no originator"),
        ({"action": ()}, "action", "no action addressee"),
        ({"subject": " "}, "subject", "no subject"),
        ({"precedence": "URGENT"}, "precedence", "not a precedence"),
        ({"action": (Addressee("SECSTATE WASHDC", "SOON"),)}, "action[1]", "not a precedence"),
        ({"precedence": "NIACT IMMEDIATE"}, "paragraphs[1]", "justify the night action"),
        ({"authority": None}, "authority", "needs a classification authority block"),
        ({"authority": Authority("Jane Doe", (), None, "2030-01-01")}, "authority.reasons",
         "reason"),
        ({"authority": Authority("Jane Doe", ("1.4(z)",), None, "2030-01-01")},
         "authority.reasons", "not a classification reason"),
        ({"authority": Authority("Jane Doe", ("1.4(b)",), None, "")}, "authority.declassify_on",
         "declassified"),
        ({"authority": Authority("Jane Doe", ("1.4(b)",), None, "2060-01-01")},
         "authority.declassify_on", "more than 25 years"),
        ({"authority": Authority("Jane Doe", ("1.4(b)",), None, "2030-02-30")},
         "authority.declassify_on", "not a valid date"),
        ({"authority": Authority("Jane Doe", ("1.4(b)",), None, "25X1")},
         "authority.declassify_on", "needs a date"),
        ({"authority": Authority("Jane Doe", ("1.4(b)",), None, "25X0, 2070-01-01")},
         "authority.declassify_on", "not a known exemption"),
        ({"captions": ("AGRÉMENT CHANNEL", "DIRGEN CHANNEL")}, "captions", "only one channel"),
        ({"tags": ("FR",)}, "tags", "no subject TAG"),
        ({"declared_banner": "CONFIDENTIAL"}, "declared_banner", "lower than a portion"),
        ({"declared_banner": "SEKRIT"}, "declared_banner", "not a classification level"),
    ],
)  # fmt: skip
def test_errors(us: ClassificationScheme, change: dict[str, Any], field: str, words: str) -> None:
    errors = only(run(replace(good(), **change), us), Severity.ERROR)
    assert any(e.startswith(f"{field}:") and words in e for e in errors), errors


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"tags": ("PREL", "ZZZZ")}, "tags[2]", "not a known TAGS"),
        ({"precedence": "PRIORITY"}, "precedence", "no longer an authorized precedence"),
        ({"paragraphs": (Paragraph("(C)", "1. One."), Paragraph("(C)", "2. Two."))},
         "paragraphs[1]", "typed number"),
        ({"info": (Addressee("SECSTATE WASHDC"),)}, "info", "both an action and an info"),
        ({"action": (Addressee("A"), Addressee("a"))}, "action[2]", "listed twice"),
        ({"paragraphs": (Paragraph("(C)", "x" * 9000),)}, "paragraphs[1]", "needs a summary"),
        ({"authority": Authority("Jane Doe", ("1.4(b)",), None, "2020-01-01")},
         "authority.declassify_on", "already passed"),
        ({"declared_banner": "TOP SECRET"}, "declared_banner", "differs"),
    ],
)  # fmt: skip
def test_warnings(us: ClassificationScheme, change: dict[str, Any], field: str, words: str) -> None:
    findings = run(replace(good(), **change), us)
    warnings = only(findings, Severity.WARNING)
    assert any(w.startswith(f"{field}:") and words in w for w in warnings), findings


def test_errors_come_first(us: ClassificationScheme) -> None:
    findings = run(replace(good(), tags=("ZZZZ",), originator=""), us)
    assert [f.severity for f in findings] == sorted(
        (f.severity for f in findings), key=lambda s: s != Severity.ERROR
    )


def test_unclassified_cable_needs_no_authority(us: ClassificationScheme) -> None:
    cable = replace(good(), paragraphs=(Paragraph("(SBU)", "Visa statistics."),), authority=None)
    assert run(cable, us) == []
    with_block = replace(cable, authority=Authority("Jane", ("1.4(b)",), None, "2030-01-01"))
    assert only(run(with_block, us), Severity.WARNING) == [
        "authority: An unclassified cable needs no classification authority block; remove it."
    ]


def test_single_paragraph_may_carry_a_number_like_text(us: ClassificationScheme) -> None:
    cable = replace(good(), paragraphs=(Paragraph("(C)", "1. Only one."),))
    assert run(cable, us) == []


def test_exemptions_and_events_are_accepted(us: ClassificationScheme) -> None:
    for value in ("50X1-HUM", "End of the negotiations", "20361120"):
        cable = replace(good(), authority=Authority("J", ("1.4(b)",), None, value))
        assert only(run(cable, us), Severity.ERROR) == [], value
    # A 25X exemption comes from an ISCAP-approved guide: a derivative source.
    cable = replace(good(), authority=Authority("J", (), "DoS guide", "25X1, 2069-12-31"))
    assert only(run(cable, us), Severity.ERROR) == []


def test_derived_from_replaces_reasons(us: ClassificationScheme) -> None:
    cable = replace(good(), authority=Authority("J", (), "STATE 123456", "2030-01-01"))
    assert run(cable, us) == []


def test_schemes_without_authority_rules(schemes: SchemeRegistry) -> None:
    cable = replace(
        good(),
        scheme="uk",
        subject_marking="(O)",
        paragraphs=(Paragraph("(S//UKEO)", "Text."),),
        authority=None,
        tags=(),
    )
    assert validate(cable, schemes["uk"], today=TODAY) == []


def test_wrong_scheme_is_a_bug(schemes: SchemeRegistry) -> None:
    with pytest.raises(ValueError):
        validate(good(), schemes["uk"])
