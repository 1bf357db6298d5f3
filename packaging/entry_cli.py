"""PyInstaller entry point of the ``cabledesk-cli`` executable (the command line).

Run with ``--cabledesk-card-worker`` alone, it is a helper reading a directory's
cards for an import (``cabledesk.services._card_workers``), before anything else
is imported.
"""

import sys

# checked before anything is imported, so that start-up loads nothing more; the same
# text as cabledesk.services._card_workers.WORKER_ARGUMENT (a test runs both entries)
WORKER_ARGUMENT = "--cabledesk-card-worker"

if __name__ == "__main__":
    if sys.argv[1:] == [WORKER_ARGUMENT]:
        from cabledesk.services._card_workers import serve

        serve(sys.stdin.buffer, sys.stdout.buffer)
    else:
        from cabledesk.cli.main import run

        run()
