"""PyInstaller entry point of the ``cabledesk-cli`` executable (the command line).

Run with ``--cabledesk-card-worker`` alone, it is a helper reading a directory's
cards for an import (``cabledesk.services._card_workers``), before anything else
is imported.
"""

import sys

from cabledesk.services._card_workers import WORKER_ARGUMENT, serve

if __name__ == "__main__":
    if sys.argv[1:] == [WORKER_ARGUMENT]:
        serve(sys.stdin.buffer, sys.stdout.buffer)
    else:
        from cabledesk.cli.main import run

        run()
