"""Opening a sealed cable: decrypt, read the ZIP safely, check everything, then extract.

:func:`open_sealed` streams the file once: age decryption feeds the ZIP reader,
which hands the entries to the package's layout checks; small parts stay in
memory, files are hashed (and, when extracting, written under temporary names
in the target folder). Then the checks of :mod:`._checks` run in order, and
only if the verdict is not a failure are the extracted files published.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from contextlib import ExitStack
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO, cast

from cabledesk.crypto.age import Identity, Stanza, decrypt
from cabledesk.crypto.age.hybrid import STANZA_TYPE as POST_QUANTUM_STANZA
from cabledesk.domain.scheme import ClassificationScheme, SchemeRegistry
from cabledesk.domain.trust import KnownAs, Trust
from cabledesk.errors import InputError, NoIdentityMatch
from cabledesk.seal._checks import Opener, check_package
from cabledesk.seal._hashing import HashWorker
from cabledesk.seal._judge import DO_NOT_TRUST, DocumentRenderer
from cabledesk.seal._limits import DEFAULT_LIMITS, Limits
from cabledesk.seal._manifest import NewerFormat
from cabledesk.seal._package import PackageSink
from cabledesk.seal._staging import Staging
from cabledesk.seal._verification import Verdict, Verification
from cabledesk.seal._zipread import UnsafeArchive, ZipReader

__all__ = ["open_sealed"]

_KINDS = {"X25519": "age key", "scrypt": "passphrase"}


class _Probe:
    """An age identity that opens nothing but notes the header's stanzas."""

    def __init__(self) -> None:
        self.types: Counter[str] = Counter()
        self.count: int | None = None

    def unwrap(self, stanzas: Sequence[Stanza]) -> bytes | None:
        self.types = Counter(s.type for s in stanzas)
        self.count = len(stanzas)
        return None


class _Tracked:
    """One of the opener's identities, noting whether it was the one that decrypted."""

    def __init__(self, identity: Identity) -> None:
        self.identity = identity
        self.opened = False

    def unwrap(self, stanzas: Sequence[Stanza]) -> bytes | None:
        key = self.identity.unwrap(stanzas)
        self.opened = key is not None
        return key

    def recipient(self) -> str | None:
        make = getattr(self.identity, "recipient", None)
        return str(make()) if callable(make) else None


def _stranger(fingerprint: str) -> KnownAs | None:
    return None


def open_sealed(
    src: BinaryIO | Path,
    identities: Sequence[Identity],
    *,
    trust_of: Callable[[str], Trust | None],
    me: Collection[str],
    extract_to: Path | None = None,
    schemes: Mapping[str, ClassificationScheme] | None = None,
    limits: Limits = DEFAULT_LIMITS,
    now: datetime | None = None,
    progress: Callable[[int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    accept_forwarded: bool = False,
    expiry_of: Callable[[str], datetime | None] | None = None,
    renderer: DocumentRenderer | None = None,
    known_as: Callable[[str], KnownAs | None] | None = None,
) -> Verification:
    """Open and verify the sealed cable ``src`` (a binary stream or a path).

    ``identities`` are the opener's age keys, ``me`` the fingerprints of the
    opener's identities, ``trust_of`` the trust in a signer's fingerprint (None
    for a stranger). With ``extract_to`` (an existing folder), the document and
    the attachments are written there — only if the verdict is not a failure,
    never replacing a file. ``schemes`` are the classification schemes by id
    that check the cable's marking (default: the shipped ones). ``progress``
    receives the count of package bytes decrypted so far. ``accept_forwarded``
    reads (and extracts) a cable not sealed for the opener, with a warning
    instead of a failure; ``expiry_of`` gives the expiry the opener recorded for
    a contact's key (by fingerprint); ``renderer`` renders the cable again to
    check the package's ``cable.docx`` (without one, or of another version, the
    document is "not checked"). ``known_as`` gives how the opener's own contact
    record names a signer's fingerprint: the verdict names the signer so, and the
    name the package claims is only a warning when it differs (default: no
    records, the claimed name is shown as a claim).

    Returns the :class:`Verification` (see docs/FORMAT.md for what is a verdict).
    Raises, for input that is not a readable sealed cable: HeaderError or
    ArmorError (not an age file), HeaderMacError or PayloadError (damaged or cut
    short), PackageError (decrypts, but is not a sealed cable or its archive is
    damaged); InputError (cannot read ``src`` or write in ``extract_to``);
    Cancelled. Nothing is left in ``extract_to`` when it raises or fails.
    """
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    probe = _Probe()
    tracked = [_Tracked(i) for i in identities]
    hasher = HashWorker()
    staging = Staging(extract_to) if extract_to is not None else None
    sink = PackageSink(limits, hasher, staging)
    reader = ZipReader(sink, limits)
    try:
        with ExitStack() as stack:
            stream = src
            if isinstance(src, Path):
                try:
                    stream = stack.enter_context(src.open("rb"))
                except OSError as exc:
                    raise InputError(f"Cannot read {src}: {exc.strerror}.") from exc
            try:
                decrypt(
                    cast(BinaryIO, stream), cast(BinaryIO, reader), [probe, *tracked],
                    progress=progress, cancel=cancel,
                )  # fmt: skip
            except NoIdentityMatch:
                return _not_decryptable(probe)
            except UnsafeArchive as exc:
                return Verification(Verdict.UNSAFE_ARCHIVE, exc.message, exc.hint)
            except NewerFormat as exc:
                return Verification(Verdict.NEWER_FORMAT, exc.message, exc.hint)
            except OSError as exc:
                raise InputError(f"Cannot read the sealed cable: {exc.strerror or exc}.") from exc
        reader.close()
        if sink.unsigned:
            return Verification(
                Verdict.UNSIGNED,
                "This sealed cable carries no signature: its manifest or its signature "
                "(manifest.sig) was removed, so nothing says who sent it or that it is intact.",
                DO_NOT_TRUST,
            )
        sink.finish()
        opened_with = next((t.recipient() for t in tracked if t.opened), None)
        known = SchemeRegistry.load() if schemes is None else schemes
        opener = Opener(
            me, trust_of, opened_with, probe.count, moment, known,
            accept_forwarded=accept_forwarded, expiry_of=expiry_of, renderer=renderer,
            known_as=known_as or _stranger,
        )  # fmt: skip
        result = replace(
            check_package(sink, opener),
            post_quantum=bool(probe.count) and set(probe.types) == {POST_QUANTUM_STANZA},
        )
        # A cable not sealed for the opener is extracted only if they accept it as
        # forwarded (a /1 package, where it is a warning, included).
        wanted = result.addressed_to_you is not False or accept_forwarded
        if result.ok and wanted and staging is not None:
            result = replace(result, extracted=staging.commit())
        return result
    finally:
        hasher.close()
        if staging is not None:
            staging.discard()


def _not_decryptable(probe: _Probe) -> Verification:
    kinds = tuple(sorted(probe.types))
    described = ", ".join(
        f"{n} {_KINDS.get(kind, kind)}{'s' if n > 1 else ''}"
        for kind, n in sorted(probe.types.items())
    )
    return Verification(
        Verdict.NOT_DECRYPTABLE,
        "None of your keys can open this cable: it was sealed for other recipients"
        + (f" ({described})." if described else "."),
        "Check that you chose the right identity, or ask the sender to seal it for you.",
        recipient_kinds=kinds,
    )
