"""Audit entries for refusals: a cable that could not be opened, a card that was rejected.

Success is audited by the use case itself, after it succeeded. A refusal is
worth an entry too (someone sent a forged card, or a cable that does not open),
but it has no success to follow: :func:`audits_refusals` wraps a service method
so that the errors it names are recorded — the event and what ``describe``
makes of the call and the error — and raised again, unchanged. Recording is
best effort: a vault that cannot write (locked, read-only) must not hide the
refusal itself. A cancellation is not a refusal.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable
from typing import Concatenate, ParamSpec, Protocol, TypeVar

from cabledesk.errors import CableDeskError, Cancelled
from cabledesk.store.audit import Details, Event
from cabledesk.store.vault import Vault

__all__ = ["audits_refusals"]

P = ParamSpec("P")
R = TypeVar("R")


class _HasVault(Protocol):
    _vault: Vault


S = TypeVar("S", bound=_HasVault)


def audits_refusals(
    event: Event,
    errors: type[CableDeskError] | tuple[type[CableDeskError], ...],
    describe: Callable[[tuple[object, ...], CableDeskError], Details],
) -> Callable[[Callable[Concatenate[S, P], R]], Callable[Concatenate[S, P], R]]:
    """Record ``event`` when the method raises one of ``errors`` (not Cancelled);
    ``describe(args, error)`` gives the entry's details from the call's positional
    arguments (after ``self``)."""

    def decorate(method: Callable[Concatenate[S, P], R]) -> Callable[Concatenate[S, P], R]:
        @functools.wraps(method)
        def wrapper(self: S, /, *args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return method(self, *args, **kwargs)
            except errors as exc:
                if not isinstance(exc, Cancelled):
                    with contextlib.suppress(CableDeskError), self._vault.transaction():
                        self._vault.audit.append(event, describe(tuple(args), exc))
                raise

        return wrapper

    return decorate
