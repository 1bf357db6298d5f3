"""House rules that keep CableDesk offline and its core free of Qt."""

from __future__ import annotations

import ast
import functools
import subprocess
import sys
from pathlib import Path

import cabledesk

PACKAGE = Path(cabledesk.__file__).parent
NETWORK_MODULES = {
    "socket", "ssl", "socketserver", "asyncio", "selectors", "urllib", "http", "ftplib",
    "smtplib", "poplib", "imaplib", "telnetlib", "xmlrpc", "webbrowser", "requests", "httpx",
    "aiohttp", "urllib3", "websockets", "websocket", "paramiko",
}  # fmt: skip


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@functools.cache  # each test reads every module: parse each once
def _imported(path: Path) -> frozenset[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "__import__":
            names.add("<dynamic __import__>")
    return frozenset(names)


def test_no_module_imports_a_network_library() -> None:
    offenders = {
        str(path.relative_to(PACKAGE.parent)): sorted(
            n for n in _imported(path) if n.split(".")[0] in NETWORK_MODULES or n.startswith("<")
        )
        for path in _modules()
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_only_the_ui_imports_qt() -> None:
    offenders = [
        str(path.relative_to(PACKAGE.parent))
        for path in _modules()
        if "ui" not in path.relative_to(PACKAGE).parts[:1]
        and any(n.split(".")[0] in ("PySide6", "shiboken6") for n in _imported(path))
    ]
    assert offenders == []


def test_core_loads_in_a_fresh_interpreter_without_qt() -> None:
    core = sorted(
        ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
        for path in _modules()
        if path.relative_to(PACKAGE).parts[0] not in ("ui",)
    )
    script = (
        "import importlib, sys\n"
        f"for name in {core!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(bad))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == ""
    assert len(core) > 10


def test_modules_stay_small() -> None:
    big = {
        str(p.relative_to(PACKAGE.parent)): n
        for p in _modules()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > 450
    }
    assert big == {}


# --- the faces are thin --------------------------------------------------------------

FACE_ALLOWS = (
    "cabledesk.services",
    "cabledesk.domain",
    "cabledesk.errors",
    "cabledesk.phrase",
    "cabledesk.resources",
)
# The vault-less age and key tools, which may drive the crypto themselves (they must
# start fast, and need no vault).
VAULTLESS_TOOLS = {"cli/_age.py", "cli/_keys.py"}
VAULTLESS_ALLOWS = ("cabledesk.crypto", "cabledesk.atomic")


def _face_modules() -> list[Path]:
    return [p for p in _modules() if p.relative_to(PACKAGE).parts[0] in ("ui", "cli")]


def _name(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _runtime_imports(path: Path) -> set[str]:
    return _runtime_imports_of(path.read_text(encoding="utf-8"))


def _runtime_imports_of(text: str) -> set[str]:
    """The modules a module imports when it runs: not those under ``if TYPE_CHECKING:``."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for other in node.orelse:
                visit(other)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(text))
    return found


def _within(module: str, packages: tuple[str, ...]) -> bool:
    return any(module == p or module.startswith(p + ".") for p in packages)


def _face_offences(path: Path) -> list[str]:
    name = _name(path)
    face = f"cabledesk.{name.split('/')[0]}"
    allowed: tuple[str, ...] = (*FACE_ALLOWS, face)
    if name in VAULTLESS_TOOLS:
        allowed += VAULTLESS_ALLOWS
    return sorted(
        module
        for module in _runtime_imports(path)
        if _within(module, ("cabledesk",))
        and module != "cabledesk"  # the package itself: its version
        and not _within(module, allowed)
    )


def test_the_faces_import_only_services_domain_and_errors() -> None:
    offences = {_name(path): found for path in _face_modules() if (found := _face_offences(path))}
    assert offences == {}


def _vault_reaches(text: str) -> list[int]:
    """Lines that reach into a vault: ``x.vault`` (a session's) or ``vault.x`` (a store
    object held in a variable of that name)."""
    return sorted(
        node.lineno
        for node in ast.walk(ast.parse(text))
        if isinstance(node, ast.Attribute)
        and (
            node.attr == "vault" or (isinstance(node.value, ast.Name) and node.value.id == "vault")
        )
    )


def test_no_face_reaches_into_the_vault() -> None:
    offenders = {
        _name(path): lines
        for path in _face_modules()
        if (lines := _vault_reaches(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}


def test_the_checks_see_what_they_look_for() -> None:
    sample = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from cabledesk.store.vault import Vault\n"
        "def f(session, vault):\n"
        "    from cabledesk.store.audit import Event\n"
        "    session.vault.audit.append(Event.FILE_ENCRYPTED)\n"
        "    return vault.settings.get()\n"
    )
    assert _runtime_imports_of(sample) == {"typing", "cabledesk.store.audit"}
    assert _vault_reaches(sample) == [6, 7]
