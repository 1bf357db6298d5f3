"""The labels a .docx carries: continuation identity on every page after the first,
attachments' own markings and "when separated from attachments", and properties that
never hold a classified subject."""

from __future__ import annotations

import io
from dataclasses import replace

import docx
import pytest

from cabledesk.domain.cable import Attachment, Paragraph
from cabledesk.domain.scheme import ClassificationScheme
from cabledesk.export.docx import render_docx
from tests.export.docx_reading import custom_properties, parts, read
from tests.export.samples import CABLE_ID, marked, modern_cable, unclassified_cable

BANNER = "SECRET//ORCON/NOFORN//NODIS"


def test_pages_after_the_first_name_post_serial_and_page(us: ClassificationScheme) -> None:
    data = render_docx(modern_cable(), us)
    reading = read(data)
    assert reading.first_header == [BANNER]
    # cached field results until a viewer computes them: "Page 2 of 3" on page 2
    assert reading.header == [BANNER, "AMEMBASSY PARIS 000123 \u2014 Page 1 of 1"]
    assert reading.header_fields == ["PAGE", "NUMPAGES"]
    assert reading.footer == ["Page 1 of 1", BANNER]
    document = parts(data)["word/document.xml"]
    assert b"<w:titlePg/>" in document  # a first-page header of its own
    # the first page's footer is the same as the others'
    first_footer = docx.Document(io.BytesIO(data)).sections[0].first_page_footer
    assert [p.text for p in first_footer.paragraphs] == ["Page 1 of 1", BANNER]


def test_a_cable_without_serial_is_named_by_its_id(us: ClassificationScheme) -> None:
    reading = read(render_docx(modern_cable(serial=None), us))
    assert reading.header[1] == f"AMEMBASSY PARIS CABLE {CABLE_ID} \u2014 Page 1 of 1"


def test_the_continuation_banner_keeps_the_levels_colours(us: ClassificationScheme) -> None:
    reading = read(render_docx(unclassified_cable(), us))
    assert reading.header[0] == "UNCLASSIFIED" and reading.header_fill == "007A33"


# Transmittal documents: 32 CFR 2001.24(c) and the ISOO marking booklet ("Transmittal
# documents"): the document carries the highest classification of what it transmits, and
# states what it is when the classified attachments are removed ("Unclassified when
# separated from attachments", or "Upon removal of attachments, this document is
# CONFIDENTIAL"). An attachment no more classified than the cable changes nothing.
TRANSMITTAL = [
    # portion marks, attachment marks, banner, separated line
    (("(U)",), ("(C)",), "CONFIDENTIAL", "UNCLASSIFIED when separated from attachments"),
    (("(U)", "(U)"), ("(S)",), "SECRET", "UNCLASSIFIED when separated from attachments"),
    (("(C)",), ("(S)",), "SECRET", "CONFIDENTIAL when separated from attachments"),
    (("(U)", "(C)"), ("(TS)",), "TOP SECRET", "CONFIDENTIAL when separated from attachments"),
    (("(C)",), ("(C)", "(S)"), "SECRET", "CONFIDENTIAL when separated from attachments"),
    (("(S)",), ("(C)",), "SECRET", None),
    (("(S)",), ("(S)",), "SECRET", None),
    (("(C)",), ("(U)",), "CONFIDENTIAL", None),
    (("(C)",), (None,), "CONFIDENTIAL", None),
    (("(U)",), (None, None), "UNCLASSIFIED", None),
]


@pytest.mark.parametrize(
    ("portions", "attached", "banner", "separated"),
    TRANSMITTAL,
    ids=[
        "U+C",
        "UU+S",
        "C+S",
        "UC+TS",
        "C+C,S",
        "S+C",
        "S+S",
        "C+U",
        "C+unmarked",
        "U+unmarked",
    ],
)
def test_attachments_raise_the_banner_and_the_cable_says_so(
    us: ClassificationScheme,
    portions: tuple[str, ...],
    attached: tuple[str | None, ...],
    banner: str,
    separated: str | None,
) -> None:
    cable = unclassified_cable(
        paragraphs=tuple(Paragraph(mark, f"Paragraph {mark}.") for mark in portions),
        attachments=tuple(
            marked(Attachment(f"annex-{i}.pdf"), mark) for i, mark in enumerate(attached)
        ),
    )
    data = render_docx(cable, us)
    reading = read(data)
    assert reading.header[0] == banner and reading.footer[-1] == banner
    expected = [banner] if separated is None else [banner, separated]
    assert reading.first_header == expected
    props = custom_properties(data)
    assert props["Classification"] == banner
    assert props.get("ClassificationWhenSeparated") == (
        None if separated is None else separated.split(" when ")[0]
    )


def test_the_attachments_list_shows_each_attachments_marking(us: ClassificationScheme) -> None:
    cable = modern_cable(
        attachments=(
            marked(Attachment("annex.pdf", "Draft communique", 123456), "(S//NF)"),
            marked(Attachment("map.png"), "(u)"),
            Attachment("notes.txt"),
        )
    )
    body = read(render_docx(cable, us)).body
    assert "1.\t(S//NF) annex.pdf (120.6 KiB, Draft communique)" in body
    assert "2.\t(U) map.png" in body
    assert "3.\tnotes.txt" in body


def test_a_bad_attachment_marking_is_a_marking_error(us: ClassificationScheme) -> None:
    from cabledesk.errors import MarkingError

    cable = modern_cable(attachments=(marked(Attachment("annex.pdf"), "(SEKRET)"),))
    with pytest.raises(MarkingError):
        render_docx(cable, us)


def _core(data: bytes) -> str:
    return parts(data)["docProps/core.xml"].decode()


def test_a_classified_subject_never_reaches_the_core_properties(
    us: ClassificationScheme,
) -> None:
    cable = modern_cable(subject_marking="(C)", subject="SECRET TALKS WITH THE ELYSEE")
    data = render_docx(cable, us)
    core = docx.Document(io.BytesIO(data)).core_properties
    assert core.title == f"{BANNER} AMEMBASSY PARIS 000123"
    for value in (core.title, core.subject, core.keywords, core.comments, core.category):
        assert "ELYSEE" not in value
    assert (
        "ELYSEE" not in _core(data) and "ELYSEE" not in parts(data)["docProps/custom.xml"].decode()
    )
    # the subject is still in the document itself, with its portion mark
    assert "SUBJECT:\t(C) SECRET TALKS WITH THE ELYSEE" in read(data).body


@pytest.mark.parametrize(
    ("subject_marking", "in_title"),
    [("(U)", True), ("(U//SBU)", False), ("(C)", False), ("(S//NF)", False)],
    ids=["U", "U-SBU", "C", "S-NF"],
)
def test_only_an_unmarked_unclassified_subject_is_the_title(
    us: ClassificationScheme, subject_marking: str, in_title: bool
) -> None:
    cable = modern_cable(subject_marking=subject_marking, subject="TRADE TALKS")
    core = docx.Document(io.BytesIO(render_docx(cable, us))).core_properties
    assert ("TRADE TALKS" in core.title) is in_title
    if not in_title:
        assert core.title.endswith(" AMEMBASSY PARIS 000123")


def test_the_title_of_a_draft_names_its_id(us: ClassificationScheme) -> None:
    cable = modern_cable(subject_marking="(C)", serial=None)
    core = docx.Document(io.BytesIO(render_docx(cable, us))).core_properties
    assert core.title == f"{BANNER} AMEMBASSY PARIS CABLE {CABLE_ID}"


def test_custom_properties_are_the_same_in_every_run(us: ClassificationScheme) -> None:
    cable = modern_cable(attachments=(marked(Attachment("a.pdf"), "(TS)"),))
    first = render_docx(cable, us)
    assert render_docx(replace(cable), us) == first
    assert custom_properties(first)["Classification"] == "TOP SECRET//ORCON/NOFORN//NODIS"
