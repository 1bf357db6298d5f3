"""The one place where work leaves the GUI thread.

:meth:`Workers.run` runs a callable on a thread pool and hands back a
:class:`Job` whose signals arrive on the GUI thread: ``progress(int)`` while
it runs, then ``done(result)`` or ``failed(exception)``, then ``finished()``.
The callable receives a :class:`JobContext` whose ``progress`` and
``cancelled`` fit the core's ``progress=`` and ``cancel=`` callbacks, so Cancel
reaches a sealing or an export between two blocks. Writes to the vault go
through a pool of one thread (``write=True``), so they happen in the order
they were asked for. A job that only asks the outside world something and may
take long (the keychain probe: D-Bus can stall for its whole timeout) runs
``detached``: on a daemon thread, which the application does not wait for
when it quits.

Collect every input (passphrase, recipients, paths) before starting a job:
the callable must not touch widgets.

The failure relay: a job that fails with anything but a
:class:`~cabledesk.errors.CableDeskError` met a bug. :class:`Workers` hands
such a failure to the one bug handler (``on_bug``, by default
:func:`cabledesk.ui.errors.report_bug`) before the job's own ``on_failed``,
which then only has to put its screen back in order (the bug is not shown
twice). A job nobody listens to still has its bugs reported.

Tests use ``Workers(synchronous=True)``: the callable runs at once on the
calling thread and the signals are emitted before :meth:`run` returns.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from cabledesk.errors import CableDeskError

__all__ = ["Job", "JobContext", "Workers", "while_alive"]

log = logging.getLogger(__name__)


def while_alive(owner: QObject, callback: Callable[[Any], object]) -> Callable[[Any], None]:
    """``callback``, called only while ``owner`` exists: for a job's result that may
    arrive after the dialog that asked for it was closed and deleted."""

    def call(value: Any) -> None:
        if shiboken6.isValid(owner):
            callback(value)

    return call


class JobContext:
    """What a running job may call: report progress, ask whether it was cancelled."""

    def __init__(self, job: Job) -> None:
        self._job = job

    def progress(self, value: int) -> None:
        self._job.progress.emit(int(value))

    def cancelled(self) -> bool:
        return self._job.is_cancelled()


class Job(QObject):
    """A piece of work on a worker thread; connect to its signals before it ends."""

    progress = Signal(int)
    done = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._cancel = threading.Event()
        self.running = True

    def cancel(self) -> None:
        """Ask the job to stop at its next check (the core raises Cancelled)."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()


class _Runnable(QRunnable):
    def __init__(self, job: Job, fn: Callable[[JobContext], Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._job = job
        self._fn = fn

    def run(self) -> None:
        _execute(self._job, self._fn)


def _execute(job: Job, fn: Callable[[JobContext], Any]) -> None:
    name = job.name
    try:
        try:
            result = fn(JobContext(job))
        except BaseException as exc:  # every failure reaches the GUI as a signal
            if not isinstance(exc, Exception):
                log.warning("job %s ended by %s", name, type(exc).__name__)
            job.running = False
            job.failed.emit(exc)
        else:
            job.running = False
            job.done.emit(result)
        job.finished.emit()
    except RuntimeError:
        if shiboken6.isValid(job):
            raise
        # The application quit while the job ran (a keychain probe, say): its Qt
        # object is gone and nobody is left to tell.
        log.info("job %s ended after the application quit", name)


class Workers(QObject):
    """The thread pools of the application; see the module docstring."""

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        synchronous: bool = False,
        on_bug: Callable[[BaseException], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._on_bug = on_bug
        self._pool = QThreadPool(self)
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)
        self._jobs: set[Job] = set()

    def run(
        self,
        name: str,
        fn: Callable[[JobContext], Any],
        *,
        write: bool = False,
        on_done: Callable[[Any], None] | None = None,
        on_failed: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int], None] | None = None,
        detached: bool = False,
    ) -> Job:
        """Start ``fn(context)``; the callbacks, if given, run on the GUI thread."""
        job = Job(name)  # no parent: it lives while the caller or the pool holds it
        job.failed.connect(self._relay)  # first: bugs reach the one handler before on_failed
        if on_done is not None:
            job.done.connect(on_done)
        if on_failed is not None:
            job.failed.connect(on_failed)
        if on_progress is not None:
            job.progress.connect(on_progress)
        self._jobs.add(job)
        job.finished.connect(lambda: self._forget(job))
        if self.synchronous:
            _execute(job, fn)
        elif detached:
            threading.Thread(target=_execute, args=(job, fn), name=name, daemon=True).start()
        else:
            (self._writes if write else self._pool).start(_Runnable(job, fn))
        return job

    def _relay(self, exc: BaseException) -> None:
        if not isinstance(exc, Exception) or isinstance(exc, CableDeskError):
            return
        if self._on_bug is not None:
            self._on_bug(exc)
            return
        from cabledesk.ui.errors import report_bug  # on first failure: not on the start-up path

        report_bug(exc)

    def _forget(self, job: Job) -> None:
        self._jobs.discard(job)

    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    def cancel_all(self) -> None:
        for job in list(self._jobs):
            job.cancel()

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for every job but the detached ones to end (at shutdown and lock); False on
        timeout. The pools must be idle before they are destroyed: a pool destroyed while
        a job runs waits for it holding the interpreter's lock, which the job needs."""
        return self._pool.waitForDone(msecs) and self._writes.waitForDone(msecs)
