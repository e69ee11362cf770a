"""The public readers of existing articles: ``newsarticle.read_jsonld`` and ``read_html``."""

from __future__ import annotations

from pathlib import Path

import newsarticle

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "panjshir.json"


def test_read_jsonld_reads_back_the_exported_example() -> None:
    """The example's own JSON-LD text reads back into an article with its headline, authors,
    publisher and body paragraphs (asides are not in articleBody), and no error."""
    article = newsarticle.load(EXAMPLE)
    imported, problems = newsarticle.read_jsonld(newsarticle.to_jsonld_text(article))
    assert [] == [p for p in problems if p.is_error]
    assert imported is not None
    assert article.headline == imported.headline
    assert [p.text for p in article.body] == [p.text for p in imported.body]
    assert article.authors == imported.authors
    assert article.publisher == imported.publisher


def test_read_html_reads_the_exported_page_with_positions() -> None:
    """The example's HTML page reads into the same headline, and every problem found in the
    page carries its line and column there."""
    article = newsarticle.load(EXAMPLE)
    imported, problems = newsarticle.read_html(newsarticle.to_html(article))
    assert imported is not None
    assert article.headline == imported.headline
    assert all(p.line is not None for p in problems if p.path)


def test_a_page_without_an_article_gives_none_and_says_why() -> None:
    """A page with no JSON-LD and no article meta gives no article, and an error says so."""
    imported, problems = newsarticle.read_html("<html><body><p>nothing here</p></body></html>")
    assert imported is None
    assert any(p.is_error for p in problems)


def test_read_html_reads_the_features_of_the_fact_check_example() -> None:
    """The fact-check example's HTML page reads back as a fact check for subscribers, with its
    reviewed claims and its publisher's policies, and no error."""
    example = newsarticle.load(EXAMPLE.parent / "factcheck.json")
    imported, problems = newsarticle.read_html(newsarticle.to_html(example))
    assert [] == [p for p in problems if p.is_error]
    assert imported is not None
    assert newsarticle.Genre.FACT_CHECK == imported.genre
    assert newsarticle.Access.SUBSCRIBERS == imported.access
    assert [c.id for c in example.claims if c.review] == [c.id for c in imported.claims if c.review]
    publisher = {o.id: o for o in example.organizations}[example.publisher or ""]
    assert publisher.policies == {o.id: o for o in imported.organizations}[publisher.id].policies
