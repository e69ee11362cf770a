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
runs to the end of the page; scripts inside comments are not scripts.
"""

from __future__ import annotations

import bisect
import codecs
import html
import re
from collections.abc import Mapping, Sequence
from typing import Any, Final

import attrs

from .._errors import Problem
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

#: The largest page read (bytes, or characters for text): 15 MiB, the part of an HTML file
#: Googlebot reads.  A larger page is refused before it is decoded or parsed.
MAX_PAGE_SIZE: Final = 15 * 1024 * 1024
#: The most ld+json blocks read from one page (real pages have fewer than ten); the rest are
#: counted and reported, not read.
MAX_BLOCKS: Final = 1000

_SNIFF: Final = 8192  # how much of the page the binary test looks at
_CHARSET_WINDOW: Final = 4096  # how much of the page may declare its encoding


# --- positions -----------------------------------------------------------------------------

_BREAK: Final = re.compile(r"\r\n?|\n")


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
            self._starts = [0] + [m.end() for m in _BREAK.finditer(self._text)]
        index = bisect.bisect_right(self._starts, offset) - 1
        if index == 0:
            return self.line, self.column + offset
        return self.line + index, offset - self._starts[index] + 1


def _advance(text: str, line: int, column: int, start: int, offset: int) -> tuple[int, int]:
    """The line and column of ``offset``, from those of ``start`` (no break straddles ``start``)."""
    breaks = text.count("\n", start, offset) + text.count("\r", start, offset)
    breaks -= text.count("\r\n", start, offset)
    if not breaks:
        return line, column + offset - start
    last = max(text.rfind("\n", start, offset), text.rfind("\r", start, offset))
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
        found = Problem.of(code, pointer, message)
        line, column = self.locate(pointer)
        return found if line is None else attrs.evolve(found, line=line, column=column)


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
    found = Problem.of(code, "", message)
    return found if line is None else attrs.evolve(found, line=line, column=column)


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
    found = Problem.of(finding.code, finding.pointer, finding.message)
    return attrs.evolve(found, line=line, column=column)


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

_CONTROLS: Final = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _not_html(sample: str, text: str | None, gzip: bool) -> str | None:
    """Why the data is not an HTML page (None: it may be one).  ``sample`` is its start, as
    characters (bytes read as Latin-1); ``text`` the decoded page, when there is one yet."""
    if gzip:
        return "the data is gzip-compressed, not an HTML page: decompress it first"
    if "\x00" in sample:
        return f"the data is binary, not an HTML page (a NUL at offset {sample.index(chr(0))})"
    controls = len(_CONTROLS.findall(sample))
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
# A tag, start or end, as the HTML tokenizer reads it (attributes with quoted values that may
# hold '>'); a quoted value left open runs to the end of the page, so the pattern fails only
# at the end of the page.  Possessive quantifiers: no backtracking, linear time.
_ATTRIBUTE_PATTERN: Final = (
    rf"[{_WS}/]*+[^{_WS}/>][^{_WS}/>=]*+"
    rf"(?:[{_WS}]*+=[{_WS}]*+(?:\"[^\"]*+(?:\"|\Z)|'[^']*+(?:'|\Z)|[^{_WS}>]*+))?+"
)
_TAG: Final = re.compile(rf"<(/?)([A-Za-z][^{_WS}/>]*+)((?:{_ATTRIBUTE_PATTERN})*+)[{_WS}/]*+>")
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
# What the tokenizer may skip without a look (possessively: linear): text, a '<' that starts
# nothing, a start tag it does not read, a comment, a doctype or bogus comment; in HTML
# content every end tag, in foreign content (<svg>, <math>) the end tags but </svg> and
# </math>, and CDATA sections.  What it stops at, the loop of _tokenize reads.
_READ: Final = "|".join(("script", "plaintext", "html", "meta", "link", *_RAW_TEXT, *_FOREIGN))
_ANY_TAG: Final = rf"[A-Za-z][^{_WS}/>]*+(?:{_ATTRIBUTE_PATTERN})*+[{_WS}/]*+>"
_SKIPPED_MARKUP: Final = (
    r"[^<]++|<(?![A-Za-z/!?])"
    r"|<!--(?:>|->|(?:[^-]++|-(?!-!?>))*+--!?>)"
    r"|<\?[^>]*+>|</(?![A-Za-z])[^>]*+>"
)
_SKIP_HTML: Final = re.compile(  # the commonest first: text, tags
    rf"(?:[^<]++|<(?!(?i:{_READ})[{_WS}/>]){_ANY_TAG}|</{_ANY_TAG}"
    rf"|{_SKIPPED_MARKUP}|<!(?!--)[^>]*+>)*+"
)
_SKIP_FOREIGN: Final = re.compile(
    rf"(?:{_SKIPPED_MARKUP}|<!\[CDATA\[(?:[^\]]++|\](?!\]>))*+\]\]>|<!(?!--|\[CDATA\[)[^>]*+>"
    rf"|<(?!(?i:{'|'.join((*_FOREIGN, *sorted(_BREAKOUT)))})[{_WS}/>]){_ANY_TAG}"
    rf"|</(?!(?i:{'|'.join(_FOREIGN)})[{_WS}/>]){_ANY_TAG})*+"
)
_META_NAMES: Final = ("author", "description", "keywords")
_META_PREFIXES: Final = ("og:", "article:", "twitter:")


def _attributes(source: str) -> dict[str, str]:
    """A tag's attributes by lower-cased name (the first of a name wins), values decoded."""
    found: dict[str, str] = {}
    for name, double, single, bare in _ATTRIBUTE.findall(source):
        name = name.lower()
        if name not in found:
            value = double or single or bare
            found[name] = html.unescape(value) if "&" in value else value
    return found


def _is_jsonld(attributes: dict[str, str]) -> bool:
    kind = attributes.get("type")
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
    end = len(text)
    foreign = 0  # depth in <svg>/<math>
    pos = 0
    while True:
        skipped = (_SKIP_FOREIGN if foreign else _SKIP_HTML).match(text, pos)
        assert skipped is not None  # the pattern matches the empty string
        markup = _MARKUP.search(text, skipped.end())
        if markup is None:
            break
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
                    break  # the rest of the page is a comment
                pos = close.end()
                continue
            if foreign and text.startswith("<![CDATA[", at):
                close_at = text.find("]]>", at + 9)
                if close_at < 0:
                    break
                pos = close_at + 3
                continue
            close_at = text.find(">", at + 2)  # a doctype or a bogus comment
            if close_at < 0:
                break
            pos = close_at + 1
            continue
        if char == "?" or (char == "/" and not _LETTER.match(text, at + 2)):
            if text.startswith("</>", at):  # nothing
                pos = at + 3
                continue
            close_at = text.find(">", at + 2)  # a bogus comment
            if close_at < 0:
                break
            pos = close_at + 1
            continue
        tag = _TAG.match(text, at)
        if tag is None:
            break  # the page ends inside a tag
        pos = tag.end()
        name = tag.group(2).lower()
        if tag.group(1):  # an end tag
            if foreign and name in _FOREIGN:
                foreign -= 1
            continue
        if foreign:
            if name in _BREAKOUT:
                foreign = 0
            elif name in _FOREIGN and not tag.group().endswith("/>"):
                foreign += 1
            if foreign:
                continue
        if name in _FOREIGN:
            if not tag.group().endswith("/>"):
                foreign = 1
            continue
        if name == "script":
            stop = _script_end(text, pos)
            if _is_jsonld(_attributes(tag.group(3))):
                found.count += 1
                if found.count <= MAX_BLOCKS:
                    found.blocks.append((pos, stop))
                elif found.dropped_at < 0:
                    found.dropped_at = pos
            pos = _skip_end_tag(text, stop)
            if pos < 0:
                break
        elif name in _RAW_END:
            close = _RAW_END[name].search(text, pos)
            stop = close.start() if close is not None else end
            if name == "title" and found.title is None:
                title = html.unescape(text[pos:stop])
                found.title = _first(re.sub(rf"[{_WS}]+", " ", title))
            pos = _skip_end_tag(text, stop)
            if pos < 0:
                break
        elif name == "plaintext":
            break
        elif name in ("html", "meta", "link"):
            _read_tag(name, _attributes(tag.group(3)), found)
    return found


def _skip_end_tag(text: str, at: int) -> int:
    """Where the end tag at ``at`` ends (-1: the page ends first)."""
    if at >= len(text):
        return -1
    tag = _TAG.match(text, at)
    return -1 if tag is None else tag.end()


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
        blocks.append(_block(index, text[start:stop], _Lines(text[start:stop], line, column)))
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
