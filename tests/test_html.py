"""The HTML page export, and what real extractors read from it."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import attrs
import extruct
import html5lib
import pytest
import trafilatura
from hypothesis import HealthCheck, given, settings
from trafilatura.json_metadata import normalize_authors

from helpers_export import (
    example,
    objects,
    plain_articles,
)
from newsarticle import (
    Article,
    Attribution,
    Channel,
    Image,
    Person,
    Quote,
    QuoteKind,
    Verification,
    to_html,
    to_jsonld,
)
from newsarticle.testing import articles

XHTML = "{http://www.w3.org/1999/xhtml}"


def parse(page: str) -> Any:
    """The page parsed by html5lib in strict mode: any HTML parse error raises."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(page)


def elements(tree: Any, name: str) -> list[Any]:
    return list(tree.iter(f"{XHTML}{name}"))


def text_of(element: Any) -> str:
    return "".join(element.itertext())


def dated(article: Article) -> Article:
    published = dt.datetime(
        2021, 8, 19, 23, 30, tzinfo=dt.timezone(dt.timedelta(hours=4, minutes=30))
    )
    return attrs.evolve(article, date_published=published)


def bylined() -> Article:
    """The example with two reporters as authors, one also quoted, and a lead image."""
    article = dated(example())
    reporters = [
        Person(id="rita", name="Rita Moreno", url="https://news.example/rita"),
        Person(id="omar", name="Omar Haddad", same_as=["https://news.example/omar"]),
    ]
    said = Attribution(
        id="rita-said",
        channel=Channel.CONVERSATION,
        verification=Verification.VERIFIED,
        source="alex-crawford",
    )
    quote = Quote(
        id="crawford-visit",
        text="visited the valley in July",
        kind=QuoteKind.REPORTED,
        attribution="rita-said",
        paragraphs=["p15"],
    )
    image = Image(
        id="lead", url="https://img.example/a.jpg", width=1200, height=675, alt="A valley"
    )
    return attrs.evolve(
        article,
        people=[*article.people, *reporters],
        authors=["rita", "omar"],
        attributions=[*article.attributions, said],
        quotes=[*article.quotes, quote],
        images=[image],
    )


def trafilatura_authors(page: str) -> list[str]:
    found = trafilatura.extract_metadata(page).author
    return [] if found is None else found.split("; ")


def normalized(names: list[str]) -> list[str]:
    """Names as trafilatura writes them (it splits "A and B" in two, for one)."""
    result: list[str] = []
    for name in names:
        result += (normalize_authors(None, name) or "").split("; ")
    return [n for n in result if n]


# --- the page ---------------------------------------------------------------------------


@pytest.mark.parametrize("article", [example(), bylined()], ids=["example", "bylined"])
def test_page_is_valid_html(article: Article) -> None:
    """The page parses with no HTML parse error (html5lib, strict)."""
    parse(to_html(article))


def test_page_is_accessible_in_structure() -> None:
    """Language on <html>, a title, one h1, a main landmark, text alternatives on images."""
    page = to_html(bylined())
    tree = parse(page)
    assert "en-GB" == tree.get("lang")
    assert [bylined().headline] == [text_of(t) for t in elements(tree, "title")]
    assert [bylined().headline] == [text_of(h) for h in elements(tree, "h1")]
    assert 1 == len(elements(tree, "main"))
    assert ["A valley"] == [img.get("alt") for img in elements(tree, "img")]
    assert [("1200", "675")] == [(i.get("width"), i.get("height")) for i in elements(tree, "img")]


def test_page_shows_the_byline_date_and_every_paragraph() -> None:
    """The byline names the authors, a <time> holds the date, paragraphs keep their order."""
    article = bylined()
    tree = parse(to_html(article))
    assert ["By Rita Moreno and Omar Haddad"] == [
        text_of(p) for p in elements(tree, "p") if p.get("class") == "byline"
    ]
    assert ["2021-08-19T23:30:00+04:30"] == [t.get("datetime") for t in elements(tree, "time")]
    texts = [text_of(p) for p in elements(tree, "p")]
    assert [p.text for p in article.paragraphs] == [
        t for t in texts if t in {p.text for p in article.paragraphs}
    ]


def test_the_heads_script_holds_exactly_the_jsonld() -> None:
    """The JSON-LD block in the head parses back to to_jsonld(article)."""
    article = bylined()
    scripts = elements(parse(to_html(article)), "script")
    assert [to_jsonld(article)] == [json.loads(text_of(s)) for s in scripts]


@pytest.mark.parametrize(
    "headline",
    ["</script><script>alert(1)</script>", "<!-- hidden", "Tom & Jerry <b>bold</b>"],
)
def test_no_headline_can_add_markup(headline: str) -> None:
    """A hostile headline stays text: the page is valid, its title and h1 read it back,
    and the JSON-LD block still parses to the export."""
    article = attrs.evolve(bylined(), headline=headline)
    tree = parse(to_html(article))
    assert [headline] == [text_of(t) for t in elements(tree, "title")]
    assert [headline] == [text_of(h) for h in elements(tree, "h1")]
    assert 1 == len(elements(tree, "script"))
    assert to_jsonld(article) == json.loads(text_of(elements(tree, "script")[0]))


def test_noncharacters_become_replacement_characters() -> None:
    """HTML forbids noncharacters even as references; the page writes U+FFFD instead."""
    article = attrs.evolve(bylined(), headline="odd \ufdd0 and \U0010ffff")
    tree = parse(to_html(article))
    assert ["odd \ufffd and \ufffd"] == [text_of(h) for h in elements(tree, "h1")]


@given(articles())
def test_every_page_is_valid_and_carries_its_jsonld(article: Article) -> None:
    """For any article: no HTML parse error, the head's script parses to exactly the
    JSON-LD, and the title is the headline."""
    tree = parse(to_html(article))
    assert [to_jsonld(article)] == [json.loads(text_of(s)) for s in elements(tree, "script")]
    replaced = "".join("\ufffd" if _nonchar(c) else c for c in article.headline)
    assert [replaced] == [text_of(t) for t in elements(tree, "title")]


def _nonchar(character: str) -> bool:
    code = ord(character)
    return 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE


# --- extractors -------------------------------------------------------------------------


def extracted_authors(data: dict[str, Any]) -> list[Any]:
    """Every value any extruct syntax gives for an author-like property."""
    found: list[Any] = []
    for syntax, items in data.items():
        for item in objects(items):
            for key, value in item.items():
                if key.rpartition("/")[2].rpartition("#")[2] in {"author", "creator"}:
                    found.append((syntax, key, value))
    return found


@pytest.mark.parametrize("article", [example(), bylined()], ids=["example", "bylined"])
def test_extruct_reads_the_jsonld_and_nothing_else(article: Article) -> None:
    """extruct finds one JSON-LD item (the export) and no microdata, Open Graph or
    microformats; in all it extracts, ``author`` stands once, holding the article's
    authors."""
    data = extruct.extract(to_html(article), base_url="https://news.example/")
    assert [to_jsonld(article)] == data["json-ld"]
    assert [] == data["microdata"] + data["opengraph"] + data["microformat"]
    authors = [a for a in extracted_authors(data) if a[1] == "author"]
    assert [("json-ld", "author", to_jsonld(article)["@graph"][0]["author"])] == authors


@pytest.mark.parametrize("article", [example(), bylined()], ids=["example", "bylined"])
def test_trafilatura_finds_headline_and_authors_only(article: Article) -> None:
    """trafilatura reads the headline as the title and the authors, no one quoted or
    mentioned, as the author (in its own normalization of names)."""
    page = to_html(article)
    metadata = trafilatura.extract_metadata(page)
    assert article.headline == metadata.title
    names = [article.index[i].name for i in article.authors]  # type: ignore[union-attr]
    assert normalized(names) == trafilatura_authors(page)
    assert "Sky News" == metadata.sitename


def test_trafilatura_finds_the_publication_date() -> None:
    """The date trafilatura gives is the article's own date as written (its local day)."""
    metadata = trafilatura.extract_metadata(to_html(bylined()))
    assert "2021-08-19" == metadata.date


def test_trafilatura_reads_organization_authors_from_the_byline() -> None:
    """An organization as sole author reaches trafilatura through <meta name="author">."""
    article = attrs.evolve(dated(example()), authors=["the-national"])
    assert ["The National"] == trafilatura_authors(to_html(article))


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(plain_articles())
def test_trafilatura_never_takes_a_quoted_or_mentioned_person_for_an_author(
    article: Article,
) -> None:
    """For any article (with names trafilatura keeps as they are), trafilatura's authors
    are exactly the article's, whoever else the article names or quotes."""
    expected = sorted(article.index[i].name for i in article.authors)  # type: ignore[union-attr]
    assert expected == sorted(trafilatura_authors(to_html(article)))
