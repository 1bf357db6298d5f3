"""Full-text search over the archive: FTS5, ranked by bm25, with highlighted snippets.

What a person types is turned into an FTS5 query by :func:`to_fts_query`:
plain words match as words (punctuation inside them is harmless: ``O'Neill``
and ``U.S.-French`` just work), ``"quoted phrases"`` match as phrases,
``word*`` matches a prefix, ``AND``/``OR``/``NOT`` and parentheses combine,
and ``subject:``, ``body:``, ``tags:``, ``to:`` and ``ref:`` restrict a word
or phrase to one field. A query that still makes no sense (``OR`` alone, an
unclosed parenthesis) raises :class:`~cabledesk.errors.SearchError` with a
message, never a database exception.

Filters (:class:`SearchFilters`) narrow the results by level, dates,
precedence, post, TAGS and direction, with or without words. Snippets mark
the matched words between :data:`HIGHLIGHT_START` and :data:`HIGHLIGHT_END`
(control characters that never occur in indexed text); each face turns them
into bold.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

import sqlcipher3

from cabledesk.errors import SearchError
from cabledesk.store.archive import Direction
from cabledesk.store.database import Database, Row, like_escape

__all__ = [
    "HIGHLIGHT_END",
    "HIGHLIGHT_START",
    "SearchFilters",
    "SearchHit",
    "search",
    "to_fts_query",
]

HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"
SNIPPET_TOKENS = 24
# bm25 weights of subject, body, tags, addressees, refs: a word in the subject
# or the TAGS says more about a cable than the same word in its body.
WEIGHTS = (6.0, 1.0, 4.0, 2.0, 1.5)
MAX_QUERY_CHARS = 1000
FIELDS = {
    "subject": "subject",
    "body": "body",
    "text": "body",
    "tag": "tags",
    "tags": "tags",
    "to": "addressees",
    "from": "addressees",
    "post": "addressees",
    "ref": "refs",
    "refs": "refs",
}
_OPERATORS = {"AND", "OR", "NOT"}
_TOKEN = re.compile(
    r'\s*(?:(?P<paren>[()])|(?P<field>[A-Za-z]+):(?=\S)|"(?P<phrase>[^"]*)("|$)(?P<pstar>\*?)'
    r"|(?P<word>[^\s()\"]+))"
)


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


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def to_fts_query(text: str) -> str:
    """The FTS5 query for what a person typed (see the module docstring); "" if empty."""
    if len(text) > MAX_QUERY_CHARS:
        raise SearchError("This search is too long.", hint="Use fewer words.")
    out: list[str] = []
    pos = 0
    pending_field = ""
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None:  # only whitespace remains
            break
        pos = match.end()
        if match["field"] is not None:
            name = match["field"].lower()
            if name not in FIELDS:
                raise SearchError(
                    f"There is no field called {match['field']!r} to search in.",
                    hint="Fields: subject, body, tags, to, ref.",
                )
            pending_field = FIELDS[name] + " : "
            continue
        if match["paren"] is not None:
            out.append(pending_field + match["paren"] if match["paren"] == "(" else ")")
            pending_field = ""
            continue
        if match["phrase"] is not None:
            if not match["phrase"].strip():
                continue
            token = _quote(match["phrase"]) + match["pstar"]
        else:
            word = match["word"]
            if word in _OPERATORS and not pending_field:
                out.append(word)
                continue
            star = "*" if word.endswith("*") and len(word.rstrip("*")) > 0 else ""
            token = _quote(word.rstrip("*")) + star
        out.append(pending_field + token)
        pending_field = ""
    return " ".join(out)


def _filters_sql(filters: SearchFilters) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if filters.levels:
        clauses.append(f"a.level IN ({','.join('?' * len(filters.levels))})")
        params += [lv.upper() for lv in filters.levels]
    if filters.date_from is not None:
        clauses.append("a.dtg >= ?")
        params.append(datetime.combine(filters.date_from, time()).isoformat())
    if filters.date_to is not None:
        clauses.append("a.dtg < ?")
        params.append(datetime.combine(filters.date_to + timedelta(days=1), time()).isoformat())
    if filters.precedences:
        clauses.append(f"a.precedence IN ({','.join('?' * len(filters.precedences))})")
        params += [p.upper() for p in filters.precedences]
    if filters.post.strip():
        clauses.append("a.originator LIKE ? ESCAPE '\\'")
        params.append("%" + like_escape(filters.post.strip()) + "%")
    for tag in filters.tags:
        clauses.append("(' ' || a.tags || ' ') LIKE ? ESCAPE '\\'")
        params.append("% " + like_escape(tag.strip().upper()) + " %")
    if filters.direction is not None:
        clauses.append("a.direction = ?")
        params.append(filters.direction.value)
    return (" AND ".join(clauses), params)


_COLUMNS = "a.id, a.cable_id, a.direction, a.subject, {snippet}, a.banner, a.dtg, a.precedence, "
_COLUMNS += "a.originator, {score}"


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
    fts = to_fts_query(query)
    where, params = _filters_sql(filters or SearchFilters())
    if not fts:
        sql = (
            "SELECT "
            + _COLUMNS.format(snippet="substr(a.body, 1, 160)", score="0.0")
            + " FROM archive a"
            + (f" WHERE {where}" if where else "")
            + " ORDER BY a.dtg DESC, a.id DESC LIMIT ? OFFSET ?"
        )
        return _hits(db.query(sql, (*params, limit, offset)))
    weights = ", ".join(str(w) for w in WEIGHTS)
    snippet = (
        f"snippet(archive_fts, -1, '{HIGHLIGHT_START}', '{HIGHLIGHT_END}', '…', {SNIPPET_TOKENS})"
    )
    sql = (
        "SELECT "
        + _COLUMNS.format(snippet=snippet, score=f"bm25(archive_fts, {weights}) AS score")
        + " FROM archive_fts JOIN archive a ON a.id = archive_fts.rowid"
        + " WHERE archive_fts MATCH ?"
        + (f" AND {where}" if where else "")
        + " ORDER BY score LIMIT ? OFFSET ?"
    )
    try:
        rows = db.query(sql, (fts, *params, limit, offset))
    except sqlcipher3.OperationalError as exc:
        if "fts5" in str(exc) or "syntax" in str(exc) or "no such column" in str(exc):
            raise SearchError(
                "This search could not be understood.",
                hint='Use words, "quoted phrases", prefix*, AND, OR, NOT and parentheses.',
            ) from None
        raise
    return _hits(rows)


def _hits(rows: Sequence[Row]) -> list[SearchHit]:
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
            score=float(score),
        )
        for aid, cid, direction, subject, snippet, banner, dtg, prec, orig, score in rows
    ]
