"""How a document is laid out: the user's export settings."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["ExportSettings", "Paper"]


class Paper(StrEnum):
    """Paper sizes, with their dimensions in twentieths of a point (twips)."""

    A4 = "a4"
    LETTER = "letter"

    @property
    def size_twips(self) -> tuple[int, int]:
        """(width, height) in twips: A4 210 × 297 mm, Letter 8.5 × 11 in."""
        return (11906, 16838) if self is Paper.A4 else (12240, 15840)


@dataclass(frozen=True, slots=True)
class ExportSettings:
    """Paper size, and an author for the document properties only if the user sets one.

    By default a document names no author: exported files carry nothing
    personal that the user did not put there.
    """

    paper: Paper = Paper.A4
    author: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.paper, Paper):
            raise TypeError("paper must be a Paper")
        if "\n" in self.author or len(self.author) > 200:
            raise ValueError("the author is one line of at most 200 characters")
