"""Issue 19, point 5: the export dialog speaks to a person, says what WILL be written, shows
the banner of that document as the level changes, and offers the scheme's paper size."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from cabledesk.domain.cable import Paragraph
from cabledesk.services.session import Session
from cabledesk.ui.export_dialog import ExportDialog
from cabledesk.ui.workers import Workers
from tests.ui.demo_vault import DRAFT

ROOT = Path(__file__).resolve().parents[2]
CONFIDENTIAL_ONLY = replace(
    DRAFT,
    paragraphs=(Paragraph("(C)", "SUMMARY: The Elysee previewed the summit agenda."),),
)


def _dialog(qtbot: QtBot, session: Session, cable: object = DRAFT) -> ExportDialog:
    dialog = ExportDialog(session, Workers(synchronous=True), cable)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    return dialog


def test_a_cable_above_the_ceiling_is_refused_in_words_not_flags(
    qtbot: QtBot, session: Session
) -> None:
    dialog = _dialog(qtbot, session)
    text = dialog.verdict.text()
    assert "--" not in text and "Exported as" not in text
    assert "SECRET//NOFORN cannot be written unencrypted" in text
    assert "Choose a sanitized version at CONFIDENTIAL or below under Level" in text
    assert not dialog.export_button.isEnabled()
    assert dialog.banner.text() == "SECRET//NOFORN"


def test_the_banner_previews_what_will_be_written_as_the_level_changes(
    qtbot: QtBot, session: Session
) -> None:
    dialog = _dialog(qtbot, session)
    dialog.level.setCurrentIndex(dialog.level.findData("CONFIDENTIAL"))
    assert dialog.banner.text().startswith("CONFIDENTIAL")
    assert dialog.verdict.text().startswith("The document will be a sanitized version, marked")
    assert dialog.export_button.isEnabled()
    dialog.level.setCurrentIndex(dialog.level.findData("UNCLASSIFIED"))
    assert dialog.banner.text().startswith("UNCLASSIFIED")
    dialog.level.setCurrentIndex(0)  # as marked: above the ceiling again
    assert dialog.banner.text() == "SECRET//NOFORN"
    assert not dialog.export_button.isEnabled()


def test_nothing_is_said_to_be_exported_before_it_is(qtbot: QtBot, session: Session) -> None:
    dialog = _dialog(qtbot, session, CONFIDENTIAL_ONLY)
    assert dialog.verdict.text().startswith("The document will be marked CONFIDENTIAL")
    assert "Exported" not in dialog.verdict.text()
    assert dialog.export_button.isEnabled()


@pytest.mark.parametrize(
    ("scheme", "stored", "expected"),
    [
        ("us", None, "letter"),
        ("de", None, "a4"),
        ("nato", None, "a4"),
        ("us", "a4", "a4"),
        ("de", "letter", "letter"),
    ],
    ids=["us-letter", "de-a4", "nato-a4", "us-set-a4", "de-set-letter"],
)
def test_the_paper_is_the_schemes_unless_the_user_set_one(
    qtbot: QtBot, session: Session, scheme: str, stored: str | None, expected: str
) -> None:
    if stored is not None:
        session.settings.set("paper", stored)
    assert session.settings.paper_for(scheme) == expected
    if scheme == "us":
        dialog = _dialog(qtbot, session, CONFIDENTIAL_ONLY)
        assert dialog.paper.currentData() == expected


def test_the_file_is_offered_in_the_documents_folder(
    qtbot: QtBot, session: Session, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents = tmp_path / "Documents"
    documents.mkdir()
    (tmp_path / "config").mkdir()  # where the desktop names its folders (xdg-user-dirs)
    (tmp_path / "config" / "user-dirs.dirs").write_text(f'XDG_DOCUMENTS_DIR="{documents}"\n')
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    dialog = _dialog(qtbot, session, CONFIDENTIAL_ONLY)
    assert Path(dialog.output.text()).parent == documents


@pytest.mark.usefixtures("french")
def test_the_refusal_is_in_french(qtbot: QtBot, session: Session) -> None:
    dialog = _dialog(qtbot, session)
    text = dialog.verdict.text()
    assert "SECRET//NOFORN" in text and "chiffr" in text and "--level" not in text
