"""How to draw the values of each rule of the format, built once from the rule's own data.

:func:`values` gives the :class:`Values` of any :class:`~newsarticle._rules.Rule`: ids from
the rule's alphabets and up to its length, text from every character its refused spans and
the surrogates leave (newlines where the rule allows them, never a blank line in a
paragraph), language tags from its examples, numbers within its range, and so on.  A new
instance of an existing rule class needs nothing here; a new rule class registers its
values with ``@_build.register``.

Hypothesis spends most of its time on each choice it makes and each strategy it draws from,
so a value here costs as few of them as it can: one string for a piece of text and one
integer for what is put into it (a newline, a combining mark), one string for an id, three
draws for a URL.  An optional value takes its absence from the same draws where it can (an
empty string is an absent text), and shrinks towards it.  The strategies are built once and
drawn from directly (no ``.map``, ``.filter``, ``st.from_regex`` or ``st.one_of`` layers):
every value is valid by construction, so no draw is ever thrown away.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import math
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any, Final

from hypothesis import strategies as st

from .._model import DatePrecision, PartialDate
from .._profile import HEADLINE_LIMIT
from .._rules import (
    ID,
    SURROGATES,
    URL,
    IdRule,
    PartialDateRule,
    PatternRule,
    RangeRule,
    Rule,
    TextRule,
    TimestampRule,
    UrlRule,
)

__all__ = [
    "LONGEST_HOST",
    "LONGEST_URLS",
    "LONG_LINES",
    "MAX_ITEMS",
    "PRESENT",
    "TYPOGRAPHIC_SPACES",
    "Draw",
    "Spread",
    "Values",
    "between",
    "id_values",
    "indices",
    "later",
    "nfc",
    "sampled",
    "sizes",
    "text_values",
    "timestamp_values",
    "url_values",
    "values",
]

#: At most this many items in a sequence (and references in one field).
MAX_ITEMS: Final = 3

#: The ``draw`` of a composite strategy.
Draw = Callable[[st.SearchStrategy[Any]], Any]

#: Whether an optional value that has no absence of its own is there.
PRESENT: Final = st.booleans()


def nfc(text: str) -> str:
    """The text as the model stores it."""
    return unicodedata.normalize("NFC", text)


@functools.cache
def indices(count: int) -> st.SearchStrategy[int]:
    """An index into a sequence of ``count`` items (``count`` > 0), built once per count."""
    return st.integers(min_value=0, max_value=count - 1)


@functools.cache
def sizes(most: int) -> st.SearchStrategy[int]:
    """A number of items from 0 to ``most``, built once per bound."""
    return st.integers(min_value=0, max_value=most)


class Spread:
    """Integers from 0 to ``count`` - 1, spread evenly over the range, 0 still the simplest.

    Hypothesis draws integers of a large range mostly small (a timestamp would be in the
    first days of its range); multiplied by a number prime to the range, modulo the range,
    they spread over all of it.
    """

    def __init__(self, count: int) -> None:
        self.count = count
        self.integers = indices(count)
        factor = max(1, int(count * 0.6180339887))
        while math.gcd(factor, count) != 1:
            factor += 1
        self.factor = factor

    def draw(self, draw: Draw) -> int:
        drawn: int = draw(self.integers)
        return drawn * self.factor % self.count


class Values:
    """How to draw the values of one rule inside a composite strategy.

    ``one`` draws a value, ``optional`` a value or None, ``many`` a sequence of zero to
    :data:`MAX_ITEMS` values (each once when ``unique``).  :attr:`strategy` is the strategy
    of one value, for the public functions.
    """

    def one(self, draw: Draw) -> Any:
        raise NotImplementedError

    def optional(self, draw: Draw) -> Any:
        return self.one(draw) if draw(PRESENT) else None

    def many(self, draw: Draw, unique: bool) -> tuple[Any, ...]:
        items = [self.one(draw) for _ in range(draw(sizes(MAX_ITEMS)))]
        return tuple(dict.fromkeys(items)) if unique else tuple(items)

    @functools.cached_property
    def strategy(self) -> st.SearchStrategy[Any]:
        """The strategy of one value, built once."""

        @st.composite
        def one(draw: st.DrawFn) -> Any:
            return self.one(draw)

        return one()


class _Sampled(Values):
    """One of a fixed set of values (an enumeration's members, a rule's examples)."""

    def __init__(self, elements: Sequence[Any]) -> None:
        if not elements:
            raise TypeError("nothing to sample from")
        self.elements = st.sampled_from(tuple(elements))
        # A third of the optional draws are None, which they shrink towards.
        absent = (None,) * max(1, len(elements) // 2)
        self.maybe = st.sampled_from((*absent, *elements))

    def one(self, draw: Draw) -> Any:
        return draw(self.elements)

    def optional(self, draw: Draw) -> Any:
        return draw(self.maybe)


@functools.cache
def sampled(elements: tuple[Any, ...]) -> Values:
    """The values of a fixed set, built once per set."""
    return _Sampled(elements)


@functools.cache
def values(rule: Rule) -> Values:
    """How to draw the values of ``rule``, as the model holds them; built once per rule."""
    return _build(rule)


@functools.singledispatch
def _build(rule: Rule) -> Values:
    raise TypeError(
        f"newsarticle.testing cannot draw the values of {type(rule).__name__}; "
        "register them with newsarticle.testing._values._build.register"
    )


# --- ids ------------------------------------------------------------------------------


class _Ids(Values):
    """A string of the rule's alphabets, its first character made one an id may start with.

    ``one`` makes one id in sixteen as long as the rule allows; the article's pool of ids
    makes one long (see :meth:`longest`) on its own.
    """

    def __init__(self, rule: IdRule) -> None:
        self.first = rule.first_chars
        alphabet = rule.rest_chars + "".join(
            c for c in rule.first_chars if c not in rule.rest_chars
        )
        self.alphabet = alphabet
        self.max_length = rule.max_length
        self.text = st.text(alphabet, min_size=1, max_size=rule.max_length)
        self.long = indices(16)

    def short(self, draw: Draw) -> str:
        """An id of the lengths a string usually has: a few characters."""
        text: str = draw(self.text)
        if text[0] in self.first:
            return text
        return self.first[self.alphabet.index(text[0]) % len(self.first)] + text[1:]

    def longest(self, identifier: str) -> str:
        """``identifier`` repeated to the rule's greatest length."""
        return (identifier * (self.max_length // len(identifier) + 1))[: self.max_length]

    def one(self, draw: Draw) -> str:
        identifier = self.short(draw)
        return self.longest(identifier) if draw(self.long) == 15 else identifier

    def unique(self, identifiers: list[str]) -> list[str]:
        """The ids, each that repeats an earlier one given a suffix (its end) until it is new."""
        seen: set[str] = set()
        found = []
        for identifier in identifiers:
            candidate = self.new(identifier, seen)
            seen.add(candidate)
            found.append(candidate)
        return found

    def new(self, identifier: str, taken: set[str] | frozenset[str]) -> str:
        """``identifier``, given a suffix (its end) until it is none of ``taken``."""
        step = 0
        candidate = identifier
        while candidate in taken:
            suffix, number = "", step
            while True:
                number, digit = divmod(number, len(self.alphabet))
                suffix += self.alphabet[digit]
                if not number:
                    break
            candidate = identifier[: self.max_length - len(suffix)] + suffix
            step += 1
        return candidate


@functools.cache
def id_values(rule: IdRule = ID) -> _Ids:
    """How to draw ids of ``rule``; built once."""
    return _Ids(rule)


@_build.register
def _ids(rule: IdRule) -> Values:
    return id_values(rule)


# --- text -----------------------------------------------------------------------------

_NEWLINE: Final = "\n"
# Characters worth meeting more often than a uniform draw from all of Unicode gives them:
# combining marks (which NFC composes with what precedes them), Hangul jamo (which it
# composes with each other), a zero-width joiner, a no-break space, a line separator, a
# byte order mark, right-to-left letters and characters beyond the Basic Multilingual Plane.
# Each text rule keeps those it allows.
_SPECIALS: Final = (
    "\u0301",
    "\u0327",
    "\u0308",
    "\u1100",
    "\u1161",
    "\u11a8",
    "\u200d",
    "\u00a0",
    "\u2028",
    "\ufeff",
    "\u05d0",
    "\u0644",
    "\U0001f469",
    "\U0001f3fd",
    "\U00020000",
)
#: Typographic spaces, which text holds between words and figures ("10\u202f000",
#: "Dr\u00a0Ahmad"): no-break, narrow no-break, thin, hair, figure, en, em and ideographic.
TYPOGRAPHIC_SPACES: Final = (
    "\u00a0",
    "\u202f",
    "\u2009",
    "\u200a",
    "\u2007",
    "\u2002",
    "\u2003",
    "\u3000",
)
#: What a text of only invisible characters (which no rule allows) shows instead of its
#: first one.
_SHOWN: Final = "abcdefghijklmnopqrstuvwxyz0123456789"
#: The lengths of the long lines drawn now and then: around the length of headline search
#: results show whole (the profile's limit), one below, at and one above it.
LONG_LINES: Final = (HEADLINE_LIMIT - 1, HEADLINE_LIMIT, HEADLINE_LIMIT + 1)
# The kinds of edit: nothing, put in a character (or two), put in a newline (or two, at
# different places), put typographic spaces between the characters, stretch a line to one
# of LONG_LINES, and, for an optional value, be absent.
_NOTHING: Final = ""
_ONE_NEWLINE: Final = "one newline"
_TWO_NEWLINES: Final = "two newlines"
_SPACED: Final = "typographic spaces inside"
_ABSENT: Final = "absent"
_LONG: Final = "long"


def _grows(kind: str) -> int:
    """How many characters an edit of ``kind`` puts in, at most (a long line: none counted,
    as it is drawn only by the rule's own strategy, which has no size to keep to)."""
    if kind in (_TWO_NEWLINES, _NEWLINE * 2, _SPACED):
        return 2
    return 0 if kind == _NOTHING or kind.startswith(_LONG) else 1


def _stretched(text: str, length: int) -> str:
    """``text`` repeated (and padded with "a") to ``length`` characters in NFC."""
    found = nfc((text * (length // len(text) + 1))[:length])
    for _ in range(4):  # a prefix of NFC text is NFC; "a" composes with nothing before it
        if len(found) == length:
            break
        found = nfc(found[:length] + "a" * (length - len(found)))
    return found


def _spans_chars(spans: tuple[tuple[int, int], ...]) -> str:
    return "".join(chr(point) for low, high in spans for point in range(low, high + 1))


class _Text(Values):
    """Text of a rule: one string of every character the rule allows, and one edit.

    The edit is one integer: its kind (nothing, half the time for a line; a newline or two;
    a blank line; a combining mark or another character worth meeting; typographic spaces
    between the characters; for the rule's own strategy, ``long``, a line stretched to one of
    the lengths given) and one or two places.  A paragraph's text gets newlines only where
    they make no blank line and not at its ends.  A text drawn of only invisible characters
    (spaces, a zero-width joiner), which the rule refuses, shows a letter instead of its
    first one: every text holds a visible character.
    """

    def __init__(self, rule: TextRule, max_size: int, long: tuple[int, ...] = ()) -> None:
        refused = _spans_chars((*rule.refused, SURROGATES))
        self.paragraph = rule.newline and rule.paragraph
        if self.paragraph:
            refused += _NEWLINE  # put in by the edits, where they make no blank line
        self.visible = rule.visible
        alphabet = st.characters(exclude_characters=refused)
        longest = max(1, max_size - 2)  # room for what the edits put in
        self.required = st.text(alphabet, min_size=1, max_size=longest)
        self.maybe = st.text(alphabet, max_size=longest)  # empty: absent
        specials = [char for char in _SPECIALS if rule.bad.search(char) is None]
        kinds = [_NOTHING] * len(specials) + specials + [_SPACED] * 2
        if rule.newline:
            kinds += [_ONE_NEWLINE] * 10 + [_TWO_NEWLINES] * 5
            if not self.paragraph:
                kinds += [_NEWLINE * 2] * 3  # a blank line
        kinds += [f"{_LONG} {length}" for length in long]
        room = max_size - longest  # what the edits may put in: 0, 1 or 2 characters
        kinds = [kind for kind in kinds if _grows(kind) <= room] or [_NOTHING]
        self.kinds = tuple(kinds)
        self.optional_kinds = (*kinds, *[_ABSENT] * (len(kinds) // 2))
        self.places = longest + 1
        square = self.places * self.places
        self.edits = indices(len(self.kinds) * square)
        self.optional_edits = indices(len(self.optional_kinds) * square)

    def one(self, draw: Draw) -> str:
        return self.edited(draw(self.required), self.kinds, draw(self.edits))

    def optional(self, draw: Draw) -> str | None:
        text = draw(self.maybe)
        if not text:
            return None
        edited = self.edited(text, self.optional_kinds, draw(self.optional_edits))
        return edited or None

    def shown(self, text: str) -> str:
        """``text``, its first character a letter when it holds no visible one."""
        if self.visible.search(text) is not None:
            return text
        return _SHOWN[ord(text[0]) % len(_SHOWN)] + text[1:]

    def edited(self, text: str, kinds: tuple[str, ...], edit: int) -> str:
        """``text`` with the edit numbered ``edit`` made, in NFC ("" for absent).

        The kind is the lowest digit of the number, the places the higher ones: Hypothesis
        draws large integers mostly small, but their lowest digits evenly.
        """
        place, kind = divmod(edit, len(kinds))
        second, first = divmod(place, self.places)
        what = kinds[kind]
        if what == _ABSENT:
            return ""
        text = self.shown(text)
        if what == _NOTHING:
            return nfc(text)
        if what.startswith(_LONG):
            return _stretched(text, int(what.removeprefix(_LONG)))
        chars = list(text)
        if what in (_ONE_NEWLINE, _TWO_NEWLINES):
            places = [first] if what == _ONE_NEWLINE else sorted({first, second}, reverse=True)
            for at in places:
                self.newline(chars, at % (len(chars) + 1))
        elif what == _SPACED:
            self.spaced(chars, first, second)
        else:
            chars.insert(first % (len(chars) + 1), what)
        return nfc("".join(chars))

    def newline(self, chars: list[str], at: int) -> None:
        if not self.paragraph:
            chars.insert(at, _NEWLINE)
        elif 0 < at < len(chars) and _NEWLINE not in (chars[at - 1], chars[at]):
            chars.insert(at, _NEWLINE)  # else at an end, or making a blank line: nothing

    @staticmethod
    def spaced(chars: list[str], first: int, second: int) -> None:
        """Typographic spaces (which ``second`` picks) between the characters, never at an
        end: one at a place ``first`` picks, and every ASCII space replaced by one too.  A
        text of one character gets it twice, a space between."""
        space = TYPOGRAPHIC_SPACES[second % len(TYPOGRAPHIC_SPACES)]
        if len(chars) == 1:
            chars.append(chars[0])
        chars.insert(1 + first % (len(chars) - 1), space)
        for index in range(1, len(chars) - 1):
            if chars[index] == " ":
                chars[index] = space


@functools.cache
def text_values(rule: TextRule, max_size: int) -> Values:
    """How to draw text of ``rule``, at most ``max_size`` characters before NFC; built once."""
    if max_size < 1:
        raise ValueError(f"text holds at least one character, so max_size={max_size} is too small")
    return _Text(rule, max_size)


@_build.register
def _texts(rule: TextRule) -> Values:
    if not rule.newline:  # a line, now and then as long as a headline may be, give or take one
        return _Text(rule, 40, LONG_LINES)
    return text_values(rule, 120 if rule.paragraph else 80)


# --- URLs -----------------------------------------------------------------------------

# Mostly lower case, as URLs are written; the rule allows any case.
_SCHEMES: Final = ("https", "http", "https", "http", "HTTPS", "Http")
_PORTS: Final = (*[None] * 10, 80, 443, 8080, 0, 65535)
_TOP_LEVEL: Final = ("example", "org", "com", "test", "co.uk", "xn--p1ai")
#: Where the rest of a URL goes: a path, then maybe a query and a fragment.
_SHAPES: Final = ("", "", "?", "#", "?#")
_HOST_CHARS: Final = "abcdefghijklmnopqrstuvwxyz0123456789-."
# RFC 3986 pchar (unreserved, sub-delims, ":" and "@"), "/" and "?" (which a query and a
# fragment may hold); "%" becomes a percent escape.
_PCHARS: Final = (
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@%/?"
)


#: The longest URLs drawn, one in sixteen: the format sets no length, and these are the
#: longest the sitemaps protocol takes ("less than 2,048 characters") and one more.
LONGEST_URLS: Final = (2047, 2048)
_LENGTHS: Final = (*[None] * 15 * len(LONGEST_URLS), *LONGEST_URLS)
#: The longest host name and label DNS allows (RFC 1035), which the longest URLs have.
LONGEST_HOST: Final = 253
_LONGEST_LABEL: Final = 63


def _host(text: str, top: str) -> str:
    labels = [label.strip("-") for label in text.split(".")]
    return ".".join([label[:63] for label in labels if label] or ["a"]) + "." + top


def _escaped(text: str) -> str:
    """Each ``%`` a percent escape (of a byte that depends on where it stands)."""
    if "%" not in text:
        return text
    return "".join(
        f"%{(index * 37 + 32) % 256:02X}" if char == "%" else char
        for index, char in enumerate(text)
    )


def _tail(text: str, shape: str) -> str:
    """The path, and the query and fragment ``shape`` asks for, of ``text``."""
    cuts = [len(text) * (index + 1) // (len(shape) + 1) for index in range(len(shape))]
    pieces = [text[start:end] for start, end in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    path = _escaped(pieces[0].replace("?", "/"))
    if path and not path.startswith("/"):
        path = "/" + path
    return path + "".join(
        mark + _escaped(piece) for mark, piece in zip(shape, pieces[1:], strict=True)
    )


def _longest_host(text: str, top: str) -> str:
    """A host name of :data:`LONGEST_HOST` characters ending in ``top``: labels of the
    longest DNS allows, made of the letters and digits of ``text``."""
    letters = "".join(char for char in text if char.isalnum()) or "a"
    room = LONGEST_HOST - len(top) - 1
    labels = []
    while room > 0:
        size = min(_LONGEST_LABEL, room if room <= _LONGEST_LABEL else room - 2)
        labels.append((letters * (size // len(letters) + 1))[:size])
        room -= size + 1
    return ".".join(labels) + "." + top


def _longest(url: str, tail: str, length: int) -> str:
    """``url`` made ``length`` characters long: its path (or query, or fragment) grows by
    the RFC 3986 characters of ``tail`` (no percent sign, which a cut could split)."""
    filler = tail.replace("%", "") or "a"
    grown = url + ("" if "/" in url.split("//", 1)[1] or url[-1] in "?#" else "/")
    return (grown + filler * (length // len(filler) + 1))[:length]


class _Urls(Values):
    """Absolute http(s) URLs: host names of one or more labels, sometimes a port, a path of
    RFC 3986 characters and percent escapes, sometimes a query and a fragment; one in sixteen
    as long as :data:`LONGEST_URLS` says, with a host name as long as DNS allows.

    Three draws: the scheme, port, top-level domain, shape and length together; the host;
    the rest.  The rule says only that they are http(s) and RFC 3986, so they are made from
    alphabets.
    """

    def __init__(self, rule: UrlRule) -> None:
        combinations = tuple(itertools.product(_SCHEMES, _PORTS, _TOP_LEVEL, _SHAPES, _LENGTHS))
        self.combinations = st.sampled_from(combinations)
        self.maybe = st.sampled_from(((None,) * (len(combinations) // 2)) + combinations)
        self.host = st.text(_HOST_CHARS, min_size=1, max_size=24)
        self.tail = st.text(_PCHARS, max_size=40)

    def make(self, draw: Draw, combination: tuple[str, int | None, str, str, int | None]) -> str:
        scheme, port, top, shape, length = combination
        host = draw(self.host)
        name = _host(host, top) if length is None else _longest_host(host, top)
        text = f"{scheme}://{name}"
        if port is not None:
            text += f":{port}"
        tail = draw(self.tail)
        text += _tail(tail, shape)
        return text if length is None else _longest(text, tail, length)

    def one(self, draw: Draw) -> str:
        return self.make(draw, draw(self.combinations))

    def optional(self, draw: Draw) -> str | None:
        combination = draw(self.maybe)
        return None if combination is None else self.make(draw, combination)


@functools.cache
def url_values(rule: UrlRule = URL) -> Values:
    """How to draw URLs of ``rule``; built once."""
    return _Urls(rule)


@_build.register
def _urls(rule: UrlRule) -> Values:
    return url_values(rule)


# --- the rest -------------------------------------------------------------------------


@_build.register
def _patterns(rule: PatternRule) -> Values:
    if not rule.examples:
        raise TypeError(f"the rule {rule.name} has no examples for the strategies to draw")
    return sampled(rule.examples)


#: Every whole-minute offset RFC 3339 can write, by minutes.
_ZONES: Final = {
    minutes: dt.UTC if minutes == 0 else dt.timezone(dt.timedelta(minutes=minutes))
    for minutes in range(-(24 * 60 - 1), 24 * 60)
}
_MINUTES: Final = st.integers(min_value=-(24 * 60 - 1), max_value=24 * 60 - 1)
_MICROSECONDS: Final = st.integers(min_value=0, max_value=999_999)


class _Timestamps(Values):
    """Aware datetimes between two naive bounds, with an offset of whole minutes."""

    def __init__(self, low: dt.datetime, high: dt.datetime) -> None:
        if high < low:
            raise ValueError(f"max_value {high} is before min_value {low}")
        self.low, self.high = low, high
        self.seconds = Spread(int((high - low).total_seconds()) + 1)

    def one(self, draw: Draw) -> dt.datetime:
        moment = self.low + dt.timedelta(
            seconds=self.seconds.draw(draw), microseconds=draw(_MICROSECONDS)
        )
        return min(moment, self.high).replace(tzinfo=_ZONES[draw(_MINUTES)])


@functools.cache
def timestamp_values(
    low: dt.datetime = dt.datetime(1900, 1, 1), high: dt.datetime = dt.datetime(2100, 1, 1)
) -> Values:
    """How to draw timestamps between two naive bounds; built once per pair."""
    return _Timestamps(low, high)


@_build.register
def _timestamps(rule: TimestampRule) -> Values:
    return timestamp_values()


#: How much later than a moment a timestamp that must not precede it is, at most.
_LATER: Final = Spread(100 * 366 * 24 * 3600)


def later(draw: Draw, moment: dt.datetime) -> dt.datetime:
    """A moment no earlier than ``moment`` (the same, now and then), at any offset."""
    delta = dt.timedelta(seconds=_LATER.draw(draw), microseconds=draw(_MICROSECONDS))
    zone = _ZONES[draw(_MINUTES)]
    try:
        return (moment + delta).astimezone(zone)
    except OverflowError:  # beyond year 9999
        return moment.astimezone(zone)


#: Where a timestamp between two moments falls: one in eight at the first, one in eight at
#: the last, the others anywhere between (in steps of a millionth of the span).
_WHERE: Final = indices(8)
_STEPS: Final = 1_000_000
_BETWEEN: Final = Spread(_STEPS + 1)
_MICROSECOND: Final = dt.timedelta(microseconds=1)


def between(draw: Draw, low: dt.datetime, high: dt.datetime) -> dt.datetime:
    """A moment from ``low`` to ``high`` (``low`` not after ``high``), both included, at any
    offset."""
    where = draw(_WHERE)
    if where == 0:
        moment = low
    elif where == 1:
        moment = high
    else:
        span = (high - low) // _MICROSECOND
        offset = dt.timedelta(microseconds=span * _BETWEEN.draw(draw) // _STEPS)
        try:
            moment = low + offset
        except OverflowError:  # beyond year 9999 at low's offset (high's is another)
            moment = high
    zone = _ZONES[draw(_MINUTES)]
    try:
        return moment.astimezone(zone)
    except OverflowError:  # beyond year 9999 (or before year 1) at that offset
        return moment


class _PartialDates(Values):
    """Dates of every precision from year 1 to 9999: a day, and how much of it is known."""

    def __init__(self) -> None:
        self.days = Spread(dt.date.max.toordinal())
        precisions = tuple(DatePrecision)
        self.precisions = st.sampled_from(precisions)
        self.maybe = st.sampled_from((None, None, *precisions))

    def make(self, draw: Draw, precision: DatePrecision) -> PartialDate:
        day = dt.date.fromordinal(1 + self.days.draw(draw))
        if precision is DatePrecision.YEAR:
            return PartialDate(year=day.year)
        if precision is DatePrecision.MONTH:
            return PartialDate(year=day.year, month=day.month)
        return PartialDate(year=day.year, month=day.month, day=day.day)

    def one(self, draw: Draw) -> PartialDate:
        return self.make(draw, draw(self.precisions))

    def optional(self, draw: Draw) -> PartialDate | None:
        precision = draw(self.maybe)
        return None if precision is None else self.make(draw, precision)


@_build.register
def _partial_dates(rule: PartialDateRule) -> Values:
    return _PartialDates()


class _Numbers(Values):
    """Numbers from the rule's minimum to its maximum: whole ones, or floats."""

    def __init__(self, rule: RangeRule) -> None:
        low, high = rule.minimum, rule.maximum
        if rule.integer:
            self.numbers: st.SearchStrategy[Any] = st.integers(min_value=low, max_value=high)
        else:
            self.numbers = st.floats(min_value=low, max_value=high)

    def one(self, draw: Draw) -> Any:
        return draw(self.numbers)


@_build.register
def _numbers(rule: RangeRule) -> Values:
    return _Numbers(rule)
