"""The desktop face of CableDesk (PySide6). The only package that imports Qt."""

from __future__ import annotations

__all__: list[str] = []
