"""JSON text is the same byte for byte whether orjson writes it or the standard library does."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsarticle import Article, dumps, to_jsonld, to_jsonld_text
from newsarticle._json import _write as jsonout
from newsarticle.testing import articles

orjson = pytest.importorskip("orjson", reason="orjson (newsarticle[fast]) is not installed")

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


def standard(value: Any, *, indent: bool) -> str:
    if indent:
        return json.dumps(value, ensure_ascii=False, indent=2)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@given(json_values, st.booleans())
def test_any_json_value_is_written_as_the_standard_library_writes_it(
    value: Any, indent: bool
) -> None:
    """For every JSON value, indented or compact, the text equals json.dumps's."""
    assert standard(value, indent=indent) == jsonout.dumps_json(value, indent=indent)


@given(json_values, st.booleans())
def test_orjsons_text_is_the_standard_text_or_nothing(value: Any, indent: bool) -> None:
    """Whenever orjson's text is given, final newline and all, it is the standard library's
    text in UTF-8."""
    data = jsonout.orjson_text(value, indent=indent, newline=True)
    if data is not None:
        assert (jsonout.standard_text(value, indent=indent) + "\n").encode("utf-8") == data


@pytest.mark.parametrize("number", [1e-05, -6.26703014325946e-05, 1e-07, 2.35e-09, 0.0001, 35.267])
def test_small_floats_keep_the_standard_form(number: float) -> None:
    """orjson writes 1e-05 as 0.00001; the fallback keeps json.dumps's form."""
    value = {"geo": {"latitude": number}}
    assert standard(value, indent=True) == jsonout.dumps_json(value)


@given(articles())
def test_exports_do_not_depend_on_orjson(article: Article) -> None:
    """dumps and to_jsonld_text give the same text with and without orjson."""
    with_orjson = (dumps(article), to_jsonld_text(article))
    jsonout._orjson = None
    try:
        without = (dumps(article), to_jsonld_text(article))
    finally:
        jsonout._orjson = orjson
    assert with_orjson == without
    assert to_jsonld(article) == json.loads(without[1])
