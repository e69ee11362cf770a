"""The JSON-LD uses schema.org's own terms, within their domains and ranges.

These tests read the vendored schema.org 30.0 vocabulary and JSON-LD context
(``../shared/vendor/schemaorg`` or ``$NEWSARTICLE_SCHEMAORG_DIR``) and skip,
saying so, when they are absent.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given

import newsarticle
from helpers_export import REPO, conformance_problems, example, expand, key_counts, vocabulary
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
    LiveCoverage,
    LiveUpdate,
    Organization,
    OrganizationKind,
    Paragraph,
    PartialDate,
    Person,
    Policies,
    Role,
    SourceKind,
    UnnamedSource,
    Verification,
    to_jsonld,
)
from newsarticle._terms import ARTICLE_TYPES, LIVE_BLOG_TYPE
from newsarticle.testing import articles


def full_example() -> Article:
    """The example with what it lacks (URL, dates, an image, a correction) filled in."""
    from newsarticle import Correction

    published = dt.datetime(2021, 8, 19, 17, 16, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    return attrs.evolve(
        example(),
        url="https://news.example/panjshir",
        date_published=published,
        date_modified=published + dt.timedelta(days=1),
        section="World",
        keywords=["Afghanistan", "Taliban"],
        dateline="LONDON",
        standfirst="What we know about the resistance.",
        images=[Image(id="lead", url="https://img.example/a.jpg", width=1200, height=675)],
        corrections=[Correction(date=published + dt.timedelta(days=1), text="A date was fixed.")],
    )


SITE = "https://news.example.com"


def _policies(section: str) -> Policies:
    return Policies(
        **{field.name: f"{SITE}/{section}/{field.name}" for field in attrs.fields(Policies)}
    )


def every_feature(*, live: bool) -> Article:
    """An invented fact check of an invented newspaper under example.com that uses every
    feature newsrooms publish beyond the basics: paragraphs behind the paywall, speakable
    paragraphs, its own publishing principles, the policies of a news_media publisher and of
    an organization of another kind, a correction, reviewed claims (one by an unnamed source
    whose kind is known), a cited livestream, video and image, a dated role in no
    organization and, when ``live``, live coverage."""
    published = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
    hour = dt.timedelta(hours=1)
    paragraphs = [
        Paragraph(id="p1", text="This article is invented: Exampleton does not exist."),
        Paragraph(id="p2", text="A campaigner says the lake will flood the town."),
        Paragraph(id="p3", text="The full survey, for subscribers.", access=Access.SUBSCRIBERS),
    ]
    gazette = Organization(
        id="gazette",
        name="The Example Gazette",
        url=f"{SITE}/",
        kind=OrganizationKind.NEWS_MEDIA,
        policies=_policies("about"),
    )
    council = Organization(
        id="council",
        name="Exampleton Council",
        kind=OrganizationKind.GOVERNMENT,
        policies=_policies("council"),
    )
    sam = Person(
        id="sam",
        name="Sam Example",
        roles=[
            Role(title="campaigner", start=PartialDate(year=2024), note="self-declared"),
            Role(title="councillor", organization="council", start=PartialDate(year=2020)),
        ],
    )
    jo = Person(id="jo", name="Jo Example", url=f"{SITE}/staff/jo")
    source = UnnamedSource(id="resident", description="a resident", kind=SourceKind.PERSON)
    attributions = [
        Attribution(
            id=f"via-{channel.value}",
            channel=channel,
            verification=Verification.FALSE,
            source="sam",
            url=f"https://media.example.com/{channel.value}",
            title=None if channel is Channel.LIVESTREAM else f"A {channel.value}",
        )
        for channel in (Channel.SOCIAL_MEDIA_POST, Channel.VIDEO, Channel.LIVESTREAM, Channel.IMAGE)
    ]
    attributions.append(
        Attribution(
            id="via-resident",
            channel=Channel.CONVERSATION,
            verification=Verification.UNVERIFIED,
            source="resident",
        )
    )
    verdict = ClaimReview(verdict="False", rating=1, best_rating=5, worst_rating=1)
    claims = [
        Claim(
            id=f"claim-{index}",
            text=f"claim number {index} about the lake",
            attribution=attribution.id,
            review=attrs.evolve(
                verdict,
                reviewer="jo" if index % 2 else None,
                date=published + hour if index % 2 else None,
                url=f"{SITE}/lake#claim-{index}",
            ),
        )
        for index, attribution in enumerate(attributions)
    ]
    coverage = LiveCoverage(
        start=published,
        end=published + 6 * hour,
        updates=[
            LiveUpdate(
                id="u1", date=published + hour, headline="Rising", text="It rises.\n\nMore."
            ),
            LiveUpdate(id="u2", date=published + 2 * hour, headline="Falling", text="It falls."),
        ],
    )
    return Article(
        id="every-feature",
        headline="Fact check: will the lake of Exampleton flood the town?",
        language="en",
        standfirst="We checked the claims. This article is invented.",
        url=f"{SITE}/lake",
        genre=Genre.FACT_CHECK,
        date_published=published,
        date_modified=published + 24 * hour,
        dateline="EXAMPLETON",
        authors=["jo"],
        publisher="gazette",
        paragraphs=paragraphs,
        corrections=[Correction(date=published + 24 * hour, text="A date was fixed.")],
        people=[jo, sam],
        organizations=[gazette, council],
        unnamed_sources=[source],
        attributions=attributions,
        claims=claims,
        access=Access.SUBSCRIBERS,
        speakable=["p2"],
        publishing_principles=f"{SITE}/lake/how-we-checked",
        live=coverage if live else None,
    )


def test_the_invented_article_uses_every_feature() -> None:
    """The article the conformance tests below read has what each feature exports."""
    document = to_jsonld(every_feature(live=True))
    node = document["@graph"][0]
    assert LIVE_BLOG_TYPE == node["@type"]
    for key in ("isAccessibleForFree", "hasPart", "speakable", "publishingPrinciples"):
        assert key in node
    assert {"masthead", "ethicsPolicy"} <= set(node["publisher"])
    assert 5 == len([n for n in document["@graph"] if n["@type"] == "ClaimReview"])


FACTCHECK = REPO / "examples" / "factcheck.json"

EXAMPLES = [
    example(),
    newsarticle.load(FACTCHECK),
    full_example(),
    every_feature(live=False),
    every_feature(live=True),
]
EXAMPLE_IDS = ["example", "factcheck", "full", "every-feature", "every-feature-live"]


def test_every_example_of_the_repository_is_checked() -> None:
    """Each ``examples/*.json`` article is among the articles the conformance tests check."""
    expected = [newsarticle.load(path) for path in sorted((REPO / "examples").glob("*.json"))]
    actual = [article for article in expected if article in EXAMPLES]
    assert expected == actual


@pytest.mark.parametrize("article", EXAMPLES, ids=EXAMPLE_IDS)
def test_example_uses_schema_org_terms_within_domain_and_range(article: Article) -> None:
    """Every type and property of the examples' JSON-LD is schema.org's, used as defined."""
    assert [] == conformance_problems(to_jsonld(article), vocabulary())


@given(articles())
def test_generated_articles_use_schema_org_terms_within_domain_and_range(article: Article) -> None:
    """Every type and property of any article's JSON-LD is schema.org's, used as defined."""
    assert [] == conformance_problems(to_jsonld(article), vocabulary())


@pytest.mark.parametrize("genre", list(Genre))
def test_every_article_type_is_a_news_article(genre: Genre) -> None:
    """The type each genre names is NewsArticle or one of its schema.org subtypes."""
    assert vocabulary().is_a(ARTICLE_TYPES[genre], "NewsArticle")


def _misused(change: Any) -> list[str]:
    document = to_jsonld(example())
    change(document["@graph"][0])
    return conformance_problems(document, vocabulary())


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda n: n.update({"@type": "NewsArticel"}), "'NewsArticel' is not a schema.org type"),
        (lambda n: n.update({"byline": "x"}), "'byline' is not a schema.org property"),
        (lambda n: n.update({"geo": {"@type": "GeoCoordinates"}}), "'geo' is not a property of"),
        (lambda n: n.update({"wordCount": "798"}), "'798' is not in the range"),
        (lambda n: n.update({"about": "Kabul"}), "'Kabul' is not in the range"),
        (lambda n: n.update({"author": {"@id": "_:place-kabul"}}), "['City'] is not in the range"),
        (lambda n: n.update({"mentions": {"@id": "_:nowhere"}}), "does not resolve"),
        (lambda n: n.update({"datePublished": "19 August 2021"}), "is not in the range"),
        (lambda n: n.update({"articleBody": 7}), "7 is not in the range"),
        (lambda n: n["speakable"].update({"cssSelector": "p { x }"}), "'p { x }' is not in"),
        (lambda n: n.update({"isAccessibleForFree": "False"}), "'False' is not in the range"),
    ],
    ids=[
        "unknown-type",
        "unknown-property",
        "outside-domain",
        "string-for-integer",
        "text-for-thing",
        "wrong-node-type",
        "dangling-reference",
        "not-a-date",
        "number-for-text",
        "not-a-selector",
        "text-for-boolean",
    ],
)
def test_the_conformance_check_catches_misuse(change: Any, expected: str) -> None:
    """The checker the tests above rely on reports each kind of misuse it claims to."""
    problems = _misused(change)
    assert [p for p in problems if expected in p], problems


def test_the_conformance_check_catches_a_role_that_holds_the_wrong_property() -> None:
    """A Role node standing for ``affiliation`` must hold ``affiliation`` itself."""

    def change(node: dict[str, Any]) -> None:
        saleh = next(m for m in node["mentions"] if m.get("@id") == "_:person-amrullah-saleh")
        saleh["affiliation"][0]["memberOf"] = saleh["affiliation"][0].pop("affiliation")

    assert any("does not hold 'affiliation'" in p for p in _misused(change))


# --- expansion --------------------------------------------------------------------------


def _lost_keys(article: Article) -> dict[str, tuple[int, int]]:
    """Keys whose values the expansion drops: {key: (in the export, after expansion)}."""
    document = to_jsonld(article)
    before = key_counts(document)
    after = key_counts(expand(document))
    assert [] == [k for k in after if not k.startswith("http://schema.org/")]
    return {
        key: (count, after[f"http://schema.org/{key}"])
        for key, count in before.items()
        if after[f"http://schema.org/{key}"] != count
    }


@pytest.mark.parametrize("article", EXAMPLES, ids=EXAMPLE_IDS)
def test_expanding_the_example_loses_no_key(article: Article) -> None:
    """A JSON-LD processor with schema.org's context keeps every key and every value."""
    assert {} == _lost_keys(article)


@given(articles())
def test_expanding_any_article_loses_no_key(article: Article) -> None:
    """For any article, expansion keeps every key and value, and every @type is schema.org's."""
    assert {} == _lost_keys(article)
    types = [t for node in expand(to_jsonld(article)) for t in _all_types(node)]
    assert [] == [t for t in types if not t.startswith("http://schema.org/")]


def _all_types(value: Any) -> list[str]:
    from helpers_export import objects

    found: list[str] = []
    for node in objects(value):
        kinds = node.get("@type", [])
        if isinstance(node.get("@value"), str | int | float):
            continue  # a typed literal, such as a schema:Date
        found += kinds if isinstance(kinds, list) else [kinds]
    return found
