"""The header of a cable as a form: precedence, DTG, FM, TO, INFO, captions, TAGS,
SUBJECT with its mark, REF, the classification authority block, signature.

:meth:`HeaderForm.apply` writes what is typed into a cable; a field that cannot
be read yet (a half-typed DTG) becomes a finding for the findings panel
instead of an error, so that a draft can always be saved. TO and INFO take
several addressees separated by ``;`` (each may end with its own precedence,
``AMEMBASSY BERLIN IMMEDIATE``) and complete from the contacts' posts and the
groups; TAGS complete from the TAGS list.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from functools import partial
from itertools import pairwise

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QWidget,
)

from cabledesk.domain.cable import Authority, Cable, format_dtg
from cabledesk.domain.header import parse_addressee, parse_date, parse_dtg, parse_reasons
from cabledesk.domain.scheme import ClassificationScheme, SchemeRegistry
from cabledesk.domain.tags import all_tags
from cabledesk.domain.validation import Finding, Severity
from cabledesk.errors import CableDeskError

__all__ = ["HeaderForm", "ListCompleter"]

SEPARATOR = ";"


class ListCompleter(QCompleter):
    """Completes the last item of a ``;``- or ``,``-separated list."""

    def __init__(self, words: list[str], separator: str, parent: QWidget) -> None:
        self._words = QStringListModel(words)
        super().__init__(self._words, parent)
        self._separator = separator
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)

    def set_words(self, words: list[str]) -> None:
        self._words.setStringList(words)

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 (Qt's name)
        return [path.split(self._separator)[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:  # noqa: N802
        widget = self.widget()
        assert isinstance(widget, QLineEdit)
        head = widget.text().rsplit(self._separator, 1)
        prefix = head[0] + self._separator + " " if len(head) == 2 else ""
        return prefix + str(index.data())


def _items(text: str, separator: str = SEPARATOR) -> list[str]:
    return [" ".join(part.split()) for part in text.split(separator) if part.strip()]


class HeaderForm(QWidget):
    """See the module docstring. ``changed`` fires on any edit; ``scheme_changed`` with
    the new scheme's id."""

    changed = Signal()
    scheme_changed = Signal(str)

    def __init__(self, schemes: SchemeRegistry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("headerForm")
        self._schemes = schemes
        self.scheme = QComboBox()
        for scheme_id in sorted(schemes):
            self.scheme.addItem(schemes[scheme_id].name, scheme_id)
        self.precedence = QComboBox()
        self.dtg = QLineEdit()
        self.dtg.setPlaceholderText(self.tr("e.g. 151230Z MAR 24 (empty until release)"))
        self.now_button = QPushButton(self.tr("Now"))
        self.now_button.setToolTip(self.tr("Set the date-time group to the current time (UTC)"))
        self.now_button.clicked.connect(
            lambda: self.dtg.setText(format_dtg(datetime.now(UTC).replace(second=0)))
        )
        self.serial = QLineEdit()
        self.originator = QLineEdit()
        self.to = QLineEdit()
        self.to.setPlaceholderText(self.tr("addressees, separated by ;"))
        self.info = QLineEdit()
        self.captions = QLineEdit()
        self.captions.setPlaceholderText(self.tr("e.g. SIPDIS"))
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("e.g. PREL, FR"))
        self.subject_mark = QToolButton()
        self.subject_mark.setObjectName("subjectMark")
        self.subject_mark.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.subject_mark.setAccessibleName(self.tr("Portion mark of the subject"))
        self.subject = QLineEdit()
        self.references = QLineEdit()
        self.references.setPlaceholderText(self.tr("e.g. A. STATE 123456; B. PARIS 000100"))
        self.classified_by = QLineEdit()
        self.reasons = QLineEdit()
        self.reasons.setPlaceholderText(self.tr("e.g. 1.4(b),(d)"))
        self.derived_from = QLineEdit()
        self.declassify_on = QLineEdit()
        self.declassify_on.setPlaceholderText(self.tr("YYYY-MM-DD, an event or 25X1, date"))
        self.signature = QLineEdit()
        self._addressee_completers = [
            ListCompleter([], SEPARATOR, self.to),
            ListCompleter([], SEPARATOR, self.info),
        ]
        self.to.setCompleter(self._addressee_completers[0])
        self.info.setCompleter(self._addressee_completers[1])
        self.tags.setCompleter(ListCompleter([t for t, _ in all_tags()], ",", self.tags))
        self._layout()
        self._set_accessible_names()
        self._connect()

    def _layout(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        left, right = QFormLayout(), QFormLayout()
        dtg_row = QHBoxLayout()
        dtg_row.addWidget(self.dtg, 1)
        dtg_row.addWidget(self.now_button)
        subject_row = QHBoxLayout()
        subject_row.addWidget(self.subject_mark)
        subject_row.addWidget(self.subject, 1)
        left.addRow(self.tr("Scheme:"), self.scheme)
        left.addRow(self.tr("Precedence:"), self.precedence)
        left.addRow(self.tr("DTG:"), dtg_row)
        left.addRow(self.tr("FM:"), self.originator)
        left.addRow(self.tr("TO:"), self.to)
        left.addRow(self.tr("INFO:"), self.info)
        right.addRow(self.tr("Serial:"), self.serial)
        right.addRow(self.tr("Captions:"), self.captions)
        right.addRow(self.tr("TAGS:"), self.tags)
        right.addRow(self.tr("REF:"), self.references)
        right.addRow(self.tr("Signature:"), self.signature)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.addLayout(self._labelled(self.tr("SUBJECT:"), subject_row), 1, 0, 1, 2)
        authority = QGroupBox(self.tr("Classification authority"))
        authority.setObjectName("authorityBlock")
        form = QGridLayout(authority)
        for i, (label, field) in enumerate(
            (
                (self.tr("Classified by:"), self.classified_by),
                (self.tr("Derived from:"), self.derived_from),
                (self.tr("Reasons:"), self.reasons),
                (self.tr("Declassify on:"), self.declassify_on),
            )
        ):
            inner = QFormLayout()
            inner.addRow(label, field)
            form.addLayout(inner, i % 2, i // 2)  # down each column, as Tab goes
        grid.addWidget(authority, 2, 0, 1, 2)
        self._set_tab_order()

    def tab_order(self) -> list[QWidget]:
        """The fields in the order Tab visits them: down the left column, down the right
        one, the subject, then the authority block down its left column and its right one
        (the order they are seen in, so that typing never lands in the next column)."""
        return [
            self.scheme, self.precedence, self.dtg, self.now_button, self.originator,
            self.to, self.info,
            self.serial, self.captions, self.tags, self.references, self.signature,
            self.subject_mark, self.subject,
            self.classified_by, self.derived_from, self.reasons, self.declassify_on,
        ]  # fmt: skip

    def _set_tab_order(self) -> None:
        order = self.tab_order()
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

    def _labelled(self, label: str, row: QHBoxLayout) -> QFormLayout:
        form = QFormLayout()
        form.addRow(label, row)
        return form

    def _set_accessible_names(self) -> None:
        for widget, name in (
            (self.scheme, self.tr("Classification scheme")),
            (self.precedence, self.tr("Precedence")),
            (self.dtg, self.tr("Date-time group")),
            (self.now_button, self.tr("Set the date-time group to now")),
            (self.serial, self.tr("Serial number")),
            (self.originator, self.tr("From (originating post)")),
            (self.to, self.tr("Action addressees")),
            (self.info, self.tr("Information addressees")),
            (self.captions, self.tr("Captions")),
            (self.tags, self.tr("TAGS")),
            (self.subject, self.tr("Subject")),
            (self.references, self.tr("References")),
            (self.classified_by, self.tr("Classified by")),
            (self.reasons, self.tr("Classification reasons")),
            (self.derived_from, self.tr("Derived from")),
            (self.declassify_on, self.tr("Declassify on")),
            (self.signature, self.tr("Signature")),
        ):
            widget.setAccessibleName(name)
            widget.setObjectName(widget.objectName() or name.replace(" ", "").lower()[:24])

    def _connect(self) -> None:
        for field in self.findChildren(QLineEdit):
            field.textEdited.connect(self.changed)
        self.precedence.currentIndexChanged.connect(lambda _: self.changed.emit())
        self.scheme.currentIndexChanged.connect(self._scheme_picked)
        self.now_button.clicked.connect(self.changed)

    def _scheme_picked(self, _: int) -> None:
        scheme = self.current_scheme()
        self._fill_precedences(scheme, self.precedence.currentText())
        self._fill_subject_marks(scheme)
        self.scheme_changed.emit(scheme.id)
        self.changed.emit()

    def show_no_scheme(self) -> None:
        """No draft open: the scheme box shows none (not the first in the list)."""
        self.scheme.blockSignals(True)
        self.scheme.setCurrentIndex(-1)
        self.scheme.blockSignals(False)

    def current_scheme(self) -> ClassificationScheme:
        return self._schemes[str(self.scheme.currentData())]

    def _fill_precedences(self, scheme: ClassificationScheme, keep: str) -> None:
        self.precedence.blockSignals(True)
        self.precedence.clear()
        self.precedence.addItems(list(scheme.precedences))
        index = self.precedence.findText(keep)
        self.precedence.setCurrentIndex(index if index >= 0 else len(scheme.precedences) - 1)
        self.precedence.blockSignals(False)

    def _fill_subject_marks(self, scheme: ClassificationScheme) -> None:
        menu = QMenu(self.subject_mark)
        for level in scheme.levels:
            mark = f"({level.portion})"
            action = menu.addAction(mark)
            action.triggered.connect(partial(self._set_subject_mark, mark))
        self.subject_mark.setMenu(menu)

    def _set_subject_mark(self, mark: str, _checked: bool = False) -> None:
        self.subject_mark.setText(mark)
        self.changed.emit()

    def set_addressee_words(self, words: list[str]) -> None:
        """What TO and INFO complete from: the contacts' posts and the group names."""
        for completer in self._addressee_completers:
            completer.set_words(sorted(set(words)))

    # --- cable <-> form -----------------------------------------------------------

    def load(self, cable: Cable) -> None:
        """Show ``cable`` (signals blocked: loading is not an edit)."""
        self.blockSignals(True)
        index = self.scheme.findData(cable.scheme)
        self.scheme.blockSignals(True)
        self.scheme.setCurrentIndex(max(index, 0))
        self.scheme.blockSignals(False)
        scheme = self.current_scheme()
        self._fill_precedences(scheme, cable.precedence)
        self._fill_subject_marks(scheme)
        self.dtg.setText(format_dtg(cable.dtg) if cable.dtg else "")
        self.serial.setText(cable.serial or "")
        self.originator.setText(cable.originator)
        self.to.setText("; ".join(_addressee(a.name, a.precedence) for a in cable.action))
        self.info.setText("; ".join(_addressee(a.name, a.precedence) for a in cable.info))
        self.captions.setText(", ".join(cable.captions))
        self.tags.setText(", ".join(cable.tags))
        self.subject_mark.setText(cable.subject_marking or "( )")
        self.subject.setText(cable.subject)
        self.references.setText("; ".join(cable.references))
        a = cable.authority
        self.classified_by.setText(a.classified_by if a else "")
        self.reasons.setText(", ".join(a.reasons) if a else "")
        self.derived_from.setText((a.derived_from or "") if a else "")
        self.declassify_on.setText(a.declassify_on if a else "")
        self.signature.setText(cable.signature)
        self.blockSignals(False)

    def apply(self, cable: Cable) -> tuple[Cable, list[Finding]]:
        """``cable`` with the header as typed, and findings for fields not readable yet."""
        findings: list[Finding] = []

        def read(field: str, fn, text: str):  # type: ignore[no-untyped-def]
            try:
                return fn(text)
            except (CableDeskError, ValueError) as exc:
                message = exc.message if isinstance(exc, CableDeskError) else str(exc)
                findings.append(Finding(Severity.ERROR, field, message))
                return None

        dtg = read("dtg", parse_dtg, self.dtg.text()) if self.dtg.text().strip() else None
        action = [read("to", parse_addressee, t) for t in _items(self.to.text())]
        info = [read("info", parse_addressee, t) for t in _items(self.info.text())]
        # Empty reasons are no reasons: whether the cable needs some is the drafting
        # rules' to say (an unclassified cable needs none).
        typed_reasons = self.reasons.text()
        reasons = (
            read("authority.reasons", parse_reasons, typed_reasons) or ()
            if typed_reasons.strip()
            else ()
        )
        authority = None
        if self.classified_by.text().strip() or reasons or self.declassify_on.text().strip():
            declassify = self.declassify_on.text().strip()
            when = parse_date(declassify)
            authority = Authority(
                classified_by=" ".join(self.classified_by.text().split()),
                reasons=tuple(reasons),
                derived_from=self.derived_from.text().strip() or None,
                declassify_on=when.isoformat() if when else " ".join(declassify.split()),
            )
        mark = self.subject_mark.text()
        updated = replace(
            cable,
            scheme=str(self.scheme.currentData()),
            precedence=self.precedence.currentText(),
            dtg=dtg,
            serial=self.serial.text().strip() or None,
            originator=" ".join(self.originator.text().split()),
            action=tuple(a for a in action if a is not None),
            info=tuple(a for a in info if a is not None),
            captions=tuple(c.upper() for c in _items(self.captions.text(), ",")),
            tags=tuple(dict.fromkeys(t.upper() for t in _items(self.tags.text(), ","))),
            subject=" ".join(self.subject.text().split()),
            subject_marking="" if mark.strip("( )") == "" else mark,
            references=tuple(_items(self.references.text())),
            authority=authority,
            signature=self.signature.text().strip(),
        )
        return updated, findings


def _addressee(name: str, precedence: str | None) -> str:
    return f"{name} {precedence}" if precedence else name
