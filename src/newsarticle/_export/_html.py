"""A small standalone HTML page of an article, with its JSON-LD in the head.

The page is HTML5 with no script but the JSON-LD, no style and no external
resource but the article's own images.  It is meant to be read by people
(landmarks, one ``h1``, the language of the article on ``<html>``, text
alternatives on images) and by extractors: the byline names the article's
authors and no one else, the publication date stands in a ``<time>`` element,
and ``<meta name="author">`` carries one author each.

The parts the JSON-LD names by CSS selector carry the class of each selector of the
renderer's :class:`~newsarticle.Selectors` that is a single class (``.headline``): the
``h1`` (headline), the standfirst's ``p`` (standfirst), each paragraph the article lists in
``speakable`` (speakable) and each paragraph for subscribers (paywalled).  Each paywalled
paragraph carries the class itself, so no paywalled element is inside another.

After the paragraphs come the live coverage of a live blog (each update an ``article``
whose id, ``update-`` and the update's id, is the fragment of its JSON-LD ``@id``), the
verdicts of a fact check (each an element whose id is ``review-`` and the claim's id, as in
the JSON-LD) and the corrections; the article's own publishing principles are linked in its
``footer``, the publisher's policies in the page's ``footer``.

Every piece of article text is escaped, so no headline or paragraph can add
markup to the page.  Unicode noncharacters (U+FDD0..U+FDEF, U+xFFFE, U+xFFFF),
which HTML forbids even as character references, are written as U+FFFD.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterator
from typing import Final

import attrs

from .._integrity import require_valid, resolve
from .._model import (
    AGENTS,
    ORGANIZATIONS,
    Access,
    Article,
    Image,
    LiveCoverage,
    Organization,
    Paragraph,
    ParagraphRole,
    Person,
)
from .._rules import format_datetime
from .._selectors import Selectors, single_class
from ._jsonld import NONCHARACTERS, JsonLdScriptRenderer
from ._text import ARTICLE_PRINCIPLES, policy_links, update_paragraphs, verdicts

__all__ = ["HtmlRenderer", "body_html", "to_html"]


def _text(value: str) -> str:
    """Article text as HTML character data or attribute value."""
    return html.escape(NONCHARACTERS.sub("\ufffd", value), quote=True)


def _lines(value: str) -> str:
    """Text whose newlines become line breaks."""
    return "<br>\n".join(_text(line) for line in value.split("\n"))


def _agent(article: Article, identifier: str) -> Person | Organization:
    found: Person | Organization = resolve(article, identifier, AGENTS)
    return found


def _stamp(value: dt.datetime) -> str:
    """A moment in a ``<time>`` element."""
    stamp = _text(format_datetime(value))
    return f'<time datetime="{stamp}">{stamp}</time>'


def _classes(*names: str | None) -> str:
    """The class attribute of an element with these classes (None: not one), or nothing."""
    given = [name for name in dict.fromkeys(names) if name is not None]
    return f' class="{_text(" ".join(given))}"' if given else ""


@attrs.frozen(kw_only=True)
class _Marks:
    """The classes the page puts on the parts the selectors name (None: a selector that is not
    a single class, which the page cannot have by a class alone)."""

    headline: str | None
    standfirst: str | None
    speakable: str | None
    paywalled: str | None

    @classmethod
    def of(cls, selectors: Selectors) -> _Marks:
        return cls(
            headline=single_class(selectors.headline),
            standfirst=single_class(selectors.standfirst),
            speakable=single_class(selectors.speakable),
            paywalled=single_class(selectors.paywalled),
        )


@attrs.frozen(kw_only=True)
class HtmlRenderer:
    """Render an article as a standalone HTML page (see the module documentation).

    ``script`` renders the JSON-LD block that goes in the head; the selectors of its JSON-LD
    renderer name the classes the page puts on the headline, the standfirst, the speakable
    and the paywalled paragraphs.  An article that cannot be loaded back is refused as by
    every exporter (see :class:`JsonLdRenderer`).
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
        marks = _Marks.of(self.script.jsonld.selectors)
        parts += ["</head>", "<body>", "<main>", "<article>"]
        parts += _header(article, authors, marks)
        for image in article.images:
            parts += _figure(image)
        parts += _body(article, marks)
        if article.live is not None:
            parts += _live(article.live)
        parts += _verdicts(article)
        parts += _corrections(article)
        if article.publishing_principles is not None:
            link = f'<a href="{_text(article.publishing_principles)}">{ARTICLE_PRINCIPLES}</a>'
            parts += ["<footer>", f"<p>{link}</p>", "</footer>"]
        parts += ["</article>", "</main>"]
        parts += _policies(article)
        parts += ["</body>", "</html>"]
        return "\n".join(parts) + "\n"


def _header(article: Article, authors: list[Person | Organization], marks: _Marks) -> list[str]:
    parts = ["<header>", f"<h1{_classes(marks.headline)}>{_text(article.headline)}</h1>"]
    if article.alternative_headline is not None:
        parts.append(f"<p>{_text(article.alternative_headline)}</p>")
    if article.standfirst is not None:
        parts.append(f"<p{_classes(marks.standfirst)}>{_lines(article.standfirst)}</p>")
    if authors:
        names = [_author_link(author) for author in authors]
        joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        parts.append(f'<p class="byline">By {joined}</p>')
    if article.publisher is not None:
        publisher: Organization = resolve(article, article.publisher, ORGANIZATIONS)
        parts.append(f'<p class="publisher">{_text(publisher.name)}</p>')
    if article.date_published is not None:
        parts.append(f"<p>Published {_stamp(article.date_published)}</p>")
    if article.date_modified is not None:
        parts.append(f"<p>Updated {_stamp(article.date_modified)}</p>")
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


def body_html(article: Article, selectors: Selectors) -> Iterator[str]:
    """The article's paragraphs as the page writes them, one element a line, with the classes
    of ``selectors`` (the body of the ninjs export too)."""
    return _body(article, _Marks.of(selectors))


def _body(article: Article, marks: _Marks) -> Iterator[str]:
    """Paragraphs in order; headings as h2; runs of asides in one aside element; each
    speakable or paywalled paragraph with its classes."""
    speakable = frozenset(article.speakable)
    in_aside = False
    for paragraph in article.paragraphs:
        aside = paragraph.role is ParagraphRole.ASIDE
        if aside != in_aside:
            yield "<aside>" if aside else "</aside>"
            in_aside = aside
        name = "h2" if paragraph.role is ParagraphRole.HEADING else "p"
        classes = _classes(*_paragraph_marks(paragraph, speakable, marks))
        yield f"<{name}{classes}>{_lines(paragraph.text)}</{name}>"
    if in_aside:
        yield "</aside>"


def _paragraph_marks(
    paragraph: Paragraph, speakable: frozenset[str], marks: _Marks
) -> list[str | None]:
    found = []
    if paragraph.id in speakable:
        found.append(marks.speakable)
    if paragraph.access is Access.SUBSCRIBERS:
        found.append(marks.paywalled)
    return found


def _live(live: LiveCoverage) -> list[str]:
    """The coverage's times, then each update as an article, linkable by its id."""
    parts = [
        '<section aria-labelledby="live-coverage">',
        '<h2 id="live-coverage">Live coverage</h2>',
    ]
    parts.append(f"<p>Started {_stamp(live.start)}</p>")
    if live.end is not None:
        parts.append(f"<p>Ended {_stamp(live.end)}</p>")
    for update in live.updates:
        parts += [
            f'<article id="update-{_text(update.id)}">',
            f"<h3>{_text(update.headline)}</h3>",
            f"<p>{_stamp(update.date)}</p>",
        ]
        parts += [f"<p>{_lines(part)}</p>" for part in update_paragraphs(update.text)]
        parts.append("</article>")
    parts.append("</section>")
    return parts


def _verdicts(article: Article) -> list[str]:
    """The reviews of a fact check, each a description list linkable by its claim's id."""
    found = verdicts(article)
    if not found:
        return []
    parts = ['<section aria-labelledby="fact-checks">', '<h2 id="fact-checks">Fact checks</h2>']
    for verdict in found:
        parts += [
            f'<dl id="review-{_text(verdict.claim.id)}">',
            "<dt>Claim</dt>",
            f"<dd>{_lines(verdict.claim.text)}</dd>",
        ]
        for label, value in verdict.lines():
            cell = _text(value) if isinstance(value, str) else _stamp(value)
            parts += [f"<dt>{_text(label)}</dt>", f"<dd>{cell}</dd>"]
        parts.append("</dl>")
    parts.append("</section>")
    return parts


def _policies(article: Article) -> list[str]:
    """The publisher's policies as links in the page's footer, when it has any."""
    if article.publisher is None:
        return []
    publisher: Organization = resolve(article, article.publisher, ORGANIZATIONS)
    links = policy_links(publisher.policies)
    if not links:
        return []
    parts = ["<footer>", f'<nav aria-label="Policies of {_text(publisher.name)}">', "<ul>"]
    parts += [f'<li><a href="{_text(url)}">{_text(label)}</a></li>' for label, url in links]
    parts += ["</ul>", "</nav>", "</footer>"]
    return parts


def _corrections(article: Article) -> list[str]:
    if not article.corrections:
        return []
    parts = ['<section aria-labelledby="corrections">', '<h2 id="corrections">Corrections</h2>']
    for correction in article.corrections:
        parts.append(f"<p>{_stamp(correction.date)}: {_lines(correction.text)}</p>")
    parts.append("</section>")
    return parts


_HTML: Final = HtmlRenderer()


def to_html(article: Article) -> str:
    """A standalone HTML page of ``article`` with its JSON-LD in the head."""
    return _HTML._render(require_valid(article, "newsarticle.to_html"))
