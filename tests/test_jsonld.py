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
    objects,
    references,
    secrets_of,
    strings,
)
from newsarticle import (
    Article,
    Claim,
    Genre,
    Image,
    InvalidArticleError,
    JsonLdRenderer,
    Organization,
    Person,
    Place,
    Quote,
    escape_script_json,
    to_html,
    to_jsonld,
    to_jsonld_script,
    to_jsonld_text,
    to_text,
)
from newsarticle._export._jsonld import ARTICLE_TYPES
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
    op_eds = [c for c in citations if c["@type"] == "OpinionNewsArticle"]
    assert 1 == len(op_eds)
    assert ("The mujahideen resistance to the Taliban begins now. But we need help.") == op_eds[0][
        "headline"
    ]
    based_on = {
        q["@id"]: q.get("isBasedOn") for q in document["@graph"] if q["@type"] == "Quotation"
    }
    assert {"@id": op_eds[0]["@id"]} == based_on["_:quote-op-ed-opening"]
    assert {"@id": op_eds[0]["@id"]} == based_on["_:quote-we-need-help"]


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
    assert "SocialMediaPosting" == tweet["@type"]
    assert "2021-08-17" == tweet["dateCreated"]


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
    node twice; every {"@id": ...} names a node of the document; every id is under
    the article URL, or a blank node label when there is none."""
    document = to_jsonld(article)
    defined = definitions(document)
    expected = expected_ids(article, id_maker(article))
    assert dict.fromkeys(expected, 1) == {i: defined[i] for i in expected}
    assert all(1 == count for count in defined.values())
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


@given(articles())
def test_only_the_article_names_its_authors(article: Article) -> None:
    """``author`` is on the article node only and holds its authors in order, each
    written out there: typed Person or an Organization type, with name, url and
    sameAs.  No Person stands at the top of the graph (extractors read those as
    bylines)."""
    document = to_jsonld(article)
    node = article_node(document)
    assert ([node] if article.authors else []) == [o for o in objects(document) if "author" in o]
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
    """datePublished is on the article node and nowhere else; cited works carry the date
    their source said it as dateCreated."""
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


def test_publisher_who_is_also_author_is_defined_once() -> None:
    """An organization that is author and publisher is written out once, referred to after."""
    article = attrs.evolve(example(), authors=["sky-news"], publisher="sky-news")
    node = article_node(to_jsonld(article))
    assert "Sky News" == node["author"][0]["name"]
    assert {"@id": "_:organization-sky-news"} == node["publisher"]


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
