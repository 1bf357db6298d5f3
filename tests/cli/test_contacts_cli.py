"""``contact export`` and ``search``: through ContactsService and ArchiveService."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.keys import Identity
from cabledesk.store import vault as vault_module
from tests.cli.conftest import Runner
from tests.vaultkit import FAST, PASSPHRASE

FRUS = Path(__file__).parents[1] / "data" / "frus" / "frus-telegrams.jsonl"


@pytest.fixture
def base(cli: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, ...]:
    monkeypatch.setattr(vault_module, "calibrate", lambda: FAST)
    pp = tmp_path / "passphrase"
    pp.write_text(PASSPHRASE + "\n")
    args = ("--home", str(tmp_path / "home"), "--passphrase-file", str(pp))
    r = cli(*args, "init", "--name", "Jane Doe", "--post", "AMEMBASSY PARIS",
            "--clearance", "SECRET", "--nationality", "USA")  # fmt: skip
    assert r.code == 0, r.err
    return args


def test_contact_export_writes_the_card_once(
    cli: Runner, base: tuple[str, ...], tmp_path: Path
) -> None:
    card = tmp_path / "klaus.contact"
    klaus = Identity.generate("Klaus Weber", "AMEMBASSY BERLIN", nationality="DEU")
    card.write_bytes(ContactCard.for_identity(klaus).to_bytes())
    assert cli(*base, "contact", "import", str(card)).code == 0
    out = tmp_path / "out" / "klaus.contact"
    out.parent.mkdir()
    r = cli(*base, "contact", "export", "Klaus", "-o", str(out))
    assert (r.code, r.out) == (0, "") and "Klaus Weber's card" in r.err
    assert out.read_bytes() == card.read_bytes() and out.stat().st_mode & 0o777 == 0o644
    r = cli(*base, "contact", "export", "Klaus", "-o", str(out))
    assert r.code == 2 and "already exists" in r.err
    r = cli(*base, "contact", "export", "Nobody", "-o", str(tmp_path / "x.contact"))
    assert r.code == 2 and "No contact matches" in r.err
    assert sorted(p.name for p in out.parent.iterdir()) == ["klaus.contact"]  # no partial file


@pytest.mark.slow
def test_search_with_filters(cli: Runner, base: tuple[str, ...], tmp_path: Path) -> None:
    cables = tmp_path / "cables"
    assert cli("draft", "import-frus", str(FRUS), "-o", str(cables), "--limit", "40").code == 0
    assert cli(*base, "import-cable", str(cables)).code == 0
    everything = json.loads(cli(*base, "search", "--json", "--limit", "100").out)
    assert len(everything) == 40
    post = next(h["originator"] for h in everything if h["originator"])  # one with a sender
    r = cli(*base, "search", "--post", post.lower(), "--json", "--limit", "100")
    hits = json.loads(r.out)
    assert r.code == 0 and hits and {h["originator"] for h in hits} == {post}
    level = everything[0]["banner"].split("//")[0]
    r = cli(*base, "search", "--level", level, "--direction", "imported", "--json")
    assert r.code == 0 and all(h["banner"].startswith(level) for h in json.loads(r.out))
    r = cli(*base, "search", "zzzqqqxxx")
    assert (r.code, r.out) == (0, "") and "No cable matches" in r.err
