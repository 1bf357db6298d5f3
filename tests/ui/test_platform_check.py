"""Starting on a plain desktop: the xcb libraries Qt needs, checked before Qt starts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from cabledesk.ui import app as app_module
from cabledesk.ui import platform_check
from cabledesk.ui.platform_check import (
    XCB_LIBRARIES,
    missing_xcb_libraries,
    startup_problem,
    uses_xcb,
)

ROOT = Path(__file__).resolve().parents[2]
X11 = {"DISPLAY": ":0"}


class FakeLoader:
    """Loads every library but those named ``absent`` (as ctypes.CDLL would fail)."""

    def __init__(self, *absent: str) -> None:
        self.absent = set(absent)
        self.asked: list[str] = []

    def __call__(self, soname: str) -> object:
        self.asked.append(soname)
        if soname in self.absent:
            raise OSError(f"{soname}: cannot open shared object file")
        return object()


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"DISPLAY": ":0"}, True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb:nograb"}, True),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, False),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "wayland;xcb"}, False),
        ({"QT_QPA_PLATFORM": "xcb"}, False),  # no display: Qt says so itself
        ({}, False),
        (
            {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"},
            False,
        ),
    ],
    ids=[
        "default",
        "xcb",
        "xcb-options",
        "offscreen",
        "wayland-first",
        "no-display",
        "empty",
        "wayland-session",
    ],
)
def test_the_check_runs_only_where_qt_uses_xcb(environ: dict[str, str], expected: bool) -> None:
    assert uses_xcb(environ) is expected


def test_missing_libraries_are_named_with_the_apt_get_line() -> None:
    loader = FakeLoader("libxcb-icccm.so.4", "libxcb-keysyms.so.1")
    problem = startup_problem(X11, loader, bundled=[])
    assert problem is not None
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in problem
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1\n" in problem
    assert set(loader.asked) == {lib.soname for lib in XCB_LIBRARIES}


def test_nothing_missing_means_no_message() -> None:
    assert startup_problem(X11, FakeLoader(), bundled=[]) is None


def test_offscreen_tries_no_library() -> None:
    loader = FakeLoader("libxcb-icccm.so.4")
    assert startup_problem({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}, loader) is None
    assert loader.asked == []


def test_a_package_holding_two_missing_libraries_is_named_once() -> None:
    problem = startup_problem(
        X11, FakeLoader("libglib-2.0.so.0", "libgthread-2.0.so.0"), bundled=[]
    )
    assert problem is not None
    assert problem.count("libglib2.0-0") == 1


def test_a_library_shipped_in_the_bundle_counts_as_present(tmp_path: Path) -> None:
    (tmp_path / "libxcb-icccm.so.4").write_bytes(b"")
    loader = FakeLoader("libxcb-icccm.so.4", "libxcb-util.so.1")
    missing = missing_xcb_libraries(loader, bundled=[tmp_path])
    assert [lib.soname for lib in missing] == ["libxcb-util.so.1"]
    assert "libxcb-icccm.so.4" not in loader.asked


def test_the_bundle_folders_are_searched_when_frozen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "libxcb-keysyms.so.1").write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    missing = missing_xcb_libraries(FakeLoader("libxcb-keysyms.so.1"))
    assert missing == []


def test_cabledesk_exits_2_with_the_message_before_creating_the_application(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(platform_check, "_load", FakeLoader("libxcb-icccm.so.4"))
    monkeypatch.setattr(platform_check, "_bundle_folders", list)
    assert app_module.main(["cabledesk"]) == 2
    err = capsys.readouterr().err
    assert "libxcb-icccm.so.4" in err and "apt-get install libxcb-icccm4" in err


def test_every_library_of_the_check_is_in_the_ci_script_and_the_readme() -> None:
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    readme = (ROOT / "README.md").read_text("utf-8")
    for package in {lib.package for lib in XCB_LIBRARIES}:
        assert f" {package} " in ci or f" {package}\n" in ci, package
        assert package in readme, package


def test_the_list_matches_the_plugin_of_the_installed_wheel() -> None:
    """Every non-Qt library the xcb plugin links against is in the list (objdump -p)."""
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    plugin = qt / "plugins" / "platforms" / "libqxcb.so"
    qpa = next(iter(sorted((qt / "lib").glob("libQt6XcbQpa.so*"))), None)
    if not plugin.exists() or qpa is None:
        pytest.skip("no xcb plugin in this PySide6 (not Linux)")
    try:
        dumps = [
            subprocess.run(
                ["objdump", "-p", str(f)], capture_output=True, text=True, check=True
            ).stdout
            for f in (plugin, qpa)
        ]
    except FileNotFoundError:
        pytest.skip("objdump (binutils) is not installed")
    needed = {
        line.split()[1]
        for dump in dumps
        for line in dump.splitlines()
        if line.strip().startswith("NEEDED")
    }
    runtime = {"libstdc++.so.6", "libm.so.6", "libgcc_s.so.1", "libc.so.6"}
    outside_qt = {n for n in needed if not n.startswith("libQt6") and n not in runtime}
    assert outside_qt <= {lib.soname for lib in XCB_LIBRARIES}
