from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from cabledesk.domain.cable import Paragraph
from cabledesk.domain.canonical import decode_cable, encode_cable
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.services.drafts import DraftsService
from cabledesk.services.vault_access import VaultAccess
from cabledesk.store import vault as vault_module
from cabledesk.store.home import VaultHome
from cabledesk.store.keychain import SystemKeychain
from tests.cli.conftest import Runner
from tests.vaultkit import FAST, PASSPHRASE, MemoryKeyring

BODY = """(C) SUMMARY: The minister previewed France's positions. END SUMMARY.

(S//NF) He said privately that Paris would not block the
communique.

(U) Comment follows.
"""


@pytest.fixture
def body(tmp_path: Path) -> Path:
    path = tmp_path / "body.txt"
    path.write_text(BODY, encoding="utf-8")
    return path


def new_args(body: Path, out: Path, *extra: str) -> list[str]:
    return [
        "draft", "new", "--from", "AMEMBASSY PARIS",
        "--to", "SECSTATE WASHDC IMMEDIATE", "--info", "AMEMBASSY BERLIN", "USMISSION USNATO",
        "--subject", "(U) FRANCE: ELYSEE PREVIEWS NATO SUMMIT",
        "--precedence", "IMMEDIATE", "--tags", "PREL,PGOV", "--tags", "FR",
        "--ref", "STATE 12345", "PARIS 1111",
        "--classified-by", "Jane Doe, Ambassador", "--reason", "1.4(b),(d)",
        "--declassify-on", "20361120", "--body", str(body), "--signature", "DOE",
        "-o", str(out), *extra,
    ]  # fmt: skip


def test_new_writes_canonical_json(cli: Runner, body: Path, tmp_path: Path) -> None:
    out = tmp_path / "cable.json"
    r = cli(*new_args(body, out))
    assert (r.code, r.err) == (0, "")
    data = out.read_bytes()
    cable = decode_cable(data)
    assert data == encode_cable(cable) + b"\n"
    assert cable.originator == "AMEMBASSY PARIS"
    assert [(a.name, a.precedence) for a in cable.action] == [("SECSTATE WASHDC", "IMMEDIATE")]
    assert [a.name for a in cable.info] == ["AMEMBASSY BERLIN", "USMISSION USNATO"]
    assert cable.subject_marking == "(U)" and cable.subject.startswith("FRANCE:")
    assert cable.tags == ("PREL", "PGOV", "FR")
    assert cable.references == ("STATE 12345", "PARIS 1111")
    assert cable.authority is not None
    assert cable.authority.reasons == ("1.4(b)", "1.4(d)")
    assert cable.authority.declassify_on == "2036-11-20"
    assert [p.marking for p in cable.paragraphs] == ["(C)", "(S//NF)", "(U)"]
    assert cable.paragraphs[1].text == (
        "He said privately that Paris would not block the communique."
    )
    assert out.stat().st_mode & 0o077 == 0  # drafts are readable by their owner only
    lint = cli("draft", "lint", str(out))
    assert lint.code == 0, lint.out
    assert lint.out.splitlines()[0] == "banner: SECRET//NOFORN"


def test_new_refuses_to_overwrite(cli: Runner, body: Path, tmp_path: Path) -> None:
    out = tmp_path / "cable.json"
    out.write_text("precious")
    r = cli(*new_args(body, out))
    assert r.code == 2 and "already exists" in r.err
    assert out.read_text() == "precious"
    assert cli(*new_args(body, out, "--force")).code == 0


def test_new_with_bad_reason_writes_nothing(cli: Runner, body: Path, tmp_path: Path) -> None:
    out = tmp_path / "cable.json"
    args = new_args(body, out)
    args[args.index("1.4(b),(d)")] = "1.4(q)"
    r = cli(*args)
    assert r.code == 2 and "'1.4(q)' is not a classification reason" in r.err
    assert list(tmp_path.iterdir()) == [body]


def test_new_notes_errors_but_writes(cli: Runner, tmp_path: Path) -> None:
    body = tmp_path / "b.txt"
    body.write_text("(S) Secret text without an authority block.")
    out = tmp_path / "c.json"
    r = cli("draft", "new", "--from", "AMEMBASSY PARIS", "--to", "SECSTATE WASHDC",
            "--subject", "(U) TEST", "--tags", "PREL", "--body", str(body), "-o", str(out))  # fmt: skip
    assert r.code == 0 and out.exists()
    assert "has 1 error(s)" in r.err


def test_lint_reports_errors_with_exit_1(cli: Runner, tmp_path: Path) -> None:
    body = tmp_path / "b.txt"
    body.write_text("(S//NF/REL TO USA, GBR) Contradiction.\n\nNo mark at all.")
    out = tmp_path / "c.json"
    cli("draft", "new", "--from", "AMEMBASSY PARIS", "--to", "SECSTATE WASHDC",
        "--subject", "(U) TEST", "--body", str(body), "-o", str(out))  # fmt: skip
    r = cli("draft", "lint", str(out))
    assert r.code == 1
    assert "error: paragraphs[1]: NOFORN and REL TO contradict" in r.out
    assert "error: paragraphs[2]: This portion has no portion mark" in r.out
    # drafting rules 2: a missing subject TAG is an error on a new cable (5 FAH-3 H-011)
    assert "error: tags: The cable has no subject TAG" in r.out
    assert r.out.rstrip().endswith("3 errors, 0 warnings")
    j = cli("draft", "lint", str(out), "--json")
    assert j.code == 1
    findings = json.loads(j.out)
    assert {"severity": "error", "field": "tags",
            "message": findings[-1]["message"]} == findings[-1]  # fmt: skip
    assert [f["severity"] for f in findings].count("error") == 3


def test_lint_of_a_clean_cable(cli: Runner, tmp_path: Path) -> None:
    body = tmp_path / "b.txt"
    body.write_text("(U) Visa statistics for October.")
    out = tmp_path / "c.json"
    cli("draft", "new", "--from", "AMEMBASSY PARIS", "--to", "SECSTATE WASHDC",
        "--subject", "(U) VISAS", "--tags", "CVIS", "--body", str(body), "-o", str(out))  # fmt: skip
    r = cli("draft", "lint", str(out))
    assert (r.code, r.out) == (0, "banner: UNCLASSIFIED\nno findings\n")
    assert json.loads(cli("draft", "lint", str(out), "--json").out) == []


def test_body_marks_are_read_as_the_editor_reads_them(cli: Runner, tmp_path: Path) -> None:
    """5 FAH-1 H-246.2 writes the mark after the paragraph number: "2. (S//NF) Text" gives
    the mark (S//NF); a second mark typed into the text is flagged, never kept silently."""
    body = tmp_path / "b.txt"
    body.write_text("1. (C) First.\n\n2. (U) (S//NF) Second.")
    out = tmp_path / "c.json"
    cli("draft", "new", "--from", "AMEMBASSY PARIS", "--to", "SECSTATE WASHDC",
        "--subject", "(U) TEST", "--tags", "PREL", "--body", str(body), "-o", str(out))  # fmt: skip
    doc = json.loads(out.read_text())
    assert [(p["marking"], p["text"]) for p in doc["paragraphs"]] == [
        ("(C)", "First."),
        ("(U)", "(S//NF) Second."),
    ]
    r = cli("draft", "lint", str(out))
    assert "error: paragraphs[2]: The text starts with the portion mark (S//NF)" in r.out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "Cannot read"),
        (b"not json", "not valid JSON"),
        (b'{"schema": "x"}', "not a CableDesk"),
    ],
)
def test_lint_unreadable_input_exits_2(
    cli: Runner, tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "c.json"
    if content is not None:
        path.write_bytes(content)
    r = cli("draft", "lint", str(path))
    assert r.code == 2 and message in r.err and r.out == ""


def test_import_frus(cli: Runner, tmp_path: Path) -> None:
    from tests.conftest import DATA

    out = tmp_path / "cables"
    r = cli("draft", "import-frus", str(DATA / "frus" / "frus-telegrams.jsonl"), "-o", str(out),
            "--limit", "25")  # fmt: skip
    assert r.code == 0 and r.err == f"imported 25 telegrams into {out}\n"
    files = sorted(out.iterdir())
    assert len(files) == 25 and files[0].name == "frus1864p3_d802.json"
    cable = decode_cable(files[0].read_bytes())
    assert cable.provenance is not None and cable.provenance.record_id == "frus1864p3/d802"
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temp files left
    assert cli("draft", "lint", str(files[0])).code in (0, 1)


def test_import_frus_bad_input(cli: Runner, tmp_path: Path) -> None:
    src = tmp_path / "bad.jsonl"
    src.write_text('{"id": "a/1", "body": ["text"], "from": "A", "to": "B"}\nnot json\n')
    r = cli("draft", "import-frus", str(src), "-o", str(tmp_path / "out"))
    assert r.code == 2 and "Line 2 of the FRUS file is not a JSON record" in r.err
    missing = cli("draft", "import-frus", str(tmp_path / "nope.jsonl"), "-o", str(tmp_path / "o"))
    assert missing.code == 2 and "Cannot open" in missing.err
    assert cli("draft", "import-frus", str(src), "-o", "x", "--limit", "0").code == 2


# --- the drafts in the vault: list, history, restore ----------------------------------


@pytest.fixture
def vault_args(cli: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A vault with one draft saved three times; the options that open it."""
    monkeypatch.setattr(vault_module, "calibrate", lambda: FAST)
    home, pp = tmp_path / "home", tmp_path / "passphrase"
    pp.write_text(PASSPHRASE + "\n")
    args = ["--home", str(home), "--passphrase-file", str(pp)]
    r = cli(*args, "init", "--name", "Jane Doe", "--post", "AMEMBASSY PARIS",
            "--clearance", "SECRET", "--nationality", "USA")  # fmt: skip
    assert r.code == 0, r.err
    vault = VaultAccess(VaultHome(home), SystemKeychain(MemoryKeyring())).unlock(PASSPHRASE)
    with vault:
        drafts = DraftsService(vault, SchemeRegistry.load(), new_id=lambda: DRAFT_ID)
        cable = drafts.new()
        cable = replace(cable, subject="FRANCE: TALKS", paragraphs=(Paragraph("(C)", "Said so."),))
        drafts.save(cable)
        drafts.save(replace(cable, subject="FRANCE: TALKS RESUME"))
    return args


DRAFT_ID = "5ca1ab1e-0000-4000-8000-000000000001"


def test_draft_list_and_history(cli: Runner, vault_args: list[str]) -> None:
    r = cli(*vault_args, "draft", "list", "--json")
    [draft] = json.loads(r.out)
    assert r.code == 0 and draft["id"] == DRAFT_ID and draft["version"] == 3
    assert (draft["banner"], draft["subject"]) == ("CONFIDENTIAL", "FRANCE: TALKS RESUME")
    r = cli(*vault_args, "draft", "history", "5ca1ab1e", "--json")
    history = json.loads(r.out)
    assert r.code == 0 and history["draft"] == DRAFT_ID
    assert [(v["version"], v["current"], v["banner"]) for v in history["versions"]] == [
        (3, True, "CONFIDENTIAL"), (2, False, "CONFIDENTIAL"), (1, False, "UNCLASSIFIED"),
    ]  # fmt: skip
    assert all(v["saved"].endswith("Z") for v in history["versions"])
    r = cli(*vault_args, "draft", "history", DRAFT_ID)
    lines = r.out.splitlines()
    assert r.code == 0 and lines[0] == f"draft {DRAFT_ID}" and "SAVED (UTC)" in lines[1]
    assert lines[2].startswith("*       3  ") and "(U) FRANCE: TALKS RESUME" in lines[2]
    assert lines[4].startswith("        1  ") and "UNCLASSIFIED" in lines[4]
    r = cli(*vault_args, "draft", "history", "ffff")
    assert r.code == 2 and "No draft matches 'ffff'" in r.err


def test_draft_restore(cli: Runner, vault_args: list[str]) -> None:
    r = cli(*vault_args, "draft", "restore", "5ca1", "--version", "2")
    assert r.code == 0 and "it is now version 4" in r.err
    history = json.loads(cli(*vault_args, "draft", "history", DRAFT_ID, "--json").out)
    subjects = [v["subject"] for v in history["versions"]]
    assert subjects == ["(U) FRANCE: TALKS", "(U) FRANCE: TALKS RESUME", "(U) FRANCE: TALKS", "(U)"]
    r = cli(*vault_args, "draft", "restore", DRAFT_ID, "--version", "1")
    assert r.code == 1 and "lowers the draft's classification" in r.err
    r = cli(*vault_args, "draft", "restore", DRAFT_ID, "--version", "1",
            "--justification", "over-classified")  # fmt: skip
    assert r.code == 0 and "now version 5" in r.err
    r = cli(*vault_args, "audit", "show", "--json", "--limit", "2")
    events = [e["event"] for e in json.loads(r.out)]
    assert events == ["draft restored", "classification lowered"]
    r = cli(*vault_args, "draft", "restore", DRAFT_ID, "--version", "5")
    assert r.code == 2 and "already the draft's current version" in r.err
    r = cli(*vault_args, "draft", "restore", DRAFT_ID, "--version", "0")
    assert r.code == 2 and "not a positive whole number" in r.err


def test_lint_warns_on_a_portion_in_a_legacy_form(cli: Runner, tmp_path: Path) -> None:
    body = tmp_path / "b.txt"
    body.write_text("(S/NF) Older State form.\n\n(U//FOUO) Legacy control.")
    out = tmp_path / "c.json"
    cli("draft", "new", "--from", "AMEMBASSY PARIS", "--to", "SECSTATE WASHDC",
        "--subject", "(U) TEST", "--tags", "PREL", "--classified-by", "Jane Doe, Ambassador",
        "--reason", "1.4(d)", "--declassify-on", "20361120",
        "--body", str(body), "-o", str(out))  # fmt: skip
    r = cli("draft", "lint", str(out))
    assert r.code == 0, r.out
    assert r.out.splitlines()[0] == "banner: SECRET//NOFORN"
    assert "warning: paragraphs[1]: (S/NF) is read as (S//NF)." in r.out
    assert "warning: paragraphs[2]: (U//FOUO) is read as (SBU). FOUO is obsolete" in r.out
