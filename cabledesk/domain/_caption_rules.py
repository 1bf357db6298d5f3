"""Captions bind: the captions of a cable against its scheme and its portions.

The rules (5 FAH-2 H-440 captions and handling instructions; 5 FAH-2 H-250 SPECAT;
the scheme file's ``captions`` vocabulary and its ``[[controls]]``):

- a cable carries at most one channel caption (5 FAH-2 H-441);
- a caption outside the scheme's vocabulary is unknown (the release policy
  would not apply it, so a misspelt NODIS would not protect anything);
- a caption that is also a control of the scheme (NODIS, EXDIS…) restricts the
  text only through the portions it marks: a NODIS caption needs a portion
  marked ND, an EXDIS caption one marked XD;
- two captions of which one supersedes the other (NODIS and EXDIS) contradict.

The vocabulary and the binding are today's practice: an imported record dated
before E.O. 13526 took effect gets warnings from them; a later one, errors.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Sequence

from cabledesk.domain._findings import EO_13526_EFFECTIVE, Findings, Historic, until
from cabledesk.domain.cable import Cable
from cabledesk.domain.marking import Marking
from cabledesk.domain.scheme import ClassificationScheme
from cabledesk.phrase import Phrase

__all__ = ["check_captions"]

_FIELD = "captions"


def check_captions(
    cable: Cable,
    scheme: ClassificationScheme,
    portions: Sequence[Marking],
    f: Findings,
) -> None:
    """Every finding about the cable's captions, given the parsed marks of its portions
    (paragraphs, subject and attachments)."""
    names = [" ".join(c.upper().split()) for c in cable.captions]
    today = until(EO_13526_EFFECTIVE, cable, Historic.WARN)
    channels = [c for c in names if c.endswith("CHANNEL")]
    if len(channels) > 1:
        f.error(
            _FIELD,
            Phrase.of(
                "A cable can carry only one channel caption, not {count} ({captions}). Keep one.",
                count=str(len(channels)),
                captions=channels,
            ),
        )
    for i, caption in enumerate(names, start=1):
        if scheme.captions is not None and not _known(caption, scheme.captions):
            f.error(
                f"captions[{i}]",
                Phrase.of(
                    "{caption} is not a caption of the {scheme} scheme; use one of: {allowed}.",
                    caption=caption,
                    scheme=scheme.name,
                    allowed=list(scheme.captions),
                ),
                since=2,
                historic=today,
            )
    marked = {c.name for m in portions for c in m.controls}
    for i, caption in enumerate(names, start=1):
        control = scheme.control(caption)
        if control is None or control.name != caption:
            continue
        if control.name not in marked:
            f.error(
                f"captions[{i}]",
                Phrase.of(
                    "The caption {caption} restricts nothing: no portion is marked {portion}. "
                    "Mark the portions it covers, e.g. ({example}).",
                    caption=caption,
                    portion=control.portion,
                    example=f"{(scheme.lowest_classified or scheme.lowest).portion}//"
                    f"{control.portion}",
                ),
                since=2,
                historic=today,
            )
        for other in control.supersedes:
            if other in names:
                f.error(
                    _FIELD,
                    Phrase.of(
                        "The captions {caption} and {other} contradict each other: {caption} "
                        "already restricts more. Keep only {caption}.",
                        caption=caption,
                        other=other,
                    ),
                    since=2,
                )


def _known(caption: str, vocabulary: Sequence[str]) -> bool:
    return any(
        fnmatch.fnmatchcase(caption, entry) if "*" in entry else caption == entry
        for entry in vocabulary
    )
