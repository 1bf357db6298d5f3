"""Use cases: the only layer that combines domain, crypto, store, seal and export.

The GUI and the CLI call these services and nothing below them except domain types.
"""

from __future__ import annotations

__all__: list[str] = []
