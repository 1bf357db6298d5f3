"""The release policy for a file encrypted to contacts: what it is marked, and who may read it.

:func:`check_release` applies :func:`cabledesk.domain.policy.check_all` — the
rules sealing applies — to every marking the file is known by:

- the label the file carries (:func:`~cabledesk.services._file_labels.read_label`):
  a cable's computed banner, a CableDesk document's label, a backup's level
  (the top of the user's scheme);
- the marking the user states, if any (a level or a marking of the user's
  scheme): stating one never lowers what the file says of itself, it adds to it;
- for a plain file with a stated marking, the markings of the same scheme seen
  in its first KiB (a ``SECRET//NOFORN`` line is not outweighed by
  ``--marking UNCLASSIFIED``).

A file with no label of its own (any file that is not a CableDesk cable,
document or backup; a sealed cable, whose banner is inside its encryption)
needs a stated marking: until one is given the check has no decision and
:meth:`ReleaseCheck.enforce` refuses. A contact's decision holds the reasons
of every marking (refusals first); the refusal lists them in the words sealing
uses.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from cabledesk.domain.cable import Cable, cable_banner
from cabledesk.domain.marking import Marking
from cabledesk.domain.policy import Decision, Reason, RecipientProfile, check_all
from cabledesk.domain.scheme import ClassificationScheme, Level
from cabledesk.errors import PolicyRefusal
from cabledesk.phrase import Phrase
from cabledesk.services._file_labels import FileKind, FileLabel
from cabledesk.services._recipient_profiles import profiles_of
from cabledesk.store.contacts import Contact

__all__ = ["ReleaseCheck", "check_release"]


@dataclass(frozen=True, slots=True)
class ReleaseCheck:
    """What encrypting ``file`` (its name) to ``decisions``' contacts would meet."""

    file: str
    label: FileLabel
    stated: Marking | None
    markings: tuple[Marking, ...]  # what the policy was applied to
    decisions: tuple[tuple[Contact, RecipientProfile, Decision], ...]

    @property
    def needs_marking(self) -> bool:
        """The file says nothing CableDesk can read of its classification, and the user
        stated no marking."""
        return not self.markings

    def refused(self) -> list[tuple[Contact, Decision]]:
        return [(c, d) for c, _, d in self.decisions if not d.allowed]

    def needs_confirmation(self) -> list[Contact]:
        return [c for c, _, d in self.decisions if d.allowed and d.needs_confirmation]

    def ready(self, confirmed: Collection[str] = ()) -> bool:
        """A marking known, and every contact allowed (and confirmed where needed)."""
        return not self.needs_marking and all(
            d.permits(confirmed=c.fingerprint in confirmed) for c, _, d in self.decisions
        )

    def enforce(self, confirmed: Collection[str] = ()) -> None:
        """Raise PolicyRefusal unless :meth:`ready`: the file needs a stated marking, or
        the policy's reasons for every contact in the way (as sealing words them)."""
        if self.needs_marking:
            raise _marking_needed(self)
        blocking: list[str] = []
        unconfirmed = False
        for contact, _, decision in self.decisions:
            if decision.permits(confirmed=contact.fingerprint in confirmed):
                continue
            blocking += [r.text for r in decision.reasons if r.refuses or decision.allowed]
            unconfirmed = unconfirmed or decision.allowed
        if not blocking:
            return
        raise PolicyRefusal(
            Phrase.of(
                "The release policy does not allow {file} ({banner}) to be encrypted to "
                "these recipients:{reasons}",
                file=self.file,
                banner=[m.banner for m in self.markings],
                reasons="".join(f"\n- {text}" for text in blocking),
            ),
            hint=Phrase.of(
                "Remove the recipients named above; confirm unverified recipients only if "
                "you trust their keys."
            )
            if unconfirmed
            else Phrase.of("Remove the recipients named above."),
        )


def _marking_needed(check: ReleaseCheck) -> PolicyRefusal:
    hint = Phrase.of(
        "State its marking, a level of your scheme such as CONFIDENTIAL: --marking on the "
        "command line, or the marking choice in the desktop."
    )
    kind = check.label.kind
    if kind is FileKind.OTHER and check.label.found:
        message = Phrase.of(
            "{file} looks classified ({markings}): state its marking before encrypting it "
            "to contacts.",
            file=check.file,
            markings=[m.banner for m in check.label.found],
        )
    elif kind is FileKind.OTHER:
        message = Phrase.of(
            "{file} is not a CableDesk cable or document: state its marking before "
            "encrypting it to contacts.",
            file=check.file,
        )
    else:  # a sealed cable, a document whose label cannot be read
        message = Phrase.of(
            "CableDesk cannot read the marking of {file} (a sealed cable keeps it inside "
            "its encryption): state it before encrypting it to contacts.",
            file=check.file,
        )
    return PolicyRefusal(message, hint=hint)


def check_release(
    file: str,
    label: FileLabel,
    stated: Marking | None,
    contacts: Sequence[Contact],
    *,
    schemes: Mapping[str, ClassificationScheme],
    now: datetime,
    attested_from: Level | None = None,
) -> ReleaseCheck:
    """The release policy's decision for each of ``contacts`` on the file ``label``
    describes (``file`` names it in sentences), with the marking the user ``stated``.

    ``attested_from``: the level from which attributes must be attested (issue 16).
    Raises KeyError for a cable of a scheme not in ``schemes``, MarkingError for a
    cable whose portion marks cannot be read.
    """
    cases: list[tuple[Cable, Marking]] = []
    if label.cable is not None:
        cable = label.cable
        cases.append((cable, cable_banner(cable, schemes[cable.scheme.lower()])))
    elif label.marking is not None:
        cases.append((_carrier(label.marking, label.originator), label.marking))
    if stated is not None:
        cases.append((_carrier(stated, label.originator), stated))
        if label.kind is FileKind.OTHER:
            same = [m for m in label.found if m.scheme == stated.scheme and m != stated]
            cases += [(_carrier(m, ""), m) for m in same]
    markings = tuple(dict.fromkeys(m for _, m in cases))
    if not cases:
        return ReleaseCheck(file, label, stated, (), ())
    profiles = profiles_of(contacts, now, card_claims=True)
    reasons: list[list[Reason]] = [[] for _ in contacts]
    for cable, marking in cases:
        checked = check_all(
            profiles, cable, marking, schemes=schemes, now=now, attested_from=attested_from
        )
        for i, (_, decision) in enumerate(checked):
            reasons[i] += [r for r in decision.reasons if r not in reasons[i]]
    decisions = tuple(
        (contact, profile, Decision(tuple(sorted(found, key=lambda r: not r.refuses))))
        for contact, profile, found in zip(contacts, profiles, reasons, strict=True)
    )
    return ReleaseCheck(file, label, stated, markings, decisions)


def _carrier(marking: Marking, originator: str) -> Cable:
    """An empty cable marked ``marking``, for the rules that read a cable (captions and
    named addressees: a document names its originator, the one post a named-addressee
    control then releases it to)."""
    return Cable(
        id="",
        scheme=marking.scheme.id,
        precedence="",
        originator=originator,
        action=(),
        subject="",
        subject_marking=marking.portion,
        paragraphs=(),
    )
