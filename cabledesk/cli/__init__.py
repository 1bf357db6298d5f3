"""``cabledesk-cli``: the command-line face of CableDesk, a leaf over the services."""

from __future__ import annotations

__all__: list[str] = []
