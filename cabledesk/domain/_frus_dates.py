"""When a FRUS telegram was sent: its local date and time, and a date-time group only when
the time zone of the place is known.

FRUS datelines give the time at the place of origin ("Washington, April 25,
1934—6 p.m."), never Greenwich time: writing it as a Zulu date-time group would
move every telegram by hours (FRUS editorial practice; a DTG is always GMT, 5
FAH-2 H-421). So :func:`sent_time` returns the local time as the source gives it
and, when the place is one of :data:`ZONES` and the tz database knows the offset
there at that date (not its "LMT", a guess of the zone's own city's mean time),
the same moment in UTC. A date without a time gets no date-time group.

Dates are read from the record's ISO ``date``; when it is missing or not within
the volume's period (see :func:`volume_period`), from the dateline, whose
two-digit years ("Dec. 4, 18", "2/3/18") take the century that puts them in
the volume's period, and whose year, when it gives none, is the volume's year
if the volume covers a single year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = ["ZONES", "SentTime", "plausible", "sent_time", "volume_period", "zone_of"]

# Documents of a FRUS volume may predate its year (a volume on 1919 prints the 1918
# exchanges that led to it; annual volumes print earlier enclosures): how many years.
EARLIER_YEARS = 10
LATER_YEARS = 1
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
# Two digits after "Dec. 2," are a year ("Dec. 2, 18") unless a time follows them
# ("Dec. 2, 11 p.m.", "Dec. 18, 12 M.", "Oct. 7, 10.40 a.m.").
_NOT_A_YEAR = r"(?![\d.:]|\s*(?:[ap]\.?\s*m\b|noon|midnight|m\.))"
_WORD_DATE = re.compile(
    rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}|\d{{2}}){_NOT_A_YEAR})?",
    re.IGNORECASE,
)
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b")  # US order: M/D/Y
_CLOCK = re.compile(r"\b(\d{1,2})(?:[.:](\d{2}))?\s*([ap])\.?\s*m\b", re.IGNORECASE)
_NOON = re.compile(r"\bnoon\b|\b12\s*m\.", re.IGNORECASE)
_MIDNIGHT = re.compile(r"\bmidnight\b", re.IGNORECASE)
_RECEIVED = re.compile(r"[\[(]\s*received", re.IGNORECASE)
_VOLUME = re.compile(r"^frus(\d{4})(?:-(\d{2,4}))?")
_LOCAL_MEAN_TIME = "LMT"

# Places of origin in the FRUS telegrams and their tz database zones. A place is found by
# name anywhere in the dateline's place ("Legation of the United States, London").
ZONES = {
    "Washington": "America/New_York", "New York": "America/New_York",
    "Geneva": "Europe/Zurich", "Berne": "Europe/Zurich", "London": "Europe/London",
    "Liverpool": "Europe/London", "Paris": "Europe/Paris", "Havre": "Europe/Paris",
    "Lyons": "Europe/Paris", "Rio de Janeiro": "America/Sao_Paulo",
    "Petropolis": "America/Sao_Paulo", "São Paulo": "America/Sao_Paulo",
    "Managua": "America/Managua", "Addis Ababa": "Africa/Addis_Ababa", "Rome": "Europe/Rome",
    "Peking": "Asia/Shanghai", "Pekin": "Asia/Shanghai", "Nanking": "Asia/Shanghai",
    "Buenos Aires": "America/Argentina/Buenos_Aires",
    "Buenos Ayres": "America/Argentina/Buenos_Aires", "Petrograd": "Europe/Moscow",
    "Moscow": "Europe/Moscow", "Vologda": "Europe/Moscow", "Santiago": "America/Santiago",
    "Tokyo": "Asia/Tokyo", "Yokohama": "Asia/Tokyo", "Nagasaki": "Asia/Tokyo",
    "La Paz": "America/La_Paz", "Habana": "America/Havana", "Madrid": "Europe/Madrid",
    "Seville": "Europe/Madrid", "San Sebastian": "Europe/Madrid",
    "Tegucigalpa": "America/Tegucigalpa", "Guatemala": "America/Guatemala",
    "Teheran": "Asia/Tehran", "Port-au-Prince": "America/Port-au-Prince",
    "Port au Prince": "America/Port-au-Prince", "Mexico": "America/Mexico_City",
    "Bogotá": "America/Bogota", "Lima": "America/Lima", "Beirut": "Asia/Beirut",
    "Panama": "America/Panama", "Asunción": "America/Asuncion",
    "Asuncíon": "America/Asuncion", "Stockholm": "Europe/Stockholm",
    "Montevideo": "America/Montevideo", "Vladivostok": "Asia/Vladivostok",
    "Archangel": "Europe/Moscow", "Murmansk": "Europe/Moscow", "Harbin": "Asia/Harbin",
    "The Hague": "Europe/Amsterdam", "Monrovia": "Africa/Monrovia", "Cairo": "Africa/Cairo",
    "San Salvador": "America/El_Salvador", "San José": "America/Costa_Rica",
    "Copenhagen": "Europe/Copenhagen", "Christiania": "Europe/Oslo", "Oslo": "Europe/Oslo",
    "Berlin": "Europe/Berlin", "Caracas": "America/Caracas", "Jerusalem": "Asia/Jerusalem",
    "Prague": "Europe/Prague", "Ottawa": "America/Toronto", "Bangkok": "Asia/Bangkok",
    "Santo Domingo": "America/Santo_Domingo", "Constantinople": "Europe/Istanbul",
    "Istanbul": "Europe/Istanbul", "Quito": "America/Guayaquil",
    "Guayaquil": "America/Guayaquil", "Brussels": "Europe/Brussels", "Lisbon": "Europe/Lisbon",
    "Bucharest": "Europe/Bucharest", "Dublin": "Europe/Dublin", "Vienna": "Europe/Vienna",
    "Athens": "Europe/Athens", "Seoul": "Asia/Seoul", "Riga": "Europe/Riga",
    "Helsingfors": "Europe/Helsinki", "Irkutsk": "Asia/Irkutsk", "Omsk": "Asia/Omsk",
    "Baghdad": "Asia/Baghdad", "Belgrade": "Europe/Belgrade", "Danzig": "Europe/Warsaw",
    "Tangier": "Africa/Casablanca",
}  # fmt: skip
_PLACE = re.compile(
    r"\b(" + "|".join(re.escape(p) for p in sorted(ZONES, key=len, reverse=True)) + r")\b"
)


@dataclass(frozen=True, slots=True)
class SentTime:
    """When a telegram was sent: the local date (and time, if the source gives one), the
    place's zone if known, and the UTC moment when the zone and the time are known."""

    local_date: date
    local_time: time | None
    zone: str | None
    utc: datetime | None
    from_dateline: bool

    def note(self, place: str | None) -> str:
        """The local time as provenance states it: ``sent 1934-04-25 18:00 local time
        (Washington)``."""
        when = self.local_date.isoformat()
        if self.local_time is not None:
            when += f" {self.local_time:%H:%M}"
        where = f" ({place})" if place else ""
        return f"sent {when} local time{where}"


def volume_period(record_id: str) -> tuple[int, int] | None:
    """The years a volume covers, from its id: ``frus1918Russiav03`` → (1918, 1918),
    ``frus1969-76v01`` → (1969, 1976); None for an id of another form."""
    match = _VOLUME.match(record_id)
    if match is None:
        return None
    start = int(match.group(1))
    end_text = match.group(2)
    if end_text is None:
        return start, start
    end = int(end_text) if len(end_text) == 4 else start // 100 * 100 + int(end_text)
    return start, end if end >= start else end + 100


def plausible(year: int, period: tuple[int, int] | None, today: date) -> bool:
    """Whether a telegram of a volume covering ``period`` can be dated ``year``."""
    if year > today.year:
        return False
    if period is None:
        return year >= 1776
    return period[0] - EARLIER_YEARS <= year <= period[1] + LATER_YEARS


def _century(two_digits: int, period: tuple[int, int] | None, today: date) -> int | None:
    """The four-digit year of ``YY`` nearest the volume's period (never in the future)."""
    anchor = period[0] if period else today.year
    candidates = [
        c * 100 + two_digits for c in (anchor // 100 - 1, anchor // 100, anchor // 100 + 1)
    ]
    fitting = [y for y in candidates if plausible(y, period, today)]
    return min(fitting, key=lambda y: abs(y - anchor)) if fitting else None


def zone_of(place: str | None) -> str | None:
    """The tz database zone of a dateline's place, or None when the place is not known."""
    if not place:
        return None
    match = _PLACE.search(place)
    return ZONES[match.group(1)] if match else None


def _from_iso(text: str) -> tuple[date, time | None] | None:
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        return None
    has_time = "T" in text or " " in text.strip()
    return when.date(), (when.time() if has_time else None)


def _iso_with_century(text: str, period: tuple[int, int] | None, today: date) -> str | None:
    """``0018-12-04`` (a two-digit year padded) with the century of the period."""
    match = re.match(r"^00(\d{2})(-.*)$", text)
    if match is None:
        return None
    year = _century(int(match.group(1)), period, today)
    return None if year is None else f"{year:04d}{match.group(2)}"


def _from_dateline(
    text: str, period: tuple[int, int] | None, today: date
) -> tuple[date, time | None] | None:
    sent = _RECEIVED.split(text, maxsplit=1)[0]  # "[Received …]" is another moment
    found = _NUMERIC_DATE.search(sent)
    if found:
        month, day, year_text = int(found.group(1)), int(found.group(2)), found.group(3)
    else:
        found = _WORD_DATE.search(sent)
        if found is None:
            return None
        month, day = _MONTHS[found.group(1).lower()], int(found.group(2))
        year_text = found.group(3)
    if year_text is None:
        if period is None or period[0] != period[1]:
            return None  # a volume of several years: the year cannot be told
        year: int | None = period[0]
    elif len(year_text) == 2:
        year = _century(int(year_text), period, today)
    else:
        year = int(year_text)
    if year is None or not plausible(year, period, today):
        return None
    try:
        day_sent = date(year, month, day)
    except ValueError:
        return None
    return day_sent, _clock(sent[found.end() :])


def _clock(text: str) -> time | None:
    match = _CLOCK.search(text)
    if match:
        hour, minute = int(match.group(1)) % 12, int(match.group(2) or 0)
        if match.group(3).lower() == "p":
            hour += 12
        return time(hour, minute) if minute < 60 else None
    if _NOON.search(text):
        return time(12)
    if _MIDNIGHT.search(text):
        return time(0)
    return None


def sent_time(
    iso: str | None,
    dateline: str | None,
    place: str | None,
    record_id: str,
    *,
    today: date,
) -> SentTime | None:
    """When the telegram was sent, or None if the source does not say (or says a date
    outside the volume's period that the dateline cannot correct)."""
    period = volume_period(record_id)
    found = None
    from_dateline = False
    if iso:
        found = _from_iso(_iso_with_century(iso, period, today) or iso)
        if found is not None and not plausible(found[0].year, period, today):
            found = None
    if found is None and dateline:
        found = _from_dateline(dateline, period, today)
        from_dateline = found is not None
    if found is None:
        return None
    day, clock = found
    zone_name = zone_of(place or dateline)
    return SentTime(day, clock, zone_name, _utc(day, clock, zone_name), from_dateline)


def _utc(day: date, clock: time | None, zone_name: str | None) -> datetime | None:
    if clock is None or zone_name is None:
        return None
    try:
        zone = ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError):
        return None  # no tz database here (Windows without tzdata): the zone is not known
    local = datetime.combine(day, clock, tzinfo=zone)
    if local.tzname() == _LOCAL_MEAN_TIME:
        return None  # before the place kept standard time: the offset is a guess
    return local.astimezone(UTC)
