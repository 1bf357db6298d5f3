"""Captions bind: the captions of a cable against its scheme's vocabulary and its portions.

Each table is written from the rule it cites, not from CableDesk's output.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from cabledesk.domain.cable import Attachment, Cable, Paragraph
from tests.domain.rule_cases import ERROR, FRUS, OK, WARNING, Expect, check, findings, modern

C = "captions"
OLD = datetime(1975, 3, 1, tzinfo=UTC)


def us(*captions: str, marks: tuple[str, ...] = ("(C)", "(S//NF)")) -> Cable:
    return modern(
        captions=captions,
        paragraphs=tuple(Paragraph(m, f"Paragraph {i}.") for i, m in enumerate(marks, 1)),
    )


# 5 FAH-2 H-440 (H-441-443): the State captions and handling instructions — distribution
# captions NODIS, EXDIS, LIMDIS, STADIS; SIPDIS; CHEROKEE; SENSITIVE (SBU); OFFICIAL
# INFORMAL; "FOR ... ONLY"; INFORM ALL STATE EMPLOYEES / INFORM CONSULS; the channel
# captions; and 5 FAH-2 H-250, SPECAT (= EXDIS) and SPECAT EXCLUSIVE (= NODIS). Anything
# else is not a caption of the scheme.
VOCABULARY: list[tuple[str, Cable, Expect]] = [
    ("SIPDIS", us("SIPDIS"), (OK, "captions[1]", "")),
    ("STADIS", us("STADIS", marks=("(C//SD)",)), (OK, "captions[1]", "")),
    ("CHEROKEE", us("CHEROKEE"), (OK, "captions[1]", "")),
    ("SENSITIVE", us("SENSITIVE"), (OK, "captions[1]", "")),
    ("OFFICIAL-INFORMAL", us("OFFICIAL INFORMAL"), (OK, "captions[1]", "")),
    ("FOR-THE-SECRETARY-ONLY", us("FOR THE SECRETARY ONLY"), (OK, "captions[1]", "")),
    ("INFORM-CONSULS", us("INFORM CONSULS"), (OK, "captions[1]", "")),
    ("INFORM-ALL-STATE-EMPLOYEES", us("INFORM ALL STATE EMPLOYEES"), (OK, "captions[1]", "")),
    ("ROGER-CHANNEL", us("ROGER CHANNEL"), (OK, "captions[1]", "")),
    ("DISSENT-CHANNEL", us("DISSENT CHANNEL"), (OK, "captions[1]", "")),
    ("AGREMENT-CHANNEL-accent", us("AGRÉMENT CHANNEL"), (OK, "captions[1]", "")),
    ("lower-case-written", us("sipdis"), (OK, "captions[1]", "")),
    ("SPECAT", us("SPECAT"), (OK, "captions[1]", "")),
    ("misspelt-NODSI", us("NODSI"), (ERROR, "captions[1]", "not a caption of the")),
    ("unknown-EYES-ONLY", us("EYES ONLY"), (ERROR, "captions[1]", "not a caption of the")),
    ("unknown-second", us("SIPDIS", "TOP CHANNEL"), (ERROR, "captions[2]", "not a caption")),
    ("FOR-ONLY-without-office", us("FOR ONLY"), (ERROR, "captions[1]", "not a caption")),
    # today's vocabulary: a warning on a record older than today's rules (E.O. 13526,
    # 2010), an error on a record made under them
    ("unknown-on-1975-import", modern(captions=("GRAY",), provenance=FRUS, dtg=OLD),
     (WARNING, "captions[1]", "not a caption")),
    ("unknown-on-2026-import", modern(captions=("GRAY",), provenance=FRUS),
     (ERROR, "captions[1]", "not a caption")),
    # 5 FAH-2 H-441: one channel caption at most
    ("two-channels", us("ROGER CHANNEL", "DISSENT CHANNEL"), (ERROR, C, "only one channel")),
]  # fmt: skip

# Captions bind: a distribution caption that is a control of the scheme restricts the
# text through the portions it marks (NODIS = ND, EXDIS = XD, LIMDIS = DS, STADIS = SD);
# NODIS supersedes EXDIS and LIMDIS, so two of them on one cable contradict.
BINDING: list[tuple[str, Cable, Expect]] = [
    ("NODIS-with-ND", us("NODIS", marks=("(S//NF/ND)", "(C)")), (OK, "captions[1]", "")),
    ("NODIS-without-ND", us("NODIS"), (ERROR, "captions[1]", "no portion is marked ND")),
    ("EXDIS-with-XD", us("EXDIS", marks=("(C//XD)",)), (OK, "captions[1]", "")),
    ("EXDIS-without-XD", us("EXDIS"), (ERROR, "captions[1]", "no portion is marked XD")),
    ("EXDIS-with-ND-only", us("EXDIS", marks=("(C//ND)",)),
     (ERROR, "captions[1]", "no portion is marked XD")),
    ("LIMDIS-without-LD", us("LIMDIS"), (ERROR, "captions[1]", "no portion is marked DS")),
    ("NODIS-in-attachment", modern(captions=("NODIS",), attachments=(
        Attachment("annex.pdf", marking="(S//ND)"),)), (OK, "captions[1]", "")),
    ("NODIS-and-EXDIS", us("NODIS", "EXDIS", marks=("(S//ND)", "(C//XD)")),
     (ERROR, C, "contradict")),
    ("EXDIS-and-NODIS-order", us("EXDIS", "NODIS", marks=("(S//ND)", "(C//XD)")),
     (ERROR, C, "Keep only NODIS")),
    ("NODIS-and-LIMDIS", us("NODIS", "LIMDIS", marks=("(S//ND)", "(C//DS)")),
     (ERROR, C, "contradict")),
    ("STADIS-with-NODIS", us("NODIS", "STADIS", marks=("(S//ND/SD)",)), (OK, C, "")),
    ("SIPDIS-with-NODIS", us("NODIS", "SIPDIS", marks=("(S//ND)",)), (OK, C, "")),
    ("NODIS-without-ND-on-1975-import", modern(captions=("NODIS",), provenance=FRUS, dtg=OLD),
     (WARNING, "captions[1]", "no portion is marked ND")),
    ("NODIS-without-ND-on-undated-import", modern(captions=("NODIS",), provenance=FRUS, dtg=None),
     (ERROR, "captions[1]", "no portion is marked ND")),
]  # fmt: skip


# GSCP 2023 handling instructions and descriptors used as captions on UK telegrams.
def uk(*captions: str, mark: str = "(S)") -> Cable:
    return modern(
        scheme="uk",
        subject_marking="(O)",
        paragraphs=(Paragraph(mark, "Text."),),
        tags=(),
        authority=None,
        captions=captions,
    )


UK: list[tuple[str, Cable, Expect]] = [
    ("uk-RECIPIENTS-ONLY-marked", uk("RECIPIENTS ONLY", mark="(S//RO)"), (OK, "captions[1]", "")),
    ("uk-RECIPIENTS-ONLY-unmarked", uk("RECIPIENTS ONLY"),
     (ERROR, "captions[1]", "no portion is marked RO")),
    ("uk-LOCSEN", uk("LOCSEN", mark="(S//LOCSEN)"), (OK, "captions[1]", "")),
    ("uk-NODIS-is-american", uk("NODIS"), (ERROR, "captions[1]", "not a caption of the")),
    ("uk-UKEO", uk("UK EYES ONLY", mark="(S//UKEO)"), (OK, "captions[1]", "")),
]  # fmt: skip

TABLES = VOCABULARY + BINDING + UK


@pytest.mark.parametrize(("name", "cable", "expect"), TABLES, ids=[r[0] for r in TABLES])
def test_caption_rule(name: str, cable: Cable, expect: Expect) -> None:
    check(findings(cable), expect)
