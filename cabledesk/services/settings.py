"""Every setting of the vault, by the kebab-case key both faces use.

``cabledesk-cli settings show|set KEY VALUE`` and the desktop's Settings dialog
go through :class:`SettingsService`: :meth:`SettingsService.show` lists each
setting (key, value, default, description) as text, :meth:`SettingsService.set`
parses a typed value, checks it, stores it and writes a "setting changed" entry
in the audit log, and :meth:`SettingsService.get` gives the typed value of a
declared setting (the constants re-exported here) to the code that applies it.
:meth:`SettingsService.safeguards` reads the three the desktop applies while the
vault is open (:class:`Safeguards`) in one call, so that it can read them off
the GUI thread, at unlock and after a change, and apply them from memory.

Values as text (what ``set`` accepts and ``show`` prints, the one round-tripping
to the other):

- levels (``export-ceiling``): ``default``, ``off``, or a level name of the
  user's scheme (see :mod:`cabledesk.services._ceiling_setting`);
  ``post-quantum-from``: ``off`` or a level name of the user's scheme (see
  :mod:`cabledesk.services._post_quantum`);
- booleans (``lock-on-screen-lock``): ``on`` or ``off``;
- numbers (``auto-lock-minutes``, ``draft-history``, ``clipboard-clear-seconds``):
  digits within the setting's range (``auto-lock-minutes`` also takes ``off``, 0);
- ``default-scheme``: the id of a scheme (``us``, ``uk``, …); ``paper``: ``a4``
  or ``letter``; ``language``: ``system``, ``en`` or ``fr``.

A value the setting does not accept raises :class:`~cabledesk.errors.SettingError`
(or MarkingError / SchemeError for a level or scheme that does not exist),
naming the key and what it accepts, in :class:`~cabledesk.phrase.Phrase` sentences
that the desktop translates.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from cabledesk.domain.export_ceiling import ExportCeiling
from cabledesk.domain.scheme import Level, SchemeRegistry
from cabledesk.errors import SettingError
from cabledesk.phrase import Phrase
from cabledesk.services._attested_from import attested_from_level, canonical_attested_from
from cabledesk.services._ceiling_setting import (
    DEFAULT_WORD,
    canonical_ceiling,
    ceiling_from_setting,
)
from cabledesk.services._level_setting import canonical_level  # issue 18
from cabledesk.services._post_quantum import canonical_pq_from, pq_threshold
from cabledesk.store.audit import Event
from cabledesk.store.directory import DirectoryStore
from cabledesk.store.settings import (
    APPROVAL_REQUIRED_FROM,  # issue 18
    ATTESTED_FROM,
    AUTO_LOCK_MINUTES,
    CLIPBOARD_CLEAR_SECONDS,
    DEFAULT_SCHEME,
    DRAFT_HISTORY_LIMIT,
    EXPORT_CEILING,
    LANGUAGE,
    LOCK_ON_SCREEN_LOCK,
    PAPER,
    POST_QUANTUM_FROM,
    SETTINGS,
    TWO_PERSON_FROM,  # issue 18
    Setting,
)
from cabledesk.store.vault import Vault

__all__ = [
    "APPROVAL_REQUIRED_FROM",
    "ATTESTED_FROM",
    "AUTO_LOCK_MINUTES",
    "CLIPBOARD_CLEAR_SECONDS",
    "DEFAULT_SCHEME",
    "DRAFT_HISTORY_LIMIT",
    "EXPORT_CEILING",
    "KEYS",
    "LANGUAGE",
    "LOCK_ON_SCREEN_LOCK",
    "PAPER",
    "POST_QUANTUM_FROM",
    "TWO_PERSON_FROM",
    "Safeguards",
    "SettingView",
    "SettingsService",
]

Value = int | str | bool
# Schemes whose documents are printed on US Letter by default (ISO A4 elsewhere).
LETTER_SCHEMES = frozenset({"us"})
T = TypeVar("T", int, str, bool)
AnySetting = Setting[int] | Setting[str] | Setting[bool]

KEYS: tuple[str, ...] = tuple(s.key for s in SETTINGS)
_BY_KEY: dict[str, AnySetting] = {s.key: s for s in SETTINGS}
_ON, _OFF = "on", "off"
_SYSTEM = "system"


@dataclass(frozen=True, slots=True)
class Safeguards:
    """What the desktop applies while the vault is open: when it locks itself (after
    idle minutes, with the screen) and how long copied cable text stays on the clipboard."""

    auto_lock_minutes: int = AUTO_LOCK_MINUTES.default  # 0: never
    lock_on_screen_lock: bool = LOCK_ON_SCREEN_LOCK.default
    clipboard_clear_seconds: int = CLIPBOARD_CLEAR_SECONDS.default


@dataclass(frozen=True, slots=True)
class SettingView:
    """One setting as text: what ``settings show`` prints and ``set`` accepts."""

    key: str
    value: str
    default: str
    description: str

    def to_json(self) -> dict[str, str]:
        return {
            "key": self.key,
            "value": self.value,
            "default": self.default,
            "description": self.description,
        }


class SettingsService:
    """The settings of one unlocked vault; see the module docstring."""

    def __init__(self, vault: Vault, schemes: SchemeRegistry) -> None:
        self._vault = vault
        self._schemes = schemes

    # --- typed values, for the code that applies them -----------------------------------

    def get(self, setting: Setting[T]) -> T:
        """The stored value of a declared setting (its default if none, or not valid)."""
        return self._vault.settings.get(setting)

    def safeguards(self) -> Safeguards:
        """The safeguards as the settings say now, read in one go; raises VaultLocked
        once locked."""
        settings = self._vault.settings
        return Safeguards(
            auto_lock_minutes=settings.get(AUTO_LOCK_MINUTES),
            lock_on_screen_lock=settings.get(LOCK_ON_SCREEN_LOCK),
            clipboard_clear_seconds=settings.get(CLIPBOARD_CLEAR_SECONDS),
        )

    def paper_for(self, scheme_id: str) -> str:
        """The paper size to export a cable of ``scheme_id`` on: the ``paper`` setting
        if the user set it, else the scheme's country's (Letter for the US scheme, A4
        for the others)."""
        settings = self._vault.settings
        if settings.is_set(PAPER):
            return settings.get(PAPER)
        return "letter" if scheme_id in LETTER_SCHEMES else "a4"

    def export_ceiling(self) -> ExportCeiling:
        """The export ceiling the ``export-ceiling`` setting means.

        Raises MarkingError or SchemeError if the stored setting names a level or
        scheme that no longer exists.
        """
        return ceiling_from_setting(self.get(EXPORT_CEILING), self._schemes, self.user_scheme())

    def post_quantum_threshold(self) -> Level | None:
        """The level from which files are sealed only for post-quantum keys (None: off)."""
        return pq_threshold(self.get(POST_QUANTUM_FROM), self._schemes, self.user_scheme())

    def attested_from(self) -> Level | None:
        """The level from which the release policy asks for attested attributes (the
        ``attested-from`` setting; see :mod:`cabledesk.services._attested_from`)."""
        trusted = DirectoryStore(self._vault.db).any_anchor()
        text = self.get(ATTESTED_FROM)
        return attested_from_level(text, self._schemes, self.user_scheme(), trusted)

    def user_scheme(self) -> str:
        """The scheme whose level names ``export-ceiling`` takes: the user's identity's
        (the default scheme while there is no identity)."""
        if self._vault.identities.count():
            return self._vault.identities.active().scheme
        return self._vault.settings.get(DEFAULT_SCHEME)

    def ceiling_in_effect(self, text: str, user_scheme: str) -> list[tuple[str, str | None]]:
        """For a typed ``export-ceiling`` value: each scheme's id and the highest level it
        may be exported at (None: any). Reads no vault (fit for checking as one types).

        Raises SettingError, MarkingError or SchemeError as :meth:`parse`.
        """
        ceiling = ceiling_from_setting(text, self._schemes, user_scheme)
        levels = [(i, ceiling.level_for(self._schemes[i])) for i in sorted(self._schemes)]
        return [(i, level.name if level is not None else None) for i, level in levels]

    # --- text, for the faces ------------------------------------------------------------

    def show(self) -> list[SettingView]:
        """Every setting, in the order they are declared."""
        values = {s.key: _read(self._vault, s) for s in SETTINGS}
        return [
            SettingView(s.key, _format(s, values[s.key]), _format(s, s.default), s.description)
            for s in SETTINGS
        ]

    def text(self, key: str) -> str:
        """The current value of ``key`` as text; SettingError for an unknown key."""
        setting = _setting(key)
        return _format(setting, _read(self._vault, setting))

    def parse(self, key: str, text: str) -> Value:
        """The value ``text`` means for ``key``, checked but not stored.

        Raises SettingError (unknown key, value not accepted), MarkingError or
        SchemeError (a level or scheme that does not exist).
        """
        setting = _setting(key)
        parser = self._parsers()[setting.key]
        value = parser(" ".join(text.split()))
        if not setting.accepts(value):  # a range the parser did not cover
            raise _refused(setting, text)
        return value

    def set(self, key: str, text: str) -> SettingView:
        """Parse, check and store one setting; audited when its value changes.

        Raises as :meth:`parse`; nothing is stored then.
        """
        self.set_many({key: text})
        return next(v for v in self.show() if v.key == _setting(key).key)

    def set_many(self, texts: Mapping[str, str]) -> list[str]:
        """Store several settings at once (all or none); returns the keys that changed
        (or were set for the first time).

        Every value is checked before anything is stored; each change is audited.
        """
        values = {_setting(key).key: self.parse(key, text) for key, text in texts.items()}
        changed: list[str] = []
        with self._vault.transaction():
            for key, value in values.items():
                setting = _BY_KEY[key]
                before = _read(self._vault, setting)
                # A value equal to the default is stored the first time it is set: a
                # setting the user chose is kept apart from one left to its default
                # (the paper size then follows the cable's scheme, see paper_for).
                if before == value and self._vault.settings.is_set(cast("Setting[Any]", setting)):
                    continue
                self._vault.settings.set(cast("Setting[Any]", setting), value)
                changed.append(key)
                self._vault.audit.append(
                    Event.SETTING_CHANGED,
                    {
                        "setting": key,
                        "from": _format(setting, before),
                        "to": _format(setting, value),
                    },
                )
        return changed

    # --- parsing --------------------------------------------------------------------------

    def _parsers(self) -> dict[str, Callable[[str], Value]]:
        def minutes(text: str) -> int:
            return 0 if text.lower() == _OFF else _number(AUTO_LOCK_MINUTES, text)

        def language(text: str) -> str:
            return "" if text.lower() == _SYSTEM else _choice(LANGUAGE, text, ("en", "fr"))

        def ceiling(text: str) -> str:
            return canonical_ceiling(text, self._schemes, self.user_scheme())

        def attested(text: str) -> str:
            return canonical_attested_from(text, self._schemes, self.user_scheme())

        return {
            AUTO_LOCK_MINUTES.key: minutes,
            LOCK_ON_SCREEN_LOCK.key: lambda t: _boolean(LOCK_ON_SCREEN_LOCK, t),
            DEFAULT_SCHEME.key: lambda t: self._schemes.get_scheme(t).id,
            PAPER.key: lambda t: _choice(PAPER, t, ("a4", "letter")),
            EXPORT_CEILING.key: ceiling,
            ATTESTED_FROM.key: attested,
            LANGUAGE.key: language,
            DRAFT_HISTORY_LIMIT.key: lambda t: _number(DRAFT_HISTORY_LIMIT, t),
            CLIPBOARD_CLEAR_SECONDS.key: lambda t: _number(CLIPBOARD_CLEAR_SECONDS, t),
            POST_QUANTUM_FROM.key: lambda t: canonical_pq_from(
                t, self._schemes, self.user_scheme()
            ),
            # issue 18: levels from which release needs approval ("" off)
            APPROVAL_REQUIRED_FROM.key: lambda t: canonical_level(
                t, self._schemes, self.user_scheme()
            ),
            TWO_PERSON_FROM.key: lambda t: canonical_level(t, self._schemes, self.user_scheme()),
        }


def _read(vault: Vault, setting: AnySetting) -> Value:
    value: Value = vault.settings.get(cast("Setting[Any]", setting))
    return value


def _setting(key: str) -> AnySetting:
    setting = _BY_KEY.get(key.strip().lower())
    if setting is None:
        raise SettingError(
            Phrase.of("There is no setting called {key}.", key=repr(key)),
            hint=Phrase.of("Settings: {keys}.", keys=KEYS),
        )
    return setting


# What each setting takes, as the hint of a refusal says it ("on", "off", "a4"… are
# the words to type: a translation keeps them).
_ACCEPTS = {
    AUTO_LOCK_MINUTES.key: Phrase.of("a number of minutes from 0 to 1440, or off"),
    LOCK_ON_SCREEN_LOCK.key: Phrase.of("on or off"),
    DEFAULT_SCHEME.key: Phrase.of("the id of a classification scheme, such as us or uk"),
    PAPER.key: Phrase.of("a4 or letter"),
    EXPORT_CEILING.key: Phrase.of("a level of your scheme, off, or default"),
    ATTESTED_FROM.key: Phrase.of("a level of your scheme, off, or default"),
    LANGUAGE.key: Phrase.of("system, en or fr"),
    DRAFT_HISTORY_LIMIT.key: Phrase.of("a number of versions from 1 to 1000"),
    CLIPBOARD_CLEAR_SECONDS.key: Phrase.of("a number of seconds from 5 to 600"),
    POST_QUANTUM_FROM.key: Phrase.of("a level of your scheme, or off"),
    APPROVAL_REQUIRED_FROM.key: Phrase.of("a level of your scheme, or off"),  # issue 18
    TWO_PERSON_FROM.key: Phrase.of("a level of your scheme, or off"),  # issue 18
}


def _refused(setting: AnySetting, text: str) -> SettingError:
    return SettingError(
        Phrase.of("{key} cannot be {value}.", key=setting.key, value=repr(text.strip())),
        hint=Phrase.of("{key} takes {accepted}.", key=setting.key, accepted=_ACCEPTS[setting.key]),
    )


def _number(setting: AnySetting, text: str) -> int:
    if not text.isascii() or not text.isdigit() or len(text) > 6:
        raise _refused(setting, text)
    return int(text)


def _boolean(setting: AnySetting, text: str) -> bool:
    word = text.lower()
    if word not in (_ON, _OFF):
        raise _refused(setting, text)
    return word == _ON


def _choice(setting: AnySetting, text: str, choices: tuple[str, ...]) -> str:
    word = text.lower()
    if word not in choices:
        raise _refused(setting, text)
    return word


def _format(setting: AnySetting, value: Value) -> str:
    if isinstance(value, bool):
        return _ON if value else _OFF
    if setting is AUTO_LOCK_MINUTES and value == 0:
        return _OFF
    if setting in (EXPORT_CEILING, ATTESTED_FROM) and value == "":
        return DEFAULT_WORD
    if setting is LANGUAGE and value == "":
        return _SYSTEM
    if setting in (APPROVAL_REQUIRED_FROM, TWO_PERSON_FROM) and value == "":  # issue 18
        return _OFF
    return str(value)
