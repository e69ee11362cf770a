"""Dates as pages write them: ISO 8601 in its forms, RFC 2822, JavaScript's ``Date`` text.

:func:`read_moment` reads one string and says what it is: a moment with its offset, a
local time with no offset (``2020-04-14T00:38:07``), or a day (``2020-04-14``), and whether
the form was ISO 8601 (RFC 3339 and its relatives: ``+0200``, a space for ``T``, the basic
format ``20200414T003807Z``, a time without seconds) or a form schema.org does not define,
read anyway:

* RFC 2822, as HTTP and e-mail write dates (``Wed, 04 May 2022 00:25:56 GMT``);
* JavaScript's ``Date.toString()`` (``Tue Nov 19 2019 03:05:46 GMT+0000 (Coordinated
  Universal Time)``);
* an English month name with a day and a year, with or without a time
  (``November 19, 2019``; ``Tue, Sep 19 2023 10:00:00 EDT``);
* year-first dates with slashes (``2023/02/21 22:08``);
* ISO 8601 with a one-digit hour, minute or second (``23:15:0Z``), or a zone abbreviation
  instead of an offset (``2020-10-05T10:00:00 CDT``).

Zone abbreviations are read only where they have one meaning: ``UT``, ``UTC``, ``GMT``,
``Z``, the North American zones RFC 2822 defines (``EST`` ... ``PDT``) and the western,
central and eastern European ones (``WET`` ... ``EEST``).  Any other (``IST``, ``BST``) leaves
the moment without an offset, as does RFC 2822's ``-0000`` ("no information").  Nothing
here picks an offset: what has none is returned as local, for the caller to decide.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

import attrs

__all__ = ["Moment", "read_any_form", "read_moment"]


@attrs.frozen
class Moment:
    """What a date string says.

    ``value`` is aware (``kind == "moment"``), naive (``"local"``: a time with no offset) or
    midnight of a day, naive (``"day"``).  ``standard`` is False for the forms schema.org does
    not define (see the module).  ``note`` says how an offset was read from an abbreviation.
    """

    value: dt.datetime
    kind: str
    standard: bool
    note: str | None = None


_ZONES: Final = {
    "Z": 0,
    "UT": 0,
    "UTC": 0,
    "GMT": 0,
    "EST": -5 * 60,
    "EDT": -4 * 60,
    "CST": -6 * 60,
    "CDT": -5 * 60,
    "MST": -7 * 60,
    "MDT": -6 * 60,
    "PST": -8 * 60,
    "PDT": -7 * 60,
    "WET": 0,
    "WEST": 60,
    "CET": 60,
    "CEST": 120,
    "EET": 120,
    "EEST": 180,
}
_MONTHS: Final = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_DAYS: Final = frozenset(
    {"mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday"}
    | {"thursday", "friday", "saturday", "sunday", "tues", "thur", "thurs"}
)

# ISO 8601 and its relatives.  The groups: the date (extended or basic), the time (hour,
# minute, second, fraction, each field one or two digits so that 23:15:0 is read and
# reported), the zone (Z, an offset with or without its colon, or an abbreviation).
_ISO: Final = re.compile(
    r"(?P<year>[0-9]{4})(?P<dash>-?)(?P<month>[0-9]{2})(?P=dash)(?P<day>[0-9]{2})"
    r"(?:(?P<sep>[Tt]| +)(?P<hour>[0-9]{1,2})(?P<colon>:?)(?P<minute>[0-9]{1,2})"
    r"(?:(?P=colon)(?P<second>[0-9]{1,2})(?:[.,](?P<fraction>[0-9]+))?)?)?"
    r"(?P<space> *)(?:(?P<zulu>[Zz])|(?P<sign>[+-])(?P<oh>[0-9]{2}):?(?P<om>[0-9]{2})?"
    r"|(?P<abbr>[A-Za-z]{2,5}))?"
)
_SLASHED: Final = re.compile(
    r"(?P<year>[0-9]{4})/(?P<month>[0-9]{1,2})/(?P<day>[0-9]{1,2})"
    r"(?:[ T]+(?P<hour>[0-9]{1,2}):(?P<minute>[0-9]{2})(?::(?P<second>[0-9]{2}))?)?"
)
_TOKEN: Final = re.compile(
    r"(?P<time>[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?)"
    r"|(?P<offset>(?:GMT|UTC|UT)?[+-][0-9]{2}:?[0-9]{2})"
    r"|(?P<number>[0-9]+)"
    r"|(?P<word>[A-Za-z]+\.?)"
    r"|(?P<paren>\([^)]*\))"
    r"|(?P<other>[,\s]+)"
)


def _offset(sign: str, hours: str, minutes: str | None) -> dt.timezone | None:
    delta = dt.timedelta(hours=int(hours), minutes=int(minutes or 0))
    if delta >= dt.timedelta(hours=24) or int(minutes or 0) >= 60:
        return None
    if not delta:
        return dt.UTC
    return dt.timezone(-delta if sign == "-" else delta)


def _zone(minutes: int) -> dt.timezone:
    return dt.UTC if minutes == 0 else dt.timezone(dt.timedelta(minutes=minutes))


def _make(
    year: int, month: int, day: int, hour: int, minute: int, second: int, micro: int
) -> dt.datetime | None:
    try:
        return dt.datetime(year, month, day, hour, minute, second, micro)
    except ValueError:
        return None


def _micro(fraction: str | None) -> int:
    return int((fraction or "0")[:6].ljust(6, "0"))


def _iso(text: str) -> Moment | None:
    match = _ISO.fullmatch(text)
    if match is None:
        return None
    g = match.groupdict()
    standard = True
    if g["hour"] is None:
        if g["space"] or g["zulu"] or g["sign"] or g["abbr"]:
            return None  # a zone with no time
        day = _make(int(g["year"]), int(g["month"]), int(g["day"]), 0, 0, 0, 0)
        return None if day is None else Moment(day, "day", standard=True)
    for field in ("hour", "minute", "second"):
        if g[field] is not None and len(g[field]) != 2:
            standard = False
    if bool(g["dash"]) != bool(g["colon"]):
        standard = False  # a basic date with an extended time, or the other way round
    if not g["colon"] and g["second"] is None and g["dash"]:
        return None  # 2020-01-01T1200: neither form
    second = g["second"]
    if second == "60":
        second = "59"  # a leap second: the moment before it
        standard = False
    value = _make(
        int(g["year"]),
        int(g["month"]),
        int(g["day"]),
        int(g["hour"]),
        int(g["minute"]),
        int(second or 0),
        _micro(g["fraction"]),
    )
    if value is None:
        return None
    if g["zulu"]:
        return Moment(value.replace(tzinfo=dt.UTC), "moment", standard)
    if g["sign"]:
        zone = _offset(g["sign"], g["oh"], g["om"])
        if zone is None:
            return None
        return Moment(value.replace(tzinfo=zone), "moment", standard)
    if g["abbr"]:
        return _abbreviated(value, g["abbr"])
    if g["space"]:
        return None
    return Moment(value, "local", standard)


def _abbreviated(value: dt.datetime, abbreviation: str) -> Moment:
    minutes = _ZONES.get(abbreviation.upper())
    if minutes is None:
        return Moment(value, "local", standard=False, note=f"{abbreviation} has several meanings")
    zone = _zone(minutes)
    note = None
    if abbreviation.upper() not in ("Z", "UT", "UTC", "GMT"):
        note = f"{abbreviation} read as {_format_offset(minutes)}"
    return Moment(value.replace(tzinfo=zone), "moment", standard=False, note=note)


def _format_offset(minutes: int) -> str:
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{rest:02d}"


def _slashed(text: str) -> Moment | None:
    match = _SLASHED.fullmatch(text)
    if match is None:
        return None
    g = match.groupdict()
    value = _make(
        int(g["year"]),
        int(g["month"]),
        int(g["day"]),
        int(g["hour"] or 0),
        int(g["minute"] or 0),
        int(g["second"] or 0),
        0,
    )
    if value is None:
        return None
    return Moment(value, "day" if g["hour"] is None else "local", standard=False)


def _words(text: str) -> Moment | None:
    """RFC 2822, JavaScript's Date text, and English month names with a day and a year."""
    month = day = year = None
    clock: tuple[int, int, int, int] | None = None
    zone: dt.timezone | None = None
    zone_seen = False
    note = None
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        token = match.group()
        if kind == "other" or kind == "paren":
            continue
        if kind == "time":
            if clock is not None:
                return None
            parts = token.split(":")
            seconds, _, fraction = (parts[2] if len(parts) > 2 else "0").partition(".")
            clock = (int(parts[0]), int(parts[1]), int(seconds), _micro(fraction or None))
        elif kind == "offset":
            if zone_seen:
                return None
            digits = token.lstrip("GMTU")
            sign, rest = digits[0], digits[1:].replace(":", "")
            if sign == "-" and rest == "0000" and not token[0].isalpha():
                zone_seen = True  # RFC 2822: -0000 means no information about the zone
                continue
            zone = _offset(sign, rest[:2], rest[2:])
            if zone is None:
                return None
            zone_seen = True
        elif kind == "number":
            number = int(token)
            if len(token) == 4 and year is None:
                year = number
            elif len(token) <= 2 and day is None:
                day = number
            else:
                return None
        else:
            word = token.rstrip(".").lower()
            if word in _MONTHS and month is None:
                month = _MONTHS[word]
            elif word in _DAYS or word in ("at", "the", "of"):
                continue
            elif token.upper() in _ZONES and not zone_seen:
                minutes = _ZONES[token.upper()]
                zone = _zone(minutes)
                zone_seen = True
                if token.upper() not in ("Z", "UT", "UTC", "GMT"):
                    note = f"{token} read as {_format_offset(minutes)}"
            elif word in ("am", "pm") and clock is not None:
                hour = clock[0] % 12 + (12 if word == "pm" else 0)
                if clock[0] > 12:
                    return None
                clock = (hour, *clock[1:])
            elif token.isupper() and 2 <= len(token) <= 5 and not zone_seen:
                zone_seen = True  # an abbreviation of several meanings (IST, BST): no offset
                note = f"{token} has several meanings"
            else:
                return None
    if month is None or day is None or year is None:
        return None
    if clock is None:
        if zone_seen:
            return None
        value = _make(year, month, day, 0, 0, 0, 0)
        return None if value is None else Moment(value, "day", standard=False)
    value = _make(year, month, day, *clock)
    if value is None:
        return None
    if zone is None:
        return Moment(value, "local", standard=False, note=note)
    return Moment(value.replace(tzinfo=zone), "moment", standard=False, note=note)


# The commonest form of a date on real pages, in full with an offset (or Z), every field in
# range but the day of the month: the standard library's C parser reads it into the value
# _iso gives (tests/test_import_mapping.py proves it), several times faster.
_COMMON: Final = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]{1,6})?"
    r"(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])"
)


def read_moment(text: str) -> Moment | None:
    """What ``text`` says (see :class:`Moment`), or None when it is no date this reads."""
    text = text.strip()
    if _COMMON.fullmatch(text) is not None:
        try:
            return Moment(dt.datetime.fromisoformat(text), "moment", standard=True)
        except ValueError:  # a day the month does not have: the general readers say so
            pass
    return read_any_form(text)


def read_any_form(text: str) -> Moment | None:
    """:func:`read_moment` of a stripped text, by the general readers alone."""
    if not text or len(text) > 100:
        return None
    return _iso(text) or _slashed(text) or _words(text)
