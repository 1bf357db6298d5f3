"""TAGS (Traffic Analysis by Geography and Subject), after 5 FAH-3.

The list shipped in ``resources/tags.toml`` holds the common subject, program,
geographic and organisation TAGS. Personal-name TAGS (``SMITH, JOHN``) are
free-form and always accepted.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache

from cabledesk.resources import resource_path

__all__ = ["all_tags", "is_known_tag", "is_subject_tag", "tag_description"]


@lru_cache(maxsize=1)
def _tables() -> dict[str, dict[str, str]]:
    # Read-only reference data shipped with the program; loaded once.
    with resource_path("tags.toml").open("rb") as f:
        data = tomllib.load(f)
    return {name: dict(table) for name, table in data.items()}


def _is_personal_name(tag: str) -> bool:
    return "," in tag


def is_subject_tag(tag: str) -> bool:
    """True for a known subject or program TAG (four letters, e.g. PREL, KDEM)."""
    return tag.upper() in _tables()["subject"]


def is_known_tag(tag: str) -> bool:
    """True for a known TAG of any family, or a personal-name TAG."""
    t = tag.strip().upper()
    tables = _tables()
    return _is_personal_name(t) or any(
        t in tables[name] for name in ("subject", "geographic", "organisation")
    )


def tag_description(tag: str) -> str | None:
    """What a TAG means, or None if it is not in the list."""
    t = tag.strip().upper()
    for name in ("subject", "geographic", "organisation"):
        if t in _tables()[name]:
            return _tables()[name][t]
    return None


def all_tags() -> list[tuple[str, str]]:
    """Every listed TAG with its meaning, subject TAGS first (for completion)."""
    tables = _tables()
    return [
        (tag, meaning)
        for name in ("subject", "geographic", "organisation")
        for tag, meaning in tables[name].items()
    ]
