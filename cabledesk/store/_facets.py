"""Filter values as index terms, so that filtered searches use the full-text index.

Each archived cable's hidden ``facets`` column holds one term per filterable
value: its level, direction, precedence, TAGS, year and month. A filter then
becomes part of the FTS5 query (``facets : (zzdreceived) AND …``), which FTS5
answers by intersecting posting lists instead of looking up every match in
the ``archive`` table. Terms are lower-case letters and digits only, so the
``unicode61`` tokenizer keeps each one whole; the ``zz`` prefix keeps them
apart from words, and user queries never reach the ``facets`` column.

Dates are matched to the month here (whole years where a range covers them)
and exactly by the SQL filter beside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime

__all__ = ["date_terms", "facet_terms", "term"]

_NOT_ALNUM = re.compile(r"[^0-9a-z]")
MAX_YEARS = 40


def term(kind: str, value: str) -> str:
    """The index term of one value: ``term("l", "TOP SECRET") == "zzltopsecret"``."""
    return "zz" + kind + _NOT_ALNUM.sub("", value.casefold())


def facet_terms(
    *,
    level: str,
    direction: str,
    precedence: str,
    tags: Iterable[str],
    dtg: datetime | None,
) -> str:
    """The text of a cable's ``facets`` column."""
    terms = [term("l", level), term("d", direction), term("p", precedence)]
    terms += [term("t", t) for t in tags]
    if dtg is not None:
        terms += [f"zzy{dtg.year:04d}", f"zzm{dtg.year:04d}{dtg.month:02d}"]
    else:
        terms.append("zzynone")
    return " ".join(terms)


def date_terms(first: date | None, last: date | None) -> list[str]:
    """Terms that together cover every month from ``first`` to ``last`` (inclusive):
    whole years as ``zzyYYYY``, the months of partial years as ``zzmYYYYMM``.

    Empty (no narrowing by the index) for an open or a very long range: the
    exact SQL filter on the date-time group does the work then.
    """
    if first is None or last is None or last.year - first.year > MAX_YEARS:
        return []
    start, end = first, last
    if start > end:
        return ["zzynone0"]  # matches nothing
    terms = []
    for year in range(start.year, end.year + 1):
        first_month = start.month if year == start.year else 1
        last_month = end.month if year == end.year else 12
        if first_month == 1 and last_month == 12:
            terms.append(f"zzy{year:04d}")
        else:
            terms += [f"zzm{year:04d}{m:02d}" for m in range(first_month, last_month + 1)]
    return terms
