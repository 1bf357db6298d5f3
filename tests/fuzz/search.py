"""Target: search queries (``store._fts_query.to_fts_query``), then a real search on a
small vault (FTS5 in SQLCipher) with that query, as typed on a command line.

The input's first line is the query; a second and third line, if any, are the
post and the tag filters (``--post``, ``--tag``).
"""

from __future__ import annotations

from cabledesk.store._fts_query import to_fts_query
from cabledesk.store.search import SearchFilters
from tests.fuzz._harness import argv_text
from tests.fuzz._vault import session


def run(data: bytes) -> None:
    text, *rest = argv_text(data).split("\n", 2)
    to_fts_query(text)
    filters = SearchFilters(post=rest[0], tags=tuple(rest[1:])) if rest else None
    session().archive.search(text, filters, limit=5)


def seeds() -> dict[str, bytes]:
    queries = [
        "minister", '"prime minister"', "subject:paris AND (nato OR summit)", "sov*",
        "NOT germany", "tags:PREL", "to:moscow", "ref:123", "O'Neill U.S.-French",
        '"unterminated', "((a OR b) AND c)", "body:\"war\"* OR subject:peace",
        "minister\nMr. Fish", "war\n\nPREL", "\nLondon",
    ]  # fmt: skip
    return {f"q{i:02d}": q.encode() for i, q in enumerate(queries)}
