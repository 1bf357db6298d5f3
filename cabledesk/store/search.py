"""Full-text search over the archive: FTS5, ranked by bm25, with highlighted snippets.

What a person types becomes an FTS5 query through
:func:`~cabledesk.store._fts_query.to_fts_query` (words, "phrases", prefix*,
AND/OR/NOT, ``subject:``/``tags:``/``to:``/``ref:``); a query that still
makes no sense raises :class:`~cabledesk.errors.SearchError` with a message,
never a database exception.

Ranking is bm25 with the subject and TAGS weighing more than the body, over
the :data:`RANK_WINDOW` most recently archived matches (a bound on the work of
every query, whatever the size of the archive). A query with a word found in a
large share of the archive (``that``, ``United States``; see
:mod:`._common_terms`) lists the newest matches first instead: bm25 would
count that word over every cable, for next to no relevance. Filters
(:class:`SearchFilters`) apply exactly: as index terms of the hidden
``facets`` column (:mod:`._facets`), which FTS5 intersects with the words,
and through SQL for what terms cannot say exactly (the originating post, dates
that are not whole months). Without words, filters list cables newest first.

Snippets mark the matched words between :data:`HIGHLIGHT_START` and
:data:`HIGHLIGHT_END` (control characters that never occur in indexed text);
each face turns them into bold.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

import sqlcipher3

from cabledesk.errors import SearchError
from cabledesk.store._common_terms import is_common, query_words
from cabledesk.store._facets import date_terms, term
from cabledesk.store._fts_query import check_text, to_fts_query
from cabledesk.store.archive import Direction
from cabledesk.store.database import Database, Row, like_escape

__all__ = [
    "HIGHLIGHT_END",
    "HIGHLIGHT_START",
    "RANK_WINDOW",
    "SearchFilters",
    "SearchHit",
    "search",
    "to_fts_query",
]

HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"
SNIPPET_TOKENS = 24
RANK_WINDOW = 500
# bm25 weights of subject, body, tags, addressees, refs and the hidden facets:
# a word in the subject or the TAGS says more than the same word in the body;
# filter terms do not count at all.
WEIGHTS = (6.0, 1.0, 4.0, 2.0, 1.5, 0.0)
TEXT_COLUMNS = "{subject body tags addressees refs}"
_UNDERSTOOD = 'Use words, "quoted phrases", prefix*, AND, OR, NOT and parentheses.'


@dataclass(frozen=True, slots=True)
class SearchFilters:
    """Narrow a search; every field left empty applies no restriction.

    ``levels`` are level names (any scheme); ``date_from``/``date_to`` are
    inclusive days of the date-time group (UTC); ``post`` matches the
    originator (any case, part of the name); all ``tags`` must be present.
    """

    levels: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    precedences: tuple[str, ...] = ()
    post: str = ""
    tags: tuple[str, ...] = ()
    direction: Direction | None = None


@dataclass(frozen=True, slots=True)
class SearchHit:
    archive_id: int
    cable_id: str
    direction: Direction
    subject: str
    snippet: str
    banner: str
    dtg: datetime | None
    precedence: str
    originator: str
    score: float = field(default=0.0, compare=False)


def _any_of(terms: Sequence[str]) -> str:
    return "facets : (" + " OR ".join(terms) + ")"


def _facets_query(f: SearchFilters) -> str:
    parts = []
    if f.levels:
        parts.append(_any_of([term("l", lv) for lv in f.levels]))
    if f.direction is not None:
        parts.append(_any_of([term("d", f.direction.value)]))
    if f.precedences:
        parts.append(_any_of([term("p", p) for p in f.precedences]))
    parts += [_any_of([term("t", t)]) for t in f.tags if t.strip()]
    dates = date_terms(f.date_from, f.date_to)
    if dates:
        parts.append(_any_of(dates))
    return " AND ".join(parts)


def _filters_sql(f: SearchFilters, *, indexed: bool = False) -> tuple[str, list[object]]:
    """The filters as SQL on ``archive a``. With ``indexed``, only those the facet
    terms of the full-text query do not already apply exactly: the originating
    post, and dates that do not fall on whole months (or a range too long for terms)."""
    clauses: list[str] = []
    params: list[object] = []
    if f.levels and not indexed:
        clauses.append(f"a.level IN ({','.join('?' * len(f.levels))})")
        params += [lv.upper() for lv in f.levels]
    if not (indexed and _dates_indexed_exactly(f)):
        if f.date_from is not None:
            clauses.append("a.dtg >= ?")
            params.append(datetime.combine(f.date_from, time()).isoformat())
        if f.date_to is not None:
            clauses.append("a.dtg < ?")
            params.append(datetime.combine(f.date_to + timedelta(days=1), time()).isoformat())
    if f.precedences and not indexed:
        clauses.append(f"a.precedence IN ({','.join('?' * len(f.precedences))})")
        params += [p.upper() for p in f.precedences]
    if f.post.strip():
        clauses.append("a.originator LIKE ? ESCAPE '\\'")
        params.append("%" + like_escape(f.post.strip()) + "%")
    for tag in () if indexed else f.tags:
        clauses.append("(' ' || a.tags || ' ') LIKE ? ESCAPE '\\'")
        params.append("% " + like_escape(tag.strip().upper()) + " %")
    if f.direction is not None and not indexed:
        clauses.append("a.direction = ?")
        params.append(f.direction.value)
    return (" AND ".join(clauses), params)


def _dates_indexed_exactly(f: SearchFilters) -> bool:
    if f.date_from is None and f.date_to is None:
        return True
    if f.date_from is None or f.date_to is None or not date_terms(f.date_from, f.date_to):
        return False
    next_day = f.date_to + timedelta(days=1)
    return f.date_from.day == 1 and next_day.day == 1


_HIT_COLUMNS = (
    "a.id, a.cable_id, a.direction, a.subject, {snippet}, a.banner, a.dtg, a.precedence, "
    "a.originator"
)


def search(
    db: Database,
    query: str,
    filters: SearchFilters | None = None,
    *,
    limit: int = 50,
    offset: int = 0,
) -> list[SearchHit]:
    """Cables matching ``query`` (best first) and ``filters``; newest first without words.

    Raises SearchError for a query that cannot be understood.
    """
    filters = filters or SearchFilters()
    for value in (filters.post, *filters.tags, *filters.levels, *filters.precedences):
        check_text(value, "search filter")
    words = to_fts_query(query)
    if not words:
        where, params = _filters_sql(filters)
        return _listing(db, where, params, limit, offset)
    text_match = f"{TEXT_COLUMNS} : ({words})"
    if is_common(db, query_words(words)):
        ranked = _newest(db, text_match, filters, limit, offset)
    else:
        ranked = _ranked(db, text_match, filters, limit, offset)
    if not ranked:
        return []
    scores = {int(r[0]): float(r[1]) for r in ranked}
    snippet = (
        f"snippet(archive_fts, -1, '{HIGHLIGHT_START}', '{HIGHLIGHT_END}', '…', {SNIPPET_TOKENS})"
    )
    rows = _fts(
        db,
        "SELECT " + _HIT_COLUMNS.format(snippet=snippet) + " FROM archive_fts "
        "CROSS JOIN archive a ON a.id = archive_fts.rowid WHERE archive_fts MATCH ? "
        # "rowid IN": one lookup per hit (a page at most), unlike _ranked's "+rowid"
        f"AND archive_fts.rowid IN ({','.join('?' * len(scores))})",
        (text_match, *scores),
    )
    order = {archive_id: i for i, archive_id in enumerate(scores)}
    return sorted(_hits(rows, scores), key=lambda h: order[h.archive_id])


def _ranked(
    db: Database, text_match: str, filters: SearchFilters, limit: int, offset: int
) -> list[Row]:
    """Best first (bm25; the newest first among equals) among the RANK_WINDOW
    newest matches.

    With filters, in two steps: the newest matches that pass them (filters as
    index terms, see :func:`_newest`), then bm25 over those alone, from the
    words of the query. Ranking in one query would make bm25 count every filter
    term over the whole archive, or (filters joined as SQL) look up each match's
    row in ``archive``: either reads a large part of the archive.
    """
    weights = ", ".join(str(w) for w in WEIGHTS)
    if filters != SearchFilters():
        ids = [int(r[0]) for r in _newest(db, text_match, filters, RANK_WINDOW, 0)]
        if not ids:
            return []
        return _fts(
            db,
            f"SELECT rowid, bm25(archive_fts, {weights}) AS score FROM archive_fts "
            # "+rowid": one pass over the matches, not one full-text query per id
            # (each of which would redo bm25's count of the words).
            f"WHERE archive_fts MATCH ? AND +rowid IN ({','.join('?' * len(ids))}) "
            "ORDER BY score, rowid DESC LIMIT ? OFFSET ?",
            (text_match, *ids, limit, offset),
        )
    return _fts(
        db,
        "SELECT id, score FROM (SELECT rowid AS id, "
        f"bm25(archive_fts, {weights}) AS score FROM archive_fts "
        "WHERE archive_fts MATCH ? ORDER BY rowid DESC LIMIT ?) "
        "ORDER BY score, id DESC LIMIT ? OFFSET ?",
        (text_match, RANK_WINDOW, limit, offset),
    )


def _newest(
    db: Database, text_match: str, filters: SearchFilters, limit: int, offset: int
) -> list[Row]:
    """Newest first, for queries with common words (no bm25: see ``_common_terms``);
    filters mostly as index terms, which FTS5 intersects cheaply."""
    facets = _facets_query(filters)
    match = f"({text_match}) AND {facets}" if facets else text_match
    where, params = _filters_sql(filters, indexed=True)
    join = " CROSS JOIN archive a ON a.id = archive_fts.rowid" if where else ""
    return _fts(
        db,
        f"SELECT archive_fts.rowid, 0.0 FROM archive_fts{join} WHERE archive_fts MATCH ?"
        + (f" AND {where}" if where else "")
        + " ORDER BY archive_fts.rowid DESC LIMIT ? OFFSET ?",
        (match, *params, limit, offset),
    )


def _listing(
    db: Database, where: str, params: list[object], limit: int, offset: int
) -> list[SearchHit]:
    sql = (
        "SELECT "
        + _HIT_COLUMNS.format(snippet="substr(t.body, 1, 160)")
        + " FROM archive a JOIN archive_text t ON t.id = a.id"
        + (f" WHERE {where}" if where else "")
        + " ORDER BY a.dtg DESC, a.id DESC LIMIT ? OFFSET ?"
    )
    return _hits(db.query(sql, (*params, limit, offset)), {})


def _fts(db: Database, sql: str, params: Sequence[object]) -> list[Row]:
    try:
        return db.query(sql, params)
    except sqlcipher3.OperationalError as exc:
        if "fts5" in str(exc) or "syntax" in str(exc) or "no such column" in str(exc):
            raise SearchError("This search could not be understood.", hint=_UNDERSTOOD) from None
        raise


def _hits(rows: Sequence[Row], scores: dict[int, float]) -> list[SearchHit]:
    return [
        SearchHit(
            archive_id=int(aid),
            cable_id=str(cid),
            direction=Direction(direction),
            subject=str(subject),
            snippet=str(snippet or ""),
            banner=str(banner),
            dtg=datetime.fromisoformat(str(dtg)) if dtg else None,
            precedence=str(prec),
            originator=str(orig),
            score=scores.get(int(aid), 0.0),
        )
        for aid, cid, direction, subject, snippet, banner, dtg, prec, orig in rows
    ]
