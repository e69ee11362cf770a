"""The search-engine lint profile."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest
from hypothesis import given

import newsarticle
from helpers_export import EXAMPLE, example
from newsarticle import CODES, Article, Image, Person, Severity, check, profile_problems
from newsarticle.testing import articles

PUBLISHED = dt.datetime(2021, 8, 19, 17, 16, tzinfo=dt.UTC)


def complete() -> Article:
    """The example with everything the profile asks for."""
    reporter = Person(id="rita", name="Rita Moreno", url="https://news.example/rita")
    image = Image(id="lead", url="https://img.example/a.jpg", width=1200, height=675)
    article = example()
    return attrs.evolve(
        article,
        url="https://news.example/panjshir",
        date_published=PUBLISHED,
        people=[*article.people, reporter],
        authors=["rita"],
        images=[image],
    )


def codes(article: Article) -> list[tuple[str, str]]:
    return [(p.code, p.path) for p in profile_problems(article)]


def test_every_profile_code_is_a_warning_of_the_profile_layer() -> None:
    """The profile's codes start with seo-, are warnings and belong to the profile layer."""
    profile = {c.code for c in CODES.values() if c.layer == "profile"}
    assert {c for c in CODES if c.startswith("seo-")} == profile
    assert {Severity.WARNING} == {CODES[c].severity for c in profile}


def test_example_warns_what_it_lacks() -> None:
    """The Panjshir article has no URL, date or image, and its author team no url."""
    assert [
        ("seo-no-url", "/url"),
        ("seo-no-date-published", "/date_published"),
        ("seo-author-unidentified", "/organizations/1"),
        ("seo-no-image", "/images"),
    ] == codes(example())


def test_a_complete_article_has_no_warning() -> None:
    """URL, date, an identified author and a large image with its size: nothing to say."""
    assert [] == codes(complete())


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"headline": "x" * 111}, ("seo-headline-long", "/headline")),
        ({"url": None}, ("seo-no-url", "/url")),
        ({"date_published": None}, ("seo-no-date-published", "/date_published")),
        ({"authors": []}, ("seo-no-author", "/authors")),
        ({"authors": ["ashraf-ghani", "ahmad-massoud"]}, ("seo-author-unidentified", "/people/0")),
        ({"images": []}, ("seo-no-image", "/images")),
        (
            {"images": [Image(id="i", url="https://img.example/i.jpg", width=800)]},
            ("seo-image-no-size", "/images/0"),
        ),
        (
            {"images": [Image(id="i", url="https://img.example/i.jpg", width=200, height=200)]},
            ("seo-image-small", "/images/0"),
        ),
    ],
    ids=lambda value: value[0] if isinstance(value, tuple) else None,
)
def test_each_lack_has_its_warning(change: dict[str, object], expected: tuple[str, str]) -> None:
    """Each thing Google recommends, taken away from a complete article, gives its warning."""
    article = attrs.evolve(complete(), **change)  # type: ignore[arg-type]
    assert [expected] == codes(article)


def test_an_author_with_same_as_is_identified() -> None:
    """same_as is as good as url: Saleh (a Wikipedia page) needs no warning."""
    assert [] == codes(attrs.evolve(complete(), authors=["amrullah-saleh"]))


def test_headline_of_exactly_the_limit_is_fine() -> None:
    """110 characters is within the limit."""
    assert [] == codes(attrs.evolve(complete(), headline="x" * 110))


def test_validate_runs_the_profile_only_when_asked() -> None:
    """validate() leaves the profile out by default; profile=True adds its warnings, located."""
    text = EXAMPLE.read_text(encoding="utf-8")
    assert [] == [p for p in newsarticle.validate(text) if p.code.startswith("seo-")]
    found = [p for p in newsarticle.validate(text, profile=True) if p.code.startswith("seo-")]
    assert ["seo-no-url", "seo-no-date-published", "seo-no-image", "seo-author-unidentified"] == [
        p.code for p in found
    ]
    unidentified = found[-1]
    assert (224, 5) == (unidentified.line, unidentified.column)


def test_profile_warnings_do_not_stop_loading() -> None:
    """The profile's findings are warnings: check() still builds the article."""
    article, problems = check(EXAMPLE.read_text(encoding="utf-8"), profile=True)
    assert article is not None
    assert any(p.code == "seo-no-image" for p in problems)


def test_the_profile_does_not_run_on_an_invalid_document() -> None:
    """With errors there is no article, so no profile warning is added to them."""
    problems = newsarticle.validate('{"format_version": 1, "id": "a"}', profile=True)
    assert [] == [p for p in problems if p.code.startswith("seo-")]
    assert any(p.is_error for p in problems)


@given(articles())
def test_the_profile_never_raises_and_only_warns(article: Article) -> None:
    """For any valid article the profile returns warnings with profile codes."""
    for problem in profile_problems(article):
        assert "profile" == CODES[problem.code].layer
        assert Severity.WARNING == problem.severity
