"""Target: clearance statements (``Statement.parse``, ``verify``, ``covers``) and their
report inside a sealed cable (``_statement_report.report_statement``).

A statement that parses must serialise back to the same bytes; whatever the
input, the report is made without an exception (a broken statement is
reported, never raised).
"""

from __future__ import annotations

from cabledesk.seal import Statement
from cabledesk.seal._statement_report import report_statement
from tests.fuzz._cables import CABLE, statement
from tests.fuzz._harness import JANE, NOW, attempt


def run(data: bytes) -> None:
    parsed = attempt(lambda: Statement.parse(data))
    if parsed is not None:
        assert parsed.to_bytes() == data, "a statement has a second encoding"
        attempt(parsed.verify)
        parsed.covers(CABLE)
    report = report_statement("statements/1.statement", data, CABLE)
    assert (report.role is None) == (parsed is None)


def seeds() -> dict[str, bytes]:
    found = {role: statement(role) for role in ("drafted", "cleared", "approved", "declined")}
    other = Statement.sign(
        JANE.signing_key, role="returned", cable_id=CABLE.id, text_sha256="0" * 64,
        name=JANE.name, made=NOW, comment="Returned: see paragraph 2.",
    )  # fmt: skip
    found["other-text"] = other.to_bytes()
    return found
