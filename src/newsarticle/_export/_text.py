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

    Corrections

    2021-08-20T09:00:00Z: what was corrected.

    Sources

    1. Claim: "the words of the claim"
       Made by: who made it (the article's verb)
       Through: interview in Outlet, 2021-07 (in July)
       Verification: unverified
       Note: the publisher's note

Lines are wrapped at ``width`` characters (words longer than that stand on a
line of their own); ``width=None`` keeps each line of a paragraph whole.  The
output is deterministic, has no markup of its own and no control character
other than the newline, and ends with one newline.  An unnamed source is shown
by its description only.
"""

from __future__ import annotations

import textwrap
from typing import Final

import attrs

from .._integrity import require_valid, resolve
from .._model import (
    AGENTS,
    ATTRIBUTIONS,
    ORGANIZATIONS,
    SPEAKERS,
    Article,
    Attribution,
    Channel,
    Claim,
    Quote,
    UnnamedSource,
)
from .._rules import format_datetime

__all__ = ["TextRenderer", "to_text"]

#: The narrowest wrapping width accepted.
MIN_WIDTH: Final = 20

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
    order, with who made it, through what, and how far it is verified.  An article that
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
        blocks.extend(self._wrap(paragraph.text) for paragraph in article.paragraphs)
        if article.corrections:
            blocks.append(["Corrections"])
            for correction in article.corrections:
                stamp = format_datetime(correction.date)
                blocks.append(self._wrap(f"{stamp}: {_words(correction.text)}"))
        if self.sources:
            blocks.extend(self._sources(article))
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
            lines.append("Published " + format_datetime(article.date_published))
        if article.date_modified is not None:
            lines.append("Updated " + format_datetime(article.date_modified))
        if article.dateline is not None:
            lines += self._wrap(article.dateline)
        return lines

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
