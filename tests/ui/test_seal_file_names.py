"""Issue 19, point 6: the suggested .cable name is free, a name already taken is said
before Seal is pressed (with a free one offered), and files go to Documents."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from cabledesk.services.sealing import free_path
from cabledesk.services.session import Session
from cabledesk.ui.seal_dialog import SealDialog
from cabledesk.ui.workers import Workers
from tests.ui.demo_vault import DRAFT, build_demo_vault

pytestmark = pytest.mark.slow


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A Documents folder named the way the desktop names it (xdg-user-dirs)."""
    folder = tmp_path / "Documents"
    folder.mkdir()
    config = tmp_path / "config"
    config.mkdir()
    (config / "user-dirs.dirs").write_text(f'XDG_DOCUMENTS_DIR="{folder}"\n')
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    return folder


@pytest.fixture
def demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Session]:
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    session = build_demo_vault(tmp_path / "vault", frus=5)
    yield session
    if not session.locked:
        session.lock()


def _dialog(qtbot: QtBot, session: Session, cable: object = DRAFT) -> SealDialog:
    dialog = SealDialog(session, Workers(synchronous=True), cable)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_free_path_adds_a_serial_only_when_needed(tmp_path: Path) -> None:
    path = tmp_path / "2026-12-04_PARIS_SECRET-NOFORN.cable"
    assert free_path(path) == path
    path.write_bytes(b"")
    (tmp_path / "2026-12-04_PARIS_SECRET-NOFORN_2.cable").write_bytes(b"")
    assert free_path(path).name == "2026-12-04_PARIS_SECRET-NOFORN_3.cable"


def test_the_file_is_offered_in_documents(qtbot: QtBot, demo: Session, documents: Path) -> None:
    dialog = _dialog(qtbot, demo)
    assert Path(dialog.output.text()).parent == documents
    assert not dialog.name_taken.isVisible()


def test_the_second_cable_of_the_day_gets_a_name_of_its_own(
    qtbot: QtBot, demo: Session, documents: Path
) -> None:
    first = _dialog(qtbot, demo)
    first.tick("Klaus")
    first.seal()
    assert first.outcome is not None and first.outcome.output.parent == documents
    second_cable = replace(DRAFT, id="d0c5d0c5-0000-4000-8000-0000000000ff", subject="AGAIN")
    second = _dialog(qtbot, demo, second_cable)
    suggested = Path(second.output.text())
    assert suggested != first.outcome.output and not suggested.exists()
    assert suggested.name == first.outcome.output.stem + "_2.cable"
    assert not second.name_taken.isVisible()


def test_a_name_already_taken_is_said_before_sealing_with_a_free_one_offered(
    qtbot: QtBot, demo: Session, documents: Path
) -> None:
    taken = documents / "talks.cable"
    taken.write_bytes(b"an earlier cable")
    dialog = _dialog(qtbot, demo)
    dialog.tick("Klaus")
    assert dialog.seal_button.isEnabled()
    dialog.output.clear()
    qtbot.keyClicks(dialog.output, str(documents / "talks"))  # .cable is added
    assert dialog.name_taken.isVisible()
    assert "talks.cable is already in this folder" in dialog.name_taken.text()
    assert not dialog.seal_button.isEnabled()
    assert dialog.rename_button.text() == "Use talks_2.cable"
    dialog.rename_button.click()
    assert Path(dialog.output.text()) == documents / "talks_2.cable"
    assert not dialog.name_taken.isVisible() and dialog.seal_button.isEnabled()
    dialog.seal()
    assert taken.read_bytes() == b"an earlier cable"
    assert (documents / "talks_2.cable").exists()


@pytest.mark.usefixtures("french")
def test_the_name_taken_is_said_in_french(qtbot: QtBot, demo: Session, documents: Path) -> None:
    (documents / "talks.cable").write_bytes(b"")
    dialog = _dialog(qtbot, demo)
    dialog.output.setText(str(documents / "talks.cable"))
    assert "talks.cable" in dialog.name_taken.text()
    assert "dossier" in dialog.name_taken.text()
    assert dialog.rename_button.text() == "Utiliser talks_2.cable"
