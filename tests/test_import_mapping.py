"""Importing schema.org JSON-LD: finding the article, mapping each property to the model, and
the problem that says each repair, guess and drop (docs/import.md)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import newsarticle
from newsarticle import (
    Access,
    Article,
    Channel,
    ClaimReview,
    Genre,
    Image,
    LiveCoverage,
    LiveUpdate,
    OrganizationKind,
    PartialDate,
    PlaceKind,
    Policies,
    Problem,
    Role,
    Severity,
)
from newsarticle._errors import CODES
from newsarticle._import import _text, _vocab
from newsarticle._import._dates import read_any_form, read_moment
from newsarticle._import._nodes import import_page
from newsarticle._import._page import read_blocks, read_page
from newsarticle._import._people import split_byline
from newsarticle._import._text import clean_line, clean_text
from newsarticle._model import Logo
from newsarticle._rules import ID
from newsarticle.testing import articles

UTC = dt.UTC
PLUS_TWO = dt.timezone(dt.timedelta(hours=2))


def imported(
    data: Any, *, url: str | None = None, tz: dt.tzinfo | None = None
) -> tuple[Article | None, list[Problem]]:
    """``data`` (a JSON-LD value, a block text, or a list of block texts) imported."""
    return import_page(read_blocks(data), url=url, assume_timezone=tz)


def article_of(data: Any, **options: Any) -> Article:
    """The article imported from ``data``; the test fails when there is none."""
    article, problems = imported(data, **options)
    assert article is not None, [str(p) for p in problems]
    return article


def codes(problems: list[Problem]) -> list[str]:
    return [p.code for p in problems]


def found(problems: list[Problem], code: str) -> list[Problem]:
    return [p for p in problems if p.code == code]


def news(**properties: Any) -> dict[str, Any]:
    """A NewsArticle node with a headline and a language, and ``properties``."""
    return {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "A headline",
        "inLanguage": "en",
        **properties,
    }


def names(article: Article, ids: tuple[str, ...]) -> list[str]:
    entities = {e.id: e.name for e in (*article.people, *article.organizations, *article.places)}
    return [entities[i] for i in ids]


# --- the vocabulary ----------------------------------------------------------------------


def test_the_article_family_is_read_off_the_hierarchy() -> None:
    """Article types are Article and every type below it: news subtypes, blog and social
    media postings, reports; not web pages or other creative works."""
    family = _vocab.vocabulary().descendants("Article")
    for kind in (
        "Article",
        "NewsArticle",
        "OpinionNewsArticle",
        "ReportageNewsArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "Report",
        "SocialMediaPosting",
        "DiscussionForumPosting",
        "ScholarlyArticle",
    ):
        assert kind in family
    for kind in ("WebPage", "CreativeWork", "Thing", "Quotation"):
        assert kind not in family


def test_a_property_in_another_case_is_known() -> None:
    """headLine is a case away from headline; headline is a property; Foo is nothing."""
    vocabulary = _vocab.vocabulary()
    assert "headline" == vocabulary.spelled("headLine")
    assert vocabulary.spelled("headline") is None
    assert vocabulary.spelled("fooBar") is None
    assert "Person" == vocabulary.type_spelled("person")


# --- finding the article -----------------------------------------------------------------


@pytest.mark.parametrize(
    "document",
    [
        news(),
        [{"@type": "BreadcrumbList"}, news()],
        {"@context": "https://schema.org", "@graph": [{"@type": "WebSite"}, news()]},
        {"@context": "https://schema.org", "@type": "WebPage", "mainEntity": news()},
        news(**{"@type": ["NewsArticle"]}),
        news(**{"@type": "http://schema.org/NewsArticle"}),
        news(**{"@type": "https://schema.org/NewsArticle"}),
        news(**{"@type": "schema:NewsArticle"}),
        [[news()]],
    ],
    ids=[
        "root",
        "array",
        "graph",
        "main-entity",
        "type-list",
        "http-iri",
        "https-iri",
        "curie",
        "nested-array",
    ],
)
def test_the_article_is_found_wherever_it_stands(document: Any) -> None:
    """The article node is found at the root, in an array, in @graph, only inside a
    WebPage's mainEntity, with @type as a list or an IRI."""
    assert "A headline" == article_of(document).headline


def test_every_article_type_is_an_article() -> None:
    """A BlogPosting, a Report or a LiveBlogPosting is an article (genre news, said)."""
    for kind in ("BlogPosting", "Report", "LiveBlogPosting", "Article"):
        article, problems = imported(news(**{"@type": kind}))
        assert article is not None
        assert Genre.NEWS == article.genre
        assert [f"@type {kind} is not kept"] == [
            p.message.split(":")[0]
            for p in found(problems, "import-dropped")
            if "@type" in p.message
        ]


@pytest.mark.parametrize(
    ("kind", "genre"),
    [
        ("NewsArticle", Genre.NEWS),
        ("OpinionNewsArticle", Genre.OPINION),
        ("AnalysisNewsArticle", Genre.ANALYSIS),
        ("ReportageNewsArticle", Genre.REPORTAGE),
        ("ReviewNewsArticle", Genre.REVIEW),
        ("BackgroundNewsArticle", Genre.BACKGROUND),
        ("AskPublicNewsArticle", Genre.ASK_PUBLIC),
    ],
)
def test_the_genre_is_read_from_the_type(kind: str, genre: Genre) -> None:
    """Each news subtype gives the genre whose type the export writes, with no problem."""
    article, problems = imported(news(**{"@type": kind}))
    assert article is not None
    assert genre == article.genre
    assert [] == problems


def test_several_types_give_the_most_specific_genre() -> None:
    """["Article", "OpinionNewsArticle"] is an opinion piece."""
    article = article_of(news(**{"@type": ["Article", "OpinionNewsArticle"]}))
    assert Genre.OPINION == article.genre


def test_no_article_node_is_an_error() -> None:
    """A page whose JSON-LD holds no article gives no article, and says which types it has."""
    article, problems = imported([json.dumps({"@type": "WebPage"}), "{not json"])
    assert article is None
    [error] = [p for p in problems if p.code == "import-no-article"]
    assert Severity.ERROR == error.severity
    assert "WebPage" in error.message
    assert "page-json-syntax" in codes(problems)  # the block's own problem is kept


def test_an_article_page_without_an_article_node_is_read_from_its_meta() -> None:
    """A page that says og:type article but has no article node (its JSON-LD broken, say)
    gives the article its meta describe, each field said."""
    page = read_page(
        '<html lang="en"><head><meta property="og:type" content="article">'
        '<meta property="og:title" content="The title">'
        '<meta property="og:site_name" content="Daily">'
        '<meta name="author" content="By Jane Doe and John Roe">'
        '<meta property="og:image" content="https://e.com/a.jpg">'
        '<meta property="og:image:width" content="1200">'
        '<meta property="article:published_time" content="2020-01-01T10:00:00+01:00">'
        '<link rel="canonical" href="https://e.com/a">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>'
        "</head></html>"
    )
    article, problems = import_page(page)
    assert article is not None
    assert ("The title", "en", "https://e.com/a") == (
        article.headline,
        article.language,
        article.url,
    )
    assert ["Jane Doe", "John Roe"] == names(article, article.authors)
    assert ["Daily"] == [o.name for o in article.organizations]
    assert [Image(id="image", url="https://e.com/a.jpg", width=1200)] == list(article.images)
    assert dt.datetime(2020, 1, 1, 9, tzinfo=UTC) == article.date_published
    assert "page-json-syntax" in codes(problems)
    assert 8 == len(found(problems, "import-from-page"))


def test_a_page_that_is_no_article_gives_none() -> None:
    """Without an article node or og:type article, there is no article."""
    page = read_page('<html><head><meta property="og:title" content="Home"></head></html>')
    article, problems = import_page(page)
    assert article is None
    assert "import-no-article" in codes(problems)


def test_the_updates_of_a_live_blog_are_not_articles() -> None:
    """The BlogPostings inside a LiveBlogPosting are its parts, not articles to choose from."""
    live = news(
        **{"@type": "LiveBlogPosting"},
        liveBlogUpdate=[{"@type": "BlogPosting", "headline": "Update 1"}],
    )
    article, problems = imported(live)
    assert article is not None
    assert "A headline" == article.headline
    assert [] == found(problems, "import-several-articles")


def test_references_are_followed_across_blocks() -> None:
    """An author given as an @id is read from the block that defines it."""
    blocks = [
        json.dumps(news(author={"@id": "https://example.com/#/person/1"})),
        json.dumps(
            {
                "@context": "https://schema.org",
                "@graph": [
                    {"@type": "Person", "@id": "https://example.com/#/person/1", "name": "Jane Doe"}
                ],
            }
        ),
    ]
    article = article_of(blocks)
    assert ["Jane Doe"] == names(article, article.authors)


def test_a_reference_to_nothing_is_dropped_and_said() -> None:
    """An author @id that no node of the page defines is dropped with a warning."""
    article, problems = imported(news(author={"@id": "https://example.com/#nobody"}))
    assert article is not None
    assert () == article.authors
    [warning] = found(problems, "import-unresolved")
    assert "/author" == warning.path


class TestSeveralArticles:
    """Two or more article nodes: one is taken by the rule of docs/import.md, and said."""

    def test_the_main_entity_of_the_page_is_taken(self) -> None:
        """The article a WebPage names as mainEntity wins over the others."""
        graph = {
            "@context": "https://schema.org",
            "@graph": [
                news(headline="Related", **{"@id": "https://e.com/other#article"}),
                news(headline="Main", **{"@id": "https://e.com/a#article"}),
                {"@type": "WebPage", "mainEntity": {"@id": "https://e.com/a#article"}},
            ],
        }
        article, problems = imported(graph)
        assert article is not None
        assert "Main" == article.headline
        [warning] = found(problems, "import-several-articles")
        assert "mainEntity" in warning.message
        assert "/@graph/0" in warning.message
        assert "headline" in warning.message  # what the other disagrees on

    def test_the_node_of_the_page_url_is_taken(self) -> None:
        """Without a mainEntity, the node whose url is the page's URL wins."""
        blocks = [
            json.dumps(news(headline="Other", url="https://e.com/other")),
            json.dumps(news(headline="This", url="https://e.com/this")),
        ]
        article = article_of(blocks, url="https://e.com/this")
        assert "This" == article.headline

    def test_the_fullest_node_is_taken(self) -> None:
        """Otherwise the node with most of headline, author and datePublished wins."""
        blocks = [
            json.dumps({"@type": "Article", "name": "Thin"}),
            json.dumps(
                news(headline="Full", author="Jane Doe", datePublished="2020-01-01T00:00:00Z")
            ),
        ]
        assert "Full" == article_of(blocks).headline

    def test_else_the_first_is_taken(self) -> None:
        """Two alike: the first in page order."""
        blocks = [json.dumps(news(headline="First")), json.dumps(news(headline="Second"))]
        article, problems = imported(blocks)
        assert article is not None
        assert "First" == article.headline
        assert 1 == len(found(problems, "import-several-articles"))

    def test_one_article_given_twice_is_one(self) -> None:
        """The same @id in two blocks is one article, read as one node, with no warning."""
        blocks = [
            json.dumps(news(**{"@id": "https://e.com/a#article"})),
            json.dumps(
                {
                    "@type": "NewsArticle",
                    "@id": "https://e.com/a#article",
                    "articleSection": "World",
                }
            ),
        ]
        article, problems = imported(blocks)
        assert article is not None
        assert "World" == article.section
        assert [] == found(problems, "import-several-articles")


# --- text ----------------------------------------------------------------------------------


#: Texts of the characters cleaning is about (and any text).
_TRICKY = st.text(st.sampled_from(" \n\t\r\x0b\x85&<>/!-ab;#x0\u00a0")) | st.text()


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Tom &amp; Jerry", "Tom & Jerry"),
        ("&quot;Quoted&quot;", '"Quoted"'),
        ("It&#8217;s", "It\u2019s"),
        ("S&#x00E9;ries", "S\u00e9ries"),
        ("&amp;quot;Twice&amp;quot;", '"Twice"'),
        ("AT&T", "AT&T"),
        ("&copy 2020", "&copy 2020"),
        ("&madeup;", "&madeup;"),
        ("x&#0;y", "x&#0;y"),
        ("a <em>word</em>", "a word"),
        ("a < b and b > c", "a < b and b > c"),
        ("&lt;b&gt;bold&lt;/b&gt;", "bold"),
        ("  two   spaces \n and a line ", "two spaces and a line"),
        ("tab\there", "tab here"),
    ],
)
def test_a_line_is_cleaned(raw: str, clean: str) -> None:
    """Complete references decoded (again while complete ones remain), whole tags removed,
    ASCII whitespace collapsed; anything else is text."""
    assert clean == clean_line(raw).text


def test_a_text_keeps_its_lines() -> None:
    """A text (a standfirst, a caption) keeps its line breaks; spaces are collapsed within
    lines, blank lines made one, the ends trimmed."""
    assert (
        "One line\nanother\n\nA paragraph"
        == clean_text("  One   line \r\nanother\n\n\n\nA paragraph\n").text
    )


@given(_TRICKY)
def test_cleaning_a_cleaned_line_changes_nothing(text: str) -> None:
    """Cleaning is a fixed point: what it gives it leaves as it is."""
    once = clean_line(text).text
    assert once == clean_line(once).text


@given(_TRICKY)
def test_cleaning_a_cleaned_text_changes_nothing(text: str) -> None:
    """The same for texts that may span lines."""
    once = clean_text(text).text
    assert once == clean_text(once).text


@given(_TRICKY)
@example("a  b")
@example(" a")
@example("a\t")
@example("a\n\n\nb")
@example("a \nb")
@example("&amp;")
@example("a<b>")
def test_a_clean_text_is_known_at_a_glance(text: str) -> None:
    """The quick test that a text needs no cleaning agrees with running every step."""
    assert _text._settle(text, " ", _text._line_spaces) == clean_line(text)
    assert _text._settle(text, "\n\n", _text._clean_lines) == clean_text(text)


def test_each_cleanup_is_a_warning_at_its_pointer() -> None:
    """A headline with references, tags and extra spaces is cleaned, and the warning names
    each change and the value's pointer."""
    article, problems = imported(news(headline="  <b>Tom</b> &amp;amp; Jerry  "))
    assert article is not None
    assert "Tom & Jerry" == article.headline
    [warning] = found(problems, "import-text-cleaned")
    assert "/headline" == warning.path
    assert "character references decoded" in warning.message
    assert "HTML tags removed" in warning.message
    assert "whitespace collapsed" in warning.message


def test_a_clean_headline_gives_no_problem() -> None:
    """Nothing to clean, nothing said."""
    assert [] == imported(news())[1]


# --- properties -----------------------------------------------------------------------------


def test_headline_else_name() -> None:
    """Without a headline the article's name is its headline."""
    document = news(name="The name")
    del document["headline"]
    assert "The name" == article_of(document).headline


def test_no_headline_is_an_error() -> None:
    """Without headline, name or og:title the model cannot hold the article."""
    document = news()
    del document["headline"]
    article, problems = imported(document)
    assert article is None
    assert ["import-no-headline"] == [p.code for p in problems if p.is_error]


def test_a_misspelt_property_is_read_and_said() -> None:
    """headLine is read as headline, with a warning that suggests the property."""
    document = news(headLine="Misspelt")
    del document["headline"]
    article, problems = imported(document)
    assert article is not None
    assert "Misspelt" == article.headline
    [warning] = found(problems, "import-property-spelling")
    assert "/headLine" == warning.path
    assert '"headLine" is not a schema.org property; read as headline' == warning.message


def test_a_misspelt_property_beside_the_right_one_is_dropped() -> None:
    """datemodified beside dateModified: the property is read, the other reported."""
    article, problems = imported(
        news(
            datePublished="2020-01-01T00:00:00Z",
            dateModified="2020-01-02T00:00:00Z",
            datemodified="2021-01-01T00:00:00Z",
        )
    )
    assert article is not None
    assert dt.datetime(2020, 1, 2, tzinfo=UTC) == article.date_modified
    [warning] = found(problems, "import-property-spelling")
    assert "/datemodified" == warning.path
    assert "dateModified" in warning.message


def test_an_unknown_property_is_said() -> None:
    """articleId is no schema.org property: dropped, with a warning at its pointer."""
    article, problems = imported(news(articleId="12345"))
    assert article is not None
    assert ["/articleId"] == [p.path for p in found(problems, "import-unknown-property")]


def test_an_unknown_type_is_said() -> None:
    """A type schema.org does not define is reported at its pointer."""
    _, problems = imported(news(author={"@type": "Writer", "name": "Jane Doe"}))
    assert ["/author/@type"] == [p.path for p in found(problems, "import-unknown-type")]


def test_every_property_not_kept_is_said() -> None:
    """Each property the model has no field for is a warning naming it, at its pointer, and
    saying why."""
    article, problems = imported(
        news(
            speakable={"@type": "SpeakableSpecification", "cssSelector": [".lead"]},
            thumbnailUrl="https://example.com/t.jpg",
            publisher={
                "@type": "Organization",
                "name": "Daily",
                "logo": "https://example.com/l.png",
            },
        )
    )
    assert article is not None
    dropped = {p.path: p.message for p in found(problems, "import-dropped")}
    assert {"/speakable", "/thumbnailUrl"} == set(dropped)
    assert '".lead"' in dropped["/speakable"]
    assert "no thumbnail" in dropped["/thumbnailUrl"]


def test_the_mapping_of_the_simple_properties() -> None:
    """alternativeHeadline, description, articleSection, dateline and keywords go to their
    fields."""
    article = article_of(
        news(
            alternativeHeadline="Another",
            description="The standfirst.\nOn two lines.",
            articleSection="World",
            dateline="KABUL",
            keywords=["Taliban", "Afghanistan"],
        )
    )
    assert "Another" == article.alternative_headline
    assert "The standfirst.\nOn two lines." == article.standfirst
    assert "World" == article.section
    assert "KABUL" == article.dateline
    assert ("Taliban", "Afghanistan") == article.keywords


@pytest.mark.parametrize(
    ("keywords", "expected"),
    [
        ("Taliban, Afghanistan ,Kabul", ("Taliban", "Afghanistan", "Kabul")),
        (["Taliban", "Taliban", "a, b"], ("Taliban", "a, b")),
        ("", ()),
        ([], ()),
        ([{"@type": "DefinedTerm", "name": "Taliban"}], ("Taliban",)),
    ],
)
def test_keywords(keywords: Any, expected: tuple[str, ...]) -> None:
    """A string is split at commas; a list is kept item by item (each once)."""
    assert expected == article_of(news(keywords=keywords)).keywords


def test_a_list_where_the_model_holds_one_value() -> None:
    """Two sections: the first is kept, the rest reported."""
    article, problems = imported(news(articleSection=["World", "Asia"]))
    assert article is not None
    assert "World" == article.section
    assert ["/articleSection/1"] == [p.path for p in found(problems, "import-dropped")]


class TestLanguage:
    """inLanguage, else the page's language, else und."""

    def test_in_language(self) -> None:
        """A BCP 47 tag is kept as written; en_US is read as en-US (said)."""
        assert "de-DE" == article_of(news(inLanguage="de-DE")).language
        article, problems = imported(news(inLanguage="en_US"))
        assert article is not None
        assert "en-US" == article.language
        assert ["/inLanguage"] == [p.path for p in found(problems, "import-text-cleaned")]

    def test_a_language_node(self) -> None:
        """A Language node gives its alternateName."""
        language = {"@type": "Language", "name": "German", "alternateName": "de"}
        assert "de" == article_of(news(inLanguage=language)).language

    def test_the_page_language(self) -> None:
        """Without inLanguage, the page's <html lang> (said)."""
        document = news()
        del document["inLanguage"]
        page = read_page(
            '<html lang="fr"><head><script type="application/ld+json">'
            + json.dumps(document)
            + "</script></head></html>"
        )
        article, problems = import_page(page)
        assert article is not None
        assert "fr" == article.language
        assert ["import-from-page"] == codes(problems)

    def test_no_language_is_und(self) -> None:
        """Nowhere a language: und (undetermined, a valid tag), with a warning."""
        document = news()
        del document["inLanguage"]
        article, problems = imported(document)
        assert article is not None
        assert "und" == article.language
        assert ["import-no-language"] == codes(problems)

    def test_a_bad_tag_is_dropped(self) -> None:
        """English is no language tag: said, and the page's language used."""
        article, problems = imported(news(inLanguage="English"))
        assert article is not None
        assert "und" == article.language
        assert ["import-bad-value", "import-no-language"] == sorted(codes(problems))


class TestUrl:
    """url, else mainEntityOfPage, else the url= argument, else the canonical link."""

    def test_url(self) -> None:
        article = article_of(news(url="https://e.com/a", mainEntityOfPage="https://e.com/b"))
        assert "https://e.com/a" == article.url

    def test_main_entity_of_page(self) -> None:
        """mainEntityOfPage as a URL or a WebPage with an @id or url."""
        for value in (
            "https://e.com/b",
            {"@type": "WebPage", "@id": "https://e.com/b"},
            {"@type": "WebPage", "url": "https://e.com/b"},
        ):
            assert "https://e.com/b" == article_of(news(mainEntityOfPage=value)).url

    def test_the_argument(self) -> None:
        """The url= argument, where the JSON-LD has none."""
        assert "https://e.com/c" == article_of(news(), url="https://e.com/c").url

    def test_the_canonical_link(self) -> None:
        """The page's canonical link (said)."""
        page = read_page(
            '<html><head><link rel="canonical" href="https://e.com/d">'
            '<script type="application/ld+json">' + json.dumps(news()) + "</script></head></html>"
        )
        article, problems = import_page(page)
        assert article is not None
        assert "https://e.com/d" == article.url
        assert ["import-from-page"] == codes(problems)

    def test_a_relative_url_is_resolved_against_the_page(self) -> None:
        """A relative image URL is read against the article's URL, and said."""
        article, problems = imported(news(url="https://e.com/news/a", image="/img/a.jpg"))
        assert article is not None
        assert "https://e.com/img/a.jpg" == article.images[0].url
        assert ["/image"] == [p.path for p in found(problems, "import-url-resolved")]

    def test_an_iri_is_percent_encoded(self) -> None:
        """A URL with non-ASCII letters (an IRI) is read as its URI, and said."""
        article, problems = imported(news(image="https://e.com/graduación.jpg"))
        assert article is not None
        assert "https://e.com/graduaci%C3%B3n.jpg" == article.images[0].url
        assert ["/image"] == [p.path for p in found(problems, "import-url-encoded")]

    def test_not_a_url(self) -> None:
        """mainEntityOfPage "true" is no URL: dropped, said."""
        article, problems = imported(news(mainEntityOfPage="true"), url="https://e.com/a")
        assert article is not None
        assert "https://e.com/a" == article.url
        assert ["/mainEntityOfPage"] == [p.path for p in found(problems, "import-bad-value")]


# --- dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "moment"),
    [
        ("2020-04-14T00:38:07Z", dt.datetime(2020, 4, 14, 0, 38, 7, tzinfo=UTC)),
        ("2020-04-14T00:38:07+02:00", dt.datetime(2020, 4, 14, 0, 38, 7, tzinfo=PLUS_TWO)),
        ("2020-04-14T00:38:07+0200", dt.datetime(2020, 4, 14, 0, 38, 7, tzinfo=PLUS_TWO)),
        ("2020-04-14T00:38:07.250-05:00", dt.datetime(2020, 4, 14, 5, 38, 7, 250000, tzinfo=UTC)),
        ("2020-04-14 00:38:07+02:00", dt.datetime(2020, 4, 14, 0, 38, 7, tzinfo=PLUS_TWO)),
        ("2020-04-14T00:38Z", dt.datetime(2020, 4, 14, 0, 38, tzinfo=UTC)),
        ("20200414T003807Z", dt.datetime(2020, 4, 14, 0, 38, 7, tzinfo=UTC)),
        ("20200414T00:38:07Z", dt.datetime(2020, 4, 14, 0, 38, 7, tzinfo=UTC)),
        (
            "Tue Nov 19 2019 03:05:46 GMT+0000 (Coordinated Universal Time)",
            dt.datetime(2019, 11, 19, 3, 5, 46, tzinfo=UTC),
        ),
        ("Wed, 04 May 2022 00:25:56 GMT", dt.datetime(2022, 5, 4, 0, 25, 56, tzinfo=UTC)),
        ("Wed, 20 Feb 2019 10:00:00 +0100", dt.datetime(2019, 2, 20, 9, 0, tzinfo=UTC)),
        ("Tue, Sep 19 2023 10:00:00 EDT", dt.datetime(2023, 9, 19, 14, 0, tzinfo=UTC)),
        ("2020-10-05T10:00:00 CEST", dt.datetime(2020, 10, 5, 8, 0, tzinfo=UTC)),
        ("2020-10-05T23:15:0Z", dt.datetime(2020, 10, 5, 23, 15, tzinfo=UTC)),
    ],
)
def test_date_forms_read_as_instants(text: str, moment: dt.datetime) -> None:
    """Every form of a moment with its offset is read as that instant."""
    found_moment = read_moment(text)
    assert found_moment is not None
    assert "moment" == found_moment.kind
    assert moment == found_moment.value


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("2020-04-14T00:38:07", "local"),
        ("2023/02/21 22:08", "local"),
        ("2019-11-19T03:05:46 IST", "local"),
        ("Mon, 11 Nov 2019 10:00:00 -0000", "local"),
        ("2020-04-14", "day"),
        ("November 19, 2019", "day"),
    ],
)
def test_dates_without_offset_are_local(text: str, kind: str) -> None:
    """No offset (or an abbreviation of several meanings, or RFC 2822's -0000): local."""
    found_moment = read_moment(text)
    assert found_moment is not None
    assert kind == found_moment.kind


@pytest.mark.parametrize(
    "text", ["yesterday", "2020-13-01", "2020-02-30T00:00:00Z", "", "31/12/2020"]
)
def test_dates_that_are_no_date(text: str) -> None:
    """What is no date (or no real one, or an ambiguous day-month order) is not read."""
    assert read_moment(text) is None


def _two(low: int, high: int) -> st.SearchStrategy[str]:
    return st.integers(low, high).map(lambda n: f"{n:02d}")


# Texts of about the commonest form: each field in its range or just outside it.
_COMMON_DATES = st.tuples(
    st.integers(0, 9999).map(lambda n: f"{n:04d}"),
    _two(0, 13),
    _two(0, 32),
    st.sampled_from("Tt "),
    _two(0, 25),
    _two(0, 61),
    _two(0, 61),
    st.none() | st.from_regex(r"[0-9]{1,7}", fullmatch=True),
    st.none()
    | st.sampled_from(["Z", "z"])
    | st.tuples(st.sampled_from("+-"), _two(0, 25), st.sampled_from(["", ":"]), _two(0, 61)).map(
        "".join
    ),
).map(
    lambda p: (
        f"{p[0]}-{p[1]}-{p[2]}{p[3]}{p[4]}:{p[5]}:{p[6]}"
        + (f".{p[7]}" if p[7] is not None else "")
        + (p[8] or "")
    )
)


@given(_COMMON_DATES)
@example("2024-03-05T12:34:56+05:60")
@example("2024-03-05T12:34:56+24:00")
@example("2024-02-30T00:00:00Z")
@example("2024-03-05T12:34:60Z")
@example("2024-03-05T24:00:00Z")
@example("2024-03-05T12:34:56.1234567+01:00")
@example("2024-03-05T12:34:56.5-00:00")
@example("2024-03-05t12:34:56z")
def test_the_common_date_form_reads_as_the_general_readers_read_it(text: str) -> None:
    """The quick reading of the commonest form (ISO 8601 in full, with an offset) gives what
    the general readers give, for every text of about that shape (fields out of range, other
    separators, no offset, seven digits of fraction included)."""
    assert read_any_form(text) == read_moment(text)


def test_iso_dates_give_no_problem() -> None:
    """An ISO 8601 moment with its offset is read silently; other forms are said."""
    article, problems = imported(news(datePublished="2020-04-14T00:38:07+0200"))
    assert article is not None
    assert dt.datetime(2020, 4, 14, 0, 38, 7, tzinfo=PLUS_TWO) == article.date_published
    assert [] == problems
    article, problems = imported(news(datePublished="Wed, 04 May 2022 00:25:56 GMT"))
    assert article is not None
    assert ["import-date-format"] == codes(problems)


def test_a_date_without_zone_is_dropped_unless_a_zone_is_named() -> None:
    """A local time is dropped with a warning; with assume_timezone it is read in that zone
    (said too): never in a zone guessed."""
    document = news(datePublished="2020-07-01T12:00:00")
    article, problems = imported(document)
    assert article is not None
    assert article.date_published is None
    [warning] = found(problems, "import-date-no-timezone")
    assert "dropped" in warning.message
    article, problems = imported(document, tz=ZoneInfo("Europe/Berlin"))
    assert article is not None
    assert dt.datetime(2020, 7, 1, 10, 0, tzinfo=UTC) == article.date_published
    assert dt.timedelta(hours=2) == article.date_published.utcoffset()
    [warning] = found(problems, "import-date-no-timezone")
    assert "assumed" in warning.message


def test_a_day_alone_needs_a_zone_too() -> None:
    """A date with no time is midnight in the assumed zone, or dropped."""
    assert article_of(news(datePublished="2020-07-01")).date_published is None
    article = article_of(news(datePublished="2020-07-01"), tz=UTC)
    assert dt.datetime(2020, 7, 1, tzinfo=UTC) == article.date_published


def test_the_page_meta_gives_the_offset_of_the_same_time() -> None:
    """A local datePublished takes the offset of article:published_time when that states
    the same time: the page says it, nothing is guessed."""
    document = news(datePublished="2020-07-01T12:00:00")
    page = read_page(
        '<html><head><meta property="article:published_time" content="2020-07-01T12:00:00+02:00">'
        '<script type="application/ld+json">' + json.dumps(document) + "</script></head></html>"
    )
    article, problems = import_page(page)
    assert article is not None
    assert dt.datetime(2020, 7, 1, 12, tzinfo=PLUS_TWO) == article.date_published
    assert ["import-date-no-timezone"] == codes(problems)


def test_modified_before_published_is_dropped() -> None:
    """dateModified before datePublished: the model refuses it, so it is dropped (said) and
    the article is valid."""
    article, problems = imported(
        news(datePublished="2024-10-16T00:00:00+08:00", dateModified="2024-10-15T23:40:13+08:00")
    )
    assert article is not None
    assert article.date_modified is None
    assert ["/dateModified"] == [p.path for p in found(problems, "import-date-order")]
    assert [] == newsarticle.validate(article)


def test_an_unreadable_date_is_dropped() -> None:
    """A date in no form read is dropped with a warning."""
    article, problems = imported(news(datePublished="le 3 mai"))
    assert article is not None
    assert article.date_published is None
    assert ["import-date-unreadable"] == codes(problems)


# --- authors, the publisher, entities -------------------------------------------------------


@pytest.mark.parametrize(
    ("author", "expected"),
    [
        ("Jane Doe", ["Jane Doe"]),
        ({"@type": "Person", "name": "Jane Doe"}, ["Jane Doe"]),
        ({"@type": "Organization", "name": "Reuters"}, ["Reuters"]),
        (
            [{"@type": "Person", "name": "Jane Doe"}, {"@type": "Person", "name": "John Roe"}],
            ["Jane Doe", "John Roe"],
        ),
        ([[{"@type": "Person", "name": "Jane Doe"}], "John Roe"], ["Jane Doe", "John Roe"]),
        ({"@type": "Person", "name": ["Jane Doe", "John Roe"]}, ["Jane Doe", "John Roe"]),
        ({"@type": "Person", "givenName": "Jane", "familyName": "Doe"}, ["Jane Doe"]),
        ({"@type": "person", "name": "Jane Doe"}, ["Jane Doe"]),
    ],
)
def test_authors(author: Any, expected: list[str]) -> None:
    """An author as a string, a Person, an Organization, an array, a nested array, a name
    array, given and family names, or a type in the wrong case."""
    article = article_of(news(author=author))
    assert expected == names(article, article.authors)


def test_an_organization_author_is_an_organization() -> None:
    """An Organization author goes to organizations, a Person to people."""
    article = article_of(
        news(
            author=[
                {"@type": "NewsMediaOrganization", "name": "AP"},
                {"@type": "Person", "name": "Jane Doe"},
            ]
        )
    )
    assert ["AP"] == [o.name for o in article.organizations]
    assert OrganizationKind.NEWS_MEDIA == article.organizations[0].kind
    assert ["Jane Doe"] == [p.name for p in article.people]


@pytest.mark.parametrize(
    ("byline", "language", "expected"),
    [
        ("By Jane Doe", "en", ["Jane Doe"]),
        ("Jane Doe and John Roe", "en", ["Jane Doe", "John Roe"]),
        ("By Jane Doe and John Roe, Reuters", "en", ["Jane Doe", "John Roe"]),
        ("Jane Doe, John Roe and Ann Poe", "en", ["Jane Doe", "John Roe", "Ann Poe"]),
        ("Felix Schröder und Jörg Soldwisch, dpa", "de", ["Felix Schröder", "Jörg Soldwisch"]),
        ("Jane Doe & John Roe", "fr", ["Jane Doe", "John Roe"]),
        ("Data and Forensics team", "en", ["Data and Forensics team"]),
        (
            "ROBERT BURNS, AP National Security Writer",
            "en",
            ["ROBERT BURNS, AP National Security Writer"],
        ),
        ("José Volta e Pinto", "pt", ["José Volta e Pinto"]),
        ("Troy L. Smith, Cleveland.com", "en", ["Troy L. Smith, Cleveland.com"]),
        ("Jane Doe und John Roe", "en", ["Jane Doe und John Roe"]),
    ],
)
def test_a_byline_is_split_only_when_certain(
    byline: str, language: str, expected: list[str]
) -> None:
    """A leading By is removed; a list of names (at commas and the list's conjunction, in
    English or the article's language) is split when every part is a person's name; anything
    else is one name."""
    assert expected == split_byline(byline, language)[0]


def test_a_split_byline_is_said() -> None:
    """Splitting is a warning at the name's pointer; what is left after the names too."""
    article, problems = imported(
        news(author={"@type": "Person", "name": "By Jane Doe and John Roe, AP"})
    )
    assert article is not None
    assert ["Jane Doe", "John Roe"] == names(article, article.authors)
    [warning] = found(problems, "import-author-split")
    assert "/author/name" == warning.path
    assert '"AP" after them is not kept as an author' in warning.message


def test_a_name_that_may_hold_several_is_kept_and_said() -> None:
    """A name with a comma that is no list stays whole, with a warning."""
    article, problems = imported(
        news(author={"@type": "Person", "name": "Troy L. Smith, Cleveland.com"})
    )
    assert article is not None
    assert ["Troy L. Smith, Cleveland.com"] == names(article, article.authors)
    assert ["/author/name"] == [p.path for p in found(problems, "import-author-unclear")]


def test_a_node_with_an_id_is_one_person() -> None:
    """A Person with an @id is one thing: its name is never split."""
    article = article_of(
        news(author={"@type": "Person", "@id": "https://e.com/#p", "name": "Jane Doe and John Roe"})
    )
    assert ["Jane Doe and John Roe"] == names(article, article.authors)


def test_an_untyped_author_named_as_the_publisher_is_the_publisher() -> None:
    """An author given as text with the publisher's name is the publisher organization."""
    article, problems = imported(
        news(
            author="Daily News", publisher={"@type": "NewsMediaOrganization", "name": "Daily News"}
        )
    )
    assert article is not None
    assert article.publisher is not None
    assert (article.publisher,) == article.authors
    assert 1 == len(article.organizations)
    assert ["import-untyped"] == codes(problems)


def test_an_untyped_author_is_a_person_said() -> None:
    """An author object with no @type is read as a Person, with a warning."""
    article, problems = imported(news(author={"name": "Jane Doe"}))
    assert article is not None
    assert ["Jane Doe"] == [p.name for p in article.people]
    assert ["import-untyped"] == codes(problems)


def test_the_same_organization_twice_is_one() -> None:
    """The publisher written out again as the author (no @id) is one organization."""
    organization = {"@type": "Organization", "name": "CNA", "url": "https://cna.example"}
    article = article_of(news(author=dict(organization), publisher=dict(organization)))
    assert 1 == len(article.organizations)
    assert (article.publisher,) == article.authors


def test_the_publisher() -> None:
    """A NewsMediaOrganization publisher, with its name, URL, sameAs and logo."""
    article, problems = imported(
        news(
            publisher={
                "@type": "NewsMediaOrganization",
                "name": "Daily",
                "url": "https://daily.example",
                "sameAs": ["https://en.wikipedia.org/wiki/Daily"],
                "logo": {"@type": "ImageObject", "url": "https://daily.example/logo.png"},
            }
        )
    )
    assert article is not None
    [publisher] = article.organizations
    assert article.publisher == publisher.id
    assert ("Daily", "https://daily.example", OrganizationKind.NEWS_MEDIA) == (
        publisher.name,
        publisher.url,
        publisher.kind,
    )
    assert ("https://en.wikipedia.org/wiki/Daily",) == publisher.same_as
    assert Logo(url="https://daily.example/logo.png") == publisher.logo
    assert [] == found(problems, "import-dropped")


@pytest.mark.parametrize(
    ("logo", "expected"),
    [
        ("https://daily.example/logo.png", Logo(url="https://daily.example/logo.png")),
        (
            {"@type": "ImageObject", "contentUrl": "https://daily.example/logo.png"},
            Logo(url="https://daily.example/logo.png"),
        ),
        (
            {
                "@type": "ImageObject",
                "url": "https://daily.example/logo.png",
                "contentUrl": "https://daily.example/logo.png",
                "width": {"@type": "QuantitativeValue", "value": 600, "unitCode": "E37"},
                "height": "60px",
            },
            Logo(url="https://daily.example/logo.png", width=600, height=60),
        ),
        (
            {"url": "https://daily.example/logo.png", "width": 112, "height": 112.0},
            Logo(url="https://daily.example/logo.png", width=112, height=112),
        ),
    ],
)
def test_a_publishers_logo_is_read_from_a_url_or_an_image_object(logo: Any, expected: Logo) -> None:
    """A logo is a URL, or an ImageObject (or a node with no type) whose url or contentUrl
    is the file, with its size in pixels as numbers, text or QuantitativeValues."""
    article, problems = imported(
        news(publisher={"@type": "Organization", "name": "Daily", "logo": logo})
    )
    assert article is not None
    assert [expected] == [o.logo for o in article.organizations]
    assert [] == [p for p in problems if p.severity is Severity.ERROR or p.code == "import-dropped"]


@pytest.mark.parametrize(
    ("logo", "pointer", "words"),
    [
        (
            {"@type": "VideoObject", "url": "https://daily.example/v.mp4"},
            "/publisher/logo",
            "not an ImageObject",
        ),
        (
            {"@type": "ImageObject", "caption": "Our logo"},
            "/publisher/logo",
            "no url or contentUrl",
        ),
        (
            ["https://daily.example/a.png", "https://daily.example/b.png"],
            "/publisher/logo/1",
            "holds one image; 1 more",
        ),
    ],
)
def test_a_logo_that_cannot_be_kept_is_said(logo: Any, pointer: str, words: str) -> None:
    """A logo that is no image, an image with no file, and a second logo are each reported
    at their pointer, saying why (the first of several is kept)."""
    article, problems = imported(
        news(publisher={"@type": "Organization", "name": "Daily", "logo": logo})
    )
    assert article is not None
    dropped = [p for p in found(problems, "import-dropped") if p.path == pointer]
    assert 1 == len(dropped), [str(p) for p in problems]
    assert words in dropped[0].message
    assert '"Daily"' in dropped[0].message
    kept = [o.logo for o in article.organizations]
    assert [Logo(url="https://daily.example/a.png") if isinstance(logo, list) else None] == kept


def test_a_person_and_organization_publisher_is_an_organization() -> None:
    """Yoast's ["Person", "Organization"] site owner is an organization as the publisher,
    and the same one as an author."""
    owner = {"@type": ["Person", "Organization"], "@id": "https://e.com/#owner", "name": "Kim"}
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            news(publisher={"@id": "https://e.com/#owner"}, author={"@id": "https://e.com/#owner"}),
            owner,
        ],
    }
    article = article_of(graph)
    assert ["Kim"] == [o.name for o in article.organizations]
    assert (article.publisher,) == article.authors


def test_a_person_publisher_is_dropped() -> None:
    """The model's publisher is an organization: a Person publisher is reported."""
    article, problems = imported(news(publisher={"@type": "Person", "name": "Kim"}))
    assert article is not None
    assert article.publisher is None
    assert ["/publisher"] == [p.path for p in found(problems, "import-dropped")]


def test_about_mentions_and_locations() -> None:
    """about, mentions and contentLocation give people, organizations and places, each once;
    text and things that are none of them are reported."""
    kabul = {"@type": "City", "@id": "https://e.com/#kabul", "name": "Kabul"}
    article, problems = imported(
        news(
            about=[
                {"@type": "Person", "name": "Ahmad Massoud"},
                "Politics",
                {"@type": "Thing", "name": "War"},
            ],
            contentLocation=kabul,
            mentions=[
                {"@id": "https://e.com/#kabul"},
                {"@type": "GovernmentOrganization", "name": "Ministry"},
            ],
        )
    )
    assert article is not None
    assert ["Ahmad Massoud"] == names(article, article.about)
    assert ["Kabul"] == names(article, article.content_locations)
    assert [PlaceKind.CITY] == [p.kind for p in article.places]
    assert [OrganizationKind.GOVERNMENT] == [o.kind for o in article.organizations]
    assert ["/about/1", "/about/2"] == [p.path for p in found(problems, "import-dropped")]


@pytest.mark.parametrize(
    ("latitude", "longitude", "kept"),
    [(35.3, 69.5, True), (-90, 180, True), (90.5, 69.5, False), (35.3, -181, False)],
)
def test_coordinates_are_kept_within_the_models_ranges(
    latitude: float, longitude: float, kept: bool
) -> None:
    """A place's geo is kept when its coordinates are within the model's ranges, and
    otherwise dropped with a warning at the geo (the place itself is kept)."""
    geo = {"@type": "GeoCoordinates", "latitude": latitude, "longitude": longitude}
    article, problems = imported(
        news(contentLocation={"@type": "Place", "name": "Panjshir", "geo": geo})
    )
    assert article is not None
    [place] = article.places
    expected = (float(latitude), float(longitude)) if kept else None
    assert expected == (place.geo and (place.geo.latitude, place.geo.longitude))
    out_of_range = [p.path for p in found(problems, "import-bad-value") if "range" in p.message]
    assert ([] if kept else ["/contentLocation/geo"]) == out_of_range


def test_a_kind_below_a_mapped_type() -> None:
    """A State is an AdministrativeArea; a Mountain a Landform; a stadium a stadium place
    (though it is a LocalBusiness, an Organization, too)."""
    article = article_of(
        news(
            contentLocation=[
                {"@type": "State", "name": "Panjshir"},
                {"@type": "Mountain", "name": "Hindu Kush"},
            ],
            mentions=[{"@type": "StadiumOrArena", "name": "Ghazi Stadium"}],
        )
    )
    kinds = {p.name: p.kind for p in article.places}
    assert {
        "Panjshir": PlaceKind.ADMINISTRATIVE_AREA,
        "Hindu Kush": PlaceKind.LANDFORM,
        "Ghazi Stadium": PlaceKind.STADIUM,
    } == kinds


def test_a_loop_of_parents_is_cut_and_said() -> None:
    """Organizations that are part of each other: the link that closes the loop is dropped
    (said), and the article is valid."""
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            news(publisher={"@id": "#a"}),
            {
                "@type": "Organization",
                "@id": "#a",
                "name": "A",
                "parentOrganization": {"@id": "#b"},
            },
            {
                "@type": "Organization",
                "@id": "#b",
                "name": "B",
                "parentOrganization": {"@id": "#a"},
            },
        ],
    }
    article, problems = imported(graph)
    assert article is not None
    assert [] == newsarticle.validate(article)
    assert 1 == len([p for p in found(problems, "import-dropped") if "itself" in p.message])


# --- images, body, corrections ----------------------------------------------------------------


def test_images() -> None:
    """An image as a URL, an ImageObject with sizes as text, or a QuantitativeValue; one
    given twice (no @id) is one."""
    article = article_of(
        news(
            image=[
                "https://e.com/a.jpg",
                {
                    "@type": "ImageObject",
                    "url": "https://e.com/b.jpg",
                    "width": "1200px",
                    "height": "675",
                    "caption": "B",
                },
                {
                    "@type": "ImageObject",
                    "contentUrl": "https://e.com/c.jpg",
                    "width": {"@type": "QuantitativeValue", "value": 800, "unitCode": "E37"},
                },
                "https://e.com/a.jpg",
            ]
        )
    )
    assert [
        Image(id="image", url="https://e.com/a.jpg"),
        Image(id="image-2", url="https://e.com/b.jpg", width=1200, height=675, caption="B"),
        Image(id="image-3", url="https://e.com/c.jpg", width=800),
    ] == list(article.images)


def test_a_bad_image_size_is_dropped() -> None:
    """A width that is no whole number of pixels is dropped, said; the image is kept."""
    article, problems = imported(
        news(image={"@type": "ImageObject", "url": "https://e.com/a.jpg", "width": "wide"})
    )
    assert article is not None
    assert article.images[0].width is None
    assert ["/image/width"] == [p.path for p in found(problems, "import-bad-value")]


@pytest.mark.parametrize(
    ("body", "paragraphs"),
    [
        ("One.\n\nTwo.\n\n\nThree.", ["One.", "Two.", "Three."]),
        ("One.\nTwo.\n", ["One.", "Two."]),
        ("One line\nand its second.\n\nTwo.", ["One line\nand its second.", "Two."]),
        ("<p>One.</p><p>Two &amp; three.</p>", ["One.", "Two & three."]),
        ("", []),
    ],
)
def test_the_body_is_split_into_paragraphs(body: str, paragraphs: list[str]) -> None:
    """articleBody is split at blank lines (and at the paragraphs of a body written as
    HTML), or at line breaks when it has no blank line."""
    article = article_of(news(articleBody=body))
    assert paragraphs == [p.text for p in article.paragraphs]
    assert [f"p{n}" for n in range(1, len(paragraphs) + 1)] == [p.id for p in article.paragraphs]


def test_corrections() -> None:
    """A CorrectionComment is a correction; one given as text (no date) is reported."""
    article, problems = imported(
        news(
            datePublished="2020-01-01T00:00:00Z",
            correction=[
                {
                    "@type": "CorrectionComment",
                    "text": "Fixed a name.",
                    "dateCreated": "2020-01-02T00:00:00Z",
                },
                "An earlier correction.",
            ],
        )
    )
    assert article is not None
    assert [(dt.datetime(2020, 1, 2, tzinfo=UTC), "Fixed a name.")] == [
        (c.date, c.text) for c in article.corrections
    ]
    assert ["/correction/1"] == [p.path for p in found(problems, "import-dropped")]


def test_a_correction_dated_by_date_published() -> None:
    """A CorrectionComment's datePublished (the export's term) is its date; beside a
    dateCreated that differs, the dateCreated is reported as not kept."""
    article, problems = imported(
        news(
            datePublished="2020-01-01T00:00:00Z",
            correction=[
                {
                    "@type": "CorrectionComment",
                    "text": "Fixed a name.",
                    "datePublished": "2020-01-03T00:00:00Z",
                    "dateCreated": "2020-01-02T00:00:00Z",
                },
            ],
        )
    )
    assert article is not None
    assert [(dt.datetime(2020, 1, 3, tzinfo=UTC), "Fixed a name.")] == [
        (c.date, c.text) for c in article.corrections
    ]
    assert ["/correction/0/dateCreated"] == [p.path for p in found(problems, "import-dropped")]


def test_a_modification_before_the_latest_correction_is_dropped() -> None:
    """dateModified before a correction's date (the model refuses it: a correction modifies
    the article) is dropped, said at dateModified."""
    article, problems = imported(
        news(
            datePublished="2020-01-01T00:00:00Z",
            dateModified="2020-01-02T00:00:00Z",
            correction={
                "@type": "CorrectionComment",
                "text": "Fixed a name.",
                "datePublished": "2020-01-03T00:00:00Z",
            },
        )
    )
    assert article is not None
    assert article.date_modified is None
    assert 1 == len(article.corrections)
    assert ["/dateModified"] == [p.path for p in found(problems, "import-date-order")]


# --- paywall, speakable, principles and policies ---------------------------------------------


@pytest.mark.parametrize(
    ("value", "access", "code"),
    [
        (True, Access.FREE, None),
        (False, Access.SUBSCRIBERS, None),
        ("False", Access.SUBSCRIBERS, "import-boolean-text"),
        ("false", Access.SUBSCRIBERS, "import-boolean-text"),
        ("True", Access.FREE, "import-boolean-text"),
        ("yes", None, "import-bad-value"),
    ],
)
def test_is_accessible_for_free_is_the_access(
    value: Any, access: Access | None, code: str | None
) -> None:
    """isAccessibleForFree, a JSON boolean or the text real pages write ("False"), is the
    article's access; the text is said, a value that is no boolean is dropped and said."""
    article, problems = imported(news(isAccessibleForFree=value))
    assert article is not None
    assert access == article.access
    assert ([] if code is None else ["/isAccessibleForFree"]) == [
        p.path for p in problems if p.code == code
    ]
    assert [] == found(problems, "import-dropped")


def test_no_access_stated_is_none() -> None:
    """A page that does not say whether the article is free gives access None."""
    assert article_of(news()).access is None


def test_a_paywalled_section_makes_the_article_for_subscribers() -> None:
    """A hasPart WebPageElement not free to read makes the article for subscribers; which
    paragraphs its cssSelector picks the JSON-LD cannot say, so none is marked, and that is
    said with the selector; isAccessibleForFree true beside it is said too."""
    article, problems = imported(
        news(
            isAccessibleForFree=True,
            articleBody="Free.\n\nPaid.",
            hasPart=[
                {
                    "@type": "WebPageElement",
                    "isAccessibleForFree": False,
                    "cssSelector": ".paywalled",
                }
            ],
        )
    )
    assert article is not None
    assert Access.SUBSCRIBERS == article.access
    assert [Access.FREE, Access.FREE] == [p.access for p in article.paragraphs]
    dropped = {p.path: p.message for p in found(problems, "import-dropped")}
    assert {"/hasPart/0", "/isAccessibleForFree"} == set(dropped)
    assert '".paywalled"' in dropped["/hasPart/0"]
    assert [] == [p for p in newsarticle.validate(article) if p.is_error]


def test_other_parts_of_the_article_are_said() -> None:
    """A free section and a part that is no paywall (a Collection) are not kept, each said."""
    article, problems = imported(
        news(
            hasPart=[
                {"@type": "WebPageElement", "isAccessibleForFree": True, "cssSelector": ".a"},
                {"@type": "Collection", "name": "Photos"},
            ]
        )
    )
    assert article is not None
    assert article.access is None
    assert ["/hasPart/0", "/hasPart/1"] == [p.path for p in found(problems, "import-dropped")]


@pytest.mark.parametrize(
    ("speakable", "said"),
    [
        ({"@type": "SpeakableSpecification", "cssSelector": [".lead"]}, '".lead"'),
        ({"@type": "SpeakableSpecification", "xpath": ["/html/head/title"]}, "/html/head/title"),
        (
            {"@type": "SpeakableSpecification", "cssSelector": [".headline", ".speakable"]},
            ".speakable",
        ),
    ],
)
def test_speakable_is_not_kept_and_says_why(speakable: Any, said: str) -> None:
    """speakable is not kept (the model holds the headline and standfirst speakable always,
    and paragraphs by id, which a selector cannot name): reported with its selectors."""
    _, problems = imported(news(speakable=speakable))
    [problem] = found(problems, "import-dropped")
    assert "/speakable" == problem.path
    assert said in problem.message
    assert "headline and the standfirst" in problem.message


def test_the_speakable_the_model_always_says_is_no_loss() -> None:
    """The export's speakable of every article (the headline's and the standfirst's
    selectors) says nothing the model does not: no problem."""
    speakable = {"@type": "SpeakableSpecification", "cssSelector": [".headline", ".standfirst"]}
    article, problems = imported(news(speakable=speakable))
    assert article is not None
    assert [] == problems


@pytest.mark.parametrize(
    ("value", "url", "code"),
    [
        ("https://example.com/principles", "https://example.com/principles", None),
        (
            {"@type": "CreativeWork", "url": "https://example.com/principles"},
            "https://example.com/principles",
            None,
        ),
        ("We check every fact twice.", None, "import-dropped"),
        ({"@type": "CreativeWork", "name": "Our principles"}, None, "import-dropped"),
    ],
)
def test_the_articles_publishing_principles(value: Any, url: str | None, code: str | None) -> None:
    """The article's publishingPrinciples, a URL or a node with a url, is its
    publishing_principles; principles written as text, or a node with no url, are said."""
    article, problems = imported(news(publishingPrinciples=value))
    assert article is not None
    assert url == article.publishing_principles
    assert ([] if code is None else ["/publishingPrinciples"]) == [
        p.path for p in problems if p.code == code
    ]


_POLICY_TERMS = {
    "publishing_principles": "publishingPrinciples",
    "corrections": "correctionsPolicy",
    "ethics": "ethicsPolicy",
    "diversity": "diversityPolicy",
    "ownership_funding": "ownershipFundingInfo",
    "actionable_feedback": "actionableFeedbackPolicy",
    "unnamed_sources": "unnamedSourcesPolicy",
    "verification_fact_checking": "verificationFactCheckingPolicy",
    "masthead": "masthead",
    "no_bylines": "noBylinesPolicy",
    "mission_coverage_priorities": "missionCoveragePrioritiesPolicy",
}


def test_the_policies_of_a_news_organization() -> None:
    """Each Trust Project term of a NewsMediaOrganization publisher is its policy of that
    name (a URL, or a node with a url), with no problem."""
    terms: dict[str, Any] = {
        name: f"https://example.com/policies/{field}" for field, name in _POLICY_TERMS.items()
    }
    terms["ethicsPolicy"] = {"@type": "WebPage", "url": "https://example.com/policies/ethics"}
    publisher = {"@type": "NewsMediaOrganization", "name": "Daily", **terms}
    article, problems = imported(news(publisher=publisher))
    assert article is not None
    [organization] = article.organizations
    assert (
        Policies(**{field: f"https://example.com/policies/{field}" for field in _POLICY_TERMS})
        == organization.policies
    )
    assert [] == problems


def test_a_news_media_term_on_another_organization_is_said() -> None:
    """The terms schema.org defines on NewsMediaOrganization alone are not kept for another
    organization (the export would not write them back), each said; the others are kept; a
    policy written as text is said."""
    publisher = {
        "@type": "Organization",
        "name": "Daily",
        "masthead": "https://example.com/masthead",
        "ethicsPolicy": "https://example.com/ethics",
        "diversityPolicy": "We hire widely.",
    }
    article, problems = imported(news(publisher=publisher))
    assert article is not None
    [organization] = article.organizations
    assert Policies(ethics="https://example.com/ethics") == organization.policies
    dropped = {p.path: p.message for p in found(problems, "import-dropped")}
    assert {"/publisher/masthead", "/publisher/diversityPolicy"} == set(dropped)
    assert "NewsMediaOrganization only" in dropped["/publisher/masthead"]


def test_the_publishing_principles_of_a_person_are_said() -> None:
    """publishingPrinciples of a person is not kept (the model keeps the article's and the
    organizations'), and said why."""
    author = {
        "@type": "Person",
        "name": "Jane Doe",
        "publishingPrinciples": "https://example.com/jane",
    }
    _, problems = imported(news(author=author))
    [problem] = found(problems, "import-dropped")
    assert "/author/publishingPrinciples" == problem.path
    assert "not of people" in problem.message


def test_a_job_title_role_keeps_its_dates() -> None:
    """A jobTitle written as a Role (startDate, endDate, description) is a role in no
    organization with those dates and that note; a plain jobTitle is a title alone."""
    author = {
        "@type": "Person",
        "name": "Jane Doe",
        "jobTitle": [
            "Editor",
            {
                "@type": "Role",
                "jobTitle": "Correspondent",
                "startDate": "2019-03",
                "endDate": "2021",
                "description": "In Kabul.",
            },
        ],
    }
    article, problems = imported(news(author=author))
    assert article is not None
    [person] = article.people
    assert (
        Role(title="Editor"),
        Role(
            title="Correspondent",
            start=PartialDate(year=2019, month=3),
            end=PartialDate(year=2021),
            note="In Kabul.",
        ),
    ) == person.roles
    assert [] == problems


# --- live blogs -------------------------------------------------------------------------------


def live_blog(**properties: Any) -> dict[str, Any]:
    """A LiveBlogPosting whose coverage starts on 2024-05-01 at 08:00 UTC, and
    ``properties``."""
    return news(
        **{"@type": "LiveBlogPosting"},
        coverageStartTime="2024-05-01T08:00:00Z",
        **properties,
    )


def update(headline: str, time: str, body: str = "What happened.") -> dict[str, Any]:
    """A BlogPosting of a live blog, on 2024-05-01 at ``time`` (UTC)."""
    return {
        "@type": "BlogPosting",
        "headline": headline,
        "datePublished": f"2024-05-01T{time}:00Z",
        "articleBody": body,
    }


def test_a_live_blog() -> None:
    """A LiveBlogPosting's coverage and updates are the article's live coverage, the updates
    oldest first (pages list them newest first), ids made from the page; the genre is news,
    with no problem about the type."""
    article, problems = imported(
        live_blog(
            coverageEndTime="2024-05-01T20:00:00+02:00",
            liveBlogUpdate=[
                update("Second", "12:00", "Line one.\n\nLine two."),
                update("First", "09:00"),
            ],
        )
    )
    assert article is not None
    assert Genre.NEWS == article.genre
    assert (
        LiveCoverage(
            start=dt.datetime(2024, 5, 1, 8, tzinfo=UTC),
            end=dt.datetime(2024, 5, 1, 20, tzinfo=PLUS_TWO),
            updates=(
                LiveUpdate(
                    id="update-2",
                    date=dt.datetime(2024, 5, 1, 9, tzinfo=UTC),
                    headline="First",
                    text="What happened.",
                ),
                LiveUpdate(
                    id="update",
                    date=dt.datetime(2024, 5, 1, 12, tzinfo=UTC),
                    headline="Second",
                    text="Line one.\n\nLine two.",
                ),
            ),
        )
        == article.live
    )
    assert [] == problems


def test_updates_the_model_cannot_hold_are_dropped_together() -> None:
    """Updates with no text, or dated outside the coverage, are dropped, each reason said
    once for all the updates it holds for; a property the updates have that the model does
    not keep is said once for all of them."""
    article, problems = imported(
        live_blog(
            coverageEndTime="2024-05-01T18:00:00Z",
            liveBlogUpdate=[
                {**update("Kept", "09:00"), "url": "https://example.com/live#1"},
                {**update("Empty", "10:00", ""), "url": "https://example.com/live#2"},
                {**update("Early", "07:00"), "url": "https://example.com/live#3"},
                {**update("Earlier", "06:00"), "url": "https://example.com/live#4"},
                {**update("Late", "19:00"), "url": "https://example.com/live#5"},
            ],
        )
    )
    assert article is not None
    assert article.live is not None
    assert ["Kept"] == [u.headline for u in article.live.updates]
    dropped = [(p.path, p.message) for p in found(problems, "import-dropped")]
    assert [
        "/liveBlogUpdate/0/url",
        "/liveBlogUpdate/1",
        "/liveBlogUpdate/2",
        "/liveBlogUpdate/4",
    ] == sorted(path for path, _ in dropped)
    messages = dict(dropped)
    assert "5 of the 5 updates" in messages["/liveBlogUpdate/0/url"]
    assert "2 updates dated before" in messages["/liveBlogUpdate/2"]
    assert "/liveBlogUpdate/3" in messages["/liveBlogUpdate/2"]
    assert "with no articleBody" in messages["/liveBlogUpdate/1"]
    assert "after the live coverage ends" in messages["/liveBlogUpdate/4"]
    assert [] == [p for p in newsarticle.validate(article) if p.is_error]


def test_a_live_blog_without_its_start_is_not_kept() -> None:
    """The model's live coverage needs its start: a LiveBlogPosting with updates but no
    coverageStartTime keeps no coverage, said, and its type is said as not kept."""
    article, problems = imported(
        news(**{"@type": "LiveBlogPosting"}, liveBlogUpdate=[update("First", "09:00")])
    )
    assert article is not None
    assert article.live is None
    assert ["/@type", "/liveBlogUpdate"] == sorted(
        p.path for p in found(problems, "import-dropped")
    )


def test_a_coverage_ending_before_it_starts_loses_its_end() -> None:
    """coverageEndTime before coverageStartTime is dropped (import-date-order)."""
    article, problems = imported(live_blog(coverageEndTime="2024-05-01T07:00:00Z"))
    assert article is not None
    assert article.live is not None
    assert article.live.end is None
    assert ["/coverageEndTime"] == [p.path for p in found(problems, "import-date-order")]


def test_update_ids_of_the_export_come_back() -> None:
    """An update's @id of the export's form (#update-<id>) gives its id back."""
    posting = {**update("First", "09:00"), "@id": "https://example.com/live#update-u7"}
    article = article_of(live_blog(liveBlogUpdate=[posting]))
    assert article.live is not None
    assert ["u7"] == [u.id for u in article.live.updates]


# --- fact checks --------------------------------------------------------------------------------


def claim_node(text: str = "The water is unsafe.", **properties: Any) -> dict[str, Any]:
    """A Claim of the article (``#a``), by Sam Doe, and ``properties``."""
    return {
        "@type": "Claim",
        "@id": "https://example.com/a#claim-c1",
        "text": text,
        "creator": {
            "@type": "Person",
            "@id": "https://example.com/a#person-sam",
            "name": "Sam Doe",
        },
        "appearance": {"@id": "https://example.com/a#article"},
        **properties,
    }


def claim_review(**properties: Any) -> dict[str, Any]:
    """A ClaimReview of "The water is unsafe." rated False (1 on a scale of 1 to 5) by the
    publisher, and ``properties``."""
    return {
        "@type": "ClaimReview",
        "claimReviewed": "The water is unsafe.",
        "reviewRating": {
            "@type": "Rating",
            "alternateName": "False",
            "ratingValue": 1,
            "bestRating": 5,
            "worstRating": 1,
        },
        "author": {"@id": "https://example.com/#org"},
        "datePublished": "2024-05-02T10:00:00Z",
        "url": "https://example.com/a#review",
        **properties,
    }


def fact_check(*nodes: dict[str, Any], **properties: Any) -> dict[str, Any]:
    """A graph: a NewsArticle (``#a``) published by Daily, and ``nodes``."""
    article = news(
        **{"@id": "https://example.com/a#article"},
        publisher={
            "@type": "NewsMediaOrganization",
            "@id": "https://example.com/#org",
            "name": "Daily",
        },
        **properties,
    )
    del article["@context"]
    return {"@context": "https://schema.org", "@graph": [article, *nodes]}


def test_a_claim_review_is_the_review_of_the_claim_it_states() -> None:
    """A ClaimReview whose claimReviewed is a claim's text is that claim's review: verdict,
    rating on its scale, reviewer, date and URL; the page is a fact check."""
    article, problems = imported(fact_check(claim_node(), claim_review()))
    assert article is not None
    assert Genre.FACT_CHECK == article.genre
    [claim] = article.claims
    assert "c1" == claim.id
    assert (
        ClaimReview(
            verdict="False",
            rating=1.0,
            best_rating=5.0,
            worst_rating=1.0,
            reviewer="daily",
            date=dt.datetime(2024, 5, 2, 10, tzinfo=UTC),
            url="https://example.com/a#review",
        )
        == claim.review
    )
    assert [] == problems


def test_the_reviews_id_of_the_export_names_its_claim() -> None:
    """The export's @id of a review (#review-<claim id>) names the claim it reviews, even
    among claims of the same text."""
    second = claim_node(**{"@id": "https://example.com/a#claim-c2"})
    review = claim_review(**{"@id": "https://example.com/a#review-c2"})
    article = article_of(fact_check(claim_node(), second, review))
    assert [("c1", False), ("c2", True)] == [(c.id, c.review is not None) for c in article.claims]


def test_a_review_of_a_claim_item_makes_the_claim() -> None:
    """A ClaimReview whose itemReviewed is a Claim (Google's form) and that matches no claim
    of the page gives a claim: claimReviewed its text, the item's author its source, the work
    it appears in its work."""
    review = claim_review(
        claimReviewed="The board stopped testing.",
        itemReviewed={
            "@type": "Claim",
            "author": {"@type": "Person", "name": "Sam Doe"},
            "appearance": {
                "@type": "SocialMediaPosting",
                "url": "https://social.example.com/sam/1",
            },
        },
    )
    article, problems = imported(fact_check(review))
    assert article is not None
    [claim] = article.claims
    assert "The board stopped testing." == claim.text
    assert claim.review is not None
    assert "False" == claim.review.verdict
    [attribution] = article.attributions
    assert ["Sam Doe"] == names(article, (attribution.source,) if attribution.source else ())
    assert (Channel.SOCIAL_MEDIA_POST, "https://social.example.com/sam/1") == (
        attribution.channel,
        attribution.url,
    )
    assert [] == [p for p in problems if p.severity is Severity.ERROR]


def test_the_article_a_reviewed_claim_appears_in_is_not_the_pages() -> None:
    """The article a ClaimReview's claim appears in (Google's form writes it out, someone
    else's OpinionNewsArticle) is the claim's work, not an article the page is about."""
    appearance = {
        "@type": "OpinionNewsArticle",
        "headline": "The board stopped testing, says Sam",
        "url": "https://other.example.org/op",
        "datePublished": "2024-01-01T00:00:00Z",
    }
    review = claim_review(
        claimReviewed="The board stopped testing.",
        itemReviewed={"@type": "Claim", "appearance": appearance},
    )
    article, problems = imported(fact_check(review))
    assert article is not None
    assert "A headline" == article.headline
    assert [] == found(problems, "import-several-articles")
    [attribution] = article.attributions
    assert (Channel.OP_ED, "https://other.example.org/op") == (
        attribution.channel,
        attribution.url,
    )


def test_a_review_of_a_creative_work_item_makes_the_claim() -> None:
    """A ClaimReview whose itemReviewed is a CreativeWork (Google's earlier form) gives a
    claim whose source is the work's author and whose work is the item."""
    review = claim_review(
        itemReviewed={
            "@type": "CreativeWork",
            "author": {"@type": "Organization", "name": "Water Watch"},
            "url": "https://example.org/post",
        },
    )
    article = article_of(fact_check(review))
    [claim] = article.claims
    assert "The water is unsafe." == claim.text
    [attribution] = article.attributions
    assert ["Water Watch"] == names(article, (attribution.source,) if attribution.source else ())
    assert "https://example.org/post" == attribution.url


def test_the_claim_a_review_states_is_not_a_second_claim() -> None:
    """The Claim written inside a review (itemReviewed, no @id, appearing in the article, as
    the export writes it) is the reviewed claim, not one more claim of the article."""
    inline = {
        "@type": "Claim",
        "author": {"@id": "https://example.com/a#person-sam"},
        "appearance": {"@id": "https://example.com/a#article"},
    }
    article, problems = imported(fact_check(claim_node(), claim_review(itemReviewed=inline)))
    assert article is not None
    assert ["c1"] == [c.id for c in article.claims]
    assert [] == problems


@pytest.mark.parametrize(
    ("rating", "kept"),
    [
        ({"ratingValue": "2", "bestRating": "5", "worstRating": "1"}, (2.0, 5.0, 1.0)),
        ({"ratingValue": 2}, (None, None, None)),
        ({"ratingValue": 2, "bestRating": 1, "worstRating": 5}, (None, None, None)),
        ({"ratingValue": 7, "bestRating": 5, "worstRating": 1}, (None, None, None)),
    ],
)
def test_the_numbers_of_a_rating_are_kept_on_their_scale(
    rating: dict[str, Any], kept: tuple[float | None, ...]
) -> None:
    """ratingValue, bestRating and worstRating (numbers, or numbers as text) are kept when all
    three are given and make a scale; otherwise the verdict alone is kept, and the numbers'
    loss said."""
    review = claim_review(
        reviewRating={"@type": "Rating", "alternateName": "Mostly false", **rating}
    )
    article, problems = imported(fact_check(claim_node(), review))
    assert article is not None
    [claim] = article.claims
    assert claim.review is not None
    assert "Mostly false" == claim.review.verdict
    assert kept == (claim.review.rating, claim.review.best_rating, claim.review.worst_rating)
    expected = [] if kept[0] is not None else ["/@graph/2/reviewRating"]
    assert expected == [p.path for p in found(problems, "import-dropped")]


def test_a_claim_review_under_the_article_is_read() -> None:
    """A ClaimReview the article holds (its review) is read as one at the top; another kind
    of review there is not kept, said."""
    article, problems = imported(
        fact_check(
            claim_node(),
            review=[claim_review(), {"@type": "Review", "reviewBody": "Good."}],
        )
    )
    assert article is not None
    [claim] = article.claims
    assert claim.review is not None
    assert ["/@graph/0/review/1"] == [p.path for p in found(problems, "import-dropped")]


def test_a_second_review_of_a_claim_is_dropped() -> None:
    """The model holds one review per claim: a second is not kept, said."""
    article, problems = imported(
        fact_check(claim_node(), claim_review(), claim_review(url="https://example.com/a#two"))
    )
    assert article is not None
    [claim] = article.claims
    assert claim.review is not None
    assert "https://example.com/a#review" == claim.review.url
    assert ["/@graph/3"] == [p.path for p in found(problems, "import-dropped")]


def test_a_fact_check_of_another_type_loses_that_genre() -> None:
    """ClaimReview nodes make the article a fact check; the genre its type said is lost,
    said at the type."""
    article, problems = imported(
        fact_check(claim_node(), claim_review(), **{"@type": "OpinionNewsArticle"})
    )
    assert article is not None
    assert Genre.FACT_CHECK == article.genre
    assert ["/@graph/0/@type"] == [p.path for p in found(problems, "import-dropped")]


def test_a_review_that_states_no_claim_is_dropped() -> None:
    """A ClaimReview with no claimReviewed and nothing it reviews is not kept, said; the
    page is a fact check all the same."""
    review = claim_review()
    del review["claimReviewed"]
    article, problems = imported(fact_check(review))
    assert article is not None
    assert () == article.claims
    assert Genre.FACT_CHECK == article.genre
    assert ["/@graph/1"] == [p.path for p in found(problems, "import-dropped")]


# --- cited media ----------------------------------------------------------------------------------


def quoted_from(work: dict[str, Any]) -> dict[str, Any]:
    """A graph: the article (``#a``) and a quote of it from ``work``."""
    return fact_check(
        {
            "@type": "Quotation",
            "text": "We will rebuild.",
            "isPartOf": {"@id": "https://example.com/a#article"},
            "isBasedOn": work,
        }
    )


@pytest.mark.parametrize(
    ("work", "channel", "title"),
    [
        (
            {
                "@type": "CreativeWork",
                "additionalType": "https://schema.org/VideoObject",
                "name": "a video",
                "url": "https://video.example.com/1",
            },
            Channel.VIDEO,
            None,
        ),
        (
            {
                "@type": "CreativeWork",
                "additionalType": "https://schema.org/VideoObject",
                "name": "a livestream",
                "url": "https://video.example.com/1",
            },
            Channel.VIDEO,
            None,
        ),
        (
            {
                "@type": "CreativeWork",
                "additionalType": "http://schema.org/ImageObject",
                "name": "The rally",
            },
            Channel.IMAGE,
            "The rally",
        ),
        ({"@type": "VideoObject", "name": "The speech"}, Channel.VIDEO, "The speech"),
        ({"@type": "CreativeWork", "name": "The speech"}, Channel.OTHER, "The speech"),
    ],
)
def test_cited_media_are_read_back_to_their_channel(
    work: dict[str, Any], channel: Channel, title: str | None
) -> None:
    """A cited CreativeWork whose additionalType is VideoObject or ImageObject (the export's
    form of a cited video, livestream or image) is a video or an image, and the name the
    export gives an untitled one ("a video") is no title; a VideoObject is a video too."""
    article, problems = imported(quoted_from(work))
    assert article is not None
    [attribution] = article.attributions
    assert (channel, title) == (attribution.channel, attribution.title)
    assert [] == found(problems, "import-dropped")


def test_another_additional_type_is_said() -> None:
    """An additionalType of a cited work that names no media type is not kept, said."""
    work = {
        "@type": "CreativeWork",
        "additionalType": "https://example.com/types/Speech",
        "name": "The speech",
    }
    _, problems = imported(quoted_from(work))
    assert ["/@graph/1/isBasedOn/additionalType"] == [
        p.path for p in found(problems, "import-dropped")
    ]


# --- ids ----------------------------------------------------------------------------------------


def test_ids_are_the_same_on_every_run() -> None:
    """The same page gives the same ids, made from names (slugs) and valid per the ID rule,
    a counter after a repeat; a name with no ASCII letter gives its kind."""
    document = news(
        url="https://e.com/news/some-story.html",
        author=[
            {"@type": "Person", "name": "Jane Doe"},
            {"@type": "Person", "name": "Jane Doe", "url": "https://e.com/jane2"},
            {"@type": "Person", "name": "박준석"},
            {"@type": "Person", "name": "Zoë Ångström"},
        ],
    )
    first, second = article_of(document), article_of(json.loads(json.dumps(document)))
    assert first == second
    assert "some-story" == first.id
    assert ["jane-doe", "jane-doe-2", "person", "zoe-angstrom"] == list(first.authors)
    for identifier in (first.id, *first.authors):
        assert ID.problem(identifier) is None


def test_ids_of_the_export_come_back() -> None:
    """@ids of the export's form (#person-<id>, _:place-<id>) give their ids back."""
    article = article_of(
        news(
            author={"@type": "Person", "@id": "https://e.com/a#person-jd", "name": "Jane Doe"},
            contentLocation={"@type": "Place", "@id": "_:place-kbl", "name": "Kabul"},
        )
    )
    assert ("jd",) == article.authors
    assert ("kbl",) == article.content_locations


# --- positions, and what the result always is ----------------------------------------------------


def test_problems_carry_the_line_and_column_in_the_page() -> None:
    """Each problem of a page has the line and column of its value in the page."""
    document = json.dumps(news(articleId="1"), indent=1)
    head = '<html lang="en">\n<head>\n<script type="application/ld+json">\n'
    page = read_page(f"{head}{document}\n</script>\n</head></html>")
    article, problems = import_page(page)
    assert article is not None
    [warning] = found(problems, "import-unknown-property")
    line = 4 + next(n for n, text in enumerate(document.splitlines()) if "articleId" in text)
    assert (line, 2) == (warning.line, warning.column)


def test_an_imported_article_is_valid() -> None:
    """Whatever the page, an imported article passes newsarticle.validate with no error."""
    article = article_of(
        news(
            datePublished="2020-01-02T00:00:00Z",
            dateModified="2020-01-01T00:00:00Z",
            author=["Jane Doe", "Jane Doe", {"@type": "Person", "name": "Jane Doe"}],
            correction={
                "@type": "CorrectionComment",
                "text": "Early.",
                "dateCreated": "2019-01-01T00:00:00Z",
            },
            contentLocation={
                "@type": "Place",
                "@id": "#p",
                "name": "P",
                "geoTouches": {"@id": "#p"},
            },
        )
    )
    assert [] == [p for p in newsarticle.validate(article) if p.is_error]


@pytest.mark.parametrize(
    "data",
    [
        [],
        ["null"],
        ["[]"],
        ["{}"],
        ["\x00\x01binary"],
        [json.dumps({"@type": "NewsArticle", "headline": 5})],
        [
            json.dumps(
                {
                    "@type": "NewsArticle",
                    "headline": "H",
                    "author": 5,
                    "image": [None, 3],
                    "datePublished": 7,
                    "inLanguage": ["x"],
                }
            )
        ],
        [
            json.dumps(
                news(author={"@id": None}, publisher=[], image={"@id": "#none"}, about=[[[]]])
            )
        ],
        ["[" * 300 + "]" * 300],
        [json.dumps({"@graph": [news()] * 3})],
    ],
)
def test_bad_input_gives_problems_never_a_traceback(data: list[str]) -> None:
    """Odd and broken JSON-LD gives an article or None, and problems, never an exception."""
    article, problems = imported(data)
    assert article is None or [] == [p for p in newsarticle.validate(article) if p.is_error]
    assert all(p.code in CODES for p in problems)


@given(articles())
def test_every_logo_comes_back_from_the_export(article: Article) -> None:
    """Whatever the article, each organization's logo (its URL and size) is read back from the
    article's JSON-LD, as the export writes it."""
    imported_, _ = imported(newsarticle.to_jsonld(article))
    assert imported_ is not None
    assert {o.id: o.logo for o in article.organizations} == {
        o.id: o.logo for o in imported_.organizations
    }
