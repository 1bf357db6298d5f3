"""A card's name and post are shown to the user as the person's identity: a card
whose name or post holds a control or invisible character is refused, in both
formats (issue 15, point 4: "escape sequences draw a fake VALID", bidi overrides
and zero-width characters that make one name look like another)."""

from __future__ import annotations

import json

import pytest

from cabledesk.crypto.contact import ContactCard
from cabledesk.crypto.keys import Identity
from cabledesk.crypto.signedtext import canonical_json
from cabledesk.crypto.sshsig import CONTACT_NAMESPACE, sign
from cabledesk.errors import ContactError

# (text, what it does on a screen): each row from the rule "C0/C1 controls, ESC, DEL,
# bidi overrides U+202A–202E and isolates U+2066–2069, zero-width U+200B–200F, U+FEFF,
# line and paragraph separators".
HOSTILE = [
    ("\x1b[2J\x1b[32mVALID Alice Adams", "escape sequences draw a fake VALID"),
    ("Alice\rVALID", "a carriage return overwrites the line"),
    ("Alice\nVALID: verified contact", "a line break forges a second line"),
    ("Alice\x7f", "DEL"),
    ("Alice\x9b31m", "a C1 control (one-byte CSI)"),
    ("Alice \u202eSMADA", "a bidi override reverses the rest"),
    ("Alice \u2066Adams\u2069", "a bidi isolate"),
    ("Ali\u200bce Adams", "a zero-width space makes two names look alike"),
    ("Ali\u200dce Adams", "a zero-width joiner"),
    ("\ufeffAlice Adams", "a byte-order mark"),
    ("Alice\u2028Adams", "a line separator"),
]
IDS = [why for _, why in HOSTILE]


def _card(name: str, post: str, *, v1: bool = False) -> bytes:
    """A self-signed card (CableDesk refuses to write such a name: made by hand)."""
    person = Identity.generate("Alice Adams", "AMEMBASSY PARIS")
    doc = json.loads(ContactCard.for_identity(person).body())
    doc |= {"name": name, "post": post}
    if v1:
        for field in ("sequence", "accesses", "pq_recipient"):
            del doc[field]
        doc["format"] = "cabledesk.contact/1"
    body = canonical_json(doc)
    return body + b"\n" + sign(person.signing_key, CONTACT_NAMESPACE, body).encode()


def _v1_card(name: str, post: str) -> bytes:
    return _card(name, post, v1=True)


@pytest.mark.parametrize(("text", "why"), HOSTILE, ids=IDS)
def test_a_v2_card_with_a_hostile_name_or_post_is_refused(text: str, why: str) -> None:
    for name, post in ((text, "AMEMBASSY PARIS"), ("Alice Adams", text)):
        with pytest.raises(ContactError, match="invisible or control character"):
            ContactCard.parse(_card(name, post), now=None)


@pytest.mark.parametrize(("text", "why"), HOSTILE, ids=IDS)
def test_a_v1_card_with_a_hostile_name_or_post_is_refused(text: str, why: str) -> None:
    for name, post in ((text, "AMEMBASSY PARIS"), ("Alice Adams", text)):
        with pytest.raises(ContactError, match="invisible or control character"):
            ContactCard.parse(_v1_card(name, post), now=None)


def test_html_in_a_name_is_text_not_a_control() -> None:
    # Markup is printable: the card keeps it, and every face shows it as text.
    name = "<b>Alice</b> <a href='x'>Adams</a>"
    card = ContactCard.parse(_v1_card(name, "AMEMBASSY PARIS"), now=None)
    assert card.name == name
    assert ContactCard.parse(_card(name, "AMEMBASSY PARIS"), now=None).name == name


def test_a_v1_card_with_a_plain_name_still_parses() -> None:
    assert ContactCard.parse(_v1_card("Zoë Ωmega-李", ""), now=None).name == "Zoë Ωmega-李"
