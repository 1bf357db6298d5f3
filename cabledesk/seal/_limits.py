"""The caps a sealed cable must respect, when it is sealed and when it is opened.

A package over a cap is refused as unsafe when opened (a ZIP bomb, a flood of
entries), and is not sealed in the first place. The defaults are far above any
real cable; callers may lower them (or raise them, for an unusual archive).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

__all__ = ["DEFAULT_LIMITS", "Limits"]

KIB = 1024
MIB = 1024 * KIB
GIB = 1024 * MIB


@dataclass(frozen=True, slots=True)
class Limits:
    """Caps on a package's entries and sizes.

    ``max_entries`` counts every ZIP entry (format, cable, document, attachments,
    statements, manifest, signature); ``max_total_size`` the sum of the entries' sizes;
    ``max_ratio`` the expansion of a compressed entry (CableDesk stores, but
    other ZIP tools may deflate) larger than ``ratio_grace`` bytes. The small
    parts are held in memory and capped each: the cable, the manifest, its
    signature, and each of at most ``max_statements`` clearance statements.
    """

    max_entries: int = 1024
    max_total_size: int = 64 * GIB
    max_ratio: int = 100
    ratio_grace: int = 1 * MIB
    max_cable_bytes: int = 32 * MIB
    max_manifest_bytes: int = 8 * MIB
    max_signature_bytes: int = 64 * KIB
    max_statements: int = 64
    max_statement_bytes: int = 64 * KIB

    def __post_init__(self) -> None:
        for field in fields(self):
            value = getattr(self, field.name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise ValueError(f"Limits.{field.name} must be a positive whole number")
        if self.max_entries < 5:
            raise ValueError("Limits.max_entries must allow the five entries of every package")

    @property
    def max_attachments(self) -> int:
        """Entries left for attachments once the five fixed ones are counted."""
        return self.max_entries - 5


DEFAULT_LIMITS = Limits()
