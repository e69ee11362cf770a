"""The second example, ``examples/factcheck.json``: an invented fact check that says it is
invented, lives under example.com, and uses every newsroom feature of the format."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import attrs

import newsarticle
from newsarticle import Access, Article, Genre, SourceKind

FACTCHECK = Path(__file__).resolve().parent.parent / "examples" / "factcheck.json"


def article() -> Article:
    """The fact-check example, loaded."""
    return newsarticle.load(FACTCHECK)


def strings(value: Any) -> Iterator[str]:
    """Every string of a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def test_the_example_is_valid_canonical_and_clean_for_search_engines() -> None:
    """It validates with no problem, the search-engine profile included, and is written in the
    canonical form."""
    data = FACTCHECK.read_bytes()
    loaded, problems = newsarticle.check(data, profile=True)
    assert [] == problems
    assert loaded is not None
    assert data.decode("utf-8") == newsarticle.dumps(loaded)


def test_the_example_says_it_is_invented_and_lives_under_example_com() -> None:
    """Its standfirst and first paragraph say it is invented, and every URL in it is on a
    host under example.com."""
    story = article()
    assert story.standfirst is not None
    assert "This article is invented" in story.standfirst
    assert story.paragraphs[0].text.startswith("This article is invented.")
    document = json.loads(FACTCHECK.read_text(encoding="utf-8"))
    urls = [text for text in strings(document) if text.startswith(("http://", "https://"))]
    assert urls
    hosts = {urlsplit(url).hostname or "" for url in urls}
    assert set() == {host for host in hosts if not host.endswith("example.com")}


def test_the_example_uses_every_newsroom_feature() -> None:
    """A paywalled section, speakable parts, two reviewed claims with their verdicts, the
    publisher's policies (every one), the article's own principles, a correction, and an
    unnamed source whose kind is known."""
    story = article()
    assert Genre.FACT_CHECK is story.genre
    assert Access.SUBSCRIBERS is story.access
    assert any(p.access is Access.SUBSCRIBERS for p in story.paragraphs)
    assert story.speakable
    reviewed = [claim for claim in story.claims if claim.review is not None]
    assert 2 <= len(reviewed)
    assert all(claim.review is not None and claim.review.verdict for claim in reviewed)
    publisher = story.index[story.publisher or ""]
    assert isinstance(publisher, newsarticle.Organization)
    assert publisher.policies is not None
    fields = attrs.fields(type(publisher.policies))
    policies = [getattr(publisher.policies, field.name) for field in fields]
    assert None not in policies
    assert story.publishing_principles is not None
    assert story.corrections
    assert [SourceKind.PERSON] == [source.kind for source in story.unnamed_sources]


def test_the_example_exports_a_claim_review_per_reviewed_claim() -> None:
    """Its JSON-LD has one ClaimReview for each reviewed claim, stating the claim (not the
    verdict), and never names the unnamed source or its kind."""
    story = article()
    graph = newsarticle.to_jsonld(story)["@graph"]
    reviews = [node for node in graph if node.get("@type") == "ClaimReview"]
    reviewed = [claim for claim in story.claims if claim.review is not None]
    assert sorted(claim.text for claim in reviewed) == sorted(
        node["claimReviewed"] for node in reviews
    )
    text = (
        newsarticle.to_jsonld_text(story) + newsarticle.to_html(story) + newsarticle.to_text(story)
    )
    source = story.unnamed_sources[0]
    assert source.identity is not None
    assert source.identity not in text
    assert "board-official" not in text
