"""The published JSON Schema: valid, strict, documented, and the one the package uses."""

from __future__ import annotations

import json
import re
import shutil
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
from newsarticle._build import build
from newsarticle._errors import shown
from newsarticle._rules import INVISIBLE, LINE, TEXT
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


# --- text that shows: one verdict in every engine ----------------------------------------

#: Texts for the pattern of the text rules: blank ones of every invisible character of the BMP
#: the rules allow, visible ones, and characters beyond the BMP (visible, and invisible tags).
_BLANK_BMP = [
    chr(c)
    for low, high in INVISIBLE
    for c in range(low, high + 1)
    if c < 0x10000 and LINE.bad.search(chr(c)) is None
]
_SAMPLES = [
    *_BLANK_BMP,
    " \u00a0\u3000\u200b",
    "\n",
    " \n\u3000",
    "a",
    " a ",
    "\u00a0\u6771\u3000",
    "\u0301",
    "\u2801",
    "\U0001f469",
    " \U0001f469 ",
    "\U000e0020",
    "\U000e0020\U000e0041",
    "\ufeff\U000e0020",
    "\U0001d173a",
]


def _text_schema(name: str) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{name}", "$defs": published()["$defs"]}


def _utf16(text: str) -> str:
    """``text`` as an ECMA-262 pattern without the ``u`` flag sees it: UTF-16 code units."""
    data = text.encode("utf-16-le", "surrogatepass")
    return "".join(chr(int.from_bytes(data[i : i + 2], "little")) for i in range(0, len(data), 2))


@pytest.mark.parametrize(("name", "rule"), [("Line", LINE), ("Text", TEXT)])
def test_the_visible_character_pattern_means_the_same_in_every_engine(name: str, rule: Any) -> None:
    """The schema's pattern for text that shows gives each text one verdict in jsonschema
    (Python's re), jsonschema-rs and ECMA-262 with and without the u flag (code points, or
    UTF-16 code units), and that verdict is the model's, but for text of only invisible
    characters beyond the BMP, which the schema cannot name alike in every engine and the
    model alone refuses."""
    samples = [t for t in _SAMPLES if "\n" not in t or rule.newline]
    node = _text_schema(name)
    python = [jsonschema.Draft202012Validator(node).is_valid(t) for t in samples]
    pattern = published()["$defs"][name]["pattern"]
    units = [re.search(pattern, _utf16(t)) is not None for t in samples]
    assert python == units
    model_ = [rule.problem(t) is None for t in samples]
    astral_blank = [
        rule.visible.search(t) is None and any(ord(c) > 0xFFFF for c in t) for t in samples
    ]
    assert [m or a for m, a in zip(model_, astral_blank, strict=True)] == python
    assert [False] * len(_BLANK_BMP) == python[: len(_BLANK_BMP)]
    jsonschema_rs = pytest.importorskip("jsonschema_rs")
    other = jsonschema_rs.validator_for(node)
    assert python == [other.is_valid(t) for t in samples]


@pytest.mark.skipif(shutil.which("node") is None, reason="no node here to run ECMA-262 patterns")
@pytest.mark.parametrize("name", ["Line", "Text"])
def test_an_ecma_262_engine_reads_the_pattern_as_python_does(name: str) -> None:
    """Node's own RegExp (V8, ECMA-262), with the u flag and without it, finds a visible
    character in the same texts as Python's re."""
    pattern = published()["$defs"][name]["pattern"]
    script = (
        "const [p, texts] = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "console.log(JSON.stringify(['', 'u'].map("
        "f => texts.map(t => new RegExp(p, f).test(t)))));"
    )
    done = subprocess.run(
        ["node", "-e", script],
        input=json.dumps([pattern, _SAMPLES]),
        capture_output=True,
        text=True,
        check=True,
    )
    python = [re.search(pattern, t) is not None for t in _SAMPLES]
    assert [python, python] == json.loads(done.stdout)


def test_blank_text_in_a_document_is_a_problem_that_says_why(example_path: Path) -> None:
    """validate reports a blank headline of the BMP as a schema-pattern problem whose message
    quotes it and says text needs a visible character, one beyond it (tags) as the model's
    invalid-value; the fast builder refuses both (the reference path explains)."""
    document = json.loads(example_path.read_text(encoding="utf-8"))
    for headline, code in (("\u3000\u00a0", "schema-pattern"), ("\U000e0020", "invalid-value")):
        changed = {**document, "headline": headline}
        problems = newsarticle.validate(changed)
        assert [(code, "/headline")] == [(p.code, p.path) for p in problems]
        assert "visible character" in problems[0].message
        assert shown(headline) in problems[0].message
        assert None is build(changed)
