"""File → Open and files dropped on the main window: each file to the screen it needs.

- ``.contact``: imported; a window says new, updated or unchanged, shows the
  safety number and offers "Mark verified…".
- ``.docx``, ``.pdf``, ``.zip``: the signature is checked (with a ``.sig``
  opened or dropped together with it, else the one beside it, or the
  bundle's own) and the verdict is shown first, in colour and words.
- ``.cable``, and any file that starts like an age file: handed to
  :func:`cabledesk.ui.open_cable.open_cable`.
- ``.cdir`` (a directory) and ``.anchor`` (a security office's anchor): Tools →
  Directory opens and imports it, or asks to trust it.
- anything else, or a ``.sig`` alone: a message says what CableDesk opens.

Reading files, imports and checks run off the GUI thread; the windows that
show their results are not modal to the application, so several files can be
opened at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from cabledesk.ui._age_keys import SNIFF_BYTES, looks_like_age
from cabledesk.ui._card_import_dialog import CardImport, CardImportDialog, import_card
from cabledesk.ui._verdict_dialog import DocumentVerdictDialog
from cabledesk.ui.errors import describe
from cabledesk.ui.plain import message_box
from cabledesk.ui.workers import JobContext

if TYPE_CHECKING:
    from cabledesk.export.verification import DocumentVerification
    from cabledesk.ui.main_window import MainWindow

__all__ = ["DOCUMENT_SUFFIXES", "open_files"]

DOCUMENT_SUFFIXES = (".docx", ".pdf", ".zip")
CARD_SUFFIX = ".contact"
CABLE_SUFFIX = ".cable"
SIGNATURE_SUFFIX = ".sig"
DIRECTORY_SUFFIXES = (".cdir", ".anchor")


def open_files(window: MainWindow, paths: list[Path]) -> None:
    """Open each of ``paths`` as its kind says (see the module docstring)."""
    _Opener(window).open([Path(p) for p in paths])


def _sniff(paths: list[Path]) -> list[tuple[Path, bool]]:
    """Whether each file starts like an age file (off the GUI thread)."""
    found: list[tuple[Path, bool]] = []
    for path in paths:
        try:
            with path.open("rb") as f:
                found.append((path, looks_like_age(f.read(SNIFF_BYTES))))
        except OSError:
            found.append((path, False))
    return found


class _Opener(QObject):
    """Sorts the files and starts the work for each; owned by the window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.workers = window.workers

    def open(self, paths: list[Path]) -> None:
        signatures = [p for p in paths if p.suffix.lower() == SIGNATURE_SUFFIX]
        documents = [p for p in paths if p.suffix.lower() in DOCUMENT_SUFFIXES]
        cards = [p for p in paths if p.suffix.lower() == CARD_SUFFIX]
        cables = [p for p in paths if p.suffix.lower() == CABLE_SUFFIX]
        directories = [p for p in paths if p.suffix.lower() in DIRECTORY_SUFFIXES]
        known = {*signatures, *documents, *cards, *cables, *directories}
        others = [p for p in paths if p not in known]
        if directories:
            from cabledesk.ui.window_actions import open_directory

            dialog = open_directory(self.window)
            for path in directories:
                if path.suffix.lower() == ".cdir":
                    dialog.import_file(path)
                else:
                    dialog.trust_file(path)
        pairs, lone = _pair(documents, signatures)
        for document, signature in pairs:
            self.verify(document, signature)
        for card in cards:
            self.import_card(card)
        for cable in cables:
            self.open_cable(cable)
        problems = [
            self.tr(
                "{0} is a signature. Open it together with the document it signs (select or "
                "drop both files)."
            ).format(sig.name)
            for sig in lone
        ]
        if others:
            self.workers.run(
                "look at the files",
                lambda ctx: _sniff(others),
                on_done=lambda found: self._sorted(found, problems),
                on_failed=lambda exc: self._tell([_words(exc)]),
            )
        elif problems:
            self._tell(problems)

    def _sorted(self, found: list[tuple[Path, bool]], problems: list[str]) -> None:
        for path, age in found:
            if age:
                self.open_cable(path)
            else:
                problems.append(
                    self.tr(
                        "CableDesk cannot open {0}: it is not a sealed cable (.cable), a signed "
                        "document (.docx, .pdf, .zip) or a contact card (.contact)."
                    ).format(path.name)
                )
        if problems:
            self._tell(problems)

    def _tell(self, problems: list[str]) -> None:
        box = message_box(
            self.window, QMessageBox.Icon.Information, self.tr("Open"), "\n\n".join(problems)
        )
        box.setObjectName("openProblem")
        box.finished.connect(box.deleteLater)
        box.open()

    # --- each kind -------------------------------------------------------------------

    def open_cable(self, path: Path) -> None:
        from cabledesk.ui.open_cable import open_cable

        open_cable(self.window, path)

    def verify(self, document: Path, signature: Path | None) -> None:
        dialog = DocumentVerdictDialog(self.session, self.workers, document, self.window)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        documents = self.session.documents

        def work(ctx: JobContext) -> DocumentVerification:
            return documents.verify(document, signature=signature)

        self.workers.run(
            f"check {document.name}",
            work,
            write=True,  # the check is recorded in the audit log
            on_done=dialog.show_result,
            on_failed=dialog.show_problem,
        )

    def import_card(self, path: Path) -> None:
        dialog = CardImportDialog(self.session, self.workers, self.window)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        session = self.session

        def work(ctx: JobContext) -> CardImport:
            return import_card(session, path)

        self.workers.run(
            f"import {path.name}",
            work,
            write=True,
            on_done=lambda result: self._card_imported(dialog, result),
            on_failed=dialog.show_problem,
        )

    def _card_imported(self, dialog: CardImportDialog, result: CardImport) -> None:
        dialog.show_outcome(result)
        from cabledesk.ui.contacts_view import ContactsView

        for view in self.window.findChildren(ContactsView):
            view.refresh()


def _words(exc: BaseException) -> str:
    problem = describe(exc)
    return " ".join(filter(None, (problem.message, problem.hint)))


def _pair(
    documents: list[Path], signatures: list[Path]
) -> tuple[list[tuple[Path, Path | None]], list[Path]]:
    """Each document with the signature opened beside it, if any; and the signatures left.

    ``NAME.sig`` goes with ``NAME``; a single document and a single signature
    of other names go together too (the check then says if it was made for
    another file).
    """
    left = list(signatures)
    pairs: list[tuple[Path, Path | None]] = []
    for document in documents:
        match = next((s for s in left if s.name == document.name + SIGNATURE_SUFFIX), None)
        if match is not None:
            left.remove(match)
        pairs.append((document, match))
    unsigned = [i for i, (_, sig) in enumerate(pairs) if sig is None]
    if len(unsigned) == 1 and len(left) == 1:
        pairs[unsigned[0]] = (pairs[unsigned[0]][0], left.pop())
    return pairs, left
