"""Issue 15, point 12: two desktop instances could unlock the same vault at once without
a warning. The second one is now told the vault is open in another window."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from cabledesk.ui.instance_lock import claim_vault


def test_a_second_desktop_on_the_same_vault_is_refused(tmp_path: Path) -> None:
    vault, other = tmp_path / "vault", tmp_path / "other"
    vault.mkdir()
    other.mkdir()
    first = claim_vault(vault)
    assert first is not None
    script = (
        "import sys; from pathlib import Path; from cabledesk.ui.instance_lock import "
        "claim_vault; sys.exit(0 if claim_vault(Path(sys.argv[1])) is None else 3)"
    )
    held = subprocess.run([sys.executable, "-c", script, str(vault)], check=False)
    assert held.returncode == 0  # another process: refused
    free = subprocess.run([sys.executable, "-c", script, str(other)], check=False)
    assert free.returncode == 3  # another vault: its own claim
    first.unlock()
    again = subprocess.run([sys.executable, "-c", script, str(vault)], check=False)
    assert again.returncode == 3  # released: the next desktop may claim it
    assert list(vault.iterdir()) == []  # the vault folder holds nothing more
