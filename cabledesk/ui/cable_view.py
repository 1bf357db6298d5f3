"""A cable to read, not to edit: its banner, header block, portion-marked paragraphs,
authority block and attachments, laid out as on paper; and, above, the
verification of a received cable when there is one (see ``verification_panel``),
with "Import sender's card" when the signer was not among the user's contacts
(``import_card_requested`` asks the window to do it).

Copying text from it puts the cable's words on a clipboard marked sensitive.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from cabledesk.domain.cable import Cable, format_dtg
from cabledesk.domain.historical import historical_marking
from cabledesk.domain.marking import Marking
from cabledesk.domain.visible_text import visible
from cabledesk.ui.banner_bar import BannerBar
from cabledesk.ui.clipboard import sensitive_mime_data
from cabledesk.ui.plain import PlainLabel
from cabledesk.ui.verdict_words import VERDICT_COLOURS, verdict_words

__all__ = ["CableView", "cable_html"]


class _Text(QTextBrowser):
    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 (Qt's name)
        return sensitive_mime_data(self.textCursor().selectedText().replace("\u2029", "\n"))


def _row(label: str, value: str) -> str:
    if not value:
        return ""
    return f"<tr><td><b>{html.escape(label)}</b></td><td>{html.escape(value)}</td></tr>"


def cable_html(cable: Cable, banner: Marking | None) -> str:
    """The cable as HTML for reading (every value escaped)."""
    parts = ['<table cellspacing="0" cellpadding="2">']
    parts.append(_row("PRECEDENCE:", cable.precedence))
    parts.append(_row("DTG:", format_dtg(cable.dtg) if cable.dtg else ""))
    parts.append(_row("FM:", cable.originator))
    parts.append(_row("TO:", "; ".join(a.name for a in cable.action)))
    parts.append(_row("INFO:", "; ".join(a.name for a in cable.info)))
    parts.append(_row("SERIAL:", cable.serial or ""))
    parts.append(_row("CAPTIONS:", ", ".join(cable.captions)))
    parts.append(_row("TAGS:", ", ".join(cable.tags)))
    parts.append(_row("SUBJECT:", f"{cable.subject_marking} {cable.subject}".strip()))
    parts.append(_row("REF:", "; ".join(cable.references)))
    parts.append("</table>")
    if cable.authority is not None:
        a = cable.authority
        lines = [f"Classified By: {a.classified_by}"]
        if a.reasons:
            lines.append(f"Reasons: {', '.join(a.reasons)}")
        if a.derived_from:
            lines.append(f"Derived From: {a.derived_from}")
        if a.declassify_on:
            lines.append(f"Declassify On: {a.declassify_on}")
        parts.append("<p>" + "<br>".join(html.escape(x) for x in lines) + "</p>")
    for number, p in enumerate(cable.paragraphs, start=1):
        parts.append(f"<p>{number}. {html.escape(p.marking)} {html.escape(p.text)}</p>")
    if cable.signature:
        parts.append(f"<p>{html.escape(cable.signature)}</p>")
    if cable.attachments:
        # names shown escaped: a bidi override would make "cod.exe" read "exe.doc"
        items = "".join(f"<li>{html.escape(visible(a.name))}</li>" for a in cable.attachments)
        parts.append(f"<p><b>ATTACHMENTS ({len(cable.attachments)}):</b></p><ol>{items}</ol>")
    if banner is not None:
        label = historical_marking(cable, banner.scheme) or banner.banner
        parts.append(f'<p align="center"><b>{html.escape(label)}</b></p>')
    return "".join(parts)


class CableView(QWidget):
    import_card_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cableView")
        self.banner = BannerBar()
        self.text = _Text()
        self.text.setObjectName("cableText")
        self.text.setAccessibleName(self.tr("Cable text"))
        self.text.setOpenLinks(False)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.verdict = PlainLabel()
        self.verdict.setObjectName("storedVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.PlainText)  # names from a file are data
        self.verdict.setAccessibleName(self.tr("Verification"))
        self.verdict.setVisible(False)
        self.import_card = QPushButton(self.tr("Import sender's card"))
        self.import_card.setObjectName("readerImportCard")
        self.import_card.setAccessibleName(self.tr("Import the sender's contact card"))
        self.import_card.clicked.connect(self.import_card_requested.emit)
        self.import_card.setVisible(False)
        verdict_row = QHBoxLayout()
        verdict_row.addWidget(self.verdict, 1)
        verdict_row.addWidget(self.import_card, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addLayout(verdict_row)
        layout.addWidget(self.text, 1)

    def show_cable(self, cable: Cable, banner: Marking | None) -> None:
        historical = historical_marking(cable, banner.scheme) if banner is not None else None
        if banner is None:
            self.banner.show_unknown()
        elif historical is not None:  # a published record: no live banner
            public = banner.scheme.lowest
            self.banner.show_text(historical, public.colour, public.text_colour)
        else:
            self.banner.show_marking(banner)
        self.text.setHtml(cable_html(cable, banner))

    def show_verification(self, record: dict[str, object] | None) -> None:
        """What was established when the cable was sealed or opened (from the archive)."""
        stranger = record is not None and record.get("verdict") == "signer-unknown"
        self.import_card.setVisible(stranger)
        if not record:
            self.verdict.setVisible(False)
            return
        if record.get("verdict") == "sealed":
            names = record.get("recipients")
            shown = "; ".join(str(n) for n in names) if isinstance(names, list) else ""
            text = self.tr("Sealed by you for: {0}").format(shown)
            style = "background: palette(alternate-base); padding: 8px;"
        else:
            text = verdict_words(record)[0]
            severity = str(record.get("severity", "ok"))
            background, foreground = VERDICT_COLOURS.get(severity, VERDICT_COLOURS["failure"])
            style = f"background: {background}; color: {foreground}; padding: 8px;"
        self.verdict.setText(text)
        self.verdict.setStyleSheet(style)
        self.verdict.setVisible(True)

    def clear(self) -> None:
        self.banner.show_unknown()
        self.text.clear()
        self.verdict.clear()
        self.verdict.setVisible(False)
        self.import_card.setVisible(False)
