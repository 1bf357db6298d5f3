"""``import-cable`` and ``search``: the archive of cables in the vault."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cabledesk.cli._session import add_vault_options, open_session
from cabledesk.cli._terminal import write_controls

if TYPE_CHECKING:
    from cabledesk.domain.cable import Cable
    from cabledesk.services.archive import SearchHit

__all__ = ["register"]

BOLD = "\x1b[1m"
PLAIN = "\x1b[0m"


def register(commands: Any) -> None:
    p = commands.add_parser(
        "import-cable",
        help="add cables (canonical JSON files) to the archive",
        description="Archive cables written as canonical JSON (cabledesk.cable/1), e.g. by "
        "'cabledesk-cli draft import-frus'. A folder stands for every *.json in it.",
    )
    add_vault_options(p)
    p.add_argument("files", nargs="+", metavar="CABLE.json|FOLDER")
    p.set_defaults(handler=_import)

    p = commands.add_parser(
        "search",
        help="search the archive",
        description='Words match words; "quoted phrases", prefix*, AND, OR, NOT and '
        "parentheses combine them; subject:, tags:, to:, ref: restrict to one field. "
        "Results come best first (newest first with filters only).",
    )
    add_vault_options(p)
    p.add_argument("query", nargs="?", default="", metavar="QUERY")
    p.add_argument("--level", action="append", default=[], metavar="LEVEL")
    p.add_argument("--from", dest="date_from", type=_date, metavar="YYYY-MM-DD")
    p.add_argument("--until", dest="date_to", type=_date, metavar="YYYY-MM-DD")
    p.add_argument("--precedence", action="append", default=[], metavar="PRECEDENCE")
    p.add_argument("--post", default="", help="originating post (part of its name)")
    p.add_argument("--tag", action="append", default=[], metavar="TAG")
    p.add_argument("--direction", choices=("sent", "received", "imported"))
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_search)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-24") from None


def _files(names: list[str]) -> Iterator[Path]:
    for name in names:
        path = Path(name)
        if path.is_dir():
            yield from sorted(path.glob("*.json"))
        else:
            yield path


def _cables(names: list[str]) -> Iterator[Cable]:
    from cabledesk.services.drafting import DraftingService

    for path in _files(names):
        yield DraftingService.read_cable(path)


def _import(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        count = session.archive.import_cables(
            _cables(args.files),
            progress=lambda n: print(f"\r{n} cables archived", end="", file=sys.stderr),
        )
    print(f"\rArchived {count} cables.", file=sys.stderr)
    return 0


def _split(snippet: str) -> tuple[str, list[tuple[int, int]]]:
    from cabledesk.services.archive import HIGHLIGHT_END, HIGHLIGHT_START

    text = []
    spans = []
    start = 0
    pos = 0
    for ch in snippet:
        if ch == HIGHLIGHT_START:
            start = pos
        elif ch == HIGHLIGHT_END:
            spans.append((start, pos))
        else:
            text.append(ch)
            pos += 1
    return "".join(text), spans


def _hit_json(hit: SearchHit) -> dict[str, object]:
    snippet, spans = _split(hit.snippet)
    return {
        "archive_id": hit.archive_id,
        "cable_id": hit.cable_id,
        "direction": hit.direction.value,
        "subject": hit.subject,
        "banner": hit.banner,
        "dtg": hit.dtg.isoformat() if hit.dtg else None,
        "precedence": hit.precedence,
        "originator": hit.originator,
        "snippet": snippet,
        "highlights": spans,
        "score": round(hit.score, 4),
    }


def _search(args: argparse.Namespace) -> int:
    from cabledesk.services.archive import (
        HIGHLIGHT_END,
        HIGHLIGHT_START,
        Direction,
        SearchFilters,
    )

    filters = SearchFilters(
        levels=tuple(args.level),
        date_from=args.date_from,
        date_to=args.date_to,
        precedences=tuple(args.precedence),
        post=args.post,
        tags=tuple(args.tag),
        direction=Direction(args.direction) if args.direction else None,
    )
    with open_session(args) as session:
        hits = session.archive.search(args.query, filters, limit=args.limit)
    if args.json:
        print(json.dumps([_hit_json(h) for h in hits], indent=2, ensure_ascii=False))
        return 0
    bold = sys.stdout.isatty()
    for hit in hits:
        when = f"{hit.dtg:%Y-%m-%d}" if hit.dtg else "----------"
        print(f"{when}  {hit.banner}  {hit.originator}  [{hit.direction.value}]")
        print(f"    {hit.subject}")
        _print_snippet(" ".join(hit.snippet.split()), HIGHLIGHT_START, HIGHLIGHT_END, bold=bold)
    if not hits:
        print("No cable matches.", file=sys.stderr)
    return 0


def _print_snippet(snippet: str, start: str, end: str, *, bold: bool) -> None:
    """The snippet indented, its matches (between ``start`` and ``end``) in bold on
    a terminal; the text itself is the cable's, printed as data."""
    print("    ", end="")
    for i, part in enumerate(snippet.replace(end, start).split(start)):
        if i and bold:
            write_controls(BOLD if i % 2 else PLAIN, file=sys.stdout)
        print(part, end="")
    if bold:
        write_controls(PLAIN, file=sys.stdout)
    print()
