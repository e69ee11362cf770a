"""Text as pages write it, made text the model holds: references decoded, tags removed.

Publishers' JSON-LD strings are often HTML that was never rendered: character references
(``&quot;``, ``&#8217;``, even ``&amp;quot;`` from a text escaped twice), tags (``<em>``,
``<p>``), runs of spaces and line breaks from templates.  :func:`clean` makes them the text a
reader sees, and says what it did so that every change is reported:

* **References.** Only complete references are decoded: ``&name;`` for a name HTML defines,
  ``&#N;`` and ``&#xH;`` for a character other than NUL, a surrogate or beyond Unicode.  A
  bare ``&`` (``AT&T``) or a reference without its semicolon (``&copy 2020``) is text, kept as
  written.  Decoding is repeated while complete references remain (``&amp;quot;`` is ``"``):
  a complete reference left after one decoding is a text escaped twice, as certain as the
  first (JSON strings need no HTML escaping at all).
* **Tags.** Whole tags only (``<`` a letter ... ``>``, ``</p>``, ``<br/>``, comments); the
  content of ``<script>`` and ``<style>`` elements goes with them.  ``a < b`` is text.
* **Whitespace.** A line (headline, name) has its runs of ASCII whitespace made one space and
  its ends trimmed.  A text (standfirst, caption) keeps its line breaks: spaces are collapsed
  within each line, lines trimmed, blank lines made one, the ends trimmed.  Other control
  characters, which the model refuses, are removed.

The steps are repeated until none changes the text (a decoded reference may make a tag, a
removed tag a run of spaces), at most 16 times, each a scan of the text: the result is a fixed
point (cleaning it again changes nothing: ``tests/test_import_mapping.py`` proves it) for any
text not escaped or nested more than 16 levels deep, and the cost stays linear in the length
of the text whatever it holds.  So importing an article exported by newsarticle gives back its
text exactly when the text was clean to begin with.
"""

from __future__ import annotations

import html
import html.entities
import re
from collections.abc import Callable
from typing import Final

import attrs

__all__ = ["SPACE", "Cleaned", "clean", "clean_line", "clean_text", "paragraphs"]

_REFERENCE: Final = re.compile(
    r"&(?:#([0-9]{1,8})|#[xX]([0-9A-Fa-f]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));"
)
_NAMED: Final = frozenset(name for name in html.entities.html5 if name.endswith(";"))
# A whole tag: ``<`` or ``</``, a name, attributes up to ``>``.
_TAG: Final = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)(?:\s[^<>]*)?/?>")
# Where a tag or a comment may start.
_TAG_START: Final = re.compile(r"<(?:!--|/?[A-Za-z])")
# Elements whose content goes with their tags.
_RAW: Final = frozenset({"script", "style"})
# Tags that end a paragraph of a body written as HTML.
_BLOCK: Final = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "blockquote", "tr", "table", "section", "article"}
    | {"figure", "hr", "h1", "h2", "h3", "h4", "h5", "h6"}
)
#: How many times the steps of cleaning are repeated at most: a text escaped (or tagged
#: inside its tags) more often than that keeps what is left.
_ROUNDS: Final = 16
#: ASCII whitespace, which HTML collapses (a no-break space is text).
SPACE: Final = " \t\n\r\f\v"
_ASCII_SPACE: Final = SPACE
_LINE_SPACE: Final = re.compile(r"[ \t\n\r\f\v]+")
_INLINE_SPACE: Final = re.compile(r"[ \t\f\v]+")
# The control characters the model refuses in text (C0, DEL, C1) but the ASCII whitespace,
# which is collapsed instead.
_CONTROLS: Final = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_BLANK_LINES: Final = re.compile(r"\n{2,}")
# What any step of cleaning would change; a text with none of it is clean as it is.  A line:
# a reference or a tag may start, a control or whitespace character other than the space, two
# spaces, a space at an end.  A text: the same, but newlines are text where they make no
# blank line beyond one and stand next to no space, and not at an end.
_DIRTY_LINE: Final = re.compile("[&<\x00-\x1f\x7f-\x9f]|  |^ | $")
_DIRTY_TEXT: Final = re.compile("[&<\x00-\x09\x0b-\x1f\x7f-\x9f]|  | \n|\n |\n\n\n|^[ \n]|[ \n]$")


@attrs.frozen
class Cleaned:
    """A cleaned text and what was done to it (empty when nothing was)."""

    text: str
    changes: tuple[str, ...]


def _decode_one(match: re.Match[str]) -> str:
    decimal, hexadecimal, name = match.groups()
    if name is not None:
        return html.entities.html5[name + ";"] if name + ";" in _NAMED else match.group()
    point = int(decimal) if decimal is not None else int(hexadecimal, 16)
    if point == 0 or 0xD800 <= point <= 0xDFFF or point > 0x10FFFF:
        return match.group()
    # html.unescape maps the C1 range as browsers do (&#150; is an en dash).
    return html.unescape(match.group())


def _strip_tags(text: str, separator: str) -> str:
    """Whole tags and comments out, and the content of ``script`` and ``style`` elements:
    one scan of the text (an unclosed comment or element is text)."""
    if "<" not in text:
        return text
    lower: str | None = None
    unclosed: set[str] = set()  # elements with no end tag after this point
    out: list[str] = []
    pos = 0
    while True:
        found = _TAG_START.search(text, pos)
        if found is None:
            out.append(text[pos:])
            return "".join(out)
        start = found.start()
        out.append(text[pos:start])
        if text.startswith("<!--", start):
            end = text.find("-->", start + 4)
            if end < 0:
                out.append(text[start:])
                return "".join(out)
            pos = end + 3
            continue
        tag = _TAG.match(text, start)
        if tag is None:
            out.append("<")
            pos = start + 1
            continue
        pos = tag.end()
        name = tag.group(2).lower()
        if name in _RAW and not tag.group(1) and name not in unclosed:
            lower = lower if lower is not None else text.lower()
            close = lower.find(f"</{name}", pos)
            end = text.find(">", close) if close >= 0 else -1
            if end >= 0:
                pos = end + 1
            else:
                unclosed.add(name)
        out.append(separator if name in _BLOCK else "")


def _settle(text: str, separator: str, spaces: Callable[[str], str]) -> Cleaned:
    """The steps repeated until none changes the text, at most :data:`_ROUNDS` times: control
    characters out, one level of character references decoded, tags removed, whitespace
    collapsed.  Each round is one scan of the text, and only shortens it."""
    changes: list[str] = []
    for _ in range(_ROUNDS):
        start = text
        removed = _CONTROLS.sub("", text)
        if removed != text:
            changes.append("control characters removed")
        decoded = _REFERENCE.sub(_decode_one, removed) if "&" in removed else removed
        if decoded != removed:
            changes.append("character references decoded")
        stripped = _strip_tags(decoded, separator)
        if stripped != decoded:
            changes.append("HTML tags removed")
        text = spaces(stripped)
        if text != stripped:
            changes.append("whitespace collapsed")
        if text == start:
            break
    return Cleaned(text, tuple(dict.fromkeys(changes)))


def _line_spaces(text: str) -> str:
    return _LINE_SPACE.sub(" ", text).strip(_ASCII_SPACE)


def clean_line(text: str) -> Cleaned:
    """A one-line text (headline, name, keyword): markup out, whitespace collapsed."""
    if _DIRTY_LINE.search(text) is None:
        return Cleaned(text, ())
    return _settle(text, " ", _line_spaces)


def _clean_lines(text: str) -> str:
    text = _INLINE_SPACE.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [line.strip(" ") for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip("\n")


def clean_text(text: str) -> Cleaned:
    """A text that may span lines (standfirst, caption, quote): markup out, line breaks kept."""
    if _DIRTY_TEXT.search(text) is None:
        return Cleaned(text, ())
    return _settle(text, "\n\n", _clean_lines)


def clean(text: str, *, lines: bool) -> Cleaned:
    """:func:`clean_text` when ``lines``, else :func:`clean_line`."""
    return clean_text(text) if lines else clean_line(text)


def paragraphs(text: str) -> tuple[list[str], tuple[str, ...]]:
    """An ``articleBody`` as paragraphs, and what the cleaning did: cleaned as a text (the
    block tags of a body written as HTML make blank lines), then split at blank lines; a body
    with no blank line but line breaks is split at the line breaks."""
    cleaned = clean_text(text)
    separator = "\n\n" if "\n\n" in cleaned.text else "\n"
    parts = [part for part in cleaned.text.split(separator) if part]
    return parts, cleaned.changes
