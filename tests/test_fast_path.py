"""The fast path (the generated builders and the integrity check on the built article) and
the reference path (the JSON Schema, then the model, then integrity on the JSON value)
reach the same verdict, the same problems and the same Article on every document."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rfc3986_validator import validate_rfc3986  # type: ignore[import-untyped]

from newsarticle import Article, builder, dumps, model
from newsarticle.testing import articles, schema_documents
from newsarticle.validate import _check_value, integrity_problems, sound

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


def _refuse_zero(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value == 0:
        raise ValueError(f"{attribute.name} must not be 0")


@attrs.frozen(kw_only=True)
class _Sample:
    name: str = attrs.field(validator=model._line)
    count: int = attrs.field(default=1, validator=_refuse_zero)


def test_builders_call_the_validators_they_do_not_write_inline() -> None:
    """A generated builder runs every validator of its class, known to it or not."""
    generator = builder._Generator(builder._STRING_CHECKS)
    name = generator.builder(_Sample)
    exec("\n".join(generator.source), generator.scope)
    build = generator.scope[name]
    assert _Sample(name="a", count=2) == build({"name": "a", "count": 2}, [])
    assert _Sample(name="a") == build({"name": "a"}, [])
    with pytest.raises(ValueError, match="count must not be 0"):
        build({"name": "a", "count": 0}, [])
    with pytest.raises(builder._Refused):
        build({"name": "a\tb"}, [])
    with pytest.raises(builder._Refused):
        build({"name": "a", "extra": 1}, [])


@given(mutated())
def test_sound_articles_have_no_integrity_problem(document: Any) -> None:
    """Where the fast integrity check passes a built article, the full checks find nothing."""
    article = builder.build(document)
    if article is not None and sound(article):
        assert [] == integrity_problems(document)


@given(articles())
def test_sound_agrees_with_the_integrity_checks_on_valid_articles(article: Article) -> None:
    """On every valid article, the fast integrity check passes exactly when nothing is reported."""
    document = json.loads(dumps(article))
    assert (integrity_problems(document) == []) == sound(article)


@given(
    st.from_regex(model._SIMPLE_URL, fullmatch=True)
    | st.from_regex(r"\Ahttps?://[^\s]{1,30}\Z")
    | st.text(alphabet="hHtTpPsS:/?#[]@!$&'()*+,;=%aA0-._~ ", max_size=30)
)
def test_the_quick_url_check_agrees_with_rfc_3986(url: str) -> None:
    """An http(s) URL is accepted exactly when RFC 3986 accepts it, quick shape or not."""
    full = model._URL.match(url) is not None and validate_rfc3986(url, rule="URI") is not None
    assert full == model.is_http_url(url)


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
