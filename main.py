"""Run the CableDesk desktop application from a source checkout: ``python main.py``."""

import sys

from cabledesk.ui.app import main

if __name__ == "__main__":
    sys.exit(main())
