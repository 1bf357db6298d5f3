"""Three laptops for clearance tests: Jane drafts, Klaus and Mary clear, Anna and Omar approve.

Each is a vault made by ``cabledesk-cli init`` (fast key derivation); Jane has
imported and verified everyone's card, and everyone Jane's. ``Office.run(who, *args)`` runs a
command against one vault; ``Office.draft`` is a SECRET draft saved in Jane's vault.
"""

from __future__ import annotations

import contextlib
import io
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from cabledesk.cli.main import main
from cabledesk.store import vault as vault_module
from tests.cli.conftest import Result, Runner
from tests.vaultkit import FAST, PASSPHRASE

PEOPLE = {
    "jane": ("Jane Doe", "AMEMBASSY PARIS"),
    "klaus": ("Klaus Weber", "AMEMBASSY PARIS"),
    "mary": ("Mary Smith", "AMEMBASSY PARIS"),
    "anna": ("Anna Ambassador", "AMEMBASSY PARIS"),
    "omar": ("Omar Deputy", "AMEMBASSY PARIS"),
}


@dataclass
class Office:
    cli: Runner
    folder: Path
    passphrase_file: Path
    fingerprints: dict[str, str] = field(default_factory=dict)
    draft: str = ""
    cable_file: Path | None = None  # the draft's file, until the first request saves it

    def options(self, who: str) -> tuple[str, ...]:
        return ("--home", str(self.folder / who), "--passphrase-file", str(self.passphrase_file))

    def run(self, who: str, *args: str) -> Result:
        return self.cli(*self.options(who), *args)

    def file(self, name: str) -> Path:
        return self.folder / name

    def status(self) -> dict[str, object]:
        r = self.run("jane", "clearance", "status", self.draft, "--json")
        assert r.code == 0, r.err
        result: dict[str, object] = json.loads(r.out)
        return result

    def answered(self) -> dict[str, str]:
        """Each party's answer, by first name."""
        parties = self.status()["parties"]
        assert isinstance(parties, list)
        return {p["name"].split()[0].lower(): p["answered"] for p in parties}

    def events(self, who: str) -> list[str]:
        r = self.run(who, "audit", "show", "--json", "--limit", "500")
        assert r.code == 0, r.err
        return [e["event"] for e in json.loads(r.out)]

    def request(self, *extra: str, name: str = "request.cable") -> Path:
        out = self.file(name)
        ref = str(self.cable_file) if self.cable_file is not None else self.draft
        self.cable_file = None
        r = self.run("jane", "clearance", "request", ref, "--to", "Klaus", "--to", "Mary",
                     "--approver", "Anna", "-o", str(out), "--force", *extra)  # fmt: skip
        assert r.code == 0, r.err
        return out

    def answer(self, who: str, request: Path, *how: str, name: str = "") -> Path:
        out = self.file(name or f"{who}-{how[0].strip('-')}.cable")
        if how[0] == "approve":
            command: tuple[str, ...] = ("approve", str(request), *how[1:])
        else:
            command = ("respond", str(request), *how)
        r = self.run(who, "clearance", *command, "-o", str(out), "--force")
        assert r.code == 0, r.err
        return out


def _quiet_runner() -> Runner:
    """``cabledesk-cli`` in process, its output captured without a pytest fixture (the
    template is made once per module)."""

    def run(*args: str) -> Result:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as exc:
                code = int(exc.code or 0)
        return Result(code, out.getvalue(), err.getvalue())

    return run


def build_template(folder: Path) -> Office:
    """The five vaults, each knowing and trusting the others, and Jane's draft file."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(vault_module, "calibrate", lambda: FAST)
        return _build(_quiet_runner(), folder)


def _build(cli: Runner, folder: Path) -> Office:
    pp = folder / "passphrase"
    pp.write_text(PASSPHRASE + "\n")
    office = Office(cli, folder, pp)
    cards: dict[str, Path] = {}
    for who, (name, post) in PEOPLE.items():
        r = office.run(who, "init", "--name", name, "--post", post, "--clearance",
                       "TOP SECRET", "--nationality", "USA")  # fmt: skip
        assert r.code == 0, r.err
        cards[who] = folder / f"{who}.contact"
        r = office.run(who, "identity", "export-card", "-o", str(cards[who]))
        assert r.code == 0, r.err
        r = office.run(who, "identity", "show", "--json")
        assert r.code == 0, r.err
        office.fingerprints[who] = json.loads(r.out)["fingerprint"]
    # Jane knows everyone; everyone knows Jane (an answer is sealed for the drafter).
    pairs = [(w, o) for w in PEOPLE for o in PEOPLE if w != o and "jane" in (w, o)]
    for who, other in pairs:
        assert office.run(who, "contact", "import", str(cards[other])).code == 0
        r = office.run(who, "contact", "verify", office.fingerprints[other], "--how", "test")
        assert r.code == 0, r.err
    body = folder / "body.txt"
    body.write_text("(U) Summary.\n\n(S//NF) The minister said yes.\n")
    cable = folder / "cable.json"
    r = cli("draft", "new", "--from", "AMEMBASSY PARIS", "--to", "SECSTATE WASHDC",
            "--subject", "(U) FRANCE: TALKS", "--tags", "PREL,FR", "--classified-by", "Jane",
            "--reason", "1.4(b)", "--declassify-on", "2036-01-01", "--body", str(body),
            "-o", str(cable))  # fmt: skip
    assert r.code == 0, r.err
    office.draft = json.loads(cable.read_text())["id"]
    office.cable_file = cable
    return office


def copy_office(template: Office, cli: Runner, folder: Path) -> Office:
    """A fresh copy of the template's vaults in ``folder``, run through ``cli``."""
    target = folder / "office"
    shutil.copytree(template.folder, target)
    return Office(
        cli,
        target,
        target / "passphrase",
        dict(template.fingerprints),
        template.draft,
        target / "cable.json",
    )


def edited_copy(office: Office, request: Path, who: str, change: str) -> Path:
    """The request's cable as ``who`` reads it (verify --json), with its last paragraph
    changed to ``change``, written as a CABLE.json file."""
    r = office.run(who, "verify", str(request), "--json")
    assert r.code == 0, r.err
    cable = json.loads(r.out)["cable"]
    cable["paragraphs"][-1]["text"] = change
    out = office.file(f"{who}-edited.json")
    out.write_text(json.dumps(cable))
    return out


# The fixtures of the clearance command tests (each module imports them): the office built
# once per module, and a fresh copy of it for each test.
@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Office:
    return build_template(tmp_path_factory.mktemp("office"))


@pytest.fixture
def office(
    template: Office, cli: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Office:
    monkeypatch.setattr(vault_module, "calibrate", lambda: FAST)
    return copy_office(template, cli, tmp_path)
