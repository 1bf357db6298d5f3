"""Declassification and the classification authority block, case by case.

Each table is written from the rule it cites, not from CableDesk's output.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from cabledesk.domain.cable import Cable, Paragraph
from tests.domain.rule_cases import (
    DTG,
    ERROR,
    FRUS,
    OK,
    WARNING,
    Expect,
    authority,
    check,
    findings,
    modern,
)

D = "authority.declassify_on"
OLD = datetime(1985, 6, 1, 12, 0, tzinfo=UTC)

# E.O. 13526 §1.5(a)-(b); 32 CFR 2001.21(e) (original classification): "Declassify on" is
# a date or event less than 10 years away, else 10 years, else up to 25 years from the
# original decision; the date is counted from the cable (its DTG), or today for a draft.
DECLASSIFY_ON: list[tuple[str, Cable, Expect]] = [
    ("date-10y", modern(authority=authority("2036-11-20")), (OK, D, "")),
    ("date-compact-form", modern(authority=authority("20361120")), (OK, D, "")),
    ("date-exactly-25y", modern(authority=authority("2051-11-20")), (OK, D, "")),
    ("date-25y-and-a-day", modern(authority=authority("2051-11-21")),
     (ERROR, D, "more than 25 years")),
    ("date-50y", modern(authority=authority("2076-01-01")), (ERROR, D, "more than 25 years")),
    ("event", modern(authority=authority("End of the negotiations")), (OK, D, "")),
    ("event-with-date-words", modern(authority=authority("Ratification of the treaty")),
     (OK, D, "")),
    ("empty", modern(authority=authority("")), (ERROR, D, "Say when")),
    ("impossible-date", modern(authority=authority("2030-02-30")), (ERROR, D, "not a valid date")),
    ("draft-counts-from-today", modern(dtg=None, authority=authority("2051-11-23")), (OK, D, "")),
    ("draft-beyond-25y-from-today", modern(dtg=None, authority=authority("2051-11-24")),
     (ERROR, D, "more than 25 years")),
    # a passed date on a current cable: still reported, as a warning
    ("date-passed", modern(authority=authority("2020-01-01")), (WARNING, D, "already passed")),
]  # fmt: skip

# E.O. 12958 (1995) ended OADR ("Originating Agency's Determination Required", E.O. 12356);
# ISOO's 2003 marking changes (E.O. 13292) ended the X1-X8 exemptions of E.O. 12958 §1.6(d);
# 32 CFR 2001.22(e) (2010) lists OADR, MR, X1-X8 and 25X1-human as source markings a
# derivative classifier must convert, never write. Refused with the rule, on new cables.
OBSOLETE: list[tuple[str, Cable, Expect]] = [
    ("OADR", modern(authority=authority("OADR")), (ERROR, D, "E.O. 12958 (1995)")),
    ("oadr-lower-case", modern(authority=authority("oadr")), (ERROR, D, "no longer allowed")),
    ("DECL-OADR", modern(authority=authority("DECL: OADR")), (ERROR, D, "no longer allowed")),
    ("source-marked-OADR", modern(authority=authority("Source marked OADR")),
     (ERROR, D, "no longer allowed")),
    ("X1", modern(authority=authority("X1")), (ERROR, D, "E.O. 13292 (2003)")),
    ("X4", modern(authority=authority("X4")), (ERROR, D, "no longer allowed")),
    ("X8", modern(authority=authority("X8")), (ERROR, D, "no longer allowed")),
    ("1.6-X1", modern(authority=authority("1.6 X1")), (ERROR, D, "no longer allowed")),
    ("X1-X3-list", modern(authority=authority("X1, X3")), (ERROR, D, "no longer allowed")),
    ("MR", modern(authority=authority("MR")), (ERROR, D, "no longer allowed")),
    ("25X1-human", modern(authority=authority("25X1-human")), (ERROR, D, "50X1-HUM")),
    ("message-cites-section-1.5", modern(authority=authority("OADR")),
     (ERROR, D, "E.O. 13526 section 1.5 requires a date or event no more than 25 years")),
    # an event that merely contains the letters is an event
    ("event-mentioning-MR", modern(authority=authority("After MR SMITH leaves office")),
     (OK, D, "")),
    ("X9-is-not-an-old-code", modern(authority=authority("X9")), (OK, D, "")),
]  # fmt: skip

# E.O. 13526 §3.3(b), (j): the nine 25X exemptions from automatic declassification come
# from an agency declassification guide approved by ISCAP, so a cable cites one only when
# classified derivatively from that guide ("Derived from"), with a date (32 CFR 2001.26(a)):
# "25X1, 2069-12-31"; at most 50 years after the record (§3.3(h)). §1.5(a): an original
# classifier may exempt human sources and WMD design concepts: 50X1-HUM, 50X2-WMD, no date.
GUIDE = "DoS Declassification Guide 2024"
EXEMPTIONS: list[tuple[str, Cable, Expect]] = [
    ("25X1-original", modern(authority=authority("25X1, 2069-12-31")),
     (ERROR, D, "approved by ISCAP")),
    ("25X6-original", modern(authority=authority("25X6, 2060-01-01")),
     (ERROR, D, "cite the guide")),
    ("25X9-original", modern(authority=authority("25X9, 2060-01-01")),
     (ERROR, D, "approved by ISCAP")),
    ("25X1-derived", modern(authority=authority("25X1, 2069-12-31", reasons=(),
                                                derived_from=GUIDE)), (OK, D, "")),
    ("25X5-derived", modern(authority=authority("25X5, 2050-06-30", reasons=(),
                                                derived_from=GUIDE)), (OK, D, "")),
    ("25X-derived-without-date", modern(authority=authority("25X1", reasons=(),
                                                            derived_from=GUIDE)),
     (ERROR, D, "needs a date")),
    ("25X-derived-51y", modern(authority=authority("25X1, 2077-11-21", reasons=(),
                                                   derived_from=GUIDE)),
     (ERROR, D, "at most 50 years")),
    ("25X-derived-exactly-50y", modern(authority=authority("25X1, 2076-11-20", reasons=(),
                                                           derived_from=GUIDE)), (OK, D, "")),
    ("25X0-unknown", modern(authority=authority("25X0, 2060-01-01", reasons=(),
                                                derived_from=GUIDE)),
     (ERROR, D, "not a known exemption")),
    ("50X1-HUM-original", modern(authority=authority("50X1-HUM")), (OK, D, "")),
    ("50X2-WMD-original", modern(authority=authority("50X2-WMD")), (OK, D, "")),
    ("50X1-HUM-derived", modern(authority=authority("50X1-HUM", reasons=(), derived_from=GUIDE)),
     (OK, D, "")),
]  # fmt: skip

# 32 CFR 2001.21(a): original classification names the classifier and the reason (a
# category of E.O. 13526 §1.4, a-h); 2001.22: derivative classification replaces the reason
# with "Derived from". 2001.22(c)(1)(ii): several sources are written "Derived from:
# Multiple Sources" and listed with the document.
A = "authority"
R = "authority.reasons"
S = "authority.sources"
BLOCK: list[tuple[str, Cable, Expect]] = [
    ("no-block-on-secret", modern(authority=None), (ERROR, A, "needs a classification authority")),
    ("no-classifier", modern(authority=authority(classified_by=" ")),
     (ERROR, A, "needs a classification authority")),
    ("no-reason-no-source", modern(authority=authority(reasons=())), (ERROR, R, "reason")),
    ("reason-1.4(h)", modern(authority=authority(reasons=("1.4(h)",))), (OK, R, "")),
    ("reason-1.4(i)", modern(authority=authority(reasons=("1.4(i)",))),
     (ERROR, R, "not a classification reason")),
    ("reason-old-1.5(d)", modern(authority=authority(reasons=("1.5(d)",))),
     (ERROR, R, "not a classification reason")),
    ("derived-single-source", modern(authority=authority(reasons=(), derived_from="STATE 12345")),
     (OK, S, "")),
    ("multiple-sources-listed", modern(authority=authority(
        reasons=(), derived_from="Multiple Sources", sources=("STATE 12345", "PARIS 678")
    )), (OK, S, "")),
    ("multiple-sources-unlisted", modern(authority=authority(
        reasons=(), derived_from="Multiple Sources")), (ERROR, S, "needs the list")),
    ("multiple-sources-case", modern(authority=authority(
        reasons=(), derived_from="multiple sources.")), (ERROR, S, "needs the list")),
    ("multiple-sources-one-listed", modern(authority=authority(
        reasons=(), derived_from="Multiple Sources", sources=("STATE 12345",))),
     (WARNING, S, "Only one source")),
    ("sources-without-multiple", modern(authority=authority(
        reasons=(), derived_from="STATE 12345", sources=("PARIS 678", "BONN 9"))),
     (ERROR, S, "goes with 'Derived from: Multiple Sources'")),
    ("empty-source", modern(authority=authority(
        reasons=(), derived_from="Multiple Sources", sources=("STATE 12345", " "))),
     (ERROR, "authority.sources[2]", "is empty")),
    # 32 CFR 2001.21: the block is for classified information only
    ("block-on-unclassified", modern(paragraphs=(Paragraph("(U)", "Public."),)),
     (WARNING, A, "needs no classification authority")),
    ("no-block-on-unclassified", modern(paragraphs=(Paragraph("(SBU)", "Visas."),),
                                        authority=None), (OK, A, "")),
]  # fmt: skip

# 32 CFR 2001.21(e)... and ISOO marking guidance: a downgrading instruction names the lower
# level and when it applies; it precedes declassification (downgrading to unclassified is
# declassification, written in "Declassify on").
G = "authority.downgrade"
DOWNGRADE: list[tuple[str, Cable, Expect]] = [
    ("secret-to-confidential", modern(authority=authority(downgrade="CONFIDENTIAL on 2030-01-01")),
     (OK, G, "")),
    ("portion-form-level", modern(authority=authority(downgrade="C on 2030-01-01")), (OK, G, "")),
    ("lower-case", modern(authority=authority(downgrade="confidential on 20300101")), (OK, G, "")),
    ("to-same-level", modern(authority=authority(downgrade="SECRET on 2030-01-01")),
     (ERROR, G, "lower classified level")),
    ("to-higher-level", modern(authority=authority(downgrade="TOP SECRET on 2030-01-01")),
     (ERROR, G, "lower classified level")),
    ("to-unclassified", modern(authority=authority(downgrade="UNCLASSIFIED on 2030-01-01")),
     (ERROR, G, "to declassify it, use 'Declassify on'")),
    ("to-unknown-level", modern(authority=authority(downgrade="SEKRIT on 2030-01-01")),
     (ERROR, G, "lower classified level")),
    ("no-date", modern(authority=authority(downgrade="CONFIDENTIAL")),
     (ERROR, G, "a level and a date")),
    ("bad-date", modern(authority=authority(downgrade="CONFIDENTIAL on 2030-13-01")),
     (ERROR, G, "a level and a date")),
    ("after-declassification", modern(authority=authority(downgrade="CONFIDENTIAL on 2037-01-01")),
     (ERROR, G, "before the declassification date")),
    ("on-declassification-day", modern(authority=authority(
        downgrade="CONFIDENTIAL on 2036-11-20")), (ERROR, G, "before the declassification date")),
    ("before-the-cable", modern(authority=authority(downgrade="CONFIDENTIAL on 2026-01-01")),
     (ERROR, G, "after the cable's date")),
    ("with-event-declassification", modern(authority=authority(
        "End of the negotiations", downgrade="CONFIDENTIAL on 2030-01-01")), (OK, G, "")),
    ("top-secret-to-secret", modern(
        paragraphs=(Paragraph("(TS)", "Plans."),),
        authority=authority(downgrade="SECRET on 2030-01-01")), (OK, G, "")),
]  # fmt: skip


# E.O. 13526 applies to US classification only: its §1.4 reasons and its exemption codes
# have no meaning in schemes that list none (GSCP, C-M(2002)49, Council Decision
# 2013/488/EU, IGI 1300, VSA).
def uk(**change: object) -> Cable:
    return modern(
        scheme="uk",
        subject_marking="(O)",
        paragraphs=(Paragraph("(S)", "Text."),),
        tags=(),
        **change,
    )


def nato(**change: object) -> Cable:
    return modern(
        scheme="nato",
        subject_marking="(NU)",
        paragraphs=(Paragraph("(NS)", "Text."),),
        tags=(),
        **change,
    )


FOREIGN: list[tuple[str, Cable, Expect]] = [
    ("uk-no-block", uk(authority=None), (OK, A, "")),
    ("uk-reasons", uk(authority=authority("2036-01-01")), (ERROR, R, "belong to US")),
    ("uk-classifier-and-date", uk(authority=authority("2036-01-01", reasons=())), (OK, R, "")),
    ("uk-25X", uk(authority=authority("25X1, 2060-01-01", reasons=())),
     (ERROR, D, "exemption of E.O. 13526")),
    ("uk-50X1-HUM", uk(authority=authority("50X1-HUM", reasons=())),
     (ERROR, D, "exemption of E.O. 13526")),
    ("nato-reasons", nato(authority=authority("2036-01-01")), (ERROR, R, "belong to US")),
    ("nato-event", nato(authority=authority("End of exercise", reasons=())), (OK, D, "")),
    ("nato-downgrade", nato(authority=authority(
        "2036-01-01", reasons=(), downgrade="NATO CONFIDENTIAL on 2030-01-01")), (OK, G, "")),
    ("nato-downgrade-to-nu", nato(authority=authority(
        "2036-01-01", reasons=(), downgrade="NATO UNCLASSIFIED on 2030-01-01")),
     (ERROR, G, "lower classified level")),
    ("us-reasons", modern(), (OK, R, "")),
]  # fmt: skip

# Historic records: the declassification instruction of a record is that of its time
# (E.O. 12356 allowed OADR until 1995; E.O. 13526 took effect on 27 June 2010), and the
# three-line block came with E.O. 12958 (effective 14 October 1995): no anachronistic
# finding, a warning for the missing block. A record made under today's order, or a draft
# merely given a provenance (no date), is held to today's rules.
HISTORIC: list[tuple[str, Cable, Expect]] = [
    ("import-1985-OADR", modern(dtg=OLD, provenance=FRUS, authority=authority("OADR")),
     (OK, D, "")),
    ("import-1985-X1", modern(dtg=OLD, provenance=FRUS, authority=authority("X1")), (OK, D, "")),
    ("import-1985-passed", modern(dtg=OLD, provenance=FRUS, authority=authority("1995-06-01")),
     (OK, D, "")),
    ("import-1985-no-block", modern(dtg=OLD, provenance=FRUS, authority=None),
     (WARNING, A, "needs a classification authority")),
    ("import-2005-no-block", modern(dtg=datetime(2005, 1, 1, tzinfo=UTC), provenance=FRUS,
                                    authority=None), (ERROR, A, "needs a classification")),
    ("import-undated-no-block", modern(dtg=None, provenance=FRUS, authority=None),
     (ERROR, A, "needs a classification authority")),
    ("import-2012-OADR", modern(dtg=datetime(2012, 5, 1, tzinfo=UTC), provenance=FRUS,
                                authority=authority("OADR")), (ERROR, D, "no longer allowed")),
    ("import-2009-OADR", modern(dtg=datetime(2009, 5, 1, tzinfo=UTC), provenance=FRUS,
                                authority=authority("OADR")), (OK, D, "")),
    ("import-undated-OADR", modern(dtg=None, provenance=FRUS, authority=authority("OADR")),
     (ERROR, D, "no longer allowed")),
    ("import-2012-passed", modern(dtg=datetime(2012, 5, 1, tzinfo=UTC), provenance=FRUS,
                                  authority=authority("2020-01-01")), (OK, D, "")),
    ("draft-OADR", modern(authority=authority("OADR")), (ERROR, D, "no longer allowed")),
    ("draft-1985-dtg-OADR", modern(dtg=OLD, authority=authority("OADR")),
     (ERROR, D, "no longer allowed")),
]  # fmt: skip


def _ids(rows: list[tuple[str, Cable, Expect]]) -> list[str]:
    return [r[0] for r in rows]


TABLES = DECLASSIFY_ON + OBSOLETE + EXEMPTIONS + BLOCK + DOWNGRADE + FOREIGN + HISTORIC


@pytest.mark.parametrize(("name", "cable", "expect"), TABLES, ids=_ids(TABLES))
def test_declassification_rule(name: str, cable: Cable, expect: Expect) -> None:
    check(findings(cable), expect)


def test_the_tables_start_from_a_cable_without_findings() -> None:
    assert findings(modern()) == []
    assert modern().dtg == DTG
