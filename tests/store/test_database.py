"""The database layer itself: what it prints, and what opening it never does."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import sqlcipher3

from cabledesk.errors import VaultError
from cabledesk.store.database import Database

KEY, OTHER = bytes(range(32)), bytes(32)


def _sqlcipher_logs_errors_again() -> None:
    # SQLCipher's log level is global to the process: undo what any earlier test set
    conn = sqlcipher3.connect(":memory:")
    conn.execute("PRAGMA cipher_log_level = WARN").fetchall()
    conn.close()


def test_a_failed_key_probe_prints_nothing_on_the_terminal(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """SQLCipher printed 'ERROR CORE … hmac check failed' lines on stderr for every
    key that did not open the database: noise on the command line while an
    interrupted change of passphrase was resumed."""
    path = tmp_path / "vault.db"
    Database(path, KEY, hmac="HMAC_SHA256").close()
    _sqlcipher_logs_errors_again()
    capfd.readouterr()
    assert not Database.opens_with(path, OTHER, hmac="HMAC_SHA256")
    with pytest.raises(VaultError, match="cannot be decrypted"):
        Database(path, OTHER, hmac="HMAC_SHA256")  # a stale key from the keychain
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")
    assert Database.opens_with(path, KEY, hmac="HMAC_SHA256")


def test_a_probe_of_a_missing_database_creates_no_file(tmp_path: Path) -> None:
    path = tmp_path / "vault.db"
    assert not Database.opens_with(path, KEY, hmac="HMAC_SHA256")
    assert os.listdir(tmp_path) == []
