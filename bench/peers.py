"""The article model written with pydantic v2, for the benchmarks.

This is the model a user would write with pydantic instead of newsarticle, as
faithful as pydantic's declarative constraints allow: strict types (no
coercion: a number is never read as a string), closed objects
(``extra="forbid"``), frozen models with tuples, the format's own patterns for
ids, language tags, partial dates, control characters and visible text,
``AwareDatetime`` for timestamps, ``HttpUrl`` for URLs, the format's
enumerations, and the same ranges (latitude, longitude, image and logo sizes,
review ratings).  It models every key of the format: paywalls (``access``),
speakable paragraphs, publisher policies and logos, fact-check reviews of
claims, unnamed sources' kinds and live coverage.  Every constraint runs inside
pydantic-core; no Python validator is called.

What it does not check, and newsarticle does (see docs/benchmarks.md):

* integrity across objects: unique ids, references that resolve to the right
  kind of object, anchored quotes and claims that stand word for word in their
  paragraphs, ``date_modified`` after ``date_published``, corrections after
  publication, containment cycles, self-references, speakable paragraphs that
  exist, live updates within their coverage;
* duplicate keys in the JSON text (the last one wins), and numbers beyond a double;
* ``uniqueItems`` on keywords, ids, URLs (pydantic has no declarative constraint
  for unique tuple items);
* real calendar dates in partial dates (``2021-02-30`` matches the pattern), a
  role's end before its start, a blank line in a paragraph;
* null for an optional key (pydantic reads ``null`` as "absent"; the schema
  refuses it);
* Unicode NFC normalization of text, and time zone offsets in whole minutes.

``HttpUrl`` also checks more than the format asks in one way (at most 2,083
characters) and normalizes URLs (``https://a.example`` becomes
``https://a.example/``), so a round trip does not always give the same text.
"""

from __future__ import annotations

from typing import Annotated, Final, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, HttpUrl, StringConstraints

from newsarticle import (
    Access,
    Channel,
    Genre,
    OrganizationKind,
    ParagraphRole,
    PlaceKind,
    QuoteKind,
    RelationKind,
    SourceKind,
    Verification,
)

__all__ = ["Article"]

# The format's patterns, in the dialect of pydantic-core's Rust regex engine:
# \z is "end of text" (the schema writes (?![\s\S]), which that engine lacks).
ID: Final = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}\z"
LANGUAGE: Final = (
    r"^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?"
    r"(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*\z"
)
PARTIAL_DATE: Final = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?\z"
# No control character (C0, DEL, C1; text may hold newlines) and at least one
# visible character: one that is neither a space nor one of the invisible
# characters the schema lists (no-break space, soft hyphen, zero-width and
# format characters, variation selectors, ...).
_INVISIBLE: Final = (
    r"\x20\xa0\xad\x{34f}\x{61c}\x{115f}-\x{1160}\x{1680}\x{17b4}-\x{17b5}"
    r"\x{180b}-\x{180f}\x{2000}-\x{200f}\x{2028}-\x{202f}\x{205f}-\x{206f}\x{2800}"
    r"\x{3000}\x{3164}\x{fe00}-\x{fe0f}\x{feff}\x{ffa0}\x{fff0}-\x{fff8}"
)
_LINE_CHARACTER: Final = r"[^\x00-\x1f\x7f-\x9f]"
_TEXT_CHARACTER: Final = r"[^\x00-\x09\x0b-\x1f\x7f-\x9f]"
LINE: Final = rf"^{_LINE_CHARACTER}*[^\x00-\x1f\x7f-\x9f{_INVISIBLE}]{_LINE_CHARACTER}*\z"
TEXT: Final = rf"^{_TEXT_CHARACTER}*[^\x00-\x1f\x7f-\x9f{_INVISIBLE}]{_TEXT_CHARACTER}*\z"

Id = Annotated[str, StringConstraints(pattern=ID)]
Line = Annotated[str, StringConstraints(pattern=LINE)]
Text = Annotated[str, StringConstraints(pattern=TEXT)]
Language = Annotated[str, StringConstraints(pattern=LANGUAGE)]
PartialDate = Annotated[str, StringConstraints(pattern=PARTIAL_DATE)]
Pixels = Annotated[int, Field(ge=1, le=2_147_483_647)]
Rating = Annotated[float, Field(ge=0, le=1000)]


class _Model(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


class GeoCoordinates(_Model):
    latitude: Annotated[float, Field(ge=-90, le=90)]
    longitude: Annotated[float, Field(ge=-180, le=180)]


class Paragraph(_Model):
    id: Id
    text: Text
    role: ParagraphRole = ParagraphRole.BODY
    access: Access = Access.FREE


class Image(_Model):
    id: Id
    url: HttpUrl
    width: Pixels | None = None
    height: Pixels | None = None
    caption: Text | None = None
    alt: Line | None = None
    credit: Line | None = None


class Logo(_Model):
    url: HttpUrl
    width: Pixels | None = None
    height: Pixels | None = None


class Correction(_Model):
    date: AwareDatetime
    text: Text


class Role(_Model):
    title: Line
    organization: Id | None = None
    start: PartialDate | None = None
    end: PartialDate | None = None
    note: Line | None = None


class Relation(_Model):
    kind: RelationKind
    person: Id


class Entity(_Model):
    id: Id
    name: Line
    alternate_names: tuple[Line, ...] = ()
    description: Line | None = None
    url: HttpUrl | None = None
    same_as: tuple[HttpUrl, ...] = ()


class Person(Entity):
    roles: tuple[Role, ...] = ()
    relations: tuple[Relation, ...] = ()


class Policies(_Model):
    publishing_principles: HttpUrl | None = None
    corrections: HttpUrl | None = None
    ethics: HttpUrl | None = None
    diversity: HttpUrl | None = None
    ownership_funding: HttpUrl | None = None
    actionable_feedback: HttpUrl | None = None
    unnamed_sources: HttpUrl | None = None
    verification_fact_checking: HttpUrl | None = None
    masthead: HttpUrl | None = None
    no_bylines: HttpUrl | None = None
    mission_coverage_priorities: HttpUrl | None = None


class Organization(Entity):
    kind: OrganizationKind = OrganizationKind.ORGANIZATION
    parent: Id | None = None
    policies: Policies | None = None
    logo: Logo | None = None


class Place(Entity):
    kind: PlaceKind = PlaceKind.PLACE
    geo: GeoCoordinates | None = None
    contained_in: Id | None = None
    borders: tuple[Id, ...] = ()


class UnnamedSource(_Model):
    id: Id
    description: Line
    identity: Line | None = None
    kind: SourceKind | None = None


class Attribution(_Model):
    id: Id
    channel: Channel
    verification: Verification
    source: Id | None = None
    verb: Line | None = None
    outlet: Id | None = None
    recipient: Id | None = None
    date: PartialDate | None = None
    date_text: Line | None = None
    title: Line | None = None
    part: Line | None = None
    url: HttpUrl | None = None
    note: Text | None = None


class Quote(_Model):
    id: Id
    text: Text
    kind: QuoteKind
    attribution: Id
    paragraphs: tuple[Id, ...] = ()


class ClaimReview(_Model):
    verdict: Line | None = None
    rating: Rating | None = None
    best_rating: Rating | None = None
    worst_rating: Rating | None = None
    reviewer: Id | None = None
    date: AwareDatetime | None = None
    url: HttpUrl | None = None


class Claim(_Model):
    id: Id
    text: Text
    attribution: Id
    paragraphs: tuple[Id, ...] = ()
    about: tuple[Id, ...] = ()
    review: ClaimReview | None = None


class LiveUpdate(_Model):
    id: Id
    date: AwareDatetime
    headline: Line
    text: Text


class LiveCoverage(_Model):
    start: AwareDatetime
    end: AwareDatetime | None = None
    updates: tuple[LiveUpdate, ...] = ()


class Article(_Model):
    format_version: Literal[1]
    id: Id
    headline: Line
    language: Language
    alternative_headline: Line | None = None
    standfirst: Text | None = None
    url: HttpUrl | None = None
    genre: Genre = Genre.NEWS
    section: Line | None = None
    keywords: tuple[Line, ...] = ()
    date_published: AwareDatetime | None = None
    date_modified: AwareDatetime | None = None
    dateline: Line | None = None
    authors: tuple[Id, ...] = ()
    publisher: Id | None = None
    about: tuple[Id, ...] = ()
    content_locations: tuple[Id, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()
    images: tuple[Image, ...] = ()
    corrections: tuple[Correction, ...] = ()
    people: tuple[Person, ...] = ()
    organizations: tuple[Organization, ...] = ()
    places: tuple[Place, ...] = ()
    unnamed_sources: tuple[UnnamedSource, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    access: Access | None = None
    speakable: tuple[Id, ...] = ()
    publishing_principles: HttpUrl | None = None
    live: LiveCoverage | None = None
