"""A page's structured data: its ld+json blocks, each read into a value, and its meta tags.

:func:`read_page` reads an HTML page (text, or bytes in the page's encoding) into a
:class:`Page`: every ``<script type="application/ld+json">`` block in page order, each with its
raw text, where that text starts in the page, its value (:mod:`._lenient`: strict JSON first,
then the unambiguous repairs) and its problems; what the page says outside its JSON-LD
(:class:`PageMeta`); and the problems of the page as a whole.  :func:`read_blocks` reads JSON-LD
given alone: one text, a list of block texts, or a value already parsed.

Positions.  Lines and columns are 1-based; a column counts characters (code points) of the
decoded text.  A line ends at ``\\n``, at ``\\r\\n`` or at a lone ``\\r`` (the three line breaks
of HTML, which the HTML parser normalizes to ``\\n``); no other character (form feed,
``U+2028``, ``U+0085``) ends a line.  A block's ``line`` and ``column`` are where its text
starts (just after the ``>`` of its start tag); a problem inside a block is placed at the value
concerned (a member of an object at its key), in page coordinates.

Encoding of bytes.  A byte-order mark decides (UTF-8, UTF-16); otherwise bytes that are valid
UTF-8 are read as UTF-8 (with a warning when the page declares another encoding and holds
non-ASCII bytes: the declaration is wrong, since legacy text is practically never valid UTF-8);
otherwise the encoding the page declares in its first 4 KiB (``<meta charset>``, or
``<meta http-equiv="Content-Type" content="...; charset=...">``), with the labels browsers
treat as windows-1252 (``iso-8859-1``, ``us-ascii``) read as windows-1252; otherwise UTF-8.
Bytes invalid in the encoding used become U+FFFD, with a warning at the first of them.

The HTML is read by a small tokenizer that follows the HTML standard's tokenizer for what it
needs (tags and their attributes, comments, the raw text of ``<script>``, ``<style>`` and the
like, the RCDATA of ``<title>`` and ``<textarea>``), in time linear in the page.  (The standard
library's ``html.parser`` is not linear on malformed markup: in Python 3.11.7 it takes
minutes on 120 KB of ``<a `` repeated.)  As in a browser, a script ends at the first
``</script`` followed by a space, ``/`` or ``>``, except inside ``<!--`` ... ``-->`` where a
``<script`` opened before it makes the next ``</script`` part of the text; a script left open
runs to the end of the page; scripts inside comments are not scripts.  Most of a page is
skipped by one regular expression (``_step``) whose repetitions are all possessive, so that
it never backtracks: text, the tags the reader has no use for (quoted attribute values
holding '>' included), comments, scripts that are not ld+json, raw text, drawings; it stops
at the tags the reader reads (``<meta>``, ld+json scripts, ``<link>``, ``<title>``,
``<html>``), which Python code reads.  Each alternative of it that is a shortcut for a
common form (an attribute in double quotes, a ``<meta>`` with a property and a content)
matches exactly what the general form does where it matches, and gives way to it elsewhere.
"""

from __future__ import annotations

import bisect
import codecs
import html
import itertools
import operator
import re
from collections.abc import Mapping, Sequence
from typing import Any, Final

import attrs

from .._errors import Problem
from . import MAX_PAGE_SIZE
from ._lenient import MAX_BLOCK_SIZE, Finding, Source, check_value, parse

__all__ = [
    "MAX_BLOCKS",
    "MAX_BLOCK_SIZE",
    "MAX_PAGE_SIZE",
    "Block",
    "Page",
    "PageMeta",
    "read_blocks",
    "read_page",
]

#: The most ld+json blocks read from one page (real pages have fewer than ten); the rest are
#: counted and reported, not read.
MAX_BLOCKS: Final = 1000

_SNIFF: Final = 8192  # how much of the page the binary test looks at
_CHARSET_WINDOW: Final = 4096  # how much of the page may declare its encoding


# --- positions -----------------------------------------------------------------------------

_BREAKS: Final = re.compile(r"(\r\n?|\n)")


def _line_starts(text: str) -> list[int]:
    """Where each line of ``text`` starts (counted by the C string methods, not line by line)."""
    if "\r" not in text:
        lengths = map(len, text.split("\n")[:-1])
        return [0, *map(operator.add, itertools.accumulate(lengths), itertools.count(1))]
    ends = list(itertools.accumulate(map(len, _BREAKS.split(text))))  # each line, each break
    return [0, *ends[1::2]]


class _Lines:
    """Line and column of the offsets of one text (line starts found on first use)."""

    __slots__ = ("_starts", "_text", "column", "line")

    def __init__(self, text: str, line: int = 1, column: int = 1) -> None:
        self._text = text
        self._starts: list[int] | None = None
        self.line = line  # where the text starts, in the page
        self.column = column

    def position(self, offset: int) -> tuple[int, int]:
        """The page line and column of ``offset`` in the text."""
        if self._starts is None:
            self._starts = _line_starts(self._text)
        index = bisect.bisect_right(self._starts, offset) - 1
        if index == 0:
            return self.line, self.column + offset
        return self.line + index, offset - self._starts[index] + 1


def _advance(text: str, line: int, column: int, start: int, offset: int) -> tuple[int, int]:
    """The line and column of ``offset``, from those of ``start`` (no break straddles ``start``)."""
    breaks = text.count("\n", start, offset)
    returns = text.count("\r", start, offset)
    if returns:
        breaks += returns - text.count("\r\n", start, offset)
    if not breaks:
        return line, column + offset - start
    last = text.rfind("\n", start, offset)
    if returns:
        last = max(last, text.rfind("\r", start, offset))
    return line + breaks, offset - last


def _position(text: str, offset: int) -> tuple[int, int]:
    return _advance(text, 1, 1, 0, offset)


class _Where:
    """Where a block stands in its page, and how to place the values of its value."""

    __slots__ = ("lines", "source")

    def __init__(self, lines: _Lines, source: Source | None) -> None:
        self.lines = lines
        self.source = source

    def locate(self, pointer: str) -> tuple[int, int]:
        offset = self.source.offset(pointer) if self.source is not None else None
        return self.lines.position(offset or 0)


# --- the model -----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Block:
    """One application/ld+json block of a page (or one JSON-LD text given alone)."""

    index: int  # 0-based, in page order
    text: str  # the block's raw text, as it stands in the page (entities not decoded)
    line: int  # 1-based line in the page where `text` starts
    column: int  # 1-based column (characters) in the page where `text` starts
    value: Any  # the parsed JSON value after unambiguous repairs; None when it could not be parsed
    problems: tuple[
        Problem, ...
    ]  # its parse problems and repairs, each with line/column in the page
    _where: _Where | None = attrs.field(default=None, eq=False, repr=False)

    def locate(self, pointer: str) -> tuple[int | None, int | None]:
        """Line and column in the page of the value at JSON Pointer `pointer` of `value`
        (None, None if unknown).

        A member of an object is placed at its key, an array item or the whole value at its
        first character; a pointer that is not in the value at its nearest ancestor that is;
        any pointer of a block that has no value at the start of its text.  A value given
        already parsed has no positions: (None, None).
        """
        if self._where is None:
            return None, None
        return self._where.locate(pointer)

    def problem(self, code: str, pointer: str, message: str) -> Problem:
        """Problem.of(code, pointer, message) with the line and column in the page of
        `pointer` (via locate)."""
        line, column = self.locate(pointer)
        return Problem.of(code, pointer, message, line, column)


@attrs.frozen(kw_only=True)
class PageMeta:
    """What the page says outside its JSON-LD.

    Each is the first non-empty value the page gives, with character references decoded and
    surrounding spaces removed (the title's runs of spaces made one): ``<html lang>``, the
    ``href`` of the first ``<link>`` whose ``rel`` holds the token ``canonical``, the first
    ``<title>`` (not one inside ``<svg>`` or ``<math>``), and the ``content`` of each
    ``<meta property=...>`` or ``<meta name=...>`` named ``og:*``, ``article:*``, ``twitter:*``,
    ``author``, ``description`` or ``keywords``, by its name lower-cased.
    """

    language: str | None  # <html lang>
    canonical: str | None  # <link rel=canonical href>
    title: str | None  # <title>
    # the first content of each og:* / article:* / twitter:* / name=author|description|keywords
    # meta, by its property/name (lower-cased)
    meta: Mapping[str, str]


@attrs.frozen(kw_only=True)
class Page:
    """A page read: its blocks in page order, its meta, and the problems of the page as a whole."""

    blocks: tuple[Block, ...]
    meta: PageMeta
    problems: tuple[
        Problem, ...
    ]  # about the page as a whole (not HTML, too large, too many blocks, ...)


_NO_META: Final = PageMeta(language=None, canonical=None, title=None, meta={})


def _at(code: str, message: str, line: int | None = 1, column: int | None = 1) -> Problem:
    return Problem.of(code, "", message, line, column)


def _block(index: int, text: str, lines: _Lines) -> Block:
    """A block read from its text, placed by ``lines``."""
    parsed = parse(text)
    problems = tuple(_problem(finding, lines) for finding in parsed.findings)
    return Block(
        index=index,
        text=text,
        line=lines.line,
        column=lines.column,
        value=parsed.value,
        problems=problems,
        where=_Where(lines, parsed.source),
    )


def _problem(finding: Finding, lines: _Lines) -> Problem:
    line, column = lines.position(finding.offset)
    return Problem.of(finding.code, finding.pointer, finding.message, line, column)


# --- bytes to text -------------------------------------------------------------------------

_META_CHARSET: Final = re.compile(
    rb"""<meta[^>]*?charset[\t\n\f\r ]*=[\t\n\f\r ]*["']?[\t\n\f\r ]*([A-Za-z0-9._:+-]+)""",
    re.IGNORECASE,
)
# The labels browsers read otherwise than Python's codec of the same name (WHATWG Encoding).
_AS_BROWSERS: Final = {
    "latin_1": "cp1252",
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "gb2312": "gbk",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
    "utf-16": "utf-8",
    "utf-16-le": "utf-8",
    "utf-16-be": "utf-8",
    "utf-32": "utf-8",
    "utf-32-le": "utf-8",
    "utf-32-be": "utf-8",
}


# Codecs that no browser reads a page in (browsers refuse UTF-7 for safety).
_NOT_PAGE_ENCODINGS: Final = frozenset(
    (
        "idna",
        "punycode",
        "undefined",
        "unicode-escape",
        "raw-unicode-escape",
        "utf-7",
        "mbcs",
        "oem",
        "charmap",
        "unicode-internal",
    )
)


def _declared(data: bytes) -> tuple[str | None, str | None]:
    """The encoding the page declares in its first 4 KiB: (Python codec, label as written);
    (None, label) for a label no codec reads; (None, None) when it declares none."""
    match = _META_CHARSET.search(data, 0, _CHARSET_WINDOW)
    if match is None:
        return None, None
    label = match.group(1).decode("ascii").lower()
    try:
        name = codecs.lookup(label).name
        b"x".decode(name, "replace")  # LookupError for codecs that are not text encodings
    except (LookupError, UnicodeError):
        return None, label
    if name in _NOT_PAGE_ENCODINGS:
        return None, label
    return _AS_BROWSERS.get(name, name), label


def _decode(data: bytes, *, page: bool) -> tuple[str, list[Problem]]:
    """The text of ``data`` and the encoding problems (see the module's docstring)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode_with(data[3:], "utf-8", "UTF-8 (its byte-order mark)")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        utf16 = "utf-16-le" if data.startswith(b"\xff\xfe") else "utf-16-be"
        return _decode_with(data[2:], utf16, "UTF-16 (its byte-order mark)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        problems = []
        if page and not data.isascii():
            codec, label = _declared(data)
            if label is not None and codec not in ("utf-8", None):
                message = (
                    f"the page declares the encoding {label!r}, but its bytes are UTF-8; "
                    "it is read as UTF-8 (a browser that trusts the declaration shows it garbled)"
                )
                problems.append(_at("page-encoding", message))
        return text, problems
    if page:
        codec, label = _declared(data)
        if codec is not None and codec != "utf-8":
            assert label is not None
            return _decode_with(data, codec, f"{label!r} (as the page declares)")
        if codec is None and label is not None:
            text, problems = _decode_with(data, "utf-8", "UTF-8")
            message = f"the page declares the encoding {label!r}, which newsarticle cannot read; "
            return text, [_at("page-encoding", message + "it is read as UTF-8"), *problems]
    return _decode_with(data, "utf-8", "UTF-8")


def _decode_with(data: bytes, codec: str, name: str) -> tuple[str, list[Problem]]:
    try:
        return data.decode(codec), []
    except UnicodeDecodeError as error:
        text = data.decode(codec, "replace")
        offset = len(data[: error.start].decode(codec, "replace"))
        line, column = _position(text, offset)
        message = (
            f"byte 0x{data[error.start]:02X} is not valid in {name}; it and every other "
            "invalid byte are read as U+FFFD"
        )
        return text, [_at("page-encoding", message, line, column)]


# --- what is not a page --------------------------------------------------------------------

# The control characters no text holds (not tab, newline, form feed, carriage return).
_CONTROLS: Final = bytes((*range(0x09), 0x0B, *range(0x0E, 0x20), 0x7F))


def _controls(sample: str) -> int:
    """How many control characters ``sample`` holds (counted on its Latin-1 bytes: every
    control character is one)."""
    data = sample.encode("latin-1", "ignore")
    return len(data) - len(data.translate(None, _CONTROLS))


def _not_html(sample: str, text: str | None, gzip: bool) -> str | None:
    """Why the data is not an HTML page (None: it may be one).  ``sample`` is its start, as
    characters (bytes read as Latin-1); ``text`` the decoded page, when there is one yet."""
    if gzip:
        return "the data is gzip-compressed, not an HTML page: decompress it first"
    if "\x00" in sample:
        return f"the data is binary, not an HTML page (a NUL at offset {sample.index(chr(0))})"
    controls = _controls(sample)
    if controls * 20 > len(sample):
        return (
            f"the data is binary, not an HTML page ({controls} of its first {len(sample)} "
            "characters are control characters)"
        )
    if text is None:
        return None
    start = re.compile(r"[\t\n\f\r \ufeff]*+").match(text)
    first = text[start.end() : start.end() + 1] if start else ""
    if first in ("{", "["):
        return "the data is JSON, not an HTML page: read it as JSON-LD"
    if "<" not in text:
        return "the data holds no HTML markup at all"
    return None


# --- the HTML tokenizer --------------------------------------------------------------------

_WS: Final = r"\t\n\f\r "  # in patterns
_HTML_SPACES: Final = "\t\n\f\r "  # the same, as characters
# An attribute as the HTML tokenizer reads it (a quoted value may hold '>'); a quoted value
# left open runs to the end of the page, so a tag's pattern fails only at the end of the
# page.  Possessive quantifiers: no backtracking, linear time.
_ATTRIBUTE_PATTERN: Final = (
    rf"[{_WS}/]*+[^{_WS}/>][^{_WS}/>=]*+"
    rf"(?:[{_WS}]*+=[{_WS}]*+(?:\"[^\"]*+(?:\"|\Z)|'[^']*+(?:'|\Z)|[^{_WS}>]*+))?+"
)
# The common attribute (9 in 10 of real pages): spaces, a name without quotes, '=' and a
# value quoted and closed, in fewer steps of the matcher (a single space and double quotes
# first, the commonest).  Wherever it matches, it matches what _ATTRIBUTE_PATTERN does: its
# name is a run of name characters that '=' ends, and its value starts right after the '='.
_PLAIN_ATTRIBUTE: Final = (
    rf" [^{_WS}/>=\"']++=\"[^\"]*+\""
    rf"|[{_WS}]++[^{_WS}/>=\"']++=(?:\"[^\"]*+\"|'[^']*+')"
)
_ATTRIBUTES: Final = rf"(?:{_PLAIN_ATTRIBUTE}|{_ATTRIBUTE_PATTERN})*+"
# A tag, start or end: its name and the text of its attributes.
_TAG: Final = re.compile(rf"<(/?)([A-Za-z][^{_WS}/>]*+)({_ATTRIBUTES})[{_WS}/]*+>")
_ATTRIBUTE: Final = re.compile(
    rf"[{_WS}/]*+([^{_WS}/>][^{_WS}/>=]*+)"
    rf"(?:[{_WS}]*+=[{_WS}]*+(?:\"([^\"]*+)\"|'([^']*+)'|([^{_WS}>]*+)))?+"
)
_MARKUP: Final = re.compile(r"<[A-Za-z/!?]")
_LETTER: Final = re.compile(r"[A-Za-z]")
_COMMENT_END: Final = re.compile(r"--!?>")
_SCRIPT_DATA: Final = re.compile(rf"<(?:/script[{_WS}/>]|!--)", re.IGNORECASE)
_SCRIPT_ESCAPED: Final = re.compile(rf"-->|<(/?)script[{_WS}/>]", re.IGNORECASE)
_SCRIPT_DOUBLE: Final = re.compile(rf"-->|</script[{_WS}/>]", re.IGNORECASE)
_RAW_TEXT: Final = ("style", "xmp", "iframe", "noembed", "noframes", "title", "textarea")
_RAW_END: Final = {name: re.compile(rf"</{name}[{_WS}/>]", re.IGNORECASE) for name in _RAW_TEXT}
_FOREIGN: Final = ("svg", "math")
# The HTML elements that end foreign content when they start inside it.
_BREAKOUT: Final = frozenset(
    """b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i
    img li listing menu meta nobr ol p pre ruby s small span strong strike sub sup table tt u
    ul var""".split()  # noqa: SIM905 - a list of 44 names reads better as words
)
# The start tags the tokenizer reads, in HTML content.
_READ: Final = ("meta", "script", "link", "html", *_RAW_TEXT, *_FOREIGN, "plaintext")


def _any_case(name: str) -> str:
    """A pattern of the letters of a tag name in any case: each ASCII letter, or its other
    case, or the one other character whose lower case it is (the Kelvin sign for "k"), as
    the tokenizer lower-cases tag names."""
    return "".join(f"[{char}{char.upper()}{_LOWER_TO.get(char, '')}]" for char in name)


_LOWER_TO: Final = {"k": "\u212a"}  # the characters but ASCII whose lower case is ASCII


_READ_NAME: Final = "|".join(_any_case(name) for name in _READ)
# The rest of a tag after the first letter of its name: the rest of the name, attributes, the
# end.  The commonest form first, in fewer steps of the matcher: a name of letters, digits
# and "-_:.", each attribute a space, such a name, '=' and a value in double quotes, no
# space before the '>' or '/>' (the matcher tests a character against a set faster than
# against the complement of one).  Where it matches, the whole form matches the same text.
_NAME_CHARS: Final = "-a-zA-Z0-9_:."
_TAG_REST: Final = (
    rf"(?:[{_NAME_CHARS}]*+(?: [{_NAME_CHARS}@]++=\"[^\"]*+\")*+/?>"
    rf"|[^{_WS}/>]*+{_ATTRIBUTES}[{_WS}/]*+>)"
)
_END_TAG_REST: Final = rf"(?:[{_NAME_CHARS}]*+>|[^{_WS}/>]*+{_ATTRIBUTES}[{_WS}/]*+>)"


def _tags_but(names: Sequence[str], rest: str) -> str:
    """Alternatives of a pattern, each starting with a letter (so that the matcher tries
    only the one of the letter at hand): a tag name that is none of ``names`` (in any case,
    as :func:`_any_case` has it), then ``rest``."""
    rests: dict[str, list[str]] = {}
    for name in names:
        rests.setdefault(name[0], []).append(_any_case(name[1:]))
    others = "".join(c for c in "abcdefghijklmnopqrstuvwxyz" if c not in rests)
    return "|".join(  # (a tag name starts with an ASCII letter)
        [f"[{others}{others.upper()}]{rest}"]
        + [
            f"[{first}{first.upper()}](?!(?:{'|'.join(tails)})[{_WS}/>]){rest}"
            for first, tails in sorted(rests.items())
        ]
    )


# Comments, doctypes, processing instructions and bogus comments, after the '<'.
_NOT_TAGS: Final = (
    r"(?![A-Za-z/!?])|!--(?:>|->|(?:[^-]++|-(?!-!?>))*+--!?>)|!(?!--)[^>]*+>"
    r"|\?[^>]*+>|/(?![A-Za-z])[^>]*+>"
)
# What the tokenizer may skip in foreign content (<svg>, <math>): as in HTML content, but
# CDATA sections too, and not the end tags </svg> and </math>, nor the start tags of <svg>,
# <math> and of the HTML elements that end foreign content.
_FOREIGN_SKIPPED: Final = (
    rf"[^<]*+(?:<(?:/(?:{_tags_but(_FOREIGN, _END_TAG_REST)})"
    rf"|{_tags_but((*_FOREIGN, *sorted(_BREAKOUT)), _TAG_REST)}"
    r"|!\[CDATA\[(?:[^\]]++|\](?!\]>))*+\]\]>|!(?!--|\[CDATA\[)[^>]*+>"
    r"|(?![A-Za-z/!?])|!--(?:>|->|(?:[^-]++|-(?!-!?>))*+--!?>)"
    r"|\?[^>]*+>|/(?![A-Za-z])[^>]*+>)[^<]*+)*+"
)
_SKIP_FOREIGN: Final = re.compile(_FOREIGN_SKIPPED)
_FOREIGN_NAME: Final = "|".join(_any_case(name) for name in _FOREIGN)
# An <svg> or <math> element that holds only what foreign content skips: its start tag (not
# self-closing), what it holds, and the end tag of an <svg> or a <math>.
_FOREIGN_ELEMENT: Final = (
    rf"(?:{_FOREIGN_NAME})(?=[{_WS}/>]){_ATTRIBUTES}[{_WS}/]*+(?<!/)>{_FOREIGN_SKIPPED}"
    rf"</(?:{_FOREIGN_NAME})(?=[{_WS}/>]){_ATTRIBUTES}[{_WS}/]*+>"
)
# The attributes of the commonest <meta>: a property (or name) without character references
# and a content, in either order; groups: the name and the content, or the content and the
# name (the property or name as written: _read_tag reads them alike).
_SIMPLE_META: Final = (
    r' (?:property|name)="([^"&]*+)" content="([^"]*+)"'
    r'| content="([^"]*+)" (?:property|name)="([^"&]*+)"'
)
# The text of a script as _script_end reads it, to where it ends (before the '</script'
# that closes it, or at the end of the page): script data up to '<!--'; then, escaped, up
# to '-->' (script data again) or '<script' (double escaped, up to '-->' or '</script'),
# each '<script' and '</script' followed by a space, '/' or '>', in any case.
_SCRIPT_DATA_TEXT: Final = rf"(?:[^<]++|<(?!(?i:/script[{_WS}/>]|!--)))*+"
_ESCAPED_TEXT: Final = rf"(?:[^<-]++|-(?!->)|<(?!(?i:/?script[{_WS}/>])))*+"
_DOUBLE_ESCAPED_TEXT: Final = rf"(?:[^<-]++|-(?!->)|<(?!(?i:/script[{_WS}/>])))*+"
_OPEN_SCRIPT: Final = rf"(?i:<script)(?=[{_WS}/>])"
_CLOSE_SCRIPT: Final = rf"(?i:</script)(?=[{_WS}/>])"
_SCRIPT_TEXT: Final = (
    rf"{_SCRIPT_DATA_TEXT}(?:<!(?=--){_ESCAPED_TEXT}"
    rf"(?:{_OPEN_SCRIPT}{_DOUBLE_ESCAPED_TEXT}{_CLOSE_SCRIPT}{_ESCAPED_TEXT})*+"
    rf"(?:-->|{_OPEN_SCRIPT}{_DOUBLE_ESCAPED_TEXT}(?:-->|\Z)|(?={_CLOSE_SCRIPT})|\Z)"
    rf"{_SCRIPT_DATA_TEXT})*+"
)
# A script that is not application/ld+json: its attributes (spaces, a name, and a quoted
# value or none) hold no character reference and no "json" in any case, so its type cannot
# be ld+json; then its text.
_NOT_JSON_ATTRIBUTE: Final = (
    rf"[{_WS}]++[^{_WS}/>=\"'&jJ]++"
    r"""(?:=(?:"(?:[^"&jJ]++|[jJ](?![sS][oO][nN]))*+"|'(?:[^'&jJ]++|[jJ](?![sS][oO][nN]))*+')"""
    rf"|(?=[{_WS}/>]))"
)
# (Then an end tag whose name starts with an ASCII letter, or the end of the page: the end
# tag that closes a text, when it is another, is a tag the tokenizer cannot read, where it
# stops, in _closed_at.)
_CLOSED: Final = r"(?=</[A-Za-z]|\Z)"
_OTHER_SCRIPT: Final = (
    rf"{_any_case('script')}(?=[{_WS}/>])(?:{_NOT_JSON_ATTRIBUTE})*+[{_WS}/]*+>"
    rf"{_SCRIPT_TEXT}{_CLOSED}"
)
# An element of raw text but the title (<style>, <iframe>...): its start tag and its text, to
# the end tag that closes it (in any case) or the end of the page.
_RAW_ELEMENT: Final = "|".join(
    rf"{_any_case(name)}(?=[{_WS}/>]){_ATTRIBUTES}[{_WS}/]*+>"
    rf"(?:[^<]++|<(?!(?i:/{name}[{_WS}/>])))*+{_CLOSED}"
    for name in _RAW_TEXT
    if name != "title"
)


def _step(skipped: tuple[str, ...]) -> re.Pattern[str]:
    """One step of the tokenizer in HTML content.

    Skip, without a look (possessively: linear), text, a '<' that starts nothing, every end
    tag, a start tag it does not read (and those of ``skipped``), an <svg> or <math> element
    it has nothing to read in, a script that is not ld+json, an element of raw text but the
    title, a comment, a doctype or bogus comment; then the start tag it reads, if one comes
    next.  When none comes next, the page has ended, or ends inside markup (a tag, a comment
    left open): nothing after it is read.  A <meta> of the commonest form comes in the groups
    of _SIMPLE_META (1 to 4), any other start tag read in groups 5 (its name) and 6 (the text
    of its attributes).  (End tags first: the matcher tries an alternative only when the
    character at hand can start it.)
    """
    read = tuple(name for name in _READ if name not in skipped)
    return re.compile(
        rf"[^<]*+(?:<(?:/[A-Za-z]{_END_TAG_REST}|{_tags_but(read, _TAG_REST)}"
        rf"|{_FOREIGN_ELEMENT}|{_OTHER_SCRIPT}|{_RAW_ELEMENT}|{_NOT_TAGS})[^<]*+)*+"
        rf"(?:<(?:{_any_case('meta')}(?:{_SIMPLE_META})[{_WS}/]*+>"
        rf"|({_READ_NAME})(?=[{_WS}/>])({_ATTRIBUTES})[{_WS}/]*+>))?"
    )


_STEP: Final = _step(())
_STEP_AFTER_CANONICAL: Final = _step(("link",))  # once the canonical link is known
_META_NAMES: Final = ("author", "description", "keywords")
_META_PREFIXES: Final = ("og:", "article:", "twitter:")
# What the lower-cased text of a <meta>'s attributes holds when it may name a meta read (or
# "&", a character reference that may spell one).
_META_HINT: Final = re.compile("|".join((*_META_PREFIXES, *_META_NAMES, "&")))


def _attributes(source: str) -> dict[str, str]:
    """A tag's attributes by lower-cased name (the first of a name wins), values decoded."""
    found: dict[str, str] = {}
    for name, double, single, bare in _ATTRIBUTE.findall(source):
        name = name.lower()
        if name not in found:
            value = double or single or bare
            found[name] = html.unescape(value) if "&" in value else value
    return found


def _is_jsonld(attributes: str) -> bool:
    """Whether a script whose attributes' text is ``attributes`` is application/ld+json."""
    if "&" not in attributes and "json" not in attributes.lower():
        return False  # the type cannot be ld+json, even in another case
    kind = _attributes(attributes).get("type")
    if kind is None:
        return False
    return kind.split(";", 1)[0].strip(_HTML_SPACES).lower() == "application/ld+json"


def _script_end(text: str, pos: int) -> int:
    """Where the text of a script that starts at ``pos`` ends (the ``<`` of the end tag that
    closes it, or the end of the page), per the HTML tokenizer's script data states."""
    end = len(text)
    state = 0  # 0: script data, 1: escaped (after <!--), 2: double escaped (<!-- <script)
    while True:
        if state == 0:
            found = _SCRIPT_DATA.search(text, pos)
            if found is None:
                return end
            if found.group()[1] != "!":
                return found.start()
            state, pos = 1, found.end() - 2  # "<!-->" closes at once: its dashes count
        elif state == 1:
            found = _SCRIPT_ESCAPED.search(text, pos)
            if found is None:
                return end
            if found.group() == "-->":
                state, pos = 0, found.end()
            elif found.group(1):
                return found.start()
            else:
                state, pos = 2, found.end() - 1
        else:
            found = _SCRIPT_DOUBLE.search(text, pos)
            if found is None:
                return end
            state, pos = (0, found.end()) if found.group() == "-->" else (1, found.end() - 1)


@attrs.define
class _Scanned:
    """What the tokenizer found in a page."""

    blocks: list[tuple[int, int]] = attrs.field(factory=list)  # start and end of each text
    count: int = 0  # every ld+json block, read or not
    dropped_at: int = -1  # where the first block not read starts
    language: str | None = None
    canonical: str | None = None
    title: str | None = None
    meta: dict[str, str] = attrs.field(factory=dict)


def _first(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip(_HTML_SPACES)
    return value or None


def _tokenize(text: str) -> _Scanned:
    """Find the ld+json blocks and the meta of a page, in one pass (linear time)."""
    found = _Scanned()
    step = _STEP.match
    pos = 0
    while pos >= 0:
        tag = step(text, pos)
        assert tag is not None  # the pattern matches the empty string
        last = tag.lastindex
        if last is None:
            break  # the end of the page, or the page ends inside markup
        pos = tag.end()
        if last == 6:
            pos = _start_tag(text, tag.group(5).lower(), tag.group(6), pos, found)
            if found.canonical is not None:
                step = _STEP_AFTER_CANONICAL.match
        elif last == 2:
            _meta(tag.group(1), tag.group(2), found)
        else:
            _meta(tag.group(4), tag.group(3), found)
    return found


def _meta(name: str, content: str, found: _Scanned) -> None:
    """Read a <meta> whose only attributes are a property or name (as written, without
    character references) and a content (as written), as _read_tag does."""
    key = name.strip(_HTML_SPACES).lower()
    if key in found.meta or not (key in _META_NAMES or key.startswith(_META_PREFIXES)):
        return
    value = _first(html.unescape(content) if "&" in content else content)
    if value is not None:
        found.meta[key] = value


def _start_tag(text: str, name: str, attributes: str, end: int, found: _Scanned) -> int:
    """Read the start tag ``name`` (lower-cased), whose attributes' text is ``attributes``
    and which ends at ``end``, in HTML content: where the tokenizer goes on (-1: it stops)."""
    if name == "meta":
        if _META_HINT.search(attributes.lower()):
            _read_tag(name, _attributes(attributes), found)
        return end
    if name == "script":
        stop = _script_end(text, end)
        if _is_jsonld(attributes):
            found.count += 1
            if found.count <= MAX_BLOCKS:
                found.blocks.append((end, stop))
            elif found.dropped_at < 0:
                found.dropped_at = end
        return _closed_at(text, stop)
    if name == "link":
        if found.canonical is None and ("&" in attributes or "canonical" in attributes.lower()):
            _read_tag(name, _attributes(attributes), found)
        return end
    close = _RAW_END.get(name)
    if close is not None:
        closed = close.search(text, end)
        stop = closed.start() if closed is not None else len(text)
        if name == "title" and found.title is None:
            title = html.unescape(text[end:stop])
            found.title = _first(re.sub(rf"[{_WS}]+", " ", title))
        return _closed_at(text, stop)
    if name == "html":
        if found.language is None:
            _read_tag(name, _attributes(attributes), found)
        return end
    if name in _FOREIGN:
        return end if text.startswith("/>", end - 2) else _foreign(text, end, found)
    if name == "plaintext":
        return -1  # the rest of the page is text
    return end


def _closed_at(text: str, stop: int) -> int:
    """Where the tokenizer goes on after a text (of a script, of raw text) that ends at
    ``stop``: at its end tag, which the next step skips; -1 when the page ends there, or when
    the end tag's name does not start with an ASCII letter (a script ends at '</script' in
    any case, a long s for the s included, but that is no tag the tokenizer reads: it stops
    there, as it does at a tag left open)."""
    if stop + 2 >= len(text) or not _LETTER.match(text, stop + 2):
        return -1
    return stop


def _foreign(text: str, pos: int, found: _Scanned) -> int:
    """Tokenize the foreign content (``<svg>``, ``<math>``) that starts at ``pos``: where HTML
    content resumes, after the end tag that closes it or at an HTML element that ends it
    (read as in HTML content); -1 when the page ends first."""
    depth = 1  # in <svg>/<math>
    while True:
        skipped = _SKIP_FOREIGN.match(text, pos)
        assert skipped is not None  # the pattern matches the empty string
        markup = _MARKUP.search(text, skipped.end())
        if markup is None:
            return -1
        at = markup.start()
        char = text[at + 1]
        if char == "!":
            if text.startswith("<!--", at):
                if text.startswith(">", at + 4):
                    pos = at + 5
                    continue
                if text.startswith("->", at + 4):
                    pos = at + 6
                    continue
                close = _COMMENT_END.search(text, at + 4)
                if close is None:
                    return -1  # the rest of the page is a comment
                pos = close.end()
                continue
            if text.startswith("<![CDATA[", at):
                close_at = text.find("]]>", at + 9)
                if close_at < 0:
                    return -1
                pos = close_at + 3
                continue
            close_at = text.find(">", at + 2)  # a doctype or a bogus comment
            if close_at < 0:
                return -1
            pos = close_at + 1
            continue
        if char == "?" or (char == "/" and not _LETTER.match(text, at + 2)):
            if text.startswith("</>", at):  # nothing
                pos = at + 3
                continue
            close_at = text.find(">", at + 2)  # a bogus comment
            if close_at < 0:
                return -1
            pos = close_at + 1
            continue
        tag = _TAG.match(text, at)
        if tag is None:
            return -1  # the page ends inside a tag
        pos = tag.end()
        name = tag.group(2).lower()
        if tag.group(1):  # an end tag
            if name in _FOREIGN:
                depth -= 1
                if not depth:
                    return pos
            continue
        if name in _BREAKOUT:
            return _start_tag(text, name, tag.group(3), pos, found)
        if name in _FOREIGN and not tag.group().endswith("/>"):
            depth += 1


def _read_tag(name: str, attributes: dict[str, str], found: _Scanned) -> None:
    if name == "html":
        if found.language is None:
            found.language = _first(attributes.get("lang") or attributes.get("xml:lang"))
    elif name == "link":
        rel = attributes.get("rel", "").lower().split()
        if found.canonical is None and "canonical" in rel:
            found.canonical = _first(attributes.get("href"))
    else:
        content = _first(attributes.get("content"))
        if content is None:
            return
        for kind in ("property", "name"):
            key = (attributes.get(kind) or "").strip(_HTML_SPACES).lower()
            if key and (key in _META_NAMES or key.startswith(_META_PREFIXES)):
                found.meta.setdefault(key, content)


# --- reading -------------------------------------------------------------------------------


def read_page(page: str | bytes, *, max_size: int = MAX_PAGE_SIZE) -> Page:
    """Read an HTML page (text, or bytes in the page's encoding): its blocks, meta, problems.

    A page larger than ``max_size`` (bytes, or characters for text) is refused before it is
    decoded.  Bad input never raises: binary data, JSON, a page without markup, a page too
    large are each one ``page-*`` problem of the page; a block that cannot be read has the
    value None and its problem.
    """
    if isinstance(page, bytearray | memoryview):
        page = bytes(page)
    if not isinstance(page, str | bytes):
        raise TypeError(f"read_page expects str or bytes, not {type(page).__name__}")
    if isinstance(max_size, bool) or not isinstance(max_size, int) or max_size < 1:
        raise ValueError(f"max_size must be a positive whole number, not {max_size!r}")
    if len(page) > max_size:
        unit = "bytes" if isinstance(page, bytes) else "characters"
        message = (
            f"the page is {len(page):,} {unit}, larger than the limit of {max_size:,}; "
            "it is not read"
        )
        return Page(blocks=(), meta=_NO_META, problems=(_at("page-too-large", message),))
    problems: list[Problem] = []
    if isinstance(page, bytes):
        utf16 = page.startswith((b"\xff\xfe", b"\xfe\xff"))
        if not utf16:
            why = _not_html(page[:_SNIFF].decode("latin-1"), None, page.startswith(b"\x1f\x8b"))
            if why is not None:
                return Page(blocks=(), meta=_NO_META, problems=(_at("page-not-html", why),))
        text, problems = _decode(page, page=True)
    else:
        text = page
    why = _not_html(text[:_SNIFF], text, gzip=False)
    if why is not None:
        return Page(blocks=(), meta=_NO_META, problems=(*problems, _at("page-not-html", why)))
    scanned = _tokenize(text)
    blocks: list[Block] = []
    line, column, anchor = 1, 1, 0
    for index, (start, stop) in enumerate(scanned.blocks):
        line, column = _advance(text, line, column, anchor, start)
        anchor = start
        raw = text[start:stop]
        blocks.append(_block(index, raw, _Lines(raw, line, column)))
    if scanned.count > MAX_BLOCKS:
        line, column = _advance(text, line, column, anchor, scanned.dropped_at)
        message = (
            f"the page has {scanned.count:,} ld+json blocks; only the first {MAX_BLOCKS:,} are read"
        )
        problems.append(_at("page-too-many-blocks", message, line, column))
    if not scanned.count:
        message = 'the page has no <script type="application/ld+json"> block'
        problems.append(_at("page-no-jsonld", message))
    meta = PageMeta(
        language=scanned.language,
        canonical=scanned.canonical,
        title=scanned.title,
        meta=scanned.meta,
    )
    return Page(blocks=tuple(blocks), meta=meta, problems=tuple(problems))


def read_blocks(data: str | bytes | Sequence[str] | Any) -> Page:
    """Read JSON-LD given alone into a page of blocks (with no meta).

    * text or bytes: one block, placed in its own lines and columns (bytes are UTF-8, or
      UTF-16 with a byte-order mark; a UTF-8 byte-order mark is skipped);
    * a list (or tuple) of strings, each the text of one block as it stands in a page: each
      block placed in its own lines and columns (line 1, column 1 is the block's first
      character), since the page around them is not known; more than :data:`MAX_BLOCKS` are
      not read;
    * anything else is a value already parsed (a dict, or a list that is not all strings):
      one block with that value, checked to be JSON data, without positions (its ``text`` is
      empty and :meth:`Block.locate` gives (None, None)).
    """
    if isinstance(data, bytearray | memoryview):
        data = bytes(data)
    if isinstance(data, str | bytes):
        problems: list[Problem] = []
        if isinstance(data, bytes):
            text, problems = _decode(data, page=False)
        else:
            text = data
        return Page(
            blocks=(_block(0, text, _Lines(text)),), meta=_NO_META, problems=tuple(problems)
        )
    if isinstance(data, list | tuple) and all(isinstance(item, str) for item in data):
        blocks = tuple(_block(i, t, _Lines(t)) for i, t in enumerate(data[:MAX_BLOCKS]))
        page_problems: list[Problem] = []
        if len(data) > MAX_BLOCKS:
            message = f"{len(data):,} blocks were given; only the first {MAX_BLOCKS:,} are read"
            page_problems.append(_at("page-too-many-blocks", message, None, None))
        if not data:
            page_problems.append(_at("page-no-jsonld", "no JSON-LD block was given", None, None))
        return Page(blocks=blocks, meta=_NO_META, problems=tuple(page_problems))
    refused = check_value(data)
    problems_of_value: tuple[Problem, ...] = ()
    if refused is not None:
        problems_of_value = (Problem.of(refused.code, refused.pointer, refused.message),)
    block = Block(
        index=0,
        text="",
        line=1,
        column=1,
        value=None if refused is not None else data,
        problems=problems_of_value,
    )
    return Page(blocks=(block,), meta=_NO_META, problems=())
