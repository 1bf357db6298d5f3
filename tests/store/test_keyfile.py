from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cabledesk.errors import VaultError, WrongPassphrase
from cabledesk.store.keyfile import (
    FORMAT_1,
    FORMAT_ID,
    MIN_MEMORY_KIB,
    KdfParams,
    KeyFile,
    calibrate,
)
from tests.vaultkit import FAST, format_1_key_file

KEY = os.urandom(32)


def _file() -> KeyFile:
    return KeyFile.create("vault-1", KEY, "pass word", FAST)


def test_wrap_unwrap_and_wrong_passphrase() -> None:
    kf = _file()
    assert bytes(kf.unwrap("pass word")) == KEY
    with pytest.raises(WrongPassphrase):
        kf.unwrap("pass Word")
    again = KeyFile.parse(kf.to_bytes())
    assert again == kf and bytes(again.unwrap("pass word")) == KEY


def test_the_file_is_one_canonical_json_line_with_nothing_secret() -> None:
    data = _file().to_bytes()
    assert data.endswith(b"\n") and data.count(b"\n") == 1
    doc = json.loads(data)
    assert doc["format"] == FORMAT_ID and doc["kdf"]["name"] == "argon2id"
    assert KEY.hex().encode() not in data and b"pass word" not in data


def _edited(kf: KeyFile, change: dict[str, object]) -> bytes:
    doc = json.loads(kf.to_bytes())
    for path, value in change.items():
        target = doc
        *parents, last = path.split(".")
        for p in parents:
            target = target[p]
        target[last] = value
    return json.dumps(doc).encode()


def test_weakened_or_swapped_parameters_do_not_unwrap() -> None:
    kf = _file()
    # a higher iteration count still above the floor: parsed, but the AD no longer matches
    edited = KeyFile.parse(_edited(kf, {"kdf.iterations": FAST.iterations + 1}))
    with pytest.raises(WrongPassphrase):
        edited.unwrap("pass word")
    swapped = KeyFile.parse(_edited(kf, {"vault": "vault-2"}))
    with pytest.raises(WrongPassphrase):
        swapped.unwrap("pass word")
    other_mac = KeyFile.parse(_edited(kf, {"database.hmac": "HMAC_SHA512"}))
    with pytest.raises(WrongPassphrase):
        other_mac.unwrap("pass word")


def test_new_files_name_the_database_mac() -> None:
    doc = json.loads(_file().to_bytes())
    assert doc["format"] == "cabledesk.vault-key/2"
    assert doc["database"] == {"hmac": "HMAC_SHA256"}


def test_format_1_files_are_read_and_rewritten_as_format_2() -> None:
    data = format_1_key_file("vault-1", KEY, "pass word")
    old = KeyFile.parse(data)
    assert (old.format_id, old.db_hmac) == (FORMAT_1, "HMAC_SHA512")
    assert bytes(old.unwrap("pass word")) == KEY
    assert old.to_bytes() == data
    new = KeyFile.parse(old.rewrap(KEY, "new pass").to_bytes())
    assert (new.format_id, new.db_hmac) == (FORMAT_ID, "HMAC_SHA512")
    assert bytes(new.unwrap("new pass")) == KEY


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"kdf.memory_kib": MIN_MEMORY_KIB - 1}, "unsafe"),
        ({"kdf.iterations": 1}, "unsafe"),
        ({"kdf.iterations": 10_000}, "unsafe"),
        ({"kdf.lanes": 0}, "unsafe"),
        ({"kdf.name": "pbkdf2"}, "not Argon2id"),
        ({"format": "other/1"}, "format"),
        ({"salt": "x"}, "fields"),
        ({"nonce": "!!!"}, "base64"),
        ({"sealed": "AAAA"}, "wrong size"),
        ({"kdf.iterations": "3"}, "not numbers"),
        ({"database.hmac": "HMAC_SHA1"}, "HMAC is not one"),
        ({"database": {"hmac": "HMAC_SHA256", "page": 1}}, "malformed"),
        ({"database": None}, "malformed"),
        ({"format": FORMAT_1}, "fields"),  # /1 had no database settings
    ],
)
def test_damaged_files_are_refused(change: dict[str, object], words: str) -> None:
    with pytest.raises(VaultError, match=words):
        KeyFile.parse(_edited(_file(), change))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(VaultError, match="missing"):
        KeyFile.load(tmp_path / "vault.key")


@given(st.binary(max_size=600))
def test_garbage_raises_only_vault_errors(data: bytes) -> None:
    try:
        KeyFile.parse(data)
    except VaultError:
        pass


def test_rewrap_keeps_the_key_and_changes_salt() -> None:
    kf = _file()
    new = kf.rewrap(KEY, "new pass")
    assert new.salt != kf.salt and new.vault_id == kf.vault_id
    assert bytes(new.unwrap("new pass")) == KEY
    with pytest.raises(WrongPassphrase):
        new.unwrap("pass word")


def test_misuse() -> None:
    with pytest.raises(ValueError):
        KeyFile.create("v", KEY, "", FAST)
    with pytest.raises(ValueError):
        KeyFile.create("v", KEY[:16], "p", FAST)
    with pytest.raises(VaultError):
        KeyFile.create("v", KEY, "p", KdfParams(1024, 1, 1))


def test_calibration_meets_the_floors() -> None:
    params = calibrate(target_seconds=0.01)
    params.check()
    assert params.memory_kib >= 64 * 1024 and params.iterations >= 3
