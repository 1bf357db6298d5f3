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
