"""The JSON Schema of the article format: generated from the model, bundled, compiled once.

:func:`generate` writes the schema from the model's declarations (see :mod:`newsarticle._rules`):
one ``$defs`` entry per rule, enumeration and class, closed objects, and on every property the
description its field declares.  The result is committed as ``schemas/article.schema.json`` and
shipped inside the package as ``newsarticle/schemas/article.schema.json`` (``tools/regenerate.py``
writes both; a test fails when either differs from :func:`generate`).  At run time the library
reads the bundled file; the validator is compiled once per process, when it is first needed, with
format assertion on: ``date-time`` and ``uri`` are checked, not only annotated.
"""

from __future__ import annotations

import enum
import functools
import inspect
import json
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final

import attrs

from ._errors import Problem, indefinite, shown
from ._model import Article
from ._rules import FORMAT_VERSION, NAMED_RULES, Rule, spec

if TYPE_CHECKING:  # the validator is built lazily: importing jsonschema takes a while
    import jsonschema
    from jsonschema.exceptions import ValidationError

__all__ = [
    "SCHEMA_ID",
    "generate",
    "generate_text",
    "schema",
    "schema_path",
    "schema_problems",
    "schema_text",
    "validator",
]

#: The ``$id`` of the schema.
SCHEMA_ID: Final = "https://newsarticle.dev/schemas/article/v1/article.schema.json"
_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
_TITLE: Final = f"newsarticle article document, format version {FORMAT_VERSION}"
_DESCRIPTION: Final = (
    "A news article held as data: its text, the people, organizations and places it names, and "
    "who said what through which channel, how far verified. Objects are closed; references "
    "between objects are ids that newsarticle's validator checks."
)
_VERSION_DESCRIPTION: Final = "The version of this format the document is written in."
_REQUIRED_FORMATS: Final = ("date-time", "uri")


# --- generating the schema from the model -------------------------------------------


def _description(kind: type[Any]) -> str:
    """The first paragraph of a class's docstring, on one line."""
    first = inspect.cleandoc(kind.__doc__ or "").split("\n\n")[0]
    return " ".join(first.split())


def _ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{name}"}


class _Generator:
    def __init__(self) -> None:
        self.enums: dict[str, Any] = {}
        self.classes: dict[str, Any] = {}

    def kind(self, rule: object) -> dict[str, Any]:
        """The schema of one value of ``rule``: a reference to its definition, or inline."""
        if isinstance(rule, Rule):
            return _ref(rule.name) if rule.name is not None else rule.json_schema()
        assert isinstance(rule, type)
        own: Rule | None = getattr(rule, "__rule__", None)
        if own is not None:  # a value type written as a string (a partial date)
            assert own.name is not None
            return _ref(own.name)
        if issubclass(rule, enum.Enum):
            if rule.__name__ not in self.enums:
                self.enums[rule.__name__] = {
                    "description": _description(rule),
                    "type": "string",
                    "enum": [member.value for member in rule],
                }
            return _ref(rule.__name__)
        self.model(rule)
        return _ref(rule.__name__)

    def model(self, cls: type[Any], *, top: bool = False) -> None:
        """Write the definition of a class of the model (its parts first)."""
        if cls.__name__ in self.classes:
            return
        properties: dict[str, Any] = {}
        required: list[str] = []
        if top:
            properties["format_version"] = {
                "description": _VERSION_DESCRIPTION,
                "const": FORMAT_VERSION,
            }
            required.append("format_version")
        for field in attrs.fields(cls):
            declared = spec(field)
            value = self.kind(declared.rule)
            node: dict[str, Any] = {"description": declared.describe(cls)}
            if declared.shape == "many":
                node["type"] = "array"
                node["items"] = value
                if declared.unique:
                    node["uniqueItems"] = True
            else:
                node.update(value)
            if declared.shape == "one":
                required.append(field.name)
            properties[field.name] = node
        self.classes[cls.__name__] = {
            "description": _description(cls),
            "type": "object",
            "required": required,
            "additionalProperties": False,
            "properties": properties,
        }


def generate() -> dict[str, Any]:
    """The JSON Schema of the article format, as the model declares it."""
    generator = _Generator()
    generator.model(Article, top=True)
    rules: dict[str, Any] = {}
    for rule in NAMED_RULES:
        assert rule.name is not None
        rules[rule.name] = {"description": rule.description, **rule.json_schema()}
    return {
        "$schema": _DIALECT,
        "$id": SCHEMA_ID,
        "title": _TITLE,
        "description": _DESCRIPTION,
        "$ref": "#/$defs/Article",
        "$defs": {**rules, **generator.enums, **generator.classes},
    }


def generate_text() -> str:
    """The text of the schema file: :func:`generate`, indented by two spaces."""
    return json.dumps(generate(), indent=2, ensure_ascii=False) + "\n"


# --- the bundled schema ----------------------------------------------------------------


def schema_path() -> Any:
    """The bundled schema file (a :mod:`importlib.resources` traversable)."""
    from importlib import resources

    return resources.files("newsarticle") / "schemas" / "article.schema.json"


@functools.cache
def schema_text() -> str:
    """The bundled schema, as the text of its file."""
    text: str = schema_path().read_text(encoding="utf-8")
    return text


@functools.cache
def schema() -> Mapping[str, Any]:
    """The JSON Schema of the article format (draft 2020-12), as a JSON value."""
    value: dict[str, Any] = json.loads(schema_text())
    return value


@functools.cache
def validator() -> jsonschema.Draft202012Validator:
    """The compiled draft 2020-12 validator of the bundled schema, format checks on."""
    import jsonschema
    import referencing
    from referencing.jsonschema import DRAFT202012

    checker = jsonschema.Draft202012Validator.FORMAT_CHECKER
    missing = [name for name in _REQUIRED_FORMATS if name not in checker.checkers]
    if missing:  # pragma: no cover - only without the format checkers' packages
        raise ImportError(
            f"jsonschema cannot check the formats {', '.join(missing)}; "
            "install newsarticle with its dependencies (rfc3339-validator, rfc3986-validator)"
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
                Problem.of("schema-required", path, f"the required key {shown(key)} is missing")
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
        message = f"format_version {shown(instance)} is not {shown(supported)}"
        return [Problem.of("format-version", path, message)]
    if keyword == "additionalProperties":
        known = subschema.get("properties", {})
        return [
            Problem.of(code, f"{path}/{_pointer([key])[1:]}", f"unknown key {shown(key)}")
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
        kinds = expected if isinstance(expected, list) else [expected]
        return f"expected {' or '.join(map(indefinite, kinds))}, got {_json_type(instance)}"
    if keyword in ("enum", "const"):
        allowed = expected if keyword == "enum" else [expected]
        return f"{shown(instance)} is not one of {', '.join(map(shown, allowed))}"
    if keyword == "format":
        return f"{shown(instance)} is not a valid {expected}"
    if keyword == "not":
        return f"{shown(instance)} holds a control character or a lone surrogate"
    if keyword == "pattern":
        description = subschema.get("description", "")
        return f"{shown(instance)} is not of the right form. {description}".strip()
    if keyword in ("minLength", "minItems") and expected == 1:
        return "must not be empty"
    if keyword in ("minLength", "maxLength", "minItems", "maxItems"):
        unit = "characters" if keyword.endswith("Length") else "items"
        bound = "at least" if keyword.startswith("min") else "at most"
        return f"has {len(instance):,} {unit}, but must have {bound} {expected:,}"
    if keyword == "minimum":
        return f"{shown(instance)} is below the minimum, {shown(expected)}"
    if keyword == "maximum":
        return f"{shown(instance)} is above the maximum, {shown(expected)}"
    if keyword == "uniqueItems":
        return f"holds {_repeated(instance)} twice"
    # No other keyword is in the schema; jsonschema's own message would quote the value
    # as Python writes it, whole.
    return f'{shown(instance)} breaks the schema\'s "{keyword}" rule'


def _repeated(items: list[Any]) -> str:
    """The first item of ``items`` that stands there twice, as messages show it."""
    seen: set[str] = set()
    for item in items:
        key = json.dumps(item, sort_keys=True)
        if key in seen:
            return shown(item)
        seen.add(key)
    return "the same item"  # equal as JSON Schema compares them (1 and 1.0)
