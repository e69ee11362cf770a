"""IPTC ninjs 2.x and 3.x read into a checked :class:`~newsarticle.Article`: :func:`read_ninjs`.

The inverse of the export (:mod:`newsarticle._export._ninjs`; the map is in
``docs/ninjs.md``).  Every property of every object the reader visits is either kept or
reported by name: a property the model has no field for (``urgency``, ``pubStatus``, a
person's phone number), a value it refuses (not a URL, not a date), more values than a field
holds; nothing is lost without a problem saying so.

**Versions.**  ninjs 2.x spells its properties in lower case (``versioncreated``,
``altids``, ``contenttype``), 3.x in camel case (``versionCreated``, ``altIds``,
``contentType``); otherwise the parts this reader reads are the same.  The version is read
off the spelling the document uses, else its ``standard.version``, else it is taken as 3.x
(the names the two share are spelled alike).  Either spelling of a property is read in a
document of either version; a ``standard.version`` the spelling contradicts, one that is
not 2.x or 3.x, and a document mixing both spellings are each a ``ninjs-version`` warning.
A 3.x document is checked against IPTC's ninjs 3.1 schema, which ships in the package (3.1
only adds to 3.0): each way it breaks the schema is a ``ninjs-schema`` warning.  No 2.x
schema ships, so a 2.x document is checked only in what the reader reads.

**What is an article.**  A ``text`` or ``composite`` item (or one that says no ``type``)
with a headline; any other type (a ``picture``, an ``event``, a ``planning`` item) is no
article (``ninjs-not-article``), and an item without a headline neither
(``import-no-headline``).

**Ids** are the export's read back, else made, the same on every run: an entity's
``literal`` when it is a valid id, an image's association ``name``, the article's
``altIds`` entry of role ``newsarticle-id`` or the id in a ``urn:newsarticle:`` ``uri``;
anything else gets a slug of its name (:mod:`._ids`), paragraphs ``p1``, ``p2`` ...

Bad input of any kind (not JSON, not UTF-8, the wrong types anywhere, nesting deeper than
256 levels, more than :data:`MAX_NINJS_SIZE`) gives problems, never an exception.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping
from html.parser import HTMLParser
from typing import Any, Final

import attrs

from .._errors import InvalidValueError, Problem, shown
from .._export._ninjs import (
    ALT_ROLE,
    ALTERNATIVE_HEADLINE,
    AUTHOR_ROLE,
    CAPTION_ROLE,
    CREDIT_ROLE,
    GENRES,
    ID_ROLE,
    LOCATION_REL,
    MAIN_HEADLINE,
    POLICY_INDICATORS,
    PRINCIPLES_INDICATOR,
    PUBLISHER_ROLE,
    SECTION_REL,
    SUMMARY_ROLE,
    URN_PREFIX,
    ninjs_schema,
    ninjs_validator,
)
from .._integrity import article_problems
from .._json._locate import MAX_DEPTH, Locator
from .._json._read import read
from .._model import (
    Access,
    Article,
    Genre,
    GeoCoordinates,
    Image,
    Organization,
    Paragraph,
    ParagraphRole,
    Person,
    Place,
    Policies,
)
from .._rules import ID, LANGUAGE, LINE, TIMESTAMP, URL, parse_datetime, spec
from .._selectors import DEFAULT_SELECTORS, Selectors, single_class
from .._terms import POLICIES
from ._context import fits
from ._dates import read_moment
from ._ids import Ids, slug
from ._lenient import check_value
from ._text import clean_line, clean_text

__all__ = ["MAX_NINJS_SIZE", "read_ninjs"]

#: The largest ninjs text read, in bytes (or characters, for a string).
MAX_NINJS_SIZE: Final = 16 * 1024 * 1024
#: The most ``ninjs-schema`` problems one document gets (the rest are counted).
MAX_SCHEMA_PROBLEMS: Final = 100

_Path = str


def _at(path: _Path, key: str | int) -> _Path:
    """The JSON Pointer of ``key`` under ``path`` (RFC 6901 escapes)."""
    return f"{path}/{str(key).replace('~', '~0').replace('/', '~1')}"


# --- the property names of the two versions ---------------------------------------------


def _schema_names(node: Any, found: set[str]) -> set[str]:
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            properties = item.get("properties")
            if isinstance(properties, dict):
                found.update(properties)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


#: Every property name of ninjs 3.1 (read off the shipped schema).
_NAMES_3: Final = frozenset(_schema_names(ninjs_schema(), set()))
#: The 2.x spelling of each 3.x name that 2.x spells otherwise: in lower case, and the one
#: renamed property.
_SPELLING_2: Final = {
    **{name: name.lower() for name in _NAMES_3 if name != name.lower()},
    "embargoedUntil": "embargoed",
}
_NAME_OF_2: Final = {lower: name for name, lower in _SPELLING_2.items()}
#: Names only 3.x has (evidence of a 3.x document beside its spelling).
_ONLY_3: Final = frozenset({"eventDetails", "plannedCoverage"})
_ALL_NAMES: Final = _NAMES_3 | frozenset(_NAME_OF_2)

# Why a property is not kept, where there is more to say than "no field for it".
_REASONS: Final = {
    "representationType": "the model does not say how complete a representation is",
    "profile": "the model has no profile",
    "version": "the model keeps no version number",
    "contentCreated": "the model has date_published and date_modified only",
    "embargoedUntil": "the model has no embargo",
    "pubStatus": "the model has no publication status",
    "urgency": "the model has no urgency",
    "copyrightHolder": "the model holds no rights",
    "copyrightNotice": "the model holds no rights",
    "usageTerms": "the model holds no rights",
    "rightsInfo": "the model holds no rights",
    "edNote": "the model has no editorial note",
    "objects": "the model holds people, organizations and places only",
    "events": "the model holds no events",
    "eventDetails": "the model holds no events",
    "plannedCoverage": "the model holds no planning",
    "title": "it is metadata; the model's headline is the item's headlines",
    "slugline": "the model has no slugline",
    "renditions": "the model holds no renditions of the article itself",
    "expires": "the model has no expiry",
    "digitalSourceType": "the model has no digital source type",
    "symbols": "the model holds no financial symbols",
}

_GENRE_BY_URI: Final = {node["uri"]: genre for genre, node in GENRES.items() if "uri" in node}
_GENRE_BY_NAME: Final = {node["name"].lower(): genre for genre, node in GENRES.items()}
_GENRE_BY_LITERAL: Final = {genre.value: genre for genre in Genre}
#: The schema.org term of each policy, as the JSON-LD export names it.
_SCHEMA_ORG_TERMS: Final = {field: term for field, term, _ in POLICIES}


def _policy_roles() -> dict[str, tuple[str, str]]:
    """The publisher's policy each trust-indicator role names, and the title the export
    gives it: IPTC's NewsCodes (and the older ``ethics-policy``), schema.org's terms."""
    roles: dict[str, tuple[str, str]] = {}
    for field, role, title in POLICY_INDICATORS:
        roles[role] = (field, title)
        term = _SCHEMA_ORG_TERMS[field]
        for base in ("https://schema.org/", "http://schema.org/"):
            roles.setdefault(base + term, (field, title))
    roles["http://cv.iptc.org/newscodes/trustindicator/ethics-policy"] = ("ethics", "")
    return roles


_POLICY_ROLES: Final = _policy_roles()
_AUTHOR_RELS: Final = frozenset(
    {AUTHOR_ROLE, "http://cv.iptc.org/newscodes/contentprodpartyrole/author"}
)
_MENTION_RELS: Final = frozenset({"mentions", "mentioned", ""})
_ARTICLE_TYPES: Final = frozenset({"text", "composite"})
_IMAGE_TYPES: Final = frozenset({"picture", "graphic"})
_SUMMARY_ROLES: Final = frozenset({SUMMARY_ROLE, "abstract", "lead", "standfirst"})
_HTML_TYPES: Final = ("text/html", "application/xhtml+xml")
_HTML_ROLES: Final = frozenset({"richtext", "html", "html5", "xhtml", "richhtml5"})
_MAIN_RENDITIONS: Final = ("main", "original", "highres", "hires", "full")
_UNCLEAR: Final = re.compile(r"[,|/;&]|\s(?:and|und|et|y|e|en|og|och|i|a|ve)\s")
_CONTROLS: Final = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")
_LINE_BREAKS: Final = re.compile(r"\r\n?|\n")
_SPACES: Final = re.compile(r"[ \t\n\r\f]+")
_BLANK_LINE: Final = re.compile(r"\n(?:[ \t]*\n)+")


# --- reading the data -------------------------------------------------------------------


def _too_deep(value: Any) -> bool:
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth >= MAX_DEPTH:
                return True
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return False


def _parse(data: Any, max_size: int) -> tuple[str | None, dict[str, Any] | None, list[Problem]]:
    """The text (when given as text), the top-level object, and the problems of reading."""
    if isinstance(data, bytearray | memoryview):
        data = bytes(data)
    if isinstance(data, str | bytes):
        if len(data) > max_size:
            unit = "bytes" if isinstance(data, bytes) else "characters"
            message = (
                f"the data has {len(data):,} {unit}, more than the limit of {max_size:,}; "
                "it is not read"
            )
            return None, None, [Problem.of("ninjs-too-large", "", message)]
        value, text, problems = read(data)
        if value is None:
            return text, None, problems
        assert text is not None
        if _too_deep(value):
            found = Locator(text).first_refusal()
            if found.code != "json-depth":
                found = Problem.of(
                    "json-depth", "", f"the document is nested deeper than {MAX_DEPTH} levels"
                )
            return text, None, [*problems, found]
        return text, value, problems
    refused = check_value(data)
    if refused is not None:
        return None, None, [Problem.of(refused.code, refused.pointer, refused.message)]
    if not isinstance(data, dict):
        kind = "an array" if isinstance(data, list) else shown(data, 40)
        message = f"the top level is {kind}, not an object"
        return None, None, [Problem.of("json-not-object", "", message)]
    return None, data, []


# --- the checks against IPTC's schema -----------------------------------------------------


def _declared(schema: Mapping[str, Any]) -> set[str]:
    """The properties a schema object declares, with those of the schema it refers to."""
    names = set(schema.get("properties", {}))
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        target = ninjs_schema()["$defs"].get(ref.removeprefix("#/$defs/"), {})
        names.update(target.get("properties", {}))
    return names


def _schema_problems(value: dict[str, Any]) -> list[Problem]:
    """Each way ``value`` breaks IPTC's ninjs 3.1 schema, as ``ninjs-schema`` warnings."""
    problems: list[Problem] = []
    try:
        errors = list(ninjs_validator().iter_errors(value))
    except RecursionError:
        message = "the document is nested too deeply to be checked against IPTC's schema"
        return [Problem.of("ninjs-schema", "", message)]
    seen: set[tuple[str, str]] = set()
    for error in errors:
        path = "".join(_at("", part) for part in error.absolute_path)
        for problem in _explained(error, path):
            if (problem.path, problem.message) not in seen:  # one per missing property
                seen.add((problem.path, problem.message))
                problems.append(problem)
    if len(problems) > MAX_SCHEMA_PROBLEMS:
        left = len(problems) - MAX_SCHEMA_PROBLEMS
        problems = problems[:MAX_SCHEMA_PROBLEMS]
        message = f"{left:,} more ways the document breaks IPTC's ninjs 3.1 schema"
        problems.append(Problem.of("ninjs-schema", "", message))
    return problems


_TYPE_NAMES: Final = {
    "object": "an object",
    "array": "an array",
    "string": "a string",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
}


def _explained(error: Any, path: str) -> list[Problem]:
    keyword, instance, rule = error.validator, error.instance, error.validator_value
    head = "IPTC's ninjs 3.1 schema"

    def one(message: str, where: str = path) -> list[Problem]:
        return [Problem.of("ninjs-schema", where, f"{message} ({head})")]

    if keyword in ("additionalProperties", "unevaluatedProperties") and isinstance(instance, dict):
        declared = _declared(error.schema)
        extra = [key for key in instance if key not in declared] or list(instance)
        return [
            Problem.of(
                "ninjs-schema", _at(path, key), f"{head} defines no property {shown(key)} here"
            )
            for key in extra
        ]
    if keyword == "type":
        kinds = rule if isinstance(rule, list) else [rule]
        wanted = " or ".join(_TYPE_NAMES.get(k, str(k)) for k in kinds)
        return one(f"{shown(instance, 40)} is not {wanted}")
    if keyword == "required" and isinstance(instance, dict):
        missing = [name for name in rule if name not in instance]
        return [
            p for name in missing for p in one(f"the required property {shown(name)} is missing")
        ]
    if keyword == "format":
        return one(f"{shown(instance, 60)} is not a valid {rule}")
    if keyword == "enum":
        return one(f"{shown(instance, 40)} is not one of {shown(rule, 120)}")
    if keyword in ("minimum", "maximum"):
        side = "below the minimum" if keyword == "minimum" else "above the maximum"
        return one(f"{shown(instance, 40)} is {side} of {rule}")
    if keyword == "pattern":
        return one(f"{shown(instance, 60)} is not of the form the schema requires")
    if keyword in ("oneOf", "anyOf"):
        return one("the object is of none of the forms the schema allows here (or of several)")
    return one(f"the value breaks the schema's {keyword!r} rule")


# --- HTML bodies ------------------------------------------------------------------------

_BLOCKS: Final = frozenset(
    {"p", "div", "li", "ul", "ol", "blockquote", "pre", "section", "article", "header"}
    | {"footer", "main", "table", "tr", "td", "th", "dd", "dt", "dl", "hr", "aside"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "body", "html", "center", "address", "nav"}
)
_SKIPPED: Final = frozenset(
    {"head", "title", "script", "style", "figure", "figcaption", "noscript", "template"}
)
_VOID: Final = frozenset(
    {"br", "img", "hr", "meta", "link", "input", "source", "wbr", "col", "area", "base"}
)
_HEADINGS: Final = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: The elements that are a paragraph each, even when they hold only white space.
_PARAGRAPHS: Final = _HEADINGS | {"p", "li", "blockquote", "pre"}
_LISTS: Final = frozenset({"ul", "ol"})
#: The most elements an HTML body holds open at once (deeper ones are read as text).
_MAX_OPEN: Final = 256


@attrs.define
class _Block:
    """A paragraph read from an HTML body: its text, the tag and classes it stands in, and
    whether it is an element that holds only white space (``<p> </p>``)."""

    text: str
    tag: str
    classes: frozenset[str]
    aside: bool
    blank: bool = False


@attrs.frozen
class _Read:
    """A paragraph as read from a body: its text, role and marks."""

    text: str
    role: ParagraphRole = ParagraphRole.BODY
    paywalled: bool = False
    speakable: bool = False


class _BodyParser(HTMLParser):
    """The paragraphs of an HTML body: the text of each block element, line breaks kept;
    what stands in ``head``, ``script``, ``style`` and ``figure`` left out.

    As HTML does, a block element closes an open ``p``, and an ``li`` an open ``li``; no more
    than :data:`_MAX_OPEN` elements are held open, so any markup costs time in proportion to
    its length."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[_Block] = []
        self.stack: list[tuple[str, frozenset[str]]] = []
        self.asides = 0
        self.skipped = 0
        self.parts: list[str] = []

    def flush(self, closing: str | None = None) -> None:
        """End the paragraph being read; ``closing`` is the paragraph element whose end tag
        ends it (an element holding only white space is a blank block)."""
        text = "".join(self.parts)
        self.parts = []
        lines = [_SPACES.sub(" ", line).strip(" ") for line in text.split("\n")]
        joined = "\n".join(line for line in lines if line)
        blank = not joined
        if blank and (closing not in _PARAGRAPHS or not self.stack or self.stack[-1][0] != closing):
            return
        tag, classes = next(
            ((t, c) for t, c in reversed(self.stack) if t in _BLOCKS and t != "aside"),
            ("p", frozenset()),
        )
        self.blocks.append(_Block(joined or text, tag, classes, self.asides > 0, blank))

    def close_from(self, index: int) -> None:
        """Close the open element at ``index`` and every element open inside it."""
        self.asides -= sum(tag == "aside" for tag, _ in self.stack[index:])
        del self.stack[index:]

    def open_index(self, tag: str, stop: frozenset[str] = frozenset()) -> int | None:
        for index in range(len(self.stack) - 1, -1, -1):
            found = self.stack[index][0]
            if found == tag:
                return index
            if found in stop:
                return None
        return None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self.skipped = 0  # the body ends a head left open
        if tag in _SKIPPED:
            self.skipped += 1
            return
        if self.skipped:
            return
        if tag == "br":
            self.parts.append("\n")
            return
        if tag in _BLOCKS:
            self.flush()
            implied = self.open_index("p")
            if tag == "li":
                implied = self.open_index("li", _LISTS)
            if implied is not None:
                self.close_from(implied)
        if tag in _VOID or len(self.stack) >= _MAX_OPEN:
            return
        classes = next((value or "" for name, value in attrs if name == "class"), "")
        self.stack.append((tag, frozenset(classes.split())))
        self.asides += tag == "aside"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED or tag in _VOID:
            if tag == "br" and not self.skipped:
                self.parts.append("\n")
            return
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipped = max(self.skipped - 1, 0)
            return
        if self.skipped or tag in _VOID:
            return
        if tag in _BLOCKS:
            self.flush(tag)
        index = self.open_index(tag)
        if index is not None:
            self.close_from(index)

    def handle_data(self, data: str) -> None:
        if not self.skipped:
            self.parts.append(data.replace("\n", " "))


def html_blocks(text: str) -> list[_Block] | None:
    """The paragraphs of an HTML body, or None when the markup cannot be parsed."""
    parser = _BodyParser()
    try:
        parser.feed(text)
        parser.close()
    except AssertionError:  # html.parser's refusal of a marked section it cannot read (<![x)
        return None
    parser.flush()
    return parser.blocks


def _normal(text: str) -> str:
    return " ".join(text.split())


# --- the reader -------------------------------------------------------------------------


@attrs.define
class _Obj:
    """A ninjs object being read: its value, its pointer, the keys read so far."""

    value: dict[str, Any]
    path: str
    taken: set[str] = attrs.field(factory=set)


@attrs.define
class _Draft:
    """A person, organization or place of the item, gathered from its entries."""

    kind: type[Person | Organization | Place]
    id: str
    path: str
    name: str
    url: str | None = None
    same_as: list[str] = attrs.field(factory=list)
    geo: GeoCoordinates | None = None
    rels: list[str] = attrs.field(factory=list)

    def build(self) -> Person | Organization | Place:
        fields: dict[str, Any] = {"id": self.id, "name": self.name, "url": self.url}
        fields["same_as"] = tuple(self.same_as)
        if self.kind is Place:
            return Place(**fields, geo=self.geo)
        return self.kind(**fields)


_KIND_NAMES: Final = {Person: "person", Organization: "organization", Place: "place"}
_ARRAYS: Final = (("people", Person), ("organisations", Organization), ("places", Place))


class _Reader:
    """The reading of one ninjs item."""

    def __init__(
        self,
        value: dict[str, Any],
        *,
        uri_prefix: str,
        selectors: Selectors,
        assume_timezone: dt.tzinfo | None,
    ) -> None:
        self.root = _Obj(value, "")
        self.uri_prefix = uri_prefix
        self.paywalled = single_class(selectors.paywalled)
        self.speakable = single_class(selectors.speakable)
        self.assume = assume_timezone
        self.problems: list[Problem] = []
        self.version = "3"
        self.ids = Ids()
        self.objects: list[tuple[_Obj, str]] = []
        self.drafts: dict[tuple[Any, ...], _Draft] = {}
        self.respelled: set[str] = set()

    def report(self, path: str, code: str, message: str) -> None:
        self.problems.append(Problem.of(code, path, message))

    # --- objects and their properties ---------------------------------------------------

    def visit(self, value: dict[str, Any], path: str, what: str) -> _Obj:
        obj = _Obj(value, path)
        self.objects.append((obj, what))
        return obj

    def key(self, obj: _Obj, name: str) -> str | None:
        """The key ``obj`` gives ``name`` by (3.x name; either version's spelling), marked
        read, or None."""
        other = _SPELLING_2.get(name)
        mine, theirs = (name, other) if self.version == "3" or other is None else (other, name)
        for key in (mine, theirs):
            if key is not None and key in obj.value:
                obj.taken.add(key)
                if key != mine and key not in self.respelled:
                    self.respelled.add(key)
                    self.report(
                        _at(obj.path, key),
                        "ninjs-version",
                        f"{shown(key)} is the ninjs {'2.x' if self.version == '3' else '3.x'} "
                        f"spelling of {shown(mine)}, in a document read as {self.version}.x; "
                        "read as it",
                    )
                return key
        return None

    def get(self, obj: _Obj, name: str) -> tuple[Any, str] | None:
        key = self.key(obj, name)
        return None if key is None else (obj.value[key], _at(obj.path, key))

    def objects_of(self, obj: _Obj, name: str, what: str) -> Iterator[_Obj]:
        """The objects of the array ``name`` of ``obj``; any other item is reported."""
        found = self.get(obj, name)
        if found is None:
            return
        value, path = found
        if not isinstance(value, list):
            self.report(path, "import-bad-value", f"{name}: {shown(value, 40)} is not an array")
            return
        for index, item in enumerate(value):
            where = _at(path, index)
            if isinstance(item, dict):
                yield self.visit(item, where, what)
            else:
                self.report(
                    where, "import-bad-value", f"{name}: {shown(item, 40)} is not an object"
                )

    def string(self, obj: _Obj, name: str) -> tuple[str, str] | None:
        found = self.get(obj, name)
        if found is None:
            return None
        value, path = found
        if isinstance(value, str):
            return value, path
        self.report(path, "import-bad-value", f"{name}: {shown(value, 40)} is not a string")
        return None

    def leftovers(self) -> None:
        """Every key of every object visited that was not read: not kept, said."""
        for obj, what in self.objects:
            for key in obj.value:
                if key in obj.taken:
                    continue
                name = _NAME_OF_2.get(key, key)
                if key not in _ALL_NAMES:
                    reason = "it is no ninjs property"
                elif obj is self.root:
                    reason = _REASONS.get(name, "the model has no field for it")
                else:
                    reason = "the model has no field for it"
                self.report(
                    _at(obj.path, key),
                    "import-dropped",
                    f"{shown(key, 60)} of {what} is not kept: {reason}",
                )

    # --- values ---------------------------------------------------------------------------

    def text(
        self, value: Any, path: str, what: str, cls: type[Any], field: str, *, markup: bool
    ) -> str | None:
        """A text of the model: as written when the model takes it; markup (``markup``)
        cleaned, control characters removed, a line's line breaks made spaces (each said);
        else None, said."""
        if not isinstance(value, str):
            self.report(path, "import-bad-value", f"{what}: {shown(value, 40)} is not a string")
            return None
        rule = spec(attrs.fields_dict(cls)[field]).rule
        lines = rule is not LINE
        if markup:
            cleaned = (clean_text if lines else clean_line)(value)
            found, changes = cleaned.text, list(cleaned.changes)
        else:
            found, changes = value, []
            if fits(cls, field, value) is not None:
                found = _LINE_BREAKS.sub("\n" if lines else " ", value)
                found = _CONTROLS.sub("", found).strip() if lines else _line(found)
                if found != value:
                    changes.append("control characters or line breaks removed")
        if changes:
            self.report(
                path, "import-text-cleaned", f"{what}: {'; '.join(changes)}: {shown(found, 60)}"
            )
        problem = fits(cls, field, found)
        if problem is not None:
            self.report(path, "import-bad-value", f"{what}: {problem}; not kept")
            return None
        return found

    def url(self, value: Any, path: str, what: str) -> str | None:
        problem = URL.problem(value)
        if problem is None:
            assert isinstance(value, str)
            return value
        self.report(path, "import-bad-value", f"{what}: {problem}; not kept")
        return None

    def moment(self, value: Any, path: str, what: str) -> dt.datetime | None:
        if not isinstance(value, str):
            self.report(path, "import-bad-value", f"{what}: {shown(value, 40)} is not a string")
            return None
        try:
            found = parse_datetime(value)
        except ValueError:
            moment = read_moment(value)
            if moment is None:
                self.report(
                    path,
                    "import-date-unreadable",
                    f"{what}: {shown(value, 60)} is no date this reader reads; dropped",
                )
                return None
            found = moment.value
            if moment.kind != "moment":
                if self.assume is None:
                    self.report(
                        path,
                        "import-date-no-timezone",
                        f"{what}: {shown(value, 60)} has no time zone; dropped (name the zone "
                        "to assume with assume_timezone)",
                    )
                    return None
                found = found.replace(tzinfo=self.assume)
                self.report(
                    path,
                    "import-date-no-timezone",
                    f"{what}: {shown(value, 60)} has no time zone; read in "
                    f"{shown(str(self.assume))}",
                )
            elif not moment.standard:
                self.report(
                    path,
                    "import-date-format",
                    f"{what}: {shown(value, 60)} is not RFC 3339; read as {found.isoformat()}",
                )
        problem = TIMESTAMP.problem(found)
        if problem is not None:
            self.report(path, "import-bad-value", f"{what}: {problem}; dropped")
            return None
        return found

    # --- the version and the schema -------------------------------------------------------

    def read_version(self) -> None:
        root = self.root
        spelled_3: list[str] = []
        spelled_2: list[str] = []
        stack: list[Any] = [root.value]
        while stack:
            item = stack.pop()
            if isinstance(item, dict):
                for key, child in item.items():
                    if key in _SPELLING_2 or key in _ONLY_3:
                        spelled_3.append(key)
                    elif key in _NAME_OF_2:
                        spelled_2.append(key)
                    stack.append(child)
            elif isinstance(item, list):
                stack.extend(item)
        said: str | None = None
        standard = self.get(root, "standard")
        if standard is not None:
            value, path = standard
            if isinstance(value, dict):
                obj = self.visit(value, path, "the standard")
                name = self.string(obj, "name")
                if name is not None and name[0].strip().lower() != "ninjs":
                    self.report(
                        name[1],
                        "ninjs-version",
                        f"the standard is {shown(name[0], 40)}, not ninjs; read as ninjs",
                    )
                version = self.string(obj, "version")
                self.get(obj, "schema")
                if version is not None:
                    said = version[0].strip()
                    if not re.match(r"[23](\.|$)", said):
                        self.report(
                            version[1],
                            "ninjs-version",
                            f"version {shown(said, 40)}: this reader reads ninjs 2.x and 3.x; "
                            "read as the spelling of its properties says",
                        )
                        said = None
            else:
                self.report(
                    path, "import-bad-value", f"standard: {shown(value, 40)} is not an object"
                )
        spelled = (
            "3" if spelled_3 and not spelled_2 else "2" if spelled_2 and not spelled_3 else None
        )
        if spelled_2 and spelled_3:
            self.report(
                "",
                "ninjs-version",
                "the document mixes the spellings of ninjs 2.x "
                f"({', '.join(sorted(set(spelled_2))[:4])}) and 3.x "
                f"({', '.join(sorted(set(spelled_3))[:4])}); each property is read as written",
            )
        major = said[0] if said else None
        if spelled is not None and major is not None and spelled != major:
            self.report(
                _at(_at("", "standard"), "version"),
                "ninjs-version",
                f"the standard says version {shown(said, 20)}, but the document spells its "
                f"properties as ninjs {spelled}.x does "
                f"({', '.join(sorted(set(spelled_3 if spelled == '3' else spelled_2))[:4])}); "
                f"read as {spelled}.x",
            )
        self.version = spelled or major or ("3" if spelled_3 else "2" if spelled_2 else "3")

    # --- the item -------------------------------------------------------------------------

    def read(self) -> Article | None:
        self.read_version()
        if self.version == "3":
            self.problems.extend(_schema_problems(self.root.value))
        root = self.root
        self.objects.append((root, "the item"))
        kind = self.get(root, "type")
        if kind is not None:
            value, path = kind
            if isinstance(value, str) and value not in _ARTICLE_TYPES:
                self.report(
                    path,
                    "ninjs-not-article",
                    f"the item is of type {shown(value, 40)}: only a text (or composite) item "
                    "is an article",
                )
                return None
            if not isinstance(value, str):
                self.report(path, "import-bad-value", f"type: {shown(value, 40)} is not a string")
        representation = self.get(root, "representationType")
        if representation is not None and representation[0] != "full":
            self.report(
                representation[1],
                "import-dropped",
                f"representationType {shown(representation[0], 40)} is not kept: the item may "
                "lack parts of the content; what it holds is read",
            )
        self.reserve()
        fields: dict[str, Any] = {}
        fields["language"] = self.language()
        headline, alternative = self.headlines()
        fields["alternative_headline"] = alternative
        fields["standfirst"] = self.standfirst()
        fields["url"], uri_id = self.uri()
        published, modified = self.dates()
        fields["date_published"], fields["date_modified"] = published, modified
        located = self.string(root, "located")
        if located is not None:
            fields["dateline"] = self.text(
                located[0], located[1], "located", Article, "dateline", markup=False
            )
        fields["genre"] = self.genre()
        fields["section"], fields["keywords"] = self.subjects()
        self.entities()
        authors, publisher = self.info_sources()
        fields["publisher"] = publisher
        authors = authors or self.related(_AUTHOR_RELS, (Person, Organization))
        if authors:
            self.by_consumed(authors)
        else:
            authors = self.byline(fields)
        fields["authors"] = tuple(authors)
        fields["about"] = tuple(self.related({"about"}))
        fields["content_locations"] = tuple(self.related({LOCATION_REL}, (Place,)))
        principles, policies = self.trust_indicators(publisher)
        fields["publishing_principles"] = principles
        fields["images"] = tuple(self.images())
        paragraphs, speakable = self.bodies(headline)
        fields["paragraphs"], fields["speakable"] = tuple(paragraphs), tuple(speakable)
        fields["id"] = self.article_id(fields, uri_id, headline)
        self.leftovers()
        collections: dict[type[Any], list[Any]] = {Person: [], Organization: [], Place: []}
        for draft in self.drafts.values():
            entity = draft.build()
            if isinstance(entity, Organization) and entity.id == publisher and policies:
                entity = attrs.evolve(entity, policies=Policies(**policies))
            collections[draft.kind].append(entity)
        fields["people"] = tuple(collections[Person])
        fields["organizations"] = tuple(collections[Organization])
        fields["places"] = tuple(collections[Place])
        if headline is None:
            self.report(
                "",
                "import-no-headline",
                "the item has no headline (headlines, with a value): the model needs one",
            )
            return None
        fields["headline"] = headline
        try:
            article = Article(**fields)
        except InvalidValueError as error:
            self.report("", "import-invalid", f"the article cannot be built: {error}")
            return None
        found = [p for p in article_problems(article) if p.is_error]
        for problem in found:
            self.report(
                "",
                "import-invalid",
                f"the imported article breaks the format ({problem.code} at "
                f"{problem.path or '/'}: {problem.message})",
            )
        return None if found else article

    def reserve(self) -> None:
        """Reserve the ids the item gives (entities' literals, images' names, its own), so
        that no id made from a name takes one."""
        reserved: set[str] = set()
        root = self.root.value
        for name in ("people", "organisations", "places", "infoSources"):
            for key in (name, _SPELLING_2.get(name)):
                items = root.get(key) if key else None
                if isinstance(items, list):
                    reserved.update(
                        item["literal"]
                        for item in items
                        if isinstance(item, dict) and _is_id(item.get("literal"))
                    )
        associations = root.get("associations")
        if isinstance(associations, list):
            reserved.update(
                item["name"]
                for item in associations
                if isinstance(item, dict) and _is_id(item.get("name"))
            )
        self.ids.reserved |= reserved

    def language(self) -> str:
        found = self.get(self.root, "language")
        if found is not None:
            value, path = found
            if isinstance(value, str):
                tag = value.strip().replace("_", "-")
                if LANGUAGE.problem(tag) is None:
                    if tag != value:
                        self.report(
                            path,
                            "import-text-cleaned",
                            f"language: {shown(value)} read as {shown(tag)}",
                        )
                    return tag
            self.report(
                path,
                "import-bad-value",
                f"language: {shown(value, 40)} is not a BCP 47 language tag; dropped",
            )
        self.report(
            "", "import-no-language", "the item says no language: 'und' (undetermined) is used"
        )
        return "und"

    def headlines(self) -> tuple[str | None, str | None]:
        """The main headline (role main, else the first) and the alternative one."""
        entries = []
        for obj in self.objects_of(self.root, "headlines", "a headline"):
            found = self.get(obj, "value")
            role = self.string(obj, "role")
            kind = self.string(obj, "contentType")
            if found is None:
                self.report(obj.path, "import-bad-value", "a headline with no value is not kept")
                continue
            markup = kind is not None and kind[0].strip().lower().startswith(_HTML_TYPES)
            entries.append((obj, found, role[0] if role else None, markup))
        main = next((e for e in entries if e[2] == MAIN_HEADLINE), entries[0] if entries else None)
        other = next((e for e in entries if e[2] == ALTERNATIVE_HEADLINE and e is not main), None)
        headline = alternative = None
        if main is not None:
            headline = self.text(*main[1], "headline", Article, "headline", markup=main[3])
        if other is not None:
            alternative = self.text(
                *other[1],
                "alternative headline",
                Article,
                "alternative_headline",
                markup=other[3],
            )
        for entry in entries:
            if entry is not main and entry is not other:
                self.report(
                    entry[0].path,
                    "import-dropped",
                    f"the headline of role {shown(entry[2])} is not kept: the model holds a "
                    "headline and an alternative headline",
                )
        return headline, alternative

    def standfirst(self) -> str | None:
        kept: str | None = None
        for obj in self.objects_of(self.root, "descriptions", "a description"):
            role = self.string(obj, "role")
            kind = self.string(obj, "contentType")
            found = self.get(obj, "value")
            if kept is None and found is not None and role and role[0] in _SUMMARY_ROLES:
                markup = kind is not None and kind[0].strip().lower().startswith(_HTML_TYPES)
                kept = self.text(*found, "standfirst", Article, "standfirst", markup=markup)
                if kept is not None:
                    continue
            said = f"of role {shown(role[0])}" if role else "with no role"
            self.report(
                obj.path,
                "import-dropped",
                f"the description {said} is not kept: the model's standfirst is the first "
                f"description of role {SUMMARY_ROLE}",
            )
        return kept

    def uri(self) -> tuple[str | None, str | None]:
        """The article's URL (a ``uri`` that is an http(s) URL) and the id its ``uri`` gives
        (the export's URN)."""
        found = self.get(self.root, "uri")
        if found is None:
            return None, None
        value, path = found
        if isinstance(value, str):
            if URL.problem(value) is None:
                return value, None
            if value.startswith(self.uri_prefix) and _is_id(value[len(self.uri_prefix) :]):
                return None, value[len(self.uri_prefix) :]
            self.report(
                path,
                "import-dropped",
                f"uri {shown(value, 60)} is not kept: the model's url is an http(s) URL; the "
                "id is made from it",
            )
            return None, slug(value.rpartition(":")[2].rpartition("/")[2]) or None
        self.report(path, "import-bad-value", f"uri: {shown(value, 40)} is not a string")
        return None, None

    def dates(self) -> tuple[dt.datetime | None, dt.datetime | None]:
        """firstCreated is when it was published; versionCreated, when it differs, when it
        was last changed."""
        root = self.root
        first = self.get(root, "firstCreated")
        version = self.get(root, "versionCreated")
        published = None if first is None else self.moment(*first, "firstCreated")
        modified = None if version is None else self.moment(*version, "versionCreated")
        if published is not None and modified is not None:
            if modified == published:
                return published, None
            if modified < published:
                assert version is not None
                self.report(
                    version[1],
                    "import-date-order",
                    "versionCreated is before firstCreated; the model refuses a date_modified "
                    "before date_published, so it is dropped",
                )
                return published, None
        return published, modified

    def genre(self) -> Genre:
        kept: Genre | None = None
        for obj in self.objects_of(self.root, "genres", "a genre"):
            literal, uri, name = (self.string(obj, k) for k in ("literal", "uri", "name"))
            genre = (
                (_GENRE_BY_LITERAL.get(literal[0]) if literal else None)
                or (_GENRE_BY_URI.get(uri[0]) if uri else None)
                or (_GENRE_BY_NAME.get(name[0].strip().lower()) if name else None)
            )
            if kept is None and genre is not None:
                kept = genre
                continue
            said = next((v[0] for v in (name, literal, uri) if v), "")
            why = "the model holds one genre" if genre else "it is none of the model's genres"
            self.report(
                obj.path, "import-dropped", f"the genre {shown(said, 60)} is not kept: {why}"
            )
        return kept or Genre.NEWS

    def subjects(self) -> tuple[str | None, tuple[str, ...]]:
        """The subject of rel section is the section; every other subject's name a keyword."""
        section: str | None = None
        keywords: list[str] = []
        for obj in self.objects_of(self.root, "subjects", "a subject"):
            name = self.get(obj, "name")
            if name is None:
                self.report(obj.path, "import-dropped", "a subject with no name is not kept")
                obj.taken.update(obj.value)
                continue
            if obj.value.get("rel") == SECTION_REL and section is None:
                self.key(obj, "rel")
                section = self.text(*name, "section", Article, "section", markup=False)
                continue
            keyword = self.text(*name, "subject", Article, "keywords", markup=False)
            if keyword is not None and keyword not in keywords:
                keywords.append(keyword)
        return section, tuple(keywords)

    # --- people, organisations, places ---------------------------------------------------

    def entry(self, obj: _Obj, kind: type[Any], what: str) -> _Draft | None:
        """The draft an entry of ``people``, ``organisations``, ``places`` or ``infoSources``
        adds to (a new one, or the one of the same literal, or of the same name and uri)."""
        name_found = self.get(obj, "name")
        literal = self.string(obj, "literal")
        uri = self.string(obj, "uri")
        if name_found is None:
            self.report(obj.path, "import-dropped", f"{what} with no name is not kept")
            return None
        name = self.text(*name_found, f"the name of {what}", kind, "name", markup=False)
        if name is None:
            return None
        if literal is not None and _is_id(literal[0]):
            key: tuple[Any, ...] = (kind, "literal", literal[0])
        else:
            if literal is not None:
                self.report(
                    literal[1],
                    "import-dropped",
                    f"the literal {shown(literal[0], 40)} of {what} is not kept: it is no id "
                    "of the model (letters, digits, '.', '_', '-')",
                )
            key = (kind, "name", name, uri[0] if uri else None)
        draft = self.drafts.get(key)
        if draft is None:
            if key[1] == "literal":
                identifier = self.ids.claim(key[2])
            else:
                identifier = self.ids.make(slug(name) or _KIND_NAMES[kind])
            draft = self.drafts[key] = _Draft(kind=kind, id=identifier, path=obj.path, name=name)
        if uri is not None:
            same = self.url(uri[0], uri[1], f"the uri of {what}")
            if same is not None and same not in draft.same_as:
                draft.same_as.append(same)
        for info in self.objects_of(obj, "contactInfo", f"the contact information of {what}"):
            self.contact(info, draft, what)
        if kind is Place:
            geo = self.get(obj, "geoJSON")
            if geo is not None and draft.geo is None:
                draft.geo = self.geo(*geo, what)
        return draft

    def contact(self, info: _Obj, draft: _Draft, what: str) -> None:
        kind = self.string(info, "type")
        value = self.get(info, "value")
        if kind is not None and kind[0].lower() in ("web", "url", "website") and value:
            url = self.url(*value, f"the web page of {what}")
            if url is not None and draft.url in (None, url):
                draft.url = url
                self.key(info, "role")
                self.key(info, "name")
                return
        said = shown(kind[0], 30) if kind else "contact"
        self.report(
            info.path,
            "import-dropped",
            f"the {said} information of {what} is not kept: the model holds a web page only",
        )
        info.taken.update(info.value)

    def geo(self, value: Any, path: str, what: str) -> GeoCoordinates | None:
        """A GeoJSON Point: ``[longitude, latitude]`` (an altitude after them is not kept)."""
        if not isinstance(value, dict):
            self.report(
                path, "import-bad-value", f"geoJSON of {what}: {shown(value, 40)} is not an object"
            )
            return None
        obj = self.visit(value, path, f"the geoJSON of {what}")
        obj.taken.update(value)
        kind = value.get("type")
        if kind != "Point":
            self.report(
                path,
                "import-dropped" if isinstance(kind, str) else "import-bad-value",
                f"geoJSON of {what}: a {shown(kind, 30)} is not kept: the model holds a point",
            )
            return None
        coordinates = value.get("coordinates")
        if (
            not isinstance(coordinates, list)
            or not 2 <= len(coordinates) <= 3
            or not all(type(c) in (int, float) for c in coordinates)
        ):
            self.report(
                _at(path, "coordinates"),
                "import-bad-value",
                f"geoJSON of {what}: coordinates {shown(coordinates, 40)} are not a longitude and "
                "a latitude",
            )
            return None
        if len(coordinates) == 3:
            self.report(
                _at(_at(path, "coordinates"), 2),
                "import-dropped",
                f"geoJSON of {what}: the altitude is not kept",
            )
        try:
            return GeoCoordinates(latitude=float(coordinates[1]), longitude=float(coordinates[0]))
        except (InvalidValueError, OverflowError) as error:
            self.report(_at(path, "coordinates"), "import-bad-value", f"geoJSON of {what}: {error}")
            return None

    def entities(self) -> None:
        for name, kind in _ARRAYS:
            what = f"a {_KIND_NAMES[kind]}"
            for obj in self.objects_of(self.root, name, what):
                draft = self.entry(obj, kind, what)
                rel = self.string(obj, "rel")
                if draft is not None and rel is not None:
                    draft.rels.append(rel[0])
                    if rel[0] not in {*_AUTHOR_RELS, "about", LOCATION_REL, *_MENTION_RELS}:
                        self.report(
                            rel[1],
                            "import-dropped",
                            f"the relation {shown(rel[0], 60)} of {what} is not kept: the model "
                            "holds authors, what the article is about and where it happens",
                        )

    def related(
        self, rels: Iterable[str], kinds: tuple[type[Any], ...] = (Person, Organization, Place)
    ) -> list[str]:
        """The ids of the entities of one of ``kinds`` with one of the relations ``rels``."""
        wanted = frozenset(rels)
        return [d.id for d in self.drafts.values() if d.kind in kinds and wanted & set(d.rels)]

    def info_sources(self) -> tuple[list[str], str | None]:
        """The authors (role author, in order) and the publisher (role publisher)."""
        authors: list[str] = []
        publisher: str | None = None
        for obj in self.objects_of(self.root, "infoSources", "an info source"):
            role = self.string(obj, "role")
            said = role[0] if role else None
            literal = obj.value.get("literal")
            known = next(
                (
                    self.drafts[(kind, "literal", literal)]
                    for kind in (Person, Organization)
                    if isinstance(literal, str) and (kind, "literal", literal) in self.drafts
                ),
                None,
            )
            if said in _AUTHOR_RELS:
                kind = known.kind if known is not None else Person
                draft = self.entry(obj, kind, "an author")
                if draft is not None and draft.id not in authors:
                    authors.append(draft.id)
                continue
            if said == PUBLISHER_ROLE and publisher is None:
                if known is not None and known.kind is Person:
                    self.report(
                        obj.path,
                        "import-dropped",
                        "the publisher is a person; the model's publisher is an organization",
                    )
                    obj.taken.update(obj.value)
                    continue
                draft = self.entry(obj, Organization, "the publisher")
                if draft is not None:
                    publisher = draft.id
                continue
            self.report(
                obj.path,
                "import-dropped",
                f"the info source {shown(obj.value.get('name'), 40)} "
                f"{'of role ' + shown(said, 40) if said else 'with no role'} is not kept: the "
                f"model holds the info sources of roles {AUTHOR_ROLE} and {PUBLISHER_ROLE}",
            )
            obj.taken.update(obj.value)
        return authors, publisher

    def byline(self, fields: dict[str, Any]) -> list[str]:
        """Authors from ``by`` alone, when no entry names them: its names, split when that is
        certain, each a person (or the person or organization of that name)."""
        found = self.string(self.root, "by")
        if found is None:
            return []
        text = self.text(*found, "by", Person, "name", markup=False)
        if text is None:
            return []
        from ._people import split_byline  # its module reads the vocabulary: at call time

        names, _, changes = split_byline(text, fields.get("language"))
        if changes:
            self.report(
                found[1], "import-author-split", f"by {shown(text, 60)}: {'; '.join(changes)}"
            )
        elif len(names) == 1 and _UNCLEAR.search(names[0]):
            self.report(
                found[1],
                "import-author-unclear",
                f"by {shown(text, 60)} may name several people; kept as one",
            )
        authors = []
        for name in names:
            existing = next(
                (d for d in self.drafts.values() if d.kind is not Place and d.name == name), None
            )
            if existing is None:
                key = (Person, "name", name, None)
                existing = self.drafts[key] = _Draft(
                    kind=Person, id=self.ids.make(slug(name) or "person"), path=found[1], name=name
                )
            if existing.id not in authors:
                authors.append(existing.id)
        return authors

    def by_consumed(self, authors: list[str]) -> None:
        """``by`` beside authors named by entries: read when it is their names."""
        root = self.root
        key = self.key(root, "by")
        if key is None:
            return
        names = {d.id: d.name for d in self.drafts.values()}
        if root.value[key] != ", ".join(names.get(i, "") for i in authors):
            if isinstance(root.value[key], str) and any(
                root.value[key] == d.name for d in self.drafts.values()
            ):
                return
            self.report(
                _at("", key),
                "import-dropped",
                f"by {shown(root.value[key], 60)} is not kept: the authors are the item's info "
                "sources and entries of rel author",
            )

    # --- trust indicators, images, bodies --------------------------------------------------

    def trust_indicators(self, publisher: str | None) -> tuple[str | None, dict[str, str]]:
        principles: str | None = None
        policies: dict[str, str] = {}
        for obj in self.objects_of(self.root, "trustIndicators", "a trust indicator"):
            role = self.string(obj, "role")
            href = self.get(obj, "href")
            title = self.string(obj, "title")
            said = role[0] if role else None
            if href is None:
                self.report(
                    obj.path, "import-dropped", "a trust indicator with no href is not kept"
                )
                continue
            if said == PRINCIPLES_INDICATOR[0] and principles is None:
                principles = self.url(*href, "the article's publishing principles")
                expected = PRINCIPLES_INDICATOR[1]
            elif said in _POLICY_ROLES and publisher is not None:
                field, expected = _POLICY_ROLES[said]
                if field in policies:
                    self.report(
                        obj.path,
                        "import-dropped",
                        f"a second trust indicator of role {shown(said, 80)} is not kept",
                    )
                    continue
                url = self.url(*href, f"the publisher's {field.replace('_', ' ')} policy")
                if url is not None:
                    policies[field] = url
            else:
                why = (
                    "the item names no publisher to hold it"
                    if said in _POLICY_ROLES
                    else "the model holds the publisher's policies (see docs/ninjs.md)"
                )
                self.report(
                    obj.path,
                    "import-dropped",
                    f"the trust indicator of role {shown(said, 80)} is not kept: {why}",
                )
                obj.taken.update(obj.value)
                continue
            if title is not None and expected and title[0] != expected:
                self.report(
                    title[1],
                    "import-dropped",
                    f"the title {shown(title[0], 60)} of a trust indicator is not kept",
                )
        return principles, policies

    def images(self) -> Iterator[Image]:
        for obj in self.objects_of(self.root, "associations", "an association"):
            image = self.image(obj)
            if image is not None:
                yield image

    def image(self, obj: _Obj) -> Image | None:
        kind = self.string(obj, "type")
        renditions = list(self.objects_of(obj, "renditions", "a rendition"))
        if kind is not None and kind[0] not in _IMAGE_TYPES:
            self.report(
                obj.path,
                "import-dropped",
                f"the associated {shown(kind[0], 30)} item is not kept: the model holds images",
            )
            _take_all(obj, renditions)
            return None
        with_href = [r for r in renditions if isinstance(r.value.get("href"), str)]
        if not with_href:
            self.report(
                obj.path,
                "import-dropped",
                "an association with no rendition href is not kept: the model's images are files",
            )
            _take_all(obj, renditions)
            return None
        chosen = _main_rendition(with_href)
        for other in renditions:
            if other is not chosen:
                self.report(
                    other.path,
                    "import-dropped",
                    "another rendition of the image is not kept: the model holds one file for "
                    "each image",
                )
                other.taken.update(other.value)
        href = self.get(chosen, "href")
        assert href is not None
        url = self.url(*href, "the image's rendition href")
        if url is None:
            _take_all(obj, renditions)
            return None
        fields: dict[str, Any] = {"url": url}
        for size in ("width", "height"):
            found = self.get(chosen, size)
            if found is not None:
                problem = fits(Image, size, found[0])
                if problem is None:
                    fields[size] = found[0]
                else:
                    self.report(found[1], "import-bad-value", f"the image's {size}: {problem}")
        self.key(chosen, "name")
        name = self.string(obj, "name")
        if name is not None and _is_id(name[0]):
            fields["id"] = self.ids.claim(name[0])
        else:
            fields["id"] = self.ids.make(slug(name[0]) if name else "image")
        uri = self.string(obj, "uri")
        if uri is not None and uri[0] != url:
            self.report(
                uri[1],
                "import-dropped",
                f"the association's uri {shown(uri[0], 60)} is not kept: the model's image is "
                "its file",
            )
        roles = {CAPTION_ROLE: "caption", ALT_ROLE: "alt", CREDIT_ROLE: "credit"}
        for description in self.objects_of(obj, "descriptions", "an image description"):
            role = self.string(description, "role")
            value = self.get(description, "value")
            self.key(description, "contentType")
            said = role[0] if role else None
            field = roles.get(said or "") or ("caption" if said in (None, "text") else None)
            if field is not None and field not in fields and value is not None:
                kept = self.text(*value, f"the image's {field}", Image, field, markup=False)
                if kept is not None:
                    fields[field] = kept
                    continue
            self.report(
                description.path,
                "import-dropped",
                f"the image description {'of role ' + shown(said) if said else 'with no role'} "
                "is not kept: the model holds a caption, an alt text and a credit",
            )
        by = self.get(obj, "by")
        if by is not None:
            if "credit" not in fields:
                credit = self.text(*by, "the image's credit", Image, "credit", markup=False)
                if credit is not None:
                    fields["credit"] = credit
            else:
                self.report(by[1], "import-dropped", "the image's by is not kept beside its credit")
        try:
            return Image(**fields)
        except InvalidValueError as error:  # pragma: no cover - every value is checked
            self.report(obj.path, "import-bad-value", f"the image: {error}")
            return None

    def bodies(self, headline: str | None) -> tuple[list[Paragraph], list[str]]:
        """The paragraphs: the first HTML body's (its roles and marks), with the exact text of
        the first plain body when the two agree paragraph by paragraph; else the first plain
        body's.  Every other body is compared with the one read: one that differs is not
        kept, said."""
        plain: list[tuple[_Obj, str, str]] = []
        marked: list[tuple[_Obj, str, str]] = []
        for obj in self.objects_of(self.root, "bodies", "a body"):
            value = self.get(obj, "value")
            kind = self.string(obj, "contentType")
            role = self.string(obj, "role")
            self.key(obj, "charCount")
            self.key(obj, "wordCount")
            if value is None or not isinstance(value[0], str):
                self.report(obj.path, "import-bad-value", "a body with no text value is not kept")
                continue
            content = kind[0].strip().lower() if kind else ""
            if content.startswith(_HTML_TYPES) or (
                not content and role is not None and role[0].lower() in _HTML_ROLES
            ):
                marked.append((obj, *value))
            elif content in ("", "text/plain"):
                plain.append((obj, *value))
            else:
                self.report(
                    obj.path,
                    "import-dropped",
                    f"the body of type {shown(content, 40)} is not read: the reader reads plain "
                    "text and HTML bodies",
                )
        blocks: list[_Read] = []
        source: _Obj | None = None
        for obj, text, path in marked:
            found = html_blocks(text)
            if found is None:
                self.report(path, "import-bad-value", "the HTML body cannot be parsed; not read")
                continue
            source, blocks = obj, self.marked_blocks(found, headline)
            break
        if source is None and plain:
            source = plain[0][0]
            texts = self.plain_paragraphs(plain[0][1], plain[0][2])
            blocks = [_Read(text) for text in texts]
        elif source is not None and plain:
            pieces = _LINE_BREAKS.sub("\n", plain[0][1]).split("\n\n")
            if len(pieces) == len(blocks) and all(
                _normal(_noncharacters(piece)) == _normal(block.text)
                and fits(Paragraph, "text", piece) is None
                for piece, block in zip(pieces, blocks, strict=True)
            ):
                blocks = [attrs.evolve(b, text=p) for p, b in zip(pieces, blocks, strict=True)]
        blocks = [block for block in blocks if fits(Paragraph, "text", block.text) is None]
        mine = _normal(" ".join(block.text for block in blocks))
        for obj, text, _ in [*marked, *plain]:
            if obj is source:
                continue
            theirs = text
            if any(o is obj for o, _, _ in marked):
                parsed = html_blocks(text)
                theirs = " ".join(b.text for b in parsed) if parsed is not None else text
            if _normal(_noncharacters(theirs)) != mine:
                self.report(
                    obj.path,
                    "import-dropped",
                    "a body whose text differs from the one read is not kept: the model holds "
                    "one body",
                )
        paragraphs: list[Paragraph] = []
        speakable: list[str] = []
        for index, block in enumerate(blocks, start=1):
            identifier = self.ids.make(f"p{index}")
            access = Access.SUBSCRIBERS if block.paywalled else Access.FREE
            paragraphs.append(
                Paragraph(id=identifier, text=block.text, role=block.role, access=access)
            )
            if block.speakable:
                speakable.append(identifier)
        return paragraphs, speakable

    def marked_blocks(self, found: list[_Block], headline: str | None) -> list[_Read]:
        """The paragraphs of an HTML body: headings (``h1`` to ``h6``), asides (in an
        ``aside``), the rest body; the paywalled and speakable ones by their classes.  A first
        ``h1`` that is the headline is the headline repeated, not a paragraph; an element
        holding only white space is kept only to be matched with the plain body."""
        blocks = []
        for index, block in enumerate(found):
            if (
                index == 0
                and block.tag == "h1"
                and headline is not None
                and _normal(block.text) == _normal(headline)
            ):
                continue  # the headline, repeated at the top of the body
            role = (
                ParagraphRole.ASIDE
                if block.aside
                else ParagraphRole.HEADING
                if block.tag in _HEADINGS
                else ParagraphRole.BODY
            )
            blocks.append(
                _Read(
                    _CONTROLS.sub("", block.text) if not block.blank else "",
                    role,
                    self.paywalled is not None and self.paywalled in block.classes,
                    self.speakable is not None and self.speakable in block.classes,
                )
            )
        return blocks

    def plain_paragraphs(self, value: str, path: str) -> list[str]:
        """A plain body's paragraphs: split at blank lines, or at line breaks when it has no
        blank line; control characters (which the model refuses) removed, said."""
        text = _LINE_BREAKS.sub("\n", value)
        blank = _BLANK_LINE.search(text) is not None
        pieces = _BLANK_LINE.split(text) if blank else text.split("\n")
        cleaned = [_CONTROLS.sub("", piece).strip("\n") for piece in pieces]
        if any(_CONTROLS.search(piece) for piece in pieces):
            self.report(path, "import-text-cleaned", "the body: control characters removed")
        return [piece for piece in cleaned if piece.strip()]

    def article_id(self, fields: dict[str, Any], uri_id: str | None, headline: str | None) -> str:
        """The article's id: its altIds entry of role newsarticle-id, else the id in its URN,
        else the last segment of its URL's path, else its headline, slugged."""
        own: str | None = None
        for obj in self.objects_of(self.root, "altIds", "an alternative id"):
            role = self.string(obj, "role")
            value = self.get(obj, "value")
            if role is not None and role[0] == ID_ROLE and own is None and value is not None:
                own = value[0] if _is_id(value[0]) else None
                if own is not None:
                    continue
            said = f"of role {shown(role[0], 40)}" if role else "with no role"
            self.report(
                obj.path,
                "import-dropped",
                f"the alternative id {said} is not kept: the model holds the article's own id",
            )
        if own is not None:
            return own
        if uri_id is not None:
            return uri_id
        base = ""
        url = fields.get("url")
        if url:
            segments = [s for s in url.split("?")[0].split("#")[0].split("/")[3:] if s]
            for segment in reversed(segments):
                base = slug(re.sub(r"\.(html?|php|aspx?)$", "", segment, flags=re.IGNORECASE))
                if base:
                    break
        if not base and headline:
            base = slug(headline)
        return base or "article"


def _is_id(value: Any) -> bool:
    return isinstance(value, str) and ID.problem(value) is None


def _line(text: str) -> str:
    return _CONTROLS.sub("", text).replace("\n", " ").strip()


def _noncharacters(text: str) -> str:
    from .._export._jsonld import NONCHARACTERS

    return NONCHARACTERS.sub("\ufffd", text)


def _take_all(obj: _Obj, children: Iterable[_Obj]) -> None:
    obj.taken.update(obj.value)
    for child in children:
        child.taken.update(child.value)


def _main_rendition(renditions: list[_Obj]) -> _Obj:
    """The rendition that is the image: one named main (or original, high resolution), else
    the largest, else the first."""
    for wanted in _MAIN_RENDITIONS:
        for rendition in renditions:
            name = rendition.value.get("name")
            if isinstance(name, str) and name.replace("_", "").replace("-", "").lower() == wanted:
                return rendition

    def area(rendition: _Obj) -> int:
        width, height = rendition.value.get("width"), rendition.value.get("height")
        return width * height if type(width) is int and type(height) is int else -1

    return max(renditions, key=area)


def read_ninjs(
    data: str | bytes | Any,
    *,
    uri_prefix: str = URN_PREFIX,
    selectors: Selectors = DEFAULT_SELECTORS,
    assume_timezone: dt.tzinfo | None = None,
    max_size: int = MAX_NINJS_SIZE,
) -> tuple[Article | None, list[Problem]]:
    """Read an IPTC ninjs item (2.x or 3.x) as :func:`~newsarticle.check` reads a document:
    the article (None when the item is none, or it cannot be built) and every problem.

    ``data`` is ninjs text or bytes (UTF-8), or a value already parsed.  ``uri_prefix`` is
    the prefix of the URN the export gives an article without a URL (the id follows it);
    ``selectors`` name the classes of the paywalled and speakable paragraphs of an HTML body;
    ``assume_timezone`` is the zone of dates written without one (without it, such dates are
    dropped with a warning); text longer than ``max_size`` is not read.  Problems of text
    have their line and column.  See the module for versions, ids and what is an article.
    """
    text, value, problems = _parse(data, max_size)
    if value is None:
        return None, problems
    reader = _Reader(
        value, uri_prefix=uri_prefix, selectors=selectors, assume_timezone=assume_timezone
    )
    article = reader.read()
    found = reader.problems
    if text is not None:
        found = Locator(text).locate_all(found)
        found.sort(key=lambda p: (p.line or 0, p.column or 0))
    return article, [*problems, *found]
