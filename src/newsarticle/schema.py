"""The bundled JSON Schema of the article format, and its compiled validator.

The schema ships inside the package (``newsarticle/schemas/article.schema.json``,
the same file as ``schemas/article.schema.json`` in the source tree).  The
validator is built once per process, with format assertion on: ``date-time``
and ``uri`` are checked, not only annotated.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator, Mapping
from importlib import resources
from typing import Any, Final

import jsonschema
import referencing
from jsonschema.exceptions import ValidationError
from referencing.jsonschema import DRAFT202012

from .errors import Problem

__all__ = ["SCHEMA_ID", "schema", "schema_path", "schema_problems", "schema_text", "validator"]

#: The ``$id`` of the bundled schema.
SCHEMA_ID: Final = "https://newsarticle.dev/schemas/article/v1/article.schema.json"
_REQUIRED_FORMATS: Final = ("date-time", "uri")


def schema_path() -> Any:
    """The bundled schema file (a :mod:`importlib.resources` traversable)."""
    return resources.files("newsarticle") / "schemas" / "article.schema.json"


@functools.cache
def schema_text() -> str:
    """The bundled schema, as the text of its file."""
    text: str = schema_path().read_text(encoding="utf-8")
    return text


@functools.cache
def schema() -> Mapping[str, Any]:
    """The bundled schema as a JSON value."""
    value: dict[str, Any] = json.loads(schema_text())
    return value


@functools.cache
def validator() -> jsonschema.Draft202012Validator:
    """The compiled draft 2020-12 validator of the bundled schema, format checks on."""
    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    missing = [name for name in _REQUIRED_FORMATS if name not in checker.checkers]
    if missing:  # pragma: no cover - only without the format-nongpl extra
        raise ImportError(
            f"jsonschema cannot check the formats {', '.join(missing)}; "
            "install newsarticle with its dependencies (jsonschema[format-nongpl])"
        )
    resource = referencing.Resource.from_contents(schema(), default_specification=DRAFT202012)
    registry: referencing.Registry[Any] = referencing.Registry().with_resource(SCHEMA_ID, resource)
    return jsonschema.Draft202012Validator(schema(), registry=registry, format_checker=checker)


def schema_problems(document: Any) -> list[Problem]:
    """Every way ``document`` breaks the schema, as problems."""
    problems: list[Problem] = []
    missing_reported: set[str] = set()
    for error in validator().iter_errors(document):
        if error.validator == "required":
            # jsonschema reports each missing key separately; report each key once.
            path = _pointer(error.absolute_path)
            if path in missing_reported:
                continue
            missing_reported.add(path)
            problems.extend(_missing(path, error))
        else:
            problems.extend(_problems(error))
    return problems


def _missing(path: str, error: ValidationError) -> list[Problem]:
    instance: Any = error.instance
    required: Any = error.validator_value
    missing = [key for key in required if key not in instance]
    problems = []
    for key in missing:
        if path == "" and key == "format_version":
            message = "format_version is missing: this is not a newsarticle document, or an old one"
            problems.append(Problem.of("format-version", "", message))
        else:
            problems.append(
                Problem.of("schema-required", path, f"the required key {key!r} is missing")
            )
    return problems


def _pointer(parts: Iterator[Any] | Any) -> str:
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in parts)


_CODES: Final = {
    "type": "schema-type",
    "required": "schema-required",
    "additionalProperties": "schema-unknown-key",
    "enum": "schema-enum",
    "const": "schema-enum",
    "format": "schema-format",
    "pattern": "schema-pattern",
    "not": "schema-pattern",
    "minLength": "schema-length",
    "maxLength": "schema-length",
    "minItems": "schema-length",
    "maxItems": "schema-length",
    "minimum": "schema-range",
    "maximum": "schema-range",
    "exclusiveMinimum": "schema-range",
    "exclusiveMaximum": "schema-range",
    "uniqueItems": "schema-unique",
}


def _problems(error: ValidationError) -> list[Problem]:
    path = _pointer(error.absolute_path)
    keyword = str(error.validator)
    code = _CODES.get(keyword, "schema-invalid")
    instance: Any = error.instance
    subschema: Any = error.schema
    if path == "/format_version":
        supported: Any = error.validator_value
        return [
            Problem.of("format-version", path, f"format_version {instance!r} is not {supported}")
        ]
    if keyword == "additionalProperties":
        known = subschema.get("properties", {})
        return [
            Problem.of(code, f"{path}/{_pointer([key])[1:]}", f"unknown key {key!r}")
            for key in instance
            if key not in known
        ]
    return [Problem.of(code, path, _message(keyword, error))]


def _json_type(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if value is None:
        return "null"
    kinds = {dict: "an object", list: "an array", str: "a string", int: "a number"}
    return kinds.get(type(value), "a number")


def _message(keyword: str, error: ValidationError) -> str:
    expected: Any = error.validator_value
    instance: Any = error.instance
    subschema: Any = error.schema
    if keyword == "type":
        article = "an" if str(expected)[0] in "aeiou" else "a"
        return f"expected {article} {expected}, got {_json_type(instance)}"
    if keyword in ("enum", "const"):
        allowed = expected if keyword == "enum" else [expected]
        return f"{instance!r} is not one of {', '.join(map(repr, allowed))}"
    if keyword == "format":
        return f"{_clip(instance)!r} is not a valid {expected}"
    if keyword == "not":
        return f"{_clip(instance)!r} holds a control character or a lone surrogate"
    if keyword == "pattern":
        description = subschema.get("description", "")
        return f"{_clip(instance)!r} is not of the right form. {description}".strip()
    return error.message


def _clip(value: object) -> str:
    text = str(value)
    return text if len(text) <= 60 else f"{text[:57]}..."
