from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from cabledesk.crypto.age import (
    ScryptIdentity,
    ScryptRecipient,
    X25519Identity,
    decrypt_file,
    encrypt_file,
)
from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.keys import Identity
from cabledesk.errors import NoIdentityMatch
from cabledesk.services.session import Session
from cabledesk.ui._recipients_model import RecipientsModel
from cabledesk.ui.file_crypto_dialog import FileCryptoDialog
from cabledesk.ui.workers import Workers
from tests.ui.conftest import child, person

SECRET = b"Meeting moved to Thursday.\n" * 1000


@pytest.fixture
def files(tmp_path: Path) -> Path:
    """A folder of its own (the vault lives beside it)."""
    folder = tmp_path / "files"
    folder.mkdir()
    return folder


def _dialog(qtbot: QtBot, session: Session, workers: Workers, **kw: object) -> FileCryptoDialog:
    dialog = FileCryptoDialog(session, workers, **kw)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _field(dialog: QWidget, name: str) -> QLineEdit:
    return child(dialog, QLineEdit, name)


def _start(dialog: QWidget) -> QPushButton:
    return child(dialog, QPushButton, "startButton")


def _message(dialog: QWidget) -> str:
    return child(dialog, QLabel, "cryptoMessage").text()


def _row(dialog: FileCryptoDialog, starts: str) -> QModelIndex:
    model = dialog.list.model()
    for r in range(model.rowCount()):
        if str(model.index(r, 0).data()).startswith(starts):
            return model.index(r, 0)
    raise AssertionError(starts)


def _confirm(dialog: FileCryptoDialog, starts: str) -> None:
    """Tick "confirm" in the release-policy column of an unverified contact."""
    cell = _row(dialog, starts).siblingAtColumn(RecipientsModel.POLICY)
    assert cell.data() == "Unverified: tick to confirm you trust this key"
    dialog.model.setData(cell, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)


def _contact(session: Session, who: Identity) -> None:
    session.contacts.import_card(ContactCard.for_identity(who).to_bytes())


def _plain(files: Path) -> Path:
    src = files / "report.pdf"
    src.write_bytes(SECRET)
    return src


def _decrypt(path: Path, key: X25519Identity | ScryptIdentity, files: Path) -> bytes:
    out = files / "check.out"
    decrypt_file(path, out, [key], overwrite=True)
    return out.read_bytes()


def test_encrypt_to_a_contact_and_audit_it(
    qtbot: QtBot, session: Session, workers: Workers, files: Path
) -> None:
    klaus = person("Klaus Weber")
    _contact(session, klaus)
    dialog = _dialog(qtbot, session, workers, encrypt=True, recipients=[klaus.fingerprint])
    src = _plain(files)
    assert not _start(dialog).isEnabled()
    qtbot.keyClicks(_field(dialog, "sourcePath"), str(src))
    assert _field(dialog, "outputPath").text() == str(files / "report.pdf.age")
    assert not _start(dialog).isEnabled()  # Klaus is checked, but the file has no marking
    assert "state its marking" in child(dialog, QLabel, "policyReasons").text()
    child(dialog, QComboBox, "marking").setCurrentText("UNCLASSIFIED")
    assert not _start(dialog).isEnabled()  # Klaus is not verified: confirm him
    _confirm(dialog, "Klaus Weber")
    assert _start(dialog).isEnabled()
    qtbot.mouseClick(_start(dialog), Qt.MouseButton.LeftButton)
    out = files / "report.pdf.age"
    assert _message(dialog) == f"Encrypted to Klaus Weber — AMEMBASSY BERLIN (unverified): {out}."
    assert out.read_bytes().startswith(b"age-encryption.org/v1\n")
    assert _decrypt(out, klaus.encryption_key, files) == SECRET
    entry = session.vault.audit.entries()[0]
    assert entry.event == "file encrypted"
    assert entry.details == {
        "file": "report.pdf",
        "output": "report.pdf.age",
        "to": [f"Klaus Weber ({klaus.fingerprint})"],
        "to me": True,
        "marking": ["UNCLASSIFIED"],
        "post_quantum": False,  # Klaus has no post-quantum key: X25519 below SECRET
    }
    assert sorted(p.name for p in files.iterdir()) == [
        "check.out",
        "report.pdf",
        "report.pdf.age",
    ]


def test_encrypt_for_me_too_is_on_by_default_and_can_be_turned_off(
    qtbot: QtBot, session: Session, workers: Workers, files: Path
) -> None:
    """Issue 19, point 10: the user is a recipient of their own file unless they untick
    "Encrypt for me too" (as Kleopatra does)."""
    klaus = person("Klaus Weber")
    _contact(session, klaus)
    mine = session.identity.active().encryption_key
    for ticked in (True, False):
        dialog = _dialog(qtbot, session, workers, encrypt=True, recipients=[klaus.fingerprint])
        for_me = child(dialog, QCheckBox, "encryptForMe")
        assert for_me.isChecked() and for_me.isEnabled()
        for_me.setChecked(ticked)
        src = _plain(files)
        out = files / f"report-{ticked}.age"
        qtbot.keyClicks(_field(dialog, "sourcePath"), str(src))
        _field(dialog, "outputPath").setText(str(out))
        child(dialog, QComboBox, "marking").setCurrentText("UNCLASSIFIED")
        _confirm(dialog, "Klaus Weber")
        _start(dialog).click()
        assert _decrypt(out, klaus.encryption_key, files) == SECRET
        if ticked:
            assert _decrypt(out, mine, files) == SECRET
        else:
            with pytest.raises(NoIdentityMatch):
                _decrypt(out, mine, files)
        assert session.vault.audit.entries()[0].details.get("to me", False) is ticked
        child(dialog, QRadioButton, "toPassphrase").setChecked(True)
        assert not for_me.isEnabled()


def test_revoked_contacts_and_their_groups_cannot_be_chosen(
    qtbot: QtBot, session: Session, workers: Workers, files: Path
) -> None:
    klaus, anna = person("Klaus Weber"), person("Anna Schmidt")
    _contact(session, klaus)
    _contact(session, anna)
    session.contacts.revoke("Anna", "laptop lost")
    session.contacts.create_group("EU posts")
    session.contacts.add_to_group("EU posts", [klaus.fingerprint, anna.fingerprint])
    session.contacts.create_group("Berlin")
    session.contacts.add_to_group("Berlin", [klaus.fingerprint])
    dialog = _dialog(qtbot, session, workers, encrypt=True)
    revoked = _row(dialog, "Anna Schmidt")
    assert revoked.data() == (
        "Anna Schmidt — AMEMBASSY BERLIN — cannot be chosen: Revoked on 2026-11-24 (laptop lost)"
    )
    assert not revoked.flags() & Qt.ItemFlag.ItemIsEnabled
    eu = _row(dialog, "Group EU posts")
    assert "the keys of Anna Schmidt are revoked" in eu.data()
    assert not eu.flags() & Qt.ItemFlag.ItemIsEnabled
    # Space toggles the check box of the current row; a revoked one does not change.
    dialog.list.setFocus()
    dialog.list.setCurrentIndex(revoked)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Space)
    assert revoked.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    berlin = _row(dialog, "Group Berlin")
    dialog.list.setCurrentIndex(berlin)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Space)
    assert berlin.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    qtbot.keyClicks(_field(dialog, "sourcePath"), str(_plain(files)))
    _field(dialog, "outputPath").setText(str(files / "to-berlin.age"))
    child(dialog, QComboBox, "marking").setCurrentText("UNCLASSIFIED")
    _confirm(dialog, "Klaus Weber")
    child(dialog, QCheckBox, "armor").click()
    _start(dialog).click()
    out = files / "to-berlin.age"
    assert out.read_bytes().startswith(b"-----BEGIN AGE ENCRYPTED FILE-----")
    assert _decrypt(out, klaus.encryption_key, files) == SECRET


@pytest.mark.slow
def test_encrypt_with_a_passphrase_typed_twice(
    qtbot: QtBot, session: Session, workers: Workers, files: Path
) -> None:
    dialog = _dialog(qtbot, session, workers, encrypt=True)
    qtbot.keyClicks(_field(dialog, "sourcePath"), str(_plain(files)))
    child(dialog, QRadioButton, "toPassphrase").click()
    qtbot.keyClicks(_field(dialog, "passphrase"), "blue walrus orbit")
    qtbot.keyClicks(_field(dialog, "passphraseAgain"), "blue walrus")
    assert child(dialog, QLabel, "strengthHint").text() == "The two passphrases differ."
    assert not _start(dialog).isEnabled()
    qtbot.keyClicks(_field(dialog, "passphraseAgain"), " orbit")
    assert _start(dialog).isEnabled()
    _start(dialog).click()
    out = files / "report.pdf.age"
    assert _message(dialog) == f"Encrypted to a passphrase: {out}."
    assert _decrypt(out, ScryptIdentity("blue walrus orbit"), files) == SECRET
    assert session.vault.audit.entries()[0].details == {
        "file": "report.pdf",
        "output": out.name,
        "passphrase": True,
    }


def test_decrypt_with_the_vaults_key(
    qtbot: QtBot, session: Session, workers: Workers, files: Path
) -> None:
    me = session.identity.active().public().encryption
    sealed = files / "memo.txt.age"
    (files / "memo.src").write_bytes(SECRET)
    encrypt_file(files / "memo.src", sealed, [me], armor=True)
    dialog = _dialog(qtbot, session, workers, encrypt=False)
    assert not _field(dialog, "passphrase").isVisible()  # asked only when needed
    qtbot.keyClicks(_field(dialog, "sourcePath"), str(sealed))
    assert _field(dialog, "outputPath").text() == str(files / "memo.txt")
    _start(dialog).click()
    assert (files / "memo.txt").read_bytes() == SECRET
    assert _message(dialog) == f"Decrypted to {files / 'memo.txt'}."


def test_decrypt_asks_for_the_passphrase_only_when_the_file_needs_one(
    qtbot: QtBot, session: Session, workers: Workers, files: Path
) -> None:
    src = _plain(files)
    sealed = files / "report.age"
    encrypt_file(src, sealed, [ScryptRecipient("blue walrus orbit", work_factor=10)])
    dialog = _dialog(qtbot, session, workers, encrypt=False)
    qtbot.keyClicks(_field(dialog, "sourcePath"), str(sealed))
    _field(dialog, "outputPath").setText(str(files / "opened.pdf"))
    _start(dialog).click()
    assert "protected by a passphrase" in _message(dialog)
    assert _field(dialog, "passphrase").isVisible()
    assert not _start(dialog).isEnabled()
    qtbot.keyClicks(_field(dialog, "passphrase"), "wrong words here")
    _start(dialog).click()
    assert _message(dialog) == "This passphrase does not open the file."
    assert not (files / "opened.pdf").exists()
    _field(dialog, "passphrase").clear()
    qtbot.keyClicks(_field(dialog, "passphrase"), "blue walrus orbit")
    _start(dialog).click()
    assert (files / "opened.pdf").read_bytes() == SECRET


def test_a_file_for_someone_else_writes_nothing(
    qtbot: QtBot, session: Session, workers: Workers, files: Path
) -> None:
    sealed = files / "other.age"
    encrypt_file(_plain(files), sealed, [person("Klaus Weber").public().encryption])
    dialog = _dialog(qtbot, session, workers, encrypt=False)
    qtbot.keyClicks(_field(dialog, "sourcePath"), str(sealed))
    _start(dialog).click()
    assert _message(dialog).startswith("None of your keys can open this file")
    assert sorted(p.name for p in files.iterdir()) == ["other.age", "report.pdf"]


def test_an_existing_output_is_replaced_only_when_the_save_dialog_confirmed(
    qtbot: QtBot, session: Session, workers: Workers, files: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    me = session.identity.active().public().encryption
    sealed = files / "report.pdf.age"
    encrypt_file(_plain(files), sealed, [me])
    (files / "report.pdf").write_bytes(b"older version")
    dialog = _dialog(qtbot, session, workers, encrypt=False)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(sealed), ""))
    )
    child(dialog, QPushButton, "chooseSource").click()
    _start(dialog).click()
    assert "already exists" in _message(dialog)
    assert (files / "report.pdf").read_bytes() == b"older version"
    target = str(files / "report.pdf")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (target, "")))
    child(dialog, QPushButton, "chooseOutput").click()
    _start(dialog).click()
    assert (files / "report.pdf").read_bytes() == SECRET


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a named pipe")
def test_cancel_stops_the_work_and_leaves_no_file(
    qtbot: QtBot, session: Session, files: Path
) -> None:
    workers = Workers()  # a real worker thread: Cancel is pressed while it runs
    pipe = files / "slow-source"
    os.mkfifo(pipe)
    release = threading.Event()

    def feed() -> None:  # 8 MiB now, the end of the file only once Cancel was pressed
        with pipe.open("wb") as f:
            f.write(bytes(8 * 1024 * 1024))
            release.wait(10)

    feeder = threading.Thread(target=feed)
    feeder.start()
    try:
        dialog = FileCryptoDialog(session, workers, encrypt=True)
        qtbot.addWidget(dialog)
        dialog.show()
        child(dialog, QRadioButton, "toPassphrase").click()
        _field(dialog, "passphrase").setText("blue walrus orbit")
        _field(dialog, "passphraseAgain").setText("blue walrus orbit")
        _field(dialog, "sourcePath").setText(str(pipe))
        _start(dialog).click()
        close = child(dialog, QPushButton, "closeButton")
        qtbot.waitUntil(lambda: close.text() == "Cancel", timeout=5000)
        close.click()
        release.set()
        qtbot.waitUntil(lambda: "Cancelled" in _message(dialog), timeout=10000)
        assert dialog.isVisible()
        assert close.text() == "Close"
    finally:
        release.set()
        feeder.join(10)
        workers.wait()
    assert [p.name for p in files.iterdir()] == ["slow-source"]


@pytest.mark.parametrize("encrypt", [True, False])
def test_every_control_has_an_accessible_name(
    qtbot: QtBot, session: Session, workers: Workers, encrypt: bool
) -> None:
    dialog = _dialog(qtbot, session, workers, encrypt=encrypt)
    for widget in dialog.findChildren(QWidget):
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and widget.isVisibleTo(dialog):
            name = widget.accessibleName() or getattr(widget, "text", lambda: "")()
            assert name, widget.objectName() or type(widget).__name__


def test_a_weak_passphrase_is_refused_in_the_words_of_the_command_line(
    qtbot: QtBot, session: Session, workers: Workers, files: Path
) -> None:
    from cabledesk.services.passwords import estimate

    dialog = _dialog(qtbot, session, workers, encrypt=True)
    qtbot.keyClicks(_field(dialog, "sourcePath"), str(_plain(files)))
    child(dialog, QRadioButton, "toPassphrase").click()
    for name in ("passphrase", "passphraseAgain"):
        qtbot.keyClicks(_field(dialog, name), "summer2024")
    assert child(dialog, QLabel, "strengthHint").text() == (estimate("summer2024").words.render())
    assert not _start(dialog).isEnabled()
    assert not (files / "report.pdf.age").exists()


def test_encrypt_to_contact_applies_the_release_policy_to_a_noforn_cable_in_the_dialog(
    qtbot: QtBot, session: Session, workers: Workers, files: Path
) -> None:
    """Issue 15, point 7, in the desktop: the dialog shows the policy's reasons per
    contact and Encrypt stays disabled; a marking stated lower does not help."""
    from cabledesk.domain.canonical import encode_cable
    from tests.services.conftest import CABLE

    nigel = Identity.generate(
        "Nigel Hart", "BRITISH EMBASSY PARIS", clearance="CONFIDENTIAL", nationality="GBR"
    )
    _contact(session, nigel)
    session.contacts.verify("Nigel Hart", "in person")
    src = files / "cable.json"
    src.write_bytes(encode_cable(CABLE))
    dialog = _dialog(qtbot, session, workers, encrypt=True, recipients=[nigel.fingerprint])
    qtbot.keyClicks(_field(dialog, "sourcePath"), str(src))
    reasons = child(dialog, QLabel, "policyReasons")
    assert "Nigel Hart (GBR) may not receive this NOFORN cable" in reasons.text()
    assert (
        _row(dialog, "Nigel Hart").siblingAtColumn(RecipientsModel.POLICY).data()
        == "Refused (see below)"
    )
    assert not _start(dialog).isEnabled()
    child(dialog, QComboBox, "marking").setCurrentText("UNCLASSIFIED")
    assert "NOFORN" in reasons.text() and not _start(dialog).isEnabled()
    dialog.run()  # Enter on a disabled button does nothing either
    assert not (files / "cable.json.age").exists()
