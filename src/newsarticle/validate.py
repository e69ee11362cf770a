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

from . import convert, jsontext
from .errors import Problem
from .model import Article
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


def _position(problem: Problem) -> tuple[int, int]:
    return (problem.line or 0, problem.column or 0)


def _check_value(value: Any) -> tuple[Article | None, list[Problem]]:
    if not isinstance(value, Mapping):
        return None, [Problem.of("json-not-object", "", "the top level is not an object")]
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


def _objects(document: Mapping[str, Any], collection: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """(pointer, object) for each object of a top-level collection, skipping malformed ones."""
    items = document.get(collection)
    if isinstance(items, list):
        for index, item in enumerate(items):
            if isinstance(item, dict):
                yield f"/{collection}/{index}", item


def _ids(value: object) -> Iterator[tuple[int, str]]:
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, str):
                yield index, item


def _allowed(kinds: frozenset[str]) -> str:
    names = [_KIND_NAMES[kind] for kind in _COLLECTIONS if kind in kinds]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


class _Integrity:
    """One pass of the cross-object checks over a document."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self.document = document
        self.problems: list[Problem] = []
        self.kinds: dict[str, str] = {}
        self.objects: dict[str, dict[str, Any]] = {}
        self.used: set[str] = set()
        for collection in _COLLECTIONS:
            for pointer, item in _objects(document, collection):
                identifier = item.get("id")
                if not isinstance(identifier, str):
                    continue
                if identifier in self.kinds:
                    first = _KIND_NAMES[self.kinds[identifier]]
                    message = f"the id {identifier!r} is already used by {first}"
                    self.problems.append(Problem.of("duplicate-id", f"{pointer}/id", message))
                    continue
                self.kinds[identifier] = collection
                self.objects[identifier] = item

    def ref(self, pointer: str, value: object, kinds: frozenset[str]) -> str | None:
        """Check one reference; the id when it resolves to an allowed kind."""
        if not isinstance(value, str):
            return None
        self.used.add(value)
        kind = self.kinds.get(value)
        if kind is None:
            message = (
                f"{value!r} is not the id of anything in the article (expected {_allowed(kinds)})"
            )
            self.problems.append(Problem.of("unresolved-reference", pointer, message))
            return None
        if kind not in kinds:
            message = f"{value!r} is {_KIND_NAMES[kind]}, but this must be {_allowed(kinds)}"
            self.problems.append(Problem.of("wrong-reference-kind", pointer, message))
            return None
        return value

    def refs(self, pointer: str, value: object, kinds: frozenset[str]) -> list[str]:
        return [
            found
            for index, item in _ids(value)
            if (found := self.ref(f"{pointer}/{index}", item, kinds)) is not None
        ]

    def run(self) -> list[Problem]:
        document = self.document
        self.refs("/authors", document.get("authors"), _AGENTS)
        self.ref("/publisher", document.get("publisher"), _ORGANIZATIONS)
        self.refs("/about", document.get("about"), _ENTITIES)
        self.refs("/content_locations", document.get("content_locations"), _PLACES)
        self._people()
        self._chains("organizations", "parent", _ORGANIZATIONS, "is part of")
        self._chains("places", "contained_in", _PLACES, "is contained in")
        for pointer, place in _objects(document, "places"):
            for target in self.refs(f"{pointer}/borders", place.get("borders"), _PLACES):
                if target == place.get("id"):
                    message = "a place cannot border itself"
                    self.problems.append(
                        Problem.of("self-reference", f"{pointer}/borders", message)
                    )
        self._attributions()
        attributed = self._statements("quotes") | self._statements("claims")
        self._unused(attributed)
        self._dates()
        return self.problems

    def _people(self) -> None:
        for pointer, person in _objects(self.document, "people"):
            roles = person.get("roles")
            for index, role in enumerate(roles if isinstance(roles, list) else ()):
                if isinstance(role, dict):
                    where = f"{pointer}/roles/{index}/organization"
                    self.ref(where, role.get("organization"), _ORGANIZATIONS)
            relations = person.get("relations")
            for index, relation in enumerate(relations if isinstance(relations, list) else ()):
                if not isinstance(relation, dict):
                    continue
                where = f"{pointer}/relations/{index}/person"
                if self.ref(where, relation.get("person"), _PEOPLE) == person.get("id"):
                    message = "a person cannot be related to themselves"
                    self.problems.append(Problem.of("self-reference", where, message))

    def _chains(self, collection: str, key: str, kinds: frozenset[str], verb: str) -> None:
        """Check parent links resolve and never loop back."""
        for pointer, item in _objects(self.document, collection):
            if self.ref(f"{pointer}/{key}", item.get(key), kinds) is None:
                continue
            start = item.get("id")
            seen = {start}
            current = item.get(key)
            while isinstance(current, str) and self.kinds.get(current) == collection:
                if current in seen:
                    message = f"{start!r} {verb} itself through {key} links"
                    self.problems.append(
                        Problem.of("containment-cycle", f"{pointer}/{key}", message)
                    )
                    break
                seen.add(current)
                current = self.objects[current].get(key)

    def _attributions(self) -> None:
        for pointer, attribution in _objects(self.document, "attributions"):
            self.ref(f"{pointer}/source", attribution.get("source"), _SPEAKERS)
            self.ref(f"{pointer}/outlet", attribution.get("outlet"), _ORGANIZATIONS)
            self.ref(f"{pointer}/recipient", attribution.get("recipient"), _AGENTS)

    def _statements(self, collection: str) -> set[str]:
        """Check quotes or claims; the attributions they use."""
        used: set[str] = set()
        paragraphs = frozenset({"paragraphs"})
        for pointer, item in _objects(self.document, collection):
            found = self.ref(
                f"{pointer}/attribution", item.get("attribution"), frozenset({"attributions"})
            )
            if found:
                used.add(found)
            if collection == "claims":
                self.refs(f"{pointer}/about", item.get("about"), _ENTITIES)
            anchors = self.refs(f"{pointer}/paragraphs", item.get("paragraphs"), paragraphs)
            text = item.get("text")
            if not anchors or not isinstance(text, str):
                continue
            if len(anchors) != len(_ids_list(item.get("paragraphs"))):
                continue  # an anchor did not resolve; already reported
            parts = text.split("\n\n")
            if len(parts) != len(anchors):
                message = (
                    f"the text has {len(parts)} part(s) separated by blank lines, "
                    f"but {len(anchors)} anchor paragraph(s)"
                )
                self.problems.append(Problem.of("anchor-count", f"{pointer}/paragraphs", message))
                continue
            for index, (part, anchor) in enumerate(zip(parts, anchors, strict=True)):
                body = self.objects[anchor].get("text")
                if isinstance(body, str) and _nfc(part) not in _nfc(body):
                    message = (
                        f"{_clip(part)!r} does not stand in paragraph {anchor!r} word for word"
                    )
                    where = f"{pointer}/paragraphs/{index}"
                    self.problems.append(Problem.of("quote-not-in-body", where, message))
        return used

    def _unused(self, attributed: set[str]) -> None:
        for pointer, attribution in _objects(self.document, "attributions"):
            identifier = attribution.get("id")
            if isinstance(identifier, str) and identifier not in attributed:
                message = f"no quote or claim uses the attribution {identifier!r}"
                self.problems.append(Problem.of("unused-attribution", pointer, message))
        for pointer, source in _objects(self.document, "unnamed_sources"):
            identifier = source.get("id")
            if isinstance(identifier, str) and identifier not in self.used:
                message = f"nothing refers to the unnamed source {identifier!r}"
                self.problems.append(Problem.of("unused-source", pointer, message))

    def _dates(self) -> None:
        published = _timestamp(self.document.get("date_published"))
        modified = _timestamp(self.document.get("date_modified"))
        if published and modified and modified < published:
            message = "date_modified is before date_published"
            self.problems.append(Problem.of("modified-before-published", "/date_modified", message))
        corrections = self.document.get("corrections")
        for index, correction in enumerate(corrections if isinstance(corrections, list) else ()):
            date = _timestamp(correction.get("date")) if isinstance(correction, dict) else None
            if published and date and date < published:
                message = "the correction is dated before the article was published"
                where = f"/corrections/{index}/date"
                self.problems.append(Problem.of("correction-before-published", where, message))


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
