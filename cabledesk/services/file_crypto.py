"""Any file encrypted or decrypted in the age format, for transfers that are not cables.

Both faces call :class:`FileCryptoService` (``cabledesk-cli encrypt|decrypt`` and
the desktop's "Encrypt a file…" / "Decrypt a file…"):

- :meth:`FileCryptoService.target` says to whom a file is encrypted: contacts
  and groups of the vault (refused if their keys were revoked) and the user
  (unless ``include_me`` is false), raw age recipients, or a passphrase
  (which follows the strength rule), never a passphrase together with
  recipients;
- :meth:`FileCryptoService.check_release` applies the release policy to a
  file about to be encrypted to contacts (:mod:`._file_release`): a cable by
  its computed banner, a CableDesk document by its label, a backup as the top
  of the user's scheme, any other file (and a sealed cable, whose banner is
  inside its encryption) by the marking the user states;
- :meth:`FileCryptoService.encrypt` checks that policy again when the target
  has contacts (raw ``age1…`` recipients and passphrases get none: the user
  chose the keys), then streams a file (or, without contacts, a stream) to a
  file (or a stream), with progress and cancel, and only once the output is
  complete writes the "file encrypted" entry in the audit log of the vault it
  was given, with the file's name and the marking applied (a file output
  appears atomically; nothing is audited when anything failed, such as a
  refusal, a missing input, a cancel, or a reader of standard output that
  went away);
- :meth:`FileCryptoService.decrypt` opens a file with the vault's own keys
  (and any identities given), then a passphrase: given as text, asked through
  a callback only when the file turns out to need one, or else refused with
  :class:`PassphraseNeeded` (the desktop then asks and starts again).

Without a vault (the command line's vault-less ``-r``/``-i`` use) nothing is
audited and only the given recipients and identities are used.

Post-quantum (:mod:`._post_quantum`, as for sealed cables): a file for contacts
is encrypted to everyone's post-quantum key when each of them (the user
included, and any raw recipient given) has one; otherwise, at or above the
``post-quantum-from`` level of the file's marking it is refused, naming who
lacks a key, and below it encrypted with X25519 for everyone
(:meth:`FileCryptoService.post_quantum_plan` gives the warning to show).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from cabledesk.atomic import atomic_output
from cabledesk.crypto.age import (
    HybridRecipient,
    Identity,
    Recipient,
    ScryptIdentity,
    ScryptRecipient,
    Stanza,
    decrypt,
    encrypt,
    mixes_post_quantum,
)
from cabledesk.crypto.keys import Identity as VaultIdentity
from cabledesk.domain.marking import Marking, parse_marking
from cabledesk.domain.scheme import SchemeRegistry
from cabledesk.errors import CableDeskError, InputError, PolicyRefusal
from cabledesk.services._file_labels import read_label
from cabledesk.services._file_release import ReleaseCheck, check_release
from cabledesk.services._post_quantum import Holder, PostQuantumPlan, plan_post_quantum
from cabledesk.services.contacts import ContactsService
from cabledesk.services.passwords import require_strong
from cabledesk.store.audit import Event
from cabledesk.store.contacts import Contact
from cabledesk.store.vault import Vault

__all__ = [
    "EncryptionTarget",
    "FileCryptoService",
    "PassphraseNeeded",
    "PostQuantumPlan",
    "Progress",
    "ReleaseCheck",
]

ENCRYPTED_MODE = 0o644  # ciphertext, to be sent
DECRYPTED_MODE = 0o600  # plaintext: its owner's alone
_SCRYPT = "scrypt"

# Progress: bytes done, and the input's size when it is a file (None for a stream).
Progress = Callable[[int, int | None], None]
Source = Path | BinaryIO
Output = Path | BinaryIO


class PassphraseNeeded(CableDeskError):
    """The file is passphrase-encrypted and no passphrase was given (nothing was written)."""


@dataclass(frozen=True, slots=True)
class EncryptionTarget:
    """Whom a file is encrypted to, as :meth:`FileCryptoService.target` built it.

    ``names`` are for people (contacts' names, ``age1…`` keys, or empty for a
    passphrase); ``details`` go into the audit entry.
    """

    recipients: tuple[Recipient, ...]
    names: tuple[str, ...]
    details: tuple[tuple[str, str | bool | tuple[str, ...]], ...]
    contacts: tuple[Contact, ...] = ()  # the release policy applies to these
    # with contacts: the same people's post-quantum keys, if every one has one (else
    # None), and who has none
    pq_recipients: tuple[HybridRecipient, ...] | None = None
    lacking_pq: tuple[Holder, ...] = ()

    @property
    def passphrase(self) -> bool:
        return not self.names


class FileCryptoService:
    """See the module docstring; ``vault`` None for the vault-less command line;
    ``schemes`` default to the shipped ones."""

    def __init__(self, vault: Vault | None = None, schemes: SchemeRegistry | None = None) -> None:
        self._vault = vault
        self._schemes = schemes

    # --- to whom ----------------------------------------------------------------------

    def target(
        self,
        *,
        contacts: Sequence[str] = (),
        recipients: Sequence[Recipient] = (),
        passphrase: str | None = None,
        include_me: bool = True,
    ) -> EncryptionTarget:
        """The recipients of an encryption: ``contacts`` (names, fingerprints or group
        names of the vault) and raw age ``recipients``, or else a ``passphrase``.
        Encrypting to contacts adds the user's own key unless ``include_me`` is false.

        Raises InputError (nothing given, or a passphrase with recipients, or
        contacts without a vault), PolicyRefusal (a contact's keys were revoked),
        WeakPassphrase, and what :meth:`ContactsService.resolve` raises for an
        unknown name.
        """
        if passphrase is not None:
            if contacts or recipients:
                raise InputError("A passphrase cannot be combined with recipients (-r, -R, --to).")
            require_strong(passphrase)
            return EncryptionTarget((ScryptRecipient(passphrase),), (), (("passphrase", True),))
        if not contacts and not recipients:
            raise InputError(
                "No recipient given.",
                hint="Use -r age1..., -R FILE, --to CONTACT, or -p for a passphrase.",
            )
        keys: list[Recipient] = list(recipients)
        names = [str(r) for r in recipients]
        details: list[tuple[str, str | bool | tuple[str, ...]]] = []
        if recipients:
            details.append(("recipients", tuple(names)))
        if contacts:
            if self._vault is None:
                raise InputError("Encrypting to contacts needs the vault.")
            resolved = ContactsService(self._vault).resolve(contacts)
            revoked = [c.name for c in resolved if not c.trust.usable]
            if revoked:
                raise PolicyRefusal(
                    f"The keys of {', '.join(revoked)} were revoked: nothing is encrypted to them."
                )
            keys += [c.card.keys.encryption for c in resolved]
            names += [c.name for c in resolved]
            details.append(("to", tuple(f"{c.name} ({c.fingerprint})" for c in resolved)))
            me = self._vault.identities.active()
            if include_me:
                keys.append(me.encryption_key.recipient())
                details.append(("to me", True))
            unique = tuple({str(k): k for k in keys}.values())
            pq, lacking = _post_quantum_keys(recipients, resolved, me if include_me else None)
            return EncryptionTarget(
                unique, tuple(names), tuple(details), tuple(resolved), pq, lacking
            )
        return EncryptionTarget(tuple(keys), tuple(names), tuple(details))

    # --- the release policy ---------------------------------------------------------------

    def check_release(
        self, source: Path, target: EncryptionTarget, *, marking: str | None = None
    ) -> ReleaseCheck:
        """What the release policy says of encrypting the file ``source`` to the
        contacts of ``target``, with the ``marking`` the user states (a level or a
        marking of the user's scheme; None or blank for none).

        Raises InputError (the file cannot be read), MarkingError (the stated
        marking, or a cable's portion marks, cannot be read), CableFormatError (a
        file that says it is a cable but is not a valid one).
        """
        vault = self._need_vault()
        schemes = self._registry()
        own = schemes.get_scheme(vault.identities.active().scheme)
        stated = parse_marking(marking, own) if marking and marking.strip() else None
        keys = [key for i in vault.identities.all() for key in i.age_identities()]
        label = read_label(source, schemes, own, keys)
        from cabledesk.services.settings import SettingsService

        attested_from = SettingsService(vault, schemes).attested_from()
        return check_release(
            source.name,
            label,
            stated,
            target.contacts,
            schemes=schemes,
            now=vault.now(),
            attested_from=attested_from,
        )

    def post_quantum_plan(
        self, source: Path, target: EncryptionTarget, *, marking: str | None = None
    ) -> PostQuantumPlan | None:
        """How :meth:`encrypt` would encrypt ``source`` for ``target``'s contacts:
        post-quantum, refused, or X25519 with a warning (None: no contacts). Raises as
        :meth:`check_release`."""
        if not target.contacts:
            return None
        return self._plan(target, self.check_release(source, target, marking=marking).markings)

    def _plan(
        self, target: EncryptionTarget, markings: Sequence[Marking]
    ) -> PostQuantumPlan | None:
        if not target.contacts or not markings:
            return None
        from cabledesk.services.settings import SettingsService

        level = max((m.level for m in markings), key=lambda lv: lv.tier)
        threshold = SettingsService(self._need_vault(), self._registry()).post_quantum_threshold()
        holders = [Holder(c.name, c.card.pq_recipient is not None) for c in target.contacts]
        return plan_post_quantum(level, threshold, [*target.lacking_pq, *holders])

    def marking_levels(self) -> list[str]:
        """The level names of the user's scheme, lowest first (the marking choices)."""
        own = self._registry().get_scheme(self._need_vault().identities.active().scheme)
        return [level.name for level in own.levels]

    def _need_vault(self) -> Vault:
        if self._vault is None:
            raise InputError("Encrypting to contacts needs the vault.")
        return self._vault

    def _registry(self) -> SchemeRegistry:
        if self._schemes is None:
            self._schemes = SchemeRegistry.load()
        return self._schemes

    # --- encrypt and decrypt -------------------------------------------------------------

    def encrypt(
        self,
        source: Source,
        output: Output,
        target: EncryptionTarget,
        *,
        armor: bool = False,
        overwrite: bool = False,
        marking: str | None = None,
        confirmed: Collection[str] = (),
        progress: Progress | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> int:
        """Encrypt ``source`` into ``output`` for ``target``; returns the bytes read.
        With contacts in ``target``, the release policy is applied first
        (:meth:`check_release` with ``marking``; ``confirmed`` holds the
        fingerprints of unverified contacts the user confirmed). Audited (with a
        vault) once the output is complete.

        Raises PolicyRefusal (the policy refuses a contact, or the file needs a
        stated marking), InputError (a stream given with contacts, unreadable
        input, an output that exists without ``overwrite`` or is the input
        itself, an unwritable output), Cancelled, and what :meth:`check_release`
        raises; BrokenPipeError when the reader of a stream output went away.
        """
        _refuse_same(source, output)
        applied: tuple[Marking, ...] = ()
        if target.contacts:
            if not isinstance(source, Path):
                raise InputError(
                    "Encrypting to contacts needs a file, not standard input: CableDesk "
                    "reads its marking first.",
                    hint="Give the file's name.",
                )
            check = self.check_release(source, target, marking=marking)
            check.enforce(confirmed)
            applied = check.markings
        keys = target.recipients
        plan = self._plan(target, applied)
        if plan is not None:
            if plan.refused:
                raise plan.refusal()
            if plan.post_quantum and target.pq_recipients is not None:
                keys = target.pq_recipients
        if mixes_post_quantum(keys):
            raise InputError(
                "Post-quantum recipients (age1pq1...) cannot be mixed with classic keys in one "
                "file: some of the recipients have no post-quantum key.",
                hint="Encrypt one file for the post-quantum recipients and another for the rest.",
            )
        with _reading(source) as (src, size), _writing(output, overwrite, ENCRYPTED_MODE) as dst:
            done = encrypt(
                src, dst, keys, armor=armor, progress=_bytes(progress, size), cancel=cancel,
            )  # fmt: skip
        if self._vault is not None:
            details: dict[str, str | bool | list[str] | None] = {
                key: list(value) if isinstance(value, tuple) else value
                for key, value in target.details
            }
            details["file"] = _name(source, "standard input")
            details["output"] = _name(output, "standard output")
            if applied:
                details["marking"] = [m.banner for m in applied]
            if plan is not None:
                details["post_quantum"] = plan.post_quantum
            self._vault.audit.append(Event.FILE_ENCRYPTED, details)
        return done

    def decrypt(
        self,
        source: Source,
        output: Output,
        *,
        identities: Sequence[Identity] = (),
        passphrase: str | Callable[[], str] | None = None,
        overwrite: bool = False,
        progress: Progress | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> int:
        """Decrypt ``source`` into ``output`` (which appears only if all of it
        authenticates) with ``identities``, the vault's keys, then the passphrase.

        ``passphrase`` is the text, a callback asked only if the file is
        passphrase-encrypted, or None (then such a file raises PassphraseNeeded).
        Raises NoIdentityMatch, HeaderError, PayloadError…, InputError and
        Cancelled as :meth:`encrypt`; BrokenPipeError as :meth:`encrypt`.
        """
        _refuse_same(source, output)
        keys: list[Identity] = list(identities)
        if self._vault is not None:
            keys += [key for i in self._vault.identities.all() for key in i.age_identities()]
        if isinstance(passphrase, str):
            keys.append(ScryptIdentity(passphrase))
        else:
            keys.append(_PassphraseWhenAsked(passphrase))
        with _reading(source) as (src, size), _writing(output, overwrite, DECRYPTED_MODE) as dst:
            return decrypt(src, dst, keys, progress=_bytes(progress, size), cancel=cancel)


def _post_quantum_keys(
    raw: Sequence[Recipient], contacts: Sequence[Contact], me: VaultIdentity | None
) -> tuple[tuple[HybridRecipient, ...] | None, tuple[Holder, ...]]:
    """Everyone's post-quantum key if each has one, and the people (other than the
    contacts, whom the plan names itself) who have none: raw classic keys, the user."""
    lacking: list[Holder] = []
    keys: list[HybridRecipient] = [r for r in raw if isinstance(r, HybridRecipient)]
    lacking += [Holder(str(r)[:12] + "…", False) for r in raw if not isinstance(r, HybridRecipient)]
    if me is not None:
        if me.pq_key is None:
            lacking.append(Holder(me.name, False, is_me=True))
        else:
            keys.append(me.pq_key.recipient())
    for contact in contacts:
        if contact.card.pq_recipient is None:
            return None, tuple(lacking)
        keys.append(HybridRecipient.parse(contact.card.pq_recipient))
    if lacking:
        return None, tuple(lacking)
    return tuple({str(k): k for k in keys}.values()), ()


class _PassphraseWhenAsked:
    """The passphrase, asked only for a passphrase-encrypted file (else PassphraseNeeded)."""

    def __init__(self, ask: Callable[[], str] | None) -> None:
        self._ask = ask

    def unwrap(self, stanzas: Sequence[Stanza]) -> bytes | None:
        if not any(s.type == _SCRYPT for s in stanzas):
            return None
        if self._ask is None:
            raise PassphraseNeeded("This file is protected by a passphrase.")
        return ScryptIdentity(self._ask()).unwrap(stanzas)


def _bytes(progress: Progress | None, size: int | None) -> Callable[[int], None] | None:
    if progress is None:
        return None
    return lambda done: progress(done, size)


def _name(end: Source | Output, stream: str) -> str:
    return end.name if isinstance(end, Path) else stream


def _refuse_same(source: Source, output: Output) -> None:
    if isinstance(source, Path) and isinstance(output, Path):
        with contextlib.suppress(OSError):
            if source.resolve() == output.resolve():
                raise InputError(
                    "The output would replace the file being read.", hint="Choose another name."
                )


@contextlib.contextmanager
def _reading(source: Source) -> Iterator[tuple[BinaryIO, int | None]]:
    if not isinstance(source, Path):
        yield source, None
        return
    try:
        size = source.stat().st_size
        f = source.open("rb")
    except OSError as exc:
        raise InputError(f"Cannot read {source}: {exc.strerror}.") from exc
    with f:
        yield f, size


@contextlib.contextmanager
def _writing(output: Output, overwrite: bool, mode: int) -> Iterator[BinaryIO]:
    if not isinstance(output, Path):
        yield output
        output.flush()
        return
    try:
        with atomic_output(output, overwrite=overwrite, mode=mode) as f:
            yield f
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise InputError(f"Cannot write {output}: {exc.strerror}.") from exc
