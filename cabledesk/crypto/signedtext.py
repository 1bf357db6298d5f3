"""Signed JSON text: the one layout of contact cards, anchors, directories and statements.

A *signed JSON text* is UTF-8 bytes: line 1 is one JSON object in canonical
form (keys sorted, no white space, see :func:`canonical_json`), then one LF,
then the armored SSHSIG signature over the exact bytes of line 1 (without its
LF) in the format's namespace, exactly as ``ssh-keygen -Y sign`` writes it.
So anyone can check one with standard tools::

    head -n 1 FILE | tr -d '\\n' > doc.json
    tail -n +2 FILE > doc.sig
    ssh-keygen -Y verify -f allowed_signers -I signer -n NAMESPACE -s doc.sig < doc.json

A format is described once by a :class:`SignedTextFormat` (its family, the
version it reads, the error class it raises, its namespace and size cap)::

    STATEMENT = SignedTextFormat(
        family="cabledesk.statement", version=1, what="clearance statement",
        error=ClearanceError, namespace=CLEARANCE_NAMESPACE, max_bytes=64 * 1024,
    )
    text = STATEMENT.read(data)          # SignedText: body, root (a Reader), signature
    text.root.only_fields(...)           # then read the fields with the Reader and the
    role = text.root.field("role").text()   # helpers below (plain_text, read_time, ...)
    text.verify(signer_public_key)       # the signature, by that key, in the namespace
    data = STATEMENT.sign(doc, private_key)   # writing: canonical JSON + LF + signature

:meth:`SignedTextFormat.read` checks, in this order, and raises the format's
error class with a message that names the problem: the size cap; UTF-8 JSON
object on line 1; the ``format`` field (``family/N``: a higher N than the
format's version is "made by a newer version of CableDesk", raised as the
format's ``newer`` error if it has one; another family or version is "not
a …"); line 1 in canonical form; a signature present after it, itself in the
canonical armor. It does not check the signature: the signer's key comes from
the document (a card, an anchor, a statement) or from the caller (a
directory's anchor), so :meth:`SignedText.verify` does, raising the same
error class for a wrong namespace, another signer or changed bytes.

Field rules shared by the formats, on :class:`~cabledesk.jsonread.Reader`
fields (each raises the reader's error class naming the field):
:func:`plain_text` (no character of Unicode category Cc, Cf, Zl or Zp, no
leading or trailing white space, at most 200 characters, or 2,000 for
comments and reasons), :func:`read_time` / :func:`read_optional_time`
(UTC ``YYYY-MM-DDTHH:MM:SSZ``, written by :func:`format_time`),
:func:`identifier` (a text matching a pattern), :func:`sorted_identifiers`
(a sorted list without duplicates), :func:`key_field` (a key written as text).

Lower-level pieces, for a format with an older, laxer version (contact cards
``/1``): :func:`split`, :func:`decode`, :func:`read_version`,
:func:`require_canonical`, :func:`read_signature`, :func:`check_signature`.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from re import Pattern
from typing import Any, TypeVar

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from cabledesk.canonical_json import canonical_json
from cabledesk.crypto.sshsig import Signature, VerifiedSignature, parse_signature, sign, verify
from cabledesk.errors import CableDeskError, KeyFormatError, SignatureFormatError, SignatureInvalid
from cabledesk.jsonread import Reader, invalid_json

__all__ = [
    "LONG_TEXT_CHARS",
    "PLAIN_TEXT_CHARS",
    "SignedText",
    "SignedTextFormat",
    "canonical_json",
    "check_signature",
    "decode",
    "field_error",
    "format_time",
    "hidden_character_problem",
    "identifier",
    "key_field",
    "newer_version",
    "plain_text",
    "plain_text_problem",
    "read_optional_time",
    "read_signature",
    "read_time",
    "read_version",
    "require_canonical",
    "sorted_identifiers",
    "split",
]

PLAIN_TEXT_CHARS = 200  # names, posts, roles, clearances
LONG_TEXT_CHARS = 2000  # comments and reasons
TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
_TIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")
_FORMAT_ID = re.compile(r"(cabledesk\.[a-z][a-z0-9-]{0,31})/([1-9][0-9]{0,8})")
# Invisible or layout-changing characters: controls, format characters (bidi
# overrides and isolates, zero-width characters), line and paragraph separators.
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp"})
_UPDATE_HINT = "Update CableDesk to the latest version to read it."
K = TypeVar("K")


# --- the layout --------------------------------------------------------------


def split(
    data: bytes, *, what: str, error: type[CableDeskError], max_bytes: int
) -> tuple[bytes, bytes]:
    """Line 1 (without its LF) and what follows it; raises ``error`` beyond ``max_bytes``."""
    if not isinstance(data, bytes | bytearray):
        raise TypeError(f"a {what} is read from bytes, not {type(data).__name__}")
    if len(data) > max_bytes:
        raise error(
            f"This file is too large to be {_a(what)} (more than {_size(max_bytes)}).",
            hint=f"It may be damaged or not {_a(what)} at all.",
        )
    body, _, rest = bytes(data).partition(b"\n")
    return body, rest


def decode(body: bytes, *, what: str, error: type[CableDeskError]) -> Reader:
    """Line 1 decoded as a JSON object, as a Reader at its root; raises ``error``.

    Fast (no duplicate-field hook): the canonical check that every strict
    format runs next refuses a field named twice; see :func:`require_canonical`.
    """
    # the messages of Reader.from_json, which reads the other JSON formats
    try:
        value = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        raise error(f"This {what} file is not UTF-8 text.") from None
    except (ValueError, RecursionError) as exc:  # JSONDecodeError, or 4,300 digits
        raise invalid_json(exc, what=what, error=error) from None
    if not isinstance(value, dict):
        raise error(f"This {what} file does not hold {_a(what)} (a JSON object).")
    return Reader(value, "", what, error)


def newer_version(what: str, format_id: str) -> tuple[str, str]:
    """The message and hint for ``what`` of ``format_id``, a later version than this
    CableDesk reads: "made by a newer version of CableDesk", never "damaged"."""
    return f"This {what} was made by a newer version of CableDesk ({format_id}).", _UPDATE_HINT


def read_version(
    root: Reader,
    family: str,
    newest: int,
    *,
    newer: Callable[[str], CableDeskError] | None = None,
) -> int:
    """The N of the root's ``format`` field ``family/N`` (1 ≤ N ≤ ``newest``).

    Raises the reader's error: "made by a newer version of CableDesk" (see
    :func:`newer_version`) for a higher N of the same family — or
    ``newer(format_id)``, if given, for a format with an error class of its
    own for that case — and "not a …" for anything else.
    """
    what, error = root.what, root.error
    if not root.has("format") or not isinstance(root.value["format"], str):
        raise error(f"This file is not {_a(what)}: it has no format field.")
    format_id: str = root.value["format"]
    match = _FORMAT_ID.fullmatch(format_id)
    if match is None or match.group(1) != family:
        shown = format_id if len(format_id) <= 40 else format_id[:40] + "…"
        raise error(f"This file is not {_a(what)} (its format is {shown!r}).")
    version = int(match.group(2))
    if version > newest:
        if newer is not None:
            raise newer(format_id)
        message, hint = newer_version(what, format_id)
        raise error(message, hint=hint)
    return version


def require_canonical(body: bytes, root: Reader) -> None:
    """Raise the reader's error unless ``body`` is the canonical JSON of what it decoded to."""
    try:
        same = canonical_json(root.value) == body
    except UnicodeEncodeError:  # a lone surrogate from a \\ud800 escape
        same = False
    if same:
        return
    detail = "it is not in canonical form"
    try:
        Reader.from_json(body, what=root.what, error=root.error)  # names a duplicate field
    except CableDeskError as exc:
        detail = exc.message
    raise root.error(
        f"This {root.what} is not in the exact form CableDesk writes: {detail}",
        hint="It was changed after it was written, or written by another program.",
    )


def read_signature(rest: bytes, *, what: str, error: type[CableDeskError]) -> Signature:
    """The signature after line 1: present, and in the armor ``ssh-keygen`` writes
    (70 columns, LF, a final LF). Parsed, not checked; raises ``error``."""
    if not rest:
        raise error(
            f"This {what} has no signature.",
            hint=f"Ask for the complete {what} file again; {_a(what)} is always signed.",
        )
    try:
        signature = parse_signature(rest)
    except SignatureFormatError as exc:
        raise error(f"This {what}'s signature is damaged: {exc.message}") from None
    if signature.armored().encode("ascii") != rest:
        raise error(
            f"This {what}'s signature is not in the exact form CableDesk writes.",
            hint="It was changed after it was written.",
        )
    return signature


def check_signature(
    body: bytes,
    signature: Signature,
    key: Ed25519PublicKey | bytes,
    *,
    namespace: str,
    what: str,
    error: type[CableDeskError],
) -> VerifiedSignature:
    """Check ``signature`` over ``body`` by ``key`` (raw 32 bytes or a key) in ``namespace``.

    Raises ``error`` naming what failed: another namespace (a signature made
    for another purpose), another signer, or changed bytes.
    """
    public = key if isinstance(key, Ed25519PublicKey) else Ed25519PublicKey.from_public_bytes(key)
    try:
        return verify(signature, body, public, namespace)
    except SignatureInvalid as exc:
        raise error(
            f"This {what}'s signature is not valid. {exc.message}",
            hint=f"Do not use this {what}; ask for it again through a channel you trust.",
        ) from None


# --- formats -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SignedTextFormat:
    """One signed-JSON-text format: ``family/version``, read and written strictly.

    ``what`` names a document of the format in messages ("contact card");
    ``error`` is the CableDeskError class every problem raises; ``newer``, if
    given, makes the error for a later version's format id instead (a subclass
    of ``error`` that a caller can tell apart, with :func:`newer_version`'s words).
    """

    family: str
    version: int
    what: str
    error: type[CableDeskError]
    namespace: str
    max_bytes: int
    newer: Callable[[str], CableDeskError] | None = None

    @property
    def format_id(self) -> str:
        return f"{self.family}/{self.version}"

    def read(self, data: bytes, decoded: Callable[[Reader], None] | None = None) -> SignedText:
        """Check everything but the signature itself (see the module docstring);
        ``decoded``, if given, is called with line 1 as soon as it is decoded as JSON
        of this format, before the canonical check (to start work on its values)."""
        body, rest = split(data, what=self.what, error=self.error, max_bytes=self.max_bytes)
        root = decode(body, what=self.what, error=self.error)
        version = read_version(root, self.family, self.version, newer=self.newer)
        if version != self.version:
            raise self.error(f"This {self.what} is of a format this CableDesk does not read.")
        if decoded is not None:
            decoded(root)
        require_canonical(body, root)
        signature = read_signature(rest, what=self.what, error=self.error)
        return SignedText(self, body, root, signature)

    def sign(self, doc: Mapping[str, Any], key: Ed25519PrivateKey) -> bytes:
        """The signed JSON text of ``doc`` (whose ``format`` must be this format's id)."""
        if doc.get("format") != self.format_id:
            raise ValueError(f"a {self.what} document has the format {self.format_id}")
        body = canonical_json(doc)
        return body + b"\n" + sign(key, self.namespace, body).encode("ascii")


@dataclass(frozen=True, slots=True)
class SignedText:
    """A signed JSON text that :meth:`SignedTextFormat.read` accepted; signature unchecked."""

    format: SignedTextFormat
    body: bytes  # line 1, canonical JSON, without its LF
    root: Reader
    signature: Signature

    def verify(self, key: Ed25519PublicKey | bytes) -> VerifiedSignature:
        """Check the signature over line 1 by ``key`` in the format's namespace.

        Raises the format's error naming what failed: another namespace (a
        signature made for another purpose), another signer, or changed bytes.
        """
        fmt = self.format
        return check_signature(
            self.body, self.signature, key, namespace=fmt.namespace, what=fmt.what, error=fmt.error
        )

    def to_bytes(self) -> bytes:
        return self.body + b"\n" + self.signature.armored().encode("ascii")


# --- field rules -------------------------------------------------------------


def field_error(r: Reader, problem: str) -> CableDeskError:
    """The reader's error saying that its field ``problem`` ("must be sorted")."""
    return r.error(f"In this {r.what}, the field {r.path or 'at the top'} {problem}.")


def plain_text_problem(text: str, *, max_chars: int = PLAIN_TEXT_CHARS) -> str | None:
    """What breaks the plain-text rule in ``text`` (as a predicate phrase), or None."""
    if len(text) > max_chars:
        return f"is longer than {max_chars:,} characters"
    if text != text.strip():
        return "begins or ends with white space"
    return hidden_character_problem(text)


def hidden_character_problem(text: str) -> str | None:
    """ "holds an invisible or control character (U+XXXX)" for the first control,
    format (bidi override or isolate, zero-width), line or paragraph separator
    character in ``text``; None if it has none."""
    if not text.isprintable():  # a fast path: most text is printable
        for char in text:
            if unicodedata.category(char) in _HIDDEN_CATEGORIES:
                return f"holds an invisible or control character (U+{ord(char):04X})"
    return None


def plain_text(r: Reader, *, allow_empty: bool = False, max_chars: int = PLAIN_TEXT_CHARS) -> str:
    """A text field under the plain-text rule; empty only if ``allow_empty``."""
    text = r.text(allow_empty=True)
    if not text and not allow_empty:
        raise field_error(r, "must not be empty")
    problem = plain_text_problem(text, max_chars=max_chars)
    if problem is not None:
        raise field_error(r, problem)
    return text


def key_field(r: Reader, read: Callable[[str], K]) -> K:
    """A key written as text, read by ``read`` (which raises KeyFormatError for a bad key)."""
    if not isinstance(r.value, str):
        raise field_error(r, "must be text")
    try:
        return read(r.value)
    except KeyFormatError as exc:
        raise field_error(r, f"is not a valid key: {exc.message}") from None


def identifier(r: Reader, pattern: Pattern[str], what: str) -> str:
    """A text field that matches ``pattern`` entirely (``what`` describes it)."""
    text = r.value
    if not isinstance(text, str) or pattern.fullmatch(text) is None:
        raise field_error(r, f"must be {what}")
    return text


def sorted_identifiers(r: Reader, pattern: Pattern[str], what: str) -> tuple[str, ...]:
    """A list of texts matching ``pattern``, sorted, without duplicates."""
    values = tuple(identifier(item, pattern, what) for item in r.items())
    if list(values) != sorted(set(values)):
        raise field_error(r, "must be sorted, without duplicates")
    return values


def format_time(moment: datetime) -> str:
    """``moment`` as UTC ``YYYY-MM-DDTHH:MM:SSZ`` (seconds kept, fractions dropped)."""
    if moment.tzinfo is None:
        raise ValueError("a time to write must be timezone-aware")
    return moment.astimezone(UTC).strftime(TIME_FORMAT)


def read_time(r: Reader) -> datetime:
    """A UTC time ``YYYY-MM-DDTHH:MM:SSZ`` (aware datetime)."""
    text = r.value
    if isinstance(text, str) and _TIME.fullmatch(text):
        try:
            return datetime.fromisoformat(text[:-1]).replace(tzinfo=UTC)
        except ValueError:
            pass  # 2026-02-30
    raise field_error(r, "must be a UTC time such as 2026-12-01T09:00:00Z")


def read_optional_time(r: Reader) -> datetime | None:
    return None if r.is_null() else read_time(r)


def _a(what: str) -> str:
    return f"an {what}" if what[:1] in "aeiou" else f"a {what}"


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n // (1024 * 1024)} MiB"
    return f"{n // 1024} KiB"
