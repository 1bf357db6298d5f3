"""Before the first window: are the system libraries of Qt's X11 (xcb) platform there?

Qt's xcb platform plugin (``libqxcb.so`` and ``libQt6XcbQpa.so.6``) links
against a dozen small X libraries that a minimal desktop may lack
(``libxcb-icccm4`` and ``libxcb-keysyms1`` above all). Without one of them Qt
aborts with a message naming the plugin, or another library, never the one to
install. :func:`missing_xcb_libraries` tries to load each of them (no Qt
import needed, a few milliseconds) and :func:`startup_problem` words the
answer for the terminal: which ones are missing and the ``apt-get`` line
that installs them. ``cabledesk`` (``cabledesk.ui.app.main``) calls it before
creating the application and exits with 2 when something is missing.

The check runs only where Qt will use xcb: ``QT_QPA_PLATFORM`` unset (and no
Wayland session, where Qt prefers its Wayland plugin) or ``xcb``, and an X
display (``DISPLAY``) to talk to. In a PyInstaller bundle, a library shipped
inside the bundle counts as present (the bundle keeps the small xcb-util
libraries, packaging/cabledesk.spec).

The list is the plugin's own: ``objdump -p`` of ``libqxcb.so`` and
``libQt6XcbQpa.so.6`` from the PySide6 wheel (``NEEDED`` entries), each with
the Debian/Ubuntu package that holds it. The README and ``.ci/run`` list the
same packages.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "EXIT_MISSING_LIBRARIES",
    "XCB_LIBRARIES",
    "SystemLibrary",
    "missing_xcb_libraries",
    "startup_problem",
    "uses_xcb",
]

EXIT_MISSING_LIBRARIES = 2


@dataclass(frozen=True, slots=True)
class SystemLibrary:
    """A shared library by its soname, and the Debian/Ubuntu package that installs it."""

    soname: str
    package: str


# The NEEDED entries of libqxcb.so and libQt6XcbQpa.so.6 (PySide6 6.x wheel) that are
# not Qt's own libraries nor the C/C++ runtime.
XCB_LIBRARIES: tuple[SystemLibrary, ...] = (
    SystemLibrary("libxcb.so.1", "libxcb1"),
    SystemLibrary("libX11.so.6", "libx11-6"),
    SystemLibrary("libX11-xcb.so.1", "libx11-xcb1"),
    SystemLibrary("libxkbcommon.so.0", "libxkbcommon0"),
    SystemLibrary("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    SystemLibrary("libxcb-cursor.so.0", "libxcb-cursor0"),
    SystemLibrary("libxcb-icccm.so.4", "libxcb-icccm4"),
    SystemLibrary("libxcb-image.so.0", "libxcb-image0"),
    SystemLibrary("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    SystemLibrary("libxcb-randr.so.0", "libxcb-randr0"),
    SystemLibrary("libxcb-render.so.0", "libxcb-render0"),
    SystemLibrary("libxcb-render-util.so.0", "libxcb-render-util0"),
    SystemLibrary("libxcb-shape.so.0", "libxcb-shape0"),
    SystemLibrary("libxcb-shm.so.0", "libxcb-shm0"),
    SystemLibrary("libxcb-sync.so.1", "libxcb-sync1"),
    SystemLibrary("libxcb-util.so.1", "libxcb-util1"),
    SystemLibrary("libxcb-xfixes.so.0", "libxcb-xfixes0"),
    SystemLibrary("libxcb-xkb.so.1", "libxcb-xkb1"),
    SystemLibrary("libGL.so.1", "libgl1"),
    SystemLibrary("libEGL.so.1", "libegl1"),
    SystemLibrary("libfontconfig.so.1", "libfontconfig1"),
    SystemLibrary("libfreetype.so.6", "libfreetype6"),
    SystemLibrary("libglib-2.0.so.0", "libglib2.0-0"),
    SystemLibrary("libgthread-2.0.so.0", "libglib2.0-0"),
)

Loader = Callable[[str], object]


def _load(soname: str) -> object:
    """Open a shared library as Qt's plugin would (raises OSError when it cannot)."""
    return ctypes.CDLL(soname)


def uses_xcb(environ: Mapping[str, str]) -> bool:
    """Whether Qt will start on X11 through its xcb plugin, as ``environ`` says."""
    asked = environ.get("QT_QPA_PLATFORM", "").strip()
    if not environ.get("DISPLAY"):
        return False
    if asked:  # "xcb", "xcb:option=…", or a list "wayland;xcb" (the first that works)
        return asked.split(";")[0].split(":")[0].strip() == "xcb"
    wayland = environ.get("XDG_SESSION_TYPE") == "wayland" and environ.get("WAYLAND_DISPLAY")
    return not wayland


def _bundle_folders() -> list[Path]:
    """Where a PyInstaller bundle keeps the libraries it ships (none outside one)."""
    base = getattr(sys, "_MEIPASS", None)
    if not getattr(sys, "frozen", False) or base is None:
        return []
    root = Path(base)
    return [root, root / "PySide6" / "Qt" / "lib"]


def missing_xcb_libraries(
    load: Loader | None = None,
    bundled: Sequence[Path] | None = None,
    libraries: Sequence[SystemLibrary] = XCB_LIBRARIES,
) -> list[SystemLibrary]:
    """The libraries of ``libraries`` that cannot be loaded, in order.

    ``load`` opens a library by soname and raises OSError when it cannot
    (default: ``ctypes.CDLL``; tests pass a fake); a library found in one of the
    ``bundled`` folders (default: the bundle's own, if frozen) is present.
    """
    folders = _bundle_folders() if bundled is None else list(bundled)
    load = load or _load
    missing = []
    for library in libraries:
        if any((folder / library.soname).exists() for folder in folders):
            continue
        try:
            load(library.soname)
        except OSError:
            missing.append(library)
    return missing


def startup_problem(
    environ: Mapping[str, str], load: Loader | None = None, bundled: Sequence[Path] | None = None
) -> str | None:
    """What to print instead of starting, or None when the window can start.

    English only: no translation catalogue is loaded before Qt starts.
    """
    if not uses_xcb(environ):
        return None
    missing = missing_xcb_libraries(load, bundled)
    if not missing:
        return None
    names = ", ".join(lib.soname for lib in missing)
    packages = " ".join(dict.fromkeys(lib.package for lib in missing))
    return (
        "CableDesk cannot open its window: Qt's X11 (xcb) platform needs system "
        f"libraries that are not installed here: {names}.\n"
        "On Debian or Ubuntu, install them with:\n"
        f"    sudo apt-get install {packages}\n"
        "On another system, install the packages that provide these files. "
        "(On a Wayland desktop, QT_QPA_PLATFORM=wayland uses Wayland instead.)"
    )
