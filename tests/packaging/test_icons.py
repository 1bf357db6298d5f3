"""packaging/make_icons.py draws the Windows and macOS icons from the SVG, the same each time."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PNG = b"\x89PNG\r\n\x1a\n"


def _make(out: Path) -> tuple[bytes, bytes]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([sys.executable, str(ROOT / "packaging" / "make_icons.py"), str(out)],
                   check=True, capture_output=True, env=env)  # fmt: skip
    return (out / "cabledesk.ico").read_bytes(), (out / "cabledesk.icns").read_bytes()


def _png_size(png: bytes) -> tuple[int, int]:
    assert png.startswith(PNG)
    width, height = struct.unpack(">II", png[16:24])
    return width, height


@pytest.mark.slow
def test_ico_and_icns(tmp_path: Path) -> None:
    ico, icns = _make(tmp_path / "a")
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind, count) == (0, 1, 10)
    sides = []
    for i in range(count):
        w, h, _, _, planes, bits, size, offset = struct.unpack(
            "<BBBBHHII", ico[6 + 16 * i : 22 + 16 * i]
        )
        png = ico[offset : offset + size]
        assert _png_size(png) == (w or 256, h or 256) and (planes, bits) == (1, 32)
        sides.append(w or 256)
    assert sides == [16, 20, 24, 32, 40, 48, 64, 96, 128, 256]

    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    kinds, at = {}, 8
    while at < len(icns):
        kind_code, length = (
            icns[at : at + 4].decode(),
            struct.unpack(">I", icns[at + 4 : at + 8])[0],
        )
        kinds[kind_code] = _png_size(icns[at + 8 : at + length])[0]
        at += length
    assert kinds == {"icp4": 16, "icp5": 32, "icp6": 64, "ic07": 128, "ic08": 256, "ic09": 512,
                     "ic10": 1024, "ic11": 32, "ic12": 64, "ic13": 256, "ic14": 512}  # fmt: skip

    assert _make(tmp_path / "b") == (ico, icns)  # reproducible: nothing to commit
