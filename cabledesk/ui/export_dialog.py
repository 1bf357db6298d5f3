"""The export dialog: .docx or PDF, signed or not, at the cable's level or as a
sanitized version at a lower one; with the refusal reason, before anything is
written, when the export ceiling forbids it.

The export runs off the GUI thread (a PDF goes through LibreOffice) and is
recorded in the audit log.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cabledesk.domain.cable import Cable
from cabledesk.errors import CableDeskError
from cabledesk.services.document_signers import ExportSettings, Paper
from cabledesk.services.exporting import DocumentFormat, ExportRequest, ExportResult
from cabledesk.services.session import Session
from cabledesk.services.settings import PAPER
from cabledesk.ui.banner_bar import BannerBar
from cabledesk.ui.errors import describe, show_error
from cabledesk.ui.workers import JobContext, Workers

__all__ = ["ExportDialog"]


class ExportDialog(QDialog):
    def __init__(
        self, session: Session, workers: Workers, cable: Cable, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle(self.tr("Export the cable"))
        self.setMinimumWidth(640)
        self._session = session
        self._workers = workers
        self._cable = cable
        self.result_: ExportResult | None = None
        scheme = session.schemes[cable.scheme]
        banner = session.drafts.banner(cable)
        self.banner = BannerBar()
        if banner is not None:
            self.banner.show_marking(banner)
        self.format = QComboBox()
        self.format.setObjectName("format")
        self.format.addItem(self.tr("Word document (.docx)"), DocumentFormat.DOCX.value)
        self.format.addItem(self.tr("PDF (through LibreOffice)"), DocumentFormat.PDF.value)
        self.level = QComboBox()
        self.level.setObjectName("level")
        top = banner.level.rank if banner is not None else len(scheme.levels)
        self.level.addItem(self.tr("As marked (no sanitizing)"), "")
        for level in scheme.levels:
            if level.rank < top:
                self.level.addItem(self.tr("Sanitized at {0}").format(level.name), level.name)
        self.release_to = QLineEdit()
        self.release_to.setObjectName("releaseTo")
        self.release_to.setPlaceholderText(self.tr("optional: countries, e.g. GBR, FRA"))
        self.sign = QCheckBox(self.tr("Sign it (a .sig file anyone can check with ssh-keygen)"))
        self.sign.setObjectName("sign")
        self.sign.setChecked(True)
        self.bundle = QCheckBox(self.tr("Also write a .zip with the signature and my contact card"))
        self.bundle.setObjectName("bundle")
        self.paper = QComboBox()
        self.paper.setObjectName("paper")
        self.paper.addItem("A4", Paper.A4.value)
        self.paper.addItem("Letter", Paper.LETTER.value)
        self.paper.setCurrentIndex(max(0, self.paper.findData(session.settings.get(PAPER))))
        self.output = QLineEdit(str(Path.home() / f"{_stem(cable)}.docx"))
        self.output.setObjectName("exportOutput")
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        self.verdict = QLabel()
        self.verdict.setObjectName("exportVerdict")
        self.verdict.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setObjectName("exportButton")
        self.export_button.clicked.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        for widget, name in (
            (self.format, self.tr("Format")),
            (self.level, self.tr("Level")),
            (self.release_to, self.tr("Release to countries")),
            (self.sign, self.tr("Sign the document")),
            (self.bundle, self.tr("Write a bundle")),
            (self.paper, self.tr("Paper size")),
            (self.output, self.tr("Output file")),
        ):
            widget.setAccessibleName(name)
        out_row = QHBoxLayout()
        out_row.addWidget(self.output, 1)
        out_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("Level:"), self.level)
        form.addRow(self.tr("Release to:"), self.release_to)
        form.addRow("", self.sign)
        form.addRow("", self.bundle)
        form.addRow(self.tr("Paper:"), self.paper)
        form.addRow(self.tr("Write to:"), out_row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.verdict)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.choose_output = self._ask_output
        for combo in (self.format, self.level):
            combo.currentIndexChanged.connect(lambda _: self._update())
        self.release_to.textChanged.connect(lambda _: self._update())
        self.sign.toggled.connect(lambda _: self._update())
        self._update()

    def _request(self) -> ExportRequest:
        fmt = DocumentFormat(str(self.format.currentData()))
        output = Path(self.output.text()).expanduser()
        if output.suffix.lower() != f".{fmt.value}":
            output = output.with_suffix(f".{fmt.value}")
        countries = tuple(c.strip().upper() for c in self.release_to.text().split(",") if c.strip())
        return ExportRequest(
            output=output,
            format=fmt,
            level=str(self.level.currentData()) or None,
            release_to=countries,
            settings=ExportSettings(paper=Paper(str(self.paper.currentData()))),
        )

    def _update(self) -> None:
        """Say now whether the policy allows the export (nothing is written)."""
        self.bundle.setEnabled(self.sign.isChecked())
        request = self._request()
        self.output.setText(str(request.output))
        try:
            service = self._session.documents.service()
            rendered = service.render(
                self._cable, level=request.level, release_to=request.release_to
            )
            service.ceiling.check(rendered.banner)
        except CableDeskError as exc:
            problem = describe(exc)
            self.verdict.setText(" ".join(filter(None, (problem.message, problem.hint))))
            self.verdict.setStyleSheet("color: #b00020;")
            self.export_button.setEnabled(False)
            return
        note = self.tr("Exported as {0}.").format(rendered.banner.banner)
        if rendered.tearline is not None:
            note += " " + rendered.tearline.statement()
        self.verdict.setText(note)
        self.verdict.setStyleSheet("")
        self.export_button.setEnabled(True)

    def _ask_output(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.output.text())
        return Path(name) if name else None

    def _browse(self) -> None:
        path = self.choose_output()
        if path is not None:
            self.output.setText(str(path))
            self._update()

    def export(self) -> None:
        request = self._request()
        sign = self.sign.isChecked()
        if sign and self.bundle.isChecked():
            from dataclasses import replace

            signer = self._session.identity.document_signer()
            request = replace(request, signer=signer, bundle=True)
        documents = self._session.documents
        cable = self._cable
        self.progress.setVisible(True)
        self.export_button.setEnabled(False)

        def work(ctx: JobContext) -> ExportResult:
            return documents.export(cable, request, sign=sign)

        self._workers.run("export", work, write=True, on_done=self._done, on_failed=self._failed)

    def _done(self, result: ExportResult) -> None:
        self.result_ = result
        self.progress.setVisible(False)
        QMessageBox.information(
            self,
            self.tr("Exported"),
            self.tr("Wrote:\n{0}").format("\n".join(str(p) for p in result.paths)),
        )
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.progress.setVisible(False)
        self.export_button.setEnabled(True)
        show_error(self, exc)


def _stem(cable: Cable) -> str:
    words = "".join(c if c.isalnum() else "-" for c in cable.subject.lower())
    return "-".join(filter(None, words.split("-")))[:60] or "cable"
