"""Reading a page's structured data: ld+json blocks, their repairs and positions, the meta tags.

Covers ``newsarticle._import._page`` (the page, its encoding, the HTML tokenizer, the limits)
and ``newsarticle._import._lenient`` (strict JSON, the unambiguous repairs, positions).
"""

from __future__ import annotations

import codecs
import gzip
import json
import random
import re
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsarticle._errors import CODES, Severity
from newsarticle._import._lenient import MAX_BLOCK_SIZE
from newsarticle._import._page import (
    MAX_BLOCKS,
    MAX_PAGE_SIZE,
    Block,
    Page,
    read_blocks,
    read_page,
)

ROOT = Path(__file__).resolve().parent.parent
REALWORLD = ROOT.parent / "shared" / "realworld"

SCRIPT = '<script type="application/ld+json">'


def page_of(*blocks: str, head: str = "", before: str = "") -> str:
    """An HTML page with ``blocks`` as ld+json scripts in its body."""
    scripts = "".join(f"{SCRIPT}{block}</script>" for block in blocks)
    return f"<!DOCTYPE html><html><head>{head}</head><body>{before}{scripts}</body></html>"


def only_block(text: str | bytes) -> Block:
    """The one block of a JSON-LD text read alone."""
    page = read_blocks(text)
    assert 1 == len(page.blocks)
    return page.blocks[0]


def summary(block: Block) -> list[tuple[str, int | None, int | None, str]]:
    """Each problem of a block as (code, line, column, pointer)."""
    return [(p.code, p.line, p.column, p.path) for p in block.problems]


def codes(page: Page) -> list[str]:
    return [p.code for p in page.problems]


# --- blocks in a page -------------------------------------------------------------------------


def test_blocks_are_found_in_page_order_with_their_raw_text() -> None:
    """Every ld+json script is a block, in page order; other scripts are not; the text is the
    script's content exactly (entities not decoded, spaces kept)."""
    page = read_page(
        page_of('\n {"a": "&quot;x&quot;"} ', '{"b": 2}', head='<script>var x = "<b>";</script>')
    )
    assert [0, 1] == [block.index for block in page.blocks]
    assert ['\n {"a": "&quot;x&quot;"} ', '{"b": 2}'] == [block.text for block in page.blocks]
    assert [{"a": "&quot;x&quot;"}, {"b": 2}] == [block.value for block in page.blocks]
    assert () == page.problems


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_lines_end_at_lf_crlf_and_lone_cr(newline: str) -> None:
    """Line breaks are \\n, \\r\\n and a lone \\r: a block's line and column are those of the
    character after its start tag, and problems inside it are placed in page coordinates."""
    text = newline.join(["<html>", "<body>", f"  {SCRIPT}{{", '"a": 1,', "}</script>"])
    block = read_page(text).blocks[0]
    assert (3, 3 + len(SCRIPT)) == (block.line, block.column)
    assert [("page-repair-trailing-comma", 4, 7, "")] == summary(block)
    assert (4, 1) == block.locate("/a")


def test_other_separators_do_not_end_lines() -> None:
    """Form feed, U+2028 and U+0085 are not line breaks."""
    text = f"<html>\f\u2028\x85{SCRIPT}{{}}</script>"
    block = read_page(text).blocks[0]
    assert (1, 10 + len(SCRIPT)) == (block.line, block.column)


def test_columns_count_code_points() -> None:
    """A column counts characters, an astral character as one."""
    block = read_page(f"<p>\U0001f600\u00e9</p>{SCRIPT}{{}}</script>").blocks[0]
    assert (1, 10 + len(SCRIPT)) == (block.line, block.column)


@pytest.mark.parametrize(
    "kind",
    [
        "application/ld+json",
        "Application/LD+JSON",
        " application/ld+json ",
        "application/ld+json; charset=utf-8",
        "application/ld+json ;charset=UTF-8",
        "application/ld&#43;json",
    ],
)
def test_the_type_matches_case_spaces_and_parameters(kind: str) -> None:
    """The type matches whatever its case, with spaces around it and parameters after it."""
    page = read_page(f'<html><script type="{kind}">{{"a": 1}}</script></html>')
    assert [{"a": 1}] == [block.value for block in page.blocks]


@pytest.mark.parametrize(
    "tag",
    [
        "<script>",
        '<script type="application/json">',
        '<script type="text/javascript">',
        '<script type="application/ld+json+x">',
        '<script data-type="application/ld+json">',
    ],
)
def test_other_scripts_are_not_blocks(tag: str) -> None:
    """Only the type application/ld+json makes a block."""
    assert () == read_page(f'<html>{tag}{{"a": 1}}</script></html>').blocks


def test_unquoted_type_and_first_attribute_wins() -> None:
    """An unquoted type reads; of two type attributes the first counts, as in browsers."""
    page = read_page(
        "<html><script type=application/ld+json>{}</script>"
        '<script type="text/plain" type="application/ld+json">{}</script></html>'
    )
    assert 1 == len(page.blocks)


@pytest.mark.parametrize(
    "markup",
    [
        f"<!-- {SCRIPT}{{}}</script> -->",
        f"<a title='{SCRIPT}'>x</a>",
        f"<textarea>{SCRIPT}{{}}</script></textarea>",
        f"<style>{SCRIPT}{{}}</script></style>",
        f"<title>{SCRIPT}{{}}</script></title>",
        f"<script>var s = '{SCRIPT}{{}}';</script>",
    ],
)
def test_markup_that_is_not_a_script_is_not_read_as_one(markup: str) -> None:
    """Scripts inside comments, attribute values, raw text elements or other scripts are text."""
    assert () == read_page(f"<html><body>{markup}</body></html>").blocks


def test_a_script_ends_at_the_first_end_tag() -> None:
    """As in a browser, '</script' inside a string ends the block (the page breaks there)."""
    page = read_page(f'<html>{SCRIPT}{{"a": "</script>"}}</script></html>')
    assert ['{"a": "'] == [block.text for block in page.blocks]
    assert ["page-json-syntax"] == [p.code for p in page.blocks[0].problems]


def test_a_script_in_a_comment_inside_a_block_hides_the_end_tag() -> None:
    """'<!--' then '<script' inside a block makes the next '</script>' part of it (the HTML
    standard's double-escaped state); '-->' returns to normal."""
    text = '{"a": "<!--<script>x</script>-->"}'
    page = read_page(f"<html>{SCRIPT}{text}</script><p>after</p></html>")
    assert [text] == [block.text for block in page.blocks]
    assert {"a": "<!--<script>x</script>-->"} == page.blocks[0].value


def test_a_script_left_open_runs_to_the_end_of_the_page() -> None:
    """A block whose end tag is missing holds the rest of the page."""
    page = read_page(f'<html>{SCRIPT}{{"a": 1}}\n')
    assert ['{"a": 1}\n'] == [block.text for block in page.blocks]
    assert {"a": 1} == page.blocks[0].value


def test_a_tag_left_open_ends_the_page() -> None:
    """A tag the page ends inside (an attribute quote never closed) hides what follows."""
    page = read_page(f"<html><a href='x>{SCRIPT}{{}}</script>")
    assert () == page.blocks


# --- the meta ---------------------------------------------------------------------------------


def test_meta_is_read_from_the_page() -> None:
    """lang, the canonical link (a rel token), the title (entities decoded, spaces collapsed),
    and the first non-empty content of each og:/article:/twitter: and named meta."""
    head = (
        "<title>\n  A &amp;  B\n</title>"
        '<link rel="stylesheet" href="/s.css">'
        '<link rel="Alternate CANONICAL" href=" https://example.org/a?x=1&amp;y=2 ">'
        '<link rel="canonical" href="https://example.org/second">'
        '<meta property="og:title" content="">'
        '<meta property="OG:Title" content="The &quot;title&quot;">'
        '<meta property="og:title" content="second">'
        '<meta name="twitter:card" content="summary">'
        '<meta property="article:published_time" content="2024-01-02T03:04:05Z">'
        '<meta name="author" content="Ann Lee">'
        '<meta name="description" content="About it.">'
        '<meta name="keywords" content="a, b">'
        '<meta name="viewport" content="width=device-width">'
        '<meta name="og:locale" property="og:site_name" content="both">'
    )
    page = read_page(f'<html lang=" de-CH "><head>{head}</head><body></body></html>')
    assert "de-CH" == page.meta.language
    assert "https://example.org/a?x=1&y=2" == page.meta.canonical
    assert "A & B" == page.meta.title
    assert {
        "og:title": 'The "title"',
        "twitter:card": "summary",
        "article:published_time": "2024-01-02T03:04:05Z",
        "author": "Ann Lee",
        "description": "About it.",
        "keywords": "a, b",
        "og:locale": "both",
        "og:site_name": "both",
    } == dict(page.meta.meta)
    assert ["page-no-jsonld"] == codes(page)


def test_the_title_of_an_svg_is_not_the_page_title() -> None:
    """A <title> inside <svg> names the drawing; the page's title is the HTML one."""
    page = read_page("<html><body><svg><title>Icon</title></svg><title>Page</title></body></html>")
    assert "Page" == page.meta.title


@pytest.mark.parametrize(
    "tag",
    [
        '<meta property="og:title" content="T">',
        '<meta content="T" property="og:title">',
        '<meta property="og:title" content="T"/>',
        '<meta property="og:title" content="T" >',
        "<meta property='og:title' content='T'>",
        '<META PROPERTY="OG:TITLE" CONTENT="T">',
        '<meta\nproperty="og:title"\ncontent="T">',
        "<meta property=og:title content=T>",
        '<meta property="&#111;g:title" content="&#84;">',
        '<meta data-x="1" property="og:title" content="T">',
        '<meta property="og:title" name="x" content="T">',
    ],
)
def test_a_meta_is_read_alike_however_it_is_written(tag: str) -> None:
    """A <meta> is read by its attributes, whatever their order, case, quotes, spacing or
    character references, and whatever else the tag holds."""
    page = read_page(f"<html><head>{tag}</head></html>")
    assert {"og:title": "T"} == dict(page.meta.meta)


def test_a_meta_the_page_ends_inside_is_not_read() -> None:
    """A <meta> whose content is never closed holds the rest of the page, as in a browser:
    nothing is read from it, not even the start of a <meta> of the common form."""
    page = read_page('<html><meta property="og:a" content="<meta property="og:b" content="x')
    assert {} == dict(page.meta.meta)


def test_svg_and_math_hold_no_page_data_but_an_html_element_ends_them() -> None:
    """Inside <svg> and <math> (nested or not, closed by either end tag), a <title> or a
    script is part of the drawing; an HTML element such as <meta> ends the drawing, and is
    read."""
    body = (
        '<svg viewBox="0 0 1 1"><path d="M0 0"/><title>Icon</title></svg>'
        "<svg><g><svg></svg><title>Nested</title></g></svg><svg/>"
        f"<math><mi>x</mi></math><svg>{SCRIPT}{{}}</script></math>"
        '<svg><meta property="og:title" content="Out"><title>Page</title></svg>'
    )
    page = read_page(f"<html><body>{body}{SCRIPT}{{}}</script></body></html>")
    assert ("Page", {"og:title": "Out"}) == (page.meta.title, dict(page.meta.meta))
    assert 1 == len(page.blocks)


def test_tag_names_are_lower_cased_as_the_tokenizer_does() -> None:
    """A tag name is read in any case, and a Kelvin sign lower-cases to "k": ``<LINK>`` with
    one is a link, ``<blocKquote>`` ends a drawing; a dotless i is no i."""
    page = read_page(
        "<html><l\u0131nk rel=canonical href=/dotless>"
        "<LIN\u212a REL=CANONICAL HREF=/kelvin>"
        '<svg><bloc\u212aquote><meta property="og:title" content="T"></svg></html>'
    )
    assert ("/kelvin", {"og:title": "T"}) == (page.meta.canonical, dict(page.meta.meta))


def test_an_end_tag_that_is_not_a_tag_ends_the_reading() -> None:
    """A script (or raw text) ends at '</script' in any case, a long s for an s included; an
    end tag whose name then starts with no ASCII letter is not a tag: the reading stops."""
    page = read_page(f"<html><script>x</\u017fcript>{SCRIPT}{{}}</script><title>T</title>")
    assert ((), None) == (page.blocks, page.meta.title)


def test_a_page_without_meta_has_none() -> None:
    """Nothing stated, nothing invented."""
    meta = read_page(page_of("{}")).meta
    assert (None, None, None, {}) == (meta.language, meta.canonical, meta.title, dict(meta.meta))


def test_a_page_without_jsonld_is_a_warning() -> None:
    """No block: one warning, the meta still read."""
    page = read_page("<html lang=fr><title>T</title></html>")
    assert ["page-no-jsonld"] == codes(page)
    assert Severity.WARNING is page.problems[0].severity
    assert ("fr", "T") == (page.meta.language, page.meta.title)


# --- encodings --------------------------------------------------------------------------------


def test_bytes_are_utf8_by_default() -> None:
    """Bytes without a declaration are UTF-8."""
    page = read_page(page_of('{"a": "é"}').encode("utf-8"))
    assert {"a": "é"} == page.blocks[0].value
    assert () == page.problems


@pytest.mark.parametrize(
    ("bom", "codec"),
    [(b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")],
)
def test_a_byte_order_mark_decides_the_encoding(bom: bytes, codec: str) -> None:
    """A byte-order mark wins over any declaration; the columns start after it."""
    text = '<html><meta charset="windows-1252">' + SCRIPT + '{"a": "é€"}</script></html>'
    page = read_page(bom + text.encode(codec))
    assert {"a": "é€"} == page.blocks[0].value
    assert (1, text.index("{") + 1) == (page.blocks[0].line, page.blocks[0].column)
    assert () == page.problems


@pytest.mark.parametrize(
    "declaration",
    [
        '<meta charset="windows-1252">',
        "<meta charset=iso-8859-1>",
        '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">',
    ],
)
def test_a_declared_legacy_encoding_is_read_as_browsers_read_it(declaration: str) -> None:
    """Bytes that are not UTF-8 are read in the declared encoding; iso-8859-1 as windows-1252
    (0x93 and 0x94 are curly quotes), as browsers do."""
    data = page_of('{"a": "\u201cé\u201d"}', head=declaration).encode("cp1252")
    page = read_page(data)
    assert {"a": "\u201cé\u201d"} == page.blocks[0].value
    assert () == page.problems


def test_a_page_declared_legacy_but_valid_utf8_is_read_as_utf8() -> None:
    """Valid UTF-8 with non-ASCII bytes is UTF-8 whatever the page declares: a warning says the
    declaration is wrong."""
    data = page_of('{"a": "é"}', head="<meta charset=iso-8859-1>").encode("utf-8")
    page = read_page(data)
    assert {"a": "é"} == page.blocks[0].value
    assert ["page-encoding"] == codes(page)
    assert "'iso-8859-1'" in page.problems[0].message


def test_an_ascii_page_declared_legacy_has_no_warning() -> None:
    """Pure ASCII reads the same in every encoding a page declares: nothing to say."""
    page = read_page(page_of('{"a": 1}', head="<meta charset=iso-8859-1>").encode("ascii"))
    assert () == page.problems


def test_invalid_bytes_become_replacement_characters_with_a_warning() -> None:
    """Bytes invalid in UTF-8 are read as U+FFFD; one warning at the first of them."""
    data = b"<html>\n" + SCRIPT.encode() + b'{"a": "x\xffy\xfe"}</script></html>'
    page = read_page(data)
    assert {"a": "x\ufffdy\ufffd"} == page.blocks[0].value
    assert [("page-encoding", 2, len(SCRIPT) + 9)] == [
        (p.code, p.line, p.column) for p in page.problems
    ]
    assert "0xFF" in page.problems[0].message


@pytest.mark.parametrize("label", ["x-no-such-encoding", "hex", "utf-7", "undefined"])
def test_an_unknown_declared_encoding_is_read_as_utf8(label: str) -> None:
    """A label no browser reads a page in (or no codec at all) is reported; the page is UTF-8."""
    data = page_of('{"a": "é"}', head=f"<meta charset={label}>").encode("utf-8")[:-7] + b"\xff"
    page = read_page(data)
    assert {"a": "é"} == page.blocks[0].value
    assert "page-encoding" in codes(page)
    assert any(label in p.message for p in page.problems)


# --- what is not a page -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40, "binary"),
        (gzip.compress(page_of("{}").encode()), "gzip"),
        (bytes(range(1, 32)) * 300, "control characters"),
        ("<html>\x00" * 10, "NUL"),
        (b'  {"@context": "https://schema.org"}', "JSON"),
        ("[1, 2]", "JSON"),
        ("just some words", "no HTML markup"),
    ],
)
def test_what_is_not_html_is_one_clear_problem(data: str | bytes, words: str) -> None:
    """Binary data, compressed data, JSON, text without markup: one page-not-html error."""
    page = read_page(data)
    assert ["page-not-html"] == codes(page)
    assert words in page.problems[0].message
    assert (1, 1) == (page.problems[0].line, page.problems[0].column)
    assert () == page.blocks


def test_bad_arguments_raise() -> None:
    """Programming errors (not bad input) raise: a page that is not text or bytes, a bad limit."""
    with pytest.raises(TypeError):
        read_page(42)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="max_size"):
        read_page("<html>", max_size=0)


# --- limits -----------------------------------------------------------------------------------


def test_a_page_over_the_limit_is_refused_before_it_is_read() -> None:
    """A page larger than max_size is one page-too-large error and nothing else."""
    page = read_page(page_of("{}").encode(), max_size=10)
    assert ["page-too-large"] == codes(page)
    assert () == page.blocks
    assert "10" in page.problems[0].message


def test_a_50_mb_page_is_refused_at_once() -> None:
    """A 50 MB page (text or bytes) is larger than the default limit; refusing it reads none
    of it (it holds a block and binary bytes that would otherwise be reported)."""
    assert MAX_PAGE_SIZE < 50_000_000
    for data in (
        page_of("{}").encode() + b"\x00" * 50_000_000,
        page_of("{}") + " " * 50_000_000,
    ):
        start = time.perf_counter()
        page = read_page(data)
        assert time.perf_counter() - start < 1
        assert ["page-too-large"] == codes(page)


def test_10000_blocks_keep_the_first_thousand() -> None:
    """A page of 10,000 blocks: the first MAX_BLOCKS are read, one error counts the rest and
    points at the first block left out; in bounded time."""
    assert 1000 == MAX_BLOCKS
    lines = [f'{SCRIPT}{{"n": {n}}}</script>' for n in range(10_000)]
    start = time.perf_counter()
    page = read_page("<html><body>\n" + "\n".join(lines) + "\n</body></html>")
    assert time.perf_counter() - start < 20
    assert MAX_BLOCKS == len(page.blocks)
    assert {"n": MAX_BLOCKS - 1} == page.blocks[-1].value
    assert [("page-too-many-blocks", MAX_BLOCKS + 2, len(SCRIPT) + 1)] == [
        (p.code, p.line, p.column) for p in page.problems
    ]
    assert "10,000" in page.problems[0].message
    assert Severity.ERROR is page.problems[0].severity


@pytest.mark.parametrize("unit", ["<a ", "<!--", "<a b='", "</", "<svg><p>", "<?"])
def test_malformed_markup_is_read_in_linear_time(unit: str) -> None:
    """Markup that takes the standard library's html.parser quadratic time (minutes for 120 KB
    of '<a ') is read in linear time."""
    start = time.perf_counter()
    page = read_page("<html>" + unit * 40_000 + page_of("{}"))
    assert time.perf_counter() - start < 10
    assert ["page-no-jsonld"] == codes(page) or page.blocks


@pytest.mark.parametrize(
    ("start", "unit"),
    [
        ("", "<a "),
        ("", "<!--"),
        ("<a ", '"'),
        ("", '<a b="c" '),
        ("", "<a b=c "),
        ("", "<svg>"),
        ("", "<svg><b>"),
        ("", "<svg></svg>"),
        ("<svg>", "<p"),
        ("", '<meta property="og:x" content="'),
        ("", "<script><!--<script>"),
    ],
)
def test_a_megabyte_of_hostile_markup_is_read_in_linear_time(start: str, unit: str) -> None:
    """A megabyte of markup repeated (tags, quotes and comments never closed, drawings
    nested) is read in linear time: in seconds, not hours."""
    text = "<html>" + start + unit * (1_000_000 // len(unit)) + page_of("{}")
    started = time.perf_counter()
    page = read_page(text)
    assert time.perf_counter() - started < 10
    assert ["page-no-jsonld"] == codes(page) or page.blocks


def test_a_block_over_the_size_limit_is_not_parsed() -> None:
    """A block larger than MAX_BLOCK_SIZE characters is one error; the page is still read."""
    big = '{"a": "' + "x" * MAX_BLOCK_SIZE + '"}'
    page = read_page(page_of(big, '{"b": 1}'))
    assert [None, {"b": 1}] == [block.value for block in page.blocks]
    assert ["page-block-too-large"] == [p.code for p in page.blocks[0].problems]


@pytest.mark.parametrize(
    ("text", "column"),
    [("[" * 100_000, 257), ('{"a":' * 100_000 + "1" + "}" * 100_000, 256 * 5 + 1)],
)
def test_nesting_100000_deep_is_one_problem(text: str, column: int) -> None:
    """100,000 levels of nesting: one page-json-depth error where level 257 opens, at once,
    without a RecursionError."""
    start = time.perf_counter()
    block = read_page(page_of(text)).blocks[0]
    assert time.perf_counter() - start < 5
    assert None is block.value
    before = page_of("").index("</script>")
    assert [("page-json-depth", 1, before + column)] == [
        (p.code, p.line, p.column) for p in block.problems
    ]


def test_nesting_is_limited_where_the_c_parser_still_reads() -> None:
    """257 levels parse in the standard library, but the limit is the strict reader's 256."""
    assert json.loads("[" * 257 + "]" * 257)
    fine = only_block("[" * 256 + "]" * 256)
    assert None is not fine.value
    assert () == fine.problems
    deep = only_block('{"a": ' * 257 + "1" + "}" * 257)
    assert [("page-json-depth", 1, 256 * 6 + 1, "")] == summary(deep)


# --- strict JSON and what it refuses ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "column", "pointer"),
    [
        ('{"a": NaN}', "page-json-constant", 7, "/a"),
        ('{"a": [1, -Infinity]}', "page-json-constant", 11, "/a/1"),
        ('{"a": 1e999}', "page-json-number-range", 7, "/a"),
        ('{"a": ' + "9" * 400 + "}", "page-json-number-range", 7, "/a"),
        ("{'a': 1}", "page-json-syntax", 2, ""),
        ('{"a": "say "hi""}', "page-json-syntax", 13, ""),
        ('{"a": 1}}', "page-json-syntax", 9, ""),
        ('{"a": 1}{"b": 2}', "page-json-syntax", 9, ""),
        ('{"a": 1 "b": 2}', "page-json-syntax", 9, ""),
        ('{"a": "x', "page-json-syntax", 7, ""),
        ('{"a": 1 /* never closed', "page-json-syntax", 9, ""),
        ('{"a": "\\q"}', "page-json-syntax", 8, ""),
        ('{"a": tru}', "page-json-syntax", 7, ""),
    ],
)
def test_what_cannot_be_read_is_one_error_at_its_place(
    text: str, code: str, column: int, pointer: str
) -> None:
    """What strict JSON refuses and no unambiguous repair mends: the value is None and one
    error says where the reading stopped."""
    block = only_block(text)
    assert None is block.value
    assert [(code, 1, column, pointer)] == summary(block)
    assert Severity.ERROR is block.problems[0].severity


def test_a_refusal_after_repairs_is_placed_in_the_original_text() -> None:
    """When repairs were made but the text still fails, the one error is placed in the page's
    text (not the repaired one) and says repairs were tried; the repairs are not reported."""
    block = only_block('/* c */ {"a": [1, 2,],\n "b": "x\ty" "c"}')
    assert [("page-json-syntax", 2, 13, "")] == summary(block)
    assert "even after the repairs" in block.problems[0].message


def test_single_quotes_are_named_in_the_message() -> None:
    """The commonest JavaScript habit JSON refuses gets a hint."""
    assert "double quotes" in only_block("{'a': 1}").problems[0].message


def test_a_truncated_block_says_so() -> None:
    """A block that ends too soon is called truncated, at its end."""
    block = only_block('{"a": [1, 2')
    assert [("page-json-syntax", 1, 12, "")] == summary(block)
    assert "truncated" in block.problems[0].message


@pytest.mark.parametrize("text", ["", "  \n\t ", "<!-- -->", "//<![CDATA[\n//]]>", "/* */"])
def test_an_empty_block_is_a_warning(text: str) -> None:
    """A block with no JSON (nothing, spaces, only comments or a wrapper) is a warning."""
    block = only_block(text)
    assert None is block.value
    assert ["page-block-empty"] == [p.code for p in block.problems]
    assert Severity.WARNING is block.problems[0].severity


def test_duplicate_keys_keep_the_last_value_with_a_warning() -> None:
    """A key given twice: the last value is kept (as JSON.parse does), one warning at the second
    key with its pointer; locate places the member at the key that counts."""
    block = only_block('{"a": {"x": 1},\n "b": [{"k": 1, "k": 2}],\n "a": {"y": 2}}')
    assert {"a": {"y": 2}, "b": [{"k": 2}]} == block.value
    assert [
        ("page-json-duplicate-key", 2, 17, "/b/0/k"),
        ("page-json-duplicate-key", 3, 2, "/a"),
    ] == summary(block)
    assert (3, 2) == block.locate("/a")
    assert (3, 8) == block.locate("/a/y")


def test_many_duplicate_keys_are_reported_up_to_a_bound() -> None:
    """Past ten duplicates in a block, the tenth warning counts the rest."""
    block = only_block("{" + ", ".join(['"k": 1'] * 30) + "}")
    assert 10 == len(block.problems)
    assert "19 more" in block.problems[-1].message


def test_strict_json_has_no_problems() -> None:
    """Valid JSON reads as the standard library reads it, with no problem."""
    text = '{"@context": "https://schema.org", "n": [1, 2.5, -3e2, true, null], "s": "\\u00e9\\n"}'
    block = only_block(text)
    assert json.loads(text) == block.value
    assert () == block.problems


# --- the repairs ------------------------------------------------------------------------------

REPAIRS = [
    # (text, value, [(code, line, column, pointer)])
    ('<!--\n{"a": 1}\n-->', {"a": 1}, [("page-repair-wrapper", 1, 1, "")]),
    ('<![CDATA[{"a": 1}]]>', {"a": 1}, [("page-repair-wrapper", 1, 1, "")]),
    ('\n  //<![CDATA[\n  {"a": 1}\n  //]]>\n', {"a": 1}, [("page-repair-wrapper", 2, 3, "")]),
    (
        '<!--//--><![CDATA[//><!--\n{"a": 1}\n//--><!]]>',
        {"a": 1},
        [("page-repair-wrapper", 1, 1, "")],
    ),
    (
        '{"a": 1, // note\n "b": "http://x"}',
        {"a": 1, "b": "http://x"},
        [
            ("page-repair-comment", 1, 10, ""),
        ],
    ),
    (
        '{"a": /* one */ 1, /* two */ "b": 2}',
        {"a": 1, "b": 2},
        [
            ("page-repair-comment", 1, 7, ""),
        ],
    ),
    (
        '{"a": [1, 2, ], "b": 3,\n}',
        {"a": [1, 2], "b": 3},
        [
            ("page-repair-trailing-comma", 1, 12, ""),
        ],
    ),
    (
        '{"a": [1, /* c */ ]}',
        {"a": [1]},
        [
            ("page-repair-comment", 1, 11, ""),
            ("page-repair-trailing-comma", 1, 9, ""),
        ],
    ),
    (
        '{"a": "line one\nline two", "b": "x\ty"}',
        {"a": "line one\nline two", "b": "x\ty"},
        [
            ("page-repair-control-character", 1, 16, "/a"),
        ],
    ),
    ('[{"k": "a\x01b"}]', [{"k": "a\x01b"}], [("page-repair-control-character", 1, 10, "/0/k")]),
    ('{"a": 1};', {"a": 1}, [("page-repair-semicolon", 1, 9, "")]),
    ("[1, 2] ; ;\n", [1, 2], [("page-repair-semicolon", 1, 8, "")]),
    ('\ufeff{"a": 1}', {"a": 1}, [("page-repair-space", 1, 1, "")]),
    ('{"a":\xa01,\u2028"b": 2}', {"a": 1, "b": 2}, [("page-repair-space", 1, 6, "")]),
]


@pytest.mark.parametrize(("text", "value", "expected"), REPAIRS)
def test_each_repair_mends_the_block_with_a_warning_at_its_place(
    text: str, value: Any, expected: list[tuple[str, int, int, str]]
) -> None:
    """Each unambiguous repair gives the value and one warning per kind, at the first place."""
    block = only_block(text)
    assert value == block.value
    assert sorted(expected, key=lambda p: (p[1], p[2])) == summary(block)
    assert all(p.severity is Severity.WARNING for p in block.problems)


def test_a_repair_repeated_is_counted_in_one_warning() -> None:
    """Three raw newlines: one warning at the first, with the count."""
    block = only_block('{"a": "1\n2\n3", "b": "4\n"}')
    assert [("page-repair-control-character", 1, 9, "/a")] == summary(block)
    assert "3 raw control characters" in block.problems[0].message


def test_comment_markers_inside_strings_are_text() -> None:
    """'//', '/*', ',]' and '<!--' inside strings are kept as they are."""
    text = '{"a": "http://x /* y */ ,] <!-- -->", "b": [1, 2]}'
    block = only_block(text)
    assert json.loads(text) == block.value
    assert () == block.problems


def test_a_page_block_is_repaired_in_page_coordinates() -> None:
    """Repairs and locate in a block of a page are placed in the page."""
    page = read_page(
        "<html>\n<body>\n" + SCRIPT + '\n{"headline": "A\nB",\n "author": [{"name": "C",}]}'
        "</script></body></html>"
    )
    block = page.blocks[0]
    assert (3, len(SCRIPT) + 1) == (block.line, block.column)
    assert [
        ("page-repair-control-character", 4, 16, "/headline"),
        ("page-repair-trailing-comma", 6, 25, ""),
    ] == summary(block)
    assert (6, 2) == block.locate("/author")
    assert (6, 14) == block.locate("/author/0/name")
    problem = block.problem("import-dropped", "/author/0/name", "not kept")
    assert ("import-dropped", "/author/0/name", 6, 14) == (
        problem.code,
        problem.path,
        problem.line,
        problem.column,
    )
    assert CODES["import-dropped"].severity is problem.severity


# --- locate -----------------------------------------------------------------------------------


def test_locate_places_members_at_their_key_and_items_at_their_start() -> None:
    """A member at its key, an array item or the whole value at its first character; pointer
    tokens escaped as RFC 6901 says; an unknown pointer at its nearest ancestor."""
    block = only_block('  {"a/b": {"~": [10, {"c": null}]},\n "": true}')
    assert (1, 3) == block.locate("")
    assert (1, 4) == block.locate("/a~1b")
    assert (1, 12) == block.locate("/a~1b/~0")
    assert (1, 18) == block.locate("/a~1b/~0/0")
    assert (1, 22) == block.locate("/a~1b/~0/1")
    assert (1, 23) == block.locate("/a~1b/~0/1/c")
    assert (2, 2) == block.locate("/")
    assert (1, 22) == block.locate("/a~1b/~0/1/missing/deeper")
    assert (1, 3) == block.locate("/nothing")


def test_locate_follows_a_pointer_through_a_repaired_block() -> None:
    """In a block read after repairs, a value is placed in the block's own text, past the
    comments and commas the repairs removed."""
    block = only_block('{/* c */ "a": [1, // two\n 2,], "b": {"c": 3,},}')
    assert {"a": [1, 2], "b": {"c": 3}} == block.value
    assert [(1, 10), (1, 16), (2, 2), (2, 7), (2, 13), (2, 13)] == [
        block.locate(pointer) for pointer in ("/a", "/a/0", "/a/1", "/b", "/b/c", "/b/c/d")
    ]


def test_locate_places_a_key_given_twice_at_its_last() -> None:
    """Of a key given twice, the value kept is the last, and so is the place; a member only
    the first value has is placed in it."""
    block = only_block('{"a": {"x": 1, "y": 2},\n "a": {"x": 3}}')
    assert {"a": {"x": 3}} == block.value
    assert [(2, 2), (2, 8), (1, 16), (2, 2)] == [
        block.locate(pointer) for pointer in ("/a", "/a/x", "/a/y", "/a/z")
    ]


def test_locate_in_a_block_without_value_is_its_start() -> None:
    """A block that could not be read places every pointer at its start."""
    block = read_page(page_of("{oops}")).blocks[0]
    assert (block.line, block.column) == block.locate("/anything")


# --- read_blocks ------------------------------------------------------------------------------


def test_read_blocks_reads_one_text() -> None:
    """A JSON-LD text is one block at line 1, column 1 of itself."""
    page = read_blocks('\n{"a": [1,\n 2,]}')
    block = page.blocks[0]
    assert (0, 1, 1, {"a": [1, 2]}) == (block.index, block.line, block.column, block.value)
    assert [("page-repair-trailing-comma", 3, 3, "")] == summary(block)
    assert (None, None, None, {}) == (
        page.meta.language,
        page.meta.canonical,
        page.meta.title,
        dict(page.meta.meta),
    )


def test_read_blocks_reads_bytes() -> None:
    """Bytes are UTF-8 (a byte-order mark skipped, UTF-16 with one); invalid bytes warned."""
    assert {"a": "é"} == only_block(b'\xef\xbb\xbf{"a": "\xc3\xa9"}').value
    assert {"a": "é"} == read_blocks(codecs.BOM_UTF16_LE + '{"a": "é"}'.encode("utf-16-le")).blocks[
        0
    ].value
    page = read_blocks(b'{"a": "\xff"}')
    assert {"a": "\ufffd"} == page.blocks[0].value
    assert [("page-encoding", 1, 8)] == [(p.code, p.line, p.column) for p in page.problems]


def test_read_blocks_reads_a_list_of_texts_each_in_its_own_coordinates() -> None:
    """Each text of a list is a block placed in its own lines and columns."""
    page = read_blocks(['{"a": 1}', '\n  {"b": 2,}'])
    assert [{"a": 1}, {"b": 2}] == [block.value for block in page.blocks]
    assert [(1, 1), (1, 1)] == [(block.line, block.column) for block in page.blocks]
    assert [("page-repair-trailing-comma", 2, 10, "")] == summary(page.blocks[1])
    assert (2, 4) == page.blocks[1].locate("/b")


def test_read_blocks_of_no_texts_or_too_many() -> None:
    """No text: a warning; more than MAX_BLOCKS: the first are read and one error says so."""
    assert ["page-no-jsonld"] == codes(read_blocks([]))
    page = read_blocks(["{}"] * (MAX_BLOCKS + 5))
    assert MAX_BLOCKS == len(page.blocks)
    assert ["page-too-many-blocks"] == codes(page)


def test_read_blocks_takes_a_parsed_value_without_positions() -> None:
    """A dict, or a list that is not all strings, is a value already parsed: one block, no
    positions; problems made for it have no line or column."""
    value = {"@type": "NewsArticle", "headline": "H"}
    for data in (value, [value, "x"]):
        block = read_blocks(data).blocks[0]
        assert data is block.value
        assert (None, None) == block.locate("/headline")
        problem = block.problem("import-dropped", "/headline", "m")
        assert (None, None) == (problem.line, problem.column)


@pytest.mark.parametrize(
    ("value", "code", "pointer"),
    [
        ({"a": float("nan")}, "page-json-value", "/a"),
        ({"a": [1, (2,)]}, "page-json-value", "/a/1"),
        ({"a": {1: 2}}, "page-json-value", "/a"),
        ({"a": object()}, "page-json-value", "/a"),
    ],
)
def test_read_blocks_refuses_a_parsed_value_that_is_not_json(
    value: Any, code: str, pointer: str
) -> None:
    """What JSON cannot hold is an error with its pointer, and the block has no value."""
    block = read_blocks(value).blocks[0]
    assert None is block.value
    assert [(code, None, None, pointer)] == summary(block)


def test_read_blocks_refuses_a_value_that_holds_itself() -> None:
    """A value that contains itself is too deep, not an endless loop."""
    value: dict[str, Any] = {}
    value["self"] = value
    assert ["page-json-depth"] == [p.code for p in read_blocks(value).blocks[0].problems]


# --- the property: locate agrees with where the value stands ---------------------------------

keys = st.text(st.characters(blacklist_characters="<", blacklist_categories=["Cs"]), max_size=6)
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**15), max_value=10**15)
    | st.floats(allow_nan=False, allow_infinity=False)
    | keys,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=4),
    max_leaves=15,
)
prose = st.lists(
    st.sampled_from(["a", "é", " ", "\n", "\r\n", "\r", "\t", "<p>", "&amp;", "<!-- c -->"])
).map("".join)


class Writer:
    """Writes a JSON value as text, recording where each value stands by JSON Pointer; with
    ``messy``, adds what the repairs mend: comments, trailing commas, raw control characters,
    a wrapper and a semicolon."""

    def __init__(self, rng: random.Random, messy: bool) -> None:
        self.rng = rng
        self.messy = messy
        self.parts: list[str] = []
        self.length = 0
        self.positions: dict[str, int] = {}

    def write(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def gap(self) -> None:
        self.write(self.rng.choice(["", " ", "\n", "\r\n", "\r", "\t "]))
        if self.messy and self.rng.random() < 0.3:
            self.write(self.rng.choice(["/* c */", "// c\n"]))

    def string(self, text: str) -> None:
        if self.messy:
            self.write('"')
            for char in text:
                raw = char in "\n\t\x01" and self.rng.random() < 0.5
                self.write(char if raw else json.dumps(char, ensure_ascii=False)[1:-1])
            self.write('"')
        else:
            self.write(json.dumps(text, ensure_ascii=self.rng.random() < 0.5))

    def value(self, value: Any, pointer: str, member: bool = False) -> None:
        if not member:
            self.positions[pointer] = self.length
        if isinstance(value, dict):
            self.write("{")
            for index, (key, item) in enumerate(value.items()):
                if index:
                    self.write(",")
                self.gap()
                here = f"{pointer}/{key.replace('~', '~0').replace('/', '~1')}"
                self.positions[here] = self.length
                self.string(key)
                self.gap()
                self.write(":")
                self.gap()
                self.value(item, here, member=True)
                self.gap()
            if value and self.messy and self.rng.random() < 0.5:
                self.write(",")
                self.gap()
            self.write("}")
        elif isinstance(value, list):
            self.write("[")
            for index, item in enumerate(value):
                if index:
                    self.write(",")
                self.gap()
                self.value(item, f"{pointer}/{index}")
                self.gap()
            if value and self.messy and self.rng.random() < 0.5:
                self.write(",")
            self.write("]")
        elif isinstance(value, str):
            self.string(value)
        else:
            self.write(json.dumps(value))

    def document(self, value: Any) -> None:
        if self.messy and self.rng.random() < 0.3:
            self.write(self.rng.choice(["<!--\n", "//<![CDATA[\n", "<![CDATA["]))
        self.gap()
        self.value(value, "")
        self.gap()
        if self.messy and self.rng.random() < 0.3:
            self.write(self.rng.choice([";", "\n//]]>", "-->", "]]>"]))


def page_position(page: str, offset: int) -> tuple[int, int]:
    """Line and column of an offset, counted independently (breaks: \\r\\n, \\r, \\n)."""
    lines = re.split(r"\r\n|\r|\n", page[:offset])
    return len(lines), len(lines[-1]) + 1


@given(json_values, prose, prose, st.randoms(use_true_random=False), st.booleans())
def test_locate_agrees_with_where_each_value_stands(
    value: Any, before: str, after: str, rng: random.Random, messy: bool
) -> None:
    """For any JSON value written into a page (any spacing, line breaks of every kind, and when
    messy the repairable faults), the block reads back the value, and locate gives, for every
    pointer, the line and column where the value (a member: its key) stands in the page."""
    writer = Writer(rng, messy)
    writer.document(value)
    text = "".join(writer.parts)
    assert "<" not in text.replace("<!--", "").replace("<![CDATA[", "")
    head = f"<html>{before}<body>{after}{SCRIPT}"
    page = read_page(head + text + "</script></html>")
    [block] = page.blocks
    assert value == block.value
    assert (block.line, block.column) == page_position(head + text, len(head))
    if not messy:
        assert () == block.problems
    assert all(p.code.startswith("page-repair-") for p in block.problems)
    for pointer, offset in writer.positions.items():
        assert page_position(head + text, len(head) + offset) == block.locate(pointer), pointer


# --- the real-world pages ---------------------------------------------------------------------

# What the manifest calls each repair, and the warning it is; the other fixes are refused
# (single-quoted strings, unescaped inner quotes, extra brackets, values back to back, empty).
MANIFEST_REPAIRS = {
    "raw-control-chars-in-strings": "page-repair-control-character",
    "trailing-semicolon": "page-repair-semicolon",
    "js-comments": "page-repair-comment",
    "cdata-or-comment-wrapper": "page-repair-wrapper",
    "trailing-commas": "page-repair-trailing-comma",
}


def realworld() -> list[dict[str, Any]]:
    if not (REALWORLD / "manifest.json").is_file():
        pytest.skip(f"the real-world test set is not at {REALWORLD}")
    manifest = json.loads((REALWORLD / "manifest.json").read_text(encoding="utf-8"))
    pages: list[dict[str, Any]] = manifest["pages"]
    return pages


def test_real_pages_give_the_blocks_the_manifest_lists() -> None:
    """For every real page kept as HTML: the blocks found are the manifest's raw strings (same
    count, same texts); every block that parses strictly has its value and no repair."""
    checked = 0
    for entry in realworld():
        if not entry["page_file"]:
            continue
        data = gzip.decompress((REALWORLD / entry["page_file"]).read_bytes())
        page = read_page(data)
        expected = json.loads((REALWORLD / entry["jsonld_file"]).read_text(encoding="utf-8"))
        assert expected == [block.text for block in page.blocks], entry["id"]
        for block in page.blocks:
            if block.index not in entry["blocks_failing_strict_json"]:
                assert json.loads(block.text) == block.value, entry["id"]
                assert [] == [p.code for p in block.problems if p.code.startswith("page-repair")]
                assert not any(p.is_error for p in block.problems), entry["id"]
        checked += 1
    assert checked >= 200


def test_real_blocks_that_fail_strict_json_are_repaired_as_the_manifest_expects() -> None:
    """Every block of the set that strict JSON refuses (read from the manifest's raw strings,
    so pages not kept as HTML count too): repaired, with the matching warnings, when all its
    faults are ones newsarticle repairs; otherwise no value and one problem."""
    recovered = refused = 0
    for entry in realworld():
        texts = json.loads((REALWORLD / entry["jsonld_file"]).read_text(encoding="utf-8"))
        page = read_blocks(texts)
        for index in entry["blocks_failing_strict_json"]:
            block = page.blocks[index]
            fixes = entry["lenient_fixes"] if len(entry["blocks_failing_strict_json"]) == 1 else []
            repairable = index not in entry["unrepaired_blocks"] and all(
                fix in MANIFEST_REPAIRS for fix in entry["lenient_fixes"]
            )
            if repairable:
                assert None is not block.value, entry["id"]
                found = {p.code for p in block.problems}
                assert {MANIFEST_REPAIRS[fix] for fix in fixes} <= found, entry["id"]
                recovered += 1
            else:
                assert None is block.value, entry["id"]
                assert 1 == len(block.problems), entry["id"]
                refused += 1
    assert (13, 9) == (recovered, refused)
