"""validate() finds every problem, with a stable code, a JSON Pointer and a position."""

from __future__ import annotations

import copy
import io
import json
from typing import Any

import pytest

import newsarticle
from newsarticle import InvalidArticleError, Problem, Severity, validate


def small() -> dict[str, Any]:
    """A small valid document that uses every kind of reference."""
    return {
        "format_version": 1,
        "id": "story",
        "headline": "Valley holds out",
        "language": "en-GB",
        "date_published": "2021-08-19T10:00:00+01:00",
        "authors": ["desk"],
        "publisher": "paper",
        "about": ["valley"],
        "content_locations": ["valley"],
        "paragraphs": [
            {"id": "p1", "text": 'She said: "We will stay." Others left.'},
            {"id": "p2", "text": "Roads are closed."},
        ],
        "people": [
            {
                "id": "ana",
                "name": "Ana",
                "roles": [{"title": "mayor", "organization": "council", "start": "2019"}],
                "relations": [{"kind": "sibling", "person": "ben"}],
            },
            {"id": "ben", "name": "Ben"},
        ],
        "organizations": [
            {"id": "paper", "name": "The Paper", "kind": "news_media"},
            {"id": "desk", "name": "Data desk", "parent": "paper"},
            {"id": "council", "name": "Council", "kind": "government"},
        ],
        "places": [
            {"id": "country", "name": "Country", "kind": "country"},
            {"id": "valley", "name": "Valley", "contained_in": "country", "borders": ["hills"]},
            {"id": "hills", "name": "Hills", "geo": {"latitude": 35.0, "longitude": 69.5}},
        ],
        "unnamed_sources": [{"id": "insider", "description": "an official", "identity": "C. Doe"}],
        "attributions": [
            {"id": "ana-said", "channel": "interview", "verification": "verified", "source": "ana"},
            {
                "id": "insider-says",
                "channel": "conversation",
                "verification": "unverified",
                "source": "insider",
                "recipient": "paper",
                "date": "2021-08",
            },
        ],
        "quotes": [
            {
                "id": "q1",
                "text": "We will stay.",
                "kind": "direct",
                "attribution": "ana-said",
                "paragraphs": ["p1"],
            }
        ],
        "claims": [
            {
                "id": "c1",
                "text": "Roads are closed.",
                "attribution": "insider-says",
                "paragraphs": ["p2"],
                "about": ["valley"],
            }
        ],
    }


def live(
    *,
    end: str | None = None,
    update: str = "2021-08-19T10:30:00+01:00",
    update_id: str = "u1",
) -> dict[str, Any]:
    """A live coverage from 10:00 on the day of the small document, with one update."""
    coverage: dict[str, Any] = {
        "start": "2021-08-19T10:00:00+01:00",
        "updates": [{"id": update_id, "date": update, "headline": "Roads", "text": "Closed."}],
    }
    if end is not None:
        coverage["end"] = end
    return coverage


def text(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def found(problems: list[Problem]) -> set[tuple[str, str]]:
    return {(p.code, p.path) for p in problems}


def test_small_document_is_valid() -> None:
    """The fixture document has no problem at all, so every other test changes one thing."""
    assert [] == validate(text(small()))


def test_example_has_no_problem(example_path: Any) -> None:
    """The Panjshir example validates with no error and no warning."""
    assert [] == validate(example_path.read_bytes())


class TestSchemaLayer:
    @pytest.mark.parametrize(
        ("change", "expected"),
        [
            (lambda d: d.update(headline=5), ("schema-type", "/headline")),
            (
                lambda d: d["people"][0].update(nickname="A"),
                ("schema-unknown-key", "/people/0/nickname"),
            ),
            (lambda d: d.pop("headline"), ("schema-required", "")),
            (lambda d: d.update(genre="gossip"), ("schema-enum", "/genre")),
            (
                lambda d: d.update(date_published="19 August 2021"),
                ("schema-format", "/date_published"),
            ),
            (
                lambda d: d.update(date_published="2021-08-19T10:00:00"),
                ("schema-format", "/date_published"),
            ),
            (lambda d: d.update(url="not a url"), ("schema-format", "/url")),
            (
                lambda d: d["attributions"][1].update(date="2021-13"),
                ("schema-pattern", "/attributions/1/date"),
            ),
            (
                lambda d: d["places"][2]["geo"].update(latitude=91),
                ("schema-range", "/places/2/geo/latitude"),
            ),
            (lambda d: d.update(authors=["desk", "desk"]), ("schema-unique", "/authors")),
            (lambda d: d.update(headline="a\u0007b"), ("schema-pattern", "/headline")),
            (lambda d: d.update(headline=""), ("schema-length", "/headline")),
            (lambda d: d.update(format_version=2), ("format-version", "/format_version")),
            (lambda d: d.pop("format_version"), ("format-version", "")),
        ],
    )
    def test_schema_problem_has_code_and_pointer(
        self, change: Any, expected: tuple[str, str]
    ) -> None:
        """Each kind of schema violation is reported with its code at the offending value."""
        document = small()
        change(document)
        problems = validate(text(document))
        assert expected in found(problems)
        assert all(p.severity is Severity.ERROR for p in problems if p.code == expected[0])

    def test_malformed_date_time_is_refused(self) -> None:
        """Format checks are really on: a well-shaped but impossible date-time is an error."""
        document = small()
        document["date_published"] = "2021-02-30T25:61:00Z"
        assert ("schema-format", "/date_published") in found(validate(document))

    def test_unknown_keys_are_each_reported(self) -> None:
        """Two unknown keys in one object are two problems, each at its key."""
        document = small()
        document["extra"] = 1
        document["more"] = 2
        problems = validate(document)
        assert {("schema-unknown-key", "/extra"), ("schema-unknown-key", "/more")} <= found(
            problems
        )


class TestValueLayer:
    def test_impossible_partial_date_is_a_value_problem(self) -> None:
        """30 February matches the date pattern but is refused when the model is built."""
        document = small()
        document["attributions"][1]["date"] = "2021-02-30"
        assert [("invalid-value", "/attributions/1/date")] == [
            (p.code, p.path) for p in validate(document)
        ]

    def test_role_ending_before_start_points_at_end(self) -> None:
        """A value problem raised by a nested object points at the field that holds it."""
        document = small()
        document["people"][0]["roles"][0]["end"] = "2018"
        assert ("invalid-value", "/people/0/roles/0/end") in found(validate(document))

    def test_lone_surrogate_is_a_value_problem(self) -> None:
        """JSON can escape half a surrogate pair; it is not Unicode text and is refused."""
        source = text(small()).replace('"Valley holds out"', '"Valley \\ud800 holds out"')
        assert [("invalid-value", "/headline")] == [(p.code, p.path) for p in validate(source)]

    def test_blank_line_in_paragraph_is_a_value_problem(self) -> None:
        """A paragraph with a blank line passes the schema's character check but not the model."""
        document = small()
        document["paragraphs"][1]["text"] = "Roads are closed.\n\nMore."
        assert ("invalid-value", "/paragraphs/1/text") in found(validate(document))


class TestIntegrityLayer:
    @pytest.mark.parametrize(
        ("change", "expected"),
        [
            (lambda d: d.update(publisher="nobody"), ("unresolved-reference", "/publisher")),
            (lambda d: d.update(publisher="ana"), ("wrong-reference-kind", "/publisher")),
            (lambda d: d.update(authors=["valley"]), ("wrong-reference-kind", "/authors/0")),
            (
                lambda d: d["quotes"][0].update(attribution="q1"),
                ("wrong-reference-kind", "/quotes/0/attribution"),
            ),
            (lambda d: d["people"][1].update(id="ana"), ("duplicate-id", "/people/1/id")),
            (lambda d: d["places"][0].update(id="p1"), ("duplicate-id", "/places/0/id")),
            (
                lambda d: d["quotes"][0].update(text="We will leave."),
                ("quote-not-in-body", "/quotes/0/paragraphs/0"),
            ),
            (
                lambda d: d["quotes"][0].update(paragraphs=["p1", "p2"]),
                ("anchor-count", "/quotes/0/paragraphs"),
            ),
            (
                lambda d: d.update(date_modified="2021-08-19T08:59:59Z"),
                ("modified-before-published", "/date_modified"),
            ),
            (
                lambda d: d.update(
                    corrections=[{"date": "2021-08-01T00:00:00Z", "text": "Fixed."}]
                ),
                ("correction-before-published", "/corrections/0/date"),
            ),
            (
                lambda d: d["places"][0].update(contained_in="valley"),
                ("containment-cycle", "/places/0/contained_in"),
            ),
            (
                lambda d: d["organizations"][0].update(parent="paper"),
                ("containment-cycle", "/organizations/0/parent"),
            ),
            (
                lambda d: d["places"][1].update(borders=["valley"]),
                ("self-reference", "/places/1/borders"),
            ),
            (
                lambda d: d["people"][0]["relations"][0].update(person="ana"),
                ("self-reference", "/people/0/relations/0/person"),
            ),
            (
                lambda d: d["claims"][0].update(about=["insider"]),
                ("wrong-reference-kind", "/claims/0/about/0"),
            ),
            (
                lambda d: d["attributions"][0].update(source="paper-x"),
                ("unresolved-reference", "/attributions/0/source"),
            ),
            (
                lambda d: d.update(
                    date_modified="2021-08-19T11:00:00+01:00",
                    corrections=[{"date": "2021-08-20T00:00:00Z", "text": "Fixed."}],
                ),
                ("modified-before-correction", "/date_modified"),
            ),
            (
                lambda d: (
                    d.update(access="free"),
                    d["paragraphs"][1].update(access="subscribers"),
                ),
                ("paywall-contradiction", "/access"),
            ),
            (lambda d: d.update(speakable=["p9"]), ("unresolved-reference", "/speakable/0")),
            (lambda d: d.update(speakable=["ana"]), ("wrong-reference-kind", "/speakable/0")),
            (
                lambda d: d.update(live=live(end="2021-08-19T09:59:59+01:00")),
                ("coverage-end-before-start", "/live/end"),
            ),
            (
                lambda d: d.update(live=live(update="2021-08-19T09:00:00+01:00")),
                ("update-outside-coverage", "/live/updates/0/date"),
            ),
            (
                lambda d: d.update(
                    live=live(end="2021-08-19T12:00:00+01:00", update="2021-08-19T12:00:01+01:00")
                ),
                ("update-outside-coverage", "/live/updates/0/date"),
            ),
            (lambda d: d.update(live=live(update_id="p1")), ("duplicate-id", "/live/updates/0/id")),
            (
                lambda d: d["claims"][0].update(review={"verdict": "False", "rating": 2}),
                ("review-rating-scale", "/claims/0/review"),
            ),
            (
                lambda d: d["claims"][0].update(
                    review={"rating": 9, "best_rating": 5, "worst_rating": 1}
                ),
                ("review-rating-scale", "/claims/0/review/rating"),
            ),
            (
                lambda d: d["claims"][0].update(
                    review={"rating": 3, "best_rating": 1, "worst_rating": 5}
                ),
                ("review-rating-scale", "/claims/0/review/worst_rating"),
            ),
            (
                lambda d: d["claims"][0].update(review={"reviewer": "valley"}),
                ("wrong-reference-kind", "/claims/0/review/reviewer"),
            ),
        ],
    )
    def test_integrity_problem_has_code_and_pointer(
        self, change: Any, expected: tuple[str, str]
    ) -> None:
        """Each cross-object rule is checked and reported at the reference that breaks it."""
        document = small()
        change(document)
        assert expected in found(validate(document))

    def test_malformed_ids_do_not_stop_the_integrity_checks(self) -> None:
        """An id of the wrong type is a schema problem; the other checks still run."""
        document = small()
        document["organizations"][1]["id"] = []
        document["places"][0]["id"] = {"not": "an id"}
        problems = found(validate(document))
        assert {("schema-type", "/organizations/1/id"), ("schema-type", "/places/0/id")} <= problems
        assert ("unresolved-reference", "/authors/0") in problems

    def test_the_new_features_used_rightly_are_valid(self) -> None:
        """A paywalled paragraph, speakable paragraphs, a live blog and a review on its scale,
        each as the rules want them, give no problem; equal instants are not "before"."""
        document = small()
        document["access"] = "subscribers"
        document["paragraphs"][1]["access"] = "subscribers"
        document["speakable"] = ["p1"]
        document["date_modified"] = "2021-08-20T00:00:00Z"
        document["corrections"] = [{"date": "2021-08-20T01:00:00+01:00", "text": "Fixed."}]
        document["live"] = live(end="2021-08-19T10:30:00+01:00")
        document["claims"][0]["review"] = {
            "verdict": "Mostly true",
            "rating": 1,
            "best_rating": 5,
            "worst_rating": 1,
            "reviewer": "paper",
        }
        assert [] == validate(document)

    def test_modified_equal_to_published_is_fine(self) -> None:
        """The same instant written with two offsets is not "before"."""
        document = small()
        document["date_modified"] = "2021-08-19T09:00:00Z"
        assert [] == validate(document)

    def test_unused_attribution_and_source_are_warnings(self) -> None:
        """Unused attributions and unnamed sources are worth knowing but not invalid."""
        document = small()
        document["claims"] = []
        problems = validate(document)
        assert {("unused-attribution", "/attributions/1")} == found(problems)
        assert [Severity.WARNING] == [p.severity for p in problems]
        assert () == newsarticle.loads(text(document)).claims
        del document["attributions"][1]
        assert {("unused-source", "/unnamed_sources/0")} == found(validate(document))

    def test_integrity_runs_even_when_the_schema_fails(self) -> None:
        """One run reports a wrong type and a dangling reference together."""
        document = small()
        document["headline"] = 7
        document["publisher"] = "nobody"
        assert {("schema-type", "/headline"), ("unresolved-reference", "/publisher")} <= found(
            validate(document)
        )


class TestSyntaxLayer:
    @pytest.mark.parametrize(
        ("data", "code", "line", "column"),
        [
            (b'{"id": "x",\n "id": "y"}', "json-duplicate-key", 2, 2),
            (b'{"a": NaN}', "json-constant", 1, 7),
            (b'{\n  "a": -Infinity}', "json-constant", 2, 8),
            (b'{"a": 1e400}', "json-number-range", 1, 7),
            (b'{"a": "\xc3\x28"}', "json-encoding", 1, 8),
            (b"\xff\xfe{\x00}\x00", "json-encoding", 1, 1),
            (b"", "json-empty", 1, 1),
            (b"  \n ", "json-empty", 1, 1),
            (b'{"headline": "cut', "json-syntax", 1, 14),
            (b"[1, 2]", "json-not-object", 1, 1),
            (b"[" * 100_000, "json-depth", 1, 257),
        ],
    )
    def test_bad_json_text_is_one_located_problem(
        self, data: bytes, code: str, line: int, column: int
    ) -> None:
        """Text that is not a JSON object we accept gives one error with its line and column."""
        problems = validate(data)
        assert [(code, line, column)] == [(p.code, p.line, p.column) for p in problems]

    def test_byte_order_mark_is_accepted_with_a_warning(self) -> None:
        """A UTF-8 BOM is ignored (RFC 8259 allows it) and reported as a warning."""
        data = b"\xef\xbb\xbf" + text(small()).encode()
        problems = validate(data)
        assert [("json-bom", Severity.WARNING)] == [(p.code, p.severity) for p in problems]
        assert "story" == newsarticle.loads(data).id


class TestPositions:
    def test_problems_carry_line_and_column_of_the_value(self) -> None:
        """A problem found in text points at the key of the offending member."""
        document = small()
        document["people"][1]["name"] = 5
        source = text(document)
        (problem,) = validate(source)
        assert problem.line is not None
        assert problem.column is not None
        line = source.splitlines()[problem.line - 1]
        assert line[problem.column - 1 :].startswith('"name": 5')

    def test_problems_are_in_document_order(self) -> None:
        """Problems found in text come out sorted by position."""
        document = small()
        document["headline"] = 1
        document["claims"][0]["about"] = ["nobody"]
        document["people"][0]["name"] = 2
        positions = [(p.line or 0, p.column or 0) for p in validate(text(document))]
        assert sorted(positions) == positions

    def test_parsed_documents_have_no_positions(self) -> None:
        """A document given as a value has pointers but no line or column."""
        document = small()
        document["headline"] = 1
        assert [(None, None)] == [(p.line, p.column) for p in validate(document)]


class TestLoads:
    def test_loads_raises_with_every_problem(self) -> None:
        """loads raises one InvalidArticleError carrying all problems, and it is a ValueError."""
        document = small()
        document["headline"] = 1
        document["publisher"] = "nobody"
        with pytest.raises(ValueError, match="error") as caught:
            newsarticle.loads(text(document))
        assert isinstance(caught.value, InvalidArticleError)
        assert {"schema-type", "unresolved-reference"} == {p.code for p in caught.value.problems}

    def test_validate_accepts_an_article_object(self) -> None:
        """A built Article can be validated for integrity directly."""
        built = newsarticle.loads(text(small()))
        assert [] == validate(built)
        broken = type(built)(**{**_fields(built), "publisher": "ghost"})
        assert ("unresolved-reference", "/publisher") in found(validate(broken))

    def test_validation_does_not_change_the_input(self) -> None:
        """validate reads a parsed document without modifying it."""
        document = small()
        before = copy.deepcopy(document)
        validate(document)
        assert before == document


def _fields(built: newsarticle.Article) -> dict[str, Any]:
    import attrs

    return {field.name: getattr(built, field.name) for field in attrs.fields(type(built))}


@pytest.mark.parametrize(
    "headline", [" ", "\u00a0", "\u3000", "\u200b"], ids=["space", "nbsp", "ideographic", "zwsp"]
)
def test_a_headline_with_no_visible_character_is_an_error_at_headline(
    headline: str, tmp_path: Any
) -> None:
    """A headline of only a space, a no-break space (U+00A0), an ideographic space (U+3000) or
    a zero-width space (U+200B) holds no visible character: ``check`` gives no article and an
    error at /headline, ``validate`` gives that error, and the CLI's ``validate`` exits 1."""
    from newsarticle.cli import run

    document = small()
    document["headline"] = headline
    article, problems = newsarticle.check(text(document))
    assert (None, [("/headline", Severity.ERROR)]) == (
        article,
        [(p.path, p.severity) for p in problems],
    )
    errors = [p.path for p in validate(text(document)) if p.severity is Severity.ERROR]
    assert ["/headline"] == errors
    path = tmp_path / "blank.json"
    path.write_text(text(document), encoding="utf-8")
    stdout, stderr = io.StringIO(), io.StringIO()
    status = run(["validate", str(path)], stdout=stdout, stderr=stderr)
    assert (1, True) == (status, "(/headline)" in stdout.getvalue())
