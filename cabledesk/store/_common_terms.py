"""The archive's very common words, so that searching for them stays fast.

Ranking by bm25 makes FTS5 count, for every word of the query, how many
cables contain it — over the whole archive, once per query. For a word found
in most cables (``that``, ``government``, ``United States``) that count
alone takes tens of milliseconds at Cablegate size, while relevance says
almost nothing there. So the search lists such queries newest first, and
ranks the others by relevance.

Which words are common is estimated from a sample of the archive's text —
cables spread evenly over it by row number, so that the same archive always
gives the same list and no scan of the whole text table is needed — tokenized
as the ``unicode61 remove_diacritics 2`` tokenizer does (letters and digits,
lower case, accents removed), and kept in the ``search_common_terms`` table.
:func:`refresh_if_stale` redoes it when the archive has grown by a quarter
since the last time.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from cabledesk.store.database import Database

__all__ = ["is_common", "query_words", "refresh", "refresh_if_stale", "tokens"]

SAMPLE = 2000
# A word in at least this share of the sampled cables is common (and at least
# this many cables: small archives rank everything).
SHARE = 0.02
MIN_ARCHIVE = 5000
GROWTH = 1.25
_BATCH = 500  # ids per query (SQLite allows a few thousand parameters at most)
_WORD = re.compile(r"\w+")
_QUOTED = re.compile(r'"((?:[^"]|"")*)"(\*?)')


def tokens(text: str) -> list[str]:
    """Words as the index sees them: lower case, accents removed."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return [w for w in _WORD.findall(plain) if w != "_"]


def query_words(fts_query: str) -> list[tuple[str, bool]]:
    """The words of an FTS5 query made by ``to_fts_query``: (word, is_prefix)."""
    words: list[tuple[str, bool]] = []
    for match in _QUOTED.finditer(fts_query):
        parts = tokens(match.group(1).replace('""', '"'))
        for i, word in enumerate(parts):
            words.append((word, bool(match.group(2)) and i == len(parts) - 1))
    return words


def refresh(db: Database) -> int:
    """Recompute the common words from a sample; returns how many there are."""
    total = _archive_size(db)
    common: list[str] = []
    if total >= MIN_ARCHIVE:
        rows = _sample(db)
        seen: Counter[str] = Counter()
        for row in rows:
            seen.update(set(tokens(" ".join(str(v) for v in row))))
        cut = max(1, round(len(rows) * SHARE))
        common = sorted(word for word, n in seen.items() if n >= cut)
    with db.transaction():
        db.execute("DELETE FROM search_common_terms")
        db.executemany("INSERT INTO search_common_terms(term) VALUES (?)", [(w,) for w in common])
        db.execute(
            "INSERT INTO meta(key, value) VALUES ('common_terms_at', ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (str(total),),
        )
    return len(common)


def _sample(db: Database) -> list[tuple[object, ...]]:
    """The text of up to SAMPLE cables, at row numbers spread evenly from the
    first to the last (fewer where rows were deleted)."""
    low, high = db.query("SELECT min(id), max(id) FROM archive_text")[0]
    if low is None:
        return []
    low, span = int(low), int(high) - int(low) + 1
    ids = sorted({low + i * span // SAMPLE for i in range(min(SAMPLE, span))})
    rows: list[tuple[object, ...]] = []
    for i in range(0, len(ids), _BATCH):
        part = ids[i : i + _BATCH]
        rows += db.query(
            "SELECT subject, body, tags, addressees, refs FROM archive_text "
            f"WHERE id IN ({','.join('?' * len(part))})",
            part,
        )
    return rows


def refresh_if_stale(db: Database) -> bool:
    """Refresh when the archive reached MIN_ARCHIVE or grew by a quarter since last time."""
    row = db.query_one("SELECT value FROM meta WHERE key = 'common_terms_at'")
    total = _archive_size(db)
    if row is None:
        stale = total >= MIN_ARCHIVE
    else:
        last = int(row[0])
        stale = total > last * GROWTH or last < MIN_ARCHIVE <= total
    if stale:
        refresh(db)
    return stale


def is_common(db: Database, words: Iterable[tuple[str, bool]]) -> bool:
    """True if any word (or any common word starting with a prefix) is common."""
    for word, prefix in words:
        if prefix:
            row = db.query_one(
                "SELECT 1 FROM search_common_terms WHERE term >= ? AND term < ? LIMIT 1",
                (word, word + "\U0010ffff"),
            )
        else:
            row = db.query_one("SELECT 1 FROM search_common_terms WHERE term = ?", (word,))
        if row is not None:
            return True
    return False


def _archive_size(db: Database) -> int:
    row = db.query_one("SELECT count(*) FROM archive")
    return int(row[0]) if row else 0
