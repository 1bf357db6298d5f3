"""The French catalogue: complete, in step with the sources, and used by the screens.

``resources/translations/cabledesk_fr.ts`` is what translators edit; ``make
translations`` compiles it. These tests compile it themselves (into a temp
folder), so they do not depend on a build step having run.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from cabledesk.domain._policy_reasons import too_low
from cabledesk.domain.cable import Cable
from cabledesk.domain.marking import parse_marking
from cabledesk.domain.scheme import ClassificationScheme
from cabledesk.domain.validation import validate
from cabledesk.errors import MarkingError, SettingError, WrongPassphrase
from cabledesk.services.settings import SettingsService
from cabledesk.services.vault_access import VaultAccess
from cabledesk.store.vault import Vault
from cabledesk.ui.errors import describe
from cabledesk.ui.phrases import finding_text, in_words
from cabledesk.ui.unlock import UnlockWindow
from cabledesk.ui.verdict_words import verdict_words
from cabledesk.ui.workers import Workers
from tests.ui.conftest import SCHEMES

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "resources" / "translations"
CATALOGUE = FOLDER / "cabledesk_fr.ts"
CORE_MESSAGES = FOLDER / "core_messages.py"
# What `make update-translations` passes to lupdate (keep the two the same).
LUPDATE_ARGS = ["-silent", "-extensions", "py", "-locations", "none", "-no-obsolete"]
_PLACEHOLDER = re.compile(r"\{\w*\}|%n|%\d|<[^>]+>")
_MNEMONIC = re.compile(r"&(?=[^&\s;])")


def _tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    assert found, f"{name} (from PySide6) is not installed"
    return found


def _messages(path: Path) -> Iterator[tuple[str, ET.Element]]:
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            yield name, message


def test_every_message_is_translated() -> None:
    missing = []
    for context, message in _messages(CATALOGUE):
        translation = message.find("translation")
        source = message.findtext("source", "")
        if translation is None or translation.get("type") or not (translation.text or "").strip():
            missing.append(f"{context}: {source!r}")
    assert missing == []


def test_placeholders_markup_and_shortcuts_survive_translation() -> None:
    wrong = []
    for context, message in _messages(CATALOGUE):
        source = message.findtext("source", "")
        translation = message.findtext("translation", "")
        if sorted(_PLACEHOLDER.findall(source)) != sorted(_PLACEHOLDER.findall(translation)):
            wrong.append(f"{context}: {source!r} -> {translation!r}")
        if bool(_MNEMONIC.search(source)) != bool(_MNEMONIC.search(translation)):
            wrong.append(f"{context} (shortcut letter): {source!r} -> {translation!r}")
    assert wrong == []


def test_the_catalogue_is_in_step_with_the_sources(tmp_path: Path) -> None:
    """lupdate over today's sources neither adds nor drops a message."""
    fresh = tmp_path / CATALOGUE.name
    shutil.copy(CATALOGUE, fresh)
    subprocess.run(
        [_tool("pyside6-lupdate"), *LUPDATE_ARGS, "cabledesk/ui", str(CORE_MESSAGES.relative_to(ROOT)),
         "-ts", str(fresh)],
        cwd=ROOT, check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    before = {(c, m.findtext("source")) for c, m in _messages(CATALOGUE)}
    after = {(c, m.findtext("source")) for c, m in _messages(fresh)}
    assert sorted(after - before) == [], "new strings: run `make update-translations`"
    assert sorted(before - after) == [], "strings no longer used: run `make update-translations`"


def _literals(folder: Path) -> set[str]:
    found: set[str] = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


@pytest.mark.slow
def test_every_listed_core_message_still_exists() -> None:
    """core_messages.py lists the core's sentences by hand: a reworded one is noticed."""
    listed = [
        node.args[1].value
        for node in ast.walk(ast.parse(CORE_MESSAGES.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP"
        and isinstance(node.args[1], ast.Constant)
    ]
    assert len(listed) > 20
    sources = _literals(ROOT / "cabledesk")
    assert [text for text in listed if text not in sources] == []


def _phrase_templates(path: Path) -> set[str]:
    """The first argument of every ``Phrase.of("…", …)`` in ``path``."""
    return {
        node.args[0].value
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "of"
        and getattr(node.func.value, "id", "") == "Phrase"
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    }


@pytest.mark.slow
def test_every_phrase_of_the_core_is_listed_for_the_translators() -> None:
    listed = {
        node.args[1].value
        for node in ast.walk(ast.parse(CORE_MESSAGES.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP"
        and isinstance(node.args[0], ast.Constant)
        and node.args[0].value == "core"
        and isinstance(node.args[1], ast.Constant)
        and isinstance(node.args[1].value, str)
    }
    used: set[str] = set()
    for path in (ROOT / "cabledesk").rglob("*.py"):
        if "ui" not in path.relative_to(ROOT / "cabledesk").parts:
            used |= _phrase_templates(path)
    assert sorted(used - listed) == [], "add them to core_messages.py"
    assert sorted(listed - used) == [], "no longer used: remove them from core_messages.py"


@pytest.fixture
def french(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    compiled = tmp_path / "cabledesk_fr.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(CATALOGUE), "-qm", str(compiled)],
        check=True,
        timeout=120,
    )
    translator = QTranslator()
    assert translator.load(str(compiled))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


@pytest.mark.usefixtures("french")
def test_the_screens_and_the_core_messages_speak_french(
    qtbot: QtBot, vault_access: VaultAccess
) -> None:
    window = UnlockWindow(vault_access, Workers(synchronous=True))
    qtbot.addWidget(window)
    assert window.button.text() == "Déverrouiller"
    assert QCoreApplication.translate("MainWindow", "&File") == "&Fichier"
    problem = describe(WrongPassphrase("The passphrase is wrong."))
    assert problem.title == "Phrase de passe incorrecte", problem.title


@pytest.mark.usefixtures("french")
def test_a_policy_refusal_reads_in_french() -> None:
    reason = too_low("Ann Lee (USA)", "SECRET", "SECRET", None, "CONFIDENTIAL")
    assert in_words(reason.phrase) == (
        "Ann Lee (USA) ne peut pas recevoir ce télégramme SECRET\u00a0: il exige une "
        "habilitation d’au moins SECRET, et la sienne est CONFIDENTIAL."
    )


@pytest.mark.usefixtures("french")
def test_a_finding_reads_in_french(us: ClassificationScheme) -> None:
    cable = Cable(
        id="x", scheme="us", precedence="ROUTINE", originator="AMEMBASSY PARIS", action=(),
        subject="TALKS", subject_marking="(U)", paragraphs=(),
    )  # fmt: skip
    findings = {f.field: finding_text(f) for f in validate(cable, us, today=date(2026, 11, 24))}
    assert findings["action"] == (
        "Le télégramme n’a pas de destinataire pour action (TO). Ajoutez-en au moins un."
    )


@pytest.mark.usefixtures("french")
def test_a_marking_error_reads_in_french(us: ClassificationScheme) -> None:
    with pytest.raises(MarkingError) as caught:
        parse_marking("SECRET//NOFORN/NOFORN", us)
    problem = describe(caught.value)
    assert problem.message == "NOFORN figure deux fois dans le marquage 'SECRET//NOFORN/NOFORN'."
    assert problem.hint == "N’indiquez chaque mention de contrôle qu’une seule fois."


@pytest.mark.usefixtures("french")
def test_a_refused_setting_reads_in_french(vault: Vault) -> None:
    with pytest.raises(SettingError) as caught:
        SettingsService(vault, SCHEMES).parse("auto-lock-minutes", "5000")
    problem = describe(caught.value)
    assert problem.message == "auto-lock-minutes ne peut pas valoir '5000'."
    assert problem.hint == "auto-lock-minutes accepte un nombre de minutes de 0 à 1440, ou off."


@pytest.mark.usefixtures("french")
def test_a_cable_verdict_reads_in_french() -> None:
    record = {"verdict": "valid", "signer": {"name": "Klaus Weber", "post": "AMEMBASSY BERLIN"}}
    assert verdict_words(record) == (
        "Intact et signé par Klaus Weber (AMEMBASSY BERLIN), un contact vérifié, pour vous.",
        "",
    )
