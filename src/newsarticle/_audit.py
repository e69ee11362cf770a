"""The audit: a page's JSON-LD checked offline, the way a search engine reads it.

:func:`audit_page` returns every finding about the ``application/ld+json`` blocks of a page
read by :func:`newsarticle._import._page.read_page` (or of JSON-LD read by ``read_blocks``):

* what reading found: the page's problems and each block's parse problems and repairs
  (duplicate keys among them), passed through as they are;
* what is unsafe in a page: ``</script`` or ``<!--`` in a block's text;
* the schema.org vocabulary (release 30.0, shipped as
  ``newsarticle/schemas/schemaorg-vocabulary.json`` and written by ``tools/vocabulary.py``):
  the ``@context``, unknown types and properties (with the term meant, ``headLine``:
  ``headline``), properties outside their domain, values outside their range, superseded
  terms, ISO 8601 dates;
* Google's Article guidance on each article node: headline, image, ``datePublished`` with a
  time zone, every author a Person or Organization with a name (and only a name) and a ``url``
  or ``sameAs``, the publisher, paywalled sections; article nodes that disagree.

schema.org's data model lets a text stand where an item is expected ("some data is better
than none"), so a string ``author`` is no range error (the Article guidance warns about it).
Errors are what makes the markup wrong or unsafe; warnings are advice.  Every problem has a
JSON Pointer into its block's value and the line and column in the page; the codes (layer
``audit``) are described in ``docs/problems.md``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import html
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import urljoin, urlsplit

import attrs

from ._errors import Problem, shown
from ._profile import HEADLINE_LIMIT

if TYPE_CHECKING:
    from ._import._page import Block, Page

__all__ = ["Vocabulary", "audit_page", "vocabulary"]

_FILE: Final = "schemaorg-vocabulary.json"
#: Google asks for images of at least 50,000 pixels (width times height).
MIN_IMAGE_PIXELS: Final = 50_000
#: Deeper than this the walk stops (the reader refuses far less deep JSON).
_MAX_DEPTH: Final = 512


# --- the vocabulary ---------------------------------------------------------------------


@attrs.frozen(eq=False)
class Vocabulary:
    """The schema.org vocabulary: types, data types, properties, enumeration members."""

    release: str
    classes: Mapping[str, tuple[str, ...]]
    datatypes: frozenset[str]
    properties: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]]
    members: Mapping[str, tuple[str, ...]]
    superseded: Mapping[str, str]
    retired: frozenset[str]
    _ancestors: dict[str, frozenset[str]] = attrs.field(init=False, factory=dict)
    _fits: dict[tuple[tuple[str, ...], tuple[str, ...]], bool] = attrs.field(
        init=False, factory=dict
    )

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Vocabulary:
        """The vocabulary of the data ``tools/vocabulary.py`` writes."""
        return cls(
            release=str(data["release"]),
            classes={name: tuple(parents) for name, parents in data["classes"].items()},
            datatypes=frozenset(data["datatypes"]),
            properties={
                name: (tuple(domains), tuple(ranges))
                for name, (domains, ranges) in data["properties"].items()
            },
            members={name: tuple(kinds) for name, kinds in data["members"].items()},
            superseded=dict(data["superseded"]),
            retired=frozenset(data["retired"]),
        )

    def ancestors(self, kind: str) -> frozenset[str]:
        """``kind`` and every type above it (empty for a name that is not a type)."""
        found = self._ancestors.get(kind)
        if found is None:
            seen: set[str] = set()
            todo = [kind] if kind in self.classes else []
            while todo:
                current = todo.pop()
                if current not in seen:
                    seen.add(current)
                    todo.extend(self.classes.get(current, ()))
            found = self._ancestors[kind] = frozenset(seen)
        return found

    def is_a(self, kind: str, ancestor: str) -> bool:
        """True when ``kind`` is ``ancestor`` or one of its subtypes."""
        return ancestor in self.ancestors(kind)

    def fits(self, kinds: Sequence[str], allowed: Sequence[str]) -> bool:
        """True when one of ``kinds`` is one of ``allowed`` or below it."""
        key = (tuple(kinds), tuple(allowed))
        found = self._fits.get(key)
        if found is None:
            found = self._fits[key] = any(
                self.is_a(kind, ancestor) for kind in kinds for ancestor in allowed
            )
        return found

    def is_datatype(self, kind: str) -> bool:
        """True for Text, URL, Number, Date ... (a type at or below a ``schema:DataType``)."""
        return not self.datatypes.isdisjoint(self.ancestors(kind))

    def retirement(self, term: str) -> str | None:
        """Why ``term`` should no longer be used, or None."""
        if term in self.superseded:
            return f"superseded by {self.superseded[term]}"
        if term in self.retired:
            return "retired to schema.org's attic"
        return None


@functools.cache
def vocabulary() -> Vocabulary:
    """The shipped vocabulary, read once."""
    text = (resources.files("newsarticle") / "schemas" / _FILE).read_text(encoding="utf-8")
    return Vocabulary.from_data(json.loads(text))


@functools.cache
def _suggestion(name: str, kind: str) -> str | None:
    """The term ``name`` probably meant: a case away, or a near spelling (``kind``: "property"
    or "type")."""
    vocab = vocabulary()
    names: Sequence[str] = sorted(vocab.properties if kind == "property" else vocab.classes)
    folded = name.casefold()
    for candidate in names:
        if candidate.casefold() == folded:
            return candidate
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.85)
    return close[0] if close else None


# --- names and values -------------------------------------------------------------------

_SCHEMA_TERM: Final = re.compile(r"(?:https?://(?:www\.)?schema\.org/|schema:)([^/#?]+)", re.I)
_SCHEMA_CONTEXT: Final = re.compile(r"https?://(?:www\.)?schema\.org/?", re.I)
_SCHEMA_VOCAB: Final = re.compile(r"https?://(?:www\.)?schema\.org/", re.I)
_KEYWORDS: Final = frozenset(
    [
        "@context",
        "@id",
        "@type",
        "@graph",
        "@value",
        "@language",
        "@list",
        "@set",
        "@reverse",
        "@index",
        "@base",
        "@vocab",
        "@container",
        "@nest",
        "@none",
        "@prefix",
        "@protected",
        "@version",
        "@direction",
        "@included",
        "@json",
        "@import",
        "@propagate",
    ]
)
_KEYWORD_TYPOS: Final = {"id": "@id", "type": "@type", "context": "@context", "graph": "@graph"}
#: Properties whose text is shown to readers as it is: HTML in them is shown as markup.
_PLAIN_TEXT: Final = frozenset(
    [
        "headline",
        "alternativeHeadline",
        "name",
        "alternateName",
        "description",
        "disambiguatingDescription",
        "abstract",
        "articleBody",
        "articleSection",
        "keywords",
        "caption",
    ]
)
_ENTITY: Final = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_TAG: Final = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
#: What a URL compared with the canonical one looks like: absolute, or from the site's root.
_ADDRESS: Final = re.compile(r"(?:https?:)?//|/", re.I)
#: The line breaks of a page (HTML's three).
_BREAK: Final = re.compile(r"\r\n?|\n")
_URLISH: Final = re.compile(r"\S+")
#: schema.org's Actions annotate a property's input or output: ``query-input``.
_ACTION_SLOT: Final = re.compile(r"([A-Za-z]+)-(?:input|output)")
_NUMERIC: Final = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_ZONE: Final = r"(?P<zone>[Zz]|[+-][0-9]{2}(?::?[0-9]{2})?)"
_CLOCK: Final = r"(?P<clock>[0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?)"
_DATE: Final = re.compile(r"(?P<date>[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?)")
_DATETIME: Final = re.compile(rf"(?P<date>[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}})[Tt]{_CLOCK}{_ZONE}?")
_TIME: Final = re.compile(rf"{_CLOCK}{_ZONE}?")
_SPACED: Final = re.compile(rf"[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}} +{_CLOCK}\s*{_ZONE}?")
_CLASS_SELECTOR: Final = re.compile(r"\s*\.-?[A-Za-z_][\w-]*(?:\s*,\s*\.-?[A-Za-z_][\w-]*)*\s*")
_DANGERS: Final = (
    (
        re.compile(r"</script", re.I),
        "audit-script-end",
        "the block's text holds '</script', which ends the script element early when the "
        "block stands in a page; write '<\\/script' (or \\u003c) inside JSON strings",
    ),
    (
        re.compile(r"<!--"),
        "audit-html-comment",
        "the block's text holds '<!--', which changes how browsers find the end of the "
        "script element and can hide the rest of the page; write \\u003c!-- inside JSON strings",
    ),
)
_BYLINE: Final = re.compile(
    r"(?:(?:posted|written|reported|words|text|story)\s+)?(?:by|par|por)\b\s*:?\s*", re.I
)
_SEVERAL: Final = re.compile(r"\s(?:and|&|und|et)\s|;|\s/\s", re.I)
_TITLE_WORDS: Final = re.compile(
    r"\b(?:staff|reporter|correspondent|editor|editors|writer|columnist|journalist|"
    r"contributor|contributing|producer|analyst|photographer|senior|chief|desk|"
    r"redaktion|redakteur|redakteurin|rédaction|redacción|redazione|correspondant|"
    r"journaliste|periodista|giornalista)\b",
    re.I,
)
_AFFILIATION: Final = re.compile(
    r"\s[|\u2013\u2014-]\s|,(?!\s*(?:jr|sr|ii|iii|iv)\.?\s*$)|\sfor\s", re.I
)


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def _term(name: str) -> str | None:
    """A type or property as its bare schema.org name; None when it is another vocabulary's."""
    match = _SCHEMA_TERM.fullmatch(name)
    if match:
        return match.group(1)
    return None if ":" in name or "/" in name else name


def _clip(value: Any) -> str:
    """A value a message quotes: as JSON, clipped (see :func:`~newsarticle._errors.shown`)."""
    return shown(value, 60)


def _what(value: Any) -> str:
    """A value described for a message: "the number 7", "true", "the text 'x'"."""
    if isinstance(value, bool):
        return "the boolean " + json.dumps(value)
    if isinstance(value, int | float):
        return f"the number {_clip(value)}"
    if isinstance(value, str):
        return f"the text {_clip(value)}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "null"


def _or(names: Sequence[str]) -> str:
    names = sorted(names)
    if len(names) <= 2:
        return " or ".join(names)
    return f"{', '.join(names[:-1])} or {names[-1]}"


def _items(value: Any, pointer: str) -> Iterator[tuple[str, Any]]:
    """The values of a property one by one: lists (nested too) and ``@list``/``@set`` opened."""
    stack = [(pointer, value)]
    while stack:
        where, current = stack.pop()
        if isinstance(current, list):
            stack.extend((f"{where}/{n}", item) for n, item in reversed(list(enumerate(current))))
        elif isinstance(current, dict) and ("@list" in current or "@set" in current):
            key = "@list" if "@list" in current else "@set"
            stack.append((f"{where}/{key}", current[key]))
        else:
            yield where, current


def _kinds(node: Mapping[str, Any], vocab: Vocabulary) -> tuple[list[str], bool]:
    """The schema.org types of ``node`` and whether all its types are known ones."""
    raw = node.get("@type")
    if raw is None:
        return [], False
    kinds: list[str] = []
    known = True
    for item in raw if isinstance(raw, list) else [raw]:
        name = _term(item) if isinstance(item, str) else None
        if name is None or name not in vocab.classes:
            known = False
        else:
            kinds.append(name)
    return kinds, known and bool(kinds)


def _is_reference(value: Mapping[str, Any]) -> bool:
    return "@id" in value and all(key == "@id" for key in value)


def _context_terms(context: Any) -> frozenset[str]:
    """The terms a local ``@context`` defines (they are not schema.org's)."""
    found: set[str] = set()
    for item in context if isinstance(context, list) else [context]:
        if isinstance(item, dict):
            found.update(key for key in item if not key.startswith("@"))
    return frozenset(found)


def _context_verdict(context: Any) -> str:
    """ "ok" when ``context`` names schema.org, "slash" when its ``@vocab`` lacks the final
    slash, "other" otherwise."""
    verdicts = []
    for item in context if isinstance(context, list) else [context]:
        if isinstance(item, str):
            verdicts.append("ok" if _SCHEMA_CONTEXT.fullmatch(item.strip()) else "other")
        elif isinstance(item, dict) and isinstance(item.get("@vocab"), str):
            vocab = item["@vocab"].strip()
            if _SCHEMA_VOCAB.fullmatch(vocab):
                verdicts.append("ok")
            elif _SCHEMA_CONTEXT.fullmatch(vocab):
                verdicts.append("slash")
            else:
                verdicts.append("other")
    for verdict in ("ok", "slash"):
        if verdict in verdicts:
            return verdict
    return "other"


def _parse_date(text: str) -> dt.datetime | dt.date | None:
    """An ISO 8601 date or date and time (extended form), or None."""
    text = text.strip()
    match = _DATETIME.fullmatch(text)
    if match:
        zone = match.group("zone") or ""
        if zone in ("Z", "z"):
            zone = "+00:00"
        elif zone and ":" not in zone:
            zone = f"{zone[:3]}:{zone[3:] or '00'}"
        clock = match.group("clock").replace(",", ".")
        if "." in clock:
            whole, fraction = clock.split(".")
            clock = f"{whole}.{fraction[:6].ljust(6, '0')}"
        try:
            return dt.datetime.fromisoformat(f"{match.group('date')}T{clock}{zone}")
        except ValueError:
            return None
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return None
    return None


def _before(later: dt.datetime | dt.date, earlier: dt.datetime | dt.date) -> bool:
    """True when ``later`` is before ``earlier`` as far as the two can be compared."""
    if isinstance(later, dt.datetime) and isinstance(earlier, dt.datetime):
        if (later.tzinfo is None) != (earlier.tzinfo is None):
            return later.replace(tzinfo=None) < earlier.replace(tzinfo=None)
        return later < earlier
    first = later.date() if isinstance(later, dt.datetime) else later
    second = earlier.date() if isinstance(earlier, dt.datetime) else earlier
    return first < second


def _number(value: Any) -> float | None:
    """A size as a number: 1200, "1200", "1200px", or a QuantitativeValue's value."""
    if isinstance(value, dict):
        value = value.get("value")
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        match = re.match(r"\s*([0-9]+(?:\.[0-9]+)?)\s*(?:px)?\s*$", value)
        return float(match.group(1)) if match else None
    return None


def _normal_url(url: str) -> str:
    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/") or "/"
    query = f"?{parts.query}" if parts.query else ""
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}{path}{query}"


def _located(block: Block, code: str, pointer: str, message: str, offset: int) -> Problem:
    """A problem placed at character ``offset`` of the block's text."""
    breaks = list(_BREAK.finditer(block.text, 0, offset))
    if breaks:
        line, column = block.line + len(breaks), offset - breaks[-1].end() + 1
    else:
        line, column = block.line, block.column + offset
    return Problem.of(code, pointer, message, line, column)


def _strings(value: Any, pointer: str = "") -> Iterator[tuple[str, str]]:
    """Every string of ``value`` (keys included) with its pointer."""
    stack = [(pointer, value)]
    while stack:
        where, current = stack.pop()
        if isinstance(current, str):
            yield where, current
        elif isinstance(current, dict):
            for key, item in reversed(list(current.items())):
                stack.append((f"{where}/{_escape(key)}", item))
                stack.append((f"{where}/{_escape(key)}", key))
        elif isinstance(current, list):
            stack.extend((f"{where}/{n}", item) for n, item in reversed(list(enumerate(current))))


# --- the audit --------------------------------------------------------------------------


@attrs.frozen
class _Part:
    """One JSON object of a page: a node, or one of the objects that describe a node."""

    block: Block
    pointer: str
    node: Mapping[str, Any]


class _Audit:
    """One page's audit."""

    def __init__(self, page: Page, vocab: Vocabulary) -> None:
        self.page = page
        self.vocab = vocab
        self.problems: list[Problem] = []
        self.index: dict[tuple[int | None, str], list[_Part]] = {}
        for block in page.blocks:
            if block.value is not None:
                self._index(block)

    def add(self, block: Block, code: str, pointer: str, message: str) -> None:
        self.problems.append(block.problem(code, pointer, message))

    # -- what each node says, by @id

    def _index(self, block: Block) -> None:
        stack: list[tuple[str, Any, int]] = [("", block.value, 0)]
        while stack:
            pointer, current, depth = stack.pop()
            if depth > _MAX_DEPTH:
                continue
            if isinstance(current, dict):
                identifier = current.get("@id")
                if isinstance(identifier, str) and any(
                    key not in ("@id", "@context") for key in current
                ):
                    key = self._key(block, identifier)
                    self.index.setdefault(key, []).append(_Part(block, pointer, current))
                items = [(f"{pointer}/{_escape(k)}", v) for k, v in current.items()]
            elif isinstance(current, list):
                items = [(f"{pointer}/{n}", v) for n, v in enumerate(current)]
            else:
                continue
            stack.extend(
                (p, v, depth + 1) for p, v in reversed(items) if isinstance(v, dict | list)
            )

    @staticmethod
    def _key(block: Block, identifier: str) -> tuple[int | None, str]:
        # Blank node ids name a node within one JSON-LD document (one block) only.
        return (block.index if identifier.startswith("_:") else None, identifier)

    def resolve(self, block: Block, identifier: Any) -> list[_Part]:
        """The objects that describe the node ``identifier`` names."""
        if not isinstance(identifier, str):
            return []
        return self.index.get(self._key(block, identifier), [])

    def parts(self, part: _Part) -> list[_Part]:
        """``part`` and every other object of the page describing the same node."""
        found = [part]
        found += [
            p for p in self.resolve(part.block, part.node.get("@id")) if p.node is not part.node
        ]
        return found

    def kinds(self, parts: Sequence[_Part]) -> tuple[list[str], bool]:
        kinds: list[str] = []
        known = False
        for part in parts:
            more, fully = _kinds(part.node, self.vocab)
            kinds += [kind for kind in more if kind not in kinds]
            known = known or fully
        return kinds, known

    # -- the text of the blocks

    def dangers(self, block: Block) -> None:
        for pattern, code, message in _DANGERS:
            if pattern.search(block.text) is None:
                continue
            holders = [
                pointer
                for pointer, text in _strings(block.value)
                if pattern.search(text) is not None
            ]
            number = 0
            for match in pattern.finditer(block.text):
                if not block.text[: match.start()].strip():
                    continue  # a wrapper around the JSON: the reader reports its removal
                pointer = holders[number] if number < len(holders) else ""
                number += 1
                self.problems.append(_located(block, code, pointer, message, match.start()))

    # -- the vocabulary

    def roots(self, block: Block) -> None:
        value = block.value
        if value is None:
            return
        roots = (
            [("", value)]
            if not isinstance(value, list)
            else [(f"/{n}", item) for n, item in enumerate(value)]
        )
        for pointer, root in roots:
            if not isinstance(root, dict):
                message = f"the block holds {_what(root)} where a JSON-LD node is expected"
                self.add(block, "audit-context", pointer, message)
                continue
            self.context(block, root, pointer)
            self.node(block, root, pointer, None, frozenset(), 0)

    def context(self, block: Block, root: Mapping[str, Any], pointer: str) -> None:
        if "@context" not in root:
            if _is_reference(root) or not root:
                return
            message = (
                'the node has no @context: without "@context": "https://schema.org" its '
                "types and properties are not schema.org's"
            )
            self.add(block, "audit-context", pointer, message)
            return
        verdict = _context_verdict(root["@context"])
        where = f"{pointer}/@context"
        if verdict == "slash":
            message = (
                "the @vocab lacks its final '/': terms expand to https://schema.orgheadline and "
                'the like; write "@vocab": "https://schema.org/"'
            )
            self.add(block, "audit-context", where, message)
        elif verdict == "other":
            message = (
                f"the @context {_clip(root['@context'])} does not name schema.org; write "
                '"@context": "https://schema.org"'
            )
            self.add(block, "audit-context", where, message)

    def node(
        self,
        block: Block,
        node: Mapping[str, Any],
        pointer: str,
        via: str | None,
        defined: frozenset[str],
        depth: int,
    ) -> None:
        """Check a node's types and properties, and the nodes inside it."""
        if depth > _MAX_DEPTH:
            return
        vocab = self.vocab
        if "@context" in node:
            defined = defined | _context_terms(node["@context"])
        self.type_names(block, node, pointer)
        kinds, known = _kinds(node, vocab)
        role_slot = via is not None and vocab.fits(kinds, ("Role",))
        for key, value in node.items():
            where = f"{pointer}/{_escape(key)}"
            if key.startswith("@"):
                if key == "@graph":
                    self.descend(block, value, where, defined, depth)
                elif key not in _KEYWORDS:
                    close = difflib.get_close_matches(key, sorted(_KEYWORDS), n=1, cutoff=0.7)
                    hint = f" (did you mean {close[0]}?)" if close else ""
                    message = f"{shown(key)} is not a JSON-LD keyword{hint}"
                    self.add(block, "audit-unknown-property", where, message)
                continue
            name = None if key in defined else _term(key)
            action = _ACTION_SLOT.fullmatch(name or "")
            if name is None or (action and action.group(1) in vocab.properties):
                # another vocabulary's term, or an Action's input or output annotation
                # (schema.org's Actions: "query-input": "required name=q")
                self.descend(block, value, where, defined, depth)
                continue
            if name not in vocab.properties:
                meant = _KEYWORD_TYPOS.get(name) or _suggestion(name, "property")
                hint = f" (did you mean {meant}?)" if meant else ""
                message = f"{shown(key)} is not a schema.org property{hint}"
                self.add(block, "audit-unknown-property", where, message)
                self.descend(block, value, where, defined, depth)
                continue
            retired = vocab.retirement(name)
            if retired:
                self.add(block, "audit-superseded", where, f"the property {name} is {retired}")
            domains, ranges = vocab.properties[name]
            in_place = role_slot and key == via
            if known and domains and not in_place and not vocab.fits(kinds, domains):
                message = (
                    f"{name} is not a property of {_or(kinds)}: schema.org defines it on "
                    f"{_or(domains)}"
                )
                self.add(block, "audit-domain", where, message)
            for item_pointer, item in _items(value, where):
                self.value(block, name, ranges, item, item_pointer, defined, depth + 1)

    def type_names(self, block: Block, node: Mapping[str, Any], pointer: str) -> None:
        raw = node.get("@type")
        if raw is None:
            return
        items = raw if isinstance(raw, list) else [raw]
        for number, item in enumerate(items):
            where = f"{pointer}/@type" + (f"/{number}" if isinstance(raw, list) else "")
            if not isinstance(item, str):
                message = f"@type holds {_what(item)}; it names types by their names"
                self.add(block, "audit-unknown-type", where, message)
                continue
            name = _term(item)
            if name is None:
                continue  # another vocabulary's type
            if name not in self.vocab.classes:
                if name in self.vocab.members:
                    message = (
                        f"{item} is a member of the enumeration "
                        f"{_or(self.vocab.members[name])}, not a type"
                    )
                else:
                    meant = _suggestion(name, "type")
                    hint = f" (did you mean {meant}?)" if meant else ""
                    message = f"{shown(item)} is not a schema.org type{hint}"
                self.add(block, "audit-unknown-type", where, message)
                continue
            retired = self.vocab.retirement(name)
            if retired:
                self.add(block, "audit-superseded", where, f"the type {name} is {retired}")

    def descend(
        self, block: Block, value: Any, pointer: str, defined: frozenset[str], depth: int
    ) -> None:
        """Check the nodes inside a value no property range applies to."""
        for where, item in _items(value, pointer):
            if isinstance(item, dict) and "@value" not in item:
                self.node(block, item, where, None, defined, depth + 1)

    def value(
        self,
        block: Block,
        name: str,
        ranges: Sequence[str],
        item: Any,
        pointer: str,
        defined: frozenset[str],
        depth: int,
    ) -> None:
        """Check one value of the property ``name``, and the node it is."""
        vocab = self.vocab
        if item is None:
            return
        if not isinstance(item, dict):
            self.literal(block, name, ranges, item, pointer)
            return
        if "@value" in item:
            self.literal(block, name, ranges, item["@value"], f"{pointer}/@value")
            return
        things = [
            kind for kind in ranges if not vocab.is_datatype(kind) or vocab.is_a(kind, "Thing")
        ]
        if _is_reference(item):
            kinds, known = self.kinds(self.resolve(block, item["@id"]))
            if not ranges or vocab.fits(["URL"], ranges):
                return
            if not things:
                message = f"{name} takes {_or(ranges)}, not a reference to a node"
                self.add(block, "audit-range", pointer, message)
            elif known and not vocab.fits(kinds, ranges):
                message = f"{name} takes {_or(ranges)}; {shown(item['@id'])} names {_or(kinds)}"
                self.add(block, "audit-range", pointer, message)
            return
        kinds, known = _kinds(item, vocab)
        if ranges and known and not vocab.fits(kinds, ranges):
            if vocab.fits(kinds, ("Role",)):
                if name not in item:
                    message = (
                        f"the {_or(kinds)} node stands in {name}'s place but does not hold "
                        f"{name} (schema.org's Role pattern repeats the property inside)"
                    )
                    self.add(block, "audit-range", pointer, message)
            else:
                message = f"{name} takes {_or(ranges)}, not {_or(kinds)}"
                self.add(block, "audit-range", pointer, message)
        elif ranges and not things and not known:
            message = f"{name} takes {_or(ranges)}, not a node"
            self.add(block, "audit-range", pointer, message)
        self.node(block, item, pointer, name, defined, depth)

    def literal(
        self, block: Block, name: str, ranges: Sequence[str], value: Any, pointer: str
    ) -> None:
        vocab = self.vocab
        if not ranges:
            return
        if isinstance(value, str):
            self.string(block, name, ranges, value, pointer)
            return
        if isinstance(value, bool):
            kinds = ["Boolean"]
        elif isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
            kinds = ["Integer"]
        elif isinstance(value, float):
            kinds = ["Float"]
        else:
            return  # a list or an object: not a literal
        if vocab.fits(kinds, ranges):
            return
        if kinds != ["Boolean"] and any(vocab.is_a(kind, "Quantity") for kind in ranges):
            return  # a Distance, Duration ... given as a bare number
        message = f"{name} takes {_or(ranges)}, not {_what(value)}"
        self.add(block, "audit-range", pointer, message)

    def string(
        self, block: Block, name: str, ranges: Sequence[str], text: str, pointer: str
    ) -> None:
        vocab = self.vocab
        if name in _PLAIN_TEXT:
            found = _TAG.search(text) or _ENTITY.search(text)
            if found:
                message = (
                    f"{name} holds HTML ({_clip(found.group())}); JSON-LD text is not HTML and "
                    "search engines show it as it is: write the characters themselves"
                )
                self.add(block, "audit-html-in-text", pointer, message)
        if any(kind != "URL" and vocab.is_a(kind, "Text") for kind in ranges):
            return
        things = [kind for kind in ranges if vocab.is_a(kind, "Thing")]
        enumerations = [kind for kind in things if vocab.is_a(kind, "Enumeration")]
        member = _SCHEMA_TERM.fullmatch(text.strip())
        if member and enumerations and len(enumerations) == len(things):
            self.member(block, name, enumerations, member.group(1), pointer)
            return
        if things:
            return  # a text where an item is expected: schema.org's data model accepts it
        if any(vocab.is_a(kind, "Quantity") for kind in ranges):
            return  # a quantity as text: "PT10M", "41 g"
        if vocab.fits(["URL"], ranges) and _URLISH.fullmatch(text.strip()):
            return
        if vocab.fits(["Boolean"], ranges):
            if member and member.group(1) in ("True", "False"):
                return
            if text.strip().casefold() in ("true", "false"):
                message = (
                    f"{name} is the text {_clip(text)}; give the JSON boolean "
                    f"{text.strip().casefold()}"
                )
                self.add(block, "audit-boolean-string", pointer, message)
                return
        if _NUMERIC.fullmatch(text.strip()) and (
            vocab.fits(["Float"], ranges)
            or (vocab.fits(["Integer"], ranges) and text.strip().isdigit())
        ):
            return
        dates = [kind for kind in ("Date", "DateTime", "Time") if kind in ranges]
        if dates:
            self.date(block, name, dates, text, pointer)
            return
        message = f"{name} takes {_or(ranges)}, not {_what(text)}"
        if vocab.fits(["URL"], ranges):
            message += " (a URL has no spaces)" if text.strip() else " (it is empty)"
        self.add(block, "audit-range", pointer, message)

    def member(
        self, block: Block, name: str, enumerations: Sequence[str], member: str, pointer: str
    ) -> None:
        vocab = self.vocab
        if member in vocab.members:
            if vocab.fits(vocab.members[member], enumerations):
                retired = vocab.retirement(member)
                if retired:
                    self.add(block, "audit-superseded", pointer, f"{member} is {retired}")
                return
            message = (
                f"{name} takes a member of {_or(enumerations)}; {member} is a member of "
                f"{_or(vocab.members[member])}"
            )
        else:
            names = sorted(
                m for m, kinds in vocab.members.items() if vocab.fits(kinds, enumerations)
            )
            close = difflib.get_close_matches(member, names, n=1, cutoff=0.8)
            hint = f" (did you mean {close[0]}?)" if close else ""
            message = f"{name} takes a member of {_or(enumerations)}; {shown(member)} is none{hint}"
        self.add(block, "audit-range", pointer, message)

    def date(self, block: Block, name: str, kinds: Sequence[str], text: str, pointer: str) -> None:
        stripped = text.strip()
        if "Time" in kinds and _TIME.fullmatch(stripped):
            return
        match = _DATETIME.fullmatch(stripped)
        if match and _parse_date(stripped) is not None:
            if match.group("zone") is None:
                message = (
                    f"{name} {_clip(text)} has no time zone: readers must guess the offset; "
                    "give one (such as +01:00, or Z for UTC)"
                )
                self.add(block, "audit-date-no-timezone", pointer, message)
            return
        if _DATE.fullmatch(stripped) and (len(stripped) < 10 or _parse_date(stripped)):
            return
        if not stripped:
            hint = "it is empty"
        elif _SPACED.fullmatch(stripped):
            hint = "ISO 8601 puts a 'T', not a space, between the date and the time"
        else:
            hint = "write it as 2024-01-05T08:00:00+08:00 (or a date alone, 2024-01-05)"
        message = f"{name} {_clip(text)} is not an ISO 8601 date or date and time: {hint}"
        self.add(block, "audit-date-format", pointer, message)

    # -- the articles

    def article_parts(self) -> list[list[_Part]]:
        """The article nodes of the page (at the top of a block, in a top-level ``@graph``,
        or the ``mainEntity`` of such a node), each as the objects that describe it."""
        tops: list[_Part] = []
        for block in self.page.blocks:
            value = block.value
            roots = (
                [("", value)]
                if isinstance(value, dict)
                else (
                    [(f"/{n}", item) for n, item in enumerate(value)]
                    if isinstance(value, list)
                    else []
                )
            )
            for pointer, root in roots:
                if not isinstance(root, dict):
                    continue
                tops.append(_Part(block, pointer, root))
                graph = root.get("@graph")
                for where, item in _items(graph, f"{pointer}/@graph") if graph is not None else ():
                    if isinstance(item, dict):
                        tops.append(_Part(block, where, item))
        candidates = list(tops)
        for top in tops:
            entity = top.node.get("mainEntity")
            if entity is None:
                continue
            for where, item in _items(entity, f"{top.pointer}/mainEntity"):
                if isinstance(item, dict) and not _is_reference(item):
                    candidates.append(_Part(top.block, where, item))
        groups: list[list[_Part]] = []
        seen: set[int] = set()
        for candidate in candidates:
            if id(candidate.node) in seen:
                continue
            parts = self.parts(candidate)
            seen.update(id(part.node) for part in parts)
            kinds, _ = self.kinds(parts)
            if self.vocab.fits(kinds, ("Article",)):
                groups.append(parts)
        return groups

    @staticmethod
    def values(parts: Sequence[_Part], key: str) -> list[tuple[_Part, str, Any]]:
        """Every value of ``key`` over ``parts``: (part, pointer, value)."""
        found = []
        for part in parts:
            if key in part.node:
                for where, item in _items(part.node[key], f"{part.pointer}/{_escape(key)}"):
                    found.append((part, where, item))
        return found

    def nodes(self, part: _Part, pointer: str, value: Any) -> list[_Part] | None:
        """The objects describing the node a value is or names; None for a literal."""
        if not isinstance(value, dict) or "@value" in value:
            return None
        if _is_reference(value):
            return self.resolve(part.block, value["@id"])
        return self.parts(_Part(part.block, pointer, value))

    def article(self, parts: list[_Part]) -> None:
        first = parts[0]
        self.headline(parts)
        self.images(parts)
        self.dates(parts)
        authors = self.values(parts, "author")
        if not authors:
            message = (
                "the article names no author; list every author, each a Person or Organization"
            )
            self.add(first.block, "audit-author-missing", first.pointer, message)
        for part, pointer, value in authors:
            self.author(part, pointer, value)
        self.publisher(parts)
        self.paywall(parts)
        self.canonical(parts)

    def headline(self, parts: list[_Part]) -> None:
        first = parts[0]
        headlines = [(p, w, v) for p, w, v in self.values(parts, "headline") if isinstance(v, str)]
        if not any(v.strip() for _, _, v in headlines):
            message = "the article has no headline; search engines show it as the result's title"
            self.add(first.block, "audit-headline-missing", first.pointer, message)
        for part, pointer, text in headlines:
            length = len(text.strip())
            if length > HEADLINE_LIMIT:
                message = (
                    f"the headline has {length} characters; search results may cut a headline "
                    f"longer than {HEADLINE_LIMIT}"
                )
                self.add(part.block, "audit-headline-long", pointer, message)

    def images(self, parts: list[_Part]) -> None:
        first = parts[0]
        images = [
            (p, w, v)
            for p, w, v in self.values(parts, "image")
            if (isinstance(v, str) and v.strip()) or isinstance(v, dict)
        ]
        if not images:
            message = "the article has no image; search results show one beside the headline"
            self.add(first.block, "audit-image-missing", first.pointer, message)
        for part, pointer, value in images:
            described = self.nodes(part, pointer, value)
            if not described:
                continue
            urls = [
                item
                for key in ("url", "contentUrl")
                for _, _, item in self.values(described, key)
                if (isinstance(item, str) and item.strip()) or isinstance(item, dict)
            ]
            where = described[0]
            if not urls:
                message = "the image has no url (nor contentUrl): search engines find no picture"
                self.add(where.block, "audit-image-no-url", where.pointer, message)
            widths = [_number(v) for _, _, v in self.values(described, "width")]
            heights = [_number(v) for _, _, v in self.values(described, "height")]
            if widths and heights and widths[0] is not None and heights[0] is not None:
                pixels = int(widths[0] * heights[0])
                if pixels < MIN_IMAGE_PIXELS:
                    message = (
                        f"the image has {pixels:,} pixels; search engines want at least "
                        f"{MIN_IMAGE_PIXELS:,} (width times height)"
                    )
                    self.add(where.block, "audit-image-small", where.pointer, message)

    def dates(self, parts: list[_Part]) -> None:
        first = parts[0]
        published = [
            (p, w, v) for p, w, v in self.values(parts, "datePublished") if v not in ("", None)
        ]
        if not published:
            message = (
                "the article has no datePublished; search engines show the date and guess one "
                "from the page without it"
            )
            self.add(first.block, "audit-date-published-missing", first.pointer, message)
            return
        modified = self.values(parts, "dateModified")
        start = published[0][2]
        if not modified or not isinstance(start, str):
            return
        part, pointer, end = modified[0]
        if not isinstance(end, str):
            return
        start_date, end_date = _parse_date(start), _parse_date(end)
        if start_date is not None and end_date is not None and _before(end_date, start_date):
            message = f"dateModified {_clip(end)} is before datePublished {_clip(start)}"
            self.add(part.block, "audit-modified-before-published", pointer, message)

    def author(self, part: _Part, pointer: str, value: Any) -> None:
        if isinstance(value, str):
            message = (
                f"the author is the text {_clip(value)}; give a Person or Organization node with "
                "its name and url"
            )
            self.add(part.block, "audit-author-untyped", pointer, message)
            self.author_name(part.block, pointer, value, organization=False)
            return
        described = self.nodes(part, pointer, value)
        if described is None:
            return  # a number or the like: the range check reports it
        if not described:
            message = (
                f"the author names {_clip(value['@id'])}, which no node of the page describes: "
                "search engines see no name; describe the author here"
            )
            self.add(part.block, "audit-author-no-name", pointer, message)
            return
        where = described[0]
        kinds, known = self.kinds(described)
        if not any("@type" in part.node for part in described):
            message = "the author has no @type; make it a Person or an Organization"
            self.add(where.block, "audit-author-untyped", where.pointer, message)
        elif known and not self.vocab.fits(kinds, ("Person", "Organization")):
            return  # the range check reports it
        organization = self.vocab.fits(kinds, ("Organization",)) and not self.vocab.fits(
            kinds, ("Person",)
        )
        names = [(p, w, v) for p, w, v in self.values(described, "name") if isinstance(v, str)]
        if not any(v.strip() for _, _, v in names):
            message = "the author has no name; give the name as the byline shows it"
            self.add(where.block, "audit-author-no-name", where.pointer, message)
        for name_part, name_pointer, name in names:
            self.author_name(name_part.block, name_pointer, name, organization=organization)
        links = [
            v
            for key in ("url", "sameAs")
            for _, _, v in self.values(described, key)
            if (isinstance(v, str) and v.strip()) or isinstance(v, dict)
        ]
        if not links:
            message = (
                "the author has no url or sameAs; give a profile page (or a reference page) so "
                "search engines can tell the author from namesakes"
            )
            self.add(where.block, "audit-author-unidentified", where.pointer, message)

    def author_name(self, block: Block, pointer: str, name: str, *, organization: bool) -> None:
        text = " ".join(html.unescape(name).split())
        byline = _BYLINE.match(text)
        if byline and byline.end() < len(text):
            message = (
                f"the author's name {_clip(name)} starts with {_clip(byline.group().strip())}; "
                "put the name alone in name"
            )
            self.add(block, "audit-author-byline", pointer, message)
            text = text[byline.end() :]
        if organization:
            return
        several = _SEVERAL.search(text)
        if several:
            message = (
                f"the author's name {_clip(name)} holds several people; give each author a "
                "node of their own"
            )
            self.add(block, "audit-author-several", pointer, message)
        extra = _TITLE_WORDS.search(text) or (None if several else _AFFILIATION.search(text))
        if extra:
            message = (
                f"the author's name {_clip(name)} holds more than a name "
                f"({_clip(extra.group().strip())}); put the job title in jobTitle and the "
                "employer in worksFor"
            )
            self.add(block, "audit-author-job-title", pointer, message)

    def publisher(self, parts: list[_Part]) -> None:
        first = parts[0]
        publishers = self.values(parts, "publisher")
        if not publishers:
            message = "the article names no publisher; name the Organization that publishes it"
            self.add(first.block, "audit-publisher-missing", first.pointer, message)
        for part, pointer, value in publishers:
            described = self.nodes(part, pointer, value)
            if described is None:
                continue
            if not described:
                message = (
                    f"the publisher names {_clip(value['@id'])}, which no node of the page "
                    "describes: search engines see no name"
                )
                self.add(part.block, "audit-publisher-no-name", pointer, message)
                continue
            names = [
                v for _, _, v in self.values(described, "name") if isinstance(v, str) and v.strip()
            ]
            if not names:
                where = described[0]
                message = "the publisher has no name"
                self.add(where.block, "audit-publisher-no-name", where.pointer, message)

    def paywall(self, parts: list[_Part]) -> None:
        free = self.values(parts, "isAccessibleForFree")
        closed = bool(free) and _is_false(free[0][2])
        sections: list[_Part] = []
        for part, pointer, value in self.values(parts, "hasPart"):
            described = self.nodes(part, pointer, value)
            if not described:
                continue
            flags = self.values(described, "isAccessibleForFree")
            if flags and _is_false(flags[0][2]):
                sections.append(described[0])
                selectors = self.values(described, "cssSelector")
                given = [(p, w, v) for p, w, v in selectors if isinstance(v, str) and v.strip()]
                if not given:
                    message = (
                        "the paywalled section has no cssSelector: search engines cannot tell "
                        "which part of the page it is, and may take the page for cloaking"
                    )
                    self.add(
                        described[0].block,
                        "audit-paywall-no-selector",
                        described[0].pointer,
                        message,
                    )
                for selector_part, selector_pointer, selector in given:
                    if not _CLASS_SELECTOR.fullmatch(selector):
                        message = (
                            f"the cssSelector {_clip(selector)} is not a class selector; Google "
                            "reads only .class selectors here"
                        )
                        self.add(
                            selector_part.block, "audit-paywall-selector", selector_pointer, message
                        )
        if closed and not sections:
            part, pointer, _ = free[0]
            message = (
                "the article is not free but marks no hasPart section with isAccessibleForFree "
                "false and a cssSelector"
            )
            self.add(part.block, "audit-paywall-inconsistent", pointer, message)
        elif sections and not closed:
            where = sections[0]
            message = (
                "a hasPart section is marked not free, but the article itself is not marked "
                "isAccessibleForFree false"
            )
            self.add(where.block, "audit-paywall-inconsistent", where.pointer, message)

    def canonical(self, parts: list[_Part]) -> None:
        canonical = self.page.meta.canonical
        if not canonical:
            return
        stated = []
        for part, pointer, value in self.values(parts, "url") or self.values(
            parts, "mainEntityOfPage"
        ):
            if isinstance(value, dict):
                value = value.get("@id") or value.get("url")
            if isinstance(value, str) and _ADDRESS.match(value.strip()):
                stated.append((part, pointer, value))
        if not stated:
            return
        part, pointer, url = stated[0]
        if _normal_url(urljoin(canonical, url.strip())) != _normal_url(canonical):
            message = (
                f"the article's URL {_clip(url)} is not the page's canonical URL "
                f"{_clip(canonical)}; search engines may credit the article to the wrong page"
            )
            self.add(part.block, "audit-url-canonical", pointer, message)

    def conflicts(self, groups: list[list[_Part]]) -> None:
        """Article nodes that disagree on headline, datePublished or author."""
        firsts: dict[str, tuple[_Part, str, Any]] = {}
        for parts in groups:
            for part in parts:
                for key in ("headline", "datePublished", "author"):
                    said = self.said(part, key)
                    if said is None:
                        continue
                    pointer, value = said
                    if key not in firsts:
                        firsts[key] = (part, pointer, value)
                        continue
                    other, other_pointer, other_value = firsts[key]
                    if not _agree(key, value, other_value):
                        line, _ = other.block.locate(other_pointer)
                        where = f"block {other.block.index + 1}" + (
                            f", line {line}" if line is not None else ""
                        )
                        message = (
                            f"this article node's {key} {_clip(_shown(value))} differs from "
                            f"{_clip(_shown(other_value))} of the article node in {where} "
                            f"({other_pointer}); search engines may take either"
                        )
                        self.add(part.block, "audit-article-conflict", pointer, message)

    def said(self, part: _Part, key: str) -> tuple[str, Any] | None:
        """What one object says of ``key``, comparable: (pointer, value), or None."""
        if key not in part.node:
            return None
        pointer = f"{part.pointer}/{_escape(key)}"
        value = part.node[key]
        if key != "author":
            return (pointer, value) if isinstance(value, str) and value.strip() else None
        names: set[str] = set()
        for where, item in _items(value, pointer):
            if isinstance(item, str):
                names.add(" ".join(item.split()).casefold())
                continue
            for _, _, name in self.values(self.nodes(part, where, item) or [], "name"):
                if isinstance(name, str) and name.strip():
                    names.add(" ".join(name.split()).casefold())
                    break
        return (pointer, frozenset(names)) if names else None


def _is_false(value: Any) -> bool:
    if isinstance(value, str):
        match = _SCHEMA_TERM.fullmatch(value.strip())
        return value.strip().casefold() == "false" or bool(match and match.group(1) == "False")
    return value is False


def _shown(value: Any) -> Any:
    return ", ".join(sorted(value)) if isinstance(value, frozenset) else value


def _agree(key: str, first: Any, second: Any) -> bool:
    if key == "author":
        return bool(first == second)
    if key == "headline":
        return " ".join(html.unescape(first).split()) == " ".join(html.unescape(second).split())
    one, two = _parse_date(first), _parse_date(second)
    if one is None or two is None:
        return bool(first.strip() == second.strip())
    return not _before(one, two) and not _before(two, one)


def audit_page(page: Page) -> list[Problem]:
    """Every finding about the JSON-LD of ``page``, in page order (see the module's text)."""
    audit = _Audit(page, vocabulary())
    found = list(page.problems)
    for block in page.blocks:
        found += block.problems
        audit.dangers(block)
        audit.roots(block)
    groups = audit.article_parts()
    for parts in groups:
        audit.article(parts)
    audit.conflicts(groups)
    if not groups:
        # An unreadable block may hold the article: its own problem says what is wrong.
        with_value = [block for block in page.blocks if block.value is not None]
        if with_value and len(with_value) == len(page.blocks):
            message = (
                "the page's JSON-LD holds no article node (Article, NewsArticle, BlogPosting or "
                "a subtype, at the top of a block or as a WebPage's mainEntity)"
            )
            audit.add(with_value[0], "audit-no-article", "", message)
    found += audit.problems
    unique: dict[tuple[Any, ...], Problem] = {}
    for problem in found:
        key = (problem.code, problem.line, problem.column, problem.path, problem.message)
        unique.setdefault(key, problem)
    return sorted(
        unique.values(),
        key=lambda p: (p.line is not None, p.line or 0, p.column or 0),
    )
