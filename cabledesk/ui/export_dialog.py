"""The export dialog: .docx or PDF, signed or not, at the cable's level or as a
sanitized version at a lower one; with the refusal reason, before anything is
written, when the export ceiling forbids it.

The check runs on the worker pool whenever a choice changes (it reads the
ceiling and the paper size from the vault and renders the document), and only
the newest check's answer is shown: the window stays responsive while the vault
is busy, and Export is enabled only by the answer to the choices on screen. The
export runs off the GUI thread too (a PDF goes through LibreOffice) and is
recorded in the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from cabledesk.domain.cable import Cable
from cabledesk.services.document_signers import ExportSettings, Paper
from cabledesk.services.exporting import (
    DocumentFormat,
    ExportRequest,
    ExportResult,
    RenderedDocument,
)
from cabledesk.services.session import Session
from cabledesk.ui._release_options import ReleaseOptionsBox
from cabledesk.ui.banner_bar import BannerBar
from cabledesk.ui.errors import describe, show_error
from cabledesk.ui.folders import documents_folder
from cabledesk.ui.plain import PlainLabel, inform
from cabledesk.ui.workers import JobContext, Workers, while_alive

__all__ = ["ExportDialog"]

NO_COLOUR = "#b00020"


@dataclass(frozen=True, slots=True)
class _Check:
    """A check's answer: the paper size to offer (the setting, or the scheme's), the
    document as it would be written, and the export ceiling's level if that document
    is above it (None: allowed)."""

    paper: str
    rendered: RenderedDocument
    above_ceiling: str | None = None


def _check(session: Session, cable: Cable, request: ExportRequest) -> _Check:
    """On a worker: render ``cable`` as ``request`` asks and apply the export ceiling.
    Raises what rendering raises (MarkingError, …); the ceiling's refusal is part of
    the answer, so that the dialog can word it for the choices on screen."""
    paper = session.settings.paper_for(cable.scheme)
    documents = session.documents
    service = documents.service()
    rendered = service.render(
        cable, level=request.level, release_to=request.release_to, options=request.sanitize
    )
    if not service.ceiling.allows(rendered.banner):
        ceiling = service.ceiling.level_for(rendered.banner.scheme)
        return _Check(paper, rendered, ceiling.name if ceiling is not None else None)
    return _Check(paper, rendered)


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
        self._checks = 0  # each check has a number: only the newest one's answer is shown
        self._checking = False
        self._allowed = False  # what the newest check answered
        self._exporting = False
        self._paper_read = False  # the stored paper size was applied, or one was chosen
        self.result_: ExportResult | None = None
        scheme = session.schemes[cable.scheme]
        banner = session.drafts.banner(cable)
        self._source_banner = banner.banner if banner is not None else ""
        self.banner_caption = PlainLabel(self.tr("The document will be marked:"))
        self.banner_caption.setObjectName("exportBannerCaption")
        self.banner = BannerBar()  # the banner of what will be written, as choices change
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
        self.release = ReleaseOptionsBox()
        self.release.changed.connect(self._update)
        self.sign = QCheckBox(self.tr("Sign it (a .sig file anyone can check with ssh-keygen)"))
        self.sign.setObjectName("sign")
        self.sign.setChecked(True)
        self.bundle = QCheckBox(self.tr("Also write a .zip with the signature and my contact card"))
        self.bundle.setObjectName("bundle")
        self.paper = QComboBox()
        self.paper.setObjectName("paper")
        self.paper.addItem(self.tr("A4 (210 × 297 mm)"), Paper.A4.value)
        self.paper.addItem(self.tr("US Letter (8.5 × 11 in)"), Paper.LETTER.value)
        self.paper.activated.connect(self._paper_chosen)
        self.output = QLineEdit(str(documents_folder() / f"{_stem(cable)}.docx"))
        self.output.setObjectName("exportOutput")
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        self.verdict = PlainLabel()
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
        # The choices scroll on a small screen (1280×800 at 200 %); the banner, the
        # verdict and the buttons stay in sight.
        choices = QWidget()
        inner = QVBoxLayout(choices)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(form)
        inner.addWidget(self.release)
        scroller = QScrollArea()
        scroller.setObjectName("exportChoices")
        scroller.setWidget(choices)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QScrollArea.Shape.NoFrame)
        scroller.setMinimumHeight(min(choices.sizeHint().height(), 160))
        bar = scroller.verticalScrollBar().sizeHint().width()
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner_caption)
        layout.addWidget(self.banner)
        layout.addWidget(scroller, 1)
        layout.addWidget(self.verdict)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        self.choose_output = self._ask_output
        # room for every choice without scrolling, where the screen has it (DialogPlacer)
        natural = self.sizeHint().height() - scroller.sizeHint().height()
        verdict_room = 4 * self.fontMetrics().lineSpacing()  # the verdict comes later
        width = max(self.width(), 680, choices.sizeHint().width() + bar + 24)
        self.resize(width, natural + choices.sizeHint().height() + verdict_room)
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
        level = str(self.level.currentData()) or None
        sanitized = level is not None or bool(countries)
        options = self.release.options() if sanitized else None
        if sanitized and output.stem == _stem(self._cable):  # the withheld subject's words
            subject = options.subject if options is not None else None
            output = output.with_name(
                (_words(subject) if subject else "sanitized-version") + output.suffix
            )
        return ExportRequest(
            output=output,
            format=fmt,
            level=level,
            release_to=countries,
            settings=ExportSettings(paper=Paper(str(self.paper.currentData()))),
            sanitize=options,
        )

    @property
    def checking(self) -> bool:
        """True while the answer to the choices on screen is awaited."""
        return self._checking

    def _update(self) -> None:
        """Ask, on the worker pool, whether the policy allows the export (nothing is
        written); Export waits for the answer."""
        self.bundle.setEnabled(self.sign.isChecked())
        request = self._request()
        self.release.setEnabled(request.sanitize is not None)
        self.output.setText(str(request.output))
        self._checks += 1
        number, session, cable = self._checks, self._session, self._cable
        self._checking = True
        self._update_button()
        self._workers.run(
            "check the export",
            lambda ctx: _check(session, cable, request),
            on_done=while_alive(self, lambda answer: self._checked(number, answer)),
            on_failed=while_alive(self, lambda exc: self._check_failed(number, exc)),
        )

    def _checked(self, number: int, answer: _Check) -> None:
        if number != self._checks:
            return  # a newer choice is being checked
        if not self._paper_read:  # the stored paper size, unless one was chosen meanwhile
            self._paper_read = True
            self.paper.setCurrentIndex(max(0, self.paper.findData(answer.paper)))
        rendered = answer.rendered
        self.banner.show_marking(rendered.banner)
        if answer.above_ceiling is not None:
            self.verdict.setText(self._refusal(rendered.banner.banner, answer.above_ceiling))
            self.verdict.setStyleSheet(f"color: {NO_COLOUR};")
            self._checking, self._allowed = False, False
            self._update_button()
            return
        if rendered.banner.banner == self._source_banner:
            note = self.tr("The document will be marked {0}, as the cable is.")
        else:
            note = self.tr("The document will be a sanitized version, marked {0}.")
        note = note.format(rendered.banner.banner)
        if rendered.tearline is not None:
            note += " " + rendered.tearline.statement()
        self.verdict.setText(note)
        self.verdict.setStyleSheet("")
        self._checking, self._allowed = False, True
        self._update_button()

    def _refusal(self, banner: str, ceiling: str) -> str:
        """Why this export is refused, and what to choose instead, in the dialog's words."""
        text = self.tr(
            "A document marked {0} cannot be written unencrypted: documents leave "
            "CableDesk's protection, and your export ceiling is {1}."
        ).format(banner, ceiling)
        lower = [
            str(self.level.itemData(i))
            for i in range(self.level.count())
            if str(self.level.itemData(i))
        ]
        if lower:
            text += " " + self.tr(
                "Choose a sanitized version at {0} or below under Level, or seal the cable "
                "for its recipients instead."
            ).format(ceiling)
        else:
            text += " " + self.tr("Seal the cable for its recipients instead.")
        return text + " " + self.tr("Your security officer sets the ceiling.")

    def _check_failed(self, number: int, exc: BaseException) -> None:
        if number != self._checks:
            return
        problem = describe(exc)  # a bug was reported already, by the worker relay
        self.verdict.setText(" ".join(filter(None, (problem.message, problem.hint))))
        self.verdict.setStyleSheet(f"color: {NO_COLOUR};")
        self._checking, self._allowed = False, False
        self._update_button()

    def _paper_chosen(self, index: int) -> None:
        self._paper_read = True  # the person's choice wins over the stored setting

    def _update_button(self) -> None:
        self.export_button.setEnabled(self._allowed and not self._checking and not self._exporting)

    def _ask_output(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.output.text())
        return Path(name) if name else None

    def _browse(self) -> None:
        path = self.choose_output()
        if path is not None:
            self.output.setText(str(path))
            self._update()

    def export(self) -> None:
        """Export as the choices on screen say, once their check allowed it."""
        if not self.export_button.isEnabled():
            return  # being checked, refused, or already exporting
        request = self._request()
        sign = self.sign.isChecked()
        bundle = sign and self.bundle.isChecked()
        documents, identity = self._session.documents, self._session.identity
        cable = self._cable
        self.progress.setVisible(True)
        self._exporting = True
        self._update_button()

        def work(ctx: JobContext) -> ExportResult:
            signed = request
            if bundle:
                signed = replace(request, signer=identity.document_signer(), bundle=True)
            return documents.export(cable, signed, sign=sign)

        self._workers.run(
            "export",
            work,
            write=True,
            on_done=while_alive(self, self._done),
            on_failed=while_alive(self, self._failed),
        )

    def _done(self, result: ExportResult) -> None:
        self.result_ = result
        self._exporting = False
        self.progress.setVisible(False)
        inform(
            self,
            self.tr("Exported"),
            self.tr("Wrote:\n{0}").format("\n".join(str(p) for p in result.paths)),
        )
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._exporting = False
        self.progress.setVisible(False)
        self._update_button()
        show_error(self, exc)


def _stem(cable: Cable) -> str:
    return _words(cable.subject) or "cable"


def _words(text: str) -> str:
    words = "".join(c if c.isalnum() else "-" for c in text.lower())
    return "-".join(filter(None, words.split("-")))[:60]
