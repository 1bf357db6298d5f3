"""The offline proof: CableDesk's whole workflow runs with no network at all, and opens
no Internet socket when one is there.

The workflow (:func:`workflow`, also runnable as ``python -m
tests.interop.test_offline FOLDER``): on the command line, two vaults are
created, exchange their contact cards, a cable is drafted, linted, sealed,
verified, opened and extracted, exported as a signed .docx and as a signed PDF
(LibreOffice converting it) and both verified, searched, both audit logs
verified and a backup written — every step a real ``cabledesk-cli`` process.
Then the desktop part: the application's main window is built and shown
(offscreen) on a demo vault with 20 FRUS cables, and a cable is sealed and
opened through the desktop's services on its worker pool — the code the Seal
and Open actions run, though not clicked through their dialogs.

It runs twice, at the same time:

1. in a network namespace with no interface but loopback (``unshare -rn``:
   a user and a network namespace, no root needed where the kernel allows it;
   else ``unshare -n`` as root, else ``sudo -n unshare -n`` then back to this
   user). Before it, the same namespace shows that it has only ``lo`` and that
   a connection to the outside fails;
2. under ``strace -f -e trace=network``: every process and thread is traced,
   and no ``socket()`` of family ``AF_INET`` or ``AF_INET6`` may appear
   (``AF_UNIX``, e.g. for the desktop bus, and ``AF_NETLINK`` are fine).

That pair is one round, about 25 s on two cores (every step is a fresh process
that derives the vault key with the full KDF). ``CABLEDESK_OFFLINE_ROUNDS=N``
runs N rounds, each in fresh folders (1 unless set): more to catch a socket
opened only now and then, 0 to skip the test.

The static half of the proof, no network module in ``cabledesk/``, is
``tests/test_architecture.py``. CI needs the packages ``strace`` and
``util-linux`` (``unshare``, ``setpriv``); without a way to make a network
namespace the test fails in CI and is skipped elsewhere.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.interop._tools import require_tool

pytestmark = pytest.mark.interop

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "offline proof passphrase"
DONE = "OFFLINE WORKFLOW DONE"
WORKFLOW_TIMEOUT = 240
ROUNDS = int(os.environ.get("CABLEDESK_OFFLINE_ROUNDS", "1"))
_FAMILY = re.compile(r"\bsocket\((AF_\w+|PF_\w+|\d+)")
_INTERNET = ("AF_INET", "AF_INET6", "PF_INET", "PF_INET6")
_ISOLATION_PROBE = """
import json, socket
names = sorted(name for _, name in socket.if_nameindex())
try:
    socket.create_connection(("192.0.2.1", 443), timeout=3).close()
    outside = "connected"
except OSError as exc:
    outside = exc.strerror or type(exc).__name__
print(json.dumps({"interfaces": names, "outside": outside}))
"""


# --- the workflow (runs in the child process) -------------------------------------------


def _cli_command() -> list[str]:
    script = Path(sys.executable).with_name("cabledesk-cli")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from cabledesk.cli.main import run; run()"]


def _cli(folder: Path, *args: str, code: int = 0) -> str:
    result = subprocess.run(
        [*_cli_command(), *args], cwd=folder, capture_output=True, text=True, timeout=120
    )
    if result.returncode != code:
        raise AssertionError(
            f"cabledesk-cli {' '.join(args)} exited {result.returncode}:\n{result.stderr}"
        )
    return result.stdout


def cli_workflow(folder: Path) -> None:
    """Two vaults: cards, draft, seal, open, export and verify, search, audit, backup."""
    folder.mkdir(parents=True)
    pp = folder / "passphrase"
    pp.write_text(PASSPHRASE)
    jane = ("--home", str(folder / "jane"), "--passphrase-file", str(pp))
    klaus = ("--home", str(folder / "klaus"), "--passphrase-file", str(pp))
    for who, name, post in ((jane, "Jane Doe", "AMEMBASSY PARIS"),
                            (klaus, "Klaus Weber", "AMEMBASSY BERLIN")):  # fmt: skip
        _cli(folder, *who, "init", "--name", name, "--post", post,
             "--clearance", "SECRET", "--nationality", "USA")  # fmt: skip
    _cli(folder, *jane, "identity", "export-card", "-o", "jane.contact")
    _cli(folder, *klaus, "identity", "export-card", "-o", "klaus.contact")
    _cli(folder, *jane, "contact", "import", "klaus.contact")
    _cli(folder, *klaus, "contact", "import", "jane.contact")
    # Klaus compared Jane's safety number on the phone.
    jane_id = json.loads(_cli(folder, *jane, "identity", "show", "--json"))
    _cli(folder, *klaus, "contact", "verify", jane_id["fingerprint"], "--how", "phone")
    (folder / "body.txt").write_text(
        "(U) SUMMARY: The minister previewed the summit.\n\n"
        "(S//NF) The minister said the communique would pass unchanged.\n"
    )
    _cli(folder, "draft", "new", "--from", "AMEMBASSY PARIS", "--to", "AMEMBASSY BERLIN",
         "--subject", "(U) FRANCE: SUMMIT PREVIEW", "--tags", "PREL,FR",
         "--classified-by", "Jane Doe, Ambassador", "--reason", "1.4(b)",
         "--declassify-on", "2036-01-01", "--body", "body.txt", "--serial", "42",
         "-o", "cable.json")  # fmt: skip
    _cli(folder, "draft", "lint", "cable.json")
    _cli(folder, *jane, "seal", "cable.json", "--to", "Klaus", "--confirm-unverified",
         "-o", "summit.cable")  # fmt: skip
    verdict = json.loads(_cli(folder, *klaus, "verify", "summit.cable", "--json"))
    assert verdict["verdict"] == "valid", verdict
    opened = _cli(folder, *klaus, "open", "summit.cable", "--extract", "out")
    assert "communique would pass unchanged" in opened
    _cli(folder, *jane, "export", "cable.json", "--docx", "summit.docx", "--sign",
         "--level", "UNCLASSIFIED")  # fmt: skip
    assert "Jane Doe (you)" in _cli(folder, *jane, "verify", "summit.docx")
    # The PDF: LibreOffice converts the document, offline like the rest.
    _cli(folder, *jane, "export", "cable.json", "--pdf", "summit.pdf", "--sign",
         "--level", "UNCLASSIFIED")  # fmt: skip
    assert (folder / "summit.pdf").read_bytes().startswith(b"%PDF-")
    assert "Jane Doe (you)" in _cli(folder, *jane, "verify", "summit.pdf")
    hits = json.loads(_cli(folder, *klaus, "search", "communique", "--json"))
    assert hits and hits[0]["direction"] == "received", hits
    _cli(folder, *jane, "audit", "verify")
    _cli(folder, *klaus, "audit", "verify")
    _cli(folder, *jane, "backup", "--to-self", "-o", "jane-backup.age")
    assert (folder / "jane-backup.age").read_bytes().startswith(b"age-encryption.org/v1\n")


def gui_workflow(folder: Path) -> None:
    """The desktop application offscreen: the main window on a demo vault, a cable
    sealed and opened through the services on the window's worker pool."""
    from dataclasses import replace

    from PySide6.QtWidgets import QApplication

    from cabledesk.ui.main_window import MainWindow
    from cabledesk.ui.workers import Workers
    from tests.ui.demo_vault import DRAFT, build_demo_vault

    app = QApplication.instance() or QApplication([])
    session = build_demo_vault(folder, frus=20)
    workers = Workers()
    window = MainWindow(session, workers, None)
    window.show()
    app.processEvents()
    sealed = folder / "to-berlin.cable"
    cable = replace(DRAFT, id="0ff1c0de-0000-4000-8000-000000000001")
    results: list[Any] = []
    recipients = session.contacts.resolve(["Klaus"])
    workers.run(
        "seal and open",
        lambda _: (
            session.sealing.seal(cable, recipients, sealed),
            session.opening.open(sealed),
        ),
        on_done=results.append,
        on_failed=results.append,
    )
    deadline = time.monotonic() + 60
    while not results and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    assert results and isinstance(results[0], tuple), f"sealing or opening failed: {results}"
    _, (verification, archive_id) = results[0]
    assert verification.ok and archive_id is not None, verification.message
    assert session.archive.search("Elysee"), "the sealed cable is not found in the archive"
    window.close()
    workers.wait()
    session.lock()


def workflow(folder: Path) -> None:
    cli_workflow(folder / "cli")
    gui_workflow(folder / "gui")
    print(DONE, flush=True)


# --- the test ---------------------------------------------------------------------------


def _environment(home: Path) -> dict[str, str]:
    """What the workflow needs, nothing of the developer's desktop session."""
    home.mkdir(parents=True, exist_ok=True)
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "PYTHONPATH": str(ROOT),
        "PYTHONDONTWRITEBYTECODE": "1",
    }


def _namespace_prefix() -> tuple[list[str], str] | None:
    """A command prefix that runs a program in a new network namespace, as this user."""
    env = shutil.which("env") or "/usr/bin/env"
    candidates = [(["unshare", "-rn", "--"], "unshare -rn (user and network namespace)")]
    if os.geteuid() == 0:
        candidates.append((["unshare", "-n", "--"], "unshare -n (as root)"))
    elif shutil.which("sudo") and shutil.which("setpriv"):
        back = ["setpriv", f"--reuid={os.getuid()}", f"--regid={os.getgid()}", "--clear-groups"]
        candidates.append(
            (["sudo", "-n", "unshare", "-n", "--", *back, "--"], "sudo -n unshare -n, then setpriv")
        )
    for prefix, how in candidates:
        if shutil.which(prefix[0]) is None:
            continue
        probe = subprocess.run([*prefix, env, "true"], capture_output=True, timeout=30)
        if probe.returncode == 0:
            return [*prefix, env, "-i"], how
    return None


def _run_workflow(prefix: list[str], folder: Path) -> subprocess.Popen[str]:
    env = _environment(folder / "home")
    command = [*prefix, *(f"{k}={v}" for k, v in env.items()), sys.executable, "-m",
               "tests.interop.test_offline", str(folder / "work")]  # fmt: skip
    return subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


def _finish(proc: subprocess.Popen[str], what: str) -> str:
    try:
        output, _ = proc.communicate(timeout=WORKFLOW_TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        output, _ = proc.communicate()
        pytest.fail(f"the workflow {what} did not finish in {WORKFLOW_TIMEOUT} s:\n{output}")
    assert proc.returncode == 0 and DONE in output, f"the workflow {what} failed:\n{output}"
    return output


def socket_families(trace: str) -> dict[str, int]:
    """How many ``socket()`` calls of each address family an strace log holds."""
    found: dict[str, int] = {}
    for family in _FAMILY.findall(trace):
        found[family] = found.get(family, 0) + 1
    return found


def test_socket_families_are_read_from_strace_lines() -> None:
    trace = (
        "12 socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0) = 3\n"
        "12 socket(AF_INET6, SOCK_DGRAM, IPPROTO_IP) = 4\n"
        "13 socket(AF_INET, SOCK_STREAM, IPPROTO_TCP) = -1 EACCES\n"
        '13 connect(3, {sa_family=AF_UNIX, sun_path="/run/bus"}, 110) = 0\n'
    )
    assert socket_families(trace) == {"AF_UNIX": 1, "AF_INET6": 1, "AF_INET": 1}


@pytest.mark.slow
def test_the_whole_workflow_runs_offline(tmp_path: Path) -> None:
    if ROUNDS < 1:
        pytest.skip(f"CABLEDESK_OFFLINE_ROUNDS={ROUNDS}: the workflow was not run")
    strace = require_tool("strace")
    require_tool("unshare")
    namespace = _namespace_prefix()
    if namespace is None:
        message = "no network namespace can be made here (unshare -rn, unshare -n, sudo -n)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{message}; the CI runner must allow one of them")
        pytest.skip(message)
    prefix, how = namespace

    probe = subprocess.run(
        [*prefix, sys.executable, "-c", _ISOLATION_PROBE],
        capture_output=True, text=True, timeout=30,
    )  # fmt: skip
    isolation = json.loads(probe.stdout)
    assert isolation["interfaces"] == ["lo"], isolation
    assert isolation["outside"] != "connected", isolation

    tracer = [strace, "-f", "-qq", "-e", "trace=network", "-o"]  # then the log's path
    if "--seccomp-bpf" in subprocess.run([strace, "-h"], capture_output=True, text=True).stdout:
        tracer.insert(1, "--seccomp-bpf")  # stops only at network calls: much faster
    # The control: a child process's Internet socket is seen (strace follows children).
    control = tmp_path / "control.log"
    child = "import socket; socket.socket(socket.AF_INET6).close()"
    subprocess.run(
        [*tracer, str(control), sys.executable, "-c",
         f"import subprocess, sys; subprocess.run([sys.executable, '-c', {child!r}], check=True)"],
        check=True, timeout=60,
    )  # fmt: skip
    assert socket_families(control.read_text()).get("AF_INET6") == 1

    env = shutil.which("env") or "/usr/bin/env"
    start = time.monotonic()
    families: dict[str, int] = {}
    for round_ in range(1, ROUNDS + 1):
        folder = tmp_path / f"round-{round_}"
        folder.mkdir()
        trace = folder / "strace.log"
        in_namespace = _run_workflow(prefix, folder / "namespace")
        traced = _run_workflow([*tracer, str(trace), env, "-i"], folder / "strace")
        _finish(in_namespace, f"in a network namespace ({how}), round {round_}")
        _finish(traced, f"under strace, round {round_}")
        log = trace.read_text(errors="replace")
        found = socket_families(log)
        internet = {f: n for f, n in found.items() if f in _INTERNET}
        assert not internet, f"round {round_}: Internet sockets were opened: {internet}\n" + (
            "\n".join(line for line in log.splitlines() if any(f in line for f in _INTERNET))
        )
        for family, count in found.items():
            families[family] = families.get(family, 0) + count
    elapsed = time.monotonic() - start
    print(f"offline workflow, {ROUNDS} round(s): {elapsed:.1f} s; "
          f"socket families seen under strace: {families}")  # fmt: skip


if __name__ == "__main__":
    workflow(Path(sys.argv[1]))
