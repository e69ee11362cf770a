"""People, organizations and places of a page: authors, the publisher, what the article is
about, mentions, and everything they refer to.

Which collection a node goes to is read from its ``@type`` through schema.org's hierarchy:
``Person`` (and below) a person, ``Organization`` (and below: ``NewsMediaOrganization``,
``LocalBusiness`` ...) an organization, ``Place`` (and below) a place.  A node of two
(``["Person", "Organization"]``, as Yoast writes a site's owner) is an organization when it is
the publisher, else the first the property allows.  The kind is the inverse of the export's
(``NewsMediaOrganization``: news_media; ``Country``: country), read up the hierarchy for the
types below them (``State`` is an ``AdministrativeArea``).

One thing is one object: nodes with the same ``@id`` are one entity, and so are nodes without
an ``@id`` that have the same type, name and URL (a publisher written out again as the
author).  An author given as text, or as an object with no ``@type``, is a person, unless an
organization of the page has that name (the publisher named again); both are said.

A byline in one name (``By A and B``, ``A, B and C``) is split when that is certain: only a
name of no ``@id`` (a node with an ``@id`` is one thing), after a leading ``By``, at commas and
the conjunction of a list (``and``, ``&``, or the article's language's: ``und``, ``et``, ``y``
...), when every part looks like a person's name (two to five words, the first and the last
capitalized, no digits).  ``A and B, Agency`` gives A and B, and the agency is reported.  Any
other name that may hold several (a comma, a ``|``, a conjunction) is kept whole and reported.

A person's ``jobTitle`` is a role in no organization: a text, or schema.org's ``Role`` pattern
(``{"@type": "Role", "jobTitle": ..., "startDate": ..., "endDate": ...}``, as the export writes a
role with dates).  An organization's Trust Project terms (``publishingPrinciples``,
``correctionsPolicy`` ...) are its :class:`~newsarticle.Policies`, each the URL of a page (a URL,
or a node with a ``url``); the four terms schema.org defines on ``NewsMediaOrganization`` alone
are kept only for a news organization, the one type the export writes them on.  Its ``logo``
is its :class:`~newsarticle._model.Logo`: a URL, or an ``ImageObject`` with its URL and size.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any, Final

import attrs

from .._errors import InvalidValueError, shown
from .._model import (
    GeoCoordinates,
    Logo,
    Organization,
    OrganizationKind,
    PartialDate,
    Person,
    Place,
    PlaceKind,
    Policies,
    Relation,
    RelationKind,
    Role,
)
from .._terms import ORGANIZATION_TYPES, PLACE_TYPES, POLICIES, RELATIONS
from ._context import Context
from ._dates import read_moment
from ._graph import Here, Node
from ._ids import exported_id
from ._text import clean_line
from ._vocab import vocabulary

__all__ = ["Entities", "page_url", "split_byline"]

PEOPLE: Final = "people"
ORGANIZATIONS: Final = "organizations"
PLACES: Final = "places"
#: How many people, organizations and places, each naming the next (a parent, an employer,
#: the place containing it), are read in one chain.
MAX_CHAIN: Final = 32
_KIND_NAMES: Final = {PEOPLE: "person", ORGANIZATIONS: "organization", PLACES: "place"}
_CLASSES: Final[dict[str, type[Any]]] = {
    PEOPLE: Person,
    ORGANIZATIONS: Organization,
    PLACES: Place,
}
_TYPE_OF: Final = {PEOPLE: "Person", ORGANIZATIONS: "Organization", PLACES: "Place"}

# The conjunction of a list of names, by the language's primary subtag.
_CONJUNCTIONS: Final = {
    "en": "and",
    "de": "und",
    "fr": "et",
    "es": "y",
    "it": "e",
    "pt": "e",
    "nl": "en",
    "da": "og",
    "no": "og",
    "nb": "og",
    "nn": "og",
    "sv": "och",
    "pl": "i",
    "cs": "a",
    "ro": "și",
    "tr": "ve",
}
_BY: Final = re.compile(r"\s*by\s+(?=\S)", re.IGNORECASE)
_NAME_WORD: Final = re.compile(r"[^\W\d_][\w.'\u2019-]*")


def _kinds_by_depth(types: dict[Any, str]) -> list[tuple[str, Any]]:
    """The export's types and their kinds, the most specific type first (the first kind of a
    type that several kinds share)."""
    vocab = vocabulary()
    inverse: dict[str, Any] = {}
    for kind, name in types.items():
        inverse.setdefault(name, kind)
    return sorted(inverse.items(), key=lambda item: -len(vocab.ancestors(item[0])))


_ORGANIZATION_KINDS: Final = _kinds_by_depth(ORGANIZATION_TYPES)
_PLACE_KINDS: Final = _kinds_by_depth(PLACE_TYPES)


_MATCHES: Final = {
    collection: [
        (name, len(vocabulary().ancestors(name)))
        for name in (_TYPE_OF[collection], *(n for n, _ in kinds))
    ]
    for collection, kinds in (
        (PEOPLE, []),
        (ORGANIZATIONS, _ORGANIZATION_KINDS),
        (PLACES, _PLACE_KINDS),
    )
}


def _kind_of(node: Node, kinds: list[tuple[str, Any]], default: Any) -> Any:
    for name, kind in kinds:
        if node.is_a(name):
            return kind
    return default


def _name_shaped(text: str) -> bool:
    words = text.split()
    if not 2 <= len(words) <= 5 or any(char.isdigit() for char in text):
        return False
    if not all(_NAME_WORD.fullmatch(word) for word in words):
        return False
    return words[0][0].isupper() and words[-1][0].isupper()


@functools.cache
def _joiner(conjunction: str | None) -> re.Pattern[str]:
    """The separator of the names of a list: ``and``, ``&``, or the language's conjunction."""
    words = ["and", "&"] + ([conjunction] if conjunction and conjunction != "and" else [])
    return re.compile(r"\s+(?:" + "|".join(re.escape(w) for w in words) + r")\s+", re.IGNORECASE)


_UNCLEAR: Final = re.compile(
    r"[,|/;&]|\s(?:" + "|".join(sorted({"and", *_CONJUNCTIONS.values()})) + r")\s"
)


def split_byline(name: str, language: str | None) -> tuple[list[str], str | None, list[str]]:
    """The names in a byline, what is left of it (an affiliation), and what was done.

    ``([name], None, [])`` when nothing is certain."""
    changes: list[str] = []
    text = name
    by = _BY.match(text)
    if by:
        text = text[by.end() :]
        changes.append(f"the byline's {shown(by.group().strip())} removed")
    joiner = _joiner(_CONJUNCTIONS.get((language or "").split("-")[0].lower()))
    segments = [segment.strip() for segment in text.split(",")]
    rest: str | None = None
    # A list ends with its conjunction: "A, B and C"; what follows a comma after it ("A and B,
    # Agency") is an affiliation.
    last = max((i for i, s in enumerate(segments) if joiner.search(s)), default=None)
    if last is not None and last < len(segments) - 1:
        tail = segments[last + 1 :]
        if all(not joiner.search(s) for s in tail):
            rest = ", ".join(tail)
            segments = segments[: last + 1]
    parts: list[str] = []
    for index, segment in enumerate(segments):
        pieces = joiner.split(segment) if index == len(segments) - 1 else [segment]
        parts.extend(piece.strip() for piece in pieces)
    several = len(parts) > 1 and last is not None
    if several and all(_name_shaped(part) for part in parts):
        changes.append(f"split into {len(parts)} names")
        if rest:
            changes.append(f"{shown(rest)} after them is not kept as an author")
        return parts, rest, changes
    return [text], None, changes


@attrs.define
class _Draft:
    collection: str
    id: str
    here: Here | None
    fields: dict[str, Any]
    node: Node | None = None


def partial_date(text: str) -> PartialDate | None:
    try:
        return PartialDate.parse(text)
    except ValueError:
        pass
    found = read_moment(text)
    if found is None:
        return None
    value = found.value
    return PartialDate(year=value.year, month=value.month, day=value.day)


def page_url(
    context: Context, here: Here | None, cls: type[Any], field: str, what: str
) -> str | None:
    """The URL of a page a property names (a publisher's policy, the article's principles): a
    URL, or a node (a ``CreativeWork``, a ``WebPage``) with a ``url``.  A text that is no URL
    (the principles written out) and a node with no ``url`` are reported: the model holds the
    URL of the page that states them."""
    item = context.first(here, what, "URL")
    if item is None:
        return None
    value = item.value
    if isinstance(value, dict):
        node = context.graph.node(item)
        if node is None:
            return context.url_value(item, cls, field)  # an @id of nothing on the page
        found = node.get("url")
        if found is None:
            kinds = "/".join(node.types) or "an object"
            context.report(
                item,
                "import-dropped",
                f"{what}: a {kinds} with no url is not kept; the model holds the URL of the "
                "page that states it",
            )
            return None
        return context.url_value(found, cls, field)
    if isinstance(value, str) and _WORDS.search(value.strip()) and "://" not in value:
        context.report(
            item,
            "import-dropped",
            f"{what}: the text {shown(value, 40)} is not kept; the model holds the URL of the "
            "page that states it",
        )
        return None
    return context.url_value(item, cls, field)


# Text that is words, not a URL: a space between two characters.
_WORDS: Final = re.compile(r"\S\s+\S")


class Entities:
    """The people, organizations and places an import finds, each once."""

    def __init__(self, context: Context, language: str | None) -> None:
        self.context = context
        self.language = language
        self.drafts: list[_Draft] = []
        self.by_node: dict[str, _Draft] = {}  # by @id, or by id() of the object
        self.by_name: dict[tuple[str, str, str | None], _Draft] = {}
        self.forced: dict[str, str] = {}  # collections decided before the node is read
        self.depth = 0  # how many entities are being read, each through the one before

    # --- what goes where ------------------------------------------------------------

    def _collection(self, node: Node, allowed: Iterable[str]) -> str | None:
        if node.id is not None and node.id in self.forced and self.forced[node.id] in allowed:
            return self.forced[node.id]
        # The collection whose kinds name the node most precisely: a StadiumOrArena is a
        # LocalBusiness (an Organization) too, but the export's type of a stadium place.
        best, score = None, 0
        for collection in allowed:
            found = max(
                (depth for name, depth in _MATCHES[collection] if node.is_a(name)), default=0
            )
            if found > score:
                best, score = collection, found
        return best

    def _key(self, node: Node) -> str:
        return node.id if node.id is not None else f"object:{id(node.parts[0].value)}"

    # --- the properties -----------------------------------------------------------

    def agents(self, here: Here | None, what: str) -> list[str]:
        """The ids of the people and organizations of an ``author``-like property."""
        found: list[str] = []
        for item, node in self.context.nodes(here):
            for identifier in self._agent(item, node, what):
                if identifier not in found:
                    found.append(identifier)
        return found

    def _agent(self, item: Here, node: Node | None, what: str) -> list[str]:
        context = self.context
        if isinstance(item.value, str):
            return [self._by_text(item, name, what) for name in self._names(item, what)]
        if node is None:
            self._unresolved(item, what)
            return []
        known = self.by_node.get(self._key(node))
        if known is not None and known.collection in (PEOPLE, ORGANIZATIONS):
            return [known.id]
        collection = self._collection(node, (PEOPLE, ORGANIZATIONS))
        known_types = [kind for kind in node.types if vocabulary().is_type(kind)]
        if collection is None and known_types:
            context.check_types(node)
            kinds = "/".join(known_types)
            context.report(
                item,
                "import-dropped",
                f"{what}: a {kinds} is not a person or an organization; dropped",
            )
            return []
        if collection == ORGANIZATIONS:
            found = self.organization(item, node, what)
            return [found] if found else []
        typed = collection is not None
        if node.id is None:
            # A byline in one name, or several names: split when certain (see the module).
            given = node.get("name")
            texts = [h for h in given.items() if isinstance(h.value, str)] if given else []
            plans = [(h, *split_byline(clean_line(h.value).text, self.language)) for h in texts]
            names = [name for plan in plans for name in plan[1] if name]
            if len(names) > 1 or (len(names) == 1 and plans[0][3]):
                context.visit(node, what)
                context.read(node, "name")
                if len(names) == 1:
                    name = self._names(plans[0][0], what)[0]
                    person = self.person(item, node, what, untyped=not typed, name=name)
                    return [person] if person else []
                people = [
                    self._by_text(here, name, what, typed=typed)
                    for here, *_ in plans
                    for name in self._names(here, what)
                ]
                for key, value in node.properties():
                    if not key.startswith("@") and key != "name" and context.read(node, key):
                        context.report(
                            value,
                            "import-dropped",
                            f"{key} of the {what} is not kept: it belongs to the byline, "
                            f"which names {len(people)} people",
                        )
                return people
            if not typed and names:
                organization = self._organization_named(names[0])
                if organization is not None:
                    context.visit(node, what)
                    context.read(node, "name")
                    context.report(
                        item,
                        "import-untyped",
                        f"{what} {shown(names[0])} has no @type: the organization of that name",
                    )
                    return [organization.id]
            for here, planned, _, _ in plans:
                self._unclear(here, planned[0] if planned else "")
        person = self.person(item, node, what, untyped=not typed)
        return [person] if person else []

    def _names(self, here: Here, what: str) -> list[str]:
        """The names in a text (cleaned), split when certain, each change said."""
        context = self.context
        text = context.text(here, Person, "name")
        if text is None:
            return []
        names, _, changes = split_byline(text, self.language)
        if changes:
            context.report(
                here, "import-author-split", f"{what} {shown(text)}: " + "; ".join(changes)
            )
        if len(names) == 1:
            self._unclear(here, names[0])
        return [name for name in names if name]

    def _unclear(self, here: Here, text: str) -> None:
        if _UNCLEAR.search(text):
            self.context.report(
                here,
                "import-author-unclear",
                f"{shown(text)} may name several people or an affiliation; kept as one name",
            )

    def _organization_named(self, name: str) -> _Draft | None:
        folded = name.casefold()
        for key, draft in self.by_name.items():
            if key[0] == ORGANIZATIONS and key[1] == folded:
                return draft
        return None

    def _by_text(self, here: Here | None, name: str, what: str, *, typed: bool = False) -> str:
        """A person given by name alone (or the organization of the page with that name)."""
        organization = self._organization_named(name)
        if organization is not None:
            if not typed:
                self.context.report(
                    here, "import-untyped", f"{what} {shown(name)} is the organization of that name"
                )
            return organization.id
        key = (PEOPLE, name.casefold(), None)
        draft = self.by_name.get(key)
        if draft is not None:
            return draft.id
        if not typed:
            self.context.report(
                here, "import-untyped", f"{what} {shown(name)} has no @type; read as a Person"
            )
        draft = self._new(PEOPLE, here, None, name, {"name": name})
        self.by_name[key] = draft
        return draft.id

    def organization_named_or_new(self, here: Here | None, name: str) -> str:
        """The organization of the page with this name, or a new one of that name alone."""
        found = self._organization_named(name)
        if found is not None:
            return found.id
        draft = self._new(ORGANIZATIONS, here, None, name, {"name": name})
        self.by_name[(ORGANIZATIONS, name.casefold(), None)] = draft
        return draft.id

    def named(self, text: str, what: str, source: str) -> list[str]:
        """The people of a byline the page gives outside its JSON-LD (``<meta name=author>``):
        split when certain, each said."""
        cleaned = clean_line(text).text
        if not cleaned or "://" in cleaned:
            return []
        names, _, changes = split_byline(cleaned, self.language)
        if changes:
            self.context.report(
                None,
                "import-author-split",
                f"{what} {shown(cleaned)} ({source}): " + "; ".join(changes),
            )
        return [self._by_text(None, name, what, typed=True) for name in names if name]

    def _unresolved(self, item: Here, what: str) -> None:
        value = item.value
        if isinstance(value, dict) and isinstance(value.get("@id"), str):
            self.context.report(
                item,
                "import-unresolved",
                f"{what}: {shown(value['@id'])} names no node of the page; dropped",
            )
        elif value not in (None, "", {}, []):
            self.context.report(item, "import-bad-value", f"{what}: not a node; dropped")

    def _new(
        self,
        collection: str,
        here: Here | None,
        node: Node | None,
        name: str,
        fields: dict[str, Any],
    ) -> _Draft:
        exported = exported_id(node.id if node else None, _KIND_NAMES[collection])
        identifier = self.context.ids.named(exported, name, _KIND_NAMES[collection])
        draft = _Draft(collection, identifier, here, fields, node)
        self.drafts.append(draft)
        if node is not None:
            self.by_node[self._key(node)] = draft
        return draft

    def _existing(self, node: Node, collection: str, name: str, url: str | None) -> _Draft | None:
        """An entity already read: by @id or object; by type, name and URL for no @id."""
        known = self.by_node.get(self._key(node))
        if known is not None:
            return known
        if node.id is None:
            return self.by_name.get((collection, name.casefold(), url))
        return None

    def _common(
        self, node: Node, cls: type[Any], what: str, *, name: str | None = None
    ) -> dict[str, Any] | None:
        context = self.context
        name = name or self._name(node, cls, what)
        if name is None:
            return None
        fields: dict[str, Any] = {"name": name}
        alternates: list[str] = []
        alternate = context.read(node, "alternateName")
        for item in alternate.items() if alternate else []:
            text = context.text(item, cls, "alternate_names")
            if text is not None and text not in alternates:
                alternates.append(text)
        fields["alternate_names"] = tuple(alternates)
        fields["description"] = context.text(context.read(node, "description"), cls, "description")
        fields["url"] = context.url_value(context.read(node, "url"), cls, "url")
        fields["same_as"] = tuple(context.urls(context.read(node, "sameAs"), cls, "same_as"))
        return fields

    def _name(self, node: Node, cls: type[Any], what: str) -> str | None:
        context = self.context
        here = context.read(node, "name")
        name = context.text(here, cls, "name") if here is not None else None
        if name is None and cls is Person:
            given_here, family_here = (
                context.read(node, "givenName"),
                context.read(node, "familyName"),
            )
            given = context.text(given_here, cls, "name")
            family = context.text(family_here, cls, "name")
            joined = " ".join(part for part in (given, family) if part)
            if joined:
                context.report(
                    given_here or family_here,
                    "import-name-composed",
                    f"{what} has no name: {shown(joined)}, its givenName then its familyName",
                )
                return joined
        if name is None:
            context.report(node.here, "import-dropped", f"{what} has no name; dropped")
        return name

    def _person(
        self, here: Here, node: Node, what: str, *, untyped: bool = False, name: str | None = None
    ) -> str | None:
        context = self.context
        given = name
        name = name or self._peek_name(node, Person)
        url = self._peek_url(node)
        if name is not None:
            existing = self._existing(node, PEOPLE, name, url)
            if existing is not None:
                return existing.id
        if not context.visit(node, what) and given is None:
            known = self.by_node.get(self._key(node))
            return known.id if known else None
        fields = self._common(node, Person, what, name=given)
        if fields is None:
            return None
        if untyped:
            context.report(
                here,
                "import-untyped",
                f"{what} {shown(fields['name'])} has no @type; read as a Person",
            )
        draft = self._new(PEOPLE, here, node, fields["name"], fields)
        if node.id is None:
            self.by_name.setdefault((PEOPLE, fields["name"].casefold(), fields["url"]), draft)
        fields["roles"] = self._roles(node)
        principles = context.read(node, "publishingPrinciples")
        if principles is not None:
            context.report(
                principles,
                "import-dropped",
                f"publishingPrinciples of {shown(fields['name'])} is not kept: the model keeps "
                "the principles of the article and of organizations, not of people",
            )
        relations = []
        for kind, term_name in RELATIONS.items():
            target = context.read(node, term_name)
            for item, other in context.nodes(target):
                person = self.person_ref(item, other, f"{term_name} of {shown(fields['name'])}")
                if person is not None:
                    relations.append((kind, person, item))
        fields["relations"] = relations
        return draft.id

    def _peek_name(self, node: Node, cls: type[Any]) -> str | None:
        here = node.get("name")
        if here is None or not isinstance(here.value, str):
            return None
        text = clean_line(here.value).text
        return text or None

    def _peek_url(self, node: Node) -> str | None:
        here = node.get("url")
        return here.value.strip() if here is not None and isinstance(here.value, str) else None

    def person_ref(self, item: Here, node: Node | None, what: str) -> str | None:
        if node is None:
            self._unresolved(item, what)
            return None
        if self._collection(node, (PEOPLE,)) is None:
            self.context.report(item, "import-dropped", f"{what}: not a Person; dropped")
            return None
        return self.person(item, node, what)

    def _roles(self, node: Node) -> list[Role]:
        context = self.context
        roles: list[Role] = []
        titles = context.read(node, "jobTitle")
        for item in titles.items() if titles else []:
            held = context.graph.node(item) if isinstance(item.value, dict) else None
            if held is not None and held.is_a("Role"):
                role = self._job_role(item, held)
                if role is not None:
                    roles.append(role)
                continue
            title = context.text(item, Role, "title")
            if title is not None:
                roles.append(Role(title=title))
        affiliations = context.read(node, "affiliation")
        for item, other in context.nodes(affiliations):
            if other is None:
                self._unresolved(item, "affiliation")
                continue
            if other.is_a("Role"):
                role = self._role(item, other)
                if role is not None:
                    roles.append(role)
            else:
                context.report(
                    item,
                    "import-dropped",
                    "affiliation: an organization with no role (roleName) is not kept; "
                    "the model's roles have a title",
                )
        return roles

    def _role(self, here: Here, node: Node) -> Role | None:
        context = self.context
        if not context.visit(node, "the role"):
            return None
        title = context.text(context.read(node, "roleName"), Role, "title")
        if title is None:
            context.report(here, "import-dropped", "a role with no roleName; dropped")
            return None
        organization = None
        target = context.read(node, "affiliation")
        if target is not None:
            other = context.graph.node(target)
            if other is None:
                self._unresolved(target, "affiliation")
            else:
                organization = self.organization(target, other, "affiliation")
        start, end = self._role_dates(here, node)
        note = context.text(context.read(node, "description"), Role, "note")
        return Role(title=title, organization=organization, start=start, end=end, note=note)

    def _job_role(self, here: Here, node: Node) -> Role | None:
        """A role in no organization written as schema.org's Role pattern: a ``Role`` node
        standing for ``jobTitle``, holding the title (``jobTitle``, else ``roleName``) and
        its dates."""
        context = self.context
        if not context.visit(node, "the role"):
            return None
        title_here = context.read(node, "jobTitle") or context.read(node, "roleName")
        title = context.text(title_here, Role, "title")
        if title is None:
            context.report(here, "import-dropped", "a jobTitle Role with no jobTitle; dropped")
            return None
        start, end = self._role_dates(here, node)
        note = context.text(context.read(node, "description"), Role, "note")
        return Role(title=title, start=start, end=end, note=note)

    def _role_dates(self, here: Here, node: Node) -> tuple[PartialDate | None, PartialDate | None]:
        """A role's ``startDate`` and ``endDate`` (an end before the start is dropped)."""
        context = self.context
        dates: dict[str, PartialDate | None] = {}
        for field, key in (("start", "startDate"), ("end", "endDate")):
            found = context.read(node, key)
            value = None
            if found is not None and isinstance(found.value, str) and found.value.strip():
                value = partial_date(found.value.strip())
                if value is None:
                    context.report(
                        found,
                        "import-date-unreadable",
                        f"{key}: {shown(found.value)} is not a date; dropped",
                    )
            dates[field] = value
        start, end = dates["start"], dates["end"]
        if start is not None and end is not None and start.earliest > end.latest:
            context.report(
                here, "import-bad-value", f"endDate {end} is before startDate {start}; dropped"
            )
            end = None
        return start, end

    def _organization(self, here: Here, node: Node, what: str) -> str | None:
        context = self.context
        name = self._peek_name(node, Organization)
        url = self._peek_url(node)
        if name is not None:
            existing = self._existing(node, ORGANIZATIONS, name, url)
            if existing is not None:
                return existing.id if existing.collection == ORGANIZATIONS else None
        if not context.visit(node, what):
            known = self.by_node.get(self._key(node))
            return known.id if known and known.collection == ORGANIZATIONS else None
        fields = self._common(node, Organization, what)
        if fields is None:
            return None
        fields["kind"] = _kind_of(node, _ORGANIZATION_KINDS, OrganizationKind.ORGANIZATION)
        draft = self._new(ORGANIZATIONS, here, node, fields["name"], fields)
        if node.id is None:
            self.by_name.setdefault(
                (ORGANIZATIONS, fields["name"].casefold(), fields["url"]), draft
            )
        parent = context.read(node, "parentOrganization")
        fields["parent"] = None
        for item, other in list(context.nodes(parent))[:1]:
            fields["parent"] = self.organization_ref(
                item, other, f"parentOrganization of {shown(fields['name'])}"
            )
        fields["policies"] = self._policies(node, fields["kind"], fields["name"])
        fields["logo"] = self._logo(context.read(node, "logo"), fields["name"])
        return draft.id

    def _logo(self, here: Here | None, name: str) -> Logo | None:
        """An organization's logo: a URL, or an ``ImageObject`` with ``url`` or ``contentUrl``
        and its ``width`` and ``height`` (numbers, text such as ``"600px"``, or
        ``QuantitativeValue``\\ s in pixels); the first one, when several are given."""
        context = self.context
        what = f"logo of {shown(name)}"
        item = context.first(here, what, "image")
        if item is None:
            return None
        node = context.graph.node(item) if isinstance(item.value, dict) else None
        if node is None:  # a URL, or the @id of nothing on the page (the image's own URL)
            url = context.url_value(item, Logo, "url")
            return None if url is None else Logo(url=url)
        if node.types and not node.is_a("ImageObject"):
            kinds = "/".join(node.types)
            context.report(
                item, "import-dropped", f"{what}: a {kinds} is not an ImageObject; dropped"
            )
            return None
        context.visit(node, f"the {what}")
        url = context.url_value(context.read(node, "url"), Logo, "url")
        content = context.url_value(context.read(node, "contentUrl"), Logo, "url")
        url = url or content
        if url is None:
            context.report(
                item, "import-dropped", f"{what}: an image with no url or contentUrl; dropped"
            )
            return None
        return Logo(
            url=url,
            width=context.number(context.read(node, "width"), "width"),
            height=context.number(context.read(node, "height"), "height"),
        )

    def _policies(self, node: Node, kind: OrganizationKind, name: str) -> Policies | None:
        """An organization's policies, each the URL of a page.  A term schema.org defines on
        ``NewsMediaOrganization`` alone is kept only for a news organization (the export writes
        it on no other type, so keeping it elsewhere would be lost on the next export)."""
        context = self.context
        exported = ORGANIZATION_TYPES[kind]
        found: dict[str, str] = {}
        for field, term_name, domain in POLICIES:
            here = context.read(node, term_name)
            if here is None:
                continue
            if exported not in domain:
                kinds = "/".join(node.types) or "an organization with no @type"
                context.report(
                    here,
                    "import-dropped",
                    f"{term_name} of {shown(name)} is not kept: schema.org defines it on "
                    f"NewsMediaOrganization only, and this is a {kinds}",
                )
                continue
            url = page_url(context, here, Policies, field, f"{term_name} of {shown(name)}")
            if url is not None:
                found[field] = url
        return Policies(**found) if found else None

    def organization_ref(self, item: Here, node: Node | None, what: str) -> str | None:
        if node is None:
            self._unresolved(item, what)
            return None
        if self._collection(node, (ORGANIZATIONS,)) is None:
            self.context.report(item, "import-dropped", f"{what}: not an Organization; dropped")
            return None
        return self.organization(item, node, what)

    def _place(self, here: Here, node: Node, what: str) -> str | None:
        context = self.context
        name = self._peek_name(node, Place)
        url = self._peek_url(node)
        if name is not None:
            existing = self._existing(node, PLACES, name, url)
            if existing is not None:
                return existing.id if existing.collection == PLACES else None
        if not context.visit(node, what):
            known = self.by_node.get(self._key(node))
            return known.id if known and known.collection == PLACES else None
        fields = self._common(node, Place, what)
        if fields is None:
            return None
        fields["kind"] = _kind_of(node, _PLACE_KINDS, PlaceKind.PLACE)
        draft = self._new(PLACES, here, node, fields["name"], fields)
        if node.id is None:
            self.by_name.setdefault((PLACES, fields["name"].casefold(), fields["url"]), draft)
        fields["geo"] = self._geo(context.read(node, "geo"))
        fields["contained_in"] = None
        container = context.read(node, "containedInPlace")
        for item, other in list(context.nodes(container))[:1]:
            fields["contained_in"] = self.place_ref(
                item, other, f"containedInPlace of {shown(fields['name'])}"
            )
        borders: list[tuple[str, Here]] = []
        for item, other in context.nodes(context.read(node, "geoTouches")):
            found = self.place_ref(item, other, f"geoTouches of {shown(fields['name'])}")
            if found is not None and found not in [b for b, _ in borders]:
                borders.append((found, item))
        fields["borders"] = borders
        return draft.id

    def place_ref(self, item: Here, node: Node | None, what: str) -> str | None:
        if node is None:
            self._unresolved(item, what)
            return None
        if self._collection(node, (PLACES,)) is None:
            self.context.report(item, "import-dropped", f"{what}: not a Place; dropped")
            return None
        return self.place(item, node, what)

    def _geo(self, here: Here | None) -> GeoCoordinates | None:
        if here is None:
            return None
        context = self.context
        node = context.graph.node(here)
        if node is None or not node.is_a("GeoCoordinates"):
            context.report(here, "import-dropped", "geo: only GeoCoordinates are kept")
            return None
        context.visit(node, "the coordinates")
        values = []
        for key in ("latitude", "longitude"):
            found = context.read(node, key)
            value = found.value if found is not None else None
            if isinstance(value, str):
                try:
                    value = float(value.strip())
                except ValueError:
                    value = None
            if isinstance(value, bool) or not isinstance(value, int | float):
                context.report(here, "import-bad-value", f"geo: {key} is not a number; dropped")
                return None
            values.append(float(value))
        latitude, longitude = values
        try:
            return GeoCoordinates(latitude=latitude, longitude=longitude)
        except InvalidValueError:  # out of the model's ranges
            context.report(
                here, "import-bad-value", "geo: the coordinates are out of range; dropped"
            )
            return None

    def entity(
        self, here: Here, node: Node | None, allowed: tuple[str, ...], what: str
    ) -> str | None:
        """A person, organization or place (of ``allowed``), or None (reported)."""
        context = self.context
        if node is None:
            if isinstance(here.value, str):
                context.report(
                    here,
                    "import-dropped",
                    f"{what}: the text {shown(here.value, 40)} names no person, organization or "
                    "place; dropped",
                )
            else:
                self._unresolved(here, what)
            return None
        collection = self._collection(node, allowed)
        known = self.by_node.get(self._key(node))
        if known is not None and known.collection in allowed:
            return known.id
        if collection == PEOPLE:
            return self.person(here, node, what)
        if collection == ORGANIZATIONS:
            return self.organization(here, node, what)
        if collection == PLACES:
            return self.place(here, node, what)
        kinds = "/".join(node.types) or "an object with no @type"
        names = " or ".join(_KIND_NAMES[c] for c in allowed)
        context.report(here, "import-dropped", f"{what}: {kinds} is not a {names}; dropped")
        return None

    # --- following references: a chain of them is followed so far ---------------------

    def _deeper(self, here: Here, what: str) -> bool:
        """True (and said) when following one more reference would go deeper than
        :data:`MAX_CHAIN` entities (people related to people related to people ...)."""
        if self.depth < MAX_CHAIN:
            return False
        self.context.report(
            here,
            "import-dropped",
            f"{what}: a chain of more than {MAX_CHAIN} people, organizations or places, each "
            "naming the next, is not followed further",
        )
        return True

    def person(
        self, here: Here, node: Node, what: str, *, untyped: bool = False, name: str | None = None
    ) -> str | None:
        """The id of the person a node describes (read once)."""
        if self._deeper(here, what):
            return None
        self.depth += 1
        try:
            return self._person(here, node, what, untyped=untyped, name=name)
        finally:
            self.depth -= 1

    def organization(self, here: Here, node: Node, what: str) -> str | None:
        """The id of the organization a node describes (read once)."""
        if self._deeper(here, what):
            return None
        self.depth += 1
        try:
            return self._organization(here, node, what)
        finally:
            self.depth -= 1

    def place(self, here: Here, node: Node, what: str) -> str | None:
        """The id of the place a node describes (read once)."""
        if self._deeper(here, what):
            return None
        self.depth += 1
        try:
            return self._place(here, node, what)
        finally:
            self.depth -= 1

    # --- the model's objects --------------------------------------------------------

    def build(self) -> dict[str, list[Any]]:
        """The people, organizations and places, with chains that loop cut (and said)."""
        by_id = {draft.id: draft for draft in self.drafts}
        for link in ("parent", "contained_in"):
            for draft in self.drafts:
                seen = {draft.id}
                current = draft
                while True:
                    target = current.fields.get(link)
                    if target is None or target not in by_id:
                        break
                    if target in seen:
                        verb = "is part of" if link == "parent" else "is contained in"
                        self.context.report(
                            current.here,
                            "import-dropped",
                            f"{shown(current.fields['name'])} {verb} itself through this link; "
                            "the link is not kept",
                        )
                        current.fields[link] = None
                        break
                    seen.add(target)
                    current = by_id[target]
        built: dict[str, list[Any]] = {PEOPLE: [], ORGANIZATIONS: [], PLACES: []}
        for draft in self.drafts:
            fields = dict(draft.fields)
            if draft.collection == PEOPLE:
                relations = []
                for kind, person, item in fields.pop("relations", []):
                    if person == draft.id:
                        self.context.report(
                            item, "import-dropped", "a person related to themselves; not kept"
                        )
                        continue
                    relations.append(Relation(kind=RelationKind(kind), person=person))
                fields["relations"] = tuple(relations)
            if draft.collection == PLACES:
                borders = []
                for place, item in fields.pop("borders", []):
                    if place == draft.id:
                        self.context.report(
                            item, "import-dropped", "a place bordering itself; not kept"
                        )
                        continue
                    borders.append(place)
                fields["borders"] = tuple(borders)
            built[draft.collection].append(_CLASSES[draft.collection](id=draft.id, **fields))
        return built
