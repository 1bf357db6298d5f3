"""``document_template`` in a scheme file: the layout of its exported documents."""

from __future__ import annotations

import pytest

from cabledesk.domain.scheme import SchemeRegistry, parse_scheme
from cabledesk.errors import SchemeError

MINIMAL = """
id = "xx"
name = "Test"
country = "XXX"
precedences = ["ROUTINE"]
categories = []
{extra}
[[levels]]
name = "OPEN"
portion = "O"
tier = 0
classified = false
colour = "#00ff00"
text_colour = "#000000"
"""


def test_the_default_is_the_us_cable() -> None:
    assert parse_scheme(MINIMAL.format(extra="")).document_template == "us-cable"


def test_the_uk_scheme_exports_telegrams(schemes: SchemeRegistry) -> None:
    assert schemes["uk"].document_template == "uk-telegram"
    assert schemes["us"].document_template == "us-cable"


def test_an_unknown_template_names_the_line() -> None:
    text = MINIMAL.format(extra='document_template = "fax"')
    with pytest.raises(SchemeError, match=r"line 7 .*document_template.*us-cable, uk-telegram"):
        parse_scheme(text, source="xx.toml")
