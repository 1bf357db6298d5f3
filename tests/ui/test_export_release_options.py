"""The export dialog's "Sanitized version" box: enabled only for a sanitized version,
each choice reaching the request, and a default file name that does not spell out the
withheld subject."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from cabledesk.domain.sanitize import SanitizeOptions
from cabledesk.services.session import Session
from cabledesk.ui.export_dialog import ExportDialog
from cabledesk.ui.workers import Workers
from tests.export.samples import modern_cable


def test_release_options_reach_the_request(
    qtbot: QtBot, session: Session, workers: Workers
) -> None:
    dialog = ExportDialog(session, workers, modern_cable())
    qtbot.addWidget(dialog)
    assert not dialog.release.isEnabled()
    subject_stem = Path(dialog.output.text()).stem
    assert "elysee" in subject_stem
    dialog.level.setCurrentIndex(dialog.level.findData("CONFIDENTIAL"))
    assert dialog.release.isEnabled()
    assert Path(dialog.output.text()).stem == "sanitized-version"
    dialog.release.release_refs.click()
    dialog.release.keep_numbers.click()
    qtbot.keyClicks(dialog.release.subject, "Summit preparations")
    qtbot.keyClicks(dialog.release.sanitizer, "J. Smith")
    assert not dialog.release.release_subject.isEnabled()
    request = dialog._request()
    assert request.sanitize == SanitizeOptions(
        release_refs=True, keep_numbers=True, subject="Summit preparations", sanitizer="J. Smith"
    )
    assert dialog.export_button.isEnabled(), dialog.verdict.text()
    assert "released at CONFIDENTIAL" in dialog.verdict.text()
    assert "Sanitized by J. Smith" in dialog.verdict.text()
    dialog.level.setCurrentIndex(0)
    assert dialog._request().sanitize is None and not dialog.release.isEnabled()
