"""Add a contact from the public keys of someone who uses the standard tools.

Name, ``age1…`` recipient and ``ssh-ed25519 …`` line are required; post,
scheme, clearance and nationality are optional. The contact is added off the
GUI thread; a key that does not parse is said under the fields and the
dialog stays open. ``added(contact)`` is emitted before the dialog closes.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from cabledesk.services.contacts import Contact
from cabledesk.services.session import Session
from cabledesk.ui.errors import describe
from cabledesk.ui.plain import PlainLabel
from cabledesk.ui.workers import JobContext, Workers

__all__ = ["AddContactDialog"]


class AddContactDialog(QDialog):
    added = Signal(object)

    def __init__(self, session: Session, workers: Workers, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._workers = workers
        self.setObjectName("addContactDialog")
        self.setWindowTitle(self.tr("Add a contact from public keys"))
        self.setMinimumWidth(560)
        intro = PlainLabel(
            self.tr(
                "For a correspondent who uses age and ssh-keygen rather than CableDesk. Paste "
                "the keys they sent you, then compare the fingerprint with them before you "
                "rely on it."
            )
        )
        intro.setWordWrap(True)
        self.name = QLineEdit()
        self.age = QLineEdit()
        self.age.setPlaceholderText(self.tr("age1…"))
        self.ssh = QPlainTextEdit()
        self.ssh.setPlaceholderText(self.tr("ssh-ed25519 AAAA…"))
        self.ssh.setTabChangesFocus(True)
        self.ssh.setFixedHeight(self.fontMetrics().lineSpacing() * 4)
        self.post = QLineEdit()
        self.post.setPlaceholderText(self.tr("e.g. AMEMBASSY BERLIN"))
        self.scheme = QComboBox()
        for scheme_id in sorted(session.schemes):
            self.scheme.addItem(session.schemes[scheme_id].name, scheme_id)
        self.scheme.setCurrentIndex(max(0, self.scheme.findData("us")))
        self.clearance = QComboBox()
        self.nationality = QLineEdit()
        self.nationality.setPlaceholderText(self.tr("three letters, e.g. DEU"))
        self.nationality.setMaxLength(3)
        self.scheme.currentIndexChanged.connect(lambda _: self._levels())
        self._levels()
        form = QFormLayout()
        for name, label, widget, accessible in (
            ("name", self.tr("Name:"), self.name, self.tr("Name")),
            ("age", self.tr("age recipient:"), self.age, self.tr("age recipient")),
            ("ssh", self.tr("SSH public key:"), self.ssh, self.tr("SSH public key line")),
            ("post", self.tr("Post (optional):"), self.post, self.tr("Post")),
            ("scheme", self.tr("Scheme:"), self.scheme, self.tr("Classification scheme")),
            ("clearance", self.tr("Clearance (optional):"), self.clearance, self.tr("Clearance")),
            ("nationality", self.tr("Nationality (optional):"), self.nationality,
             self.tr("Nationality")),
        ):  # fmt: skip
            widget.setObjectName(f"add_{name}")
            widget.setAccessibleName(accessible)
            form.addRow(label, widget)
        self.error = PlainLabel()
        self.error.setObjectName("addContactError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c62828;")
        self.error.setAccessibleName(self.tr("Problem"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Add contact"))
        self.ok.setObjectName("addContactOk")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        for field in (self.name, self.age):
            field.textChanged.connect(lambda _: self._update())
        self.ssh.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._update()

    def _levels(self) -> None:
        scheme = self._session.schemes[str(self.scheme.currentData())]
        self.clearance.clear()
        self.clearance.addItem(self.tr("(none)"), "")
        for level in scheme.levels:
            if level.classified:
                self.clearance.addItem(level.name, level.name)

    def _update(self) -> None:
        ready = all(
            text.strip() for text in (self.name.text(), self.age.text(), self.ssh.toPlainText())
        )
        self.ok.setEnabled(ready)

    def submit(self) -> None:
        details = {
            "name": self.name.text(),
            "age_recipient": self.age.text(),
            "ssh_key": " ".join(self.ssh.toPlainText().split()),
            "post": self.post.text(),
            "scheme": str(self.scheme.currentData()),
            "clearance": str(self.clearance.currentData() or ""),
            "nationality": self.nationality.text(),
        }
        self.ok.setEnabled(False)
        self.error.clear()
        contacts = self._session.contacts

        def work(ctx: JobContext) -> Contact:
            return contacts.add_from_keys(**details)

        self._workers.run(
            "add a contact", work, write=True, on_done=self._done, on_failed=self._failed
        )

    def _done(self, contact: Contact) -> None:
        self.added.emit(contact)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        problem = describe(exc)
        self.error.setText(" ".join(filter(None, (problem.message, problem.hint))))
        self._update()
