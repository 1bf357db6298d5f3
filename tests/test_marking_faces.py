"""One table of marking cases drives the four faces that must agree on it.

For every multinational case of tests/domain/release_cases.py, on the command line:
``marking combine`` prints the banner; ``draft lint`` of a cable made of those portions
reports the same banner and no error; ``seal`` lets the cable go to every admitted
nationality and refuses every other one, naming each; ``export`` writes a document whose
classification property is the same banner. A disagreement between any two faces fails
here, whatever the domain tests say.
"""

from __future__ import annotations

import contextlib
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import pytest

from cabledesk.cli.main import main
from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.keys import Identity
from cabledesk.store import vault as vault_module
from tests.domain.release_cases import CASES, Case
from tests.vaultkit import FAST, PASSPHRASE

pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


def cli(*args: str) -> Run:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exc:
            code = int(exc.code or 0)
    return Run(code, out.getvalue(), err.getvalue())


@dataclass(frozen=True)
class Desk:
    """A vault with a contact of every nationality the table names, each cleared to the
    top, with every special access (only nationality decides)."""

    options: tuple[str, ...]
    folder: Path


def reader(nationality: str) -> str:
    return f"Reader {nationality}"


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    folder = tmp_path_factory.mktemp("faces")
    passphrase = folder / "passphrase"
    passphrase.write_text(PASSPHRASE + "\n")
    options = ("--home", str(folder / "home"), "--passphrase-file", str(passphrase))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(vault_module, "calibrate", lambda: FAST)
        r = cli(*options, "init", "--name", "Jane Doe", "--post", "AMEMBASSY PARIS",
                "--clearance", "TOP SECRET", "--nationality", "USA")  # fmt: skip
        assert r.code == 0, r.err
        assert cli(*options, "settings", "set", "export-ceiling", "off").code == 0
        # The readers' cards carry no post-quantum key; the marking rules are the subject here.
        assert cli(*options, "settings", "set", "post-quantum-from", "off").code == 0
        nationalities = sorted({n for c in CASES for n in (*c.admitted, *c.refused)})
        for nationality in nationalities:
            person = Identity.generate(
                reader(nationality),
                "SECSTATE WASHDC",
                scheme="us",
                clearance="TOP SECRET",
                nationality=nationality,
                accesses=("ATOMAL", "BOHEMIA"),
            )
            card = folder / f"{nationality}.contact"
            card.write_bytes(ContactCard.for_identity(person).to_bytes())
            r = cli(*options, "contact", "import", str(card))
            assert r.code == 0, r.err
        yield Desk(options, folder)


def draft(case: Case, folder: Path) -> Path:
    """A cable whose subject carries the first portion mark, its paragraphs the others."""
    first, *rest = case.portions
    body = folder / "body.txt"
    body.write_text("\n\n".join(f"{p} Text of the portion." for p in rest or [first]) + "\n")
    cable = folder / "cable.json"
    args = ["draft", "new", "--scheme", case.scheme, "--from", "AMEMBASSY PARIS",
            "--to", "SECSTATE WASHDC", "--subject", f"{first} TALKS",
            "--body", str(body), "--serial", "7", "--precedence", "IMMEDIATE",
            "-o", str(cable), "--force"]  # fmt: skip
    if case.scheme == "us":
        args += ["--tags", "PREL", "--classified-by", "Jane Doe, Political Counselor",
                 "--reason", "1.4(b)", "--declassify-on", "2046-12-31"]  # fmt: skip
    r = cli(*args)
    assert r.code == 0, r.err
    return cable


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_the_four_faces_agree(case: Case, desk: Desk, tmp_path: Path) -> None:
    # marking combine
    r = cli("marking", "combine", "--scheme", case.scheme, *case.portions)
    assert (r.code, r.out.splitlines()[0]) == (0, case.banner), r.err

    # draft lint
    cable = draft(case, tmp_path)
    r = cli("draft", "lint", str(cable))
    assert r.code == 0, r.out
    assert f"banner: {case.banner}" in r.out.splitlines()

    # seal: every admitted reader at once; every refused one refused and named
    if case.admitted:
        to = [a for n in case.admitted for a in ("--to", reader(n))]
        r = cli(*desk.options, "seal", str(cable), *to, "--confirm-unverified",
                "-o", str(tmp_path / "out.cable"))  # fmt: skip
        assert r.code == 0, r.err
    if case.refused:
        to = [a for n in case.refused for a in ("--to", reader(n))]
        r = cli(*desk.options, "seal", str(cable), *to, "--confirm-unverified",
                "-o", str(tmp_path / "refused.cable"))  # fmt: skip
        assert r.code == 1, r.err
        for nationality in case.refused:
            assert reader(nationality) in r.err
        assert not (tmp_path / "refused.cable").exists()

    # export
    document = tmp_path / "cable.docx"
    r = cli(*desk.options, "export", str(cable), "--docx", str(document))
    assert r.code == 0, r.err
    assert classification(document.read_bytes()) == case.banner


def classification(docx: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        root = ElementTree.fromstring(zf.read("docProps/custom.xml"))
    properties = {p.get("name", ""): "".join(p.itertext()) for p in root}
    return properties["Classification"]
