"""A large directory's cards read in helper processes (``services/_card_workers.py``):
the same facts as read here, the same vault after an import, and every way a helper
can fail (cannot start, dies, sends garbage, sends a chunk twice, hangs) ends with the
cards read here and no helper left running."""

from __future__ import annotations

import json
import marshal
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import cabledesk
from cabledesk.crypto.card_facts import CardFacts, from_wire, read_facts
from cabledesk.crypto.signedtext import canonical_json
from cabledesk.crypto.sshsig import DIRECTORY_NAMESPACE, sign
from cabledesk.errors import DirectoryError
from cabledesk.services import _card_workers as workers
from cabledesk.services._directory_import import read_ahead
from cabledesk.services.directory import WRITE_WHILE_LEFT, DirectoryService
from cabledesk.services.identity import IdentityRequest, IdentityService
from cabledesk.services.vault_access import VaultAccess
from cabledesk.store.home import VaultHome
from cabledesk.store.keychain import SystemKeychain
from cabledesk.store.vault import Vault
from tests.crypto.dirkit import ANCHOR, ANCHOR_KEY, directory, entry, person
from tests.services.conftest import SCHEMES
from tests.vaultkit import FAST, PASSPHRASE, Clock, MemoryKeyring

PEOPLE = [person(f"Person {i}", ("FRA", "USA")[i % 2]) for i in range(7)]
DIRECTORY = directory([entry(p) for p in PEOPLE])
TEXTS = [e.card for e in DIRECTORY.entries] + ["", "not a card", '{"format":1}\n']


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[subprocess.Popen[bytes]]]:
    """Chunks of two cards, helpers for any directory, and every helper started kept
    (to check that none is left running)."""
    monkeypatch.setattr(workers, "CHUNK", 2)
    monkeypatch.setattr(workers, "MIN_BYTES", 0)
    started: list[subprocess.Popen[bytes]] = []
    real = subprocess.Popen

    def popen(*args: Any, **kwargs: Any) -> subprocess.Popen[bytes]:
        process = real(*args, **kwargs)
        started.append(process)
        return process

    monkeypatch.setattr(subprocess, "Popen", popen)
    yield started
    for process in started:
        assert process.poll() is not None, "a helper is still running"


def _read(
    texts: list[str], helpers: int, *, share: bool = False
) -> tuple[list[CardFacts | None], int]:
    """Every card's facts as CardWorkers gives them, each card exactly once, and how
    many chunks were read here. Not shared unless asked: the helpers' chunks are
    waited for (so that what they send is what is tested), and only what they fail
    to send is read here."""
    with workers.CardWorkers(helpers, share=share) as cards:
        cards.begin(texts)
        facts: list[CardFacts | None] = [None] * len(texts)
        seen: list[int] = []
        for first, chunk in cards.chunks():
            assert 1 <= len(chunk) <= 2  # a share's last chunk may be shorter
            facts[first : first + len(chunk)] = chunk
            seen += range(first, first + len(chunk))
        here = sum(len(h._taken) for h in cards._helpers)
    assert sorted(seen) == list(range(len(texts)))
    return facts, here


def _helper(monkeypatch: pytest.MonkeyPatch, code: str) -> None:
    """Helpers that run ``code`` instead of the real work."""
    monkeypatch.setattr(workers, "_command", lambda: [sys.executable, "-I", "-c", code])


def test_helpers_read_the_same_facts_as_this_process(
    small_chunks: list[subprocess.Popen[bytes]],
) -> None:
    expected = read_facts(TEXTS)
    assert expected[-3:] == [None, None, None] and all(expected[:-3])
    assert _read(TEXTS, 0) == (expected, 5)  # no helper: all 5 chunks read here
    for helpers in (1, 2, 3):
        assert _read(TEXTS, helpers) == (expected, 0)  # all sent by the helpers
        assert _read(TEXTS, helpers, share=True)[0] == expected
    assert len(small_chunks) == 12  # each a process of its own
    assert _read([], 2) == ([], 0)


def test_shared_each_card_is_read_once_whoever_reads_it() -> None:
    texts = TEXTS * 40  # 200 chunks, split between a helper and this process as it goes
    assert _read(texts, 1, share=True)[0] == read_facts(texts)


def test_a_chunk_read_here_is_dropped_when_its_helper_sends_it() -> None:
    """What sharing does when this process reads a helper's last chunk: the helper
    sends it too (it reads its share from the first), and that copy is dropped."""
    with workers.CardWorkers(1, share=False) as cards:
        cards.begin(TEXTS)
        (helper,) = cards._helpers
        first, end = helper.take()
        assert (first, end) == (8, 10) and helper.left() == 4
        got = [(first, read_facts(TEXTS[first:end])), *cards.chunks()]
    assert sorted(start for start, _ in got) == [0, 2, 4, 6, 8]
    assert [f for _, chunk in sorted(got) for f in chunk] == read_facts(TEXTS)


def test_no_helper_on_one_core_or_for_a_small_directory(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "_cores", lambda: 1)
    assert workers.CardWorkers.start(10**9)._helpers == []
    monkeypatch.setattr(workers, "_cores", lambda: 8)
    monkeypatch.setattr(workers, "MIN_BYTES", 1024)
    assert workers.CardWorkers.start(1023)._helpers == []
    with workers.CardWorkers.start(1024) as many:
        assert len(many._helpers) == workers.MAX_WORKERS
    monkeypatch.setattr(workers, "_cores", lambda: 2)
    with workers.CardWorkers.start(1024) as one:  # one per other core
        assert len(one._helpers) == 1


# What a helper that reads its share, then answers wrongly, runs first.
_READS = (
    "import sys, marshal\n"
    "from cabledesk.crypto.card_facts import read_facts, to_wire\n"
    "start, chunk, texts = marshal.loads(sys.stdin.buffer.read())\n"
    "good = marshal.dumps((start, to_wire(read_facts(texts[:chunk]))))\n"
    "def frame(f): return len(f).to_bytes(4, 'big') + f\n"
    "out = sys.stdout.buffer\n"
)


@pytest.mark.parametrize(
    "code",
    [
        pytest.param("pass", id="exits-at-once"),
        pytest.param("import sys; sys.exit(3)", id="fails"),
        pytest.param("import sys; sys.stdout.buffer.write(b'\\x00\\x00\\x00\\x03abc')", id="junk"),
        pytest.param(_READS + "out.write(frame(good) * 2)", id="a-chunk-twice"),
        pytest.param(_READS + "out.write(frame(good)[:-3])", id="a-cut-frame"),
        pytest.param(
            _READS + "out.write(frame(marshal.dumps((start + 1, [None] * chunk))))",
            id="a-chunk-not-asked",
        ),
        pytest.param(_READS + "out.write(frame(marshal.dumps((start, [None]))))", id="too-few"),
        pytest.param(
            _READS + "out.write(frame(marshal.dumps((start, [('x',), 1]))))", id="not-facts"
        ),
        pytest.param(_READS + "out.write(frame(good)); sys.exit(1)", id="fails-after-a-chunk"),
        pytest.param(
            _READS + "out.write(frame(marshal.dumps((start, [tuple(range(11))] * chunk))))",
            id="facts-of-the-wrong-types",
        ),
        pytest.param(_READS + "out.write(b'\\xff' * 4 + good)", id="a-frame-far-too-long"),
    ],
)
def test_a_failing_helper_leaves_its_cards_to_this_process(
    monkeypatch: pytest.MonkeyPatch, code: str
) -> None:
    _helper(monkeypatch, code)
    facts, here = _read(TEXTS, 2)
    assert facts == read_facts(TEXTS) and here > 0


def test_a_helper_that_cannot_start_leaves_its_cards_to_this_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(workers, "_command", lambda: ["/nonexistent/cabledesk-helper"])
    assert workers.CardWorkers(2)._helpers == []
    assert _read(TEXTS, 2) == (read_facts(TEXTS), 5)


def test_a_helper_that_hangs_is_not_waited_for(monkeypatch: pytest.MonkeyPatch) -> None:
    """Shared (as an import reads), this process reads every chunk itself while the
    helper sends nothing, and stops it when all are read."""
    _helper(monkeypatch, "import time; time.sleep(60)")
    assert _read(TEXTS, 1, share=True) == (read_facts(TEXTS), 5)


def test_a_helper_that_does_not_read_its_cards_holds_nothing_up(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Its share (far more than a pipe holds) is sent by a thread of its own: begin
    returns at once, the cards are read here, and the helper is stopped."""
    _helper(monkeypatch, "import time; time.sleep(60)")
    texts = ["x" * 100_000] * 200  # 20 MB of texts that are no cards (each refused at once)
    assert _read(texts, 1, share=True) == ([None] * 200, 100)


def test_a_helper_answers_the_protocol() -> None:
    """The helper itself, run as an import runs it: one frame per chunk."""
    done = subprocess.run(
        [sys.executable, "-I", "-m", workers.__name__],
        input=marshal.dumps((10, 3, TEXTS[:4])),
        capture_output=True,
        check=True,
    )
    frames, out = [], done.stdout
    while out:
        size = int.from_bytes(out[:4], "big")
        frames.append(marshal.loads(out[4 : 4 + size]))
        out = out[4 + size :]
    assert [first for first, _ in frames] == [10, 13]
    expected = read_facts(TEXTS[:4])
    got = from_wire(frames[0][1], TEXTS[:3]) + from_wire(frames[1][1], TEXTS[3:4])
    assert got == expected
    for bad in (marshal.dumps([1, 2]), marshal.dumps((0, 0, [])), marshal.dumps((0, 2, [1]))):
        refused = subprocess.run(
            [sys.executable, "-I", "-m", workers.__name__], input=bad, capture_output=True
        )
        assert refused.returncode == 2 and refused.stdout == b""


def test_the_packaged_application_runs_its_command_line_executable_as_helper(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    gui = tmp_path / "cabledesk"
    gui.touch()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(gui))
    assert workers._command() == [str(gui), workers.WORKER_ARGUMENT]
    (tmp_path / "cabledesk-cli").touch()
    assert workers._command() == [str(tmp_path / "cabledesk-cli"), workers.WORKER_ARGUMENT]


def test_a_helper_runs_this_very_copy_of_cabledesk() -> None:
    """Not another one installed in the same Python (a source checkout's helpers
    would otherwise read cards with other code): its folder comes first."""
    command = workers._command()
    assert command[:3] == [sys.executable, "-I", "-c"]
    assert command[4] == str(Path(cabledesk.__file__).resolve().parents[1])
    probe = command[3].replace("from cabledesk.services._card_workers import serve; ", "")
    probe = probe.replace("serve(sys.stdin.buffer, sys.stdout.buffer)", "import cabledesk; ")
    shown = subprocess.run(
        [*command[:3], probe + "print(cabledesk.__file__)", command[4]],
        capture_output=True,
        text=True,
        check=True,
        cwd="/",
    )
    assert shown.stdout.strip() == cabledesk.__file__


# --- an import with helpers --------------------------------------------------------------


def _vault(tmp_path: Path, name: str) -> Vault:
    access = VaultAccess(
        VaultHome(tmp_path / name), SystemKeychain(MemoryKeyring()), now=Clock(), kdf=FAST
    )
    vault = access.create(PASSPHRASE)
    IdentityService(vault, SCHEMES).create(
        IdentityRequest(name="Jane Doe", post="AMEMBASSY PARIS", nationality="USA")
    )
    DirectoryService(vault).trust(ANCHOR, "handed over")
    return vault


def _people(vault: Vault) -> list[Any]:
    """The contacts and attestations an import wrote (not their row ids, which follow
    the order in which chunks were read)."""
    return [
        sorted(vault.db.query("SELECT fingerprint, card, name, post, expires FROM contacts")),
        sorted(vault.db.query("SELECT * FROM directory_attestations")),
    ]


def test_an_import_with_helpers_writes_what_an_import_here_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_chunks: list[subprocess.Popen[bytes]]
) -> None:
    data = DIRECTORY.to_bytes()
    here, helped = _vault(tmp_path, "here"), _vault(tmp_path, "helped")
    monkeypatch.setattr(workers, "_cores", lambda: 1)
    DirectoryService(here).import_directory(data)
    assert small_chunks == []
    monkeypatch.setattr(workers, "_cores", lambda: 2)
    outcome = DirectoryService(helped).import_directory(data)
    assert len(small_chunks) == 1 and outcome.added == len(PEOPLE)
    assert _people(helped) == _people(here) and len(_people(here)[0]) == len(PEOPLE)
    for vault in (here, helped):
        vault.lock()


def test_a_malformed_card_read_by_a_helper_refuses_the_whole_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, small_chunks: list[subprocess.Popen[bytes]]
) -> None:
    """The last chunk's card is broken (validly signed): the people of the chunks
    written before it are rolled back, nothing changes, and the helpers are stopped."""
    monkeypatch.setattr(workers, "_cores", lambda: 2)
    doc = json.loads(DIRECTORY.to_bytes().partition(b"\n")[0])
    doc["entries"][-1]["card"] = doc["entries"][-1]["card"].replace('"sequence":1', '"sequence":0')
    body = canonical_json(doc)
    data = body + b"\n" + sign(ANCHOR_KEY, DIRECTORY_NAMESPACE, body).encode()
    vault = _vault(tmp_path, "vault")
    before = _people(vault)
    last = DIRECTORY.entries[-1].fingerprint
    with pytest.raises(DirectoryError, match=rf"card of {re.escape(last)} .*sequence"):
        DirectoryService(vault).import_directory(data)
    assert _people(vault) == before == [[], []]
    assert len(small_chunks) == 1
    vault.lock()


@pytest.mark.parametrize("entry_point", ["entry_cli.py", "entry_gui.py"])
def test_the_packaged_entry_points_serve_as_helpers(entry_point: str) -> None:
    """What PyInstaller builds the two executables from: with WORKER_ARGUMENT alone,
    each answers as a helper (and the desktop one loads no Qt for it)."""
    script = Path(__file__).parents[2] / "packaging" / entry_point
    probe = (
        f"import runpy, sys; sys.argv = [{entry_point!r}, {workers.WORKER_ARGUMENT!r}]; "
        f"runpy.run_path({str(script)!r}, run_name='__main__')"
    )
    done = subprocess.run(
        [sys.executable, "-I", "-c", probe + "; assert 'PySide6' not in sys.modules"],
        input=marshal.dumps((0, 5, TEXTS[:2])),
        capture_output=True,
        env={"PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    first, wire = marshal.loads(done.stdout[4:])
    assert first == 0 and from_wire(wire, TEXTS[:2]) == read_facts(TEXTS[:2])


def test_the_vault_stays_free_while_the_cards_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading the cards is most of an import: no transaction is open meanwhile, so
    another thread (the desktop's other work) can use the vault; a card that fails
    is found before anything is written."""
    vault = _vault(tmp_path, "vault")
    answered: list[bool] = []
    real = read_facts

    def read_and_ask(texts: list[str]) -> list[CardFacts | None]:
        done = threading.Event()

        def ask() -> None:
            vault.db.query("SELECT count(*) FROM contacts")
            done.set()

        threading.Thread(target=ask, daemon=True).start()
        answered.append(done.wait(timeout=10))
        return real(texts)

    monkeypatch.setattr(workers, "read_facts", read_and_ask)
    monkeypatch.setattr(workers, "_cores", lambda: 1)
    DirectoryService(vault).import_directory(DIRECTORY.to_bytes())
    assert answered and all(answered)
    vault.lock()


def test_most_cards_are_read_before_the_people_are_written() -> None:
    """read_ahead takes chunks until its test says enough (the import's: helpers have
    WRITE_WHILE_LEFT of the cards left), the rest is left to the transaction; with
    no helper reading, helped_left is None and every card is read first."""
    facts = [f for f in read_facts(TEXTS) if f is not None]
    chunks = iter([(i, facts[i : i + 1]) for i in range(5)])
    asked = iter([False, True])
    first = read_ahead(chunks, lambda: next(asked))
    assert [start for start, _ in first] == [0, 1] and next(chunks)[0] == 2
    with workers.CardWorkers(0) as alone:
        alone.begin(TEXTS)
        assert alone.helped_left() is None
    with workers.CardWorkers(1, share=False) as helped:
        helped.begin(TEXTS)
        assert helped.helped_left() == 1.0
        for _ in helped.chunks():
            pass
        assert helped.helped_left() is None
    assert 0 < WRITE_WHILE_LEFT < 1
