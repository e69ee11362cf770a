"""The one configured cattrs converter between article objects and JSON values.

Which layer checks what: the JSON Schema checks the shape of a document (types, required and
unknown keys, patterns, formats, ranges) and the model checks values (each field's rule, an
impossible date, a role that ends before it starts).  The converter checks nothing itself.
It structures a document only after the schema has passed it, so every value has the right
JSON type; with cattrs' detailed validation it collects every error the model raises, each
with the path where it stands, and :func:`structure_problems` flattens them into problems.

On the way out, keys whose value is the field's default are left out (the canonical form)
and the format version comes first.  This is the reference: :func:`newsarticle.dumps`
writes the same value made by code generated from the declarations
(:mod:`newsarticle._unbuild`), which ``tests/test_unbuild.py`` proves equal to this one's.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

import cattrs
from cattrs.errors import AttributeValidationNote, IterableValidationNote

from ._errors import InvalidValueError, Problem
from ._model import Article, PartialDate
from ._rules import FORMAT_VERSION, TIMESTAMP

__all__ = ["structure", "structure_problems", "unstructure"]


def _structure_partial_date(value: str, _: object) -> PartialDate:
    try:
        return PartialDate.parse(value)
    except InvalidValueError as error:
        raise ValueError(error.reason) from None


def _structure_timestamp(value: str, _: object) -> dt.datetime:
    return TIMESTAMP.parse(value)


def _as_is(value: Any, _: object) -> Any:
    return value


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(omit_if_default=True, detailed_validation=True)
    converter.register_structure_hook(str, _as_is)
    converter.register_structure_hook(int, lambda value, _: int(value))  # 1.0 is an integer
    converter.register_structure_hook(float, lambda value, _: float(value))
    converter.register_structure_hook(dt.datetime, _structure_timestamp)
    converter.register_unstructure_hook(dt.datetime, TIMESTAMP.format)
    converter.register_structure_hook(PartialDate, _structure_partial_date)
    converter.register_unstructure_hook(PartialDate, str)
    return converter


_CONVERTER: Final = _make_converter()


def unstructure(article: Article) -> dict[str, Any]:
    """The JSON value of ``article``, format version first."""
    body: dict[str, Any] = _CONVERTER.unstructure(article)
    return {"format_version": FORMAT_VERSION, **body}


def structure(document: dict[str, Any]) -> Article:
    """Build an :class:`Article` from a document the schema has passed.

    Raises the converter's exception (see :func:`structure_problems`).
    """
    body = {key: value for key, value in document.items() if key != "format_version"}
    return _CONVERTER.structure(body, Article)


def _pointer_part(name: str | int) -> str:
    return str(name).replace("~", "~0").replace("/", "~1")


def structure_problems(error: BaseException, path: str = "") -> list[Problem]:
    """Turn an exception raised by :func:`structure` into problems with JSON Pointers."""
    for note in getattr(error, "__notes__", ()):
        if isinstance(note, AttributeValidationNote):
            path = f"{path}/{_pointer_part(note.name)}"
        elif isinstance(note, IterableValidationNote):
            path = f"{path}/{note.index}"
    if isinstance(error, BaseExceptionGroup):
        problems: list[Problem] = []
        for inner in error.exceptions:
            problems.extend(structure_problems(inner, path))
        return problems
    if isinstance(error, InvalidValueError):
        where = path + "".join(f"/{_pointer_part(part)}" for part in error.field.split("."))
        return [Problem.of("invalid-value", where, error.reason)]
    return [Problem.of("invalid-value", path, str(error) or type(error).__name__)]
