"""Post-quantum hybrid (mlkem768x25519) recipients and identities: keys, round trips,
the stanza's rules, and never mixing them with classic recipients when writing.

The CCTV vectors (test_vectors.py) prove interoperability with age v1.3; these tests
cover what the vectors cannot: encryption, key generation and our own misuse rules.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cabledesk.crypto.age import (
    HybridIdentity,
    HybridRecipient,
    Identity,
    Recipient,
    ScryptRecipient,
    Stanza,
    X25519Identity,
    decrypt,
    encrypt,
    mixes_post_quantum,
    parse_identity,
    parse_identity_file,
    parse_recipient,
    parse_recipients_file,
)
from cabledesk.crypto.age._b64 import b64_encode
from cabledesk.crypto.age._format import encode_header, read_header
from cabledesk.crypto.age._primitives import header_mac
from cabledesk.crypto.age.hybrid import ENC_SIZE, PUBLIC_KEY_SIZE, RECIPIENT_CHARS
from cabledesk.errors import CryptoError, HeaderError, KeyFormatError, NoIdentityMatch
from tests.conftest import DATA

PQ = [HybridIdentity.generate() for _ in range(4)]
CLASSIC = X25519Identity.generate()


def seal(data: bytes, recipients: Sequence[Recipient], armor: bool = False) -> bytes:
    out = io.BytesIO()
    encrypt(io.BytesIO(data), out, recipients, armor=armor)
    return out.getvalue()


def open_(sealed: bytes, identities: Sequence[Identity]) -> bytes:
    out = io.BytesIO()
    decrypt(io.BytesIO(sealed), out, identities)
    return out.getvalue()


def test_the_specification_example_key_gives_its_recipient() -> None:
    """age.md's example identity expands (SHAKE256, ML-KEM-768 KeyGen, X25519) to its
    example recipient: the seed expansion is exactly the specification's."""
    lines = (DATA / "age_spec" / "hybrid_example.txt").read_text(encoding="ascii").splitlines()
    secret, public = (line for line in lines if not line.startswith("#"))
    identity = HybridIdentity.parse(secret)
    assert str(identity.recipient()) == public
    assert str(identity) == secret
    assert HybridRecipient.parse(public) == identity.recipient()


def test_keys_round_trip_and_hide_secrets() -> None:
    identity = PQ[0]
    text = str(identity)
    assert text.startswith("AGE-SECRET-KEY-PQ-1") and text == text.upper() and len(text) == 77
    assert str(HybridIdentity.parse(text)) == text
    assert str(HybridIdentity.parse(text.lower())) == text  # Bech32: one case, either
    recipient = str(identity.recipient())
    assert recipient.startswith("age1pq1") and len(recipient) == RECIPIENT_CHARS == 1959
    assert len(identity.recipient().public_bytes) == PUBLIC_KEY_SIZE
    assert text not in repr(identity) and text[19:40] not in repr(identity)
    assert isinstance(parse_identity(text), HybridIdentity)
    assert isinstance(parse_identity(str(CLASSIC)), X25519Identity)
    assert isinstance(parse_recipient(recipient), HybridRecipient)


@pytest.mark.parametrize(
    "text",
    [
        "age1pq1xyz",
        "age1pq1" + "q" * 1952,  # the right length, a bad checksum
        str(PQ[0].recipient()).replace("age1pq1", "Age1pq1"),
        str(PQ[0].recipient())[:-1],
        str(PQ[0]),  # a secret key is not a recipient
        str(CLASSIC.recipient()),
        "",
    ],
    ids=["short", "bad-checksum", "mixed-case", "cut", "secret-key", "classic", "empty"],
)
def test_bad_recipients(text: str) -> None:
    with pytest.raises(KeyFormatError):
        HybridRecipient.parse(text)


def test_a_recipient_whose_mlkem_key_is_not_reduced_is_refused() -> None:
    """FIPS 203 §7.2: an encapsulation key's coefficients are below q = 3329."""
    raw = bytearray(PQ[0].recipient().public_bytes)
    raw[0:2] = b"\xff\xff"  # a 12-bit coefficient of 4095
    with pytest.raises(KeyFormatError, match="invalid ML-KEM key"):
        HybridRecipient.from_public_bytes(bytes(raw))


def test_bad_identity_never_echoes_the_key() -> None:
    key = str(PQ[0])
    broken = key[:-1] + ("P" if key.endswith("Q") else "Q")
    with pytest.raises(KeyFormatError) as info:
        HybridIdentity.parse(broken)
    assert broken not in str(info.value) and broken[19:45] not in str(info.value)
    with pytest.raises(KeyFormatError):
        HybridIdentity.parse(str(CLASSIC))


@settings(max_examples=20, deadline=None)
@given(st.binary(max_size=3 * 1024), st.integers(1, 4), st.booleans())
def test_round_trip_with_one_to_four_hybrid_recipients(
    data: bytes, count: int, armor: bool
) -> None:
    sealed = seal(data, [i.recipient() for i in PQ[:count]], armor=armor)
    for identity in PQ[:count]:
        assert open_(sealed, [identity]) == data
    if not armor:
        header = read_header(io.BytesIO(sealed))
        assert [s.type for s in header.stanzas] == ["mlkem768x25519"] * count
        assert encode_header(list(header.stanzas)) == header.signed_bytes
    if count < 4:
        with pytest.raises(NoIdentityMatch, match="mlkem768x25519"):
            open_(sealed, [PQ[3], CLASSIC])


SMALL = seal(b"Harvest now, decrypt later.", [PQ[0].recipient(), PQ[1].recipient()])
HEADER_SIZE = SMALL.index(b"\n---") + len(b"\n--- ") + 43 + 1


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.integers(0, HEADER_SIZE - 1), st.integers(1, 255))
def test_every_byte_flip_of_a_hybrid_header_is_detected(position: int, flip: int) -> None:
    damaged = bytearray(SMALL)
    damaged[position] ^= flip
    out = io.BytesIO()
    with pytest.raises(CryptoError):
        decrypt(io.BytesIO(bytes(damaged)), out, [PQ[1]])
    assert out.getvalue() == b""


@pytest.mark.slow
def test_every_byte_of_a_hybrid_header_flipped_once_is_detected() -> None:
    """The exhaustive companion of the property test: each header byte, one flip."""
    for position in range(HEADER_SIZE):
        damaged = bytearray(SMALL)
        damaged[position] ^= 0x01
        out = io.BytesIO()
        with pytest.raises(CryptoError):
            decrypt(io.BytesIO(bytes(damaged)), out, [PQ[0]])
        assert out.getvalue() == b""


def _forged(stanza: Stanza) -> bytes:
    """A file whose only stanza is ``stanza``, with a valid MAC for a known file key."""
    signed = encode_header([stanza])
    mac = header_mac(bytes(16), signed)
    return signed + b" " + b64_encode(mac).encode() + b"\n" + os.urandom(16)


@pytest.mark.parametrize(
    ("stanza", "problem"),
    [
        (Stanza("mlkem768x25519", (), bytes(32)), "wrong number of arguments"),
        (Stanza("mlkem768x25519", ("AAAA", "x"), bytes(32)), "wrong number of arguments"),
        (Stanza("mlkem768x25519", (b64_encode(bytes(ENC_SIZE - 1)),), bytes(32)), "wrong size"),
        (Stanza("mlkem768x25519", (b64_encode(bytes(ENC_SIZE)) + "=",), bytes(32)), "base64"),
        (Stanza("mlkem768x25519", (b64_encode(os.urandom(ENC_SIZE)),), bytes(48)), "body"),
        (Stanza("mlkem768x25519", (b64_encode(bytes(ENC_SIZE)),), bytes(32)), "weak"),
    ],
    ids=["no-argument", "extra-argument", "short-enc", "padded-enc", "long-body", "zero-share"],
)
def test_malformed_hybrid_stanzas_are_header_failures(stanza: Stanza, problem: str) -> None:
    with pytest.raises(HeaderError, match=problem):
        open_(_forged(stanza), [PQ[0]])


def test_hybrid_stanzas_are_ignored_by_a_classic_key_and_vice_versa() -> None:
    """Readers accept files that mix kinds (the hybrid_and_x25519 vector); each key
    reads only its own stanzas."""
    for pq, classic in ((PQ[0], CLASSIC),):
        with pytest.raises(NoIdentityMatch):
            open_(seal(b"x", [pq.recipient()]), [classic])
        with pytest.raises(NoIdentityMatch):
            open_(seal(b"x", [classic.recipient()]), [pq])


def test_writers_never_mix_post_quantum_and_classic_recipients() -> None:
    mixed: list[Recipient] = [PQ[0].recipient(), CLASSIC.recipient()]
    assert mixes_post_quantum(mixed)
    assert not mixes_post_quantum([PQ[0].recipient(), PQ[1].recipient()])
    assert not mixes_post_quantum([CLASSIC.recipient()])
    with pytest.raises(ValueError, match="post-quantum"):
        seal(b"x", mixed)
    with pytest.raises(ValueError):
        seal(b"x", [PQ[0].recipient(), ScryptRecipient("pw", work_factor=10)])


def test_identity_and_recipient_files_hold_both_kinds() -> None:
    text = f"# created: today\n# public key: {PQ[0].recipient()}\n{PQ[0]}\n{CLASSIC}\n"
    assert [str(i) for i in parse_identity_file(text)] == [str(PQ[0]), str(CLASSIC)]
    rec = f"# team\n{PQ[0].recipient()}\n  {PQ[1].recipient()}  \n"
    assert parse_recipients_file(rec) == [PQ[0].recipient(), PQ[1].recipient()]
    with pytest.raises(KeyFormatError, match="Line 2"):
        parse_recipients_file(f"{PQ[0].recipient()}\nage1pq1nonsense\n")
