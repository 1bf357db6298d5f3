"""The keychain against a real Secret Service: GNOME Keyring on a private D-Bus session.

The test runs a child process under ``dbus-run-session`` with a fresh
``gnome-keyring-daemon`` (unlocked with a throw-away login password, its files
in a temporary HOME), and there drives CableDesk's default keychain selection:
create a vault remembered on the device, open it without the passphrase,
forget it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.interop._tools import require_tool

pytestmark = pytest.mark.interop

CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from cabledesk.services.vault_access import VaultAccess
    from cabledesk.store.home import VaultHome
    from cabledesk.store.keychain import SystemKeychain
    from cabledesk.store.keyfile import KdfParams, MIN_ITERATIONS, MIN_MEMORY_KIB

    keychain = SystemKeychain()
    status = keychain.status()
    print("status", status.usable, status.name)
    access = VaultAccess(VaultHome(Path(sys.argv[1])), keychain,
                         kdf=KdfParams(MIN_MEMORY_KIB, MIN_ITERATIONS, 1))
    access.create("correct horse battery staple", remember=True).lock()
    print("remembered", access.is_remembered())
    vault = access.unlock_remembered()
    print("opened", vault is not None and vault.audit.check_chain().ok)
    vault.forget(keychain)
    vault.lock()
    print("forgotten", not access.is_remembered(), access.unlock_remembered() is None)
    """
)


@pytest.mark.slow
def test_remember_the_vault_in_gnome_keyring(tmp_path: Path) -> None:
    dbus = require_tool("dbus-run-session")
    daemon = require_tool("gnome-keyring-daemon")
    env = {k: v for k, v in os.environ.items() if k != "PYTHON_KEYRING_BACKEND"}
    env |= {"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data"),
            "XDG_RUNTIME_DIR": str(tmp_path)}  # fmt: skip
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    shell = (
        f'printf "login password" | "{daemon}" --unlock --components=secrets >/dev/null 2>&1; '
        f'exec "{sys.executable}" "{script}" "{tmp_path / "home"}"'
    )
    result = subprocess.run(
        [dbus, "--", "sh", "-c", shell],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "status True SecretService Keyring",
        "remembered True",
        "opened True",
        "forgotten True True",
    ]
