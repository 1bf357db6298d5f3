"""Start-up: time from process start to the first window on screen, against bare PySide6.

Each round starts, one after the other, three fresh Python processes:

- ``bare``: a program that imports PySide6, shows an empty ``QMainWindow`` and
  nothing else (the floor any Qt application pays);
- ``unlock``: ``cabledesk`` itself (``cabledesk.ui.app.main``) on an existing
  vault, whose first window is the unlock screen (every start but the first);
- ``first-run``: ``cabledesk`` without a vault, whose first window is the
  first-run assistant.

A window counts as shown once its first paint is done: each child notes
``time.monotonic()`` (one clock for every process on the machine) on the first
idle turn of the event loop after the window's first paint event, prints it and
quits; the parent notes the same clock just before it spawns the child. Goal:
CableDesk's first window within 1.5× of the bare program's (medians of
BENCH_STARTUP_ROUNDS, default 15, rounds interleaved so that noise hits all three
alike).

Also printed, with no goal: ``unlock → main window``, the time from a vault
being unlocked to the main window painted, with a demo vault (contacts, drafts,
120 archived cables), measured in its own process (its first use loads the
heavy modules). The key derivation is not counted: it is tuned to last half a
second by design.

The platform is the environment's (``QT_QPA_PLATFORM``; ``offscreen`` when unset
and there is no ``DISPLAY``).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

GOAL_RATIO = 1.5
ROUNDS = int(os.environ.get("BENCH_STARTUP_ROUNDS", "15"))

# Shared by every child: call painted(widget) before the event loop starts; on the
# first idle turn after the widget's first paint, the monotonic clock is printed
# (with an optional start time before it) and the application quits.
_HOOK = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

class _FirstPaint(QObject):
    def __init__(self, widget, start):
        super().__init__(widget)
        self.start = start
        widget.installEventFilter(self)

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.done)
        return False

    def done(self):
        print(self.start, time.monotonic(), flush=True)
        QApplication.instance().exit(0)

def painted(widget, start=0.0):
    _FirstPaint(widget, start)
"""

_BARE = (
    _HOOK
    + """
from PySide6.QtWidgets import QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(800, 600)
window.show()
painted(window)
sys.exit(app.exec())
"""
)

_CABLEDESK = (
    _HOOK
    + """
import cabledesk.ui.app as app_module
app_module._smoke_test = lambda app, window: painted(window)
sys.exit(app_module.main(["cabledesk"]))
"""
)

_MAIN_WINDOW = (
    _HOOK
    + """
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.services.vault_access import VaultAccess
from cabledesk.store.home import resolve_home
from cabledesk.store.keychain import SystemKeychain
from cabledesk.ui.controller import AppController
from cabledesk.ui.workers import Workers
from tests.vaultkit import PASSPHRASE

app = QApplication(sys.argv)
access = VaultAccess(resolve_home(None), SystemKeychain())
controller = AppController(access, SchemeRegistry.load(), Workers())
vault = access.unlock(PASSPHRASE)
start = time.monotonic()
controller._open(vault)
painted(controller.window, start)
code = app.exec()
controller.shutdown()
sys.exit(code)
"""
)


def _environment(home: Path) -> dict[str, str]:
    env = dict(os.environ, CABLEDESK_HOME=str(home), CABLEDESK_SMOKE_TEST="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed program has its byte code
    if "QT_QPA_PLATFORM" not in env and "DISPLAY" not in env:
        env["QT_QPA_PLATFORM"] = "offscreen"
    env.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    return env


def _child(code: str, env: dict[str, str]) -> tuple[float, float]:
    """Run one child: (spawn → first paint, the child's own start mark → first paint)."""
    spawned = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"start-up child failed ({done.returncode}):\n{done.stderr}")
    start, shown = map(float, done.stdout.split()[-2:])
    return shown - spawned, shown - start


def _vaults(folder: Path) -> tuple[Path, Path]:
    """An empty folder (first run) and a demo vault (later starts)."""
    from tests.ui.demo_vault import build_demo_vault

    session = build_demo_vault(folder)
    session.vault.lock()
    fresh = folder / "fresh"
    fresh.mkdir()
    return fresh, folder / "home"


def main() -> None:
    print(f"Start-up, {ROUNDS} rounds (medians; goal: first window within {GOAL_RATIO}× bare)")
    with tempfile.TemporaryDirectory(prefix="cabledesk-bench-") as scratch:
        fresh, home = _vaults(Path(scratch))
        times: dict[str, list[float]] = {"bare": [], "unlock": [], "first-run": [], "main": []}
        for code, folder in ((_BARE, fresh), (_CABLEDESK, home), (_CABLEDESK, fresh)):
            _child(code, _environment(folder))  # warm-up: byte code written, files cached
        for _ in range(ROUNDS):
            times["bare"].append(_child(_BARE, _environment(fresh))[0])
            times["unlock"].append(_child(_CABLEDESK, _environment(home))[0])
            times["first-run"].append(_child(_CABLEDESK, _environment(fresh))[0])
            times["main"].append(_child(_MAIN_WINDOW, _environment(home))[1])
    median = {name: statistics.median(values) for name, values in times.items()}
    print(f"  bare PySide6 QMainWindow   {median['bare'] * 1000:7.0f} ms")
    for name, label in (("unlock", "unlock screen"), ("first-run", "first-run wizard")):
        ratio = median[name] / median["bare"]
        verdict = "ok" if ratio <= GOAL_RATIO else "OVER GOAL"
        print(f"  CableDesk {label:<16} {median[name] * 1000:7.0f} ms  {ratio:4.2f}×  {verdict}")
    print(f"  unlock → main window       {median['main'] * 1000:7.0f} ms  (in process, no goal)")


if __name__ == "__main__":
    main()
