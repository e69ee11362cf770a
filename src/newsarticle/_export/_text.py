"""Plain text: the article as a person reads it, with an optional list of sources.

The layout, each block separated by one blank line::

    Headline
    Alternative headline

    Standfirst

    By Author One and Author Two
    Publisher
    Published 2021-08-19T10:00:00+01:00
    Updated 2021-08-19T12:30:00+01:00
    DATELINE

    Every paragraph in order, quotes as they stand in the body.

    For subscribers:

    The paragraphs behind the paywall (each run of them is announced so).

    Free to read:

    A free paragraph after paragraphs for subscribers.

    Live coverage

    Started 2021-08-19T08:00:00Z
    Ended 2021-08-19T20:00:00Z

    2021-08-19T09:00:00Z
    The headline of an update

    Its text, one block per paragraph.

    Fact checks

    1. Claim: "the words of the reviewed claim"
       Verdict: False
       Rating: 1 on a scale from 1 (worst) to 5 (best)
       Reviewed by: the reviewer (the publisher unless another is named)
       Date: 2021-08-19T10:00:00+01:00

    Corrections

    2021-08-20T09:00:00Z: what was corrected.

    Sources

    1. Claim: "the words of the claim"
       Made by: who made it (the article's verb)
       Through: interview in Outlet, 2021-07 (in July)
       Verification: unverified
       Note: the publisher's note

    Policies

    Publishing principles of this article: https://news.example/principles

    Publisher
      Corrections policy: https://news.example/corrections

Lines are wrapped at ``width`` characters (words longer than that stand on a
line of their own); ``width=None`` keeps each line of a paragraph whole.  The
output is deterministic, has no markup of its own and no control character
other than the newline, and ends with one newline.  An unnamed source is shown
by its description only.

The live coverage, its updates oldest first, follows the paragraphs of a live blog.  The
fact checks are the reviews of the claims of a fact_check article (as in the JSON-LD, a
review in an article of another genre is not shown), in reading order.  Sources and
Policies (the article's own publishing principles and its publisher's policies) are the
reference part, written only when ``sources`` is asked for.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from typing import Final

import attrs

from .._integrity import require_valid, resolve
from .._model import (
    AGENTS,
    ATTRIBUTIONS,
    ORGANIZATIONS,
    SPEAKERS,
    Access,
    Article,
    Attribution,
    Channel,
    Claim,
    ClaimReview,
    Genre,
    LiveCoverage,
    Organization,
    Paragraph,
    Person,
    Policies,
    Quote,
    UnnamedSource,
)
from .._rules import format_datetime
from . import MIN_WIDTH

__all__ = [
    "ARTICLE_PRINCIPLES",
    "POLICY_LABELS",
    "TextRenderer",
    "Verdict",
    "policy_links",
    "rating_text",
    "to_text",
    "update_paragraphs",
    "verdicts",
]

_CHANNELS: Final = {
    Channel.OP_ED: "op-ed",
    Channel.INTERVIEW: "interview",
    Channel.CONVERSATION: "conversation",
    Channel.TWEET: "tweet",
    Channel.SOCIAL_MEDIA_POST: "social media post",
    Channel.VIDEO: "video",
    Channel.IMAGE: "image",
    Channel.LIVESTREAM: "livestream",
    Channel.STATEMENT: "statement",
    Channel.PRESS_RELEASE: "press release",
    Channel.SPEECH: "speech",
    Channel.ARTICLE: "article",
    Channel.DOCUMENT: "document",
    Channel.OTHER: "other",
}

#: What each of an organization's policies is called on the page and in the text, by the
#: field of :class:`~newsarticle.Policies` (every field has one).
POLICY_LABELS: Final = {
    "publishing_principles": "Publishing principles",
    "corrections": "Corrections policy",
    "ethics": "Ethics policy",
    "diversity": "Diversity policy",
    "ownership_funding": "Ownership and funding",
    "actionable_feedback": "Actionable feedback policy",
    "unnamed_sources": "Unnamed sources policy",
    "verification_fact_checking": "Verification and fact-checking policy",
    "masthead": "Masthead",
    "no_bylines": "No bylines policy",
    "mission_coverage_priorities": "Mission and coverage priorities",
}

#: What the article's own publishing principles are called.
ARTICLE_PRINCIPLES: Final = "Publishing principles of this article"

# Unicode's own line and paragraph separators become line breaks: in plain
# text they would otherwise break lines in some viewers and not in others.
_SEPARATORS: Final = {0x2028: "\n", 0x2029: "\n"}


def _words(text: str) -> str:
    """Text on one line, every run of whitespace one space."""
    return " ".join(text.split())


def _join_names(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


@attrs.frozen(kw_only=True)
class TextRenderer:
    """Render an article as plain text (see the module documentation for the layout).

    ``width`` is the wrapping width (at least 20), or None for no wrapping;
    ``sources`` adds the Sources section: every claim and quote, in reading
    order, with who made it, through what, and how far it is verified; and the Policies
    section: the article's own publishing principles and the links to its publisher's
    policies, when it has any.  An article that
    cannot be loaded back is refused as by every exporter (see :class:`JsonLdRenderer`).
    """

    width: int | None = 72
    sources: bool = False

    def __attrs_post_init__(self) -> None:
        if self.width is not None and (
            isinstance(self.width, bool) or not isinstance(self.width, int)
        ):
            raise TypeError(f"width must be an int or None, not {type(self.width).__name__}")
        if self.width is not None and self.width < MIN_WIDTH:
            raise ValueError(f"width must be at least {MIN_WIDTH}, got {self.width}")

    def __call__(self, article: Article) -> str:
        return self._render(require_valid(article, "TextRenderer"))

    def _render(self, article: Article) -> str:
        """The text of an article already checked."""
        blocks: list[list[str]] = []
        blocks.append(self._lines(article.headline, article.alternative_headline))
        if article.standfirst is not None:
            blocks.append(self._wrap(article.standfirst))
        blocks.append(self._credits(article))
        blocks.extend(self._paragraphs(article.paragraphs))
        if article.live is not None:
            blocks.extend(self._live(article.live))
        blocks.extend(self._verdicts(article))
        if article.corrections:
            blocks.append(["Corrections"])
            for correction in article.corrections:
                stamp = format_datetime(correction.date)
                blocks.append(self._wrap(f"{stamp}: {_words(correction.text)}"))
        if self.sources:
            blocks.extend(self._sources(article))
            blocks.extend(self._policies(article))
        text = "\n\n".join("\n".join(block) for block in blocks if block)
        return text + "\n"

    # --- pieces ------------------------------------------------------------------

    def _wrap(self, text: str, *, indent: str = "", first: str = "") -> list[str]:
        """Wrap each line of ``text``; blank lines are dropped, so a block stays one block."""
        lines: list[str] = []
        for line in text.translate(_SEPARATORS).split("\n"):
            if not line.strip():
                continue
            prefix = first if not lines else indent
            if self.width is None:
                lines.append(prefix + line)
                continue
            lines += textwrap.wrap(
                line,
                width=self.width,
                initial_indent=prefix,
                subsequent_indent=indent,
                break_long_words=False,
                break_on_hyphens=False,
            )
        return [line.rstrip() for line in lines]

    def _lines(self, *texts: str | None) -> list[str]:
        lines: list[str] = []
        for text in texts:
            if text is not None:
                lines += self._wrap(text)
        return lines

    def _credits(self, article: Article) -> list[str]:
        lines: list[str] = []
        names = [_name(article, identifier, AGENTS) for identifier in article.authors]
        if names:
            lines += self._wrap("By " + _join_names(names))
        if article.publisher is not None:
            lines += self._wrap(_name(article, article.publisher, ORGANIZATIONS))
        if article.date_published is not None:
            lines += self._wrap("Published " + format_datetime(article.date_published))
        if article.date_modified is not None:
            lines += self._wrap("Updated " + format_datetime(article.date_modified))
        if article.dateline is not None:
            lines += self._wrap(article.dateline)
        return lines

    def _paragraphs(self, paragraphs: tuple[Paragraph, ...]) -> list[list[str]]:
        """The paragraphs in order, each run of paragraphs for subscribers announced by
        "For subscribers:", and a free paragraph after such a run by "Free to read:"."""
        blocks: list[list[str]] = []
        paywalled = False
        for paragraph in paragraphs:
            if (paragraph.access is Access.SUBSCRIBERS) != paywalled:
                paywalled = not paywalled
                blocks.append(["For subscribers:" if paywalled else "Free to read:"])
            blocks.append(self._wrap(paragraph.text))
        return blocks

    def _live(self, live: LiveCoverage) -> list[list[str]]:
        """The coverage's times, then each update: its time and headline, its paragraphs."""
        times = self._wrap("Started " + format_datetime(live.start))
        if live.end is not None:
            times += self._wrap("Ended " + format_datetime(live.end))
        blocks = [["Live coverage"], times]
        for update in live.updates:
            blocks.append([format_datetime(update.date), *self._wrap(update.headline)])
            blocks.extend(self._wrap(part) for part in update_paragraphs(update.text))
        return blocks

    def _verdicts(self, article: Article) -> list[list[str]]:
        """The reviews of a fact check, numbered as the Sources are."""
        found = verdicts(article)
        if not found:
            return []
        blocks = [["Fact checks"]]
        for number, verdict in enumerate(found, start=1):
            head = f"{number}. "
            indent = " " * len(head)
            claim = f'Claim: "{_words(verdict.claim.text)}"'
            lines = self._wrap(claim, first=head, indent=indent)
            for label, value in verdict.lines():
                shown = value if isinstance(value, str) else format_datetime(value)
                lines += self._wrap(f"{label}: {shown}", first=indent, indent=indent + "  ")
            blocks.append(lines)
        return blocks

    def _policies(self, article: Article) -> list[list[str]]:
        """The article's own publishing principles, then its publisher's policies."""
        blocks: list[list[str]] = []
        if article.publishing_principles is not None:
            text = f"{ARTICLE_PRINCIPLES}: {article.publishing_principles}"
            blocks.append(self._wrap(text, indent="  "))
        if article.publisher is not None:
            publisher: Organization = resolve(article, article.publisher, ORGANIZATIONS)
            links = policy_links(publisher.policies)
            if links:
                lines = self._wrap(publisher.name)
                for label, url in links:
                    lines += self._wrap(f"{label}: {url}", first="  ", indent="    ")
                blocks.append(lines)
        return [["Policies"], *blocks] if blocks else []

    def _sources(self, article: Article) -> list[list[str]]:
        statements = _reading_order(article)
        if not statements:
            return []
        blocks = [["Sources"]]
        for number, statement in enumerate(statements, start=1):
            attribution: Attribution = resolve(article, statement.attribution, ATTRIBUTIONS)
            kind = "Quote" if isinstance(statement, Quote) else "Claim"
            head = f"{number}. "
            indent = " " * len(head)
            lines = self._wrap(f'{kind}: "{_words(statement.text)}"', first=head, indent=indent)
            for label, value in _source_lines(article, attribution):
                lines += self._wrap(f"{label}: {value}", first=indent, indent=indent + "  ")
            blocks.append(lines)
        return blocks


def policy_links(policies: Policies | None) -> list[tuple[str, str]]:
    """The label and URL of each policy given, in the order of :class:`Policies`."""
    if policies is None:
        return []
    links = []
    for field in attrs.fields(Policies):
        url = getattr(policies, field.name)
        if url is not None:
            links.append((POLICY_LABELS[field.name], url))
    return links


def update_paragraphs(text: str) -> list[str]:
    """The paragraphs of a live update's text: its parts between blank lines, without the
    newlines around them; a part of nothing but whitespace is no paragraph."""
    parts = (part.strip("\n") for part in text.split("\n\n"))
    return [part for part in parts if part.strip()]


def _number(value: float) -> str:
    """A rating as people write it: 4, not 4.0."""
    number = float(value)
    return str(int(number)) if number.is_integer() else repr(number)


def rating_text(review: ClaimReview) -> str | None:
    """The rating on its scale ("2 on a scale from 1 (worst) to 5 (best)"), None without one."""
    if review.rating is None or review.worst_rating is None or review.best_rating is None:
        return None
    return (
        f"{_number(review.rating)} on a scale from {_number(review.worst_rating)} (worst) "
        f"to {_number(review.best_rating)} (best)"
    )


@attrs.frozen(kw_only=True)
class Verdict:
    """A reviewed claim as the exports show it: the claim, its review, and the reviewer and
    date the review stands for (the publisher and the article's date_published when the
    review names none), as in the JSON-LD's ClaimReview."""

    claim: Claim
    review: ClaimReview
    reviewer: Person | Organization | None
    date: dt.datetime | None

    def lines(self) -> list[tuple[str, str | dt.datetime]]:
        """What the review says, as labels and values (the date as a moment, for the
        exporter to write); what is not known is left out."""
        lines: list[tuple[str, str | dt.datetime]] = []
        if self.review.verdict is not None:
            lines.append(("Verdict", self.review.verdict))
        rating = rating_text(self.review)
        if rating is not None:
            lines.append(("Rating", rating))
        if self.reviewer is not None:
            lines.append(("Reviewed by", self.reviewer.name))
        if self.date is not None:
            lines.append(("Date", self.date))
        return lines


def verdicts(article: Article) -> list[Verdict]:
    """The reviewed claims of a fact_check article in reading order (none in any other
    genre: only a fact check exports its reviews)."""
    if article.genre is not Genre.FACT_CHECK:
        return []
    found = []
    for statement in _reading_order(article):
        if isinstance(statement, Claim) and statement.review is not None:
            review = statement.review
            who = review.reviewer if review.reviewer is not None else article.publisher
            reviewer = None if who is None else resolve(article, who, AGENTS)
            date = review.date if review.date is not None else article.date_published
            found.append(Verdict(claim=statement, review=review, reviewer=reviewer, date=date))
    return found


def _name(article: Article, identifier: str, kinds: frozenset[str]) -> str:
    """The name of a person or organization, or the description of an unnamed source."""
    found = resolve(article, identifier, kinds)
    name: str = found.description if isinstance(found, UnnamedSource) else found.name
    return name


def _reading_order(article: Article) -> list[Quote | Claim]:
    """Claims and quotes by the first paragraph they stand in; unanchored ones last."""
    position = {paragraph.id: index for index, paragraph in enumerate(article.paragraphs)}
    statements: list[Quote | Claim] = [*article.claims, *article.quotes]
    end = len(position)

    def key(item: Quote | Claim) -> int:
        return min((position.get(p, end) for p in item.paragraphs), default=end)

    return sorted(statements, key=key)  # stable: claims before quotes, then document order


def _source_lines(article: Article, attribution: Attribution) -> list[tuple[str, str]]:
    who = "unknown" if attribution.source is None else _name(article, attribution.source, SPEAKERS)
    if attribution.verb is not None:
        who += f" ({attribution.verb})"
    through = _CHANNELS[attribution.channel]
    if attribution.recipient is not None:
        through += " to " + _name(article, attribution.recipient, AGENTS)
    if attribution.outlet is not None:
        through += " in " + _name(article, attribution.outlet, ORGANIZATIONS)
    if attribution.title is not None:
        through += f', "{attribution.title}"'
    if attribution.part is not None:
        through += f" ({attribution.part})"
    when = [str(attribution.date)] if attribution.date is not None else []
    if attribution.date_text is not None:
        when.append(f"({attribution.date_text})" if when else attribution.date_text)
    if when:
        through += ", " + " ".join(when)
    if attribution.url is not None:
        through += ", " + attribution.url
    lines = [
        ("Made by", who),
        ("Through", through),
        ("Verification", attribution.verification.value),
    ]
    if attribution.note is not None:
        lines.append(("Note", _words(attribution.note)))
    return lines


_TEXT: Final = TextRenderer()


def to_text(article: Article, *, width: int | None = 72, sources: bool = False) -> str:
    """The plain text of ``article`` (see :class:`TextRenderer`)."""
    renderer = _TEXT if width == _TEXT.width and not sources else None
    if renderer is None:
        renderer = TextRenderer(width=width, sources=sources)  # refuses a bad width first
    return renderer._render(require_valid(article, "newsarticle.to_text"))
