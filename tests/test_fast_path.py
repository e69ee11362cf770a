"""The fast path (the generated builders, and the integrity checks read off the built article)
and the reference path (the JSON Schema, then the model, then integrity on the JSON value)
reach the same verdict, the same problems and the same Article on every document."""

from __future__ import annotations

import json
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rfc3986_validator import validate_rfc3986

from mutations import mutated
from newsarticle import Article, InvalidValueError, dumps
from newsarticle import _build as builder
from newsarticle import _rules as rules
from newsarticle._check import check_value
from newsarticle._integrity import article_problems, integrity_problems
from newsarticle._rules import LINE, RangeRule, declare, derive
from newsarticle.testing import articles, schema_documents


def both(
    document: Any,
) -> tuple[tuple[Article | None, list[Any]], tuple[Article | None, list[Any]]]:
    return check_value(document, fast=True), check_value(document, fast=False)


@attrs.frozen(kw_only=True, field_transformer=derive)
class _Sample:
    name: str = attrs.field(metadata=declare(LINE, "A name."))
    count: int | None = attrs.field(
        default=None,
        metadata=declare(RangeRule(minimum=1, maximum=9, integer=True, unit="things"), "A count."),
    )


def test_a_builder_checks_each_field_by_its_rule() -> None:
    """A generated builder refuses what the class's own declarations refuse, and builds what
    they accept, defaults included."""
    generator = builder._Generator(clean=False)
    name = generator.builder(_Sample)
    exec("\n".join(generator.source), generator.scope)
    build = generator.scope[name]
    assert _Sample(name="a", count=2) == build({"name": "a", "count": 2}, [])
    assert _Sample(name="a") == build({"name": "a"}, [])
    for refused in ({"name": "a", "count": 0}, {"name": "a\tb"}, {"name": "a", "extra": 1}):
        with pytest.raises(builder._Refused):
            build(refused, [])
    with pytest.raises(InvalidValueError, match="from 1 to 9"):
        _Sample(name="a", count=0)


def _objects(value: Any) -> list[Any]:
    """Every model object of ``value`` and below it."""
    if attrs.has(type(value)):
        found = [value]
        for field in attrs.fields(type(value)):
            found += _objects(getattr(value, field.name))
        return found
    if isinstance(value, tuple):
        return [item for part in value for item in _objects(part)]
    return []


@given(articles())
def test_what_a_builder_makes_is_the_frozen_class_itself(article: Article) -> None:
    """Every object a builder makes is an instance of its model class, not of the draft it
    was built as: of that very class, frozen, equal to the article's and hashed alike."""
    built = builder.build(json.loads(dumps(article)))
    assert article == built
    assert hash(article) == hash(built)
    made = _objects(built)
    assert [type(o) for o in _objects(article)] == [type(o) for o in made]
    for obj in made:
        assert not type(obj).__name__.endswith("Draft")
        name = attrs.fields(type(obj))[0].name
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            setattr(obj, name, getattr(obj, name))


def test_a_field_without_a_declaration_cannot_be_part_of_the_model() -> None:
    """Every field names its rule: a class with an undeclared field is refused when defined."""
    with pytest.raises(TypeError, match="is not declared"):

        @attrs.frozen(kw_only=True, field_transformer=derive)
        class _Undeclared:
            name: str


@given(mutated())
def test_checks_read_off_the_article_find_nothing_only_when_the_value_has_nothing(
    document: Any,
) -> None:
    """Where the integrity checks pass a built article, they find nothing in its JSON value;
    where they find something, the value has problems too."""
    article = builder.build(document)
    if article is not None:
        assert (article_problems(article) == []) == (integrity_problems(document) == [])


@given(articles())
def test_the_checks_agree_on_valid_articles(article: Article) -> None:
    """On every valid article, both readings of the checks find nothing."""
    assert [] == integrity_problems(json.loads(dumps(article))) == article_problems(article)


@given(
    st.from_regex(rules.SIMPLE_URL, fullmatch=True)
    | st.from_regex(r"\Ahttps?://[^\s]{1,30}\Z")
    | st.text(alphabet="hHtTpPsS:/?#[]@!$&'()*+,;=%aA0-._~ ", max_size=30)
)
def test_the_quick_url_check_agrees_with_rfc_3986(url: str) -> None:
    """An http(s) URL is accepted exactly when RFC 3986 accepts it, quick shape or not."""
    full = rules._URL_START.match(url) is not None and validate_rfc3986(url, rule="URI") is not None
    assert full == rules.is_http_url(url)


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
