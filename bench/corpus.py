"""A deterministic corpus of realistic articles for the benchmarks.

Every article is built with the public model (``newsarticle.Article``,
``Person``, ...) from a seeded :class:`random.Random`: the same seed, size and
index always give the same article, byte for byte, on any machine.  An article
of ``n`` paragraphs names people, organizations and places in about the
proportions of ``examples/panjshir.json`` (29 paragraphs, 5 people, 13
organizations, 7 places, 18 attributions, 6 quotes, 13 claims), with anchored
direct and reported quotes (some over two paragraphs), claims resting on
attributions of every channel and verification status, unnamed sources, roles
with dates, relations, nested places with coordinates, images, corrections,
subheadings and asides.  Every document is checked on the way out: it must
validate with no problem at all, search-engine profile included.

Run it on its own to write a corpus::

    python bench/corpus.py --files 10000 --lines 1000 --out bench/data

:func:`shape` writes one document in the other ways a JSON writer might (another
indentation, compact, keys in another order, non-ASCII escaped), for the reading
benchmarks.

The command writes ``files/`` (one canonical JSON file per article, sizes mixed as
in an archive), ``corpus.jsonl`` (the first ``--lines`` articles, one compact
document per line) and ``corpus-10x.jsonl`` (ten times as many).
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import re
import sys
import time
import unicodedata
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final
from urllib.parse import quote

import newsarticle
from newsarticle import (
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

__all__ = [
    "MIX",
    "SHAPES",
    "SIZES",
    "CorpusPaths",
    "article",
    "compact",
    "document",
    "shape",
    "size_of",
    "write_corpus",
]

#: The paragraph count of each named size; "panjshir" is the example's size.
SIZES: Final = {"10": 10, "panjshir": 27, "50": 50, "200": 200}
#: How often each size appears in the folder and the JSON Lines files (an archive
#: holds mostly short and Panjshir-size pieces, some long reads, a few very long ones).
MIX: Final = (("10", 0.35), ("panjshir", 0.40), ("50", 0.20), ("200", 0.05))
DEFAULT_SEED: Final = 2021
#: Bumped whenever the generator's output changes, so cached corpora are rebuilt.
GENERATOR_VERSION: Final = 1

# --- vocabulary ---------------------------------------------------------------

FIRST_NAMES: Final = (
    "Amina", "Omar", "Sofia", "Liam", "Chen", "Priya", "Mateo", "Zoë", "José", "Fatima",
    "Hamid", "Ingrid", "Kwame", "Yuki", "Nadia", "Tomasz", "Leila", "Rafael", "Aisha",
    "Dmitri", "Grace", "Farid", "Elena", "Samuel", "Mariam", "Javier", "Noor", "Oliver",
    "Ana", "Karim", "Beatriz", "Ren", "Hana", "Malik", "Clara", "Idris", "Lucía", "Pavel",
    "Sara", "Tariq", "Ewa", "Joseph", "Halima", "Stefan", "Nia", "Arjun", "Maren", "Felix",
)  # fmt: skip
SURNAMES: Final = (
    "Rahimi", "Okafor", "Lindqvist", "Haddad", "Moreno", "Nakamura", "Kowalski", "Mensah",
    "Petrov", "Castillo", "Farouk", "Brennan", "Sato", "Abadi", "Novak", "Osei", "Ferreira",
    "Hussain", "Karlsson", "Müller", "Núñez", "Dubois", "Qureshi", "Adeyemi", "Volkov",
    "Ortega", "Jansen", "Siddiqui", "Walsh", "Yilmaz", "Baptiste", "Costa", "Aziz", "Horvat",
)  # fmt: skip
COUNTRIES: Final = (
    ("Kenya", -0.02, 37.9), ("Peru", -9.19, -75.0), ("Norway", 60.47, 8.47),
    ("Jordan", 30.59, 36.24), ("Vietnam", 14.06, 108.28), ("Portugal", 39.4, -8.22),
    ("Chile", -35.68, -71.54), ("Ghana", 7.95, -1.02), ("Mongolia", 46.86, 103.85),
    ("Colombia", 4.57, -74.3), ("Georgia", 42.32, 43.36), ("Nepal", 28.39, 84.12),
)  # fmt: skip
SYLLABLES: Final = (
    "Bal", "Kor", "Men", "Tas", "Ril", "Dor", "San", "Vel", "Ash", "Mir", "Hal", "Zar",
    "Lun", "Ost", "Ber", "Kal", "Nor", "Esh", "Tam", "Qad", "Sel", "Var",
)  # fmt: skip
ENDINGS: Final = (
    "ford", "abad", "ova", "ville", "ino", "stan", "by", "grad", "pur", "ton", "ia", "ar",
    "mouth", "dale", "era", "esti",
)  # fmt: skip
LANDFORMS: Final = ("Valley", "Hills", "Gorge", "Plateau", "Pass", "River", "Lake")
LANDMARKS: Final = ("Bridge", "Dam", "Airport", "Market", "Fort", "Port")
MINISTRIES: Final = ("Defence", "Health", "Interior", "Finance", "Energy", "Education", "Water")
PARTIES: Final = (
    "Progressive Party", "National Unity Party", "Democratic Alliance", "Labour Front",
    "Green Movement", "Civic Platform",
)  # fmt: skip
NGO_PATTERNS: Final = (
    "{region} Rights Watch", "Doctors for {region}", "{country} Red Crescent",
    "{region} Food Bank", "Friends of {region}",
)  # fmt: skip
COMPANY_PATTERNS: Final = (
    "{surname} Holdings", "{region} Mining Company", "University of {town}",
    "{town} Water Authority", "{country} Rail",
)  # fmt: skip
NEWS_PATTERNS: Final = (
    "The {town} Herald", "{country} Broadcasting Corporation", "Radio {town}",
    "The Daily {word}", "{region} Times",
)  # fmt: skip
NEWS_WORDS: Final = ("Courier", "Chronicle", "Observer", "Record", "Bulletin", "Ledger")
WEEKDAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS: Final = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
NOUNS: Final = (
    "bridge", "hospital", "water supply", "power station", "market", "airport", "ceasefire",
    "border crossing", "grain store", "school", "pipeline", "mountain road", "clinic",
)  # fmt: skip
EVENTS: Final = (
    "flooding", "fighting", "strike", "protests", "drought", "election campaign", "blockade",
    "evacuation", "landslide", "fuel shortage",
)  # fmt: skip
SUPPLIES: Final = ("fuel", "flour", "clean water", "medicine", "cooking gas", "baby formula")
STATES: Final = ("closed", "damaged", "out of action", "under guard", "overcrowded", "cut off")
DAYPARTS: Final = ("morning", "afternoon", "evening", "night", "weekend")
HEADLINE_PATTERNS: Final = (
    "{event} in {place}: what we know so far",
    "Why the {noun} in {place} matters",
    "{place} braces for a long {event}",
    "Inside the {event} that changed {place}",
    "{person} vows to stay as {event} spreads to {place}",
    "How {org} is preparing for the {event}",
    "{place} residents count the cost of the {event}",
)  # fmt: skip
SECTIONS: Final = ("World", "Politics", "Environment", "Business", "Science", "Investigations")
FILLER: Final = (
    "{person} arrived in {place} on {weekday}, {number} days after the {event} began.",
    "Residents of {place} said the {noun} had been {state} for {number} weeks.",
    "The {org} has not commented on the reports.",
    "According to figures published by the {org}, more than {big} people have left {place} "
    "since {month}.",
    "Roads between {place} and {place2} were closed for much of the {daypart}.",
    "{person}, who has worked with the {org} since {year}, is expected to travel to {place} "
    "later this month.",
    "Local officials put the cost of the damage at about {money}.",
    "The {noun} is the largest of its kind in {place}, and the busiest since {year}.",
    "Talks between the {org} and the {org2} are due to resume on {weekday}.",
    "Many families have moved to {place}, where the {noun} remains open.",
    "It is not the first time the region has faced a {event}.",
    "In {year}, a similar {event} forced thousands of people in {place} to leave their homes.",
    "Aid agencies have warned that supplies of {supply} could run out within {number} days.",
    "The decision was welcomed by the {org}, which had campaigned for it for {number} years.",
    "Queues formed outside the {noun} in {place} before dawn.",
    "{person} did not respond to a request for comment.",
    "The {org} said it would publish its own figures on {weekday}.",
    "Satellite pictures show that the {noun} near {place} is still {state}.",
    "Prices of {supply} in {place} have doubled since {month}, traders say.",
    "The last time the {noun} was {state} for so long was in {year}.",
)  # fmt: skip
DIRECT: Final = (
    "We will not leave our homes",
    "We need help, and we need it now",
    "Nobody told us the road to {place} would be closed",
    "This is the worst {event} we have seen in {number} years",
    "Our teams are working day and night to reopen the {noun}",
    "The talks have been difficult, but they are not over",
    "We have enough {supply} for a week, perhaps less",
    "Every family here has lost something",
    "The figures speak for themselves",
    "We are ready to negotiate, but not at any price",
    "There is no way we will give in. We will stand our ground",
    "People in {place} deserve to know what happened",
)  # fmt: skip
REPORTED: Final = (
    "the convoy had reached {place} before nightfall",
    "more than {big} people had sought shelter in {place}",
    "the {org} would not take part in the talks",
    "the {noun} would reopen within {number} days",
    "supplies of {supply} were being held at the border",
    "the {event} had been planned for months",
    "the {org} had asked the {org2} for help",
)  # fmt: skip
CLAIMS: Final = (
    "{number} people were injured in clashes near {place}",
    "the {noun} in {place} was {state} on {weekday}",
    "the {org} controls most of the roads into {place}",
    "more than {big} people have left {place} since {month}",
    "{number} lorries carrying {supply} crossed into {place} overnight",
    "the {event} has cost the region about {money}",
    "two {noun}s near {place} were hit during the {daypart}",
    "the {org} has recruited hundreds of new members since {year}",
)  # fmt: skip
VERBS_SAID: Final = ("said", "added", "insisted", "warned", "claimed", "suggested")
UNNAMED: Final = (
    ("a source who knows the region well", "a district official in {place}"),
    ("a senior official who asked not to be named", "a deputy minister at the {org}"),
    ("a diplomat familiar with the talks", "an envoy seconded to the {org}"),
    ("an aid worker in the city", "a field coordinator of the {org}"),
    ("a former member of the {org}", "a defector from the {org}"),
)  # fmt: skip
OUTLET_CHANNELS: Final = {Channel.OP_ED, Channel.INTERVIEW, Channel.ARTICLE}
QUOTE_CHANNELS: Final = (
    Channel.INTERVIEW, Channel.CONVERSATION, Channel.STATEMENT, Channel.SPEECH, Channel.TWEET,
    Channel.OP_ED, Channel.PRESS_RELEASE, Channel.LIVESTREAM, Channel.SOCIAL_MEDIA_POST,
)  # fmt: skip
CLAIM_CHANNELS: Final = (
    Channel.STATEMENT, Channel.PRESS_RELEASE, Channel.IMAGE, Channel.VIDEO, Channel.DOCUMENT,
    Channel.SOCIAL_MEDIA_POST, Channel.ARTICLE, Channel.CONVERSATION, Channel.TWEET,
)  # fmt: skip
VERIFICATIONS: Final = (
    (Verification.VERIFIED, 0.5), (Verification.UNVERIFIED, 0.25),
    (Verification.ALLEGED, 0.1), (Verification.DISPUTED, 0.1), (Verification.FALSE, 0.05),
)  # fmt: skip
TIME_ZONES: Final = (0, 60, -300, 270, 180, 330, -180, 120)


def slug(text: str) -> str:
    """An id made of the text: ASCII letters and digits joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60] or "x"


# --- the generator ----------------------------------------------------------------


@dataclass
class _Ids:
    used: set[str] = field(default_factory=set)

    def new(self, base: str) -> str:
        candidate, number = base, 2
        while candidate in self.used:
            candidate, number = f"{base}-{number}", number + 1
        self.used.add(candidate)
        return candidate


@dataclass
class _Statement:
    """A quote or claim waiting for its paragraph(s)."""

    kind: str  # "direct", "reported", "claim"
    text: tuple[str, ...]  # one part per anchor paragraph
    attribution: Attribution
    speaker: str  # how the body names the source
    about: tuple[str, ...] = ()


class _Writer:
    """Builds one article from its own random generator."""

    def __init__(self, rng: random.Random, paragraphs: int, index: int) -> None:
        self.rng = rng
        self.n = paragraphs
        self.index = index
        self.ids = _Ids()
        self.country, lat, lon = rng.choice(COUNTRIES)
        self.origin = (lat, lon)
        self.published = self._published()

    # small helpers

    def pick(self, items: Sequence[str]) -> str:
        return self.rng.choice(items)

    def town(self) -> str:
        return self.pick(SYLLABLES) + self.pick(ENDINGS)

    def number(self) -> str:
        return str(self.rng.randint(2, 40))

    def big(self) -> str:
        return f"{self.rng.randint(2, 90) * 100:,}"

    def money(self) -> str:
        return f"${self.rng.randint(2, 95)} million"

    def _published(self) -> dt.datetime:
        day = dt.date(2019, 1, 1) + dt.timedelta(days=self.rng.randrange(6 * 365))
        zone = dt.timezone(dt.timedelta(minutes=self.rng.choice(TIME_ZONES)))
        return dt.datetime(
            day.year, day.month, day.day, self.rng.randrange(5, 23), self.rng.randrange(60),
            tzinfo=zone,
        )  # fmt: skip

    def fill(self, pattern: str) -> str:
        """A template with its slots filled from this article's entities."""
        rng = self.rng
        values = {
            "person": rng.choice(self.people).name,
            "place": rng.choice(self.places).name,
            "place2": rng.choice(self.places).name,
            "org": rng.choice(self.organizations).name,
            "org2": rng.choice(self.organizations).name,
            "weekday": self.pick(WEEKDAYS),
            "month": self.pick(MONTHS),
            "year": str(rng.randint(1996, self.published.year - 1)),
            "number": self.number(),
            "big": self.big(),
            "money": self.money(),
            "noun": self.pick(NOUNS),
            "event": self.pick(EVENTS),
            "supply": self.pick(SUPPLIES),
            "state": self.pick(STATES),
            "daypart": self.pick(DAYPARTS),
        }
        for key in ("org", "org2"):  # "the The Herald" reads badly
            name = values[key]
            values[f"the_{key}"] = name if name.startswith("The ") else f"the {name}"
        pattern = re.sub(r"\b[Tt]he \{(org2?)\}", r"{the_\1}", pattern)
        text = pattern.format(**values)
        return text[0].upper() + text[1:]

    def partial_date(self, *, before: dt.date) -> PartialDate:
        day = before - dt.timedelta(days=self.rng.randrange(1, 40))
        precision = self.rng.random()
        if precision < 0.6:
            return PartialDate(year=day.year, month=day.month, day=day.day)
        if precision < 0.85:
            return PartialDate(year=day.year, month=day.month)
        return PartialDate(year=day.year)

    # entities

    def build_entities(self) -> None:
        rng, n = self.rng, self.n
        self.places = self._places(max(3, round(n * 0.25)))
        self.organizations = self._organizations(max(4, round(n * 0.45)))
        self.people = self._people(max(3, round(n * 0.18)))
        self.unnamed = self._unnamed(1 + n // 40)
        self.journalists = self.people[:2] if rng.random() < 0.5 else self.people[:1]

    def _places(self, count: int) -> list[Place]:
        rng = self.rng
        country = Place(
            id=self.ids.new(slug(self.country)),
            name=self.country,
            kind=PlaceKind.COUNTRY,
            same_as=[f"https://www.wikidata.org/wiki/Q{rng.randint(100, 99999)}"],
        )
        places = [country]
        areas: list[Place] = []
        for _ in range(count - 1):
            kind_roll = rng.random()
            name = self.town()
            lat = round(self.origin[0] + rng.uniform(-2, 2), 5)
            lon = round(self.origin[1] + rng.uniform(-2, 2), 5)
            if not areas or kind_roll < 0.25:
                area_name = f"{name} Province"
                borders = [a.id for a in rng.sample(areas, min(len(areas), 2))]
                area = Place(
                    id=self.ids.new(slug(area_name)),
                    name=area_name,
                    alternate_names=[name] if rng.random() < 0.5 else [],
                    kind=PlaceKind.ADMINISTRATIVE_AREA,
                    contained_in=country.id,
                    borders=borders,
                )
                areas.append(area)
                places.append(area)
                continue
            parent = rng.choice(areas)
            if kind_roll < 0.65:
                kind, full = PlaceKind.CITY, name
            elif kind_roll < 0.85:
                kind, full = PlaceKind.LANDFORM, f"{name} {self.pick(LANDFORMS)}"
            elif kind_roll < 0.95:
                kind, full = PlaceKind.LANDMARK, f"{name} {self.pick(LANDMARKS)}"
            else:
                kind, full = PlaceKind.STADIUM, f"{self.pick(SURNAMES)} Stadium, {name}"
            places.append(
                Place(
                    id=self.ids.new(slug(full)),
                    name=full,
                    description=f"A {kind.value.replace('_', ' ')} in {parent.name}"
                    if rng.random() < 0.4
                    else None,
                    kind=kind,
                    geo=GeoCoordinates(latitude=lat, longitude=lon),
                    contained_in=parent.id,
                )
            )
        return places

    def _organizations(self, count: int) -> list[Organization]:
        rng = self.rng
        region = self.places[min(1, len(self.places) - 1)].name.removesuffix(" Province")
        words = {
            "country": self.country,
            "region": region,
            "town": self.town(),
            "surname": self.pick(SURNAMES),
            "word": self.pick(NEWS_WORDS),
        }
        publisher_name = self.pick(NEWS_PATTERNS).format(**words)
        domain = slug(publisher_name).replace("-", "") + ".example"
        self.domain = domain
        publisher = Organization(
            id=self.ids.new(slug(publisher_name)),
            name=publisher_name,
            kind=OrganizationKind.NEWS_MEDIA,
            url=f"https://www.{domain}/",
            same_as=[f"https://www.wikidata.org/wiki/Q{rng.randint(100, 99999)}"],
        )
        unit_name = rng.choice(("Data and Forensics team", "Investigations unit", "Foreign desk"))
        unit = Organization(
            id=self.ids.new(slug(unit_name)),
            name=unit_name,
            description=f"A team of journalists at {publisher_name}",
            url=f"https://www.{domain}/team/{slug(unit_name)}",
            parent=publisher.id,
        )
        organizations = [publisher, unit]
        kinds = (
            (OrganizationKind.NEWS_MEDIA, 0.2), (OrganizationKind.GOVERNMENT, 0.25),
            (OrganizationKind.ARMED_GROUP, 0.15), (OrganizationKind.POLITICAL_PARTY, 0.1),
            (OrganizationKind.NGO, 0.15), (OrganizationKind.ORGANIZATION, 0.15),
        )  # fmt: skip
        attempts = 0
        while len(organizations) < count and attempts < count * 10:
            attempts += 1
            kind = rng.choices([k for k, _ in kinds], [w for _, w in kinds])[0]
            words = {
                "country": self.country,
                "region": rng.choice(self.places).name.removesuffix(" Province"),
                "town": self.town(),
                "surname": self.pick(SURNAMES),
                "word": self.pick(NEWS_WORDS),
            }
            if kind is OrganizationKind.NEWS_MEDIA:
                name = self.pick(NEWS_PATTERNS).format(**words)
            elif kind is OrganizationKind.GOVERNMENT:
                name = f"Ministry of {self.pick(MINISTRIES)}"
            elif kind is OrganizationKind.ARMED_GROUP:
                name = f"{words['region']} {rng.choice(('Liberation Front', 'Defence Forces'))}"
            elif kind is OrganizationKind.POLITICAL_PARTY:
                name = self.pick(PARTIES)
            elif kind is OrganizationKind.NGO:
                name = self.pick(NGO_PATTERNS).format(**words)
            else:
                name = self.pick(COMPANY_PATTERNS).format(**words)
            if any(o.name == name for o in organizations):
                continue
            organizations.append(
                Organization(
                    id=self.ids.new(slug(name)),
                    name=name,
                    alternate_names=[_initials(name)] if rng.random() < 0.3 else [],
                    kind=kind,
                    same_as=[f"https://en.wikipedia.org/wiki/{quote(name.replace(' ', '_'))}"]
                    if rng.random() < 0.4
                    else [],
                )
            )
        self.publisher, self.unit = publisher, unit
        return organizations

    def _people(self, count: int) -> list[Person]:
        rng = self.rng
        names: list[str] = []
        while len(names) < count:
            name = f"{self.pick(FIRST_NAMES)} {self.pick(SURNAMES)}"
            if name not in names:
                names.append(name)
        ids = [self.ids.new(slug(name)) for name in names]
        relations: dict[str, list[Relation]] = {identifier: [] for identifier in ids}
        for _ in range(count // 4):
            first, second = rng.sample(ids, 2)
            kind = rng.choice((RelationKind.PARENT, RelationKind.SIBLING, RelationKind.COLLEAGUE))
            if any(r.person == second for r in relations[first]):
                continue
            back = {RelationKind.PARENT: RelationKind.CHILD}.get(kind, kind)
            relations[first].append(Relation(kind=kind, person=second))
            relations[second].append(Relation(kind=back, person=first))
        people = []
        for position, (name, identifier) in enumerate(zip(names, ids, strict=True)):
            if position < 2:  # possible bylines: journalists of the publisher
                roles = [Role(title="correspondent", organization=self.publisher.id)]
                description: str | None = f"Correspondent for {self.publisher.name}"
                url: str | None = f"https://www.{self.domain}/authors/{identifier}"
            else:
                roles = self._roles()
                description = rng.choice(
                    (None, f"A resident of {rng.choice(self.places).name}", "A former minister")
                )
                url = None
            people.append(
                Person(
                    id=identifier,
                    name=name,
                    description=description,
                    url=url,
                    same_as=[f"https://www.wikidata.org/wiki/Q{rng.randint(100, 999999)}"]
                    if rng.random() < 0.3
                    else [],
                    roles=roles,
                    relations=relations[identifier],
                )
            )
        return people

    def _roles(self) -> list[Role]:
        rng = self.rng
        roles = []
        for _ in range(rng.choice((0, 1, 1, 2))):
            organization = rng.choice(self.organizations[2:] or self.organizations)
            start = rng.randint(1995, self.published.year)
            end = rng.randint(start, self.published.year) if rng.random() < 0.4 else None
            roles.append(
                Role(
                    title=rng.choice(("spokesperson", "commander", "director", "minister",
                                      "chair", "field coordinator", "adviser")),
                    organization=organization.id,
                    start=PartialDate(year=start, month=rng.randint(1, 12))
                    if rng.random() < 0.5
                    else PartialDate(year=start),
                    end=None if end is None else PartialDate(year=end, month=12),
                    note=rng.choice((None, None, "acting", "formerly")),
                )
            )  # fmt: skip
        return roles

    def _unnamed(self, count: int) -> list[UnnamedSource]:
        sources = []
        for index in range(count):
            description, identity = UNNAMED[(self.index + index) % len(UNNAMED)]
            sources.append(
                UnnamedSource(
                    id=self.ids.new(f"source-{index + 1}"),
                    description=self.fill(description),
                    identity=f"{self.pick(FIRST_NAMES)} {self.pick(SURNAMES)}, "
                    + _lower_first(self.fill(identity)),
                )
            )
        return sources

    # who said what

    def statements(self) -> list[_Statement]:
        rng, n = self.rng, self.n
        quotes = max(2, round(n * 0.22))
        claims = max(2, round(n * 0.42))
        kinds = ["quote"] * quotes + ["claim"] * claims
        rng.shuffle(kinds)
        # every unnamed source speaks at least once
        forced = [source.id for source in self.unnamed]
        self.attributions: list[Attribution] = []
        statements = []
        for kind in kinds:
            reuse = self.attributions and not forced and rng.random() < 0.2
            if reuse:
                attribution = rng.choice(self.attributions)
            else:
                attribution = self._attribution(kind, forced.pop() if forced else None)
                self.attributions.append(attribution)
            speaker = self._speaker(attribution)
            if kind == "claim":
                text: tuple[str, ...] = (_lower_first(self.fill(rng.choice(CLAIMS))),)
                about = tuple(
                    e.id for e in rng.sample([*self.people, *self.places], rng.randint(1, 2))
                )
                statements.append(_Statement("claim", text, attribution, speaker, about))
            elif rng.random() < 0.6:
                parts = 2 if rng.random() < 0.15 else 1
                text = tuple(self.fill(rng.choice(DIRECT)) for _ in range(parts))
                if parts == 2:
                    text = (f"{text[0]}.", text[1])
                statements.append(_Statement("direct", text, attribution, speaker))
            else:
                text = (_lower_first(self.fill(rng.choice(REPORTED))),)
                statements.append(_Statement("reported", text, attribution, speaker))
        return statements

    def _attribution(self, kind: str, unnamed: str | None) -> Attribution:
        rng = self.rng
        channel = rng.choice(QUOTE_CHANNELS if kind == "quote" else CLAIM_CHANNELS)
        verification = rng.choices([v for v, _ in VERIFICATIONS], [w for _, w in VERIFICATIONS])[0]
        if unnamed is not None:
            source: str | None = unnamed
            channel = Channel.CONVERSATION
        elif channel is Channel.VIDEO and rng.random() < 0.6:
            source = None  # a video that "emerged"
        elif channel is Channel.IMAGE:
            source = self.unit.id  # images analysed by the publisher's own team
        elif channel is Channel.ARTICLE:
            source = self.publisher.id
        elif rng.random() < 0.7:
            source = rng.choice(self.people[len(self.journalists) :] or self.people).id
        else:
            source = rng.choice(self.organizations[2:] or self.organizations).id
        outlets = [o for o in self.organizations if o.kind is OrganizationKind.NEWS_MEDIA]
        outlet = rng.choice(outlets).id if channel in OUTLET_CHANNELS and outlets else None
        date = self.partial_date(before=self.published.date()) if rng.random() < 0.6 else None
        weekday = WEEKDAYS[date.earliest.weekday()] if date and date.day else None
        words = slug(f"{source or 'unknown'} {channel.value}")
        return Attribution(
            id=self.ids.new(words),
            channel=channel,
            verification=verification,
            source=source,
            verb=rng.choice(VERBS_SAID) if kind == "quote" else rng.choice((None, "reported")),
            outlet=outlet,
            recipient=self.journalists[0].id
            if channel is Channel.INTERVIEW and rng.random() < 0.5
            else None,
            date=date,
            date_text=f"on {weekday}" if weekday else None,
            title=self.fill(rng.choice(HEADLINE_PATTERNS)) if channel is Channel.OP_ED else None,
            url=f"https://social.example/{words}/status/{rng.randint(10**15, 10**16)}"
            if channel in (Channel.TWEET, Channel.SOCIAL_MEDIA_POST)
            else None,
            note=self.fill("Confirmed by two people in {place}.")
            if verification is Verification.VERIFIED and rng.random() < 0.2
            else None,
        )

    def _speaker(self, attribution: Attribution) -> str:
        source = attribution.source
        if source is None:
            return "A video shared online"
        for group in (self.people, self.organizations):
            for item in group:
                if item.id == source:
                    if group is self.people or item.name.startswith("The "):
                        return item.name
                    return f"The {item.name}"
        for unnamed in self.unnamed:
            if unnamed.id == source:
                return unnamed.description[0].upper() + unnamed.description[1:]
        raise AssertionError(source)

    # the body

    def body(
        self, statements: list[_Statement]
    ) -> tuple[list[Paragraph], list[Quote], list[Claim]]:
        """Exactly ``n`` paragraphs: body text holding the statements, subheadings, an aside."""
        rng = self.rng
        asides = 1 if self.n >= 20 else 0
        headings = (self.n - asides) // 10 if self.n >= 20 else 0
        body_count = self.n - asides - headings
        # units of body text: a statement (one paragraph, two for a two-part quote) or filler
        units: list[_Statement | None] = list(statements)
        units += [None] * (body_count - sum(len(s.text) for s in statements))
        rng.shuffle(units)
        every = body_count // (headings + 1) if headings else body_count + 1
        texts: list[tuple[str, ParagraphRole]] = []
        anchors: list[tuple[_Statement, list[int]]] = []
        written = 0  # body paragraphs so far
        for statement in units:
            if headings and written >= every * (1 + sum(r is ParagraphRole.HEADING
                                                        for _, r in texts)):  # fmt: skip
                texts.append((self.fill(rng.choice(HEADLINE_PATTERNS)), ParagraphRole.HEADING))
            filler = " ".join(self.fill(rng.choice(FILLER)) for _ in range(rng.randint(1, 3)))
            first = len(texts)
            if statement is None:
                texts.append((filler, ParagraphRole.BODY))
            else:
                texts.extend((text, ParagraphRole.BODY) for text in self._say(statement, filler))
                anchors.append((statement, list(range(first, len(texts)))))
            written += len(texts) - first
        while sum(r is ParagraphRole.HEADING for _, r in texts) < headings:
            texts.insert(len(texts) // 2, (self.fill(rng.choice(HEADLINE_PATTERNS)),
                                           ParagraphRole.HEADING))  # fmt: skip
            anchors = [(s, [i + (i >= len(texts) // 2) for i in where]) for s, where in anchors]
        if asides:
            note = (f"The {self.unit.name} is a unit of {self.publisher.name} that verifies "
                    "images, video and documents from the region.")  # fmt: skip
            texts.append((note, ParagraphRole.ASIDE))
        assert len(texts) == self.n, (len(texts), self.n)
        paragraphs = [
            Paragraph(id=f"p{number}", text=text, role=role)
            for number, (text, role) in enumerate(texts, start=1)
        ]
        quotes: list[Quote] = []
        claims: list[Claim] = []
        for statement, where in anchors:
            anchor_ids = [paragraphs[i].id for i in where]
            text = "\n\n".join(statement.text)
            if statement.kind == "claim":
                claims.append(
                    Claim(
                        id=self.ids.new(f"claim-{len(claims) + 1}"),
                        text=text,
                        attribution=statement.attribution.id,
                        paragraphs=anchor_ids,
                        about=statement.about,
                    )
                )
            else:
                quotes.append(
                    Quote(
                        id=self.ids.new(f"quote-{len(quotes) + 1}"),
                        text=text,
                        kind=QuoteKind.DIRECT if statement.kind == "direct" else QuoteKind.REPORTED,
                        attribution=statement.attribution.id,
                        paragraphs=anchor_ids,
                    )
                )
        return paragraphs, quotes, claims

    def _say(self, statement: _Statement, filler: str) -> list[str]:
        """The paragraph(s) that hold ``statement`` word for word."""
        attribution = statement.attribution
        verb = attribution.verb or "said"
        when = f" {attribution.date_text}" if attribution.date_text else ""
        if statement.kind == "direct" and len(statement.text) == 2:
            one, two = statement.text  # "one." opens the quote; the next paragraph ends it
            return [f'"{one}', f'"{two}," {statement.speaker} {verb}{when}.']
        (words,) = statement.text
        if statement.kind == "direct":
            if self.rng.random() < 0.5:
                return [f'"{words}," {statement.speaker} {verb}{when}. {filler}']
            return [f'{filler} {statement.speaker} {verb}{when}: "{words}."']
        if statement.kind == "reported":
            return [f"{statement.speaker} {verb}{when} that {words}. {filler}"]
        lead = f"{statement.speaker} {attribution.verb or 'says'}"
        return [f"{filler} {lead} that {words}."]

    def build(self) -> Article:
        rng = self.rng
        self.build_entities()
        statements = self.statements()
        paragraphs, quotes, claims = self.body(statements)
        headline = self.fill(rng.choice(HEADLINE_PATTERNS))
        article_id = self.ids.new(f"{slug(headline)[:48]}-{self.index}")
        section = rng.choice(SECTIONS)
        modified = (
            self.published + dt.timedelta(hours=rng.randint(1, 72)) if rng.random() < 0.5 else None
        )
        corrections = []
        if modified is not None and rng.random() < 0.3:
            corrections.append(
                Correction(
                    date=modified,
                    text=self.fill(
                        "An earlier version of this article gave the wrong date for the "
                        "{event} in {place}."
                    ),
                )
            )
        images = [
            Image(
                id=self.ids.new(f"image-{number}"),
                url=f"https://images.{self.domain}/{self.published:%Y/%m}/{article_id}-{number}.jpg",
                width=rng.choice((1200, 1600, 2048)),
                height=rng.choice((675, 900, 1152)),
                caption=self.fill("The {noun} in {place} on {weekday}."),
                alt=self.fill("People standing near the {noun} in {place}"),
                credit=f"Photo: {self.pick(FIRST_NAMES)} {self.pick(SURNAMES)}",
            )
            for number in range(1, 2 + self.n // 25)
        ]
        authors = [j.id for j in self.journalists]
        if rng.random() < 0.3:
            authors.append(self.unit.id)
        keywords = list(dict.fromkeys(
            [self.country, *(p.name for p in rng.sample(self.places, min(3, len(self.places)))),
             rng.choice(EVENTS)]
        ))  # fmt: skip
        main_place = rng.choice(self.places[1:])
        return Article(
            id=article_id,
            headline=headline,
            language=rng.choice(("en-GB", "en-GB", "en-US", "en")),
            alternative_headline=self.fill("{event} in {place}") if rng.random() < 0.3 else None,
            standfirst=self.fill(
                "{person} and the {org} are preparing for a long {event}. Here is what we know."
            ),
            url=f"https://www.{self.domain}/{slug(section)}/{self.published:%Y/%m/%d}/{article_id}",
            genre=rng.choice((Genre.NEWS, Genre.NEWS, Genre.ANALYSIS, Genre.BACKGROUND,
                              Genre.REPORTAGE)),
            section=section,
            keywords=keywords,
            date_published=self.published,
            date_modified=modified,
            dateline=f"{main_place.name.upper()}, {self.published:%d %B}",
            authors=authors,
            publisher=self.publisher.id,
            about=[main_place.id, rng.choice(self.organizations[2:] or self.organizations).id],
            content_locations=[main_place.id],
            paragraphs=paragraphs,
            images=images,
            corrections=corrections,
            people=self.people,
            organizations=self.organizations,
            places=self.places,
            unnamed_sources=self.unnamed,
            attributions=self.attributions,
            quotes=quotes,
            claims=claims,
        )  # fmt: skip


def _lower_first(text: str) -> str:
    return text[0].lower() + text[1:]


def _initials(name: str) -> str:
    letters = "".join(word[0] for word in name.split() if word[0].isupper())
    return letters if len(letters) > 1 else name.upper()


# --- the public functions ---------------------------------------------------------


def article(size: str, index: int, seed: int = DEFAULT_SEED) -> Article:
    """Article number ``index`` of ``size`` (a key of :data:`SIZES`): always the same."""
    rng = random.Random(f"newsarticle-bench:{GENERATOR_VERSION}:{seed}:{size}:{index}")
    return _Writer(rng, SIZES[size], index).build()


def size_of(index: int, seed: int = DEFAULT_SEED) -> str:
    """The size of article ``index`` of the mixed corpus."""
    rng = random.Random(f"newsarticle-bench-mix:{seed}:{index}")
    return rng.choices([s for s, _ in MIX], [w for _, w in MIX])[0]


def document(size: str, index: int, seed: int = DEFAULT_SEED) -> str:
    """The canonical JSON text of :func:`article`, checked: it validates with no problem."""
    text = newsarticle.dumps(article(size, index, seed))
    problems = newsarticle.validate(text, profile=True)
    assert not problems, f"generated article {size}/{index} has problems: {problems}"
    return text


#: The input shapes of the reading benchmarks: the same article written as other
#: JSON writers write it.  Canonical is what ``newsarticle.dumps`` writes (two-space
#: indent, keys in the model's order, non-ASCII as is, final newline).
SHAPES: Final = {
    "canonical": "as newsarticle.dumps writes it",
    "indent 4": "json.dumps(value, indent=4, ensure_ascii=False)",
    "compact": "json.dumps(value, separators=(',', ':'), ensure_ascii=False)",
    "keys reversed": "every object's keys in reverse order, indent 2",
    "escaped": "non-ASCII written as \\u escapes: json.dumps(value, indent=2), ensure_ascii on",
}


def _reversed_keys(value: object) -> object:
    if isinstance(value, dict):
        return {key: _reversed_keys(value[key]) for key in reversed(list(value))}
    if isinstance(value, list):
        return [_reversed_keys(item) for item in value]
    return value


def shape(text: str, name: str) -> str:
    """The article document ``text`` (canonical) written in the shape ``name`` of :data:`SHAPES`."""
    value = json.loads(text)
    if name == "canonical":
        return text
    if name == "indent 4":
        return json.dumps(value, indent=4, ensure_ascii=False)
    if name == "compact":
        return json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    if name == "keys reversed":
        return json.dumps(_reversed_keys(value), indent=2, ensure_ascii=False)
    if name == "escaped":
        return json.dumps(value, indent=2, ensure_ascii=True)
    raise ValueError(f"no such shape: {name!r}")


def compact(text: str) -> str:
    """One article document on one line, for JSON Lines."""
    return json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class CorpusPaths:
    """Where a written corpus is."""

    root: Path
    files: Path
    lines: Path
    lines_10x: Path
    count_files: int
    count_lines: int

    @property
    def count_lines_10x(self) -> int:
        return self.count_lines * 10


def _documents(indices: Sequence[int], seed: int) -> list[str]:
    return [document(size_of(index, seed), index, seed) for index in indices]


def _generate(count: int, seed: int, jobs: int) -> Iterator[str]:
    """The ``count`` mixed-size documents, in order, built in ``jobs`` processes."""
    batch = 200
    groups = [list(range(start, min(start + batch, count))) for start in range(0, count, batch)]
    if jobs <= 1:
        for group in groups:
            yield from _documents(group, seed)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for texts in pool.map(_documents, groups, [seed] * len(groups)):
            yield from texts


def write_corpus(
    root: Path, *, files: int, lines: int, seed: int = DEFAULT_SEED, jobs: int = 2,
    log: bool = True,
) -> CorpusPaths:  # fmt: skip
    """Write (or reuse, when already written with the same parameters) the corpus under ``root``.

    ``files/`` holds articles 0..files-1, one canonical file each; ``corpus.jsonl`` articles
    0..lines-1 and ``corpus-10x.jsonl`` articles 0..10*lines-1, one compact line each.
    """
    total = max(files, lines * 10)
    paths = CorpusPaths(
        root=root,
        files=root / "files",
        lines=root / "corpus.jsonl",
        lines_10x=root / "corpus-10x.jsonl",
        count_files=files,
        count_lines=lines,
    )
    manifest = root / "manifest.json"
    source = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
    wanted = {
        "seed": seed,
        "files": files,
        "lines": lines,
        "generator": source,
        "newsarticle": newsarticle.__version__,
    }
    if manifest.exists() and json.loads(manifest.read_text()) == wanted:
        if log:
            print(
                f"corpus: reusing {root} ({files} files, {lines} and {lines * 10} lines)",
                file=sys.stderr,
            )
        return paths
    root.mkdir(parents=True, exist_ok=True)
    manifest.unlink(missing_ok=True)
    if paths.files.exists():
        for old in paths.files.glob("*.json"):
            old.unlink()
    paths.files.mkdir(exist_ok=True)
    started = time.perf_counter()
    with (
        paths.lines.open("w", encoding="utf-8") as small,
        paths.lines_10x.open("w", encoding="utf-8") as large,
    ):
        for index, text in enumerate(_generate(total, seed, jobs)):
            if index < files:
                (paths.files / f"article-{index:05d}.json").write_text(text, encoding="utf-8")
            if index < lines * 10:
                line = compact(text) + "\n"
                large.write(line)
                if index < lines:
                    small.write(line)
            if log and (index + 1) % 1000 == 0:
                print(f"corpus: {index + 1}/{total} articles", file=sys.stderr)
    manifest.write_text(json.dumps(wanted, indent=2) + "\n")
    if log:
        elapsed = time.perf_counter() - started
        print(
            f"corpus: wrote {total} validated articles to {root} in {elapsed:.0f} s",
            file=sys.stderr,
        )
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "data")
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--lines", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    arguments = parser.parse_args(argv)
    write_corpus(
        arguments.out, files=arguments.files, lines=arguments.lines, seed=arguments.seed,
        jobs=arguments.jobs,
    )  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
