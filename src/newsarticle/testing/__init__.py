"""Hypothesis strategies for every type of the article model.

Use them to test your own pipelines against any article newsarticle accepts::

    from hypothesis import given
    from newsarticle.testing import articles

    @given(articles())
    def test_my_renderer_never_fails(article):
        my_renderer(article)

:func:`articles` builds whole articles whose references all resolve, whose
anchored quotes stand in their paragraphs and whose dates are in order: each
one validates with no problem.  Now and then they use every feature of the
model: paragraphs behind a paywall, speakable paragraphs, fact checks (claims
with reviews, rated on a scale), the organizations' policies, live blogs with
their updates; and they meet the edges validators care about: headlines
of 109, 110 and 111 characters (about the length search results show
whole), text with typographic spaces between its characters, URLs of 2,047
and 2,048 characters with a host name of 253, ids as long as the format
allows.  Every text shows a visible character: none is only spaces or
invisible characters, which the format refuses.  The strategies of the
other classes take the ids their references may name, by collection
(``refs={"people": ["p1"]}``), so they compose.  :func:`schema_documents`
builds JSON values from the bundled schema itself, with no knowledge of the
model.

Every strategy is derived from the declarations of the model (its rules and
its fields' declarations, see ``newsarticle._rules``), so a field added to the
model is drawn with no change here, and each is built once: calling a
function again gives the same strategy.

This module needs Hypothesis (``pip install newsarticle[testing]``).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping, Sequence

from hypothesis import strategies as st

from .._model import (
    Article,
    Attribution,
    Claim,
    ClaimReview,
    Correction,
    GeoCoordinates,
    Image,
    LiveCoverage,
    Organization,
    Paragraph,
    PartialDate,
    Person,
    Place,
    Policies,
    Quote,
    Relation,
    Role,
    UnnamedSource,
)
from .._rules import ID, LANGUAGE, LINE, PARAGRAPH_TEXT, PARTIAL_DATE, TEXT, URL
from . import _values
from ._articles import article_strategy
from ._derive import strategy
from ._schema import schema_documents

__all__ = [
    "articles",
    "attributions",
    "claim_reviews",
    "claims",
    "corrections",
    "datetimes",
    "geo_coordinates",
    "ids",
    "images",
    "languages",
    "lines",
    "live_coverages",
    "organizations",
    "paragraph_texts",
    "paragraphs",
    "partial_dates",
    "people",
    "places",
    "policies",
    "quotes",
    "relations",
    "roles",
    "schema_documents",
    "texts",
    "unnamed_sources",
    "urls",
]

#: The ids references may name, by collection of the article: ``{"people": ["p1", "p2"]}``.
Refs = Mapping[str, Iterable[str]]


# --- values ---------------------------------------------------------------------------


def lines(*, max_size: int = 40) -> st.SearchStrategy[str]:
    """One-line text that shows a visible character: any Unicode but control characters and
    surrogates, in NFC, sometimes with typographic spaces between its characters.

    At most ``max_size`` characters (before NFC).
    """
    found: st.SearchStrategy[str] = _values.text_values(LINE, max_size).strategy
    return found


def texts(*, max_size: int = 80) -> st.SearchStrategy[str]:
    """Text that shows a visible character and may hold newlines and blank lines, in NFC."""
    found: st.SearchStrategy[str] = _values.text_values(TEXT, max_size).strategy
    return found


def paragraph_texts(*, max_size: int = 120) -> st.SearchStrategy[str]:
    """Text for a paragraph that shows a visible character: newlines allowed, never a blank
    line, never a newline at an end."""
    found: st.SearchStrategy[str] = _values.text_values(PARAGRAPH_TEXT, max_size).strategy
    return found


def ids() -> st.SearchStrategy[str]:
    """Ids as the format allows them, now and then as long as it allows."""
    found: st.SearchStrategy[str] = _values.id_values(ID).strategy
    return found


def urls() -> st.SearchStrategy[str]:
    """Absolute http(s) URLs, some with a port, a query, a fragment or percent escapes, now
    and then 2,047 or 2,048 characters long with a host name of 253 characters."""
    found: st.SearchStrategy[str] = _values.url_values(URL).strategy
    return found


def languages() -> st.SearchStrategy[str]:
    """BCP 47 language tags (the examples of the format's rule)."""
    found: st.SearchStrategy[str] = _values.values(LANGUAGE).strategy
    return found


def partial_dates() -> st.SearchStrategy[PartialDate]:
    """Dates known to the year, the month or the day."""
    found: st.SearchStrategy[PartialDate] = _values.values(PARTIAL_DATE).strategy
    return found


def datetimes(
    *,
    min_value: dt.datetime = dt.datetime(1900, 1, 1),
    max_value: dt.datetime = dt.datetime(2100, 1, 1),
) -> st.SearchStrategy[dt.datetime]:
    """Aware datetimes with an offset of whole minutes, as RFC 3339 can write them.

    The bounds are naive: the local time, whatever the offset.
    """
    found: st.SearchStrategy[dt.datetime] = _values.timestamp_values(min_value, max_value).strategy
    return found


def geo_coordinates() -> st.SearchStrategy[GeoCoordinates]:
    """Points anywhere on Earth."""
    return strategy(GeoCoordinates)


# --- the objects of an article --------------------------------------------------------
#
# Each takes ``id``, a strategy of the object's own id (default: any id), and ``refs``, the
# ids its references may name by collection.  A reference with nothing to name is left out
# (None, or an empty sequence); one the object cannot do without (a quote's attribution)
# makes the call raise ValueError.  A reference that must not name its own object never
# does.  The objects of any one draw are valid; that ids are unique across several draws,
# and that every attribution and unnamed source is used, is for the caller (or
# :func:`articles`) to see to.


def paragraphs(
    id: st.SearchStrategy[str] | None = None, *, refs: Refs | None = None
) -> st.SearchStrategy[Paragraph]:
    """Paragraphs of any role."""
    return strategy(Paragraph, id=id, refs=refs)


def images(
    id: st.SearchStrategy[str] | None = None, *, refs: Refs | None = None
) -> st.SearchStrategy[Image]:
    """Images, with or without their size, caption, alt text and credit."""
    return strategy(Image, id=id, refs=refs)


def corrections(
    after: dt.datetime | None = None, *, refs: Refs | None = None
) -> st.SearchStrategy[Correction]:
    """Corrections, dated no earlier than ``after`` (an aware datetime) when it is given."""
    return strategy(Correction, refs=refs, not_before=after)


def live_coverages() -> st.SearchStrategy[LiveCoverage]:
    """Live coverage: its end (when it has one) not before its start, its updates dated
    within it, their ids different from each other."""
    return strategy(LiveCoverage)


def claim_reviews(refs: Refs | None = None) -> st.SearchStrategy[ClaimReview]:
    """Reviews of a claim by people and organizations drawn from ``refs`` (or by the
    publisher), rated on a scale (worst below best, the rating between) or in words only."""
    return strategy(ClaimReview, refs=refs)


def policies() -> st.SearchStrategy[Policies]:
    """An organization's policies: any of the pages, none to all."""
    return strategy(Policies)


def roles(refs: Refs | None = None) -> st.SearchStrategy[Role]:
    """Roles, in organizations drawn from ``refs["organizations"]``; start never after end."""
    return strategy(Role, refs=refs)


def relations(refs: Refs) -> st.SearchStrategy[Relation]:
    """Relations to people drawn from ``refs["people"]`` (which must not be empty)."""
    return strategy(Relation, refs=refs)


def people(
    id: st.SearchStrategy[str] | None = None, *, refs: Refs | None = None
) -> st.SearchStrategy[Person]:
    """People, related to ``refs["people"]`` (never to themselves) and holding roles in
    ``refs["organizations"]``."""
    return strategy(Person, id=id, refs=refs)


def organizations(
    id: st.SearchStrategy[str] | None = None, *, refs: Refs | None = None
) -> st.SearchStrategy[Organization]:
    """Organizations of every kind, whose parent, if any, is drawn from
    ``refs["organizations"]`` (never the organization itself)."""
    return strategy(Organization, id=id, refs=refs)


def places(
    id: st.SearchStrategy[str] | None = None, *, refs: Refs | None = None
) -> st.SearchStrategy[Place]:
    """Places inside one of ``refs["places"]`` (or none) and bordering some of them, never
    themselves."""
    return strategy(Place, id=id, refs=refs)


def unnamed_sources(
    id: st.SearchStrategy[str] | None = None, *, refs: Refs | None = None
) -> st.SearchStrategy[UnnamedSource]:
    """Unnamed sources, some with the newsroom's record of who they are."""
    return strategy(UnnamedSource, id=id, refs=refs)


def attributions(
    id: st.SearchStrategy[str] | None = None, *, refs: Refs | None = None
) -> st.SearchStrategy[Attribution]:
    """Attributions to sources drawn from ``refs`` (``"people"``, ``"organizations"``,
    ``"unnamed_sources"``), published by and said to some of them."""
    return strategy(Attribution, id=id, refs=refs)


def quotes(
    id: st.SearchStrategy[str] | None = None,
    *,
    refs: Refs,
    body: Sequence[Paragraph] = (),
) -> st.SearchStrategy[Quote]:
    """Quotes attributed through ``refs["attributions"]`` (which must not be empty), some
    standing in consecutive paragraphs of ``body``, the others not anchored."""
    return strategy(Quote, id=id, refs=refs, objects={"paragraphs": body})


def claims(
    id: st.SearchStrategy[str] | None = None,
    *,
    refs: Refs,
    body: Sequence[Paragraph] = (),
) -> st.SearchStrategy[Claim]:
    """Claims resting on ``refs["attributions"]`` (which must not be empty), some standing
    in consecutive paragraphs of ``body``, about people, organizations and places of
    ``refs``."""
    return strategy(Claim, id=id, refs=refs, objects={"paragraphs": body})


@functools.cache
def articles(*, max_entities: int = 3) -> st.SearchStrategy[Article]:
    """Whole articles that validate with no problem: every reference resolves,
    anchored quotes stand in their paragraphs, dates are in order (date_modified
    no earlier than the latest correction, a live blog's updates within its
    coverage), ids are unique (a live blog's updates' too), an article free to
    read has no paragraph for subscribers, reviews are rated on their scale, and
    every attribution and unnamed source is used.

    Each collection of objects with ids holds at most ``max_entities`` of them;
    attributions, and quotes and claims together, at most twice as many.
    """
    found: st.SearchStrategy[Article] = article_strategy(Article, max_entities)
    return found
