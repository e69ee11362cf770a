"""The rules of the article format: each kind of value, and each field, declared once.

A :class:`Rule` says everything about one kind of value (an id, a line of text, a URL, a
timestamp, a number in a range): the JSON Schema that publishes it, the check the model makes
when an object is built (and the message of the :class:`~newsarticle.InvalidValueError` it
raises), and the inline test the fast builder writes.  The Hypothesis strategies of
:mod:`newsarticle.testing` read the same declarations (alphabets, lengths, ranges).

Every field of the model is declared with :func:`declare`: its rule (a :class:`Rule`, an
enumeration or a class of the model), the description the schema prints, and what integrity
needs to know (a reference and the kinds of object it may name, a chain that must not loop,
anchors in the body).  The declaration is kept as a :class:`Spec` in the field's attrs
``metadata``; the model's validators and converters (:func:`derive`), the schema
(:mod:`newsarticle._schema`), the fast builder (:mod:`newsarticle._build`), the integrity
checks (:mod:`newsarticle._integrity`) and the strategies are derived from it.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final, TypeAlias

import attrs

from ._errors import InvalidValueError, indefinite, shown

__all__ = [
    "FORMAT_VERSION",
    "ID",
    "INVISIBLE",
    "LANGUAGE",
    "LINE",
    "PARAGRAPH_TEXT",
    "TEXT",
    "TIMESTAMP",
    "URL",
    "IdRule",
    "PartialDateRule",
    "PatternRule",
    "RangeRule",
    "Rule",
    "Spec",
    "TextRule",
    "TimestampRule",
    "UrlRule",
    "declare",
    "derive",
    "format_datetime",
    "is_http_url",
    "parse_datetime",
    "spec",
    "to_tuple",
]

#: The version of the JSON format this library reads and writes.
FORMAT_VERSION: Final = 1

# Patterns end in (?![\s\S]), "nothing follows", rather than $: Python's $ also matches
# before a final newline, ECMA-262's does not, and the schema must mean the same in every
# implementation.
_END: Final = r"(?![\s\S])"

#: Binds a value into the fast builder's namespace and returns the name it has there.
Bind: TypeAlias = Callable[[object], str]


def _char_class(spans: tuple[tuple[int, int], ...], negated: bool = False) -> str:
    """A regular-expression class of code point spans, written with ``\\uXXXX`` escapes (and
    Python's ``\\UXXXXXXXX`` beyond the BMP, which only Python's patterns read)."""

    def escape(point: int) -> str:
        return f"\\u{point:04X}" if point < _ASTRAL else f"\\U{point:08X}"

    parts = [escape(low) + (f"-{escape(high)}" if high > low else "") for low, high in spans]
    return "[" + "^" * negated + "".join(parts) + "]"


def _without(
    spans: tuple[tuple[int, int], ...], removed: tuple[tuple[int, int], ...]
) -> tuple[tuple[int, int], ...]:
    """The code points of ``spans`` that are in none of ``removed``, as spans."""
    points = sorted(
        {p for low, high in spans for p in range(low, high + 1)}
        - {p for low, high in removed for p in range(low, high + 1)}
    )
    found: list[tuple[int, int]] = []
    for point in points:
        if found and found[-1][1] == point - 1:
            found[-1] = (found[-1][0], point)
        else:
            found.append((point, point))
    return tuple(found)


def _expand(spec: str) -> str:
    """Every character of a class written like ``A-Za-z0-9._-`` (a final ``-`` is itself)."""
    chars: list[str] = []
    index = 0
    while index < len(spec):
        if index + 2 < len(spec) and spec[index + 1] == "-":
            chars += [chr(c) for c in range(ord(spec[index]), ord(spec[index + 2]) + 1)]
            index += 3
        else:
            chars.append(spec[index])
            index += 1
    return "".join(chars)


class Rule:
    """What a value of one kind is.  Subclasses hold the data; these are the derivations.

    ``name`` is the schema's ``$defs`` entry (None: the rule is written inline in each
    property), ``description`` its description there.
    """

    name: str | None
    description: str
    normalizes: bool = False  #: the model stores the text in Unicode NFC

    @property
    def python_type(self) -> type[Any]:
        """The type of the values the model holds."""
        return str

    def json_schema(self) -> dict[str, Any]:
        """The JSON Schema keywords of the rule (its ``$defs`` entry, or the inline schema)."""
        raise NotImplementedError

    def problem(self, value: object) -> str | None:
        """Why ``value`` (as the model holds it) breaks the rule, or None."""
        raise NotImplementedError

    def inline(self, var: str, clean: bool, bind: Bind) -> str | None:
        """A Python expression, true when the string ``var`` breaks the rule, for the builder.

        ``clean`` says the builder knows the string holds no control character but a newline.
        None: the builder calls :meth:`problem`.
        """
        return None


@attrs.frozen(kw_only=True, eq=False)
class IdRule(Rule):
    """Identifiers: a first character, then more from a wider alphabet, up to a length."""

    name: str
    description: str
    first: str  #: the characters an id starts with, as a regular-expression class
    rest: str  #: the characters that may follow
    max_length: int

    @functools.cached_property
    def body(self) -> str:
        """The pattern of one id, without anchors."""
        return f"[{self.first}][{self.rest}]{{0,{self.max_length - 1}}}"

    @property
    def first_chars(self) -> str:
        return _expand(self.first)

    @property
    def rest_chars(self) -> str:
        return _expand(self.rest)

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": f"^{self.body}{_END}"}

    def problem(self, value: object) -> str | None:
        if isinstance(value, str) and _ID_MATCH(value):
            return None
        return (
            f'{shown(value)} is not an id (letters, digits, ".", "_" and "-", '
            f"starting with a letter or digit, at most {self.max_length} characters)"
        )


#: The C0 controls, DEL and the C1 controls: never in text, but for newlines where allowed.
CONTROLS: Final = ((0x00, 0x1F), (0x7F, 0x9F))
#: Lone surrogates, which no UTF-8 text can hold.  A JSON Schema pattern cannot refuse them
#: (ECMA-262 patterns see the halves of every character beyond the BMP), so only the model does.
SURROGATES: Final = (0xD800, 0xDFFF)
_NEWLINE: Final = 0x0A
#: The characters that show nothing: Unicode's White_Space (spaces of every width, the
#: no-break spaces, line and paragraph separators, tabs and newlines) and
#: Default_Ignorable_Code_Point (zero-width spaces and joiners, bidi marks, the soft hyphen,
#: variation selectors, the Hangul fillers, tags), and U+2800 BRAILLE PATTERN BLANK, which
#: fonts draw as nothing.  Text holds at least one character that is none of these.
INVISIBLE: Final = (
    (0x0009, 0x000D),
    (0x0020, 0x0020),
    (0x0085, 0x0085),
    (0x00A0, 0x00A0),
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x061C, 0x061C),
    (0x115F, 0x1160),
    (0x1680, 0x1680),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x2000, 0x200F),
    (0x2028, 0x202F),
    (0x205F, 0x206F),
    (0x2800, 0x2800),
    (0x3000, 0x3000),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)
#: The first code point beyond the Basic Multilingual Plane.
_ASTRAL: Final = 0x10000
#: The characters of ASCII, but its controls, that are none of :data:`INVISIBLE`.
_SHOWING_ASCII: Final = frozenset(
    chr(point)
    for point in range(0x20, 0x7F)
    if not any(low <= point <= high for low, high in INVISIBLE)
)


@attrs.frozen(kw_only=True, eq=False)
class TextRule(Rule):
    """Text: not empty, no control characters, newlines only where ``newline`` allows them."""

    name: str
    description: str
    newline: bool
    paragraph: bool = False  #: a paragraph's text: no blank line either (not in the schema)
    normalizes: bool = True

    @property
    def refused(self) -> tuple[tuple[int, int], ...]:
        """The code points the schema refuses."""
        if not self.newline:
            return CONTROLS
        spans: list[tuple[int, int]] = []
        for low, high in CONTROLS:
            if low <= _NEWLINE <= high:
                spans += [(low, _NEWLINE - 1), (_NEWLINE + 1, high)]
            else:
                spans.append((low, high))
        return tuple((low, high) for low, high in spans if low <= high)

    @functools.cached_property
    def bad(self) -> re.Pattern[str]:
        """What the model refuses in the text: the schema's characters and lone surrogates."""
        return re.compile(_char_class((*self.refused, SURROGATES)))

    @functools.cached_property
    def visible(self) -> re.Pattern[str]:
        """A character that shows (none of :data:`INVISIBLE`): the text holds one."""
        return re.compile(_char_class(INVISIBLE, negated=True))

    @functools.cached_property
    def blank(self) -> tuple[tuple[int, int], ...]:
        """The invisible characters the schema's pattern names: those of the BMP that the rule
        does not refuse.  An ECMA-262 pattern without the ``u`` flag reads a character beyond
        the BMP as two surrogates, and no class is written the same for Python, which reads
        it as one: so the schema counts every character beyond the BMP as visible (each engine
        then agrees), and the model alone refuses a text of the invisible ones there (tags,
        variation selectors).  A text of refused controls is the ``not`` keyword's problem
        alone."""
        return _without(tuple(span for span in INVISIBLE if span[1] < _ASTRAL), self.refused)

    def json_schema(self) -> dict[str, Any]:
        return {
            "type": "string",
            "minLength": 1,
            # Empty (minLength's problem alone), or holding a character that shows.
            "pattern": f"^{_END}|{_char_class(self.blank, negated=True)}",
            "not": {"type": "string", "pattern": _char_class(self.refused)},
        }

    def problem(self, value: object) -> str | None:
        if not isinstance(value, str):
            return f"expected a string, got {shown(value)}"
        if not value:
            return "must not be empty"
        found = self.bad.search(value)
        if found:
            return f"holds the control character U+{ord(found.group()):04X}"
        if self.visible.search(value) is None:
            held = [f"U+{ord(char):04X}" for char in dict.fromkeys(value)]
            listed = ", ".join(held[:3]) + (", ..." if len(held) > 3 else "")
            return (
                f"{shown(value)} has no visible character, only white space and invisible "
                f"characters ({listed})"
            )
        if self.paragraph and "\n\n" in value:
            return "a paragraph must not hold a blank line; split it in two"
        return None

    def inline(self, var: str, clean: bool, bind: Bind) -> str:
        test = f"not {var}"
        if not clean:
            test += f" or {bind(self.bad.search)}({var})"
        elif not self.newline:
            test += f" or '\\n' in {var}"
        # Most texts start with a character of ASCII that shows: then no search is needed.
        showing = bind(_SHOWING_ASCII)
        test += f" or ({var}[0] not in {showing} and not {bind(self.visible.search)}({var}))"
        if self.paragraph:
            test += f" or '\\n\\n' in {var}"
        return test


@attrs.frozen(kw_only=True, eq=False)
class UrlRule(Rule):
    """Absolute http(s) URLs: a scheme and a host, the rest RFC 3986."""

    name: str
    description: str
    scheme: str  #: the pattern of the scheme and the ``://`` after it

    @property
    def start(self) -> str:
        """The pattern of the scheme and the host, which the schema writes."""
        return f"{self.scheme}[^/?#]+"

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "uri", "pattern": f"^{self.start}"}

    def problem(self, value: object) -> str | None:
        return None if is_http_url(value) else f"{shown(value)} is not an absolute http(s) URL"

    def inline(self, var: str, clean: bool, bind: Bind) -> str:
        return f"not {bind(is_http_url)}({var})"


@attrs.frozen(kw_only=True, eq=False)
class PatternRule(Rule):
    """Strings of one shape, given by a regular expression."""

    name: str
    description: str
    pattern: str  #: without anchors
    message: str  #: why a value is refused, with ``{value}`` (the value as messages show it)
    examples: tuple[str, ...]  #: values the strategies draw

    @functools.cached_property
    def match(self) -> Callable[[str], re.Match[str] | None]:
        return re.compile(f"{self.pattern}{_END}").match

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": f"^{self.pattern}{_END}"}

    def problem(self, value: object) -> str | None:
        if isinstance(value, str) and self.match(value):
            return None
        return self.message.format(value=shown(value))

    def inline(self, var: str, clean: bool, bind: Bind) -> str:
        return f"not {bind(self.match)}({var})"


_RFC3339: Final = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]+))?"
    r"(?:([Zz])|([+-])([0-9]{2}):([0-9]{2}))"
)


def parse_datetime(text: str) -> dt.datetime:
    """Read an RFC 3339 timestamp with its offset (``Z`` or ``±hh:mm``).

    Fractions beyond microseconds are truncated; leap seconds are refused.
    """
    match = _RFC3339.fullmatch(text)
    if not match:
        raise ValueError(f"{shown(text)} is not an RFC 3339 timestamp with offset")
    year, month, day, hour, minute, second, fraction, zulu, sign, oh, om = match.groups()
    if second == "60":
        raise ValueError(f"{shown(text)} is a leap second, which cannot be stored")
    if zulu:
        tz = dt.UTC
    else:
        delta = dt.timedelta(hours=int(oh), minutes=int(om))
        if delta >= dt.timedelta(hours=24):
            raise ValueError(f"{shown(text)} has an offset of a day or more")
        tz = dt.timezone(-delta if sign == "-" else delta)
    try:
        return dt.datetime(
            int(year),
            int(month),
            int(day),
            int(hour),
            int(minute),
            int(second),
            int((fraction or "0")[:6].ljust(6, "0")),
            tzinfo=tz,
        )
    except ValueError as error:
        raise ValueError(f"{shown(text)} is not a real time: {error}") from None


def format_datetime(value: dt.datetime) -> str:
    """Write an aware datetime as RFC 3339 (``Z`` for UTC)."""
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


@attrs.frozen(kw_only=True, eq=False)
class TimestampRule(Rule):
    """Moments: aware datetimes, written as RFC 3339 with an offset of whole minutes."""

    name: str
    description: str

    @property
    def python_type(self) -> type[Any]:
        return dt.datetime

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "date-time"}

    def problem(self, value: object) -> str | None:
        if not isinstance(value, dt.datetime):
            return f"expected a datetime, got {shown(value)}"
        offset = value.utcoffset()
        if offset is None:
            return "a timestamp needs a time zone (a naive datetime is ambiguous)"
        if offset.microseconds or offset.seconds % 60:
            return "the time zone offset must be a whole number of minutes"
        return None

    parse = staticmethod(parse_datetime)
    format = staticmethod(format_datetime)


@attrs.frozen(kw_only=True, eq=False)
class PartialDateRule(Rule):
    """Calendar dates known to the year, the month or the day (``2019``, ``2021-07``).

    The model's :class:`~newsarticle.PartialDate` reads them with :attr:`regex`, whose
    groups are the year, the month and the day.
    """

    name: str
    description: str
    year: str
    month: str
    day: str

    @functools.cached_property
    def regex(self) -> re.Pattern[str]:
        """The pattern of the schema, with the groups ``year``, ``month`` and ``day``."""
        return re.compile(
            f"(?P<year>{self.year})(?:-(?P<month>{self.month})(?:-(?P<day>{self.day}))?)?{_END}"
        )

    def json_schema(self) -> dict[str, Any]:
        pattern = f"^{self.year}(-{self.month}(-{self.day})?)?{_END}"
        return {"type": "string", "pattern": pattern}

    def problem(self, value: object) -> str | None:
        raise NotImplementedError("fields of partial dates name the model's PartialDate")


@attrs.frozen(kw_only=True, eq=False)
class RangeRule(Rule):
    """Numbers from ``minimum`` to ``maximum``: whole numbers of ``unit``, or any number."""

    minimum: int
    maximum: int
    integer: bool
    unit: str = ""
    name: None = None
    description: str = ""

    @property
    def python_type(self) -> type[Any]:
        return int if self.integer else float

    def json_schema(self) -> dict[str, Any]:
        kind = "integer" if self.integer else "number"
        return {"type": kind, "minimum": self.minimum, "maximum": self.maximum}

    def problem(self, value: object) -> str | None:
        if self.integer:
            if type(value) is int and self.minimum <= value <= self.maximum:
                return None
            return (
                f"{shown(value)} is not a whole number of {self.unit} "
                f"from {self.minimum} to {self.maximum}"
            )
        if type(value) is not float:
            return f"expected a number, got {shown(value)}"
        if not self.minimum <= value <= self.maximum:  # also refuses NaN
            return f"{shown(value)} is outside {self.minimum:g}..{self.maximum:g}"
        return None

    def inline(self, var: str, clean: bool, bind: Bind) -> str:
        return f"not {self.minimum} <= {var} <= {self.maximum}"


# --- the rules of the format ------------------------------------------------------

ID: Final = IdRule(
    name="Id",
    description=(
        "An identifier, unique among the ids of one article. It becomes a URL fragment in the "
        "JSON-LD, so it holds only letters, digits, '.', '_' and '-', starts with a letter or "
        "digit and has at most 200 characters."
    ),
    first="A-Za-z0-9",
    rest="A-Za-z0-9._-",
    max_length=200,
)
_ID_MATCH: Final = re.compile(f"{ID.body}{_END}").match

LINE: Final = TextRule(
    name="Line",
    description=(
        "Text on one line: Unicode (stored as NFC) with at least one visible character (not "
        "only spaces or invisible characters), no control characters."
    ),
    newline=False,
)
TEXT: Final = TextRule(
    name="Text",
    description=(
        "Text that may span lines: Unicode (stored as NFC) with at least one visible character "
        "(not only spaces, newlines or invisible characters), no control characters other "
        "than newline."
    ),
    newline=True,
)
#: A paragraph's text: Text, and no blank line (which would make two paragraphs of one).
PARAGRAPH_TEXT: Final = attrs.evolve(TEXT, paragraph=True)

URL: Final = UrlRule(
    name="Url",
    description="An absolute http or https URL (RFC 3986).",
    scheme=r"[Hh][Tt][Tt][Pp][Ss]?://",
)
_URL_START: Final = re.compile(URL.start)
# A common shape of http(s) URL that is RFC 3986 by construction: a host name, an optional
# port, then path, query and fragment of unreserved characters, sub-delimiters, ":", "@",
# "/", "?" and percent escapes.  A URL of this shape needs no further check; any other goes
# through the full RFC 3986 grammar.
_URL_CHAR: Final = r"(?:[A-Za-z0-9._~!$&'()*+,;=:@/-]|%[0-9A-Fa-f]{2})"
SIMPLE_URL: Final = re.compile(
    rf"{URL.scheme}[A-Za-z0-9][A-Za-z0-9.-]*(?::[0-9]*)?(?:/{_URL_CHAR}*)?"
    rf"(?:\?(?:{_URL_CHAR}|\?)*)?(?:#(?:{_URL_CHAR}|\?)*)?"
)


def is_http_url(value: object) -> bool:
    """True for an absolute RFC 3986 ``http`` or ``https`` URL."""
    if not isinstance(value, str):
        return False
    if SIMPLE_URL.fullmatch(value):
        return True
    from rfc3986_validator import validate_rfc3986  # here: its grammar takes long to compile

    return _URL_START.match(value) is not None and validate_rfc3986(value, rule="URI") is not None


LANGUAGE: Final = PatternRule(
    name="LanguageTag",
    description="A BCP 47 language tag, such as en or en-GB.",
    pattern=(
        r"[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?"
        r"(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"
    ),
    message='{value} is not a BCP 47 language tag such as "en-GB"',
    examples=("en", "en-GB", "en-US", "fr", "de-CH", "ar", "fa-AF", "ps", "zh-Hant-TW"),
)

TIMESTAMP: Final = TimestampRule(
    name="Timestamp",
    description=("An RFC 3339 timestamp with a time zone offset, such as 2021-08-18T15:26:00Z."),
)

PARTIAL_DATE: Final = PartialDateRule(
    name="PartialDate",
    description=(
        "A calendar date known to the year (2019), the month (2021-07) or the day (2021-08-15)."
    ),
    year="[0-9]{4}",
    month="(0[1-9]|1[0-2])",
    day="(0[1-9]|[12][0-9]|3[01])",
)

#: Every rule with a ``$defs`` entry, in the schema's order.
NAMED_RULES: Final[tuple[Rule, ...]] = (ID, LINE, TEXT, URL, TIMESTAMP, PARTIAL_DATE, LANGUAGE)


# --- fields -------------------------------------------------------------------------

_KEY: Final = "newsarticle"

#: A field's rule: a :class:`Rule`, an enumeration, or a class of the model.
Kind: TypeAlias = Rule | type[Any]


@attrs.frozen(kw_only=True)
class Spec:
    """The declaration of one field of the model, kept in its attrs ``metadata``.

    ``shape`` follows from the field's default: ``one`` (required), ``optional`` (None when
    left out), ``many`` (a tuple, empty when left out) or ``defaulted`` (an enumeration with
    a default).  ``unique``: a sequence holds each item once.  ``refs`` makes the field a
    reference: the ids it holds name objects of those collections of the article
    (``"people"``, ...).  ``acyclic`` (the verb of the message, "is part of") says that
    following this reference from object to object never comes back; ``not_self`` (the
    message) that it never names the object that holds it; ``anchors`` that it lists the
    paragraphs in which the parts of the object's ``text`` stand, one part per paragraph.
    """

    rule: Kind
    doc: str
    shape: str = ""
    unique: bool = False
    refs: frozenset[str] | None = None
    acyclic: str | None = None
    not_self: str | None = None
    anchors: bool = False

    def describe(self, owner: type[Any]) -> str:
        """The description of the field on ``owner``: ``{entity}`` becomes its noun."""
        return self.doc.replace("{entity}", owner.__name__.lower())


def declare(rule: Kind, doc: str, **flags: Any) -> dict[str, Spec]:
    """The ``metadata`` of a field: its rule, its description, what integrity needs.

    Used as ``attrs.field(metadata=declare(LINE, "The headline."))`` in a class built with
    ``field_transformer=derive``, which makes the field's validator and converter.
    """
    return {_KEY: Spec(rule=rule, doc=doc, **flags)}


def spec(field: attrs.Attribute[Any]) -> Spec:
    """The declaration of a field of the model."""
    found: Spec = field.metadata[_KEY]
    return found


def to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """The converter a sequence field names (a list becomes a tuple); see :func:`derive`."""
    converted: tuple[Any, ...] = _sequence(value)  # anything else: refused by the validator
    return converted


def derive(cls: type[Any], fields: list[attrs.Attribute[Any]]) -> list[attrs.Attribute[Any]]:
    """The attrs ``field_transformer`` of the model: each field's checks, from its declaration.

    The shape comes from the default (none: required; None: optional; ``()``: a sequence,
    which names :func:`to_tuple` as its converter; an enumeration member: defaulted).  The
    validator applies the rule and raises :class:`~newsarticle.InvalidValueError` naming
    the field; the converter normalizes text to NFC, makes sequences tuples and whole
    numbers floats where the rule holds floats.
    """
    derived = []
    for field in fields:
        if _KEY not in field.metadata:
            raise TypeError(f"{cls.__name__}.{field.name} is not declared (see _rules.declare)")
        declared = spec(field)
        if not declared.shape:
            declared = attrs.evolve(declared, shape=_shape(cls, field))
        derived.append(
            field.evolve(
                converter=_converter(declared),
                validator=_validator(declared),
                metadata={**field.metadata, _KEY: declared},
            )
        )
    return derived


def _shape(cls: type[Any], field: attrs.Attribute[Any]) -> str:
    default = field.default
    if default is attrs.NOTHING:
        return "one"
    if default is None:
        return "optional"
    if default == ():
        converter: object = field.converter
        if converter is not to_tuple:
            raise TypeError(f"{cls.__name__}.{field.name}: a sequence names converter=to_tuple")
        return "many"
    if isinstance(default, enum.Enum):
        return "defaulted"
    raise TypeError(f"{cls.__name__}.{field.name}: a default is None, () or an enumeration")


# --- validators and converters derived from the declarations -------------------------

_Validator: TypeAlias = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def _item_problem(rule: Kind) -> Callable[[object], str | None]:
    """Why one value breaks ``rule``, or None."""
    if isinstance(rule, Rule):
        return rule.problem
    if issubclass(rule, enum.Enum):
        return _member_problem(rule)
    expected = f"expected {indefinite(rule.__name__)}, got "

    def instance(value: object) -> str | None:
        return None if isinstance(value, rule) else expected + shown(value)

    return instance


def _member_problem(kind: type[enum.Enum]) -> Callable[[object], str | None]:
    """Why a value is not a member of the enumeration ``kind``: the members listed."""
    members = [f"{kind.__name__}.{member.name}" for member in kind]
    allowed = ", ".join(members[:-1]) + " or " + members[-1] if len(members) > 1 else members[0]
    by_value = {member.value: member for member in kind}

    def member(value: object) -> str | None:
        if isinstance(value, kind):
            return None
        message = f"expected {indefinite(kind.__name__)} ({allowed}), got {shown(value)}"
        if isinstance(value, str) and value in by_value:
            message += f"; use {kind.__name__}.{by_value[value].name}"
        return message

    return member


def _validator(declared: Spec) -> _Validator:
    problem = _item_problem(declared.rule)
    if declared.shape == "many":
        unique = declared.unique

        def each(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
            if type(value) is not tuple:
                raise InvalidValueError(
                    attribute.name, f"expected a sequence (a list or a tuple), got {shown(value)}"
                )
            for index, item in enumerate(value):
                found = problem(item)
                if found is not None:
                    raise InvalidValueError(f"{attribute.name}.{index}", found)
            if unique and len(value) > 1 and len(set(value)) != len(value):
                raise InvalidValueError(attribute.name, f"holds {_repeated(value)} twice")

        return each
    if declared.shape == "optional":

        def maybe(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
            if value is not None:
                found = problem(value)
                if found is not None:
                    raise InvalidValueError(attribute.name, found)

        return maybe

    def single(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        found = problem(value)
        if found is not None:
            raise InvalidValueError(attribute.name, found)

    return single


def _nfc(value: Any) -> Any:
    # Anything but a string passes through for the field's validator to refuse.
    return unicodedata.normalize("NFC", value) if type(value) is str else value


def _nfc_optional(value: Any) -> Any:
    return None if value is None else _nfc(value)


def _repeated(items: tuple[Any, ...]) -> str:
    """The first item of ``items`` that stands there twice, as messages show it."""
    seen: set[Any] = set()
    for item in items:
        if item in seen:
            return shown(item)
        seen.add(item)
    return "an item"  # pragma: no cover - called only when one is repeated


#: What is iterable but not a sequence of items: text, and what has no order of its own (a
#: dict would give its keys, a set an order that changes from run to run).
_NOT_SEQUENCES: Final = (str, bytes, bytearray, Mapping, set, frozenset)


def _sequence(value: Any) -> Any:
    """Any iterable but text, a mapping or a set becomes a tuple (a list, a generator); anything
    else is left for the validator to refuse."""
    if type(value) is list:  # the usual case, at once
        return tuple(value)
    if type(value) is tuple or isinstance(value, _NOT_SEQUENCES):
        return value
    try:
        return tuple(value)
    except TypeError:
        return value


def _nfc_sequence(value: Any) -> Any:
    value = _sequence(value)
    if type(value) is tuple:
        return tuple([_nfc(item) for item in value])
    return value


def _number(value: Any) -> Any:
    return float(value) if type(value) is int else value


def _optional_number(value: Any) -> Any:
    return None if value is None else _number(value)


def _converter(declared: Spec) -> Callable[[Any], Any] | None:
    """The converter of a field: NFC for text, tuples for sequences, floats for numbers."""
    rule = declared.rule
    text = isinstance(rule, Rule) and rule.normalizes
    number = isinstance(rule, RangeRule) and not rule.integer
    if declared.shape == "many":
        return _nfc_sequence if text else _sequence
    if text:
        return _nfc if declared.shape == "one" else _nfc_optional
    if number:
        return _number if declared.shape == "one" else _optional_number
    return None
