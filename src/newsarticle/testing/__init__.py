"""Hypothesis strategies for every type of the article model.

Use them to test your own pipelines against any article newsarticle accepts::

    from hypothesis import given
    from newsarticle.testing import articles

    @given(articles())
    def test_my_renderer_never_fails(article):
        my_renderer(article)

:func:`articles` builds whole articles whose references all resolve, whose
anchored quotes stand in their paragraphs and whose dates are in order: each
one validates with no problem.  The entity strategies take pools of ids to
refer to, so they compose.  :func:`schema_documents` builds JSON values from
the bundled schema itself, with no knowledge of the model.

This module needs Hypothesis (``pip install newsarticle[testing]``).
"""

from __future__ import annotations

import datetime as dt
import functools
import unicodedata
from collections.abc import Sequence

from hypothesis import strategies as st

from .._model import (
    Article,
    Attribution,
    Channel,
    Claim,
    Correction,
    Genre,
    GeoCoordinates,
    Image,
    Organization,
    OrganizationKind,
    Paragraph,
    ParagraphRole,
    PartialDate,
    Person,
    Place,
    PlaceKind,
    Quote,
    QuoteKind,
    Relation,
    RelationKind,
    Role,
    UnnamedSource,
    Verification,
)
from ._schema import schema_documents

__all__ = [
    "articles",
    "attributions",
    "claims",
    "corrections",
    "datetimes",
    "geo_coordinates",
    "ids",
    "images",
    "languages",
    "lines",
    "organizations",
    "paragraph_texts",
    "paragraphs",
    "partial_dates",
    "people",
    "places",
    "quotes",
    "relations",
    "roles",
    "schema_documents",
    "texts",
    "unnamed_sources",
    "urls",
]

_NO_CONTROL = st.characters(exclude_categories=("Cc", "Cs"))


def _normalized(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@functools.cache
def lines(*, max_size: int = 40) -> st.SearchStrategy[str]:
    """Non-empty one-line text: any Unicode but control characters, in NFC."""
    return st.text(_NO_CONTROL, min_size=1, max_size=max_size).map(_normalized)


@functools.cache
def texts(*, max_size: int = 80) -> st.SearchStrategy[str]:
    """Non-empty text that may hold newlines, in NFC."""
    alphabet = st.one_of(_NO_CONTROL, st.just("\n"))
    return st.text(alphabet, min_size=1, max_size=max_size).map(_normalized)


@functools.cache
def paragraph_texts(*, max_size: int = 120) -> st.SearchStrategy[str]:
    """Text for a paragraph: newlines allowed, never a blank line, never a newline at an end."""
    return (
        texts(max_size=max_size)
        .map(lambda text: "\n".join(part for part in text.split("\n") if part))
        .filter(bool)
    )


@functools.cache
def ids() -> st.SearchStrategy[str]:
    """Ids as the format allows them."""
    return st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._-]{0,23}", fullmatch=True)


@functools.cache
def urls() -> st.SearchStrategy[str]:
    """Absolute https URLs with a host, a path and sometimes a query."""
    label = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?", fullmatch=True)
    segment = st.from_regex(r"[A-Za-z0-9._~-]{1,12}", fullmatch=True)
    host = st.lists(label, min_size=1, max_size=3).map(".".join)
    path = st.lists(segment, max_size=3).map(lambda parts: "".join(f"/{p}" for p in parts))
    query = st.one_of(st.just(""), segment.map(lambda q: f"?q={q}"))
    return st.builds(lambda h, p, q: f"https://{h}.example{p}{q}", host, path, query)


@functools.cache
def languages() -> st.SearchStrategy[str]:
    """BCP 47 language tags."""
    return st.sampled_from(
        ["en", "en-GB", "en-US", "fr", "de-CH", "ar", "fa-AF", "ps", "zh-Hant-TW"]
    )


@functools.cache
@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    """Dates known to the year, the month or the day."""
    day = draw(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
    precision = draw(st.sampled_from(("year", "month", "day")))
    if precision == "year":
        return PartialDate(year=day.year)
    if precision == "month":
        return PartialDate(year=day.year, month=day.month)
    return PartialDate(year=day.year, month=day.month, day=day.day)


@functools.cache
def datetimes(
    *,
    min_value: dt.datetime = dt.datetime(1900, 1, 1),
    max_value: dt.datetime = dt.datetime(2100, 1, 1),
) -> st.SearchStrategy[dt.datetime]:
    """Aware datetimes with an offset of whole minutes, as RFC 3339 can write them."""
    offsets = st.integers(min_value=-(23 * 60 + 59), max_value=23 * 60 + 59).map(
        lambda minutes: dt.timezone(dt.timedelta(minutes=minutes))
    )
    return st.datetimes(min_value=min_value, max_value=max_value, timezones=offsets)


@functools.cache
def geo_coordinates() -> st.SearchStrategy[GeoCoordinates]:
    """Points anywhere on Earth."""
    return st.builds(
        GeoCoordinates,
        latitude=st.floats(min_value=-90, max_value=90),
        longitude=st.floats(min_value=-180, max_value=180),
    )


def _optional(strategy: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.none() | strategy


def _some(pool: Sequence[str], *, max_size: int = 3) -> st.SearchStrategy[list[str]]:
    if not pool:
        return st.just([])
    return st.lists(st.sampled_from(pool), max_size=max_size, unique=True)


def _one(pool: Sequence[str]) -> st.SearchStrategy[str | None]:
    return st.none() | st.sampled_from(pool) if pool else st.none()


def paragraphs(id: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Paragraph]:
    """Paragraphs of any role."""
    return st.builds(
        Paragraph,
        id=ids() if id is None else id,
        text=paragraph_texts(),
        role=st.sampled_from(ParagraphRole),
    )


def images(id: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Image]:
    """Images, with or without their size."""
    size = _optional(st.integers(min_value=1, max_value=10_000))
    return st.builds(
        Image,
        id=ids() if id is None else id,
        url=urls(),
        width=size,
        height=size,
        caption=_optional(texts()),
        alt=_optional(lines()),
        credit=_optional(lines()),
    )


def corrections(after: dt.datetime | None = None) -> st.SearchStrategy[Correction]:
    """Corrections, dated no earlier than ``after`` when it is given."""
    dates = datetimes() if after is None else datetimes(min_value=after.replace(tzinfo=None))
    if after is not None:
        dates = dates.filter(lambda moment: moment >= after)
    return st.builds(Correction, date=dates, text=texts())


@st.composite
def roles(draw: st.DrawFn, organization_ids: Sequence[str] = ()) -> Role:
    """Roles, in organizations drawn from ``organization_ids``; start never after end."""
    start, end = draw(st.none() | partial_dates()), draw(st.none() | partial_dates())
    if start is not None and end is not None and start.earliest() > end.latest():
        start, end = end, start
    return Role(
        title=draw(lines()),
        organization=draw(_one(organization_ids)),
        start=start,
        end=end,
        note=draw(st.none() | lines()),
    )


def relations(person_ids: Sequence[str]) -> st.SearchStrategy[Relation]:
    """Relations to people drawn from ``person_ids`` (which must not be empty)."""
    return st.builds(
        Relation, kind=st.sampled_from(RelationKind), person=st.sampled_from(person_ids)
    )


@functools.cache
def _entity_fields() -> dict[str, st.SearchStrategy[object]]:
    return {
        "name": lines(),
        "alternate_names": st.lists(lines(), max_size=2, unique=True),
        "description": _optional(lines()),
        "url": _optional(urls()),
        "same_as": st.lists(urls(), max_size=2, unique=True),
    }


def people(
    id: st.SearchStrategy[str] | None = None,
    *,
    person_ids: Sequence[str] = (),
    organization_ids: Sequence[str] = (),
) -> st.SearchStrategy[Person]:
    """People, related to ``person_ids`` and holding roles in ``organization_ids``.

    Leave a person's own id out of ``person_ids``: no one is related to themselves.
    """
    return st.builds(
        Person,
        id=ids() if id is None else id,
        roles=st.lists(roles(organization_ids), max_size=2),
        relations=st.lists(relations(person_ids), max_size=2) if person_ids else st.just([]),
        **_entity_fields(),
    )


def organizations(
    id: st.SearchStrategy[str] | None = None, *, parent_ids: Sequence[str] = ()
) -> st.SearchStrategy[Organization]:
    """Organizations whose parent, if any, is drawn from ``parent_ids``."""
    return st.builds(
        Organization,
        id=ids() if id is None else id,
        kind=st.sampled_from(OrganizationKind),
        parent=_one(parent_ids),
        **_entity_fields(),
    )


def places(
    id: st.SearchStrategy[str] | None = None,
    *,
    container_ids: Sequence[str] = (),
    neighbour_ids: Sequence[str] = (),
) -> st.SearchStrategy[Place]:
    """Places inside one of ``container_ids`` (or none), bordering some of ``neighbour_ids``."""
    return st.builds(
        Place,
        id=ids() if id is None else id,
        kind=st.sampled_from(PlaceKind),
        geo=_optional(geo_coordinates()),
        contained_in=_one(container_ids),
        borders=_some(neighbour_ids),
        **_entity_fields(),
    )


def unnamed_sources(id: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[UnnamedSource]:
    """Unnamed sources, some with the newsroom's record of who they are."""
    return st.builds(
        UnnamedSource,
        id=ids() if id is None else id,
        description=lines(),
        identity=_optional(lines()),
    )


def attributions(
    id: st.SearchStrategy[str] | None = None,
    *,
    source_ids: Sequence[str] = (),
    outlet_ids: Sequence[str] = (),
    recipient_ids: Sequence[str] = (),
) -> st.SearchStrategy[Attribution]:
    """Attributions to sources drawn from ``source_ids`` (people, organizations, unnamed)."""
    return st.builds(
        Attribution,
        id=ids() if id is None else id,
        channel=st.sampled_from(Channel),
        verification=st.sampled_from(Verification),
        source=_one(source_ids),
        verb=_optional(lines()),
        outlet=_one(outlet_ids),
        recipient=_one(recipient_ids),
        date=_optional(partial_dates()),
        date_text=_optional(lines()),
        title=_optional(lines()),
        part=_optional(lines()),
        url=_optional(urls()),
        note=_optional(texts()),
    )


@st.composite
def _anchored(draw: st.DrawFn, body: Sequence[Paragraph]) -> tuple[str, list[str]]:
    """Text taken from consecutive paragraphs (or free text), and its anchors."""
    if not body or draw(st.booleans()):
        return draw(texts()), []
    start = draw(st.integers(min_value=0, max_value=len(body) - 1))
    count = draw(st.integers(min_value=1, max_value=min(3, len(body) - start)))
    parts = []
    for paragraph in body[start : start + count]:
        text = paragraph.text
        first = draw(st.integers(min_value=0, max_value=len(text) - 1))
        last = draw(st.integers(min_value=first + 1, max_value=len(text)))
        part = _normalized(text[first:last].strip("\n"))
        parts.append(part if part and part in text else text)
    return "\n\n".join(parts), [p.id for p in body[start : start + count]]


@st.composite
def quotes(
    draw: st.DrawFn,
    id: st.SearchStrategy[str] | None = None,
    *,
    attribution_ids: Sequence[str],
    body: Sequence[Paragraph] = (),
) -> Quote:
    """Quotes attributed through ``attribution_ids``, some anchored in ``body``."""
    text, anchors = draw(_anchored(body))
    return Quote(
        id=draw(ids() if id is None else id),
        text=text,
        kind=draw(st.sampled_from(QuoteKind)),
        attribution=draw(st.sampled_from(attribution_ids)),
        paragraphs=anchors,
    )


@st.composite
def claims(
    draw: st.DrawFn,
    id: st.SearchStrategy[str] | None = None,
    *,
    attribution_ids: Sequence[str],
    body: Sequence[Paragraph] = (),
    entity_ids: Sequence[str] = (),
) -> Claim:
    """Claims resting on ``attribution_ids``, some anchored in ``body``, about ``entity_ids``."""
    text, anchors = draw(_anchored(body))
    return Claim(
        id=draw(ids() if id is None else id),
        text=text,
        attribution=draw(st.sampled_from(attribution_ids)),
        paragraphs=anchors,
        about=draw(_some(entity_ids)),
    )


@st.composite
def articles(draw: st.DrawFn, *, max_entities: int = 3) -> Article:
    """Whole articles that validate with no problem: every reference resolves,
    anchored quotes stand in their paragraphs, dates are in order, every
    attribution and unnamed source is used."""
    sizes = st.integers(min_value=0, max_value=max_entities)
    counts = {
        key: draw(sizes)
        for key in ("paragraphs", "images", "people", "organizations", "places", "sources")
    }
    statements = draw(st.integers(min_value=0, max_value=max_entities * 2))
    total = sum(counts.values()) + statements * 2
    pool = iter(draw(st.lists(ids(), min_size=total + 1, max_size=total + 1, unique=True)))

    def take(count: int) -> list[str]:
        return [next(pool) for _ in range(count)]

    article_id = next(pool)
    paragraph_ids, image_ids = take(counts["paragraphs"]), take(counts["images"])
    person_ids, org_ids = take(counts["people"]), take(counts["organizations"])
    place_ids, source_ids = take(counts["places"]), take(counts["sources"])
    attribution_ids, statement_ids = take(statements), take(statements)

    body = [draw(paragraphs(st.just(i))) for i in paragraph_ids]
    org_list = [
        draw(organizations(st.just(i), parent_ids=org_ids[:n])) for n, i in enumerate(org_ids)
    ]
    person_list = [
        draw(
            people(
                st.just(i),
                person_ids=[p for p in person_ids if p != i],
                organization_ids=org_ids,
            )
        )
        for i in person_ids
    ]
    place_list = [
        draw(
            places(
                st.just(i),
                container_ids=place_ids[:n],
                neighbour_ids=[p for p in place_ids if p != i],
            )
        )
        for n, i in enumerate(place_ids)
    ]
    agents = person_ids + org_ids
    attribution_list = [
        draw(
            attributions(
                st.just(i),
                source_ids=agents + source_ids,
                outlet_ids=org_ids,
                recipient_ids=agents,
            )
        )
        for i in attribution_ids
    ]
    entities = agents + place_ids
    quote_list: list[Quote] = []
    claim_list: list[Claim] = []
    for attribution_id, statement_id in zip(attribution_ids, statement_ids, strict=True):
        if draw(st.booleans()):
            quote = quotes(st.just(statement_id), attribution_ids=[attribution_id], body=body)
            quote_list.append(draw(quote))
        else:
            claim = claims(
                st.just(statement_id),
                attribution_ids=[attribution_id],
                body=body,
                entity_ids=entities,
            )
            claim_list.append(draw(claim))
    used_sources = {a.source for a in attribution_list}
    published = draw(_optional(datetimes()))
    modified = None
    if isinstance(published, dt.datetime) and draw(st.booleans()):
        modified = draw(corrections(after=published)).date
    correction_list = draw(
        st.lists(
            corrections(after=published if isinstance(published, dt.datetime) else None), max_size=2
        )
    )
    return Article(
        id=article_id,
        headline=draw(lines()),
        language=draw(languages()),
        alternative_headline=draw(_optional(lines())),  # type: ignore[arg-type]
        standfirst=draw(_optional(texts())),  # type: ignore[arg-type]
        url=draw(_optional(urls())),  # type: ignore[arg-type]
        genre=draw(st.sampled_from(Genre)),
        section=draw(_optional(lines())),  # type: ignore[arg-type]
        keywords=draw(st.lists(lines(max_size=12), max_size=3, unique=True)),
        date_published=published,  # type: ignore[arg-type]
        date_modified=modified,
        dateline=draw(_optional(lines())),  # type: ignore[arg-type]
        authors=draw(_some(agents)),
        publisher=draw(_one(org_ids)),
        about=draw(_some(entities)),
        content_locations=draw(_some(place_ids)),
        paragraphs=body,
        images=[draw(images(st.just(i))) for i in image_ids],
        corrections=correction_list,
        people=person_list,
        organizations=org_list,
        places=place_list,
        unnamed_sources=[
            draw(unnamed_sources(st.just(i))) for i in source_ids if i in used_sources
        ],
        attributions=attribution_list,
        quotes=quote_list,
        claims=claim_list,
    )
