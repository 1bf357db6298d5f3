"""What the read-only table models share: rows kept in a list, headers given once."""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

__all__ = ["ListTableModel"]

T = TypeVar("T")


class ListTableModel(QAbstractTableModel, Generic[T]):
    """Rows in ``self._entries``, column titles in ``self._headers`` (set by the subclass,
    translated, once its QObject exists); subclasses add ``data()``."""

    def __init__(self) -> None:
        super().__init__()
        self._entries: list[T] = []
        self._headers: tuple[str, ...] = ()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = 0
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None
