"""The generated writer of an article's JSON value (``_unbuild``) and the converter, the
reference, make the same value, keys in the same order, and ``dumps`` writes the same text
either way, with orjson or without."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from newsarticle import (
    Article,
    ClaimReview,
    GeoCoordinates,
    Paragraph,
    Place,
    dump,
    dumps,
    loads,
)
from newsarticle import _unbuild as unbuild
from newsarticle._convert import unstructure
from newsarticle._json import _write as jsonout
from newsarticle._rules import LINE, RangeRule, declare, derive, to_tuple
from newsarticle.testing import articles


def ordered(value: Any) -> Any:
    """``value`` with every object a list of its members in order, every array a list."""
    if isinstance(value, dict):
        return [(key, ordered(item)) for key, item in value.items()]
    if isinstance(value, list | tuple):
        return [ordered(item) for item in value]
    return value


def reference_text(article: Article) -> str:
    """The canonical text as the converter and the standard library make it."""
    return json.dumps(unstructure(article), ensure_ascii=False, indent=2) + "\n"


def placed(latitude: float, longitude: float = 69.7) -> Article:
    """An article naming one place at ``latitude``, ``longitude``."""
    geo = GeoCoordinates(latitude=latitude, longitude=longitude)
    return Article(
        id="a",
        headline="Headline",
        language="en",
        paragraphs=[Paragraph(id="p1", text="Text.")],
        places=[Place(id="valley", name="Valley", geo=geo)],
    )


@given(articles())
def test_the_generated_value_is_the_converters(article: Article) -> None:
    """On every valid article the generated value equals the converter's, member order
    included, or it is None because the article holds a float below 1e-4 in magnitude."""
    value = unbuild.plain_value(article)
    if value is None:
        text = json.dumps(unstructure(article))
        assert any(0 < abs(number) < 1e-4 for number in _floats(json.loads(text)))
    else:
        assert ordered(unstructure(article)) == ordered(value)


def _floats(value: Any) -> list[float]:
    if isinstance(value, dict):
        return [number for item in value.values() for number in _floats(item)]
    if isinstance(value, list):
        return [number for item in value for number in _floats(item)]
    return [value] if type(value) is float else []


@given(articles())
def test_dumps_writes_the_reference_text(article: Article) -> None:
    """dumps gives the text of the converter's value as the standard library writes it,
    and loads reads it back as the same article."""
    text = dumps(article)
    assert reference_text(article) == text
    assert article == loads(text)


def test_dumps_writes_the_example_as_it_stands(example_path: Path) -> None:
    """The example's canonical file is what dumps writes of it, byte for byte."""
    text = example_path.read_text(encoding="utf-8")
    assert text == dumps(loads(text))


@pytest.mark.parametrize("latitude", [1e-05, -6.26703014325946e-05, 1e-07, 5e-324])
def test_a_small_float_takes_the_reference_path(latitude: float) -> None:
    """A float that orjson writes in another form (0.00001 for 1e-05) makes no generated
    value, and dumps writes the standard library's form."""
    article = placed(latitude)
    assert unbuild.plain_value(article) is None
    assert f'"latitude": {latitude!r},' in dumps(article)
    assert reference_text(article) == dumps(article)


@given(st.floats(min_value=-90, max_value=90))
@example(0.0)
@example(-0.0)
@example(0.0001)
@example(-0.0001)
def test_a_float_is_plain_when_both_writers_write_it_alike(latitude: float) -> None:
    """The generated value refuses a float below 1e-4 in magnitude but 0, and every float it
    keeps orjson writes as the standard library does."""
    plain = unbuild.plain_value(placed(latitude)) is not None
    assert (not 0 < abs(latitude) < 1e-4) == plain
    if plain:
        value = {"latitude": latitude}
        data = jsonout.orjson_text(value, plain_floats=True)
        assert json.dumps(value, indent=2) == (data or b"").decode("utf-8")


def test_a_rating_is_looked_at_like_coordinates() -> None:
    """A claim review's ratings are floats of the model too: a small one is refused."""
    unbuild_review = unbuild._Generator().compile(ClaimReview)
    assert {"rating": 0.5} == unbuild_review(ClaimReview(rating=0.5))
    with pytest.raises(unbuild._SmallFloat):
        unbuild_review(ClaimReview(rating=1e-05))


@attrs.frozen(kw_only=True, field_transformer=derive)
class _Sample:
    name: str = attrs.field(metadata=declare(LINE, "A name."))
    share: float | None = attrs.field(
        default=None,
        metadata=declare(RangeRule(minimum=0, maximum=1, integer=False), "A share."),
    )
    tags: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=declare(LINE, "Tags.")
    )


def test_a_class_is_written_from_its_declarations() -> None:
    """The function generated for a class writes its fields in order, leaves out those at
    their default and keeps a sequence of strings as its tuple."""
    write = unbuild._Generator().compile(_Sample)
    assert {"name": "a"} == write(_Sample(name="a"))
    assert [("name", "a"), ("share", 0.5), ("tags", ("x",))] == list(
        write(_Sample(name="a", share=0.5, tags=["x"])).items()
    )


def test_dump_writes_what_dumps_returns(tmp_path: Path) -> None:
    """dump writes the UTF-8 text of dumps, small floats included."""
    for article in (placed(35.3), placed(1e-05)):
        path = tmp_path / "article.json"
        dump(article, path)
        assert dumps(article).encode("utf-8") == path.read_bytes()


def test_dumps_imports_no_converter() -> None:
    """Writing an article loads neither cattrs nor the converter."""
    code = (
        "import sys, newsarticle\n"
        "from newsarticle import Article, Paragraph\n"
        "newsarticle.dumps(Article(id='a', headline='H', language='en',"
        " paragraphs=[Paragraph(id='p', text='T.')]))\n"
        "print(sorted(m for m in ('cattrs', 'newsarticle._convert') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "[]" == done.stdout.strip()
