"""The manifest: canonical encoding, strict decoding, and what the signer vouches for."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cabledesk.crypto.signedtext import canonical_json
from cabledesk.errors import PackageError
from cabledesk.seal import FORMAT_ID, Manifest
from cabledesk.seal._consistency import consistency_problem
from cabledesk.seal._manifest import NewerFormat, format_version
from tests.seal.kit import Package, seal_bytes

SEALED = Package.of(seal_bytes())
DATA = SEALED["manifest.json"]


def _doc() -> dict[str, Any]:
    result: dict[str, Any] = json.loads(DATA)
    return result


def test_round_trip_is_byte_exact() -> None:
    manifest = Manifest.decode(DATA)
    assert manifest.encode() == DATA
    assert manifest.format == FORMAT_ID and manifest.files[0].path == "cable.json"
    assert consistency_problem(manifest, DATA) is None
    compact = json.dumps(
        json.loads(DATA), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    assert compact.encode() == DATA and not DATA.endswith(b"\n")


def test_canonical_form() -> None:
    assert canonical_json({"b": 1, "a": ["é", "\n", "\x01", '"']}) == (
        '{"a":["é","\\n","\\u0001","\\""],"b":1}'.encode()
    )
    assert canonical_json({"é": 1, "z": 2, "Z": 3}) == '{"Z":3,"z":2,"é":1}'.encode()


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d.pop("banner"), "banner is missing"),
        (lambda d: d.update(extra=1), "extra is not part of the format"),
        (lambda d: d.update(created="2026-11-23 14:05"), "UTC time"),
        (lambda d: d.update(recipients=[]), "recipients is empty"),
        (lambda d: d["files"][0].update(sha256="ABC"), "lower-case hex"),
        (lambda d: d["files"][0].update(size=-1), "must not be negative"),
        (lambda d: d["files"][0].update(size=True), "whole number"),
        (lambda d: d["sender"].update(fingerprint="MD5:x"), "SHA256: fingerprint"),
        (lambda d: d.update(format="cabledesk.contact/1"), "unknown format"),
        (lambda d: d.update(format=None), "must be text"),
        (lambda d: d.pop("format"), "no format field"),
    ],
)  # fmt: skip
def test_structure_errors_name_the_field(
    edit: Callable[[dict[str, Any]], object], message: str
) -> None:
    doc = _doc()
    edit(doc)
    with pytest.raises(PackageError, match=message):
        Manifest.decode(canonical_json(doc))


def test_newer_formats() -> None:
    doc = _doc()
    doc["format"] = "cabledesk.seal/12"
    with pytest.raises(NewerFormat, match="newer version") as caught:
        Manifest.decode(canonical_json(doc))
    assert caught.value.format_id == "cabledesk.seal/12"
    assert format_version("cabledesk.seal/3") == 3
    assert format_version("cabledesk.seal/03") is None and format_version("seal/3") is None


def test_not_json() -> None:
    for data in (b"", b"[]", b"\xff", b'{"a":1,"a":2}', b"{" * 10_000):
        with pytest.raises(PackageError):
            Manifest.decode(data)


def test_lone_surrogates_are_not_text() -> None:
    data = DATA.replace(b'"Bob Roe"', b'"Bob \\ud800"', 1)
    with pytest.raises(PackageError, match="not valid Unicode"):
        Manifest.decode(data)


@given(st.binary(max_size=500))
def test_garbage(data: bytes) -> None:
    try:
        Manifest.decode(data)
    except PackageError:
        pass
