"""CableDesk: offline drafting, sealing and verification of diplomatic cables.

The core (every subpackage but :mod:`cabledesk.ui`) never imports Qt and never
touches a network; the GUI and the CLI are thin faces over
:mod:`cabledesk.services`.
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
