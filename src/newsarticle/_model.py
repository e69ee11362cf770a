"""The article model: immutable attrs classes that know nothing about JSON.

An :class:`Article` is the aggregate.  It holds the people, organizations, places, unnamed
sources, attributions, quotes and claims it uses; they refer to each other by ``id``
strings.  Every field is declared once, with its rule and its description (see
:mod:`newsarticle._rules`): a value that is wrong on its own (a latitude of 200, a naive
datetime, a control character in a headline) is refused with
:class:`~newsarticle.InvalidValueError` when the object is built, and the JSON Schema, the
fast builder, the integrity checks and the test strategies are derived from the same
declarations.  What depends on several objects (a dangling reference, a quote missing from
the body) is reported by :func:`newsarticle.validate`.

The first paragraph of each class's and enumeration's docstring is its description in the
schema.  Text is normalized to Unicode NFC when an object is built.
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
from collections.abc import Mapping
from typing import Any, Final, TypeAlias

import attrs

from ._errors import InvalidValueError, Problem, shown
from ._rules import (
    ID,
    LANGUAGE,
    LINE,
    PARAGRAPH_TEXT,
    PARTIAL_DATE,
    TEXT,
    TIMESTAMP,
    URL,
    RangeRule,
    declare,
    derive,
    to_tuple,
)

__all__ = [
    "AGENTS",
    "ATTRIBUTIONS",
    "ENTITIES",
    "ORGANIZATIONS",
    "PARAGRAPHS",
    "PEOPLE",
    "PLACES",
    "SPEAKERS",
    "Access",
    "Article",
    "Attribution",
    "Channel",
    "Claim",
    "ClaimReview",
    "Correction",
    "DatePrecision",
    "Entity",
    "Genre",
    "GeoCoordinates",
    "Identified",
    "Image",
    "LiveCoverage",
    "LiveUpdate",
    "Logo",
    "Organization",
    "OrganizationKind",
    "Paragraph",
    "ParagraphRole",
    "PartialDate",
    "Person",
    "Place",
    "PlaceKind",
    "Policies",
    "Quote",
    "QuoteKind",
    "Relation",
    "RelationKind",
    "Role",
    "SourceKind",
    "UnnamedSource",
    "Verification",
]

# What a reference may name: the collections of the article that may hold its target.
PEOPLE: Final = frozenset({"people"})
ORGANIZATIONS: Final = frozenset({"organizations"})
PLACES: Final = frozenset({"places"})
AGENTS: Final = PEOPLE | ORGANIZATIONS
ENTITIES: Final = AGENTS | PLACES
SPEAKERS: Final = AGENTS | {"unnamed_sources"}
ATTRIBUTIONS: Final = frozenset({"attributions"})
PARAGRAPHS: Final = frozenset({"paragraphs"})

#: The largest image dimension: a 32-bit integer, which every reader can hold.
MAX_PIXELS: Final = 2**31 - 1
_PIXELS: Final = RangeRule(minimum=1, maximum=MAX_PIXELS, integer=True, unit="pixels")


# --- enumerations -----------------------------------------------------------


class _Enumeration(enum.Enum):
    """An enumeration of the format, hashed by identity.

    Every member is a singleton equal only to itself, so its identity is as good a hash as
    ``enum.Enum``'s own (the hash of its name, computed in Python at every lookup); the
    exports look members up in their tables many times per article.
    """

    __hash__ = object.__hash__


class DatePrecision(_Enumeration):
    """How much of a :class:`PartialDate` is known."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


class ParagraphRole(_Enumeration):
    """What a paragraph is: body (running text), heading (a subheading in the body) or aside
    (a box outside the story, such as a note about the team or a related link)."""

    BODY = "body"
    HEADING = "heading"
    ASIDE = "aside"


# Looked up once: on Python 3.11 reading a member off its class is a descriptor call.
_BODY: Final = ParagraphRole.BODY
_ASIDE: Final = ParagraphRole.ASIDE


class Genre(_Enumeration):
    """What kind of journalism the article is: news (NewsArticle), analysis, opinion,
    reportage, review, background (context and explanation), ask_public (answers readers'
    questions) or fact_check (reviews claims: each reviewed claim is exported as a
    ClaimReview).

    Each names a schema.org type of the JSON-LD export.
    """

    NEWS = "news"
    ANALYSIS = "analysis"
    OPINION = "opinion"
    REPORTAGE = "reportage"
    REVIEW = "review"
    BACKGROUND = "background"
    ASK_PUBLIC = "ask_public"
    FACT_CHECK = "fact_check"


class Access(_Enumeration):
    """Who may read it: free (anyone) or subscribers (behind the paywall)."""

    FREE = "free"
    SUBSCRIBERS = "subscribers"


class OrganizationKind(_Enumeration):
    """What an organization is."""

    ORGANIZATION = "organization"
    NEWS_MEDIA = "news_media"
    GOVERNMENT = "government"
    ARMED_GROUP = "armed_group"
    POLITICAL_PARTY = "political_party"
    NGO = "ngo"


class PlaceKind(_Enumeration):
    """What a place is."""

    PLACE = "place"
    COUNTRY = "country"
    ADMINISTRATIVE_AREA = "administrative_area"
    CITY = "city"
    LANDFORM = "landform"
    LANDMARK = "landmark"
    STADIUM = "stadium"


class SourceKind(_Enumeration):
    """What an unnamed source is: a person or an organization."""

    PERSON = "person"
    ORGANIZATION = "organization"


class RelationKind(_Enumeration):
    """How the other person stands to this one: parent means the other person is this one's
    parent."""

    PARENT = "parent"
    CHILD = "child"
    SIBLING = "sibling"
    SPOUSE = "spouse"
    RELATIVE = "relative"
    COLLEAGUE = "colleague"


class Channel(_Enumeration):
    """Through what the source said it: op_ed, interview, conversation (told a journalist),
    tweet, social_media_post, video, image, livestream, statement, press_release, speech,
    article (a published article, or this one when the publisher is the source), document or
    other."""

    OP_ED = "op_ed"
    INTERVIEW = "interview"
    CONVERSATION = "conversation"
    TWEET = "tweet"
    SOCIAL_MEDIA_POST = "social_media_post"
    VIDEO = "video"
    IMAGE = "image"
    LIVESTREAM = "livestream"
    STATEMENT = "statement"
    PRESS_RELEASE = "press_release"
    SPEECH = "speech"
    ARTICLE = "article"
    DOCUMENT = "document"
    OTHER = "other"


class Verification(_Enumeration):
    """How far the publisher has verified what is attributed: verified, unverified, alleged
    (presented as an allegation), disputed (other sources contradict it) or false (shown
    untrue)."""

    VERIFIED = "verified"
    UNVERIFIED = "unverified"
    ALLEGED = "alleged"
    DISPUTED = "disputed"
    FALSE = "false"


class QuoteKind(_Enumeration):
    """direct: the speaker's exact words; reported: the speaker's words as the article puts
    them."""

    DIRECT = "direct"
    REPORTED = "reported"


# --- value types ------------------------------------------------------------


def _calendar_field(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if type(value) is not int and (value is not None or attribute.name == "year"):
        raise InvalidValueError(attribute.name, f"expected a whole number, got {shown(value)}")


@attrs.frozen(kw_only=True)
class PartialDate:
    """A calendar date known to the year, the month or the day: ``2019``, ``2021-07``.

    Its JSON form, ``YYYY[-MM[-DD]]``, is the rule :data:`~newsarticle._rules.PARTIAL_DATE`.
    """

    __rule__ = PARTIAL_DATE

    year: int = attrs.field(validator=_calendar_field)
    month: int | None = attrs.field(default=None, validator=_calendar_field)
    day: int | None = attrs.field(default=None, validator=_calendar_field)

    def __attrs_post_init__(self) -> None:
        if not 1 <= self.year <= 9999:
            raise InvalidValueError("year", f"{shown(self.year)} is not a year from 1 to 9999")
        if self.month is None:
            if self.day is not None:
                raise InvalidValueError("day", "a day needs a month")
            return
        if not 1 <= self.month <= 12:
            raise InvalidValueError("month", f"{shown(self.month)} is not a month from 1 to 12")
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

    @property
    def earliest(self) -> dt.date:
        """The first day the date can mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> dt.date:
        """The last day the date can mean."""
        import calendar  # here: it is seldom needed, and importing it takes a while

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

        A date is immutable, so one object serves every reading of the same text: articles
        share few dates (a year, a month, a day), and the dates read are kept, at most
        :data:`_DATES_KEPT` of them (emptied when full).
        """
        if type(text) is not str:
            raise InvalidValueError(
                "date", f'expected a string such as "2021-07", got {shown(text)}'
            )
        if cls is PartialDate:
            known = _DATES.get(text)
            if known is not None:
                return known
        match = PARTIAL_DATE.regex.match(text)
        if not match:
            raise InvalidValueError("date", f"{shown(text)} is not YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = match.group("year", "month", "day")
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


@attrs.frozen(kw_only=True, field_transformer=derive)
class GeoCoordinates:
    """A WGS 84 point in decimal degrees."""

    latitude: float = attrs.field(
        metadata=declare(
            RangeRule(minimum=-90, maximum=90, integer=False),
            "Degrees north of the equator (negative: south).",
        )
    )
    longitude: float = attrs.field(
        metadata=declare(
            RangeRule(minimum=-180, maximum=180, integer=False),
            "Degrees east of Greenwich (negative: west).",
        )
    )


@attrs.frozen(kw_only=True, field_transformer=derive)
class Paragraph:
    """One paragraph of the article, in reading order."""

    id: str = attrs.field(
        metadata=declare(ID, "The paragraph's id; quotes and claims anchor to it.")
    )
    text: str = attrs.field(
        metadata=declare(
            PARAGRAPH_TEXT, "The paragraph's text, quotation marks and all. It holds no blank line."
        )
    )
    role: ParagraphRole = attrs.field(
        default=ParagraphRole.BODY,
        metadata=declare(ParagraphRole, "What the paragraph is; body when left out."),
    )
    access: Access = attrs.field(
        default=Access.FREE,
        metadata=declare(
            Access,
            "Who may read the paragraph: subscribers for a paragraph behind the paywall; free "
            "when left out.",
        ),
    )


@attrs.frozen(kw_only=True, field_transformer=derive)
class Image:
    """An image of the article."""

    id: str = attrs.field(metadata=declare(ID, "The image's id."))
    url: str = attrs.field(metadata=declare(URL, "Where the image file is."))
    width: int | None = attrs.field(
        default=None,
        metadata=declare(
            _PIXELS,
            "Width in pixels, at most 2,147,483,647 (a 32-bit integer, which every reader can "
            "hold).",
        ),
    )
    height: int | None = attrs.field(
        default=None,
        metadata=declare(
            _PIXELS,
            "Height in pixels, at most 2,147,483,647 (a 32-bit integer, which every reader can "
            "hold).",
        ),
    )
    caption: str | None = attrs.field(
        default=None, metadata=declare(TEXT, "The caption shown with the image.")
    )
    alt: str | None = attrs.field(
        default=None,
        metadata=declare(LINE, "Text that replaces the image for readers who cannot see it."),
    )
    credit: str | None = attrs.field(
        default=None, metadata=declare(LINE, "Who made or owns the image.")
    )


@attrs.frozen(kw_only=True, field_transformer=derive)
class Logo:
    """An organization's logo: the image file, and its size in pixels when known."""

    url: str = attrs.field(metadata=declare(URL, "Where the logo's image file is."))
    width: int | None = attrs.field(
        default=None,
        metadata=declare(_PIXELS, "Width in pixels, at most 2,147,483,647."),
    )
    height: int | None = attrs.field(
        default=None,
        metadata=declare(_PIXELS, "Height in pixels, at most 2,147,483,647."),
    )


@attrs.frozen(kw_only=True, field_transformer=derive)
class Correction:
    """A correction published with the article."""

    date: dt.datetime = attrs.field(
        metadata=declare(TIMESTAMP, "When the correction was published.")
    )
    text: str = attrs.field(metadata=declare(TEXT, "What was corrected."))


# --- entities ---------------------------------------------------------------


@attrs.frozen(kw_only=True, field_transformer=derive)
class Entity:
    """What people, organizations and places share: an id, a name, and links."""

    id: str = attrs.field(metadata=declare(ID, "The {entity}'s id, unique within the article."))
    name: str = attrs.field(metadata=declare(LINE, "The {entity}'s name as the article gives it."))
    alternate_names: tuple[str, ...] = attrs.field(
        default=(),
        converter=to_tuple,
        metadata=declare(LINE, "Other names or spellings.", unique=True),
    )
    description: str | None = attrs.field(
        default=None, metadata=declare(LINE, "A short description of the {entity}.")
    )
    url: str | None = attrs.field(
        default=None, metadata=declare(URL, "The {entity}'s own web page.")
    )
    same_as: tuple[str, ...] = attrs.field(
        default=(),
        converter=to_tuple,
        metadata=declare(
            URL,
            "Pages that identify the {entity} unambiguously (a Wikipedia or Wikidata page, an "
            "official profile).",
            unique=True,
        ),
    )


@attrs.frozen(kw_only=True, field_transformer=derive)
class Role:
    """A position a person holds, possibly for a time.

    For instance "vice president from 2019".
    """

    title: str = attrs.field(metadata=declare(LINE, "The position, such as vice president."))
    organization: str | None = attrs.field(
        default=None,
        metadata=declare(ID, "The id of the organization the position is in.", refs=ORGANIZATIONS),
    )
    start: PartialDate | None = attrs.field(
        default=None, metadata=declare(PartialDate, "When the person took the position.")
    )
    end: PartialDate | None = attrs.field(
        default=None,
        metadata=declare(PartialDate, "When the person left the position; not before start."),
    )
    note: str | None = attrs.field(
        default=None,
        metadata=declare(
            LINE, 'How the person came to hold it, when that matters ("by his own declaration").'
        ),
    )

    def __attrs_post_init__(self) -> None:
        if (
            self.start is not None
            and self.end is not None
            and self.start.earliest > self.end.latest
        ):
            message = f"{shown(str(self.end))} is before the start {shown(str(self.start))}"
            raise InvalidValueError("end", message)


@attrs.frozen(kw_only=True, field_transformer=derive)
class Relation:
    """Another person and how they stand to this one."""

    kind: RelationKind = attrs.field(
        metadata=declare(RelationKind, "How the other person stands to this one.")
    )
    person: str = attrs.field(
        metadata=declare(
            ID,
            "The id of the other person.",
            refs=PEOPLE,
            not_self="a person cannot be related to themselves",
        )
    )


@attrs.frozen(kw_only=True, field_transformer=derive)
class Person(Entity):
    """A person the article names."""

    roles: tuple[Role, ...] = attrs.field(
        default=(),
        converter=to_tuple,
        metadata=declare(
            Role, "Positions the person holds or held, in the order the article gives them."
        ),
    )
    relations: tuple[Relation, ...] = attrs.field(
        default=(),
        converter=to_tuple,
        metadata=declare(Relation, "The person's relations to other people of the article."),
    )


def _policy(doc: str) -> Any:
    return attrs.field(default=None, metadata=declare(URL, doc))


@attrs.frozen(kw_only=True, field_transformer=derive)
class Policies:
    """Where a news organization publishes its policies: the Trust Project's terms, each the
    URL of a page.

    Several are schema.org terms of NewsMediaOrganization only (verification_fact_checking,
    masthead, no_bylines, mission_coverage_priorities); the JSON-LD export writes those only
    for an organization of kind news_media.
    """

    publishing_principles: str | None = _policy(
        "The organization's editorial principles (publishingPrinciples)."
    )
    corrections: str | None = _policy("How it corrects errors (correctionsPolicy).")
    ethics: str | None = _policy("Its code of ethics (ethicsPolicy).")
    diversity: str | None = _policy("Its diversity policy (diversityPolicy).")
    ownership_funding: str | None = _policy("Who owns and funds it (ownershipFundingInfo).")
    actionable_feedback: str | None = _policy(
        "How readers can give feedback it acts on (actionableFeedbackPolicy)."
    )
    unnamed_sources: str | None = _policy("When it uses unnamed sources (unnamedSourcesPolicy).")
    verification_fact_checking: str | None = _policy(
        "How it verifies and checks facts (verificationFactCheckingPolicy; news_media only)."
    )
    masthead: str | None = _policy("Its masthead: who is responsible (masthead; news_media only).")
    no_bylines: str | None = _policy(
        "Why some articles have no byline (noBylinesPolicy; news_media only)."
    )
    mission_coverage_priorities: str | None = _policy(
        "Its mission and coverage priorities (missionCoveragePrioritiesPolicy; news_media only)."
    )


@attrs.frozen(kw_only=True, field_transformer=derive)
class Organization(Entity):
    """An organization: a source, a subject, the publisher or a unit of it."""

    kind: OrganizationKind = attrs.field(
        default=OrganizationKind.ORGANIZATION,
        metadata=declare(OrganizationKind, "What the organization is; organization when left out."),
    )
    parent: str | None = attrs.field(
        default=None,
        metadata=declare(
            ID,
            "The id of the organization this one is part of.",
            refs=ORGANIZATIONS,
            acyclic="is part of",
        ),
    )
    policies: Policies | None = attrs.field(
        default=None,
        metadata=declare(
            Policies, "Where the organization publishes its editorial policies (a publisher's)."
        ),
    )
    logo: Logo | None = attrs.field(
        default=None,
        metadata=declare(
            Logo, "The organization's logo, which search engines show with a publisher's articles."
        ),
    )


@attrs.frozen(kw_only=True, field_transformer=derive)
class Place(Entity):
    """A place the article names.

    It may carry coordinates, the place that contains it and the places it borders.
    """

    kind: PlaceKind = attrs.field(
        default=PlaceKind.PLACE,
        metadata=declare(PlaceKind, "What the place is; place when left out."),
    )
    geo: GeoCoordinates | None = attrs.field(
        default=None, metadata=declare(GeoCoordinates, "Where the place is.")
    )
    contained_in: str | None = attrs.field(
        default=None,
        metadata=declare(
            ID,
            "The id of the place that contains this one.",
            refs=PLACES,
            acyclic="is contained in",
        ),
    )
    borders: tuple[str, ...] = attrs.field(
        default=(),
        converter=to_tuple,
        metadata=declare(
            ID,
            "The ids of places that share a border with this one.",
            unique=True,
            refs=PLACES,
            not_self="a place cannot border itself",
        ),
    )


@attrs.frozen(kw_only=True, field_transformer=derive)
class UnnamedSource:
    """A source the article does not name, known to readers only by its description.

    ``identity`` is the newsroom's own record of who the source is.  It is kept in the
    article document and never written to any export.
    """

    id: str = attrs.field(metadata=declare(ID, "The source's id."))
    description: str = attrs.field(
        metadata=declare(
            LINE,
            'The source as the article describes it ("a source who knows the region well"). '
            "This is all any export shows.",
        )
    )
    identity: str | None = attrs.field(
        default=None,
        metadata=declare(
            LINE,
            "The newsroom's own record of who the source is. It is kept in this document and "
            "never written to any export.",
        ),
    )
    kind: SourceKind | None = attrs.field(
        default=None,
        metadata=declare(
            SourceKind,
            "Whether the source is a person or an organization, when the newsroom knows. Like "
            "the identity, it is never written to any export.",
        ),
    )


# --- who said what ----------------------------------------------------------


@attrs.frozen(kw_only=True, field_transformer=derive)
class Attribution:
    """Who said something, through what, where and when, and how far the publisher has
    verified it.

    ``source`` is the id of a person, an organization or an unnamed source, or None when the
    origin is unknown (a video that "emerged").  ``outlet`` is the organization that
    published it; ``recipient`` the person or organization it was said to.  ``date_text``
    keeps the article's own wording ("on Sunday").
    """

    id: str = attrs.field(
        metadata=declare(ID, "The attribution's id; quotes and claims refer to it.")
    )
    channel: Channel = attrs.field(metadata=declare(Channel, "Through what it was said."))
    verification: Verification = attrs.field(
        metadata=declare(Verification, "How far the publisher has verified it.")
    )
    source: str | None = attrs.field(
        default=None,
        metadata=declare(
            ID,
            "The id of the person, organization or unnamed source who said it. Left out when the "
            "origin is unknown.",
            refs=SPEAKERS,
        ),
    )
    verb: str | None = attrs.field(
        default=None,
        metadata=declare(
            LINE,
            'The article\'s verb of attribution when it carries meaning ("suggested", "reported").',
        ),
    )
    outlet: str | None = attrs.field(
        default=None,
        metadata=declare(ID, "The id of the organization that published it.", refs=ORGANIZATIONS),
    )
    recipient: str | None = attrs.field(
        default=None,
        metadata=declare(ID, "The id of the person or organization it was said to.", refs=AGENTS),
    )
    date: PartialDate | None = attrs.field(
        default=None,
        metadata=declare(PartialDate, "When it was said or published, to the precision known."),
    )
    date_text: str | None = attrs.field(
        default=None,
        metadata=declare(LINE, 'When it was said, in the article\'s own words ("on Sunday").'),
    )
    title: str | None = attrs.field(
        default=None, metadata=declare(LINE, "The title of the work it appeared in.")
    )
    part: str | None = attrs.field(
        default=None, metadata=declare(LINE, "The part of that work it comes from, such as title.")
    )
    url: str | None = attrs.field(
        default=None, metadata=declare(URL, "Where the work can be read or seen.")
    )
    note: str | None = attrs.field(
        default=None,
        metadata=declare(TEXT, "The newsroom's note on the attribution or its verification."),
    )


@attrs.frozen(kw_only=True, field_transformer=derive)
class Quote:
    """Words a source said, exact (direct) or in the article's words (reported).

    ``paragraphs`` anchors the quote in the body: the text, split at blank lines, stands in
    those paragraphs one part each.
    """

    id: str = attrs.field(metadata=declare(ID, "The quote's id."))
    text: str = attrs.field(
        metadata=declare(
            TEXT,
            "The words, without surrounding quotation marks; a quote over several paragraphs has "
            "one part per paragraph, separated by a blank line.",
        )
    )
    kind: QuoteKind = attrs.field(
        metadata=declare(QuoteKind, "Whether these are the speaker's exact words.")
    )
    attribution: str = attrs.field(
        metadata=declare(
            ID,
            "The id of the attribution: who said it, through what, how far verified.",
            refs=ATTRIBUTIONS,
        )
    )
    paragraphs: tuple[str, ...] = attrs.field(
        default=(),
        converter=to_tuple,
        metadata=declare(
            ID,
            "The ids of the paragraphs the quote stands in, one per part of the text, in order. "
            "Left out when the quote is not in the body.",
            unique=True,
            refs=PARAGRAPHS,
            anchors=True,
        ),
    )


#: A rating's number: any number from 0 to 1,000, on the scale its review states.
_RATING: Final = RangeRule(minimum=0, maximum=1000, integer=False)


@attrs.frozen(kw_only=True, field_transformer=derive)
class ClaimReview:
    """The publisher's fact check of a claim: its verdict, and who reviewed it when.

    A verification status (of the attribution) is not a verdict: a claim has a review only
    when the newsroom has published one.  ``rating`` is a number on the scale from
    ``worst_rating`` to ``best_rating``; all three are given, or none.  ``reviewer`` is the
    person or organization that reviewed it (the publisher when left out), ``date`` when the
    review was published (the article's date_published when left out), ``url`` the review's
    own address, on the article's site.
    """

    verdict: str | None = attrs.field(
        default=None,
        metadata=declare(
            LINE,
            'The verdict in words ("False", "Mostly true"), as readers see it. Left out only '
            "while the review is a draft.",
        ),
    )
    rating: float | None = attrs.field(
        default=None,
        metadata=declare(_RATING, "The verdict as a number, on the scale of the two below."),
    )
    best_rating: float | None = attrs.field(
        default=None, metadata=declare(_RATING, "The best rating of the scale (true).")
    )
    worst_rating: float | None = attrs.field(
        default=None, metadata=declare(_RATING, "The worst rating of the scale (false).")
    )
    reviewer: str | None = attrs.field(
        default=None,
        metadata=declare(
            ID,
            "The id of the person or organization that reviewed the claim; the publisher when "
            "left out.",
            refs=AGENTS,
        ),
    )
    date: dt.datetime | None = attrs.field(
        default=None,
        metadata=declare(
            TIMESTAMP,
            "When the review was published; the article's date_published when left out.",
        ),
    )
    url: str | None = attrs.field(
        default=None,
        metadata=declare(URL, "The review's own URL (the article's, with a fragment, say)."),
    )


@attrs.frozen(kw_only=True, field_transformer=derive)
class Claim:
    """A statement the article presents as fact, resting on an attribution."""

    id: str = attrs.field(metadata=declare(ID, "The claim's id."))
    text: str = attrs.field(
        metadata=declare(
            TEXT,
            "The statement as the article words it; when anchored, it stands in the paragraph "
            "word for word.",
        )
    )
    attribution: str = attrs.field(
        metadata=declare(ID, "The id of the attribution the claim rests on.", refs=ATTRIBUTIONS)
    )
    paragraphs: tuple[str, ...] = attrs.field(
        default=(),
        converter=to_tuple,
        metadata=declare(
            ID,
            "The ids of the paragraphs the claim stands in, one per part of the text, in order.",
            unique=True,
            refs=PARAGRAPHS,
            anchors=True,
        ),
    )
    about: tuple[str, ...] = attrs.field(
        default=(),
        converter=to_tuple,
        metadata=declare(
            ID,
            "The ids of the people, organizations and places the claim is about.",
            unique=True,
            refs=ENTITIES,
        ),
    )
    review: ClaimReview | None = attrs.field(
        default=None,
        metadata=declare(
            ClaimReview,
            "The publisher's fact check of the claim, when it has published one (a fact_check "
            "article exports it as a ClaimReview).",
        ),
    )


# --- live coverage ----------------------------------------------------------


@attrs.frozen(kw_only=True, field_transformer=derive)
class LiveUpdate:
    """One update of a live blog."""

    id: str = attrs.field(
        metadata=declare(ID, "The update's id, unique among the ids of the article.")
    )
    date: dt.datetime = attrs.field(metadata=declare(TIMESTAMP, "When the update was published."))
    headline: str = attrs.field(metadata=declare(LINE, "The update's headline."))
    text: str = attrs.field(
        metadata=declare(TEXT, "The update's text; paragraphs are separated by a blank line.")
    )


@attrs.frozen(kw_only=True, field_transformer=derive)
class LiveCoverage:
    """What makes an article a live blog: when its coverage runs, and its updates."""

    start: dt.datetime = attrs.field(metadata=declare(TIMESTAMP, "When the live coverage began."))
    end: dt.datetime | None = attrs.field(
        default=None,
        metadata=declare(
            TIMESTAMP, "When the live coverage ended; left out while it goes on. Not before start."
        ),
    )
    updates: tuple[LiveUpdate, ...] = attrs.field(
        default=(),
        converter=to_tuple,
        metadata=declare(LiveUpdate, "The updates, oldest first, each within the coverage's time."),
    )


# --- the article ------------------------------------------------------------

#: Everything in an article that has an id.
Identified: TypeAlias = (
    Person | Organization | Place | UnnamedSource | Attribution | Quote | Claim | Paragraph | Image
)


@attrs.frozen(kw_only=True, field_transformer=derive)
class Article:
    """A news article and everything it names: the top level of an article document.

    See the README for what each part means; every field's description is in the schema.
    """

    id: str = attrs.field(
        metadata=declare(
            ID,
            "The article's id in the newsroom's system; it also names the article's JSON-LD nodes "
            "when it has no URL.",
        )
    )
    headline: str = attrs.field(metadata=declare(LINE, "The headline."))
    language: str = attrs.field(
        metadata=declare(LANGUAGE, "The language the article is written in.")
    )
    alternative_headline: str | None = attrs.field(
        default=None,
        metadata=declare(LINE, "Another headline, such as the one used on social media."),
    )
    standfirst: str | None = attrs.field(
        default=None, metadata=declare(TEXT, "The summary printed under the headline.")
    )
    url: str | None = attrs.field(
        default=None,
        metadata=declare(URL, "The article's canonical URL. Left out when it is not known."),
    )
    genre: Genre = attrs.field(
        default=Genre.NEWS,
        metadata=declare(Genre, "What kind of journalism the article is; news when left out."),
    )
    section: str | None = attrs.field(
        default=None, metadata=declare(LINE, "The section of the publication, such as World.")
    )
    keywords: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=declare(LINE, "Keywords or tags.", unique=True)
    )
    date_published: dt.datetime | None = attrs.field(
        default=None,
        metadata=declare(
            TIMESTAMP,
            "When the article was first published. Left out for a draft or when not known.",
        ),
    )
    date_modified: dt.datetime | None = attrs.field(
        default=None,
        metadata=declare(
            TIMESTAMP, "When the article was last changed; not before date_published."
        ),
    )
    dateline: str | None = attrs.field(
        default=None, metadata=declare(LINE, "Where the story was filed from, as printed.")
    )
    authors: tuple[str, ...] = attrs.field(
        default=(),
        converter=to_tuple,
        metadata=declare(
            ID,
            "The ids of the people and organizations who wrote the article: its byline, in order.",
            unique=True,
            refs=AGENTS,
        ),
    )
    publisher: str | None = attrs.field(
        default=None,
        metadata=declare(
            ID, "The id of the organization that published the article.", refs=ORGANIZATIONS
        ),
    )
    about: tuple[str, ...] = attrs.field(
        default=(),
        converter=to_tuple,
        metadata=declare(
            ID,
            "The ids of the people, organizations and places the article is chiefly about.",
            unique=True,
            refs=ENTITIES,
        ),
    )
    content_locations: tuple[str, ...] = attrs.field(
        default=(),
        converter=to_tuple,
        metadata=declare(
            ID, "The ids of the places the article's events happen in.", unique=True, refs=PLACES
        ),
    )
    paragraphs: tuple[Paragraph, ...] = attrs.field(
        default=(),
        converter=to_tuple,
        metadata=declare(Paragraph, "The article's paragraphs in reading order."),
    )
    images: tuple[Image, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=declare(Image, "The article's images.")
    )
    corrections: tuple[Correction, ...] = attrs.field(
        default=(),
        converter=to_tuple,
        metadata=declare(Correction, "Corrections published with the article, oldest first."),
    )
    people: tuple[Person, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=declare(Person, "Every person the article names.")
    )
    organizations: tuple[Organization, ...] = attrs.field(
        default=(),
        converter=to_tuple,
        metadata=declare(
            Organization, "Every organization the article names, its publisher included."
        ),
    )
    places: tuple[Place, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=declare(Place, "Every place the article names.")
    )
    unnamed_sources: tuple[UnnamedSource, ...] = attrs.field(
        default=(),
        converter=to_tuple,
        metadata=declare(UnnamedSource, "Sources the article does not name."),
    )
    attributions: tuple[Attribution, ...] = attrs.field(
        default=(),
        converter=to_tuple,
        metadata=declare(
            Attribution,
            "Who said what through which channel: one per statement the article attributes.",
        ),
    )
    quotes: tuple[Quote, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=declare(Quote, "Direct and reported speech.")
    )
    claims: tuple[Claim, ...] = attrs.field(
        default=(),
        converter=to_tuple,
        metadata=declare(Claim, "Statements presented as fact, each resting on an attribution."),
    )
    access: Access | None = attrs.field(
        default=None,
        metadata=declare(
            Access,
            "Whether the article is free to read (free) or some or all of it is for "
            "subscribers (subscribers). Left out when not stated; a paragraph for subscribers "
            "makes it subscribers.",
        ),
    )
    speakable: tuple[str, ...] = attrs.field(
        default=(),
        converter=to_tuple,
        metadata=declare(
            ID,
            "The ids of the paragraphs that suit text to speech, besides the headline and the "
            "standfirst (which always do).",
            unique=True,
            refs=PARAGRAPHS,
        ),
    )
    publishing_principles: str | None = attrs.field(
        default=None,
        metadata=declare(
            URL,
            "The article's own statement of the principles it follows, where it has one (the "
            "publisher's are in its policies).",
        ),
    )
    live: LiveCoverage | None = attrs.field(
        default=None,
        metadata=declare(
            LiveCoverage,
            "The live coverage, when the article is a live blog: when it runs, and its updates.",
        ),
    )

    @functools.cached_property
    def index(self) -> Mapping[str, Identified]:
        """Every object of the article by id (the first one, if an id is repeated)."""
        found: dict[str, Identified] = {}
        for group in self.identified:
            for item in group:
                found.setdefault(item.id, item)
        return found

    @functools.cached_property
    def _verdict(self) -> tuple[Problem, ...]:
        """The integrity problems of the article, found once (see
        ``_integrity.article_problems``): an article is immutable, so they never change, and
        checking, exporting and writing one article walk it once between them."""
        from ._integrity import walk_article  # at call time: that module imports this one

        return tuple(walk_article(self))

    @property
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

    @property
    def body(self) -> tuple[Paragraph, ...]:
        """The paragraphs of the story itself (body text and subheadings), in order."""
        aside = _ASIDE
        return tuple([p for p in self.paragraphs if p.role is not aside])

    @property
    def word_count(self) -> int:
        """The number of words in the story's body paragraphs."""
        body = _BODY
        return sum([len(p.text.split()) for p in self.paragraphs if p.role is body])
