"""resources/ is found from a checkout and from an installed wheel."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from cabledesk.resources import resource_path

ROOT = Path(__file__).resolve().parent.parent


def test_found_from_the_checkout() -> None:
    assert resource_path("schemes", "us.toml").is_file()
    assert resource_path().resolve() == (ROOT / "resources").resolve()


@pytest.mark.slow
def test_the_wheel_ships_resources_and_finds_them(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--wheel-dir", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    (wheel,) = tmp_path.glob("cabledesk-*.whl")
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        assert {f"cabledesk/resources/schemes/{s}.toml" for s in
                ("us", "uk", "nato", "eu", "fr", "de")} <= names  # fmt: skip
        assert "cabledesk/resources/countries.toml" in names
        assert not any(n.startswith("tests/") for n in names)
        site = tmp_path / "site"
        z.extractall(site)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["PYTHONPATH"] = str(site)
    done = subprocess.run(
        [sys.executable, "-I", "-c",
         "import sys; sys.path.insert(0, sys.argv[1]); "
         "from cabledesk.resources import resource_path as r; "
         "from cabledesk.domain.scheme import SchemeRegistry as S; "
         "print(r()); print(len(S.load()))", str(site)],
        capture_output=True, text=True, check=True, cwd=tmp_path, env=env,
    )  # fmt: skip
    found, count = done.stdout.split()
    assert Path(found) == site / "cabledesk" / "resources"
    assert count == "6"
