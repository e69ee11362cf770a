"""Properties over documents generated from the schema and over corrupted articles."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from newsarticle import Article, InvalidArticleError, dumps, loads, validate
from newsarticle._rules import PARTIAL_DATE
from newsarticle.testing import articles, schema_documents

# Codes a schema-valid document may still get: values wrong on their own, integrity.
BEYOND_SCHEMA = frozenset(
    {
        "invalid-value", "duplicate-id", "unresolved-reference", "wrong-reference-kind",
        "quote-not-in-body", "anchor-count", "modified-before-published",
        "correction-before-published", "containment-cycle", "self-reference",
        "unused-attribution", "unused-source", "modified-before-correction",
        "paywall-contradiction", "coverage-end-before-start", "update-outside-coverage",
        "review-rating-scale",
    }
)  # fmt: skip

REFERENCE_KEYS = frozenset(
    {
        "authors", "publisher", "about", "content_locations", "organization", "person",
        "parent", "contained_in", "borders", "source", "outlet", "recipient", "attribution",
        "speakable", "reviewer",
    }
)  # fmt: skip


@given(schema_documents())
def test_schema_documents_pass_the_schema(document: dict[str, Any]) -> None:
    """The generator and the schema agree: a generated document has no syntax or schema problem."""
    codes = {problem.code for problem in validate(json.dumps(document))}
    assert set() == codes - BEYOND_SCHEMA


@given(schema_documents())
def test_schema_documents_load_or_get_clear_problems(document: dict[str, Any]) -> None:
    """Any document the schema accepts loads, or fails with value and integrity problems only."""
    text = json.dumps(document, ensure_ascii=False)
    problems = validate(text)
    assert {p.code for p in problems} <= BEYOND_SCHEMA
    if any(p.is_error for p in problems):
        with pytest.raises(InvalidArticleError) as caught:
            loads(text)
        assert problems == list(caught.value.problems)
    else:
        article = loads(text)
        assert article == loads(dumps(article))


def walk(value: Any, pointer: str = "", parent_key: str = "") -> Iterator[tuple[str, str, Any]]:
    """(pointer, the key that holds it, value) for every value of a JSON document."""
    yield pointer, parent_key, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, f"{pointer}/{key}", key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk(item, f"{pointer}/{index}", parent_key)


def resolve(document: Any, pointer: str) -> Any:
    """The value at ``pointer`` (the pointers here hold no escaped characters)."""
    node = document
    for part in pointer.split("/")[1:]:
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def replace(document: Any, pointer: str, value: Any) -> None:
    parent, _, last = pointer.rpartition("/")
    container = resolve(document, parent)
    container[int(last) if isinstance(container, list) else last] = value


CORRUPTIONS = ("wrong-type", "unknown-key", "dangling-reference", "bad-timestamp", "bad-date")
#: The keys of the moments (timestamps) and of the partial dates of the format.
DATE_KEYS = frozenset({"date_published", "date_modified", "date", "start", "end"})


def is_partial_date(value: object) -> bool:
    """Whether a value is a partial date's JSON text (a timestamp is not)."""
    return isinstance(value, str) and PARTIAL_DATE.regex.fullmatch(value) is not None


@given(articles(), st.sampled_from(CORRUPTIONS), st.data())
def test_one_corrupted_field_is_reported_at_its_path(
    article: Article, corruption: str, data: st.DataObject
) -> None:
    """A single corruption of a valid article gives a problem with the right code and pointer."""
    document = json.loads(dumps(article))
    values = list(walk(document))
    code: str
    suffix: str
    replacement: object
    if corruption == "wrong-type":
        candidates = [p for p, _, v in values if isinstance(v, str)]
        code, suffix, replacement = "schema-type", "", 12345
    elif corruption == "unknown-key":
        candidates = [p for p, _, v in values if isinstance(v, dict)]
        code, suffix, replacement = "schema-unknown-key", "/not_in_the_format", None
    elif corruption == "dangling-reference":
        candidates = [p for p, key, v in values if isinstance(v, str) and key in REFERENCE_KEYS] + [
            p for p, key, v in values if key == "paragraphs" and isinstance(v, str)
        ]
        code, suffix, replacement = "unresolved-reference", "", "no-such-id"
    elif corruption == "bad-timestamp":
        candidates = [
            p for p, key, v in values if key in DATE_KEYS and isinstance(v, str)
            and not is_partial_date(v)
        ]  # fmt: skip
        code, suffix, replacement = "schema-format", "", "2021-08-18 15:26"
    else:
        candidates = [p for p, key, v in values if key in DATE_KEYS and is_partial_date(v)]
        code, suffix, replacement = "invalid-value", "", "2021-02-29"
    assume(candidates)
    pointer = data.draw(st.sampled_from(candidates))
    if suffix:
        resolve(document, pointer)[suffix[1:]] = replacement
    else:
        replace(document, pointer, replacement)
    text = json.dumps(document, indent=2, ensure_ascii=False)
    problems = validate(text)
    assert (code, pointer + suffix) in {(p.code, p.path) for p in problems}
    assert all(p.line is not None for p in problems)
