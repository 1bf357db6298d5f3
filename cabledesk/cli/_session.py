"""The vault on the command line: where it is, the passphrase, opening it.

Every vault command accepts ``--home DIR`` (else ``CABLEDESK_HOME``, else the
platform's data folder) and ``--passphrase-file FILE`` (else
``CABLEDESK_PASSPHRASE_FILE``, else the passphrase is asked on the terminal;
it is never taken as an argument, where other users could see it in the
process list). A vault remembered in the keychain opens without asking.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from cabledesk.cli._io import ask_passphrase, read_small_file

if TYPE_CHECKING:
    from cabledesk.services.session import Session
    from cabledesk.services.vault_access import VaultAccess
    from cabledesk.store.vault import Vault

__all__ = [
    "PASSPHRASE_ENV",
    "access",
    "add_vault_options",
    "open_session",
    "passphrase",
    "session_for",
]

PASSPHRASE_ENV = "CABLEDESK_PASSPHRASE_FILE"  # noqa: S105 (a variable name)


def add_vault_options(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """``--home`` and ``--passphrase-file``, before or after the command name."""
    default = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--home", metavar="DIR", default=default, help="the vault folder (or CABLEDESK_HOME)"
    )
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        default=default,
        help=f"read the vault passphrase from FILE (or {PASSPHRASE_ENV})",
    )


def passphrase(args: argparse.Namespace, prompt: str, *, confirm: bool = False) -> str:
    """The vault passphrase from ``--passphrase-file``, the environment or the terminal."""
    name = getattr(args, "passphrase_file", None) or os.environ.get(PASSPHRASE_ENV)
    if name:
        text = read_small_file(name, "passphrase file").decode("utf-8", "replace")
        return text.removesuffix("\n").removesuffix("\r")
    return ask_passphrase(prompt, confirm=confirm)


def access(args: argparse.Namespace) -> VaultAccess:
    """Where the vault is (``--home``, else the environment, else the platform's folder)."""
    from cabledesk.services.vault_access import VaultAccess

    return VaultAccess.for_home(getattr(args, "home", None))


def session_for(vault_access: VaultAccess, vault: Vault) -> Session:
    """Every service over an unlocked ``vault`` (the schemes shipped with CableDesk)."""
    from cabledesk.domain.scheme import SchemeRegistry
    from cabledesk.services.session import Session

    return Session(vault, SchemeRegistry.load(), keychain=vault_access.keychain)


def open_session(args: argparse.Namespace) -> Session:
    """Unlock the vault (by the keychain if it remembers it, else by the passphrase) and
    return its session; use it as a context manager (leaving it locks the vault).

    Raises VaultError when there is no vault, WrongPassphrase, InputError.
    """
    return session_for(access(args), _unlocked_vault(args))


def _unlocked_vault(args: argparse.Namespace) -> Vault:
    from cabledesk.errors import VaultError, VaultRolledBack

    vault_access = access(args)
    if not vault_access.exists():
        raise VaultError(
            f"There is no vault in {vault_access.folder}.",
            hint="Create one with 'cabledesk-cli init', or give its folder with --home.",
        )
    explicit = getattr(args, "passphrase_file", None) or os.environ.get(PASSPHRASE_ENV)
    if not explicit:
        try:
            vault = vault_access.unlock_remembered()
        except VaultRolledBack:
            raise  # the passphrase would meet the same older database
        except VaultError as exc:
            print(f"cabledesk-cli: {exc.message}", file=sys.stderr)
            vault = None
        if vault is not None:
            return vault
    return vault_access.unlock(passphrase(args, "Vault passphrase"))
