from __future__ import annotations

import base64
import json
import os
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from hypothesis import given
from hypothesis import strategies as st

from cabledesk.errors import VaultError, WrongPassphrase
from cabledesk.store.audit_head import AuditHead
from cabledesk.store.keyfile import (
    FORMAT_1,
    FORMAT_2,
    FORMAT_ID,
    MIN_MEMORY_KIB,
    KdfParams,
    KeyFile,
    SlotKey,
    calibrate,
)
from tests.vaultkit import FAST, format_1_key_file

KEY = os.urandom(32)
NEW_KEY = os.urandom(32)
VAULT = "5c1f0e6e-8f3a-4a57-9d43-3c7d8f0b2a11"
OTHER_VAULT = "0b8f27a4-44f1-4a51-b1d5-0d0b4f3d9e2c"
LEGACY = Path(__file__).parents[1] / "data" / "legacy" / "vault-0.1" / "vault.key"


def _file() -> KeyFile:
    return KeyFile.create(VAULT, KEY, "pass word", FAST)


def _pending() -> KeyFile:
    return _file().with_pending(SlotKey.derive("new words", FAST), NEW_KEY, KEY)


def _canonical(doc: object) -> bytes:
    return json.dumps(doc, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _edited(kf: KeyFile, change: dict[str, object]) -> bytes:
    """The file with fields changed (``keys.1.kdf.salt``), written canonically."""
    doc = json.loads(kf.to_bytes())
    for path, value in change.items():
        target = doc
        *parents, last = path.split(".")
        for p in parents:
            target = target[int(p)] if isinstance(target, list) else target[p]
        if isinstance(target, list):
            target[int(last)] = value
        else:
            target[last] = value
    return _canonical(doc) + b"\n"


def test_wrap_unwrap_and_wrong_passphrase() -> None:
    kf = _file()
    assert bytes(kf.unwrap("pass word")) == KEY
    with pytest.raises(WrongPassphrase):
        kf.unwrap("pass Word")
    again = KeyFile.parse(kf.to_bytes())
    assert again == kf and bytes(again.unwrap("pass word")) == KEY


def test_the_file_is_one_canonical_json_line_with_nothing_secret() -> None:
    data = _pending().with_audit(AuditHead.make(VAULT, 3, bytes(32), KEY)).to_bytes()
    assert data.endswith(b"\n") and data.count(b"\n") == 1
    doc = json.loads(data)
    assert _canonical(doc) + b"\n" == data
    assert set(doc) == {"format", "vault", "database", "keys", "audit"}
    assert doc["format"] == FORMAT_ID == "cabledesk.vault-key/3"
    assert doc["database"] == {"hmac": "HMAC_SHA256"}
    assert [k["slot"] for k in doc["keys"]] == ["current", "pending"]
    assert doc["keys"][0]["kdf"]["name"] == "argon2id"
    assert doc["audit"]["seq"] == 3 and len(doc["audit"]["mac"]) == 64
    for secret in (KEY, NEW_KEY):
        assert secret.hex().encode() not in data
        assert base64.b64encode(secret) not in data
    assert b"pass word" not in data and b"new words" not in data
    assert len(data) < 1200


def test_a_new_file_has_no_pending_slot_and_no_record() -> None:
    doc = json.loads(_file().to_bytes())
    assert [k["slot"] for k in doc["keys"]] == ["current"] and doc["audit"] is None


def test_the_pending_slot_holds_both_keys_under_the_new_passphrase() -> None:
    kf = KeyFile.parse(_pending().to_bytes())
    assert kf.pending is not None
    pair, _ = kf.open_slot(kf.pending, "new words")
    assert bytes(pair) == NEW_KEY + KEY
    with pytest.raises(WrongPassphrase):
        kf.open_slot(kf.pending, "pass word")
    assert bytes(kf.unwrap("pass word")) == KEY  # the current slot is untouched
    done = kf.with_current(SlotKey.derive("new words", FAST), NEW_KEY).without_pending()
    assert done.pending is None and bytes(done.unwrap("new words")) == NEW_KEY


def test_one_derivation_seals_two_slots_with_their_own_nonces() -> None:
    key = SlotKey.derive("new words", FAST)
    kf = _file().with_pending(key, NEW_KEY, KEY)
    final = kf.with_current(key, NEW_KEY)
    assert kf.pending is not None
    assert final.current.salt == kf.pending.salt and final.current.nonce != kf.pending.nonce
    assert "key=…" in repr(key) and key.key.hex() not in repr(key)


def test_weakened_swapped_or_moved_fields_do_not_unwrap() -> None:
    kf = _pending()
    # a higher iteration count still above the floor: parsed, but the AD no longer matches
    edited = KeyFile.parse(_edited(kf, {"keys.0.kdf.iterations": FAST.iterations + 1}))
    with pytest.raises(WrongPassphrase):
        edited.unwrap("pass word")
    swapped = KeyFile.parse(_edited(kf, {"vault": OTHER_VAULT}))
    with pytest.raises(WrongPassphrase):
        swapped.unwrap("pass word")
    other_mac = KeyFile.parse(_edited(kf, {"database.hmac": "HMAC_SHA512"}))
    with pytest.raises(WrongPassphrase):
        other_mac.unwrap("pass word")
    # the pending slot moved into the current one's place
    doc = json.loads(kf.to_bytes())
    pending = doc["keys"][1]
    as_current = dict(pending, slot="current")
    with pytest.raises(VaultError, match="wrong size"):
        KeyFile.parse(_canonical(dict(doc, keys=[as_current])) + b"\n")


def test_a_slot_sealed_for_pending_does_not_open_as_current() -> None:
    key = SlotKey.derive("pass word", FAST)
    kf = _file()
    # seal a 32-byte secret with the pending slot's associated data, store it as current
    from cabledesk.store.key_slot import KeySlot

    data = kf._slot_data("pending", key.params, key.salt)
    forged = KeySlot.seal("current", key, KEY, data)
    moved = KeyFile(kf.vault_id, (forged,), None, kf.db_hmac)
    with pytest.raises(WrongPassphrase):
        KeyFile.parse(moved.to_bytes()).unwrap("pass word")


def _format_2(vault_id: str, key: bytes, passphrase: str) -> bytes:
    """A ``vault.key`` as format /2 wrote it (from the format's description)."""
    salt, nonce = os.urandom(16), os.urandom(12)
    header: dict[str, object] = {
        "format": "cabledesk.vault-key/2",
        "vault": vault_id,
        "database": {"hmac": "HMAC_SHA256"},
        "kdf": FAST.to_json(salt),
    }
    ad = json.dumps(header, sort_keys=True, separators=(",", ":")).encode()
    sealed = ChaCha20Poly1305(FAST.derive(passphrase, salt)).encrypt(nonce, key, ad)
    body = {"nonce": base64.b64encode(nonce).decode(), "sealed": base64.b64encode(sealed).decode()}
    return json.dumps(header | body, sort_keys=True, separators=(",", ":")).encode() + b"\n"


@pytest.mark.parametrize(
    ("data", "format_id", "hmac"),
    [
        (format_1_key_file(VAULT, KEY, "pass word"), FORMAT_1, "HMAC_SHA512"),
        (_format_2(VAULT, KEY, "pass word"), FORMAT_2, "HMAC_SHA256"),
    ],
)
def test_older_formats_are_read_and_rewritten_as_format_3(
    data: bytes, format_id: str, hmac: str
) -> None:
    old = KeyFile.parse(data)
    assert (old.format_id, old.db_hmac, old.audit, old.pending) == (format_id, hmac, None, None)
    assert old.to_bytes() == data  # read as it was written
    key, slot_key = old.open_slot(old.current, "pass word")
    assert bytes(key) == KEY
    with pytest.raises(ValueError, match="only a format /3"):
        old.with_pending(slot_key, NEW_KEY, KEY)
    new = KeyFile.parse(old.with_current(slot_key, key).to_bytes())
    assert (new.format_id, new.db_hmac) == (FORMAT_ID, hmac)
    assert new.current.salt == old.current.salt  # the same derivation, sealed anew
    assert bytes(new.unwrap("pass word")) == KEY


def test_the_key_file_of_cabledesk_0_1_is_format_2() -> None:
    kf = KeyFile.load(LEGACY)
    assert (kf.format_id, kf.vault_id, kf.db_hmac) == (FORMAT_2, kf.vault_id, "HMAC_SHA256")
    assert kf.to_bytes() == LEGACY.read_bytes()


@pytest.mark.parametrize("version", ["4", "17"])
def test_a_newer_format_is_reported_as_newer_not_damaged(version: str) -> None:
    data = _edited(_file(), {"format": f"cabledesk.vault-key/{version}", "extra": 1})
    with pytest.raises(VaultError, match="newer version of CableDesk") as info:
        KeyFile.parse(data)
    assert "damaged" not in info.value.message and info.value.hint
    assert "Update" in info.value.hint


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"keys.0.kdf.memory_kib": MIN_MEMORY_KIB - 1}, "unsafe"),
        ({"keys.0.kdf.iterations": 1}, "unsafe"),
        ({"keys.1.kdf.iterations": 10_000}, "unsafe"),
        ({"keys.0.kdf.lanes": 0}, "unsafe"),
        ({"keys.0.kdf.name": "pbkdf2"}, r"keys\[0\].kdf: its key derivation is not Argon2id"),
        ({"keys.0.kdf.iterations": "3"}, "not numbers"),
        ({"keys.0.kdf.iterations": True}, "not numbers"),
        ({"keys.1.kdf.salt": "AAAA"}, r"keys\[1\].kdf.salt has the wrong size"),
        ({"keys.0.nonce": "!!!"}, r"keys\[0\].nonce is not base64"),
        ({"keys.0.nonce": 12}, r"keys\[0\].nonce is not text"),
        ({"keys.1.sealed": "AAAA"}, r"keys\[1\].sealed has the wrong size"),
        ({"keys.0.slot": "pending"}, r"keys\[0\].slot is not 'current'"),
        ({"keys.1.slot": "current"}, r"keys\[1\].slot is not 'pending'"),
        ({"keys.0.extra": 1}, r"keys\[0\] does not have the fields"),
        ({"keys": []}, "one or two slots"),
        ({"keys": "x"}, "one or two slots"),
        ({"format": "other/1"}, "format"),
        ({"format": "cabledesk.vault-key/0"}, "format"),
        ({"format": 3}, "does not name its format"),
        ({"salt": "x"}, "fields"),
        ({"vault": "vault-1"}, "UUID"),
        ({"vault": VAULT.upper()}, "UUID"),
        ({"database.hmac": "HMAC_SHA1"}, "HMAC is not one"),
        ({"database": {"hmac": "HMAC_SHA256", "page": 1}}, "malformed"),
        ({"database": None}, "malformed"),
        ({"audit": {"seq": 1, "hash": "00" * 32}}, "fields seq, hash and mac"),
        ({"audit": {"seq": 0, "hash": "00" * 32, "mac": "00" * 32}}, "seq is not"),
        ({"audit": {"seq": True, "hash": "00" * 32, "mac": "00" * 32}}, "seq is not"),
        ({"audit": {"seq": 2**53, "hash": "00" * 32, "mac": "00" * 32}}, "seq is not"),
        ({"audit": {"seq": 1, "hash": "AB" * 32, "mac": "00" * 32}}, "hash is not 64"),
        ({"audit": {"seq": 1, "hash": "00" * 32, "mac": "00" * 31}}, "mac is not 64"),
        ({"audit": 5}, "fields seq, hash and mac"),
    ],
)
def test_damaged_files_are_refused(change: dict[str, object], words: str) -> None:
    base = _pending().with_audit(AuditHead.make(VAULT, 1, bytes(32), KEY))
    with pytest.raises(VaultError, match=words) as info:
        KeyFile.parse(_edited(base, change))
    assert "damaged" in info.value.message or "unsafe" in info.value.message


@pytest.mark.parametrize(
    "data",
    [
        lambda b: b.rstrip(b"\n"),  # no final LF
        lambda b: b + b"\n",
        lambda b: b.replace(b'":', b'": '),  # white space
        lambda b: b.replace(b'{"audit"', b'{"audit":null,"audit"'),  # a field twice
        lambda b: b.replace(b'"slot":"current"', b'"slot":"\\u0063urrent"'),  # an escape
    ],
)
def test_format_3_must_be_canonical(data: object) -> None:
    good = _file().to_bytes()
    assert callable(data)
    with pytest.raises(VaultError, match=r"canonical|twice"):
        KeyFile.parse(data(good))


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"kdf.memory_kib": MIN_MEMORY_KIB - 1}, "unsafe"),
        ({"kdf.name": "pbkdf2"}, "not Argon2id"),
        ({"nonce": "!!!"}, "base64"),
        ({"sealed": "AAAA"}, "wrong size"),
        ({"database.hmac": "HMAC_SHA1"}, "HMAC is not one"),
        ({"format": FORMAT_1}, "fields"),  # /1 had no database settings
        ({"vault": ""}, "names no vault"),
    ],
)
def test_damaged_files_of_format_2_are_refused(change: dict[str, object], words: str) -> None:
    doc = json.loads(_format_2(VAULT, KEY, "pass word"))
    for path, value in change.items():
        target = doc
        *parents, last = path.split(".")
        for p in parents:
            target = target[p]
        target[last] = value
    with pytest.raises(VaultError, match=words):
        KeyFile.parse(json.dumps(doc).encode())


def test_too_large_and_missing_files(tmp_path: Path) -> None:
    with pytest.raises(VaultError, match="far too large"):
        KeyFile.parse(b" " * 5000)
    with pytest.raises(VaultError, match="missing"):
        KeyFile.load(tmp_path / "vault.key")


@given(st.binary(max_size=600))
def test_garbage_raises_only_vault_errors(data: bytes) -> None:
    try:
        KeyFile.parse(data)
    except VaultError:
        pass


_GOOD = _pending().with_audit(AuditHead.make(VAULT, 7, bytes(32), KEY)).to_bytes()


@given(st.integers(0, len(_GOOD) - 1), st.integers(0, 255))
def test_a_changed_byte_is_refused_or_reads_back_the_same(index: int, value: int) -> None:
    data = bytearray(_GOOD)
    data[index] = value
    try:
        kf = KeyFile.parse(bytes(data))
    except VaultError:
        return
    assert kf.to_bytes() == bytes(data)  # no second encoding of any file


def test_misuse() -> None:
    with pytest.raises(ValueError, match="empty"):
        KeyFile.create(VAULT, KEY, "", FAST)
    with pytest.raises(ValueError, match="32 bytes"):
        KeyFile.create(VAULT, KEY[:16], "p", FAST)
    with pytest.raises(ValueError, match="UUID"):
        KeyFile.create("vault-1", KEY, "p", FAST)
    with pytest.raises(ValueError, match="HMAC"):
        KeyFile.create(VAULT, KEY, "p", FAST, db_hmac="HMAC_SHA1")
    with pytest.raises(VaultError, match="unsafe"):
        KeyFile.create(VAULT, KEY, "p", KdfParams(1024, 1, 1))
    with pytest.raises(ValueError, match="32 bytes"):
        _file().with_pending(SlotKey.derive("x", FAST), NEW_KEY[:31], KEY)


def test_calibration_meets_the_floors() -> None:
    params = calibrate(target_seconds=0.01)
    params.check()
    assert params.memory_kib >= 64 * 1024 and params.iterations >= 3
