"""A page's dates as ISO 8601, moved into its document's time zone; its publication date as precise as its date tags give it."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Iterable, Mapping, Sequence

from cleaner.dates import ZONES, normalize_date
from cleaner.lexicon import lexicon, shipped_lexicon, shipped_zone
from cleaner.rulefile import Pack

_SPACES = re.compile(r"\s+")


def date_zone(packs: Sequence[Pack]) -> str | None:
    """The zone a document's dates with an offset are moved into: its packs' `timezone` (the
    first that names one: Jakarta's for Indonesian documents, the day is the day in Jakarta);
    None keeps the source's own offset. A site pack whose language no loaded pack is
    (--no-builtin-rules) takes the zone of the shipped pack of its `lang`."""
    zone = lexicon(packs).timezone
    if zone is None and not any(pack.kind == "lang" for pack in packs):
        site = next((pack for pack in packs if pack.kind == "site" and pack.lang), None)
        if site is not None and site.lang:
            zone = shipped_zone(site.lang)
    return zone


# An ISO date-time, its zone an offset, Z, or a zone's name ("2019-11-19 02:24:00 UTC", as a
# <time datetime> may write it; dates.ZONES).
_ISO_DATETIME = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?"
                           r"\s*(Z|[+-]\d{2}(?::?\d{2})?|"
                           + "|".join(sorted(map(re.escape, ZONES), key=len, reverse=True))
                           + r")?\s*$", re.IGNORECASE)


def _offset(text: str | None) -> timezone | None:
    if not text:
        return None
    if text.upper() == "Z":
        return timezone.utc
    text = ZONES.get(text.lower(), text)
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def zone_named(name: str | None):
    """The tz database's zone of that name, or None (no name, an unknown one, no database)."""
    if not name:
        return None
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(name)
    except Exception:  # unknown zone or no tz database: keep the source's own offset
        return None


def format_offset(dt: datetime) -> str:
    """An aware date-time's offset as ISO 8601 writes it: "+07:00"."""
    off = dt.utcoffset() or timedelta(0)
    minutes = int(off.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


class _ShippedZone:
    """iso_date's default zone: the one the shipped packs name (rules/lang/id.toml's)."""


_SHIPPED_ZONE = _ShippedZone()


def iso_date(value: str | None, tz: str | None | _ShippedZone = _SHIPPED_ZONE,
             months: Mapping[str, int] | None = None) -> str | None:
    """A date or date-time as ISO 8601; a time with an offset is moved into `tz` (its day too).

    Times without an offset are kept as written (the site's local time); `tz=None` keeps every
    offset as the source gives it; without `tz`, the zone the shipped packs name (a run passes
    its document's: date_zone).

    >>> iso_date("2016-02-21T20:00:00Z")
    '2016-02-22T03:00:00+07:00'
    >>> iso_date("2016-02-22T14:38:00+07:00")
    '2016-02-22T14:38:00+07:00'
    >>> iso_date("Senin, 22 Februari 2016 | 14:38 WIB", months={"februari": 2})
    '2016-02-22T14:38+07:00'
    >>> iso_date("22/02/2016 14:38")
    '2016-02-22T14:38'
    >>> iso_date("2019-11-19T08:57:40+01:00", tz=None)
    '2019-11-19T08:57:40+01:00'
    >>> iso_date("Senin, 22 Februari 2016 23:30 WITA", months={"februari": 2})
    '2016-02-22T22:30+07:00'
    >>> iso_date("bukan tanggal") is None, iso_date("0001-01-01T00:00:00Z") is None
    (True, True)
    """
    if not value:
        return None
    if isinstance(tz, _ShippedZone):
        tz = shipped_lexicon().timezone
    text = _SPACES.sub(" ", str(value)).strip()
    m = _ISO_DATETIME.match(text)
    if m:
        year, month, day, hour, minute = (int(m.group(i)) for i in range(1, 6))
        second = m.group(6)
        if not 1800 <= year <= 2200:        # a placeholder ("0001-01-01T00:00:00Z"), no date
            return None
        try:
            dt = datetime(year, month, day, hour, minute, int(second or 0), tzinfo=_offset(m.group(7)))
        except ValueError:
            return None
        return _format(dt, bool(second), tz)
    iso = normalize_date(text, months)
    if not iso or "T" not in iso:
        return iso
    m = _ISO_DATETIME.match(iso)
    if not m or not m.group(7):
        return iso
    year, month, day, hour, minute = (int(m.group(i)) for i in range(1, 6))
    try:
        dt = datetime(year, month, day, hour, minute, int(m.group(6) or 0), tzinfo=_offset(m.group(7)))
    except ValueError:
        return iso
    return _format(dt, bool(m.group(6)), tz)


def _format(dt: datetime, seconds: bool, tz: str | None) -> str:
    zone = zone_named(tz)
    if dt.tzinfo is not None and zone is not None:
        dt = dt.astimezone(zone)
    out = dt.strftime("%Y-%m-%dT%H:%M:%S" if seconds else "%Y-%m-%dT%H:%M")
    return out + (format_offset(dt) if dt.tzinfo is not None else "")


def page_date(dates: Sequence[str], more: Iterable[str] = (),
              tz: str | None | _ShippedZone = _SHIPPED_ZONE,
              months: Mapping[str, int] | None = None,
              published: Iterable[str] = ()) -> str | None:
    """A page's publication date: the first of its `dates` (best first) that reads as one, as
    precisely as the page gives it. Another of its dates, or of `more` (the other date tags),
    on the same day as it is written (and at the same clock time, when the first has one) that
    says more wins: a time over a day ("2019-11-19" beside "2019-11-19T06:12:56-05:00"), a time
    with its offset or Z over the same time without one ("2019-11-20T01:50:59" beside
    "2019-11-20T01:50:59Z"). Then moved into `tz` as iso_date moves it. Where the tags give a
    day alone, `more` holds also the date-times the page writes for itself, read as a text's
    date line is, with `months` ("Selasa, 12 Mar 2024 09:15 WIB": page_metadata._written_dates).
    A first date-time without an offset gives way to the same moment with one that one of
    `published` (the page's publication-date tags: its date meta tags, JSON-LD datePublished;
    not a <time> element, which may be an update's) gives: _same_moment_zoned.

    >>> page_date(["2024-03-12"], ["Selasa, 12 Mar 2024 09:15 WIB"], tz="Asia/Jakarta")
    '2024-03-12T09:15+07:00'
    >>> page_date(["2024-03-11"], ["Selasa, 12 Mar 2024 09:15 WIB"], tz="Asia/Jakarta")
    '2024-03-11'

    >>> page_date(["2019-11-20T01:50:59.403", "2019-11-20T01:50:59.403Z"], tz=None)
    '2019-11-20T01:50:59+00:00'
    >>> page_date(["2019-11-19"], ["2019-11-19T06:12:56-05:00"], tz=None)
    '2019-11-19T06:12:56-05:00'
    >>> page_date(["2019-11-19T06:12", "2019-11-19T09:00Z", "2019-11-18"], tz=None)
    '2019-11-19T06:12'
    """
    first = best = None
    for raw in dates:
        value = iso_date(raw, None, months)
        if value:
            first, best = raw, value
            break
    if best is None:
        return None
    rank = _precision(best)
    if rank < _ZONED:
        for raw in (*dates, *more):
            value = iso_date(raw, None, months)
            if value and _precision(value) > rank and value[:10] == best[:10] \
                    and (rank < _TIMED or value[11:16] == best[11:16]):
                first, best, rank = raw, value, _precision(value)
    if isinstance(tz, _ShippedZone):
        tz = shipped_lexicon().timezone
    if rank == _TIMED:
        first = _same_moment_zoned(best, published, months, zone_named(tz)) or first
    return iso_date(first, tz, months)


# Where the page's zone is unknown, how far a local time may stand from UTC: the tz database's
# offsets run from -12:00 to +14:00, each a whole number of quarter hours (+05:30, +05:45).
_MAX_OFFSET = timedelta(hours=14)
_QUARTER = timedelta(minutes=15)


def _same_moment_zoned(local: str, raws: Iterable[str], months: Mapping[str, int] | None,
                       zone: tzinfo | None = None) -> str | None:
    """The first of `raws` (publication dates only: page_date) that gives `local` (a
    date-time with no offset, as iso_date writes it) with its offset: the same moment. Where
    the page's `zone` is known (a tzinfo: its packs' or its site's), `local` read in it is
    that moment (its offset on that day, to the minute where one gives minutes only). Where
    it is not, the two differ by a whole number of quarter hours, 14 hours at most, to the
    second, and the seconds are not zero: a whole minute's time (or one without seconds) and
    another moment line up on that grid one time in fifteen (an update 11 hours later). None
    where no date says so: the first date stays, as a date a day or a minute off is another
    moment.

    >>> _same_moment_zoned("2019-11-18T20:58:46", ["2019-11-19T04:58:46Z"], None)
    '2019-11-19T04:58:46Z'
    >>> _same_moment_zoned("2019-11-18T20:58:46", ["2019-11-19T04:58:47Z"], None) is None
    True
    >>> _same_moment_zoned("2019-11-18T22:00:00", ["2019-11-19T09:00:00Z"], None) is None
    True
    >>> _same_moment_zoned("2019-11-18T22:00", ["2019-11-19T06:00Z"], None,
    ...                    zone_named("America/Los_Angeles"))
    '2019-11-19T06:00Z'
    """
    mine = _naive(local)
    if mine is None or (zone is None and (len(local) < 19 or mine.second == 0)):
        return None
    for raw in raws:
        value = iso_date(raw, None, months)
        if not value or _precision(value) != _ZONED:
            continue
        m = _ISO_DATETIME.match(value)
        if m is None or (zone is None and not m.group(6)):
            continue
        other = _naive(value[:19] if m.group(6) else value[:16])
        if other is None:
            continue
        here = mine
        if len(local) < 19 or not m.group(6):       # one gives minutes only: compare those
            here, other = mine.replace(second=0), other.replace(second=0)
        offset = _offset(m.group(7)) or timezone.utc
        utc = other - (offset.utcoffset(None) or timedelta(0))
        if _same_instant(here, utc, zone):
            return raw
    return None


def _same_instant(local: datetime, utc: datetime, zone: tzinfo | None) -> bool:
    """Whether `local` (naive) is the moment `utc` (naive, in UTC): read in `zone` (either
    reading of an hour the clocks repeat), or with no zone a whole number of quarter hours
    off, 14 hours at most."""
    if zone is not None:
        return any(local.replace(tzinfo=zone, fold=fold).utcoffset() == local - utc
                   for fold in (0, 1))
    shift = local - utc
    return abs(shift) <= _MAX_OFFSET and shift % _QUARTER == timedelta(0)


def _naive(iso: str) -> datetime | None:
    """An ISO date-time with no offset ("2019-11-18T20:58", "...T20:58:46") as a datetime."""
    try:
        return datetime.fromisoformat(iso[:19])
    except ValueError:
        return None


# How much an ISO date says: a day, a time of day, a time with its offset.
_DAY, _TIMED, _ZONED = 1, 2, 3


def _precision(iso: str) -> int:
    """How much an ISO date as iso_date writes it says: _DAY, _TIMED, _ZONED (0: a month)."""
    if len(iso) <= 10:
        return _DAY if len(iso) == 10 else 0
    zone = iso[16:]                     # after "YYYY-MM-DDTHH:MM": the seconds, the offset
    return _ZONED if "+" in zone or "-" in zone else _TIMED
