"""The cable editor: header form, portion-marked body, banner bar, findings."""

from __future__ import annotations

__all__: list[str] = []
