"""Clean what LibreOffice writes into a PDF's metadata, without rewriting the file.

LibreOffice puts in the document information dictionary the creation time
in the machine's time zone (``/CreationDate``, ``/ModDate``), a ``/DocChecksum``
and a trailer ``/ID`` computed from the time and the source file's URL — a
path under the user's home. Each is replaced *in place* by bytes of the same
length, so that every cross-reference offset stays valid: dates and the
checksum become spaces (whitespace between dictionary entries, so the entries
disappear), and the ``/ID`` becomes hex digits derived from the document.
The XMP metadata packet LibreOffice writes for a tagged PDF/UA document loses
its times and random identifiers the same way (spaces between its elements);
``_pdf_labels`` then adds the classification to it. What
remains — title and keywords from the .docx, ``Writer`` and ``LibreOffice``
with its version — names the document and the tool, not a person or machine.

Fail closed: a PDF whose metadata does not look as expected (no ``/ID``, a
date left over) raises ExportError instead of being written.
"""

from __future__ import annotations

import hashlib
import re

from cabledesk.errors import ExportError

__all__ = ["normalise_pdf_metadata"]

_XMP_TAGS = (
    b"xmp:CreateDate", b"xmp:ModifyDate", b"xmp:MetadataDate", b"xmpMM:DocumentID",
    b"xmpMM:InstanceID",
)  # fmt: skip
_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")
_ERASE = (
    re.compile(rb"/CreationDate\s*\((?:[^()\\]|\\.){0,64}\)"),
    re.compile(rb"/ModDate\s*\((?:[^()\\]|\\.){0,64}\)"),
    re.compile(rb"/DocChecksum\s*/[0-9A-Fa-f]{1,64}"),
    # the XMP packet's times and random identifiers (whitespace between its elements)
    *(re.compile(rb"<%s>[^<>]{0,96}</%s>" % (tag, tag)) for tag in _XMP_TAGS),
)
_LEFT_OVER = re.compile(rb"/CreationDate|/ModDate|/DocChecksum|<(?:%s)\b" % b"|".join(_XMP_TAGS))
_HINT = "Export a .docx instead, and report this to your support desk."


def _blank(match: re.Match[bytes]) -> bytes:
    return b" " * (match.end() - match.start())


def normalise_pdf_metadata(pdf: bytes, document_id: bytes) -> bytes:
    """``pdf`` with dates and checksum erased and its ``/ID`` derived from ``document_id``.

    Raises ExportError if the PDF's metadata cannot be cleaned this way.
    """
    if not pdf.startswith(b"%PDF-"):
        raise ExportError("LibreOffice did not write a PDF file.", hint=_HINT)
    for pattern in _ERASE:
        pdf = pattern.sub(_blank, pdf)
    if _LEFT_OVER.search(pdf):
        raise ExportError(
            "The PDF written by LibreOffice carries metadata CableDesk cannot clean.",
            hint=_HINT,
        )
    digest = hashlib.sha256(document_id).hexdigest().upper().encode("ascii")

    def fixed_id(match: re.Match[bytes]) -> bytes:
        text = bytearray(match.group(0))
        for group in (1, 2):
            start, end = (i - match.start() for i in match.span(group))
            if end - start > len(digest):
                raise ExportError("The PDF's identifier is unexpectedly long.", hint=_HINT)
            text[start:end] = digest[: end - start]
        return bytes(text)

    pdf, count = _ID.subn(fixed_id, pdf)
    if count == 0:
        raise ExportError("The PDF written by LibreOffice has no identifier.", hint=_HINT)
    return pdf
