"""The writers and the exporters refuse what cannot be loaded back (issue 10, item 12).

``dumps``, ``dump`` and every exporter take only an article that ``loads`` would read back:
one with an integrity error raises ``InvalidArticleError`` carrying its problems, anything but
an ``Article`` raises ``TypeError``, and ``dump`` then writes nothing at all.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import newsarticle
from helpers_export import example
from mutations import reference_change
from newsarticle import (
    Article,
    Attribution,
    Channel,
    HtmlRenderer,
    InvalidArticleError,
    InvalidReferenceError,
    JsonLdRenderer,
    JsonLdScriptRenderer,
    Organization,
    Paragraph,
    Person,
    Quote,
    QuoteKind,
    TextRenderer,
    UnnamedSource,
    Verification,
    _convert,
    _integrity,
)
from newsarticle._model import ORGANIZATIONS
from newsarticle.testing import articles

#: Every way to write an article out, by name: the writer of the JSON format and the exporters,
#: as functions and as renderer classes.
WRITERS: dict[str, Callable[[Any], object]] = {
    "dumps": newsarticle.dumps,
    "to_jsonld": newsarticle.to_jsonld,
    "to_jsonld_text": newsarticle.to_jsonld_text,
    "to_jsonld_script": newsarticle.to_jsonld_script,
    "to_html": newsarticle.to_html,
    "to_text": newsarticle.to_text,
    "to_text(sources)": lambda article: newsarticle.to_text(article, width=40, sources=True),
    "JsonLdRenderer": JsonLdRenderer(article_body=False),
    "JsonLdScriptRenderer": JsonLdScriptRenderer(indent=None),
    "HtmlRenderer": HtmlRenderer(),
    "TextRenderer": TextRenderer(width=None, sources=True),
}


def with_organizations(article: Article, *organizations: Organization) -> Article:
    return attrs.evolve(article, organizations=[*article.organizations, *organizations])


#: The first quote of the example that stands in one paragraph.
ONE_ANCHOR = next(i for i, quote in enumerate(example().quotes) if len(quote.paragraphs) == 1)

#: Articles one integrity error away from the example, and the problem each must be refused
#: with (its code and path).
BROKEN: dict[str, tuple[Callable[[], Article], str, str]] = {
    "dangling author": (
        lambda: attrs.evolve(example(), authors=["nobody"]),
        "unresolved-reference",
        "/authors/0",
    ),
    "place as publisher": (
        lambda: attrs.evolve(example(), publisher="kabul"),
        "wrong-reference-kind",
        "/publisher",
    ),
    # An organization with a person's id: the exporters used to drop the second object.
    "id given twice": (
        lambda: with_organizations(example(), Organization(id="amrullah-saleh", name="Another")),
        "duplicate-id",
        f"/organizations/{len(example().organizations)}/id",
    ),
    "quote not in its paragraph": (
        lambda: attrs.evolve(
            example(),
            quotes=[
                attrs.evolve(quote, text="words in no paragraph") if index == ONE_ANCHOR else quote
                for index, quote in enumerate(example().quotes)
            ],
        ),
        "quote-not-in-body",
        f"/quotes/{ONE_ANCHOR}/paragraphs/0",
    ),
    "parent cycle": (
        lambda: attrs.evolve(
            example(),
            organizations=[
                attrs.evolve(example().organizations[0], parent=example().organizations[0].id),
                *example().organizations[1:],
            ],
        ),
        "containment-cycle",
        "/organizations/0/parent",
    ),
}


@pytest.mark.parametrize("writer", WRITERS.values(), ids=list(WRITERS))
@pytest.mark.parametrize("broken", BROKEN.values(), ids=list(BROKEN))
def test_every_writer_refuses_an_article_with_an_integrity_error(
    writer: Callable[[Any], object], broken: tuple[Callable[[], Article], str, str]
) -> None:
    """An article that validate faults is refused with InvalidArticleError and its problems."""
    make, code, path = broken
    article = make()
    with pytest.raises(InvalidArticleError) as caught:
        writer(article)
    assert (code, path) in [(p.code, p.path) for p in caught.value.problems]
    assert [(p.code, p.path) for p in newsarticle.validate(_convert.unstructure(article))] == [
        (p.code, p.path) for p in caught.value.problems
    ]


@pytest.mark.parametrize("writer", WRITERS.values(), ids=list(WRITERS))
@pytest.mark.parametrize(
    "value", [{"format_version": 1, "id": "a"}, None, "{}", example().people[0]], ids=repr
)
def test_every_writer_refuses_what_is_not_an_article(
    writer: Callable[[Any], object], value: object
) -> None:
    """A dict (a JSON value), None, text or a part of an article is a TypeError, not output."""
    with pytest.raises(TypeError, match=r"takes an Article, not an? \w+") as caught:
        writer(value)
    assert "InvalidArticleError" != type(caught.value).__name__


def test_the_type_error_names_the_function_and_what_it_was_given() -> None:
    """The message says which function, what it got and where JSON values go instead."""
    with pytest.raises(TypeError) as caught:
        newsarticle.dumps({"format_version": 1})  # type: ignore[arg-type]
    assert (
        "newsarticle.dumps takes an Article, not a dict "
        "(newsarticle.check takes a JSON value or text)"
    ) == str(caught.value)


@pytest.mark.parametrize("writer", WRITERS.values(), ids=list(WRITERS))
def test_warnings_alone_do_not_stop_a_writer(writer: Callable[[Any], object]) -> None:
    """An unnamed source nothing refers to is a warning: the article is written, and loads back."""
    article = attrs.evolve(
        example(),
        unnamed_sources=[
            *example().unnamed_sources,
            UnnamedSource(id="idle", description="a source"),
        ],
    )
    assert ["unused-source"] == [p.code for p in newsarticle.validate(newsarticle.dumps(article))]
    assert writer(article)
    assert article == newsarticle.loads(newsarticle.dumps(article))


def test_dump_of_a_broken_article_writes_nothing(tmp_path: Path) -> None:
    """A refused article leaves no file, not even a temporary one, and keeps an old file."""
    broken = attrs.evolve(example(), publisher="nobody")
    with pytest.raises(InvalidArticleError):
        newsarticle.dump(broken, tmp_path / "new.json")
    assert [] == list(tmp_path.iterdir())
    old = tmp_path / "old.json"
    newsarticle.dump(example(), old)
    before = old.read_bytes()
    with pytest.raises(InvalidArticleError):
        newsarticle.dump(broken, old)
    with pytest.raises(TypeError):
        newsarticle.dump({"format_version": 1}, old)  # type: ignore[arg-type]
    assert ["old.json"] == [p.name for p in tmp_path.iterdir()]
    assert before == old.read_bytes()


def test_the_error_says_how_many_errors_and_the_first() -> None:
    """str(InvalidArticleError) counts the errors and shows the first with its path."""
    with pytest.raises(InvalidArticleError) as caught:
        newsarticle.dumps(attrs.evolve(example(), publisher="nobody"))
    assert (
        '1 error(s) in article document; first: unresolved-reference error "nobody" is not the '
        "id of anything in the article (expected an organization) (/publisher)"
    ) == str(caught.value)


@pytest.mark.parametrize("writer", WRITERS.values(), ids=list(WRITERS))
def test_each_call_walks_the_integrity_checks_once(
    writer: Callable[[Any], object], monkeypatch: pytest.MonkeyPatch
) -> None:
    """One walk per call, however many renderers the export goes through (HTML: three)."""
    calls: list[Article] = []
    walk = _integrity.article_problems

    def counted(article: Article) -> list[newsarticle.Problem]:
        calls.append(article)
        return walk(article)

    monkeypatch.setattr(_integrity, "article_problems", counted)
    article = example()
    writer(article)
    assert 1 == len(calls)
    assert article is calls[0]


def test_an_article_is_walked_once_however_often_it_is_checked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """loads walks the article it builds; exporting and writing it again walk nothing more,
    and a broken article is refused on every call, from the verdict it keeps."""
    walks: list[Article] = []
    walk = _integrity.walk_article

    def counted(article: Article) -> list[newsarticle.Problem]:
        walks.append(article)
        return walk(article)

    monkeypatch.setattr(_integrity, "walk_article", counted)
    article = newsarticle.loads(newsarticle.dumps(example()))
    before = len(walks)
    for writer in WRITERS.values():
        writer(article)
    assert before == len(walks)
    broken = attrs.evolve(article, publisher="nobody")
    for writer in WRITERS.values():
        with pytest.raises(InvalidArticleError):
            writer(broken)
    assert [broken] == walks[before:]


def test_resolve_still_raises_the_one_reference_error() -> None:
    """Past the refusal only a bug reaches resolve with a dangling id: InvalidReferenceError."""
    with pytest.raises(InvalidReferenceError) as caught:
        _integrity.resolve(example(), "kabul", ORGANIZATIONS)
    assert ("kabul", "an organization") == (caught.value.identifier, caught.value.expected)
    assert str(caught.value).startswith('the article is not valid: "kabul" is a place')


def test_a_built_article_with_two_objects_of_one_id_is_not_written() -> None:
    """The issue's case: a person and an organization sharing an id cannot be exported."""
    article = Article(
        id="a",
        headline="H",
        language="en",
        authors=["o"],
        people=[Person(id="o", name="P")],
        organizations=[Organization(id="o", name="O")],
    )
    for writer in WRITERS.values():
        with pytest.raises(InvalidArticleError) as caught:
            writer(article)
        assert [("duplicate-id", "/organizations/0/id")] == [
            (p.code, p.path) for p in caught.value.problems
        ]


def test_a_small_valid_article_is_written_by_every_writer() -> None:
    """The refusal lets a valid article through: every writer returns its output."""
    article = Article(
        id="a",
        headline="H",
        language="en",
        paragraphs=[Paragraph(id="p", text='She said "yes".')],
        people=[Person(id="ana", name="Ana")],
        attributions=[
            Attribution(
                id="s", channel=Channel.INTERVIEW, verification=Verification.VERIFIED, source="ana"
            )
        ],
        quotes=[
            Quote(id="q", text="yes", kind=QuoteKind.DIRECT, attribution="s", paragraphs=["p"])
        ],
    )
    assert all(writer(article) for writer in WRITERS.values())


@given(articles(), st.data())
def test_dumps_refuses_exactly_what_loads_refuses(article: Article, data: st.DataObject) -> None:
    """For an article one integrity change away from a valid one, dumps writes it when loads
    would read it back (and it then does), and otherwise refuses it with the problems that
    validate reports for its document."""
    document = data.draw(reference_change(copy.deepcopy(json.loads(newsarticle.dumps(article)))))
    assume(document is not None)
    changed = _convert.structure(document)  # the model alone: integrity is not checked
    problems = newsarticle.validate(document)  # a JSON value: the problems in walk order
    expected = [(p.code, p.path) for p in problems]
    if any(p.is_error for p in problems):
        with pytest.raises(InvalidArticleError) as caught:
            newsarticle.dumps(changed)
        assert expected == [(p.code, p.path) for p in caught.value.problems]
        with pytest.raises(InvalidArticleError):
            newsarticle.loads(json.dumps(document))
    else:
        assert changed == newsarticle.loads(newsarticle.dumps(changed))
