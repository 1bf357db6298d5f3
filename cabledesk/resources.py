"""Where CableDesk's read-only resources (schemes, icons, translations) live.

One function, :func:`resource_path`, finds the ``resources/`` folder the same
way from a source checkout, an installed wheel (which ships it as
``cabledesk/resources``) and a frozen PyInstaller bundle.
"""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["resource_path"]

_PACKAGE_DIR = Path(__file__).resolve().parent


def _resource_root() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen_root is not None:
        candidates.append(Path(frozen_root) / "resources")
    candidates.append(_PACKAGE_DIR / "resources")  # installed wheel
    candidates.append(_PACKAGE_DIR.parent / "resources")  # source checkout
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        "CableDesk's resources folder is missing; looked in: "
        + ", ".join(str(c) for c in candidates)
    )


def resource_path(*parts: str) -> Path:
    """Return the path of a resource, e.g. ``resource_path("schemes", "us.toml")``.

    Raises ``FileNotFoundError`` if the resources folder itself is missing (a
    broken installation); the file named by ``parts`` need not exist.
    """
    return _resource_root().joinpath(*parts)
