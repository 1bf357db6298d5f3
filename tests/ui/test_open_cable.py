"""The verdict view of a sealed cable, through the real widgets: the verdicts of the
/2 rules in their own words (not sealed for you; a marking that does not match the
text), and the clearance statements, shown as plain text."""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from cabledesk.crypto.age import encrypt
from cabledesk.crypto.keys import Identity
from cabledesk.domain.canonical import encode_cable
from cabledesk.domain.clearance import clearance_sha256
from cabledesk.seal import SealRecipient, Statement, Verdict, seal
from cabledesk.services.session import Session
from cabledesk.ui.main_window import MainWindow
from cabledesk.ui.workers import Workers
from tests.seal.kit import BANNER, BOB, CABLE, NOW, PEOPLE, Package, make_cable, recipient
from tests.ui.conftest import child, person, shown_verification

# A signer whose name would be markup, were the view to read it as rich text.
MARKUP = person("<b>Carol</b> <a href='x'>Poe</a>", "AMEMBASSY LONDON")
DAVE = PEOPLE["dave"]


def _statement(role: str, signer: Identity, text: str = clearance_sha256(CABLE)) -> bytes:
    made = Statement.sign(
        signer.signing_key, role=role, cable_id=CABLE.id, text_sha256=text, name=signer.name,
        made=NOW, office="POL", comment="Seen <i>and</i> cleared.",
    )  # fmt: skip
    return made.to_bytes()


@pytest.fixture
def window(qtbot: QtBot, session: Session) -> MainWindow:
    w = MainWindow(session, Workers(synchronous=True), None)
    qtbot.addWidget(w)
    w.show()
    return w


def _sealed(
    folder: Path, to: Sequence[SealRecipient], *, banner: str = BANNER, statements: Sequence[bytes]
) -> Path:
    out = io.BytesIO()
    seal(
        encode_cable(CABLE), cable_id=CABLE.id, banner=banner, sender=MARKUP, recipients=to,
        output=out, now=NOW, statements=statements,
    )  # fmt: skip
    path = folder / "received.cable"
    path.write_bytes(out.getvalue())
    return path


def _me(window: MainWindow) -> SealRecipient:
    return SealRecipient.from_card(window.session.identity.card())


def test_the_statements_are_shown_as_plain_text(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    statements = [
        _statement("drafted", MARKUP),
        _statement("cleared", DAVE, clearance_sha256(make_cable(1))),
    ]
    dialog = shown_verification(
        window, _sealed(tmp_path, [_me(window)], statements=statements), monkeypatch
    )
    verdict = child(dialog, QLabel, "verdict")
    assert verdict.text().startswith(
        f"Intact and signed by a key that is not among your contacts ({MARKUP.fingerprint}), "
        "which signs as '<b>Carol</b> <a href='x'>Poe</a> (AMEMBASSY LONDON)'."
    )
    label = child(dialog, QLabel, "statements")
    assert label.textFormat() == Qt.TextFormat.PlainText and label.isVisibleTo(dialog)
    assert label.text() == "\n".join(
        [
            # issue 18: the chain first, each signer by the user's records (here: strangers)
            "Drafted by '<b>Carol</b> <a href='x'>Poe</a>' (as the statement names the signer): "
            "by a key not among your contacts",
            "Cleared by 'Dave Moe' (as the statement names the signer): ABOUT ANOTHER TEXT: "
            "does not count for this one",
            "",
            "Clearance statements (2):",
            "Drafted by <b>Carol</b> <a href='x'>Poe</a> (as the statement names the signer), "
            f"key {MARKUP.fingerprint}: the signature holds, made on this text.",
            "Office: POL",
            "Comment: Seen <i>and</i> cleared.",
            "",
            f"Cleared by Dave Moe (as the statement names the signer), key {DAVE.fingerprint}: "
            "the signature holds, NOT made on this text.",
            "Office: POL",
            "Comment: Seen <i>and</i> cleared.",
        ]
    )


def test_no_statements_no_list(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = shown_verification(
        window, _sealed(tmp_path, [_me(window)], statements=[]), monkeypatch
    )
    assert dialog.findChild(QLabel, "statements") is None


def test_a_marking_that_does_not_match_the_text(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sealed = _sealed(tmp_path, [_me(window)], banner="CONFIDENTIAL",
                     statements=[_statement("drafted", MARKUP)])  # fmt: skip
    dialog = shown_verification(window, sealed, monkeypatch)
    assert dialog.verification.verdict is Verdict.MARKING_MISMATCH
    assert child(dialog, QLabel, "verdict").text() == (
        "The marking on this cable does not match its text: <b>Carol</b> <a href='x'>Poe</a> "
        "sealed it as CONFIDENTIAL, but its portion marks add up to SECRET//NOFORN.\n"
        "Handle it as the higher of the two markings, do not rely on its content, and ask the "
        "sender to seal it again."
    )
    assert "Drafted by" in child(dialog, QLabel, "statements").text()  # reported all the same


def test_a_cable_not_sealed_for_you(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Bob, a recipient, re-encrypts Carol's cable to the user.
    sealed = _sealed(tmp_path, [recipient(BOB)], statements=[])
    plain = Package.of(sealed.read_bytes(), BOB).zip()
    out = io.BytesIO()
    encrypt(io.BytesIO(plain), out, [_me(window).keys.encryption])
    sealed.write_bytes(out.getvalue())
    dialog = shown_verification(window, sealed, monkeypatch)
    assert dialog.verification.verdict is Verdict.NOT_ADDRESSED_TO_YOU
    assert not dialog.verification.ok
    assert child(dialog, QLabel, "verdict").text() == (
        "This cable was not sealed for you: <b>Carol</b> <a href='x'>Poe</a> (AMEMBASSY LONDON) "
        "sealed it for Bob Roe, <b>Carol</b> <a href='x'>Poe</a>, and someone re-encrypted it "
        "to you.\nDo not rely on it. Ask <b>Carol</b> <a href='x'>Poe</a> to seal it for you if "
        "you are meant to receive it."
    )


def test_forwarded_cable_attachments_are_saved_only_when_the_user_confirms(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The desktop's --accept-forwarded: Bob re-encrypts Carol's cable, with an
    # attachment, to the user; nothing is saved unless the user says yes.
    note = tmp_path / "note.txt"
    note.write_text("annex")
    out = io.BytesIO()
    seal(
        encode_cable(CABLE), cable_id=CABLE.id, banner=BANNER, sender=MARKUP,
        recipients=[recipient(BOB)], output=out, now=NOW, attachments=(note,),
    )  # fmt: skip
    forwarded = io.BytesIO()
    encrypt(io.BytesIO(Package.of(out.getvalue(), BOB).zip()), forwarded,
            [_me(window).keys.encryption])  # fmt: skip
    sealed = tmp_path / "forwarded.cable"
    sealed.write_bytes(forwarded.getvalue())
    dialog = shown_verification(window, sealed, monkeypatch)
    assert dialog.findChild(QPushButton, "saveAttachments") is None
    button = child(dialog, QPushButton, "saveForwarded")
    folder = tmp_path / "out"
    folder.mkdir()
    dialog.choose_folder = lambda: folder
    asked: list[str] = []

    def say(answer: QMessageBox.StandardButton) -> None:
        def confirm(
            parent: QWidget | None,
            title: str,
            text: str,
            buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Yes,
        ) -> QMessageBox.StandardButton:
            asked.append(text)
            return answer

        dialog.confirm_forwarded = confirm

    monkeypatch.setattr("cabledesk.ui.open_cable.inform", lambda *_a: None)
    say(QMessageBox.StandardButton.No)
    button.click()
    assert "did not seal this cable for you" in asked[0] and list(folder.iterdir()) == []
    say(QMessageBox.StandardButton.Yes)
    button.click()
    assert [p.name for p in folder.iterdir()] == ["note.txt"]
