"""Documents one change away from a valid article, aimed at every layer of the checks.

``mutated()`` draws a valid article's JSON value and breaks it in one way: a value replaced
by one near the edge of what the schema accepts, a key added or removed, or a change aimed
at integrity: a reference to nothing, to an object of the wrong kind or to its own object;
a chain of parents that loops; an id given twice; a quote moved out of its paragraph; dates
out of order; an attribution or an unnamed source that nothing uses.  Where references go
is read from the model's declarations, so a new reference field is mutated as soon as it is
declared.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

import attrs
from hypothesis import strategies as st

from newsarticle import Article, dumps
from newsarticle._rules import spec
from newsarticle.testing import articles

# Values that sit near the edge of what the schema accepts: wrong types that look right to a
# lenient reader, and strings one character away from valid.
TRICKY: list[Any] = [
    None, True, False, 0, 1, 1.0, -1, 1.5, 1e300, "", " ", "x", "x\n", "\nx", "a\tb",
    "a\u0085b", "a\u2028b", "a\n\nb", "\ud800", [], {}, [None], ["x", "x"], {"x": 1},
    "2021", "2021-02-29", "2021-13", "2021-08-18T15:26:00Z", "2021-08-18t15:26:00z",
    "2021-08-18T15:26:00Z\n", "2021-08-18T15:26:60Z", "2021-08-18 15:26:00Z",
    "2021-08-18T15:26:00+24:00", "https://example.com/a", "https://", "http://exa mple.com",
    "HTTPS://EXAMPLE.COM", "ftp://example.com", "en-GB", "en-GB\n", "direct", "news",
    "verified", "op_ed", "body", "a..b", "-a", "ok.id_1", 200, -90.0, 180.0001, 0.5,
]  # fmt: skip

Path = tuple[str | int, ...]

#: The collections of the article whose objects have ids.
COLLECTIONS = [
    field.name
    for field in attrs.fields(Article)
    if spec(field).shape == "many"
    and isinstance(spec(field).rule, type)
    and "id" in attrs.fields_dict(spec(field).rule)  # type: ignore[arg-type]  # a class
]


def walk(value: Any, pointer: Path = ()) -> Iterator[Path]:
    """The path of every value of a JSON document."""
    yield pointer
    if isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, (*pointer, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk(item, (*pointer, index))


def at(document: Any, path: Path) -> Any:
    for part in path:
        document = document[part]
    return document


def put(document: Any, path: Path, value: Any) -> None:
    at(document, path[:-1])[path[-1]] = value


def reference_sites(document: Any) -> Iterator[tuple[Path, Any]]:
    """(path, declaration) of every reference in the document: a field whose declaration
    names the kinds of object it refers to (an item of it, for a sequence)."""

    def visit(value: Any, cls: type[Any], path: Path) -> Iterator[tuple[Path, Any]]:
        for field in attrs.fields(cls):
            declared = spec(field)
            if field.name not in value:
                continue
            inner = value[field.name]
            if declared.refs is not None:
                if declared.shape == "many":
                    for index in range(len(inner)):
                        yield (*path, field.name, index), declared
                else:
                    yield (*path, field.name), declared
            elif isinstance(declared.rule, type) and attrs.has(declared.rule):
                if hasattr(declared.rule, "__rule__"):
                    continue
                if declared.shape == "many":
                    for index, item in enumerate(inner):
                        yield from visit(item, declared.rule, (*path, field.name, index))
                else:
                    yield from visit(inner, declared.rule, (*path, field.name))

    yield from visit(document, Article, ())


def ids_by_collection(document: Any) -> dict[str, list[str]]:
    return {name: [item["id"] for item in document.get(name, [])] for name in COLLECTIONS}


@st.composite
def reference_change(draw: st.DrawFn, document: Any) -> Any:
    """One change aimed at integrity, where the document allows it; else None."""
    sites = list(reference_sites(document))
    ids = ids_by_collection(document)
    choices = ["missing", "wrong-kind", "self", "cycle", "duplicate", "anchor", "dates", "unused"]
    change = draw(st.sampled_from(choices))
    if change in ("missing", "wrong-kind", "self") and sites:
        path, declared = draw(st.sampled_from(sites))
        if change == "missing":
            put(document, path, "no-such-id")
            return document
        if change == "wrong-kind":
            others = [i for name, found in ids.items() if name not in declared.refs for i in found]
            if others:
                put(document, path, draw(st.sampled_from(others)))
                return document
        else:  # the id of the object of the article that holds the reference
            owner = document[path[0]][path[1]] if path[0] in COLLECTIONS else document
            put(document, path, owner["id"])
            return document
    if change == "cycle":
        chains = [(p, d) for p, d in sites if d.acyclic is not None]
        if chains:
            path, _ = draw(st.sampled_from(chains))
            collection = path[0]
            put(document, path, document[collection][path[1]]["id"])  # points at itself
            return document
        for collection in ("organizations", "places"):
            items = document.get(collection, [])
            key = "parent" if collection == "organizations" else "contained_in"
            if len(items) >= 2:
                items[0][key], items[1][key] = items[1]["id"], items[0]["id"]
                return document
    if change == "duplicate":
        every = [(name, index) for name in COLLECTIONS for index in range(len(ids[name]))]
        if len(every) >= 2:
            (a, i), (b, j) = draw(st.permutations(every))[:2]
            document[b][j]["id"] = document[a][i]["id"]
            return document
    if change == "anchor":
        anchored = [
            (name, index)
            for name in ("quotes", "claims")
            for index, item in enumerate(document.get(name, []))
            if item.get("paragraphs")
        ]
        if anchored:
            name, index = draw(st.sampled_from(anchored))
            statement = document[name][index]
            if draw(st.booleans()):
                statement["text"] = "words found in no paragraph at all"
            else:
                statement["text"] += "\n\nand a part with no paragraph"
            return document
    if change == "dates" and "date_published" in document:
        if draw(st.booleans()) or not document.get("corrections"):
            document["date_modified"] = "1899-01-01T00:00:00Z"
        else:
            document["corrections"][0]["date"] = "1899-01-01T00:00:00Z"
        return document
    if change == "unused":
        document.setdefault("unnamed_sources", []).append(
            {"id": "nobody-refers-to-me", "description": "a source"}
        )
        return document
    return None


@st.composite
def mutated(draw: st.DrawFn) -> Any:
    """A valid document with one change: to a value, a key, or what integrity checks."""
    document = json.loads(dumps(draw(articles())))
    if draw(st.booleans()):
        changed = draw(reference_change(copy.deepcopy(document)))
        if changed is not None:
            return changed
    pointer = draw(st.sampled_from(list(walk(document))))
    action = draw(st.sampled_from(["replace", "add", "remove"]))
    if pointer == ():
        action = "add"
    parent: Any = at(document, pointer[:-1]) if pointer else None
    target = at(document, pointer)
    if action == "replace":
        put(document, pointer, draw(st.sampled_from(TRICKY)))
    elif action == "add" and isinstance(target, dict):
        key = draw(st.sampled_from(["format_version", "id", "role", "kind", "geo", "extra", "url"]))
        target[key] = draw(st.sampled_from(TRICKY))
    elif action == "remove" and isinstance(parent, dict):
        del parent[pointer[-1]]
    return document
