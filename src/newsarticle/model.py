"""The article model: immutable attrs classes that know nothing about JSON.

An :class:`Article` is the aggregate.  It holds the people, organizations,
places, unnamed sources, attributions, quotes and claims it uses; they refer
to each other by ``id`` strings.  A value that is wrong on its own (a latitude
of 200, a naive datetime, a control character in a headline) is refused with
:class:`~newsarticle.errors.InvalidValueError` when the object is built.  What
depends on several objects (a dangling reference, a quote missing from the
body) is reported by :func:`newsarticle.validate`.

Text is normalized to Unicode NFC when an object is built.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import functools
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Final, TypeAlias, TypeVar

import attrs
from rfc3986_validator import validate_rfc3986  # type: ignore[import-untyped]

from .errors import InvalidValueError

__all__ = [
    "ID_PATTERN",
    "LANGUAGE_PATTERN",
    "URL_PATTERN",
    "Article",
    "Attribution",
    "Channel",
    "Claim",
    "Correction",
    "DatePrecision",
    "Entity",
    "Genre",
    "GeoCoordinates",
    "Image",
    "Organization",
    "OrganizationKind",
    "Paragraph",
    "ParagraphRole",
    "PartialDate",
    "Person",
    "Place",
    "PlaceKind",
    "Quote",
    "QuoteKind",
    "Relation",
    "RelationKind",
    "Role",
    "UnnamedSource",
    "Verification",
]

#: What an id looks like: it becomes a URL fragment in the JSON-LD, so only
#: unreserved URL characters, starting with a letter or digit.
_ID_BODY: Final = r"[A-Za-z0-9][A-Za-z0-9._-]{0,199}"
ID_PATTERN: Final = rf"^{_ID_BODY}(?![\s\S])"
#: A BCP 47 language tag (language, optional script, region and variants).
LANGUAGE_PATTERN: Final = (
    r"^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"
    r"(?![\s\S])"
)
# Patterns end in (?![\s\S]), "nothing follows", rather than $: Python's $ also
# matches before a final newline, ECMA-262's does not, and the schema must mean
# the same in every implementation.

#: The start of an absolute http(s) URL with a host; the rest must be RFC 3986.
URL_PATTERN: Final = r"^[Hh][Tt][Tt][Pp][Ss]?://[^/?#]+"

_ID = re.compile(ID_PATTERN)
_URL = re.compile(URL_PATTERN)
# A common shape of http(s) URL that is RFC 3986 by construction: a host name,
# an optional port, then path, query and fragment of unreserved characters,
# sub-delimiters, ":", "@", "/", "?" and percent escapes.  A URL of this shape
# needs no further check; any other goes through the full RFC 3986 grammar.
_URL_CHAR = r"(?:[A-Za-z0-9._~!$&'()*+,;=:@/-]|%[0-9A-Fa-f]{2})"
_SIMPLE_URL = re.compile(
    rf"[Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9][A-Za-z0-9.-]*(?::[0-9]*)?(?:/{_URL_CHAR}*)?"
    rf"(?:\?(?:{_URL_CHAR}|\?)*)?(?:#(?:{_URL_CHAR}|\?)*)?"
)
_PARTIAL_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
_LANGUAGE = re.compile(LANGUAGE_PATTERN)
# Control characters (C0, DEL, C1) and lone surrogates; text fields allow newline.
_LINE_BAD = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_TEXT_BAD = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff]")

_T = TypeVar("_T")
_Validator: TypeAlias = Callable[[Any, "attrs.Attribute[Any]", Any], None]


# --- enumerations -----------------------------------------------------------


class DatePrecision(enum.Enum):
    """How much of a :class:`PartialDate` is known."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


class ParagraphRole(enum.Enum):
    """What a paragraph is within the article."""

    BODY = "body"  #: running text of the article
    HEADING = "heading"  #: a subheading inside the body
    ASIDE = "aside"  #: a box outside the story: an "about the team" note, a related link


class Genre(enum.Enum):
    """What kind of journalism the article is; each names a schema.org type."""

    NEWS = "news"
    ANALYSIS = "analysis"
    OPINION = "opinion"
    REPORTAGE = "reportage"
    REVIEW = "review"
    BACKGROUND = "background"
    ASK_PUBLIC = "ask_public"


class OrganizationKind(enum.Enum):
    """What an organization is."""

    ORGANIZATION = "organization"
    NEWS_MEDIA = "news_media"
    GOVERNMENT = "government"
    ARMED_GROUP = "armed_group"
    POLITICAL_PARTY = "political_party"
    NGO = "ngo"


class PlaceKind(enum.Enum):
    """What a place is."""

    PLACE = "place"
    COUNTRY = "country"
    ADMINISTRATIVE_AREA = "administrative_area"
    CITY = "city"
    LANDFORM = "landform"
    LANDMARK = "landmark"
    STADIUM = "stadium"


class RelationKind(enum.Enum):
    """How another person stands to a person: ``PARENT`` means "is their parent"."""

    PARENT = "parent"
    CHILD = "child"
    SIBLING = "sibling"
    SPOUSE = "spouse"
    RELATIVE = "relative"
    COLLEAGUE = "colleague"


class Channel(enum.Enum):
    """Through what a source said something."""

    OP_ED = "op_ed"
    INTERVIEW = "interview"
    CONVERSATION = "conversation"  #: told a journalist, not as a formal interview
    TWEET = "tweet"
    SOCIAL_MEDIA_POST = "social_media_post"
    VIDEO = "video"
    IMAGE = "image"
    LIVESTREAM = "livestream"
    STATEMENT = "statement"
    PRESS_RELEASE = "press_release"
    SPEECH = "speech"
    ARTICLE = "article"  #: a published article; the article itself when the publisher is the source
    DOCUMENT = "document"
    OTHER = "other"


class Verification(enum.Enum):
    """How far the publisher has verified what is attributed."""

    VERIFIED = "verified"  #: the publisher confirmed it
    UNVERIFIED = "unverified"  #: not (yet) confirmed
    ALLEGED = "alleged"  #: presented as an allegation
    DISPUTED = "disputed"  #: other sources contradict it
    FALSE = "false"  #: shown to be untrue


class QuoteKind(enum.Enum):
    """Whether a quote gives the speaker's exact words."""

    DIRECT = "direct"
    REPORTED = "reported"


# --- validators and converters ----------------------------------------------


def _fail(attribute: attrs.Attribute[Any], message: str) -> InvalidValueError:
    return InvalidValueError(attribute.name, message)


def _nfc(value: str) -> str:
    # Anything but a string passes through for the field's validator to refuse.
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


def _nfc_optional(value: str | None) -> str | None:
    return None if value is None else _nfc(value)


def _to_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """Any iterable (a list, say) becomes a tuple; a lone string is refused."""
    if isinstance(value, str | bytes):
        raise TypeError("expected a sequence of items, not a single string")
    return tuple(value)


def _nfc_tuple(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(_nfc(item) for item in _to_tuple(value))


def _check_str(attribute: attrs.Attribute[Any], value: object, bad: re.Pattern[str]) -> None:
    if not isinstance(value, str):
        raise _fail(attribute, f"expected a string, got {type(value).__name__}")
    if not value:
        raise _fail(attribute, "must not be empty")
    found = bad.search(value)
    if found:
        raise _fail(attribute, f"holds the control character U+{ord(found.group()):04X}")


def _line(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _check_str(attribute, value, _LINE_BAD)


def _text(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _check_str(attribute, value, _TEXT_BAD)


def _paragraph_text(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    _check_str(attribute, value, _TEXT_BAD)
    assert isinstance(value, str)
    if "\n\n" in value:
        raise _fail(attribute, "a paragraph must not hold a blank line; split it in two")


def _id(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not _ID.match(value):
        raise _fail(attribute, f"{value!r} is not an id (letters, digits, '.', '_', '-')")


def is_http_url(value: object) -> bool:
    """True for an absolute RFC 3986 ``http`` or ``https`` URL."""
    if not isinstance(value, str):
        return False
    if _SIMPLE_URL.fullmatch(value):
        return True
    return _URL.match(value) is not None and validate_rfc3986(value, rule="URI") is not None


def _url(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not is_http_url(value):
        raise _fail(attribute, f"{value!r} is not an absolute http(s) URL")


def _language(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not _LANGUAGE.match(value):
        raise _fail(attribute, f"{value!r} is not a BCP 47 language tag such as 'en-GB'")


def _aware(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, dt.datetime):
        raise _fail(attribute, f"expected a datetime, got {type(value).__name__}")
    offset = value.utcoffset()
    if offset is None:
        raise _fail(attribute, "a timestamp needs a time zone (a naive datetime is ambiguous)")
    if offset.microseconds or offset.seconds % 60:
        raise _fail(attribute, "the time zone offset must be a whole number of minutes")


#: Validators that only check a value's type (or, for a tuple, its items' type),
#: by the type they check.  The fast builders (:mod:`newsarticle.builder`) skip
#: them where they make a value of that type themselves.
TYPE_CHECKS: Final[dict[_Validator, type[Any]]] = {}
ITEM_TYPE_CHECKS: Final[dict[_Validator, type[Any]]] = {}


def _optional(check: _Validator) -> _Validator:
    def optional(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            check(instance, attribute, value)

    if check in TYPE_CHECKS:
        TYPE_CHECKS[optional] = TYPE_CHECKS[check]
    return optional


def _each(check: _Validator, *, unique: bool = False) -> _Validator:
    def each(instance: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        for index, item in enumerate(value):
            try:
                check(instance, attribute, item)
            except InvalidValueError as error:
                raise InvalidValueError(f"{attribute.name}.{index}", error.reason) from None
        if unique and len(value) > 1 and len(set(value)) != len(value):
            raise _fail(attribute, "holds the same item twice")

    return each


def _instance(kind: type[Any]) -> _Validator:
    def instance(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            raise _fail(attribute, f"expected {kind.__name__}, got {type(value).__name__}")

    TYPE_CHECKS[instance] = kind
    return instance


def _items(kind: type[Any]) -> _Validator:
    def items(_: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
        for index, item in enumerate(value):
            if not isinstance(item, kind):
                message = f"expected {kind.__name__}, got {type(item).__name__}"
                raise InvalidValueError(f"{attribute.name}.{index}", message)

    ITEM_TYPE_CHECKS[items] = kind
    return items


# The validators below run for every object built, so the common fields get
# direct versions of what _optional and _each would compose.


def _optional_line(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _check_str(attribute, value, _LINE_BAD)


def _optional_text(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _check_str(attribute, value, _TEXT_BAD)


def _optional_id(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, str) or not _ID.match(value)):
        raise _fail(attribute, f"{value!r} is not an id (letters, digits, '.', '_', '-')")


def _ids(_: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    for index, item in enumerate(value):
        if not isinstance(item, str) or not _ID.match(item):
            message = f"{item!r} is not an id (letters, digits, '.', '_', '-')"
            raise InvalidValueError(f"{attribute.name}.{index}", message)
    if len(value) > 1 and len(set(value)) != len(value):
        raise _fail(attribute, "holds the same item twice")


_optional_url = _optional(_url)
_optional_aware = _optional(_aware)
_lines = _each(_line, unique=True)
_urls = _each(_url, unique=True)


def _line_field() -> Any:
    return attrs.field(converter=_nfc, validator=_line)


def _optional_line_field() -> Any:
    return attrs.field(default=None, converter=_nfc_optional, validator=_optional_line)


def _optional_field(kind: type[Any]) -> Any:
    return attrs.field(default=None, validator=_optional(_instance(kind)))


# --- value types ------------------------------------------------------------


@attrs.frozen(kw_only=True)
class PartialDate:
    """A calendar date known to the year, the month or the day: ``2019``, ``2021-07``."""

    year: int = attrs.field(validator=_instance(int))
    month: int | None = attrs.field(default=None, validator=_optional(_instance(int)))
    day: int | None = attrs.field(default=None, validator=_optional(_instance(int)))

    def __attrs_post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise InvalidValueError("year", f"{self.year} is not a year from 1 to 9999")
        if self.month is None:
            if self.day is not None:
                raise InvalidValueError("day", "a day needs a month")
            return
        if not 1 <= self.month <= 12:
            raise InvalidValueError("month", f"{self.month} is not a month from 1 to 12")
        if self.day is not None:
            try:
                dt.date(self.year, self.month, self.day)
            except ValueError:
                message = f"{self.year:04d}-{self.month:02d} has no day {self.day}"
                raise InvalidValueError("day", message) from None

    @property
    def precision(self) -> DatePrecision:
        """How much of the date is known."""
        if self.month is None:
            return DatePrecision.YEAR
        return DatePrecision.MONTH if self.day is None else DatePrecision.DAY

    def earliest(self) -> dt.date:
        """The first day the date can mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        """The last day the date can mean."""
        month = self.month or 12
        return dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

        A date is immutable, so one object serves every reading of the same
        text: articles share few dates (a year, a month, a day), and the dates
        read are kept, at most :data:`_DATES_KEPT` of them (emptied when full).
        """
        if cls is PartialDate:
            known = _DATES.get(text)
            if known is not None:
                return known
        match = _PARTIAL_DATE.fullmatch(text)
        if not match:
            raise InvalidValueError("date", f"{text!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = match.groups()
        date = cls(
            year=int(year),
            month=None if month is None else int(month),
            day=None if day is None else int(day),
        )
        if cls is PartialDate:
            if len(_DATES) >= _DATES_KEPT:
                _DATES.clear()
            _DATES[text] = date
        return date


_DATES: Final[dict[str, PartialDate]] = {}
_DATES_KEPT: Final = 4096


def _coordinate(limit: float) -> _Validator:
    def coordinate(_: object, attribute: attrs.Attribute[Any], value: float) -> None:
        if not -limit <= value <= limit:  # also refuses NaN
            raise _fail(attribute, f"{value} is outside -{limit:g}..{limit:g}")

    return coordinate


def _to_float(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"expected a number, got {type(value).__name__}")
    return float(value)


@attrs.frozen(kw_only=True)
class GeoCoordinates:
    """A WGS 84 point in decimal degrees."""

    latitude: float = attrs.field(converter=_to_float, validator=_coordinate(90))
    longitude: float = attrs.field(converter=_to_float, validator=_coordinate(180))


@attrs.frozen(kw_only=True)
class Paragraph:
    """One paragraph of the article, in reading order."""

    id: str = attrs.field(validator=_id)
    text: str = attrs.field(converter=_nfc, validator=_paragraph_text)
    role: ParagraphRole = attrs.field(
        default=ParagraphRole.BODY, validator=_instance(ParagraphRole)
    )


#: The largest image dimension: a 32-bit integer, which every reader can hold.
MAX_PIXELS: Final = 2**31 - 1


def _positive(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (
        isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_PIXELS
    ):
        raise _fail(attribute, f"{value!r} is not a whole number of pixels from 1 to {MAX_PIXELS}")


@attrs.frozen(kw_only=True)
class Image:
    """An image of the article."""

    id: str = attrs.field(validator=_id)
    url: str = attrs.field(validator=_url)
    width: int | None = attrs.field(default=None, validator=_positive)
    height: int | None = attrs.field(default=None, validator=_positive)
    caption: str | None = attrs.field(
        default=None, converter=_nfc_optional, validator=_optional_text
    )
    alt: str | None = _optional_line_field()
    credit: str | None = _optional_line_field()


@attrs.frozen(kw_only=True)
class Correction:
    """A correction published with the article."""

    date: dt.datetime = attrs.field(validator=_aware)
    text: str = attrs.field(converter=_nfc, validator=_text)


# --- entities ---------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Entity:
    """What people, organizations and places share: an id, a name, and links."""

    id: str = attrs.field(validator=_id)
    name: str = _line_field()
    alternate_names: tuple[str, ...] = attrs.field(
        default=(), converter=_nfc_tuple, validator=_lines
    )
    description: str | None = _optional_line_field()
    url: str | None = attrs.field(default=None, validator=_optional_url)
    same_as: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple, validator=_urls)


def _span(role: Role) -> None:
    if (
        role.start is not None
        and role.end is not None
        and role.start.earliest() > role.end.latest()
    ):
        raise InvalidValueError("end", f"{role.end} is before the start {role.start}")


@attrs.frozen(kw_only=True)
class Role:
    """A position a person holds, possibly for a time: "vice president from 2019"."""

    title: str = _line_field()
    organization: str | None = attrs.field(default=None, validator=_optional_id)
    start: PartialDate | None = _optional_field(PartialDate)
    end: PartialDate | None = _optional_field(PartialDate)
    note: str | None = _optional_line_field()

    def __attrs_post_init__(self) -> None:
        _span(self)


@attrs.frozen(kw_only=True)
class Relation:
    """Another person and how they stand to this one."""

    kind: RelationKind = attrs.field(validator=_instance(RelationKind))
    person: str = attrs.field(validator=_id)


@attrs.frozen(kw_only=True)
class Person(Entity):
    """A person the article names."""

    roles: tuple[Role, ...] = attrs.field(default=(), converter=_to_tuple, validator=_items(Role))
    relations: tuple[Relation, ...] = attrs.field(
        default=(), converter=_to_tuple, validator=_items(Relation)
    )


@attrs.frozen(kw_only=True)
class Organization(Entity):
    """An organization: a source, a subject, the publisher or a unit of it."""

    kind: OrganizationKind = attrs.field(
        default=OrganizationKind.ORGANIZATION, validator=_instance(OrganizationKind)
    )
    parent: str | None = attrs.field(default=None, validator=_optional_id)


@attrs.frozen(kw_only=True)
class Place(Entity):
    """A place, possibly with coordinates and the place that contains it."""

    kind: PlaceKind = attrs.field(default=PlaceKind.PLACE, validator=_instance(PlaceKind))
    geo: GeoCoordinates | None = _optional_field(GeoCoordinates)
    contained_in: str | None = attrs.field(default=None, validator=_optional_id)
    borders: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple, validator=_ids)


@attrs.frozen(kw_only=True)
class UnnamedSource:
    """A source the article does not name, known only by a description.

    ``identity`` is the newsroom's own record of who the source is.  It is kept
    in the article document and never written to any export.
    """

    id: str = attrs.field(validator=_id)
    description: str = _line_field()
    identity: str | None = _optional_line_field()


# --- who said what ----------------------------------------------------------


@attrs.frozen(kw_only=True)
class Attribution:
    """Who said something, through what, where and when, and how far it is verified.

    ``source`` is the id of a person, an organization or an unnamed source, or
    None when the origin is unknown (a video that "emerged").  ``outlet`` is the
    organization that published it; ``recipient`` the person or organization it
    was said to.  ``date_text`` keeps the article's own wording ("on Sunday").
    """

    id: str = attrs.field(validator=_id)
    channel: Channel = attrs.field(validator=_instance(Channel))
    verification: Verification = attrs.field(validator=_instance(Verification))
    source: str | None = attrs.field(default=None, validator=_optional_id)
    verb: str | None = _optional_line_field()
    outlet: str | None = attrs.field(default=None, validator=_optional_id)
    recipient: str | None = attrs.field(default=None, validator=_optional_id)
    date: PartialDate | None = _optional_field(PartialDate)
    date_text: str | None = _optional_line_field()
    title: str | None = _optional_line_field()
    part: str | None = _optional_line_field()
    url: str | None = attrs.field(default=None, validator=_optional_url)
    note: str | None = attrs.field(default=None, converter=_nfc_optional, validator=_optional_text)


@attrs.frozen(kw_only=True)
class Quote:
    """Words a source said: exact (direct) or in the article's words (reported).

    ``paragraphs`` anchors the quote in the body: the text, split at blank lines,
    stands in those paragraphs one part each.
    """

    id: str = attrs.field(validator=_id)
    text: str = attrs.field(converter=_nfc, validator=_text)
    kind: QuoteKind = attrs.field(validator=_instance(QuoteKind))
    attribution: str = attrs.field(validator=_id)
    paragraphs: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple, validator=_ids)


@attrs.frozen(kw_only=True)
class Claim:
    """A statement the article presents as fact, resting on an attribution."""

    id: str = attrs.field(validator=_id)
    text: str = attrs.field(converter=_nfc, validator=_text)
    attribution: str = attrs.field(validator=_id)
    paragraphs: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple, validator=_ids)
    about: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple, validator=_ids)


# --- the article ------------------------------------------------------------

#: Everything in an article that has an id.
Identified: TypeAlias = (
    Person | Organization | Place | UnnamedSource | Attribution | Quote | Claim | Paragraph | Image
)


@attrs.frozen(kw_only=True)
class Article:
    """A news article and everything it names.  See DESIGN section 2."""

    id: str = attrs.field(validator=_id)
    headline: str = _line_field()
    language: str = attrs.field(validator=_language)
    alternative_headline: str | None = _optional_line_field()
    standfirst: str | None = attrs.field(
        default=None, converter=_nfc_optional, validator=_optional_text
    )
    url: str | None = attrs.field(default=None, validator=_optional_url)
    genre: Genre = attrs.field(default=Genre.NEWS, validator=_instance(Genre))
    section: str | None = _optional_line_field()
    keywords: tuple[str, ...] = attrs.field(default=(), converter=_nfc_tuple, validator=_lines)
    date_published: dt.datetime | None = attrs.field(default=None, validator=_optional_aware)
    date_modified: dt.datetime | None = attrs.field(default=None, validator=_optional_aware)
    dateline: str | None = _optional_line_field()
    authors: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple, validator=_ids)
    publisher: str | None = attrs.field(default=None, validator=_optional_id)
    about: tuple[str, ...] = attrs.field(default=(), converter=_to_tuple, validator=_ids)
    content_locations: tuple[str, ...] = attrs.field(
        default=(), converter=_to_tuple, validator=_ids
    )
    paragraphs: tuple[Paragraph, ...] = attrs.field(
        default=(), converter=_to_tuple, validator=_items(Paragraph)
    )
    images: tuple[Image, ...] = attrs.field(
        default=(), converter=_to_tuple, validator=_items(Image)
    )
    corrections: tuple[Correction, ...] = attrs.field(
        default=(), converter=_to_tuple, validator=_items(Correction)
    )
    people: tuple[Person, ...] = attrs.field(
        default=(), converter=_to_tuple, validator=_items(Person)
    )
    organizations: tuple[Organization, ...] = attrs.field(
        default=(), converter=_to_tuple, validator=_items(Organization)
    )
    places: tuple[Place, ...] = attrs.field(
        default=(), converter=_to_tuple, validator=_items(Place)
    )
    unnamed_sources: tuple[UnnamedSource, ...] = attrs.field(
        default=(), converter=_to_tuple, validator=_items(UnnamedSource)
    )
    attributions: tuple[Attribution, ...] = attrs.field(
        default=(), converter=_to_tuple, validator=_items(Attribution)
    )
    quotes: tuple[Quote, ...] = attrs.field(
        default=(), converter=_to_tuple, validator=_items(Quote)
    )
    claims: tuple[Claim, ...] = attrs.field(
        default=(), converter=_to_tuple, validator=_items(Claim)
    )

    @functools.cached_property
    def index(self) -> Mapping[str, Identified]:
        """Every object of the article by id (the first one, if an id is repeated)."""
        found: dict[str, Identified] = {}
        for group in self.identified():
            for item in group:
                found.setdefault(item.id, item)
        return found

    def identified(self) -> tuple[tuple[Identified, ...], ...]:
        """The collections of objects that carry an id, in document order."""
        return (
            self.paragraphs,
            self.images,
            self.people,
            self.organizations,
            self.places,
            self.unnamed_sources,
            self.attributions,
            self.quotes,
            self.claims,
        )

    def body(self) -> tuple[Paragraph, ...]:
        """The paragraphs of the story itself (body text and subheadings), in order."""
        return tuple(p for p in self.paragraphs if p.role is not ParagraphRole.ASIDE)

    @property
    def word_count(self) -> int:
        """The number of words in the story's body paragraphs."""
        return sum(len(p.text.split()) for p in self.paragraphs if p.role is ParagraphRole.BODY)
