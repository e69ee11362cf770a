"""Reading JSON text with orjson: the same verdict, problems and Article as the strict reader."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mutations import mutated, walk
from newsarticle import Article, Problem, check, dumps
from newsarticle._json import _read as jsontext
from newsarticle.testing import articles

orjson = pytest.importorskip("orjson", reason="orjson (newsarticle[fast]) is not installed")


def strictly(text: str | bytes) -> tuple[Article | None, list[Problem]]:
    """``check`` with orjson out of the way: the strict reader reads every text."""
    saved, jsontext._orjson = jsontext._orjson, None
    try:
        return check(text)
    finally:
        jsontext._orjson = saved


class _Repeated(dict[str, Any]):
    """An object whose key ``key`` the pure-Python JSON encoder writes twice."""

    def __init__(self, value: dict[str, Any], key: str, second: Any) -> None:
        super().__init__(value)
        self.key, self.second = key, second

    def items(self) -> Iterator[tuple[str, Any]]:  # type: ignore[override]
        yield from super().items()
        yield self.key, self.second


def canonical(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def _reversed(value: Any) -> Any:
    """``value`` with every object's keys in the reverse order (a key written twice stays so)."""
    if isinstance(value, _Repeated):
        return _Repeated(_reversed(dict(value)), value.key, _reversed(value.second))
    if isinstance(value, dict):
        return {key: _reversed(value[key]) for key in reversed(list(value))}
    if isinstance(value, list):
        return [_reversed(item) for item in value]
    return value


#: The shapes a writer other than newsarticle gives the same document.
SHAPES: dict[str, Any] = {
    "canonical": canonical,
    "re-indented": lambda v: json.dumps(v, ensure_ascii=False, indent=4),
    "compact": lambda v: json.dumps(v, ensure_ascii=False, separators=(",", ":")),
    "spaced": lambda v: json.dumps(v, ensure_ascii=False, separators=(" , ", " : ")),
    "keys reversed": lambda v: canonical(_reversed(v)),
    "escaped": lambda v: json.dumps(v, ensure_ascii=True, indent=2),
}


@given(articles(), st.sampled_from(sorted(SHAPES)))
def test_valid_articles_read_the_same(article: Article, shape: str) -> None:
    """Every valid article's text, in any shape, gives the same article with orjson as
    without, and the quick reading takes it."""
    text = SHAPES[shape](json.loads(dumps(article)))
    assert (article, []) == check(text) == strictly(text)
    assert jsontext.read_fast(text) is not None


@given(mutated(), st.sampled_from(sorted(SHAPES)))
def test_near_valid_documents_read_the_same(document: Any, shape: str) -> None:
    """Near-valid documents, in any shape, get the same verdict and problems."""
    text = SHAPES[shape](document)
    assert strictly(text) == check(text)


@given(articles(), st.data())
def test_a_repeated_key_is_refused(article: Article, data: st.DataObject) -> None:
    """A key written twice in one object is refused in any shape, even though orjson would
    keep the last; also when the text holds a colon escaped in the place of the one the
    repeated key takes."""
    document = json.loads(dumps(article))
    objects = [p for p in walk(document) if isinstance(_at(document, p), dict) and _at(document, p)]
    pointer = data.draw(st.sampled_from(objects))
    target = _at(document, pointer)
    key = data.draw(st.sampled_from(sorted(target)))
    second = data.draw(st.sampled_from([target[key], "x", 1]))
    repeated = _Repeated(target, key, second)
    if pointer:
        _at(document, pointer[:-1])[pointer[-1]] = repeated
    else:
        document = repeated
    shape = data.draw(st.sampled_from(sorted(SHAPES)))
    text = SHAPES[shape](document)
    if data.draw(st.booleans()):  # one colon fewer to count: an escaped one in a string
        text = re.sub(r'("headline"\s*:\s*")', r"\1\\u003a", text, count=1)
    article_read, problems = check(text)
    assert (None, ["json-duplicate-key"]) == (article_read, [p.code for p in problems])
    assert strictly(text) == (article_read, problems)


def _at(document: Any, pointer: tuple[Any, ...]) -> Any:
    for part in pointer:
        document = document[part]
    return document


@given(st.lists(st.text(max_size=12), max_size=6), st.booleans())
def test_clean_texts_hold_no_control_character_but_newline(
    strings: list[str], escaped: bool
) -> None:
    """When the quick reading calls a text clean, no string in it holds a control character
    other than a newline: written as they are, or with every character beyond ASCII (and
    every control) escaped."""
    try:
        if escaped:
            data = json.dumps({"strings": strings}).encode("ascii")
        else:
            data = orjson.dumps({"strings": strings})
    except TypeError:  # a lone surrogate: orjson cannot write it
        return
    read = jsontext.read_fast(data)
    if read is None:  # a lone surrogate, escaped: only the strict reader reads it
        assert escaped
        assert any(model_bad(text) for text in strings)
        return
    value, clean = read
    assert {"strings": strings} == value
    if clean:
        assert not any(model_bad(text) for text in strings)


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        ('{"a": "caf\\u00e9 \\u201cquoted\\u201d \\ud83d\\ude00"}', True),
        ('{"a": "\\u00e9", "b": "\\u0009"}', False),
        ('{"a": "\\u00e9", "b": "\\u007F"}', False),
        ('{"a": "\\u00e9", "b": "\\u0085"}', False),
        ('{"a": "\\u00e9", "b": "a\\tb"}', False),
        ('{"a": "\\\\ and \\/ and \\" and \\n"}', True),
        ('{"a": "\\r"}', False),
    ],
)
def test_escapes_of_controls_make_a_text_unclean(text: str, clean: bool) -> None:
    """An escape of a control character, before or after other escapes, makes the text
    unclean; escapes of other characters do not."""
    read = jsontext.read_fast(text)
    assert read is not None
    assert clean == read[1]


def model_bad(text: str) -> bool:
    return any(
        ch != "\n" and (ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F or 0xD800 <= ord(ch) <= 0xDFFF)
        for ch in text
    )


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ('{"a": 1, "a": 2}', "a repeated key"),
        ('{\n    "a": 1,\n    "a": 2\n}\n', "a repeated key, indented otherwise"),
        ('{"a" : 1, "a" : 2}', "a repeated key, a space before the colon"),
        ('{"a": 1, "a": 2, "b": "\\u003a"}', "a repeated key and an escaped colon"),
        ('{"a": 1, "b": "\\u003A"}', "an escaped colon"),
        ('\ufeff{"a":1}', "a byte-order mark"),
        ("[1]", "an array at the top"),
        ('{"a": NaN}', "NaN"),
        ('{"a": 1e400}', "a number beyond a double"),
        ('{"a": "\\ud800"}', "a lone surrogate"),
        ("", "nothing"),
    ],
)
def test_texts_the_quick_reading_leaves_to_the_strict_reader(text: str, why: str) -> None:
    """The quick reading takes no text that only the strict reader can judge."""
    assert None is jsontext.read_fast(text), why
    assert None is jsontext.read_fast(text.encode("utf-8", "surrogatepass")), why


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_every_shape_of_the_example_is_read_quickly(example_path: Path, shape: str) -> None:
    """The example in every shape is read by the quick reading, to the same value."""
    value = json.loads(example_path.read_text(encoding="utf-8"))
    read = jsontext.read_fast(SHAPES[shape](value))
    assert read is not None
    assert value == read[0]
