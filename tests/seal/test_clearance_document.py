"""Issue 18: the "Drafted / Cleared / Approved" block of a sealed cable's document is
checked like the rest of it — rendered again from the statements that hold and are on
the text. A document naming a forged statement's signer is not the cable's."""

from __future__ import annotations

from cabledesk.crypto.sshsig import CLEARANCE_NAMESPACE, sign
from cabledesk.domain.clearance import clearance_sha256
from cabledesk.export.docx import CLEARED_RENDERER_VERSION, RENDERER_VERSION, render_docx
from cabledesk.seal import DocumentRenderer, Statement, Verdict, clearance_lines
from tests.seal.kit import (
    CABLE,
    JANE,
    MALLORY,
    NOW,
    PEOPLE,
    SCHEMES,
    Package,
    open_bytes,
    seal_bytes,
)

DAVE = PEOPLE["dave"]
RENDERER = DocumentRenderer(
    RENDERER_VERSION,
    lambda cable: render_docx(cable, SCHEMES["us"]),
    cleared_version=CLEARED_RENDERER_VERSION,
    render_cleared=lambda cable, lines: render_docx(cable, SCHEMES["us"], clearance=lines),
)


def _approved() -> Statement:
    return Statement.sign(
        DAVE.signing_key, role="approved", cable_id=CABLE.id,
        text_sha256=clearance_sha256(CABLE), name="Dave Moe", made=NOW, office="POL",
    )  # fmt: skip


def _sealed(statement: Statement) -> bytes:
    docx = render_docx(CABLE, SCHEMES["us"], clearance=clearance_lines([statement]))
    return seal_bytes(
        docx=docx, docx_renderer=CLEARED_RENDERER_VERSION, statements=[statement.to_bytes()]
    )


def test_a_cleared_document_is_checked() -> None:
    v = open_bytes(_sealed(_approved()), renderer=RENDERER)
    assert v.verdict is Verdict.VALID and v.document_checked is True


def test_a_document_naming_a_forged_approval_is_not_the_cable() -> None:
    statement = _approved()
    package = Package.of(_sealed(statement))
    body = statement.body()
    forged = body + b"\n" + sign(MALLORY.signing_key, CLEARANCE_NAMESPACE, body).encode()
    package["statements/1.statement"] = forged
    package.set_manifest(package.rehash(), signer=JANE)
    v = open_bytes(package.seal(), renderer=RENDERER)
    assert v.verdict is Verdict.DOCUMENT_MISMATCH


def test_a_reader_without_the_cleared_renderer_does_not_check_it() -> None:
    plain = DocumentRenderer(RENDERER_VERSION, lambda cable: render_docx(cable, SCHEMES["us"]))
    v = open_bytes(_sealed(_approved()), renderer=plain)
    assert v.verdict is Verdict.DOCUMENT_NOT_CHECKED and v.document_checked is False
