"""Errors and messages: the right exception, and values quoted as JSON, short (issue 10).

Every value of the wrong type given to a field of the model is an ``InvalidValueError``
naming the field, as the README promises (item 13); messages quote a user's value as JSON
(``"maria"``, ``true``, ``null``), escaped to one line of plain text, and clipped however
long the value is (item 8); a kind is named with the right article ("an organization").
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsarticle
from helpers_export import example
from newsarticle import (
    Article,
    Genre,
    GeoCoordinates,
    InvalidValueError,
    Organization,
    Paragraph,
    ParagraphRole,
    PartialDate,
    Person,
    Role,
)
from newsarticle._errors import SHOWN_LIMIT, SHOWN_MAX, clipped, indefinite, shown
from newsarticle._rules import (
    IdRule,
    PatternRule,
    RangeRule,
    Rule,
    TextRule,
    TimestampRule,
    UrlRule,
    spec,
)

#: A value of each JSON type, as a caller might pass it by mistake.
WRONG: dict[str, Any] = {
    "string": "maria",
    "integer": 45,
    "float": 4.5,
    "boolean": True,
    "null": None,
    "array": [1],
    "object": {"a": 1},
}

#: How Python writes those values, which no message may show.
PYTHON_REPRS = ("'maria'", "True", "None", "NoneType", "{'a': 1}", "<class")

#: The classes of the model: every attrs class of the model the public interface exports.
CLASSES = [
    value
    for name in newsarticle.__all__
    if isinstance(value := getattr(newsarticle, name), type)
    and attrs.has(value)
    and value.__module__ == Article.__module__
]


def good(rule: Any) -> Any:
    """A value that ``rule`` (a field's declared rule) accepts."""
    if isinstance(rule, IdRule):
        return "x1"
    if isinstance(rule, TextRule):
        return "text"
    if isinstance(rule, UrlRule):
        return "https://example.com/"
    if isinstance(rule, PatternRule):
        return rule.examples[0]
    if isinstance(rule, TimestampRule):
        return dt.datetime(2021, 8, 18, tzinfo=dt.UTC)
    if isinstance(rule, RangeRule):
        return rule.minimum if rule.integer else 0.0
    if isinstance(rule, type) and issubclass(rule, enum.Enum):
        return next(iter(rule))
    if rule is PartialDate:
        return PartialDate(year=2021)
    return build(rule)


def build(cls: type[Any], **changes: Any) -> Any:
    """An instance of ``cls`` with good values for its required fields, and ``changes``."""
    values: dict[str, Any] = {}
    for field in attrs.fields(cls):
        if field.default is not attrs.NOTHING:
            continue
        if "newsarticle" in field.metadata:
            declared = spec(field)
            values[field.name] = (
                (good(declared.rule),) if declared.shape == "many" else good(declared.rule)
            )
        else:  # PartialDate's own fields
            values[field.name] = 2021
    values.update(changes)
    return cls(**values)


def takes(field: attrs.Attribute[Any], value: Any) -> bool:
    """Whether ``value``'s JSON type is one the field may hold (its value may still be wrong)."""
    if "newsarticle" not in field.metadata:  # PartialDate: whole numbers, month and day optional
        return type(value) is int or (value is None and field.default is None)
    declared = spec(field)
    if value is None:
        return declared.shape == "optional"
    if declared.shape == "many":
        return type(value) is list  # [1] is a list; its item is then judged by the rule
    rule = declared.rule
    if isinstance(rule, RangeRule):
        return type(value) is int or (type(value) is float and not rule.integer)
    return type(value) is str and isinstance(rule, Rule) and not isinstance(rule, TimestampRule)


FIELDS = [(cls, field) for cls in CLASSES for field in attrs.fields(cls)]


@pytest.mark.parametrize("kind", list(WRONG), ids=list(WRONG))
@pytest.mark.parametrize(
    ("cls", "field"), FIELDS, ids=[f"{cls.__name__}.{field.name}" for cls, field in FIELDS]
)
def test_a_value_of_the_wrong_type_is_an_invalid_value_error_naming_the_field(
    cls: type[Any], field: attrs.Attribute[Any], kind: str
) -> None:
    """Each field of each class, given a value of each JSON type: the object is built only when
    the field takes that type; otherwise InvalidValueError names the field (or its item) and
    quotes the value as JSON, never as Python writes it."""
    value = WRONG[kind]
    error = refusal(cls, field.name, value)
    if error is None:
        assert takes(field, value), f"{cls.__name__}.{field.name} took {value!r}"
        return
    assert field.name == error.field.split(".")[0]
    if not takes(field, value):
        assert shown(value) in str(error) or shown(value[0]) in str(error)
    assert [] == [text for text in PYTHON_REPRS if text in str(error)]


def refusal(cls: type[Any], name: str, value: Any) -> InvalidValueError | None:
    """The InvalidValueError building ``cls`` with ``value`` for ``name`` raises (None: built).

    Any other exception fails the test that calls it."""
    try:
        build(cls, **{name: value})
    except InvalidValueError as error:
        return error
    return None


@pytest.mark.parametrize(
    ("call", "field", "message"),
    [
        (
            lambda: GeoCoordinates(latitude="45", longitude=0.0),  # type: ignore[arg-type]
            "latitude",
            'expected a number, got "45"',
        ),
        (
            lambda: Article(id="a", headline="h", language="en", authors="maria"),
            "authors",
            'expected a sequence (a list or a tuple), got "maria"',
        ),
        (
            lambda: PartialDate.parse(2024),  # type: ignore[arg-type]
            "date",
            'expected a string such as "2021-07", got 2024',
        ),
        (
            lambda: PartialDate.parse(["2024"]),  # type: ignore[arg-type]
            "date",
            'expected a string such as "2021-07", got ["2024"]',
        ),
        (lambda: PartialDate(year=None), "year", "expected a whole number, got null"),  # type: ignore[arg-type]
        (lambda: PartialDate(year="2024"), "year", 'expected a whole number, got "2024"'),  # type: ignore[arg-type]
        (
            lambda: Article(id="a", headline="h", language="en", keywords={"a": 1}),
            "keywords",
            'expected a sequence (a list or a tuple), got {"a": 1}',
        ),
        (
            lambda: Article(id="a", headline="h", language="en", keywords={"a", "b"}),
            "keywords",
            "expected a sequence (a list or a tuple), got a set",
        ),
        (
            lambda: Article(id="a", headline=None, language="en"),  # type: ignore[arg-type]
            "headline",
            "expected a string, got null",
        ),
        (
            lambda: Article(
                id="a", headline="h", language="en", organizations=[Person(id="p", name="P")]
            ),
            "organizations.0",
            "expected an Organization, got a Person",
        ),
        (
            lambda: Article(id="a", headline="h", language="en", keywords=["k", "k"]),
            "keywords",
            'holds "k" twice',
        ),
        (
            lambda: Article(id="a b", headline="h", language="en"),
            "id",
            '"a b" is not an id (letters, digits, ".", "_" and "-", starting with a letter or '
            "digit, at most 200 characters)",
        ),
        (
            lambda: Article(id="a", headline="h", language="english"),
            "language",
            '"english" is not a BCP 47 language tag such as "en-GB"',
        ),
        (
            lambda: Role(title="t", start=PartialDate(year=2020), end=PartialDate(year=2019)),
            "end",
            '"2019" is before the start "2020"',
        ),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_the_issue_cases_are_invalid_value_errors(call: Any, field: str, message: str) -> None:
    """The cases of the issue, and their like, raise InvalidValueError with a JSON message."""
    with pytest.raises(InvalidValueError) as caught:
        call()
    assert (field, message) == (caught.value.field, caught.value.reason)
    assert isinstance(caught.value, ValueError)


def test_a_sequence_may_be_any_ordered_iterable() -> None:
    """A generator or a tuple is a sequence: only text, mappings and sets are refused."""
    article = Article(id="a", headline="h", language="en", keywords=(k for k in ["x", "y"]))
    assert ("x", "y") == article.keywords


ENUM_FIELDS = [
    (cls, field)
    for cls, field in FIELDS
    if "newsarticle" in field.metadata
    and isinstance(rule := spec(field).rule, type)
    and issubclass(rule, enum.Enum)
]


@pytest.mark.parametrize(
    ("cls", "field"), ENUM_FIELDS, ids=[f"{c.__name__}.{f.name}" for c, f in ENUM_FIELDS]
)
def test_an_enumeration_error_lists_every_member(
    cls: type[Any], field: attrs.Attribute[Any]
) -> None:
    """A value that is not a member is refused with the list of the members."""
    kind: type[enum.Enum] = spec(field).rule  # type: ignore[assignment]
    with pytest.raises(InvalidValueError) as caught:
        build(cls, **{field.name: "no such member"})
    assert [] == [m.name for m in kind if f"{kind.__name__}.{m.name}" not in caught.value.reason]
    assert caught.value.reason.endswith('got "no such member"')


def test_a_member_s_value_is_refused_with_the_member_to_use() -> None:
    """The string "heading" is not ParagraphRole.HEADING, and the message says which to use."""
    with pytest.raises(InvalidValueError) as caught:
        Paragraph(id="p", text="t", role="heading")  # type: ignore[arg-type]
    assert (
        "expected a ParagraphRole (ParagraphRole.BODY, ParagraphRole.HEADING or "
        'ParagraphRole.ASIDE), got "heading"; use ParagraphRole.HEADING'
    ) == caught.value.reason


# --- shown: values as JSON, clipped ------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("maria", '"maria"'),
        ('say "hi" \\ it\'s', '"say \\"hi\\" \\\\ it\'s"'),
        (True, "true"),
        (False, "false"),
        (None, "null"),
        (45, "45"),
        (4.5, "4.5"),
        ([1, "a", None], '[1, "a", null]'),
        (("x",), '["x"]'),
        ({"a": 1, "b": [True]}, '{"a": 1, "b": [true]}'),
        ("line\nbreak", '"line\\nbreak"'),
        ("\x1b[31mred", '"\\u001b[31mred"'),
        ("\u202eevil", '"\\u202eevil"'),
        ("\u009b2J", '"\\u009b2J"'),
        ("\ud800", '"\\ud800"'),
        ("\U000e0041", '"\\udb40\\udc41"'),
        ("naïve 東京 😀", '"naïve 東京 😀"'),
        (Genre.NEWS, "Genre.NEWS"),
        (ParagraphRole.ASIDE, "ParagraphRole.ASIDE"),
        (dt.datetime(2021, 1, 1), "a datetime"),
        (Organization(id="o", name="O"), "an Organization"),
        ({1, 2}, "a set"),
        ([[[[["deep"]]]]], "[[[[…]]]]"),
    ],
)
def test_shown_writes_values_as_json(value: object, text: str) -> None:
    """Strings in double quotes with JSON escapes for what is not printable; true, null;
    arrays and objects; what has no JSON form named by its type."""
    assert text == shown(value)


def test_a_long_string_is_clipped_in_the_middle_with_a_count() -> None:
    """A 9 MB string keeps its start and its end and says how many characters were cut."""
    value = "a" * 4_500_000 + "z" * 4_500_000
    text = shown(value)
    literal, _, marker = text.partition('" (')
    head, _, tail = literal[1:].partition("…")
    assert ({"a"}, {"z"}) == (set(head), set(tail))
    assert marker.endswith(" characters left out)")
    left_out = int(marker.split()[0].replace(",", ""))
    assert 9_000_000 == len(head) + len(tail) + left_out
    assert len(text) <= SHOWN_MAX


def test_long_arrays_objects_and_numbers_are_clipped() -> None:
    """An array shows the items that fit and counts the rest; so does an object; an integer
    Python cannot write out is described."""
    assert shown(list(range(10_000))).endswith(", …] (9,978 items left out)")
    assert shown({str(i): i for i in range(10_000)}).endswith(", …} (9,990 items left out)")
    assert "an integer of about 10,000 digits" == shown(10**10_000)
    assert shown(10**200).endswith(" (122 digits left out)")


def test_clipped_keeps_short_text_and_clips_long_text() -> None:
    """Text as is up to the limit; past it, its start, an ellipsis, its end and the count."""
    assert "/people/0" == clipped("/people/0")
    assert "abcdefgh…xyz (15 characters left out)" == clipped("abcdefghi" + "-" * 14 + "xyz", 12)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner),
    max_leaves=30,
)


@given(
    # Any characters, few enough that even escaped (12 characters each, at most) they fit;
    # or printable ones (written as themselves) up to the limit.
    st.text(max_size=SHOWN_LIMIT // 12)
    | st.text(st.characters(codec="utf-8", categories=["L", "N", "P", "S"]), max_size=SHOWN_LIMIT)
)
def test_a_short_string_is_shown_as_its_json_literal(text: str) -> None:
    """A string that fits is written whole, as a JSON literal meaning the same string."""
    assert text == json.loads(shown(text))


@given(st.text(max_size=3 * SHOWN_LIMIT))
def test_a_clipped_string_counts_what_it_left_out(text: str) -> None:
    """Whole, or its start and end kept (escaped as JSON) and the rest counted exactly."""
    literal, _, marker = shown(text).partition('" (')
    if not marker:
        assert text == json.loads(literal)
        return
    kept = json.loads(literal + '"')  # the start, "…", the end
    count = int(marker.split()[0].replace(",", ""))
    assert len(text) == len(kept) - 1 + count
    ends = len(kept) - 1
    assert any(kept == f"{text[:h]}…{text[len(text) - (ends - h) :]}" for h in range(ends + 1))


@given(json_values | st.text(min_size=1000, max_size=5000))
def test_whatever_the_value_it_is_shown_on_one_short_printable_line(value: object) -> None:
    """No value makes a message long, or breaks it over lines, or hides control characters."""
    text = shown(value)
    assert len(text) <= SHOWN_MAX
    assert text.isprintable()


@pytest.mark.parametrize(
    ("noun", "phrase"),
    [
        ("Organization", "an Organization"),
        ("organization", "an organization"),
        ("unnamed source", "an unnamed source"),
        ("UnnamedSource", "an UnnamedSource"),
        ("Image", "an Image"),
        ("Person", "a Person"),
        ("URL", "a URL"),
        ("unit", "a unit"),
        ("datetime", "a datetime"),
    ],
)
def test_a_kind_is_named_with_the_right_article(noun: str, phrase: str) -> None:
    """ "an Organization", never "a Organization"; "a URL", not "an URL"."""
    assert phrase == indefinite(noun)


# --- messages of validate ------------------------------------------------------------------


def document(**changes: Any) -> dict[str, Any]:
    value: dict[str, Any] = json.loads(newsarticle.dumps(example()))
    value.update(changes)
    return value


@pytest.mark.parametrize(
    ("changes", "line"),
    [
        (
            {"genre": "newz"},
            'schema-enum error "newz" is not one of "news", "analysis", "opinion", '
            '"reportage", "review", "background", "ask_public", "fact_check" (/genre)',
        ),
        ({"headline": None}, "schema-type error expected a string, got null (/headline)"),
        (
            {"headline": "a\u0007b"},
            'schema-pattern error "a\\u0007b" holds a control character '
            "or a lone surrogate (/headline)",
        ),
        ({"headline": ""}, "schema-length error must not be empty (/headline)"),
        ({"keywords": ["k", "k"]}, 'schema-unique error holds "k" twice (/keywords)'),
        (
            {"format_version": True},
            "format-version error format_version true is not 1 (/format_version)",
        ),
        ({"x\nowned": 1}, 'schema-unknown-key error unknown key "x\\nowned" (/x\nowned)'),
        (
            {"date_published": "2021-02-30T10:00:00Z"},
            'schema-format error "2021-02-30T10:00:00Z" is not a valid date-time (/date_published)',
        ),
        (
            {"publisher": "nobody"},
            'unresolved-reference error "nobody" is not the id of anything '
            "in the article (expected an organization) (/publisher)",
        ),
        (
            {"publisher": "kabul"},
            'wrong-reference-kind error "kabul" is a place, but this must be '
            "an organization (/publisher)",
        ),
    ],
)
def test_validate_messages_quote_values_as_json(changes: dict[str, Any], line: str) -> None:
    """The problems of a document quote its values and keys the JSON way."""
    assert [line] == [str(p) for p in newsarticle.validate(document(**changes))]


def test_schema_range_and_missing_key_messages() -> None:
    """A number out of range names the bound; a missing key is quoted."""
    value = document()
    value["places"][0]["geo"] = {"latitude": 200, "longitude": -180.5}
    del value["people"][0]["name"]
    assert [
        "schema-range error -180.5 is below the minimum, -180 (/places/0/geo/longitude)",
        "schema-range error 200 is above the maximum, 90 (/places/0/geo/latitude)",
        'schema-required error the required key "name" is missing (/people/0)',
    ] == sorted(str(p) for p in newsarticle.validate(value))


@pytest.mark.parametrize("fast", [True, False], ids=["text", "value"])
def test_a_huge_value_gives_a_short_message(fast: bool) -> None:
    """A 9 MB id, or a 9 MB quote missing from its paragraph: each message stays short and
    says how much was left out, through the text and through the value."""
    value = document(id="bad id" * 1_500_000)
    quote = value["quotes"][0]
    quote["text"] = "q" * 9_000_000
    quote["paragraphs"] = quote["paragraphs"][:1]
    problems = newsarticle.validate(json.dumps(value) if fast else value)
    assert ["schema-pattern", "quote-not-in-body"] == [p.code for p in problems]
    assert [] == [p.message for p in problems if len(p.message) > 600]
    assert all("characters left out)" in p.message for p in problems)


def test_profile_messages_quote_ids_and_names_as_json() -> None:
    """The profile's warnings quote the author's id and name, clipped."""
    article = attrs.evolve(
        example(),
        people=[*example().people, Person(id="anon", name="N" * 10_000)],
        authors=["anon"],
    )
    messages = [p.message for p in newsarticle.profile_problems(article) if p.path == "/people/5"]
    assert 1 == len(messages)
    assert messages[0].startswith('the author "anon" ("NNNN')
    assert " characters left out)) has no url or same_as;" in messages[0]
    assert len(messages[0]) < 300


def test_str_of_a_problem_clips_a_long_pointer() -> None:
    """A key of a million characters: the problem's path stays exact, its line short."""
    problem = newsarticle.validate(document(**{"k" * 1_000_000: 1}))[0]
    assert 1_000_001 == len(problem.path)
    assert len(str(problem)) < 500
    assert str(problem).endswith(" characters left out))")


def test_the_docs_quote_messages_as_the_code_writes_them(root: Path) -> None:
    """No quoted message in README.md or docs/ still shows a value as Python writes it."""
    texts = [root / "README.md", *sorted((root / "docs").glob("*.md"))]
    stale = [
        f"{path.name}: {line.strip()}"
        for path in texts
        for line in path.read_text(encoding="utf-8").splitlines()
        if "error '" in line or "warning '" in line
    ]
    assert [] == stale
