"""Target: importing directories into a vault (``DirectoryService.import_directory``).

The input is a ``.cdir`` file, imported as it is and then with its line 1 signed by
the trusted test anchor (so the importer's own checks — scope, serial, expiry, the
cards — see hostile content behind a good signature). Any input may be refused with
a typed error; a refused one must leave the vault as it was (its audit log, contacts
and directory tables unchanged).
"""

from __future__ import annotations

from functools import cache

from cabledesk.crypto.sshsig import DIRECTORY_NAMESPACE, sign
from cabledesk.errors import CableDeskError
from cabledesk.services.session import Session
from tests.crypto.dirkit import ANCHOR, ANCHOR_KEY, directory, entry, person
from tests.fuzz._vault import session

_TABLES = ("contacts", "directory_imports", "directory_attestations", "directory_revocations")


@cache
def _session() -> Session:
    s = session(0)
    if not s.directory.anchors():
        s.directory.trust(ANCHOR, "fuzz")
    return s


def _state(s: Session) -> tuple[object, ...]:
    db = s.vault.db
    counts = tuple(db.query_one(f"SELECT count(*) FROM {t}") for t in _TABLES)
    return (*counts, s.vault.audit.entries(limit=1)[0].seq)


def _import(data: bytes) -> None:
    s = _session()
    before = _state(s)
    try:
        s.directory.import_directory(data)
    except CableDeskError:
        assert _state(s) == before, "a refused directory changed the vault"


def run(data: bytes) -> None:
    _import(data)
    body = data.partition(b"\n")[0]
    _import(body + b"\n" + sign(ANCHOR_KEY, DIRECTORY_NAMESPACE, body).encode())


def seeds() -> dict[str, bytes]:
    return {
        "one": directory([entry(person("Jean Martin", "FRA"))], serial=2).to_bytes(),
        "out-of-scope": directory([entry(person("Klaus", "DEU"))], serial=3).to_bytes(),
    }
