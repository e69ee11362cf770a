"""The schema.org JSON-LD export and its HTML script block."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import attrs
import pytest
from hypothesis import given

import newsarticle
from helpers_export import (
    articles_with_secrets,
    definitions,
    example,
    expand,
    objects,
    references,
    secrets_of,
    strings,
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
    Image,
    InvalidArticleError,
    JsonLdRenderer,
    LiveCoverage,
    LiveUpdate,
    Organization,
    OrganizationKind,
    Paragraph,
    PartialDate,
    Person,
    Place,
    Policies,
    Quote,
    Role,
    Selectors,
    SourceKind,
    Verification,
    escape_script_json,
    to_html,
    to_jsonld,
    to_jsonld_script,
    to_jsonld_text,
    to_text,
)
from newsarticle._import._vocab import vocabulary
from newsarticle._integrity import resolve
from newsarticle._model import ORGANIZATIONS, Logo
from newsarticle._rules import URL
from newsarticle._selectors import DEFAULT_SELECTORS, single_class
from newsarticle._terms import ARTICLE_TYPES
from newsarticle.testing import articles

UTC = dt.UTC
ORGANIZATION_TYPES = {
    "Organization",
    "NewsMediaOrganization",
    "GovernmentOrganization",
    "PoliticalParty",
    "NGO",
}
PLUS_ONE = dt.timezone(dt.timedelta(hours=1))


def article_node(document: dict[str, Any]) -> dict[str, Any]:
    node: dict[str, Any] = document["@graph"][0]
    return node


def node_by_id(document: dict[str, Any], identifier: str) -> dict[str, Any]:
    found = [o for o in objects(document) if o.get("@id") == identifier and len(o) > 1]
    assert 1 == len(found), identifier
    return found[0]


def expected_ids(article: Article, node_id: Any) -> dict[str, str]:
    """The @id each person, organization, place, quote and claim must have."""
    kinds: dict[str, tuple[Person | Organization | Place | Quote | Claim, ...]] = {
        "person": article.people,
        "organization": article.organizations,
        "place": article.places,
        "quote": article.quotes,
        "claim": article.claims,
    }
    return {node_id(kind, item.id): kind for kind, items in kinds.items() for item in items}


def id_maker(article: Article) -> Any:
    base = article.url.partition("#")[0] if article.url else None

    def make(kind: str, identifier: str) -> str:
        return f"{base}#{kind}-{identifier}" if base else f"_:{kind}-{identifier}"

    return make


# --- the example ----------------------------------------------------------------------


def test_example_is_one_graph_under_the_schema_org_context() -> None:
    """The export is {"@context": "https://schema.org", "@graph": [...]}, article first."""
    document = to_jsonld(example())
    assert ["@context", "@graph"] == list(document)
    assert "https://schema.org" == document["@context"]
    assert "BackgroundNewsArticle" == article_node(document)["@type"]
    assert "_:article" == article_node(document)["@id"]


def test_example_leaves_out_what_the_article_does_not_know() -> None:
    """The Panjshir article has no URL, date or image: the JSON-LD invents none."""
    node = article_node(to_jsonld(example()))
    for absent in ("url", "mainEntityOfPage", "datePublished", "dateModified", "image"):
        assert absent not in node


def test_example_author_is_an_array_of_one_typed_organization() -> None:
    """Authors are always an array, each node explicitly typed with its name."""
    authors = article_node(to_jsonld(example()))["author"]
    assert ["Organization"] == [a["@type"] for a in authors]
    assert ["Data and Forensics team"] == [a["name"] for a in authors]


def test_example_publisher_is_a_news_media_organization() -> None:
    """The publisher is written out in full on the article node."""
    publisher = article_node(to_jsonld(example()))["publisher"]
    assert (
        {
            "@type": "NewsMediaOrganization",
            "@id": "_:organization-sky-news",
            "name": "Sky News",
        }
    ) == publisher


def test_two_attributions_of_one_op_ed_cite_one_work() -> None:
    """The op-ed quoted for its text and for its title is one cited work, not two."""
    document = to_jsonld(example())
    citations = article_node(document)["citation"]
    op_eds = [
        c for c in citations if c.get("additionalType") == "https://schema.org/OpinionNewsArticle"
    ]
    assert 1 == len(op_eds)
    assert (
        "CreativeWork",
        "The mujahideen resistance to the Taliban begins now. But we need help.",
    ) == (
        op_eds[0]["@type"],
        op_eds[0]["name"],
    )
    based_on = {
        q["@id"]: q.get("isBasedOn") for q in document["@graph"] if q["@type"] == "Quotation"
    }
    assert {"@id": op_eds[0]["@id"]} == based_on["_:quote-op-ed-opening"]
    assert {"@id": op_eds[0]["@id"]} == based_on["_:quote-we-need-help"]


def test_attributions_alike_but_for_channel_or_date_cite_works_of_their_own() -> None:
    """An attribution that gives the op-ed's channel, source, outlet, title, URL and an equal
    date cites the op-ed; one that differs only in its date or only in its channel cites a
    work of its own."""
    article = example()
    op_ed = next(a for a in article.attributions if a.id == "massoud-op-ed")
    assert op_ed.date is not None
    alike = [
        attrs.evolve(op_ed, id="same-date", date=attrs.evolve(op_ed.date), verb=None),
        attrs.evolve(op_ed, id="other-date", date=PartialDate(year=2021, month=8)),
        attrs.evolve(op_ed, id="no-date", date=None),
        attrs.evolve(op_ed, id="other-channel", channel=Channel.ARTICLE),
    ]
    document = to_jsonld(attrs.evolve(article, attributions=(*article.attributions, *alike)))
    citations = {c["@id"] for c in article_node(document)["citation"]}
    before = {c["@id"] for c in article_node(to_jsonld(article))["citation"]}
    assert {"_:work-other-date", "_:work-no-date", "_:work-other-channel"} == citations - before
    assert before <= citations


def test_claims_of_the_unnamed_source_have_no_creator() -> None:
    """A claim by the unnamed source names no one, and the source's id is nowhere."""
    document = to_jsonld(example())
    for claim_id in ("two-skirmishes", "thousands-flocking", "peace-talks-and-resistance"):
        claim = node_by_id(document, f"_:claim-{claim_id}")
        assert "creator" not in claim
        assert "author" not in claim
    assert not any("panjshir-source" in s for s in strings(document))


def test_claim_of_a_named_source_has_creator_and_first_appearance() -> None:
    """Saleh's declaration: creator Saleh, seen first in his tweet, appearing in the article."""
    document = to_jsonld(example())
    claim = node_by_id(document, "_:claim-saleh-caretaker-president")
    assert {"@id": "_:person-amrullah-saleh"} == claim["creator"]
    assert {"@id": "_:article"} == claim["appearance"]
    tweet = node_by_id(document, claim["firstAppearance"]["@id"])
    assert ("CreativeWork", "https://schema.org/SocialMediaPosting", "2021-08-17") == (
        tweet["@type"],
        tweet["additionalType"],
        tweet["dateCreated"],
    )


def test_places_carry_coordinates_containment_and_borders() -> None:
    """Panjshir Valley has GeoCoordinates and lies in Panjshir, which touches Laghman."""
    document = to_jsonld(example())
    valley = node_by_id(document, "_:place-panjshir-valley")
    assert {"@type": "GeoCoordinates", "latitude": 35.267, "longitude": 69.467} == valley["geo"]
    assert {"@id": "_:place-panjshir"} == valley["containedInPlace"]
    assert [{"@id": "_:place-laghman"}] == node_by_id(document, "_:place-panjshir")["geoTouches"]


def test_roles_use_the_schema_org_role_pattern() -> None:
    """Saleh's vice presidency is an OrganizationRole from 2019 in the Afghan government."""
    saleh = node_by_id(to_jsonld(example()), "_:person-amrullah-saleh")
    assert {
        "@type": "OrganizationRole",
        "roleName": "vice president",
        "startDate": "2019",
        "affiliation": {"@id": "_:organization-afghan-government"},
    } == saleh["affiliation"][1]


def test_word_count_and_body_are_the_story_without_asides() -> None:
    """wordCount counts body paragraphs; articleBody leaves the 'about the team' box out."""
    article = example()
    node = article_node(to_jsonld(article))
    assert article.word_count == node["wordCount"]
    assert node["articleBody"].endswith('"We need help."')
    assert "multi-skilled unit" not in node["articleBody"]


def test_article_body_can_be_left_out() -> None:
    """JsonLdRenderer(article_body=False) writes no articleBody and nothing else changes."""
    with_body = to_jsonld(example())
    without = JsonLdRenderer(article_body=False)(example())
    assert "articleBody" not in article_node(without)
    del article_node(with_body)["articleBody"]
    assert with_body == without


# --- ids ------------------------------------------------------------------------------


def test_ids_are_the_article_url_plus_a_fragment() -> None:
    """With a URL, every node id is the URL (its own fragment dropped) plus #kind-id."""
    article = attrs.evolve(example(), url="https://news.example/panjshir?x=1#top")
    document = to_jsonld(article)
    node = article_node(document)
    assert "https://news.example/panjshir?x=1#article" == node["@id"]
    assert "https://news.example/panjshir?x=1#top" == node["url"]
    assert "https://news.example/panjshir?x=1#top" == node["mainEntityOfPage"]
    assert "https://news.example/panjshir?x=1#person-ahmad-massoud" in definitions(document)
    assert all(i.startswith("https://news.example/panjshir?x=1#") for i in definitions(document))


# --- properties over every article ------------------------------------------------------


@given(articles())
def test_graph_defines_each_node_once_and_every_reference_resolves(article: Article) -> None:
    """Each person, organization, place, quote and claim is defined exactly once, no
    node twice (but a publisher that is also an author, summed up under author too);
    every {"@id": ...} names a node of the document; every id is under the article URL,
    or a blank node label when there is none."""
    document = to_jsonld(article)
    defined = definitions(document)
    expected = expected_ids(article, id_maker(article))
    twice = {
        id_maker(article)("organization", i) for i in article.authors if i == article.publisher
    }
    assert {i: 2 if i in twice else 1 for i in expected} == {i: defined[i] for i in expected}
    assert all(2 if i in twice else 1 == count for i, count in defined.items())
    assert set() == set(references(document)) - set(defined)
    prefix = article.url.partition("#")[0] + "#" if article.url else "_:"
    assert all(i.startswith(prefix) for i in [*defined, *references(document)])


@given(articles_with_secrets())
def test_no_export_shows_an_unnamed_sources_id_or_identity(article: Article) -> None:
    """An unnamed source's id and the newsroom's record of who it is appear in none of
    the JSON-LD, the script block, the HTML page or the text with its Sources."""
    exports = {
        "jsonld": to_jsonld_text(article),
        "script": to_jsonld_script(article),
        "html": to_html(article),
        "text": to_text(article, sources=True),
    }
    leaks = [(name, s) for name, text in exports.items() for s in secrets_of(article) if s in text]
    assert [] == leaks


def _reviews_and_their_claims(document: dict[str, Any]) -> list[dict[str, Any]]:
    """Each ClaimReview of the graph followed by the Claim it reviews, in document order."""
    reviews = [n for n in document["@graph"] if n["@type"] == "ClaimReview"]
    found = [node for r in reviews for node in (r, r["itemReviewed"])]
    return [node for node in found if "author" in node]


@given(articles())
def test_only_the_article_names_its_authors(article: Article) -> None:
    """``author`` is on the article node and holds its authors in order, each
    written out there: typed Person or an Organization type, with name, url and
    sameAs.  Beside it, only a fact check's ClaimReviews and the Claims they review
    use ``author``, and only as references, so no name stands under any other
    ``author``.  No Person stands at the top of the graph (extractors read those as
    bylines)."""
    document = to_jsonld(article)
    node = article_node(document)
    others = [o for o in objects(document) if "author" in o and o is not node]
    assert _reviews_and_their_claims(document) == others
    assert [] == [o for o in others if set(o["author"]) != {"@id"}]
    assert bool(article.authors) == ("author" in node)
    authors = node.get("author", [])
    assert len(article.authors) == len(authors)
    for identifier, author in zip(article.authors, authors, strict=True):
        entity = article.index[identifier]
        assert isinstance(entity, Person | Organization)
        kind = "person" if isinstance(entity, Person) else "organization"
        assert id_maker(article)(kind, identifier) == author["@id"]
        assert ("Person" == author["@type"]) == isinstance(entity, Person)
        assert author["@type"] in {"Person", *ORGANIZATION_TYPES}
        assert entity.name == author["name"]
        assert entity.url == author.get("url")
        assert list(entity.same_as) == author.get("sameAs", [])
    assert [] == [n for n in document["@graph"] if n["@type"] == "Person"]


@given(articles())
def test_dumps_is_the_same_bytes_after_a_round_trip(article: Article) -> None:
    """The canonical text depends only on the article: a reloaded copy gives the same bytes."""
    copy = newsarticle.loads(newsarticle.dumps(article))
    assert to_jsonld_text(article) == to_jsonld_text(copy)
    assert to_jsonld(article) == json.loads(to_jsonld_text(article))


# --- values ---------------------------------------------------------------------------------


def test_date_published_is_the_articles_alone() -> None:
    """Without corrections, live updates or reviews, datePublished is on the article node
    and nowhere else; cited works carry the date their source said it as dateCreated."""
    article = attrs.evolve(
        example(), date_published=dt.datetime(2021, 8, 19, 17, 16, tzinfo=PLUS_ONE)
    )
    document = to_jsonld(article)
    assert [article_node(document)["@id"]] == [
        o["@id"] for o in objects(document) if "datePublished" in o
    ]
    assert "2021-08-10" == node_by_id(document, "_:work-livestream")["dateCreated"]


def test_dates_keep_their_time_zone() -> None:
    """datePublished and dateModified are RFC 3339 with their offset (Z for UTC)."""
    article = attrs.evolve(
        example(),
        date_published=dt.datetime(2021, 8, 19, 17, 16, tzinfo=PLUS_ONE),
        date_modified=dt.datetime(2021, 8, 20, 9, 0, tzinfo=UTC),
    )
    node = article_node(to_jsonld(article))
    assert "2021-08-19T17:16:00+01:00" == node["datePublished"]
    assert "2021-08-20T09:00:00Z" == node["dateModified"]


def test_images_are_image_objects_with_their_size_in_pixels() -> None:
    """width and height are QuantitativeValues in pixels (UN/CEFACT E37)."""
    image = Image(id="lead", url="https://img.example/a.jpg", width=1200, height=675, alt="Valley")
    node = article_node(to_jsonld(attrs.evolve(example(), images=[image])))
    assert [
        {
            "@type": "ImageObject",
            "@id": "_:image-lead",
            "url": "https://img.example/a.jpg",
            "contentUrl": "https://img.example/a.jpg",
            "width": {"@type": "QuantitativeValue", "value": 1200, "unitCode": "E37"},
            "height": {"@type": "QuantitativeValue", "value": 675, "unitCode": "E37"},
            "description": "Valley",
        }
    ] == node["image"]


@pytest.mark.parametrize("genre", list(Genre))
def test_the_genre_names_the_article_type(genre: Genre) -> None:
    """Each genre becomes its schema.org NewsArticle type."""
    node = article_node(to_jsonld(attrs.evolve(example(), genre=genre)))
    assert ARTICLE_TYPES[genre] == node["@type"]


def test_several_authors_keep_their_order_and_kinds() -> None:
    """A person and an organization as authors: an array of two typed nodes, in order."""
    people = [Person(id="jane", name="Jane Roe", url="https://news.example/jane")]
    article = attrs.evolve(
        example(), people=[*example().people, *people], authors=["jane", "data-forensics-team"]
    )
    authors = article_node(to_jsonld(article))["author"]
    assert [
        ("Person", "Jane Roe"),
        ("Organization", "Data and Forensics team"),
    ] == [(a["@type"], a["name"]) for a in authors]
    assert "https://news.example/jane" == authors[0]["url"]


def test_a_dangling_reference_is_refused() -> None:
    """The exporter refuses an article whose author does not resolve, with the problem."""
    broken = attrs.evolve(example(), authors=["nobody"])
    with pytest.raises(InvalidArticleError, match='"nobody" is not the id of anything') as caught:
        to_jsonld(broken)
    assert [("unresolved-reference", "/authors/0")] == [
        (p.code, p.path) for p in caught.value.problems
    ]


def test_a_reference_to_the_wrong_kind_is_refused() -> None:
    """A place given as the publisher is refused rather than exported as one."""
    broken = attrs.evolve(example(), publisher="kabul")
    with pytest.raises(InvalidArticleError, match='"kabul" is a place'):
        to_jsonld(broken)


@pytest.mark.parametrize(
    "export", [to_jsonld, to_html, lambda article: to_text(article, sources=True)]
)
def test_every_exporter_refuses_a_broken_reference_the_same_way(export: Any) -> None:
    """Each exporter raises the one InvalidArticleError (a ValueError) for the same cause."""
    broken = attrs.evolve(example(), publisher="kabul")
    with pytest.raises(ValueError, match='"kabul" is a place') as caught:
        export(broken)
    assert InvalidArticleError is type(caught.value)


def test_publisher_who_is_also_author_is_written_in_full_as_publisher() -> None:
    """An organization that is author and publisher is written out in full under
    publisher (where consumers read its name and logo) and summed up under author with its
    type, id, name, url and sameAs, which Google's guidance reads of an author."""
    sky = Organization(
        id="sky",
        name="Sky Example",
        kind=OrganizationKind.NEWS_MEDIA,
        url="https://sky.example.com/",
        same_as=["https://www.example.com/wiki/Sky_Example"],
        description="A news channel.",
        logo=Logo(url="https://sky.example.com/logo.png", width=600, height=60),
    )
    node = article_node(to_jsonld(invented(organizations=[sky], authors=["sky"], publisher="sky")))
    summary = {
        "@type": "NewsMediaOrganization",
        "@id": f"{NEWS}/lake#organization-sky",
        "name": "Sky Example",
        "url": "https://sky.example.com/",
        "sameAs": ["https://www.example.com/wiki/Sky_Example"],
    }
    assert [summary] == node["author"]
    assert {
        **summary,
        "description": "A news channel.",
        "logo": {
            "@type": "ImageObject",
            "url": "https://sky.example.com/logo.png",
            "contentUrl": "https://sky.example.com/logo.png",
            "width": {"@type": "QuantitativeValue", "value": 600, "unitCode": "E37"},
            "height": {"@type": "QuantitativeValue", "value": 60, "unitCode": "E37"},
        },
    } == node["publisher"]


def _flattened(document: dict[str, Any]) -> list[dict[str, Any]]:
    """``document`` flattened by pyld (the schema.org context served from the vendored copy):
    every node once, its properties merged from wherever the document writes it."""
    from pyld import jsonld

    graph: list[dict[str, Any]] = jsonld.flatten(expand(document), None)
    return graph


@given(articles())
def test_a_publisher_that_is_an_author_is_one_node_to_a_json_ld_processor(
    article: Article,
) -> None:
    """Whatever the article, its publisher's name stands under publisher (for consumers that
    resolve no reference), and flattening its JSON-LD (pyld) gives one node per @id: the
    publisher written in full and summed up under author is one node, with one name and
    one type, and the publisher names it."""
    document = to_jsonld(article)
    graph = _flattened(document)
    ids = [node["@id"] for node in graph]
    assert len(ids) == len(set(ids))
    if article.publisher is None:
        return
    name = resolve(article, article.publisher, ORGANIZATIONS).name
    assert name == article_node(document)["publisher"]["name"]
    schema = "http://schema.org/"
    (article_node_,) = [n for n in graph if f"{schema}wordCount" in n]
    (publisher,) = article_node_[f"{schema}publisher"]
    (node,) = [n for n in graph if n["@id"] == publisher["@id"]]
    assert [{"@value": name}] == node[f"{schema}name"]
    assert 1 == len(node["@type"])
    if article.publisher in article.authors:
        assert publisher in article_node_[f"{schema}author"]


def test_organization_kinds_become_schema_org_types() -> None:
    """Government, party, NGO and newsroom kinds have their own schema.org types."""
    document = to_jsonld(example())
    assert (
        "GovernmentOrganization"
        == node_by_id(document, "_:organization-afghan-government")["@type"]
    )
    assert "NewsMediaOrganization" == node_by_id(document, "_:organization-the-national")["@type"]
    assert "Organization" == node_by_id(document, "_:organization-taliban")["@type"]


# --- the script block -------------------------------------------------------------------------

HOSTILE = [
    "</script><script>alert(1)</script>",
    "<!-- hidden",
    "</SCRIPT >",
    "a & b > c < d",
    "line\u2028separator\u2029paragraph",
    "<script>",
]


def script_content(block: str) -> str:
    match = re.fullmatch(r'<script type="application/ld\+json">\n(.*)\n</script>\n', block, re.S)
    assert match is not None, block
    return match.group(1)


@pytest.mark.parametrize("headline", HOSTILE)
def test_no_headline_can_close_the_script(headline: str) -> None:
    """Hostile headlines stay inside the JSON: no '<', '>', '&', U+2028 or U+2029 in it."""
    article = attrs.evolve(example(), headline=headline)
    content = script_content(to_jsonld_script(article))
    assert [] == [c for c in "<>&\u2028\u2029" if c in content]
    assert to_jsonld(article) == json.loads(content)


@given(articles())
def test_script_content_is_safe_and_parses_back(article: Article) -> None:
    """For every article the script holds no '</' or '<!--', ends with its one end tag,
    and its content parses to exactly the JSON-LD."""
    block = to_jsonld_script(article)
    content = script_content(block)
    assert "</" not in content
    assert "<!--" not in content
    assert block.endswith("</script>\n")
    assert 1 == block.count("</")
    assert to_jsonld(article) == json.loads(content)


def test_escaping_keeps_the_json_value() -> None:
    """The escapes are JSON's own: the escaped text reads back as the same value."""
    value = {"k": "<a href='x'>&amp;</a>\u2028\u2029"}
    escaped = escape_script_json(json.dumps(value, ensure_ascii=False))
    assert value == json.loads(escaped)
    assert '{"k": "\\u003ca href=\'x\'\\u003e\\u0026amp;\\u003c/a\\u003e\\u2028\\u2029"}' == escaped


# --- paywall, speakable, policies, corrections, live blogs, fact checks -------------------

NEWS = "https://news.example.com"
PUBLISHED = dt.datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
GAZETTE = Organization(
    id="gazette", name="The Example Gazette", url=f"{NEWS}/", kind=OrganizationKind.NEWS_MEDIA
)


def invented(**changes: Any) -> Article:
    """A small invented article of an invented newspaper under example.com."""
    base = Article(
        id="invented",
        headline="Invented: the lake of Exampleton is rising",
        language="en",
        url=f"{NEWS}/lake",
        date_published=PUBLISHED,
        publisher="gazette",
        organizations=[GAZETTE],
        paragraphs=[
            Paragraph(id="p1", text="This article is invented; Exampleton does not exist."),
            Paragraph(id="p2", text="The lake rose by a metre this winter."),
        ],
    )
    return attrs.evolve(base, **changes)


def fact_check(**changes: Any) -> Article:
    """An invented fact check: a campaigner's post makes two claims, one of them reviewed."""
    campaigner = Person(id="sam", name="Sam Example")
    post = Attribution(
        id="post",
        channel=Channel.SOCIAL_MEDIA_POST,
        verification=Verification.FALSE,
        source="sam",
        url="https://social.example.com/sam/1",
    )
    reviewed = Claim(
        id="flood",
        text="the lake will flood the town this spring",
        attribution="post",
        review=ClaimReview(
            verdict="False",
            rating=1,
            best_rating=5,
            worst_rating=1,
            url=f"{NEWS}/lake#flood",
        ),
    )
    unreviewed = Claim(id="dam", text="the dam has never been inspected", attribution="post")
    fields: dict[str, Any] = {
        "genre": Genre.FACT_CHECK,
        "people": [campaigner],
        "attributions": [post],
        "claims": [reviewed, unreviewed],
    }
    return invented(**{**fields, **changes})


def graph_of(document: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    """The top-level nodes of one type."""
    return [n for n in document["@graph"] if n["@type"] == kind]


def with_subscribers(article: Article, *ids: str) -> Article:
    """The article with the given paragraphs behind the paywall."""
    paragraphs = [
        attrs.evolve(p, access=Access.SUBSCRIBERS) if p.id in ids else p for p in article.paragraphs
    ]
    return attrs.evolve(article, paragraphs=paragraphs)


def test_a_paywalled_article_is_not_free_and_marks_one_section_by_one_class() -> None:
    """Paragraphs for subscribers: isAccessibleForFree is the JSON boolean false, and hasPart
    holds one WebPageElement, itself not free, whose cssSelector is a single class."""
    article = with_subscribers(invented(), "p2")
    node = article_node(to_jsonld(article))
    assert False is node["isAccessibleForFree"]
    assert [
        {"@type": "WebPageElement", "isAccessibleForFree": False, "cssSelector": ".paywalled"}
    ] == node["hasPart"]
    assert "paywalled" == single_class(node["hasPart"][0]["cssSelector"])
    assert '"isAccessibleForFree": false' in to_jsonld_text(article)


def test_paywalled_sections_are_never_nested() -> None:
    """However many paragraphs are for subscribers, there is one section and no hasPart in it."""
    article = with_subscribers(invented(access=Access.SUBSCRIBERS), "p1", "p2")
    parts = article_node(to_jsonld(article))["hasPart"]
    assert 1 == len(parts)
    assert [] == [o for o in objects(parts) if "hasPart" in o]


@pytest.mark.parametrize(
    ("access", "expected"),
    [(Access.FREE, True), (Access.SUBSCRIBERS, False), (None, None)],
    ids=["free", "subscribers", "not-stated"],
)
def test_access_without_paywalled_paragraphs(access: Access | None, expected: bool | None) -> None:
    """With no paragraph for subscribers: free is true, subscribers false (and no section to
    mark), not stated leaves isAccessibleForFree out."""
    node = article_node(to_jsonld(invented(access=access)))
    assert expected is node.get("isAccessibleForFree")
    assert "hasPart" not in node


def test_a_paragraph_for_subscribers_makes_an_unstated_article_not_free() -> None:
    """access left out, one paragraph for subscribers: the article is not free."""
    node = article_node(to_jsonld(with_subscribers(invented(access=None), "p2")))
    assert False is node["isAccessibleForFree"]


def test_speakable_is_the_headline_alone_by_default() -> None:
    """Without standfirst or chosen paragraphs, the headline is what suits speech: a
    SpeakableSpecification with cssSelector only (no xpath)."""
    node = article_node(to_jsonld(invented()))
    assert {"@type": "SpeakableSpecification", "cssSelector": [".headline"]} == node["speakable"]


def test_speakable_names_the_standfirst_and_the_chosen_paragraphs() -> None:
    """A standfirst and paragraphs listed in speakable add their selectors, in page order."""
    article = invented(standfirst="The lake rose.", speakable=["p2"])
    speakable = article_node(to_jsonld(article))["speakable"]
    assert [".headline", ".standfirst", ".speakable"] == speakable["cssSelector"]
    assert [] == [o for o in objects(to_jsonld(article)) if "xpath" in o or "xPath" in o]


def test_the_renderer_uses_the_selectors_it_is_given() -> None:
    """JsonLdRenderer(selectors=...) writes those selectors in hasPart and speakable; the
    default renderer writes the HTML export's classes."""
    article = with_subscribers(invented(standfirst="The lake rose.", speakable=["p1"]), "p2")
    selectors = Selectors(
        headline=".title", standfirst=".lede", speakable=".read-aloud", paywalled=".premium"
    )
    node = article_node(JsonLdRenderer(selectors=selectors)(article))
    assert ".premium" == node["hasPart"][0]["cssSelector"]
    assert [".title", ".lede", ".read-aloud"] == node["speakable"]["cssSelector"]
    assert DEFAULT_SELECTORS == JsonLdRenderer().selectors


def test_the_articles_own_publishing_principles() -> None:
    """An article's own principles are its publishingPrinciples; without them it has none
    (the publisher's are on the publisher's node)."""
    principles = f"{NEWS}/lake/how-we-reported-this"
    assert (
        principles
        == article_node(to_jsonld(invented(publishing_principles=principles)))[
            "publishingPrinciples"
        ]
    )
    assert "publishingPrinciples" not in article_node(to_jsonld(invented()))


ALL_POLICIES = Policies(
    publishing_principles=f"{NEWS}/about/principles",
    corrections=f"{NEWS}/about/corrections",
    ethics=f"{NEWS}/about/ethics",
    diversity=f"{NEWS}/about/diversity",
    ownership_funding=f"{NEWS}/about/ownership",
    actionable_feedback=f"{NEWS}/about/feedback",
    unnamed_sources=f"{NEWS}/about/sources",
    verification_fact_checking=f"{NEWS}/about/checking",
    masthead=f"{NEWS}/about/masthead",
    no_bylines=f"{NEWS}/about/bylines",
    mission_coverage_priorities=f"{NEWS}/about/mission",
)
ORGANIZATION_POLICIES = {
    "publishingPrinciples": f"{NEWS}/about/principles",
    "correctionsPolicy": f"{NEWS}/about/corrections",
    "ethicsPolicy": f"{NEWS}/about/ethics",
    "diversityPolicy": f"{NEWS}/about/diversity",
    "ownershipFundingInfo": f"{NEWS}/about/ownership",
    "actionableFeedbackPolicy": f"{NEWS}/about/feedback",
    "unnamedSourcesPolicy": f"{NEWS}/about/sources",
}
NEWS_MEDIA_POLICIES = {
    **ORGANIZATION_POLICIES,
    "verificationFactCheckingPolicy": f"{NEWS}/about/checking",
    "masthead": f"{NEWS}/about/masthead",
    "noBylinesPolicy": f"{NEWS}/about/bylines",
    "missionCoveragePrioritiesPolicy": f"{NEWS}/about/mission",
}


def _policy_terms(node: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in node.items() if k in NEWS_MEDIA_POLICIES}


def test_a_news_media_publisher_has_every_policy_under_its_term() -> None:
    """The eleven Trust Project policies of a news_media publisher, on its node."""
    gazette = attrs.evolve(GAZETTE, policies=ALL_POLICIES)
    publisher = article_node(to_jsonld(invented(organizations=[gazette])))["publisher"]
    assert NEWS_MEDIA_POLICIES == _policy_terms(publisher)


@pytest.mark.parametrize(
    "kind", [k for k in OrganizationKind if k is not OrganizationKind.NEWS_MEDIA]
)
def test_news_media_only_policies_stay_off_other_kinds(kind: OrganizationKind) -> None:
    """verificationFactCheckingPolicy, masthead, noBylinesPolicy and
    missionCoveragePrioritiesPolicy are NewsMediaOrganization's alone: another kind of
    organization has the other seven."""
    gazette = attrs.evolve(GAZETTE, kind=kind, policies=ALL_POLICIES)
    publisher = article_node(to_jsonld(invented(organizations=[gazette])))["publisher"]
    assert ORGANIZATION_POLICIES == _policy_terms(publisher)


def test_corrections_are_correction_comments_with_their_publication_date() -> None:
    """Each correction: a CorrectionComment with text and datePublished, oldest first."""
    corrections = [
        Correction(date=PUBLISHED + dt.timedelta(hours=2), text="A name was misspelt."),
        Correction(date=PUBLISHED + dt.timedelta(days=1), text="The rise was a metre."),
    ]
    article = invented(corrections=corrections, date_modified=PUBLISHED + dt.timedelta(days=1))
    assert [
        {
            "@type": "CorrectionComment",
            "text": "A name was misspelt.",
            "datePublished": "2026-03-02T11:00:00Z",
        },
        {
            "@type": "CorrectionComment",
            "text": "The rise was a metre.",
            "datePublished": "2026-03-03T09:00:00Z",
        },
    ] == article_node(to_jsonld(article))["correction"]


LIVE = LiveCoverage(
    start=PUBLISHED,
    end=PUBLISHED + dt.timedelta(hours=6),
    updates=[
        LiveUpdate(
            id="u1",
            date=PUBLISHED + dt.timedelta(hours=1),
            headline="The water reaches the quay",
            text="The quay is under water.\n\nThe ferry has stopped.",
        ),
        LiveUpdate(
            id="u2",
            date=PUBLISHED + dt.timedelta(hours=3),
            headline="The water falls back",
            text="The quay is dry again.",
        ),
    ],
)


def test_the_articles_date_published_is_the_first_in_the_text() -> None:
    """Corrections, live updates and reviews carry datePublished too, but the article's own
    comes first in the document's text (extractors that search the text take the first)."""
    article = fact_check(
        live=LIVE,
        corrections=[Correction(date=PUBLISHED + dt.timedelta(days=1), text="A fix.")],
        date_modified=PUBLISHED + dt.timedelta(days=1),
    )
    text = to_jsonld_text(article)
    first = re.search(r'"datePublished": "([^"]*)"', text)
    assert first is not None
    assert "2026-03-02T09:00:00Z" == first.group(1)
    assert 5 == text.count('"datePublished"')  # the article, two updates, a correction, a review


@pytest.mark.parametrize("genre", list(Genre))
def test_a_live_blog_is_a_live_blog_posting_with_its_updates(genre: Genre) -> None:
    """Whatever the genre, a live blog is a LiveBlogPosting with its coverage times and one
    BlogPosting per update, oldest first: id, headline, time and text."""
    node = article_node(to_jsonld(invented(live=LIVE, genre=genre)))
    assert "LiveBlogPosting" == node["@type"]
    assert "2026-03-02T09:00:00Z" == node["coverageStartTime"]
    assert "2026-03-02T15:00:00Z" == node["coverageEndTime"]
    assert [
        {
            "@type": "BlogPosting",
            "@id": f"{NEWS}/lake#update-u1",
            "headline": "The water reaches the quay",
            "datePublished": "2026-03-02T10:00:00Z",
            "articleBody": "The quay is under water.\n\nThe ferry has stopped.",
        },
        {
            "@type": "BlogPosting",
            "@id": f"{NEWS}/lake#update-u2",
            "headline": "The water falls back",
            "datePublished": "2026-03-02T12:00:00Z",
            "articleBody": "The quay is dry again.",
        },
    ] == node["liveBlogUpdate"]


def test_a_live_blog_still_going_has_no_end_time_and_no_dateline() -> None:
    """Coverage that has not ended has no coverageEndTime; a draft's update ids are blank
    nodes; dateline, a NewsArticle's term alone, is left off a LiveBlogPosting."""
    live = attrs.evolve(LIVE, end=None)
    node = article_node(to_jsonld(invented(live=live, url=None, dateline="EXAMPLETON")))
    assert "coverageEndTime" not in node
    assert "dateline" not in node
    assert ["_:update-u1", "_:update-u2"] == [u["@id"] for u in node["liveBlogUpdate"]]
    assert "EXAMPLETON" == article_node(to_jsonld(invented(dateline="EXAMPLETON")))["dateline"]


def test_a_reviewed_claim_of_a_fact_check_is_a_claim_review() -> None:
    """One ClaimReview per reviewed claim, after the Claim nodes: the claim as stated, the
    verdict and its scale, the claim with its author and where it appeared, the publisher
    as the reviewer (none given) and the article's date (none given)."""
    document = to_jsonld(fact_check())
    assert ["Claim", "Claim", "ClaimReview"] == [n["@type"] for n in document["@graph"][1:]]
    assert [
        {
            "@type": "ClaimReview",
            "@id": f"{NEWS}/lake#review-flood",
            "url": f"{NEWS}/lake#flood",
            "claimReviewed": "the lake will flood the town this spring",
            "reviewRating": {
                "@type": "Rating",
                "alternateName": "False",
                "ratingValue": 1,
                "bestRating": 5,
                "worstRating": 1,
            },
            "itemReviewed": {
                "@type": "Claim",
                "author": {"@id": f"{NEWS}/lake#person-sam"},
                "appearance": {"@id": f"{NEWS}/lake#work-post"},
            },
            "author": {"@id": f"{NEWS}/lake#organization-gazette"},
            "datePublished": "2026-03-02T09:00:00Z",
        }
    ] == graph_of(document, "ClaimReview")


def test_claim_reviewed_is_the_claim_never_the_verdict() -> None:
    """claimReviewed states the claim; the verdict is the rating's alternateName."""
    review = graph_of(to_jsonld(fact_check()), "ClaimReview")[0]
    assert "the lake will flood the town this spring" == review["claimReviewed"]
    assert "False" == review["reviewRating"]["alternateName"]
    assert "False" != review["claimReviewed"]


def test_a_review_names_its_own_reviewer_and_date() -> None:
    """A review's reviewer and date, when given, are the ClaimReview's author and date."""
    checker = Person(id="jo", name="Jo Example", url=f"{NEWS}/staff/jo")
    article = fact_check()
    claim = article.claims[0]
    assert claim.review is not None
    review = attrs.evolve(claim.review, reviewer="jo", date=PUBLISHED + dt.timedelta(hours=1))
    claims = [attrs.evolve(claim, review=review), article.claims[1]]
    people = [*article.people, checker]
    node = graph_of(to_jsonld(attrs.evolve(article, claims=claims, people=people)), "ClaimReview")
    assert {"@id": f"{NEWS}/lake#person-jo"} == node[0]["author"]
    assert "2026-03-02T10:00:00Z" == node[0]["datePublished"]


def test_a_review_without_numbers_reviewer_or_date_leaves_them_out() -> None:
    """A verdict alone: the Rating has no numbers; with no publisher and no date anywhere,
    the ClaimReview has no author and no datePublished; a claim with no cited work appears
    in the article itself."""
    article = fact_check(publisher=None, date_published=None)
    claim = article.claims[0]
    conversation = Attribution(
        id="told-us", channel=Channel.CONVERSATION, verification=Verification.FALSE, source="sam"
    )
    claims = [
        attrs.evolve(claim, attribution="told-us", review=ClaimReview(verdict="Misleading")),
        article.claims[1],
    ]
    article = attrs.evolve(
        article, claims=claims, attributions=[*article.attributions, conversation]
    )
    review = graph_of(to_jsonld(article), "ClaimReview")[0]
    assert {"@type": "Rating", "alternateName": "Misleading"} == review["reviewRating"]
    assert "author" not in review
    assert "datePublished" not in review
    assert "url" not in review
    assert {"@id": f"{NEWS}/lake#article"} == review["itemReviewed"]["appearance"]


def test_a_review_of_an_unnamed_sources_claim_names_no_author() -> None:
    """The Claim a review reviews has no author when its source is unnamed (whatever its kind)
    or unknown."""
    article = fact_check()
    for source in (None, "anonymous"):
        unnamed = newsarticle.UnnamedSource(
            id="anonymous", description="a resident", kind=SourceKind.PERSON
        )
        attribution = attrs.evolve(article.attributions[0], source=source)
        changed = attrs.evolve(
            article,
            attributions=[attribution],
            unnamed_sources=[unnamed] if source else [],
            people=[],
        )
        review = graph_of(to_jsonld(changed), "ClaimReview")[0]
        assert {"@type": "Claim", "appearance": {"@id": f"{NEWS}/lake#work-post"}} == review[
            "itemReviewed"
        ]


@pytest.mark.parametrize("verification", list(Verification))
def test_no_review_is_derived_from_a_verification(verification: Verification) -> None:
    """A fact check whose claims carry no review has no ClaimReview, whatever the
    attribution's verification status says."""
    article = fact_check()
    claims = [attrs.evolve(c, review=None) for c in article.claims]
    attribution = attrs.evolve(article.attributions[0], verification=verification)
    document = to_jsonld(attrs.evolve(article, claims=claims, attributions=[attribution]))
    assert [] == graph_of(document, "ClaimReview")
    assert [] == [o for o in objects(document) if "reviewRating" in o]


@pytest.mark.parametrize("genre", [g for g in Genre if g is not Genre.FACT_CHECK])
def test_reviews_are_exported_by_fact_checks_only(genre: Genre) -> None:
    """A reviewed claim in an article of another genre exports no ClaimReview."""
    document = to_jsonld(fact_check(genre=genre))
    assert [] == graph_of(document, "ClaimReview")
    assert [] == [o for o in objects(document) if "claimReviewed" in o]


def test_the_examples_livestream_is_no_bare_video_object() -> None:
    """The livestream the example cites is a CreativeWork that says it is a video and has a
    name; no cited work is a VideoObject or ImageObject, which would need a thumbnail and an
    upload date (or an image file) the model does not hold."""
    document = to_jsonld(example())
    assert {
        "@type": "CreativeWork",
        "@id": "_:work-livestream",
        "additionalType": "https://schema.org/VideoObject",
        "name": "a livestream",
        "dateCreated": "2021-08-10",
    } == node_by_id(document, "_:work-livestream")
    kinds = {c["@type"] for c in article_node(document)["citation"]}
    assert set() == kinds & {"VideoObject", "ImageObject"}


@pytest.mark.parametrize(
    ("channel", "media", "unnamed"),
    [
        (Channel.VIDEO, "https://schema.org/VideoObject", "a video"),
        (Channel.LIVESTREAM, "https://schema.org/VideoObject", "a livestream"),
        (Channel.IMAGE, "https://schema.org/ImageObject", "an image"),
        (Channel.OP_ED, "https://schema.org/OpinionNewsArticle", "an op-ed"),
        (Channel.TWEET, "https://schema.org/SocialMediaPosting", "a tweet"),
        (Channel.SOCIAL_MEDIA_POST, "https://schema.org/SocialMediaPosting", "a social media post"),
        (Channel.ARTICLE, "https://schema.org/Article", "an article"),
    ],
)
def test_cited_media_say_what_they_are_and_have_a_name(
    channel: Channel, media: str, unnamed: str
) -> None:
    """A cited video, livestream, image, op-ed, post or article: CreativeWork with its
    narrower type as additionalType, named by the attribution's title, else by what it is."""
    for title, name in (("Flood at the quay", "Flood at the quay"), (None, unnamed)):
        attribution = Attribution(
            id="footage",
            channel=channel,
            verification=Verification.VERIFIED,
            title=title,
            url="https://video.example.com/quay",
        )
        claim = Claim(id="quay", text="the quay flooded", attribution="footage")
        document = to_jsonld(invented(attributions=[attribution], claims=[claim]))
        work = node_by_id(document, f"{NEWS}/lake#work-footage")
        assert ("CreativeWork", media, name) == (
            work["@type"],
            work["additionalType"],
            work["name"],
        )


def test_a_dated_role_without_organization_keeps_its_dates() -> None:
    """A role in no organization with dates is schema.org's Role pattern on jobTitle; one
    without dates stays a plain jobTitle."""
    person = Person(
        id="sam",
        name="Sam Example",
        roles=[
            Role(title="campaigner", start=PartialDate(year=2024), note="self-declared"),
            Role(title="mayor", start=PartialDate(year=2019), end=PartialDate(year=2023, month=5)),
            Role(title="resident"),
        ],
    )
    attribution = Attribution(
        id="said", channel=Channel.CONVERSATION, verification=Verification.VERIFIED, source="sam"
    )
    claim = Claim(id="rising", text="the lake is rising", attribution="said")
    document = to_jsonld(invented(people=[person], attributions=[attribution], claims=[claim]))
    assert [
        {
            "@type": "Role",
            "jobTitle": "campaigner",
            "startDate": "2024",
            "description": "self-declared",
        },
        {"@type": "Role", "jobTitle": "mayor", "startDate": "2019", "endDate": "2023-05"},
        "resident",
    ] == node_by_id(document, f"{NEWS}/lake#person-sam")["jobTitle"]


@pytest.mark.parametrize("kind", list(SourceKind))
def test_an_unnamed_sources_kind_changes_no_export(kind: SourceKind) -> None:
    """Saying the example's unnamed source is a person or an organization changes nothing in
    the JSON-LD, the script block or the HTML page, and its claims still have no creator."""
    article = example()
    told = [attrs.evolve(s, kind=kind) for s in article.unnamed_sources]
    changed = attrs.evolve(article, unnamed_sources=told)
    assert to_jsonld_text(article) == to_jsonld_text(changed)
    assert to_html(article) == to_html(changed)
    claim = node_by_id(to_jsonld(changed), "_:claim-two-skirmishes")
    assert "creator" not in claim


#: The types of article nodes: Article and every type below it in schema.org.
ARTICLE_KINDS = vocabulary().descendants("Article")


def _kinds(node: dict[str, Any]) -> set[str]:
    kinds = node.get("@type", [])
    return set(kinds if isinstance(kinds, list) else [kinds])


@given(articles())
def test_the_article_is_the_pages_one_article_node(article: Article) -> None:
    """Whatever the article, the only node of an article type (Article or a type below it:
    OpinionNewsArticle, SocialMediaPosting, ...) anywhere in its JSON-LD is the article node
    itself, but for a live blog's updates (BlogPostings under liveBlogUpdate); every cited
    work is a CreativeWork, and one of a narrower kind says so with additionalType and has a
    name."""
    document = to_jsonld(article)
    node = article_node(document)
    updates = {id(update) for update in node.get("liveBlogUpdate", [])}
    others = [o for o in objects(document) if o is not node and id(o) not in updates]
    assert [] == [o for o in others if _kinds(o) & ARTICLE_KINDS]
    for work in node.get("citation", []):
        assert "CreativeWork" == work["@type"]
        if "additionalType" in work:
            assert work["name"]


@given(articles())
def test_no_media_node_lacks_what_its_type_requires(article: Article) -> None:
    """Whatever the article, its JSON-LD holds no VideoObject (Google's rules make name,
    thumbnailUrl and uploadDate required on each, which the model cannot hold), and every
    ImageObject (the article's images, a publisher's logo) has its file as url and
    contentUrl."""
    document = to_jsonld(article)
    assert [] == [o for o in objects(document) if "VideoObject" in _kinds(o)]
    for image in (o for o in objects(document) if "ImageObject" in _kinds(o)):
        assert image["url"] == image["contentUrl"]
        assert None is URL.problem(image["url"])


def test_the_example_has_one_article_node_and_no_bare_media() -> None:
    """The Panjshir example's JSON-LD: one node of an article type (the article), its op-ed
    and tweets CreativeWorks saying what they are, no VideoObject or ImageObject."""
    document = to_jsonld(example())
    found = [o for o in objects(document) if _kinds(o) & ARTICLE_KINDS]
    assert [article_node(document)] == found
    kinds = {o["@type"] for o in article_node(document)["citation"]}
    assert {"CreativeWork"} == kinds
    assert [] == [o for o in objects(document) if _kinds(o) & {"VideoObject", "ImageObject"}]
