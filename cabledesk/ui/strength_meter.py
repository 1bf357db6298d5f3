"""How strong a new passphrase is: a five-step bar and the words for it.

One widget for every form that sets a passphrase (the first-run assistant,
the change of the vault's passphrase, encryption of a file with a
passphrase), so that they judge and word it alike. The judgement and its
words are the core's (:mod:`cabledesk.services.passwords`, the rule the
command line applies too), shown here in the user's language;
:meth:`StrengthMeter.acceptable` says whether the passphrase may be set.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QProgressBar

from cabledesk.ui.phrases import in_words
from cabledesk.ui.plain import PlainLabel

__all__ = ["StrengthMeter"]

MAX_SCORE = 4


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
        self._acceptable = False

    def add_to(self, form: QFormLayout, label: str) -> None:
        """Two rows of ``form``: the bar beside ``label``, the words under it."""
        form.addRow(label, self.bar)
        form.addRow("", self.hint)

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
            return
        # Loaded at the first keystroke, not with the window: zxcvbn's lists are large.
        from cabledesk.services.passwords import estimate

        strength = estimate(passphrase)
        words = in_words(strength.words)
        self._acceptable = strength.acceptable
        self.bar.setValue(strength.score)
        self.bar.setAccessibleDescription(words)
        self.hint.setText(problem or words)
