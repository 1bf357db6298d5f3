"""Asking on the terminal before sealing or encrypting to unverified contacts.

A contact whose keys nobody compared may be anyone: sealing or encrypting to
them needs the user's confirmation, per contact. On a terminal the command
asks (default no); otherwise (and when the file to encrypt is standard input,
which the question would read) it asks nothing and the refusal names who needs
confirming; ``--confirm-unverified`` confirms them all beforehand.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cabledesk.services.contacts import Contact

__all__ = ["confirmations"]


def confirmations(pending: Sequence[Contact], *, assume: bool, question: str) -> set[str]:
    """The fingerprints of ``pending`` the user confirms: all of them if ``assume``;
    else each one the user answers yes to, when standard input is a terminal."""
    if not pending or assume:
        return {c.fingerprint for c in pending}
    if not sys.stdin.isatty():
        return set()  # the refusal names them; --confirm-unverified confirms
    confirmed = set()
    for contact in pending:
        answer = input(f"{contact.name} ({contact.fingerprint}) is not verified. {question} [y/N] ")
        if answer.strip().lower() in ("y", "yes"):
            confirmed.add(contact.fingerprint)
    return confirmed
