"""What every part of an import shares: the page's graph, the problems, the ids, and the
readers of single values (text, URLs, numbers, moments) that report what they repair or drop.

Each value read is checked against the rule the model declares for the field it goes to
(:func:`fits`), so a value the model would refuse is dropped with a problem at its pointer
instead of failing the whole article.  Every property of every node the import reads is
either read (:meth:`Context.read` marks it) or reported at the end (:meth:`Context.leftovers`):
nothing the page says is lost without a problem naming it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import quote, urljoin

import attrs

from .._errors import Problem, shown
from .._rules import URL, Rule, spec
from ._dates import Moment, read_moment
from ._graph import Graph, Here, Node
from ._ids import Ids
from ._text import SPACE, clean
from ._vocab import term, vocabulary

if TYPE_CHECKING:
    from ._page import Page

__all__ = ["Context", "fits"]

# Why a property is not kept, where there is more to say than "no field for it".
_REASONS: Final = {
    "logo": "the model keeps an organization's logo only",
    "isAccessibleForFree": "the model keeps the article's only (its access)",
    "hasPart": "the model reads the article's paywalled section only",
    "speakable": "its selectors name parts of a page, which the JSON-LD does not hold",
    "thumbnailUrl": "the model has no thumbnail; images are in image",
    "publishingPrinciples": "the model keeps the article's and an organization's only",
    "isPartOf": "the model does not say what the article is part of",
    "potentialAction": "actions are not article data",
    "dateCreated": "the model has date_published and date_modified only",
    "creator": "the model's byline is author",
    "image": "the model holds images of the article only",
}


def fits(cls: type[Any], field: str, value: Any) -> str | None:
    """Why the model would refuse ``value`` for ``cls.field`` (one item of a sequence), or
    None when it fits."""
    rule = _RULES.get((cls, field))
    if rule is None:
        rule = _RULES[cls, field] = spec(attrs.fields_dict(cls)[field]).rule
    if isinstance(rule, Rule):
        return rule.problem(value)
    return None


# The rule the model declares for each field asked for, by class and field name.
_RULES: Final[dict[tuple[type[Any], str], object]] = {}


def _tag(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


@attrs.define
class _Read:
    """The properties of one node that were read."""

    node: Node
    keys: set[str] = attrs.field(factory=set)
    what: str = ""


class Context:
    """One import: the page, its graph, the problems found so far, the ids given out."""

    def __init__(self, page: Page, graph: Graph, url: str | None, assume: dt.tzinfo | None) -> None:
        self.page = page
        self.graph = graph
        self.url = url
        self.base = url
        self.assume = assume
        self.problems: list[Problem] = []
        self.ids = Ids()
        self._reads: list[_Read] = []
        self._seen: dict[int, _Read] = {}

    # --- problems -----------------------------------------------------------------

    def report(self, here: Here | None, code: str, message: str) -> None:
        if here is None:
            self.problems.append(Problem.of(code, "", message))
        else:
            self.problems.append(here.problem(code, message))

    # --- nodes and their properties -------------------------------------------------

    def visit(self, node: Node, what: str) -> bool:
        """Start reading ``node`` (``what``: how messages name it); False if it was already."""
        key = id(node.parts[0].value)
        if key in self._seen:
            return False
        read = _Read(node, what=what)
        for part in node.parts:
            self._seen[id(part.value)] = read
        self._reads.append(read)
        self.check_types(node)
        return True

    def visited(self, node: Node) -> bool:
        return any(id(part.value) in self._seen for part in node.parts)

    def check_types(self, node: Node) -> None:
        vocab = vocabulary()
        for part in node.parts:
            kinds = part.value.get("@type")
            items = kinds if isinstance(kinds, list) else [kinds]
            for index, kind in enumerate(items):
                if not isinstance(kind, str) or vocab.is_type(term(kind.strip())):
                    continue
                where = part.at("@type")
                if isinstance(kinds, list):
                    where = where.at(index)
                spelled = vocab.type_spelled(term(kind.strip()))
                hint = f"; read as {spelled}" if spelled else ""
                self.report(
                    where, "import-unknown-type", f"{shown(kind)} is not a schema.org type{hint}"
                )

    def read(self, node: Node, name: str) -> Here | None:
        """The value of property ``name`` of ``node``, marked as read; a key that is the
        property in another case (``headLine``) is read when the property itself is absent."""
        held = node.index().get(name)
        if held is None:  # most properties asked for are absent: the shortest way out
            held = node.misspelt(name)
            if held is None:
                return None
            spelled = True
        else:
            spelled = False
        part, key = held
        entry = self._seen.get(id(node.parts[0].value))
        if entry is not None:
            entry.keys.add(key)
        here = part.at(key)
        if not spelled:
            return here
        self.report(
            here,
            "import-property-spelling",
            f"{shown(key)} is not a schema.org property; read as {name}",
        )
        return here

    def leftovers(self) -> None:
        """Report every property of every node read that no part of the import read."""
        vocab = vocabulary()
        for entry in self._reads:
            for key, here in entry.node.properties():
                if key in entry.keys or key.startswith("@"):
                    continue
                name = term(key)
                if not vocab.is_property(name):
                    spelled = vocab.spelled(name)
                    if spelled is not None:
                        message = (
                            f"{shown(key)} is not a schema.org property (did you mean {spelled}?)"
                        )
                        self.report(here, "import-property-spelling", message + "; dropped")
                    else:
                        self.report(
                            here,
                            "import-unknown-property",
                            f"{shown(key)} of {entry.what} is not a schema.org property; dropped",
                        )
                    continue
                reason = _REASONS.get(name, "the model has no field for it")
                if name == "isAccessibleForFree":
                    reason = f"{_boolean(here.value)}: {reason}"
                self.report(here, "import-dropped", f"{name} of {entry.what} is not kept: {reason}")

    # --- single values ------------------------------------------------------------

    def text(
        self, here: Here | None, cls: type[Any], field: str, *, lines: bool = False
    ) -> str | None:
        """A text value, cleaned (see :mod:`._text`), that fits ``cls.field``; None if absent.

        A list gives its first text (the rest are reported); a number is not text."""
        if here is None:
            return None
        items = here.items()
        if not items:
            return None
        first = items[0]
        if len(items) > 1 and isinstance(here.value, list):
            texts = [i for i in items if isinstance(i.value, str) and i.value.strip(SPACE)]
            if len(texts) > 1:
                self.report(
                    texts[1],
                    "import-dropped",
                    f"{field} holds one value; {len(texts) - 1} more are not kept",
                )
            if texts:
                first = texts[0]
        found = self.string(first, first.value, ("name", "@value"), field, "text")
        if found is None:
            return None
        first, value = found
        if not value.strip(SPACE):
            return None
        cleaned = clean(value, lines=lines)
        if cleaned.changes:
            self.report(first, "import-text-cleaned", f"{field}: " + ", ".join(cleaned.changes))
        if not cleaned.text:
            return None
        problem = fits(cls, field, cleaned.text)
        if problem is not None:
            self.report(first, "import-bad-value", f"{field}: {problem}; dropped")
            return None
        return cleaned.text

    def string(
        self, here: Here, value: Any, keys: tuple[str, ...], field: str, kind: str
    ) -> tuple[Here, str] | None:
        """The string ``value`` holds where a string is expected: itself, or the first of
        ``keys`` that an object gives as a string (its place in the page with it); None, and
        said (it is not ``kind``), for anything else but null."""
        if isinstance(value, dict):
            for key in keys:
                if isinstance(value.get(key), str):
                    return here.at(key), value[key]
        if isinstance(value, str):
            return here, value
        if value is not None:
            self.report(here, "import-bad-value", f"{field}: {_tag(value)} is not {kind}; dropped")
        return None

    def first(self, here: Here | None, what: str, noun: str) -> Here | None:
        """The first item of ``here`` that is not null or empty (None when there is none);
        the others are reported as not kept (``what`` holds one ``noun``)."""
        if here is None:
            return None
        items = [item for item in here.items() if item.value not in (None, "")]
        if not items:
            return None
        if len(items) > 1:
            self.report(
                items[1],
                "import-dropped",
                f"{what} holds one {noun}; {len(items) - 1} more are not kept",
            )
        return items[0]

    def url_value(self, here: Here | None, cls: type[Any], field: str) -> str | None:
        """A URL (an object's ``@id`` or ``url`` where a URL is expected); relative URLs are
        resolved against the page's URL, and said."""
        if here is None:
            return None
        value = here.value
        if isinstance(value, list):
            items = [i for i in here.items() if i.value]
            if not items:
                return None
            if len(items) > 1:
                self.report(
                    items[1],
                    "import-dropped",
                    f"{field} holds one URL; {len(items) - 1} more are not kept",
                )
            here, value = items[0], items[0].value
        found = self.string(here, value, ("url", "@id", "contentUrl"), field, "a URL")
        if found is None:
            return None
        here, value = found
        value = value.strip()
        if not value:
            return None
        if URL.problem(value) is None:
            return value
        encoded = _encoded(value)
        if encoded != value and URL.problem(encoded) is None:
            self.report(
                here,
                "import-url-encoded",
                f"{field}: {_tag(value)} has characters a URL cannot hold; read as {encoded}",
            )
            return encoded
        if self.base is not None and _RELATIVE.match(value):
            resolved = urljoin(self.base, value)
            if URL.problem(resolved) is None:
                self.report(
                    here,
                    "import-url-resolved",
                    f"{field}: the relative URL {shown(value)} read as {resolved}",
                )
                return resolved
        problem = fits(cls, field, value)
        self.report(here, "import-bad-value", f"{field}: {problem or 'not a URL'}; dropped")
        return None

    def urls(self, here: Here | None, cls: type[Any], field: str) -> list[str]:
        found: list[str] = []
        if here is None:
            return found
        for item in here.items():
            url = self.url_value(item, cls, field)
            if url is not None and url not in found:
                found.append(url)
        return found

    def moment(self, here: Here | None, field: str) -> dt.datetime | None:
        """A moment with its offset.  Without one: in ``assume_timezone`` when given, else
        dropped; each said.  A form schema.org does not define is read and said."""
        if here is None:
            return None
        value = here.value
        if isinstance(value, list):
            items = [i for i in here.items() if isinstance(i.value, str) and i.value.strip()]
            if not items:
                return None
            if len(items) > 1:
                self.report(
                    items[1],
                    "import-dropped",
                    f"{field} holds one date; {len(items) - 1} more are not kept",
                )
            here, value = items[0], items[0].value
        if not isinstance(value, str):
            if value is not None:
                self.report(
                    here, "import-bad-value", f"{field}: {_tag(value)} is not a date; dropped"
                )
            return None
        if not value.strip():
            return None
        found = read_moment(value)
        if found is None:
            self.report(
                here,
                "import-date-unreadable",
                f"{field}: {_tag(value)} is not a date this reads; dropped",
            )
            return None
        return self.settle(here, field, value, found)

    def settle(
        self, here: Here | None, field: str, value: str, found: Moment
    ) -> dt.datetime | None:
        moment = found.value
        if not found.standard:
            note = f" ({found.note})" if found.note else ""
            self.report(
                here,
                "import-date-format",
                f"{field}: {_tag(value)} is not ISO 8601; read as {_iso(moment)}{note}",
            )
        if found.kind == "moment":
            return _whole_minutes(moment, here, field, self)
        what = "a day with no time" if found.kind == "day" else "a time with no time zone"
        if self.assume is None:
            self.report(
                here,
                "import-date-no-timezone",
                f"{field}: {_tag(value)} is {what}; dropped "
                "(name the time zone to assume to keep it)",
            )
            return None
        try:
            offset = moment.replace(tzinfo=self.assume).utcoffset()
        except Exception:  # a tzinfo that fails on this moment
            offset = None
        if offset is None:
            self.report(
                here,
                "import-date-no-timezone",
                f"{field}: {_tag(value)} has no offset in the assumed time zone; dropped",
            )
            return None
        aware = moment.replace(tzinfo=dt.UTC if not offset else dt.timezone(offset))
        self.report(
            here,
            "import-date-no-timezone",
            f"{field}: {_tag(value)} is {what}; read in the assumed time zone as {_iso(aware)}",
        )
        return _whole_minutes(aware, here, field, self)

    def number(self, here: Here | None, field: str) -> int | None:
        """A whole number of pixels: a number, ``"1200"``, ``"1200px"``, a QuantitativeValue."""
        if here is None:
            return None
        value = here.value
        if isinstance(value, dict):
            unit = value.get("unitCode") or value.get("unitText")
            if unit not in (None, "E37", "px", "pixel", "pixels"):
                self.report(
                    here, "import-bad-value", f"{field}: {_tag(value)} is not in pixels; dropped"
                )
                return None
            if "value" not in value:
                return None
            here, value = here.at("value"), value["value"]
        number: int | None = None
        if isinstance(value, bool):
            number = None
        elif isinstance(value, int):
            number = value
        elif isinstance(value, float) and value.is_integer():
            number = int(value)
        elif isinstance(value, str):
            match = re.fullmatch(
                r"\s*([0-9]{1,10})(?:\.0+)?\s*(px|pixels?)?\s*", value, re.IGNORECASE
            )
            if match:
                number = int(match.group(1))
        if number is None or not 1 <= number <= 2**31 - 1:
            if value not in (None, ""):
                self.report(
                    here,
                    "import-bad-value",
                    f"{field}: {_tag(value)} is not a whole number of pixels; dropped",
                )
            return None
        return number

    def nodes(self, here: Here | None) -> Iterator[tuple[Here, Node | None]]:
        """Each item of a value (arrays within arrays flattened) and the node it is or names
        (None for text, or a reference to nothing on the page)."""
        if here is None:
            return
        stack = [here]
        while stack:
            item = stack.pop(0)
            if isinstance(item.value, list):
                stack[0:0] = item.items()
                continue
            if item.value is None:
                continue
            yield item, self.graph.node(item)


# A relative reference as pages write them: a path ("/a", "./a", "../a", "images/a.jpg": a
# first segment with no dot) or a scheme-relative URL ("//host/a").  "true", "photo.jpg" and
# "www.site.com/a" are not read as relative: each may be something else.
_RELATIVE: Final = re.compile(r"(?:/|\./|\.\./|[^:/?#.\s]+/)\S*$")


def _encoded(value: str) -> str:
    """An IRI as its URI (RFC 3987, 3.1): every character a URL cannot hold (non-ASCII,
    spaces) percent-encoded as UTF-8; what a URL holds is left as written."""
    return quote(value, safe="".join(chr(c) for c in range(0x21, 0x7F)))


def _boolean(value: Any) -> str:
    if isinstance(value, bool):
        return "free" if value else "not free"
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        free = value.strip().lower() == "true"
        return f"{'free' if free else 'not free'} (the string {shown(value)})"
    return f"{_tag(value)}"


def _iso(value: dt.datetime) -> str:
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _whole_minutes(
    value: dt.datetime, here: Here | None, field: str, context: Context
) -> dt.datetime | None:
    offset = value.utcoffset()
    if offset is not None and (offset.microseconds or offset.seconds % 60):
        context.report(
            here,
            "import-bad-value",
            f"{field}: the offset is not a whole number of minutes; dropped",
        )
        return None
    return value
