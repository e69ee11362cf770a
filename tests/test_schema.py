"""The published JSON Schema: valid, strict, documented, and the one the package uses."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest

import newsarticle
from newsarticle import _model as model
from newsarticle._schema import SCHEMA_ID, generate_text, schema, schema_text, validator

# Every keyword of JSON Schema draft 2020-12 (core, applicator, unevaluated,
# validation, meta-data, format-annotation and content vocabularies).
DRAFT_2020_12_KEYWORDS = frozenset(
    {
        "$schema", "$id", "$ref", "$anchor", "$dynamicRef", "$dynamicAnchor", "$vocabulary",
        "$comment", "$defs", "allOf", "anyOf", "oneOf", "not", "if", "then", "else",
        "dependentSchemas", "prefixItems", "items", "contains", "properties",
        "patternProperties", "additionalProperties", "propertyNames", "unevaluatedItems",
        "unevaluatedProperties", "type", "const", "enum", "multipleOf", "maximum",
        "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength", "pattern",
        "maxItems", "minItems", "uniqueItems", "maxContains", "minContains", "maxProperties",
        "minProperties", "required", "dependentRequired", "title", "description", "default",
        "deprecated", "readOnly", "writeOnly", "examples", "format", "contentEncoding",
        "contentMediaType", "contentSchema",
    }
)  # fmt: skip


def subschemas(node: Any, where: str = "#") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every schema object inside ``node``, with a JSON Pointer-like location."""
    yield where, node
    for key in ("$defs", "properties"):
        for name, child in node.get(key, {}).items():
            yield from subschemas(child, f"{where}/{key}/{name}")
    for key in ("items", "not", "additionalProperties"):
        if isinstance(node.get(key), dict):
            yield from subschemas(node[key], f"{where}/{key}")


def published() -> dict[str, Any]:
    path = Path(__file__).resolve().parent.parent / "schemas" / "article.schema.json"
    value: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return value


def test_schema_is_valid_under_the_draft_2020_12_meta_schema() -> None:
    """The schema itself validates against the 2020-12 meta-schema."""
    jsonschema.Draft202012Validator.check_schema(published())
    assert "https://json-schema.org/draft/2020-12/schema" == published()["$schema"]


def test_schema_uses_no_unknown_keyword() -> None:
    """Strict validators (Ajv) refuse unknown keywords; the schema has none."""
    unknown = {
        f"{where}: {key}"
        for where, node in subschemas(published())
        for key in node
        if key not in DRAFT_2020_12_KEYWORDS
    }
    assert set() == unknown


def test_id_is_stable_and_versioned() -> None:
    """The $id names format version 1 and is the one the library registers."""
    assert SCHEMA_ID == published()["$id"]
    assert "/v1/" in SCHEMA_ID


def test_every_property_and_definition_is_described() -> None:
    """Users read the schema as the format's reference: everything has a description."""
    defined = re.compile(r"#/\$defs/[^/]+(/properties/[^/]+)?")
    missing = [
        where
        for where, node in subschemas(published())
        if defined.fullmatch(where) and "description" not in node
    ]
    assert [] == missing


def test_every_object_is_closed() -> None:
    """Every object schema refuses keys it does not define."""
    open_objects = [
        where
        for where, node in subschemas(published())
        if node.get("type") == "object" and node.get("additionalProperties") is not False
    ]
    assert [] == open_objects


def test_one_definition_per_model_type() -> None:
    """Each attrs class of the model has a $defs entry of the same name."""
    classes = {
        name
        for name in model.__all__
        if attrs.has(getattr(model, name)) and name not in ("Entity",)
    }
    assert classes <= set(published()["$defs"])


@pytest.mark.parametrize(
    "name",
    [
        "Paragraph", "Image", "Correction", "Role", "Relation", "Person", "Organization",
        "Place", "UnnamedSource", "Attribution", "Quote", "Claim", "GeoCoordinates",
    ],
)  # fmt: skip
def test_property_order_is_the_canonical_key_order(name: str) -> None:
    """The schema lists properties in the order dumps writes them (model field order)."""
    fields = [field.name for field in attrs.fields(getattr(model, name))]
    assert fields == list(published()["$defs"][name]["properties"])


def test_article_property_order_starts_with_the_format_version() -> None:
    """The document's keys are format_version, then the Article's fields in order."""
    fields = ["format_version", *(field.name for field in attrs.fields(newsarticle.Article))]
    assert fields == list(published()["$defs"]["Article"]["properties"])


def test_published_schema_is_the_one_the_model_declares() -> None:
    """schemas/article.schema.json is the generator's output, byte for byte: regenerate it
    with `python tools/regenerate.py` after changing a field or a rule."""
    path = Path(__file__).resolve().parent.parent / "schemas" / "article.schema.json"
    assert generate_text() == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("value", ["abc\n", "en-GB\n"])
def test_patterns_do_not_accept_a_trailing_newline(value: str) -> None:
    """Patterns end with "nothing follows", not $, which in Python allows a final newline."""
    for definition in ("Id", "LanguageTag"):
        node = {"$ref": f"#/$defs/{definition}", "$defs": published()["$defs"]}
        assert not jsonschema.Draft202012Validator(node).is_valid(value)


def test_format_checks_are_active() -> None:
    """The compiled validator asserts date-time and uri formats, not just annotates them."""
    checker = validator().format_checker
    assert checker is not None
    assert {"date-time", "uri"} <= set(checker.checkers)
    timestamp = {"$ref": "#/$defs/Timestamp", "$defs": published()["$defs"]}
    strict = jsonschema.Draft202012Validator(timestamp, format_checker=checker)
    assert strict.is_valid("2021-08-18T15:26:00Z")
    assert not strict.is_valid("2021-08-18T15:26:00")
    assert not strict.is_valid("2021-08-32T15:26:00Z")


def test_package_schema_is_the_published_file() -> None:
    """The schema the library loads is byte for byte schemas/article.schema.json."""
    path = Path(__file__).resolve().parent.parent / "schemas" / "article.schema.json"
    assert path.read_text(encoding="utf-8") == schema_text()
    assert published() == schema()


def test_wheel_ships_the_published_schema(tmp_path: Path) -> None:
    """A wheel built from the source tree holds the same schema file."""
    root = Path(__file__).resolve().parent.parent
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path)],
        cwd=root,
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        shipped = archive.read("newsarticle/schemas/article.schema.json")
        assert "newsarticle/py.typed" in archive.namelist()
    assert (root / "schemas" / "article.schema.json").read_bytes() == shipped


def test_a_second_implementation_accepts_the_schema_and_agrees(example_path: Path) -> None:
    """jsonschema-rs (Rust, strict about regexes and formats) compiles the schema and gives
    the same verdicts as the Python validator on the example and on broken copies."""
    jsonschema_rs = pytest.importorskip("jsonschema_rs", reason="jsonschema-rs has no wheel here")
    other = jsonschema_rs.validator_for(published(), validate_formats=True)
    document = json.loads(example_path.read_text(encoding="utf-8"))
    broken = [
        {**document, "headline": "two\nlines"},
        {**document, "language": "en-GB\n"},
        {**document, "date_published": "2021-08-18T15:26:00"},
        {**document, "url": "https://exa mple.com/"},
        {**document, "genre": "gossip"},
        {**document, "extra": True},
        {**document, "format_version": 2},
    ]
    assert [True] + [False] * len(broken) == [other.is_valid(d) for d in [document, *broken]]
    assert [validator().is_valid(d) for d in [document, *broken]] == [
        other.is_valid(d) for d in [document, *broken]
    ]
