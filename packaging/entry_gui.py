"""PyInstaller entry point of the ``cabledesk`` executable (the desktop application)."""

import sys

from cabledesk.ui.app import main

if __name__ == "__main__":
    sys.exit(main())
