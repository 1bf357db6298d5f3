"""``make screenshots``: every main screen of the application as PNG files.

Runs under Xvfb (the Makefile starts it) with a demo vault (FRUS telegrams, a
few contacts, drafts, a received cable) in a temporary folder, in English and
French, at 100 % and 200 % scale, and writes ``build/screenshots/LANG-SCALE/
NN-screen.png``. Each language and scale runs in a child process, because Qt
reads the scale factor at start-up.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

OUT = Path("build") / "screenshots"
VARIANTS = [("en", "1"), ("fr", "1"), ("en", "2"), ("fr", "2")]


def _shoot(language: str, folder: Path) -> None:  # runs in the child process
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication(sys.argv)
    from cabledesk.ui.i18n import install_translations

    install_translations(app, language)
    from cabledesk.services.vault_access import VaultAccess
    from cabledesk.store.home import VaultHome
    from cabledesk.store.keychain import SystemKeychain
    from cabledesk.ui._passphrase_dialog import ChangePassphraseDialog
    from cabledesk.ui.bug_report import BugReportDialog, bug_report
    from cabledesk.ui.contacts_view import ContactsView
    from cabledesk.ui.editor.history_dialog import HistoryDialog
    from cabledesk.ui.export_dialog import ExportDialog
    from cabledesk.ui.file_crypto_dialog import FileCryptoDialog
    from cabledesk.ui.first_run import FirstRunWizard
    from cabledesk.ui.main_window import MainWindow
    from cabledesk.ui.open_cable import VerificationDialog
    from cabledesk.ui.seal_dialog import SealDialog
    from cabledesk.ui.settings_dialog import SettingsDialog
    from cabledesk.ui.unlock import UnlockWindow
    from cabledesk.ui.workers import Workers
    from tests.ui.demo_vault import DRAFT, SCHEMES, build_demo_vault
    from tests.vaultkit import FAST, MemoryKeyring

    workers = Workers(synchronous=True)
    tmp = Path(tempfile.mkdtemp())
    session = build_demo_vault(tmp, frus=200)
    folder.mkdir(parents=True, exist_ok=True)

    def grab(name: str, widget: QWidget, width: int = 0, height: int = 0) -> None:
        if width:
            widget.resize(width, height)
        widget.show()
        for _ in range(5):
            app.processEvents()
        widget.grab().save(str(folder / f"{len(list(folder.iterdir())) + 1:02d}-{name}.png"))

    fresh = VaultAccess(VaultHome(tmp / "fresh"), SystemKeychain(MemoryKeyring()), kdf=FAST)
    wizard = FirstRunWizard(fresh, SCHEMES, workers)
    wizard.resize(720, 560)
    wizard.show()
    wizard.next()
    wizard.passphrase_page.first.setText("tiger lamp orbit violin")
    wizard.passphrase_page.second.setText("tiger lamp orbit violin")
    grab("first-run", wizard, 720, 560)
    wizard.close()
    unlock = UnlockWindow(VaultAccess(session.vault.home, SystemKeychain(MemoryKeyring())), workers)
    grab("unlock", unlock, 480, 300)
    unlock.close()

    window = MainWindow(session, workers, None)
    window.resize(1400, 860)
    window.show()
    window.list.setCurrentIndex(window.model.index(1))
    window.open_current()
    grab("drafts-editor", window)
    window.sidebar.select("received")
    window.list.setCurrentIndex(window.model.index(0))
    window.open_current()
    grab("received-cable", window)
    window.sidebar.filter_button.setChecked(True)
    window.sidebar.search.setText("summit")
    window.sidebar._search()
    grab("search", window)
    window.sidebar.filter_button.setChecked(False)
    window.sidebar.search.clear()  # else the search, run again, hides the contacts
    for _ in range(5):
        app.processEvents()
    window.sidebar.select("contacts")
    contacts = window.wide.currentWidget()
    assert isinstance(contacts, ContactsView)
    contacts.table.selectRow(1)  # Klaus Weber, verified: the fingerprint and safety number
    grab("contacts", window)
    window.sidebar.select("audit")
    grab("audit-log", window)
    window.sidebar.select("drafts")

    seal = SealDialog(session, workers, DRAFT, window)
    for name in ("EU posts", "Sam", "Ann"):
        seal.tick(name)
    grab("seal", seal, 1060, 700)
    seal.close()
    _edit_twice(session)
    window.editor.clear()  # it shows the draft as read before the edits
    window.show_section("drafts")
    row = next(i for i, r in enumerate(window.model.rows()) if r.key == DRAFT.id)
    window.list.setCurrentIndex(window.model.index(row))
    window.open_current()
    history = window.show_history()
    assert isinstance(history, HistoryDialog)
    history.select(2)
    grab("draft-history", history, 860, 640)
    history.close()
    bug = BugReportDialog(bug_report(_a_bug()), window)
    grab("bug-report", bug, 700, 480)
    bug.close()
    export = ExportDialog(session, workers, DRAFT, window)
    grab("export-refused", export)
    export.level.setCurrentIndex(export.level.findData("UNCLASSIFIED"))
    grab("export-sanitized", export)
    export.close()
    result, _ = session.opening.open(tmp / "from-berlin.cable", store=False)
    verdict = VerificationDialog(window, tmp / "from-berlin.cable", result)
    grab("open-verdict", verdict, 820, 700)
    verdict.close()
    settings = SettingsDialog(session, window, workers=workers)
    grab("settings", settings)
    settings.close()
    change = ChangePassphraseDialog(session, workers, window)
    change.old.setText("the current passphrase")
    change.new.setText("tiger lamp")
    grab("change-passphrase", change)
    change.close()
    crypto = FileCryptoDialog(session, workers, encrypt=True, parent=window)
    crypto.to_passphrase.setChecked(True)
    crypto.passphrase.setText("blue walrus orbit")
    crypto.again.setText("blue walrus")
    grab("encrypt-file", crypto)
    crypto.close()
    QTimer.singleShot(0, app.quit)
    app.exec()
    session.lock()


def _edit_twice(session: object) -> None:
    """Two earlier versions of the demo draft, for the history dialog."""
    from dataclasses import replace

    from cabledesk.domain.cable import Paragraph
    from cabledesk.services.session import Session
    from tests.ui.demo_vault import DRAFT

    assert isinstance(session, Session)
    first = replace(DRAFT, subject="FRANCE: ELYSEE PREVIEWS SUMMIT")
    session.drafts.save(first)
    last = replace(
        DRAFT,
        paragraphs=(
            *DRAFT.paragraphs[:3],
            Paragraph("(C)", "Embassy comment: the summit may be harder than Paris expects."),
        ),
    )
    session.drafts.save(last)


def _a_bug() -> BaseException:
    """An exception raised deep in a call, as a bug would be (its message stays out)."""
    from cabledesk.services.draft_history import cable_lines

    try:
        cable_lines(None, "")  # type: ignore[arg-type]
    except AttributeError as exc:
        return exc
    raise AssertionError


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        _shoot(os.environ["CABLEDESK_SCREENSHOT_LANG"], Path(sys.argv[2]))
        return
    for language, scale in VARIANTS:
        folder = OUT / f"{language}-{int(float(scale) * 100)}"
        shutil.rmtree(folder, ignore_errors=True)  # files are numbered in the order taken
        env = dict(os.environ, QT_SCALE_FACTOR=scale, CABLEDESK_SCREENSHOT_LANG=language)
        env["HOME"] = "/home/jane"  # the suggested output folders show no machine's path
        env.pop("QT_QPA_PLATFORM", None)  # the real X server of xvfb-run
        subprocess.run(
            [sys.executable, "-m", "tests.ui.screenshots", "--child", str(folder)],
            env=env,
            check=True,
        )
        print(f"{folder}: {len(list(folder.glob('*.png')))} screenshots")


if __name__ == "__main__":
    main()
