"""The first-run assistant: create the vault, then the identity; show the fingerprint.

Four pages: welcome; the passphrase (twice, with the strength rule's words,
which must say "strong" before the page lets you on, and, where a keychain
exists, "remember on this device"); who you are (name, post, role, scheme,
clearance, nationality); and, once both are created off the GUI thread
(:meth:`VaultAccess.create_with_identity`, which leaves no half-made vault), the
fingerprint and safety number with an offer to save the contact card. Emits
``created(vault)`` when the user finishes.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from cabledesk.errors import CableDeskError
from cabledesk.services.vault_access import VaultAccess
from cabledesk.ui.errors import describe, show_error
from cabledesk.ui.first_paint import after_first_paint
from cabledesk.ui.phrases import translated
from cabledesk.ui.places import card_file_name, suggested_path
from cabledesk.ui.plain import PlainLabel
from cabledesk.ui.strength_meter import StrengthMeter, secret_field
from cabledesk.ui.workers import JobContext, Workers

if TYPE_CHECKING:  # loaded when the vault is created, so that the assistant shows fast
    from cabledesk.domain.scheme import SchemeRegistry
    from cabledesk.errors import KeychainUnavailable
    from cabledesk.services.identity import IdentityInfo, IdentityRequest, IdentityService
    from cabledesk.services.keychain import KeychainStatus
    from cabledesk.store.vault import Vault

__all__ = ["FirstRunWizard"]

VALID_YEARS = 2


class _PassphrasePage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self.setTitle(self.tr("Choose the vault passphrase"))
        self.setSubTitle(
            self.tr(
                "It encrypts everything CableDesk keeps on this computer. Several unrelated "
                "words are easy to remember and hard to guess. It cannot be recovered if lost."
            )
        )
        self.first = secret_field("passphrase1", self.tr("Passphrase"), self._update)
        self.second = secret_field("passphrase2", self.tr("Passphrase again"), self._update)
        self.strength = StrengthMeter()
        self.remember = QCheckBox(self.tr("Remember on this device (in the system keychain)"))
        self.remember.setObjectName("remember")
        self.remember.setEnabled(False)
        self.keychain_note = PlainLabel(self.tr("Looking for the system keychain…"))
        self.keychain_note.setObjectName("keychainNote")
        self.keychain_note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Passphrase:"), self.first)
        form.addRow(self.tr("Again:"), self.second)
        self.strength.add_to(form, self.tr("Strength:"), (self.first, self.second))
        form.addRow("", self.remember)
        form.addRow("", self.keychain_note)

    def show_keychain(self, status: KeychainStatus) -> None:
        self.remember.setEnabled(status.usable)
        self.keychain_note.setText("" if status.usable else translated(status.reason))

    def _update(self) -> None:
        first, second = self.first.text(), self.second.text()
        differ = self.tr("The two passphrases differ.") if second and second != first else ""
        self.strength.show_strength(first, differ)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        return self.strength.acceptable and self.first.text() == self.second.text()


class _IdentityPage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Who you are"))
        self.setSubTitle(
            self.tr(
                "Your name and post go on your contact card, which your correspondents import "
                "to seal cables for you. Your clearance and nationality decide what may be "
                "released to you."
            )
        )
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.post = QLineEdit()
        self.post.setObjectName("post")
        self.post.setPlaceholderText(self.tr("e.g. AMEMBASSY PARIS"))
        self.role = QLineEdit()
        self.role.setObjectName("role")
        self.email = QLineEdit()
        self.email.setObjectName("email")
        self.scheme = QComboBox()
        self.scheme.setObjectName("scheme")
        self.clearance = QComboBox()
        self.clearance.setObjectName("clearance")
        self.nationality = QLineEdit()
        self.nationality.setObjectName("nationality")
        self.nationality.setPlaceholderText(self.tr("three letters, e.g. USA, FRA"))
        form = QFormLayout(self)
        for label, widget, accessible in (
            (self.tr("Name:"), self.name, self.tr("Your name")),
            (self.tr("Post:"), self.post, self.tr("Your post")),
            (self.tr("Role:"), self.role, self.tr("Your role")),
            (self.tr("E-mail (optional):"), self.email, self.tr("Your e-mail address")),
            (self.tr("Classification scheme:"), self.scheme, self.tr("Classification scheme")),
            (self.tr("Clearance:"), self.clearance, self.tr("Your clearance")),
            (self.tr("Nationality:"), self.nationality, self.tr("Your nationality")),
        ):
            widget.setAccessibleName(accessible)
            form.addRow(label, widget)
        for field in (self.name, self.post, self.nationality):
            field.textChanged.connect(self.completeChanged)

    def initializePage(self) -> None:  # noqa: N802 (Qt's name)
        """Fill the lists when the page is first shown, not at start-up: the first item
        with data makes PySide set Qt's namespace up (some 30 ms)."""
        if self.scheme.count():
            return
        from PySide6.QtCore import Qt

        from cabledesk.domain.countries import countries

        completer = QCompleter([code for code, _ in countries()], self.nationality)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.nationality.setCompleter(completer)
        schemes = self._wizard.schemes
        for scheme_id in sorted(schemes):
            self.scheme.addItem(schemes[scheme_id].name, scheme_id)
        self.scheme.setCurrentIndex(max(0, self.scheme.findData("us")))
        self.scheme.currentIndexChanged.connect(self._levels)
        self._levels()

    def _levels(self) -> None:
        scheme = self._wizard.schemes[str(self.scheme.currentData())]
        self.clearance.clear()
        self.clearance.addItem(self.tr("(none)"), "")
        for level in scheme.levels:
            if level.classified:
                self.clearance.addItem(level.name, level.name)

    def isComplete(self) -> bool:  # noqa: N802 (Qt's name)
        nationality = self.nationality.text().strip()
        return bool(self.name.text().strip() and self.post.text().strip()) and (
            not nationality or len(nationality) == 3
        )

    def request(self) -> IdentityRequest:
        from cabledesk.services.identity import IdentityRequest

        now = datetime.now(UTC).replace(microsecond=0)
        return IdentityRequest(
            name=self.name.text(),
            post=self.post.text(),
            role=self.role.text(),
            email=self.email.text().strip() or None,
            scheme=str(self.scheme.currentData()),
            clearance=str(self.clearance.currentData() or ""),
            nationality=self.nationality.text().strip().upper(),
            expires=now + timedelta(days=365 * VALID_YEARS),
        )

    def validatePage(self) -> bool:  # noqa: N802 (Qt's name)
        return self._wizard.create_vault()


class _DonePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Your vault is ready"))
        self.setSubTitle(
            self.tr(
                "Read these to your correspondents when they import your card: the safety "
                "number proves the card is really yours."
            )
        )
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.fingerprint = PlainLabel()
        self.fingerprint.setObjectName("fingerprint")
        self.safety = PlainLabel()
        self.safety.setObjectName("safetyNumber")
        self.safety.setWordWrap(True)
        for label in (self.fingerprint, self.safety):
            label.setFont(mono)
        self.export = QPushButton(self.tr("Save my contact card…"))
        self.export.setObjectName("exportCard")
        self.saved = PlainLabel()
        self.saved.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Fingerprint:"), self.fingerprint)
        form.addRow(self.tr("Safety number:"), self.safety)
        form.addRow("", self.export)
        form.addRow("", self.saved)

    def show_identity(self, info: IdentityInfo) -> None:
        self.fingerprint.setText(info.fingerprint)
        groups = info.safety_number.split()
        self.safety.setText(" ".join(groups[:6]) + "\n" + " ".join(groups[6:]))


class FirstRunWizard(QWizard):
    """See the module docstring. ``save_card_to`` replaces the file dialog in tests."""

    created = Signal(object)

    def __init__(
        self, access: VaultAccess, schemes: SchemeRegistry | None, workers: Workers
    ) -> None:
        super().__init__()
        self.access = access
        self._schemes = schemes  # None: the built-in ones, read when the identity page opens
        self._workers = workers
        self._created: Vault | None = None
        self._identity: IdentityService | None = None
        self.setObjectName("firstRun")
        self.setWindowTitle(self.tr("Welcome to CableDesk"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setMinimumSize(720, 480)  # QWizard shows two lines of subtitle: room for French
        welcome = QWizardPage()
        welcome.setTitle(self.tr("Welcome to CableDesk"))
        text = PlainLabel(
            self.tr(
                "CableDesk keeps your drafts, your correspondents' keys and the cables you "
                "send and receive in a vault encrypted on this computer. It never connects "
                "to a network.\n\nFirst choose the vault's passphrase, then say who you are: "
                "CableDesk creates your signing and encryption keys."
            )
        )
        text.setWordWrap(True)
        QVBoxLayout(welcome).addWidget(text)
        self.passphrase_page = _PassphrasePage(self)
        self.identity_page = _IdentityPage(self)
        self.done_page = _DonePage()
        self.busy = QProgressBar(self.identity_page)
        self.busy.setRange(0, 0)
        self.busy.setVisible(False)
        self.identity_page.layout().addWidget(self.busy)  # type: ignore[union-attr]
        for page in (welcome, self.passphrase_page, self.identity_page, self.done_page):
            self.addPage(page)
        self.done_page.export.clicked.connect(self._save_card)
        self.save_card_to = self._ask_card_path
        self.finished.connect(self._finish)
        after_first_paint(self, self._after_first_paint)

    @property
    def schemes(self) -> SchemeRegistry:
        if self._schemes is None:
            from cabledesk.domain.scheme import SchemeRegistry

            self._schemes = SchemeRegistry.load()
        return self._schemes

    def _after_first_paint(self) -> None:
        # Once the assistant is on screen: PySide sets Qt's namespace and its enums up on
        # first use (some 30 ms), which would delay the first window.
        from PySide6.QtCore import Qt

        for label in (self.done_page.fingerprint, self.done_page.safety):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._ask_keychain()

    def _ask_keychain(self) -> None:
        """Whether "remember on this device" can work (off the GUI thread: see first_paint)."""
        self._workers.run(
            "keychain status",
            lambda ctx: self.access.keychain_status(),
            on_done=self.passphrase_page.show_keychain,
            detached=True,
        )

    def create_vault(self) -> bool:
        """Start creating the vault and the identity; the page moves on when done."""
        if self._created is not None:
            return True
        secret = self.passphrase_page.first.text()
        remember = self.passphrase_page.remember.isChecked()
        request = self.identity_page.request()
        self.busy.setVisible(True)
        self.button(QWizard.WizardButton.NextButton).setEnabled(False)
        self.button(QWizard.WizardButton.BackButton).setEnabled(False)
        access, schemes = self.access, self.schemes

        def work(ctx: JobContext) -> _Created:
            from cabledesk.services.identity import IdentityService

            vault, problem = access.create_with_identity(
                secret, request, schemes, remember=remember
            )
            identity = IdentityService(vault, schemes)
            return vault, identity, identity.info(), problem

        self._workers.run(
            "create the vault", work, on_done=self._created_now, on_failed=self._failed
        )
        return False

    def _created_now(self, result: _Created) -> None:
        self._created, self._identity, info, problem = result
        self.busy.setVisible(False)
        self.passphrase_page.first.clear()
        self.passphrase_page.second.clear()
        self.done_page.show_identity(info)
        if problem is not None:
            self.done_page.saved.setText(describe(problem).message)
        self.next()
        self.button(QWizard.WizardButton.BackButton).setEnabled(False)

    def _failed(self, exc: BaseException) -> None:
        self.busy.setVisible(False)
        self.button(QWizard.WizardButton.NextButton).setEnabled(True)
        self.button(QWizard.WizardButton.BackButton).setEnabled(True)
        show_error(self, exc)  # typed errors as words, anything else as a bug

    def _ask_card_path(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save your contact card"),
            self.suggested_card_path(),
            self.tr("Contact cards (*.contact)"),
        )
        return Path(name) if name else None

    def suggested_card_path(self) -> str:
        """Where "Save my contact card…" starts: ``jane-doe.contact`` in Documents."""
        return suggested_path(card_file_name(self.identity_page.name.text()))

    def _save_card(self) -> None:
        if self._identity is None:
            return
        path = self.save_card_to()
        if path is None:
            return
        if path.suffix != ".contact":
            path = path.with_name(path.name + ".contact")
        try:
            self._identity.export_card(path, overwrite=True)  # the save dialog asked
        except CableDeskError as exc:
            show_error(self, exc)
            return
        self.done_page.saved.setText(self.tr("Saved to {0}.").format(str(path)))

    def _finish(self, result: int) -> None:
        if self._created is not None:
            self.created.emit(self._created)


_Created = tuple["Vault", "IdentityService", "IdentityInfo", "KeychainUnavailable | None"]
