"""Quotes, claims and the works they come from: the inverse of the export's ``Quotation`` and
``Claim`` nodes and ``citation`` works.

A ``Quotation`` whose ``isPartOf`` is the article, or a ``Claim`` whose ``appearance`` is,
becomes a quote or a claim: its ``text``, who made it (``creator``), and where it comes from
(``isBasedOn``, ``firstAppearance``: a cited work).  The model puts who said what through
which channel in an attribution; the JSON-LD says who (the creator) and through what (the
work), so each pair of creator and work is one attribution:

* its channel is read from the work's type, the inverse of the export's: an
  ``OpinionNewsArticle`` an op-ed, a ``SocialMediaPosting`` a social media post, a
  ``VideoObject`` a video, an ``ImageObject`` an image, an ``Article`` an article, any other
  ``CreativeWork`` other (a type several channels share is read as the most general of them);
  a ``CreativeWork`` whose ``additionalType`` is ``VideoObject`` or ``ImageObject`` (as the
  export writes a cited video, livestream or image) a video or an image; a statement that
  cites no work: other;
* its title, URL, date (``dateCreated``) and outlet (``publisher``) are the work's (the name
  the export gives an untitled video or image, "a video", is no title);
* its verification is unverified: the JSON-LD has no term for it (see ``docs/import.md``).

The attribution's id is the work's (``#work-<id>``) for the first attribution of a work.

A page with ``ClaimReview`` nodes is a fact check.  Each review is the review of a claim: the
claim its ``@id`` names (the export's ``#review-<claim id>``), else the ``Claim`` node its
``itemReviewed`` is, else the claim whose text is its ``claimReviewed``, else a claim made of
it (``claimReviewed`` the text, the ``author`` of ``itemReviewed`` the source, the work it
appears in the work; an ``itemReviewed`` that is another ``CreativeWork``, as Google's
earlier guidance had it, is the work itself).  The verdict is ``reviewRating.alternateName``;
the numbers are kept when ``ratingValue``, ``bestRating`` and ``worstRating`` are all given
and make a scale; the reviewer is the review's ``author``, its date ``datePublished``, its URL
``url`` (each as the page gives it: a review by the publisher names the publisher).
"""

from __future__ import annotations

import math
from typing import Any, Final

import attrs

from .._errors import shown
from .._model import (
    Attribution,
    Channel,
    Claim,
    ClaimReview,
    Quote,
    QuoteKind,
    Verification,
)
from .._terms import ADDITIONAL_TYPES, WORK_TYPES
from ._context import Context, fits
from ._graph import Here, Node
from ._ids import exported_id
from ._people import ORGANIZATIONS, PEOPLE, PLACES, Entities, partial_date
from ._vocab import term, vocabulary

__all__ = ["Statements"]

#: Where a type of work is shared by several channels, the most general of them is read.
_GENERAL: Final = (Channel.OTHER, Channel.SOCIAL_MEDIA_POST, Channel.VIDEO)


def _media_channels() -> dict[str, Channel]:
    """The channel of each media type the export names in ``additionalType`` (the most
    general channel of those sharing one: a livestream's VideoObject is a video)."""
    inverse: dict[str, Channel] = {}
    for channel, (iri, _) in ADDITIONAL_TYPES.items():
        name = term(iri)
        if name not in inverse or channel in _GENERAL:
            inverse[name] = channel
    return inverse


#: The channel of a work whose ``additionalType`` is a media type, by that type.
_MEDIA_CHANNELS: Final = _media_channels()
#: The names the export gives a cited video, livestream or image that has no title.
_UNTITLED: Final = frozenset(phrase for _, phrase in ADDITIONAL_TYPES.values())


def _channels() -> list[tuple[str, Channel]]:
    """Types of works and their channels, the most specific type first.  The media types are
    read too, as pages (and newsarticle's earlier exports) type a cited video or image."""
    inverse: dict[str, Channel] = dict(_MEDIA_CHANNELS)
    for channel, name in WORK_TYPES.items():
        if name not in inverse or channel in _GENERAL:
            inverse[name] = channel
    vocab = vocabulary()
    return sorted(inverse.items(), key=lambda item: -len(vocab.ancestors(item[0])))


_CHANNELS: Final = _channels()
#: The numbers of a rating, by schema.org term: its value and the ends of its scale.
_RATING_TERMS: Final = (
    ("rating", "ratingValue"),
    ("best_rating", "bestRating"),
    ("worst_rating", "worstRating"),
)


@attrs.define
class _Pending:
    kind: str  # "quote" or "claim"
    id: str
    text: str
    attribution: str
    about: tuple[str, ...] = ()
    node: Node | None = None
    review: ClaimReview | None = None


class Statements:
    """The quotes and claims of the article, their attributions, and the reviews of claims."""

    def __init__(self, context: Context, entities: Entities, article: Node) -> None:
        self.context = context
        self.entities = entities
        self.article = article
        self.attributions: list[Attribution] = []
        self.by_key: dict[tuple[Any, ...], str] = {}
        self.works: dict[str, dict[str, Any] | None] = {}
        self.named: set[str] = set()
        self.pending: list[_Pending] = []
        #: Whether the page has ClaimReview nodes: it is a fact check.
        self.fact_check = False

    def read(self) -> None:
        """Every quote and claim of the page that stands in the article, then every review
        of a claim."""
        context = self.context
        vocab = vocabulary()
        quotations, claims = vocab.descendants("Quotation"), vocab.descendants("Claim")
        reviews = vocab.descendants("ClaimReview")
        review_nodes: list[Node] = []
        reviewed: set[int] = set()  # the Claim objects written inside a review, no @id
        for here, _, kinds in context.graph.objects:
            if reviews.isdisjoint(kinds):
                continue
            node = context.graph.node(here)
            if node is None or node.here is not here:
                continue
            review_nodes.append(node)
            item = node.get("itemReviewed")
            for part in item.items() if item is not None else []:
                if isinstance(part.value, dict) and "@id" not in part.value:
                    reviewed.add(id(part.value))
        for here, _, kinds in context.graph.objects:
            is_quote = not quotations.isdisjoint(kinds)
            is_claim = not claims.isdisjoint(kinds)
            if not (is_quote or is_claim) or id(here.value) in reviewed:
                continue  # a claim as a review states it is read with the review
            node = context.graph.node(here)
            if node is None or node.here is not here:
                continue  # read where it is first defined
            stands = "isPartOf" if is_quote else "appearance"
            target = node.get(stands)
            if target is None or not self._is_article(target):
                continue
            self.statement(node, "quote" if is_quote else "claim", stands)
        self.fact_check = bool(review_nodes)
        for node in review_nodes:
            self.claim_review(node)

    def _is_article(self, here: Here) -> bool:
        for item in here.items():
            node = self.context.graph.node(item)
            if node is not None and node.same(self.article):
                return True
        return False

    def statement(self, node: Node, kind: str, stands: str) -> None:
        context = self.context
        what = "the quotation" if kind == "quote" else "the claim"
        if not context.visit(node, what):
            return
        context.read(node, stands)
        cls = Quote if kind == "quote" else Claim
        text = context.text(context.read(node, "text"), cls, "text", lines=True)
        if text is None:
            context.report(node.here, "import-dropped", f"{what} has no text; dropped")
            return
        source = None
        for item, other in list(context.nodes(context.read(node, "creator")))[:1]:
            source = self.entities.entity(item, other, (PEOPLE, ORGANIZATIONS), "creator")
        work_here = context.read(node, "isBasedOn" if kind == "quote" else "firstAppearance")
        work = None
        for item, other in list(context.nodes(work_here))[:1]:
            if other is None:
                context.report(
                    item, "import-dropped", "the work it comes from is not on the page; not kept"
                )
            elif not other.is_a("CreativeWork"):
                context.report(item, "import-dropped", "not a CreativeWork; not kept")
            else:
                work = other
        attribution = self.attribution(work, source)
        exported = exported_id(node.id, kind)
        identifier = context.ids.named(exported, None, kind)
        about: tuple[str, ...] = ()
        if kind == "claim":
            found: list[str] = []
            for item, other in context.nodes(context.read(node, "about")):
                entity = self.entities.entity(item, other, (PEOPLE, ORGANIZATIONS, PLACES), "about")
                if entity is not None and entity not in found:
                    found.append(entity)
            about = tuple(found)
        self.pending.append(_Pending(kind, identifier, text, attribution, about, node))

    def attribution(self, work: Node | None, source: str | None) -> str:
        context = self.context
        fields: dict[str, Any] = {"channel": Channel.OTHER, "source": source}
        exported = None
        if work is not None:
            described = self.work(work)
            if described is None:
                work = None
            else:
                fields.update(described)
                exported = exported_id(work.id, "work")
        work_key = None if work is None else (work.id or f"object:{id(work.here.value)}")
        key = (work_key, source)
        known = self.by_key.get(key)
        if known is not None:
            return known
        identifier = context.ids.named(
            exported if exported not in self.named else None, None, "attribution"
        )
        if exported is not None:
            self.named.add(exported)
        self.attributions.append(
            Attribution(id=identifier, verification=Verification.UNVERIFIED, **fields)
        )
        self.by_key[key] = identifier
        return identifier

    def work(self, work: Node) -> dict[str, Any] | None:
        """What the model keeps of a cited work (read once), or None when it keeps nothing:
        a work with no title, URL, date or publisher is no work in the model."""
        context = self.context
        key = work.id or f"object:{id(work.here.value)}"
        if key in self.works:
            return self.works[key]
        context.visit(work, "the cited work")
        fields: dict[str, Any] = {}
        fields["channel"] = next(
            (channel for name, channel in _CHANNELS if work.is_a(name)), Channel.OTHER
        )
        media = self._media(work)
        if media is not None and fields["channel"] is Channel.OTHER:
            fields["channel"] = media
        title = context.read(work, "headline") or context.read(work, "name")
        fields["title"] = context.text(title, Attribution, "title")
        if media is not None and fields["title"] in _UNTITLED:
            fields["title"] = None  # what the export calls a video or an image of no title
        fields["url"] = context.url_value(context.read(work, "url"), Attribution, "url")
        date = context.read(work, "dateCreated")
        if date is not None and isinstance(date.value, str) and date.value.strip():
            fields["date"] = partial_date(date.value.strip())
            if fields["date"] is None:
                context.report(date, "import-date-unreadable", "dateCreated is not a date; dropped")
        for item, other in list(context.nodes(context.read(work, "publisher")))[:1]:
            fields["outlet"] = self.entities.organization_ref(item, other, "publisher of the work")
        context.read(work, "creator")  # the statement's creator is the source
        found: dict[str, Any] | None = fields
        if not any(fields.get(name) is not None for name in ("title", "url", "date", "outlet")):
            context.report(
                work.here,
                "import-dropped",
                "the cited work is not kept: it has no title, url, date or publisher, "
                "which the model needs to tell a work",
            )
            found = None
        self.works[key] = found
        return found

    def _media(self, work: Node) -> Channel | None:
        """The channel a work's ``additionalType`` names (VideoObject: video), or None; any
        other ``additionalType`` is reported."""
        context = self.context
        here = context.read(work, "additionalType")
        if here is None:
            return None
        for item in here.items():
            if isinstance(item.value, str):
                found = _MEDIA_CHANNELS.get(term(item.value.strip()))
                if found is not None:
                    return found
        context.report(
            here,
            "import-dropped",
            "additionalType of the cited work is not kept: the model reads only the media "
            "types VideoObject and ImageObject there",
        )
        return None

    # --- reviews of claims -------------------------------------------------------

    def claim_review(self, node: Node) -> None:
        """A ``ClaimReview``: the review of the claim it reviews (see the module)."""
        context = self.context
        if context.visited(node):
            return
        target = self._reviewed(node)
        if target is None:
            return  # said: the review's other properties go with it
        context.visit(node, "the claim review")
        context.read(node, "claimReviewed")
        context.read(node, "itemReviewed")
        review = self._review(node)
        if target.review is not None:
            context.report(
                node.here,
                "import-dropped",
                f"a second review of the claim {shown(target.text, 40)} is not kept: the model "
                "holds one review per claim",
            )
            return
        target.review = review

    def _reviewed(self, node: Node) -> _Pending | None:
        """The claim a review reviews, made of the review when the page has no other."""
        context = self.context
        claims = [p for p in self.pending if p.kind == "claim"]
        exported = exported_id(node.id, "review")
        items = list(context.nodes(context.read(node, "itemReviewed")))
        if len(items) > 1:
            context.report(
                items[1][0],
                "import-dropped",
                f"itemReviewed: a review reviews one claim; {len(items) - 1} more are not kept",
            )
        item, reviewed = items[0] if items else (None, None)
        if reviewed is not None and reviewed.same(self.article):
            reviewed = None  # the article reviewed as a whole: no claim of its own
        text = context.text(context.read(node, "claimReviewed"), Claim, "text", lines=True)
        found = next((p for p in claims if exported is not None and p.id == exported), None)
        if found is None and reviewed is not None:
            found = next((p for p in claims if p.node is not None and p.node.same(reviewed)), None)
        if found is None and text is not None:
            same = [p for p in claims if p.text == text]
            found = next((p for p in same if p.review is None), same[0] if same else None)
        if found is not None:
            if reviewed is not None and not (found.node is not None and found.node.same(reviewed)):
                self._reviewed_claim(reviewed)  # its author and appearance are the claim's
            return found
        claim_item = reviewed is not None and reviewed.is_a("Claim")
        if text is None and claim_item:
            assert reviewed is not None
            text = context.text(reviewed.get("text"), Claim, "text", lines=True)
        if text is None:
            context.report(
                node.here,
                "import-dropped",
                "the claim review is not kept: it states no claim (no claimReviewed, and no "
                "claim of the article that it reviews)",
            )
            return None
        source: str | None = None
        work: Node | None = None
        if reviewed is not None and claim_item:
            source, work = self._reviewed_claim(reviewed)
            context.read(reviewed, "text")
        elif reviewed is not None and reviewed.is_a("CreativeWork"):
            context.visit(reviewed, "the reviewed work")
            source = self._first_agent(reviewed, "author of the reviewed work")
            work = reviewed
        elif item is not None and reviewed is None and not isinstance(item.value, dict):
            context.report(item, "import-dropped", "itemReviewed: not a Claim; not kept")
        attribution = self.attribution(work, source)
        identifier = context.ids.named(exported, None, "claim")
        pending = _Pending("claim", identifier, text, attribution, (), None)
        self.pending.append(pending)
        return pending

    def _reviewed_claim(self, claim: Node) -> tuple[str | None, Node | None]:
        """Who made a claim a review states (its ``author``, else ``creator``), and the work it
        appears in (``appearance``, ``firstAppearance``; none when that is the article)."""
        context = self.context
        context.visit(claim, "the reviewed claim")
        source = self._first_agent(claim, "author of the reviewed claim", "creator")
        work = None
        for name in ("appearance", "firstAppearance"):
            for item, other in list(context.nodes(context.read(claim, name)))[:1]:
                if work is not None or (other is not None and other.same(self.article)):
                    continue
                if other is None or not other.is_a("CreativeWork"):
                    context.report(item, "import-dropped", f"{name}: not a CreativeWork; not kept")
                else:
                    work = other
        return source, work

    def _first_agent(self, node: Node, what: str, other: str | None = None) -> str | None:
        """The person or organization of a node's ``author`` (else ``other``); the rest are
        reported."""
        context = self.context
        here = context.read(node, "author")
        if here is None and other is not None:
            here = context.read(node, other)
        found = self.entities.agents(here, what)
        if len(found) > 1 and here is not None:
            context.report(
                here,
                "import-dropped",
                f"{what}: the model holds one; {len(found) - 1} more are not kept",
            )
        return found[0] if found else None

    def _review(self, node: Node) -> ClaimReview:
        """The verdict, rating, reviewer, date and URL of a ClaimReview."""
        context = self.context
        fields: dict[str, Any] = {}
        ratings = list(context.nodes(context.read(node, "reviewRating")))
        if len(ratings) > 1:
            context.report(
                ratings[1][0],
                "import-dropped",
                f"reviewRating: a review has one rating; {len(ratings) - 1} more are not kept",
            )
        for item, rating in ratings[:1]:
            if rating is None:
                context.report(item, "import-dropped", "reviewRating: not a Rating; not kept")
                continue
            context.visit(rating, "the rating")
            verdict = context.read(rating, "alternateName") or context.read(rating, "name")
            fields["verdict"] = context.text(verdict, ClaimReview, "verdict")
            fields.update(self._scale(item, rating))
        fields["reviewer"] = self._first_agent(node, "author of the claim review")
        fields["date"] = context.moment(
            context.read(node, "datePublished"), "datePublished of the review"
        )
        fields["url"] = context.url_value(context.read(node, "url"), ClaimReview, "url")
        return ClaimReview(**fields)

    def _scale(self, here: Here, rating: Node) -> dict[str, float]:
        """A rating's number and the ends of its scale, kept when all three are given, are
        numbers the model holds, and make a scale (worst below best, the rating between)."""
        context = self.context
        given: dict[str, float] = {}
        refused = False
        for field, name in _RATING_TERMS:
            found = context.read(rating, name)
            if found is None or found.value in (None, ""):
                continue
            number = _number(found.value)
            problem = None if number is None else fits(ClaimReview, field, number)
            if number is None or problem is not None:
                context.report(
                    found, "import-bad-value", f"{name}: {problem or 'not a number'}; dropped"
                )
                refused = True
            else:
                given[field] = number
        if refused or not given:
            return {}
        why: str | None = None
        if len(given) < len(_RATING_TERMS):
            missing = [name for field, name in _RATING_TERMS if field not in given]
            why = f"without {' and '.join(missing)} the scale is not stated"
        elif not given["worst_rating"] < given["best_rating"]:
            why = "worstRating is not below bestRating"
        elif not given["worst_rating"] <= given["rating"] <= given["best_rating"]:
            why = "ratingValue is outside the scale from worstRating to bestRating"
        if why is not None:
            context.report(
                here,
                "import-dropped",
                f"reviewRating: the numbers are not kept ({why}); the model keeps a rating "
                "with its scale",
            )
            return {}
        return given

    def build(self) -> tuple[list[Quote], list[Claim]]:
        quotes: list[Quote] = []
        claims: list[Claim] = []
        for item in self.pending:
            if item.kind == "quote":
                quotes.append(
                    Quote(
                        id=item.id,
                        text=item.text,
                        kind=QuoteKind.DIRECT,
                        attribution=item.attribution,
                    )
                )
            else:
                claims.append(
                    Claim(
                        id=item.id,
                        text=item.text,
                        attribution=item.attribution,
                        about=item.about,
                        review=item.review,
                    )
                )
        return quotes, claims


def _number(value: Any) -> float | None:
    """A JSON number, or a number written as text (``"4"``, as pages write ratings): schema.org
    allows ratings as text; None for anything else."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            return None
    else:
        return None
    return number if math.isfinite(number) else None
