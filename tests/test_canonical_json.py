"""Canonical JSON: the exact bytes that the audit chain, the vault key file and every
signed JSON text cover (a change here breaks every hash and signature made)."""

from __future__ import annotations

import pytest

from cabledesk.canonical_json import canonical_json
from cabledesk.crypto import signedtext


def test_the_exact_bytes() -> None:
    value = {"é": [1, None, True], "b": {"z": "Zoë", "a": 2.5}, "a": "x\ny\u2028"}
    expected = '{"a":"x\\ny\u2028","b":{"a":2.5,"z":"Zoë"},"é":[1,null,true]}'
    assert canonical_json(value) == expected.encode("utf-8")
    assert canonical_json([3, "é"]) == '[3,"é"]'.encode()


def test_a_lone_surrogate_is_refused() -> None:
    with pytest.raises(UnicodeEncodeError):
        canonical_json({"name": "Eve \ud800"})


def test_signed_texts_use_the_same_helper() -> None:
    assert signedtext.canonical_json is canonical_json
