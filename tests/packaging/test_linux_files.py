"""The Linux desktop integration files: valid, consistent with each other and the version."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from cabledesk import __version__
from tests.interop._tools import require_tool

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "org.cabledesk.CableDesk"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME = LINUX / "cabledesk-mime.xml"
MIME_NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
TYPES = {
    "application/x-cabledesk-cable",
    "application/x-cabledesk-contact",
    "application/x-cabledesk-directory",  # issue 16
}


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_opens_cables_and_contacts() -> None:
    entry = _desktop_entry()
    assert entry["Exec"] == "cabledesk %F"
    assert entry["Icon"] == APP_ID
    assert set(filter(None, entry["MimeType"].split(";"))) == TYPES
    assert "Office" in entry["Categories"].split(";")


def test_metainfo_names_this_version_and_the_desktop_entry() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    releases = root.findall("releases/release")
    assert releases and releases[0].get("version") == __version__, (
        "add a <release> for the new version to the metainfo file"
    )
    assert {m.text for m in root.findall("provides/mediatype")} == TYPES
    assert root.find("content_rating") is not None


def test_mime_types_have_globs_and_magic() -> None:
    root = ET.parse(MIME).getroot()
    found = {t.get("type"): t for t in root.findall("m:mime-type", MIME_NS)}
    assert set(found) == TYPES
    cable, contact = (
        found["application/x-cabledesk-cable"],
        found["application/x-cabledesk-contact"],
    )
    assert [g.get("pattern") for g in cable.findall("m:glob", MIME_NS)] == ["*.cable"]
    assert [g.get("pattern") for g in contact.findall("m:glob", MIME_NS)] == ["*.contact"]
    magic = {m.get("value") for m in cable.findall("m:magic/m:match", MIME_NS)}
    assert magic == {"age-encryption.org/v1", "-----BEGIN AGE ENCRYPTED FILE-----"}
    starts = {m.get("value") for m in contact.findall("m:magic/m:match", MIME_NS)}
    assert starts == {'{"age_recipient":"age1', '{"accesses":['}  # /1 and /2 cards
    directory = found["application/x-cabledesk-directory"]
    assert [g.get("pattern") for g in directory.findall("m:glob", MIME_NS)] == ["*.cdir"]


@pytest.mark.interop
def test_the_mime_database_takes_the_types(tmp_path: Path) -> None:
    update_mime_database = require_tool("update-mime-database")  # shared-mime-info
    packages = tmp_path / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(MIME, packages)
    subprocess.run([update_mime_database, str(tmp_path / "mime")], check=True,
                   capture_output=True)  # fmt: skip
    globs = (tmp_path / "mime" / "globs2").read_text()
    assert "application/x-cabledesk-cable:*.cable" in globs
    assert "application/x-cabledesk-contact:*.contact" in globs
    assert b"-----BEGIN AGE ENCRYPTED FILE-----" in (tmp_path / "mime" / "magic").read_bytes()


@pytest.mark.interop
def test_appstream_validates() -> None:
    appstreamcli = require_tool("appstreamcli")  # appstream
    done = subprocess.run([appstreamcli, "validate", "--no-net", str(METAINFO)],
                          capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.interop
def test_desktop_file_validates() -> None:
    desktop_file_validate = require_tool("desktop-file-validate")  # desktop-file-utils
    done = subprocess.run([desktop_file_validate, str(DESKTOP)], capture_output=True, text=True)
    assert done.returncode == 0 and "error" not in done.stdout, done.stdout + done.stderr


def test_install_script_is_valid_shell() -> None:
    subprocess.run(["sh", "-n", str(LINUX / "install.sh")], check=True)
