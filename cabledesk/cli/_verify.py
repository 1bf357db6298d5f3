"""``cabledesk-cli verify FILE``: check a sealed cable or a signed document.

A ``.cable`` (or any age file) is opened and verified with the vault's
identities without storing anything (``open`` stores it); a ``.docx``,
``.pdf`` or bundle ``.zip`` is checked against its detached signature.
Exit codes: 0 valid, 1 verification failed, 2 usage or unreadable input.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cabledesk.cli import _export

__all__ = ["is_sealed_cable", "register"]

_AGE_STARTS = (b"age-encryption.org/", b"-----BEGIN AGE ENCRYPTED FILE-----")


def register(commands: Any) -> None:
    p = commands.add_parser(
        "verify",
        help="check a sealed cable (.cable) or a signed document (.docx, .pdf, .zip)",
        description="Check who signed a sealed cable or a document, whether anything changed, "
        "and (for a cable) whether it was meant for you; nothing is stored. A document's "
        "signature is read from FILE.sig beside it (or --sig), or from its bundle. "
        "Exit 0 valid, 1 verification failed, 2 unreadable input.",
    )
    _export.add_verify_arguments(p)
    p.set_defaults(handler=_verify)


def is_sealed_cable(path: Path) -> bool:
    """A ``.cable`` file, or a file that starts like an age file."""
    if path.suffix.lower() == ".cable":
        return True
    try:
        with path.open("rb") as f:
            head = f.read(64)
    except OSError:
        return False
    return head.startswith(_AGE_STARTS)


def _verify(args: argparse.Namespace) -> int:
    if is_sealed_cable(Path(args.file)):
        from cabledesk.cli import _seal

        return _seal.verify_command(args)
    return _export.verify_document_command(args)
