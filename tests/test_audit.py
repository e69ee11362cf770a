"""The audit of a page's JSON-LD (``newsarticle._audit.audit_page``): every check on a small
crafted page, the positions of its findings, the project's own markup audited clean of errors,
and a run over the real-world set (../shared/realworld, skipped when absent)."""

from __future__ import annotations

import copy
import gzip
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

import newsarticle
from helpers_export import example
from newsarticle import Article
from newsarticle._audit import audit_page
from newsarticle._errors import CODES, Problem, Severity
from newsarticle._import._page import read_blocks, read_page
from newsarticle.testing import articles
from test_conformance import full_example

ROOT = Path(__file__).resolve().parent.parent
REALWORLD = ROOT.parent / "shared" / "realworld"
SCRIPT = '<script type="application/ld+json">'

Node = dict[str, Any]


def html_page(*blocks: str, head: str = "") -> str:
    """A minimal HTML page with ``blocks`` as its ld+json scripts, one a line."""
    scripts = "".join(f"{SCRIPT}{block}</script>\n" for block in blocks)
    return f"<!DOCTYPE html>\n<html><head>{head}\n{scripts}</head><body></body></html>\n"


def audit_html(*nodes: Any, head: str = "") -> list[Problem]:
    """The audit of a page whose blocks are ``nodes`` (JSON values, or texts as they stand)."""
    texts = [n if isinstance(n, str) else json.dumps(n, indent=2) for n in nodes]
    return audit_page(read_page(html_page(*texts, head=head)))


def found(problems: list[Problem]) -> list[tuple[str, str]]:
    """Each problem as (code, pointer)."""
    return [(p.code, p.path) for p in problems]


def article() -> Node:
    """An article node that follows all the guidance: it audits with no finding at all."""
    return {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": "https://example.com/news/1#article",
        "url": "https://example.com/news/1",
        "headline": "Rain falls on the plain",
        "image": {
            "@type": "ImageObject",
            "url": "https://example.com/rain.jpg",
            "width": 1200,
            "height": 675,
        },
        "datePublished": "2024-01-05T08:00:00+08:00",
        "dateModified": "2024-01-05T09:20:00+08:00",
        "author": [
            {
                "@type": "Person",
                "name": "Jane Doe",
                "url": "https://example.com/profile/jane",
            }
        ],
        "publisher": {"@type": "NewsMediaOrganization", "name": "Example News"},
    }


def changed(change: Callable[[Node], object]) -> Node:
    node = copy.deepcopy(article())
    change(node)
    return node


def test_the_model_article_audits_clean() -> None:
    """The article every other test changes in one way has no finding at all."""
    assert [] == audit_html(
        article(), head='<link rel="canonical" href="https://example.com/news/1">'
    )


def _set(key: str, value: Any) -> Callable[[Node], object]:
    return lambda node: node.update({key: value})


def _drop(key: str) -> Callable[[Node], object]:
    return lambda node: node.pop(key)


def _author(key: str, value: Any) -> Callable[[Node], object]:
    return lambda node: node["author"][0].update({key: value})


def _author_drop(key: str) -> Callable[[Node], object]:
    return lambda node: node["author"][0].pop(key)


def _image(key: str, value: Any) -> Callable[[Node], object]:
    return lambda node: node["image"].update({key: value})


PAYWALL = {"@type": "WebPageElement", "isAccessibleForFree": False, "cssSelector": ".paywall"}

# (change, code, pointer): one change of the model article, the one finding it gives.
CHECKS: list[tuple[str, Callable[[Node], object], str, str]] = [
    ("no-context", _drop("@context"), "audit-context", ""),
    ("other-context", _set("@context", "https://example.com/vocab"), "audit-context", "/@context"),
    (
        "vocab-without-slash",
        _set("@context", {"@vocab": "http://schema.org"}),
        "audit-context",
        "/@context",
    ),
    ("unknown-type", _image("@type", "ImageObjekt"), "audit-unknown-type", "/image/@type"),
    ("unknown-author-type", _author("@type", "Persn"), "audit-unknown-type", "/author/0/@type"),
    ("unknown-property", _set("headLine", "x"), "audit-unknown-property", "/headLine"),
    ("keyword-without-at", _set("type", "NewsArticle"), "audit-unknown-property", "/type"),
    (
        "superseded",
        _author("colleagues", "https://example.com/p/2"),
        "audit-superseded",
        "/author/0/colleagues",
    ),
    ("domain", _set("logo", "https://example.com/logo.png"), "audit-domain", "/logo"),
    ("number-author", _set("author", 7), "audit-range", "/author"),
    ("place-author", _set("author", {"@type": "Place", "name": "Kabul"}), "audit-range", "/author"),
    ("number-text", _set("articleSection", 12), "audit-range", "/articleSection"),
    ("not-a-number", _set("wordCount", "many"), "audit-range", "/wordCount"),
    ("url-with-space", _author("sameAs", "Jane Doe"), "audit-range", "/author/0/sameAs"),
    ("empty-url", _set("url", ""), "audit-range", "/url"),
    ("not-free-number", _set("isAccessibleForFree", 0), "audit-range", "/isAccessibleForFree"),
    (
        "wrong-member",
        _set("digitalSourceType", "https://schema.org/InStock"),
        "audit-range",
        "/digitalSourceType",
    ),
    (
        "boolean-string",
        _set("isAccessibleForFree", "True"),
        "audit-boolean-string",
        "/isAccessibleForFree",
    ),
    (
        "rfc-2822",
        _set("datePublished", "Tue, 19 Nov 2019 03:05:46 GMT"),
        "audit-date-format",
        "/datePublished",
    ),
    (
        "space-for-t",
        _set("dateModified", "2024-01-05 09:20:00+08:00"),
        "audit-date-format",
        "/dateModified",
    ),
    (
        "bad-field",
        _set("dateModified", "2024-01-05T09:20:0Z"),
        "audit-date-format",
        "/dateModified",
    ),
    (
        "no-time-zone",
        _set("dateModified", "2024-01-05T09:20:00"),
        "audit-date-no-timezone",
        "/dateModified",
    ),
    ("entity", _set("headline", "Rain &amp; wind"), "audit-html-in-text", "/headline"),
    ("tag", _set("description", "Rain <b>falls</b>"), "audit-html-in-text", "/description"),
    ("no-headline", _drop("headline"), "audit-headline-missing", ""),
    ("empty-headline", _set("headline", " "), "audit-headline-missing", ""),
    ("long-headline", _set("headline", "x" * 111), "audit-headline-long", "/headline"),
    ("no-image", _drop("image"), "audit-image-missing", ""),
    ("empty-image-list", _set("image", []), "audit-image-missing", ""),
    ("image-without-url", lambda n: n["image"].pop("url"), "audit-image-no-url", "/image"),
    ("small-image", _image("height", 40), "audit-image-small", "/image"),
    ("no-date", _drop("datePublished"), "audit-date-published-missing", ""),
    (
        "modified-first",
        _set("dateModified", "2024-01-05T07:00:00+08:00"),
        "audit-modified-before-published",
        "/dateModified",
    ),
    ("no-author", _drop("author"), "audit-author-missing", ""),
    ("untyped-author", _author_drop("@type"), "audit-author-untyped", "/author/0"),
    ("author-without-name", _author_drop("name"), "audit-author-no-name", "/author/0"),
    (
        "dangling-author",
        _set("author", {"@id": "https://example.com/#jane"}),
        "audit-author-no-name",
        "/author",
    ),
    ("anonymous-author", _author_drop("url"), "audit-author-unidentified", "/author/0"),
    ("byline", _author("name", "By Jane Doe"), "audit-author-byline", "/author/0/name"),
    ("several", _author("name", "Jane Doe and John Roe"), "audit-author-several", "/author/0/name"),
    (
        "job-title",
        _author("name", "Jane Doe, Staff Writer"),
        "audit-author-job-title",
        "/author/0/name",
    ),
    ("no-publisher", _drop("publisher"), "audit-publisher-missing", ""),
    (
        "publisher-without-name",
        lambda n: n["publisher"].pop("name"),
        "audit-publisher-no-name",
        "/publisher",
    ),
    (
        "paywall-without-selector",
        lambda n: n.update(
            isAccessibleForFree=False,
            hasPart={"@type": "WebPageElement", "isAccessibleForFree": False},
        ),
        "audit-paywall-no-selector",
        "/hasPart",
    ),
    (
        "paywall-selector-not-a-class",
        lambda n: n.update(
            isAccessibleForFree=False, hasPart=dict(PAYWALL, cssSelector="#paywall")
        ),
        "audit-paywall-selector",
        "/hasPart/cssSelector",
    ),
    (
        "closed-without-section",
        _set("isAccessibleForFree", False),
        "audit-paywall-inconsistent",
        "/isAccessibleForFree",
    ),
    (
        "section-of-a-free-article",
        _set("hasPart", PAYWALL),
        "audit-paywall-inconsistent",
        "/hasPart",
    ),
    ("not-canonical", _set("url", "http://example.com/news/1"), "audit-url-canonical", "/url"),
]


@pytest.mark.parametrize(
    ("change", "code", "pointer"),
    [check[1:] for check in CHECKS],
    ids=[check[0] for check in CHECKS],
)
def test_each_check_finds_what_it_names(
    change: Callable[[Node], object], code: str, pointer: str
) -> None:
    """One change of the model article gives exactly the one finding of its check, at the
    pointer of the value concerned, placed in the page where the block says that pointer is."""
    canonical = '<link rel="canonical" href="https://example.com/news/1">'
    node = changed(change)
    problems = audit_html(node, head=canonical)
    assert [(code, pointer)] == found(problems)
    page = read_page(html_page(json.dumps(node, indent=2), head=canonical))
    assert page.blocks[0].locate(pointer) == (problems[0].line, problems[0].column)
    assert CODES[code].severity == problems[0].severity
    assert "audit" == CODES[code].layer


def test_an_article_of_an_unknown_type_is_no_article() -> None:
    """A misspelt article type is an error, and the page then holds no article node."""
    problems = audit_html(changed(_set("@type", "NewsArticel")))
    assert [("audit-no-article", ""), ("audit-unknown-type", "/@type")] == found(problems)


def test_the_term_meant_is_suggested() -> None:
    """An unknown property or type names the schema.org term it is a case or a letter from."""
    problems = audit_html(changed(lambda n: n.update({"headLine": "x", "@type": "Newsarticle"})))
    messages = {p.path: p.message for p in problems}
    spelling = '"headLine" is not a schema.org property (did you mean headline?)'
    assert spelling == messages["/headLine"]
    typo = '"Newsarticle" is not a schema.org type (did you mean NewsArticle?)'
    assert typo == messages["/@type"]


def test_positions_are_the_page_line_and_column_of_the_key() -> None:
    """A finding is placed at the key of the member concerned, in page coordinates."""
    block = '{"@context": "https://schema.org", "@type": "Thing",\n  "nmae": "x"}'
    page = f"<html><head>\n<title>t</title>\n  {SCRIPT}{block}</script></head></html>"
    (problem,) = [p for p in audit_page(read_page(page)) if p.code != "audit-no-article"]
    assert ("audit-unknown-property", "/nmae", 4, 3) == (
        problem.code,
        problem.path,
        problem.line,
        problem.column,
    )


# --- what schema.org's data model accepts ---------------------------------------------------


@pytest.mark.parametrize(
    "change",
    [
        _set("author", "Jane Doe"),  # a text where an item is expected (flagged as advice only)
        _set("wordCount", "798"),  # a number as text
        _image("width", "1200 px"),  # a Distance as text
        _set("timeRequired", "PT4M"),  # a Duration as text
        _set("isAccessibleForFree", True),
        _set("datePublished", "2024-01-05"),  # a date alone
        _set("dateModified", "2024-01-05T09:20:00.123+0800"),  # an offset without its colon
        _set("digitalSourceType", "https://schema.org/AlgorithmicMediaDigitalSource"),
        _set("https://example.com/vocab#score", 3),  # another vocabulary's property
        _set("http://schema.org/keywords", ["rain"]),  # a schema.org property by its IRI
        _set("potentialAction", {"@type": "SearchAction", "query-input": "required name=q"}),
        _set("@context", ["https://schema.org", {"score": "https://example.com/score"}]),
    ],
    ids=[
        "text-for-item",
        "numeric-text",
        "distance-text",
        "duration-text",
        "boolean",
        "date-alone",
        "offset-without-colon",
        "enumeration-member",
        "foreign-property",
        "schema-iri-property",
        "action-input",
        "local-context",
    ],
)
def test_what_the_data_model_accepts_is_no_error(change: Callable[[Node], object]) -> None:
    """Markup schema.org's data model accepts is no error."""
    node = changed(change)
    if "score" in json.dumps(node.get("@context")):
        node["score"] = 3  # a term the page's own context defines
    problems = audit_html(node)
    assert [] == [p for p in problems if p.is_error], problems


def test_a_text_author_is_advice_not_an_error() -> None:
    """A text author is in range (text where an item is expected); the guidance warns."""
    problems = audit_html(changed(_set("author", "Jane Doe")))
    assert [("audit-author-untyped", "/author")] == found(problems)
    assert Severity.WARNING is problems[0].severity


def test_a_role_node_holds_the_property_it_stands_for() -> None:
    """schema.org's Role pattern: a Role in a property's place holds that property again."""

    def role(inner: str) -> Callable[[Node], object]:
        return _author(
            "affiliation",
            {
                "@type": "OrganizationRole",
                "roleName": "editor",
                inner: {"@type": "Organization", "name": "X"},
            },
        )

    assert [] == audit_html(changed(role("affiliation")))
    assert [("audit-range", "/author/0/affiliation")] == found(
        [p for p in audit_html(changed(role("memberOf"))) if p.code == "audit-range"]
    )


def test_references_are_resolved_across_blocks() -> None:
    """An @id names a node another block describes: its name counts, its type is checked."""
    node = changed(_set("author", {"@id": "https://example.com/#jane"}))
    person = {
        "@context": "https://schema.org",
        "@type": "Person",
        "@id": "https://example.com/#jane",
        "name": "Jane Doe",
        "url": "https://example.com/profile/jane",
    }
    assert [] == audit_html(node, person)
    place = dict(person, **{"@type": "Place"})
    assert [("audit-range", "/author")] == found(audit_html(node, place))


def test_blank_node_ids_name_nodes_of_their_own_block_only() -> None:
    """``_:`` ids are local to one JSON-LD document: another block's ``_:jane`` is no match."""
    node = changed(_set("author", {"@id": "_:jane"}))
    person = {"@context": "https://schema.org", "@type": "Person", "@id": "_:jane", "name": "J"}
    assert [("audit-author-no-name", "/author")] == found(audit_html(node, person))


# --- what is unsafe in a page, and what reading found -----------------------------------------


def test_a_script_end_inside_a_block_is_an_error_where_it_stands() -> None:
    """JSON-LD given alone holding ``</script`` in a string: an error at that string's pointer,
    placed at the characters themselves."""
    text = '{"@context": "https://schema.org",\n "@type": "Thing", "name": "a </SCRIPT> b"}'
    problems = [p for p in audit_page(read_blocks(text)) if p.code == "audit-script-end"]
    column = text.split("\n")[1].index("</SCRIPT>") + 1
    assert [("audit-script-end", "/name", 2, column)] == [
        (p.code, p.path, p.line, p.column) for p in problems
    ]
    assert problems[0].is_error


def test_a_comment_opener_inside_a_block_is_an_error() -> None:
    """In a page, ``<!--`` then ``<script>`` in a block keeps the next ``</script>`` inside the
    block (the HTML tokenizer's escaped states): both are reported where they stand."""
    block = (
        '{"@context": "https://schema.org", "@type": "Thing", "name": "<!--<script>", '
        '"alternateName": "</script>"}'
    )
    page = f"<html><head>{SCRIPT}{block}</script></head></html>"
    dangers = ("audit-html-comment", "audit-script-end")
    problems = [p for p in audit_page(read_page(page)) if p.code in dangers]
    start = len(f"<html><head>{SCRIPT}") + 1
    assert [
        ("audit-html-comment", "/name", 1, start + block.index("<!--")),
        ("audit-script-end", "/alternateName", 1, start + block.index("</script")),
    ] == [(p.code, p.path, p.line, p.column) for p in problems]


def test_a_comment_wrapper_is_the_reader_s_repair_not_a_second_finding() -> None:
    """An old-style ``<!-- ... -->`` wrapper around the JSON is the reader's repair warning,
    reported once."""
    problems = audit_html("<!--\n" + json.dumps(article()) + "\n-->")
    assert ["page-repair-wrapper"] == [p.code for p in problems]


def test_reading_problems_pass_through_once() -> None:
    """A duplicate key and a repair are the reader's problems, each reported once."""
    text = json.dumps(article())[:-1] + ', "headline": "Rain again",}'
    page = read_page(html_page(text))
    problems = audit_page(page)
    assert Counter(p.code for p in page.blocks[0].problems) == Counter(
        p.code for p in problems if p.code.startswith("page-")
    )
    assert {"page-json-duplicate-key", "page-repair-trailing-comma"} <= {p.code for p in problems}


def test_an_unreadable_block_is_no_missing_article() -> None:
    """A page whose article block cannot be read reports its syntax, not a missing article
    (the breadcrumb block beside it holds none)."""
    crumbs = {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": []}
    codes = [p.code for p in audit_html(crumbs, '{"@type": "NewsArticle" "headline": "x"}')]
    assert ["page-json-syntax"] == codes


def test_a_node_two_articles_name_is_reported_once() -> None:
    """An author node two article nodes name has its finding once."""
    jane = {"@type": "Person", "@id": "https://example.com/#jane", "name": "Jane Doe"}
    first = changed(_set("author", {"@id": jane["@id"]}))
    second = dict(first, **{"@id": "https://example.com/news/1#again"})
    nodes: list[Node] = [first, second, jane]
    for node in nodes:
        node.pop("@context", None)
    graph = {"@context": "https://schema.org", "@graph": nodes}
    assert [("audit-author-unidentified", "/@graph/2")] == found(audit_html(graph))


def test_a_page_without_an_article_node_says_so() -> None:
    """JSON-LD that holds no article node (a breadcrumb only) is one warning."""
    crumbs = {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": []}
    assert [("audit-no-article", "")] == found(audit_html(crumbs))


def test_a_value_given_parsed_is_audited_without_positions() -> None:
    """A value given already parsed is audited; its findings have no line."""
    problems = audit_page(read_blocks(changed(_set("headLine", "x"))))
    assert [("audit-unknown-property", "/headLine", None)] == [
        (p.code, p.path, p.line) for p in problems
    ]


# --- several article nodes --------------------------------------------------------------------


def test_article_nodes_that_disagree_are_an_error() -> None:
    """Two article nodes with different headlines, dates and authors: one error each, at the
    second node, naming the first."""
    second = changed(
        lambda n: n.update(
            {
                "@id": "https://example.com/news/1#other",
                "headline": "Sun shines on the plain",
                "datePublished": "2024-01-05T09:00:00+08:00",
                "author": {"@type": "Person", "name": "John Roe", "url": "https://example.com/j"},
            }
        )
    )
    problems = audit_html(article(), second)
    conflicts = [p for p in problems if p.code == "audit-article-conflict"]
    assert ["/headline", "/datePublished", "/author"] == [p.path for p in conflicts]
    assert all(p.line is not None and p.line > 20 for p in conflicts)
    assert "of the article node in block 1, line" in conflicts[0].message
    assert all(p.is_error for p in conflicts)


def test_article_nodes_that_agree_are_no_conflict() -> None:
    """The same facts written twice (an instant in two offsets, names spaced otherwise) agree."""
    second = changed(
        lambda n: n.update(
            {
                "@id": "https://example.com/news/1#other",
                "headline": " Rain  falls on the plain",
                "datePublished": "2024-01-05T00:00:00Z",
            }
        )
    )
    assert [] == [p for p in audit_html(article(), second) if p.code == "audit-article-conflict"]


def test_a_node_described_in_two_blocks_is_one_node() -> None:
    """The parts of one @id, in two blocks, are read together: nothing is missing."""
    node = article()
    rest = {"@context": "https://schema.org", "@id": node["@id"], "author": node.pop("author")}
    assert [] == audit_html(node, rest)


def test_an_article_as_main_entity_is_audited() -> None:
    """An article only inside a WebPage's mainEntity is an article node."""
    inner = changed(_drop("headline"))
    del inner["@context"]
    page = {"@context": "https://schema.org", "@type": "WebPage", "mainEntity": inner}
    assert [("audit-headline-missing", "/mainEntity")] == found(audit_html(page))


# --- the project's own markup -----------------------------------------------------------------


def own_page(article: Article) -> str:
    """A minimal HTML page holding the article's ``to_jsonld_script``."""
    script = newsarticle.to_jsonld_script(article)
    return f"<!DOCTYPE html>\n<html><head><title>t</title>\n{script}</head><body></body></html>\n"


@pytest.mark.parametrize("article", [example(), full_example()], ids=["example", "full"])
def test_the_project_s_own_markup_audits_clean_of_errors(article: Article) -> None:
    """The example's JSON-LD, as the exporter writes it into a page, has no error."""
    problems = audit_page(read_page(own_page(article)))
    assert [] == [p for p in problems if p.is_error]


def test_the_full_example_has_only_the_advice_it_should() -> None:
    """The full example lacks only a url or sameAs on its author."""
    problems = audit_page(read_page(own_page(full_example())))
    assert {"audit-author-unidentified"} == {p.code for p in problems}


@given(articles())
def test_any_article_s_markup_audits_clean_of_errors(article: Article) -> None:
    """For any article, the exporter's script block has no error in the audit."""
    problems = audit_page(read_page(own_page(article)))
    assert [] == [p for p in problems if p.is_error]


# --- the real-world set -----------------------------------------------------------------------


def test_the_real_world_set_audits_without_a_traceback() -> None:
    """Every page of ../shared/realworld is audited (its HTML when stored, else its blocks);
    every finding has a known code, and those about blocks of an HTML page a position.  The
    count of findings per code is printed (run with -s to see it)."""
    manifest = REALWORLD / "manifest.json"
    if not manifest.is_file():
        pytest.skip(f"the real-world set is not here ({REALWORLD}): this test needs it")
    counts: Counter[str] = Counter()
    for entry in json.loads(manifest.read_text(encoding="utf-8"))["pages"]:
        if entry.get("page_file"):
            page = read_page(gzip.decompress((REALWORLD / entry["page_file"]).read_bytes()))
        else:
            page = read_blocks(json.loads((REALWORLD / entry["jsonld_file"]).read_text("utf-8")))
        problems = audit_page(page)
        assert [] == [p.code for p in problems if p.code not in CODES]
        if entry.get("page_file"):
            assert [] == [p for p in problems if p.code.startswith("audit-") and p.line is None]
        counts.update(p.code for p in problems)
    print("\nfindings per code over the real-world set:")
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        print(f"  {count:5}  {code}")


def test_problems_are_in_page_order() -> None:
    """Findings come in the order of their positions in the page, whatever check found them."""
    node = changed(lambda n: n.update(wordCount="many", headLine="x"))
    node["author"][0]["name"] = "By Jane Doe"
    problems = audit_html(node, changed(_set("@type", "NewsArticel")))
    positions = [(p.line or 0, p.column or 0) for p in problems]
    assert {
        "audit-unknown-property",
        "audit-range",
        "audit-author-byline",
        "audit-unknown-type",
        "audit-article-conflict",  # the byline's name is not the second node's author name
    } == {p.code for p in problems}
    assert sorted(positions) == positions
