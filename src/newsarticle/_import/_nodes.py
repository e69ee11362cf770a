"""A page's JSON-LD read into a checked :class:`~newsarticle.Article`: :func:`import_page`.

The article node is found (:mod:`._graph`), each of its properties is mapped to the model
(the inverse of the export, ``docs/jsonld.md``; the table is in ``docs/import.md``), what the
page says outside its JSON-LD fills what the JSON-LD leaves out (``<html lang>``, the canonical
link, ``og:`` and ``article:`` meta), and every property that is not kept, every repair and
every guess is a problem at its JSON Pointer.  The article is built with the model's own
checks and the project's integrity checks: it is valid, or None with errors saying why.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any, Final
from urllib.parse import urlsplit

from .._errors import InvalidValueError, Problem, shown
from .._integrity import article_problems
from .._model import Access, Article, Genre, Image, LiveCoverage, LiveUpdate, Paragraph
from .._rules import LANGUAGE, PARAGRAPH_TEXT, URL
from .._selectors import DEFAULT_SELECTORS
from .._terms import ARTICLE_TYPES
from ._context import Context, fits
from ._dates import read_moment
from ._graph import Graph, Here, Node, choose, find_articles
from ._ids import exported, exported_id, slug
from ._media import corrections, images
from ._page import Block, Page
from ._people import ORGANIZATIONS, PEOPLE, PLACES, Entities, page_url
from ._statements import Statements
from ._text import clean_line, clean_text, paragraphs
from ._vocab import term, vocabulary

__all__ = ["import_page"]

_KINDS: Final = (
    "person",
    "organization",
    "place",
    "quote",
    "claim",
    "work",
    "image",
    "update",
    "review",
)
#: What the export's speakable says of every article: its headline and its standfirst,
#: which the model holds speakable always.
_SPEAKABLE: Final = frozenset({DEFAULT_SELECTORS.headline, DEFAULT_SELECTORS.standfirst})
#: A boolean as pages write it in text, and what it is.
_BOOLEANS: Final = {"true": True, "false": False}


def _genres() -> list[tuple[str, Genre]]:
    """The export's article types and their genres, the most specific type first.  A fact
    check is a NewsArticle too: it is told by its ClaimReview nodes, not by its type."""
    vocab = vocabulary()
    return sorted(
        ((name, genre) for genre, name in ARTICLE_TYPES.items() if genre is not Genre.FACT_CHECK),
        key=lambda item: -len(vocab.ancestors(item[0])),
    )


_GENRES: Final = _genres()


def import_page(
    page: Page, *, url: str | None = None, assume_timezone: dt.tzinfo | None = None
) -> tuple[Article | None, list[Problem]]:
    """The article of ``page`` (None when there is none, or it cannot be built) and every
    problem: the page's and its blocks' own, then the import's, in page order.

    ``url`` is the page's address, when known: the article's URL where the page gives none,
    the base of relative URLs, and a help in picking the article among several.
    ``assume_timezone`` is the zone of dates written without one; without it such dates are
    dropped (each with a warning), never read in a zone guessed.
    """
    problems: list[Problem] = list(page.problems)
    for block in page.blocks:
        problems.extend(block.problems)
    graph = Graph(page)
    candidates = _outside_statements(graph, find_articles(graph))
    if not candidates and _meta_article(page):
        context = Context(page, graph, url, assume_timezone)
        context.report(
            None,
            "import-from-page",
            "the page has no article node; the article is read from what its meta say "
            "(og:type article)",
        )
        article = _Importer(context, _meta_node()).build()
        problems.extend(context.problems)
        problems.sort(key=_position)
        return article, problems
    if not candidates:
        kinds = sorted({t for _, _, found in graph.objects for t in found})
        said = (
            f" (its types: {', '.join(kinds[:12])}{', ...' if len(kinds) > 12 else ''})"
            if kinds
            else ""
        )
        readable = sum(block.value is not None for block in page.blocks)
        if page.blocks:
            blocks = f"{readable} readable JSON-LD block{'s' * (readable != 1)}"
            why = f"none of its {blocks} holds an Article or a type below it{said}"
        else:
            why = "it has no JSON-LD block, and its meta do not say it is an article"
        problems.append(Problem.of("import-no-article", "", f"the page has no article node: {why}"))
        return None, problems
    page_url = url or page.meta.canonical or page.meta.meta.get("og:url")
    choice = choose(graph, candidates, page_url)
    context = Context(page, graph, url, assume_timezone)
    if choice.others:
        _several(context, choice.node, choice.reason, choice.others)
    article = _Importer(context, choice.node).build()
    problems.extend(context.problems)
    problems.sort(key=_position)  # stable: the page's own problems first where they tie
    return article, problems


def _outside_statements(graph: Graph, candidates: list[Node]) -> list[Node]:
    """The article nodes that are not the work a review, a claim or a quotation names: a
    ClaimReview's claim appears in an article (Google's form writes it out, as an
    ``OpinionNewsArticle`` of someone else's), which is not the page's article."""
    vocab = vocabulary()
    holders = (
        vocab.descendants("Review") | vocab.descendants("Claim") | vocab.descendants("Quotation")
    ) - vocab.descendants("Article")
    containers = [
        (here.block, here.pointer + "/")
        for here, _, kinds in graph.objects
        if not holders.isdisjoint(kinds)
    ]
    if not containers:
        return candidates

    def nested(here: Here) -> bool:
        return any(here.block is block and here.pointer.startswith(at) for block, at in containers)

    return [node for node in candidates if not all(nested(part) for part in node.parts)]


def _position(problem: Problem) -> tuple[int, int]:
    return (problem.line or 0, problem.column or 0)


def _meta_article(page: Page) -> bool:
    """Whether the page says it is an article outside its JSON-LD: og:type article."""
    return page.meta.meta.get("og:type", "").strip().lower() == "article"


def _meta_node() -> Node:
    """An article node that says nothing: everything comes from the page's meta."""
    block = Block(index=-1, text="", line=1, column=1, value={}, problems=())
    return Node((Here({}, block, ""),))


def _summary(node: Node) -> dict[str, Any]:
    def text(name: str) -> Any:
        here = node.get(name)
        if here is None:
            return None
        value = here.value
        if isinstance(value, str):
            return clean_line(value).text
        return repr(value)[:80]

    authors = node.get("author")
    return {
        "headline": text("headline") or text("name"),
        "datePublished": text("datePublished"),
        "author": None if authors is None else repr(authors.value)[:200],
        "url": text("url"),
    }


def _several(context: Context, taken: Node, reason: str, others: tuple[Node, ...]) -> None:
    mine = _summary(taken)
    described = []
    for other in others:
        theirs = _summary(other)
        differ = [key for key in mine if theirs[key] != mine[key]]
        kinds = "/".join(other.types)
        said = (
            f"differs in {', '.join(differ)}"
            if differ
            else "agrees on headline, date, author and url"
        )
        described.append(f"{kinds} at {other.here.where} ({said})")
    context.report(
        taken.here,
        "import-several-articles",
        f"{len(others) + 1} article nodes; took {'/'.join(taken.types)} at {taken.here.where}, "
        f"{reason}; not taken: " + "; ".join(described),
    )


def _language_tag(text: str) -> str | None:
    candidate = text.strip().replace("_", "-")
    return candidate if LANGUAGE.problem(candidate) is None else None


class _Importer:
    """The import of one article node."""

    def __init__(self, context: Context, node: Node) -> None:
        self.context = context
        self.node = node
        self.meta: Mapping[str, str] = context.page.meta.meta

    def prop(self, name: str) -> Here | None:
        return self.context.read(self.node, name)

    def from_page(self, field: str, source: str) -> None:
        self.context.report(
            None,
            "import-from-page",
            f"{field}: the JSON-LD gives none; taken from the page's {source}",
        )

    def build(self) -> Article | None:
        context, node = self.context, self.node
        context.visit(node, "the article")
        self._reserve()
        fields: dict[str, Any] = {}
        fields["language"] = self.language()
        fields["url"] = self.url()
        fields["headline"] = self.headline()
        fields["alternative_headline"] = context.text(
            self.prop("alternativeHeadline"), Article, "alternative_headline"
        )
        fields["standfirst"] = self.standfirst()
        fields["section"] = context.text(self.prop("articleSection"), Article, "section")
        if fields["section"] is None and self.meta.get("article:section"):
            fields["section"] = clean_line(self.meta["article:section"]).text or None
            if fields["section"] is not None:
                self.from_page("articleSection", "article:section meta")
        fields["keywords"] = self.keywords()
        published, modified = self.dates()
        fields["date_published"], fields["date_modified"] = published, modified
        fields["dateline"] = context.text(self.prop("dateline"), Article, "dateline")
        entities = Entities(context, fields["language"])
        publisher_here = self.prop("publisher")
        fields["publisher"] = self.publisher(entities, publisher_here)
        if fields["publisher"] is None and publisher_here is None and self.meta.get("og:site_name"):
            name = clean_line(self.meta["og:site_name"]).text
            if name:
                fields["publisher"] = entities.organization_named_or_new(None, name)
                self.from_page("publisher", "og:site_name meta")
        author_here = self.prop("author")
        fields["authors"] = tuple(entities.agents(author_here, "author"))
        if not fields["authors"] and author_here is None and self.meta.get("author"):
            fields["authors"] = tuple(entities.named(self.meta["author"], "author", "author meta"))
            if fields["authors"]:
                self.from_page("author", "author meta")
        fields["about"] = self.entity_list(entities, "about", (PEOPLE, ORGANIZATIONS, PLACES))
        fields["content_locations"] = self.entity_list(entities, "contentLocation", (PLACES,))
        self.entity_list(entities, "mentions", (PEOPLE, ORGANIZATIONS, PLACES))
        image_here = self.prop("image")
        fields["images"] = tuple(images(context, image_here))
        if not fields["images"] and image_here is None and self.meta.get("og:image"):
            fields["images"] = tuple(self.meta_image())
        fields["paragraphs"] = tuple(self.body())
        self.prop("wordCount")  # the model counts the words of the body
        fields["access"] = self.access()
        self.speakable()
        fields["publishing_principles"] = page_url(
            context,
            self.prop("publishingPrinciples"),
            Article,
            "publishing_principles",
            "publishingPrinciples",
        )
        fields["live"] = self.live()
        fields["genre"] = self.genre(fields["live"] is not None)
        statements = Statements(context, entities, node)
        statements.read()
        self.reviews()
        if statements.fact_check:
            fields["genre"] = self.fact_check(fields["genre"])
        for item, work in context.nodes(self.prop("citation")):
            if work is None or not context.visited(work):
                context.report(
                    item,
                    "import-dropped",
                    "citation: a cited work that no quote or claim comes from is not kept "
                    "(the model cites works through attributions)",
                )
        fields["corrections"] = tuple(corrections(context, self.prop("correction"), published))
        latest = max((c.date for c in fields["corrections"]), default=None)
        if modified is not None and latest is not None and modified < latest:
            context.report(
                self.prop("dateModified"),
                "import-date-order",
                f"dateModified {_iso(modified)} is before the latest correction, of "
                f"{_iso(latest)} (a correction modifies the article); dateModified dropped",
            )
            fields["date_modified"] = None
        self.prop("mainEntityOfPage")
        self.prop("url")
        self.prop("name")
        context.leftovers()
        collections = entities.build()
        fields["people"] = tuple(collections[PEOPLE])
        fields["organizations"] = tuple(collections[ORGANIZATIONS])
        fields["places"] = tuple(collections[PLACES])
        quotes, claims = statements.build()
        fields["attributions"] = tuple(statements.attributions)
        fields["quotes"] = tuple(quotes)
        fields["claims"] = tuple(claims)
        if fields["headline"] is None:
            context.report(
                node.here,
                "import-no-headline",
                "the article has no headline (nor name, nor og:title): the model needs one",
            )
            return None
        fields["id"] = self.article_id(fields)
        try:
            article = Article(**fields)
        except InvalidValueError as error:
            context.report(node.here, "import-invalid", f"the article cannot be built: {error}")
            return None
        found = [p for p in article_problems(article) if p.is_error]
        if found:
            for problem in found:
                context.report(
                    node.here,
                    "import-invalid",
                    f"the imported article breaks the format ({problem.code} at "
                    f"{problem.path or '/'}: {problem.message})",
                )
            return None
        return article

    # --- ids ------------------------------------------------------------------

    def _reserve(self) -> None:
        reserved = set()
        for here, _, _ in self.context.graph.objects:
            found = exported(here.value.get("@id"))
            if found is not None and found[0] in _KINDS:
                reserved.add(found[1])
        self.context.ids.reserved |= reserved

    def article_id(self, fields: dict[str, Any]) -> str:
        """The article's id: the last segment of its URL's path, else its headline, slugged."""
        url = fields.get("url")
        base = ""
        if url:
            segments = [s for s in urlsplit(url).path.split("/") if s]
            for segment in reversed(segments):
                base = slug(re.sub(r"\.(html?|php|aspx?)$", "", segment, flags=re.IGNORECASE))
                if base:
                    break
        if not base:
            base = slug(fields["headline"])
        return self.context.ids.make(base or "article")

    # --- the fields ----------------------------------------------------------------

    def language(self) -> str:
        context = self.context
        here = self.prop("inLanguage")
        for item in here.items() if here else []:
            value = item.value
            if isinstance(value, dict):
                for key in ("alternateName", "name", "@value"):
                    if isinstance(value.get(key), str) and _language_tag(value[key]):
                        item, value = item.at(key), value[key]
                        break
            if isinstance(value, str) and value.strip():
                tag = _language_tag(value)
                if tag is not None:
                    if tag != value:
                        context.report(
                            item,
                            "import-text-cleaned",
                            f"inLanguage: {shown(value)} read as {shown(tag)}",
                        )
                    return tag
                context.report(
                    item,
                    "import-bad-value",
                    f"inLanguage: {shown(value)} is not a BCP 47 language tag; dropped",
                )
                break
        page = self.context.page.meta
        for source, value in (
            ("<html lang>", page.language),
            ("og:locale meta", self.meta.get("og:locale")),
        ):
            if value and _language_tag(value):
                self.from_page("inLanguage", source)
                return _language_tag(value) or "und"
        context.report(
            self.node.here,
            "import-no-language",
            "the page says no language (no inLanguage, no <html lang>): 'und' (undetermined)",
        )
        return "und"

    def url(self) -> str | None:
        context = self.context
        for name in ("url", "mainEntityOfPage"):
            here = self.prop(name)
            if here is None:
                continue
            value = here.value
            if isinstance(value, dict) and not isinstance(
                value.get("url") or value.get("@id"), str
            ):
                continue
            found = context.url_value(here, Article, "url")
            if found is not None:
                context.base = found
                return found
        page = context.page.meta
        for source, value in (
            ("url argument", context.url),
            ("canonical link", page.canonical),
            ("og:url meta", self.meta.get("og:url")),
        ):
            if value and URL.problem(value.strip()) is None:
                if source != "url argument":
                    self.from_page("url", source)
                context.base = value.strip()
                return value.strip()
        return None

    def genre(self, live: bool) -> Genre:
        """The genre the article's type says; a live blog (``LiveBlogPosting``, whose live
        coverage is kept) that says no other is news."""
        node = self.node
        for name, genre in _GENRES:
            if node.is_a(name):
                return genre
        kinds = "/".join(node.types)
        if not kinds:
            return Genre.NEWS  # an article read from the page's meta (og:type article)
        if live and node.is_a("LiveBlogPosting"):
            return Genre.NEWS  # the type is kept as the live coverage; it says no genre
        self.context.report(
            node.here.at("@type") if "@type" in node.here.value else node.here,
            "import-dropped",
            f"@type {kinds} is not kept: the model's genres are kinds of NewsArticle; "
            "read as news (NewsArticle)",
        )
        return Genre.NEWS

    def fact_check(self, genre: Genre) -> Genre:
        """A page with ClaimReview nodes is a fact check; a genre its type said is lost."""
        if genre is not Genre.NEWS:
            here = self.node.here
            self.context.report(
                here.at("@type") if "@type" in here.value else here,
                "import-dropped",
                f"@type {'/'.join(self.node.types)} is not kept as the genre {genre.value}: the "
                "page's ClaimReview nodes make the article a fact check (genre fact_check)",
            )
        return Genre.FACT_CHECK

    def reviews(self) -> None:
        """The article's ``review``: its ClaimReviews are read with the claims (see
        :class:`Statements`); any other review is not kept."""
        context = self.context
        for item, other in context.nodes(self.prop("review")):
            if other is not None and other.is_a("ClaimReview"):
                continue
            kinds = "/".join(other.types) if other is not None and other.types else "a value"
            context.report(
                item,
                "import-dropped",
                f"review: {kinds} is not kept; the model holds reviews of claims (ClaimReview)",
            )

    def boolean(self, here: Here, what: str) -> bool | None:
        """A boolean: JSON's, or the text "true" or "false" in any case (said)."""
        value = here.value
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in _BOOLEANS:
            found = _BOOLEANS[value.strip().lower()]
            self.context.report(
                here,
                "import-boolean-text",
                f"{what}: the text {shown(value)} read as the boolean {str(found).lower()}",
            )
            return found
        self.context.report(
            here, "import-bad-value", f"{what}: {shown(value, 40)} is not a boolean; dropped"
        )
        return None

    def access(self) -> Access | None:
        """Whether the article is free to read: ``isAccessibleForFree``, and the paywalled
        sections of ``hasPart`` (``WebPageElement``\\ s not free), which make it for
        subscribers.  Which paragraphs a section's ``cssSelector`` picks is not known (the
        JSON-LD has the body as one text): no paragraph is marked, and that is said."""
        context = self.context
        here = self.prop("isAccessibleForFree")
        items = here.items() if here is not None else []
        if len(items) > 1:
            context.report(
                items[1],
                "import-dropped",
                f"isAccessibleForFree holds one value; {len(items) - 1} more are not kept",
            )
        free = self.boolean(items[0], "isAccessibleForFree") if items else None
        closed: list[tuple[Here, str]] = []
        for item, part in context.nodes(self.prop("hasPart")):
            if part is not None and part.is_a("ClaimReview"):
                continue  # read with the claims
            flag = part.get("isAccessibleForFree") if part is not None else None
            if part is None or flag is None or not part.is_a("WebPageElement"):
                kinds = "/".join(part.types) if part is not None and part.types else "a value"
                context.report(
                    item,
                    "import-dropped",
                    f"hasPart: {kinds} is not kept; the model holds of the article's parts "
                    "only which are for subscribers (a WebPageElement with isAccessibleForFree)",
                )
                continue
            context.visit(part, "the section")
            flag = context.read(part, "isAccessibleForFree")
            selector = context.read(part, "cssSelector") or context.read(part, "xpath")
            assert flag is not None
            part_free = self.boolean(flag, "isAccessibleForFree of the section")
            said = f" ({shown(selector.value, 60)})" if selector is not None else ""
            if part_free is False:
                closed.append((item, said))
            elif part_free is True:
                context.report(
                    item,
                    "import-dropped",
                    f"hasPart: the section free to read{said} is not kept: every paragraph is "
                    "free unless said otherwise",
                )
        if closed:
            for item, said in closed:
                context.report(
                    item,
                    "import-dropped",
                    f"hasPart: the section for subscribers{said} is not kept paragraph by "
                    "paragraph: the JSON-LD holds the body as one text, so which paragraphs it "
                    "picks is not known; the article is for subscribers",
                )
            if free is True:
                context.report(
                    items[0],
                    "import-dropped",
                    "isAccessibleForFree true is not kept: a section of the article is not free; "
                    "read as for subscribers",
                )
            return Access.SUBSCRIBERS
        if free is None:
            return None
        return Access.FREE if free else Access.SUBSCRIBERS

    def speakable(self) -> None:
        """``speakable`` is not kept: the model holds the headline and the standfirst
        speakable always, and the paragraphs it names by id, which a CSS selector or an XPath
        of the page cannot say.  What the export writes for every article (the selectors of
        the headline and the standfirst) says nothing more, and is not reported."""
        context = self.context
        here = self.prop("speakable")
        if here is None:
            return
        values: list[Any] = []
        plain = True  # only cssSelectors, as the export writes them
        for _, part in context.nodes(here):
            if part is None:
                plain = False
                continue
            if set(part.index()) - {"@type", "@context", "cssSelector"}:
                plain = False
            for name in ("cssSelector", "xpath", "xPath"):
                found = part.get(name)
                values.extend(item.value for item in (found.items() if found else []))
        if plain and values and all(v in _SPEAKABLE for v in values):
            return
        said = ", ".join(shown(v, 60) for v in values[:4] if isinstance(v, str))
        context.report(
            here,
            "import-dropped",
            "speakable is not kept: the model holds the headline and the standfirst speakable "
            "always, and other parts by the ids of their paragraphs, which "
            + (f"its selectors ({said})" if said else "it")
            + " cannot name in a body the JSON-LD holds as one text",
        )

    def live(self) -> LiveCoverage | None:
        """The live coverage of a live blog: ``coverageStartTime``, ``coverageEndTime`` and
        the ``liveBlogUpdate``\\ s (each a ``BlogPosting`` with ``headline``,
        ``datePublished`` and ``articleBody``), oldest first.  An update the model cannot
        hold (no headline, date or text, or dated outside the coverage) is dropped, said."""
        context = self.context
        start_here = self.prop("coverageStartTime")
        end_here = self.prop("coverageEndTime")
        updates_here = self.prop("liveBlogUpdate")
        if start_here is None and end_here is None and updates_here is None:
            return None
        start = context.moment(start_here, "coverageStartTime")
        if start is None:
            context.report(
                start_here or end_here or updates_here,
                "import-dropped",
                "the live coverage is not kept: the model needs its coverageStartTime (when it "
                "began)" + (", which is not readable" if start_here is not None else ""),
            )
            return None
        end = context.moment(end_here, "coverageEndTime")
        if end is not None and end < start:
            context.report(
                end_here,
                "import-date-order",
                f"coverageEndTime {_iso(end)} is before coverageStartTime {_iso(start)}; "
                "coverageEndTime dropped",
            )
            end = None
        updates: list[LiveUpdate] = []
        unread: dict[str, list[Here]] = {}
        dropped: dict[str, list[Here]] = {}
        seen: set[int] = set()
        for item, update in context.nodes(updates_here):
            if update is not None:
                if id(update.here.value) in seen:
                    continue  # the same update named twice
                seen.add(id(update.here.value))
            found = self.update(item, update, start, end, unread)
            if isinstance(found, LiveUpdate):
                updates.append(found)
            else:
                dropped.setdefault(found, []).append(item)
        for why, places in dropped.items():
            others = ", ".join(place.pointer for place in places[1:6])
            more = ", ..." if len(places) > 6 else ""
            also = f" (and {others}{more})" if others else ""
            updates_said = f"{len(places)} updates" if len(places) > 1 else "an update"
            context.report(
                places[0],
                "import-dropped",
                f"liveBlogUpdate: {updates_said} {why}{also}; not kept",
            )
        self.unread_of_updates(unread, len(seen))
        updates.sort(key=lambda u: u.date)  # stable: updates of one time keep their order
        return LiveCoverage(start=start, end=end, updates=tuple(updates))

    def unread_of_updates(self, unread: dict[str, list[Here]], count: int) -> None:
        """The properties of the live updates the model has no field for, each said once for
        all the updates that have it (a live blog's hundreds of updates each have a ``url``
        and an ``author``), at the first of them."""
        context = self.context
        vocab = vocabulary()
        for key, places in unread.items():
            name = term(key)
            many = f" ({len(places)} of the {count} updates)" if count > 1 else ""
            if vocab.is_property(name):
                reason = _UPDATE_REASONS.get(
                    name, "the model's updates have a headline, a date and a text"
                )
                message = f"{name} of the live updates{many} is not kept: {reason}"
                context.report(places[0], "import-dropped", message)
            else:
                spelled = vocab.spelled(name)
                hint = f" (did you mean {spelled}?)" if spelled else ""
                code = "import-property-spelling" if spelled else "import-unknown-property"
                message = (
                    f"{shown(key)} of the live updates{many} is not a schema.org property"
                    f"{hint}; dropped"
                )
                context.report(places[0], code, message)

    def update(
        self,
        here: Here,
        node: Node | None,
        start: dt.datetime,
        end: dt.datetime | None,
        unread: dict[str, list[Here]],
    ) -> LiveUpdate | str:
        """One update of a live blog, or why the model cannot hold it, to be said once for
        all the updates it is true of.  The properties the update has that are not read are
        added to ``unread``, by key, to be said once for all the updates too."""
        context = self.context
        if node is None:
            return "that is no BlogPosting"
        context.check_types(node)
        keys: set[str] = set()

        def read(name: str) -> Here | None:
            found = context.read(node, name)
            if found is not None:
                keys.add(_key(found))
            return found

        headline = context.text(read("headline") or read("name"), LiveUpdate, "headline")
        date = context.moment(read("datePublished"), "datePublished of the update")
        text = context.text(read("articleBody"), LiveUpdate, "text", lines=True)
        for key, value in node.properties():
            if key not in keys and not key.startswith("@"):
                unread.setdefault(key, []).append(value)
        missing = [
            name
            for name, value in (
                ("headline", headline),
                ("datePublished", date),
                ("articleBody", text),
            )
            if value is None
        ]
        if headline is None or date is None or text is None:
            return (
                f"with no {' and no '.join(missing)} (the model's updates have a headline, a "
                "date and a text)"
            )
        if date < start:
            return f"dated before the live coverage starts ({_iso(start)}, coverageStartTime)"
        if end is not None and date > end:
            return f"dated after the live coverage ends ({_iso(end)}, coverageEndTime)"
        identifier = context.ids.named(exported_id(node.id, "update"), None, "update")
        return LiveUpdate(id=identifier, date=date, headline=headline, text=text)

    def headline(self) -> str | None:
        context = self.context
        for name in ("headline", "name"):
            found = context.text(self.prop(name), Article, "headline")
            if found is not None:
                return found
        for source in ("og:title", "twitter:title"):
            value = self.meta.get(source)
            if value and clean_line(value).text:
                self.from_page("headline", f"{source} meta")
                return clean_line(value).text
        return None

    def standfirst(self) -> str | None:
        found = self.context.text(self.prop("description"), Article, "standfirst", lines=True)
        if found is not None:
            return found
        for source in ("og:description", "description"):
            value = self.meta.get(source)
            if value and clean_text(value).text:
                self.from_page("description", f"{source} meta")
                return clean_text(value).text
        return None

    def keywords(self) -> tuple[str, ...]:
        context = self.context
        here = self.prop("keywords")
        found: list[str] = []
        if here is None:
            return ()
        listed = isinstance(here.value, list)
        for item in here.items():
            value = item.value
            if isinstance(value, dict) and isinstance(value.get("name"), str):
                item, value = item.at("name"), value["name"]
            if not isinstance(value, str):
                if value is not None:
                    context.report(item, "import-bad-value", "keywords: not text; dropped")
                continue
            parts = [value] if listed else value.split(",")
            for part in parts:
                cleaned = clean_line(part)
                if cleaned.changes and cleaned.text and part.strip() != cleaned.text:
                    context.report(
                        item, "import-text-cleaned", "keywords: " + ", ".join(cleaned.changes)
                    )
                text = cleaned.text
                if not text:
                    continue
                if fits(Article, "keywords", text) is not None:
                    context.report(
                        item, "import-bad-value", f"keywords: {shown(text)} is refused; dropped"
                    )
                elif text not in found:
                    found.append(text)
        return tuple(found)

    def dates(self) -> tuple[dt.datetime | None, dt.datetime | None]:
        context = self.context
        found: list[dt.datetime | None] = []
        for name, meta in (
            ("datePublished", "article:published_time"),
            ("dateModified", "article:modified_time"),
        ):
            here = self.prop(name)
            value = self._moment_with_page(here, name, meta)
            if value is None and here is None and self.meta.get(meta):
                moment = read_moment(self.meta[meta])
                if moment is not None:
                    value = context.settle(None, f"{name} (from {meta})", self.meta[meta], moment)
                    if value is not None:
                        self.from_page(name, f"{meta} meta")
            found.append(value)
        published, modified = found
        if published is not None and modified is not None and modified < published:
            context.report(
                self.prop("dateModified"),
                "import-date-order",
                f"dateModified {_iso(modified)} is before datePublished {_iso(published)}; "
                "dateModified dropped",
            )
            modified = None
        return published, modified

    def _moment_with_page(self, here: Here | None, name: str, meta: str) -> dt.datetime | None:
        """A date of the JSON-LD; one with no offset takes the offset of the page's meta
        when that gives the same local time (no guess: the page says it)."""
        context = self.context
        if here is None or not isinstance(here.value, str):
            return context.moment(here, name)
        found = read_moment(here.value)
        page = read_moment(self.meta.get(meta, "")) if self.meta.get(meta) else None
        if (
            found is not None
            and found.kind == "local"
            and page is not None
            and page.kind == "moment"
            and page.value.replace(tzinfo=None) == found.value
        ):
            context.report(
                here,
                "import-date-no-timezone",
                f"{name}: {shown(here.value)} has no time zone; read with the offset of the page's "
                f"{meta} meta, which gives the same time",
            )
            return page.value
        return context.moment(here, name)

    def publisher(self, entities: Entities, here: Here | None) -> str | None:
        context = self.context
        items = list(context.nodes(here))
        if len(items) > 1:
            context.report(
                items[1][0],
                "import-dropped",
                f"publisher: the model holds one publisher; {len(items) - 1} more are not kept",
            )
        for item, node in items[:1]:
            if node is None:
                if isinstance(item.value, str) and clean_line(item.value).text:
                    name = clean_line(item.value).text
                    context.report(
                        item,
                        "import-untyped",
                        f"publisher {shown(name)} is text: read as an Organization",
                    )
                    return entities.organization_named_or_new(item, name)
                entities._unresolved(item, "publisher")
                return None
            if node.id is not None and node.is_a("Organization"):
                entities.forced[node.id] = ORGANIZATIONS
            if node.is_a("Organization") or not node.types:
                if not node.types:
                    context.report(
                        item, "import-untyped", "publisher has no @type: read as an Organization"
                    )
                return entities.organization(item, node, "the publisher")
            context.report(
                item,
                "import-dropped",
                f"publisher: a {'/'.join(node.types)} is not kept; "
                "the model's publisher is an organization",
            )
        return None

    def meta_image(self) -> list[Image]:
        """The page's og:image, with og:image:width and og:image:height."""
        url = self.meta["og:image"].strip()
        if URL.problem(url) is not None:
            return []
        sizes: dict[str, int | None] = {}
        for name in ("width", "height"):
            value = self.meta.get(f"og:image:{name}", "").strip()
            sizes[name] = int(value) if value.isdigit() and 0 < int(value) < 2**31 else None
        self.from_page("image", "og:image meta")
        identifier = self.context.ids.make("image")
        return [Image(id=identifier, url=url, width=sizes["width"], height=sizes["height"])]

    def entity_list(
        self, entities: Entities, name: str, allowed: tuple[str, ...]
    ) -> tuple[str, ...]:
        found: list[str] = []
        for item, node in self.context.nodes(self.prop(name)):
            identifier = entities.entity(item, node, allowed, name)
            if identifier is not None and identifier not in found:
                found.append(identifier)
        return tuple(found)

    def body(self) -> list[Paragraph]:
        context = self.context
        here = self.prop("articleBody")
        if here is None:
            return []
        if isinstance(here.value, list):
            texts = [i for i in here.items() if isinstance(i.value, str)]
            if len(texts) > 1:
                context.report(
                    texts[1],
                    "import-dropped",
                    f"articleBody holds one text; {len(texts) - 1} more are not kept",
                )
            here = texts[0] if texts else None
        if here is None or not isinstance(here.value, str):
            if here is not None and here.value is not None:
                context.report(here, "import-bad-value", "articleBody is not text; dropped")
            return []
        parts, changes = paragraphs(here.value)
        if changes:
            context.report(here, "import-text-cleaned", "articleBody: " + ", ".join(changes))
        found: list[Paragraph] = []
        refused = 0
        for text in parts:
            if PARAGRAPH_TEXT.problem(text) is not None:  # no visible character: &nbsp; only
                refused += 1
                continue
            found.append(Paragraph(id=context.ids.make(f"p{len(found) + 1}"), text=text))
        if refused:
            context.report(
                here,
                "import-dropped",
                f"articleBody: {refused} paragraph{'s' * (refused != 1)} with no visible "
                "character (only spaces such as &nbsp;) not kept",
            )
        return found


#: Why a property of a live update is not kept, where there is more to say.
_UPDATE_REASONS: Final = {
    "author": "the model's updates have no byline of their own (the article's is in author)",
    "image": "the model holds images of the article only",
    "dateModified": "the model's updates have the date they were published only",
    "url": "the model's updates have no address of their own (the export writes one)",
}


def _key(here: Here) -> str:
    """The key of a property, as written, from its pointer."""
    token = here.pointer.rsplit("/", 1)[-1]
    return token.replace("~1", "/").replace("~0", "~")


def _iso(value: dt.datetime) -> str:
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text
