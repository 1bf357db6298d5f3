"""PyInstaller entry point of the ``cabledesk`` executable (the desktop application).

Run with ``--cabledesk-card-worker`` alone, it is a helper reading a directory's
cards for an import (``cabledesk.services._card_workers``), before Qt is loaded.
"""

import sys

from cabledesk.services._card_workers import WORKER_ARGUMENT, serve

if __name__ == "__main__":
    if sys.argv[1:] == [WORKER_ARGUMENT]:
        serve(sys.stdin.buffer, sys.stdout.buffer)
    else:
        from cabledesk.ui.app import main

        sys.exit(main())
