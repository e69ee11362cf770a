"""IPTC ninjs: every article exports to a ninjs 3.1 document IPTC's schema accepts, formats
checked; the reader reads IPTC's example documents and test suites, bad input of any kind
without an exception; and ``read_ninjs(to_ninjs(a))`` keeps every field ninjs can carry.

IPTC's schemas, examples and suites are read from ``../shared/vendor/ninjs`` (or
``$NEWSARTICLE_NINJS_DIR``); the tests that need them skip, saying why, when it is absent.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsarticle
from newsarticle import Article, InvalidArticleError, InvalidValueError, Problem
from newsarticle._errors import CODES
from newsarticle._export._ninjs import (
    NINJS_SCHEMA_FILE,
    NINJS_SCHEMA_ID,
    NinjsRenderer,
    ninjs_schema,
    ninjs_validator,
    to_ninjs,
)
from newsarticle._import._ninjs import read_ninjs
from newsarticle._model import Access, Paragraph, ParagraphRole, Policies
from newsarticle.testing import articles

ROOT = Path(__file__).resolve().parent.parent
VENDOR = Path(
    os.environ.get("NEWSARTICLE_NINJS_DIR") or ROOT.parent / "shared" / "vendor" / "ninjs"
)
UPSTREAM = VENDOR / "upstream"
needs_vendor = pytest.mark.skipif(
    not (VENDOR / "schemas").is_dir(),
    reason=f"IPTC's ninjs schemas, examples and suites are not at {VENDOR} "
    "(set NEWSARTICLE_NINJS_DIR to their folder)",
)
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))


def _files(*folders: str) -> list[Path]:
    if not UPSTREAM.is_dir():
        return []
    return sorted(p for folder in folders for p in (UPSTREAM / folder).rglob("*.json"))


def _ids(paths: list[Path]) -> list[str]:
    return [str(p.relative_to(UPSTREAM)) for p in paths]


@functools.cache
def validator() -> Any:
    """IPTC's 3.1 schema as the package ships it, formats checked, with geojson.org's GeoJSON
    schema from the vendored folder when it is there (else the library's stand-in)."""
    geojson = VENDOR / "schemas" / "GeoJSON-schema.json"
    if geojson.is_file():
        return ninjs_validator(json.loads(geojson.read_text(encoding="utf-8")))
    return ninjs_validator()


def schema_errors(document: Any) -> list[str]:
    return [f"{e.json_path}: {e.message}" for e in validator().iter_errors(document)]


def codes(problems: list[Problem]) -> list[str]:
    return [p.code for p in problems]


def example() -> Article:
    return newsarticle.load(ROOT / "examples" / "panjshir.json")


# --- the schema ------------------------------------------------------------------------------


@needs_vendor
def test_shipped_schema_is_iptcs_31_file_byte_for_byte() -> None:
    """The schema in the package is IPTC's ninjs 3.1 schema file, unchanged."""
    shipped = ROOT / "src" / "newsarticle" / "schemas" / NINJS_SCHEMA_FILE
    assert (VENDOR / "schemas" / "ninjs-schema_3.1.json").read_bytes() == shipped.read_bytes()


def test_shipped_schema_is_ninjs_31_in_draft_2020_12() -> None:
    schema = ninjs_schema()
    assert NINJS_SCHEMA_ID == schema["$id"]
    assert "https://json-schema.org/draft/2020-12/schema" == schema["$schema"]


def test_the_formats_the_schema_uses_are_checked() -> None:
    """date-time and uri are the only formats of the schema, and the validator refuses what
    breaks them (jsonschema skips formats whose checker packages are missing)."""
    used: set[str] = set()
    stack: list[Any] = [ninjs_schema()]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            if isinstance(node.get("format"), str):
                used.add(node["format"])
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    assert {"date-time", "uri"} == used
    check = ninjs_validator()
    assert check.is_valid({"uri": "urn:newsarticle:a", "firstCreated": "2021-08-18T15:26:00Z"})
    assert not check.is_valid({"uri": "renditions-example"})
    assert not check.is_valid({"uri": "http://a.example/", "firstCreated": "2021-02-30T00:00:00Z"})
    assert not check.is_valid({"uri": "http://a.example/", "versionCreated": "2021-02-03T10:00"})


# --- the export ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_articles_export_to_ninjs_iptcs_schema_accepts(path: Path) -> None:
    assert [] == schema_errors(to_ninjs(newsarticle.load(path)))


@given(articles())
def test_generated_articles_export_to_ninjs_iptcs_schema_accepts(article: Article) -> None:
    assert [] == schema_errors(to_ninjs(article))


def test_uri_is_the_url_else_a_urn_of_the_id() -> None:
    article = example()
    assert article.url is None
    assert f"urn:newsarticle:{article.id}" == to_ninjs(article)["uri"]
    published = attrs.evolve(article, url="https://news.example.com/panjshir")
    assert "https://news.example.com/panjshir" == to_ninjs(published)["uri"]
    own = NinjsRenderer(uri_prefix="tag:example.com,2025:articles/")(article)
    assert f"tag:example.com,2025:articles/{article.id}" == own["uri"]
    assert [] == schema_errors(own)
    assert {"role": "newsarticle-id", "value": article.id} in to_ninjs(published)["altIds"]


@pytest.mark.parametrize("prefix", ["", "1abc:", "no scheme/", "urn:a b:", 3])
def test_a_prefix_that_makes_no_uri_of_an_id_is_refused(prefix: Any) -> None:
    with pytest.raises(InvalidValueError, match="uri_prefix"):
        NinjsRenderer(uri_prefix=prefix)


def test_first_created_is_date_published_and_version_created_the_last_change() -> None:
    base = example()
    published = dt.datetime(2021, 8, 18, 15, 26, tzinfo=dt.UTC)
    modified = dt.datetime(2021, 8, 19, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    both = to_ninjs(attrs.evolve(base, date_published=published, date_modified=modified))
    assert ("2021-08-18T15:26:00Z", "2021-08-19T09:00:00+02:00") == (
        both["firstCreated"],
        both["versionCreated"],
    )
    never_modified = to_ninjs(attrs.evolve(base, date_published=published, date_modified=None))
    assert "2021-08-18T15:26:00Z" == never_modified["versionCreated"]
    draft = to_ninjs(attrs.evolve(base, date_published=None, date_modified=None))
    assert "firstCreated" not in draft
    assert "versionCreated" not in draft


def test_authors_are_info_sources_in_byline_order_and_the_publisher_one_too() -> None:
    article = example()
    document = to_ninjs(article)
    sources = [(s["literal"], s["role"]) for s in document["infoSources"]]
    assert [*((i, "author") for i in article.authors), (article.publisher, "publisher")] == sources
    names = [e.name for e in article.organizations if e.id in article.authors]
    assert ", ".join(names) == document["by"]


def test_the_html_body_escapes_the_text_and_marks_paragraphs() -> None:
    paragraphs = (
        Paragraph(id="a", text='<script>alert(1)</script> & "co"\nnext line'),
        Paragraph(id="b", text="Subhead", role=ParagraphRole.HEADING),
        Paragraph(id="c", text="Behind the wall", access=Access.SUBSCRIBERS),
        Paragraph(id="d", text="A box", role=ParagraphRole.ASIDE),
    )
    article = Article(id="x", headline="H", language="en", paragraphs=paragraphs, speakable=("a",))
    plain, html = to_ninjs(article)["bodies"]
    assert "\n\n".join(p.text for p in paragraphs) == plain["value"]
    assert (
        '<p class="speakable">&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;co&quot;<br>\n'
        "next line</p>\n<h2>Subhead</h2>\n"
        '<p class="paywalled">Behind the wall</p>\n<aside>\n<p>A box</p>\n</aside>'
    ) == html["value"]
    back, problems = read_ninjs(to_ninjs(article))
    assert [] == problems
    assert back is not None
    assert [(p.text, p.role, p.access) for p in paragraphs] == [
        (p.text, p.role, p.access) for p in back.paragraphs
    ]
    assert (back.paragraphs[0].id,) == back.speakable


def test_no_unnamed_source_appears_in_the_ninjs() -> None:
    """An unnamed source's id, kind and identity are in no export, and its description only
    where the article's own text says it (the body)."""
    for path in EXAMPLES:
        article = newsarticle.load(path)
        document = to_ninjs(article)
        text = json.dumps(document, ensure_ascii=False)
        outside = json.dumps({**document, "bodies": []}, ensure_ascii=False)
        assert article.unnamed_sources
        for source in article.unnamed_sources:
            assert source.id not in text
            assert source.identity is None or source.identity not in text
            assert source.description not in outside
            assert source.kind is None or f'"{source.kind.value}"' not in text


def test_the_exporter_refuses_what_is_no_valid_article() -> None:
    with pytest.raises(TypeError, match="Article"):
        to_ninjs({"headline": "a dict"})  # type: ignore[arg-type]
    broken = attrs.evolve(example(), authors=("nobody",))
    with pytest.raises(InvalidArticleError):
        to_ninjs(broken)
    with pytest.raises(InvalidArticleError):
        NinjsRenderer()(broken)


# --- the round trip --------------------------------------------------------------------------


def carried(article: Article) -> dict[str, Any]:
    """What of an article ninjs carries (docs/ninjs.md, "The round trip"): about and the
    content locations as sets (people, organisations and places are separate arrays),
    paragraphs without their ids (made anew), speakable paragraphs by position, entities by id
    with their name, url, first same_as and geo, the publisher's policies; ``date_modified``
    equal to ``date_published`` means never modified."""
    publisher = next((o for o in article.organizations if o.id == article.publisher), None)
    policies = publisher.policies if publisher is not None else None
    entities = {
        e.id: (type(e).__name__, e.name, e.url, e.same_as[:1], getattr(e, "geo", None))
        for e in (*article.people, *article.organizations, *article.places)
    }
    modified = article.date_modified
    return {
        "id": article.id,
        "headline": article.headline,
        "alternative_headline": article.alternative_headline,
        "standfirst": article.standfirst,
        "language": article.language,
        "url": article.url,
        "genre": article.genre,
        "section": article.section,
        "keywords": article.keywords,
        "dateline": article.dateline,
        "date_published": article.date_published,
        "date_modified": None if modified == article.date_published else modified,
        "authors": article.authors,
        "publisher": article.publisher,
        "about": set(article.about),
        "content_locations": set(article.content_locations),
        "paragraphs": [(p.text, p.role, p.access) for p in article.paragraphs],
        "speakable": {i for i, p in enumerate(article.paragraphs) if p.id in article.speakable},
        "images": article.images,
        "entities": entities,
        "policies": None if policies == Policies() else policies,
        "publishing_principles": article.publishing_principles,
    }


def round_trip(article: Article) -> Article:
    text = json.dumps(to_ninjs(article), ensure_ascii=False, indent=2)
    back, problems = read_ninjs(text)
    assert [] == [str(p) for p in problems]
    assert back is not None
    return back


@given(articles())
def test_read_ninjs_of_to_ninjs_keeps_every_field_ninjs_carries(article: Article) -> None:
    """With no problem at all: every field ninjs carries, as it was."""
    assert carried(article) == carried(round_trip(article))


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_articles_come_back_from_ninjs(path: Path) -> None:
    article = newsarticle.load(path)
    for url in (None, "https://news.example.com/2021/08/panjshir"):
        published = attrs.evolve(article, url=url)
        assert carried(published) == carried(round_trip(published))


# --- IPTC's documents ------------------------------------------------------------------------


def is_text_item(document: Any) -> bool:
    """Whether a ninjs document is an article by the reader's rule: an object of type text or
    composite (or no type) with a headlines entry that has a value."""
    if not isinstance(document, dict):
        return False
    if document.get("type", "text") not in ("text", "composite"):
        return False
    headlines = document.get("headlines")
    return isinstance(headlines, list) and any(
        isinstance(h, dict) and isinstance(h.get("value"), str) and h["value"].strip()
        for h in headlines
    )


NO_ARTICLE = {"ninjs-not-article", "import-no-headline", "json-not-object"}
OFFICIAL_3 = _files("doc-examples/3.1", "doc-examples/not-valid", "examples/3.0")
OFFICIAL_2 = _files("doc-examples/2.2", "examples/2.1")


@needs_vendor
@pytest.mark.parametrize("path", OFFICIAL_3 + OFFICIAL_2, ids=_ids(OFFICIAL_3 + OFFICIAL_2))
def test_iptcs_example_documents_import_or_say_why_not(path: Path) -> None:
    """A text item imports as a valid article with no error, and exports again to ninjs the
    schema accepts; any other document gives no article and an error naming why."""
    data = path.read_bytes()
    article, problems = read_ninjs(data)
    errors = [p for p in problems if p.is_error]
    assert all(p.line is not None for p in problems)
    if is_text_item(json.loads(data)):
        assert article is not None, [str(p) for p in problems]
        assert [] == errors
        assert [] == schema_errors(to_ninjs(article))
    else:
        assert article is None
        assert errors
        assert {p.code for p in errors} <= NO_ARTICLE


@needs_vendor
def test_iptcs_text_examples_are_read_whole() -> None:
    """The complex text article: its headline, language, date, dateline, byline, the people
    and places it names, and its four paragraphs (the HTML body's, the plain one agreeing)."""
    path = UPSTREAM / "doc-examples" / "3.1" / "005_complex_text_article.json"
    article, problems = read_ninjs(path.read_bytes())
    assert article is not None
    assert "Captain of wrecked cruise ship on trial in Italy" == article.headline
    assert ("en", "Grossetto, Italy") == (article.language, article.dateline)
    assert dt.datetime(2013, 7, 9, 10, 37, tzinfo=dt.UTC) == article.date_modified
    # The byline cannot be split for certain ("d'Emilio" is not capitalized): one author.
    byline = "Paulo Santalucia and Frances d'Emilio"
    assert ["Francesco Schettino", byline] == [p.name for p in article.people]
    assert (article.people[1].id,) == article.authors
    assert ("http://www.wikidata.org/entity/Q4421821",) == article.people[0].same_as
    assert (article.people[0].id,) == article.about
    assert ["Grossetto", "Tuscany", "Italy"] == [p.name for p in article.places]
    assert 4 == len(article.paragraphs)
    assert article.paragraphs[0].text.startswith("GROSSETO, Italy (AP) -- The trial")
    assert ["import-author-unclear", "import-dropped", "import-dropped"] == sorted(codes(problems))


SHOULD_PASS = _files("test_suite/2.0/should_pass", "test_suite/2.1/should_pass") + _files(
    "test_suite/2.2/should_pass", "test_suite/3.0/should_pass", "test_suite/3.1/should_pass"
)


#: IPTC's valid documents whose ``uri`` is no URI ("006_genre"): the 2.0 suite was checked
#: without formats (its schema is draft-04's, where they are annotations).  Saying no version
#: and spelled as both versions spell, they are read as 3.x, and the 3.1 schema's uri format,
#: checked, is broken.
NO_URI = {
    "test_suite/2.0/should_pass/003_schema_only.json",
    "test_suite/2.0/should_pass/006_genre.json",
}


@needs_vendor
@pytest.mark.parametrize("path", SHOULD_PASS, ids=_ids(SHOULD_PASS))
def test_iptcs_valid_documents_are_valid_to_the_reader(path: Path) -> None:
    """What IPTC's suites say is valid ninjs gives no ninjs-schema or ninjs-version problem
    (but the uri of two 2.0 documents, see NO_URI).  Most are not articles (events,
    planning, pictures, items without a headline): those give the error that says so; the
    text items import with no error."""
    data = path.read_bytes()
    article, problems = read_ninjs(data)
    said = {(p.code, p.path) for p in problems if p.code in ("ninjs-schema", "ninjs-version")}
    expected = {("ninjs-schema", "/uri")} if str(path.relative_to(UPSTREAM)) in NO_URI else set()
    assert expected == said
    if is_text_item(json.loads(data)):
        assert article is not None
        assert [] == [str(p) for p in problems if p.is_error]
    else:
        assert article is None
        assert {p.code for p in problems if p.is_error} <= NO_ARTICLE


#: Where each of IPTC's invalid documents is invalid: the pointer of a problem the reader
#: must report there.  The documents of the 3.x suites that are read as 3.x get a
#: ninjs-schema warning; those written in 2.x spelling (two of the 3.0 suite) and those of
#: the 2.x suites (no 2.x schema ships) a problem of what is read.  One names another cause:
#: the bad GeoJSON of 2.0 and 3.0's 001_bad_geojson is in a picture item, which is no article,
#: and the reader stops there.
SHOULD_FAIL = {
    "test_suite/2.0/should_fail/001_bad_geojson.json": ("ninjs-not-article", "/type"),
    "test_suite/2.0/should_fail/001_bad_toplevel.json": ("ninjs-schema", "/random"),
    "test_suite/2.0/should_fail/002_bad_association.json": ("import-dropped", "/associations/0"),
    "test_suite/2.1/should_fail/001_bad_association.json": ("import-dropped", "/associations/0"),
    "test_suite/2.1/should_fail/002_good_association_but_no_name.json": (
        "import-dropped",
        "/associations/0",
    ),
    "test_suite/2.1/should_fail/003_good_association_but_no_uri.json": (
        "import-dropped",
        "/associations/0",
    ),
    "test_suite/2.1/should_fail/004_bad_rights.json": ("import-dropped", "/rightsinfo"),
    "test_suite/2.2/should_fail/001_bad_digital_source.json": (
        "import-dropped",
        "/digitalsourcetype",
    ),
    "test_suite/3.0/should_fail/001_bad_geojson.json": ("ninjs-not-article", "/type"),
    "test_suite/3.0/should_fail/001_bad_toplevel.json": ("ninjs-schema", "/random"),
    "test_suite/3.0/should_fail/002_bad_association.json": ("import-dropped", "/associations/0"),
    "test_suite/3.0/should_fail/003_event_with_conflicting_start.json": (
        "ninjs-schema",
        "/eventDetails/dates",
    ),
    "test_suite/3.0/should_fail/004_event_with_renditions.json": (
        "ninjs-schema",
        "/eventDetails/dates",
    ),
    "test_suite/3.0/should_fail/004_invalid_truncated_date.json": (
        "ninjs-schema",
        "/eventDetails/dates/expectedStartDate",
    ),
    "test_suite/3.0/should_fail/005_planned_coverage_bad_urgency.json": (
        "ninjs-schema",
        "/plannedCoverage/0/urgency",
    ),
    "test_suite/3.0/should_fail/006_bad_urgency.json": ("ninjs-schema", "/urgency"),
    "test_suite/3.1/should_fail/001_bad_digital_source.json": (
        "ninjs-schema",
        "/digitalSourceType",
    ),
}
FAILING = _files(*(f"test_suite/{v}/should_fail" for v in ("2.0", "2.1", "2.2", "3.0", "3.1")))


@needs_vendor
@pytest.mark.parametrize("path", FAILING, ids=_ids(FAILING))
def test_iptcs_invalid_documents_give_a_problem_where_they_are_invalid(path: Path) -> None:
    name = str(path.relative_to(UPSTREAM))
    assert name in SHOULD_FAIL, f"a new document of IPTC's suites: say where {name} fails"
    _, problems = read_ninjs(path.read_bytes())
    assert SHOULD_FAIL[name] in {(p.code, p.path) for p in problems}, [str(p) for p in problems]


# --- versions --------------------------------------------------------------------------------


def item(**extra: Any) -> dict[str, Any]:
    return {"uri": "https://news.example.com/a", "headlines": [{"value": "A headline"}], **extra}


def test_a_2x_item_is_read_in_its_own_spelling() -> None:
    document = item(
        versioncreated="2013-07-09T10:37:00Z",
        firstcreated="2013-07-09T10:00:00Z",
        infosources=[{"name": "The News Agency", "role": "publisher"}],
        trustindicators=[
            {
                "role": "http://cv.iptc.org/newscodes/trustindicator/correctionsPolicy",
                "href": "https://news.example.com/corrections",
            }
        ],
        altids=[{"role": "newsarticle-id", "value": "a-1"}],
        bodies=[{"contenttype": "text/plain", "value": "One.\n\nTwo."}],
        language="en",
    )
    article, problems = read_ninjs(document)
    assert [] == [str(p) for p in problems]
    assert article is not None
    assert "a-1" == article.id
    assert dt.datetime(2013, 7, 9, 10, tzinfo=dt.UTC) == article.date_published
    assert ["One.", "Two."] == [p.text for p in article.paragraphs]
    assert "The News Agency" == article.organizations[0].name
    assert article.publisher == article.organizations[0].id
    policies = article.organizations[0].policies
    assert policies is not None
    assert "https://news.example.com/corrections" == policies.corrections


def test_a_version_the_spelling_contradicts_is_said_and_the_spelling_wins() -> None:
    document = item(
        standard={"name": "ninjs", "version": "2.2"}, versionCreated="2020-01-01T00:00:00Z"
    )
    article, problems = read_ninjs(json.dumps(document))
    said = [p for p in problems if p.code.startswith("ninjs")]
    assert [("ninjs-version", "/standard/version")] == [(p.code, p.path) for p in said]
    assert article is not None
    assert article.date_modified is not None


def test_mixed_spellings_and_unknown_versions_are_said() -> None:
    mixed = item(versionCreated="2020-01-01T00:00:00Z", firstcreated="2019-01-01T00:00:00Z")
    article, problems = read_ninjs(mixed)
    assert article is not None
    assert article.date_published is not None
    assert article.date_modified is not None
    assert codes(problems).count("ninjs-version") == 2  # the mixture, and the 2.x key
    _, old = read_ninjs(item(standard={"name": "ninjs", "version": "1.5"}))
    assert "ninjs-version" in codes(old)
    _, other = read_ninjs(item(standard={"name": "newsml", "version": "3.0"}))
    assert "ninjs-version" in codes(other)


def test_a_3x_item_that_breaks_iptcs_schema_is_read_with_warnings_where_it_breaks() -> None:
    text = json.dumps(item(urgency=12, firstCreated="yesterday", random=1), indent=2)
    article, problems = read_ninjs(text)
    assert article is not None
    lines = text.splitlines()

    def line_of(key: str) -> int:
        return next(n for n, line in enumerate(lines, 1) if line.strip().startswith(f'"{key}"'))

    schema = {(p.path, p.line) for p in problems if p.code == "ninjs-schema"}
    expected = {(f"/{key}", line_of(key)) for key in ("urgency", "firstCreated", "random")}
    assert expected == schema
    assert ("import-date-unreadable", "/firstCreated") in {(p.code, p.path) for p in problems}


def test_items_that_are_no_text_give_no_article() -> None:
    article, problems = read_ninjs(item(type="picture"))
    assert article is None
    assert ["ninjs-not-article"] == codes(problems)
    article, problems = read_ninjs({"uri": "https://news.example.com/a", "type": "text"})
    assert article is None
    assert "import-no-headline" in codes(problems)


def test_dates_without_a_zone_are_dropped_unless_one_is_named() -> None:
    document = item(versionCreated="2021-01-01T10:00:00")
    article, problems = read_ninjs(document)
    assert article is not None
    assert article.date_modified is None
    assert "import-date-no-timezone" in codes(problems)
    zone = dt.timezone(dt.timedelta(hours=1))
    article, _ = read_ninjs(document, assume_timezone=zone)
    assert article is not None
    assert dt.datetime(2021, 1, 1, 10, tzinfo=zone) == article.date_modified


def test_what_the_model_cannot_hold_is_named() -> None:
    document = item(
        urgency=3,
        pubStatus="usable",
        people=[{"name": "Jo Doe", "contactInfo": [{"type": "phone", "value": "+1 555"}]}],
        subjects=[{"name": "Politics", "uri": "http://cv.iptc.org/newscodes/mediatopic/11000000"}],
    )
    article, problems = read_ninjs(document)
    assert article is not None
    assert ("Politics",) == article.keywords
    dropped = {p.path for p in problems if p.code == "import-dropped"}
    assert {"/urgency", "/pubStatus", "/people/0/contactInfo/0", "/subjects/0/uri"} == dropped


def test_a_byline_alone_gives_the_authors() -> None:
    article, problems = read_ninjs(item(by="By Jane Doe and John Roe", language="en"))
    assert article is not None
    assert ["Jane Doe", "John Roe"] == [p.name for p in article.people]
    assert tuple(p.id for p in article.people) == article.authors
    assert ["import-author-split"] == codes(problems)


# --- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "json-empty"),
        (b"{", "json-syntax"),
        ("not json", "json-syntax"),
        (b'{"uri": "\xff"}', "json-encoding"),
        ('{"uri": "a", "uri": "b"}', "json-duplicate-key"),
        ('{"uri": NaN}', "json-constant"),
        ("[1, 2]", "json-not-object"),
        ('"a string"', "json-not-object"),
        ('{"a": ' + "[" * 300 + "]" * 300 + "}", "json-depth"),
        ('{"a": ' + "[" * 100_000 + "]" * 100_000 + "}", "json-depth"),
        ({"uri": {1, 2}}, "page-json-value"),
        ({1: "a"}, "page-json-value"),
        ({"uri": float("nan")}, "page-json-value"),
        ([{"uri": "a"}], "json-not-object"),
        (None, "json-not-object"),
    ],
)
def test_bad_input_gives_problems_never_an_exception(data: Any, code: str) -> None:
    article, problems = read_ninjs(data)
    assert article is None
    assert code in codes(problems)
    assert all(p.code in CODES for p in problems)


def test_a_value_nested_too_deep_given_parsed_is_refused() -> None:
    value: Any = {}
    for _ in range(300):
        value = {"associations": [value]}
    article, problems = read_ninjs(value)
    assert article is None
    assert ["page-json-depth"] == codes(problems)


def test_text_beyond_the_size_limit_is_not_read() -> None:
    text = json.dumps(item(edNote="x" * 2000))
    article, problems = read_ninjs(text, max_size=1000)
    assert article is None
    assert ["ninjs-too-large"] == codes(problems)
    big = b'{"uri": "urn:a", "edNote": "' + b"x" * (16 * 1024 * 1024) + b'"}'
    assert ["ninjs-too-large"] == codes(read_ninjs(big)[1])


#: Every property name of ninjs, in both spellings, and a few that are none.
NAMES = sorted(
    {
        name
        for node in [ninjs_schema()]
        for name in json.dumps(node).split('"')
        if name.isidentifier()
    }
    | {"geojson", "versioncreated", "contenttype", "altids", "infosources", "random"}
)
JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**20), max_value=10**400)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
    | st.sampled_from(["text", "picture", "Point", "web", "author", "publisher", "main"])
    | st.sampled_from(["https://a.example/x", "urn:newsarticle:a", "2021-01-01T00:00:00Z"]),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(NAMES) | st.text(max_size=6), inner, max_size=5)
    ),
    max_leaves=40,
)


@given(st.dictionaries(st.sampled_from(NAMES), JSON, max_size=12))
def test_any_json_object_of_ninjs_names_is_read_without_an_exception(value: Any) -> None:
    """Wrong types anywhere: problems, never an exception; an article, when there is one, is
    valid and exports to ninjs the schema accepts."""
    article, problems = read_ninjs(value)
    assert all(p.code in CODES for p in problems)
    assert all("\n" not in p.message and len(p.message) < 600 for p in problems)
    if article is not None:
        assert [] == [
            str(p) for p in newsarticle.validate(newsarticle.dumps(article)) if p.is_error
        ]
        assert [] == schema_errors(to_ninjs(article))
    assert read_ninjs(json.dumps(value))[0] == article


def _replace(value: Any, path: list[int], new: Any) -> Any:
    """``value`` with the leaf or branch ``path`` picks (indices taken modulo) made ``new``."""
    if not path or not isinstance(value, dict | list) or not value:
        return new
    if isinstance(value, dict):
        key = list(value)[path[0] % len(value)]
        return {**value, key: _replace(value[key], path[1:], new)}
    index = path[0] % len(value)
    return [*value[:index], _replace(value[index], path[1:], new), *value[index + 1 :]]


@given(articles(), st.lists(st.integers(min_value=0), min_size=1, max_size=5), JSON)
def test_an_export_broken_anywhere_is_read_without_an_exception(
    article: Article, path: list[int], new: Any
) -> None:
    broken = _replace(to_ninjs(article), path, new)
    back, problems = read_ninjs(broken)
    assert all(p.code in CODES for p in problems)
    if back is not None:
        assert [] == schema_errors(to_ninjs(back))


# --- the documentation -----------------------------------------------------------------------


def test_docs_say_what_becomes_of_every_article_field() -> None:
    """docs/ninjs.md names each field of Article and of Policies: in the map, or among what
    ninjs cannot carry."""
    text = (ROOT / "docs" / "ninjs.md").read_text(encoding="utf-8")
    missing = [
        f"{cls.__name__}.{field.name}"
        for cls in (Article, Policies)
        for field in attrs.fields(cls)
        if field.name not in text and field.name.replace("_", " ") not in text
    ]
    assert [] == missing


def test_every_ninjs_code_is_documented_in_the_ninjs_section() -> None:
    section = (
        (ROOT / "docs" / "problems.md")
        .read_text(encoding="utf-8")
        .partition("## Importing ninjs")[2]
    )
    assert section
    for code in CODES:
        if code.startswith("ninjs-"):
            assert f"`{code}`" in section
