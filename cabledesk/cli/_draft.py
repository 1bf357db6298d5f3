"""``cabledesk-cli draft …``: create, lint and import cables as canonical JSON; and the
drafts kept in the vault — ``list``, ``history`` (every version kept of one) and
``restore`` (one of them, as a new version)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from cabledesk.cli._session import add_vault_options, open_session
from cabledesk.cli._terminal import visible

__all__ = ["register"]


def register(commands: Any) -> None:
    parser = commands.add_parser("draft", help="create, check and import cables; vault drafts")
    sub = parser.add_subparsers(dest="draft_command", metavar="ACTION", required=True)
    _register_new(sub)
    _register_lint(sub)
    _register_import(sub)
    _register_vault(sub)


def _register_new(sub: Any) -> None:
    p = sub.add_parser(
        "new",
        help="write a new cable as canonical JSON",
        description="Create a cable from the command line and write it as canonical JSON "
        "(cabledesk.cable/1). The body file holds one paragraph per blank-line-separated "
        "block, each starting with its portion mark, e.g. '(S//NF) The minister said...', "
        "or with its number and then the mark, '2. (S//NF) ...' (the number is dropped: "
        "paragraphs are numbered automatically). "
        "An addressee may end with its own precedence: 'AMEMBASSY PARIS IMMEDIATE'.",
    )
    p.add_argument("--from", dest="originator", required=True, metavar="POST")
    p.add_argument("--to", nargs="+", required=True, metavar="ADDRESSEE", action="extend")
    p.add_argument("--info", nargs="+", default=[], metavar="ADDRESSEE", action="extend")
    p.add_argument("--subject", required=True, help='with its portion mark: "(U) TEXT"')
    p.add_argument("--scheme", default="us", help="classification scheme (default: us)")
    p.add_argument("--precedence", default="ROUTINE", help="default: ROUTINE")
    p.add_argument("--tags", action="append", default=[], metavar="T,...")
    p.add_argument("--ref", nargs="+", default=[], metavar="REF", action="extend")
    p.add_argument("--caption", action="append", default=[], help="e.g. OFFICIAL INFORMAL")
    p.add_argument("--classified-by", metavar="NAME")
    p.add_argument("--reason", metavar="1.4(b),(d)")
    p.add_argument("--derived-from", metavar="SOURCE")
    p.add_argument("--declassify-on", metavar="DATE|EVENT")
    p.add_argument("--body", metavar="FILE", help="body text file ('-' for standard input)")
    p.add_argument("--signature", default="", metavar="NAME")
    p.add_argument("--dtg", metavar="DTG", help="date-time group, e.g. 151230Z MAR 24")
    p.add_argument("--serial", metavar="NUMBER", help="the originator's message number")
    p.add_argument("-o", "--output", required=True, metavar="CABLE.json")
    p.add_argument("--force", action="store_true", help="overwrite an existing output file")
    p.set_defaults(handler=_new)


def _register_lint(sub: Any) -> None:
    p = sub.add_parser(
        "lint",
        help="check a cable against the drafting and marking rules",
        description="Print the findings of a cable. Exit 0 when there are no errors "
        "(warnings allowed), 1 when there are findings of severity error, 2 when the "
        "file cannot be read.",
    )
    p.add_argument("cable", metavar="CABLE.json")
    p.add_argument("--json", action="store_true", help="print the findings as a JSON list")
    p.set_defaults(handler=_lint)


def _register_import(sub: Any) -> None:
    p = sub.add_parser(
        "import-frus",
        help="turn FRUS telegram records (JSON lines) into cable files",
        description="Write one canonical cable JSON file per telegram record of a FRUS "
        "JSON-lines file, named after the record id.",
    )
    p.add_argument("source", metavar="FILE.jsonl")
    p.add_argument("-o", "--output", required=True, metavar="DIR")
    p.add_argument("--limit", type=_positive, metavar="N", help="import at most N records")
    p.set_defaults(handler=_import_frus)


def _register_vault(sub: Any) -> None:
    p = sub.add_parser("list", help="the drafts in the vault, the most recently saved first")
    add_vault_options(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_list)

    p = sub.add_parser(
        "history",
        help="every version kept of a draft in the vault",
        description="List the versions kept of a draft (the current one first, marked *): "
        "number, when it was saved (UTC), banner and subject. ID is the draft's id or a "
        "unique beginning of it (see 'cabledesk-cli draft list').",
    )
    add_vault_options(p)
    p.add_argument("draft", metavar="ID")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=_history)

    p = sub.add_parser(
        "restore",
        help="make an earlier version of a draft its text again",
        description="Make version N of a draft its current text again. The restore is "
        "saved as a new version (the text it replaces stays in the history) and recorded "
        "in the audit log. A version with a lower classification than the current text "
        "needs --justification, as any lowering does.",
    )
    add_vault_options(p)
    p.add_argument("draft", metavar="ID")
    p.add_argument("--version", required=True, type=_positive, metavar="N")
    p.add_argument(
        "--justification",
        default="",
        metavar="TEXT",
        help="why the classification is lowered (recorded in the audit log)",
    )
    p.set_defaults(handler=_restore)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number")
    return value


def _read_text(name: str) -> str:
    from cabledesk.errors import InputError

    if name == "-":
        return sys.stdin.read()
    try:
        return Path(name).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"Cannot read {name}: {exc.strerror}.") from exc
    except UnicodeDecodeError:
        raise InputError(f"{name} is not UTF-8 text.") from None


def _new(args: argparse.Namespace) -> int:
    from cabledesk.domain.scheme import SchemeRegistry
    from cabledesk.services.drafting import DraftingService, DraftRequest

    service = DraftingService(SchemeRegistry.load())
    request = DraftRequest(
        originator=args.originator,
        action=args.to,
        info=args.info,
        subject=args.subject,
        body=_read_text(args.body) if args.body else "",
        scheme=args.scheme,
        precedence=args.precedence,
        tags=args.tags,
        references=args.ref,
        captions=args.caption,
        classified_by=args.classified_by,
        reasons=args.reason,
        derived_from=args.derived_from,
        declassify_on=args.declassify_on,
        signature=args.signature,
        dtg=args.dtg,
        serial=args.serial,
    )
    cable = service.new_cable(request)
    service.write_cable(cable, Path(args.output), overwrite=args.force)
    report = service.lint(cable)
    if report.errors:
        print(
            f"note: {args.output} was written but has {report.errors} error(s); "
            f"see 'cabledesk-cli draft lint {args.output}'.",
            file=sys.stderr,
        )
    return 0


def _lint(args: argparse.Namespace) -> int:
    from cabledesk.domain.historical import historical_marking
    from cabledesk.domain.scheme import SchemeRegistry
    from cabledesk.services.drafting import DraftingService

    service = DraftingService(SchemeRegistry.load())
    cable = service.read_cable(Path(args.cable))
    report = service.lint(cable)
    if args.json:
        items = [
            {"severity": str(f.severity), "field": f.field, "message": f.message}
            for f in report.findings
        ]
        print(json.dumps(items, ensure_ascii=False, indent=2))
    else:
        if report.banner is not None:  # a published record shows its declassified marking
            historical = historical_marking(cable, report.banner.scheme)
            print(f"banner: {visible(historical or report.banner.banner)}")
        for f in report.findings:
            print(f"{f.severity}: {f.field}: {f.message}")
        print(_summary(report.errors, report.warnings))
    return 1 if report.errors else 0


def _summary(errors: int, warnings: int) -> str:
    if not errors and not warnings:
        return "no findings"
    return f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"


def _import_frus(args: argparse.Namespace) -> int:
    from cabledesk.domain.scheme import SchemeRegistry
    from cabledesk.services.frus_import import import_frus_file

    count = import_frus_file(
        Path(args.source), Path(args.output), SchemeRegistry.load(), limit=args.limit
    )
    print(f"imported {count} telegram{'s' * (count != 1)} into {args.output}", file=sys.stderr)
    return 0


def _utc(moment: Any) -> str:
    from datetime import UTC

    return f"{moment.astimezone(UTC):%Y-%m-%dT%H:%M:%SZ}"


def _list(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        summaries = session.drafts.summaries()
    if args.json:
        items = [
            {"id": d.id, "version": d.version, "saved": _utc(d.updated), "banner": d.banner,
             "subject": d.subject}
            for d in summaries
        ]  # fmt: skip
        print(json.dumps(items, ensure_ascii=False, indent=2))
        return 0
    for d in summaries:
        print(f"{d.id}  {_utc(d.updated)}  v{d.version:<3} {d.banner or '?'}  {d.subject}")
    if not summaries:
        print("No drafts in the vault.", file=sys.stderr)
    return 0


def _history(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        drafts = session.drafts
        draft_id = drafts.find_id(args.draft)
        versions = drafts.history(draft_id)
    if args.json:
        items = [
            {"version": v.number, "saved": _utc(v.saved), "banner": v.banner,
             "subject": v.subject, "current": v.current}
            for v in versions
        ]  # fmt: skip
        print(json.dumps({"draft": draft_id, "versions": items}, ensure_ascii=False, indent=2))
        return 0
    print(f"draft {draft_id}")
    print(f"  {'VERSION':>7}  {'SAVED (UTC)':<20}  {'BANNER':<24}  SUBJECT")
    for v in versions:
        mark = "*" if v.current else " "
        print(f"{mark} {v.number:>7}  {_utc(v.saved):<20}  {v.banner or '?':<24}  {v.subject}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        drafts = session.drafts
        draft_id = drafts.find_id(args.draft)
        saved = drafts.restore(draft_id, args.version, justification=args.justification)
    print(
        f"Restored version {args.version} of draft {draft_id}: it is now version {saved.version}.",
        file=sys.stderr,
    )
    return 0
