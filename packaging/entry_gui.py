"""PyInstaller entry point of the ``cabledesk`` executable (the desktop application).

Run with ``--cabledesk-card-worker`` alone, it is a helper reading a directory's
cards for an import (``cabledesk.services._card_workers``), before Qt is loaded.
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
        from cabledesk.ui.app import main

        sys.exit(main())
