"""The Panjshir example encodes the seed article faithfully, and invents nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsarticle import (
    Article,
    Attribution,
    Channel,
    Claim,
    Genre,
    Organization,
    Paragraph,
    ParagraphRole,
    Person,
    QuoteKind,
    RelationKind,
    Verification,
    load,
)

SEED = Path(__file__).resolve().parent.parent.parent / "shared" / "seed" / "panjshir.txt"


@pytest.fixture(scope="module")
def article() -> Article:
    return load(Path(__file__).resolve().parent.parent / "examples" / "panjshir.json")


def claim_with(article: Article, words: str) -> Claim:
    (found,) = [claim for claim in article.claims if words in claim.text]
    return found


def test_every_paragraph_of_the_seed_in_order(article: Article) -> None:
    """The paragraphs are the seed article's, all of them, word for word, in order."""
    if not SEED.exists():
        pytest.skip(f"the seed article is not at {SEED} (it lives beside the project)")
    blocks = [b.strip() for b in re.split(r"\n\s*\n", SEED.read_text(encoding="utf-8"))]
    headline, *paragraphs = [b for b in blocks if b]
    assert headline == article.headline
    assert paragraphs == [p.text for p in article.paragraphs]


def test_shape_of_the_article(article: Article) -> None:
    """27 body paragraphs, then the team note and its link as asides; a background piece."""
    roles = [p.role for p in article.paragraphs]
    assert [ParagraphRole.BODY] * 27 + [ParagraphRole.ASIDE] * 2 == roles
    assert Genre.BACKGROUND == article.genre
    assert "en-GB" == article.language


def test_unknown_facts_are_left_out(article: Article) -> None:
    """The article's URL, publication time and images are not known, so they are absent."""
    assert (None, None, None, ()) == (
        article.url,
        article.date_published,
        article.date_modified,
        article.images,
    )


def test_byline_is_the_unit_of_the_publisher(article: Article) -> None:
    """The Data and Forensics team wrote it; Sky News, its parent, published it."""
    (author,) = article.authors
    team = article.index[author]
    assert isinstance(team, Organization)
    assert "Data and Forensics team" == team.name
    assert "sky-news" == article.publisher == team.parent


def test_everyone_named_is_there(article: Article) -> None:
    """Every person, organization and place the text names is an entity."""
    people = {p.name for p in article.people}
    organizations = {o.name for o in article.organizations}
    places = {p.name for p in article.places}
    assert {
        "Ahmad Massoud",
        "Ahmad Shah Massoud",
        "Amrullah Saleh",
        "Ashraf Ghani",
        "Alex Crawford",
    } == people
    assert {
        "Sky News",
        "Data and Forensics team",
        "The Washington Post",
        "The National",
        "Taliban",
        "Northern Alliance",
        "Afghan intelligence service",
        "Soviets",
        "Facebook",
    } <= organizations
    assert {"Panjshir Valley", "Panjshir", "Kabul", "Laghman province", "Rukha", "Afghanistan"} <= (
        places
    )


def speaker(article: Article, attribution_id: str) -> tuple[str, Channel]:
    attribution = article.index[attribution_id]
    assert isinstance(attribution, Attribution)
    assert attribution.source is not None
    source = article.index[attribution.source]
    assert isinstance(source, Person)
    return source.name, attribution.channel


def test_quotes_stand_in_the_body_with_their_speakers(article: Article) -> None:
    """Each quote is in its paragraphs, direct or reported, with the person who said it."""
    for quote in article.quotes:
        for part, anchor in zip(quote.text.split("\n\n"), quote.paragraphs, strict=True):
            paragraph = article.index[anchor]
            assert isinstance(paragraph, Paragraph)
            assert part in paragraph.text
    massoud, saleh = "Ahmad Massoud", "Amrullah Saleh"
    assert {
        "op-ed-opening": (QuoteKind.DIRECT, (massoud, Channel.OP_ED)),
        "we-need-help": (QuoteKind.DIRECT, (massoud, Channel.OP_ED)),
        "fight-to-the-death": (QuoteKind.DIRECT, (massoud, Channel.INTERVIEW)),
        "massoud-military-fled": (QuoteKind.REPORTED, (massoud, Channel.INTERVIEW)),
        "saleh-hero": (QuoteKind.DIRECT, (saleh, Channel.TWEET)),
        "saleh-commitment": (QuoteKind.REPORTED, (saleh, Channel.TWEET)),
    } == {q.id: (q.kind, speaker(article, q.attribution)) for q in article.quotes}
    (opening,) = [q for q in article.quotes if q.id == "op-ed-opening"]
    assert ("p1", "p2") == opening.paragraphs


def test_interviews_name_outlet_and_interviewer(article: Article) -> None:
    """Massoud spoke to The National, and separately to Sky's Alex Crawford in July 2021."""
    by_id = {a.id: a for a in article.attributions}
    assert "the-national" == by_id["massoud-to-the-national"].outlet
    crawford = by_id["massoud-to-crawford"]
    assert ("alex-crawford", "2021-07") == (crawford.recipient, str(crawford.date))
    op_ed = by_id["massoud-op-ed"]
    assert ("washington-post", "2021-08-18", "on Thursday") == (
        op_ed.outlet,
        str(op_ed.date),
        op_ed.date_text,
    )


def test_unnamed_source_stays_unnamed(article: Article) -> None:
    """The source is known only by the article's words; no identity is recorded."""
    (source,) = article.unnamed_sources
    assert "A source who knows the Panjshir region well" == source.description
    assert source.identity is None
    uses = [a for a in article.attributions if a.source == source.id]
    assert {"told", "reported", "suggested"} == {a.verb for a in uses}
    assert {Verification.UNVERIFIED} == {a.verification for a in uses}


@pytest.mark.parametrize(
    ("words", "source", "channel", "verification"),
    [
        ("two skirmishes with the Taliban", "panjshir-source", Channel.CONVERSATION, "unverified"),
        (
            "thousands of people have been flocking",
            "panjshir-source",
            Channel.CONVERSATION,
            "unverified",
        ),
        ("five Afghan military helicopters", "data-forensics-team", Channel.IMAGE, "verified"),
        ("allegedly headed for Panjshir", None, Channel.VIDEO, "alleged"),
        ("a convoy brandishing the flag", None, Channel.VIDEO, "unverified"),
        ("more than 20 of his colleagues", "data-forensics-team", Channel.ARTICLE, "unverified"),
        (
            "70 miles (113km) to the north of Kabul",
            "data-forensics-team",
            Channel.ARTICLE,
            "disputed",
        ),
    ],
)
def test_claims_named_in_the_design_rest_on_their_sources(
    article: Article, words: str, source: str | None, channel: Channel, verification: str
) -> None:
    """Each claim DESIGN section 2 names is there, with its source, channel and verification."""
    claim = claim_with(article, words)
    attribution = article.index[claim.attribution]
    assert isinstance(attribution, Attribution)
    assert (source, channel, Verification(verification)) == (
        attribution.source,
        attribution.channel,
        attribution.verification,
    )


def test_people_have_roles_over_time_and_relations(article: Article) -> None:
    """Saleh was intelligence chief, vice president from 2019, then caretaker president by
    his own declaration; Ahmad Massoud is the son of Ahmad Shah Massoud."""
    saleh = next(p for p in article.people if p.id == "amrullah-saleh")
    assert [
        ("head", None),
        ("vice president", "2019"),
        ("caretaker president", "2021-08-17"),
    ] == [(r.title, str(r.start) if r.start else None) for r in saleh.roles]
    massoud = next(p for p in article.people if p.id == "ahmad-massoud")
    assert [(RelationKind.PARENT, "ahmad-shah-massoud")] == [
        (r.kind, r.person) for r in massoud.relations
    ]


def test_places_nest_border_and_carry_checked_coordinates(article: Article) -> None:
    """Coordinates only where facts.md gives them with high confidence."""
    places = {p.id: p for p in article.places}
    valley = places["panjshir-valley"].geo
    assert valley is not None
    assert (35.267, 69.467) == (valley.latitude, valley.longitude)
    assert ("laghman",) == places["panjshir"].borders
    assert "rukha" == places["marshall-fahim-stadium"].contained_in
    assert {"panjshir-valley", "kabul"} == {i for i, p in places.items() if p.geo is not None}
