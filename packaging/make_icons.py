"""Render resources/icons/cabledesk.svg into the icon files Windows and macOS want.

    python packaging/make_icons.py OUT_DIR          # writes OUT_DIR/cabledesk.ico, .icns

Run with the Python that has PySide6 (the build venv); the PyInstaller spec runs
it by itself on Windows and macOS, so nobody commits a binary icon. Each size is
drawn from the SVG by Qt's own SVG renderer (no resampling of a large bitmap),
stored as PNG, and wrapped in the container by this file with nothing but
``struct``:

- ``.ico``: the ICONDIR header and one 16-byte entry per image, each image a
  PNG (valid since Windows Vista), sizes 16 to 256;
- ``.icns``: the ``icns`` header and one ``(type, length, PNG)`` block per size,
  the PNG types macOS has read since 10.7 (``icp4`` 16 px … ``ic10`` 1024 px).

The output depends only on the SVG and the Qt version, so two runs give the
same bytes (PNG chunks carry no time stamp). Not part of the ``cabledesk``
package: it is a build tool.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "cabledesk.svg"

ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 96, 128, 256)
# icns PNG block types and their pixel sizes (the @2x types reuse a larger drawing).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn on a transparent ``size``×``size`` canvas, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise SystemExit("make_icons: Qt could not write a PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An .ico file holding one PNG image per size."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = [], []
    for size in sizes:
        png = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries.append(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset))
        blobs.append(png)
        offset += len(png)
    return header + b"".join(entries) + b"".join(blobs)


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """An .icns file holding the PNG block types of :data:`ICNS_TYPES`."""
    blocks = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(blocks)) + blocks


def make_icons(out_dir: Path, svg: Path = SVG) -> tuple[Path, Path]:
    """Write ``cabledesk.ico`` and ``cabledesk.icns`` into ``out_dir``; returns their paths."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    sizes = set(ICO_SIZES) | {size for _, size in ICNS_TYPES}
    pngs = {size: render_png(svg, size) for size in sorted(sizes)}
    out_dir.mkdir(parents=True, exist_ok=True)
    ico = out_dir / "cabledesk.ico"
    icns = out_dir / "cabledesk.icns"
    ico.write_bytes(ico_bytes({s: pngs[s] for s in ICO_SIZES}))
    icns.write_bytes(icns_bytes(pngs))
    return ico, icns


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    for path in make_icons(Path(argv[1])):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
