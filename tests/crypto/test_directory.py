"""Directories (cabledesk.directory/1): published, read, checked against an anchor; every
kind of hostile directory refused whole, with a DirectoryError that names the problem."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cabledesk.crypto import _directory_lists
from cabledesk.crypto import directory as directory_module
from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.directory import (
    DIRECTORY_FORMAT,
    MAX_ENTRIES,
    Directory,
    DirectoryEntry,
    Revocation,
)
from cabledesk.crypto.signedtext import canonical_json, plain_text_problem
from cabledesk.crypto.sshsig import ANCHOR_NAMESPACE, DIRECTORY_NAMESPACE, sign
from cabledesk.errors import DirectoryError
from tests.crypto.dirkit import (
    ANCHOR,
    ANCHOR_KEY,
    NOW,
    OTHER_KEY,
    anchor,
    directory,
    entry,
    person,
    read_as_importer,
)

LEGACY = Path(__file__).parents[1] / "data" / "legacy"
JANE, JEAN, KLAUS = person("Jane Doe"), person("Jean Martin", "FRA"), person("Klaus", "DEU")
REVOKED = Revocation("SHA256:" + "A" * 43, "key-compromise", "Laptop lost in transit.", NOW)
SMALL = directory(
    [entry(JANE, roles=("clearer", "release-authority")), entry(JEAN, accesses=("ATOMAL",))],
    [REVOKED],
)
DATA = SMALL.to_bytes()


def _doc(d: Directory = SMALL) -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(d.to_bytes().partition(b"\n")[0])
    return doc


def _signed(
    doc: dict[str, Any], key: Any = ANCHOR_KEY, namespace: str = DIRECTORY_NAMESPACE
) -> bytes:
    body = canonical_json(doc)
    return body + b"\n" + sign(key, namespace, body).encode()


def _refused(data: bytes, match: str) -> None:
    with pytest.raises(DirectoryError, match=match):
        Directory.parse(data).verify(ANCHOR)
    # as an import reads it (cards checked against their entries after the lists):
    # refused too, though another broken rule may be named first
    with pytest.raises(DirectoryError):
        read_as_importer(data)[0].verify(ANCHOR)


def test_publish_parse_verify() -> None:
    back = Directory.parse(DATA)
    assert back == SMALL and back.to_bytes() == DATA
    assert back.verify(ANCHOR).fingerprint == ANCHOR.fingerprint
    assert (back.anchor, back.serial, back.issued) == (ANCHOR.fingerprint, 1, NOW)
    assert back.next_update == NOW + timedelta(days=30)
    assert [e.fingerprint for e in back.entries] == sorted([JANE.fingerprint, JEAN.fingerprint])
    jane = back.entry(JANE.fingerprint)
    assert jane is not None and jane.roles == ("clearer", "release-authority")
    assert jane.contact_card() == ContactCard.for_identity(JANE)
    assert back.entry(KLAUS.fingerprint) is None and back.entry("") is None
    assert [c.name for c in back.contact_cards()] == [e.contact_card().name for e in back.entries]
    assert back.revocations == (REVOKED,)
    assert sorted(_doc()) == sorted(
        ["format", "anchor", "serial", "issued", "next_update", "entries", "revocations"]
    )
    assert sorted(_doc()["entries"][0]) == sorted([
        "fingerprint", "card", "clearance", "scheme", "nationality", "accesses", "roles",
        "attested", "expires",
    ])  # fmt: skip


def test_cards_of_both_versions() -> None:
    v1 = ContactCard.parse((LEGACY / "jane-v1.contact").read_bytes(), now=None)
    d = Directory.parse(directory([entry(v1), entry(KLAUS, nationality="USA")]).to_bytes())
    d.verify(ANCHOR)
    found = d.entry(v1.fingerprint)
    assert found is not None and found.card.encode() == v1.to_bytes()
    assert found.contact_card().format_version == 1


def test_an_empty_directory() -> None:
    d = directory([])
    assert Directory.parse(d.to_bytes()).verify(ANCHOR) and d.entries == () == d.revocations


# --- against the anchor -------------------------------------------------------------


def test_entry_out_of_scope_refuses_the_whole_directory() -> None:
    d = Directory.parse(directory([entry(JANE), entry(KLAUS)]).to_bytes())
    with pytest.raises(DirectoryError, match="outside the scope") as caught:
        d.verify(ANCHOR)
    assert KLAUS.fingerprint in caught.value.message and "DEU" in caught.value.message
    d.verify(anchor(nationalities=()))  # an anchor without limit takes it
    with pytest.raises(DirectoryError, match="scheme nato"):
        Directory.parse(directory([entry(JANE, scheme="nato")]).to_bytes()).verify(
            anchor(schemes=("us",))
        )


def test_directory_of_another_anchor() -> None:
    theirs = directory([entry(JANE)], signing_key=OTHER_KEY)
    with pytest.raises(DirectoryError, match="published under the anchor"):
        Directory.parse(theirs.to_bytes()).verify(ANCHOR)
    Directory.parse(theirs.to_bytes()).verify(anchor(OTHER_KEY, name="ALLIED"))


def test_signed_by_another_key() -> None:
    _refused(_signed(_doc(), OTHER_KEY), "signed by another key")


def test_wrong_namespace() -> None:
    _refused(_signed(_doc(), ANCHOR_KEY, ANCHOR_NAMESPACE), "different purpose")


def test_an_anchor_signature_is_not_a_directorys() -> None:
    body = DATA.partition(b"\n")[0]
    anchor_signature = ANCHOR.to_bytes().partition(b"\n")[2]
    _refused(body + b"\n" + anchor_signature, "different purpose")


def test_changed_directory() -> None:
    body, _, signature = DATA.partition(b"\n")
    changed = body.replace(b'"clearance":"SECRET"', b'"clearance":"TOP SECRET"', 1)
    _refused(changed + b"\n" + signature, "changed")


# --- hostile structure ----------------------------------------------------------------


def test_fingerprint_not_matching_its_card() -> None:
    doc = _doc()
    doc["entries"][0]["card"], doc["entries"][1]["card"] = (
        doc["entries"][1]["card"],
        doc["entries"][0]["card"],
    )
    _refused(_signed(doc), "its card is of another key")


def test_duplicate_fingerprints() -> None:
    doc = _doc()
    doc["entries"][1] = doc["entries"][0]
    _refused(_signed(doc), "twice")
    doc = _doc()
    doc["revocations"] = [doc["revocations"][0]] * 2
    _refused(_signed(doc), "twice")
    doc = _doc()
    doc["revocations"][0]["fingerprint"] = doc["entries"][0]["fingerprint"]
    _refused(_signed(doc), "both attests and revokes")


def test_unsorted_lists() -> None:
    doc = _doc()
    doc["entries"].reverse()
    _refused(_signed(doc), "entries must be sorted")
    doc = _doc()
    doc["revocations"].insert(0, REVOKED.to_json() | {"fingerprint": "SHA256:" + "B" * 43})
    _refused(_signed(doc), "revocations must be sorted")


def test_huge_files_and_lists(monkeypatch: pytest.MonkeyPatch) -> None:
    assert DIRECTORY_FORMAT.max_bytes == 256 * 1024 * 1024 and MAX_ENTRIES == 200_000
    small = replace(DIRECTORY_FORMAT, max_bytes=len(DATA) - 1)
    monkeypatch.setattr(directory_module, "DIRECTORY_FORMAT", small)
    _refused(DATA, "too large to be a directory .more than")
    monkeypatch.undo()
    monkeypatch.setattr(_directory_lists, "MAX_ENTRIES", 1)
    _refused(DATA, "entries has more than 1 items")


def test_deeply_nested() -> None:
    for nested in ("[" * 50_000 + "]" * 50_000, '{"a":' * 50_000 + "1" + "}" * 50_000):
        body = canonical_json(_doc()).replace(
            b'"revocations":[', f'"revocations":[{nested},'.encode()
        )
        _refused(body + b"\n" + sign(ANCHOR_KEY, DIRECTORY_NAMESPACE, body).encode(), "JSON")


def test_newer_formats() -> None:
    _refused(_signed(_doc() | {"format": "cabledesk.directory/2"}), "made by a newer version")
    doc = _doc()
    doc["entries"][0]["card"] = canonical_json({"format": "cabledesk.contact/3"}).decode()
    _refused(_signed(doc), "made by a newer version")


def test_other_files_are_not_directories() -> None:
    _refused(ANCHOR.to_bytes(), "not a directory")
    _refused(ContactCard.for_identity(JANE).to_bytes(), "not a directory")


def test_a_card_that_cannot_be_read_is_named() -> None:
    doc = _doc()
    card = ContactCard.for_identity(replace(JANE, name="Jane"))
    # the right key, a damaged card: found when the cards are read
    doc["entries"][0]["card"] = doc["entries"][0]["card"].replace('"name":"Jane Doe"', '"name":1')
    d = Directory.parse(_signed(doc))
    d.verify(ANCHOR)
    with pytest.raises(DirectoryError, match=r"card of SHA256.*name must be text"):
        d.contact_cards()
    doc["entries"][0]["card"] = "not a card"
    _refused(_signed(doc), "card of entries.0.")
    assert card.name == "Jane"


@pytest.mark.parametrize(
    ("where", "change", "match"),
    [
        ("root", {"serial": 0}, "serial must be a whole number from 1"),
        ("root", {"serial": 2**53}, "serial must be a whole number from 1"),
        ("root", {"serial": "1"}, "serial must be a whole number"),
        ("root", {"next_update": "2026-12-01T09:00:00Z"}, "later than the field issued"),
        ("root", {"anchor": "SHA256:short"}, "key fingerprint"),
        ("root", {"entries": {}}, "entries must be a list"),
        ("root", {"extra": []}, "not part of the format"),
        ("entry", {"clearance": "SE\u202eCRET"}, "entries.0..clearance .*U\\+202E"),
        ("entry", {"clearance": 5}, "clearance must be text"),
        ("entry", {"scheme": "US"}, "scheme id"),
        ("entry", {"nationality": ""}, "three-letter"),
        ("entry", {"accesses": ["CRYPTO", "ATOMAL"]}, "sorted"),
        ("entry", {"roles": ["registry", "clearer"]}, "sorted"),
        ("entry", {"roles": ["ambassador"]}, "a role"),
        ("entry", {"attested": "now"}, "UTC time"),
        ("entry", {"expires": "2026-12-01T09:00:00Z"}, "later than the field attested"),
        ("entry", {"card": None}, "card must be text"),
        ("entry", {"fingerprint": None}, "fingerprint must be a key fingerprint"),
        ("entry", {"fingerprint": "SHA256:" + "B" * 43}, "its card is of another key"),
        ("entry", {"extra": 1}, "not part of the format"),
        ("revocation", {"reason": "bored"}, "a reason"),
        ("revocation", {"text": "a\x1bb"}, "U\\+001B"),
        ("revocation", {"text": "x" * 2001}, "longer than 2,000"),
        ("revocation", {"fingerprint": "SHA256:"}, "key fingerprint"),
        ("revocation", {"revoked": None}, "UTC time"),
    ],
)
def test_fields_are_checked(where: str, change: dict[str, Any], match: str) -> None:
    doc = _doc()
    target = {"root": doc, "entry": doc["entries"][0], "revocation": doc["revocations"][0]}[where]
    target.update(change)
    _refused(_signed(doc), match)


def test_revocation_text_may_be_long() -> None:
    long = REVOKED._replace(text="x" * 2000)
    assert Directory.parse(directory([], [long]).to_bytes()).revocations == (long,)


# --- properties -------------------------------------------------------------------------

_plain = st.text(max_size=30).filter(lambda t: plain_text_problem(t) is None)
_access = st.from_regex(r"[A-Z0-9][A-Z0-9-]{0,5}", fullmatch=True)


@pytest.mark.slow
@given(
    clearance=_plain,
    accesses=st.lists(_access, max_size=3, unique=True).map(lambda a: tuple(sorted(a))),
    roles=st.sets(st.sampled_from(directory_module.ROLES)).map(lambda r: tuple(sorted(r))),
    text=_plain,
    serial=st.integers(1, 2**53 - 1),
)
def test_round_trip(
    clearance: str, accesses: tuple[str, ...], roles: tuple[str, ...], text: str, serial: int
) -> None:
    attested = entry(JANE, clearance=clearance, accesses=accesses, roles=roles, expires=None)
    revoked = REVOKED._replace(text=text)
    published = directory([attested], [revoked], serial=serial)
    back = Directory.parse(published.to_bytes())
    assert back == published and back.entries == (attested,) and back.revocations == (revoked,)
    back.verify(ANCHOR)


@given(st.integers(0, len(DATA) - 1), st.integers(1, 255))
def test_any_byte_flip_is_refused_or_same(position: int, flip: int) -> None:
    data = bytearray(DATA)
    data[position] ^= flip
    try:
        back = Directory.parse(bytes(data))
        back.verify(ANCHOR)
        cards = back.contact_cards()
    except DirectoryError:
        return
    assert back == SMALL and cards == SMALL.contact_cards()


@given(st.binary(max_size=400))
def test_garbage_raises_only_directory_error(data: bytes) -> None:
    try:
        Directory.parse(data)
    except DirectoryError:
        pass


def test_entries_are_frozen_values() -> None:
    e = SMALL.entries[0]
    assert isinstance(e, DirectoryEntry) and e == e._replace()
    with pytest.raises(AttributeError):
        e.clearance = "TOP SECRET"  # type: ignore[misc]


def test_a_v1_card_followed_by_text_that_is_no_signature_is_refused() -> None:
    """A directory entry's /1 card with "é not a signature" after line 1 was read as
    self-certified, and could never be written back (UnicodeEncodeError on import)."""
    body = ContactCard.for_identity(person("Eve Adams")).body()
    v1 = DirectoryEntry.attest(
        ContactCard.from_public_keys(
            name="Eve Adams", age_recipient=str(person("Eve Adams").encryption_key.recipient()),
            ssh_key=person("Eve Adams").public().ssh_line(),
        ),
        clearance="SECRET", scheme="us", nationality="USA", attested=NOW,
    )  # fmt: skip
    bad = v1._replace(card=v1.card.rstrip("\n") + "\né not a signature\n")
    assert body  # the person exists as a /2 card too
    with pytest.raises(DirectoryError, match="not a signature"):
        directory([bad]).contact_cards()


def test_read_checks_the_anchor_signature_before_decoding_anything(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An importer's read: a file the anchor did not sign is refused before its (up to
    256 MiB of) JSON is decoded; a good one is parsed and verified in full."""
    good = directory([entry(person("Ann Lee"))]).to_bytes()
    read = Directory.read(good, ANCHOR)
    assert [e.fingerprint for e in read.entries] == [
        ContactCard.for_identity(person("Ann Lee")).fingerprint
    ]
    forged = directory([entry(person("Ann Lee"))], signing_key=OTHER_KEY).to_bytes()
    altered = good.replace(b'"serial":1', b'"serial":2', 1)

    def no_decoding(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("decoded before the signature was checked")

    monkeypatch.setattr(directory_module.Directory, "parse", no_decoding)
    for bad in (forged, altered):
        with pytest.raises(DirectoryError, match="signature is not valid"):
            Directory.read(bad, ANCHOR)
