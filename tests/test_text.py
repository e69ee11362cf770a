"""The plain-text export."""

from __future__ import annotations

import datetime as dt
import unicodedata

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers_export import example
from newsarticle import (
    Access,
    Article,
    Attribution,
    Channel,
    Claim,
    ClaimReview,
    Genre,
    LiveCoverage,
    LiveUpdate,
    Organization,
    Paragraph,
    ParagraphRole,
    PartialDate,
    Person,
    Policies,
    Quote,
    QuoteKind,
    SourceKind,
    TextRenderer,
    UnnamedSource,
    Verification,
    to_text,
)
from newsarticle.testing import articles


def words(text: str) -> str:
    return " ".join(text.split())


def small_article() -> Article:
    """A short article with every part the text shows."""
    return Article(
        id="a",
        headline="Dam holds after storm",
        alternative_headline="Engineers say the wall is sound",
        language="en",
        standfirst="The town stayed dry.",
        date_published=dt.datetime(2024, 3, 1, 9, 30, tzinfo=dt.UTC),
        dateline="RIVERTOWN",
        authors=["jo"],
        publisher="gazette",
        paragraphs=[
            Paragraph(id="p1", text="The dam held, the mayor said."),
            Paragraph(id="p2", text="Water", role=ParagraphRole.HEADING),
            Paragraph(id="p3", text="Levels fell by two metres, a worker told us."),
            Paragraph(id="p4", text="Jo Bloggs covers the river.", role=ParagraphRole.ASIDE),
        ],
        people=[Person(id="jo", name="Jo Bloggs"), Person(id="mayor", name="Ann Lee")],
        organizations=[Organization(id="gazette", name="The Gazette")],
        unnamed_sources=[
            UnnamedSource(id="worker", description="a worker at the dam", identity="Sam Hill")
        ],
        attributions=[
            Attribution(
                id="mayor-said",
                channel=Channel.STATEMENT,
                verification=Verification.VERIFIED,
                source="mayor",
                verb="said",
                date=PartialDate(year=2024, month=3),
            ),
            Attribution(
                id="worker-told",
                channel=Channel.CONVERSATION,
                verification=Verification.UNVERIFIED,
                source="worker",
                verb="told",
                recipient="gazette",
                note="Not yet confirmed.",
            ),
        ],
        quotes=[
            Quote(
                id="q",
                text="The dam held",
                kind=QuoteKind.REPORTED,
                attribution="mayor-said",
                paragraphs=["p1"],
            )
        ],
        claims=[
            Claim(
                id="c",
                text="Levels fell by two metres",
                attribution="worker-told",
                paragraphs=["p3"],
            )
        ],
    )


SMALL_TEXT = """\
Dam holds after storm
Engineers say the wall is sound

The town stayed dry.

By Jo Bloggs
The Gazette
Published 2024-03-01T09:30:00Z
RIVERTOWN

The dam held, the mayor said.

Water

Levels fell by two metres, a worker told us.

Jo Bloggs covers the river.

Sources

1. Quote: "The dam held"
   Made by: Ann Lee (said)
   Through: statement, 2024-03
   Verification: verified

2. Claim: "Levels fell by two metres"
   Made by: a worker at the dam (told)
   Through: conversation to The Gazette
   Verification: unverified
   Note: Not yet confirmed.
"""


def test_small_article_reads_as_expected() -> None:
    """Headline, standfirst, credits, every paragraph, then Sources in reading order."""
    assert SMALL_TEXT == to_text(small_article(), sources=True)


def test_sources_are_left_out_unless_asked_for() -> None:
    """By default the text ends with the last paragraph."""
    assert SMALL_TEXT.partition("\n\nSources\n")[0] + "\n" == to_text(small_article())


def test_unnamed_source_is_shown_by_its_description_only() -> None:
    """The Sources section says 'a worker at the dam', never the identity or the id."""
    text = to_text(small_article(), sources=True)
    assert "Sam Hill" not in text
    assert "worker-told" not in text
    assert "Made by: a worker at the dam (told)" in text


def test_example_sources_list_every_claim_with_who_through_what_and_status() -> None:
    """Each claim of the example appears in Sources with its maker, channel and status."""
    article = example()
    sources = to_text(article, sources=True, width=None).partition("\n\nSources\n\n")[2]
    items = sources.split("\n\n")
    assert len(article.claims) + len(article.quotes) == len(items)
    skirmishes = next(i for i in items if "two skirmishes" in i)
    assert [
        "Made by: A source who knows the Panjshir region well (reported)",
        "Through: conversation to Sky News",
        "Verification: unverified",
    ] == [line.strip() for line in skirmishes.splitlines()[1:]]


def test_example_text_has_every_paragraph_in_order() -> None:
    """All 29 paragraphs of the example, asides included, in their order."""
    article = example()
    text = words(to_text(article))
    positions = [text.find(words(p.text)) for p in article.paragraphs]
    assert -1 not in positions
    assert sorted(positions) == positions


@pytest.mark.parametrize("width", [20, 40, 72, 100])
def test_lines_fit_the_width_unless_one_word_is_longer(width: int) -> None:
    """No line is longer than the width, except a line holding a single long word."""
    text = to_text(example(), width=width, sources=True)
    long = [line for line in text.splitlines() if len(line) > width]
    assert [] == [line for line in long if len(line.split()) > 1]


def test_no_wrapping_keeps_each_paragraph_on_one_line() -> None:
    """width=None writes each paragraph (without line breaks of its own) on one line."""
    article = example()
    lines = to_text(article, width=None).splitlines()
    assert [p.text for p in article.paragraphs] == [line for line in lines if line][-29:]


@pytest.mark.parametrize("width", [0, 19, -5])
def test_a_width_below_twenty_is_refused(width: int) -> None:
    """Widths too narrow to wrap words are refused with ValueError."""
    with pytest.raises(ValueError, match="at least 20"):
        TextRenderer(width=width)


def test_a_width_that_is_not_a_number_is_refused() -> None:
    """A bool or a string is not a width."""
    with pytest.raises(TypeError):
        TextRenderer(width=True)
    with pytest.raises(TypeError):
        TextRenderer(width="72")  # type: ignore[arg-type]


def test_corrections_follow_the_story() -> None:
    """Corrections are listed after the paragraphs, dated."""
    correction = dt.datetime(2024, 3, 2, tzinfo=dt.UTC)
    from newsarticle import Correction

    article = attrs.evolve(
        small_article(), corrections=[Correction(date=correction, text="The level was two metres.")]
    )
    text = to_text(article)
    assert text.endswith(
        "Jo Bloggs covers the river.\n\nCorrections\n\n"
        "2024-03-02T00:00:00Z: The level was two metres.\n"
    )


def test_line_separators_become_line_breaks() -> None:
    """U+2028 and U+2029 inside a paragraph become newlines; no blank line appears."""
    paragraph = Paragraph(id="p1", text="one\u2028two\u2029three")
    article = attrs.evolve(small_article(), paragraphs=[paragraph], quotes=[], claims=[])
    assert to_text(article).endswith("RIVERTOWN\n\none\ntwo\nthree\n")


@given(articles(), st.one_of(st.none(), st.integers(min_value=20, max_value=120)), st.booleans())
def test_text_holds_every_paragraph_in_order(
    article: Article, width: int | None, sources: bool
) -> None:
    """Every paragraph's words appear, in order, whatever the width."""
    text = words(to_text(article, width=width, sources=sources))
    start = 0
    for paragraph in article.paragraphs:
        found = text.find(words(paragraph.text), start)
        assert found >= start, paragraph
        start = found + len(words(paragraph.text))


@given(articles(), st.one_of(st.none(), st.integers(min_value=20, max_value=120)))
def test_text_has_no_control_character_and_no_blank_line_run(
    article: Article, width: int | None
) -> None:
    """No control character but the newline, no trailing space, one newline at the end,
    and blocks separated by exactly one blank line."""
    text = to_text(article, width=width, sources=True)
    assert [] == [c for c in text if unicodedata.category(c) == "Cc" and c != "\n"]
    assert text.endswith("\n")
    assert not text.endswith("\n\n")
    assert "\n\n\n" not in text
    assert [] == [line for line in text.splitlines() if line != line.rstrip()]


# --- paywalls, live blogs, fact checks, policies --------------------------------------------


def at(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2024, 3, 1, hour, minute, tzinfo=dt.UTC)


def newsroom() -> Article:
    """The small article as an invented fact check under example.com: the last two
    paragraphs for subscribers, then a free aside; a live blog; both claims reviewed; the
    publisher's policies and the article's own principles."""
    article = small_article()
    access = {"p3": Access.SUBSCRIBERS, "p2": Access.SUBSCRIBERS}
    paragraphs = [attrs.evolve(p, access=access.get(p.id, Access.FREE)) for p in article.paragraphs]
    gazette = Organization(
        id="gazette",
        name="The Gazette",
        policies=Policies(
            publishing_principles="https://example.com/principles",
            corrections="https://example.com/corrections",
        ),
    )
    reviewed = ClaimReview(verdict="Mostly true", rating=3.5, worst_rating=0, best_rating=5)
    claim = attrs.evolve(article.claims[0], review=reviewed)
    other = Claim(
        id="c2",
        text="The dam held",
        attribution="mayor-said",
        paragraphs=["p1"],
        review=ClaimReview(verdict="True", reviewer="jo", date=at(10, 15)),
    )
    live = LiveCoverage(
        start=at(8),
        updates=[
            LiveUpdate(
                id="u1",
                date=at(9, 45),
                headline="The water is falling",
                text="Engineers walked the wall.\n\nNo crack was found.",
            )
        ],
    )
    return attrs.evolve(
        article,
        genre=Genre.FACT_CHECK,
        url="https://example.com/dam",
        publishing_principles="https://example.com/dam/principles",
        paragraphs=paragraphs,
        organizations=[gazette],
        claims=[claim, other],
        live=live,
    )


NEWSROOM_TEXT = """\
Dam holds after storm
Engineers say the wall is sound

The town stayed dry.

By Jo Bloggs
The Gazette
Published 2024-03-01T09:30:00Z
RIVERTOWN

The dam held, the mayor said.

For subscribers:

Water

Levels fell by two metres, a worker told us.

Free to read:

Jo Bloggs covers the river.

Live coverage

Started 2024-03-01T08:00:00Z

2024-03-01T09:45:00Z
The water is falling

Engineers walked the wall.

No crack was found.

Fact checks

1. Claim: "The dam held"
   Verdict: True
   Reviewed by: Jo Bloggs
   Date: 2024-03-01T10:15:00Z

2. Claim: "Levels fell by two metres"
   Verdict: Mostly true
   Rating: 3.5 on a scale from 0 (worst) to 5 (best)
   Reviewed by: The Gazette
   Date: 2024-03-01T09:30:00Z

Sources

1. Claim: "The dam held"
   Made by: Ann Lee (said)
   Through: statement, 2024-03
   Verification: verified

2. Quote: "The dam held"
   Made by: Ann Lee (said)
   Through: statement, 2024-03
   Verification: verified

3. Claim: "Levels fell by two metres"
   Made by: a worker at the dam (told)
   Through: conversation to The Gazette
   Verification: unverified
   Note: Not yet confirmed.

Policies

Publishing principles of this article: https://example.com/dam/principles

The Gazette
  Publishing principles: https://example.com/principles
  Corrections policy: https://example.com/corrections
"""


def test_a_newsroom_article_reads_as_expected() -> None:
    """The paywalled run announced and the free paragraph after it, the live coverage and
    its update, the verdicts in reading order (the reviewer and date defaulting to the
    publisher and the article's), the Sources, and the Policies at the end."""
    assert NEWSROOM_TEXT == to_text(newsroom(), sources=True, width=None)


def test_policies_are_reference_like_sources() -> None:
    """Without sources, the text has neither Sources nor Policies; its story part is the
    same."""
    expected = NEWSROOM_TEXT.partition("\n\nSources\n")[0] + "\n"
    assert expected == to_text(newsroom(), width=None)


def test_policies_stand_without_sources() -> None:
    """An article with no claim or quote but with policies still lists them, alone."""
    article = attrs.evolve(newsroom(), claims=[], quotes=[], attributions=[], unnamed_sources=[])
    text = to_text(article, sources=True, width=None)
    assert "\n\nSources\n" not in text
    policies = NEWSROOM_TEXT[NEWSROOM_TEXT.index("Policies\n") :]
    assert text.endswith("No crack was found.\n\n" + policies)


def test_no_policies_no_section() -> None:
    """No publisher's policies and no principles of its own: no Policies section."""
    article = attrs.evolve(
        newsroom(),
        publishing_principles=None,
        organizations=[Organization(id="gazette", name="The Gazette")],
    )
    assert "Policies" not in to_text(article, sources=True)


def test_a_review_shows_only_in_a_fact_check() -> None:
    """In another genre, as in the JSON-LD, the reviewed claims show no verdict."""
    text = to_text(attrs.evolve(newsroom(), genre=Genre.NEWS), sources=True)
    assert [] == [label for label in ("Fact checks", "Verdict") if label in text]


def test_a_paywall_from_the_first_paragraph_is_announced_first() -> None:
    """When every paragraph is for subscribers, the announcement comes before the first and
    nothing says free."""
    article = small_article()
    paragraphs = [attrs.evolve(p, access=Access.SUBSCRIBERS) for p in article.paragraphs]
    text = to_text(attrs.evolve(article, paragraphs=paragraphs))
    assert "RIVERTOWN\n\nFor subscribers:\n\nThe dam held, the mayor said.\n" in text
    assert "Free to read" not in text


@pytest.mark.parametrize("width", [20, 40, 72])
def test_the_new_sections_wrap_at_the_width(width: int) -> None:
    """Updates, verdicts and policies are wrapped as the rest is: no line longer than the
    width unless it is one word, and every word kept in order."""
    text = to_text(newsroom(), width=width, sources=True)
    long = [line for line in text.splitlines() if len(line) > width]
    assert [] == [line for line in long if len(line.split()) > 1]
    assert words(NEWSROOM_TEXT) == words(to_text(newsroom(), width=width, sources=True))


def test_an_unnamed_sources_kind_never_shows() -> None:
    """The text is the same whether the unnamed source is a person, an organization or of
    no stated kind, and never holds its identity."""
    texts = set()
    for kind in [SourceKind.PERSON, SourceKind.ORGANIZATION, None]:
        source = attrs.evolve(newsroom().unnamed_sources[0], kind=kind)
        texts.add(to_text(attrs.evolve(newsroom(), unnamed_sources=[source]), sources=True))
    (text,) = texts
    assert "Sam Hill" not in text


@given(articles(), st.one_of(st.none(), st.integers(min_value=20, max_value=120)))
def test_every_update_and_verdict_is_in_the_text(article: Article, width: int | None) -> None:
    """Each live update's headline and text, and each verdict of a fact check (its claims in
    reading order: by the first paragraph each stands in, unanchored ones last), appear in
    the text, in order, after the paragraphs."""
    text = words(to_text(article, width=width))
    start = 0
    expected = [words(p.text) for p in article.paragraphs]
    if article.live is not None:
        for update in article.live.updates:
            expected += [words(update.headline), words(update.text)]
    if article.genre is Genre.FACT_CHECK:
        position = {p.id: n for n, p in enumerate(article.paragraphs)}
        end = len(position)
        claims = sorted(
            article.claims, key=lambda c: min((position[p] for p in c.paragraphs), default=end)
        )
        verdicts = [c.review.verdict for c in claims if c.review and c.review.verdict]
        expected += [f"Verdict: {words(v)}" for v in verdicts]
    for part in expected:
        found = text.find(part, start)
        assert found >= start, part
        start = found + len(part)
