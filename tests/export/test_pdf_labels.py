"""The classification label in a PDF's XMP packet and information dictionary, written
after LibreOffice's conversion (LibreOffice itself: tests/interop/test_docx_pdf.py)."""

from __future__ import annotations

import pytest

from cabledesk.domain.scheme import ClassificationScheme
from cabledesk.errors import ExportError
from cabledesk.export._pdf_labels import docx_labels, label_pdf
from cabledesk.export._pdf_metadata import normalise_pdf_metadata
from cabledesk.export.docx import render_docx
from tests.export.pdf_reading import info, tagged_pdf, xmp_labels
from tests.export.samples import CABLE_ID, modern_cable

LABELS = {
    "Classification": "SECRET//ORCON/NOFORN//NODIS",
    "ClassificationScheme": "us",
    "ClassificationLevel": "SECRET",
    "CableId": CABLE_ID,
    "Originator": "AMEMBASSY PARIS",
}


def _labelled(us: ClassificationScheme, pdf: bytes | None = None) -> bytes:
    docx = render_docx(modern_cable(), us)
    return label_pdf(normalise_pdf_metadata(pdf or tagged_pdf(), docx), docx_labels(docx))


def test_the_docx_custom_properties_are_the_labels(us: ClassificationScheme) -> None:
    assert dict(docx_labels(render_docx(modern_cable(), us))) == LABELS


def test_labels_in_xmp_and_in_the_information_dictionary(us: ClassificationScheme) -> None:
    pdf = _labelled(us)
    assert xmp_labels(pdf) == LABELS
    fields = info(pdf)
    assert {k: fields[k] for k in LABELS} == LABELS
    assert fields["Title"] == "C" and fields["Creator"] == "Writer"  # the entries kept
    assert "CreationDate" not in fields


def test_the_xmp_packet_keeps_its_length_and_loses_its_date(us: ClassificationScheme) -> None:
    original = tagged_pdf()
    pdf = _labelled(us, original)
    # everything before the appended update is the original, byte for byte in length
    assert pdf.startswith(b"%PDF-1.6") and pdf.index(b"%%EOF") == original.index(b"%%EOF")
    assert b"CreateDate" not in pdf and b"2026-11-24" not in pdf
    assert b'<?xpacket end="w"?>' in pdf and b"<pdfuaid:part>1</pdfuaid:part>" in pdf


def test_the_update_points_back_to_the_original_trailer(us: ClassificationScheme) -> None:
    original = tagged_pdf()
    pdf = _labelled(us, original)
    previous = original[original.rindex(b"startxref") :].split()[1]
    assert pdf.count(b"%%EOF") == 2 and b"/Prev " + previous + b">>" in pdf
    assert pdf.count(b"/ID [") == 2  # the update's trailer repeats the identifier


def test_labelling_is_deterministic(us: ClassificationScheme) -> None:
    assert _labelled(us) == _labelled(us)


@pytest.mark.parametrize(
    ("pdf", "message"),
    [
        (tagged_pdf(xmp=True, padding=0), "no room"),
        (tagged_pdf(xmp=True).replace(b"/Type/Metadata", b"/Type/Metadatum"), "no single XMP"),
        (tagged_pdf().replace(b"/Info 5 0 R", b""), "lacks"),
        (tagged_pdf().replace(b"startxref", b"startxrof"), "trailer"),
    ],
    ids=["no-padding", "no-xmp", "no-info", "no-trailer"],
)
def test_a_pdf_that_cannot_be_labelled_is_refused(
    us: ClassificationScheme, pdf: bytes, message: str
) -> None:
    docx = render_docx(modern_cable(), us)
    with pytest.raises(ExportError, match=message):
        label_pdf(normalise_pdf_metadata(pdf, docx), docx_labels(docx))


def test_a_document_without_labels_is_refused() -> None:
    with pytest.raises(ExportError, match="cannot be read"):
        docx_labels(b"PK not a docx")
