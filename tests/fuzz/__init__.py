"""The fuzzing campaign: every parser of outside input, fed hostile bytes.

``make fuzz`` (``python -m tests.fuzz``) runs each target of :mod:`._registry`
for ``FUZZ_SECONDS`` (default 60) with atheris, coverage-guided (libFuzzer),
or, where atheris is not installed, with hypothesis-driven mutations of the
same seeds. A target passes an input to one parser; the only outcomes allowed
are a normal return or a :class:`~cabledesk.errors.CableDeskError`. Anything
else — another exception, a hang (``-timeout``), a memory blow-up
(``-rss_limit_mb``) — is a finding: the input is kept under
``build/fuzz/<target>/findings/``, and once the bug is fixed it becomes a
regression file under ``tests/fuzz/regressions/<target>/``, replayed by
``tests/fuzz/test_regressions.py`` in every ``make test``.

One module per target (``age_header``, ``seal_zip``, …), each with ``run(data)``
(one input) and ``seeds()`` (starting inputs made from the test vectors and
real files of ``tests/data`` and by the real code). This package's
``__init__`` imports nothing from ``cabledesk``, so that the worker process
can instrument the code before it is imported.
"""
