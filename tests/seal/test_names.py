"""Attachment names (stored safe, shown as given) and the suggested file name."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cabledesk.seal import safe_name, suggested_file_name
from cabledesk.seal._names import MAX_NAME_BYTES, visible_name


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("report.pdf", "report.pdf"),
        ("Résumé 2026.pdf", "Résumé 2026.pdf"),
        ("Re\u0301sume\u0301.pdf", "Résumé.pdf"),  # NFD becomes NFC
        ("../../etc/passwd", "___.._etc_passwd"),
        ("..", "attachment"),
        (".bashrc", "_bashrc"),
        ("C:\\Windows\\evil.exe", "C__Windows_evil.exe"),
        ('a<b>c:d"e|f?g*h', "a_b_c_d_e_f_g_h"),
        ("invoice\u202efdp.exe", "invoice_fdp.exe"),  # right-to-left override
        ("zero\u200bwidth.txt", "zero_width.txt"),
        ("tab\there.txt", "tab_here.txt"),
        ("line\nbreak", "line_break"),
        ("  spaced.txt  ", "spaced.txt"),
        ("trailing.dots...", "trailing.dots"),
        ("CON", "_CON"),
        ("lpt1.txt", "_lpt1.txt"),
        ("console.txt", "console.txt"),
        ("", "attachment"),
        ("...", "attachment"),
        ("\u202e", "_"),
    ],
)
def test_safe_name(name: str, safe: str) -> None:
    assert safe_name(name) == safe
    assert safe_name(safe) == safe


def test_long_names_keep_their_extension() -> None:
    name = "é" * 300 + ".pdf"
    safe = safe_name(name)
    assert safe.endswith(".pdf") and len(safe.encode()) <= MAX_NAME_BYTES
    assert safe_name("x" * 500) == "x" * MAX_NAME_BYTES
    assert safe_name("x" * 300 + "." + "y" * 40).startswith("x")  # a long "extension" is cut too


def test_undecodable_file_system_names_become_text() -> None:
    raw = b"caf\xe9.txt".decode("utf-8", "surrogateescape")
    assert visible_name(raw) == "caf\ufffd.txt"
    assert safe_name(raw) == "caf\ufffd.txt"


@given(st.text(max_size=300))
def test_safe_name_is_idempotent_and_safe(name: str) -> None:
    safe = safe_name(name)
    assert safe_name(safe) == safe
    assert safe and len(safe.encode("utf-8")) <= MAX_NAME_BYTES
    assert "/" not in safe and "\\" not in safe and not safe.startswith(".")
    assert safe not in (".", "..") and not any(ord(c) < 0x20 for c in safe)


@pytest.mark.parametrize(
    ("originator", "serial", "banner", "expected"),
    [
        ("AMEMBASSY PARIS", "42", "SECRET//NOFORN", "2026-11-23_PARIS_0042_SECRET-NOFORN.cable"),
        ("SECSTATE WASHDC", "123456", "CONFIDENTIAL", "2026-11-23_STATE_123456_CONFIDENTIAL.cable"),
        ("USMISSION USUN NEW YORK", None, "UNCLASSIFIED//FOUO",
         "2026-11-23_USUN-NEW-YORK_UNCLASSIFIED-FOUO.cable"),
        ("AMEMBASSY PARIS", "0042", "CONFIDENTIAL//REL TO USA, GBR",
         "2026-11-23_PARIS_0042_CONFIDENTIAL-REL-TO-USA-GBR.cable"),
        ("Ambassade de France à Berlin", "7/a", "TRÈS SECRET",
         "2026-11-23_AMBASSADE-DE-FRANCE-A-BERLIN_7-A_TRES-SECRET.cable"),
        ("", "", "", "2026-11-23_CABLE.cable"),
    ],
)  # fmt: skip
def test_suggested_file_name(
    originator: str, serial: str | None, banner: str, expected: str
) -> None:
    when = datetime(2026, 11, 23, 14, 5, tzinfo=UTC)
    assert suggested_file_name(when=when, originator=originator, serial=serial, banner=banner) == (
        expected
    )


def test_suggested_file_name_uses_the_utc_date() -> None:
    evening = datetime(2026, 11, 23, 22, 0, tzinfo=timezone(timedelta(hours=-5)))
    name = suggested_file_name(when=evening, originator="AMEMBASSY PARIS", serial="1", banner="S")
    assert name.startswith("2026-11-24_")
    with pytest.raises(ValueError, match="timezone"):
        suggested_file_name(when=datetime(2026, 1, 1), originator="X", serial="1", banner="S")


@given(st.text(max_size=200), st.text(max_size=50), st.text(max_size=200))
def test_suggested_file_name_is_always_file_safe(originator: str, serial: str, banner: str) -> None:
    name = suggested_file_name(
        when=datetime(2026, 1, 2, tzinfo=UTC), originator=originator, serial=serial, banner=banner
    )
    assert name.endswith(".cable") and len(name) <= 186
    assert all(c.isascii() and (c.isalnum() or c in "-_.") for c in name)
