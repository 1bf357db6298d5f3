"""Entry point of ``cabledesk-cli``: parse arguments, run a command, turn errors into text.

Exit codes (``cabledesk.cli._exits``): 0 success, 1 verification failed (or
findings of severity error, or refused by policy), 2 usage or input error, 3
internal error (a bug in CableDesk: the message says so and how to report it).
Messages go to stderr, with a hint line when there is one; no traceback
reaches the user (set ``CABLEDESK_DEBUG=1`` to see one).

A reader of standard output that goes away early (``search … | head``) ends a
command that prints text quietly with 0; for the binary output of ``encrypt``
and ``decrypt`` it is a failure (exit 2), raised by those commands themselves.

Commands import what they need when they run, so that a quick command never
pays for modules it does not use; and the parser holds only the command named
on the line (all of them for top-level help or a mistyped name), which keeps
``encrypt`` and ``decrypt`` close to the start-up of a bare interpreter.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import Any

from cabledesk import __version__
from cabledesk.cli._exits import EXIT_BUG, EXIT_FAILED, EXIT_OK, EXIT_USAGE
from cabledesk.cli._session import add_vault_options
from cabledesk.cli._terminal import shown_visibly
from cabledesk.errors import (
    CableDeskError,
    ClearanceRefused,
    DirectoryRefused,
    HeaderMacError,
    NoIdentityMatch,
    PayloadError,
    PolicyRefusal,
    RotationRefused,
    SignatureInvalid,
    ValidationError,
    VaultRolledBack,
)

__all__ = [
    "COMMANDS",
    "EXIT_BUG",
    "EXIT_FAILED",
    "EXIT_OK",
    "EXIT_USAGE",
    "build_parser",
    "command_named",
    "main",
]

PROG = "cabledesk-cli"

# Errors that mean "the check was made and failed", as opposed to bad input.
_FAILED_CHECKS: tuple[type[CableDeskError], ...] = (
    NoIdentityMatch,
    HeaderMacError,
    PayloadError,
    SignatureInvalid,
    PolicyRefusal,
    ValidationError,
    DirectoryRefused,
    ClearanceRefused,  # issue 18
    RotationRefused,
)


# The module of ``cabledesk.cli`` that registers each command, in help order.
COMMANDS: dict[str, str] = {
    "init": "_vault",
    "identity": "_vault",
    "passphrase": "_vault",
    "keychain": "_vault",
    "audit": "_vault",
    "backup": "_vault",
    "restore": "_vault",
    "accept-rollback": "_vault",
    "contact": "_contacts",
    "group": "_contacts",
    "directory": "_directory",
    "seal": "_seal",
    "open": "_seal",
    "verify": "_verify",
    "export": "_export",
    "import-cable": "_archive",
    "search": "_archive",
    "marking": "_marking",
    "draft": "_draft",
    "clearance": "_clearance",  # issue 18
    "settings": "_settings",
    "authority": "_authority",
    "keygen": "_keys",
    "sign": "_keys",
    "verify-signature": "_keys",
    "encrypt": "_age",
    "decrypt": "_age",
}
# Top-level options that take a value (the word after them is not the command).
_VALUED_OPTIONS = ("--home", "--passphrase-file")
_VALUED_WITH_EQUALS = tuple(f"{o}=" for o in _VALUED_OPTIONS)


def command_named(argv: Sequence[str]) -> str | None:
    """The command on the line, if it is certain before parsing; else None."""
    words = iter(argv)
    for word in words:
        if word in _VALUED_OPTIONS:
            next(words, None)
        elif word.startswith(_VALUED_WITH_EQUALS):
            continue
        elif word.startswith("-"):
            return None  # --help, --version, an abbreviation: the full parser decides
        else:
            return word if word in COMMANDS else None
    return None


class _Formatter(argparse.HelpFormatter):
    """argparse's help formatter, as wide as the terminal, without the
    ``shutil`` import argparse would make to ask (2 ms of every start-up)."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=_terminal_columns() - 2)


def _terminal_columns() -> int:
    setting = os.environ.get("COLUMNS", "")
    if setting.isdigit() and int(setting) > 0:
        return int(setting)
    try:
        columns = os.get_terminal_size(sys.__stdout__.fileno()).columns if sys.__stdout__ else 0
    except (AttributeError, ValueError, OSError):  # not a terminal, or closed
        columns = 0
    return columns if columns > 0 else 80  # some terminals report 0


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose help uses :class:`_Formatter`; the parsers of
    subcommands are of the same class, so it holds for them too."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for ``argv``: with only its command when that is known; all
    commands for help, a mistyped command, or no ``argv``."""
    command = None if argv is None else command_named(argv)
    modules = [COMMANDS[command]] if command else list(dict.fromkeys(COMMANDS.values()))
    parser = _Parser(
        prog=PROG,
        description="CableDesk on the command line: draft, mark, seal, open and verify "
        "diplomatic cables, offline.",
        epilog="Exit codes: 0 success, 1 verification failed or refused by policy, 2 usage "
        "or input error, 3 internal error (a bug in CableDesk: please report it).",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    add_vault_options(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in modules:
        importlib.import_module(f"cabledesk.cli.{module}").register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit code. Everything it prints shows its control
    and invisible characters as escapes (:func:`cabledesk.cli._terminal.shown_visibly`):
    names, subjects and file names from outside are data, never terminal commands."""
    with shown_visibly():
        return _main(sys.argv[1:] if argv is None else argv)


def _main(argv: Sequence[str]) -> int:
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    try:
        code: int = args.handler(args)
    except CableDeskError as exc:
        _report(exc)
        return EXIT_FAILED if isinstance(exc, _FAILED_CHECKS) else EXIT_USAGE
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our text output went away (e.g. `| head`): not an error of ours.
        from cabledesk.cli._io import silence_stdout

        silence_stdout()
        return EXIT_OK
    except Exception as exc:
        if os.environ.get("CABLEDESK_DEBUG"):
            raise
        _report_bug(exc, args)
        return EXIT_BUG
    return code


def _report_bug(exc: Exception, args: argparse.Namespace) -> None:
    """Say that this is a bug and how to report it. Only the error's type, the command and
    the version are printed: an exception's text may quote data (a name, a path), and a
    report needs none of it."""
    command = getattr(args, "command", None) or "?"
    print(
        f"{PROG}: internal error ({type(exc).__name__}) in '{command}': this is a bug in "
        f"CableDesk {__version__}, not a mistake of yours.",
        file=sys.stderr,
    )
    print(
        "hint: please report it to your IT department or the CableDesk maintainers, with the "
        f"command and the traceback that 'CABLEDESK_DEBUG=1 {PROG} {command} …' prints "
        "(it holds no key or cable text; check it for file names before you send it).",
        file=sys.stderr,
    )


# The way forward from a rolled-back vault, in this face's words (the core's hint names
# no command).
_ROLLED_BACK_HINT = (
    f"restore your latest backup into a new folder ('{PROG} restore --home NEW_FOLDER "
    f"BACKUP.age'); or, if you put this older vault.db back on purpose, open it anyway with "
    f"'{PROG} accept-rollback --reason TEXT' (changes made since that copy stay lost; the "
    "acceptance is written in the audit log)."
)


def _report(exc: CableDeskError) -> None:
    print(f"{PROG}: {exc.message}", file=sys.stderr)
    hint = _ROLLED_BACK_HINT if isinstance(exc, VaultRolledBack) else exc.hint
    if hint:
        print(f"hint: {hint}", file=sys.stderr)


def run() -> None:
    """Console-script entry point. Text still buffered for a reader that went away is
    dropped quietly (``… | head``), as during the command."""
    code = main()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        from cabledesk.cli._io import silence_stdout

        silence_stdout()
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
