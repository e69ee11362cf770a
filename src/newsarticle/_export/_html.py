"""A small standalone HTML page of an article, with its JSON-LD in the head.

The page is HTML5 with no script but the JSON-LD, no style and no external
resource but the article's own images.  It is meant to be read by people
(landmarks, one ``h1``, the language of the article on ``<html>``, text
alternatives on images) and by extractors: the byline names the article's
authors and no one else, the publication date stands in a ``<time>`` element,
and ``<meta name="author">`` carries one author each.

Every piece of article text is escaped, so no headline or paragraph can add
markup to the page.  Unicode noncharacters (U+FDD0..U+FDEF, U+xFFFE, U+xFFFF),
which HTML forbids even as character references, are written as U+FFFD.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from typing import Final

import attrs

from .._integrity import require_valid, resolve
from .._model import AGENTS, ORGANIZATIONS, Article, Image, Organization, ParagraphRole, Person
from .._rules import format_datetime
from ._jsonld import NONCHARACTERS, JsonLdScriptRenderer

__all__ = ["HtmlRenderer", "to_html"]


def _text(value: str) -> str:
    """Article text as HTML character data or attribute value."""
    return html.escape(NONCHARACTERS.sub("\ufffd", value), quote=True)


def _lines(value: str) -> str:
    """Text whose newlines become line breaks."""
    return "<br>\n".join(_text(line) for line in value.split("\n"))


def _agent(article: Article, identifier: str) -> Person | Organization:
    found: Person | Organization = resolve(article, identifier, AGENTS)
    return found


@attrs.frozen(kw_only=True)
class HtmlRenderer:
    """Render an article as a standalone HTML page (see the module documentation).

    ``script`` renders the JSON-LD block that goes in the head.  An article that cannot be
    loaded back is refused as by every exporter (see :class:`JsonLdRenderer`).
    """

    script: JsonLdScriptRenderer = attrs.field(factory=JsonLdScriptRenderer)

    def __call__(self, article: Article) -> str:
        return self._render(require_valid(article, "HtmlRenderer"))

    def _render(self, article: Article) -> str:
        """The page of an article already checked."""
        parts = [
            "<!DOCTYPE html>",
            f'<html lang="{_text(article.language)}">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_text(article.headline)}</title>",
        ]
        if article.standfirst is not None:
            description = " ".join(article.standfirst.split())
            parts.append(f'<meta name="description" content="{_text(description)}">')
        authors = [_agent(article, identifier) for identifier in article.authors]
        parts += [f'<meta name="author" content="{_text(a.name)}">' for a in authors]
        if article.url is not None:
            parts.append(f'<link rel="canonical" href="{_text(article.url)}">')
        parts.append(self.script._render(article).rstrip("\n"))
        parts += ["</head>", "<body>", "<main>", "<article>"]
        parts += _header(article, authors)
        for image in article.images:
            parts += _figure(image)
        parts += _body(article)
        parts += _corrections(article)
        parts += ["</article>", "</main>", "</body>", "</html>"]
        return "\n".join(parts) + "\n"


def _header(article: Article, authors: list[Person | Organization]) -> list[str]:
    parts = ["<header>", f"<h1>{_text(article.headline)}</h1>"]
    if article.alternative_headline is not None:
        parts.append(f"<p>{_text(article.alternative_headline)}</p>")
    if article.standfirst is not None:
        parts.append(f"<p>{_lines(article.standfirst)}</p>")
    if authors:
        names = [_author_link(author) for author in authors]
        joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        parts.append(f'<p class="byline">By {joined}</p>')
    if article.publisher is not None:
        publisher: Organization = resolve(article, article.publisher, ORGANIZATIONS)
        parts.append(f'<p class="publisher">{_text(publisher.name)}</p>')
    if article.date_published is not None:
        stamp = _text(format_datetime(article.date_published))
        parts.append(f'<p>Published <time datetime="{stamp}">{stamp}</time></p>')
    if article.date_modified is not None:
        stamp = _text(format_datetime(article.date_modified))
        parts.append(f'<p>Updated <time datetime="{stamp}">{stamp}</time></p>')
    if article.dateline is not None:
        parts.append(f'<p class="dateline">{_text(article.dateline)}</p>')
    parts.append("</header>")
    return parts


def _author_link(author: Person | Organization) -> str:
    name = _text(author.name)
    if author.url is None:
        return name
    return f'<a rel="author" href="{_text(author.url)}">{name}</a>'


def _figure(image: Image) -> list[str]:
    attributes = f' src="{_text(image.url)}" alt="{_text(image.alt or "")}"'
    if image.width is not None:
        attributes += f' width="{image.width}"'
    if image.height is not None:
        attributes += f' height="{image.height}"'
    parts = ["<figure>", f"<img{attributes}>"]
    caption = [_lines(image.caption)] if image.caption is not None else []
    if image.credit is not None:
        caption.append(f"<small>{_text(image.credit)}</small>")
    if caption:
        parts.append(f"<figcaption>{' '.join(caption)}</figcaption>")
    parts.append("</figure>")
    return parts


def _body(article: Article) -> Iterator[str]:
    """Paragraphs in order; headings as h2; runs of asides in one aside element."""
    in_aside = False
    for paragraph in article.paragraphs:
        aside = paragraph.role is ParagraphRole.ASIDE
        if aside != in_aside:
            yield "<aside>" if aside else "</aside>"
            in_aside = aside
        if paragraph.role is ParagraphRole.HEADING:
            yield f"<h2>{_lines(paragraph.text)}</h2>"
        else:
            yield f"<p>{_lines(paragraph.text)}</p>"
    if in_aside:
        yield "</aside>"


def _corrections(article: Article) -> list[str]:
    if not article.corrections:
        return []
    parts = ['<section aria-labelledby="corrections">', '<h2 id="corrections">Corrections</h2>']
    for correction in article.corrections:
        stamp = _text(format_datetime(correction.date))
        parts.append(f'<p><time datetime="{stamp}">{stamp}</time>: {_lines(correction.text)}</p>')
    parts.append("</section>")
    return parts


_HTML: Final = HtmlRenderer()


def to_html(article: Article) -> str:
    """A standalone HTML page of ``article`` with its JSON-LD in the head."""
    return _HTML._render(require_valid(article, "newsarticle.to_html"))
