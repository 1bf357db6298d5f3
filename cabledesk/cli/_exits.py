"""The exit codes of ``cabledesk-cli`` (a public interface: scripts test them).

- 0 ``EXIT_OK``: success.
- 1 ``EXIT_FAILED``: a verification failed (a bad signature, a file altered or
  not meant for you, a broken audit chain, a cable with errors), or the release
  policy refused the operation.
- 2 ``EXIT_USAGE``: a usage or input error: a wrong option, a file that cannot
  be read or written, a value not accepted, a weak passphrase; also binary
  output (``encrypt``, ``decrypt``) whose reader went away before its end.
- 3 ``EXIT_BUG``: an internal error, a bug in CableDesk; the message says how to
  report it (``CABLEDESK_DEBUG=1`` shows the traceback).

Text output cut short by its reader (``search … | head``) is not an error: 0.
"""

from __future__ import annotations

__all__ = ["EXIT_BUG", "EXIT_FAILED", "EXIT_OK", "EXIT_USAGE"]

EXIT_OK = 0
EXIT_FAILED = 1  # a verification failed, or the release policy refused
EXIT_USAGE = 2  # usage or unreadable input
EXIT_BUG = 3  # an internal error: a bug in CableDesk
