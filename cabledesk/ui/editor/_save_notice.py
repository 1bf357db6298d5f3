"""What the editor says when a save is refused: which changes were lost, which version is kept.

"Your last changes (since 14:32) could not be saved: the vault locked. The
version of 14:31 is kept." Times are local, with the date when it is not
today; the reason comes from the error (a bug is said to be one, its report
shown apart by the bug handler).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication

from cabledesk.errors import PolicyRefusal, VaultLocked
from cabledesk.ui.errors import describe

__all__ = ["moment", "refusal_notice"]

translate = QCoreApplication.translate


def moment(when: datetime, now: datetime | None = None) -> str:
    """``when`` in local time: "14:32" today, "2026-11-23 14:32" another day."""
    local = when.astimezone()
    today = (now or datetime.now().astimezone()).astimezone().date()
    return f"{local:%H:%M}" if local.date() == today else f"{local:%Y-%m-%d %H:%M}"


def _why(exc: BaseException, leaving: str) -> str:
    if isinstance(exc, VaultLocked):
        return translate("CableEditor", "the vault locked")
    if isinstance(exc, PolicyRefusal):
        return translate(
            "CableEditor", "they lower the classification, and a reason must be given for that"
        )
    problem = describe(exc)
    if problem.bug:
        return translate("CableEditor", "CableDesk met a bug (see the bug report)")
    return problem.message.rstrip(".") or leaving


def refusal_notice(
    exc: BaseException,
    since: datetime | None,
    kept: datetime | None,
    *,
    leaving: str = "",
) -> str:
    """The sentence for a refused save of changes made since ``since`` (None: unknown),
    the stored version being that of ``kept``; ``leaving`` says why the editor closed
    ("CableDesk was closing"), when it did."""
    why = _why(exc, leaving)
    if leaving and not isinstance(exc, VaultLocked):
        why = translate("CableEditor", "{0} ({1})").format(why, leaving)
    if since is not None:
        lost = translate(
            "CableEditor", "Your last changes (since {0}) could not be saved: {1}."
        ).format(moment(since), why)
    else:
        lost = translate("CableEditor", "Your last changes could not be saved: {0}.").format(why)
    if kept is not None:
        return (
            lost
            + " "
            + translate("CableEditor", "The version of {0} is kept.").format(moment(kept))
        )
    return lost + " " + translate("CableEditor", "The version saved before is kept.")
