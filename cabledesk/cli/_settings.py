"""``cabledesk-cli settings show|set``: every setting of the Settings dialog, by kebab-case key."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from cabledesk.cli._session import add_vault_options, open_session

__all__ = ["register"]


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "settings",
        help="show or change the settings of the vault",
        description="The settings of the desktop's Settings dialog, by key. Levels are 'off' "
        "or a level of your scheme; switches are 'on' or 'off'. Every change is recorded in "
        "the audit log.",
    )
    sub = parser.add_subparsers(dest="settings_command", metavar="ACTION", required=True)
    show = sub.add_parser("show", help="every setting: key, value, default and meaning")
    add_vault_options(show)
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=_show)
    change = sub.add_parser(
        "set",
        help="change one setting",
        description="Set KEY to VALUE ('settings show' lists the keys and their values).",
    )
    add_vault_options(change)
    change.add_argument("key", metavar="KEY")
    change.add_argument("value", metavar="VALUE")
    change.set_defaults(handler=_set)


def _show(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        views = session.settings.show()
    if args.json:
        print(json.dumps([v.to_json() for v in views], indent=2, ensure_ascii=False))
        return 0
    width = max(len(v.key) for v in views)
    for v in views:
        default = "" if v.value == v.default else f"  (default: {v.default})"
        print(f"{v.key:<{width}}  {v.value}{default}")
        print(f"{'':<{width}}  {v.description}")
    return 0


def _set(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        view = session.settings.set(args.key, args.value)
    print(f"{view.key} = {view.value}", file=sys.stderr)
    return 0
