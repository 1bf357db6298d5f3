"""The body of a cable: one paragraph per line of text, its portion mark in a left gutter.

Each paragraph is a text block; its portion mark is a property of the block's
format (``MARK``), so that changing it is an ordinary edit of the document —
undone and redone with the text — and a new paragraph (Enter) inherits the
mark of the one it was split from. The gutter shows each paragraph's number
and mark in the colour of its level; a click on it, or Ctrl+M, offers the
levels of the cable's scheme and "Other mark…". Copying puts the marks back
in front of the paragraphs, on a clipboard marked sensitive.

A portion mark of the scheme typed at the start of a paragraph (``(C) Text…``,
also after a typed number) is lifted into the paragraph's mark as soon as text
follows it, in one undoable edit: typed text never sits under another mark that
would under-classify the banner. Lower-case ``(c)`` stays text (an enumeration).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMimeData, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import QInputDialog, QMenu, QPlainTextEdit, QWidget

from cabledesk.domain.body import paragraphs_from_text, typed_portion_mark
from cabledesk.domain.cable import Paragraph
from cabledesk.domain.marking import parse_marking
from cabledesk.domain.scheme import ClassificationScheme
from cabledesk.errors import MarkingError
from cabledesk.ui.clipboard import sensitive_mime_data

__all__ = ["MARK", "MARK_SHORTCUT", "BodyEditor"]

MARK = int(QTextFormat.Property.UserProperty) + 1
MARK_SHORTCUT = "Ctrl+M"
GUTTER_PADDING = 8


class _Gutter(QWidget):
    def __init__(self, editor: BodyEditor) -> None:
        super().__init__(editor)
        self._editor = editor
        self.setObjectName("markGutter")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Click to change the portion mark (Ctrl+M)"))

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(self._editor.gutter_width(), 0)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        self._editor.paint_gutter(self, event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        block = self._editor.block_at(event.position().toPoint().y())
        if block.isValid():
            self._editor.choose_mark(block, self.mapToGlobal(event.position().toPoint()))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 (Qt's name)
        """The context-menu key or Shift+F10 over the gutter: the mark menu too."""
        block = self._editor.block_at(event.pos().y())
        if event.reason() == QContextMenuEvent.Reason.Keyboard or not block.isValid():
            self._editor.choose_current_mark()
        else:
            self._editor.choose_mark(block, event.globalPos())


class BodyEditor(QPlainTextEdit):
    """See the module docstring. ``changed`` fires on any edit of text or marks."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bodyEditor")
        self.setAccessibleName(self.tr("Cable text"))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTabChangesFocus(True)
        self.scheme: ClassificationScheme | None = None
        self.gutter = _Gutter(self)
        self.document().blockCountChanged.connect(self._update_margins)
        self.updateRequest.connect(self._scroll_gutter)
        self.textChanged.connect(self.changed)
        self.document().contentsChange.connect(lambda *_: self.gutter.update())
        # An action, not a bare shortcut: the window lists it in its Edit menu, with its key.
        self.mark_action = QAction(self.tr("Portion &Mark…"), self)
        self.mark_action.setObjectName("portionMark")
        self.mark_action.setShortcut(QKeySequence(MARK_SHORTCUT))
        self.mark_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.mark_action.triggered.connect(lambda _=False: self.choose_current_mark())
        self.addAction(self.mark_action)
        self._update_margins()

    # --- content ---------------------------------------------------------------

    def set_scheme(self, scheme: ClassificationScheme) -> None:
        self.scheme = scheme
        self._update_margins()
        self.gutter.update()

    def set_paragraphs(self, paragraphs: Sequence[Paragraph]) -> None:
        """Replace the content (not undoable: a draft was opened)."""
        doc = self.document()
        self.blockSignals(True)
        doc.clear()
        cursor = QTextCursor(doc)
        for i, p in enumerate(paragraphs or (Paragraph("", ""),)):
            if i:
                cursor.insertBlock()
            cursor.setBlockFormat(_format(p.marking))
            cursor.insertText(p.text)
        doc.clearUndoRedoStacks()
        doc.setModified(False)
        self.blockSignals(False)
        self._update_margins()
        self.gutter.update()

    def paragraphs(self) -> tuple[Paragraph, ...]:
        """The paragraphs, in order; empty lines are not paragraphs."""
        result = []
        block = self.document().firstBlock()
        while block.isValid():
            text = " ".join(block.text().split())
            if text:
                result.append(Paragraph(mark_of(block), text))
            block = block.next()
        return tuple(result)

    def set_mark(self, block: QTextBlock, mark: str) -> None:
        """Change one paragraph's mark (an undoable edit)."""
        cursor = QTextCursor(block)
        cursor.mergeBlockFormat(_format(mark))
        self.gutter.update()
        self.changed.emit()

    def go_to_paragraph(self, number: int) -> None:
        """Put the cursor at the start of paragraph ``number`` (counted from 1, as the
        gutter numbers them: empty lines are not paragraphs)."""
        block = self.document().firstBlock()
        count = 0
        while block.isValid():
            count += bool(block.text().strip())
            if count == number:
                self.setTextCursor(QTextCursor(block))
                self.ensureCursorVisible()
                return
            block = block.next()

    def current_mark(self) -> str:
        return mark_of(self.textCursor().block())

    # --- marks typed into the text ------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        shift_f10 = (
            event.key() == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier
        )
        if event.key() == Qt.Key.Key_Menu or shift_f10:  # accepted: no second context event
            event.accept()
            self.choose_current_mark()
            return
        super().keyPressEvent(event)
        if event.text():
            self.lift_typed_mark(self.textCursor().block())

    def lift_typed_mark(self, block: QTextBlock) -> bool:
        """Move a portion mark typed at the start of ``block`` into its mark (one
        undoable edit); whether there was one."""
        if self.scheme is None:
            return False
        text = block.text()
        typed = typed_portion_mark(text, self.scheme)
        if typed is None:
            return False
        marking, rest = typed
        cursor = QTextCursor(block)
        cursor.beginEditBlock()
        cursor.setPosition(
            block.position() + len(text.rstrip()) - len(rest), QTextCursor.MoveMode.KeepAnchor
        )
        cursor.removeSelectedText()
        cursor.mergeBlockFormat(_format(marking.portion))
        cursor.endEditBlock()
        self.gutter.update()
        self._update_margins()
        self.changed.emit()
        return True

    # --- choosing a mark ---------------------------------------------------------

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 (Qt's name)
        """The context-menu key or Shift+F10 opens the mark menu of the paragraph at the
        cursor (the gutter has no focus of its own); a right click, the edit menu."""
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            self.choose_current_mark()
        else:
            super().contextMenuEvent(event)

    def choose_current_mark(self) -> None:
        """The mark menu of the paragraph at the cursor, beside it in the gutter."""
        if not self.isEnabled():
            return
        block = self.textCursor().block()
        rect = self.blockBoundingGeometry(block).translated(self.contentOffset())
        self.choose_mark(block, self.gutter.mapToGlobal(QPoint(4, int(rect.top()))))

    def choose_mark(self, block: QTextBlock, where: QPoint) -> None:
        if self.isReadOnly():
            return
        menu = QMenu(self)
        menu.setObjectName("markMenu")
        current = mark_of(block)
        for mark in self.suggested_marks(current):
            action = menu.addAction(mark)
            action.setCheckable(True)
            action.setChecked(mark == current)
            action.triggered.connect(lambda _=False, m=mark: self.set_mark(block, m))
        menu.addSeparator()
        other = menu.addAction(self.tr("Other mark…"))
        other.triggered.connect(lambda: self._ask_mark(block))
        # Nothing highlighted on opening, whatever lies under the pointer: the first Down
        # goes to the first mark, and nothing is chosen before Enter.
        menu.aboutToShow.connect(lambda: menu.setActiveAction(None))  # type: ignore[arg-type]
        menu.popup(where)

    def suggested_marks(self, current: str = "") -> list[str]:
        """The plain level marks of the scheme, then the current mark if it is another."""
        marks = [f"({lv.portion})" for lv in self.scheme.levels] if self.scheme else []
        if current and current not in marks:
            marks.append(current)
        return marks

    def _ask_mark(self, block: QTextBlock) -> None:
        text, ok = QInputDialog.getText(
            self,
            self.tr("Portion mark"),
            self.tr("Portion mark of paragraph {0}, e.g. (S//NF) or (C//REL TO USA, GBR):").format(
                block.blockNumber() + 1
            ),
            text=mark_of(block),
        )
        if ok and text.strip():
            mark = text.strip()
            if not mark.startswith("("):
                mark = f"({mark})"
            self.set_mark(block, mark)

    # --- the gutter --------------------------------------------------------------

    def gutter_width(self) -> int:
        bold = self.font()
        bold.setBold(True)
        marks = QFontMetrics(bold)
        widest = max((marks.horizontalAdvance(m) for m in self._marks_in_use()), default=0)
        widest = max(widest, marks.horizontalAdvance("(S//NF)"))
        return GUTTER_PADDING * 4 + self.fontMetrics().horizontalAdvance("99.") + widest

    def _marks_in_use(self) -> list[str]:
        marks = []
        block = self.document().firstBlock()
        while block.isValid():
            marks.append(mark_of(block) or "(?)")
            block = block.next()
        return marks

    def _update_margins(self, *_: object) -> None:
        self.setViewportMargins(self.gutter_width(), 0, 0, 0)

    def _scroll_gutter(self, rect: QRect, dy: int) -> None:
        if dy:
            self.gutter.scroll(0, dy)
        else:
            self.gutter.update(0, rect.y(), self.gutter.width(), rect.height())
        if rect.contains(self.viewport().rect()):
            self._update_margins()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        area = self.contentsRect()
        self.gutter.setGeometry(QRect(area.left(), area.top(), self.gutter_width(), area.height()))

    def block_at(self, y: int) -> QTextBlock:
        block = self.firstVisibleBlock()
        while block.isValid():
            geometry = self.blockBoundingGeometry(block).translated(self.contentOffset())
            if geometry.top() <= y < geometry.bottom():
                return block
            if geometry.top() > y:
                break
            block = block.next()
        return QTextBlock()

    def paint_gutter(self, gutter: QWidget, event: QPaintEvent) -> None:
        painter = QPainter(gutter)
        palette = gutter.palette()
        painter.fillRect(event.rect(), palette.alternateBase())
        number = self._paragraph_number(self.firstVisibleBlock())
        block = self.firstVisibleBlock()
        metrics = self.fontMetrics()
        while block.isValid():
            geometry = self.blockBoundingGeometry(block).translated(self.contentOffset())
            if geometry.top() > event.rect().bottom():
                break
            if block.isVisible() and block.text().strip():
                number += 1
                mark = mark_of(block) or "(?)"
                colour, ok = self._mark_colour(mark)
                top = int(geometry.top())
                painter.setPen(palette.placeholderText().color())
                painter.drawText(
                    GUTTER_PADDING, top, metrics.horizontalAdvance("99."), metrics.height(),
                    int(Qt.AlignmentFlag.AlignRight), f"{number}.",
                )  # fmt: skip
                painter.fillRect(gutter.width() - 4, top, 3, int(geometry.height()), colour)
                font = painter.font()
                font.setBold(True)
                font.setStrikeOut(not ok)
                painter.setFont(font)
                painter.setPen(colour if ok else QColor("#b00020"))
                painter.drawText(
                    GUTTER_PADDING * 2 + metrics.horizontalAdvance("99."), top,
                    gutter.width(), metrics.height(), int(Qt.AlignmentFlag.AlignLeft), mark,
                )  # fmt: skip
                font.setBold(False)
                font.setStrikeOut(False)
                painter.setFont(font)
            block = block.next()
        painter.end()

    def _paragraph_number(self, first_visible: QTextBlock) -> int:
        count = 0
        block = self.document().firstBlock()
        while block.isValid() and block != first_visible:
            count += bool(block.text().strip())
            block = block.next()
        return count

    def _mark_colour(self, mark: str) -> tuple[QColor, bool]:
        if self.scheme is None:
            return QColor("#666666"), True
        try:
            marking = parse_marking(mark, self.scheme)
        except MarkingError:
            return QColor("#b00020"), False
        return QColor(marking.level.colour), True

    # --- clipboard: marks inline, sensitive ---------------------------------------

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 (Qt's name)
        cursor = self.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        block = self.document().findBlock(start)
        parts = []
        while block.isValid() and block.position() <= end:
            lo = max(start, block.position()) - block.position()
            hi = min(end, block.position() + block.length() - 1) - block.position()
            text = block.text()[lo:hi]
            if text.strip():
                prefix = f"{mark_of(block)} " if lo == 0 and mark_of(block) else ""
                parts.append(prefix + text)
            block = block.next()
        return sensitive_mime_data("\n\n".join(parts))

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 (Qt's name)
        text = source.text()
        pasted = (
            paragraphs_from_text(text) if "\n\n" in text or text.lstrip().startswith("(") else ()
        )
        if len(pasted) < 1 or not any(p.marking for p in pasted):
            super().insertFromMimeData(source)
            return
        cursor = self.textCursor()
        cursor.beginEditBlock()
        for i, p in enumerate(pasted):
            if i or cursor.block().text().strip():
                cursor.insertBlock()
            cursor.mergeBlockFormat(_format(p.marking or self.current_mark()))
            cursor.insertText(p.text)
        cursor.endEditBlock()
        self.setTextCursor(cursor)


def mark_of(block: QTextBlock) -> str:
    value = block.blockFormat().property(MARK)
    return str(value) if value else ""


def _format(mark: str) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setProperty(MARK, mark)
    fmt.setBottomMargin(6)
    return fmt
