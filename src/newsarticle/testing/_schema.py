"""JSON values generated from a JSON Schema, for the keywords the article schema uses.

The generator reads the schema, not the model: it is the independent witness
that every document the schema accepts either loads or gets a clear problem.
It understands ``$ref`` (local), ``type``, ``properties``/``required``/
``additionalProperties: false``, ``items``, ``uniqueItems``, ``enum``,
``const``, ``pattern``, ``not`` (a string pattern to avoid), ``format``
(``date-time``, ``uri``), ``minLength`` and ``minimum``/``maximum``; any other
keyword raises, so a schema change cannot silently escape it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
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


def schema_documents(schema: Mapping[str, Any] | None = None) -> st.SearchStrategy[Any]:
    """Values valid under ``schema`` (default: the bundled article schema)."""
    if schema is None:
        from .._schema import schema as bundled

        schema = bundled()
    return _Generator(schema).strategy(schema)


class _Generator:
    def __init__(self, root: Mapping[str, Any]) -> None:
        self.root = root
        self.cache: dict[str, st.SearchStrategy[Any]] = {}

    def resolve(self, ref: str) -> Mapping[str, Any]:
        if not ref.startswith("#/"):
            raise ValueError(f"only local references are supported, not {ref!r}")
        node: Any = self.root
        for part in ref[2:].split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node  # type: ignore[no-any-return]

    def strategy(self, schema: Mapping[str, Any]) -> st.SearchStrategy[Any]:
        unknown = set(schema) - _KNOWN
        if unknown:
            raise ValueError(f"the generator does not understand {sorted(unknown)}")
        if "$ref" in schema:
            ref = schema["$ref"]
            if ref not in self.cache:
                self.cache[ref] = st.deferred(lambda: self.strategy(self.resolve(ref)))
            return self.cache[ref]
        if "const" in schema:
            return st.just(schema["const"])
        if "enum" in schema:
            return st.sampled_from(schema["enum"])
        kind = schema.get("type")
        if kind == "object":
            return self.object(schema)
        if kind == "array":
            items = self.strategy(schema["items"])
            unique = schema.get("uniqueItems", False)
            return st.lists(items, max_size=3, unique_by=_key if unique else None)
        if kind == "string":
            return self.string(schema)
        if kind == "integer":
            return st.integers(schema.get("minimum"), schema.get("maximum"))
        if kind == "number":
            low, high = schema.get("minimum"), schema.get("maximum")
            return st.integers(low, high) | st.floats(low, high, allow_nan=False)
        raise ValueError(f"cannot generate a value for {dict(schema)}")

    def object(self, schema: Mapping[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
        if schema.get("additionalProperties") is not False:
            raise ValueError("only closed objects are supported")
        properties = schema.get("properties", {})
        required = set(schema.get("required", ()))
        fields = {name: self.strategy(sub) for name, sub in properties.items()}
        return st.fixed_dictionaries(
            {name: fields[name] for name in properties if name in required},
            optional={name: fields[name] for name in properties if name not in required},
        )

    def string(self, schema: Mapping[str, Any]) -> st.SearchStrategy[str]:
        form = schema.get("format")
        if form == "date-time":
            return _timestamps()
        if form == "uri":
            return _uris()
        if form is not None:
            raise ValueError(f"cannot generate the format {form!r}")
        pattern = schema.get("pattern")
        if pattern is not None:
            body = pattern.removeprefix("^").removesuffix(_END)
            return st.from_regex(body, fullmatch=True)
        text = st.text(max_size=30)
        avoid = schema.get("not", {}).get("pattern")
        if avoid is not None:
            text = text.map(lambda value: re.sub(avoid, "", value))
        least = schema.get("minLength", 0)
        return text.filter(lambda value: len(value) >= least)


def _key(value: Any) -> Any:
    return repr(value)


def _timestamps() -> st.SearchStrategy[str]:
    """RFC 3339 timestamps in the spellings the format allows."""
    moments = st.datetimes(min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30))
    offsets = st.sampled_from(["Z", "z", "+00:00", "-05:00", "+05:30", "+14:00", "-12:00"])
    fractions = st.sampled_from(["", ".5", ".123", ".123456", ".123456789"])
    separators = st.sampled_from(["T", "t"])
    return st.builds(_timestamp, moments, separators, fractions, offsets)


def _timestamp(moment: dt.datetime, separator: str, fraction: str, offset: str) -> str:
    day = f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"
    time = f"{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}"
    return f"{day}{separator}{time}{fraction}{offset}"


def _uris() -> st.SearchStrategy[str]:
    """http(s) URLs, with the oddities RFC 3986 allows: ports, encoded bytes, fragments."""
    scheme = st.sampled_from(["http", "https", "HTTPS"])
    host = st.from_regex(r"[a-z0-9]{1,10}(\.[a-z0-9]{1,10}){0,2}", fullmatch=True)
    port = st.sampled_from(["", ":8080"])
    path = st.from_regex(r"(/[A-Za-z0-9._~%!$&'()*+,;=:@-]{0,10}){0,3}", fullmatch=True)
    path = path.filter(lambda p: re.fullmatch(r"(?:[^%]|%[0-9A-Fa-f]{2})*", p) is not None)
    fragment = st.sampled_from(["", "#top", "#a/b?c"])
    return st.builds(
        lambda *parts: "".join(parts), scheme.map(lambda s: f"{s}://"), host, port, path, fragment
    )
