"""PDFs for the metadata tests, and reading a PDF's labels back the way a PDF reader does:
from the last trailer, through the cross-reference table, to the information
dictionary and the catalog's XMP packet (no PDF library: the structure is small)."""

from __future__ import annotations

import re
from xml.etree import ElementTree

from cabledesk.export._pdf_labels import XMP_NAMESPACE

_XMP_PACKET = (
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
    ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
    '  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
    '   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">Cable</rdf:li></rdf:Alt></dc:title>\n'
    "  </rdf:Description>\n"
    '  <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">\n'
    "   <pdfuaid:part>1</pdfuaid:part>\n"
    "  </rdf:Description>\n"
    '  <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">\n'
    "   <xmp:CreatorTool>Writer</xmp:CreatorTool>\n"
    "   <xmp:CreateDate>2026-11-24T06:13:03+01:00</xmp:CreateDate>\n"
    "  </rdf:Description>\n"
    " </rdf:RDF>\n"
    "</x:xmpmeta>\n"
)


def tagged_pdf(*, padding: int = 2000, xmp: bool = True) -> bytes:
    """A one-page PDF laid out as LibreOffice 7.4 writes a PDF/UA document: an XMP packet
    with padding and a creation date, an information dictionary with one, a trailer
    with an ``/ID`` and a ``/DocChecksum``."""
    packet = (_XMP_PACKET + (" " * 99 + "\n") * (padding // 100) + '<?xpacket end="w"?>\n').encode()
    objects = [
        b"<</Type/Pages/Kids[2 0 R]/Count 1>>",
        b"<</Type/Page/Parent 1 0 R/MediaBox[0 0 595 842]>>",
        b"<</Type/Metadata/Subtype/XML/Length %d>>\nstream\n%s\nendstream" % (len(packet), packet),
        b"<</Type/Catalog/Pages 1 0 R\n/MarkInfo<</Marked true>>"
        + (b"\n/Metadata 3 0 R" if xmp else b"")
        + b">>",
        b"<</Title<FEFF0043>\n/Creator<FEFF005700720069007400650072>\n"
        b"/CreationDate(D:20261124061303+01'00')>>",
    ]
    out = bytearray(b"%PDF-1.6\n%\xe4\xfc\xf6\xdf\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += (
        b"trailer\n<</Size %d/Root 4 0 R\n/Info 5 0 R\n"
        b"/ID [ <669341A15532F1269D2F4BB97412C1E0>\n<669341A15532F1269D2F4BB97412C1E0> ]\n"
        b"/DocChecksum /3F7B73597101F21F2B3F3035E0BF592C\n>>\nstartxref\n%d\n%%%%EOF\n"
    ) % (len(objects) + 1, xref)
    return bytes(out)


def _object_at(pdf: bytes, number: int) -> bytes:
    """Object ``number`` as the newest cross-reference section places it."""
    start = int(re.findall(rb"startxref\s+(\d+)\s+%%EOF", pdf)[-1])
    while True:
        section = pdf[start:]
        assert section.startswith(b"xref"), "not a cross-reference table"
        for first, count, rows in re.findall(
            rb"(\d+) (\d+)\r?\n((?:\d{10} \d{5} [nf] ?\r?\n)+)", section.split(b"trailer")[0]
        ):
            entries = rows.splitlines()
            if int(first) <= number < int(first) + int(count):
                offset = int(entries[number - int(first)][:10])
                assert pdf[offset:].startswith(b"%d 0 obj" % number)
                return pdf[offset : pdf.index(b"endobj", offset)]
        trailer = section.split(b"trailer", 1)[1].split(b"startxref", 1)[0]
        previous = re.search(rb"/Prev\s+(\d+)", trailer)
        assert previous is not None, f"object {number} is in no cross-reference section"
        start = int(previous.group(1))


def _decode(value: bytes) -> str:
    if value.startswith(b"<FEFF"):
        return bytes.fromhex(value[5:-1].decode()).decode("utf-16-be")
    return value[1:-1].decode("latin-1")


def info(pdf: bytes) -> dict[str, str]:
    """The newest information dictionary: key (without ``/``) → text."""
    trailer = pdf[pdf.rindex(b"trailer") :]
    ref = re.search(rb"/Info\s+(\d+)\s+0\s+R", trailer)
    assert ref is not None
    body = _object_at(pdf, int(ref.group(1)))
    return {
        k.decode(): _decode(v) for k, v in re.findall(rb"/(\w+)\s*(<[0-9A-F]*>|\([^)]*\))", body)
    }


def xmp_labels(pdf: bytes) -> dict[str, str]:
    """The classification properties in the catalog's XMP packet."""
    trailer = pdf[pdf.rindex(b"trailer") :]
    root = re.search(rb"/Root\s+(\d+)\s+0\s+R", trailer)
    assert root is not None
    metadata = re.search(rb"/Metadata\s+(\d+)\s+0\s+R", _object_at(pdf, int(root.group(1))))
    assert metadata is not None, "the catalog has no XMP metadata"
    stream = _object_at(pdf, int(metadata.group(1)))
    packet = stream[stream.index(b"stream") + 7 : stream.rindex(b"endstream")]
    root_element = ElementTree.fromstring(
        packet[packet.index(b"<x:xmpmeta") : packet.index(b"</x:xmpmeta>") + 12]
    )
    ns = "{" + XMP_NAMESPACE + "}"
    return {
        e.tag.removeprefix(ns): e.text or "" for e in root_element.iter() if e.tag.startswith(ns)
    }
