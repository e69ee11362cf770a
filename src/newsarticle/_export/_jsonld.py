"""schema.org ``NewsArticle`` JSON-LD, and the HTML ``<script>`` block that carries it.

The export is one ``@graph`` under ``"@context": "https://schema.org"``:

* the article node comes first (a ``LiveBlogPosting`` for a live blog, with its
  updates under ``liveBlogUpdate``).  Its authors are written out in full under
  ``author`` and its publisher under ``publisher`` (as Google's Article guidance
  asks); every other person, organization and place is written out once, at its
  first use among ``about``, ``contentLocation`` and ``mentions``, and referred to
  by ``{"@id": ...}`` everywhere else.  Works the article cites (an op-ed, a
  tweet, a video) are written out under ``citation``.  The paywall
  (``isAccessibleForFree``, ``hasPart``) and ``speakable`` name parts of the page
  by the CSS selectors of :class:`~newsarticle.Selectors`;
* then one ``Quotation`` node per quote and one ``Claim`` node per claim;
* then, for a fact check, one ``ClaimReview`` per reviewed claim.

Among the article and its statements, only the article node uses the ``author``
property.  Quotes, claims and cited works name who made them with ``creator``
(schema.org: "the same as the Author property for CreativeWork"), and no
``Person`` node stands at the top level of the graph, so that extractors that
read every ``author`` of an article node, or every top-level ``Person``, as the
byline (trafilatura does the latter) find the article's authors and no one else.
A ``ClaimReview`` and the ``Claim`` it reviews name their makers with ``author``,
as Google's fact-check guidance asks, by ``{"@id": ...}`` references only: no
name stands under any ``author`` but the article's.

``@id``\\ s are the article URL (without its fragment) plus ``#<kind>-<id>``, or
blank-node labels ``_:<kind>-<id>`` when the article has no URL: a draft's nodes
then name nothing outside the document, and two drafts that happen to share ids
are never merged into one thing by a consumer that collects many graphs.

An unnamed source is left out of the graph entirely: its quotes and claims have
no ``creator``, and neither its id, nor its description, nor the newsroom's
record of who it is appears anywhere.  See ``docs/jsonld.md`` for the mapping of
every field.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, Final, TypeAlias

import attrs

from .._integrity import require_valid, resolve
from .._json._write import dumps_json
from .._model import (
    AGENTS,
    ATTRIBUTIONS,
    ENTITIES,
    ORGANIZATIONS,
    PLACES,
    Access,
    Article,
    Attribution,
    Channel,
    Claim,
    ClaimReview,
    Correction,
    Genre,
    Image,
    LiveCoverage,
    LiveUpdate,
    Logo,
    Organization,
    OrganizationKind,
    Person,
    Place,
    PlaceKind,
    Policies,
    Quote,
    RelationKind,
    Role,
)
from .._rules import format_datetime
from .._selectors import DEFAULT_SELECTORS, Selectors

__all__ = [
    "ARTICLE_TYPES",
    "CONTEXT",
    "LIVE_BLOG_TYPE",
    "JsonLdRenderer",
    "JsonLdScriptRenderer",
    "escape_script_json",
    "to_jsonld",
    "to_jsonld_script",
    "to_jsonld_text",
]

Node: TypeAlias = dict[str, Any]

#: The JSON-LD context of every export.
CONTEXT: Final = "https://schema.org"

#: The schema.org type of the article node, by genre (a live blog is a LiveBlogPosting,
#: whatever its genre).
ARTICLE_TYPES: Final = {
    Genre.NEWS: "NewsArticle",
    Genre.ANALYSIS: "AnalysisNewsArticle",
    Genre.OPINION: "OpinionNewsArticle",
    Genre.REPORTAGE: "ReportageNewsArticle",
    Genre.REVIEW: "ReviewNewsArticle",
    Genre.BACKGROUND: "BackgroundNewsArticle",
    Genre.ASK_PUBLIC: "AskPublicNewsArticle",
    Genre.FACT_CHECK: "NewsArticle",  # schema.org has no narrower type: ClaimReview says it
}

#: The type of the article node of a live blog.
LIVE_BLOG_TYPE: Final = "LiveBlogPosting"

_ORGANIZATION_TYPES: Final = {
    OrganizationKind.ORGANIZATION: "Organization",
    OrganizationKind.NEWS_MEDIA: "NewsMediaOrganization",
    OrganizationKind.GOVERNMENT: "GovernmentOrganization",
    OrganizationKind.ARMED_GROUP: "Organization",  # schema.org has no narrower type
    OrganizationKind.POLITICAL_PARTY: "PoliticalParty",
    OrganizationKind.NGO: "NGO",
}

_PLACE_TYPES: Final = {
    PlaceKind.PLACE: "Place",
    PlaceKind.COUNTRY: "Country",
    PlaceKind.ADMINISTRATIVE_AREA: "AdministrativeArea",
    PlaceKind.CITY: "City",
    PlaceKind.LANDFORM: "Landform",
    PlaceKind.LANDMARK: "LandmarksOrHistoricalBuildings",
    PlaceKind.STADIUM: "StadiumOrArena",
}

_RELATIONS: Final = {
    RelationKind.PARENT: "parent",
    RelationKind.CHILD: "children",
    RelationKind.SIBLING: "sibling",
    RelationKind.SPOUSE: "spouse",
    RelationKind.RELATIVE: "relatedTo",
    RelationKind.COLLEAGUE: "colleague",
}

# What a cited work is, by the channel of the attribution that cites it.  A
# conversation with a journalist is not a work; neither is an attribution that
# says nothing about one (no outlet, title, URL or date).  Every cited work is a
# CreativeWork, so that the article is the page's one node of an article type (see
# _ADDITIONAL_TYPES).
_WORK_TYPES: Final[dict[Channel, str]] = {
    channel: "CreativeWork" for channel in Channel if channel is not Channel.CONVERSATION
}
# The narrower type of a cited work, written as its additionalType, and what to call one
# without a title.  An op-ed, a post or an article typed as such would be a second article
# node on the page, which extractors and validators that look for "the" article may take
# for the page's own (and validators hold to Google's Article rules); a video or an image
# typed as such must carry what Google's rules make required on every VideoObject (name,
# thumbnailUrl, uploadDate) and ImageObject (contentUrl, a credit or licence), and an
# attribution holds none of a thumbnail, an upload date or an image file.  So each is a
# CreativeWork whose additionalType says what it is, and it always has a name.
_ADDITIONAL_TYPES: Final = {
    Channel.OP_ED: ("https://schema.org/OpinionNewsArticle", "an op-ed"),
    Channel.TWEET: ("https://schema.org/SocialMediaPosting", "a tweet"),
    Channel.SOCIAL_MEDIA_POST: ("https://schema.org/SocialMediaPosting", "a social media post"),
    Channel.ARTICLE: ("https://schema.org/Article", "an article"),
    Channel.VIDEO: ("https://schema.org/VideoObject", "a video"),
    Channel.LIVESTREAM: ("https://schema.org/VideoObject", "a livestream"),
    Channel.IMAGE: ("https://schema.org/ImageObject", "an image"),
}
#: The same table by the name the importer reads it under (the media types were the first).
_MEDIA: Final = _ADDITIONAL_TYPES
# Channels through which the source is the maker of the work itself; an
# interview is the outlet's work, an image or video is not made by whoever
# describes it, so those works get no creator.
_AUTHORED: Final = frozenset(
    {
        Channel.OP_ED,
        Channel.TWEET,
        Channel.SOCIAL_MEDIA_POST,
        Channel.STATEMENT,
        Channel.PRESS_RELEASE,
        Channel.SPEECH,
        Channel.ARTICLE,
        Channel.DOCUMENT,
    }
)

#: UN/CEFACT common code for "pixel", the unit of image sizes.
_PIXEL: Final = "E37"

# The publisher's policies by schema.org term, and the types whose domain holds the term:
# four of the Trust Project's terms are NewsMediaOrganization's alone in schema.org.
_ANY_ORGANIZATION: Final = frozenset(_ORGANIZATION_TYPES.values())
_NEWS_MEDIA_ONLY: Final = frozenset({"NewsMediaOrganization"})
_POLICIES: Final = (
    ("publishing_principles", "publishingPrinciples", _ANY_ORGANIZATION),
    ("corrections", "correctionsPolicy", _ANY_ORGANIZATION),
    ("ethics", "ethicsPolicy", _ANY_ORGANIZATION),
    ("diversity", "diversityPolicy", _ANY_ORGANIZATION),
    ("ownership_funding", "ownershipFundingInfo", _ANY_ORGANIZATION),
    ("actionable_feedback", "actionableFeedbackPolicy", _ANY_ORGANIZATION),
    ("unnamed_sources", "unnamedSourcesPolicy", _ANY_ORGANIZATION),
    ("verification_fact_checking", "verificationFactCheckingPolicy", _NEWS_MEDIA_ONLY),
    ("masthead", "masthead", _NEWS_MEDIA_ONLY),
    ("no_bylines", "noBylinesPolicy", _NEWS_MEDIA_ONLY),
    ("mission_coverage_priorities", "missionCoveragePrioritiesPolicy", _NEWS_MEDIA_ONLY),
)


def _ref(identifier: str) -> Node:
    return {"@id": identifier}


def _put(node: Node, key: str, value: Any) -> None:
    """Set ``key`` unless the value is None or empty: absent fields stay absent."""
    if value is not None and value != [] and value != ():
        node[key] = list(value) if isinstance(value, tuple) else value


def _pixels(value: int | None) -> Node | None:
    if value is None:
        return None
    return {"@type": "QuantitativeValue", "value": value, "unitCode": _PIXEL}


def _image_object(image: Image | Logo, node_id: str | None = None) -> Node:
    """An ImageObject of an image file: its ``url`` (and ``contentUrl``, the file itself, as
    Google's image guidance asks) and its size in pixels."""
    node: Node = {"@type": "ImageObject"}
    _put(node, "@id", node_id)
    node["url"] = image.url
    node["contentUrl"] = image.url
    _put(node, "width", _pixels(image.width))
    _put(node, "height", _pixels(image.height))
    return node


@attrs.frozen
class _Work:
    """A work the article cites, shared by every attribution that describes it."""

    id: str
    attribution: Attribution


def _work_key(attribution: Attribution) -> tuple[object, ...]:
    return (
        attribution.channel,
        attribution.source,
        attribution.outlet,
        attribution.title,
        attribution.url,
        attribution.date,
    )


_ENTITY_KINDS: Final[dict[type[Any], str]] = {
    Person: "person",
    Organization: "organization",
    Place: "place",
}


class _Graph:
    """One build of the graph of one article."""

    def __init__(self, article: Article, *, article_body: bool, selectors: Selectors) -> None:
        self.article = article
        self.article_body = article_body
        self.selectors = selectors
        base = article.url.partition("#")[0] if article.url else None
        self.base = base
        self.article_id = f"{base}#article" if base else "_:article"
        self.defined: set[str] = set()
        self.entity_ids: dict[str, str] = {}  # node ids of entities, by their ids
        self.unnamed = frozenset(source.id for source in article.unnamed_sources)
        self.works: dict[str, _Work] = {}
        self.work_list: list[_Work] = []
        by_key: dict[tuple[object, ...], _Work] = {}
        for attribution in article.attributions:
            if not _is_work(attribution):
                continue
            key = _work_key(attribution)
            work = by_key.get(key)
            if work is None:
                work = by_key[key] = _Work(self.node_id("work", attribution.id), attribution)
                self.work_list.append(work)
            self.works[attribution.id] = work

    # --- ids and references -------------------------------------------------

    def node_id(self, kind: str, identifier: str) -> str:
        return f"{self.base}#{kind}-{identifier}" if self.base else f"_:{kind}-{identifier}"

    def entity_id(self, identifier: str) -> str:
        node_id = self.entity_ids.get(identifier)
        if node_id is None:
            entity = resolve(self.article, identifier, ENTITIES)
            node_id = self.entity_ids[identifier] = self.node_id(
                _ENTITY_KINDS[type(entity)], identifier
            )
        return node_id

    def entity_ref(self, identifier: str) -> Node:
        return _ref(self.entity_id(identifier))

    def entity(self, identifier: str) -> Node:
        """The full node the first time an entity is used, a reference after that."""
        node_id = self.entity_id(identifier)
        if node_id in self.defined:
            return _ref(node_id)
        self.defined.add(node_id)
        found = self.article.index[identifier]
        if isinstance(found, Person):
            return self.person(found)
        if isinstance(found, Organization):
            return self.organization(found)
        assert isinstance(found, Place)
        return self.place(found)

    def source_ref(self, attribution: Attribution) -> Node | None:
        """Who made a statement, or None when unknown or unnamed."""
        if attribution.source is None or attribution.source in self.unnamed:
            return None
        return self.entity_ref(attribution.source)

    # --- entities ------------------------------------------------------------

    def _entity_fields(self, node: Node, entity: Person | Organization | Place) -> None:
        node["name"] = entity.name
        _put(node, "alternateName", entity.alternate_names)
        _put(node, "description", entity.description)
        _put(node, "url", entity.url)
        _put(node, "sameAs", entity.same_as)

    def person(self, person: Person) -> Node:
        node: Node = {"@type": "Person", "@id": self.entity_id(person.id)}
        self._entity_fields(node, person)
        _put(node, "jobTitle", [_job_title(r) for r in person.roles if r.organization is None])
        _put(node, "affiliation", [self.role(r) for r in person.roles if r.organization])
        for kind, term in _RELATIONS.items():
            related = [self.entity_ref(r.person) for r in person.relations if r.kind is kind]
            _put(node, term, related)
        return node

    def role(self, role: Role) -> Node:
        """A schema.org Role node standing between a person and an organization."""
        assert role.organization is not None
        node: Node = {"@type": "OrganizationRole", "roleName": role.title}
        _put(node, "startDate", None if role.start is None else str(role.start))
        _put(node, "endDate", None if role.end is None else str(role.end))
        _put(node, "description", role.note)
        resolve(self.article, role.organization, ORGANIZATIONS)
        node["affiliation"] = self.entity_ref(role.organization)
        return node

    def organization(self, organization: Organization) -> Node:
        kind = _ORGANIZATION_TYPES[organization.kind]
        node: Node = {"@type": kind, "@id": self.entity_id(organization.id)}
        self._entity_fields(node, organization)
        if organization.parent is not None:
            resolve(self.article, organization.parent, ORGANIZATIONS)
            node["parentOrganization"] = self.entity_ref(organization.parent)
        if organization.policies is not None:
            _policies(node, kind, organization.policies)
        if organization.logo is not None:
            node["logo"] = _image_object(organization.logo)
        return node

    def summary(self, identifier: str) -> Node:
        """What names an author that is written out in full elsewhere (the publisher): its
        ``@type``, ``@id``, ``name``, ``url`` and ``sameAs``, which Google's guidance reads of
        an author.  JSON-LD merges it with the full node (one ``@id``, the same values)."""
        entity = self.article.index[identifier]
        assert isinstance(entity, Organization)
        node: Node = {
            "@type": _ORGANIZATION_TYPES[entity.kind],
            "@id": self.entity_id(identifier),
            "name": entity.name,
        }
        _put(node, "url", entity.url)
        _put(node, "sameAs", entity.same_as)
        return node

    def place(self, place: Place) -> Node:
        node: Node = {"@type": _PLACE_TYPES[place.kind], "@id": self.entity_id(place.id)}
        self._entity_fields(node, place)
        if place.geo is not None:
            node["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": place.geo.latitude,
                "longitude": place.geo.longitude,
            }
        if place.contained_in is not None:
            resolve(self.article, place.contained_in, PLACES)
            node["containedInPlace"] = self.entity_ref(place.contained_in)
        _put(node, "geoTouches", [self.entity_ref(i) for i in place.borders])
        return node

    # --- works, images, statements ------------------------------------------

    def work(self, work: _Work) -> Node:
        attribution = work.attribution
        node: Node = {"@type": _WORK_TYPES[attribution.channel], "@id": work.id}
        narrower = _ADDITIONAL_TYPES.get(attribution.channel)
        if narrower is not None:
            node["additionalType"], unnamed = narrower
            node["name"] = attribution.title or unnamed
        else:
            _put(node, "name", attribution.title)
        _put(node, "url", attribution.url)
        # When the source said it: dateCreated.  datePublished is the article's own,
        # and the dates the article's publisher gave its corrections, updates and
        # reviews (see docs/jsonld.md for what extractors make of a page's dates).
        _put(node, "dateCreated", None if attribution.date is None else str(attribution.date))
        if attribution.channel in _AUTHORED:
            _put(node, "creator", self.source_ref(attribution))
        if attribution.outlet is not None:
            resolve(self.article, attribution.outlet, ORGANIZATIONS)
            node["publisher"] = self.entity_ref(attribution.outlet)
        return node

    def image(self, image: Image) -> Node:
        node = _image_object(image, self.node_id("image", image.id))
        _put(node, "caption", image.caption)
        _put(node, "description", image.alt)
        _put(node, "creditText", image.credit)
        return node

    def statement(self, item: Quote | Claim) -> Node:
        """A Quotation or a Claim: its words, who made them, where they stand and come from."""
        if isinstance(item, Quote):
            kind, prefix, stands_in, comes_from = "Quotation", "quote", "isPartOf", "isBasedOn"
        else:
            kind, prefix, stands_in, comes_from = "Claim", "claim", "appearance", "firstAppearance"
        node: Node = {"@type": kind, "@id": self.node_id(prefix, item.id), "text": item.text}
        attribution: Attribution = resolve(self.article, item.attribution, ATTRIBUTIONS)
        _put(node, "creator", self.source_ref(attribution))
        node[stands_in] = _ref(self.article_id)
        work = self.works.get(attribution.id)
        if work is not None:
            node[comes_from] = _ref(work.id)
        if isinstance(item, Claim):
            _put(node, "about", [self.entity_ref(i) for i in item.about])
        return node

    def claim_review(self, claim: Claim, review: ClaimReview) -> Node:
        """The publisher's fact check of a claim: the claim as stated, the verdict, who
        reviewed it and when, and the claim itself with who made it and where it appears."""
        article = self.article
        node: Node = {"@type": "ClaimReview", "@id": self.node_id("review", claim.id)}
        _put(node, "url", review.url)
        node["claimReviewed"] = claim.text
        rating: Node = {"@type": "Rating"}
        _put(rating, "alternateName", review.verdict)
        _put(rating, "ratingValue", review.rating)
        _put(rating, "bestRating", review.best_rating)
        _put(rating, "worstRating", review.worst_rating)
        node["reviewRating"] = rating
        attribution: Attribution = resolve(article, claim.attribution, ATTRIBUTIONS)
        reviewed: Node = {"@type": "Claim"}
        _put(reviewed, "author", self.source_ref(attribution))
        work = self.works.get(attribution.id)
        reviewed["appearance"] = _ref(work.id if work is not None else self.article_id)
        node["itemReviewed"] = reviewed
        reviewer = review.reviewer if review.reviewer is not None else article.publisher
        if reviewer is not None:
            resolve(article, reviewer, AGENTS)
            node["author"] = self.entity_ref(reviewer)
        date = review.date if review.date is not None else article.date_published
        _put(node, "datePublished", _timestamp(date))
        return node

    def reviews(self) -> list[Node]:
        """One ClaimReview per reviewed claim of a fact check; none for other genres."""
        if self.article.genre is not Genre.FACT_CHECK:
            return []
        return [self.claim_review(c, c.review) for c in self.article.claims if c.review is not None]

    # --- the page: paywall, speech, live updates -------------------------------

    def paywall(self, node: Node) -> None:
        """isAccessibleForFree, and the one paywalled section the page marks with a class."""
        article = self.article
        paywalled = any(p.access is Access.SUBSCRIBERS for p in article.paragraphs)
        if paywalled or article.access is Access.SUBSCRIBERS:
            node["isAccessibleForFree"] = False
        elif article.access is Access.FREE:
            node["isAccessibleForFree"] = True
        if paywalled:
            node["hasPart"] = [
                {
                    "@type": "WebPageElement",
                    "isAccessibleForFree": False,
                    "cssSelector": self.selectors.paywalled,
                }
            ]

    def speakable(self) -> Node:
        """The parts that suit text to speech: the headline always, the standfirst when
        there is one, and the paragraphs the article chose."""
        selectors = [self.selectors.headline]
        if self.article.standfirst is not None:
            selectors.append(self.selectors.standfirst)
        if self.article.speakable:
            selectors.append(self.selectors.speakable)
        return {"@type": "SpeakableSpecification", "cssSelector": selectors}

    def update(self, update: LiveUpdate) -> Node:
        return {
            "@type": "BlogPosting",
            "@id": self.node_id("update", update.id),
            "headline": update.headline,
            "datePublished": format_datetime(update.date),
            "articleBody": update.text,
        }

    # --- the article ---------------------------------------------------------

    def article_node(self) -> Node:
        article = self.article
        live = article.live
        kind = ARTICLE_TYPES[article.genre] if live is None else LIVE_BLOG_TYPE
        node: Node = {"@type": kind, "@id": self.article_id}
        _put(node, "url", article.url)
        _put(node, "mainEntityOfPage", article.url)
        node["headline"] = article.headline
        _put(node, "alternativeHeadline", article.alternative_headline)
        _put(node, "description", article.standfirst)
        node["inLanguage"] = article.language
        _put(node, "articleSection", article.section)
        _put(node, "keywords", article.keywords)
        _put(node, "datePublished", _timestamp(article.date_published))
        _put(node, "dateModified", _timestamp(article.date_modified))
        if live is None:
            _put(node, "dateline", article.dateline)  # a NewsArticle's term alone
        else:
            _coverage(node, live)
        for identifier in article.authors:
            resolve(article, identifier, AGENTS)
        if article.publisher is not None:
            resolve(article, article.publisher, ORGANIZATIONS)
        # A publisher that is also an author is written out in full under publisher, where
        # consumers read a publisher's name and logo, and summed up under author.
        _put(
            node,
            "author",
            [
                self.summary(i) if i == article.publisher else self.entity(i)
                for i in article.authors
            ],
        )
        if article.publisher is not None:
            node["publisher"] = self.entity(article.publisher)
        _put(node, "about", [self.entity(i) for i in article.about])
        for identifier in article.content_locations:
            resolve(article, identifier, PLACES)
        _put(node, "contentLocation", [self.entity(i) for i in article.content_locations])
        own = {*article.authors, article.publisher}
        mentioned = [e.id for e in _entities(article) if e.id not in own]
        _put(node, "mentions", [self.entity(i) for i in mentioned])
        _put(node, "citation", [self.work(w) for w in self.work_list])
        _put(node, "image", [self.image(i) for i in article.images])
        node["wordCount"] = article.word_count
        if self.article_body:
            _put(node, "articleBody", "\n\n".join(p.text for p in article.body) or None)
        if live is not None:
            _put(node, "liveBlogUpdate", [self.update(u) for u in live.updates])
        _put(node, "correction", [_correction(c) for c in article.corrections])
        self.paywall(node)
        node["speakable"] = self.speakable()
        _put(node, "publishingPrinciples", article.publishing_principles)
        return node

    def build(self) -> Node:
        graph = [self.article_node()]
        graph += [self.statement(q) for q in self.article.quotes]
        graph += [self.statement(c) for c in self.article.claims]
        graph += self.reviews()
        return {"@context": CONTEXT, "@graph": graph}


def _entities(article: Article) -> Iterator[Person | Organization | Place]:
    yield from article.people
    yield from article.organizations
    yield from article.places


def _is_work(attribution: Attribution) -> bool:
    if attribution.channel is Channel.CONVERSATION:
        return False
    return any(
        value is not None
        for value in (attribution.outlet, attribution.title, attribution.url, attribution.date)
    )


def _timestamp(value: Any) -> str | None:
    return None if value is None else format_datetime(value)


def _correction(correction: Correction) -> Node:
    return {
        "@type": "CorrectionComment",
        "text": correction.text,
        "datePublished": format_datetime(correction.date),
    }


def _coverage(node: Node, live: LiveCoverage) -> None:
    node["coverageStartTime"] = format_datetime(live.start)
    _put(node, "coverageEndTime", _timestamp(live.end))


def _job_title(role: Role) -> str | Node:
    """A role in no organization: its title, or with its dates schema.org's Role pattern (a
    Role node standing for ``jobTitle`` and holding it)."""
    if role.start is None and role.end is None:
        return role.title
    node: Node = {"@type": "Role", "jobTitle": role.title}
    _put(node, "startDate", None if role.start is None else str(role.start))
    _put(node, "endDate", None if role.end is None else str(role.end))
    _put(node, "description", role.note)
    return node


def _policies(node: Node, kind: str, policies: Policies) -> None:
    """Each policy under its schema.org term, where the organization's type is in the term's
    domain."""
    for field, term, domain in _POLICIES:
        if kind in domain:
            _put(node, term, getattr(policies, field))


# --- the renderers ------------------------------------------------------------


@attrs.frozen(kw_only=True)
class JsonLdRenderer:
    """Render an article as a schema.org JSON-LD document (a dict).

    ``article_body`` puts the text of the story in ``articleBody``; leave it out
    when pages are large and the text is on the page anyway.  ``selectors`` are the CSS
    selectors by which the paywall (``hasPart``) and ``speakable`` name parts of the page:
    the defaults are the classes the HTML export writes; give those of your own templates
    when your pages are rendered by them.

    Like every exporter, it renders only an article that can be loaded back: one with an
    integrity error (a dangling reference, an id given twice) raises
    :class:`~newsarticle.InvalidArticleError` carrying every problem, and anything but an
    :class:`~newsarticle.Article` raises :class:`TypeError`.
    """

    article_body: bool = True
    selectors: Selectors = DEFAULT_SELECTORS

    def __call__(self, article: Article) -> dict[str, Any]:
        return self._render(require_valid(article, "JsonLdRenderer"))

    def _render(self, article: Article) -> dict[str, Any]:
        """The JSON-LD of an article already checked."""
        graph = _Graph(article, article_body=self.article_body, selectors=self.selectors)
        return graph.build()


# Characters that must not stand raw in a <script> block, and the JSON escapes
# that replace them.  In JSON text they can only occur inside strings, where
# the escapes mean the same characters.
_SCRIPT_ESCAPES: Final = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


#: Unicode noncharacters (U+FDD0..U+FDEF and the last two code points of every
#: plane), which HTML refuses anywhere in a page, even as character references.
NONCHARACTERS: Final = re.compile(
    "[\ufdd0-\ufdef"
    + "".join(
        f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}" for plane in range(0, 0x110000, 0x10000)
    )
    + "]"
)


def _json_escape(match: re.Match[str]) -> str:
    return json.dumps(match.group())[1:-1]  # \uXXXX, or a surrogate pair of them


def escape_script_json(text: str) -> str:
    """JSON text made safe inside an HTML ``<script>`` element.

    ``<``, ``>``, ``&``, U+2028 and U+2029 become ``\\uXXXX`` escapes, so no
    string can close the element (``</script>``), open an HTML comment
    (``<!--``) or break a JavaScript parser; noncharacters, which HTML refuses,
    are escaped too.  The JSON value is unchanged.
    """
    return NONCHARACTERS.sub(_json_escape, text.translate(_SCRIPT_ESCAPES))


@attrs.frozen(kw_only=True)
class JsonLdScriptRenderer:
    """Render an article as a ``<script type="application/ld+json">`` element.

    ``indent`` is passed to :func:`json.dumps` (None writes one line).
    """

    indent: int | None = 2
    jsonld: JsonLdRenderer = attrs.field(factory=JsonLdRenderer)

    def __call__(self, article: Article) -> str:
        return self._render(require_valid(article, "JsonLdScriptRenderer"))

    def _render(self, article: Article) -> str:
        """The script block of an article already checked."""
        text = _dumps(self.jsonld._render(article), indent=self.indent)
        return f'<script type="application/ld+json">\n{escape_script_json(text)}\n</script>\n'


def _dumps(value: Any, *, indent: int | None) -> str:
    if indent in (None, 2):
        return dumps_json(value, indent=indent is not None)
    return json.dumps(value, ensure_ascii=False, indent=indent, separators=(",", ": "))


_JSONLD: Final = JsonLdRenderer()
_SCRIPT: Final = JsonLdScriptRenderer()


def to_jsonld(article: Article) -> dict[str, Any]:
    """The schema.org JSON-LD of ``article`` as a dict (see :class:`JsonLdRenderer`)."""
    return _JSONLD._render(require_valid(article, "newsarticle.to_jsonld"))


def to_jsonld_text(article: Article) -> str:
    """The canonical JSON-LD text of ``article``: UTF-8, 2-space indent, final newline."""
    graph = _JSONLD._render(require_valid(article, "newsarticle.to_jsonld_text"))
    return _dumps(graph, indent=2) + "\n"


def to_jsonld_script(article: Article) -> str:
    """The ``<script type="application/ld+json">`` block of ``article``, safe in any page."""
    return _SCRIPT._render(require_valid(article, "newsarticle.to_jsonld_script"))
