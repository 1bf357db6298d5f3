"""What a clearance statement inside a sealed cable is worth: :func:`report_statement`
(read, signature checked, bound to this cable's text or not; never raises) and
:func:`cleared_block`, the Drafted / Cleared / Approved lines of the statements
that hold."""

from __future__ import annotations

from collections.abc import Sequence

from cabledesk.domain.cable import Cable
from cabledesk.domain.clearance import ClearanceLine
from cabledesk.errors import CableDeskError
from cabledesk.seal._statement import Statement, clearance_lines
from cabledesk.seal._verification import StatementReport

__all__ = ["cleared_block", "report_statement"]


def report_statement(path: str, data: bytes, cable: Cable) -> StatementReport:
    """What the statement ``data`` (the package entry ``path``) is worth for ``cable``."""
    try:
        statement = Statement.parse(data)
    except CableDeskError as exc:
        return StatementReport(path, None, None, None, None, None, None, False, False, exc.message)
    problems: list[str] = []
    try:
        statement.verify()
        valid = True
    except CableDeskError as exc:
        valid = False
        problems.append(exc.message)
    matches = statement.covers(cable)
    if not matches:
        problems.append(
            "This statement is about another cable."
            if statement.cable_id != cable.id
            else "This statement is about another text of this cable: it was changed since."
        )
    return StatementReport(
        path=path,
        role=str(statement.role),
        signer_name=statement.signer.name,
        fingerprint=statement.signer.fingerprint,
        office=statement.office,
        made=statement.made,
        comment=statement.comment,
        signature_valid=valid,
        matches_cable=matches,
        problem=" ".join(problems) or None,
        data=data,
    )


def cleared_block(statements: Sequence[StatementReport]) -> tuple[ClearanceLine, ...]:
    """The statements a cleared document names: those that hold and are on this text."""
    good = [
        Statement.parse(s.data)
        for s in statements
        if s.data is not None and s.signature_valid and s.matches_cable
    ]
    return clearance_lines(good)
