from __future__ import annotations

import io
import os
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cabledesk.crypto.age import (
    CHUNK_SIZE,
    Identity,
    Recipient,
    ScryptIdentity,
    ScryptRecipient,
    X25519Identity,
    X25519Recipient,
    decrypt,
    decrypt_file,
    encrypt,
    encrypt_file,
    parse_identity_file,
    parse_recipients_file,
)
from cabledesk.crypto.age._format import encode_header, read_header
from cabledesk.errors import (
    Cancelled,
    CryptoError,
    HeaderError,
    InputError,
    KeyFormatError,
    NoIdentityMatch,
    PayloadError,
)

IDS = [X25519Identity.generate() for _ in range(4)]
SIZES = [0, 1, 100, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 2 * CHUNK_SIZE, 2 * CHUNK_SIZE + 1]


def seal(data: bytes, recipients: Sequence[Recipient], armor: bool = False) -> bytes:
    out = io.BytesIO()
    encrypt(io.BytesIO(data), out, recipients, armor=armor)
    return out.getvalue()


def open_(sealed: bytes, identities: Sequence[Identity]) -> bytes:
    out = io.BytesIO()
    decrypt(io.BytesIO(sealed), out, identities)
    return out.getvalue()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("armor", [False, True])
def test_round_trip_sizes(size: int, armor: bool) -> None:
    data = os.urandom(size)
    sealed = seal(data, [i.recipient() for i in IDS[:2]], armor=armor)
    assert open_(sealed, [IDS[1]]) == data
    expected_chunks = max(1, -(-size // CHUNK_SIZE))
    if not armor:
        header = read_header(io.BytesIO(sealed))
        payload = len(sealed) - len(header.signed_bytes) - len(" ") - 43 - 1 - 16
        assert payload == size + 16 * expected_chunks


@settings(max_examples=30)
@given(st.binary(max_size=3 * 1024), st.integers(1, 4), st.booleans())
def test_round_trip_any(data: bytes, count: int, armor: bool) -> None:
    sealed = seal(data, [i.recipient() for i in IDS[:count]], armor=armor)
    for identity in IDS[:count]:
        assert open_(sealed, [identity]) == data


def test_wrong_key_is_no_match_and_names_the_kind() -> None:
    sealed = seal(b"secret", [IDS[0].recipient()])
    with pytest.raises(NoIdentityMatch) as info:
        open_(sealed, [IDS[1]])
    assert "X25519" in info.value.message


def test_passphrase_round_trip_and_wrong_passphrase() -> None:
    sealed = seal(b"for Jane", [ScryptRecipient("horse battery", work_factor=10)])
    assert open_(sealed, [ScryptIdentity("horse battery")]) == b"for Jane"
    with pytest.raises(NoIdentityMatch):
        open_(sealed, [ScryptIdentity("wrong")])
    with pytest.raises(HeaderError, match="work factor 10"):
        open_(sealed, [ScryptIdentity("horse battery", max_work_factor=9)])


@settings(max_examples=40)
@given(st.integers(1, 5), st.binary(max_size=200))
def test_header_parse_encode_gives_the_same_bytes(count: int, data: bytes) -> None:
    sealed = seal(data, [i.recipient() for i in IDS[:count]])
    header = read_header(io.BytesIO(sealed))
    assert encode_header(list(header.stanzas)) == header.signed_bytes
    assert sealed.startswith(header.signed_bytes)


SMALL = seal(os.urandom(2 * CHUNK_SIZE + 100), [IDS[0].recipient(), IDS[1].recipient()])


@pytest.mark.slow
@settings(max_examples=150)
@given(st.integers(0, len(SMALL) - 1), st.integers(1, 255))
def test_any_corruption_is_detected(position: int, flip: int) -> None:
    damaged = bytearray(SMALL)
    damaged[position] ^= flip
    out = io.BytesIO()
    with pytest.raises(CryptoError):
        decrypt(io.BytesIO(bytes(damaged)), out, [IDS[0]])
    header_len = len(read_header(io.BytesIO(SMALL)).signed_bytes) + 45 + 16
    if position < header_len:
        assert out.getvalue() == b""  # nothing released for a damaged header


@settings(max_examples=30)
@given(st.integers(1, len(SMALL) - 1))
def test_truncation_is_detected(length: int) -> None:
    with pytest.raises(CryptoError):
        open_(SMALL[:length], [IDS[0]])


def test_extension_is_detected() -> None:
    with pytest.raises(PayloadError):
        open_(SMALL + b"x", [IDS[0]])
    full = seal(os.urandom(2 * CHUNK_SIZE), [IDS[0].recipient()])
    with pytest.raises(PayloadError, match="after its end"):
        open_(full + b"x", [IDS[0]])


@given(st.binary(max_size=400))
def test_garbage_raises_only_crypto_errors(data: bytes) -> None:
    try:
        open_(data, [IDS[0], ScryptIdentity("x", max_work_factor=4)])
    except CryptoError:
        pass


def test_decrypt_file_leaves_nothing_on_failure(tmp_path: Path) -> None:
    damaged = bytearray(SMALL)
    damaged[-5] ^= 1
    src = tmp_path / "in.age"
    src.write_bytes(bytes(damaged))
    with pytest.raises(PayloadError):
        decrypt_file(src, tmp_path / "out", [IDS[0]])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.age"]


def test_files_progress_and_cancel(tmp_path: Path) -> None:
    plain = tmp_path / "plain"
    plain.write_bytes(os.urandom(200 * CHUNK_SIZE))  # several batches
    seen: list[int] = []
    encrypt_file(plain, tmp_path / "s.age", [IDS[0].recipient()], progress=seen.append)
    assert seen[-1] == 200 * CHUNK_SIZE and seen == sorted(seen) and len(seen) > 1
    decrypt_file(tmp_path / "s.age", tmp_path / "out", [IDS[0]])
    assert (tmp_path / "out").read_bytes() == plain.read_bytes()
    calls = iter([False, True])
    with pytest.raises(Cancelled):
        encrypt_file(plain, tmp_path / "c.age", [IDS[0].recipient()], cancel=lambda: next(calls))
    assert not (tmp_path / "c.age").exists()
    with pytest.raises(InputError, match="already exists"):
        decrypt_file(tmp_path / "s.age", tmp_path / "out", [IDS[0]])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "plain", "s.age"]


def test_keys_round_trip_and_hide_secrets() -> None:
    identity = IDS[0]
    text = str(identity)
    assert text.startswith("AGE-SECRET-KEY-1") and text == text.upper()
    assert str(X25519Identity.parse(text)) == text
    assert str(identity.recipient()).startswith("age1")
    assert X25519Recipient.parse(str(identity.recipient())) == identity.recipient()
    assert text not in repr(identity) and text[16:30] not in repr(identity)
    assert "hidden" in repr(ScryptRecipient("pw")) and "pw" not in repr(ScryptIdentity("pw"))


@pytest.mark.parametrize(
    "text",
    [
        "age1xyz",
        str(IDS[0].recipient())[:-1] + ("q" if str(IDS[0].recipient())[-1] != "q" else "p"),
        str(IDS[0].recipient()).replace("age1", "Age1"),
        str(IDS[0]),  # a secret key is not a recipient
        "",
    ],
    ids=["short", "bad-checksum", "mixed-case", "secret-key", "empty"],
)
def test_bad_recipients(text: str) -> None:
    with pytest.raises(KeyFormatError):
        X25519Recipient.parse(text)


def test_bad_identity_never_echoes_the_key() -> None:
    key = str(IDS[0])
    broken = key[:-1] + ("P" if key.endswith("Q") else "Q")  # a checksum character changed
    with pytest.raises(KeyFormatError) as info:
        X25519Identity.parse(broken)
    assert broken not in str(info.value) and broken[15:40] not in str(info.value)


def test_identity_and_recipient_files() -> None:
    text = f"# created: today\n# public key: {IDS[0].recipient()}\n{IDS[0]}\n\n{IDS[1]}\n"
    assert [str(i) for i in parse_identity_file(text)] == [str(IDS[0]), str(IDS[1])]
    rec = f"# team\n{IDS[0].recipient()}\n  {IDS[1].recipient()}  \n"
    assert parse_recipients_file(rec) == [IDS[0].recipient(), IDS[1].recipient()]
    with pytest.raises(KeyFormatError, match="Line 2"):
        parse_recipients_file(f"{IDS[0].recipient()}\nnonsense\n")
    with pytest.raises(KeyFormatError, match="no recipient"):
        parse_recipients_file("# empty\n")


def test_misuse() -> None:
    with pytest.raises(ValueError):
        encrypt(io.BytesIO(b""), io.BytesIO(), [])
    with pytest.raises(ValueError):
        encrypt(io.BytesIO(b""), io.BytesIO(), [ScryptRecipient("a"), IDS[0].recipient()])
    with pytest.raises(ValueError):
        ScryptRecipient("")
    with pytest.raises(ValueError):
        ScryptRecipient("pw", work_factor=30)
