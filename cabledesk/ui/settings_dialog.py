"""The settings: every setting of :class:`SettingsService`, the keychain, the passphrase.

Security (auto-lock, lock with the screen, clipboard clearing, "remember on
this device" with the keychain's status, change the passphrase), documents
(default scheme, paper, export ceiling checked as it is typed, draft history),
the directory (``attested-from``, and the Directory dialog: security offices'
anchors and their directories, :mod:`cabledesk.ui.directory_dialog`) and the
language (also written to the window preferences, ``ui.ini``; it applies at the
next start). Each setting's widget has the setting's key as its
object name (``auto-lock-minutes``, ``export-ceiling``, …), the keys that
``cabledesk-cli settings set`` takes. The current values and the keychain's
status are read off the GUI thread; Save hands the values, as text, to
:meth:`SettingsService.set_many` there too (which checks, stores and audits
them), then closes the dialog (``exec()`` returns accepted).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cabledesk.errors import CableDeskError
from cabledesk.services.session import Session
from cabledesk.services.settings import (
    APPROVAL_REQUIRED_FROM,
    ATTESTED_FROM,
    AUTO_LOCK_MINUTES,
    CLIPBOARD_CLEAR_SECONDS,
    DEFAULT_SCHEME,
    DRAFT_HISTORY_LIMIT,
    EXPORT_CEILING,
    LANGUAGE,
    LOCK_ON_SCREEN_LOCK,
    PAPER,
    POST_QUANTUM_FROM,
    TWO_PERSON_FROM,
)
from cabledesk.ui._passphrase_dialog import ChangePassphraseDialog
from cabledesk.ui._wrapped import grow
from cabledesk.ui.errors import describe, show_error
from cabledesk.ui.i18n import LANGUAGES
from cabledesk.ui.phrases import translated
from cabledesk.ui.plain import PlainLabel
from cabledesk.ui.workers import JobContext, Workers

if TYPE_CHECKING:
    from cabledesk.services.keychain import KeychainStatus

__all__ = ["SettingsDialog"]

PREFERENCES_FILE = "ui.ini"
_ERROR = "color: #c62828;"
_ON, _OFF, _DEFAULT, _SYSTEM = "on", "off", "default", "system"


@dataclass(frozen=True, slots=True)
class _Loaded:
    values: dict[str, str]  # by setting key, as text
    user_scheme: str
    keychain: KeychainStatus
    remembered: bool


class SettingsDialog(QDialog):
    """See the module docstring. ``workers`` defaults to the parent's (the main
    window's) or a pool of the dialog's own."""

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        *,
        workers: Workers | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        parent_workers = getattr(parent, "workers", None)
        if workers is None:
            workers = parent_workers if isinstance(parent_workers, Workers) else Workers(self)
        self.workers = workers
        self._loaded: _Loaded | None = None
        self._saving = False
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(560)

        self.auto_lock = QSpinBox()
        self.auto_lock.setRange(0, 24 * 60)
        self.auto_lock.setSuffix(self.tr(" min"))
        self.auto_lock.setSpecialValueText(self.tr("Never"))
        self.screen_lock = QCheckBox(self.tr("Lock the vault when the screen locks"))
        self.clipboard = QSpinBox()
        self.clipboard.setRange(5, 600)
        self.clipboard.setSuffix(self.tr(" s"))
        self.remember = QCheckBox(self.tr("Remember the vault on this device"))
        self.keychain_note = PlainLabel(self.tr("Asking the keychain…"))
        self.keychain_note.setObjectName("keychainStatus")
        self.keychain_note.setWordWrap(True)
        self.change_passphrase = QPushButton(self.tr("Change passphrase…"))
        self.passphrase_note = PlainLabel()
        self.passphrase_note.setObjectName("passphraseNote")
        self.passphrase_note.setWordWrap(True)
        self.scheme = QComboBox()
        for scheme_id in sorted(session.schemes):
            self.scheme.addItem(session.schemes[scheme_id].name, scheme_id)
        self.paper = QComboBox()
        self.paper.addItem(self.tr("A4"), "a4")
        self.paper.addItem(self.tr("US Letter"), "letter")
        self.ceiling = QLineEdit()
        self.ceiling.setPlaceholderText(self.tr("default, off, or a level such as SECRET"))
        self.ceiling_note = PlainLabel()
        self.ceiling_note.setObjectName("ceilingNote")
        self.ceiling_note.setWordWrap(True)
        self.post_quantum = QLineEdit()
        self.post_quantum.setPlaceholderText(self.tr("off, or a level such as SECRET"))
        self.history = QSpinBox()
        self.history.setRange(1, 1000)
        self.history.setSuffix(self.tr(" versions"))
        self.language = QComboBox()
        self.language.addItem(self.tr("System language"), "")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.attested = QLineEdit()
        self.attested.setPlaceholderText(self.tr("default, off, or a level such as CONFIDENTIAL"))
        self.open_directory = QPushButton(self.tr("Directory…"))
        self.open_directory.setObjectName("openDirectory")
        self.open_directory.setAccessibleName(self.tr("Security offices and their directories"))
        language_note = PlainLabel(self.tr("A change of language applies at the next start."))
        language_note.setWordWrap(True)
        # issue 18: levels from which release needs one approval, or two
        self.approval = QComboBox()
        self.two_person = QComboBox()
        for combo in (self.approval, self.two_person):
            combo.addItem(self.tr("Off"), _OFF)
        for widget, name, accessible in (
            (self.auto_lock, AUTO_LOCK_MINUTES.key, self.tr("Lock after minutes without use")),
            (self.screen_lock, LOCK_ON_SCREEN_LOCK.key, self.tr("Lock when the screen locks")),
            (self.clipboard, CLIPBOARD_CLEAR_SECONDS.key,
             self.tr("Clear copied text after seconds")),
            (self.remember, "remember", self.tr("Remember the vault on this device")),
            (self.change_passphrase, "changePassphrase", self.tr("Change the passphrase")),
            (self.scheme, DEFAULT_SCHEME.key, self.tr("Scheme of new drafts")),
            (self.paper, PAPER.key, self.tr("Paper size")),
            (self.ceiling, EXPORT_CEILING.key, self.tr("Export ceiling")),
            (self.post_quantum, POST_QUANTUM_FROM.key,
             self.tr("Lowest level sealed only for post-quantum keys")),
            (self.history, DRAFT_HISTORY_LIMIT.key, self.tr("Earlier versions kept per draft")),
            (self.attested, ATTESTED_FROM.key, self.tr("Attested attributes required from")),
            (self.language, LANGUAGE.key, self.tr("Language")),
            (self.approval, APPROVAL_REQUIRED_FROM.key,
             self.tr("Approval required from this level")),
            (self.two_person, TWO_PERSON_FROM.key, self.tr("Two approvals from this level")),
        ):  # fmt: skip
            widget.setObjectName(name)
            widget.setAccessibleName(accessible)

        security = QGroupBox(self.tr("Security"))
        form = QFormLayout(security)
        form.addRow(self.tr("Lock after:"), self.auto_lock)
        form.addRow("", self.screen_lock)
        form.addRow(self.tr("Clear copied text after:"), self.clipboard)
        form.addRow("", self.remember)
        form.addRow("", self.keychain_note)
        form.addRow(self.tr("Passphrase:"), self.change_passphrase)
        form.addRow("", self.passphrase_note)
        form.addRow(self.tr("Post-quantum from:"), self.post_quantum)
        documents = QGroupBox(self.tr("Drafts and documents"))
        form = QFormLayout(documents)
        form.addRow(self.tr("Scheme of new drafts:"), self.scheme)
        form.addRow(self.tr("Paper size:"), self.paper)
        form.addRow(self.tr("Export ceiling:"), self.ceiling)
        form.addRow("", self.ceiling_note)
        form.addRow(self.tr("Draft history:"), self.history)
        directory = QGroupBox(self.tr("Directory"))
        form = QFormLayout(directory)
        form.addRow(self.tr("Attested attributes from:"), self.attested)
        form.addRow("", self.open_directory)
        clearance = QGroupBox(self.tr("Release"))  # issue 18
        form = QFormLayout(clearance)
        form.addRow(self.tr("Approval required from:"), self.approval)
        form.addRow(self.tr("Two approvals from:"), self.two_person)
        language = QGroupBox(self.tr("Language"))
        form = QFormLayout(language)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow("", language_note)
        self.error = PlainLabel()
        self.error.setObjectName("settingsError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(_ERROR)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("saveSettings")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for box in (security, documents, directory, clearance, language):
            layout.addWidget(box)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.ceiling.textChanged.connect(lambda _: self._update())
        self.change_passphrase.clicked.connect(self._change_passphrase)
        self.open_directory.clicked.connect(self.show_directory)
        self.remember.setEnabled(False)
        self._update()
        self._load()

    # --- reading -------------------------------------------------------------------

    def _load(self) -> None:
        settings, keychain = self.session.settings, self.session.keychain

        def work(ctx: JobContext) -> _Loaded:
            values = {view.key: view.value for view in settings.show()}
            status = keychain.status()
            remembered = status.usable and keychain.remembers()
            return _Loaded(values, settings.user_scheme(), status, remembered)

        self.workers.run("read the settings", work, on_done=self._show, on_failed=self._failed)

    def _show(self, loaded: _Loaded) -> None:
        self._loaded = loaded
        v = loaded.values
        self.auto_lock.setValue(_minutes(v[AUTO_LOCK_MINUTES.key]))
        self.screen_lock.setChecked(v[LOCK_ON_SCREEN_LOCK.key] == _ON)
        self.clipboard.setValue(int(v[CLIPBOARD_CLEAR_SECONDS.key]))
        self.scheme.setCurrentIndex(max(0, self.scheme.findData(v[DEFAULT_SCHEME.key])))
        self.paper.setCurrentIndex(max(0, self.paper.findData(v[PAPER.key])))
        ceiling = v[EXPORT_CEILING.key]
        self.ceiling.setText("" if ceiling == _DEFAULT else ceiling)
        self.history.setValue(int(v[DRAFT_HISTORY_LIMIT.key]))
        self.post_quantum.setText(v[POST_QUANTUM_FROM.key])
        attested = v[ATTESTED_FROM.key]
        self.attested.setText("" if attested == _DEFAULT else attested)
        language = "" if v[LANGUAGE.key] == _SYSTEM else v[LANGUAGE.key]
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self._show_levels(loaded, (self.approval, APPROVAL_REQUIRED_FROM.key),
                          (self.two_person, TWO_PERSON_FROM.key))  # fmt: skip
        status = loaded.keychain
        self.remember.setEnabled(status.usable)
        self.remember.setChecked(loaded.remembered)
        if not status.usable:
            self.keychain_note.setText(translated(status.reason))
        elif loaded.remembered:
            self.keychain_note.setText(
                self.tr("Remembered in {0}: the vault opens without the passphrase here.").format(
                    status.name
                )
            )
        else:
            self.keychain_note.setText(
                self.tr("Not remembered; {0} can keep the vault's key.").format(status.name)
            )
        self._update()

    def _show_levels(self, loaded: _Loaded, *combos: tuple[QComboBox, str]) -> None:
        """Issue 18: the level switches offer off and the levels of the user's scheme."""
        scheme = self.session.schemes.get(loaded.user_scheme)
        levels = [level.name for level in scheme.levels] if scheme is not None else []
        for combo, key in combos:
            combo.clear()
            combo.addItem(self.tr("Off"), _OFF)
            for name in levels:
                combo.addItem(name, name)
            value = loaded.values[key]
            if combo.findData(value) < 0:
                combo.addItem(value, value)
            combo.setCurrentIndex(max(0, combo.findData(value)))

    # --- checking and saving -----------------------------------------------------------

    def _update(self) -> None:
        ok = self._check_ceiling()
        self.save_button.setEnabled(ok and self._loaded is not None and not self._saving)
        grow(self)

    def _check_ceiling(self) -> bool:
        """Say what the typed ceiling means for each scheme (no vault read: as one types)."""
        if self._loaded is None:
            return False
        try:
            levels = self.session.settings.ceiling_in_effect(
                self.ceiling.text(), self._loaded.user_scheme
            )
        except CableDeskError as exc:
            problem = describe(exc)
            self.ceiling_note.setStyleSheet(_ERROR)
            self.ceiling_note.setText(" ".join(filter(None, (problem.message, problem.hint))))
            return False
        none = self.tr("(none)")  # outside the f-string, where lupdate can see it
        shown = [f"{name}={level or none}" for name, level in levels]
        self.ceiling_note.setStyleSheet("")
        self.ceiling_note.setText(self.tr("In effect: {0}").format(", ".join(shown)))
        return True

    def texts(self) -> dict[str, str]:
        """What Save stores, by setting key, as ``cabledesk-cli settings set`` takes it."""
        return {
            AUTO_LOCK_MINUTES.key: str(self.auto_lock.value()),
            LOCK_ON_SCREEN_LOCK.key: _ON if self.screen_lock.isChecked() else _OFF,
            CLIPBOARD_CLEAR_SECONDS.key: str(self.clipboard.value()),
            DEFAULT_SCHEME.key: str(self.scheme.currentData()),
            PAPER.key: str(self.paper.currentData()),
            EXPORT_CEILING.key: " ".join(self.ceiling.text().split()) or _DEFAULT,
            DRAFT_HISTORY_LIMIT.key: str(self.history.value()),
            ATTESTED_FROM.key: " ".join(self.attested.text().split()) or _DEFAULT,
            LANGUAGE.key: str(self.language.currentData() or _SYSTEM),
            POST_QUANTUM_FROM.key: " ".join(self.post_quantum.text().split())
            or POST_QUANTUM_FROM.default,
            APPROVAL_REQUIRED_FROM.key: str(self.approval.currentData() or _OFF),  # issue 18
            TWO_PERSON_FROM.key: str(self.two_person.currentData() or _OFF),  # issue 18
        }

    def save(self) -> None:
        if self._loaded is None or not self.save_button.isEnabled():
            return
        everything = self.texts()
        shown = self._loaded.values  # only what was changed here is stored (and audited)
        texts = {key: text for key, text in everything.items() if text != shown.get(key)}
        remember = self.remember.isChecked() if self.remember.isEnabled() else None
        change = None if remember is None or remember == self._loaded.remembered else remember
        settings, keychain = self.session.settings, self.session.keychain
        preferences = str(self.session.folder / PREFERENCES_FILE)
        language = "" if everything[LANGUAGE.key] == _SYSTEM else everything[LANGUAGE.key]

        def work(ctx: JobContext) -> None:
            settings.set_many(texts)
            ui = QSettings(preferences, QSettings.Format.IniFormat)
            ui.setValue("language", language)
            ui.sync()
            if change is True:
                keychain.remember()
            elif change is False:
                keychain.forget()

        self._saving = True
        self.error.clear()
        self._update()
        self.workers.run(
            "save the settings", work, write=True, on_done=self._saved, on_failed=self._failed
        )

    def _saved(self, _: object) -> None:
        self._saving = False
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._saving = False
        self._update()
        if not isinstance(exc, CableDeskError):
            show_error(self, exc)  # a bug: the error dialog says so and offers a report
            return
        problem = describe(exc)
        self.error.setText(" ".join(filter(None, (problem.message, problem.hint))))
        grow(self)
        if self._loaded is not None:
            self._load()  # say again what the keychain holds now

    def show_directory(self) -> QDialog:
        """Settings → Directory (opened, not run modal)."""
        from cabledesk.ui.directory_dialog import DirectoryDialog

        dialog = DirectoryDialog(self.session, self, workers=self.workers)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _change_passphrase(self) -> None:
        dialog = ChangePassphraseDialog(self.session, self.workers, self)
        dialog.accepted.connect(
            lambda: self.passphrase_note.setText(self.tr("The passphrase was changed."))
        )
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()


def _minutes(text: str) -> int:
    return 0 if text == _OFF else int(text)
