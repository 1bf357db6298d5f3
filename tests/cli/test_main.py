"""The entry point: one command's parser when the command is known, all of them
otherwise, and a lean import path for ``encrypt`` and ``decrypt``."""

from __future__ import annotations

import argparse
import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cabledesk.cli.main import COMMANDS, build_parser, command_named
from cabledesk.crypto.age import X25519Identity
from tests.cli.conftest import Runner


def _commands(parser: argparse.ArgumentParser) -> list[str]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return list(action.choices)


def test_the_table_names_every_command_with_its_module() -> None:
    for module in dict.fromkeys(COMMANDS.values()):
        commands = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(f"cabledesk.cli.{module}").register(commands)
        assert list(commands.choices) == [c for c, m in COMMANDS.items() if m == module]
    assert _commands(build_parser(["--help"])) == list(COMMANDS)


@pytest.mark.parametrize(
    ("argv", "command"),
    [
        (["encrypt", "-r", "age1x"], "encrypt"),
        (["--home", "/h", "search", "word"], "search"),
        (["--home=/h", "--passphrase-file", "f", "contact", "list"], "contact"),
        (["--passphrase-file", "encrypt", "decrypt"], "decrypt"),  # a file named encrypt
        (["--help"], None),
        (["--version"], None),
        (["--hom", "/h", "search"], None),  # an abbreviation: argparse decides
        (["encrypted"], None),
        ([], None),
    ],
)
def test_the_command_is_found_before_parsing(argv: list[str], command: str | None) -> None:
    assert command_named(argv) == command


def test_a_known_command_gets_only_the_commands_of_its_module() -> None:
    assert _commands(build_parser(["--home", "/h", "decrypt", "-i", "k"])) == [
        "encrypt",
        "decrypt",
    ]
    assert _commands(build_parser()) == list(COMMANDS)  # no argv: all of them


def test_help_is_as_wide_as_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from cabledesk.cli import main as cli_main

    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.setattr(os, "get_terminal_size", lambda fd: os.terminal_size((0, 0)))
    assert cli_main._terminal_columns() == 80  # a terminal that reports no width
    monkeypatch.setattr(os, "get_terminal_size", lambda fd: os.terminal_size((132, 40)))
    assert cli_main._terminal_columns() == 132
    monkeypatch.setenv("COLUMNS", "60")
    assert cli_main._terminal_columns() == 60


def test_a_mistyped_command_lists_them_all(cli: Runner) -> None:
    r = cli("encrpyt", "-r", "age1x")
    assert r.code == 2
    assert "invalid choice: 'encrpyt'" in r.err and "verify-signature" in r.err


def test_options_before_the_command_still_apply(cli: Runner, tmp_path: Path) -> None:
    r = cli("--home", str(tmp_path / "none"), "identity", "show")
    assert r.code == 2 and "There is no vault in" in r.err and "none" in r.err


def test_encrypt_and_decrypt_import_nothing_heavy(tmp_path: Path) -> None:
    """The benchmark's goal (issue 3) depends on start-up: keep the path lean."""
    identity = X25519Identity.generate()
    key = tmp_path / "key"
    key.write_text(f"{identity}\n")
    plain = tmp_path / "plain"
    plain.write_bytes(b"x" * 100_000)
    script = (
        "import sys\n"
        "from cabledesk.cli.main import main\n"
        "code = main(sys.argv[1:])\n"
        "heavy = ('dataclasses', 'inspect', 'pathlib', 'tempfile', 'getpass', 'json', 'shutil',\n"
        "         'sqlcipher3', 'keyring', 'docx', 'PySide6', 'cabledesk.store',\n"
        "         'cabledesk.services', 'cabledesk.domain', 'cabledesk.cli._vault')\n"
        # the terminal's text filter is a stdlib-only domain module; the domain's
        # schemes, cables and rules stay unloaded
        "light = {'cabledesk.domain', 'cabledesk.domain.visible_text'}\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(heavy) and m not in light)\n"
        "print(code, ','.join(loaded), file=sys.stderr)\n"
    )
    sealed = tmp_path / "sealed.age"
    for argv, stdin, stdout in (
        (["encrypt", "-r", str(identity.recipient())], plain, sealed),
        (["decrypt", "-i", str(key)], sealed, tmp_path / "opened"),
    ):
        with stdin.open("rb") as src, stdout.open("wb") as dst:
            done = subprocess.run(
                [sys.executable, "-c", script, *argv],
                stdin=src,
                stdout=dst,
                stderr=subprocess.PIPE,
                text=True,
                check=True,
            )
        assert done.stderr.strip() == "0", done.stderr
    assert (tmp_path / "opened").read_bytes() == plain.read_bytes()
