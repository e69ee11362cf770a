"""The HTML page export, and what real extractors read from it."""

from __future__ import annotations

import datetime as dt
import itertools
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
    Access,
    Article,
    Attribution,
    Channel,
    Claim,
    ClaimReview,
    Correction,
    Genre,
    HtmlRenderer,
    Image,
    JsonLdRenderer,
    JsonLdScriptRenderer,
    LiveCoverage,
    LiveUpdate,
    Organization,
    OrganizationKind,
    Paragraph,
    ParagraphRole,
    Person,
    Policies,
    Quote,
    QuoteKind,
    Selectors,
    SourceKind,
    UnnamedSource,
    Verification,
    to_html,
    to_jsonld,
)
from newsarticle._import._vocab import vocabulary
from newsarticle._model import Logo
from newsarticle._selectors import single_class
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


def citing() -> Article:
    """An invented article under example.com that cites an op-ed, a post and an article, each
    with a title, by a newsroom that is both its author and its publisher."""
    desk = Organization(
        id="desk",
        name="The Example Desk",
        kind=OrganizationKind.NEWS_MEDIA,
        url="https://desk.example.com/",
        logo=Logo(url="https://desk.example.com/logo.png", width=600, height=60),
    )
    ana = Person(id="ana", name="Ana Example")
    works = [
        Attribution(
            id=f"{channel.value}-work",
            channel=channel,
            verification=Verification.VERIFIED,
            source="ana",
            title=f"Ana's {channel.value.replace('_', ' ')} on the example lake",
            url=f"https://other.example.com/{channel.value}",
        )
        for channel in (Channel.OP_ED, Channel.SOCIAL_MEDIA_POST, Channel.ARTICLE)
    ]
    claims = [
        Claim(id=f"claim-{n}", text="the lake is rising", attribution=work.id)
        for n, work in enumerate(works)
    ]
    return Article(
        id="lake",
        headline="Invented: the example lake rises",
        language="en",
        url="https://desk.example.com/lake",
        date_published=dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC),
        authors=["desk"],
        publisher="desk",
        organizations=[desk],
        people=[ana],
        paragraphs=[Paragraph(id="p1", text="This article is invented for the tests.")],
        attributions=works,
        claims=claims,
    )


def test_extractors_take_the_page_article_among_the_works_it_cites() -> None:
    """With an op-ed, a post and an article cited, extruct's JSON-LD holds one node of an
    article type (the page's own, at the top of the graph) and trafilatura takes its
    headline as the title; the publisher, also the author, gives trafilatura the site name
    it reads from publisher.name."""
    article = citing()
    page = to_html(article)
    (document,) = extruct.extract(page, base_url=article.url)["json-ld"]
    articles_ = vocabulary().descendants("Article")
    found = [o for o in objects(document) if not articles_.isdisjoint(_types(o))]
    assert [document["@graph"][0]] == found
    metadata = trafilatura.extract_metadata(page)
    assert (article.headline, "The Example Desk") == (metadata.title, metadata.sitename)


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(plain_articles())
def test_trafilatura_reads_the_publishers_name_as_the_site_name(article: Article) -> None:
    """For any article with a publisher (also one that is an author), trafilatura's site name
    is the publisher's name, which it reads from publisher.name without resolving references."""
    if article.publisher is not None:
        publisher = article.index[article.publisher]
        assert publisher.name == trafilatura.extract_metadata(to_html(article)).sitename  # type: ignore[union-attr]


def _types(node: dict[str, Any]) -> list[Any]:
    kinds = node.get("@type", [])
    return kinds if isinstance(kinds, list) else [kinds]


# --- the parts the JSON-LD names, live blogs, fact checks, policies ------------------------


def at(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2024, 3, 1, hour, minute, tzinfo=dt.UTC)


def newsroom() -> Article:
    """An invented fact check under example.com, with a paywall, speakable paragraphs, a
    live blog, two reviewed claims, the publisher's policies and its own principles."""
    return Article(
        id="dam-check",
        headline="Did the dam really hold?",
        language="en",
        standfirst="We checked two claims\nabout the storm.",
        url="https://example.com/dam-check",
        genre=Genre.FACT_CHECK,
        date_published=at(9),
        publisher="gazette",
        authors=["jo"],
        publishing_principles="https://example.com/dam-check/principles",
        paragraphs=[
            Paragraph(id="p1", text="An invented article for the tests."),
            Paragraph(id="p2", text="The mayor said the dam held.", access=Access.SUBSCRIBERS),
            Paragraph(
                id="p3", text="Checks", role=ParagraphRole.HEADING, access=Access.SUBSCRIBERS
            ),
            Paragraph(id="p4", text="A worker said levels fell.", access=Access.SUBSCRIBERS),
            Paragraph(id="p5", text="Jo Bloggs covers the river.", role=ParagraphRole.ASIDE),
        ],
        speakable=["p1", "p2"],
        people=[Person(id="jo", name="Jo Bloggs"), Person(id="mayor", name="Ann Lee")],
        organizations=[
            Organization(
                id="gazette",
                name="The Gazette",
                kind=OrganizationKind.NEWS_MEDIA,
                policies=Policies(
                    corrections="https://example.com/corrections",
                    ethics="https://example.com/ethics?lang=en&v=2",
                    masthead="https://example.com/masthead",
                ),
            )
        ],
        unnamed_sources=[
            UnnamedSource(
                id="anon-k9",
                description="a worker at the dam",
                identity="Sam Hill",
                kind=SourceKind.PERSON,
            )
        ],
        attributions=[
            Attribution(
                id="mayor-said",
                channel=Channel.STATEMENT,
                verification=Verification.DISPUTED,
                source="mayor",
            ),
            Attribution(
                id="worker-told",
                channel=Channel.CONVERSATION,
                verification=Verification.FALSE,
                source="anon-k9",
            ),
        ],
        claims=[
            Claim(
                id="held",
                text="the dam held",
                attribution="mayor-said",
                paragraphs=["p2"],
                review=ClaimReview(
                    verdict="Mostly true",
                    rating=4,
                    worst_rating=1,
                    best_rating=5,
                    reviewer="jo",
                    date=at(10, 30),
                ),
            ),
            Claim(
                id="fell",
                text="levels fell",
                attribution="worker-told",
                paragraphs=["p4"],
                review=ClaimReview(verdict="False"),
            ),
        ],
        live=LiveCoverage(
            start=at(8),
            end=at(20),
            updates=[
                LiveUpdate(id="u1", date=at(9, 15), headline="Water rises", text="One.\n\nTwo."),
                LiveUpdate(id="u2", date=at(11), headline="Water falls", text="Three\nlines."),
            ],
        ),
    )


def coverage(article: Article) -> LiveCoverage:
    """The live coverage of an article that is a live blog."""
    assert article.live is not None
    return article.live


def classes(element: Any) -> list[str]:
    return str(element.get("class") or "").split()


def with_class(tree: Any, name: str) -> list[Any]:
    """The elements that carry class ``name``, in document order."""
    return [e for e in tree.iter() if name in classes(e)]


def body_of(tree: Any) -> Any:
    return elements(tree, "body")[0]


def rendered(article: Article, selectors: Selectors) -> str:
    """The page of ``article`` whose JSON-LD (and classes) use ``selectors``."""
    jsonld = JsonLdRenderer(selectors=selectors)
    return HtmlRenderer(script=JsonLdScriptRenderer(jsonld=jsonld))(article)


def page_selectors(page: str) -> list[str]:
    """Every cssSelector of the article node of the JSON-LD in the page's head: its paywalled
    sections' and its speakable parts'."""
    (script,) = elements(parse(page), "script")
    node = json.loads(text_of(script))["@graph"][0]
    found = [part["cssSelector"] for part in node.get("hasPart", [])]
    return found + list(node["speakable"]["cssSelector"])


CUSTOM = Selectors(
    headline=".title", standfirst=".dek", speakable=".read-aloud", paywalled=".premium"
)


@pytest.mark.parametrize("selectors", [Selectors(), CUSTOM], ids=["default", "custom"])
def test_every_selector_of_the_jsonld_selects_an_element_of_the_page(
    selectors: Selectors,
) -> None:
    """Each cssSelector of the JSON-LD (hasPart, speakable) is a single class that some
    element of the page carries, for the default and for custom selectors."""
    page = rendered(newsroom(), selectors)
    expected = [
        selectors.paywalled,
        selectors.headline,
        selectors.standfirst,
        selectors.speakable,
    ]
    assert expected == page_selectors(page)
    tree = parse(page)
    missing = [s for s in expected if not with_class(tree, single_class(s) or "")]
    assert [] == missing


def test_the_classes_stand_on_the_parts_they_name() -> None:
    """The headline class is on the h1 only, the standfirst class on the standfirst's p,
    the speakable class on the article's speakable paragraphs and the paywalled class on
    the paragraphs for subscribers (a heading among them), one paragraph carrying both."""
    tree = parse(rendered(newsroom(), CUSTOM))
    assert [("h1", "Did the dam really hold?")] == tags(with_class(tree, "title"))
    assert [("p", "We checked two claims\nabout the storm.")] == tags(with_class(tree, "dek"))
    assert [
        ("p", "An invented article for the tests."),
        ("p", "The mayor said the dam held."),
    ] == tags(with_class(tree, "read-aloud"))
    assert [
        ("p", "The mayor said the dam held."),
        ("h2", "Checks"),
        ("p", "A worker said levels fell."),
    ] == tags(with_class(tree, "premium"))
    assert ["read-aloud", "premium"] == classes(with_class(tree, "premium")[0])


def tags(found: list[Any]) -> list[tuple[str, str]]:
    return [(e.tag.removeprefix(XHTML), text_of(e)) for e in found]


def test_a_selector_that_is_not_a_single_class_puts_no_class_on_the_page() -> None:
    """A CMS's own selector (div.premium, #lead) names its own templates: the export adds no
    class for it, and still marks the parts whose selectors are single classes."""
    selectors = Selectors(paywalled="div.premium", headline="#lead")
    tree = parse(rendered(newsroom(), selectors))
    assert [
        ("p", ["standfirst"]),
        ("p", ["byline"]),
        ("p", ["publisher"]),
        ("p", ["speakable"]),
        ("p", ["speakable"]),
    ] == [(e.tag.removeprefix(XHTML), classes(e)) for e in body_of(tree).iter() if classes(e)]


def test_no_paywalled_element_is_inside_another() -> None:
    """Each paragraph for subscribers carries the class itself: no section wraps them."""
    tree = parse(to_html(newsroom()))
    marked = with_class(tree, "paywalled")
    assert 3 == len(marked)
    assert [] == [
        (outer, inner)
        for outer in marked
        for inner in outer.iter()
        if inner is not outer and inner in marked
    ]


@given(articles())
def test_every_page_has_what_its_selectors_name_and_no_nested_paywall(article: Article) -> None:
    """For any article: each cssSelector of its JSON-LD is a class of the page (the paywalled
    one on exactly the paragraphs for subscribers), and no paywalled element holds another."""
    page = to_html(article)
    tree = parse(page)
    assert [] == [s for s in page_selectors(page) if not with_class(tree, single_class(s) or "")]
    paid = [p for p in article.paragraphs if p.access is Access.SUBSCRIBERS]
    marked = with_class(tree, "paywalled")
    assert len(paid) == len(marked)
    assert len(article.speakable) == len(with_class(tree, "speakable"))
    assert [] == [e for e in marked if with_class(e, "paywalled") != [e]]


def test_the_page_stays_accessible_with_every_feature() -> None:
    """One h1, one main, the headings in order (no level skipped), and the live updates,
    fact checks and corrections each in a section named by its heading, every id once."""
    correction = Correction(date=at(12), text="The second update was at 11:00.")
    tree = parse(to_html(attrs.evolve(newsroom(), corrections=[correction])))
    assert 1 == len(elements(tree, "h1"))
    assert 1 == len(elements(tree, "main"))
    headings = {f"{XHTML}h{n}" for n in range(1, 7)}
    levels = [int(e.tag[-1]) for e in tree.iter() if e.tag in headings]
    assert [] == [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
    ids = {e.get("id"): e for e in tree.iter() if e.get("id")}
    named = [text_of(ids[s.get("aria-labelledby")]) for s in elements(tree, "section")]
    assert ["Live coverage", "Fact checks", "Corrections"] == named
    assert len(ids) == len([e for e in tree.iter() if e.get("id")])  # ids are unique


def test_a_live_blog_shows_its_coverage_and_every_update() -> None:
    """The coverage's start and end in <time>s, then each update an article with the id
    its JSON-LD @id ends in, its headline as h3, its time, its text split at blank lines."""
    article = newsroom()
    tree = parse(to_html(article))
    (section,) = [
        s for s in elements(tree, "section") if s.get("aria-labelledby") == "live-coverage"
    ]
    assert ["2024-03-01T08:00:00Z", "2024-03-01T20:00:00Z"] == [
        t.get("datetime") for t in section.findall(f"{XHTML}p/{XHTML}time")
    ]
    updates = section.findall(f"{XHTML}article")
    assert ["update-u1", "update-u2"] == [u.get("id") for u in updates]
    graph = to_jsonld(article)["@graph"][0]
    assert [f"https://example.com/dam-check#{u.get('id')}" for u in updates] == [
        posting["@id"] for posting in graph["liveBlogUpdate"]
    ]
    assert [["Water rises"], ["Water falls"]] == [
        [text_of(h) for h in u.findall(f"{XHTML}h3")] for u in updates
    ]
    assert [["2024-03-01T09:15:00Z"], ["2024-03-01T11:00:00Z"]] == [
        [t.get("datetime") for t in u.iter(f"{XHTML}time")] for u in updates
    ]
    texts = [[text_of(p) for p in u.findall(f"{XHTML}p")][1:] for u in updates]
    assert [["One.", "Two."], ["Three\nlines."]] == texts


def test_a_live_blog_still_going_on_has_no_end() -> None:
    """Without an end, the coverage shows only when it started."""
    live = attrs.evolve(coverage(newsroom()), end=None)
    tree = parse(to_html(attrs.evolve(newsroom(), live=live)))
    (section,) = [
        s for s in elements(tree, "section") if s.get("aria-labelledby") == "live-coverage"
    ]
    assert ["Started 2024-03-01T08:00:00Z"] == [text_of(p) for p in section.findall(f"{XHTML}p")]


def verdicts_of(page: str) -> dict[str, list[tuple[str, str]]]:
    """Each review of the page by its id: its terms and descriptions."""
    found = {}
    for review in elements(parse(page), "dl"):
        terms = [text_of(e) for e in review.findall(f"{XHTML}dt")]
        found[review.get("id")] = list(
            zip(terms, [text_of(e) for e in review.findall(f"{XHTML}dd")], strict=True)
        )
    return found


def test_a_fact_check_shows_each_verdict() -> None:
    """Each reviewed claim: the claim, the verdict, the rating on its scale when given, the
    reviewer (the publisher when none is named) and the date (the article's when none)."""
    assert {
        "review-held": [
            ("Claim", "the dam held"),
            ("Verdict", "Mostly true"),
            ("Rating", "4 on a scale from 1 (worst) to 5 (best)"),
            ("Reviewed by", "Jo Bloggs"),
            ("Date", "2024-03-01T10:30:00Z"),
        ],
        "review-fell": [
            ("Claim", "levels fell"),
            ("Verdict", "False"),
            ("Reviewed by", "The Gazette"),
            ("Date", "2024-03-01T09:00:00Z"),
        ],
    } == verdicts_of(to_html(newsroom()))


def test_the_review_ids_are_the_fragments_of_the_claimreviews() -> None:
    """A review's element id is the fragment of its ClaimReview's @id, so the node's id
    resolves on the page."""
    article = newsroom()
    reviews = [n["@id"] for n in to_jsonld(article)["@graph"] if n.get("@type") == "ClaimReview"]
    expected = sorted(f"https://example.com/dam-check#{i}" for i in verdicts_of(to_html(article)))
    assert expected == sorted(reviews)


def test_a_review_shows_only_in_a_fact_check() -> None:
    """In any other genre a reviewed claim shows no verdict, as its JSON-LD has no
    ClaimReview; a review without verdict or rating shows what it has."""
    assert {} == verdicts_of(to_html(attrs.evolve(newsroom(), genre=Genre.NEWS)))
    draft = attrs.evolve(newsroom().claims[1], review=ClaimReview(reviewer="jo"))
    article = attrs.evolve(newsroom(), claims=[draft], date_published=None)
    assert {"review-fell": [("Claim", "levels fell"), ("Reviewed by", "Jo Bloggs")]} == verdicts_of(
        to_html(article)
    )


def test_the_policies_are_linked_in_the_footers() -> None:
    """The publisher's policies in the page's footer (outside main), in the order of
    Policies; the article's own principles in the article's footer; a URL's & escaped."""
    page = to_html(newsroom())
    tree = parse(page)
    body = body_of(tree)
    (footer,) = body.findall(f"{XHTML}footer")
    assert ["Policies of The Gazette"] == [n.get("aria-label") for n in footer.iter(f"{XHTML}nav")]
    assert [
        ("Corrections policy", "https://example.com/corrections"),
        ("Ethics policy", "https://example.com/ethics?lang=en&v=2"),
        ("Masthead", "https://example.com/masthead"),
    ] == [(text_of(a), a.get("href")) for a in footer.iter(f"{XHTML}a")]
    assert 'href="https://example.com/ethics?lang=en&amp;v=2"' in page
    story = elements(tree, "article")[0]
    own = [a for f in story.findall(f"{XHTML}footer") for a in f.iter(f"{XHTML}a")]
    assert [
        ("Publishing principles of this article", "https://example.com/dam-check/principles")
    ] == [(text_of(a), a.get("href")) for a in own]


def test_no_policies_no_footer() -> None:
    """An article whose publisher states no policies, with no principles of its own, has no
    footer."""
    article = attrs.evolve(
        newsroom(),
        organizations=[Organization(id="gazette", name="The Gazette")],
        publishing_principles=None,
    )
    assert [] == elements(parse(to_html(article)), "footer")


def test_every_label_of_a_policy_is_known() -> None:
    """Each field of Policies has a label, and the page links every policy given."""
    fields = [f.name for f in attrs.fields(Policies)]
    urls = {name: f"https://example.com/policy/{name}" for name in fields}
    gazette = Organization(id="gazette", name="The Gazette", policies=Policies(**urls))
    tree = parse(to_html(attrs.evolve(newsroom(), organizations=[gazette])))
    footer = body_of(tree).findall(f"{XHTML}footer")[0]
    assert list(urls.values()) == [a.get("href") for a in footer.iter(f"{XHTML}a")]


@pytest.mark.parametrize(
    "hostile", ["</article><script>alert(1)</script>", "<!-- hidden", "Tom & Jerry <b>"]
)
def test_no_update_verdict_or_name_can_add_markup(hostile: str) -> None:
    """An update's headline and text, a verdict and the publisher's name stay text."""
    article = newsroom()
    first = coverage(article).updates[0]
    live = attrs.evolve(
        coverage(article), updates=[attrs.evolve(first, headline=hostile, text=hostile)]
    )
    claim = attrs.evolve(article.claims[1], review=ClaimReview(verdict=hostile))
    gazette = attrs.evolve(article.organizations[0], name=hostile)
    article = attrs.evolve(article, live=live, claims=[claim], organizations=[gazette])
    tree = parse(to_html(article))
    (update,) = [a for a in elements(tree, "article") if a.get("id") == "update-u1"]
    assert [hostile, hostile] == [
        text_of(update.find(f"{XHTML}h3")),
        text_of(update.findall(f"{XHTML}p")[1]),
    ]
    assert ("Verdict", hostile) == verdicts_of(to_html(article))["review-fell"][1]
    assert [f"Policies of {hostile}"] == [n.get("aria-label") for n in elements(tree, "nav")]
    assert 1 == len(elements(tree, "script"))


def test_an_unnamed_source_never_appears_whatever_its_kind() -> None:
    """The page of an article whose reviewed claim rests on an unnamed source is the same
    whether the source is a person, an organization or of no stated kind, and shows
    neither its identity nor its id."""
    pages = set()
    for kind in [SourceKind.PERSON, SourceKind.ORGANIZATION, None]:
        source = attrs.evolve(newsroom().unnamed_sources[0], kind=kind)
        pages.add(to_html(attrs.evolve(newsroom(), unnamed_sources=[source])))
    (page,) = pages
    assert [] == [secret for secret in ["Sam Hill", "anon-k9"] if secret in page]
