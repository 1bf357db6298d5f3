from __future__ import annotations

import base64
import io

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from cabledesk.crypto.fingerprint import fingerprint
from cabledesk.crypto.sshsig import (
    DOCUMENT_NAMESPACE,
    SEAL_NAMESPACE,
    parse_signature,
    sign,
    sign_stream,
    verify,
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
        ("-----BEGIN SSH SIGNATURE-----\nAAAA\n", "end line"),
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
    with pytest.raises(SignatureFormatError, match="not supported"):
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
