"""How strong a new passphrase is: a five-step bar and a hint in words.

One widget for every form that sets a passphrase (the first-run assistant,
the change of the vault's passphrase, encryption of a file with a
passphrase), so that they judge and word it alike; the judgement itself is
the core's (:func:`~cabledesk.services.vault_access.passphrase_strength`).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QProgressBar

from cabledesk.services.vault_access import passphrase_strength

__all__ = ["StrengthMeter"]


def _tr(text: str) -> str:
    return QCoreApplication.translate("StrengthMeter", text)


class StrengthMeter:
    """The bar (``strength``) and, in the row below, the hint (``strengthHint``)."""

    def __init__(self) -> None:
        self.bar = QProgressBar()
        self.bar.setObjectName("strength")
        self.bar.setRange(0, 4)
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(
            QCoreApplication.translate("StrengthMeter", "Passphrase strength")
        )
        self.hint = QLabel()
        self.hint.setObjectName("strengthHint")
        self.hint.setWordWrap(True)

    def add_to(self, form: QFormLayout, label: str) -> None:
        """Two rows of ``form``: the bar beside ``label``, the hint under it."""
        form.addRow(label, self.bar)
        form.addRow("", self.hint)

    def show_strength(self, passphrase: str, problem: str = "") -> None:
        """Judge ``passphrase`` (nothing shown while it is empty); a ``problem``
        (such as two entries that differ) replaces the hint."""
        score, hint = passphrase_strength(passphrase)
        words = _tr(hint) if passphrase else ""
        self.bar.setValue(score if passphrase else 0)
        self.bar.setAccessibleDescription(words)
        self.hint.setText(problem or words)
