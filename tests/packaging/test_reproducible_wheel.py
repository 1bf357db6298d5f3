"""The wheel builds byte for byte the same from the same sources and SOURCE_DATE_EPOCH.

Two copies of the project, in different folders and with different file
modification times, are built with hatchling (the project's build backend, as
``pip wheel`` would call it); the two wheels must have the same SHA-256, and
every entry must carry the SOURCE_DATE_EPOCH time stamp.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EPOCH = 1_767_225_600  # 2026-01-01T00:00:00Z
# What hatchling reads to build the wheel (pyproject.toml names the rest).
SOURCES = ("pyproject.toml", "README.md", ".gitignore", "cabledesk", "resources")


def _copy_project(target: Path) -> Path:
    target.mkdir()
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(
                source,
                target / name,
                ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
                copy_function=shutil.copy,  # fresh modification times
            )
        else:
            shutil.copy(source, target / name)
    return target


def _build_wheel(project: Path, out: Path) -> Path:
    env = {**os.environ, "SOURCE_DATE_EPOCH": str(EPOCH)}
    done = subprocess.run(
        [sys.executable, "-c",
         "import sys; from hatchling.build import build_wheel; print(build_wheel(sys.argv[1]))",
         str(out)],
        cwd=project, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return out / done.stdout.strip().splitlines()[-1]


@pytest.mark.slow
def test_two_builds_give_the_same_wheel(tmp_path: Path) -> None:
    first = _copy_project(tmp_path / "a")
    time.sleep(1.1)  # the second copy's files get other modification times
    second = _copy_project(tmp_path / "b")
    (tmp_path / "wheels-a").mkdir()
    (tmp_path / "wheels-b").mkdir()
    wheel_a = _build_wheel(first, tmp_path / "wheels-a")
    wheel_b = _build_wheel(second, tmp_path / "wheels-b")
    assert wheel_a.name == wheel_b.name
    digest_a = hashlib.sha256(wheel_a.read_bytes()).hexdigest()
    digest_b = hashlib.sha256(wheel_b.read_bytes()).hexdigest()
    assert digest_a == digest_b, f"{wheel_a.name}: {digest_a} != {digest_b}"

    stamp = datetime.fromtimestamp(EPOCH, UTC).timetuple()[:6]
    with zipfile.ZipFile(wheel_a) as wheel:
        entries = wheel.infolist()
    assert {entry.date_time for entry in entries} == {stamp}
    names = [entry.filename for entry in entries]
    assert "cabledesk/resources/schemes/us.toml" in names
    assert not any("__pycache__" in name or name.endswith(".pyc") for name in names)
