"""Issue 18: the clearer's view of a clearance request — Clear, Return with changes,
Decline, Approve on the verification dialog; each answer sealed back to the drafter."""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from cabledesk.crypto.age.hybrid import HybridIdentity
from cabledesk.domain.cable import cable_banner
from cabledesk.domain.canonical import encode_cable
from cabledesk.domain.clearance import clearance_sha256
from cabledesk.seal import PackageKind, SealRecipient, Statement, open_sealed, seal
from cabledesk.services.session import Session
from cabledesk.ui.main_window import MainWindow
from cabledesk.ui.workers import Workers
from tests.ui.conftest import SCHEMES, card_file, child, person, shown_verification
from tests.ui.demo_vault import DRAFT
from tests.vaultkit import Clock

KLAUS = person(
    "Klaus Weber",
    nationality="USA",
    created=Clock().now - timedelta(days=30),
    pq_key=HybridIdentity.generate(),
)


@pytest.fixture
def window(qtbot: QtBot, session: Session, tmp_path: Path) -> MainWindow:
    session.contacts.import_card_file(card_file(tmp_path, KLAUS))
    session.contacts.verify(KLAUS.name, "in person")
    w = MainWindow(session, Workers(synchronous=True), None)
    qtbot.addWidget(w)
    return w


def _request(session: Session, folder: Path) -> Path:
    """Klaus's draft, sent to the user for clearance."""
    drafted = Statement.sign(
        KLAUS.signing_key, role="drafted", cable_id=DRAFT.id,
        text_sha256=clearance_sha256(DRAFT), name=KLAUS.name, made=session.vault.now(),
    )  # fmt: skip
    me = session.vault.identities.active()
    path = folder / "request.cable"
    with path.open("wb") as out:
        seal(
            encode_cable(DRAFT), cable_id=DRAFT.id, sender=KLAUS,
            banner=cable_banner(DRAFT, SCHEMES["us"]).banner,
            recipients=[SealRecipient(me.name, me.public())], output=out,
            now=session.vault.now(), kind=PackageKind.CLEARANCE_REQUEST,
            statements=[drafted.to_bytes()],
        )  # fmt: skip
    return path


def test_clear_a_request_from_its_verification(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = shown_verification(window, _request(window.session, tmp_path), monkeypatch)
    for name in ("clearRequest", "returnRequest", "declineRequest", "approveRequest"):
        child(dialog, QPushButton, name)
    out = tmp_path / "cleared.cable"
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Fine.", True)))
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), ""))
    )
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: told.append(box.text()))
    child(dialog, QPushButton, "clearRequest").click()
    assert told == ["Your answer is sealed for the drafter: cleared.cable"]
    result = open_sealed(
        io.BytesIO(out.read_bytes()), KLAUS.age_identities(), trust_of=lambda fp: None,
        me={KLAUS.fingerprint}, schemes=SCHEMES, now=window.session.vault.now(),
    )  # fmt: skip
    assert str(result.kind) == "clearance-response"
    (statement,) = result.statements
    assert (statement.role, statement.comment, statement.matches_cable) == (
        "cleared",
        "Fine.",
        True,
    )


def test_no_answer_buttons_on_an_ordinary_cable(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    me = window.session.vault.identities.active()
    path = tmp_path / "cable.cable"
    with path.open("wb") as out:
        seal(
            encode_cable(DRAFT), cable_id=DRAFT.id, sender=KLAUS,
            banner=cable_banner(DRAFT, SCHEMES["us"]).banner,
            recipients=[SealRecipient(me.name, me.public())], output=out,
            now=window.session.vault.now(),
        )  # fmt: skip
    dialog = shown_verification(window, path, monkeypatch)
    assert dialog.findChild(QPushButton, "clearRequest") is None
