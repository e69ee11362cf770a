"""IPTC ninjs 3.1 (News in JSON), the news agencies' format: :func:`to_ninjs`.

The document validates against IPTC's ninjs 3.1 JSON Schema, which ships in the package
(``newsarticle/schemas/ninjs-schema_3.1.json``, IPTC's file as published; see the README
there for its licence) and which :func:`ninjs_validator` compiles with its formats
(``date-time``, ``uri``) checked.  ``docs/ninjs.md`` maps every field, in both directions.

* ``uri`` is the article's URL; an article without one (a draft) gets a URN made of its id,
  ``urn:newsarticle:<id>`` (:attr:`NinjsRenderer.uri_prefix` sets another prefix).  Ids hold
  only letters, digits, ``.``, ``_`` and ``-``, so the URN needs no escaping; it names the
  article only within the newsroom's own system (``newsarticle`` is no registered URN
  namespace), so give an article its URL, or a prefix of your own, before sending it on.
* ``firstCreated`` is ``date_published``; ``versionCreated`` is ``date_modified``, or
  ``date_published`` for an article never modified (that version was created then).
* The headline and the alternative headline are ``headlines`` (roles ``main`` and
  ``alternative``), the standfirst a ``descriptions`` entry (role ``summary``), the body two
  ``bodies``: plain text (paragraphs separated by a blank line) and HTML (``p``, ``h2`` for
  headings, ``aside`` around asides, the paywalled and speakable paragraphs with the classes
  of the renderer's :class:`~newsarticle.Selectors`).
* Authors are ``infoSources`` with role ``author`` in byline order (and ``by``, their names);
  the publisher is the ``infoSources`` entry with role ``publisher``; its policies are
  ``trustIndicators``.  Every person, organisation and place is in ``people``,
  ``organisations`` or ``places`` once per relation (``rel``: ``author``, ``about``,
  ``contentLocation``, or ``mentions``), with ``literal`` its id, ``uri`` its first
  ``same_as``, its own page as ``contactInfo`` of type ``web``, and a place's coordinates as
  a GeoJSON ``Point``.
* Images are ``associations`` of type ``picture``, each with one rendition.

ninjs has no place for quotes, claims, attributions and their verification, corrections,
roles, relations, live coverage or unnamed sources; they are not written (an unnamed
source's identity and kind never are, in any export).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from importlib import resources
from typing import Any, Final, TypeAlias

import attrs

from .._errors import InvalidValueError, shown
from .._integrity import require_valid, resolve
from .._json._write import dumps_json
from .._model import (
    AGENTS,
    ORGANIZATIONS,
    PLACES,
    Article,
    Genre,
    Image,
    Organization,
    Person,
    Place,
)
from .._rules import format_datetime
from .._selectors import DEFAULT_SELECTORS, Selectors
from ._html import body_html

__all__ = [
    "AUTHOR_ROLE",
    "GENRES",
    "NINJS_SCHEMA_FILE",
    "NINJS_SCHEMA_ID",
    "NINJS_STANDARD",
    "POLICY_INDICATORS",
    "PRINCIPLES_INDICATOR",
    "PUBLISHER_ROLE",
    "URN_PREFIX",
    "NinjsRenderer",
    "ninjs_schema",
    "ninjs_validator",
    "to_ninjs",
    "to_ninjs_text",
]

Node: TypeAlias = dict[str, Any]

#: The file of IPTC's ninjs 3.1 schema in the package.
NINJS_SCHEMA_FILE: Final = "ninjs-schema_3.1.json"
#: The ``$id`` of IPTC's ninjs 3.1 schema.
NINJS_SCHEMA_ID: Final = "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#"
#: The ``standard`` object of every document: the standard, its version and its schema.
NINJS_STANDARD: Final = {"name": "ninjs", "version": "3.1", "schema": NINJS_SCHEMA_ID}
#: The prefix of the ``uri`` of an article without a URL; its id follows.
URN_PREFIX: Final = "urn:newsarticle:"
#: The ``rel`` (people, organisations, places) and ``role`` (infoSources) of an author.
AUTHOR_ROLE: Final = "author"
#: The ``role`` of the publisher among the ``infoSources``.
PUBLISHER_ROLE: Final = "publisher"
#: The ``rel`` of what the article is about, of where its events happen, and of the rest.
ABOUT_REL: Final = "about"
LOCATION_REL: Final = "contentLocation"
MENTIONS_REL: Final = "mentions"
#: The ``rel`` of the subject that is the article's section.
SECTION_REL: Final = "section"
#: The ``altIds`` role of the article's own id.
ID_ROLE: Final = "newsarticle-id"
#: Headline roles, the standfirst's description role, the image description roles.
MAIN_HEADLINE: Final = "main"
ALTERNATIVE_HEADLINE: Final = "alternative"
SUMMARY_ROLE: Final = "summary"
CAPTION_ROLE: Final = "caption"
ALT_ROLE: Final = "alt"
CREDIT_ROLE: Final = "creditline"
#: The roles of the two bodies.
PLAIN_BODY: Final = ("main", "text/plain")
HTML_BODY: Final = ("richtext", "text/html")
#: The name of an image's one rendition.
RENDITION_NAME: Final = "main"

_GENRE_CODES: Final = "http://cv.iptc.org/newscodes/genre/"
#: Each genre as a ninjs ``genres`` entry: ``literal`` the genre's own value, ``name``, and
#: ``uri`` the IPTC Genre NewsCode where one matches (none was verified for ask_public and
#: fact_check, which go without).
GENRES: Final[Mapping[Genre, Node]] = {
    Genre.NEWS: {"uri": _GENRE_CODES + "Current", "name": "Current"},
    Genre.ANALYSIS: {"uri": _GENRE_CODES + "Analysis", "name": "Analysis"},
    Genre.OPINION: {"uri": _GENRE_CODES + "Opinion", "name": "Opinion"},
    Genre.REPORTAGE: {"uri": _GENRE_CODES + "From_the_Scene", "name": "From the Scene"},
    Genre.REVIEW: {"uri": _GENRE_CODES + "Review", "name": "Review"},
    Genre.BACKGROUND: {"uri": _GENRE_CODES + "Background", "name": "Background"},
    Genre.ASK_PUBLIC: {"name": "Ask the Public"},
    Genre.FACT_CHECK: {"name": "Fact Check"},
}

_TRUST: Final = "http://cv.iptc.org/newscodes/trustindicator/"
_SCHEMA_ORG: Final = "https://schema.org/"
#: Each of the publisher's policies (a field of :class:`~newsarticle.Policies`) as a trust
#: indicator: its role (an IPTC Trust Indicator NewsCode; schema.org's term where IPTC has
#: none) and its title.
POLICY_INDICATORS: Final = (
    ("publishing_principles", _TRUST + "editorialPolicy", "editorial policy"),
    ("corrections", _TRUST + "correctionsPolicy", "corrections policy"),
    ("ethics", _TRUST + "ethicsPolicy", "ethics policy"),
    ("diversity", _TRUST + "editorialDiversityPolicy", "editorial diversity policy"),
    ("ownership_funding", _SCHEMA_ORG + "ownershipFundingInfo", "ownership and funding"),
    ("actionable_feedback", _TRUST + "feedbackPolicy", "feedback policy"),
    ("unnamed_sources", _TRUST + "unnamedSourcesPolicy", "unnamed sources policy"),
    ("verification_fact_checking", _TRUST + "factCheckingPolicy", "fact-checking policy"),
    ("masthead", _SCHEMA_ORG + "masthead", "masthead"),
    ("no_bylines", _TRUST + "noBylinesPolicy", "no bylines policy"),
    ("mission_coverage_priorities", _TRUST + "coveragePolicy", "coverage policy"),
)
#: The article's own publishing principles: a trust indicator about the piece of work.
PRINCIPLES_INDICATOR: Final = (
    _TRUST + "pieceOfWorkInfo",
    "publishing principles of this article",
)

_ENTITY_ARRAYS: Final = {Person: "people", Organization: "organisations", Place: "places"}


# --- the schema -----------------------------------------------------------------------------


@functools.cache
def ninjs_schema() -> Mapping[str, Any]:
    """IPTC's ninjs 3.1 JSON Schema, as the package ships it."""
    path = resources.files("newsarticle") / "schemas" / NINJS_SCHEMA_FILE
    value: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return value


#: The ``$id`` of the GeoJSON schema the ninjs schema refers to for a place's ``geoJSON``.
GEOJSON_SCHEMA_ID: Final = "https://geojson.org/schema/GeoJSON.json"
#: What the library checks of a ``geoJSON`` value against the schema: an object with a
#: GeoJSON ``type``.  The GeoJSON schema itself (geojson.org's) does not ship; the reader
#: checks the one geometry it keeps, a Point, itself, and the tests validate exports with
#: the full GeoJSON schema.
GEOJSON_STAND_IN: Final = {
    "type": "object",
    "required": ["type"],
    "properties": {
        "type": {
            "enum": [
                "Point",
                "MultiPoint",
                "LineString",
                "MultiLineString",
                "Polygon",
                "MultiPolygon",
                "GeometryCollection",
                "Feature",
                "FeatureCollection",
            ]
        }
    },
}
_FORMATS: Final = ("date-time", "uri")


def ninjs_validator(geojson: Mapping[str, Any] | None = None) -> Any:
    """A draft 2020-12 validator of IPTC's ninjs 3.1 schema, its formats checked.

    ``geojson`` is the schema of a place's ``geoJSON`` (geojson.org's); without it,
    :data:`GEOJSON_STAND_IN`.  The schema uses the formats ``date-time`` and ``uri``;
    :class:`ImportError` when jsonschema cannot check them (their packages,
    rfc3339-validator and rfc3986-validator, are missing), rather than a validator that
    silently lets any string pass.
    """
    if geojson is None:
        return _default_validator()
    return _validator(geojson)


@functools.cache
def _default_validator() -> Any:
    return _validator(GEOJSON_STAND_IN)


def _validator(geojson: Mapping[str, Any]) -> Any:
    import jsonschema
    import referencing
    from referencing.jsonschema import DRAFT202012

    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    missing = [name for name in _FORMATS if name not in checker.checkers]
    if missing:  # pragma: no cover - only without the format checkers' packages
        raise ImportError(
            f"jsonschema cannot check the formats {', '.join(missing)} of the ninjs schema; "
            "install newsarticle with its dependencies (rfc3339-validator, rfc3986-validator)"
        )
    schema = ninjs_schema()
    registry: referencing.Registry[Any] = referencing.Registry().with_resources(
        [
            (NINJS_SCHEMA_ID, referencing.Resource.from_contents(schema, DRAFT202012)),
            (GEOJSON_SCHEMA_ID, referencing.Resource.from_contents(geojson, DRAFT202012)),
        ]
    )
    return jsonschema.Draft202012Validator(schema, registry=registry, format_checker=checker)


# --- the document -------------------------------------------------------------------------


def _put(node: Node, key: str, value: Any) -> None:
    """Set ``key`` unless the value is None or empty: absent fields stay absent."""
    if value is not None and value != [] and value != ():
        node[key] = list(value) if isinstance(value, tuple) else value


class _Document:
    """One build of the ninjs document of one article."""

    def __init__(self, article: Article, renderer: NinjsRenderer) -> None:
        self.article = article
        self.renderer = renderer

    def uri(self) -> str:
        return self.article.url or f"{self.renderer.uri_prefix}{self.article.id}"

    def party(self, entity: Person | Organization, role: str) -> Node:
        """An ``infoSources`` entry."""
        node: Node = {"name": entity.name, "role": role}
        self.identify(node, entity)
        return node

    def identify(self, node: Node, entity: Person | Organization | Place) -> None:
        _put(node, "uri", entity.same_as[0] if entity.same_as else None)
        node["literal"] = entity.id
        if entity.url is not None:
            node["contactInfo"] = [{"type": "web", "value": entity.url}]

    def entity(self, entity: Person | Organization | Place, rel: str) -> Node:
        node: Node = {"name": entity.name, "rel": rel}
        self.identify(node, entity)
        if isinstance(entity, Place) and entity.geo is not None:
            # GeoJSON positions are longitude first (RFC 7946).
            coordinates = [entity.geo.longitude, entity.geo.latitude]
            node["geoJSON"] = {"type": "Point", "coordinates": coordinates}
        return node

    def entities(self) -> dict[str, list[Node]]:
        """Each person, organisation and place once per relation to the article, in the order
        of the article's collections."""
        article = self.article
        for identifier in article.authors:
            resolve(article, identifier, AGENTS)
        for identifier in article.content_locations:
            resolve(article, identifier, PLACES)
        authors, about = set(article.authors), set(article.about)
        locations = set(article.content_locations)
        arrays: dict[str, list[Node]] = {"people": [], "organisations": [], "places": []}
        collections: tuple[tuple[Person | Organization | Place, ...], ...] = (
            article.people,
            article.organizations,
            article.places,
        )
        for collection in collections:
            for entity in collection:
                rels = []
                if entity.id in authors:
                    rels.append(AUTHOR_ROLE)
                if entity.id in about:
                    rels.append(ABOUT_REL)
                if entity.id in locations:
                    rels.append(LOCATION_REL)
                if not rels and entity.id != article.publisher:
                    rels.append(MENTIONS_REL)
                array = arrays[_ENTITY_ARRAYS[type(entity)]]
                array.extend(self.entity(entity, rel) for rel in rels)
        return arrays

    def info_sources(self) -> list[Node]:
        """The authors in byline order, then the publisher."""
        article = self.article
        found = [self.party(resolve(article, i, AGENTS), AUTHOR_ROLE) for i in article.authors]
        if article.publisher is not None:
            publisher = resolve(article, article.publisher, ORGANIZATIONS)
            found.append(self.party(publisher, PUBLISHER_ROLE))
        return found

    def trust_indicators(self) -> list[Node]:
        article = self.article
        found: list[Node] = []
        if article.publishing_principles is not None:
            role, title = PRINCIPLES_INDICATOR
            found.append({"role": role, "title": title, "href": article.publishing_principles})
        if article.publisher is not None:
            publisher: Organization = resolve(article, article.publisher, ORGANIZATIONS)
            if publisher.policies is not None:
                for field, role, title in POLICY_INDICATORS:
                    href = getattr(publisher.policies, field)
                    if href is not None:
                        found.append({"role": role, "title": title, "href": href})
        return found

    def bodies(self) -> list[Node]:
        article = self.article
        if not article.paragraphs:
            return []
        plain = "\n\n".join(p.text for p in article.paragraphs)
        selectors = self.renderer.selectors
        marked = body_html(article, selectors)
        counts = {"charCount": len(plain), "wordCount": len(plain.split())}
        role, kind = PLAIN_BODY
        html_role, html_kind = HTML_BODY
        return [
            {"role": role, "contentType": kind, **counts, "value": plain},
            {"role": html_role, "contentType": html_kind, **counts, "value": "\n".join(marked)},
        ]

    def image(self, image: Image) -> Node:
        rendition: Node = {"name": RENDITION_NAME, "href": image.url}
        _put(rendition, "width", image.width)
        _put(rendition, "height", image.height)
        node: Node = {"name": image.id, "uri": image.url, "type": "picture"}
        descriptions = [
            {"role": role, "contentType": "text/plain", "value": value}
            for role, value in (
                (CAPTION_ROLE, image.caption),
                (ALT_ROLE, image.alt),
                (CREDIT_ROLE, image.credit),
            )
            if value is not None
        ]
        _put(node, "descriptions", descriptions)
        node["renditions"] = [rendition]
        return node

    def build(self) -> Node:
        article = self.article
        doc: Node = {"uri": self.uri(), "standard": dict(NINJS_STANDARD), "type": "text"}
        doc["representationType"] = "full"
        doc["language"] = article.language
        published, modified = article.date_published, article.date_modified
        _put(doc, "firstCreated", None if published is None else format_datetime(published))
        version = modified if modified is not None else published
        _put(doc, "versionCreated", None if version is None else format_datetime(version))
        headlines = [
            {"role": MAIN_HEADLINE, "contentType": "text/plain", "value": article.headline}
        ]
        if article.alternative_headline is not None:
            headlines.append(
                {
                    "role": ALTERNATIVE_HEADLINE,
                    "contentType": "text/plain",
                    "value": article.alternative_headline,
                }
            )
        doc["headlines"] = headlines
        if article.standfirst is not None:
            doc["descriptions"] = [
                {"role": SUMMARY_ROLE, "contentType": "text/plain", "value": article.standfirst}
            ]
        names = [resolve(article, i, AGENTS).name for i in article.authors]
        _put(doc, "by", ", ".join(names) or None)
        _put(doc, "located", article.dateline)
        _put(doc, "bodies", self.bodies())
        doc["genres"] = [{**GENRES[article.genre], "literal": article.genre.value}]
        subjects = [{"name": keyword} for keyword in article.keywords]
        if article.section is not None:
            subjects.insert(0, {"name": article.section, "rel": SECTION_REL})
        _put(doc, "subjects", subjects)
        for key, array in self.entities().items():
            _put(doc, key, array)
        _put(doc, "infoSources", self.info_sources())
        _put(doc, "trustIndicators", self.trust_indicators())
        _put(doc, "associations", [self.image(image) for image in article.images])
        doc["altIds"] = [{"role": ID_ROLE, "value": article.id}]
        return doc


def _uri_prefix(_: object, attribute: attrs.Attribute[str], value: object) -> None:
    from rfc3986_validator import validate_rfc3986

    if type(value) is not str or validate_rfc3986(value + "a", rule="URI") is None:
        raise InvalidValueError(
            attribute.name,
            f"{shown(value)} does not make an absolute URI (RFC 3986) of an id put after it, "
            'such as "urn:newsarticle:" or "https://example.com/articles/"',
        )


@attrs.frozen(kw_only=True)
class NinjsRenderer:
    """Render an article as an IPTC ninjs 3.1 document (a dict; see the module).

    ``uri_prefix`` makes the ``uri`` of an article without a URL: the prefix and the
    article's id (``urn:newsarticle:`` and the id by default; any prefix that makes an
    absolute URI of an id, such as a ``tag:`` URI of your own domain).  ``selectors`` name the
    classes the HTML body puts on the paywalled and the speakable paragraphs (each selector
    that is a single class, ``.paywalled`` and ``.speakable`` by default).

    Like every exporter, it renders only an article that can be loaded back: one with an
    integrity error raises :class:`~newsarticle.InvalidArticleError` carrying every problem,
    and anything but an :class:`~newsarticle.Article` raises :class:`TypeError`.
    """

    uri_prefix: str = attrs.field(default=URN_PREFIX, validator=_uri_prefix)
    selectors: Selectors = DEFAULT_SELECTORS

    def __call__(self, article: Article) -> dict[str, Any]:
        return self._render(require_valid(article, "NinjsRenderer"))

    def _render(self, article: Article) -> dict[str, Any]:
        """The ninjs document of an article already checked."""
        return _Document(article, self).build()


_NINJS: Final = NinjsRenderer()


def to_ninjs(article: Article) -> dict[str, Any]:
    """The IPTC ninjs 3.1 document of ``article`` as a dict (see :class:`NinjsRenderer`)."""
    return _NINJS._render(require_valid(article, "newsarticle.to_ninjs"))


def to_ninjs_text(article: Article) -> str:
    """The ninjs 3.1 document of ``article`` as JSON text: UTF-8, 2-space indent, keys in the
    order the export writes them, a final newline (as :func:`~newsarticle.to_jsonld_text`)."""
    return dumps_json(_NINJS._render(require_valid(article, "newsarticle.to_ninjs_text"))) + "\n"
