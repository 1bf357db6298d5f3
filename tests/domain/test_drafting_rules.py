"""Drafting rules, case by case: summary and NIACT, precedence, DTG, TAGS, typed portion
marks, attachments' marks, rules versions and historic records.

Each table is written from the rule it cites, not from CableDesk's output.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from cabledesk.domain.cable import Addressee, Attachment, Cable, Paragraph, cable_banner
from cabledesk.domain.validation import RULES_VERSION, Severity
from tests.domain.rule_cases import (
    ERROR,
    FRUS,
    OK,
    SCHEMES,
    WARNING,
    Expect,
    authority,
    check,
    findings,
    modern,
)

P1 = "paragraphs[1]"
LONG = "x" * 9000  # over three printed pages
SUMMARY = "SUMMARY: The minister will concede. END SUMMARY."


def niact(*paragraphs: str) -> Cable:
    return modern(
        precedence="NIACT IMMEDIATE",
        paragraphs=tuple(Paragraph("(C)", p) for p in paragraphs),
    )


# 5 FAH-2 H-421.2: the drafter justifies NIACT in paragraph 1. 5 FAH-1 H-246.3: a cable
# over three pages opens with a summary. Both hold at once: the justification may be in
# the summary or in the first paragraph after END SUMMARY.
NIACT_AND_SUMMARY: list[tuple[str, Cable, Expect]] = [
    ("niact-justified-p1", niact("NIACT justified: vote at 0600Z.", "Detail."), (OK, P1, "")),
    ("niact-unjustified", niact("The vote is tomorrow.", "Detail."),
     (ERROR, P1, "justify the night action")),
    ("niact-justified-in-p2-only", niact("The vote.", "NIACT because the vote is at 0600Z."),
     (ERROR, P1, "justify the night action")),
    ("niact-addressee-unjustified", modern(
        precedence="NIACT IMMEDIATE",
        action=(Addressee("SECSTATE WASHDC", "NIACT IMMEDIATE"),)),
     (ERROR, P1, "justify the night action")),
    ("niact-in-summary", niact("SUMMARY: NIACT: the vote is at 0600Z. END SUMMARY.", LONG),
     (OK, P1, "")),
    ("niact-after-end-summary", niact(SUMMARY, "NIACT justified: the vote is at 0600Z.", LONG),
     (OK, P1, "")),
    ("niact-two-after-summary", niact(SUMMARY, "Detail.", "NIACT: the vote is at 0600Z.", LONG),
     (ERROR, P1, "first paragraph after END SUMMARY")),
    ("niact-summary-over-two-paragraphs",
     niact("SUMMARY: The minister will concede.", "More. END SUMMARY.", "NIACT: vote at 0600Z.",
           LONG), (OK, P1, "")),
    ("long-without-summary", modern(paragraphs=(Paragraph("(C)", LONG),)),
     (WARNING, P1, "needs a summary")),
    ("long-summary-message-names-niact", modern(paragraphs=(Paragraph("(C)", LONG),)),
     (WARNING, P1, "night-action justification may then be in the summary")),
    ("long-with-summary", modern(paragraphs=(Paragraph("(C)", SUMMARY), Paragraph("(C)", LONG))),
     (OK, P1, "")),
    ("short-without-summary", modern(), (OK, P1, "")),
    ("niact-message-names-summary", niact("Vote.", "Detail."),
     (ERROR, P1, "in the summary or in the first paragraph after END SUMMARY")),
]  # fmt: skip

# 5 FAH-2 H-421: FLASH, NIACT IMMEDIATE, IMMEDIATE, ROUTINE, highest first; the cable is
# handled at its own precedence, so an addressee's may not be higher than the cable's.
# PRIORITY is no longer authorized (5 FAH-2 H-421, 2017 and 2024 texts).
PRECEDENCE: list[tuple[str, Cable, Expect]] = [
    ("addressee-equal", modern(action=(Addressee("SECSTATE WASHDC", "IMMEDIATE"),)),
     (OK, "action[1]", "")),
    ("addressee-lower", modern(action=(Addressee("SECSTATE WASHDC", "ROUTINE"),)),
     (OK, "action[1]", "")),
    ("addressee-flash-on-immediate", modern(action=(Addressee("SECSTATE WASHDC", "FLASH"),)),
     (ERROR, "action[1]", "above the cable's precedence")),
    ("addressee-niact-on-routine", modern(
        precedence="ROUTINE", action=(Addressee("SECSTATE WASHDC", "NIACT IMMEDIATE"),),
        paragraphs=(Paragraph("(C)", "NIACT: vote at 0600Z."),)),
     (ERROR, "action[1]", "above the cable's precedence")),
    ("info-immediate-on-routine", modern(
        precedence="ROUTINE", info=(Addressee("AMEMBASSY BERLIN", "IMMEDIATE"),)),
     (ERROR, "info[1]", "above the cable's precedence")),
    ("info-routine-on-flash", modern(
        precedence="FLASH", info=(Addressee("AMEMBASSY BERLIN", "ROUTINE"),)),
     (OK, "info[1]", "")),
    ("priority-legacy", modern(precedence="PRIORITY"),
     (WARNING, "precedence", "no longer an authorized precedence")),
    ("priority-on-import", modern(precedence="PRIORITY", provenance=FRUS),
     (OK, "precedence", "")),
    ("unknown-precedence", modern(precedence="URGENT"), (ERROR, "precedence", "not a precedence")),
]  # fmt: skip

# 5 FAH-2 H-220: the date-time group is the time of release, in Zulu. One day's grace for
# time zones; beyond it the DTG is wrong.
DTG_TABLE: list[tuple[str, Cable, Expect]] = [
    ("dtg-today", modern(dtg=datetime(2026, 11, 23, 23, 59, tzinfo=UTC)), (OK, "dtg", "")),
    ("dtg-tomorrow", modern(dtg=datetime(2026, 11, 24, 23, 0, tzinfo=UTC)), (OK, "dtg", "")),
    ("dtg-in-two-days", modern(dtg=datetime(2026, 11, 25, 0, 1, tzinfo=UTC)),
     (ERROR, "dtg", "more than a day in the future")),
    ("dtg-next-year", modern(dtg=datetime(2027, 11, 20, tzinfo=UTC)),
     (ERROR, "dtg", "more than a day in the future")),
    ("dtg-past", modern(dtg=datetime(2020, 1, 1, tzinfo=UTC)), (OK, "dtg", "")),
    ("no-dtg-draft", modern(dtg=None), (OK, "dtg", "")),
]  # fmt: skip

# 5 FAH-3 H-011: every cable carries at least one subject TAG; the scheme file says where
# this applies (tags_required): an error on new cables, a warning on imported records.
TAGS: list[tuple[str, Cable, Expect]] = [
    ("subject-tag", modern(tags=("PREL",)), (OK, "tags", "")),
    ("country-only", modern(tags=("FR",)), (ERROR, "tags", "no subject TAG")),
    ("no-tags", modern(tags=()), (ERROR, "tags", "no subject TAG")),
    ("no-tags-import", modern(tags=(), provenance=FRUS), (WARNING, "tags", "no subject TAG")),
    ("unknown-tag", modern(tags=("PREL", "ZZZZ")), (WARNING, "tags[2]", "not a known TAGS")),
    ("uk-no-tags", modern(scheme="uk", subject_marking="(O)", tags=(), authority=None,
                          paragraphs=(Paragraph("(S)", "Text."),)), (OK, "tags", "")),
]  # fmt: skip

# 5 FAH-1 H-246.2 / 32 CFR 2001.21(c): the portion mark belongs to the portion, at its
# start; a mark typed into the text is not the portion's mark, and would leave the banner
# under-classified. Portion marks are capitals: "(c)" opens an enumeration.
TYPED_MARKS: list[tuple[str, Cable, Expect]] = [
    ("C-under-U", modern(paragraphs=(Paragraph("(U)", "(C) The minister said."),)),
     (ERROR, P1, "starts with the portion mark (C)")),
    ("S-NF-under-C", modern(paragraphs=(Paragraph("(C)", "(S//NF) Sources."),)),
     (ERROR, P1, "but the portion is marked (C)")),
    ("numbered-S-under-U", modern(paragraphs=(Paragraph("(U)", "1. (S) Plans."),)),
     (ERROR, P1, "starts with the portion mark (S)")),
    ("under-no-mark", modern(paragraphs=(Paragraph("", "(S) Plans."),)),
     (ERROR, P1, "starts with the portion mark (S)")),
    ("U-under-S", modern(paragraphs=(Paragraph("(S)", "(U) Public part."),)),
     (ERROR, P1, "starts with the portion mark (U)")),
    ("same-mark-twice", modern(paragraphs=(Paragraph("(C)", "(C) Twice."),)),
     (WARNING, P1, "typed again")),
    ("enumeration-lower-case", modern(paragraphs=(Paragraph("(C)", "(c) the third point"),)),
     (OK, P1, "")),
    ("label-alone", modern(paragraphs=(Paragraph("(C)", "(C)"),)), (OK, P1, "")),
    ("not-a-level", modern(paragraphs=(Paragraph("(C)", "(Reuters) Paris."),)), (OK, P1, "")),
    ("subject", modern(subject="(S) SECRET SUBJECT"),
     (ERROR, "subject", "starts with the portion mark (S)")),
    ("on-import-too", modern(paragraphs=(Paragraph("(U)", "(S) Plans."),), provenance=FRUS),
     (ERROR, P1, "starts with the portion mark (S)")),
]  # fmt: skip

# 32 CFR 2001.23(c) / 2001.24: an attachment carries its own classification and the
# transmitting document shows the highest classification of what it transmits.
ATTACHMENTS: list[tuple[str, Cable, Expect]] = [
    ("marked-attachment", modern(attachments=(Attachment("a.pdf", marking="(S//NF)"),)),
     (OK, "attachments[1].marking", "")),
    ("bad-attachment-mark", modern(attachments=(Attachment("a.pdf", marking="(SEKRIT)"),)),
     (ERROR, "attachments[1].marking", "not a classification level")),
    ("second-attachment", modern(attachments=(Attachment("a.pdf"),
                                              Attachment("b.pdf", marking="(S//NF/REL TO USA)"))),
     (ERROR, "attachments[2].marking", "contradict")),
    ("attachment-raises-banner-needs-block",
     modern(paragraphs=(Paragraph("(U)", "Text."),), authority=None,
            attachments=(Attachment("a.pdf", marking="(S)"),)),
     (ERROR, "authority", "A SECRET cable needs")),
    ("declared-below-attachment",
     modern(declared_banner="SECRET//NOFORN", attachments=(Attachment("a.pdf", marking="(TS)"),)),
     (ERROR, "declared_banner", "lower than a portion")),
    ("same-names", modern(attachments=(Attachment("a.pdf"), Attachment("A.PDF"))),
     (ERROR, "attachments", "same name")),
]  # fmt: skip

# Historic records (FRUS) cannot be redrafted: no finding measured against today or
# against rules younger than the record; a source that omits a field gets a warning.
HISTORIC: list[tuple[str, Cable, Expect]] = [
    ("import-no-originator", modern(originator="", provenance=FRUS),
     (WARNING, "originator", "no originator")),
    ("draft-no-originator", modern(originator=""), (ERROR, "originator", "no originator")),
    ("import-no-addressee", modern(action=(), provenance=FRUS),
     (WARNING, "action", "no action addressee")),
    ("import-no-subject", modern(subject="", provenance=FRUS),
     (WARNING, "subject", "no subject")),
    ("import-niact-unjustified", modern(precedence="NIACT IMMEDIATE", provenance=FRUS),
     (WARNING, P1, "justify the night action")),
    ("import-bad-mark", modern(paragraphs=(Paragraph("(SEKRIT)", "x"),), provenance=FRUS),
     (ERROR, P1, "not a classification level")),
    ("import-future-dtg", modern(dtg=datetime(2030, 1, 1, tzinfo=UTC), provenance=FRUS),
     (ERROR, "dtg", "more than a day in the future")),
]  # fmt: skip

TABLES = NIACT_AND_SUMMARY + PRECEDENCE + DTG_TABLE + TAGS + TYPED_MARKS + ATTACHMENTS + HISTORIC


@pytest.mark.parametrize(("name", "cable", "expect"), TABLES, ids=[r[0] for r in TABLES])
def test_drafting_rule(name: str, cable: Cable, expect: Expect) -> None:
    check(findings(cable), expect)


# Drafting rules versions: "rules that become errors apply to new drafts, and show as
# warnings on existing ones" — a finding of a rule newer than the version asked for is a
# warning; the rules of version 1 keep their severity.
VERSIONS: list[tuple[str, Cable, str, int]] = [
    ("tags-v2", modern(tags=()), "tags", 2),
    # an under-classifying typed mark is a rule of version 1: never softened
    ("typed-mark-v1", modern(paragraphs=(Paragraph("(U)", "(C) Text."),)), P1, 1),
    ("dtg-v2", modern(dtg=datetime(2030, 1, 1, tzinfo=UTC)), "dtg", 2),
    ("oadr-v2", modern(authority=authority("OADR")), "authority.declassify_on", 2),
    ("no-originator-v1", modern(originator=""), "originator", 1),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "cable", "field", "since"), VERSIONS, ids=[v[0] for v in VERSIONS]
)
def test_newer_rules_warn_under_older_versions(
    name: str, cable: Cable, field: str, since: int
) -> None:
    now = [f for f in findings(cable) if f.field == field]
    then = [f for f in findings(cable, rules=1) if f.field == field]
    assert RULES_VERSION == 2
    assert [(f.severity, f.since) for f in now] == [(Severity.ERROR, since)]
    expected = Severity.ERROR if since <= 1 else Severity.WARNING
    assert [(f.severity, f.since) for f in then] == [(expected, since)]


def test_attachment_markings_feed_the_banner() -> None:
    us = SCHEMES["us"]
    cable = modern(attachments=(Attachment("a.pdf", marking="(TS//NF)"), Attachment("b.pdf")))
    assert cable_banner(cable, us).banner == "TOP SECRET//NOFORN"
    assert cable_banner(modern(), us).banner == "SECRET//NOFORN"


def test_historic_findings_are_warnings_or_nothing() -> None:
    old = modern(
        dtg=datetime(1918, 11, 11, 21, 0, tzinfo=UTC),
        precedence="PRIORITY",
        tags=(),
        authority=None,
        provenance=FRUS,
    )
    assert [f for f in findings(old) if f.severity == ERROR] == []
    assert {f.field for f in findings(old)} == {"tags", "authority"}


# Review of issue 14: a provenance object and an old DTG must not soften the rules for a
# cable the importer did not make, and a typed mark is never softened.
def test_a_made_up_provenance_buys_no_leniency() -> None:
    from datetime import UTC, datetime

    from cabledesk.domain.cable import Provenance

    cable = replace(
        modern(),
        authority=None,
        tags=(),
        dtg=datetime(1990, 1, 1, tzinfo=UTC),
        provenance=Provenance("ANY", "made-up/d1"),
    )
    errors = {f.field for f in findings(cable) if f.severity == ERROR}
    assert {"authority", "tags"} <= errors


def test_a_typed_mark_on_any_line_is_found_and_never_softened() -> None:
    cable = replace(
        modern(),
        paragraphs=(Paragraph("(U)", "Fine.\n\n\u200b(S//NF) The source is X."),),
    )
    for rules in (1, 2):
        found = [f for f in findings(cable, rules=rules)
                 if f.field == "paragraphs[1]" and "portion mark (S//NF)" in f.message]  # fmt: skip
        assert [f.severity for f in found] == [ERROR]
    unknown = replace(cable, paragraphs=(Paragraph("(U)", "(TS//XYZ) Hidden."),))
    assert any("portion mark (TS)" in f.message for f in findings(unknown))
