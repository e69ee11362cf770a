"""The one configured cattrs converter between article objects and JSON values.

Shaped like cattrs' own ``preconf`` modules: :func:`configure_converter` sets a
converter up, :func:`make_converter` builds a new configured one.  The module
keeps one private instance for the library's own use.

JSON values are strict: a string field takes only a string, a number only a
number (never a bool), so nothing is coerced on the way in.  Keys whose value
is the field's default are left out on the way out (the canonical form).
"""

from __future__ import annotations

import datetime as dt
import re
import types
import typing
from typing import Any, Final, TypeVar

import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    ForbiddenExtraKeysError,
    IterableValidationNote,
)

from .errors import InvalidValueError, Problem
from .model import Article, PartialDate

__all__ = [
    "FORMAT_VERSION",
    "configure_converter",
    "format_datetime",
    "make_converter",
    "parse_datetime",
    "structure_problems",
]

#: The version of the JSON format this library reads and writes.
FORMAT_VERSION: Final = 1

_T = TypeVar("_T")

_RFC3339 = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]+))?"
    r"(?:([Zz])|([+-])([0-9]{2}):([0-9]{2}))"
)


def parse_datetime(text: str) -> dt.datetime:
    """Read an RFC 3339 timestamp with its offset (``Z`` or ``±hh:mm``).

    Fractions beyond microseconds are truncated; leap seconds are refused.
    """
    match = _RFC3339.fullmatch(text)
    if not match:
        raise ValueError(f"{text!r} is not an RFC 3339 timestamp with offset")
    year, month, day, hour, minute, second, fraction, zulu, sign, oh, om = match.groups()
    if second == "60":
        raise ValueError(f"{text!r} is a leap second, which cannot be stored")
    if zulu:
        tz = dt.UTC
    else:
        delta = dt.timedelta(hours=int(oh), minutes=int(om))
        if delta >= dt.timedelta(hours=24):
            raise ValueError(f"{text!r} has an offset of a day or more")
        tz = dt.timezone(-delta if sign == "-" else delta)
    try:
        return dt.datetime(
            int(year),
            int(month),
            int(day),
            int(hour),
            int(minute),
            int(second),
            int((fraction or "0")[:6].ljust(6, "0")),
            tzinfo=tz,
        )
    except ValueError as error:
        raise ValueError(f"{text!r} is not a real time: {error}") from None


def format_datetime(value: dt.datetime) -> str:
    """Write an aware datetime as RFC 3339 (``Z`` for UTC)."""
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _strict(kind: type[_T], name: str) -> Any:
    def structure(value: Any, _: Any) -> _T:
        if type(value) is not kind:
            raise TypeError(f"expected {name}, got {_json_type(value)}")
        return value

    return structure


def _structure_int(value: Any, _: Any) -> int:
    # JSON Schema counts 1.0 as an integer, so the converter does too.
    if type(value) is int:
        return value
    if type(value) is float and value.is_integer():
        return int(value)
    raise TypeError(f"expected an integer, got {_json_type(value)}")


def _structure_float(value: Any, _: Any) -> float:
    if type(value) is int or type(value) is float:
        return float(value)
    raise TypeError(f"expected a number, got {_json_type(value)}")


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    if value is None:
        return "null"
    if type(value) in (int, float):
        return "a number"
    return names.get(type(value), type(value).__name__)


def _structure_partial_date(value: Any, _: Any) -> PartialDate:
    if type(value) is not str:
        raise TypeError(f"expected a date string, got {_json_type(value)}")
    try:
        return PartialDate.parse(value)
    except InvalidValueError as error:
        raise ValueError(error.reason) from None


def _structure_datetime(value: Any, _: Any) -> dt.datetime:
    if type(value) is not str:
        raise TypeError(f"expected a timestamp string, got {_json_type(value)}")
    return parse_datetime(value)


def configure_converter(converter: cattrs.Converter) -> None:
    """Configure ``converter`` for the newsarticle JSON format.

    * strings and integers are taken only as themselves (1.0 counts as an integer, as in
      JSON Schema); floats take integers; booleans are never numbers
    * timestamps are RFC 3339 strings with offset; partial dates are ``YYYY[-MM[-DD]]``
    * enumerations are their string values
    * sequences are JSON arrays and become tuples
    """
    converter.register_structure_hook(str, _strict(str, "a string"))
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(float, _structure_float)
    converter.register_structure_hook(dt.datetime, _structure_datetime)
    converter.register_unstructure_hook(dt.datetime, format_datetime)
    converter.register_structure_hook(PartialDate, _structure_partial_date)
    converter.register_unstructure_hook(PartialDate, str)
    detailed = getattr(converter, "detailed_validation", True)
    converter.register_structure_hook_factory(
        _is_tuple, lambda t: _tuple_hook(converter, t, detailed)
    )
    converter.register_structure_hook_factory(_is_optional, lambda t: _optional_hook(converter, t))


def _is_tuple(kind: Any) -> bool:
    return typing.get_origin(kind) in (tuple,)


def _is_optional(kind: Any) -> bool:
    return typing.get_origin(kind) in (typing.Union, types.UnionType) and type(
        None
    ) in typing.get_args(kind)


def _optional_hook(converter: cattrs.BaseConverter, kind: Any) -> Any:
    """An optional field may be left out, but never null: the schema refuses null."""
    (inner,) = [arg for arg in typing.get_args(kind) if arg is not type(None)]
    hook = converter.get_structure_hook(inner)

    def text(value: Any, _: Any) -> Any:  # the common case, in one call
        if type(value) is str:
            return value
        raise TypeError(f"expected a string, got {_json_type(value)}")

    if inner is str:
        return text

    def structure(value: Any, _: Any) -> Any:
        if value is None:
            raise TypeError("expected a value, got null (leave the key out instead)")
        return hook(value, inner)

    return structure


def _tuple_hook(converter: cattrs.BaseConverter, kind: Any, detailed: bool) -> Any:
    """JSON arrays become tuples; the item hook is looked up once per type."""
    item_type = typing.get_args(kind)[0]
    hook = converter.get_structure_hook(item_type)

    def fast(value: Any, _: Any) -> tuple[Any, ...]:
        if type(value) is not list:
            raise TypeError(f"expected an array, got {_json_type(value)}")
        return tuple([hook(item, item_type) for item in value])

    def structure(value: Any, _: Any) -> tuple[Any, ...]:
        if type(value) is not list:
            raise TypeError(f"expected an array, got {_json_type(value)}")
        errors: list[Exception] = []
        items: list[Any] = []
        for index, item in enumerate(value):
            try:
                items.append(hook(item, item_type))
            except Exception as error:  # collected with the index, like cattrs does
                error.__notes__ = [
                    *getattr(error, "__notes__", []),
                    IterableValidationNote(f"Structuring {kind} @ index {index}", index, item_type),
                ]
                errors.append(error)
        if errors:
            raise cattrs.IterableValidationError(f"While structuring {kind!r}", errors, kind)
        return tuple(items)

    return structure if detailed else fast


def make_converter(*, detailed_validation: bool = True) -> cattrs.Converter:
    """A new converter configured for the newsarticle JSON format."""
    converter = cattrs.Converter(
        forbid_extra_keys=True,
        omit_if_default=True,
        detailed_validation=detailed_validation,
    )
    configure_converter(converter)
    return converter


def optional_inner(kind: Any) -> Any:
    """``X`` for ``X | None``, else ``kind`` itself."""
    if _is_optional(kind):
        (inner,) = [arg for arg in typing.get_args(kind) if arg is not type(None)]
        return inner
    return kind


_CONVERTER: Final = make_converter()


def unstructure(article: Article) -> dict[str, Any]:
    """The JSON value of ``article``, format version first."""
    body: dict[str, Any] = _CONVERTER.unstructure(article)
    return {"format_version": FORMAT_VERSION, **body}


def structure(document: dict[str, Any]) -> Article:
    """Build an :class:`Article` from a document whose format version is already checked.

    Raises the converter's exception (see :func:`structure_problems`).
    """
    body = {key: value for key, value in document.items() if key != "format_version"}
    return _CONVERTER.structure(body, Article)


def structure_hook(kind: Any) -> Any:
    """The library converter's structure hook for ``kind`` (a value type of the model)."""
    return _CONVERTER.get_structure_hook(kind)


def _pointer_part(name: str | int) -> str:
    return str(name).replace("~", "~0").replace("/", "~1")


def structure_problems(error: BaseException, path: str = "") -> list[Problem]:
    """Turn an exception raised by :func:`structure` into problems with JSON Pointers."""
    notes = getattr(error, "__notes__", ())
    for note in notes:
        if isinstance(note, AttributeValidationNote):
            path = f"{path}/{_pointer_part(note.name)}"
        elif isinstance(note, IterableValidationNote):
            path = f"{path}/{note.index}"
    if isinstance(error, BaseExceptionGroup):
        problems: list[Problem] = []
        for inner in error.exceptions:
            problems.extend(structure_problems(inner, path))
        return problems
    if isinstance(error, ForbiddenExtraKeysError):
        return [
            Problem.of("schema-unknown-key", f"{path}/{_pointer_part(key)}", f"unknown key {key!r}")
            for key in sorted(error.extra_fields)
        ]
    if isinstance(error, InvalidValueError):
        where = path + "".join(f"/{_pointer_part(part)}" for part in error.field.split("."))
        return [Problem.of("invalid-value", where, error.reason)]
    if isinstance(error, TypeError):
        return [Problem.of("schema-type", path, str(error))]
    if isinstance(error, KeyError):
        parent = path.rpartition("/")[0]
        return [Problem.of("schema-required", parent, f"missing required key {error.args[0]!r}")]
    return [Problem.of("invalid-value", path, str(error) or type(error).__name__)]
