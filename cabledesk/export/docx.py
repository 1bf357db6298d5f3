"""The .docx renderer: a cable as a Word document a registry would accept.

:func:`render_docx` returns the bytes of the document, built in memory (no
temporary file): the banner — computed from the portions with
:func:`~cabledesk.domain.cable.cable_banner`, never typed — centred at the top
and bottom of every page in the level's colours; the header block; the
classification authority block; numbered, portion-marked paragraphs; the
signature line; the attachments with their own markings; "Page X of Y", and on
every later page the cable's post, serial and page (``_docx_page``). The banner
includes the attachments' markings, and the first page says what the cable is
when separated from them (``_labels``). A UK-scheme cable is laid out as an
FCDO telegram (``_docx_telegram``; the scheme's ``document_template``). Its
custom document properties carry the classification label (banner, scheme,
level, cable id, originator); its core properties carry the banner, the TAGS
and a title that is never a classified subject, and nothing personal.

Deterministic: the same cable and settings give the same bytes — no clock,
user, host or path enters the document, the package parts and ZIP entries are
written in a fixed order with fixed timestamps (see ``_docx_package`` and
``_zip``), so a signature of the document is stable and can be reproduced.

The layout lives in private modules: ``_docx_base`` (the empty document,
styles, and the choice of typeface), ``_docx_page`` (paper, banners, page
numbers), ``_docx_blocks`` (the text of a US cable), ``_docx_telegram`` (of a
UK telegram), ``_labels`` (banner, title, references), ``_docx_package``
(properties, ZIP). docs/DOCUMENTS.md describes the result.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence

import docx
from docx.document import Document

from cabledesk.domain.cable import Cable
from cabledesk.domain.clearance import ClearanceLine
from cabledesk.domain.historical import historical_marking
from cabledesk.domain.sanitize import Tearline
from cabledesk.domain.scheme import ClassificationScheme
from cabledesk.export._docx_base import base_package
from cabledesk.export._docx_blocks import SANITIZED_TITLE, write_body
from cabledesk.export._docx_package import DocumentProperties, release, write_package
from cabledesk.export._docx_page import set_up_pages
from cabledesk.export._docx_telegram import write_telegram
from cabledesk.export._labels import UK_TELEGRAM, DocumentLabels, document_labels
from cabledesk.export.settings import ExportSettings

__all__ = [
    "CLEARED_RENDERER_VERSION",
    "CUSTOM_PROPERTIES",
    "DOCX_MEDIA_TYPE",
    "RENDERER_VERSION",
    "render_docx",
]

# Raise it whenever the same cable and settings would give other bytes: a sealed
# cable records the version that rendered its cable.docx, and a reader renders
# the cable again to compare only when its own version is the same.
RENDERER_VERSION = 1
# Issue 18: version 1 with the "Drafted / Cleared / Approved" block of the statements a
# package carries (``clearance``). A document without the block is version 1, byte for
# byte; a reader of version 1 only does not check one with it (a warning, not a failure).
CLEARED_RENDERER_VERSION = 2

DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Names of the custom document properties, in the order they are written.
CUSTOM_PROPERTIES = (
    "Classification",
    "ClassificationScheme",
    "ClassificationLevel",
    "CableId",
    "Originator",
    "ClassificationWhenSeparated",
    "SanitizedFrom",
    "SanitizedLevel",
)


@functools.cache
def _base() -> bytes:
    return base_package()


def render_docx(
    cable: Cable,
    scheme: ClassificationScheme,
    settings: ExportSettings | None = None,
    *,
    tearline: Tearline | None = None,
    clearance: Sequence[ClearanceLine] = (),
) -> bytes:
    """The .docx bytes of ``cable`` laid out per ``settings`` (default: A4).

    ``clearance``: the names of its "Drafted / Cleared / Approved" block (issue 18;
    rendered as :data:`CLEARED_RENDERER_VERSION` when there are any).

    Pass the ``tearline`` of a sanitized cable (from
    :func:`~cabledesk.domain.sanitize.sanitize`) to state on the document
    what it is. Raises MarkingError if a portion mark cannot be parsed and
    ValueError if ``cable`` is not of ``scheme``. The cable is not validated
    here: the export service does that.
    """
    if scheme.id != cable.scheme.lower():
        raise ValueError(f"cable is in scheme {cable.scheme!r}, rendered with {scheme.id!r}")
    settings = settings or ExportSettings()
    labels = document_labels(cable, scheme)
    document = docx.Document(io.BytesIO(_base()))
    try:
        return _write(document, cable, scheme, settings, labels, tearline, clearance)
    finally:
        release(document)  # flat memory over batches: see _docx_package.release


def _write(
    document: Document,
    cable: Cable,
    scheme: ClassificationScheme,
    settings: ExportSettings,
    labels: DocumentLabels,
    tearline: Tearline | None,
    clearance: Sequence[ClearanceLine] = (),
) -> bytes:
    banner = labels.banner
    historical = historical_marking(cable, scheme)  # an imported record: no live banner
    label = historical or banner.banner
    set_up_pages(
        document,
        settings.paper,
        banner,
        footer_note=SANITIZED_TITLE if tearline is not None else None,
        banner_line=labels.banner_line,
        continuation=labels.reference,
        first_page_note=labels.separated_line,
        historical=historical,
    )
    write_text = write_telegram if scheme.document_template == UK_TELEGRAM else write_body
    write_text(document, cable, scheme, banner, tearline)
    if clearance:  # issue 18
        from cabledesk.export._docx_clearance import write_clearance_block

        write_clearance_block(document, clearance)
    custom = [
        ("Classification", label),
        ("ClassificationScheme", scheme.id),
        ("ClassificationLevel", banner.level.name),
        ("CableId", cable.id),
        ("Originator", cable.originator),
        ("ClassificationWhenSeparated", labels.separated.banner if labels.separated else ""),
    ]
    if tearline is not None:  # the source only if the sanitizer asked (see domain.sanitize)
        if tearline.options.show_source_id:
            custom.append(("SanitizedFrom", tearline.source_id))
        custom.append(("SanitizedLevel", tearline.level))
    properties = DocumentProperties(
        title=labels.title,  # never a classified subject: see _labels
        subject=label,  # PDF viewers show it; the .docx also has it as category
        keywords=", ".join(cable.tags),
        category=label,
        content_status="Sanitized version" if tearline is not None else "",
        author=settings.author.strip(),
        created=cable.dtg,
        custom=tuple((name, value) for name, value in custom if value),
    )
    return write_package(document, properties)
