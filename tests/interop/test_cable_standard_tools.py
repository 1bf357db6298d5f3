"""docs/FORMAT.md's walkthroughs, run exactly as written: a sealed cable (cabledesk.seal/2,
with clearance statements) opened and verified with age, unzip, sha256sum, ssh-keygen, jq
and python3; a sealed cable built with age, ssh-keygen, zip and the document's script,
which CableDesk then opens as valid; and a clearance statement checked with ssh-keygen."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from cabledesk.crypto.age import X25519Identity
from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.fingerprint import fingerprint
from cabledesk.crypto.keys import Identity, parse_ssh_ed25519_line
from cabledesk.crypto.sshsig import sign
from cabledesk.domain.clearance import clearance_sha256
from cabledesk.domain.trust import Trust, TrustState
from cabledesk.seal import Statement, Verdict, _zipformat, open_sealed
from tests.interop._tools import require_tool
from tests.seal.kit import (
    BOB,
    CABLE,
    CABLE_JSON,
    JANE,
    MALLORY,
    NOW,
    PEOPLE,
    SCHEMES,
    Package,
    make_cable,
    open_bytes,
    seal_bytes,
)

pytestmark = pytest.mark.interop
FORMAT_MD = Path(__file__).parents[2] / "docs" / "FORMAT.md"
TOOLS = ("bash", "age", "age-keygen", "unzip", "zip", "sha256sum", "ssh-keygen", "jq", "python3")
GOOD_STATEMENT = "signed by the key it names, on this text"
BAD_STATEMENT = "NOT VALID, or made on another text"


def statement(role: str, signer: Identity, text_sha256: str = clearance_sha256(CABLE)) -> bytes:
    made = Statement.sign(
        signer.signing_key, role=role, cable_id=CABLE.id, text_sha256=text_sha256,
        name=signer.name, made=NOW, office="POL", comment="Fine with me.",
    )  # fmt: skip
    return made.to_bytes()


def walkthrough(name: str) -> str:
    """The code block that follows ``<!-- test: NAME -->`` in FORMAT.md."""
    text = FORMAT_MD.read_text(encoding="utf-8")
    match = re.search(rf"<!-- test: {re.escape(name)} -->\n```[a-z]*\n(.*?)\n```", text, re.S)
    assert match, f"FORMAT.md has no block marked {name!r}"
    return match.group(1) + "\n"


@pytest.fixture(scope="module")
def tools() -> dict[str, str]:
    return {name: require_tool(name) for name in TOOLS}


def run_block(name: str, folder: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-euo", "pipefail", "-c", walkthrough(name)],
        cwd=folder, env={**os.environ, **env}, capture_output=True, text=True, timeout=60,
        check=False,
    )  # fmt: skip


def _open_with_tools(
    folder: Path, sealed: bytes, *, who: Identity = BOB
) -> subprocess.CompletedProcess[str]:
    (folder / "received.cable").write_bytes(sealed)
    (folder / "me.key").write_text(f"{who.age_identity()}\n")
    return run_block(
        "open", folder, CABLE="received.cable", KEY="me.key", SENDER_FP=JANE.fingerprint,
        MY_FP=who.fingerprint,
    )  # fmt: skip


@pytest.mark.parametrize("armor", [False, True], ids=["binary", "armor"])
def test_standard_tools_open_and_verify_a_sealed_cable(
    tools: dict[str, str], tmp_path: Path, armor: bool
) -> None:
    annexes = {"report.pdf": os.urandom(200_000), "Résumé du 23 novembre.txt": b"texte\n"}
    for name, data in annexes.items():
        (tmp_path / name).write_bytes(data)
    docx = b"PK\x03\x04 a document" * 50
    statements = [statement("drafted", JANE), statement("cleared", PEOPLE["carol"])]
    sealed = seal_bytes(
        to=[BOB, PEOPLE["carol"]], docx=docx, armor=armor,
        attachments=[tmp_path / name for name in annexes], statements=statements,
    )  # fmt: skip
    work = tmp_path / "work"
    work.mkdir()
    done = _open_with_tools(work, sealed)
    assert done.returncode == 0, done.stderr
    assert 'Good "cabledesk-seal-v1" signature' in done.stderr + done.stdout
    assert "kind: cable, banner: SECRET//NOFORN" in done.stdout
    assert done.stdout.count(GOOD_STATEMENT) == 2 and BAD_STATEMENT not in done.stdout
    assert f"cleared by Carol Poe {PEOPLE['carol'].fingerprint} POL" in done.stdout
    package = work / "package"
    assert (package / "cable.json").read_bytes() == CABLE_JSON
    assert (package / "cable.docx").read_bytes() == docx
    for name, data in annexes.items():
        assert (package / "attachments" / name).read_bytes() == data


@pytest.mark.slow
def test_standard_tools_detect_what_cabledesk_detects(
    tools: dict[str, str], tmp_path: Path
) -> None:
    annex = tmp_path / "annex.pdf"
    annex.write_bytes(b"the real annex")
    good = Package.of(seal_bytes(attachments=[annex]))
    cases: dict[str, bytes] = {}
    changed = Package(list(good.entries))
    changed["attachments/annex.pdf"] = b"a forged annex"
    cases["file changed"] = changed.seal()
    altered = Package(list(good.entries))
    doc = altered.manifest
    doc["recipients"].pop(0)
    altered.set_manifest(doc, signer=None)
    cases["manifest altered"] = altered.seal()
    resigned = Package(list(good.entries))
    doc = resigned.manifest
    public = MALLORY.public()
    doc["sender"].update(fingerprint=public.fingerprint, ssh_key=public.ssh_line())
    resigned.set_manifest(doc, signer=MALLORY)
    cases["signed by another key"] = resigned.seal()
    carol = PEOPLE["carol"]
    cases["not addressed"] = good.seal(to=[carol])
    for case, sealed in cases.items():
        work = tmp_path / case.replace(" ", "-")
        work.mkdir()
        who = carol if case == "not addressed" else BOB
        assert _open_with_tools(work, sealed, who=who).returncode != 0, case
        v = open_bytes(sealed, who)
        assert v.verdict is not Verdict.VALID and not v.ok, case
    work = tmp_path / "good"
    work.mkdir()
    assert _open_with_tools(work, good.seal()).returncode == 0


def test_standard_tools_and_cabledesk_see_the_same_bad_statements(
    tools: dict[str, str], tmp_path: Path
) -> None:
    """Statements the sender carried (and signed into the manifest) that do not hold:
    both say so for each, and neither refuses the cable for it."""
    body = statement("cleared", PEOPLE["carol"]).partition(b"\n")[0]
    forged = body + b"\n" + sign(MALLORY.signing_key, "cabledesk-clearance-v1", body).encode()
    other_text = statement("approved", PEOPLE["dave"], clearance_sha256(make_cable(1)))
    package = Package.of(seal_bytes(statements=[statement("drafted", JANE)]))
    package.entries[3:3] = [
        ("statements/2.statement", forged), ("statements/3.statement", other_text),
    ]  # fmt: skip
    doc = package.rehash_with_statements()
    package.set_manifest(doc)
    sealed = package.seal()
    work = tmp_path / "work"
    work.mkdir()
    done = _open_with_tools(work, sealed)
    assert done.returncode == 0, done.stderr
    assert done.stdout.count(GOOD_STATEMENT) == 1 and done.stdout.count(BAD_STATEMENT) == 2
    v = open_bytes(sealed)
    assert v.verdict is Verdict.VALID
    assert [(s.signature_valid, s.matches_cable) for s in v.statements] == [
        (True, True), (False, True), (True, False),
    ]  # fmt: skip


def test_a_statement_checked_with_ssh_keygen(tools: dict[str, str], tmp_path: Path) -> None:
    carol = PEOPLE["carol"]
    (tmp_path / "cable.json").write_bytes(CABLE_JSON)
    for name, data in {
        "good.statement": statement("cleared", carol),
        "other.statement": statement("cleared", carol, clearance_sha256(make_cable(1))),
    }.items():
        (tmp_path / name).write_bytes(data)

    def check(name: str, signer_fp: str) -> subprocess.CompletedProcess[str]:
        return run_block(
            "statement", tmp_path, STATEMENT=name, CABLE_JSON="cable.json", SIGNER_FP=signer_fp
        )

    done = check("good.statement", carol.fingerprint)
    assert done.returncode == 0, done.stderr
    assert 'Good "cabledesk-clearance-v1" signature' in done.stdout + done.stderr
    assert "cleared by Carol Poe (POL), 2026-11-23T14:05:09Z: Fine with me." in done.stdout
    assert check("good.statement", JANE.fingerprint).returncode != 0  # not whom you expect
    assert check("other.statement", carol.fingerprint).returncode != 0  # another text


@pytest.mark.slow
def test_cabledesk_opens_a_cable_built_with_standard_tools(
    tools: dict[str, str], tmp_path: Path
) -> None:
    (tmp_path / "seal_json.py").write_text(walkthrough("script seal_json.py"), encoding="utf-8")
    subprocess.run(
        ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "jane", "-f", str(tmp_path / "jane.ssh")],
        check=True,
    )  # fmt: skip
    subprocess.run(["age-keygen", "-o", str(tmp_path / "jane.age")], check=True,
                   capture_output=True)  # fmt: skip
    (tmp_path / "cable.json").write_bytes(CABLE_JSON)
    report = os.urandom(150_000)
    (tmp_path / "report.pdf").write_bytes(report)
    bob = ContactCard.for_identity(BOB)
    (tmp_path / "recipients.txt").write_text(
        f"{bob.keys.encryption} {bob.keys.ssh_line()} {bob.name}\n", encoding="utf-8"
    )
    done = run_block("build", tmp_path)
    assert done.returncode == 0, done.stderr
    sealed = (tmp_path / "message.cable").read_bytes()

    jane_key = parse_ssh_ed25519_line((tmp_path / "jane.ssh.pub").read_text())
    jane_fp = fingerprint(jane_key)
    trust = {jane_fp: Trust(TrustState.VERIFIED)}.get
    out = tmp_path / "extracted"
    out.mkdir()
    v = open_sealed(tmp_path / "message.cable", [BOB.encryption_key], trust_of=trust,
                    me={BOB.fingerprint}, extract_to=out, schemes=SCHEMES)  # fmt: skip
    assert v.verdict is Verdict.VALID, v.message
    assert v.cable == CABLE and v.signer is not None and v.signer.fingerprint == jane_fp
    assert v.format == "cabledesk.seal/2" and v.kind == "cable" and v.rollup == 2
    assert [r.name for r in v.recipients] == ["Bob Roe", "Jane Doe"]
    assert (out / "report.pdf").read_bytes() == report and v.warnings == ()
    assert v.sender_card is not None
    card = ContactCard.parse(v.sender_card, now=None)  # the script writes a /2 card
    assert (card.format_version, card.sequence, card.pq_recipient) == (2, 1, None)
    [drafted] = v.statements
    assert (drafted.role, drafted.signer_name, drafted.fingerprint) == (
        "drafted", "Jane Doe", jane_fp,
    )  # fmt: skip
    assert drafted.signature_valid and drafted.matches_cable and drafted.office == "POL"
    # The sender can reopen her sent copy with her age key.
    jane_age = X25519Identity.parse((tmp_path / "jane.age").read_text().split()[-1])
    v = open_sealed(tmp_path / "message.cable", [jane_age], trust_of=trust, me={jane_fp})
    assert v.verdict is Verdict.VALID
    assert len(sealed) > len(report)


def test_unzip_reads_zip64_packages(
    tools: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every size and offset written as ZIP64, as a package over 4 GiB would be."""
    annex = tmp_path / "annex.bin"
    annex.write_bytes(os.urandom(70_000))
    monkeypatch.setattr(_zipformat, "ZIP64_FROM", 0)
    sealed = seal_bytes(attachments=[annex])
    assert open_bytes(sealed).verdict is Verdict.VALID
    work = tmp_path / "work"
    work.mkdir()
    (work / "p.cable").write_bytes(sealed)
    (work / "me.key").write_text(f"{BOB.age_identity()}\n")
    subprocess.run(["age", "-d", "-i", "me.key", "-o", "p.zip", "p.cable"], cwd=work, check=True)
    tested = subprocess.run(["unzip", "-t", "p.zip"], cwd=work, capture_output=True, text=True)
    assert tested.returncode == 0, tested.stdout + tested.stderr
    assert "No errors detected" in tested.stdout
    again = work / "again"
    again.mkdir()
    done = _open_with_tools(again, sealed)
    assert done.returncode == 0, done.stderr
