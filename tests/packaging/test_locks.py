"""The hash-pinned files that `make dist` installs agree with constraints.txt."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirements(path: Path) -> dict[str, tuple[str, list[str]]]:
    """name -> (version, hashes), from a pip requirements file with continuation lines."""
    text = re.sub(r"\\\n", " ", path.read_text())
    found = {}
    for line in text.splitlines():
        line = line.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        match = re.match(r"([A-Za-z0-9_.\-]+)==(\S+)", line)
        assert match, f"{path.name}: not an exact pin: {line[:60]}"
        found[_normal(match.group(1))] = (
            match.group(2),
            re.findall(r"--hash=sha256:([0-9a-f]{64})", line),
        )
    return found


def test_every_requirement_is_hash_pinned() -> None:
    for name in ("requirements.lock", "build-requirements.txt"):
        pins = _requirements(PACKAGING / name)
        assert pins, name
        for package, (_, hashes) in pins.items():
            assert hashes, f"{name}: {package} has no --hash"


def test_runtime_lock_matches_constraints() -> None:
    constraints = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.strip().split("==")
            constraints[_normal(name)] = version
    lock = _requirements(PACKAGING / "requirements.lock")
    for direct in ("pyside6-essentials", "cryptography", "python-docx", "keyring", "sqlcipher3",
                   "platformdirs"):  # fmt: skip
        assert direct in lock
    stale = {
        name: (version, constraints[name])
        for name, (version, _) in lock.items()
        if name in constraints and constraints[name] != version
    }
    assert not stale, f"regenerate with: bash packaging/update_locks.sh ({stale})"


def test_build_lock_matches_its_input() -> None:
    wanted = {}
    for line in (PACKAGING / "build-requirements.in").read_text().splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.strip().split("==")
            wanted[_normal(name)] = version
    lock = _requirements(PACKAGING / "build-requirements.txt")
    assert {name: lock[name][0] for name in wanted} == wanted
