from __future__ import annotations

import io
import zipfile
from dataclasses import replace

import docx
import pytest

from cabledesk.domain.cable import Paragraph
from cabledesk.domain.sanitize import sanitize
from cabledesk.domain.scheme import ClassificationScheme, SchemeRegistry
from cabledesk.errors import MarkingError
from cabledesk.export.docx import render_docx
from cabledesk.export.settings import ExportSettings, Paper
from tests.export.docx_reading import custom_properties, parts, read
from tests.export.samples import CABLE_ID, modern_cable, unclassified_cable

BANNER = "SECRET//ORCON/NOFORN//NODIS"


def test_banner_on_header_and_footer_in_the_levels_colours(us: ClassificationScheme) -> None:
    reading = read(render_docx(modern_cable(), us))
    assert reading.first_header == [BANNER]
    assert reading.header[0] == BANNER
    assert reading.footer[-1] == BANNER
    assert reading.header_fill == "C8102E"  # SECRET's colour in us.toml
    assert reading.header_text_colour == "FFFFFF"


def test_page_x_of_y_fields(us: ClassificationScheme) -> None:
    reading = read(render_docx(modern_cable(), us))
    assert reading.fields == ["PAGE", "NUMPAGES"]
    assert reading.footer[0] == "Page 1 of 1"  # cached results until a viewer computes them


def test_numbered_portion_marked_paragraphs(us: ClassificationScheme) -> None:
    reading = read(render_docx(modern_cable(), us))
    assert reading.numbered == [
        (1, "(C)"),
        (2, "(S//NF)"),
        (3, "(C//REL TO USA, GBR)"),
        (4, "(S//OC)"),
        (5, "(C//ND)"),
        (6, "(U)"),
    ]


def test_marks_are_written_in_normal_portion_form(us: ClassificationScheme) -> None:
    cable = modern_cable(paragraphs=(Paragraph("(secret//noforn)", "Typed in lower case."),))
    assert read(render_docx(cable, us)).numbered == [(1, "(S//NF)")]


def test_header_block_authority_signature_attachments(us: ClassificationScheme) -> None:
    body = read(render_docx(modern_cable(), us)).body
    assert body[:6] == [
        "PRECEDENCE:\tIMMEDIATE",
        "DTG:\t151230Z MAR 24",
        "FM:\tAMEMBASSY PARIS",
        "TO:\tSECSTATE WASHDC IMMEDIATE",
        "INFO:\tUSMISSION USNATO\nAMEMBASSY BERLIN ROUTINE",
        "SERIAL:\t000123",
    ]
    assert "SIPDIS" in body
    assert "E.O. 13526: DECL: 2049-03-15" in body
    assert "TAGS:\tPREL, FR, NATO" in body
    assert "SUBJECT:\t(U) FRANCE: ELYSEE PREVIEWS NATO SUMMIT" in body
    assert "REF:\tA. STATE 123456\nB. PARIS 000100" in body
    assert (
        "Classified By: Jane Doe, Ambassador\nReasons: 1.4(b), 1.4(d)\nDeclassify On: 2049-03-15"
        in body
    )
    assert body.index("DOE") > body.index("6. (U) Embassy comment: the summit should go smoothly.")
    assert "ATTACHMENTS (1):" in body
    assert f"1.\tannex.pdf (120.6 KiB, Draft communique)\nSHA-256:\n{'ab' * 32}" in body


def test_unclassified_cable_has_the_schemes_eo_line_and_no_authority(
    us: ClassificationScheme,
) -> None:
    body = read(render_docx(unclassified_cable(), us)).body
    assert "E.O. 13526: N/A" in body
    assert not any(p.startswith("Classified By") for p in body)


@pytest.mark.parametrize(
    ("paper", "size"), [(Paper.A4, (11906, 16838)), (Paper.LETTER, (12240, 15840))]
)
def test_paper_sizes(us: ClassificationScheme, paper: Paper, size: tuple[int, int]) -> None:
    assert read(render_docx(modern_cable(), us, ExportSettings(paper=paper))).page_size == size


def test_same_cable_and_settings_give_the_same_bytes(us: ClassificationScheme) -> None:
    cable = modern_cable()
    first = render_docx(cable, us)
    assert render_docx(cable, us) == first
    assert render_docx(cable, us, ExportSettings(paper=Paper.LETTER)) != first
    assert render_docx(replace(cable, signature="SMITH"), us) != first


def test_custom_properties_carry_the_label(us: ClassificationScheme) -> None:
    assert custom_properties(render_docx(modern_cable(), us)) == {
        "Classification": BANNER,
        "ClassificationScheme": "us",
        "ClassificationLevel": "SECRET",
        "CableId": CABLE_ID,
        "Originator": "AMEMBASSY PARIS",
    }


def test_core_properties_name_no_author_unless_set(us: ClassificationScheme) -> None:
    core = docx.Document(io.BytesIO(render_docx(modern_cable(), us))).core_properties
    assert core.author == "" and core.last_modified_by == "" and core.revision == 0
    assert core.title == "(U) FRANCE: ELYSEE PREVIEWS NATO SUMMIT"
    assert core.category == BANNER and core.keywords == "PREL, FR, NATO"
    assert core.created is not None and core.created.isoformat().startswith("2024-03-15T12:30")
    chosen = render_docx(modern_cable(), us, ExportSettings(author="Registry, Paris"))
    assert docx.Document(io.BytesIO(chosen)).core_properties.author == "Registry, Paris"


def test_sanitized_version_states_what_it_is(us: ClassificationScheme) -> None:
    released = sanitize(modern_cable(), us, us.level_named("CONFIDENTIAL"))
    data = render_docx(released.cable, us, tearline=released.tearline)
    reading = read(data)
    assert reading.first_header == ["CONFIDENTIAL//NOFORN"]
    assert reading.header[0] == "CONFIDENTIAL//NOFORN"
    assert reading.body[0].startswith(
        "SANITIZED VERSION\nSanitized version of cable AMEMBASSY PARIS 000123 of 151230Z MAR 24"
    )
    assert reading.footer[0].startswith("SANITIZED VERSION")
    assert [n for n, _ in reading.numbered] == list(range(1, len(released.tearline.kept) + 1))
    props = custom_properties(data)
    assert props["SanitizedFrom"] == CABLE_ID and props["SanitizedLevel"] == "CONFIDENTIAL"
    assert "annex.pdf" not in " ".join(reading.body)


def test_text_xml_cannot_carry_is_replaced_not_fatal(us: ClassificationScheme) -> None:
    cable = unclassified_cable(
        paragraphs=(Paragraph("(U)", "bell \x07 nul \x00 surrogate \ud800 tab\there"),)
    )
    body = read(render_docx(cable, us)).body
    assert "1. (U) bell \ufffd nul \ufffd surrogate \ufffd tab\there" in body


def test_a_bad_portion_mark_raises_marking_error(us: ClassificationScheme) -> None:
    with pytest.raises(MarkingError):
        render_docx(modern_cable(paragraphs=(Paragraph("(SEKRET)", "x"),)), us)


def test_a_cable_of_another_scheme_is_misuse(schemes: SchemeRegistry) -> None:
    with pytest.raises(ValueError, match="scheme"):
        render_docx(modern_cable(), schemes["uk"])


def test_zip_entries_in_fixed_order_and_time(us: ClassificationScheme) -> None:
    with zipfile.ZipFile(io.BytesIO(render_docx(modern_cable(), us))) as zf:
        infos = zf.infolist()
    assert [i.filename for i in infos][:5] == [
        "[Content_Types].xml",
        "_rels/.rels",
        "docProps/core.xml",
        "docProps/custom.xml",
        "word/document.xml",
    ]
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert {i.create_system for i in infos} == {0}
    assert set(parts(render_docx(modern_cable(), us))) == {i.filename for i in infos}


# Word refuses a document whose property elements are out of the schema's order
# (ECMA-376 Part 1, CT_PPr, CT_RPr, CT_SectPr); LibreOffice is lenient, so check here.
SCHEMA_ORDER = {
    "pPr": "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr "
    "suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct "
    "topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind "
    "contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment "
    "textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange",
    "rPr": "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss "
    "imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs "
    "highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish",
    "sectPr": "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc "
    "pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi "
    "rtlGutter docGrid printerSettings",
    "style": "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden "
    "unhideWhenUsed qFormat locked personal personalCompose personalReply rsid pPr rPr",
    "pBdr": "top left bottom right between bar",
}


def test_properties_follow_the_schema_order(us: ClassificationScheme) -> None:
    from xml.etree import ElementTree

    released = sanitize(modern_cable(), us, us.level_named("CONFIDENTIAL"))
    for data in (
        render_docx(modern_cable(), us),
        render_docx(released.cable, us, tearline=released.tearline),
    ):
        for name, blob in parts(data).items():
            if not name.startswith("word/") or not name.endswith(".xml"):
                continue
            for element in ElementTree.fromstring(blob).iter():
                tag = element.tag.rpartition("}")[2]
                if tag not in SCHEMA_ORDER:
                    continue
                order = SCHEMA_ORDER[tag].split()
                ranks = [order.index(child.tag.rpartition("}")[2]) for child in element]
                if tag == "sectPr":  # header and footer references form one choice group
                    ranks = [max(r, 1) if r == 0 else r for r in ranks]
                assert ranks == sorted(ranks), f"{name}: children of w:{tag} out of order"
