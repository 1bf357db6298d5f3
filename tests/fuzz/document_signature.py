"""Target: the signature of a received document (``export.signed.verify_received`` with
``NAME.docx.sig`` beside a real ``NAME.docx``).

The document's bytes are only hashed, never parsed; the signature file is the
outside input that is parsed. The signer's contacts know Jane (verified).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from cabledesk.crypto.sshsig import CONTACT_NAMESPACE, sign
from cabledesk.domain.trust import Trust, TrustState
from cabledesk.export.signed import DocumentSigner, ExpectedSigner, sign_document, verify_received
from cabledesk.export.verification import KnownSigner
from tests.fuzz._cables import docx
from tests.fuzz._harness import JANE, NOW, scratch

CONTACTS = {JANE.fingerprint: KnownSigner(JANE.name, Trust(TrustState.VERIFIED, NOW))}
EXPECTED = ExpectedSigner.from_key(JANE.signing_key.public_key(), JANE.name)


@cache
def _document() -> Path:
    path = scratch("document") / "cable.docx"
    path.write_bytes(docx())
    return path


def run(data: bytes) -> None:
    document = _document()
    document.with_name("cable.docx.sig").write_bytes(data)
    verify_received(document, now=NOW, lookup=CONTACTS.get)
    verify_received(document, now=NOW, expected=EXPECTED)


def seeds() -> dict[str, bytes]:
    signer = DocumentSigner.from_identity(JANE)
    return {
        "signature": sign_document(docx(), signer).encode(),
        "other-document": sign_document(b"another file", signer).encode(),
        "contact-namespace": sign(JANE.signing_key, CONTACT_NAMESPACE, docx()).encode(),
        "sha256": sign(JANE.signing_key, "cabledesk-document-v1", docx(), "sha256").encode(),
    }
