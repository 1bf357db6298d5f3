"""ISO 3166-1 alpha-3 country codes, for release lists and nationalities."""

from __future__ import annotations

import tomllib
from functools import lru_cache

from cabledesk.resources import resource_path

__all__ = ["countries", "country_name", "is_country_code"]


@lru_cache(maxsize=1)
def _codes() -> dict[str, str]:
    # Read-only reference data shipped with the program; loaded once.
    with resource_path("countries.toml").open("rb") as f:
        data = tomllib.load(f)
    codes: dict[str, str] = data["codes"]
    return codes


def is_country_code(code: str) -> bool:
    """True for a known ISO 3166-1 alpha-3 code such as ``GBR``."""
    return code in _codes()


def country_name(code: str) -> str | None:
    """The English short name of a country code, or None if unknown."""
    return _codes().get(code)


def countries() -> list[tuple[str, str]]:
    """Every (code, English name), in the order of the names."""
    return sorted(_codes().items(), key=lambda item: item[1])
