"""PDF export: our own .docx, converted by LibreOffice headless, metadata cleaned.

Why LibreOffice and not Qt's PDF writer. The PDF must carry the same markings
as the .docx — banner at the top and bottom of every page, "Page X of Y",
portion marks — and paginate the same, so that a page cited from one is the
same page in the other. Converting the .docx we render gives exactly that from
one renderer; a second layout engine (``QTextDocument`` + ``QPdfWriter``)
would need its own header/footer painting and would break pages elsewhere.
The core may not import Qt anyway. LibreOffice reads our .docx with the
metric-compatible Liberation fonts (see ``_docx_base``), so the pages match.
Without LibreOffice, :class:`LibreOfficeConverter` raises ExportError saying
so; a .docx export still works.

Privacy. LibreOffice runs with a throw-away profile (``-env:UserInstallation``)
in a private scratch folder, so neither the user's LibreOffice profile nor
its list of recent documents sees the cable; with ``HOME``, ``TMPDIR`` and
``TZ=UTC`` pointing LibreOffice's own temporary files there too; without
user, host or display variables. Its PDF metadata is cleaned afterwards
(``_pdf_metadata``): no creation time, no time zone, no path-derived ``/ID``.

Labels travel. The PDF is tagged (structure tree, reading order, headings,
the document's language: PDF/UA-1 as far as LibreOffice's filter goes), and
carries the .docx's classification properties in its XMP metadata and as
custom keys of its information dictionary (``_pdf_labels``), so that a
tool that indexes or forwards it sees the label without rendering a page.

Plaintext on disk — the trade-off. LibreOffice converts files, not streams,
so the .docx it converts (the cable's plaintext) must exist as a file while
it runs (one to a few seconds). It is written into a fresh folder made by
``mkdtemp`` (mode 0700, so no other user can list or read it), with mode
0600, and the folder is removed afterwards, also on failure or timeout. The
folder is made in RAM when the system offers a RAM-backed place: first
``$XDG_RUNTIME_DIR`` (per-user tmpfs on systemd Linux), then ``/dev/shm``;
only then the system's temporary folder (per-user on Windows and macOS, but
disk-backed). On a disk-backed folder the deleted plaintext may stay on the
medium until overwritten (on SSDs and copy-on-write file systems a wipe
cannot be guaranteed, so none is attempted) — the same exposure as the
exported PDF itself, which is plaintext by nature and allowed only below the
export ceiling. Pass ``scratch`` to put the folder elsewhere (an encrypted
volume). The alternative of feeding LibreOffice through a pipe is not
possible: it needs to seek in a .docx.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from cabledesk.errors import ExportError
from cabledesk.export._pdf_labels import docx_labels, label_pdf
from cabledesk.export._pdf_metadata import normalise_pdf_metadata

__all__ = ["LibreOfficeConverter", "PdfConverter", "find_libreoffice"]

DEFAULT_TIMEOUT_SECONDS = 180.0  # the first run with a new profile takes a few seconds
MAX_PDF_BYTES = 512 * 1024 * 1024
_CANDIDATES = ("soffice", "libreoffice")
_KNOWN_PATHS = (
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)
# Variables that name the user, the machine or a display; LibreOffice needs none.
_DROPPED_ENV = (
    "USER", "LOGNAME", "USERNAME", "HOSTNAME", "MAIL", "DISPLAY", "WAYLAND_DISPLAY",
    "XAUTHORITY", "DBUS_SESSION_BUS_ADDRESS", "SESSION_MANAGER", "OLDPWD", "PWD",
)  # fmt: skip
# Tagged PDF (structure, reading order, headings, language) to PDF/UA-1 as far as
# LibreOffice's export filter takes it; PDF/UA also makes it write an XMP packet,
# which carries the classification (_pdf_labels). JSON filter options: LibreOffice 7.4+.
_EXPORT_OPTIONS = (
    '{"UseTaggedPDF":{"type":"boolean","value":"true"},'
    '"PDFUACompliance":{"type":"boolean","value":"true"},'
    '"ExportBookmarks":{"type":"boolean","value":"true"}}'
)
_MISSING_HINT = (
    "Install LibreOffice (Debian and Ubuntu: apt install libreoffice-writer), "
    "or export a .docx instead."
)


class PdfConverter(Protocol):
    """Turns .docx bytes into PDF bytes; raises ExportError when it cannot."""

    def convert(self, docx: bytes) -> bytes: ...


def find_libreoffice() -> str | None:
    """The path of LibreOffice's ``soffice``, or None if it is not installed."""
    for name in _CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return next((p for p in _KNOWN_PATHS if Path(p).is_file()), None)


def _private_base() -> Path | None:
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime and hasattr(os, "getuid"):
        try:
            info = Path(runtime).stat()
        except OSError:
            info = None
        if info is not None and info.st_uid == os.getuid() and info.st_mode & 0o077 == 0:
            return Path(runtime)
    shm = Path("/dev/shm")  # noqa: S108 (a RAM-backed place; our folder in it is 0700)
    if shm.is_dir() and os.access(shm, os.W_OK | os.X_OK):
        return shm
    return None


class LibreOfficeConverter:
    """Converts with LibreOffice headless; see the module docstring for how and why.

    ``executable`` defaults to the ``soffice`` found on this computer;
    ``scratch`` to a RAM-backed folder when there is one.
    """

    def __init__(
        self,
        executable: str | None = None,
        *,
        timeout: float = DEFAULT_TIMEOUT_SECONDS,
        scratch: Path | None = None,
    ) -> None:
        self.executable = executable
        self.timeout = timeout
        self.scratch = scratch

    def convert(self, docx: bytes) -> bytes:
        """The PDF of ``docx``, metadata cleaned.

        Raises ExportError when LibreOffice is missing, fails, or takes longer
        than the timeout, or when its output cannot be cleaned or labelled.
        """
        executable = self.executable or find_libreoffice()
        if executable is None or shutil.which(executable) is None:
            raise ExportError(
                "PDF export needs LibreOffice, which is not installed on this computer.",
                hint=_MISSING_HINT,
            )
        with self._workdir() as work:
            source = work / "document.docx"
            fd = os.open(source, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as f:
                f.write(docx)
            self._run(executable, work, source)
            produced = work / "out" / "document.pdf"
            try:
                size = produced.stat().st_size
                if size > MAX_PDF_BYTES:
                    raise ExportError("LibreOffice wrote an unexpectedly large PDF.")
                pdf = produced.read_bytes()
            except FileNotFoundError:
                raise ExportError(
                    "LibreOffice did not produce a PDF.",
                    hint="Check that LibreOffice Writer is installed completely.",
                ) from None
        return label_pdf(normalise_pdf_metadata(pdf, docx), docx_labels(docx))

    @contextlib.contextmanager
    def _workdir(self) -> Iterator[Path]:
        base = self.scratch or _private_base()
        try:
            work = Path(tempfile.mkdtemp(prefix="cabledesk-pdf-", dir=base))
        except OSError as exc:
            raise ExportError(f"Cannot create a private working folder: {exc.strerror}.") from exc
        try:
            for sub in ("profile", "tmp", "out"):
                (work / sub).mkdir(mode=0o700)
            yield work
        finally:
            shutil.rmtree(work, ignore_errors=True)

    def _run(self, executable: str, work: Path, source: Path) -> None:
        env = {k: v for k, v in os.environ.items() if k not in _DROPPED_ENV}
        tmp = str(work / "tmp")
        env.update(HOME=str(work), TMPDIR=tmp, TMP=tmp, TEMP=tmp, TZ="UTC", LC_ALL="C.UTF-8")
        args = [
            executable, "--headless", "--invisible", "--nocrashreport", "--nodefault",
            "--nofirststartwizard", "--nolockcheck", "--nologo", "--norestore",
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--convert-to", f"pdf:writer_pdf_Export:{_EXPORT_OPTIONS}", "--outdir",
            str(work / "out"), str(source),
        ]  # fmt: skip
        try:
            proc = subprocess.Popen(  # noqa: S603 (fixed arguments, no shell)
                args,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                cwd=work,
                env=env,
                start_new_session=True,
            )
        except OSError as exc:
            raise ExportError(
                f"LibreOffice could not be started: {exc.strerror}.", hint=_MISSING_HINT
            ) from exc
        try:
            _, stderr = proc.communicate(timeout=self.timeout)
        except subprocess.TimeoutExpired:
            _kill(proc)
            raise ExportError(
                f"LibreOffice did not finish the PDF within {self.timeout:.0f} seconds.",
                hint="Try again; if it persists, export a .docx instead.",
            ) from None
        except BaseException:
            _kill(proc)
            raise
        if proc.returncode != 0:
            detail = stderr.decode("utf-8", "replace").strip().splitlines()
            raise ExportError(
                f"LibreOffice could not convert the document to PDF (exit {proc.returncode}).",
                hint=detail[-1][:200] if detail else "Check the LibreOffice installation.",
            )


def _kill(proc: subprocess.Popen[bytes]) -> None:
    # LibreOffice starts helper processes; kill its whole session where we can.
    with contextlib.suppress(OSError):
        if hasattr(os, "killpg"):
            os.killpg(proc.pid, signal.SIGKILL)
        else:  # pragma: no cover (Windows)
            proc.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.communicate(timeout=10)
