"""JSON values generated from a JSON Schema, for the keywords the article schema uses.

The generator reads the schema, not the model: it is the independent witness
that every document the schema accepts either loads or gets a clear problem.
It understands ``$ref`` (local), ``type``, ``properties``/``required``/
``additionalProperties: false``, ``items``, ``uniqueItems``, ``enum``,
``const``, ``pattern`` (anchored at both ends, or ``^(?![\\s\\S])|[...]``: empty or
holding a character of a class), ``not`` (a string pattern to avoid), ``format``
(``date-time``, ``uri``), ``minLength`` and ``minimum``/``maximum``; any other
keyword raises, so a schema change cannot silently escape it.

The schema is compiled once into drawing functions that run inside one
composite strategy, each value costing Hypothesis as few choices as it can: a
pattern is compiled from its parsed form (a repeated character class is one
string, not a draw per character), a string avoiding a class of characters is
drawn from an alphabet without them.  A pattern with syntax the compiler does
not know is drawn with ``st.from_regex``.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
import itertools
import json
import re
from collections.abc import Callable, Mapping
from math import gcd
from typing import Any, Final

from hypothesis import strategies as st

__all__ = ["schema_documents"]

_KNOWN: Final = frozenset(
    {
        "$schema", "$id", "$defs", "$ref", "title", "description", "type", "properties",
        "required", "additionalProperties", "items", "uniqueItems", "enum", "const",
        "pattern", "not", "format", "minLength", "minimum", "maximum",
    }
)  # fmt: skip
_END = r"(?![\s\S])"
#: The start of a pattern of text that is empty or holds a character of a class.
_EMPTY_OR: Final = f"^{_END}|"
#: At most this many items in an array, and repeats of an unbounded pattern.
_MOST: Final = 3

Draw = Callable[[st.SearchStrategy[Any]], Any]
#: Draws one value.
Gen = Callable[[Draw], Any]

_BOOLEANS: Final = st.booleans()


@functools.cache
def _upto(most: int) -> st.SearchStrategy[int]:
    return st.integers(min_value=0, max_value=most)


def schema_documents(schema: Mapping[str, Any] | None = None) -> st.SearchStrategy[Any]:
    """Values valid under ``schema`` (default: the bundled article schema); built once."""
    if schema is None:
        return _bundled()
    return _documents(json.dumps(schema, sort_keys=True))


@functools.cache
def _bundled() -> st.SearchStrategy[Any]:
    from .._schema import schema as bundled

    return _documents(json.dumps(bundled(), sort_keys=True))


@functools.cache
def _documents(text: str) -> st.SearchStrategy[Any]:
    root = json.loads(text)
    gen = _Generator(root).compile(root)

    @st.composite
    def documents(draw: st.DrawFn) -> Any:
        return gen(draw)

    return documents()


class _Generator:
    def __init__(self, root: Mapping[str, Any]) -> None:
        self.root = root
        self.refs: dict[str, Gen] = {}

    def resolve(self, ref: str) -> Mapping[str, Any]:
        if not ref.startswith("#/"):
            raise ValueError(f"only local references are supported, not {ref!r}")
        node: Any = self.root
        for part in ref[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        found: Mapping[str, Any] = node
        return found

    def compile(self, schema: Mapping[str, Any]) -> Gen:
        unknown = set(schema) - _KNOWN
        if unknown:
            raise ValueError(f"the generator does not understand {sorted(unknown)}")
        if "$ref" in schema:
            return self.reference(schema["$ref"])
        if "const" in schema:
            value = schema["const"]
            return lambda draw: value
        if "enum" in schema:
            choices = st.sampled_from(schema["enum"])
            return lambda draw: draw(choices)
        kind = schema.get("type")
        if kind == "object":
            return self.object(schema)
        if kind == "array":
            return self.array(schema)
        if kind == "string":
            return self.string(schema)
        if kind == "integer":
            integers = st.integers(schema.get("minimum"), schema.get("maximum"))
            return lambda draw: draw(integers)
        if kind == "number":
            low, high = schema.get("minimum"), schema.get("maximum")
            whole = st.integers(low, high)
            floats = st.floats(low, high, allow_nan=False)
            return lambda draw: draw(whole) if draw(_BOOLEANS) else draw(floats)
        raise ValueError(f"cannot generate a value for {dict(schema)}")

    def reference(self, ref: str) -> Gen:
        found = self.refs.get(ref)
        if found is None:
            # What the definition holds may refer to it again: until it is compiled, its
            # users call it through this slot.
            slot: list[Gen] = []
            self.refs[ref] = lambda draw: slot[0](draw)
            found = self.compile(self.resolve(ref))
            slot.append(found)
            self.refs[ref] = found
        return found

    def object(self, schema: Mapping[str, Any]) -> Gen:
        if schema.get("additionalProperties") is not False:
            raise ValueError("only closed objects are supported")
        properties = schema.get("properties", {})
        required = set(schema.get("required", ()))
        fields = [(name, name in required, self.compile(sub)) for name, sub in properties.items()]

        def gen(draw: Draw) -> dict[str, Any]:
            return {
                name: field(draw) for name, needed, field in fields if needed or draw(_BOOLEANS)
            }

        return gen

    def array(self, schema: Mapping[str, Any]) -> Gen:
        item = self.compile(schema["items"])
        unique = schema.get("uniqueItems", False)
        counts = _upto(_MOST)

        def gen(draw: Draw) -> list[Any]:
            items = [item(draw) for _ in range(draw(counts))]
            if unique:
                items = list({_key(value): value for value in items}.values())
            return items

        return gen

    def string(self, schema: Mapping[str, Any]) -> Gen:
        form = schema.get("format")
        if form == "date-time":
            return _timestamp
        if form == "uri":
            return _uri
        if form is not None:
            raise ValueError(f"cannot generate the format {form!r}")
        pattern = schema.get("pattern")
        holds = None
        if pattern is not None and pattern.startswith(_EMPTY_OR):
            holds = pattern.removeprefix(_EMPTY_OR)  # text: empty, or holding one of a class
        elif pattern is not None:
            return _pattern(pattern.removeprefix("^").removesuffix(_END))
        least = schema.get("minLength", 0)
        avoid = schema.get("not", {}).get("pattern")
        refused = "" if avoid is None else _refused(avoid)
        if refused is None:  # not one class of characters: removed from any text
            if holds is not None:
                raise ValueError(f"cannot generate text avoiding {avoid!r} and holding {holds!r}")
            text = st.text(max_size=30).map(lambda value: re.sub(avoid, "", value))
            texts = text.filter(lambda value: len(value) >= least)
            return lambda draw: draw(texts)
        alphabet = st.characters(codec="utf-8", exclude_characters=refused)
        strings = st.text(alphabet, min_size=least, max_size=max(least, 30))
        if holds is None:
            return lambda draw: draw(strings)
        found = re.compile(holds).search
        one = _one_of(holds, refused)

        def gen(draw: Draw) -> str:
            text: str = draw(strings)
            if text and found(text) is None:  # one character of the class put in
                at = draw(_upto(len(text)))
                text = text[:at] + draw(one) + text[at:]
            return text

        return gen


def _key(value: Any) -> Any:
    return repr(value)


# --- patterns ---------------------------------------------------------------------------

try:  # the parser of the re module, as Hypothesis's own st.from_regex uses it
    _parser: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - a Python without it
    _parser = None


class _Unknown(Exception):
    """Syntax the pattern compiler does not know."""


def _chars(items: list[tuple[Any, Any]]) -> str:
    """The characters of a parsed class (ranges and literals only)."""
    found: list[str] = []
    for op, value in items:
        name = str(op)
        if name == "LITERAL":
            found.append(chr(value))
        elif name == "RANGE":
            found += [chr(point) for point in range(value[0], value[1] + 1)]
        else:
            raise _Unknown(name)
    return "".join(dict.fromkeys(found))


def _one_of(pattern: str, refused: str) -> st.SearchStrategy[str]:
    """One character of the class ``pattern`` (which may be negated), none of ``refused``."""
    if _parser is None:  # pragma: no cover - a Python without it
        raise ValueError(f"cannot read the class {pattern!r}")
    ((op, items),) = list(_parser.parse(pattern))
    if str(op) != "IN":
        raise ValueError(f"{pattern!r} is not one class of characters")
    items = list(items)
    if items and str(items[0][0]) == "NEGATE":
        return st.characters(codec="utf-8", exclude_characters=_chars(items[1:]) + refused)
    allowed = [char for char in _chars(items) if char not in refused]
    return st.sampled_from(allowed)


def _refused(pattern: str) -> str | None:
    """The characters of ``pattern`` when it is one class of characters, else None."""
    if _parser is None:
        return None
    try:
        (node,) = list(_parser.parse(pattern))
        op, value = node
        if str(op) == "IN":
            return _chars(value)
        if str(op) == "LITERAL":
            return chr(value)
    except (_Unknown, ValueError):
        pass
    return None


@functools.cache
def _pattern(body: str) -> Gen:
    """Strings that fully match ``body``."""
    if _parser is not None:
        try:
            return _sequence(list(_parser.parse(body)))
        except _Unknown:
            pass
    strings = st.from_regex(body, fullmatch=True)
    return lambda draw: draw(strings)


def _sequence(nodes: list[Any]) -> Gen:
    parts = [_node(op, value) for op, value in nodes]
    if len(parts) == 1:
        return parts[0]
    return lambda draw: "".join([part(draw) for part in parts])


def _node(op: Any, value: Any) -> Gen:
    name = str(op)
    if name == "LITERAL":
        char = chr(value)
        return lambda draw: char
    if name == "IN":
        one = st.text(_chars(value), min_size=1, max_size=1)
        return lambda draw: draw(one)
    if name == "SUBPATTERN":
        return _sequence(list(value[3]))
    if name == "BRANCH":
        branches = [_sequence(list(branch)) for branch in value[1]]
        which = st.integers(min_value=0, max_value=len(branches) - 1)
        return lambda draw: branches[draw(which)](draw)
    if name in ("MAX_REPEAT", "MIN_REPEAT"):
        low, high, sub = value
        if high == _parser.MAXREPEAT:
            high = low + _MOST
        inner = list(sub)
        if len(inner) == 1 and str(inner[0][0]) in ("IN", "LITERAL"):
            op1, value1 = inner[0]
            alphabet = _chars(value1) if str(op1) == "IN" else chr(value1)
            text = st.text(alphabet, min_size=low, max_size=high)  # one choice
            return lambda draw: draw(text)
        item = _sequence(inner)
        count = st.integers(min_value=low, max_value=high)
        return lambda draw: "".join([item(draw) for _ in range(draw(count))])
    raise _Unknown(name)


# --- formats ----------------------------------------------------------------------------

_FIRST: Final = dt.datetime(1, 1, 2)
_SECONDS: Final = int((dt.datetime(9999, 12, 30) - _FIRST).total_seconds()) + 1
_MOMENTS: Final = st.integers(min_value=0, max_value=_SECONDS - 1)
# Hypothesis draws large integers mostly small: multiplied by a number prime to the range,
# modulo the range, they spread over it (and 0 is still the first moment).
_SPREAD: Final = next(f for f in itertools.count(int(_SECONDS * 0.618)) if gcd(f, _SECONDS) == 1)
_SPELLINGS: Final = st.sampled_from(
    list(
        itertools.product(
            ["T", "t"],
            ["", ".5", ".123", ".123456", ".123456789"],
            ["Z", "z", "+00:00", "-05:00", "+05:30", "+14:00", "-12:00"],
        )
    )
)


def _timestamp(draw: Draw) -> str:
    """An RFC 3339 timestamp in one of the spellings the format allows."""
    moment = _FIRST + dt.timedelta(seconds=draw(_MOMENTS) * _SPREAD % _SECONDS)
    separator, fraction, offset = draw(_SPELLINGS)
    day = f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"
    time = f"{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}"
    return f"{day}{separator}{time}{fraction}{offset}"


_URI_PARTS: Final = st.sampled_from(
    list(itertools.product(["http", "https", "HTTPS"], ["", ":8080"], ["", "#top", "#a/b?c"]))
)
_HOSTS: Final = st.text("abcdefghijklmnopqrstuvwxyz0123456789.", min_size=1, max_size=24)
_PATHS: Final = st.text(
    "/ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._~%!$&'()*+,;=:@-", max_size=30
)
_ESCAPE: Final = re.compile(r"%(?![0-9A-Fa-f]{2})")


def _uri(draw: Draw) -> str:
    """http(s) URLs, with the oddities RFC 3986 allows: ports, encoded bytes, fragments."""
    scheme, port, fragment = draw(_URI_PARTS)
    host = ".".join(label for label in draw(_HOSTS).split(".") if label) or "a"
    path = draw(_PATHS)
    if path and not path.startswith("/"):
        path = "/" + path
    return f"{scheme}://{host}{port}{_ESCAPE.sub('%25', path)}{fragment}"
