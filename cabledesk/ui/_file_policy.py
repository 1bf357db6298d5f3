"""The release policy's word on a file to encrypt, as the recipient picker shows it.

:func:`policy_view` turns a :class:`~cabledesk.services.file_crypto.ReleaseCheck`
into the release-policy column of
:class:`~cabledesk.ui._recipients_model.RecipientsModel` (allowed, refused,
or "tick to confirm" for an unverified contact) and the lines shown below the list:
every refusal's reason, and why the file needs a stated marking;
:func:`post_quantum_lines` says when the file cannot be encrypted post-quantum.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from cabledesk.errors import PolicyRefusal
from cabledesk.services.file_crypto import FileCryptoService, PostQuantumPlan, ReleaseCheck
from cabledesk.ui._recipients_model import PolicyCell
from cabledesk.ui.colours import text_style
from cabledesk.ui.errors import describe
from cabledesk.ui.phrases import in_words
from cabledesk.ui.plain import PlainLabel

__all__ = [
    "Checked",
    "checked_with_plan",
    "marking_box",
    "policy_view",
    "post_quantum_lines",
    "reasons_label",
    "reasons_text",
]

# The policy's word on a file for the ticked contacts, and how it would be encrypted.
Checked = tuple[ReleaseCheck, PostQuantumPlan | None]

OK_COLOUR, ASK_COLOUR, NO_COLOUR = "#1e7b34", "#8a6d00", "#b00020"


def marking_box() -> QComboBox:
    """The marking choice: the levels of the user's scheme (filled later), or typed."""
    translate = QCoreApplication.translate
    box = QComboBox()
    box.setObjectName("marking")
    box.setEditable(True)
    box.setAccessibleName(translate("filePolicy", "Marking of the file"))
    field = box.lineEdit()
    assert field is not None  # an editable box has one
    field.setAccessibleName(box.accessibleName())
    box.setToolTip(
        translate(
            "filePolicy",
            "Needed for a file that is not a CableDesk cable, document or backup: a level "
            "of your scheme, or a marking such as CONFIDENTIAL//REL TO USA, GBR.",
        )
    )
    return box


def reasons_label() -> PlainLabel:
    """Where the policy's reasons are shown (plain text: names come from outside)."""
    label = PlainLabel()
    label.setObjectName("policyReasons")
    label.setWordWrap(True)
    label.setAccessibleName(QCoreApplication.translate("filePolicy", "Release policy"))
    label.setStyleSheet(text_style(NO_COLOUR))
    return label


def policy_view(check: ReleaseCheck) -> tuple[dict[str, PolicyCell], list[str]]:
    """The cells by fingerprint, and the lines explaining what stands in the way."""
    translate = QCoreApplication.translate
    cells: dict[str, PolicyCell] = {}
    explanations: list[str] = []
    for contact, _, decision in check.decisions:
        messages = [in_words(reason.phrase) for reason in decision.reasons]
        if not decision.allowed:
            text, colour = translate("filePolicy", "Refused (see below)"), NO_COLOUR
            explanations += messages
        elif decision.needs_confirmation:
            text = translate("filePolicy", "Unverified: tick to confirm you trust this key")
            colour = ASK_COLOUR
        else:
            text, colour = translate("filePolicy", "Allowed"), OK_COLOUR
        cells[contact.fingerprint] = PolicyCell(
            text, colour, "\n".join(messages), decision.allowed and decision.needs_confirmation
        )
    if check.needs_marking:
        try:
            check.enforce()
        except PolicyRefusal as exc:
            problem = describe(exc)
            explanations.append(" ".join(filter(None, (problem.message, problem.hint))))
    return cells, explanations


def checked_with_plan(
    files: FileCryptoService, source: Path, names: list[str], marking: str, *, include_me: bool
) -> Checked:
    """The release check and the post-quantum plan of ``source`` for the contacts
    ``names`` and (``include_me``) the user (on a worker: it reads the file)."""
    target = files.target(contacts=names, include_me=include_me)
    release = files.check_release(source, target, marking=marking)
    return release, files.post_quantum_plan(source, target, marking=marking)


def post_quantum_lines(plan: PostQuantumPlan | None) -> list[str]:
    """Why the file is refused for lack of post-quantum keys, or falls back to X25519."""
    if plan is not None and plan.refused:
        refusal = plan.refusal()
        return [f"✖ {in_words(refusal.phrase) if refusal.phrase else refusal.message}"]
    if plan is not None and plan.warning is not None:
        return [f"⚠ {in_words(plan.warning)}"]
    return []


def reasons_text(explanations: list[str], plan: PostQuantumPlan | None) -> str:
    """The lines under the list: each refusal's reason, then the post-quantum word."""
    return "\n".join([f"✖ {m}" for m in explanations] + post_quantum_lines(plan))
