"""The "Drafted / Cleared / Approved" block of a cleared cable's document.

As State cables print it, after the text: ``Drafted: J. Doe (POL)``,
``Cleared: K. Weber (POL), M. Smith (ECON)``, ``Approved: A. Ambassador`` — each
name as the signer's statement gives it, in the order the package carries the
statements (a cable released with clearance statements: docs/CLEARANCE.md).
Deterministic: the same lines give the same paragraphs.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document

from cabledesk.domain.clearance import ClearanceLine
from cabledesk.export._docx_blocks import _Writer

__all__ = ["write_clearance_block"]

_ROWS = (("Drafted:", ("drafted",)), ("Cleared:", ("cleared", "returned")),
         ("Approved:", ("approved",)))  # fmt: skip


def write_clearance_block(document: Document, lines: Sequence[ClearanceLine]) -> None:
    """Append the block for ``lines`` (nothing when there are none)."""
    w = _Writer(document)
    first = True
    for label, roles in _ROWS:
        names = [_name(line) for line in lines if line.role in roles]
        if names:
            w.field(label, ", ".join(names), gap=first)
            first = False


def _name(line: ClearanceLine) -> str:
    return f"{line.name} ({line.office})" if line.office else line.name
