"""Issue 16, the user's own key revoked by a directory, in the desktop: the import says it
in capitals and the directory status keeps warning, with the way out."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from cabledesk.crypto.directory import Revocation
from cabledesk.services.session import Session
from cabledesk.ui.directory_dialog import DirectoryDialog
from cabledesk.ui.workers import Workers
from tests.crypto.dirkit import ANCHOR, NOW, directory
from tests.ui.conftest import child


def test_a_directory_revoking_your_own_key_is_said_and_kept_in_the_status(
    qtbot: QtBot, session: Session, workers: Workers, tmp_path: Path
) -> None:
    mine = session.identity.info().fingerprint
    session.directory.trust(ANCHOR, "courier")
    cdir = tmp_path / "mfa.cdir"
    revocation = Revocation(mine, "key-compromise", "Laptop stolen.", NOW)
    cdir.write_bytes(directory([], [revocation]).to_bytes())
    dialog = DirectoryDialog(session, None, workers=workers)
    qtbot.addWidget(dialog)
    dialog.import_file(cdir)
    message = child(dialog, QLabel, "directoryMessage").text()
    assert "REVOKES YOUR OWN KEY (key-compromise, Laptop stolen.)" in message
    warning = child(dialog, QLabel, "directoryWarning").text()
    assert "revoked your own key on 2026-12-01" in warning and "identity rotate" in warning
