"""Where the seal dialog writes: the file name, and a name already taken said at once.

Sealing never replaces a file. So a name that is taken is said as soon as it is
typed or suggested — before the user presses Seal, in their language — with
the first free name beside it (``talks_2.cable``) offered in one click;
:attr:`OutputFile.free` is False meanwhile, and the dialog keeps Seal off.
``.cable`` is added to a name typed without it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from cabledesk.services.sealing import free_path
from cabledesk.ui._file_policy import NO_COLOUR
from cabledesk.ui.plain import PlainLabel

__all__ = ["OutputFile"]


class OutputFile(QWidget):
    """The output line with Browse…, and under it what to do when the name is taken."""

    changed = Signal()  # the name, or whether it is free, changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.output = QLineEdit()
        self.output.setObjectName("output")
        self.output.setAccessibleName(self.tr("Output file"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        self.name_taken = PlainLabel()
        self.name_taken.setObjectName("nameTaken")
        self.name_taken.setWordWrap(True)
        self.name_taken.setStyleSheet(f"color: {NO_COLOUR};")
        self.rename_button = QPushButton()
        self.rename_button.setObjectName("useFreeName")
        self.rename_button.clicked.connect(self._use_free_name)
        self._free_name: Path | None = None
        self.choose: Callable[[], Path | None] = self.ask
        row = QHBoxLayout()
        row.addWidget(self.output, 1)
        row.addWidget(browse)
        taken = QHBoxLayout()
        taken.addWidget(self.name_taken, 1)
        taken.addWidget(self.rename_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addLayout(taken)
        self.output.textChanged.connect(lambda _: self._check_name())
        self._check_name()

    @property
    def free(self) -> bool:
        """Whether the chosen name is free (no file there)."""
        return self._free_name is None

    def path(self) -> Path:
        """The file to write: the path typed, with ``.cable`` added."""
        output = Path(self.output.text()).expanduser()
        if output.suffix != ".cable":
            output = output.with_name(output.name + ".cable")
        return output

    def ask(self) -> Path | None:
        """Where to write, from a save dialog (None: cancelled)."""
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Write the sealed cable to"), self.output.text(),
            self.tr("Sealed cables (*.cable)"),
        )  # fmt: skip
        return Path(name) if name else None

    def _check_name(self) -> None:
        try:
            output = self.path()
        except ValueError:  # no file name typed yet ("", "/")
            output, taken = Path(), False
        else:
            taken = bool(self.output.text().strip()) and output.is_file()
        self._free_name = free_path(output) if taken else None
        if self._free_name is not None:
            self.name_taken.setText(
                self.tr(
                    "A file named {0} is already in this folder; sealing never replaces a file."
                ).format(output.name)
            )
            self.rename_button.setText(self.tr("Use {0}").format(self._free_name.name))
        self.name_taken.setVisible(taken)
        self.rename_button.setVisible(taken)
        self.changed.emit()

    def _use_free_name(self) -> None:
        if self._free_name is not None:
            self.output.setText(str(self._free_name))
            self.output.setFocus()

    def _browse(self) -> None:
        path = self.choose()
        if path is not None:
            self.output.setText(str(path))
