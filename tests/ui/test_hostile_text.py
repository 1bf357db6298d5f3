"""Hostile text through the real widgets (issue 15, point 4): names, subjects, file
and attachment names from outside are shown as plain text, never rendered as
markup; the labels of the desktop are all made plain (``cabledesk.ui.plain``)."""

from __future__ import annotations

import ast
import io
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from cabledesk.crypto.contact import ContactCard
from cabledesk.domain.cable import Attachment, Paragraph
from cabledesk.domain.canonical import encode_cable
from cabledesk.errors import InputError
from cabledesk.seal import SealRecipient, seal
from cabledesk.services.session import Session
from cabledesk.ui.audit_view import AuditView
from cabledesk.ui.contacts_view import ContactsView
from cabledesk.ui.errors import show_error
from cabledesk.ui.main_window import MainWindow
from cabledesk.ui.plain import ask, inform, message_box, plain_tooltip, progress_dialog
from cabledesk.ui.seal_dialog import SealDialog
from cabledesk.ui.workers import Workers
from tests.seal.kit import CABLE, NOW
from tests.ui.conftest import child, person, shown_verification
from tests.ui.demo_vault import DRAFT

UI = Path(__file__).resolve().parents[2] / "cabledesk" / "ui"
# A stranger's card name that, read as rich text, would end the line as a "verified
# contact" and hide what follows (the "not among your contacts" warning) in a comment.
HIDING_NAME = "<b>Alice Adams</b> (AMEMBASSY PARIS), a verified contact.<!--"
MARKUP = "<b>Alice</b> <a href='https://x.example'>Adams</a> <img src='x'>"
SUBJECT = f"FRANCE: {MARKUP} <!-- hidden"
FILE_MARKUP = "<b>Alice <i>Adams <img src='x'>"  # no "/": a file name
ATTACHMENT = "invoice\u202efdp.exe"  # reads "invoiceexe.pdf"
PLAIN = Qt.TextFormat.PlainText


def _rendered(text: str) -> str:
    """What Qt shows for ``text`` read as rich text."""
    document = QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


def _labels_showing(root: QWidget, *parts: str) -> list[QLabel]:
    return [label for label in root.findChildren(QLabel)
            if any(part in label.text() for part in parts)]  # fmt: skip


def assert_shown_as_text(root: QWidget, *parts: str) -> list[QLabel]:
    """Every label of ``root`` that shows one of ``parts`` (data from outside) shows it
    as plain text; there is at least one."""
    labels = _labels_showing(root, *parts)
    assert labels, f"no label shows any of {parts}"
    assert [lb.objectName() or lb.text() for lb in labels if lb.textFormat() != PLAIN] == []
    return labels


# --- the verdict of a sealed cable ---------------------------------------------------


@pytest.fixture
def window(qtbot: QtBot, session: Session) -> MainWindow:
    w = MainWindow(session, Workers(synchronous=True), None)
    qtbot.addWidget(w)
    w.show()
    return w


def _hostile_cable(window: MainWindow, folder: Path) -> Path:
    """A cable for the user from a stranger whose card name hides text, its subject
    and paragraph markup, one attachment named with a bidi override."""
    annex = folder / ATTACHMENT
    annex.write_bytes(b"MZ")
    cable = replace(
        CABLE, subject=SUBJECT, paragraphs=(Paragraph("(S//NF)", f"{MARKUP} para"),),
        attachments=(Attachment(ATTACHMENT),),
    )  # fmt: skip
    out = io.BytesIO()
    seal(
        encode_cable(cable), cable_id=cable.id, banner="SECRET//NOFORN",
        sender=person(HIDING_NAME, "AMEMBASSY PARIS"), attachments=[annex],
        recipients=[SealRecipient.from_card(window.session.identity.card())],
        output=out, now=NOW,
    )  # fmt: skip
    path = folder / "received.cable"
    path.write_bytes(out.getvalue())
    return path


def test_html_in_a_card_name_hides_the_warning(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = shown_verification(window, _hostile_cable(window, tmp_path), monkeypatch)
    verdict = child(dialog, QLabel, "verdict")
    assert verdict.textFormat() == PLAIN
    assert verdict.text().startswith("Intact and signed by a key that is not among your")
    assert f"which signs as '{HIDING_NAME}" in verdict.text()  # shown as it is written
    # The attack: the same text read as rich text would not show what it says.
    assert GuiQt.mightBeRichText(verdict.text())
    assert _rendered(verdict.text()) != verdict.text()
    assert_shown_as_text(dialog, HIDING_NAME, MARKUP, "<!--")


def test_a_hostile_subject_and_attachment_name_in_the_cable_are_text(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = shown_verification(window, _hostile_cable(window, tmp_path), monkeypatch)
    shown = dialog.view.text.toPlainText()
    assert SUBJECT in shown and f"{MARKUP} para" in shown  # escaped in the HTML view
    assert "invoice\\u202efdp.exe" in shown and ATTACHMENT not in shown
    details = child(dialog, QLabel, "verdictDetails")
    assert details.textFormat() == PLAIN
    assert "Attachments: invoice\\u202efdp.exe" in details.text()


def test_a_hostile_file_name_is_shown_as_text_when_it_cannot_be_opened(
    window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / f"{FILE_MARKUP}.txt"
    path.write_text("not a cable")
    window.open_files([path])
    [box] = [b for b in window.findChildren(QMessageBox, "openProblem") if b.isVisible()]
    assert_shown_as_text(box, FILE_MARKUP)
    box.close()


# --- contacts ------------------------------------------------------------------------


def test_html_in_a_contact_name_is_text_in_the_contacts_view(
    qtbot: QtBot, session: Session, workers: Workers, tmp_path: Path
) -> None:
    session.contacts.import_card(ContactCard.for_identity(person(MARKUP)).to_bytes())
    view = ContactsView(session, workers)
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    model = view.table.model()
    [row] = [r for r in range(model.rowCount()) if model.index(r, 0).data() == MARKUP]
    view.table.selectRow(row)
    assert_shown_as_text(view, MARKUP)
    tip = str(model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole))
    assert _rendered(tip) == MARKUP  # a tool tip is rich text if it looks like it: escaped


def test_a_hostile_group_name_is_text_in_the_audit_view(
    qtbot: QtBot, session: Session, workers: Workers
) -> None:
    # An audit detail quotes what was done: here a group named with markup.
    session.contacts.create_group(FILE_MARKUP)
    view = AuditView(session, workers)
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    model = view.table.model()
    cells = [model.index(0, c) for c in range(model.columnCount())]
    [cell] = [c for c in cells if FILE_MARKUP in str(c.data())]
    assert _rendered(str(cell.data(Qt.ItemDataRole.ToolTipRole))) == str(cell.data())


def test_a_hostile_subject_and_recipient_are_text_in_the_seal_dialog(
    qtbot: QtBot, session: Session, workers: Workers
) -> None:
    session.contacts.import_card(
        ContactCard.for_identity(person(MARKUP, nationality="USA")).to_bytes()
    )
    dialog = SealDialog(session, workers, replace(DRAFT, subject=SUBJECT))
    qtbot.addWidget(dialog)
    dialog.show()
    assert_shown_as_text(dialog, SUBJECT)
    rows = [str(dialog.model.index(r, 0).data()) for r in range(dialog.model.rowCount())]
    assert f"{MARKUP} — AMEMBASSY BERLIN (unverified)" in rows  # an item view: plain text


# --- the helpers, and every message box ----------------------------------------------


def test_error_messages_quoting_a_name_are_plain(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    boxes: list[QMessageBox] = []

    def exec_(box: QMessageBox) -> int:
        boxes.append(box)
        return QMessageBox.StandardButton.No.value

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    parent = QWidget()
    qtbot.addWidget(parent)
    show_error(parent, InputError(f"Cannot read {MARKUP}.", hint=f"Ask {MARKUP}."))
    inform(parent, "t", MARKUP)
    ask(parent, "t", MARKUP)
    assert len(boxes) == 3
    for box in boxes:
        assert_shown_as_text(box, MARKUP)
    assert len(_labels_showing(boxes[0], MARKUP)) == 2  # the message and the hint


def test_the_helpers_make_plain_widgets(qtbot: QtBot) -> None:
    box = message_box(None, QMessageBox.Icon.Warning, "t", MARKUP, informative=MARKUP)
    qtbot.addWidget(box)
    assert len(assert_shown_as_text(box, MARKUP)) == 2
    progress = progress_dialog(f"Opening {MARKUP}…", "Cancel", 0, 0, None)
    qtbot.addWidget(progress)
    assert_shown_as_text(progress, MARKUP)
    assert plain_tooltip("Jane Doe") == "Jane Doe"
    assert _rendered(plain_tooltip(f"{MARKUP}\nline 2")) == f"{MARKUP}\nline 2"


# --- no other way to make a label ----------------------------------------------------

# Qt calls that make a label whose text format Qt guesses (AutoText).
GUESSING_CALLS = {
    ("QLabel", None), ("QMessageBox", None), ("QProgressDialog", None),
    ("QMessageBox", "information"), ("QMessageBox", "warning"),
    ("QMessageBox", "critical"), ("QMessageBox", "question"),
}  # fmt: skip
# What a tool tip may be given: plain_tooltip() of data, or a sentence of the program.
TOOLTIP_SOURCES = {"plain_tooltip", "tr", "translate"}


def label_offences(source: str) -> list[str]:
    """Where ``source`` makes a label, message box, progress dialog or tool tip that
    could render text as markup."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ClassDef):
            found += [f"{node.lineno}: class {node.name}(QLabel)" for base in node.bases
                      if isinstance(base, ast.Name) and base.id == "QLabel"]  # fmt: skip
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and (func.id, None) in GUESSING_CALLS:
            found.append(f"{node.lineno}: {func.id}(…)")
        elif (
            isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
            and (func.value.id, func.attr) in GUESSING_CALLS
        ):  # fmt: skip
            found.append(f"{node.lineno}: {func.value.id}.{func.attr}(…)")
        elif isinstance(func, ast.Attribute) and func.attr == "setToolTip" and node.args:
            arg = node.args[0]
            called = arg.func if isinstance(arg, ast.Call) else None
            name = (called.attr if isinstance(called, ast.Attribute)
                    else called.id if isinstance(called, ast.Name) else None)  # fmt: skip
            if name not in TOOLTIP_SOURCES and not isinstance(arg, ast.Constant):
                found.append(f"{node.lineno}: setToolTip(data)")
    return found


def test_every_label_of_the_desktop_is_made_plain() -> None:
    offences = {
        path.relative_to(UI).as_posix(): found
        for path in sorted(UI.rglob("*.py"))
        if path.name != "plain.py" and (found := label_offences(path.read_text("utf-8")))
    }
    assert offences == {}


def test_the_label_check_sees_what_it_looks_for() -> None:
    sample = (
        "class Bar(QLabel): pass\n"
        "a = QLabel(name)\n"
        "QMessageBox.information(w, 't', name)\n"
        "b = QMessageBox(w)\n"
        "c = QProgressDialog(name, 'x', 0, 0, w)\n"
        "w.setToolTip(name)\n"
        "w.setToolTip(self.tr('fine'))\n"
        "w.setToolTip(plain_tooltip(name))\n"
        "d = PlainLabel(name)\n"
    )
    assert label_offences(sample) == [
        "1: class Bar(QLabel)", "2: QLabel(…)", "3: QMessageBox.information(…)",
        "4: QMessageBox(…)", "5: QProgressDialog(…)", "6: setToolTip(data)",
    ]  # fmt: skip
