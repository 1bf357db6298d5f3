"""A cable's clearance form: its canonical JSON with the release-time fields left out."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from datetime import UTC, datetime

from cabledesk.domain.cable import Addressee, Attachment, Cable, Paragraph
from cabledesk.domain.canonical import decode_cable, encode_cable
from cabledesk.domain.clearance import clearance_form, clearance_sha256

DRAFT = Cable(
    id="5f0c1e2d-0000-4000-8000-00000000c0de", scheme="us", precedence="IMMEDIATE",
    originator="AMEMBASSY PARIS", action=(Addressee("SECSTATE WASHDC"),),
    subject="FRANCE: TALKS", subject_marking="(U)",
    paragraphs=(Paragraph("(C)", "The minister agreed."),),
    attachments=(Attachment("annex.pdf", "the annex", 5000, "ab" * 32),),
)  # fmt: skip
RELEASED = replace(DRAFT, dtg=datetime(2026, 11, 23, 14, 5, tzinfo=UTC), serial="0042")


def test_the_form_is_the_canonical_cable_without_dtg_and_serial() -> None:
    form = clearance_form(RELEASED)
    doc = json.loads(form)
    assert doc["dtg"] is None and doc["serial"] is None
    assert doc["attachments"] == [
        {"name": "annex.pdf", "description": "the annex", "size": 5000, "sha256": "ab" * 32}
    ]
    assert form == encode_cable(DRAFT) and decode_cable(form) == DRAFT
    assert clearance_sha256(RELEASED) == hashlib.sha256(form).hexdigest()


def test_release_keeps_the_form_and_any_edit_changes_it() -> None:
    assert clearance_sha256(RELEASED) == clearance_sha256(DRAFT)
    edits = [
        replace(DRAFT, paragraphs=(Paragraph("(S)", "The minister agreed."),)),
        replace(DRAFT, paragraphs=(Paragraph("(C)", "The minister agreed!"),)),
        replace(DRAFT, subject="FRANCE: OTHER TALKS"),
        replace(DRAFT, action=(Addressee("AMEMBASSY ROME"),)),
        replace(DRAFT, attachments=()),
        replace(DRAFT, attachments=(*DRAFT.attachments, Attachment("more.pdf"))),
        replace(DRAFT, attachments=(replace(DRAFT.attachments[0], sha256="cd" * 32),)),
        replace(DRAFT, id="5f0c1e2d-0000-4000-8000-00000000beef"),
    ]
    hashes = {clearance_sha256(c) for c in edits}
    assert len(hashes) == len(edits) and clearance_sha256(DRAFT) not in hashes
