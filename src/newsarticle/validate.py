"""Validation of article documents: every problem, layer by layer.

The layers are JSON syntax, the schema, values wrong on their own (checked by
building the model), integrity across objects and, when asked for, the
search-engine profile (warnings only, see :mod:`newsarticle.profile`).  Integrity checks read the
JSON value itself, so they run even when the schema found problems elsewhere
and a single run reports as much as it can.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping
from typing import Any, Final

from . import builder, convert, jsontext
from .errors import Problem
from .model import Article, Claim, Quote
from .profile import profile_problems
from .schema import schema_problems

__all__ = ["check", "validate"]

Document = str | bytes | Mapping[str, Any] | Article


def validate(document: Document, *, profile: bool = False) -> list[Problem]:
    """Every problem of ``document``: JSON text (str or bytes), a parsed value, or an Article.

    Errors make the document invalid; warnings do not.  When the document is
    text, each problem carries the line and column of the value it concerns.
    ``profile`` adds the search-engine profile's warnings when the article
    could be built.
    """
    return check(document, profile=profile)[1]


def check(document: Document, *, profile: bool = False) -> tuple[Article | None, list[Problem]]:
    """The article built from ``document`` (None when it has errors) and every problem."""
    text: str | None = None
    problems: list[Problem] = []
    if isinstance(document, str | bytes):
        article = _check_text_fast(document, profile)
        if article is not None:
            return article, []
        value, text, problems = jsontext.read(document)
        if value is None:
            return None, problems
    elif isinstance(document, Article):
        value = convert.unstructure(document)
    else:
        value = document
    article, found = _check_value(value)
    if profile and article is not None:
        found.extend(profile_problems(article))
    if text is not None and found:
        locator = jsontext.Locator(text)
        found = sorted(locator.locate_all(found), key=_position)
    problems.extend(found)
    return article, problems


def _check_text_fast(document: str | bytes, profile: bool) -> Article | None:
    """The article, when the fast path proves ``document`` has no problem at all; else None.

    orjson reads the text (see :func:`newsarticle.jsontext.read_fast`), the
    builders build the article, and :func:`sound` checks integrity.  Whatever
    the fast path cannot decide goes to the strict reader and the full checks.
    """
    read = jsontext.read_fast(document)
    if read is None:
        return None
    value, clean = read
    article = builder.build(value, clean=clean)
    if article is None or not sound(article):
        return None
    if profile and profile_problems(article):
        return None
    return article


def _position(problem: Problem) -> tuple[int, int]:
    return (problem.line or 0, problem.column or 0)


def _check_value(value: Any, *, fast: bool = True) -> tuple[Article | None, list[Problem]]:
    """Check a parsed document: the fast path first, the reference path for the details.

    The fast path builds the article with the model alone.  The model refuses
    everything the schema refuses (and more: an impossible date, a blank line in
    a paragraph), so when it builds the article no schema check is needed, and
    only integrity remains.  When it fails, the reference path runs the JSON
    Schema, builds the model with detailed errors, and reports every problem.
    ``tests/test_fast_path.py`` proves the two paths agree.
    """
    if not isinstance(value, Mapping):
        return None, [Problem.of("json-not-object", "", "the top level is not an object")]
    if fast:
        article = builder.build(value)
        if article is not None:
            if sound(article):
                return article, []
            problems = integrity_problems(value)
            return (None if any(p.is_error for p in problems) else article), problems
    problems = schema_problems(value)
    article = None
    if not problems:  # values wrong on their own show when the model is built
        try:
            article = convert.structure(dict(value))
        except Exception as error:  # every structuring failure becomes problems
            problems.extend(convert.structure_problems(error))
    problems.extend(integrity_problems(value))
    if any(p.is_error for p in problems):
        article = None
    return article, problems


# --- integrity --------------------------------------------------------------


def sound(article: Article) -> bool:
    """True when the integrity checks find no problem at all in ``article``.

    The fast path's question, answered on the built article: every id unique,
    every reference resolving to the right kind of object, no cycle, no
    self-reference, every anchored quote and claim standing in its paragraphs,
    every attribution and unnamed source used, dates in order.  It never says
    True where :func:`integrity_problems` would report something (it may say
    False where there is nothing, and the full checks then run); the tests
    prove it on generated articles.
    """
    people = {person.id for person in article.people}
    organizations = {organization.id for organization in article.organizations}
    places = {place.id for place in article.places}
    unnamed = {source.id for source in article.unnamed_sources}
    attributions = {attribution.id for attribution in article.attributions}
    paragraphs = {paragraph.id: paragraph.text for paragraph in article.paragraphs}
    groups = article.identified()
    every = set(paragraphs).union(people, organizations, places, unnamed, attributions)
    for group in (article.images, article.quotes, article.claims):
        every.update([item.id for item in group])
    if len(every) != sum(map(len, groups)):
        return False  # an id used twice
    agents = people | organizations
    entities = agents | places
    speakers = agents | unnamed
    if not (
        agents.issuperset(article.authors)
        and (article.publisher is None or article.publisher in organizations)
        and entities.issuperset(article.about)
        and places.issuperset(article.content_locations)
    ):
        return False
    for person in article.people:
        for role in person.roles:
            if role.organization is not None and role.organization not in organizations:
                return False
        for relation in person.relations:
            if relation.person not in people or relation.person == person.id:
                return False
    parents = {organization.id: organization.parent for organization in article.organizations}
    containers = {place.id: place.contained_in for place in article.places}
    if not (_acyclic(parents) and _acyclic(containers)):
        return False
    for place in article.places:
        if place.borders and (not places.issuperset(place.borders) or place.id in place.borders):
            return False
    sources: set[str] = set()
    for attribution in article.attributions:
        source, outlet, recipient = attribution.source, attribution.outlet, attribution.recipient
        if source is not None:
            if source not in speakers:
                return False
            sources.add(source)
        if outlet is not None and outlet not in organizations:
            return False
        if recipient is not None and recipient not in agents:
            return False
    if not unnamed <= sources:
        return False  # an unnamed source nothing refers to
    attributed: set[str] = set()
    statements: tuple[Quote | Claim, ...] = (*article.quotes, *article.claims)
    for statement in statements:
        if statement.attribution not in attributions:
            return False
        attributed.add(statement.attribution)
        if statement.paragraphs:
            parts = statement.text.split("\n\n")
            if len(parts) != len(statement.paragraphs):
                return False
            for part, anchor in zip(parts, statement.paragraphs, strict=True):
                body = paragraphs.get(anchor)
                if body is None or part not in body:
                    return False
    if len(attributed) != len(attributions):
        return False  # an attribution no quote or claim uses
    for claim in article.claims:
        if claim.about and not entities.issuperset(claim.about):
            return False
    published = article.date_published
    if published is not None:
        modified = article.date_modified
        if modified is not None and modified < published:
            return False
        if any(correction.date < published for correction in article.corrections):
            return False
    return True


def _acyclic(links: dict[str, str | None]) -> bool:
    """Every link resolves within ``links`` and no chain of links comes back on itself."""
    for start, target in links.items():
        seen = {start}
        while target is not None:
            if target in seen or target not in links:
                return False
            seen.add(target)
            target = links[target]
    return True


def integrity_problems(document: Mapping[str, Any]) -> list[Problem]:
    """The cross-object problems of a parsed document (it need not match the schema)."""
    return _Integrity(document).run()


_PEOPLE: Final = frozenset({"people"})
_ORGANIZATIONS: Final = frozenset({"organizations"})
_PLACES: Final = frozenset({"places"})
_ENTITIES: Final = frozenset({"people", "organizations", "places"})
_SPEAKERS: Final = frozenset({"people", "organizations", "unnamed_sources"})
_AGENTS: Final = frozenset({"people", "organizations"})
_KIND_NAMES: Final = {
    "paragraphs": "a paragraph",
    "images": "an image",
    "people": "a person",
    "organizations": "an organization",
    "places": "a place",
    "unnamed_sources": "an unnamed source",
    "attributions": "an attribution",
    "quotes": "a quote",
    "claims": "a claim",
}
_COLLECTIONS: Final = tuple(_KIND_NAMES)


Where = tuple[str | int, ...]


def _pointer(where: Where) -> str:
    """The JSON Pointer of a path (built only when a problem is reported)."""
    return "".join(f"/{part}" for part in where)


def _objects(document: Mapping[str, Any], collection: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(index, object) for each object of a top-level collection, skipping malformed ones."""
    items = document.get(collection)
    if type(items) is list:
        for index, item in enumerate(items):
            if type(item) is dict:
                yield index, item


def _ids(value: object) -> Iterator[tuple[int, str]]:
    if type(value) is list:
        for index, item in enumerate(value):
            if type(item) is str:
                yield index, item


def _allowed(kinds: frozenset[str]) -> str:
    names = [_KIND_NAMES[kind] for kind in _COLLECTIONS if kind in kinds]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


_ATTRIBUTIONS: Final = frozenset({"attributions"})
_PARAGRAPHS: Final = frozenset({"paragraphs"})


class _Integrity:
    """One pass of the cross-object checks over a document.

    It runs on every document loaded, so pointers are built only for problems.
    """

    def __init__(self, document: Mapping[str, Any]) -> None:
        self.document = document
        self.problems: list[Problem] = []
        self.kinds: dict[str, str] = {}
        self.objects: dict[str, dict[str, Any]] = {}
        self.used: set[str] = set()
        for collection in _COLLECTIONS:
            for index, item in _objects(document, collection):
                identifier = item.get("id")
                if type(identifier) is not str:
                    continue
                if identifier in self.kinds:
                    first = _KIND_NAMES[self.kinds[identifier]]
                    message = f"the id {identifier!r} is already used by {first}"
                    where = f"/{collection}/{index}/id"
                    self.problems.append(Problem.of("duplicate-id", where, message))
                    continue
                self.kinds[identifier] = collection
                self.objects[identifier] = item

    def report(self, code: str, where: Where, message: str) -> None:
        self.problems.append(Problem.of(code, _pointer(where), message))

    def ref(self, value: object, kinds: frozenset[str], *where: str | int) -> str | None:
        """Check one reference; the id when it resolves to an allowed kind."""
        if type(value) is not str:
            return None
        self.used.add(value)
        kind = self.kinds.get(value)
        if kind in kinds:
            return value
        if kind is None:
            expected = _allowed(kinds)
            message = f"{value!r} is not the id of anything in the article (expected {expected})"
            self.report("unresolved-reference", where, message)
        else:
            message = f"{value!r} is {_KIND_NAMES[kind]}, but this must be {_allowed(kinds)}"
            self.report("wrong-reference-kind", where, message)
        return None

    def refs(self, value: object, kinds: frozenset[str], *where: str | int) -> list[str]:
        return [
            found
            for index, item in _ids(value)
            if (found := self.ref(item, kinds, *where, index)) is not None
        ]

    def run(self) -> list[Problem]:
        document = self.document
        self.refs(document.get("authors"), _AGENTS, "authors")
        self.ref(document.get("publisher"), _ORGANIZATIONS, "publisher")
        self.refs(document.get("about"), _ENTITIES, "about")
        self.refs(document.get("content_locations"), _PLACES, "content_locations")
        self._people()
        self._chains("organizations", "parent", _ORGANIZATIONS, "is part of")
        self._chains("places", "contained_in", _PLACES, "is contained in")
        for index, place in _objects(document, "places"):
            for target in self.refs(place.get("borders"), _PLACES, "places", index, "borders"):
                if target == place.get("id"):
                    message = "a place cannot border itself"
                    self.report("self-reference", ("places", index, "borders"), message)
        self._attributions()
        attributed = self._statements("quotes") | self._statements("claims")
        self._unused(attributed)
        self._dates()
        return self.problems

    def _people(self) -> None:
        for at, person in _objects(self.document, "people"):
            roles = person.get("roles")
            for index, role in enumerate(roles if type(roles) is list else ()):
                if type(role) is dict:
                    where = ("people", at, "roles", index, "organization")
                    self.ref(role.get("organization"), _ORGANIZATIONS, *where)
            relations = person.get("relations")
            for index, relation in enumerate(relations if type(relations) is list else ()):
                if type(relation) is not dict:
                    continue
                where = ("people", at, "relations", index, "person")
                if self.ref(relation.get("person"), _PEOPLE, *where) == person.get("id"):
                    self.report("self-reference", where, "a person cannot be related to themselves")

    def _chains(self, collection: str, key: str, kinds: frozenset[str], verb: str) -> None:
        """Check parent links resolve and never loop back."""
        for index, item in _objects(self.document, collection):
            if self.ref(item.get(key), kinds, collection, index, key) is None:
                continue
            start = item.get("id")
            if type(start) is not str:
                continue  # the schema reports the malformed id
            seen = {start}
            current = item.get(key)
            while type(current) is str and self.kinds.get(current) == collection:
                if current in seen:
                    message = f"{start!r} {verb} itself through {key} links"
                    self.report("containment-cycle", (collection, index, key), message)
                    break
                seen.add(current)
                current = self.objects[current].get(key)

    def _attributions(self) -> None:
        for index, attribution in _objects(self.document, "attributions"):
            self.ref(attribution.get("source"), _SPEAKERS, "attributions", index, "source")
            self.ref(attribution.get("outlet"), _ORGANIZATIONS, "attributions", index, "outlet")
            recipient = attribution.get("recipient")
            self.ref(recipient, _AGENTS, "attributions", index, "recipient")

    def _statements(self, collection: str) -> set[str]:
        """Check quotes or claims; the attributions they use."""
        used: set[str] = set()
        for at, item in _objects(self.document, collection):
            found = self.ref(item.get("attribution"), _ATTRIBUTIONS, collection, at, "attribution")
            if found:
                used.add(found)
            if collection == "claims":
                self.refs(item.get("about"), _ENTITIES, collection, at, "about")
            given = item.get("paragraphs")
            anchors = self.refs(given, _PARAGRAPHS, collection, at, "paragraphs")
            text = item.get("text")
            if not anchors or type(text) is not str or len(anchors) != len(_ids_list(given)):
                continue  # nothing to compare, or an anchor did not resolve (reported)
            parts = text.split("\n\n")
            if len(parts) != len(anchors):
                message = (
                    f"the text has {len(parts)} part(s) separated by blank lines, "
                    f"but {len(anchors)} anchor paragraph(s)"
                )
                self.report("anchor-count", (collection, at, "paragraphs"), message)
                continue
            for index, (part, anchor) in enumerate(zip(parts, anchors, strict=True)):
                body = self.objects[anchor].get("text")
                if type(body) is str and part not in body and _nfc(part) not in _nfc(body):
                    message = (
                        f"{_clip(part)!r} does not stand in paragraph {anchor!r} word for word"
                    )
                    where = (collection, at, "paragraphs", index)
                    self.report("quote-not-in-body", where, message)
        return used

    def _unused(self, attributed: set[str]) -> None:
        for index, attribution in _objects(self.document, "attributions"):
            identifier = attribution.get("id")
            if type(identifier) is str and identifier not in attributed:
                message = f"no quote or claim uses the attribution {identifier!r}"
                self.report("unused-attribution", ("attributions", index), message)
        for index, source in _objects(self.document, "unnamed_sources"):
            identifier = source.get("id")
            if type(identifier) is str and identifier not in self.used:
                message = f"nothing refers to the unnamed source {identifier!r}"
                self.report("unused-source", ("unnamed_sources", index), message)

    def _dates(self) -> None:
        published = _timestamp(self.document.get("date_published"))
        modified = _timestamp(self.document.get("date_modified"))
        if published and modified and modified < published:
            message = "date_modified is before date_published"
            self.report("modified-before-published", ("date_modified",), message)
        corrections = self.document.get("corrections")
        for index, correction in enumerate(corrections if type(corrections) is list else ()):
            date = _timestamp(correction.get("date")) if type(correction) is dict else None
            if published and date and date < published:
                message = "the correction is dated before the article was published"
                self.report("correction-before-published", ("corrections", index, "date"), message)


def _ids_list(value: object) -> list[str]:
    return [item for _, item in _ids(value)]


def _timestamp(value: object) -> Any:
    if not isinstance(value, str):
        return None
    try:
        return convert.parse_datetime(value)
    except ValueError:
        return None


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _clip(text: str) -> str:
    return text if len(text) <= 50 else f"{text[:47]}..."
