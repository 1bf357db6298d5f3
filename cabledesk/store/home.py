"""Where the vault lives: one folder per user.

In order of precedence: the folder given on the command line (``--home``),
the ``CABLEDESK_HOME`` environment variable, then the platform's user data
folder (``platformdirs``: ``~/.local/share/CableDesk`` on Linux,
``~/Library/Application Support/CableDesk`` on macOS,
``%LOCALAPPDATA%\\CableDesk`` on Windows). The GUI and the CLI use the same
rule, so both faces open the same vault.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

__all__ = ["HOME_ENV", "VaultHome", "resolve_home"]

HOME_ENV = "CABLEDESK_HOME"
APP_NAME = "CableDesk"


@dataclass(frozen=True, slots=True)
class VaultHome:
    """The files of one vault inside its folder."""

    folder: Path

    @property
    def database(self) -> Path:
        return self.folder / "vault.db"

    @property
    def key_file(self) -> Path:
        return self.folder / "vault.key"

    @property
    def archive(self) -> Path:
        """Sealed cables of the archive (age files, encrypted to their recipients)."""
        return self.folder / "archive"

    def exists(self) -> bool:
        return self.key_file.exists() or self.database.exists()

    def is_empty(self) -> bool:
        """True when the folder is missing or holds nothing at all."""
        return not self.folder.exists() or not any(self.folder.iterdir())

    def create_folders(self) -> None:
        """Create the folder and its ``archive`` (owner-only where the OS has modes)."""
        for folder in (self.folder, self.archive):
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)


def resolve_home(
    explicit: str | os.PathLike[str] | None = None,
    environ: Mapping[str, str] | None = None,
) -> VaultHome:
    """The vault folder by the rule above."""
    env = os.environ if environ is None else environ
    if explicit:
        return VaultHome(Path(explicit).expanduser())
    if env.get(HOME_ENV):
        return VaultHome(Path(env[HOME_ENV]).expanduser())
    from platformdirs import user_data_dir  # only when no folder was given

    return VaultHome(Path(user_data_dir(APP_NAME, appauthor=False, roaming=False)))
