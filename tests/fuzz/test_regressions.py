"""Every input the fuzzing campaign found a bug with, replayed: each must now end with a
CableDeskError or normally, quickly. Files: ``tests/fuzz/regressions/<target>/<name>``.

Also: every target is registered, importable, and survives an empty and a tiny input.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from cabledesk.errors import CableDeskError
from tests.fuzz._registry import REGRESSIONS, TARGETS, load

# A regression input that used to hang must now end: a guard against a hang,
# not a speed target (a slow machine takes well under this).
MAX_SECONDS = 30.0


def _cases() -> list[pytest.param]:  # type: ignore[valid-type]
    cases = []
    for folder in sorted(p for p in REGRESSIONS.iterdir() if p.is_dir()):
        cases += [
            pytest.param(folder.name, path, id=f"{folder.name}/{path.name}")
            for path in sorted(folder.iterdir())
            if path.is_file()
        ]
    return cases


def _replay(target: str, data: bytes) -> None:
    run = load(target)
    start = time.monotonic()
    try:
        run(data)
    except CableDeskError:
        pass
    assert time.monotonic() - start < MAX_SECONDS


def test_every_regression_folder_is_a_target() -> None:
    folders = {p.name for p in REGRESSIONS.iterdir() if p.is_dir()}
    assert folders <= set(TARGETS)


@pytest.mark.parametrize(("target", "path"), _cases())
def test_regression(target: str, path: Path) -> None:
    _replay(target, path.read_bytes())


@pytest.mark.parametrize("target", sorted(TARGETS))
def test_target_runs(target: str) -> None:
    for data in (b"", b"\x00", b"age-encryption.org/v1\n"):
        _replay(target, data)
