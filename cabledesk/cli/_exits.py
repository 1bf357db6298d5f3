"""The exit codes of ``cabledesk-cli`` (a public interface: scripts test them)."""

from __future__ import annotations

__all__ = ["EXIT_FAILED", "EXIT_OK", "EXIT_USAGE"]

EXIT_OK = 0
EXIT_FAILED = 1  # a verification failed, or the release policy refused
EXIT_USAGE = 2  # usage or unreadable input
