"""Target: tetragraph files (``domain.tetragraphs.TetragraphTable.parse``)."""

from __future__ import annotations

from cabledesk.domain.tetragraphs import RESOURCE, TetragraphTable
from cabledesk.resources import resource_path


def run(data: bytes) -> None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return  # read strictly, as for the shipped file (SchemeError)
    table = TetragraphTable.parse(text, source="fuzz.toml")
    for code in table:
        assert table.nationalities(code) == table[code].members


def seeds() -> dict[str, bytes]:
    return {"shipped": resource_path(RESOURCE).read_bytes()}
