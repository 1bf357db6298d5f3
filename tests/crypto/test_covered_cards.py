"""The quick read of a directory's cards (``read_covered_quickly``) accepts exactly the
``/2`` cards that ``ContactCard.parse_covered`` accepts, and reads them the same.

Never a timing: what is checked is that the fast path is no laxer than the rule (and no
stricter for a well-formed ``/2`` card); speed is measured by tests/bench/bench_directory.py.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cabledesk.crypto.age import X25519Identity, X25519Recipient
from cabledesk.crypto.contact import ContactCard, read_covered_quickly
from cabledesk.crypto.directory import Directory
from cabledesk.crypto.keys import Identity
from cabledesk.crypto.signedtext import canonical_json
from cabledesk.crypto.sshsig import CONTACT_NAMESPACE, sign
from cabledesk.errors import ContactError, DirectoryError
from tests.crypto.dirkit import directory, entry, person

NOW = datetime(2026, 12, 1, tzinfo=UTC)
ME = Identity.generate(
    "Jane Doe", "AMEMBASSY PARIS", role="Ambassador", clearance="SECRET", nationality="USA",
    created=NOW, expires=NOW + timedelta(days=730), accesses=("ATOMAL",),
)  # fmt: skip
CARD = ContactCard.for_identity(ME)
TEXT = CARD.to_bytes().decode("utf-8")


def _with(change: dict[str, Any]) -> str:
    doc = json.loads(CARD.body()) | change
    body = canonical_json(doc)
    return (body + b"\n" + sign(ME.signing_key, CONTACT_NAMESPACE, body).encode()).decode()


def _same_verdict(text: str) -> None:
    """The quick read gives the card parse_covered gives, or None where it refuses."""
    quick = read_covered_quickly(text)
    try:
        slow: ContactCard | None = ContactCard.parse_covered(text.encode("utf-8"))
    except ContactError:
        slow = None
    if slow is not None and slow.format_version == 1:
        assert quick is None  # a /1 card is left to parse_covered
        return
    assert quick == slow
    if quick is not None and slow is not None:
        assert quick.to_bytes() == slow.to_bytes()
        assert quick.fingerprint == slow.fingerprint
        assert quick.key_set() == slow.key_set()


def test_a_card_is_read_the_same() -> None:
    card = read_covered_quickly(TEXT)
    assert card == CARD and card is not None
    assert card.to_bytes() == CARD.to_bytes() and card.fingerprint == CARD.fingerprint


@pytest.mark.parametrize(
    "change",
    [
        {"name": "Jane\u202eeoD"},
        {"name": " Jane"},
        {"name": ""},
        {"name": "J" * 201},
        {"name": "Zoë Ωmega-李 ✈"},
        {"post": "AMBAFRANCE\u00a0BERLIN"},  # not printable to Python, yet plain text
        {"role": 3},
        {"email": ""},
        {"email": "jane@example.org"},
        {"sequence": 0},
        {"sequence": True},
        {"sequence": 2**53},
        {"sequence": 2**53 - 1},
        {"created": "2026-02-30T00:00:00Z"},
        {"expires": None},
        {"expires": "2026-11-30T00:00:00Z"},
        {"accesses": ["ZZ", "AA"]},
        {"accesses": []},
        {"scheme": "US"},
        {"nationality": ""},
        {"nationality": "fra"},
        {"age_recipient": str(ME.public().encryption).upper()},
        {"age_recipient": str(ME.public().encryption)[:-1] + "q"},
        {"ssh_key": ME.public().ssh_line("jane@laptop")},
        {"pq_recipient": "age1pq1nope"},
        {"format": "cabledesk.contact/1"},
        {"format": "cabledesk.contact/3"},
        {"extra": 1},
    ],
)
def test_each_field_rule_gives_the_same_verdict(change: dict[str, Any]) -> None:
    _same_verdict(_with(change))


@pytest.mark.parametrize(
    "text",
    [
        TEXT.replace('","', '", "', 1),  # not canonical
        TEXT.replace("Jane", "\\u004aane"),
        TEXT.replace("PARIS", "\\ud800"),  # a lone surrogate, escaped
        TEXT.partition("\n")[0],  # no signature
        TEXT + "x",
        TEXT.replace("-----END", "-----end"),
        "[]\n" + TEXT.partition("\n")[2],
        "{" * 100_000,
        "x" * 70_000,
    ],
)
def test_each_form_rule_gives_the_same_verdict(text: str) -> None:
    _same_verdict(text)


@given(st.integers(0, len(TEXT) - 1), st.characters())
def test_any_character_changed_gives_the_same_verdict(position: int, char: str) -> None:
    _same_verdict(TEXT[:position] + char + TEXT[position + 1 :])


def test_a_recipient_read_prints_as_written_and_still_wraps() -> None:
    identity = X25519Identity.generate()
    text = str(identity.recipient())
    read = X25519Recipient.parse(text.upper())
    assert str(read) == text and read == identity.recipient()
    stanzas = read.wrap(bytes(16))
    assert identity.unwrap(stanzas) == bytes(16)


def test_cards_read_with_the_directory_are_the_cards_read_after() -> None:
    """Directory.parse(read_cards=True), what an importer uses: the same cards, and a
    directory whose card is malformed is read, then refused by contact_cards, as before."""
    v1 = ContactCard.from_public_keys(
        name="Eve Adams", age_recipient=str(person("Eve Adams").encryption_key.recipient()),
        ssh_key=person("Eve Adams").public().ssh_line(),
    )  # fmt: skip
    entries = [entry(person("Ann Lee")), entry(person("Bob Ray")), entry(v1)]
    data = directory(entries).to_bytes()
    plain, read = Directory.parse(data), Directory.parse(data, read_cards=True)
    assert read == plain and read.contact_cards() == plain.contact_cards()
    assert sorted(c.format_version for c in read.contact_cards()) == [1, 2, 2]
    bad = entry(person("Cy Dunn"))
    bad = bad._replace(card=bad.card.replace('"sequence":1', '"sequence":0'))
    broken = directory([*entries, bad]).to_bytes()
    for directory_read in (Directory.parse(broken), Directory.parse(broken, read_cards=True)):
        with pytest.raises(DirectoryError, match="sequence"):
            directory_read.contact_cards()
