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
  a statement that cites no work: other;
* its title, URL, date (``dateCreated``) and outlet (``publisher``) are the work's;
* its verification is unverified: the JSON-LD has no term for it (see ``docs/import.md``).

The attribution's id is the work's (``#work-<id>``) for the first attribution of a work.
"""

from __future__ import annotations

from typing import Any, Final

import attrs

from .._export._jsonld import _WORK_TYPES
from .._model import Attribution, Channel, Claim, Quote, QuoteKind, Verification
from ._context import Context
from ._graph import Here, Node
from ._ids import exported_id
from ._people import ORGANIZATIONS, PEOPLE, PLACES, Entities, partial_date
from ._vocab import vocabulary

__all__ = ["Statements"]

#: Where a type of work is shared by several channels, the most general of them is read.
_GENERAL: Final = (Channel.OTHER, Channel.SOCIAL_MEDIA_POST, Channel.VIDEO)


def _channels() -> list[tuple[str, Channel]]:
    inverse: dict[str, Channel] = {}
    for channel, name in _WORK_TYPES.items():
        if name not in inverse or channel in _GENERAL:
            inverse[name] = channel
    vocab = vocabulary()
    return sorted(inverse.items(), key=lambda item: -len(vocab.ancestors(item[0])))


_CHANNELS: Final = _channels()


@attrs.define
class _Pending:
    kind: str  # "quote" or "claim"
    id: str
    text: str
    attribution: str
    about: tuple[str, ...] = ()


class Statements:
    """The quotes and claims of the article, and their attributions."""

    def __init__(self, context: Context, entities: Entities, article: Node) -> None:
        self.context = context
        self.entities = entities
        self.article = article
        self.attributions: list[Attribution] = []
        self.by_key: dict[tuple[Any, ...], str] = {}
        self.works: dict[str, dict[str, Any] | None] = {}
        self.named: set[str] = set()
        self.pending: list[_Pending] = []

    def read(self) -> None:
        """Every quote and claim of the page that stands in the article."""
        context = self.context
        vocab = vocabulary()
        quotations, claims = vocab.descendants("Quotation"), vocab.descendants("Claim")
        for here, _, kinds in context.graph.objects:
            is_quote = not quotations.isdisjoint(kinds)
            is_claim = not claims.isdisjoint(kinds)
            if not (is_quote or is_claim):
                continue
            node = context.graph.node(here)
            if node is None or node.here is not here:
                continue  # read where it is first defined
            stands = "isPartOf" if is_quote else "appearance"
            target = node.get(stands)
            if target is None or not self._is_article(target):
                continue
            self.statement(node, "quote" if is_quote else "claim", stands)

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
        self.pending.append(_Pending(kind, identifier, text, attribution, about))

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
        title = context.read(work, "headline") or context.read(work, "name")
        fields["title"] = context.text(title, Attribution, "title")
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
                        id=item.id, text=item.text, attribution=item.attribution, about=item.about
                    )
                )
        return quotes, claims
