"""The core's sentences in the user's language.

A sentence built as a :class:`~cabledesk.phrase.Phrase` (the release policy's
reasons, the drafting findings, the marking parser's errors) has each template
looked up in the catalogue under the context ``core``; a finished sentence (a
constant message of the core) under ``errors``.
``resources/translations/core_messages.py`` lists both for the translators.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:  # this module is on the first window's path: nothing heavy at import
    from cabledesk.domain.validation import Finding
    from cabledesk.phrase import Phrase

__all__ = ["finding_text", "in_words", "translated"]

translate = QCoreApplication.translate


def in_words(phrase: Phrase) -> str:
    return phrase.render(lambda template: translate("core", template))


def translated(text: str) -> str:
    """A finished sentence of the core, as the catalogue has it (else as it is)."""
    return translate("errors", text)


def finding_text(finding: Finding) -> str:
    return in_words(finding.phrase) if finding.phrase is not None else translated(finding.message)
