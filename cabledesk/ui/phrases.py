"""The core's sentences built as phrases (:mod:`cabledesk.domain.phrase`), in the
user's language: each template is looked up in the catalogue under a context
(``policy`` for the release policy's reasons, ``findings`` for the drafting
rules); ``resources/translations/core_messages.py`` lists them for the translators."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from cabledesk.domain.phrase import Phrase
from cabledesk.domain.validation import Finding
from cabledesk.ui.errors import translated

__all__ = ["finding_text", "in_words"]


def in_words(phrase: Phrase, context: str = "policy") -> str:
    return phrase.render(lambda template: QCoreApplication.translate(context, template))


def finding_text(finding: Finding) -> str:
    """A finding's message; one that came from elsewhere (the marking parser) as the
    catalogue has it, or as it is."""
    if finding.phrase is not None:
        return in_words(finding.phrase, "findings")
    return translated(finding.message)
