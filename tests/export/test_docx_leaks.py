"""An export names no person, machine, path, template or edit history that the user did not
put there (docs/SECURITY.md, "Exports")."""

from __future__ import annotations

import getpass
import os
import platform
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from cabledesk.domain.sanitize import sanitize
from cabledesk.domain.scheme import ClassificationScheme
from cabledesk.export.docx import render_docx
from cabledesk.export.settings import ExportSettings, Paper
from tests.export.docx_reading import parts
from tests.export.samples import modern_cable

EXPECTED_PARTS = {
    "[Content_Types].xml",
    "_rels/.rels",
    "docProps/core.xml",
    "docProps/custom.xml",
    "word/document.xml",
    "word/_rels/document.xml.rels",
    "word/styles.xml",
    "word/settings.xml",
    "word/fontTable.xml",
    "word/header1.xml",  # the first page's header and footer
    "word/footer1.xml",
    "word/header2.xml",  # every later page's: the banner and the cable's identity
    "word/footer2.xml",
}
# What Word, LibreOffice and python-docx's template leave behind.
TELL_TALES = [
    "rsid",
    "docId",
    "w14:",
    "lastModifiedBy",
    "dc:creator",
    "cp:revision",
    "<Template",
    "Normal.dot",
    "attachedTemplate",
    "python-docx",
    "<Company",
    "<Manager",
    "<TotalTime",
    "<Application",
    "thumbnail",
    "customXml",
    "HyperlinkBase",
    "docVars",
    "w15:",
    "mso-",
]


def _identifying(tmp_path: Path) -> list[str]:
    words = [str(Path.home()), str(Path.cwd()), str(tmp_path), sys.prefix, os.sep + "home" + os.sep]
    for value in (getpass.getuser(), platform.node()):
        if len(value) >= 4:  # short names would match ordinary words
            words.append(value)
    return words


@pytest.mark.parametrize("paper", list(Paper))
def test_no_xml_part_names_a_person_machine_path_or_history(
    us: ClassificationScheme, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, paper: Paper
) -> None:
    monkeypatch.chdir(tmp_path)
    released = sanitize(modern_cable(), us, us.level_named("CONFIDENTIAL"))
    for data in (
        render_docx(modern_cable(), us, ExportSettings(paper=paper)),
        render_docx(released.cable, us, ExportSettings(paper=paper), tearline=released.tearline),
    ):
        found = parts(data)
        assert set(found) == EXPECTED_PARTS
        for name, blob in found.items():
            ElementTree.fromstring(blob)  # every part is well-formed XML
            text = blob.decode("utf-8")
            for word in TELL_TALES:
                assert word not in text, f"{word!r} in {name}"
            for word in _identifying(tmp_path):
                assert word.lower() not in text.lower(), f"{word!r} in {name}"


def test_an_author_appears_only_when_the_user_sets_one(us: ClassificationScheme) -> None:
    plain = parts(render_docx(modern_cable(), us))["docProps/core.xml"]
    chosen = parts(render_docx(modern_cable(), us, ExportSettings(author="Registry, Paris")))
    assert b"creator" not in plain
    assert b"<dc:creator>Registry, Paris</dc:creator>" in chosen["docProps/core.xml"]
