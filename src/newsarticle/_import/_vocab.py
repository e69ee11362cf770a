"""The part of the schema.org vocabulary the importer reads: its types and its property names.

The importer needs to know which types are articles (``Article`` and every type below it by
``rdfs:subClassOf``: ``NewsArticle`` and its subtypes, ``BlogPosting``, ``LiveBlogPosting``,
``Report``, ``SocialMediaPosting`` ...), which are organizations, people and places, and which
keys are schema.org properties at all (so that ``headLine`` is reported, with the property it
is a case away from).  Nothing is hand-listed: the data is read off the vocabulary's own class
hierarchy.

It reads the vocabulary file the audit ships, ``newsarticle/schemas/schemaorg-vocabulary.json``
(written by ``tools/vocabulary.py`` from the vendored release; ``tests/test_vocabulary.py`` fails
when it differs from what the release gives).  The schema.org vocabulary is licensed CC BY-SA 3.0
(see the file's ``about``).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from importlib import resources
from typing import Final

import attrs

__all__ = ["Vocabulary", "shipped_text", "term", "vocabulary"]

_FILE: Final = "schemaorg-vocabulary.json"

#: IRI prefixes a type or property may be written with instead of its bare name.
_PREFIXES: Final = ("https://schema.org/", "http://schema.org/", "schema:")


def shipped_text() -> str:
    """The text of the shipped vocabulary file."""
    text: str = (resources.files("newsarticle") / "schemas" / _FILE).read_text(encoding="utf-8")
    return text


@attrs.frozen(eq=False)
class Vocabulary:
    """Types (with their parents) and property names."""

    parents: Mapping[str, tuple[str, ...]]
    properties: frozenset[str]
    _folded: Mapping[str, str] = attrs.field(init=False)
    _folded_types: Mapping[str, str] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        folded: dict[str, str] = {}
        for name in sorted(self.properties):
            folded.setdefault(name.casefold(), name)
        object.__setattr__(self, "_folded", folded)
        types: dict[str, str] = {}
        for name in sorted(self.parents):
            types.setdefault(name.casefold(), name)
        object.__setattr__(self, "_folded_types", types)

    @functools.cache  # noqa: B019 (one vocabulary per process)
    def ancestors(self, kind: str) -> frozenset[str]:
        """``kind`` and every type above it (empty for a name that is not a type)."""
        if kind not in self.parents:
            return frozenset()
        found = {kind}
        todo = list(self.parents[kind])
        while todo:
            current = todo.pop()
            if current not in found:
                found.add(current)
                todo.extend(self.parents.get(current, ()))
        return frozenset(found)

    def is_a(self, kind: str, ancestor: str) -> bool:
        """True when ``kind`` is ``ancestor`` or below it."""
        return ancestor in self.ancestors(kind)

    def is_type(self, kind: str) -> bool:
        return kind in self.parents

    @functools.cache  # noqa: B019 (one vocabulary per process)
    def descendants(self, ancestor: str) -> frozenset[str]:
        """``ancestor`` and every type below it."""
        return frozenset(kind for kind in self.parents if self.is_a(kind, ancestor))

    def type_spelled(self, name: str) -> str | None:
        """The type ``name`` is a case away from (``person``: ``Person``), or None."""
        found = self._folded_types.get(name.casefold())
        return None if found is None or found == name else found

    def is_property(self, name: str) -> bool:
        return name in self.properties

    def spelled(self, name: str) -> str | None:
        """The property ``name`` is a case away from (``headLine``: ``headline``), or None."""
        found = self._folded.get(name.casefold())
        return None if found is None or found == name else found


def term(name: str) -> str:
    """A type or property as its bare schema.org name (``http://schema.org/NewsArticle``:
    ``NewsArticle``); anything else unchanged."""
    if ":" not in name:
        return name
    for prefix in _PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


@functools.cache
def vocabulary() -> Vocabulary:
    """The shipped vocabulary, read once."""
    data = json.loads(shipped_text())
    parents = {name: tuple(found) for name, found in data["classes"].items()}
    return Vocabulary(parents, frozenset(data["properties"]))
