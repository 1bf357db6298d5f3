"""Names inside and outside a sealed cable: attachment file names, the suggested
``.cable`` file name.

An attachment keeps the name the user sees (``visible``) in the signed manifest;
inside the ZIP it is stored as ``attachments/<safe name>``, a name that is safe
to create on Windows, macOS and Linux and cannot be mistaken for another on
screen: :func:`safe_name` is that mapping, and a name is acceptable in a package
only if it is its own safe name.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime

__all__ = ["MAX_NAME_BYTES", "safe_name", "suggested_file_name", "visible_name"]

MAX_NAME_BYTES = 200  # well under the 255 bytes of common file systems
MAX_SUFFIX_CHARS = 16
DEFAULT_NAME = "attachment"
_FORBIDDEN = set('/\\:*?"<>|')
# Categories replaced: controls, format characters (bidirectional overrides such
# as U+202E turn "cod.exe" into "exe.doc" on screen; zero-width characters),
# line and paragraph separators, surrogates. Not unassigned points: a character
# assigned by a newer Unicode would make a newer writer's name unsafe here.
_REPLACED_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Cs"}
_WINDOWS_DEVICES = re.compile(r"^(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])(\..*)?$", re.IGNORECASE)
_POST_PREFIXES = (
    "AMEMBASSY", "AMCONSUL", "AMCONGEN", "AMEMB", "USMISSION", "USDEL", "EMBASSY",
    "CONSULATE", "CONGEN", "USLO", "USINT",
)  # fmt: skip
_NOT_FILE_SAFE = re.compile(r"[^A-Za-z0-9]+")


def visible_name(name: str) -> str:
    """``name`` as text that can be shown and stored (undecodable bytes of a
    file system name become U+FFFD), in Unicode NFC form."""
    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return unicodedata.normalize("NFC", text)


def safe_name(name: str) -> str:
    """The file name under which an attachment called ``name`` is stored and extracted.

    NFC; every control, format, line or paragraph separator character and
    each of ``/ \\ : * ? " < > |`` becomes ``_``; surrounding spaces and trailing
    dots go; leading dots become ``_`` (no hidden files, no ``.`` or ``..``); a
    Windows device name (``CON``, ``LPT1.txt``…) gets a leading ``_``; at most 200
    UTF-8 bytes, keeping the extension; an empty result is ``attachment``.
    ``safe_name(safe_name(x)) == safe_name(x)``.
    """
    text = visible_name(name)
    text = "".join(
        "_" if c in _FORBIDDEN or unicodedata.category(c) in _REPLACED_CATEGORIES else c
        for c in text
    )
    text = text.strip().rstrip(". ")
    stripped = text.lstrip(".")
    text = "_" * (len(text) - len(stripped)) + stripped
    if _WINDOWS_DEVICES.match(text):
        text = "_" + text
    text = _truncate(text)
    return text or DEFAULT_NAME


def _truncate(text: str) -> str:
    if len(text.encode("utf-8")) <= MAX_NAME_BYTES:
        return text
    stem, dot, suffix = text.rpartition(".")
    if not dot or not stem or len(suffix) > MAX_SUFFIX_CHARS:
        stem, suffix = text, ""
    tail = f".{suffix}" if suffix else ""
    budget = MAX_NAME_BYTES - len(tail.encode("utf-8"))
    while len(stem.encode("utf-8")) > budget:
        stem = stem[:-1]
    return (stem.rstrip(". ") or DEFAULT_NAME) + tail


def _file_safe(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NOT_FILE_SAFE.sub("-", ascii_text).strip("-")


def _originator_short(originator: str) -> str:
    words = originator.upper().split()
    if words[:2] == ["SECSTATE", "WASHDC"]:
        return "STATE"
    if len(words) > 1 and words[0] in _POST_PREFIXES:
        words = words[1:]
    return _file_safe(" ".join(words))


def suggested_file_name(*, when: datetime, originator: str, serial: str | None, banner: str) -> str:
    """The name to offer for a sealed cable, e.g. ``2026-11-23_PARIS_0042_SECRET-NOFORN.cable``.

    ``when`` is the cable's date-time group (or the sealing time for a cable
    without one), taken in UTC; ``originator`` the sending post (``AMEMBASSY
    PARIS`` gives ``PARIS``, ``SECSTATE WASHDC`` gives ``STATE``); ``serial`` the
    message number (digits padded to 4); ``banner`` the classification banner,
    which handling rules require on marked media (``SECRET//NOFORN`` gives
    ``SECRET-NOFORN``). Only ASCII letters, digits, ``-`` and ``_`` appear.
    """
    if when.tzinfo is None:
        raise ValueError("the time of a suggested file name must be timezone-aware")
    parts = [when.astimezone(UTC).strftime("%Y-%m-%d")]
    post = _originator_short(originator)
    parts.append(post or "CABLE")
    number = _file_safe(serial or "")
    if number:
        parts.append(number.zfill(4) if number.isdigit() else number.upper())
    marking = _file_safe(banner.upper())
    if marking:
        parts.append(marking)
    return "_".join(parts)[:180] + ".cable"
