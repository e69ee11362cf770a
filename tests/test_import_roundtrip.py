"""Round trip: an article exported as JSON-LD and imported again is the article, up to what
JSON-LD cannot carry (the table in docs/import.md); and importing is idempotent."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import attrs
from hypothesis import assume, given

import newsarticle
from newsarticle import (
    Access,
    Article,
    Attribution,
    Channel,
    Claim,
    Genre,
    Organization,
    OrganizationKind,
    Person,
)
from newsarticle._errors import InvalidValueError
from newsarticle._export._jsonld import _is_work
from newsarticle._import._nodes import import_page
from newsarticle._import._page import read_blocks
from newsarticle._import._text import clean_line, clean_text
from newsarticle._rules import LINE, PARAGRAPH_TEXT, TEXT, spec
from newsarticle._terms import ADDITIONAL_TYPES, RELATIONS
from newsarticle.testing import articles

# --- what JSON-LD carries: the table of docs/import.md -----------------------------------

# A channel comes back as the most general channel of the type of work the export writes
# for it; a channel whose attribution is no work comes back as no work at all.
_CHANNEL_BACK = {
    Channel.OP_ED: Channel.OP_ED,
    Channel.TWEET: Channel.SOCIAL_MEDIA_POST,
    Channel.SOCIAL_MEDIA_POST: Channel.SOCIAL_MEDIA_POST,
    Channel.VIDEO: Channel.VIDEO,
    Channel.LIVESTREAM: Channel.VIDEO,
    Channel.IMAGE: Channel.IMAGE,
    Channel.ARTICLE: Channel.ARTICLE,
    Channel.INTERVIEW: Channel.OTHER,
    Channel.STATEMENT: Channel.OTHER,
    Channel.PRESS_RELEASE: Channel.OTHER,
    Channel.SPEECH: Channel.OTHER,
    Channel.DOCUMENT: Channel.OTHER,
    Channel.OTHER: Channel.OTHER,
}
_RELATION_ORDER = list(RELATIONS)
# The name the export gives a cited video, livestream or image with no title.
_UNTITLED = {phrase for _, phrase in ADDITIONAL_TYPES.values()}
# The policies schema.org defines on NewsMediaOrganization alone: the export writes them for
# a news organization only.
_NEWS_MEDIA_POLICIES = (
    "verification_fact_checking",
    "masthead",
    "no_bylines",
    "mission_coverage_priorities",
)


def _moment(value: dt.datetime | None) -> Any:
    """A timestamp with its offset (aware datetimes compare equal across offsets)."""
    return None if value is None else (value, value.utcoffset())


def _roles(person: Person) -> list[Any]:
    """Roles in no organization (a jobTitle: its title, or a Role with the title, the dates
    and the note when it has dates), then those in one, in order."""
    plain = [
        (r.title, r.start, r.end, r.note if r.start or r.end else None)
        for r in person.roles
        if r.organization is None
    ]
    held = [
        (r.title, r.organization, r.start, r.end, r.note) for r in person.roles if r.organization
    ]
    return plain + held


def _entity(entity: Any) -> Any:
    common = (
        type(entity).__name__,
        entity.name,
        entity.alternate_names,
        entity.description,
        entity.url,
        entity.same_as,
    )
    if isinstance(entity, Person):
        relations = sorted(entity.relations, key=lambda r: _RELATION_ORDER.index(r.kind))
        return (*common, _roles(entity), [(r.kind, r.person) for r in relations])
    if isinstance(entity, Organization):
        kind = entity.kind
        if kind is OrganizationKind.ARMED_GROUP:
            kind = OrganizationKind.ORGANIZATION
        return (*common, kind, entity.parent, _policies(entity))
    return (*common, entity.kind, entity.geo, entity.contained_in, entity.borders)


def _policies(organization: Organization) -> Any:
    """The policies the export writes: those of NewsMediaOrganization only for a news
    organization; none at all when no policy is left."""
    policies = organization.policies
    if policies is None:
        return None
    if organization.kind is not OrganizationKind.NEWS_MEDIA:
        policies = attrs.evolve(policies, **dict.fromkeys(_NEWS_MEDIA_POLICIES))
    given = attrs.asdict(policies)
    return given if any(value is not None for value in given.values()) else None


def _reviewed(article: Article) -> bool:
    """Whether the export writes ClaimReviews: a fact check with a reviewed claim."""
    return article.genre is Genre.FACT_CHECK and any(c.review for c in article.claims)


def _genre(article: Article) -> Genre:
    """The genre as the JSON-LD says it: a fact check by its ClaimReviews (one with none is
    news), a live blog (a LiveBlogPosting) says no genre but that."""
    if _reviewed(article):
        return Genre.FACT_CHECK
    if article.genre is Genre.FACT_CHECK or article.live is not None:
        return Genre.NEWS
    return article.genre


def _review(article: Article, claim: Claim) -> Any:
    """The review of a claim of a fact check, its reviewer and date as the export writes them
    (the publisher and the article's date when left out); other genres export none."""
    review = claim.review
    if review is None or article.genre is not Genre.FACT_CHECK:
        return None
    reviewer = review.reviewer if review.reviewer is not None else article.publisher
    date = review.date if review.date is not None else article.date_published
    numbers = (review.rating, review.best_rating, review.worst_rating)
    return (review.verdict, numbers, reviewer, _moment(date), review.url)


def _live(article: Article) -> Any:
    """The live coverage; its updates come back oldest first."""
    live = article.live
    if live is None:
        return None
    updates = sorted(live.updates, key=lambda u: u.date)
    return (
        _moment(live.start),
        _moment(live.end),
        [(u.id, _moment(u.date), u.headline, u.text) for u in updates],
    )


def _access(article: Article) -> Access | None:
    """A paragraph for subscribers makes the article for subscribers (which paragraphs, the
    JSON-LD cannot say)."""
    if any(p.access is Access.SUBSCRIBERS for p in article.paragraphs):
        return Access.SUBSCRIBERS
    return article.access


def _source(article: Article, attribution: Attribution) -> str | None:
    unnamed = {s.id for s in article.unnamed_sources}
    return None if attribution.source in unnamed else attribution.source


def _work(attribution: Attribution) -> Any:
    if not _is_work(attribution):
        return None
    title = attribution.title
    if attribution.channel in ADDITIONAL_TYPES and title in _UNTITLED:
        title = None  # the name of an untitled video, which the import reads as none
    return (
        _CHANNEL_BACK[attribution.channel],
        title,
        attribution.url,
        attribution.date,
        attribution.outlet,
    )


def _body(article: Article) -> list[str]:
    """The body and heading paragraphs; a body of one paragraph with line breaks comes back
    as one paragraph per line (the export has no blank line to tell them apart)."""
    texts = [p.text for p in article.body]
    return texts[0].split("\n") if len(texts) == 1 else texts


def projection(article: Article) -> dict[str, Any]:
    """Everything of ``article`` that its JSON-LD carries, as the import gives it back."""
    index = {a.id: a for a in article.attributions}
    statements: list[tuple[Any, ...]] = []
    for quote in article.quotes:
        attribution = index[quote.attribution]
        statements.append(
            ("quote", quote.id, quote.text, _source(article, attribution), _work(attribution))
        )
    for claim in article.claims:
        attribution = index[claim.attribution]
        statements.append(
            (
                "claim",
                claim.id,
                claim.text,
                _source(article, attribution),
                _work(attribution),
                claim.about,
                _review(article, claim),
            )
        )
    entities = {
        e.id: _entity(e) for e in (*article.people, *article.organizations, *article.places)
    }
    return {
        "headline": article.headline,
        "language": article.language,
        "alternative_headline": article.alternative_headline,
        "standfirst": article.standfirst,
        "url": article.url,
        "genre": _genre(article),
        "section": article.section,
        "keywords": article.keywords,
        "date_published": _moment(article.date_published),
        "date_modified": _moment(article.date_modified),
        "dateline": article.dateline if article.live is None else None,
        "authors": article.authors,
        "publisher": article.publisher,
        "about": article.about,
        "content_locations": article.content_locations,
        "body": _body(article),
        "images": article.images,
        "corrections": [(_moment(c.date), c.text) for c in article.corrections],
        "entities": entities,
        "statements": statements,
        "access": _access(article),
        "publishing_principles": article.publishing_principles,
        "live": _live(article),
    }


# --- texts the import's cleanup leaves as they are -------------------------------------


def _clean_value(rule: Any, value: Any) -> Any:
    if rule is LINE:
        return clean_line(value).text or None
    if rule is TEXT or rule is PARAGRAPH_TEXT:
        return clean_text(value).text or None
    return value


def _cleaned(item: Any) -> Any:
    """``item`` (a model object) with every text as the import's cleanup leaves it."""
    if isinstance(item, tuple):
        return tuple(_cleaned(i) for i in item)
    if not attrs.has(type(item)) or hasattr(type(item), "__rule__"):
        return item  # not a model object, or a value type (a partial date)
    changes: dict[str, Any] = {}
    for field in attrs.fields(type(item)):
        value = getattr(item, field.name)
        rule = spec(field).rule
        if isinstance(value, str):
            changes[field.name] = _clean_value(rule, value)
        elif isinstance(value, tuple) and value and isinstance(value[0], str):
            changes[field.name] = tuple(t for t in (_clean_value(rule, v) for v in value) if t)
        elif isinstance(value, tuple) or attrs.has(type(value)):
            changes[field.name] = _cleaned(value)
    return attrs.evolve(item, **changes)


def clean_articles() -> Any:
    """Generated articles whose texts are as a newsroom writes them: no character
    reference, tag, or run of ASCII whitespace the import would clean (see docs/import.md)."""

    def clean(article: Article) -> Article | None:
        try:
            cleaned = _cleaned(article)
        except (InvalidValueError, ValueError, TypeError):
            return None
        built, problems = newsarticle.check(cleaned)
        return built if built is not None and not any(p.is_error for p in problems) else None

    return articles().map(clean)


def _import(document: dict[str, Any]) -> Article:
    article, problems = import_page(read_blocks(document))
    errors = [str(p) for p in problems if p.is_error]
    assert article is not None, errors
    assert [] == errors
    return article


# --- the properties -----------------------------------------------------------------------


@given(clean_articles())
def test_round_trip_keeps_what_jsonld_carries(article: Article | None) -> None:
    """Importing the JSON-LD export of an article gives back every field the JSON-LD
    carries, exactly (the projection is the table of docs/import.md)."""
    assume(article is not None)
    assert article is not None
    imported = _import(newsarticle.to_jsonld(article))
    assert projection(article) == projection(imported)


@given(articles())
def test_import_is_idempotent(article: Article) -> None:
    """Import, export, import again: the same article (ids and all), whatever its text."""
    first, _ = import_page(read_blocks(newsarticle.to_jsonld(article)))
    assume(first is not None)  # an article whose headline is only whitespace has none
    assert first is not None
    second = _import(newsarticle.to_jsonld(first))
    assert first == second


@given(clean_articles())
def test_round_trip_through_text_and_script(article: Article | None) -> None:
    """The JSON-LD as text, and as the HTML script block's content, imports the same."""
    assume(article is not None)
    assert article is not None
    from_value = _import(newsarticle.to_jsonld(article))
    text = newsarticle.to_jsonld_text(article)
    from_text, problems = import_page(read_blocks(text))
    assert [] == [p for p in problems if p.is_error]
    assert from_value == from_text
    script = newsarticle.to_jsonld_script(article)
    inner = script.split(">", 1)[1].rsplit("</script>", 1)[0]
    from_script, _ = import_page(read_blocks(json.loads(inner)))
    assert from_value == from_script


def test_example_round_trip(example_path: Path) -> None:
    """The Panjshir example comes back with everything its JSON-LD carries."""
    example = newsarticle.load(example_path)
    imported = _import(newsarticle.to_jsonld(example))
    assert projection(example) == projection(imported)
    assert example.people == tuple(sorted(imported.people, key=example.people.index))


def test_factcheck_example_round_trip(root: Path) -> None:
    """The fact-check example (a paywall, speakable paragraphs, reviewed claims, the
    publisher's policies, a correction) comes back with everything its JSON-LD carries."""
    example = newsarticle.load(root / "examples" / "factcheck.json")
    imported = _import(newsarticle.to_jsonld(example))
    assert projection(example) == projection(imported)
    assert Genre.FACT_CHECK == imported.genre
    assert [c.review is not None for c in example.claims] == [
        c.review is not None for c in imported.claims
    ]
    assert example.organizations == tuple(
        sorted(imported.organizations, key=example.organizations.index)
    )
