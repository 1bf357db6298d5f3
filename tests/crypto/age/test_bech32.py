"""Bech32: the fast decoding (base-32 number, checksum as parities) agrees with the
character-by-character reference, for every length and prefix."""

from __future__ import annotations

import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cabledesk.crypto.age import X25519Identity, X25519Recipient, check_pq_recipient
from cabledesk.crypto.age import _bech32 as bech32
from cabledesk.errors import KeyFormatError

_hrps = st.sampled_from(["age", "age1pq", "age-secret-key-", "age-secret-key-pq-", "a", "~"])


@given(hrp=_hrps, values=st.binary(max_size=2100).map(lambda b: bytes(x & 31 for x in b)))
def test_the_checksum_agrees_with_the_reference(hrp: str, values: bytes) -> None:
    number = int(values.translate(bech32._DIGITS).decode("ascii") or "0", 32)
    reference = bech32._polymod(bytes(bech32._hrp_expand(hrp)) + values)
    assert bech32._residue(hrp, len(values), number) == reference


@given(values=st.binary(max_size=200).map(lambda b: bytes(x & 31 for x in b)))
def test_the_bytes_agree_with_the_reference(values: bytes) -> None:
    number = int(values.translate(bech32._DIGITS).decode("ascii") or "0", 32)
    try:
        expected: bytes | None = bytes(bech32._convert_bits(values, 5, 8, pad=False))
    except ValueError:
        expected = None
    try:
        found: bytes | None = bech32._to_bytes(number, len(values))
    except ValueError:
        found = None
    assert found == expected


@pytest.mark.parametrize("size", [0, 1, 32, 1216])
def test_round_trip_and_every_character_change(size: int) -> None:
    data = os.urandom(size)
    text = bech32.bech32_encode("age1pq", data)
    assert bech32.bech32_decode(text) == ("age1pq", data)
    assert bech32.bech32_decode(text.upper()) == ("age1pq", data)
    for i in range(len("age1pq1"), len(text), max(1, len(text) // 50)):
        for other in "qpzry9x8gf":
            if other != text[i]:
                with pytest.raises(ValueError):
                    bech32.bech32_decode(text[:i] + other + text[i + 1 :])


def test_a_megabyte_recipient_is_refused_before_any_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """A hostile manifest or card named a key of a million characters: decoding it
    built checksum masks as long as itself (seconds and hundreds of MiB each)."""

    def no_masks(bits: int) -> tuple[int, ...]:
        raise AssertionError(f"masks built for {bits} bits")

    monkeypatch.setattr(bech32, "_masks", no_masks)
    with pytest.raises(ValueError, match="far too long"):
        bech32.bech32_decode("age1pq1" + "q" * 1_000_000)
    with pytest.raises(KeyFormatError):
        check_pq_recipient("age1pq1" + "q" * 1_000_000)
    with pytest.raises(KeyFormatError):
        X25519Recipient.parse("age1" + "q" * 1_000_000)
    with pytest.raises(KeyFormatError):
        X25519Identity.parse("AGE-SECRET-KEY-1" + "Q" * 1_000_000)


def test_keys_of_the_wrong_length_are_refused_before_decoding(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = X25519Identity.generate()
    recipient, identity = str(real.recipient()), str(real)
    assert len(recipient) == bech32.bech32_length("age", 32) == 62
    assert len(identity) == bech32.bech32_length("age-secret-key-", 32) == 74
    assert bech32.bech32_length("age1pq", 1216) == 1959

    def no_decoding(text: str) -> tuple[str, bytes]:
        raise AssertionError("decoded")

    monkeypatch.setattr("cabledesk.crypto.age._bech32.bech32_decode", no_decoding)  # decode_key
    monkeypatch.setattr("cabledesk.crypto.age._pqtext.bech32_decode", no_decoding)
    for bad in (recipient + "q", recipient[:-1]):
        with pytest.raises(KeyFormatError):
            X25519Recipient.parse(bad)
    with pytest.raises(KeyFormatError):
        X25519Identity.parse(identity + "Q")
    with pytest.raises(KeyFormatError):
        check_pq_recipient("age1pq1" + "q" * 1951)
