"""The search-engine lint profile."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs
import pytest
from hypothesis import given

import newsarticle
from helpers_export import EXAMPLE, example
from newsarticle import (
    CODES,
    Access,
    Article,
    Attribution,
    Channel,
    Claim,
    ClaimReview,
    Genre,
    Image,
    Organization,
    OrganizationKind,
    Paragraph,
    Person,
    Policies,
    Selectors,
    Severity,
    Verification,
    check,
    profile_problems,
)
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


def codes(article: Article, selectors: Selectors | None = None) -> list[tuple[str, str]]:
    if selectors is None:
        return [(p.code, p.path) for p in profile_problems(article)]
    return [(p.code, p.path) for p in profile_problems(article, selectors=selectors)]


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


# --- paywall, speakable, fact checks, policies ----------------------------------------

#: An invented fact check of an invented publisher (example.com), with nothing to warn about.
SITE = "https://news.example.com"
REVIEW = ClaimReview(
    verdict="False", rating=1.0, best_rating=5.0, worst_rating=1.0, url=f"{SITE}/check#c1"
)


def fact_check() -> Article:
    """An invented fact check: a publisher of kind news_media with its policies, an
    identified author, a large image, one reviewed claim on a scale from 1 to 5, a
    standfirst, a speakable paragraph and a paragraph for subscribers."""
    return Article(
        id="check",
        headline="An invented fact check",
        language="en",
        standfirst="Whether the bridge was closed, checked.",
        url=f"{SITE}/check",
        genre=Genre.FACT_CHECK,
        date_published=PUBLISHED,
        authors=["rita"],
        publisher="desk",
        access=Access.SUBSCRIBERS,
        speakable=["p1"],
        paragraphs=[
            Paragraph(id="p1", text="A post said the bridge was closed all week."),
            Paragraph(id="p2", text="It was open.", access=Access.SUBSCRIBERS),
        ],
        images=[Image(id="i", url=f"{SITE}/bridge.jpg", width=1200, height=675)],
        people=[Person(id="rita", name="Rita Example", url=f"{SITE}/rita")],
        organizations=[
            Organization(
                id="desk",
                name="The Example Desk",
                kind=OrganizationKind.NEWS_MEDIA,
                url=SITE,
                policies=Policies(masthead=f"{SITE}/masthead", ethics=f"{SITE}/ethics"),
            )
        ],
        attributions=[
            Attribution(id="a", channel=Channel.SOCIAL_MEDIA_POST, verification=Verification.FALSE)
        ],
        claims=[
            Claim(id="c1", text="The bridge was closed all week.", attribution="a", review=REVIEW)
        ],
    )


def reviewed(**change: Any) -> Article:
    """The fact check with its review changed."""
    article = fact_check()
    claim = attrs.evolve(article.claims[0], review=attrs.evolve(REVIEW, **change))
    return attrs.evolve(article, claims=[claim])


def test_the_fact_check_is_valid_and_has_no_warning() -> None:
    """The invented fact check validates with no problem, profile included."""
    assert [] == newsarticle.validate(newsarticle.dumps(fact_check()), profile=True)
    assert [] == codes(fact_check())


def test_an_article_for_subscribers_names_its_paywalled_paragraphs() -> None:
    """An article for subscribers with no paragraph for subscribers cannot say which part is
    paywalled; one paragraph for subscribers, or an article that states no access, is fine."""
    article = fact_check()
    free = [attrs.evolve(p, access=Access.FREE) for p in article.paragraphs]
    assert [("seo-paywall-no-section", "/access")] == codes(attrs.evolve(article, paragraphs=free))
    assert [] == codes(attrs.evolve(article, paragraphs=free, access=None))
    assert [] == codes(attrs.evolve(article, access=None))


def test_a_paywall_selector_is_a_single_class() -> None:
    """A paywall selector that is not one class is warned about at the first paragraph for
    subscribers; a single class is fine, and so is any selector when nothing is paywalled."""
    article = fact_check()
    for selector in (".paywalled.x", "div.paywalled", "#paywall", ".a .b"):
        expected = [("seo-paywall-selector", "/paragraphs/1/access")]
        assert expected == codes(article, Selectors(paywalled=selector))
    assert [] == codes(article, Selectors(paywalled=".premium"))
    free = [attrs.evolve(p, access=Access.FREE) for p in article.paragraphs]
    unpaywalled = attrs.evolve(article, paragraphs=free, access=None)
    assert [] == codes(unpaywalled, Selectors(paywalled="div.premium"))


def test_speakable_selectors_are_single_classes_where_they_are_used() -> None:
    """The headline's selector is always used; the standfirst's when the article has one;
    the speakable paragraphs' when it lists any.  A selector that is not one class is
    warned about where it is used, and not where it is not."""
    article = fact_check()
    bad = Selectors(headline="h1", standfirst="p.lead", speakable="[data-speak]")
    assert [
        ("seo-speakable-selector", "/headline"),
        ("seo-speakable-selector", "/standfirst"),
        ("seo-speakable-selector", "/speakable"),
    ] == codes(article, bad)
    bare = attrs.evolve(article, standfirst=None, speakable=[])
    assert [("seo-speakable-selector", "/headline")] == codes(bare, bad)
    assert [] == codes(article, Selectors(headline=".h", standfirst=".s", speakable=".v"))


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"verdict": None}, [("seo-claimreview-no-verdict", "/claims/0/review/verdict")]),
        ({"url": None}, [("seo-claimreview-no-url", "/claims/0/review/url")]),
        (
            {"url": "https://elsewhere.example.org/check#c1"},
            [("seo-claimreview-url-off-site", "/claims/0/review/url")],
        ),
        (
            {"url": "https://example.com/check#c1"},
            [("seo-claimreview-url-off-site", "/claims/0/review/url")],
        ),
        ({"url": "https://checks.news.example.com/c1"}, []),
        ({"url": "http://NEWS.example.com:8080/check#c1"}, []),
        (
            {"worst_rating": 0.0, "rating": 0.0},
            [("seo-claimreview-worst-rating", "/claims/0/review/worst_rating")],
        ),
        ({"worst_rating": 1.0, "rating": 1.0, "best_rating": 2.0}, []),
        ({"worst_rating": None, "rating": None, "best_rating": None}, []),
    ],
    ids=[
        "no-verdict",
        "no-url",
        "other-domain",
        "parent-domain",
        "subdomain",
        "case-and-port",
        "scale-from-0",
        "scale-from-1",
        "no-numbers",
    ],
)
def test_a_fact_check_review_keeps_googles_rules(
    change: dict[str, Any], expected: list[tuple[str, str]]
) -> None:
    """A review of a fact check has a verdict, a url on the article's host or a subdomain
    of it, and a scale that starts at 1 or more (or no numbers at all)."""
    assert expected == codes(reviewed(**change))


def test_a_review_url_is_not_compared_without_the_articles_url() -> None:
    """Without the article's url there is no site to compare with (seo-no-url says so)."""
    article = attrs.evolve(reviewed(url="https://elsewhere.example.org/c1"), url=None)
    assert [("seo-no-url", "/url")] == codes(article)


def test_a_reviewed_claim_is_short() -> None:
    """A reviewed claim's text is its claimReviewed: 74 characters are fine, 75 are not."""
    article = fact_check()
    for length, expected in ((74, []), (75, [("seo-claimreview-claim-long", "/claims/0/text")])):
        claim = attrs.evolve(article.claims[0], text="x" * length)
        assert expected == codes(attrs.evolve(article, claims=[claim]))


def test_a_review_outside_a_fact_check_is_not_exported() -> None:
    """A claim with a review in an article of another genre is warned about (its review is
    not exported), and the fact-check rules are not applied to it."""
    article = attrs.evolve(reviewed(verdict=None, url=None), genre=Genre.NEWS)
    assert [("seo-review-not-exported", "/claims/0/review")] == codes(article)
    unreviewed = attrs.evolve(article.claims[0], review=None)
    assert [] == codes(attrs.evolve(article, claims=[unreviewed]))


def test_a_news_media_policy_is_on_a_news_media_organization() -> None:
    """The four policies of NewsMediaOrganization alone, on an organization of another
    kind, are each warned about (the export leaves them out); the others are fine there."""
    article = fact_check()
    policies = Policies(
        ethics=f"{SITE}/ethics",
        masthead=f"{SITE}/masthead",
        no_bylines=f"{SITE}/bylines",
        verification_fact_checking=f"{SITE}/checks",
        mission_coverage_priorities=f"{SITE}/mission",
    )
    desk = attrs.evolve(article.organizations[0], kind=OrganizationKind.NGO, policies=policies)
    assert [
        ("seo-policy-type", "/organizations/0/policies/verification_fact_checking"),
        ("seo-policy-type", "/organizations/0/policies/masthead"),
        ("seo-policy-type", "/organizations/0/policies/no_bylines"),
        ("seo-policy-type", "/organizations/0/policies/mission_coverage_priorities"),
    ] == codes(attrs.evolve(article, organizations=[desk]))
    ethics = attrs.evolve(desk, policies=Policies(ethics=f"{SITE}/ethics"))
    assert [] == codes(attrs.evolve(article, organizations=[ethics]))
    news_media = attrs.evolve(desk, kind=OrganizationKind.NEWS_MEDIA)
    assert [] == codes(attrs.evolve(article, organizations=[news_media]))


def test_the_selectors_are_keyword_only_and_check_uses_the_html_exports() -> None:
    """profile_problems takes the selectors by keyword only; check(..., profile=True) uses
    the HTML export's, which never raise a selector warning."""
    with pytest.raises(TypeError):
        profile_problems(fact_check(), Selectors())  # type: ignore[call-arg]
    _, problems = check(newsarticle.dumps(fact_check()), profile=True)
    assert [] == problems
