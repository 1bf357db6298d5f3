"""The release policy's word on a file to encrypt, as the recipient picker shows it.

:func:`policy_view` turns a :class:`~cabledesk.services.file_crypto.ReleaseCheck`
into the release-policy column of
:class:`~cabledesk.ui._recipients_model.RecipientsModel` (allowed, refused,
or "tick to confirm" for an unverified contact) and the lines shown below the list:
every refusal's reason, and why the file needs a stated marking.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from cabledesk.errors import PolicyRefusal
from cabledesk.services.file_crypto import ReleaseCheck
from cabledesk.ui._recipients_model import PolicyCell
from cabledesk.ui.colours import text_style
from cabledesk.ui.errors import describe
from cabledesk.ui.phrases import in_words
from cabledesk.ui.plain import PlainLabel

__all__ = ["marking_box", "policy_view", "reasons_label"]

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
