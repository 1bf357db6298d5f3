"""How strong a new passphrase is: a five-step bar and the words for it.

One widget for every form that sets a passphrase (the first-run assistant,
the change of the vault's passphrase, encryption of a file with a
passphrase), so that they judge and word it alike. The judgement and its
words are the core's (:mod:`cabledesk.services.passwords`, the rule the
command line applies too), shown here in the user's language;
:meth:`StrengthMeter.acceptable` says whether the passphrase may be set.
The bar's colour follows the score (red, orange, olive, green), never alone:
the words say it too. "Show passphrase" (:meth:`StrengthMeter.add_to`) shows
the form's passphrase fields as text while it is ticked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLineEdit, QProgressBar

from cabledesk.ui.phrases import in_words
from cabledesk.ui.plain import PlainLabel

__all__ = ["StrengthMeter", "secret_field"]

MAX_SCORE = 4
# By score: weak scores red, then orange, olive and green (each at least 3:1 against
# the window's light grey and white, as WCAG asks of a graphical object).
COLOURS = ("#b00020", "#b00020", "#b35400", "#5f6f00", "#1e7b34")


class StrengthMeter:
    """The bar (``strength``) and, in the row below, the words (``strengthHint``)."""

    def __init__(self) -> None:
        self.bar = QProgressBar()
        self.bar.setObjectName("strength")
        self.bar.setRange(0, MAX_SCORE)
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(
            QCoreApplication.translate("StrengthMeter", "Passphrase strength")
        )
        self.hint = PlainLabel()
        self.hint.setObjectName("strengthHint")
        self.hint.setWordWrap(True)
        self.show_text = QCheckBox(QCoreApplication.translate("StrengthMeter", "Show passphrase"))
        self.show_text.setObjectName("showPassphrase")
        self._acceptable = False
        self._colour = ""
        self._fields: list[QLineEdit] = []
        self.show_text.toggled.connect(self._show_fields)

    def add_to(self, form: QFormLayout, label: str, fields: Sequence[QLineEdit] = ()) -> None:
        """Rows of ``form``: the bar beside ``label``, the words under it, and (given the
        passphrase ``fields``) "Show passphrase"."""
        form.addRow(label, self.bar)
        form.addRow("", self.hint)
        if fields:
            self._fields = list(fields)
            form.addRow("", self.show_text)

    @property
    def colour(self) -> str:
        """The bar's colour now ("" while there is nothing to judge)."""
        return self._colour

    def _show_fields(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        for field in self._fields:
            field.setEchoMode(mode)

    def _paint(self, score: int | None) -> None:
        self._colour = "" if score is None else COLOURS[max(0, min(score, MAX_SCORE))]
        self.bar.setStyleSheet(
            f"QProgressBar::chunk {{ background-color: {self._colour}; }}" if self._colour else ""
        )

    @property
    def acceptable(self) -> bool:
        """Whether the passphrase last shown may be set (the rule of the core)."""
        return self._acceptable

    def show_strength(self, passphrase: str, problem: str = "") -> None:
        """Judge ``passphrase`` (nothing shown while it is empty); a ``problem``
        (such as two entries that differ) replaces the words."""
        if not passphrase:
            self._acceptable = False
            self.bar.setValue(0)
            self.bar.setAccessibleDescription("")
            self.hint.setText(problem)
            self._paint(None)
            return
        # Loaded at the first keystroke, not with the window: zxcvbn's lists are large.
        from cabledesk.services.passwords import estimate

        strength = estimate(passphrase)
        words = in_words(strength.words)
        self._acceptable = strength.acceptable
        self.bar.setValue(strength.score)
        self._paint(strength.score)
        self.bar.setAccessibleDescription(words)
        self.hint.setText(problem or words)


def secret_field(name: str, accessible: str, on_change: Callable[[], None]) -> QLineEdit:
    """A passphrase field: its text hidden (until "Show passphrase"), its object and
    accessible names, and ``on_change`` called at each edit."""
    field = QLineEdit()
    field.setObjectName(name)
    field.setAccessibleName(accessible)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.textChanged.connect(lambda _: on_change())
    return field
