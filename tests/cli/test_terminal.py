"""Text from a file is printed with its controls and invisible characters made visible."""

from __future__ import annotations

import json
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cabledesk.cli._terminal import visible


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Jane Doe", "Jane Doe"),
        ("Zoë Ωmega 李 ✈ AMBAFRANCE\u00a0BERLIN", "Zoë Ωmega 李 ✈ AMBAFRANCE\u00a0BERLIN"),
        ("\x1b[2Jcleared", "\\u001b[2Jcleared"),  # clear the screen
        ("\x1b]0;title\x07", "\\u001b]0;title\\u0007"),  # retitle the terminal, bell
        ("ok\rFORGED", "ok\\u000dFORGED"),  # back to the start of the line
        ("\x9b31m", "\\u009b31m"),  # the one-byte CSI of the C1 range
        ("txt.\u202eexe", "txt.\\u202eexe"),  # a bidi override
        ("a\u2066b\u2069", "a\\u2066b\\u2069"),  # bidi isolates
        ("a\u200bb\ufeff", "a\\u200bb\\ufeff"),  # zero-width characters
        ("a\u2028b\u2029", "a\\u2028b\\u2029"),  # line and paragraph separators
        ("two\nlines", "two\\u000alines"),
        ("tag \U000e0041", "tag \\udb40\\udc41"),  # a format character beyond U+FFFF
        ("lone \ud800", "lone \\ud800"),
    ],
)
def test_hidden_characters_are_shown(text: str, shown: str) -> None:
    assert visible(text) == shown


def test_line_breaks_can_be_kept() -> None:
    assert visible("1. first\n2. \x1b[31msecond", keep_newlines=True) == (
        "1. first\n2. \\u001b[31msecond"
    )


@given(st.text())
def test_nothing_hidden_is_left_and_json_stays_json(text: str) -> None:
    shown = visible(text)
    assert all(unicodedata.category(c) not in ("Cc", "Cf", "Cs", "Zl", "Zp") for c in shown)
    as_json = json.dumps({"name": text}, ensure_ascii=False, indent=2)
    assert json.loads(visible(as_json, keep_newlines=True)) == {"name": text}
