"""The Hypothesis strategies of newsarticle.testing: valid, varied, derived from the model."""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import random
import re
import unicodedata
from collections.abc import Callable, Iterator
from typing import Any, TypeGuard

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import NoSuchExample

import newsarticle
from newsarticle import Article, Paragraph, PartialDate, Quote
from newsarticle._integrity import article_problems
from newsarticle._model import (
    AGENTS,
    PEOPLE,
    Access,
    ClaimReview,
    Genre,
    GeoCoordinates,
    LiveCoverage,
    OrganizationKind,
)
from newsarticle._rules import (
    ID,
    LANGUAGE,
    LINE,
    PARAGRAPH_TEXT,
    TEXT,
    TIMESTAMP,
    URL,
    RangeRule,
    TextRule,
    declare,
    derive,
    spec,
    to_tuple,
)
from newsarticle.testing import (
    articles,
    claim_reviews,
    claims,
    corrections,
    datetimes,
    geo_coordinates,
    ids,
    languages,
    lines,
    live_coverages,
    organizations,
    paragraph_texts,
    partial_dates,
    people,
    places,
    policies,
    quotes,
    relations,
    roles,
    schema_documents,
    texts,
    urls,
)
from newsarticle.testing._articles import article_strategy
from newsarticle.testing._derive import strategy
from newsarticle.testing._values import LONG_LINES, LONGEST_HOST, LONGEST_URLS

Fact = tuple[Any, ...]


# --- reading what was drawn -----------------------------------------------------------


def _is_model(kind: object) -> TypeGuard[type[Any]]:
    return isinstance(kind, type) and attrs.has(kind) and not hasattr(kind, "__rule__")


def _targets(cls: type[Any], done: set[type[Any]] | None = None) -> set[Fact]:
    """What the declarations of ``cls`` (and the classes it holds) say can happen: every
    member of each enumeration, each optional field present and absent, each sequence empty
    and holding several items."""
    done = set() if done is None else done
    if cls in done:
        return set()
    done.add(cls)
    found: set[Fact] = set()
    for field in attrs.fields(cls):
        declared, key = spec(field), (cls.__name__, field.name)
        if declared.shape == "optional":
            found |= {("present", *key), ("absent", *key)}
        elif declared.shape == "many":
            found |= {("empty", *key), ("several", *key)}
        rule = declared.rule
        if isinstance(rule, type) and issubclass(rule, enum.Enum):
            found |= {("member", *key, member) for member in rule}
        elif _is_model(rule):
            found |= _targets(rule, done)
    return found


def _fields(obj: Any) -> Iterator[tuple[Any, str, Any]]:
    """Every field of ``obj`` and of the objects it holds: (holder, name, value)."""
    for field in attrs.fields(type(obj)):
        value = getattr(obj, field.name)
        yield obj, field.name, value
        for item in value if isinstance(value, tuple) else (value,):
            if _is_model(type(item)):
                yield from _fields(item)


def _texts(obj: Any) -> Iterator[tuple[TextRule, str]]:
    """Every text of ``obj`` with its rule (ids and references left out)."""
    for holder, name, value in _fields(obj):
        declared = spec(attrs.fields_dict(type(holder))[name])
        if isinstance(declared.rule, TextRule):
            for item in value if isinstance(value, tuple) else (value,):
                if isinstance(item, str):
                    yield declared.rule, item


def _field_facts(obj: Any) -> Iterator[Fact]:
    """The facts :func:`_targets` names, as they happen in ``obj`` and what it holds."""
    for holder, name, value in _fields(obj):
        declared = spec(attrs.fields_dict(type(holder))[name])
        key = (type(holder).__name__, name)
        if declared.shape == "optional":
            yield ("absent" if value is None else "present", *key)
        elif declared.shape == "many" and len(value) != 1:
            yield ("several" if value else "empty", *key)
        if isinstance(value, enum.Enum):
            yield ("member", *key, value)
        if isinstance(value, PartialDate):
            yield ("precision", value.precision)


def _facts(article: Article) -> set[Fact]:
    """What happens in one article: the facts :func:`_targets` names, and more."""
    found = set(_field_facts(article))
    for rule, text in _texts(article):
        if any(ord(char) > 0xFFFF for char in text):
            found.add(("astral",))
        if any(unicodedata.combining(char) for char in text):
            found.add(("combining",))
        if "\n" in text:
            found.add(("newline", rule.name, rule.paragraph))
        if "\n\n" in text:
            found.add(("blank line", rule.name, rule.paragraph))
    for kind in ("quotes", "claims"):
        if any(len(item.paragraphs) > 1 for item in getattr(article, kind)):
            found.add(("anchored in several paragraphs", kind))
    if any(len(identifier) == ID.max_length for identifier in article.index):
        found.add(("longest id",))
    statements = [quote.attribution for quote in article.quotes]
    statements += [claim.attribution for claim in article.claims]
    if len(set(statements)) < len(statements):
        found.add(("shared attribution",))
    for group in ("paragraphs", "people", "organizations", "places", "images"):
        if len(getattr(article, group)) == 3:
            found.add(("max_entities", group))
    for holder, name, value in _fields(article):
        if spec(attrs.fields_dict(type(holder))[name]).rule is URL:
            for url in value if isinstance(value, tuple) else (value,):
                if isinstance(url, str):
                    found |= _url_facts(url)
    return found | _feature_facts(article) | _edge_facts(article)


def _spaced_inside(rule: TextRule, text: str) -> bool:
    """Whether ``text`` holds a typographic space (a space separator but U+0020) between
    visible characters, with a visible character at each end."""
    ends = rule.visible.fullmatch(text[0]) and rule.visible.fullmatch(text[-1])
    inside = any(unicodedata.category(c) == "Zs" and c != " " for c in text[1:-1])
    return bool(ends and inside)


def _edge_facts(article: Article) -> set[Fact]:
    """The edges validators care about that an article meets: a headline about as long as
    search results show whole, typographic spaces inside a text, the longest URLs and host
    names."""
    found: set[Fact] = set()
    if len(article.headline) in LONG_LINES:
        found.add(("headline length", len(article.headline)))
    if any(_spaced_inside(rule, text) for rule, text in _texts(article)):
        found.add(("typographic spaces inside",))
    for holder, name, value in _fields(article):
        if spec(attrs.fields_dict(type(holder))[name]).rule is URL:
            for url in value if isinstance(value, tuple) else (value,):
                if isinstance(url, str) and len(url) in LONGEST_URLS:
                    found.add(("longest url", len(url)))
                if isinstance(url, str):
                    host = re.split(r"[:/?#]", url.split("//", 1)[1], maxsplit=1)[0]
                    if len(host) == LONGEST_HOST:
                        found.add(("longest host",))
    return found


_EDGES: set[Fact] = {
    *[("headline length", length) for length in (109, 110, 111)],
    ("typographic spaces inside",),
    *[("longest url", length) for length in LONGEST_URLS],
    ("longest host",),
    ("longest id",),
}


#: The policies schema.org has on NewsMediaOrganization only.
NEWS_MEDIA_ONLY = (
    "verification_fact_checking",
    "masthead",
    "no_bylines",
    "mission_coverage_priorities",
)


def _feature_facts(article: Article) -> set[Fact]:
    """The features of the model an article uses, and how."""
    found: set[Fact] = set()
    if any(paragraph.access is Access.SUBSCRIBERS for paragraph in article.paragraphs):
        found.add(("feature", "paywalled paragraph"))
    if article.access is not None:
        found.add(("feature", "access stated", article.access))
    if article.speakable:
        found.add(("feature", "speakable paragraphs"))
    if article.publishing_principles is not None:
        found.add(("feature", "publishing principles"))
    reviews = [claim.review for claim in article.claims if claim.review is not None]
    for review in reviews:
        if None not in (review.rating, review.best_rating, review.worst_rating):
            found.add(("feature", "review with all its numbers"))
        elif review.verdict is not None:
            found.add(("feature", "review in words only"))
        if review.reviewer is not None:
            found.add(("feature", "review with a reviewer"))
    if article.genre is Genre.FACT_CHECK:
        found.add(("feature", "fact check"))
        if reviews:
            found.add(("feature", "fact check with a review"))
    for organization in article.organizations:
        if organization.policies is not None:
            found.add(("feature", "policies"))
            if any(getattr(organization.policies, key) for key in NEWS_MEDIA_ONLY):
                news_media = organization.kind is OrganizationKind.NEWS_MEDIA
                found.add(("feature", "news media policy", news_media))
    live = article.live
    if live is not None and live.updates:
        found.add(("feature", "live blog with updates"))
        if live.end is not None and len(live.updates) > 1:
            found.add(("feature", "ended live blog with several updates"))
    if any(source.kind is not None for source in article.unnamed_sources):
        found.add(("feature", "unnamed source kind"))
    if article.corrections and article.date_modified is not None:
        found.add(("feature", "corrected and modified"))
    return found


_FEATURES: set[Fact] = {
    ("feature", "paywalled paragraph"),
    *[("feature", "access stated", access) for access in Access],
    ("feature", "speakable paragraphs"),
    ("feature", "publishing principles"),
    ("feature", "review with all its numbers"),
    ("feature", "review in words only"),
    ("feature", "review with a reviewer"),
    ("feature", "fact check"),
    ("feature", "fact check with a review"),
    ("feature", "policies"),
    ("feature", "news media policy", True),
    ("feature", "news media policy", False),
    ("feature", "live blog with updates"),
    ("feature", "ended live blog with several updates"),
    ("feature", "unnamed source kind"),
    ("feature", "corrected and modified"),
}


def _url_facts(url: str) -> set[Fact]:
    found: set[Fact] = set()
    host = url.split("//", 1)[1].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    if ":" in host:
        found.add(("url", "port"))
    for part, mark in (("query", "?"), ("fragment", "#"), ("percent escape", "%")):
        if mark in url:
            found.add(("url", part))
    return found


_EXTRAS: set[Fact] = {
    ("astral",),
    ("combining",),
    ("newline", "Text", False),
    ("newline", "Text", True),
    ("blank line", "Text", False),
    ("anchored in several paragraphs", "quotes"),
    ("anchored in several paragraphs", "claims"),
    ("longest id",),
    ("shared attribution",),
    *[("precision", precision) for precision in newsarticle.DatePrecision],
    *[("max_entities", group) for group in ("paragraphs", "people", "places", "images")],
    *[("url", part) for part in ("port", "query", "fragment", "percent escape")],
}


def _seen(
    strategy_: st.SearchStrategy[Any], facts: Callable[[Any], set[Fact]], wanted: set[Fact]
) -> set[Fact]:
    """The facts seen in examples of ``strategy_`` until all of ``wanted`` were (at most 2,000
    examples, from a fixed seed: the same every run)."""
    seen: set[Fact] = set()

    def covers(value: Any) -> bool:
        seen.update(facts(value))
        return wanted <= seen

    quick = settings(
        max_examples=2000,
        phases=[Phase.generate],
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    with contextlib.suppress(NoSuchExample):  # what was not seen is for the test to say
        find(strategy_, covers, settings=quick, random=random.Random(0))
    return seen


@pytest.fixture(scope="module")
def article_facts() -> set[Fact]:
    """What the articles of :func:`articles` hold, over as many as it takes to see it all."""
    return _seen(articles(), _facts, _targets(Article) | _EXTRAS | _FEATURES | _EDGES)


# --- whole articles -------------------------------------------------------------------


@given(articles())
def test_every_article_validates_with_no_problem_and_round_trips(article: Article) -> None:
    """An article of the strategy has no problem at all, and reads back equal from its JSON."""
    text = newsarticle.dumps(article)
    assert [] == newsarticle.validate(text)
    assert article == newsarticle.loads(text)


def test_articles_reach_every_enum_value_and_both_sides_of_every_field(
    article_facts: set[Fact],
) -> None:
    """Every member of every enumeration of the model occurs, every optional field is both
    present and absent, every sequence both empty and holding several items."""
    assert set() == _targets(Article) - article_facts


def test_articles_hold_the_text_ids_urls_and_shapes_worth_testing(article_facts: set[Fact]) -> None:
    """Text holds characters beyond the BMP and combining marks, multi-line text newlines
    and blank lines, paragraphs newlines; quotes and claims stand in several paragraphs;
    an id is as long as the rule allows; URLs have ports, queries, fragments and escapes;
    partial dates have every precision; attributions are shared; collections fill up."""
    assert set() == _EXTRAS - article_facts


def test_articles_meet_the_edges_that_validators_care_about(article_facts: set[Fact]) -> None:
    """Over many draws, articles have headlines of 109, 110 and 111 characters (about the
    length Google shows whole), text with typographic spaces between visible characters, URLs
    of 2,047 and 2,048 characters (around the sitemaps protocol's limit) with a host name of
    253 characters (DNS's longest), and an id as long as the rule allows."""
    assert set() == _EDGES - article_facts


@given(articles())
def test_every_text_of_every_article_shows_a_character(article: Article) -> None:
    """Every text of a generated article, required or not, holds a visible character: none is
    only spaces or invisible characters."""
    assert [] == [text for rule, text in _texts(article) if rule.visible.search(text) is None]


def test_articles_use_every_feature_of_the_model(article_facts: set[Fact]) -> None:
    """Over many draws, articles have paragraphs behind a paywall (and state their access
    free and subscribers), speakable paragraphs, their own publishing principles, reviews
    rated on a scale and in words only, fact checks with reviews, policies (those of
    NewsMediaOrganization only on news media and on other kinds), live blogs with updates
    (ended ones too), unnamed sources said to be a person or an organization, and
    corrections with a date_modified."""
    assert set() == _FEATURES - article_facts


def _objects(obj: Any) -> Iterator[Any]:
    """``obj`` and every object of the model it holds."""
    yield obj
    for field in attrs.fields(type(obj)):
        value = getattr(obj, field.name)
        for item in value if isinstance(value, tuple) else (value,):
            if _is_model(type(item)):
                yield from _objects(item)


def _collections() -> list[str]:
    """The collections of the article whose objects have ids."""
    return [
        field.name
        for field in attrs.fields(Article)
        if _is_model(rule := spec(field).rule) and "id" in attrs.fields_dict(rule)
    ]


@given(articles())
def test_references_name_objects_of_the_kinds_they_declare(article: Article) -> None:
    """Every reference names an object of a collection its declaration allows; a not_self
    reference never its own object; an acyclic one only an object before its own."""
    ids = {name: [item.id for item in getattr(article, name)] for name in _collections()}
    holders = [("", 0, None, article)]
    for name in ids:
        for index, item in enumerate(getattr(article, name)):
            holders += [(name, index, item.id, holder) for holder in _objects(item)]
    for collection, index, owner, holder in holders:
        for field in attrs.fields(type(holder)):
            declared = spec(field)
            if declared.refs is None:
                continue
            value = getattr(holder, field.name)
            named = value if isinstance(value, tuple) else () if value is None else (value,)
            assert set() == set(named) - {i for kind in declared.refs for i in ids[kind]}
            if declared.not_self:
                assert owner not in named
            if declared.acyclic:
                assert set() == set(named) - set(ids[collection][:index])


# --- a class declared for the test --------------------------------------------------


@attrs.frozen(kw_only=True, field_transformer=derive)
class Gadget:
    """A class declared like those of the model, with a field of every kind."""

    id: str = attrs.field(metadata=declare(ID, "The gadget's id."))
    label: str = attrs.field(metadata=declare(LINE, "Its label."))
    notes: str | None = attrs.field(default=None, metadata=declare(TEXT, "Notes."))
    homepage: str | None = attrs.field(default=None, metadata=declare(URL, "Its page."))
    tags: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=declare(LINE, "Tags.", unique=True)
    )
    weight: float | None = attrs.field(
        default=None, metadata=declare(RangeRule(minimum=0, maximum=10, integer=False), "Kg.")
    )
    count: int = attrs.field(
        metadata=declare(RangeRule(minimum=1, maximum=5, integer=True, unit="items"), "Items.")
    )
    genre: Genre = attrs.field(default=Genre.NEWS, metadata=declare(Genre, "A genre."))
    seen: dt.datetime | None = attrs.field(default=None, metadata=declare(TIMESTAMP, "Seen."))
    since: PartialDate | None = attrs.field(default=None, metadata=declare(PartialDate, "Since."))
    where: GeoCoordinates | None = attrs.field(
        default=None, metadata=declare(GeoCoordinates, "Where.")
    )
    owner: str | None = attrs.field(
        default=None, metadata=declare(ID, "Its owner.", refs=PEOPLE, not_self="not itself")
    )
    makers: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, metadata=declare(ID, "Makers.", unique=True, refs=AGENTS)
    )


_POOLS = {"people": ["p1", "p2", "g"], "organizations": ["o1"]}


def _gadget_facts(gadget: Gadget) -> set[Fact]:
    found = set(_field_facts(gadget))
    if "o1" in gadget.makers:
        found.add(("an organization makes it",))
    if gadget.owner == "p1":
        found.add(("a person owns it",))
    return found


def test_a_class_declared_with_the_rules_gets_a_strategy_with_no_edit() -> None:
    """A class declared with ``declare`` and ``derive`` (as a new field of the model is)
    gets a strategy from its declarations alone: every field drawn valid (building the
    object checks each), optional fields present and absent, sequences empty and several,
    every enumeration member, references only to the ids given, never to itself."""
    gadgets = strategy(Gadget, id=st.sampled_from(["g", "h"]), refs=_POOLS)
    wanted = _targets(Gadget) | {("a person owns it",), ("an organization makes it",)}
    assert set() == wanted - _seen(gadgets, _gadget_facts, wanted)

    @given(gadgets)
    def check(gadget: Gadget) -> None:
        assert gadget.owner != gadget.id
        assert set() == set(gadget.makers) - {"p1", "p2", "g", "o1"}
        assert gadget.owner in {None, "p1", "p2", "g"}

    check()


@attrs.frozen(kw_only=True, field_transformer=derive)
class EditedArticle(Article):
    """An article with fields the model does not have (yet)."""

    editors: tuple[str, ...] = attrs.field(
        default=(),
        converter=to_tuple,
        metadata=declare(ID, "The people who edited it.", unique=True, refs=PEOPLE),
    )
    summary: str | None = attrs.field(default=None, metadata=declare(TEXT, "A summary."))


def test_an_article_with_new_fields_is_drawn_whole_with_no_edit() -> None:
    """New fields of the article, a reference and a text, are drawn like the others: the
    reference names its declared kind, the text is present and absent, and the article
    keeps every rule of integrity."""
    edited = article_strategy(EditedArticle)

    def facts(article: EditedArticle) -> set[Fact]:
        found = set(_field_facts(article))
        people = {person.id for person in article.people}
        if article.editors and set(article.editors) <= people:
            found.add(("editors are people",))
        return found

    wanted = {
        ("editors are people",),
        ("several", "EditedArticle", "editors"),
        ("present", "EditedArticle", "summary"),
        ("absent", "EditedArticle", "summary"),
    }
    assert set() == wanted - _seen(edited, facts, wanted)

    @given(edited)
    def check(article: EditedArticle) -> None:
        assert set() == set(article.editors) - {person.id for person in article.people}
        assert [] == article_problems(article)

    check()


# --- the strategies of the parts ----------------------------------------------------


@given(
    people(
        st.sampled_from(["a", "b", "c"]), refs={"people": ["a", "b", "c"], "organizations": ["o"]}
    )
)
def test_people_are_related_to_the_people_given_never_to_themselves(person: Any) -> None:
    """A person's relations name the people given but the person; roles, the organizations."""
    assert set() == {r.person for r in person.relations} - ({"a", "b", "c"} - {person.id})
    assert set() == {role.organization for role in person.roles} - {None, "o"}


@given(
    organizations(st.just("x"), refs={"organizations": ["x", "y"]}),
    places(st.just("p"), refs={"places": ["p", "q"]}),
)
def test_chains_and_borders_never_name_their_own_object(organization: Any, place: Any) -> None:
    """An organization is never its own parent, a place never in or bordering itself."""
    assert organization.parent in {None, "y"}
    assert place.contained_in in {None, "q"}
    assert set() == set(place.borders) - {"q"}


def test_a_strategy_that_needs_ids_to_refer_to_says_so() -> None:
    """A quote, a claim or a relation cannot be made without the ids it must name."""
    for make in (
        lambda: quotes(refs={}),
        lambda: claims(refs={"people": ["a"]}),
        lambda: relations({}),
    ):
        with pytest.raises(ValueError, match="needs ids to refer to"):
            make()


_BODY = (
    Paragraph(id="p1", text="Dr Ahmad said: “We will stay.”"),
    Paragraph(id="p2", text="Nobody\nleft."),
    Paragraph(id="p3", text="The end."),
)


@given(quotes(refs={"attributions": ["a1"]}, body=_BODY))
def test_anchored_quotes_stand_in_consecutive_paragraphs_one_part_each(quote: Quote) -> None:
    """A quote's anchors are consecutive paragraphs of the body, and each part of its text
    stands in its paragraph word for word; a quote without anchors has free text."""
    assert "a1" == quote.attribution
    order = [paragraph.id for paragraph in _BODY]
    if quote.paragraphs:
        start = order.index(quote.paragraphs[0])
        assert order[start : start + len(quote.paragraphs)] == list(quote.paragraphs)
        parts = quote.text.split("\n\n")
        assert len(quote.paragraphs) == len(parts)
        texts_ = {paragraph.id: paragraph.text for paragraph in _BODY}
        for part, anchor in zip(parts, quote.paragraphs, strict=True):
            assert part in texts_[anchor]


_SPACED_BODY = (Paragraph(id="p1", text="“Yes,”" + " \u00a0\u3000" * 12 + "she said."),)


@given(quotes(refs={"attributions": ["a1"]}, body=_SPACED_BODY))
def test_an_anchored_quote_never_takes_a_blank_piece_of_its_paragraph(quote: Quote) -> None:
    """A quote standing in a paragraph that is mostly spaces takes a piece that shows a
    character (else the whole paragraph), never one of the spaces alone."""
    assert None is TEXT.problem(quote.text)
    if quote.paragraphs:
        assert quote.text in _SPACED_BODY[0].text


@given(lines(), texts(), paragraph_texts(), lines(max_size=1), texts(max_size=2))
def test_text_keeps_to_its_rule_in_nfc(
    line: str, text: str, paragraph: str, one: str, two: str
) -> None:
    """Lines hold no newline, texts may, paragraphs never a blank line nor a newline at an
    end; all are stored as NFC and keep to their rules, and to their greatest size."""
    for rule, value in ((LINE, line), (TEXT, text), (PARAGRAPH_TEXT, paragraph), (LINE, one)):
        assert None is rule.problem(value)
        assert unicodedata.normalize("NFC", value) == value
    assert None is TEXT.problem(two)
    assert "\n" not in line
    assert (False, False) == (paragraph.startswith("\n"), paragraph.endswith("\n"))
    # At most max_size characters before NFC, which makes one character three at most.
    assert (True, True) == (len(one) <= 1 * 3, len(two) <= 2 * 3)


@given(ids(), urls(), languages(), datetimes(), partial_dates(), geo_coordinates())
def test_values_keep_to_their_rules(
    identifier: str,
    url: str,
    language: str,
    moment: dt.datetime,
    date: PartialDate,
    geo: GeoCoordinates,
) -> None:
    """Ids, URLs, language tags and timestamps keep to the rules of the format (dates and
    coordinates are checked as they are built)."""
    assert (None, None, None, None) == (
        ID.problem(identifier),
        URL.problem(url),
        LANGUAGE.problem(language),
        TIMESTAMP.problem(moment),
    )
    assert re.fullmatch(r"(?i:https?)://[a-z0-9.-]+(:[0-9]+)?([/?#].*)?", url)


_AFTER = dt.datetime(2021, 8, 15, 12, 30, tzinfo=dt.timezone(dt.timedelta(hours=4, minutes=30)))


@given(live_coverages(), claim_reviews(refs={"people": ["p"], "organizations": ["o"]}))
def test_live_coverage_and_reviews_keep_their_rules(
    live: LiveCoverage, review: ClaimReview
) -> None:
    """A live blog's coverage ends no earlier than it starts, its updates are dated within it
    and have ids of their own; a review's numbers are all given or none, the worst below the
    best and the rating between; its reviewer is one of those given."""
    if live.end is not None:
        assert live.start <= live.end
    for update in live.updates:
        assert live.start <= update.date
        assert live.end is None or update.date <= live.end
    assert len(live.updates) == len({update.id for update in live.updates})
    worst, rating, best = review.worst_rating, review.rating, review.best_rating
    if worst is None or rating is None or best is None:
        assert (None, None, None) == (worst, rating, best)
    else:
        assert (True, True) == (worst < best, worst <= rating <= best)
    assert review.reviewer in {None, "p", "o"}


@given(corrections(after=_AFTER), roles())
def test_corrections_are_not_before_the_moment_given(correction: Any, role: Any) -> None:
    """A correction drawn after a moment is not before it; a role's start is not after its
    end."""
    assert correction.date >= _AFTER
    if role.start is not None and role.end is not None:
        assert role.start.earliest <= role.end.latest


def test_strategies_are_built_once() -> None:
    """Calling a strategy function again gives the very same strategy, not a new one."""
    assert articles() is articles()
    assert lines() is lines()
    assert ids() is ids()
    assert people(refs={"people": ["a"]}) is people(refs={"people": ["a"]})
    assert live_coverages() is live_coverages()
    assert policies() is policies()
    assert claim_reviews() is claim_reviews()
    assert schema_documents() is schema_documents()


def test_schema_documents_read_the_schema_they_are_given() -> None:
    """Patterns with groups, alternatives and repeats, enumerations, arrays of unique items
    and strings that avoid characters: every value generated is valid under the schema."""
    schema = {
        "type": "object",
        "additionalProperties": False,
        "required": ["code", "tags", "word"],
        "properties": {
            "code": {"type": "string", "pattern": r"^(ab|c[0-9]{2,3})+-?x*(?![\s\S])"},
            "odd": {"type": "string", "pattern": r"^a(?<=a)b$"},
            "tags": {"type": "array", "uniqueItems": True, "items": {"enum": ["x", "y", 3]}},
            "word": {"type": "string", "minLength": 2, "not": {"pattern": "[aeiou]"}},
        },
    }

    @given(schema_documents(schema))
    def check(value: Any) -> None:
        jsonschema.validate(value, schema)

    check()
