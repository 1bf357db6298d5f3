"""Phrases: English by default, each template through the lookup, values never."""

from __future__ import annotations

import copy
import pickle

import pytest

from cabledesk.phrase import Phrase


def test_renders_nested_phrases_and_lists() -> None:
    inner = Phrase.of("the {group} countries", group="FVEY")
    phrase = Phrase.of("only to {first} and {last}", first=["USA", inner], last="GBR")
    assert phrase.render() == "only to USA, the FVEY countries and GBR"


def test_the_lookup_sees_templates_not_values() -> None:
    seen: list[str] = []

    def lookup(template: str) -> str:
        seen.append(template)
        return template.replace("may not", "MAY NOT").replace("here", "HERE")

    phrase = Phrase.of("{who} may not", who=Phrase.of("{name} here", name="ann"))
    assert phrase.render(lookup) == "ann HERE MAY NOT"
    assert seen == ["{who} may not", "{name} here"]


def test_a_phrase_is_a_hashable_value() -> None:
    assert hash(Phrase.of("{a}", a=["x", "y"])) == hash(Phrase.of("{a}", a=("x", "y")))


def test_a_phrase_is_immutable_and_equal_by_value() -> None:
    phrase = Phrase.of("{a} and {b}", a="x", b=Phrase.of("{c}", c="y"))
    assert phrase == Phrase.of("{a} and {b}", a="x", b=Phrase.of("{c}", c="y"))
    assert phrase != Phrase.of("{a} and {b}", a="x", b="y")
    assert phrase != ("{a} and {b}", phrase.values)  # not a tuple
    with pytest.raises(AttributeError):
        phrase.template = "changed"
    with pytest.raises(AttributeError):
        del phrase.values
    assert repr(Phrase.of("{a}", a="x")) == "Phrase(template='{a}', values=(('a', 'x'),))"


def test_a_phrase_survives_copy_and_pickle() -> None:
    phrase = Phrase.of("{who} may not", who=["ann", Phrase.of("{n} others", n="2")])
    assert copy.deepcopy(phrase) == phrase
    assert pickle.loads(pickle.dumps(phrase)) == phrase
