"""The classification label in a PDF's metadata, where tools that never open the page see it.

The .docx carries the label as custom document properties (``Classification``,
``ClassificationScheme``, ``ClassificationLevel``, ``CableId``, …; see
:mod:`cabledesk.export.docx`). LibreOffice does not carry custom properties
into a PDF, so after the conversion the same properties are written

- into the **XMP metadata** (the packet LibreOffice writes for a PDF/UA
  document), in CableDesk's own namespace :data:`XMP_NAMESPACE`
  (``cdlabel:Classification`` …). The packet is rewritten *in place*: the
  new one — LibreOffice's, already cleaned of its dates by
  ``_pdf_metadata``, with our description added — takes the room of the old
  one and of its padding, so every cross-reference offset stays valid. No
  room, or no packet: ExportError.
- into the **document information dictionary** as custom keys
  (``/Classification`` …), through an incremental update appended to the
  file: the dictionary rewritten with the same entries plus ours, a
  cross-reference section for it, and a trailer pointing back to the
  previous one (ISO 32000-1 §7.5.6). The update's bytes depend only on the
  PDF and the document, so the output stays deterministic.

Fail closed: a PDF whose trailer, information dictionary or metadata packet
is not as expected raises ExportError instead of being written unlabelled.
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.etree import ElementTree
from xml.sax.saxutils import escape

from cabledesk.errors import ExportError

__all__ = ["XMP_NAMESPACE", "docx_labels", "label_pdf"]

XMP_NAMESPACE = "http://cabledesk.invalid/ns/label/1.0/"
XMP_PREFIX = "cdlabel"
_CUSTOM_PART = "docProps/custom.xml"
_MAX_CUSTOM_BYTES = 64 * 1024
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9]{0,63}$")
_HINT = "Export a .docx instead, and report this to your support desk."

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_TRAILER = re.compile(rb"trailer\s*<<(.*?)>>\s*startxref\s+\d+\s+%%EOF\s*$", re.S)
_INFO_REF = re.compile(rb"/Info\s+(\d+)\s+(\d+)\s+R")
_ROOT_REF = re.compile(rb"/Root\s+(\d+)\s+(\d+)\s+R")
_SIZE = re.compile(rb"/Size\s+(\d+)")
_ID = re.compile(rb"/ID\s*\[\s*<[0-9A-Fa-f]+>\s*<[0-9A-Fa-f]+>\s*\]")
_METADATA = re.compile(
    rb"<<\s*/Type\s*/Metadata\s*/Subtype\s*/XML\s*/Length\s+(\d+)\s*>>\s*stream\r?\n"
)
_PACKET_END = re.compile(rb"<\?xpacket end=\"[rw]\"\?>\s*$")
_DATE_LIKE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")


def _fail(problem: str) -> ExportError:
    return ExportError(f"CableDesk could not label the PDF: {problem}.", hint=_HINT)


def docx_labels(docx: bytes) -> list[tuple[str, str]]:
    """The custom properties of our .docx, in their order: (name, value) pairs.

    Raises ExportError if the document has none or they cannot be read.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(docx)) as zf:
            info = zf.getinfo(_CUSTOM_PART)
            if info.file_size > _MAX_CUSTOM_BYTES:
                raise _fail("its custom properties are unexpectedly large")
            root = ElementTree.fromstring(zf.read(info))  # noqa: S314 (our own, just rendered)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError) as exc:
        raise _fail("the document's classification properties cannot be read") from exc
    labels = [(p.get("name", ""), "".join(p.itertext())) for p in root]
    if not labels or not all(_NAME.match(name) for name, _ in labels):
        raise _fail("the document's classification properties are not as expected")
    return labels


def label_pdf(pdf: bytes, labels: list[tuple[str, str]]) -> bytes:
    """``pdf`` (cleaned by ``normalise_pdf_metadata``) with ``labels`` in XMP and Info.

    Raises ExportError when the PDF does not have the structure this needs.
    """
    return _update_info(_rewrite_xmp(pdf, labels), labels)


# -- XMP, in place ------------------------------------------------------------


def _rewrite_xmp(pdf: bytes, labels: list[tuple[str, str]]) -> bytes:
    found = list(_METADATA.finditer(pdf))
    if len(found) != 1:
        raise _fail("it has no single XMP metadata packet (LibreOffice 7.4 or later is needed)")
    start = found[0].end()
    end = start + int(found[0].group(1))
    if pdf[end : end + 20].lstrip()[:9] != b"endstream":
        raise _fail("its XMP metadata packet is not where its length says")
    packet = pdf[start:end]
    tail = _PACKET_END.search(packet)
    head = packet.find(b"</x:xmpmeta>")
    if tail is None or head < 0 or b"</rdf:RDF>" not in packet[:head]:
        raise _fail("its XMP metadata packet is not as expected")
    text = packet[:head].decode("utf-8")
    text = text.replace("</rdf:RDF>", _xmp_description(labels) + "\n </rdf:RDF>", 1).rstrip()
    if _DATE_LIKE.search(text):
        raise _fail("its XMP metadata holds a time CableDesk cannot remove")
    new = f"{text}\n</x:xmpmeta>\n".encode()
    end_marker = packet[tail.start() :].strip() + b"\n"
    room = len(packet) - len(new) - len(end_marker)
    if room < 1:
        raise _fail("its XMP metadata packet has no room for the classification")
    padding = (b" " * 99 + b"\n") * (room // 100) + b" " * (room % 100)
    replacement = new + padding + end_marker
    return pdf[:start] + replacement + pdf[end:]


def _xmp_description(labels: list[tuple[str, str]]) -> str:
    properties = "".join(
        f"\n   <{XMP_PREFIX}:{name}>{escape(value)}</{XMP_PREFIX}:{name}>" for name, value in labels
    )
    return (
        f' <rdf:Description rdf:about="" xmlns:{XMP_PREFIX}="{XMP_NAMESPACE}">'
        f"{properties}\n  </rdf:Description>"
    )


# -- the information dictionary, by incremental update --------------------------


def _pdf_text(value: str) -> bytes:
    """A PDF text string: UTF-16BE with its byte-order mark, in hex."""
    return b"<FEFF" + value.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def _update_info(pdf: bytes, labels: list[tuple[str, str]]) -> bytes:
    last = _STARTXREF.search(pdf)
    trailer = _TRAILER.search(pdf)
    if last is None or trailer is None:
        raise _fail("its trailer is not as expected")
    fields = trailer.group(1)
    info, root, size, file_id = (
        _INFO_REF.search(fields),
        _ROOT_REF.search(fields),
        _SIZE.search(fields),
        _ID.search(fields),
    )
    if info is None or root is None or size is None or file_id is None:
        raise _fail("its trailer lacks the information dictionary, root, size or identifier")
    number, generation = int(info.group(1)), int(info.group(2))
    body = re.search(
        rb"(?:^|[\r\n])%d %d obj\s*<<(.*?)>>\s*endobj" % (number, generation), pdf, re.S
    )
    if body is None or b"<<" in body.group(1) or b"stream" in body.group(1):
        raise _fail("its information dictionary is not as expected")
    kept = b"\n".join(line.strip() for line in body.group(1).splitlines() if line.strip())
    ours = b"".join(
        b"\n/" + name.encode("ascii") + _pdf_text(value) for name, value in labels if value
    )
    out = bytearray(pdf if pdf.endswith(b"\n") else pdf + b"\n")
    offset = len(out)
    out += b"%d %d obj\n<<%s%s>>\nendobj\n" % (number, generation, kept, ours)
    xref = len(out)
    out += b"xref\n%d 1\n%010d %05d n \n" % (number, offset, generation)
    out += b"trailer\n<</Size %s/Root %s/Info %s\n%s\n/Prev %d>>\nstartxref\n%d\n%%%%EOF\n" % (
        size.group(1),
        root.group(0)[len(b"/Root") :].strip(),
        info.group(0)[len(b"/Info") :].strip(),
        file_id.group(0),
        int(last.group(1)),
        xref,
    )
    return bytes(out)
