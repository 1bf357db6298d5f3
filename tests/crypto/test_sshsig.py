from __future__ import annotations

import base64
import hashlib
import io

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from cabledesk.crypto.fingerprint import fingerprint
from cabledesk.crypto.sshsig import (
    DOCUMENT_NAMESPACE,
    SEAL_NAMESPACE,
    Signature,
    parse_signature,
    sign,
    sign_digest,
    sign_stream,
    verify,
    verify_digest,
    verify_stream,
)
from cabledesk.errors import SignatureFormatError, SignatureInvalid

KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
OTHER = Ed25519PrivateKey.from_private_bytes(bytes(range(1, 33)))
DATA = b"The minister said the communique would pass.\n"


def test_armor_shape() -> None:
    text = sign(KEY, DOCUMENT_NAMESPACE, DATA)
    lines = text.split("\n")
    assert lines[0] == "-----BEGIN SSH SIGNATURE-----"
    assert lines[-2:] == ["-----END SSH SIGNATURE-----", ""]
    assert [len(x) for x in lines[1:-2]][:-1] == [70] * (len(lines) - 4)
    blob = base64.b64decode("".join(lines[1:-2]))
    assert blob.startswith(b"SSHSIG\x00\x00\x00\x01")


def test_round_trip_bytes_and_stream() -> None:
    sig = sign(KEY, SEAL_NAMESPACE, DATA)
    assert sign_stream(KEY, SEAL_NAMESPACE, io.BytesIO(DATA)) == sig  # deterministic
    result = verify(sig, DATA, KEY.public_key(), SEAL_NAMESPACE)
    assert result.namespace == SEAL_NAMESPACE and result.hash_algorithm == "sha512"
    assert result.fingerprint == fingerprint(result.public_key)
    assert verify_stream(sig, io.BytesIO(DATA), KEY.public_key(), SEAL_NAMESPACE) == result
    sha256 = sign(KEY, SEAL_NAMESPACE, DATA, hash_algorithm="sha256")
    assert verify(sha256, DATA, KEY.public_key(), SEAL_NAMESPACE).hash_algorithm == "sha256"


def test_each_mismatch_has_its_own_message() -> None:
    sig = sign(KEY, SEAL_NAMESPACE, DATA)
    with pytest.raises(SignatureInvalid, match="different purpose"):
        verify(sig, DATA, KEY.public_key(), DOCUMENT_NAMESPACE)
    with pytest.raises(SignatureInvalid, match="not by the expected signer"):
        verify(sig, DATA, OTHER.public_key(), SEAL_NAMESPACE)
    with pytest.raises(SignatureInvalid, match="changed after it was signed"):
        verify(sig, DATA + b"!", KEY.public_key(), SEAL_NAMESPACE)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "does not start"),
        ("hello", "does not start"),
        ("-----BEGIN SSH SIGNATURE-----\nAAAA\n", "does not end"),
        ("-----BEGIN SSH SIGNATURE-----\n!!!\n-----END SSH SIGNATURE-----\n", "not base64"),
        ("-----BEGIN SSH SIGNATURE-----\nU1NIU0lH\n-----END SSH SIGNATURE-----\n", "truncated"),
    ],
)
def test_malformed(text: str, words: str) -> None:
    with pytest.raises(SignatureFormatError, match=words):
        parse_signature(text)


def _reblob(blob: bytes) -> str:
    text = base64.b64encode(blob).decode()
    return "-----BEGIN SSH SIGNATURE-----\n" + text + "\n-----END SSH SIGNATURE-----\n"


def _blob(sig: str) -> bytes:
    return base64.b64decode("".join(sig.split("\n")[1:-2]))


def test_trailing_data_and_version_are_refused() -> None:
    blob = _blob(sign(KEY, SEAL_NAMESPACE, DATA))
    with pytest.raises(SignatureFormatError, match="data after"):
        parse_signature(_reblob(blob + b"\x00"))
    with pytest.raises(SignatureFormatError, match="version 2"):
        parse_signature(_reblob(blob[:6] + b"\x00\x00\x00\x02" + blob[10:]))
    bad_hash = blob.replace(b"\x00\x00\x00\x06sha512", b"\x00\x00\x00\x06sha384")
    with pytest.raises(SignatureFormatError, match="hash algorithm"):
        parse_signature(_reblob(bad_hash))
    rsa = blob.replace(b"ssh-ed25519", b"ssh-rsa-xxx", 1)
    with pytest.raises(SignatureFormatError, match="unsupported key type 'ssh-rsa-xxx'"):
        parse_signature(_reblob(rsa))


@given(st.binary(max_size=300))
def test_garbage_blobs_raise_only_format_errors(blob: bytes) -> None:
    try:
        parse_signature(_reblob(blob))
    except SignatureFormatError:
        pass


@given(st.text(max_size=300))
def test_garbage_text_raises_only_format_errors(text: str) -> None:
    try:
        parse_signature(text)
    except SignatureFormatError:
        pass


SIG = sign(KEY, SEAL_NAMESPACE, DATA)


@settings(max_examples=100)
@given(st.integers(0, len(_blob(SIG)) - 1), st.integers(1, 255))
def test_any_byte_change_of_the_signature_fails(position: int, flip: int) -> None:
    blob = bytearray(_blob(SIG))
    blob[position] ^= flip
    with pytest.raises((SignatureFormatError, SignatureInvalid)):
        verify(_reblob(bytes(blob)), DATA, KEY.public_key(), SEAL_NAMESPACE)


def test_misuse() -> None:
    with pytest.raises(ValueError):
        sign(KEY, "", DATA)
    with pytest.raises(ValueError):
        verify(SIG, DATA, KEY.public_key(), "")

    with pytest.raises(TypeError):
        sign(KEY, SEAL_NAMESPACE, "text")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="sha512 or sha256"):
        sign(KEY, SEAL_NAMESPACE, DATA, hash_algorithm="md5")
    with pytest.raises(ValueError, match="64 bytes"):
        sign_digest(KEY, SEAL_NAMESPACE, b"short", "sha512")
    with pytest.raises(TypeError, match="Ed25519"):
        verify(SIG, DATA, KEY, SEAL_NAMESPACE)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="binary mode"):
        sign_stream(KEY, SEAL_NAMESPACE, io.StringIO("text"))  # type: ignore[arg-type]


def test_digest_api_matches_the_data_api() -> None:
    digest = hashlib.sha512(DATA).digest()
    assert sign_digest(KEY, SEAL_NAMESPACE, digest, "sha512") == SIG
    assert verify_digest(SIG, digest, KEY.public_key(), SEAL_NAMESPACE).hash_algorithm == "sha512"
    with pytest.raises(SignatureInvalid, match="changed after"):
        verify_digest(SIG, hashlib.sha512(b"other").digest(), KEY.public_key(), SEAL_NAMESPACE)


def test_parsed_signature_round_trips_and_accepts_crlf_and_bytes() -> None:
    parsed = parse_signature(SIG)
    assert parsed.armored() == SIG
    assert parse_signature(SIG.encode()) == parsed
    assert parse_signature(SIG.replace("\n", "\r\n")) == parsed
    assert verify(parsed, DATA, KEY.public_key(), SEAL_NAMESPACE).public_key == parsed.public_key


def test_reserved_field_must_be_empty() -> None:
    # blob layout: magic(6) version(4) pubkey(4+51) namespace(4+n) reserved(4+0) ...
    blob = _blob(SIG)
    at = 6 + 4 + 4 + 51 + 4 + len(SEAL_NAMESPACE)
    assert blob[at : at + 4] == b"\x00\x00\x00\x00"
    tampered = blob[:at] + b"\x00\x00\x00\x01X" + blob[at + 4 :]
    with pytest.raises(SignatureFormatError, match="reserved field"):
        parse_signature(_reblob(tampered))


def test_non_canonical_base64_and_oversize_are_refused() -> None:
    lines = SIG.split("\n")
    last = lines[-3]
    # change the unused low bits before the padding: decodes the same, not canonical
    assert last.endswith("=")
    pos = len(last.rstrip("=")) - 1
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    value = alphabet.index(last[pos])
    lines[-3] = last[:pos] + alphabet[value ^ 1] + last[pos + 1 :]  # lowest bit is unused
    with pytest.raises(SignatureFormatError, match="canonical"):
        parse_signature("\n".join(lines))
    with pytest.raises(SignatureFormatError, match="too large"):
        parse_signature(SIG + "\n" * 70_000)


def test_signature_rejects_bad_fields() -> None:
    with pytest.raises(ValueError):
        Signature(b"\x00" * 31, SEAL_NAMESPACE, "sha512", b"\x00" * 64)
    with pytest.raises(ValueError):
        Signature(b"\x00" * 32, "", "sha512", b"\x00" * 64)
