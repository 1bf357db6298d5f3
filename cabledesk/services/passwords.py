"""The one passphrase-strength rule: how hard a new passphrase is to guess, in our words.

Every passphrase CableDesk lets a person *set* goes through :func:`require_strong`:
the vault's (created, or changed), the one that protects an exported secret
key, a backup's, and a file's (``encrypt -p`` and the desktop's "with a
passphrase"). Unlocking never does: the rule is for choosing, not for using.

The estimate is zxcvbn's (the number of guesses an attacker who knows common
passwords, words, names, dates, keyboard patterns and substitutions needs),
summed up as its score 0–4. The words shown for a score are CableDesk's own
(:data:`SCORE_WORDS`, :class:`~cabledesk.phrase.Phrase` templates that the
desktop translates and the command line prints in English), so both faces say
the same thing.

The minimum is :data:`MIN_SCORE` = 4, zxcvbn's top score (at least 10^10
guesses). Every secret this rule guards can be attacked offline, as long as
the attacker likes: a stolen laptop's ``vault.key``, a copied backup, an
exported key file, an intercepted file. Argon2id and scrypt make each guess
cost a fraction of a second here, but an adversary of a diplomat brings many
machines; below 10^10 guesses (zxcvbn's score 3 starts at 10^8) such an
adversary gets through within hours or days. Four unrelated ordinary words
reach the minimum, and that is the advice given.

zxcvbn loads its word lists (tens of milliseconds) at its first use, so it is
imported there, never at import of this module: commands and windows that set
no passphrase never load it.
"""

from __future__ import annotations

from dataclasses import dataclass

from cabledesk.errors import WeakPassphrase
from cabledesk.phrase import Phrase

__all__ = ["ADVICE", "MIN_SCORE", "SCORE_WORDS", "Strength", "estimate", "require_strong"]

MIN_SCORE = 4
# zxcvbn refuses longer input (its matching is quadratic); the rest adds strength anyway.
ESTIMATED_CHARS = 72

SCORE_WORDS: tuple[Phrase, ...] = (
    Phrase.of("Very weak: it would be guessed almost at once."),
    Phrase.of("Weak: a common password or pattern, quickly guessed."),
    Phrase.of("Fair, but far too easy to guess for what it protects."),
    Phrase.of("Nearly strong enough: add another word."),
    Phrase.of("Strong."),
)
ADVICE = Phrase.of(
    "Use four or more unrelated words; names, dates, places and well-known phrases are "
    "easy to guess."
)


@dataclass(frozen=True, slots=True)
class Strength:
    """zxcvbn's score (0–4) and CableDesk's words for it."""

    score: int
    words: Phrase

    @property
    def acceptable(self) -> bool:
        """Whether the passphrase may be set (its score reaches :data:`MIN_SCORE`)."""
        return self.score >= MIN_SCORE


def estimate(passphrase: str) -> Strength:
    """How hard ``passphrase`` is to guess (an empty one scores 0)."""
    if not passphrase:
        return Strength(0, SCORE_WORDS[0])
    from zxcvbn import zxcvbn  # slow to load: see the module docstring

    result = zxcvbn(passphrase[:ESTIMATED_CHARS])
    score = max(0, min(int(result["score"]), len(SCORE_WORDS) - 1))
    return Strength(score, SCORE_WORDS[score])


def require_strong(passphrase: str) -> None:
    """Refuse a passphrase that is too easy to guess.

    Raises WeakPassphrase, whose message holds the words of :func:`estimate`
    and whose hint is :data:`ADVICE`.
    """
    strength = estimate(passphrase)
    if not strength.acceptable:
        raise WeakPassphrase(
            Phrase.of("This passphrase is too easy to guess. {strength}", strength=strength.words),
            hint=ADVICE,
        )
