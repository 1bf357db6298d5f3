"""The cable domain: schemes, markings, cables, validation. Pure: no I/O but
reading the shipped reference data, no Qt, no cryptography."""

from __future__ import annotations

__all__: list[str] = []
