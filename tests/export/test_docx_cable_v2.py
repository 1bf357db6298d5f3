"""The fields of cabledesk.cable/2 on paper: an attachment's own marking (and the banner
it raises), the downgrade instruction, and the sources of "Derived From: Multiple Sources"
listed after the authority block (32 CFR 2001.22(c)(1)(ii))."""

from __future__ import annotations

from cabledesk.domain.cable import Attachment, Authority
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.export.docx import render_docx
from cabledesk.export.settings import ExportSettings
from tests.export.docx_reading import read
from tests.export.samples import modern_cable

US = SchemeRegistry.load()["us"]


def test_v2_fields_are_rendered() -> None:
    cable = modern_cable(
        authority=Authority(
            "Jane Doe, Ambassador", (), "Multiple Sources", "2049-03-15",
            downgrade="CONFIDENTIAL on 2030-01-01", sources=("STATE 123456", "PARIS 000100"),
        ),
        attachments=(Attachment("annex.pdf", "Draft communique", 10, "ab" * 32,
                                marking="(TS//NF)"),),
    )  # fmt: skip
    reading = read(render_docx(cable, US, ExportSettings()))
    assert reading.header[0] == "TOP SECRET//ORCON/NOFORN//NODIS"  # raised by the attachment
    text = "\n".join(reading.body)
    assert "Derived From: Multiple Sources" in text
    assert "Downgrade To: CONFIDENTIAL on 2030-01-01" in text
    block = text.index("Declassify On:")
    assert block < text.index("Sources:\n1. STATE 123456\n2. PARIS 000100")
    assert "(TS//NF) annex.pdf" in text
