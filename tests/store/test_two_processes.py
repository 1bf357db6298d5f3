"""Two processes on one vault at once (the GUI open while a CLI command runs):
SQLite's locking serialises the writers; nothing is lost or corrupted."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from cabledesk.store.home import VaultHome
from cabledesk.store.keyfile import KeyFile
from cabledesk.store.vault import Vault
from tests.vaultkit import FAST, PASSPHRASE

WRITER = textwrap.dedent(
    """
    import sys
    from dataclasses import replace
    from pathlib import Path
    from cabledesk.domain.cable import Addressee, Cable, Paragraph
    from cabledesk.store.home import VaultHome
    from cabledesk.store.vault import Vault

    home, key, who = VaultHome(Path(sys.argv[1])), bytearray.fromhex(sys.argv[2]), sys.argv[3]
    base = Cable(id="", scheme="us", precedence="ROUTINE", originator="P",
                 action=(Addressee("A"),), subject="S", subject_marking="(U)",
                 paragraphs=(Paragraph("(U)", "text"),))
    with Vault.unlock_with_key(home, key) as vault:
        print("ready", flush=True)
        sys.stdin.readline()  # start together
        for n in range(150):
            cable = replace(base, id=f"{who}-{n % 10}", subject=f"{who} {n}")
            vault.drafts.save(cable, "UNCLASSIFIED", vault.now())
            vault.audit.append("draft created", {"by": who, "n": n})
    print("done", flush=True)
    """
)


@pytest.mark.slow
def test_two_writers_at_once(tmp_path: Path) -> None:
    home = VaultHome(tmp_path / "home")
    Vault.create(home, PASSPHRASE, params=FAST).lock()
    key = bytes(KeyFile.load(home.key_file).unwrap(PASSPHRASE)).hex()
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(home.folder), key, who],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for who in ("gui", "cli")
    ]
    try:
        for p in procs:
            assert p.stdout is not None and p.stdout.readline() == "ready\n"
        for p in procs:
            assert p.stdin is not None
            p.stdin.write("go\n")
            p.stdin.flush()
        for p in procs:
            out, _ = p.communicate(timeout=120)
            assert p.returncode == 0 and out == "done\n"
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
                p.communicate()
    with Vault.unlock(home, PASSPHRASE) as vault:
        assert vault.db.integrity_check() == "ok"
        assert vault.audit.check_chain().ok and vault.audit.check_chain().entries == 1 + 2 * 150
        # both recorded their heads in vault.key, in turn: the record is the last entry
        recorded = KeyFile.load(home.key_file).audit
        assert recorded is not None and (recorded.seq, recorded.hash) == vault.audit.head()
        subjects = {d.subject for d in vault.drafts.summaries()}
        assert subjects == {f"{who} {n}" for who in ("gui", "cli") for n in range(140, 150)}
