"""The audit head that ``vault.key`` records, and the rollback rule that uses it.

After every commit that appended audit entries, the vault writes the newest
entry's sequence number and hash into ``vault.key`` (:class:`AuditHead`),
with a MAC keyed from the database key::

    mac = HMAC-SHA256(HKDF-SHA256(database key, info=HEAD_MAC_INFO),
                      canonical JSON of {"vault", "seq", "hash"})

— a MAC rather than the passphrase's AEAD, so that a vault opened with the
key alone (from the keychain) can update it too. On open,
:func:`check_head` requires that the database's audit chain still holds that
very entry (same sequence number, same hash). A database copied back from
the past lacks it: :class:`~cabledesk.errors.VaultRolledBack`. The record is
written after the commit, so a crash in between leaves an older record, whose
entry still exists: no false alarm, only a detection that lags one commit.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Sequence
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from cabledesk.canonical_json import canonical_json
from cabledesk.errors import VaultRolledBack
from cabledesk.store.audit import AuditLog

__all__ = ["HEAD_MAC_INFO", "ROLLBACK_HINT", "AuditHead", "check_head"]

HEAD_MAC_INFO = b"cabledesk vault-key audit head v1"
MAX_SEQ = 2**53 - 1
_HEX64 = re.compile(r"[0-9a-f]{64}")

ROLLBACK_HINT = (
    "Restore your most recent backup of the vault. If you put back an older copy "
    "of vault.db yourself, on purpose, you can accept it instead: the acceptance "
    "is written in the audit log."
)


def _mac_key(db_key: bytes | bytearray) -> bytes:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=HEAD_MAC_INFO)
    return hkdf.derive(bytes(db_key))


def _message(vault_id: str, seq: int, entry_hash: bytes) -> bytes:
    return canonical_json({"vault": vault_id, "seq": seq, "hash": entry_hash.hex()})


@dataclass(frozen=True, slots=True)
class AuditHead:
    """The recorded head: the newest audit entry's sequence number and hash, and
    the MAC that binds them to the vault and its database key."""

    seq: int
    hash: bytes
    mac: bytes

    @classmethod
    def make(
        cls, vault_id: str, seq: int, entry_hash: bytes, db_key: bytes | bytearray
    ) -> AuditHead:
        """The record of entry ``seq`` (whose hash is ``entry_hash``) under ``db_key``."""
        if not 1 <= seq <= MAX_SEQ or len(entry_hash) != 32:
            raise ValueError("an audit head is a sequence number ≥ 1 and a 32-byte hash")
        mac = hmac.new(_mac_key(db_key), _message(vault_id, seq, entry_hash), hashlib.sha256)
        return cls(seq, entry_hash, mac.digest())

    def mac_matches(self, vault_id: str, db_key: bytes | bytearray) -> bool:
        """True when the MAC is right for this vault under ``db_key``."""
        expected = AuditHead.make(vault_id, self.seq, self.hash, db_key).mac
        return hmac.compare_digest(expected, self.mac)

    def to_json(self) -> dict[str, object]:
        return {"seq": self.seq, "hash": self.hash.hex(), "mac": self.mac.hex()}

    @classmethod
    def from_json(cls, value: object) -> AuditHead:
        """Parse the ``audit`` object; raises ValueError naming what is wrong."""
        if not isinstance(value, dict) or set(value) != {"seq", "hash", "mac"}:
            raise ValueError("its audit record does not have the fields seq, hash and mac")
        seq = value["seq"]
        if type(seq) is not int or not 1 <= seq <= MAX_SEQ:
            raise ValueError("its audit record's seq is not a whole number from 1 to 2^53 - 1")
        for name in ("hash", "mac"):
            if not isinstance(value[name], str) or not _HEX64.fullmatch(value[name]):
                raise ValueError(f"its audit record's {name} is not 64 lower-case hex digits")
        return cls(seq, bytes.fromhex(value["hash"]), bytes.fromhex(value["mac"]))


def check_head(
    recorded: AuditHead | None,
    audit: AuditLog,
    vault_id: str,
    db_keys: Sequence[bytes | bytearray],
) -> None:
    """Raise VaultRolledBack unless the database's audit chain holds the recorded
    entry and the record's MAC is right under one of ``db_keys``.

    ``db_keys`` holds the key that opened the database, and during an interrupted
    passphrase change the other key of the change as well (the record was made
    under whichever was the database's key at the time). No record: the chain
    must be empty (a vault records its first entry as it is made).
    """
    head = audit.head()
    if recorded is None:
        if head is not None:
            raise VaultRolledBack(
                "The vault key file no longer records the state of the vault's audit log, "
                "although the log has entries: vault.key was edited, or replaced by an "
                "older copy, perhaps together with the database.",
                hint=ROLLBACK_HINT,
            )
        return
    if not any(recorded.mac_matches(vault_id, key) for key in db_keys):
        raise VaultRolledBack(
            "The vault key file's record of the audit log was not made with this "
            "vault's key: vault.key was edited, or the database was replaced.",
            hint=ROLLBACK_HINT,
        )
    found = audit.entry_hash(recorded.seq)
    if found is None or not hmac.compare_digest(found, recorded.hash):
        if found is None:
            what = f"its audit log ends at entry {head[0] if head else 0}"
        else:
            what = "its audit log holds a different history"
        raise VaultRolledBack(
            "The vault database is older than the vault's last recorded state: "
            f"the vault recorded entry {recorded.seq} of its audit log, but {what}. "
            "An earlier copy of vault.db was put back, which can undo revocations and "
            "other changes.",
            hint=ROLLBACK_HINT,
        )
