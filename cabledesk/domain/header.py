"""Reading header fields as people type them: addressees with their
precedence, classification reasons, date-time groups and dates."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from cabledesk.domain.cable import PRECEDENCES, Addressee
from cabledesk.errors import FieldError

__all__ = ["parse_addressee", "parse_date", "parse_dtg", "parse_reasons"]

_MONTHS = {m: i for i, m in enumerate(
    ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), 1
)}  # fmt: skip
_DTG = re.compile(r"^(\d{2})(\d{2})(\d{2})Z\s+([A-Z]{3})\s+(\d{2}|\d{4})$")
_REASON_ITEM = re.compile(r"^(?:1\.4\s*)?\(?\s*([a-h])\s*\)?$")
_ISO_DATE = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})$")


def parse_addressee(text: str) -> Addressee:
    """``"AMEMBASSY PARIS IMMEDIATE"`` → Addressee("AMEMBASSY PARIS", "IMMEDIATE").

    A trailing precedence, written as on a cable, is split off; the rest is the name.
    """
    words = " ".join(text.split())
    upper = words.upper()
    for precedence in sorted(PRECEDENCES, key=len, reverse=True):
        if upper.endswith(" " + precedence):
            name = words[: -len(precedence) - 1].strip()
            if name:
                return Addressee(name=name, precedence=precedence)
    if not words:
        raise FieldError("An addressee is empty.", hint="Write a post, e.g. AMEMBASSY PARIS.")
    return Addressee(name=words)


def parse_reasons(text: str) -> tuple[str, ...]:
    """``"1.4(b),(d)"`` or ``"1.4 (b) and (d)"`` → ``("1.4(b)", "1.4(d)")``."""
    items = [i.strip() for i in re.split(r",|\band\b", text.lower()) if i.strip()]
    reasons: list[str] = []
    for item in items:
        m = _REASON_ITEM.match(item)
        if m is None:
            raise FieldError(
                f"{item!r} is not a classification reason.",
                hint="Write reasons as E.O. 13526 section 1.4 letters, e.g. 1.4(b),(d).",
            )
        reason = f"1.4({m.group(1)})"
        if reason not in reasons:
            reasons.append(reason)
    if not reasons:
        raise FieldError("No classification reason given.", hint="For example: 1.4(b),(d).")
    return tuple(reasons)


def parse_dtg(text: str) -> datetime:
    """A date-time group (``151230Z MAR 24``) or an ISO time with ``Z`` → a UTC datetime."""
    t = " ".join(text.upper().split())
    m = _DTG.match(t)
    try:
        if m is not None and m.group(4) in _MONTHS:
            year = int(m.group(5))
            year = year + 2000 if year < 100 else year
            return datetime(
                year, _MONTHS[m.group(4)], int(m.group(1)), int(m.group(2)), int(m.group(3)),
                tzinfo=UTC,
            )  # fmt: skip
        if t.endswith("Z"):
            return datetime.fromisoformat(t[:-1]).replace(tzinfo=UTC)
    except ValueError:
        pass
    raise FieldError(
        f"{text!r} is not a date-time group.",
        hint="Write it in Zulu time, e.g. 151230Z MAR 24 or 2024-03-15T12:30Z.",
    )


def parse_date(text: str) -> date | None:
    """``2049-03-15`` or ``20490315`` → a date; None if the text is not a date form.

    Raises FieldError for a date form with impossible numbers (``2049-02-30``).
    """
    m = _ISO_DATE.match(text.strip())
    if m is None:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        raise FieldError(f"{text!r} is not a valid date.", hint="Write it as YYYY-MM-DD.") from None
