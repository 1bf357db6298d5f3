"""The words a person reads for a finding's field: ``authority.reasons`` is
"Classification reasons", ``paragraphs[3]`` "Paragraph 3" (numbers are the ones
in the gutter: the drafting rules count paragraphs from 1), in the user's language.

An id this module does not know is shown as it is (a newer rule's field).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

__all__ = ["field_label"]

_CONTEXT = "FieldLabels"
_INDEXED = re.compile(r"^(?P<group>[a-z_.]+)\[(?P<number>\d+)\](?:\.(?P<rest>[a-z_]+))?$")

_LABELS: dict[str, str] = {
    "scheme": str(QT_TRANSLATE_NOOP("FieldLabels", "Classification scheme")),
    "subject": str(QT_TRANSLATE_NOOP("FieldLabels", "Subject")),
    "precedence": str(QT_TRANSLATE_NOOP("FieldLabels", "Precedence")),
    "dtg": str(QT_TRANSLATE_NOOP("FieldLabels", "Date-time group")),
    "serial": str(QT_TRANSLATE_NOOP("FieldLabels", "Serial number")),
    "originator": str(QT_TRANSLATE_NOOP("FieldLabels", "From (originating post)")),
    "action": str(QT_TRANSLATE_NOOP("FieldLabels", "Action addressees")),
    "to": str(QT_TRANSLATE_NOOP("FieldLabels", "Action addressees")),
    "info": str(QT_TRANSLATE_NOOP("FieldLabels", "Information addressees")),
    "captions": str(QT_TRANSLATE_NOOP("FieldLabels", "Captions")),
    "tags": str(QT_TRANSLATE_NOOP("FieldLabels", "TAGS")),
    "references": str(QT_TRANSLATE_NOOP("FieldLabels", "References")),
    "signature": str(QT_TRANSLATE_NOOP("FieldLabels", "Signature")),
    "authority": str(QT_TRANSLATE_NOOP("FieldLabels", "Classification authority")),
    "authority.classified_by": str(QT_TRANSLATE_NOOP("FieldLabels", "Classified by")),
    "authority.reasons": str(QT_TRANSLATE_NOOP("FieldLabels", "Classification reasons")),
    "authority.derived_from": str(QT_TRANSLATE_NOOP("FieldLabels", "Derived from")),
    "authority.declassify_on": str(QT_TRANSLATE_NOOP("FieldLabels", "Declassify on")),
    "authority.sources": str(QT_TRANSLATE_NOOP("FieldLabels", "Classification sources")),
    "authority.downgrade": str(QT_TRANSLATE_NOOP("FieldLabels", "Downgrading instructions")),
    "declared_banner": str(QT_TRANSLATE_NOOP("FieldLabels", "Declared banner")),
    "paragraphs": str(QT_TRANSLATE_NOOP("FieldLabels", "Text of the cable")),
    "attachments": str(QT_TRANSLATE_NOOP("FieldLabels", "Attachments")),
}
_NUMBERED: dict[str, str] = {
    "paragraphs": str(QT_TRANSLATE_NOOP("FieldLabels", "Paragraph {0}")),
    "action": str(QT_TRANSLATE_NOOP("FieldLabels", "Action addressee {0}")),
    "info": str(QT_TRANSLATE_NOOP("FieldLabels", "Information addressee {0}")),
    "attachments": str(QT_TRANSLATE_NOOP("FieldLabels", "Attachment {0}")),
    "authority.sources": str(QT_TRANSLATE_NOOP("FieldLabels", "Classification source {0}")),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def field_label(field: str) -> str:
    """The label of the field a finding names (see the module docstring)."""
    if field in _LABELS:
        return _tr(_LABELS[field])
    match = _INDEXED.match(field)
    if match is not None and match["group"] in _NUMBERED:
        label = _tr(_NUMBERED[match["group"]]).format(int(match["number"]))
        rest = match["rest"]
        return f"{label}, {_tr(_LABELS[rest])}" if rest in _LABELS else label
    return field
