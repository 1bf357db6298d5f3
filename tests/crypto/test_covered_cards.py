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

from cabledesk.crypto import _directory_lists as lists_module
from cabledesk.crypto import directory as directory_module
from cabledesk.crypto.age import X25519Identity, X25519Recipient
from cabledesk.crypto.card_facts import CardFacts, read_facts
from cabledesk.crypto.contact import ContactCard, read_covered_quickly
from cabledesk.crypto.directory import Directory
from cabledesk.crypto.keys import Identity
from cabledesk.crypto.signedtext import canonical_json
from cabledesk.crypto.sshsig import CONTACT_NAMESPACE, DIRECTORY_NAMESPACE, sign
from cabledesk.errors import ContactError, DirectoryError
from tests.crypto.dirkit import ANCHOR_KEY, directory, entry, person, read_as_importer

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
    except (ContactError, UnicodeEncodeError):  # a lone surrogate: no UTF-8 file holds it
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


def test_cards_read_as_an_importer_reads_them_are_the_cards_read_after() -> None:
    """Directory.parse with a card reading, then card_facts in chunks (what an import
    does): the same cards, and a directory whose card is malformed is read, then
    refused by card_facts, as by contact_cards."""
    v1 = ContactCard.from_public_keys(
        name="Eve Adams", age_recipient=str(person("Eve Adams").encryption_key.recipient()),
        ssh_key=person("Eve Adams").public().ssh_line(),
    )  # fmt: skip
    entries = [entry(person("Ann Lee")), entry(person("Bob Ray")), entry(v1)]
    data = directory(entries).to_bytes()
    plain = Directory.parse(data)
    read, facts = read_as_importer(data)
    assert read == plain
    assert facts == [CardFacts.of(c) for c in plain.contact_cards()]
    assert sorted(c.format_version for c in plain.contact_cards()) == [1, 2, 2]
    (eve,) = (f for f in facts if f.fingerprint == v1.fingerprint)
    assert eve.data == v1.to_bytes() and not eve.self_certified and eve.sequence == 0
    bad = entry(person("Cy Dunn"))
    bad = bad._replace(card=bad.card.replace('"sequence":1', '"sequence":0'))
    broken = directory([*entries, bad]).to_bytes()
    with pytest.raises(DirectoryError, match="sequence"):
        Directory.parse(broken).contact_cards()
    with pytest.raises(DirectoryError, match=r"entries\[\d\].*sequence|sequence"):
        read_as_importer(broken)


def test_a_card_of_another_key_is_refused_when_read_as_an_importer() -> None:
    """The entry's fingerprint and its card's key are compared when card_facts reads
    the card, naming the entry: the facts handed over are not taken on trust."""
    good = directory([entry(person("Ann Lee")), entry(person("Bob Ray"))]).to_bytes()
    doc = json.loads(good.partition(b"\n")[0])
    first, second = doc["entries"]
    first["card"], second["card"] = second["card"], first["card"]
    body = canonical_json(doc)
    data = body + b"\n" + sign(ANCHOR_KEY, DIRECTORY_NAMESPACE, body).encode()
    texts: list[str] = []
    found = Directory.parse(data, cards=texts.extend)  # the binding is card_facts' to check
    assert texts == [first["card"], second["card"]]
    with pytest.raises(DirectoryError, match=r"entries\[1\] is for .* another key"):
        found.card_facts(1, read_facts(texts[1:]))
    with pytest.raises(DirectoryError, match=r"entries\[0\] is for .* another key"):
        read_as_importer(data)
    with pytest.raises(DirectoryError, match="another key"):
        Directory.parse(data)  # read without a card reading: checked at once


def test_the_cards_of_a_directory_too_long_are_not_handed_over(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Past MAX_ENTRIES the list is refused: its cards are not sent to be read first."""
    data = directory([entry(person(name)) for name in ("Ann Lee", "Bob Ray", "Cy Dunn")])
    monkeypatch.setattr(directory_module, "MAX_ENTRIES", 2)
    monkeypatch.setattr(lists_module, "MAX_ENTRIES", 2)
    handed: list[str] = []
    with pytest.raises(DirectoryError, match="more than 2 items"):
        Directory.parse(data.to_bytes(), cards=handed.extend)
    assert handed == []
