from __future__ import annotations

import subprocess
import sys

import pytest

from cabledesk.errors import WeakPassphrase
from cabledesk.services.passwords import (
    ADVICE,
    ESTIMATED_CHARS,
    MIN_SCORE,
    SCORE_WORDS,
    estimate,
    require_strong,
)


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("", 0),
        ("a", 0),
        ("Password1", 0),
        ("summer2024", 2),
        ("correct horse battery staple", 4),
        ("blue walrus orbit", 4),
    ],
)
def test_the_score_is_zxcvbns_and_the_words_are_ours(text: str, score: int) -> None:
    strength = estimate(text)
    assert strength.score == score
    assert strength.words == SCORE_WORDS[score]
    assert strength.acceptable is (score >= MIN_SCORE)


def test_a_weak_passphrase_is_refused_with_its_words_and_the_advice() -> None:
    with pytest.raises(WeakPassphrase) as info:
        require_strong("summer2024")
    assert info.value.message == f"This passphrase is too easy to guess. {SCORE_WORDS[2].render()}"
    assert info.value.hint_phrase == ADVICE and info.value.phrase is not None
    require_strong("correct horse battery staple")


def test_long_passphrases_are_estimated_on_their_beginning() -> None:
    require_strong("correct horse battery staple " * 10)  # zxcvbn itself refuses > 72
    with pytest.raises(WeakPassphrase):
        require_strong("a" * (ESTIMATED_CHARS * 3))


@pytest.mark.slow
def test_zxcvbn_loads_only_when_a_passphrase_is_judged() -> None:
    script = (
        "import sys\n"
        "import cabledesk.services.passwords as p\n"
        "print('zxcvbn' in sys.modules, end=' ')\n"
        "p.estimate('x')\n"
        "print('zxcvbn' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.stdout.split() == ["False", "True"], done.stderr
