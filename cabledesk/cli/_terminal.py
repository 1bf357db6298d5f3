"""Text from a file, made safe to print on a terminal.

A name, a subject or a comment read from a sealed cable is data: printed as it
is, an escape sequence in it could move the cursor, recolour or retitle the
terminal, and a bidirectional override could reorder what follows it on the
line. :func:`visible` writes every such character as an escape a reader can see.

:func:`shown_visibly` applies it to everything a command prints, on standard
output and standard error alike (its messages quote names and file names too):
no output path can forget it. The few control sequences CableDesk itself means
(bold in search results on a terminal, the carriage return of a progress line)
go through :func:`write_controls`, and are constants of the code, never data.
Binary output (``encrypt``, ``decrypt``) goes to the streams' ``buffer``, which
is left as it is.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import Any, TextIO, cast

from cabledesk.domain.visible_text import visible

__all__ = ["shown_visibly", "visible", "write_controls"]


class _VisibleStream:
    """A text stream that writes its text through :func:`visible` (line breaks kept)
    into ``stream``; everything else (``buffer``, ``isatty``, ``flush``…) is the
    stream's own."""

    def __init__(self, stream: TextIO) -> None:
        self.shown = stream

    def write(self, text: str) -> int:
        self.shown.write(visible(text, keep_newlines=True))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.shown, name)


@contextlib.contextmanager
def shown_visibly() -> Iterator[None]:
    """Within the block, whatever is printed to ``sys.stdout`` or ``sys.stderr``
    shows its control and invisible characters as escapes (line breaks kept)."""
    out, err = sys.stdout, sys.stderr
    sys.stdout = cast(TextIO, _VisibleStream(out))
    sys.stderr = cast(TextIO, _VisibleStream(err))
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err


def write_controls(sequence: str, *, file: TextIO) -> None:
    """Write CableDesk's own control ``sequence`` (a constant of the code: bold,
    a carriage return) to ``file``, as it is, past :func:`shown_visibly`."""
    target: TextIO = getattr(file, "shown", file)
    target.write(sequence)
