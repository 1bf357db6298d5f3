"""Native and legacy forms of markings: read, normalised, with a hint to the current form.

Each row: (scheme, the marking as written, the banner it is read as, words the note
must contain — None for a marking already in the current form, which gets no note).
The rows come from the rules cited above each table, not from the code's output.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cabledesk.domain.cable import Addressee, Authority, Cable, Paragraph
from cabledesk.domain.marking import parse_marking, read_marking
from cabledesk.domain.native_forms import rewrite
from cabledesk.domain.rollup import combine
from cabledesk.domain.scheme import SchemeRegistry, parse_scheme
from cabledesk.domain.validation import Severity, validate
from cabledesk.errors import MarkingError, SchemeError

ALL_SCHEMES = SchemeRegistry.load()
Row = tuple[str, str, str, str | None]

# United States. The CAPCO register (IC Markings System Register) writes two slashes
# between the level and its controls; State's older cables wrote one: (S/NF) is (S//NF).
# LIMDIS's portion mark in the register is DS (LD is State's older abbreviation).
US: list[Row] = [
    ("us", "(S/NF)", "SECRET//NOFORN", "two"),
    ("us", "(C/NF)", "CONFIDENTIAL//NOFORN", "one slash"),
    ("us", "(TS/NF)", "TOP SECRET//NOFORN", "CAPCO"),
    ("us", "(S/NOFORN)", "SECRET//NOFORN", "one slash"),
    ("us", "SECRET/NOFORN", "SECRET//NOFORN", "one slash"),
    ("us", "secret/noforn", "SECRET//NOFORN", "one slash"),
    ("us", "(C/REL TO USA, GBR)", "CONFIDENTIAL//REL TO USA, GBR", "one slash"),
    ("us", "(S/NF/OC)", "SECRET//ORCON/NOFORN", "one slash"),
    ("us", "(S/NF//ND)", "SECRET//NOFORN//NODIS", "one slash"),
    ("us", "(U/SBU)", "UNCLASSIFIED//SBU", "one slash"),
    ("us", "(S//LD)", "SECRET//LIMDIS", "DS"),
    ("us", "(S//NF/LD)", "SECRET//NOFORN//LIMDIS", "DS"),
    ("us", "(S//DS)", "SECRET//LIMDIS", None),
    ("us", "SECRET//LIMDIS", "SECRET//LIMDIS", None),
    ("us", "(S//NF)", "SECRET//NOFORN", None),
]

# United States, unclassified controls. FOUO was replaced by CUI (E.O. 13556, 32 CFR 2002);
# State marks such information SBU (12 FAM 540), which replaced LIMITED OFFICIAL USE in 1995.
US_UNCLASSIFIED: list[Row] = [
    ("us", "FOUO", "UNCLASSIFIED//SBU", "32 CFR 2002"),
    ("us", "(FOUO)", "UNCLASSIFIED//SBU", "CUI"),
    ("us", "(U//FOUO)", "UNCLASSIFIED//SBU", "CUI"),
    ("us", "(U/FOUO)", "UNCLASSIFIED//SBU", "CUI"),
    ("us", "UNCLASSIFIED//FOUO", "UNCLASSIFIED//SBU", "SBU"),
    ("us", "FOR OFFICIAL USE ONLY", "UNCLASSIFIED//SBU", "CUI"),
    ("us", "LIMITED OFFICIAL USE", "UNCLASSIFIED//SBU", "1995"),
    ("us", "(LOU)", "UNCLASSIFIED//SBU", "1995"),
    ("us", "(SBU)", "UNCLASSIFIED//SBU", None),
]

# United Kingdom. GSCP (2014, revised 2023): OFFICIAL, OFFICIAL-SENSITIVE (hyphenated),
# SECRET, TOP SECRET; the UK writes caveats and descriptors after the level without "//"
# (SECRET UK EYES ONLY), and the UK prefix on material shared with partners. GSCP 2014
# transition guidance: the GPMS levels are not re-marked; CONFIDENTIAL is protected as
# SECRET (some content is OFFICIAL-SENSITIVE), RESTRICTED and PROTECT as OFFICIAL (with
# SENSITIVE where need-to-know applies), so each is read at the higher level, with a check.
UK: list[Row] = [
    ("uk", "SECRET UK EYES ONLY", "SECRET//UK EYES ONLY", "without '//'"),
    ("uk", "TOP SECRET UK EYES ONLY", "TOP SECRET//UK EYES ONLY", "national caveat"),
    ("uk", "OFFICIAL-SENSITIVE UK EYES ONLY", "OFFICIAL-SENSITIVE//UK EYES ONLY", "caveat"),
    ("uk", "(S UKEO)", "SECRET//UK EYES ONLY", "without '//'"),
    ("uk", "SECRET UK EYES ONLY//LOCSEN", "SECRET//UK EYES ONLY//LOCSEN", "caveat"),
    ("uk", "OFFICIAL-SENSITIVE PERSONAL", "OFFICIAL-SENSITIVE//PERSONAL", "descriptors"),
    ("uk", "OFFICIAL-SENSITIVE COMMERCIAL", "OFFICIAL-SENSITIVE//COMMERCIAL", "descriptors"),
    ("uk", "SECRET LOCSEN", "SECRET//LOCSEN", "descriptors"),
    ("uk", "OFFICIAL SENSITIVE", "OFFICIAL-SENSITIVE", "hyphen"),
    ("uk", "Official Sensitive", "OFFICIAL-SENSITIVE", "hyphen"),
    ("uk", "OFFICIAL SENSITIVE PERSONAL", "OFFICIAL-SENSITIVE//PERSONAL", "hyphen"),
    ("uk", "UK SECRET", "SECRET", "prefix"),
    ("uk", "UK TOP SECRET", "TOP SECRET", "prefix"),
    ("uk", "UK OFFICIAL", "OFFICIAL", "prefix"),
    ("uk", "CONFIDENTIAL", "SECRET", "pre-2014 CONFIDENTIAL"),
    ("uk", "UK CONFIDENTIAL", "SECRET", "OFFICIAL-SENSITIVE"),
    ("uk", "CONFIDENTIAL UK EYES ONLY", "SECRET//UK EYES ONLY", "pre-2014"),
    ("uk", "RESTRICTED", "OFFICIAL-SENSITIVE", "pre-2014 RESTRICTED"),
    ("uk", "UK RESTRICTED", "OFFICIAL-SENSITIVE", "check the content"),
    ("uk", "RESTRICTED UK EYES ONLY", "OFFICIAL-SENSITIVE//UK EYES ONLY", "pre-2014"),
    ("uk", "PROTECT", "OFFICIAL-SENSITIVE", "pre-2014 PROTECT"),
    ("uk", "UNCLASSIFIED", "OFFICIAL", "no UNCLASSIFIED"),
    ("uk", "SECRET//UK EYES ONLY", "SECRET//UK EYES ONLY", None),
    ("uk", "OFFICIAL-SENSITIVE", "OFFICIAL-SENSITIVE", None),
]

# NATO. C-M(2002)49 (REV1 2020) and its ATOMAL and SIGINT categories: the category is
# written after the level (NATO SECRET ATOMAL) and abbreviated with it (CTSA, NSAT, NCA);
# the top level is COSMIC TOP SECRET (there is no "NATO TOP SECRET").
NATO: list[Row] = [
    ("nato", "NSAT", "NATO SECRET//ATOMAL", "NSAT"),
    ("nato", "(NSAT)", "NATO SECRET//ATOMAL", "abbreviation"),
    ("nato", "CTSA", "COSMIC TOP SECRET//ATOMAL", "abbreviation"),
    ("nato", "NCA", "NATO CONFIDENTIAL//ATOMAL", "abbreviation"),
    ("nato", "NATO SECRET ATOMAL", "NATO SECRET//ATOMAL", "without '//'"),
    ("nato", "COSMIC TOP SECRET ATOMAL", "COSMIC TOP SECRET//ATOMAL", "ATOMAL"),
    ("nato", "NATO CONFIDENTIAL ATOMAL", "NATO CONFIDENTIAL//ATOMAL", "ATOMAL"),
    ("nato", "(NS ATOMAL)", "NATO SECRET//ATOMAL", "ATOMAL"),
    ("nato", "NSAT//NATO EYES ONLY", "NATO SECRET//ATOMAL//NATO EYES ONLY", "NSAT"),
    ("nato", "COSMIC TOP SECRET BOHEMIA", "COSMIC TOP SECRET//BOHEMIA", "BOHEMIA"),
    ("nato", "NATO TOP SECRET", "COSMIC TOP SECRET", "COSMIC TOP SECRET"),
    ("nato", "NATO SECRET//ATOMAL", "NATO SECRET//ATOMAL", None),
    ("nato", "(CTS)", "COSMIC TOP SECRET", None),
]

# European Union. Council Decision 2013/488/EU, Art. 2: TRÈS SECRET UE/EU TOP SECRET,
# SECRET UE/EU SECRET, CONFIDENTIEL UE/EU CONFIDENTIAL, RESTREINT UE/EU RESTRICTED; the
# French half alone is the usual short form, written with its accent.
EU: list[Row] = [
    ("eu", "TRES SECRET UE", "TRÈS SECRET UE/EU TOP SECRET", "accent"),
    ("eu", "(Tres Secret UE)", "TRÈS SECRET UE/EU TOP SECRET", "2013/488"),
    ("eu", "TRÈS SECRET UE", "TRÈS SECRET UE/EU TOP SECRET", None),
    ("eu", "SECRET UE", "SECRET UE/EU SECRET", None),
    ("eu", "CONFIDENTIEL UE", "CONFIDENTIEL UE/EU CONFIDENTIAL", None),
    ("eu", "RESTREINT UE", "RESTREINT UE/EU RESTRICTED", None),
    ("eu", "EU TOP SECRET", "TRÈS SECRET UE/EU TOP SECRET", None),
]

# France. IGI 1300, reform in force 1 July 2021 (décret 2019-1271): two levels, SECRET and
# TRÈS SECRET; CONFIDENTIEL DÉFENSE is abolished and rewritten "niveau Secret", SECRET
# DÉFENSE becomes SECRET, TRÈS SECRET DÉFENSE becomes TRÈS SECRET. The SPÉCIAL FRANCE
# mention written after the level stays. Accents are often dropped in telegrams.
FR: list[Row] = [
    ("fr", "CONFIDENTIEL DÉFENSE", "SECRET", "2021 reform of IGI 1300"),
    ("fr", "CONFIDENTIEL DEFENSE", "SECRET", "merged into SECRET"),
    ("fr", "(CD)", "SECRET", "2021"),
    ("fr", "SECRET DÉFENSE", "SECRET", "2021 reform"),
    ("fr", "SECRET DEFENSE", "SECRET", "IGI 1300"),
    ("fr", "Secret Défense", "SECRET", "IGI 1300"),
    ("fr", "SD", "SECRET", "2021"),
    ("fr", "TRÈS SECRET DÉFENSE", "TRÈS SECRET", "2021 reform"),
    ("fr", "TRES SECRET DEFENSE", "TRÈS SECRET", "IGI 1300"),
    ("fr", "TSD", "TRÈS SECRET", "2021"),
    ("fr", "SECRET DÉFENSE SPÉCIAL FRANCE", "SECRET//SPÉCIAL FRANCE", "2021"),
    ("fr", "CONFIDENTIEL DEFENSE SPECIAL FRANCE", "SECRET//SPÉCIAL FRANCE", "2021"),
    ("fr", "TRES SECRET DEFENSE SPECIAL FRANCE", "TRÈS SECRET//SPÉCIAL FRANCE", "2021"),
    ("fr", "SECRET SPÉCIAL FRANCE", "SECRET//SPÉCIAL FRANCE", "without '//'"),
    ("fr", "DIFFUSION RESTREINTE SPECIAL FRANCE", "DIFFUSION RESTREINTE//SPÉCIAL FRANCE",
     "mention"),
    ("fr", "TRES SECRET", "TRÈS SECRET", None),
    ("fr", "SECRET//SPÉCIAL FRANCE", "SECRET//SPÉCIAL FRANCE", None),
]  # fmt: skip

# Germany. SÜG §4 names the grades; the VSA abbreviates them after the file reference
# (str.geh., geh., VS-Vertr., VS-NfD), and the VSA 2006 added "amtlich geheimgehalten" to
# the grade on the page. VS-NfD is the grade's own short form, in any letter case.
DE: list[Row] = [
    ("de", "VS-Vertr.", "VS-VERTRAULICH", "VS-VERTRAULICH"),
    ("de", "geh.", "GEHEIM", "abbreviation"),
    ("de", "str.geh.", "STRENG GEHEIM", "abbreviation"),
    ("de", "str. geh.", "STRENG GEHEIM", "abbreviation"),
    ("de", "NUR FÜR DEN DIENSTGEBRAUCH", "VS-NUR FÜR DEN DIENSTGEBRAUCH", "without VS-"),
    ("de", "NfD", "VS-NUR FÜR DEN DIENSTGEBRAUCH", "SÜG"),
    ("de", "GEHEIM amtlich geheimgehalten", "GEHEIM", "VSA 2006"),
    ("de", "VS-VERTRAULICH amtlich geheim gehalten", "VS-VERTRAULICH", "not part of the grade"),
    ("de", "VS-NfD", "VS-NUR FÜR DEN DIENSTGEBRAUCH", None),
    ("de", "vs-nfd", "VS-NUR FÜR DEN DIENSTGEBRAUCH", None),
    ("de", "VS-NUR FUER DEN DIENSTGEBRAUCH", "VS-NUR FÜR DEN DIENSTGEBRAUCH", None),
]

ROWS = US + US_UNCLASSIFIED + UK + NATO + EU + FR + DE


@pytest.mark.parametrize(
    ("scheme", "written", "banner", "words"), ROWS, ids=[f"{r[0]}:{r[1]}" for r in ROWS]
)
def test_forms_are_read_into_the_current_form(
    scheme: str, written: str, banner: str, words: str | None
) -> None:
    s = ALL_SCHEMES[scheme]
    marking, notes = read_marking(written, s)
    assert marking.banner == banner
    assert parse_marking(written, s) == marking  # parse_marking accepts the same forms
    if words is None:
        assert notes == ()
        return
    assert notes, "a native or legacy form gets a hint"
    text = " ".join(n.render() for n in notes)
    assert words in text
    # The hint names what was written and its current form (in the same form: portion
    # marks stay portion marks).
    shown = marking.portion if written.startswith("(") else marking.banner
    assert all(n.render().startswith(f"{written} is read as {shown}.") for n in notes)
    # The current form is current: read again, it needs no hint.
    assert read_marking(shown, s) == (marking, ())


# What no form covers is refused as before, naming the bad token.
REFUSED = [
    ("us", "(S/XYZ)", "'XYZ' is not a control"),
    ("us", "(S/)", "not a classification level"),
    ("us", "(S/NF/REL TO USA, GBR)", "contradict"),
    ("us", "(TS//FOUO)", "cannot be used on TOP SECRET"),
    ("us", "NSAT", "not a classification level"),
    ("us", "SECRET DEFENSE", "not a classification level"),
    ("uk", "SECRET UK EYES", "not a classification level"),
    ("uk", "CONFIDENTIAL//REL TO GBR", "REL TO GBR alone releases to no one"),
    ("nato", "NATO RESTRICTED ATOMAL", "ATOMAL cannot be used on NATO RESTRICTED"),
    ("nato", "NSA", "not a classification level"),
    ("eu", "TRES SECRET", "not a classification level"),
    ("fr", "CONFIDENTIEL", "not a classification level"),
    ("fr", "SECRET DEFENSE NOFORN", "'NOFORN' is not a control"),
    ("de", "VERTRAULICH", "not a classification level"),
]


@pytest.mark.parametrize(
    ("scheme", "written", "words"), REFUSED, ids=[f"{r[0]}:{r[1]}" for r in REFUSED]
)
def test_what_no_form_covers_is_refused(scheme: str, written: str, words: str) -> None:
    with pytest.raises(MarkingError, match=words.replace("(", r"\(")):
        read_marking(written, ALL_SCHEMES[scheme])


def test_a_normalised_portion_rolls_up_like_its_current_form() -> None:
    us = ALL_SCHEMES["us"]
    old = [parse_marking(t, us) for t in ("(S/NF)", "(C)", "(U/FOUO)")]
    new = [parse_marking(t, us) for t in ("(S//NF)", "(C)", "(SBU)")]
    assert old == new
    assert combine(old) == combine(new) == parse_marking("SECRET//NOFORN", us)
    assert combine([parse_marking("(S/NF)", us), parse_marking("(S//NF)", us)]).banner == (
        "SECRET//NOFORN"
    )
    uk = ALL_SCHEMES["uk"]
    assert (
        combine(
            [parse_marking("OFFICIAL SENSITIVE", uk), parse_marking("SECRET UK EYES ONLY", uk)]
        ).banner
        == "SECRET//UK EYES ONLY"
    )


def test_limdis_is_written_ds_in_portions() -> None:
    us = ALL_SCHEMES["us"]
    assert parse_marking("SECRET//LIMDIS", us).portion == "(S//DS)"


def test_rewrite_is_text_only_and_keeps_the_portion_form() -> None:
    us = ALL_SCHEMES["us"]
    for written, current in [("(S/NF)", "(S//NF)"), ("SECRET/NOFORN", "SECRET//NOFORN"),
                             ("(u//fouo)", "(u//SBU)"), ("(S//NF/LD)", "(S//NF/LIMDIS)")]:  # fmt: skip
        found = rewrite(written, us)
        assert found is not None and found[0] == current
    for current in ("(S//NF)", "()", "", "(S/NF"):
        assert rewrite(current, us) is None


SOUP = [
    "S", "TS", "C", "U", "NF", "NOFORN", "REL TO USA, GBR", "OC", "//", "/", "(", ")", "LD",
    "DS", "FOUO", "SBU", " ", "UK EYES ONLY", "SECRET", "OFFICIAL", "SENSITIVE", "UK",
    "CONFIDENTIAL", "RESTRICTED", "NSAT", "NATO SECRET", "ATOMAL", "CTSA", "TRES", "UE",
    "DÉFENSE", "DEFENSE", "SPÉCIAL FRANCE", "GEH.", "VS-VERTR.", "AMTLICH GEHEIMGEHALTEN",
    "{level}", "{controls}", "É", "ß",
]  # fmt: skip


@given(text=st.lists(st.sampled_from(SOUP), max_size=8).map("".join) | st.text(max_size=40))
def test_any_text_reads_to_a_marking_that_rereads_to_itself_or_is_refused(text: str) -> None:
    for scheme in ALL_SCHEMES.values():
        try:
            marking, _ = read_marking(text, scheme)
        except MarkingError:
            continue
        assert read_marking(marking.banner, scheme) == (marking, ())
        assert read_marking(marking.portion, scheme) == (marking, ())


# The scheme file's [[native_forms]] are read strictly: file and line in every error.
BASE = """\
id = "xx"
name = "Ministry of Examples"
country = "GBR"
precedences = ["ROUTINE"]
categories = ["dissem"]

[[levels]]
name = "PUBLIC"
portion = "P"
tier = 0
classified = false
colour = "#007a33"
text_colour = "#ffffff"

[[levels]]
name = "GUARDED"
portion = "G"
tier = 2
classified = true
colour = "#0033a0"
text_colour = "#ffffff"

[[controls]]
name = "MINISTERS ONLY"
portion = "MO"
category = "dissem"
"""
FORM = """
[[native_forms]]
form = "OLD GUARDED"
current = "GUARDED"
note = "Renamed in 2020."
"""


def test_a_scheme_file_adds_its_own_forms() -> None:
    scheme = parse_scheme(BASE + FORM + '\n[[native_forms]]\nkind = "control"\nform = "MINONLY"'
                          '\ncurrent = "MO"\nnote = "Spelt apart."\n')  # fmt: skip
    marking, notes = read_marking("Old Guarded//MINONLY", scheme)
    assert marking.banner == "GUARDED//MINISTERS ONLY"
    assert [n.render() for n in notes] == [
        "Old Guarded//MINONLY is read as GUARDED//MINISTERS ONLY. Renamed in 2020.",
        "Old Guarded//MINONLY is read as GUARDED//MINISTERS ONLY. Spelt apart.",
    ]


BAD_FORMS = [
    (FORM.replace('current = "GUARDED"\n', ""), "'current' is missing", 28),
    (FORM.replace('note = "Renamed in 2020."', "note = 3"), "'note' must be a non-empty text", 31),
    (FORM + 'kind = "level"\n', "kind 'level' must be one of", 32),
    (FORM + 'extra = "x"\n', "unknown key 'extra'", 32),
    (FORM.replace('"OLD GUARDED"', '"GUARDED"'), "'GUARDED' is already a current marking", 29),
    (FORM.replace('current = "GUARDED"', 'current = "HIDDEN"'), "'HIDDEN' is not a marking", 30),
    (FORM.replace('"OLD GUARDED"', '"{lvl} X"'), "unknown placeholder {lvl}", 29),
    (FORM.replace('current = "GUARDED"', 'current = "{level}"'), "{level} is not in the form",
     30),
    (FORM + FORM.replace('"OLD GUARDED"', '"old  guarded"'), "listed twice", 34),
    (FORM.replace("\n[[native_forms]]\n", '\n[[native_forms]]\nkind = "control"\n'),
     "'GUARDED' is not a control of this scheme", 31),
]  # fmt: skip
BAD_FORMS = [(BASE + text, words, line) for text, words, line in BAD_FORMS] + [
    (BASE.replace('id = "xx"\n', 'id = "xx"\nnative_forms = 3\n'),
     "must be written as [[native_forms]] tables", 2),
]  # fmt: skip


@pytest.mark.parametrize(("text", "words", "line"), BAD_FORMS, ids=[w for _, w, _ in BAD_FORMS])
def test_a_malformed_form_names_the_file_and_line(text: str, words: str, line: int) -> None:
    with pytest.raises(SchemeError) as info:
        parse_scheme(text, source="xx.toml")
    assert words in info.value.message
    assert f"xx.toml, line {line}" in info.value.message


def test_the_shipped_schemes_document_the_key() -> None:
    readme = Path(__file__).resolve().parents[2] / "resources" / "schemes" / "README.md"
    assert "[[native_forms]]" in readme.read_text(encoding="utf-8")


def _cable(*marks: str) -> Cable:
    return Cable(
        id="c1",
        scheme="us",
        precedence="IMMEDIATE",
        originator="AMEMBASSY PARIS",
        action=(Addressee("SECSTATE WASHDC"),),
        subject="FRANCE: SUMMIT PREVIEW",
        subject_marking="(U)",
        paragraphs=tuple(Paragraph(m, "Text.") for m in marks),
        dtg=datetime(2026, 11, 20, 9, 0, tzinfo=UTC),
        tags=("PREL", "FR"),
        authority=Authority("Jane Doe, Ambassador", ("1.4(b)", "1.4(d)"), None, "2036-11-20"),
        signature="DOE",
    )


def test_a_portion_in_a_legacy_form_is_a_warning_and_the_cable_still_validates() -> None:
    us = ALL_SCHEMES["us"]
    findings = validate(_cable("(C)", "(S/NF)", "(U//FOUO)"), us, today=date(2026, 11, 23))
    assert [(f.severity, f.field) for f in findings] == [
        (Severity.WARNING, "paragraphs[2]"),
        (Severity.WARNING, "paragraphs[3]"),
    ]
    assert findings[0].message.startswith("(S/NF) is read as (S//NF). Older State cables")
    assert "replaced by CUI (32 CFR 2002)" in findings[1].message
    assert findings[0].phrase is not None  # a face can translate the frame of the note
    # The same cable in the current forms has no findings at all.
    assert validate(_cable("(C)", "(S//NF)", "(SBU)"), us, today=date(2026, 11, 23)) == []


def test_a_mapped_uk_level_is_a_warning_too() -> None:
    uk = ALL_SCHEMES["uk"]
    cable = replace(_cable("CONFIDENTIAL"), scheme="uk", subject_marking="(O)", authority=None)
    findings = [
        f for f in validate(cable, uk, today=date(2026, 11, 23)) if f.field == "paragraphs[1]"
    ]
    assert [f.severity for f in findings] == [Severity.WARNING]
    assert "pre-2014 CONFIDENTIAL maps to SECRET" in findings[0].message
