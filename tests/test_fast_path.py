"""The fast path (the model alone) and the reference path (the JSON Schema, then the model)
reach the same verdict, the same problems and the same Article on every document."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from newsarticle import Article, dumps
from newsarticle.convert import make_converter
from newsarticle.testing import articles, schema_documents
from newsarticle.validate import _check_value

# Values that sit near the edge of what the schema accepts: wrong types that look
# right to a lenient reader, and strings one character away from valid.
TRICKY: list[Any] = [
    None, True, False, 0, 1, 1.0, -1, 1.5, 1e300, "", " ", "x", "x\n", "\nx", "a\tb",
    "a\u0085b", "a\u2028b", "a\n\nb", "\ud800", [], {}, [None], ["x", "x"], {"x": 1},
    "2021", "2021-02-29", "2021-13", "2021-08-18T15:26:00Z", "2021-08-18t15:26:00z",
    "2021-08-18T15:26:00Z\n", "2021-08-18T15:26:60Z", "2021-08-18 15:26:00Z",
    "2021-08-18T15:26:00+24:00", "https://example.com/a", "https://", "http://exa mple.com",
    "HTTPS://EXAMPLE.COM", "ftp://example.com", "en-GB", "en-GB\n", "direct", "news",
    "verified", "op_ed", "body", "a..b", "-a", "ok.id_1", 200, -90.0, 180.0001, 0.5,
]  # fmt: skip


def walk(value: Any, pointer: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield pointer
    if isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, (*pointer, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk(item, (*pointer, index))


def both(
    document: Any,
) -> tuple[tuple[Article | None, list[Any]], tuple[Article | None, list[Any]]]:
    return _check_value(document, fast=True), _check_value(document, fast=False)


@st.composite
def mutated(draw: st.DrawFn) -> Any:
    """A valid document with one value replaced, one key added or one key removed."""
    document = json.loads(dumps(draw(articles())))
    pointer = draw(st.sampled_from(list(walk(document))))
    action = draw(st.sampled_from(["replace", "add", "remove"]))
    if pointer == ():
        action = "add"
    parent: Any = document
    for part in pointer[:-1]:
        parent = parent[part]
    target = parent[pointer[-1]] if pointer else document
    if action == "replace":
        parent[pointer[-1]] = draw(st.sampled_from(TRICKY))
    elif action == "add" and isinstance(target, dict):
        key = draw(st.sampled_from(["format_version", "id", "role", "kind", "geo", "extra", "url"]))
        target[key] = draw(st.sampled_from(TRICKY))
    elif action == "remove" and isinstance(parent, dict):
        del parent[pointer[-1]]
    return document


def test_fast_converter_really_skips_detailed_validation() -> None:
    """The fast path's converter is built without cattrs' detailed validation."""
    assert make_converter(detailed_validation=False).detailed_validation is False


@given(mutated())
def test_paths_agree_on_mutated_documents(document: Any) -> None:
    """Near-valid documents get the same article and the same problems on both paths."""
    fast, reference = both(document)
    assert reference == fast


@given(schema_documents())
def test_paths_agree_on_documents_from_the_schema(document: Any) -> None:
    """Documents generated from the schema get the same verdict on both paths."""
    fast, reference = both(document)
    assert reference == fast


@given(articles())
def test_paths_agree_on_valid_articles(article: Article) -> None:
    """Valid articles load to the same, equal Article on both paths."""
    document = json.loads(dumps(article))
    fast, reference = both(document)
    assert (article, []) == fast == reference
