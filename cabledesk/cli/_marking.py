"""``cabledesk-cli marking …``: work with classification markings."""

from __future__ import annotations

import argparse
from typing import Any

__all__ = ["register"]


def register(commands: Any) -> None:
    parser = commands.add_parser("marking", help="work with classification markings")
    sub = parser.add_subparsers(dest="marking_command", metavar="ACTION", required=True)
    combine = sub.add_parser(
        "combine",
        help="print the banner that portion markings roll up to",
        description="Print the banner marking that the given portion markings roll up to "
        "(highest level, controls carried up, release lists intersected). Markings may be "
        "written in portion form, (S//NF), or banner form, SECRET//NOFORN.",
    )
    combine.add_argument("--scheme", default="us", help="classification scheme (default: us)")
    combine.add_argument("markings", nargs="+", metavar="MARKING")
    combine.add_argument(
        "--portion", action="store_true", help="print the result in portion form too"
    )
    combine.set_defaults(handler=_combine)


def _combine(args: argparse.Namespace) -> int:
    from cabledesk.domain.scheme import SchemeRegistry
    from cabledesk.services.drafting import DraftingService

    service = DraftingService(SchemeRegistry.load())
    banner = service.combine_markings(args.markings, args.scheme)
    print(banner.banner)
    if args.portion:
        print(banner.portion)
    return 0
