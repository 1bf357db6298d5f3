"""The screen-lock watch against a real D-Bus session bus.

A child process under ``dbus-run-session`` builds the watcher, takes the
freedesktop screen saver's name on the bus, and announces ``ActiveChanged``:
first ``false`` (nothing happens), then ``true`` (the vault would lock). The
bundle's smoke test found this path broken once (PySide refused the slot in
the form its type stubs give), so it is tested here, not only on a desktop.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.interop._tools import require_tool

pytestmark = pytest.mark.interop

CHILD = textwrap.dedent(
    """
    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtDBus import QDBusConnection, QDBusMessage

    from cabledesk.ui.screen_lock import ScreenLockWatcher

    app = QCoreApplication([])
    calls = []
    watcher = ScreenLockWatcher(lambda: (calls.append("lock"), app.exit(0)))
    print("watching", watcher.watching)
    bus = QDBusConnection.sessionBus()
    print("screen saver name taken", bus.registerService("org.freedesktop.ScreenSaver"))
    for active in (False, True):
        signal = QDBusMessage.createSignal(
            "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged"
        )
        signal.setArguments([active])
        bus.send(signal)
    QTimer.singleShot(10_000, lambda: app.exit(1))
    print("exit", app.exec(), calls)
    """
)


def test_the_vault_locks_when_the_screen_saver_becomes_active(tmp_path: Path) -> None:
    dbus = require_tool("dbus-run-session")
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(tmp_path))
    result = subprocess.run(
        [dbus, "--", sys.executable, str(script)],
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "watching True",
        "screen saver name taken True",
        "exit 0 ['lock']",
    ]
