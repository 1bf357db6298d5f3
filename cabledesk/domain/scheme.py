"""Classification schemes: ordered levels and controls, loaded from TOML files.

A scheme is data, not code: ``resources/schemes/*.toml`` ships the US, UK,
NATO, EU, French and German schemes, and a ministry adds its own by dropping
one more file in a folder (the format is described in
``resources/schemes/README.md``). Use :func:`load_scheme` for one file and
:class:`SchemeRegistry` for a folder of them; both raise
:class:`~cabledesk.errors.SchemeError` naming the file and the line of the
first problem.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from cabledesk.domain._scheme_parse import SchemeParser
from cabledesk.domain.native_forms import NativeForm, form_problems
from cabledesk.errors import MarkingError, SchemeError
from cabledesk.phrase import Phrase
from cabledesk.resources import resource_path

__all__ = [
    "AuthorityRules",
    "ClassificationScheme",
    "Control",
    "ForeignLevel",
    "ForeignRules",
    "Level",
    "ReleaseRules",
    "SchemeRegistry",
    "load_scheme",
]

AUDIENCES = frozenset({"nationals", "release-list", "named-addressees"})
# The layouts an exported document can take (``document_template`` in a scheme file).
DOCUMENT_TEMPLATES = ("us-cable", "uk-telegram")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True, slots=True)
class Level:
    """One classification level; ``rank`` orders levels within their scheme.

    ``tier`` places the level on the common scale used for equivalences across
    schemes: 0 unclassified, 1 restricted, 2 confidential, 3 secret, 4 top secret.
    """

    name: str
    portion: str
    rank: int
    tier: int
    classified: bool
    colour: str
    text_colour: str
    aliases: tuple[str, ...] = ()
    # Whether receiving information of this level needs a security clearance. NATO
    # RESTRICTED and RESTREINT UE are classified yet need none (need-to-know and the
    # nationality of a member state suffice): C-M(2002)49 encl. C, Council Decision
    # 2013/488/EU art. 7.
    clearance_required: bool = True


@dataclass(frozen=True, slots=True)
class Control:
    """A caveat, dissemination control or caption that a marking may carry.

    ``audience`` tells the release policy who may receive what it marks:
    ``"nationals"`` (only nationals of the originating country, e.g. NOFORN),
    ``"release-list"`` (only the countries listed, e.g. REL TO),
    ``"named-addressees"`` (only the cable's addressees, e.g. NODIS), or None.
    """

    name: str
    portion: str
    category: str
    order: int
    description: str = ""
    aliases: tuple[str, ...] = ()
    min_level: str | None = None
    max_level: str | None = None
    audience: str | None = None
    supersedes: tuple[str, ...] = ()
    # "any": a banner carries the control if any portion does (NOFORN, ORCON);
    # "all": only if every portion does (RELIDO, CAPCO register).
    rollup: str = "any"
    # A special-access category (ATOMAL, BOHEMIA): a recipient must hold its briefing.
    access: bool = False


@dataclass(frozen=True, slots=True)
class ReleaseRules:
    """How a scheme writes release lists (``REL TO USA, GBR``).

    ``marking_required``: classified information that carries no release
    marking (no release list, no nationals-only control) is for nationals of
    the scheme's country only, as foreign release needs a disclosure decision
    written on the marking (the US rule).
    """

    control: str
    originator_only: str | None
    tetragraphs: tuple[str, ...]
    marking_required: bool = False
    # Whether a release list names the originating country too (``REL TO USA, GBR``).
    # NATO's and the EU's name only those beyond their members (``RELEASABLE TO AUS``).
    includes_originator: bool = True


@dataclass(frozen=True, slots=True)
class ForeignLevel:
    """A level of foreign classified information as a scheme writes it inside its own
    documents: ``S`` in ``(//GBR S)``, ``NS`` in ``(//NS)``.

    ``organisation`` is set for an organisation's own marks (``NATO`` for ``NS``),
    written without a country code; generic levels are written after one.
    """

    portion: str
    name: str
    tier: int
    organisation: str | None = None


@dataclass(frozen=True, slots=True)
class ForeignRules:
    """How a scheme marks foreign government information (FGI) in its documents.

    ``control`` is the banner control naming the foreign originators (``FGI DEU GBR``);
    ``levels`` are the generic foreign levels (written ``//GBR S``) and the organisations'
    own (written ``//NS``).
    """

    control: str
    levels: tuple[ForeignLevel, ...]

    def level(self, code: str | None, token: str) -> ForeignLevel | None:
        """The foreign level written ``token`` (portion or name) for originator ``code``
        (None: an organisation's own mark, which names its organisation)."""
        key = " ".join(token.split()).upper()
        for lv in self.levels:
            if lv.organisation == code and key in (lv.portion, lv.name):
                return lv
        return None


@dataclass(frozen=True, slots=True)
class AuthorityRules:
    """The classification authority block a classified cable must carry."""

    required_for_classified: bool
    reasons: tuple[str, ...]
    max_declassify_years: int | None
    exemptions: tuple[str, ...]
    unclassified_eo_line: str | None
    # Drafting rules 2 (E.O. 13526 §1.5, §3.3; 32 CFR 2001.21(e), 2001.26):
    # "Declassify on" values no longer allowed, each with the order or rule that ended it;
    # exemptions only a derivative source (an ISCAP-approved guide) may give;
    # the furthest an exemption's date may lie after the cable, in years.
    obsolete: Mapping[str, str] = field(default_factory=dict)
    exemptions_need_source: tuple[str, ...] = ()
    max_exempt_years: int | None = None


@dataclass(frozen=True, slots=True, eq=False)
class ClassificationScheme:
    """A scheme's ordered levels, controls and rules; equal when their ids are.

    Use :meth:`level` and :meth:`control` to look names up (full names, portion
    abbreviations and aliases, case-insensitive); markings are parsed by
    :func:`cabledesk.domain.marking.parse_marking`.
    """

    id: str
    name: str
    country: str
    precedences: tuple[str, ...]
    legacy_precedences: tuple[str, ...]
    categories: tuple[str, ...]
    levels: tuple[Level, ...]
    controls: tuple[Control, ...]
    release: ReleaseRules | None
    authority: AuthorityRules | None
    tags_required: bool
    portion_aliases: Mapping[str, str]
    source: str = ""
    fgi: ForeignRules | None = None
    _level_index: Mapping[str, Level] = field(default_factory=dict, repr=False)
    _control_index: Mapping[str, Control] = field(default_factory=dict, repr=False)
    document_template: str = DOCUMENT_TEMPLATES[0]
    # The captions a cable of this scheme may carry (None: the file lists none, and
    # captions are not checked against a vocabulary). Drafting rules 2.
    captions: tuple[str, ...] | None = None
    # Native and legacy forms read into the current form, with a note (native_forms.py).
    native_forms: tuple[NativeForm, ...] = ()

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, ClassificationScheme):
            return NotImplemented
        return self.id == other.id

    def __hash__(self) -> int:
        return hash(self.id)

    def level(self, token: str) -> Level | None:
        """The level named by ``token`` (name, portion mark or alias), or None."""
        return self._level_index.get(_key(token))

    def control(self, token: str) -> Control | None:
        """The control named by ``token`` (name, portion mark or alias), or None."""
        return self._control_index.get(_key(token))

    def level_named(self, name: str) -> Level:
        """The level named by ``name`` (as :meth:`level` accepts it), for a name that must
        be one: a clearance, a ceiling, a level typed in a setting or on the command line.

        Raises MarkingError naming the scheme and listing its levels. This is the one
        way CableDesk refuses an unknown level name; :meth:`level` is for callers that
        have something else to do with a name that is not a level.
        """
        found = self.level(name)
        if found is None:
            raise MarkingError(
                Phrase.of(
                    "{token} is not a classification level of the {scheme} scheme.",
                    token=repr(name.strip()),
                    scheme=self.name,
                ),
                hint=Phrase.of(
                    "Levels of this scheme: {levels}.", levels=[lv.name for lv in self.levels]
                ),
            )
        return found

    @property
    def lowest(self) -> Level:
        return self.levels[0]

    @property
    def lowest_classified(self) -> Level | None:
        return next((lv for lv in self.levels if lv.classified), None)


def _key(token: str) -> str:
    return " ".join(token.split()).upper()


def load_scheme(path: Path) -> ClassificationScheme:
    """Load one scheme file; raises SchemeError naming the file and the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise SchemeError(f"Cannot read the classification scheme file {path}: {exc}") from exc
    return parse_scheme(text, source=str(path))


def parse_scheme(text: str, *, source: str = "<scheme>") -> ClassificationScheme:
    """Parse the text of a scheme file; raises SchemeError naming ``source`` and the line."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise SchemeError(
            f"The classification scheme file {source} is not valid TOML: {exc}",
            hint="Fix the line named above; the format is in resources/schemes/README.md.",
        ) from exc
    except RecursionError:
        raise SchemeError(
            f"The classification scheme file {source} is not valid TOML: its arrays or "
            "tables are nested far too deeply.",
            hint="The format is in resources/schemes/README.md.",
        ) from None
    p = SchemeParser(data, text, source)
    levels = tuple(
        Level(
            name=p.text(entry, "name", "levels", i).upper(),
            portion=p.text(entry, "portion", "levels", i).upper(),
            rank=i,
            tier=p.integer(entry, "tier", "levels", i, 0, 4),
            classified=p.boolean(entry, "classified", "levels", i),
            colour=p.pattern(entry, "colour", "levels", i, _COLOUR, "a colour like #c8102e"),
            text_colour=p.pattern(
                entry, "text_colour", "levels", i, _COLOUR, "a colour like #ffffff"
            ),
            aliases=tuple(a.upper() for a in p.texts(entry, "aliases", "levels", i)),
            clearance_required=p.optional_boolean(
                entry,
                "clearance_required",
                default=p.boolean(entry, "classified", "levels", i),
            ),
        )
        for i, entry in enumerate(p.tables("levels"))
    )
    if not levels:
        p.fail("it defines no [[levels]]")
    level_names = {lv.name for lv in levels}
    categories = tuple(p.texts(data, "categories", None, None))
    controls = tuple(
        p.control(entry, i, categories, level_names, AUDIENCES, Control)
        for i, entry in enumerate(p.tables("controls"))
    )
    control_names = {c.name for c in controls}
    for i, c in enumerate(controls):
        for other in c.supersedes:
            if other not in control_names:
                p.fail(f"control {c.name} supersedes unknown control {other!r}", "controls", i)
    release = p.release(control_names)
    scheme = ClassificationScheme(
        id=p.text(data, "id", None, None).lower(),
        name=p.text(data, "name", None, None),
        country=p.text(data, "country", None, None).upper(),
        precedences=tuple(p.texts(data, "precedences", None, None)),
        legacy_precedences=tuple(p.texts(data, "legacy_precedences", None, None)),
        categories=categories,
        levels=levels,
        controls=controls,
        release=release,
        authority=p.authority(),
        tags_required=p.optional_boolean(data, "tags_required", default=False),
        portion_aliases={_key(k): v for k, v in p.string_table("portion_aliases").items()},
        source=source,
        fgi=p.foreign(control_names),
        _level_index=p.index(
            ((t, lv) for lv in levels for t in (lv.name, lv.portion, *lv.aliases)), _key
        ),
        _control_index=p.index(
            ((t, c) for c in controls for t in (c.name, c.portion, *c.aliases)), _key
        ),
        document_template=_document_template(p, data),
        captions=_captions(p, data),
        native_forms=p.native_forms(NativeForm),
    )
    if not scheme.precedences:
        p.fail("it lists no precedences")
    for i, key, problem in form_problems(scheme):
        p.fail(problem, "native_forms", i, key)
    return scheme


def _document_template(p: SchemeParser, data: Mapping[str, object]) -> str:
    """The layout of the scheme's documents: ``document_template``, default ``us-cable``."""
    template = p.optional_text(data, "document_template", None, None)
    if template is None:
        return DOCUMENT_TEMPLATES[0]
    if template not in DOCUMENT_TEMPLATES:
        p.fail(
            f"'document_template' must be one of {', '.join(DOCUMENT_TEMPLATES)}, not {template!r}",
            None,
            None,
            "document_template",
        )
    return template


def _captions(p: SchemeParser, data: Mapping[str, object]) -> tuple[str, ...] | None:
    if "captions" not in data:
        return None
    return tuple(_key(c) for c in p.texts(data, "captions", None, None))


class SchemeRegistry(Mapping[str, ClassificationScheme]):
    """The schemes found in a folder, by id (``us``, ``uk``, ``nato``, …)."""

    def __init__(self, schemes: Mapping[str, ClassificationScheme]) -> None:
        self._schemes = dict(schemes)

    @classmethod
    def load(cls, *folders: Path) -> SchemeRegistry:
        """Load every ``*.toml`` in the folders (default: the shipped schemes).

        Raises SchemeError for a malformed file or two files with the same id.
        """
        found: dict[str, ClassificationScheme] = {}
        for folder in folders or (resource_path("schemes"),):
            for path in sorted(folder.glob("*.toml")):
                scheme = load_scheme(path)
                if scheme.id in found:
                    raise SchemeError(
                        f"Two classification scheme files use the id {scheme.id!r}: "
                        f"{found[scheme.id].source} and {path}",
                        hint="Give each scheme file its own id.",
                    )
                found[scheme.id] = scheme
        return cls(found)

    def __getitem__(self, scheme_id: str) -> ClassificationScheme:
        return self._schemes[scheme_id.lower()]

    def __iter__(self) -> Iterator[str]:
        return iter(self._schemes)

    def __len__(self) -> int:
        return len(self._schemes)

    def get_scheme(self, scheme_id: str) -> ClassificationScheme:
        """The scheme with this id; SchemeError listing the known ids otherwise."""
        try:
            return self[scheme_id]
        except KeyError:
            known = ", ".join(sorted(self._schemes))
            raise SchemeError(
                f"There is no classification scheme called {scheme_id!r}.",
                hint=f"Known schemes: {known}.",
            ) from None
