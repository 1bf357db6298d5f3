"""Entry point of ``cabledesk-cli``: parse arguments, run a command, turn errors into text.

Exit codes: 0 success, 1 verification failed (or findings of severity error,
or refused by policy), 2 usage or input error. Messages go to stderr, with a
hint line when there is one; no traceback reaches the user (set
``CABLEDESK_DEBUG=1`` to see one).

Commands import what they need when they run, so that a quick command never
pays for modules it does not use.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from cabledesk import __version__
from cabledesk.cli import (
    _age,
    _archive,
    _contacts,
    _draft,
    _export,
    _keys,
    _marking,
    _seal,
    _vault,
    _verify,
)
from cabledesk.cli._exits import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from cabledesk.cli._session import add_vault_options
from cabledesk.errors import (
    CableDeskError,
    HeaderMacError,
    NoIdentityMatch,
    PayloadError,
    PolicyRefusal,
    SignatureInvalid,
    ValidationError,
)

__all__ = ["EXIT_FAILED", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]

PROG = "cabledesk-cli"

# Errors that mean "the check was made and failed", as opposed to bad input.
_FAILED_CHECKS: tuple[type[CableDeskError], ...] = (
    NoIdentityMatch,
    HeaderMacError,
    PayloadError,
    SignatureInvalid,
    PolicyRefusal,
    ValidationError,
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="CableDesk on the command line: draft, mark, seal, open and verify "
        "diplomatic cables, offline.",
        epilog="Exit codes: 0 success, 1 verification failed, 2 usage or input error.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    add_vault_options(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    _vault.register(commands)
    _contacts.register(commands)
    _seal.register(commands)
    _verify.register(commands)
    _export.register(commands)
    _archive.register(commands)
    _marking.register(commands)
    _draft.register(commands)
    _keys.register(commands)
    _age.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit code."""
    parser = build_parser()
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
        # The reader of our output went away (e.g. `| head`): not an error of ours.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:
        if os.environ.get("CABLEDESK_DEBUG"):
            raise
        print(
            f"{PROG}: unexpected error ({type(exc).__name__}). This is a bug in CableDesk.",
            file=sys.stderr,
        )
        print("hint: run again with CABLEDESK_DEBUG=1 to see the details.", file=sys.stderr)
        return EXIT_USAGE
    return code


def _report(exc: CableDeskError) -> None:
    print(f"{PROG}: {exc.message}", file=sys.stderr)
    if exc.hint:
        print(f"hint: {exc.hint}", file=sys.stderr)


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    run()
