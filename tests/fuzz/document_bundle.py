"""Target: a received document bundle (``export.signed.verify_received`` on a ``.zip``,
read by ``export._bundle``): the ZIP, its manifest, the signature and the card inside."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from cabledesk.crypto.contact import ContactCard
from cabledesk.export.signed import DocumentSigner, make_bundle, sign_document, verify_received
from tests.fuzz._cables import docx
from tests.fuzz._harness import BOB, JANE, NOW, scratch
from tests.fuzz.document_signature import CONTACTS


@cache
def _path() -> Path:
    return scratch("bundle") / "received.zip"


def run(data: bytes) -> None:
    path = _path()
    path.write_bytes(data)
    verify_received(path, now=NOW, lookup=CONTACTS.get)


def seeds() -> dict[str, bytes]:
    signer = DocumentSigner.from_identity(JANE)
    card = ContactCard.for_identity(JANE)
    pdf = b"%PDF-1.7\n" + b"0" * 2000 + b"\n%%EOF\n"
    return {
        "docx": make_bundle("cable.docx", docx(), sign_document(docx(), signer), card),
        "pdf": make_bundle("cable.pdf", pdf, sign_document(pdf, signer), card),
        "other-card": make_bundle(
            "cable.pdf", pdf, sign_document(pdf, signer), ContactCard.for_identity(BOB)
        ),
    }
