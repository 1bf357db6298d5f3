"""The encrypted SQLite database (SQLCipher 4 through ``sqlcipher3``).

:class:`Database` opens ``vault.db`` with a raw 256-bit key (``PRAGMA key =
"x'…'"``, so SQLCipher runs no key derivation of its own: the passphrase
was already stretched by Argon2id in ``vault.key``), switches on WAL mode,
keeps temporary tables in memory (nothing decrypted is ever spilled to a
temp file), and brings the schema up to date with the forward migrations of
:mod:`._schema`.

Memory. Up to ``CACHE_KIB`` of decrypted pages stay in SQLite's cache while
the vault is open: a search in a Cablegate-sized archive then decrypts almost
nothing. SQLCipher's ``cipher_memory_security`` (wiping every buffer SQLite
frees) is off: it made every query and every import about three times slower
(measured with tests/bench/bench_archive.py), for little gain — the key itself
is wiped on close either way, and the decrypted text the program shows lives
in Python objects that no setting can wipe. Closing (locking) frees the cache.

One connection serves the whole process; a lock serialises its use, so the
GUI's worker threads may share it. :meth:`transaction` nests (savepoints);
a block that raises leaves the database as it was; :meth:`after_commit`
runs a callback once the outermost transaction has committed. After
:meth:`close` every call raises :class:`~cabledesk.errors.VaultLocked`.

Two processes may open the same vault: SQLite's own locking keeps it
consistent, and a writer waits up to ``BUSY_TIMEOUT_MS`` for the other;
beyond that the user is told that the vault is busy in another window.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import sqlcipher3

from cabledesk.atomic import fsync_folder
from cabledesk.errors import InputError, VaultError, VaultLocked
from cabledesk.store._cipher import HMAC_ALGORITHMS
from cabledesk.store._schema import LATEST_VERSION, migrate

__all__ = ["BUSY_TIMEOUT_MS", "Database", "Row", "like_escape"]

BUSY_TIMEOUT_MS = 10_000
CACHE_KIB = 128 * 1024
COPY_STEP_PAGES = 2048  # 8 MiB of 4 KiB pages between two progress reports
Row = tuple[Any, ...]
_LOCKED = "The vault is locked."
_LOCKED_HINT = "Unlock it with your passphrase."


class Database:
    """An open, keyed vault database; see the module docstring."""

    def __init__(
        self,
        path: Path,
        key: bytes | bytearray,
        *,
        hmac: str,
        migrate_to: int = LATEST_VERSION,
    ):
        if len(key) != 32:
            raise ValueError("the database key is 32 bytes")
        conn = _connect(path)
        try:
            _key(conn, key, hmac)
            # Reading the schema is the first access that needs the right key.
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as exc:
            conn.close()
            raise _open_error(path, exc) from None
        self.hmac: str | None = hmac
        self._adopt(path, conn, migrate_to)

    @classmethod
    def unencrypted(cls, path: Path) -> Database:
        """The same database without encryption. Never used for a vault: the
        benchmarks compare the vault with it, on the same SQLite build."""
        db = cls.__new__(cls)
        db.hmac = None
        db._adopt(path, _connect(path), LATEST_VERSION)
        return db

    def _adopt(self, path: Path, conn: sqlcipher3.Connection, migrate_to: int) -> None:
        self.path = path
        self._lock = threading.RLock()
        self._depth = 0
        self._after_commit: list[Callable[[], None]] = []
        _configure(path, conn)
        self._conn: sqlcipher3.Connection | None = conn
        with self._lock:
            try:
                migrate(conn, migrate_to)
            except sqlcipher3.Error as exc:
                self.close()
                raise VaultError(f"The vault database could not be updated: {exc}.") from None

    @staticmethod
    def opens_with(path: Path, key: bytes | bytearray, *, hmac: str) -> bool:
        """True when ``key`` decrypts the database at ``path`` (nothing is written;
        False when there is no database there)."""
        if not path.is_file():  # connecting would create an empty one
            return False
        conn = _connect(path)
        try:
            _key(conn, key, hmac)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError:
            return False
        finally:
            conn.close()
        return True

    @property
    def closed(self) -> bool:
        return self._conn is None

    def _connection(self) -> sqlcipher3.Connection:
        if self._conn is None:
            raise VaultLocked(_LOCKED, hint=_LOCKED_HINT)
        return self._conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run one statement; returns the rowid of an INSERT (else the last rowid)."""
        with self._lock:
            with _translated():
                cursor = self._connection().execute(sql, params)
            return int(cursor.lastrowid or 0)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self._lock, _translated():
            self._connection().executemany(sql, rows)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        with self._lock, _translated():
            return list(self._connection().execute(sql, params).fetchall())

    def query_one(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        rows = self.query(sql, params)
        return rows[0] if rows else None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """All statements of the block commit together, or none (nested: savepoints)."""
        with self._lock:
            conn = self._connection()
            name = f"sp{self._depth}"
            with _translated():
                conn.execute("BEGIN IMMEDIATE" if self._depth == 0 else f"SAVEPOINT {name}")
            self._depth += 1
            try:
                yield
            except BaseException:
                self._depth -= 1
                if self._depth == 0:
                    self._after_commit.clear()
                    conn.execute("ROLLBACK")
                else:
                    conn.execute(f"ROLLBACK TO {name}")
                    conn.execute(f"RELEASE {name}")
                raise
            self._depth -= 1
            try:
                with _translated():
                    conn.execute("COMMIT" if self._depth == 0 else f"RELEASE {name}")
            except BaseException:
                if self._depth == 0:
                    self._after_commit.clear()
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                raise
            if self._depth == 0 and self._after_commit:
                callbacks, self._after_commit = self._after_commit, []
                for callback in callbacks:
                    callback()

    def after_commit(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` once the current outermost transaction has committed
        (still holding this connection's lock); dropped if it rolls back. A callback
        already waiting (an equal one) is not added twice. Raises RuntimeError
        outside a transaction."""
        with self._lock:
            if self._depth == 0:
                raise RuntimeError("after_commit needs a transaction")
            if callback not in self._after_commit:
                self._after_commit.append(callback)

    def user_version(self) -> int:
        row = self.query_one("PRAGMA user_version")
        return int(row[0]) if row else 0

    def integrity_check(self) -> str:
        """``ok``, or SQLite's description of what is damaged."""
        rows = self.query("PRAGMA integrity_check")
        return "; ".join(str(r[0]) for r in rows)

    def snapshot_to(
        self,
        target: Path,
        key: bytes | bytearray,
        *,
        progress: Callable[[int, int], None] | None = None,
    ) -> None:
        """A consistent copy of the database at ``target``, encrypted with ``key``
        (this database's, or another for a re-key) and the same settings.

        SQLite's backup API, page by page from one read transaction, in steps of
        ``COPY_STEP_PAGES`` pages, calling ``progress(pages copied, pages in all)``
        after each. (``VACUUM INTO`` would write SQLCipher's default page MAC, not
        this vault's.)
        """
        try:  # created here, owner-only, so that it is never another file
            os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            raise ValueError("the snapshot target must not exist") from None
        with self._lock:
            if self._depth or self._connection().in_transaction:
                # the backup would wait forever for this connection's own transaction
                target.unlink()
                raise RuntimeError("a snapshot cannot be taken inside a transaction")
            copy = _connect(target)
            try:
                if self.hmac is not None:
                    _key(copy, key, self.hmac)

                def step(_status: int, remaining: int, total: int) -> None:
                    if progress is not None:
                        progress(total - remaining, total)

                with _translated():
                    self._connection().backup(copy, pages=COPY_STEP_PAGES, progress=step)
            finally:
                copy.close()

    def serialised(self) -> contextlib.AbstractContextManager[bool]:
        """Hold this connection's lock: other threads wait until the block ends."""
        return self._lock

    def replace_file(
        self, new_file: Path, new_key: bytes | bytearray, old_key: bytes | bytearray
    ) -> None:
        """Put ``new_file`` (a copy of this database under ``new_key``) in place of
        this database's file, atomically, and go on with it.

        The connection is closed first (it checkpoints its write-ahead log and
        removes ``-wal`` and ``-shm``, so that no log of the old file is ever
        applied to the new one). If the file cannot be replaced, the old file is
        kept, the connection opened again with ``old_key``, and the error raised:
        VaultError if another process holds the file (Windows), InputError else.
        """
        with self._lock:
            if self._depth or self.hmac is None:
                raise RuntimeError("the file is replaced outside any transaction")
            self._connection().close()
            self._conn = None
            try:
                wal, shm = Path(f"{self.path}-wal"), Path(f"{self.path}-shm")
                if wal.exists() and wal.stat().st_size:
                    raise VaultError(
                        "The vault database is still in use by another program.",
                        hint="Close every CableDesk window and command, then try again.",
                    )
                wal.unlink(missing_ok=True)
                shm.unlink(missing_ok=True)
                new_file.replace(self.path)
            except BaseException as exc:
                self._conn = self._reconnect(old_key)
                if isinstance(exc, PermissionError):
                    raise VaultError(
                        "The vault is open in another CableDesk window or command.",
                        hint="Close the other windows and commands that use this vault, "
                        "then try again.",
                    ) from None
                if isinstance(exc, OSError):
                    raise InputError(f"Cannot replace {self.path}: {exc.strerror}.") from exc
                raise
            fsync_folder(self.path.parent)
            self._conn = self._reconnect(new_key)

    def _reconnect(self, key: bytes | bytearray) -> sqlcipher3.Connection:
        assert self.hmac is not None
        conn = _connect(self.path)
        try:
            _key(conn, key, self.hmac)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as exc:
            conn.close()
            raise _open_error(self.path, exc) from None
        _configure(self.path, conn)
        return conn

    def close(self) -> None:
        """Close the connection; SQLCipher wipes the key and the pages it held."""
        with self._lock:
            if self._conn is not None:
                with contextlib.suppress(sqlcipher3.Error):
                    self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
                self._conn.close()
                self._conn = None


def _configure(path: Path, conn: sqlcipher3.Connection) -> None:
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise _open_error(path, exc) from None


def _key(conn: sqlcipher3.Connection, key: bytes | bytearray, hmac: str) -> None:
    if hmac not in HMAC_ALGORITHMS:  # it goes into a PRAGMA: only the known names
        raise ValueError(f"unknown database HMAC {hmac!r}")
    # The hex form of the key is a Python str that cannot be wiped; it lives
    # only for this statement.
    conn.execute(f"PRAGMA key = \"x'{bytes(key).hex()}'\"")
    conn.execute(f"PRAGMA cipher_hmac_algorithm = {hmac}")  # see store/_cipher.py
    conn.execute("PRAGMA cipher_memory_security = OFF")  # see the module docstring


def _connect(path: Path) -> sqlcipher3.Connection:
    try:
        conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    except sqlcipher3.Error as exc:
        raise VaultError(f"The vault database {path} cannot be opened: {exc}.") from None
    # SQLCipher logs to stderr by default ("ERROR CORE … hmac check failed" for every
    # key that does not open a database, as an interrupted change of passphrase tries
    # both); our errors say what went wrong. The level is the process's, set again on
    # every connection so that none can miss it.
    conn.execute("PRAGMA cipher_log_level = NONE").fetchall()
    return conn


def like_escape(text: str) -> str:
    """``text`` with LIKE's wildcards escaped (use with ``ESCAPE '\\'``)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _open_error(path: Path, exc: sqlcipher3.DatabaseError) -> VaultError:
    if "not a database" in str(exc):
        return VaultError(
            f"The vault database {path} cannot be decrypted with this key.",
            hint="The keychain may remember an older vault: unlock with your passphrase.",
        )
    return VaultError(f"The vault database {path} cannot be opened: {exc}.")


@contextlib.contextmanager
def _translated() -> Iterator[None]:
    """Turn the operational errors a user can act on into VaultError; others are bugs."""
    try:
        yield
    except sqlcipher3.OperationalError as exc:
        text = str(exc)
        if "locked" in text or "busy" in text:
            raise VaultError(
                "The vault is busy in another CableDesk window or command.",
                hint="Wait for it to finish, or close it, and try again.",
            ) from exc
        if "disk" in text or "full" in text:
            raise VaultError(
                f"The vault could not be written: {text}.", hint="Free some disk space."
            ) from exc
        raise
