from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from cabledesk.cli.main import main


@dataclass
class Result:
    code: int
    out: str
    err: str


Runner = Callable[..., Result]


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Runner:
    """Run ``cabledesk-cli ARGS`` in process; usage errors (SystemExit) give their code."""

    def run(*args: str) -> Result:
        try:
            code = main(list(args))
        except SystemExit as exc:
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run
