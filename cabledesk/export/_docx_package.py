"""The .docx package: document properties, and the parts written in a fixed order.

python-docx's own ``save()`` stamps ZIP entries with the current time and,
when a document has no core properties, invents some ("python-docx" as last
editor, the current time as modification date). Here the package is written
from python-docx's parts directly: ``[Content_Types].xml`` and the package
relationships generated from those parts, our core properties (title,
keywords, category, the date-time group as creation date — and an author only
if the user set one) and custom properties (the classification label), then
every part in a fixed order, through :mod:`cabledesk.export._zip`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from docx.document import Document

from cabledesk.export._docx_base import CONTENT_TYPES, CT_NS, package_rels_xml
from cabledesk.export._docx_xml import xml_text
from cabledesk.export._zip import ZipEntry, zip_bytes

__all__ = ["DocumentProperties", "release", "write_package"]

_XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_CORE_RT = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
_CUSTOM_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
# The property set id OOXML prescribes for user-defined document properties.
_USER_DEFINED_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
_FIRST_PID = 2  # pids 0 and 1 are reserved
MAIN_PART = "word/document.xml"


@dataclass(frozen=True, slots=True)
class DocumentProperties:
    """What File ▸ Properties shows; nothing here is added unless given."""

    title: str = ""
    subject: str = ""
    keywords: str = ""
    category: str = ""
    content_status: str = ""
    author: str = ""
    created: datetime | None = None
    custom: tuple[tuple[str, str], ...] = ()


def _text(value: str) -> str:
    return escape(xml_text(value))


def core_xml(props: DocumentProperties) -> bytes:
    elements = [
        ("dc:title", props.title),
        ("dc:subject", props.subject),
        ("dc:creator", props.author),
        ("cp:keywords", props.keywords),
        ("cp:category", props.category),
        ("cp:contentStatus", props.content_status),
    ]
    body = "".join(f"<{tag}>{_text(value)}</{tag}>" for tag, value in elements if value)
    if props.created is not None:
        when = props.created.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        body += f'<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>'
    return (
        f"{_XML_DECL}<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"{body}</cp:coreProperties>"
    ).encode()


def custom_xml(props: DocumentProperties) -> bytes:
    body = "".join(
        f'<property fmtid="{_USER_DEFINED_FMTID}" pid="{pid}" name={quoteattr(xml_text(name))}>'
        f"<vt:lpwstr>{_text(value)}</vt:lpwstr></property>"
        for pid, (name, value) in enumerate(props.custom, start=_FIRST_PID)
    )
    return (
        f"{_XML_DECL}<Properties "
        'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"{body}</Properties>"
    ).encode()


def _content_types(overrides: list[tuple[str, str]]) -> bytes:
    body = "".join(
        f"<Override PartName={quoteattr(name)} ContentType={quoteattr(kind)}/>"
        for name, kind in sorted(overrides)
    )
    return (
        f'{_XML_DECL}<Types xmlns="{CT_NS}">'
        f'<Default Extension="rels" ContentType="{CONTENT_TYPES["rels"]}"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f"{body}</Types>"
    ).encode()


def write_package(document: Document, props: DocumentProperties) -> bytes:
    """The .docx bytes of ``document`` with ``props``; the same input, the same bytes."""
    parts: dict[str, tuple[bytes, bytes | None]] = {}
    overrides: list[tuple[str, str]] = [
        ("/docProps/core.xml", CONTENT_TYPES["core"]),
        ("/docProps/custom.xml", CONTENT_TYPES["custom"]),
    ]
    for part in _parts(document):
        name = str(part.partname)
        rels = part.rels
        rels_xml = rels.xml if len(rels) else None
        parts[name.lstrip("/")] = (
            part.blob,
            rels_xml.encode() if isinstance(rels_xml, str) else rels_xml,
        )
        overrides.append((name, part.content_type))
    if MAIN_PART not in parts:
        raise ValueError("the document has no main part")
    entries = [
        ZipEntry("[Content_Types].xml", _content_types(overrides)),
        ZipEntry(
            "_rels/.rels",
            package_rels_xml(
                [
                    ("officeDocument", MAIN_PART),
                    (_CORE_RT, "docProps/core.xml"),
                    (_CUSTOM_RT, "docProps/custom.xml"),
                ]
            ),
        ),
        ZipEntry("docProps/core.xml", core_xml(props)),
        ZipEntry("docProps/custom.xml", custom_xml(props)),
    ]
    for name in [MAIN_PART, *sorted(n for n in parts if n != MAIN_PART)]:
        blob, rels_blob = parts[name]
        entries.append(ZipEntry(name, blob))
        if rels_blob is not None:
            folder, _, base = name.rpartition("/")
            entries.append(ZipEntry(f"{folder}/_rels/{base}.rels", rels_blob))
    return zip_bytes(entries)


def _parts(document: Document) -> list[Any]:
    """Every part reachable from the package, walked without python-docx's
    ``iter_parts`` (whose recursive closure makes a reference cycle per call)."""
    found: list[Any] = []
    todo: list[Any] = [document.part.package]
    while todo:
        source = todo.pop()
        for rel in source.rels.values():
            if not rel.is_external and all(rel.target_part is not p for p in found):
                found.append(rel.target_part)
                todo.append(rel.target_part)
    return found


def release(document: Document) -> None:
    """Drop the references between ``document``'s objects; it is unusable afterwards.

    python-docx's objects reference each other in cycles (package ↔ parts, the
    document ↔ its part, closures made while loading), which only the cyclic
    garbage collector frees, late: over a batch of thousands of exports the
    process grows. Emptying them here frees every XML tree at once by
    reference counting, and a batch runs in flat memory.
    """
    package = document.part.package
    for part in _parts(document):
        part.__dict__.clear()
    package.__dict__.clear()
    document.__dict__.clear()
