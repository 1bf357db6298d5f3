"""The core's sentences built as phrases (:mod:`cabledesk.domain.phrase`), in the
user's language: each template is looked up in the catalogue under ``context``
(``resources/translations/core_messages.py`` lists them for the translators)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from cabledesk.domain.phrase import Phrase

__all__ = ["in_words"]


def in_words(phrase: Phrase, context: str = "policy") -> str:
    return phrase.render(lambda template: QCoreApplication.translate(context, template))
