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
import operator
import re
from collections.abc import Iterable
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
    Person,
    Place,
    Policies,
    Quote,
    Role,
)
from .._rules import format_datetime
from .._selectors import DEFAULT_SELECTORS, Selectors
from .._terms import (
    ADDITIONAL_TYPES,
    ARTICLE_TYPES,
    LIVE_BLOG_TYPE,
    ORGANIZATION_TYPES,
    PLACE_TYPES,
    POLICIES,
    RELATIONS,
    WORK_TYPES,
)
from .._unbuild import SMALLEST_PLAIN

__all__ = [
    "CONTEXT",
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


def _pixels(value: int) -> Node:
    return {"@type": "QuantitativeValue", "value": value, "unitCode": _PIXEL}


def _image_object(image: Image | Logo, node_id: str | None = None) -> Node:
    """An ImageObject of an image file: its ``url`` (and ``contentUrl``, the file itself, as
    Google's image guidance asks) and its size in pixels."""
    url = image.url
    if node_id is None:
        node: Node = {"@type": "ImageObject", "url": url, "contentUrl": url}
    else:
        node = {"@type": "ImageObject", "@id": node_id, "url": url, "contentUrl": url}
    if image.width is not None:
        node["width"] = _pixels(image.width)
    if image.height is not None:
        node["height"] = _pixels(image.height)
    return node


# What the channel of a cited work makes of it: the work's type, its narrower type and the
# name of one without a title (or None), and whether the source is the work's maker.
_WORKS: Final = {
    channel: (kind, ADDITIONAL_TYPES.get(channel), channel in _AUTHORED)
    for channel, kind in WORK_TYPES.items()
}
_ACCESS: Final = operator.attrgetter("access")
_TEXT: Final = operator.attrgetter("text")

_ENTITY_KINDS: Final[dict[type[Any], str]] = {
    Person: "person",
    Organization: "organization",
    Place: "place",
}

# The terms of a statement node: its type, the kind in its @id, where it stands (the
# article) and where it comes from (the work it rests on).
_QUOTATION: Final = ("Quotation", "quote", "isPartOf", "isBasedOn")
_CLAIM: Final = ("Claim", "claim", "appearance", "firstAppearance")


class _Graph:
    """One build of the graph of one article.

    The node ids of the article's entities (all of them, and those of organizations and
    places, which some references must name) and its cited works are tabled once, when the
    build starts.  A reference that no table holds is a bug past the exporters' refusal of
    an invalid article: :func:`~newsarticle._integrity.resolve` raises its error.
    """

    __slots__ = (
        "article",
        "article_body",
        "article_id",
        "defined",
        "entity_ids",
        "organization_ids",
        "place_ids",
        "plain",
        "prefix",
        "said",
        "selectors",
        "unnamed",
        "work_ids",
        "works",
    )

    def __init__(self, article: Article, *, article_body: bool, selectors: Selectors) -> None:
        self.article = article
        self.article_body = article_body
        self.selectors = selectors
        base = article.url.partition("#")[0] if article.url else None
        # Every node id is this prefix, the node's kind and its id ("<base>#quote-q1").
        prefix = self.prefix = f"{base}#" if base else "_:"
        self.article_id = f"{prefix}article"
        self.organization_ids = {
            o.id: f"{prefix}organization-{o.id}" for o in article.organizations
        }
        self.place_ids = {p.id: f"{prefix}place-{p.id}" for p in article.places}
        # The first kind of an id wins, as in the article's index.
        self.entity_ids = {
            **self.place_ids,
            **self.organization_ids,
            **{p.id: f"{prefix}person-{p.id}" for p in article.people},
        }
        self.defined: set[str] = set()  # the entities written out in full, by their ids
        # Whether orjson writes every float of the graph as json does (see _small).
        self.plain = True
        unnamed = self.unnamed = frozenset(source.id for source in article.unnamed_sources)
        # The works the article cites, each by the first attribution that describes it, and
        # the node id of the work of every attribution that describes one.
        self.works: list[Attribution] = []
        self.work_ids: dict[str, str] = {}
        # Who made what each attribution says and the work it comes from, by node id.
        self.said: dict[str, tuple[str | None, str | None]] = {}
        # Attributions that give one channel, source, outlet, title, URL and date describe one
        # work.  They are found by the strings (which hash fast) and then by channel and date.
        by_key: dict[tuple[str | None, ...], list[tuple[Attribution, str]]] = {}
        for attribution in article.attributions:
            work_id = None
            if _is_work(attribution):
                key = (attribution.source, attribution.outlet, attribution.title, attribution.url)
                alike = by_key.setdefault(key, [])
                for other, other_id in alike:
                    if other.channel is attribution.channel and other.date == attribution.date:
                        work_id = other_id
                        break
                else:
                    work_id = f"{prefix}work-{attribution.id}"
                    alike.append((attribution, work_id))
                    self.works.append(attribution)
                self.work_ids[attribution.id] = work_id
            source = attribution.source
            if source is None or source in unnamed:
                self.said[attribution.id] = (None, work_id)
            elif source in self.entity_ids:
                self.said[attribution.id] = (self.entity_ids[source], work_id)

    # --- ids and references -------------------------------------------------

    def unresolved(self, identifier: str, kinds: frozenset[str]) -> str:
        """The node id of an entity that no table holds: only a bug gets here, and resolve
        raises the reference error."""
        entity = resolve(self.article, identifier, kinds)
        return f"{self.prefix}{_ENTITY_KINDS[type(entity)]}-{identifier}"

    def entity_ref(self, identifier: str) -> Node:
        return {"@id": self.entity_ids.get(identifier) or self.unresolved(identifier, ENTITIES)}

    def entity_refs(self, identifiers: Iterable[str]) -> list[Node]:
        """References to entities, by their ids.  (A loop: a list comprehension is a call
        of its own, which a graph makes hundreds of.)"""
        entity_ids = self.entity_ids
        refs = []
        for identifier in identifiers:
            refs.append(
                {"@id": entity_ids.get(identifier) or self.unresolved(identifier, ENTITIES)}
            )
        return refs

    def organization_ref(self, identifier: str) -> Node:
        node_id = self.organization_ids.get(identifier)
        return {"@id": node_id or self.unresolved(identifier, ORGANIZATIONS)}

    def entity(self, identifier: str) -> Node:
        """The full node the first time an entity is used, a reference after that."""
        node_id = self.entity_ids.get(identifier) or self.unresolved(identifier, ENTITIES)
        if identifier in self.defined:
            return {"@id": node_id}
        self.defined.add(identifier)
        found = self.article.index[identifier]
        if isinstance(found, Person):
            return self.person(found, node_id)
        if isinstance(found, Organization):
            return self.organization(found, node_id)
        assert isinstance(found, Place)
        return self.place(found, node_id)

    def maker(self, attribution: Attribution) -> str | None:
        """The node id of who made a statement, or None when unknown or unnamed."""
        source = attribution.source
        if source is None or source in self.unnamed:
            return None
        return self.entity_ids.get(source) or self.unresolved(source, ENTITIES)

    # --- entities ------------------------------------------------------------

    def person(self, person: Person, node_id: str) -> Node:
        node = _named("Person", node_id, person)
        if person.roles:
            titles: list[str | Node] = []
            affiliations: list[Node] = []
            for role in person.roles:
                if role.organization is None:
                    titles.append(_job_title(role))
                elif role.organization:
                    affiliations.append(self.role(role))
            if titles:
                node["jobTitle"] = titles
            if affiliations:
                node["affiliation"] = affiliations
        if person.relations:
            for kind, term in RELATIONS.items():
                related = []
                for relation in person.relations:
                    if relation.kind is kind:
                        related.append(self.entity_ref(relation.person))
                if related:
                    node[term] = related
        return node

    def role(self, role: Role) -> Node:
        """A schema.org Role node standing between a person and an organization."""
        assert role.organization is not None
        node: Node = {"@type": "OrganizationRole", "roleName": role.title}
        _role_fields(node, role)
        node["affiliation"] = self.organization_ref(role.organization)
        return node

    def organization(self, organization: Organization, node_id: str) -> Node:
        kind = ORGANIZATION_TYPES[organization.kind]
        node = _named(kind, node_id, organization)
        if organization.parent is not None:
            node["parentOrganization"] = self.organization_ref(organization.parent)
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
            "@type": ORGANIZATION_TYPES[entity.kind],
            "@id": self.entity_ids.get(identifier) or self.unresolved(identifier, ENTITIES),
            "name": entity.name,
        }
        if entity.url is not None:
            node["url"] = entity.url
        if entity.same_as:
            node["sameAs"] = list(entity.same_as)
        return node

    def place(self, place: Place, node_id: str) -> Node:
        node = _named(PLACE_TYPES[place.kind], node_id, place)
        geo = place.geo
        if geo is not None:
            node["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": geo.latitude,
                "longitude": geo.longitude,
            }
            if _small(geo.latitude) or _small(geo.longitude):
                self.plain = False
        contained_in = place.contained_in
        if contained_in is not None:
            node_id = self.place_ids.get(contained_in) or self.unresolved(contained_in, PLACES)
            node["containedInPlace"] = {"@id": node_id}
        if place.borders:
            node["geoTouches"] = self.entity_refs(place.borders)
        return node

    # --- works, images, statements ------------------------------------------

    def work(self, attribution: Attribution) -> Node:
        """A cited work, told by the first attribution that describes it."""
        kind, narrower, authored = _WORKS[attribution.channel]
        node: Node = {"@type": kind, "@id": self.work_ids[attribution.id]}
        if narrower is not None:
            node["additionalType"], unnamed = narrower
            node["name"] = attribution.title or unnamed
        elif attribution.title is not None:
            node["name"] = attribution.title
        if attribution.url is not None:
            node["url"] = attribution.url
        # When the source said it: dateCreated.  datePublished is the article's own,
        # and the dates the article's publisher gave its corrections, updates and
        # reviews (see docs/jsonld.md for what extractors make of a page's dates).
        if attribution.date is not None:
            node["dateCreated"] = str(attribution.date)
        if authored:
            creator = self.maker(attribution)
            if creator is not None:
                node["creator"] = {"@id": creator}
        if attribution.outlet is not None:
            node["publisher"] = self.organization_ref(attribution.outlet)
        return node

    def image(self, image: Image) -> Node:
        node = _image_object(image, f"{self.prefix}image-{image.id}")
        if image.caption is not None:
            node["caption"] = image.caption
        if image.alt is not None:
            node["description"] = image.alt
        if image.credit is not None:
            node["creditText"] = image.credit
        return node

    def unsaid(self, identifier: str) -> tuple[str | None, str | None]:
        """What :attr:`said` holds of an attribution, for one it does not hold: only a bug
        gets here, and resolve raises the reference error."""
        attribution: Attribution = resolve(self.article, identifier, ATTRIBUTIONS)
        return self.maker(attribution), self.work_ids.get(attribution.id)

    def statements(
        self, items: tuple[Quote, ...] | tuple[Claim, ...], terms: tuple[str, str, str, str]
    ) -> list[Node]:
        """Quotations or Claims (by ``terms``, _QUOTATION or _CLAIM): their words, who made
        them, where they stand and come from."""
        kind, name, stands_in, comes_from = terms
        prefix = f"{self.prefix}{name}-"
        said = self.said
        article_id = self.article_id
        nodes: list[Node] = []
        for item in items:
            node: Node = {"@type": kind, "@id": prefix + item.id, "text": item.text}
            creator, work_id = said.get(item.attribution) or self.unsaid(item.attribution)
            if creator is not None:
                node["creator"] = {"@id": creator}
            node[stands_in] = {"@id": article_id}
            if work_id is not None:
                node[comes_from] = {"@id": work_id}
            if isinstance(item, Claim) and item.about:
                node["about"] = self.entity_refs(item.about)
            nodes.append(node)
        return nodes

    def claim_review(self, claim: Claim, review: ClaimReview) -> Node:
        """The publisher's fact check of a claim: the claim as stated, the verdict, who
        reviewed it and when, and the claim itself with who made it and where it appears."""
        article = self.article
        node: Node = {"@type": "ClaimReview", "@id": f"{self.prefix}review-{claim.id}"}
        if review.url is not None:
            node["url"] = review.url
        node["claimReviewed"] = claim.text
        rating: Node = {"@type": "Rating"}
        if review.verdict is not None:
            rating["alternateName"] = review.verdict
        for term, value in (
            ("ratingValue", review.rating),
            ("bestRating", review.best_rating),
            ("worstRating", review.worst_rating),
        ):
            if value is not None:
                rating[term] = value
                if _small(value):
                    self.plain = False
        node["reviewRating"] = rating
        author, work_id = self.said.get(claim.attribution) or self.unsaid(claim.attribution)
        reviewed: Node = {"@type": "Claim"}
        if author is not None:
            reviewed["author"] = {"@id": author}
        reviewed["appearance"] = {"@id": work_id if work_id is not None else self.article_id}
        node["itemReviewed"] = reviewed
        reviewer = review.reviewer if review.reviewer is not None else article.publisher
        if reviewer is not None:
            resolve(article, reviewer, AGENTS)
            node["author"] = self.entity_ref(reviewer)
        date = review.date if review.date is not None else article.date_published
        if date is not None:
            node["datePublished"] = format_datetime(date)
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
        paywalled = Access.SUBSCRIBERS in map(_ACCESS, article.paragraphs)
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
            "@id": f"{self.prefix}update-{update.id}",
            "headline": update.headline,
            "datePublished": format_datetime(update.date),
            "articleBody": update.text,
        }

    # --- the article ---------------------------------------------------------

    def article_node(self) -> Node:
        article = self.article
        live = article.live
        url = article.url
        kind = ARTICLE_TYPES[article.genre] if live is None else LIVE_BLOG_TYPE
        node: Node = {"@type": kind, "@id": self.article_id}
        if url is not None:
            node["url"] = url
            node["mainEntityOfPage"] = url
        node["headline"] = article.headline
        if article.alternative_headline is not None:
            node["alternativeHeadline"] = article.alternative_headline
        if article.standfirst is not None:
            node["description"] = article.standfirst
        node["inLanguage"] = article.language
        if article.section is not None:
            node["articleSection"] = article.section
        if article.keywords:
            node["keywords"] = list(article.keywords)
        if article.date_published is not None:
            node["datePublished"] = format_datetime(article.date_published)
        if article.date_modified is not None:
            node["dateModified"] = format_datetime(article.date_modified)
        if live is None:
            if article.dateline is not None:
                node["dateline"] = article.dateline  # a NewsArticle's term alone
        else:
            _coverage(node, live)
        authors = article.authors
        publisher = article.publisher
        for identifier in authors:
            resolve(article, identifier, AGENTS)
        if publisher is not None:
            resolve(article, publisher, ORGANIZATIONS)
        # A publisher that is also an author is written out in full under publisher, where
        # consumers read a publisher's name and logo, and summed up under author.
        if authors:
            node["author"] = [
                self.summary(i) if i == publisher else self.entity(i) for i in authors
            ]
        if publisher is not None:
            node["publisher"] = self.entity(publisher)
        if article.about:
            node["about"] = [self.entity(i) for i in article.about]
        if article.content_locations:
            for identifier in article.content_locations:
                resolve(article, identifier, PLACES)
            node["contentLocation"] = [self.entity(i) for i in article.content_locations]
        own = {*authors, publisher}
        mentions = [
            self.entity(entity.id)
            for entities in (article.people, article.organizations, article.places)
            for entity in entities
            if entity.id not in own
        ]
        if mentions:
            node["mentions"] = mentions
        if self.works:
            node["citation"] = [self.work(w) for w in self.works]
        if article.images:
            node["image"] = [self.image(i) for i in article.images]
        node["wordCount"] = article.word_count
        if self.article_body:
            body = "\n\n".join(map(_TEXT, article.body))
            if body:
                node["articleBody"] = body
        if live is not None and live.updates:
            node["liveBlogUpdate"] = [self.update(u) for u in live.updates]
        if article.corrections:
            node["correction"] = [_correction(c) for c in article.corrections]
        self.paywall(node)
        node["speakable"] = self.speakable()
        if article.publishing_principles is not None:
            node["publishingPrinciples"] = article.publishing_principles
        return node

    def build(self) -> Node:
        article = self.article
        graph = [self.article_node()]
        graph += self.statements(article.quotes, _QUOTATION)
        graph += self.statements(article.claims, _CLAIM)
        graph += self.reviews()
        return {"@context": CONTEXT, "@graph": graph}


def _named(kind: str, node_id: str, entity: Person | Organization | Place) -> Node:
    """The node of an entity with what every entity has: its name, other names,
    description, URL and sameAs."""
    node: Node = {"@type": kind, "@id": node_id, "name": entity.name}
    if entity.alternate_names:
        node["alternateName"] = list(entity.alternate_names)
    if entity.description is not None:
        node["description"] = entity.description
    if entity.url is not None:
        node["url"] = entity.url
    if entity.same_as:
        node["sameAs"] = list(entity.same_as)
    return node


def _small(number: float) -> bool:
    """Whether orjson writes ``number`` otherwise than json: a float below 1e-4 in magnitude
    but 0 (see :mod:`newsarticle._unbuild`).  The graph's only floats are the article's
    coordinates and ratings."""
    return bool(number) and -SMALLEST_PLAIN < number < SMALLEST_PLAIN


def _is_work(attribution: Attribution) -> bool:
    return attribution.channel is not Channel.CONVERSATION and (
        attribution.outlet is not None
        or attribution.title is not None
        or attribution.url is not None
        or attribution.date is not None
    )


def _correction(correction: Correction) -> Node:
    return {
        "@type": "CorrectionComment",
        "text": correction.text,
        "datePublished": format_datetime(correction.date),
    }


def _coverage(node: Node, live: LiveCoverage) -> None:
    node["coverageStartTime"] = format_datetime(live.start)
    if live.end is not None:
        node["coverageEndTime"] = format_datetime(live.end)


def _role_fields(node: Node, role: Role) -> None:
    """The dates and the note of a role, after its title."""
    if role.start is not None:
        node["startDate"] = str(role.start)
    if role.end is not None:
        node["endDate"] = str(role.end)
    if role.note is not None:
        node["description"] = role.note


def _job_title(role: Role) -> str | Node:
    """A role in no organization: its title, or with its dates schema.org's Role pattern (a
    Role node standing for ``jobTitle`` and holding it)."""
    if role.start is None and role.end is None:
        return role.title
    node: Node = {"@type": "Role", "jobTitle": role.title}
    _role_fields(node, role)
    return node


def _policies(node: Node, kind: str, policies: Policies) -> None:
    """Each policy under its schema.org term, where the organization's type is in the term's
    domain."""
    for field, term, domain in POLICIES:
        if kind in domain:
            value = getattr(policies, field)
            if value is not None:
                node[term] = value


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
        return self._build(article)[0]

    def _build(self, article: Article) -> tuple[dict[str, Any], bool]:
        """The JSON-LD of an article already checked, and whether orjson writes each of its
        floats as json does (so that its text needs no look for one, see :func:`_text`)."""
        graph = _Graph(article, article_body=self.article_body, selectors=self.selectors)
        return graph.build(), graph.plain


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
        value, plain = self.jsonld._build(article)
        if self.indent in (None, 2):
            text = dumps_json(value, indent=self.indent is not None, plain_floats=plain)
        else:
            text = json.dumps(value, ensure_ascii=False, indent=self.indent, separators=(",", ": "))
        return f'<script type="application/ld+json">\n{escape_script_json(text)}\n</script>\n'


_JSONLD: Final = JsonLdRenderer()
_SCRIPT: Final = JsonLdScriptRenderer()


def to_jsonld(article: Article) -> dict[str, Any]:
    """The schema.org JSON-LD of ``article`` as a dict (see :class:`JsonLdRenderer`)."""
    return _JSONLD._render(require_valid(article, "newsarticle.to_jsonld"))


def to_jsonld_text(article: Article) -> str:
    """The canonical JSON-LD text of ``article``: UTF-8, 2-space indent, final newline."""
    graph, plain = _JSONLD._build(require_valid(article, "newsarticle.to_jsonld_text"))
    return dumps_json(graph, newline=True, plain_floats=plain)


def jsonld_line(article: Article) -> str:
    """The compact JSON-LD text of ``article`` on one line, with no newline: what ``export
    --format jsonld`` writes to JSON Lines (``dumps_json(to_jsonld(article), indent=False)``)."""
    graph, plain = _JSONLD._build(require_valid(article, "newsarticle.to_jsonld"))
    return dumps_json(graph, indent=False, plain_floats=plain)


def to_jsonld_script(article: Article) -> str:
    """The ``<script type="application/ld+json">`` block of ``article``, safe in any page."""
    return _SCRIPT._render(require_valid(article, "newsarticle.to_jsonld_script"))
