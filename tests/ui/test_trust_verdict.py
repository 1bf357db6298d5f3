"""The desktop verdict view against impersonation (docs/SECURITY.md, "Trust model"):
the signer is named as the user's own contact record names them, a differing name in
the file is only "signs as", and a contact whose keys changed is flagged — through the
real widgets."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.keys import Identity
from cabledesk.domain.canonical import encode_cable
from cabledesk.seal import SealRecipient, Verdict, seal
from cabledesk.services.session import Session
from cabledesk.ui.main_window import MainWindow
from cabledesk.ui.workers import Workers
from tests.seal.kit import BANNER, CABLE, NOW
from tests.ui.conftest import child, person, shown_verification


@pytest.fixture
def window(qtbot: QtBot, session: Session) -> MainWindow:
    w = MainWindow(session, Workers(synchronous=True), None)
    qtbot.addWidget(w)
    w.show()
    return w


def _sealed_by(window: MainWindow, folder: Path, sender: Identity) -> Path:
    out = io.BytesIO()
    me = SealRecipient.from_card(window.session.identity.card())
    seal(
        encode_cable(CABLE), cable_id=CABLE.id, banner=BANNER, sender=sender, recipients=[me],
        output=out, now=NOW,
    )  # fmt: skip
    path = folder / "received.cable"
    path.write_bytes(out.getvalue())
    return path


def test_impersonation_by_name_in_the_verdict_view(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mallory = person("Mallory Moore", "AMEMBASSY ROME")
    contacts = window.session.contacts
    contacts.import_card(ContactCard.for_identity(mallory).to_bytes())
    contacts.verify("Mallory", "in person")
    as_alice = replace(mallory, name="Alice Adams", post="AMEMBASSY PARIS")
    dialog = shown_verification(window, _sealed_by(window, tmp_path, as_alice), monkeypatch)
    assert dialog.verification.verdict is Verdict.VALID
    verdict = child(dialog, QLabel, "verdict").text()
    assert verdict.startswith("Intact and signed by Mallory Moore (AMEMBASSY ROME), a verified")
    assert "Alice" not in verdict
    details = child(dialog, QLabel, "verdictDetails").text()
    assert "Signed by Mallory Moore (AMEMBASSY ROME) — Verified on" in details
    assert "Signs as 'Alice Adams (AMEMBASSY PARIS)'" in details


def test_keys_changed_in_the_verdict_view(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alice = person("Alice Adams", "AMEMBASSY PARIS")
    contacts = window.session.contacts
    contacts.import_card(ContactCard.for_identity(alice).to_bytes())
    contacts.verify("Alice", "in person")
    impostor = person("Alice Adams", "AMEMBASSY PARIS")
    contacts.import_card(ContactCard.for_identity(impostor).to_bytes())
    dialog = shown_verification(window, _sealed_by(window, tmp_path, impostor), monkeypatch)
    assert dialog.verification.verdict is Verdict.SIGNER_UNVERIFIED
    verdict = child(dialog, QLabel, "verdict").text()
    assert "whose keys changed since you verified them" in verdict
    assert "KEYS CHANGED since you verified them" in child(dialog, QLabel, "verdictDetails").text()
