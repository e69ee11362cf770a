"""The JSON of one ld+json block: read strictly, then repaired where the repair is unambiguous.

:func:`parse` reads a block's text as the strict reader does (the standard library's C parser
with the hooks of :mod:`newsarticle._json._read`): ``NaN`` and ``Infinity`` refused, numbers
beyond a double refused, nesting deeper than :data:`~newsarticle._json._locate.MAX_DEPTH`
refused.  One thing differs: a key given twice in one object is reported as a warning and
the *last* value is kept, as browsers' ``JSON.parse`` (and so every script of the page) does.

When the strict reading fails, one linear scan of the text (:func:`_repair`), which knows
where strings are, makes the repairs that have a single reading, and only those:

* an HTML comment or CDATA wrapper around the value (``<!--`` ... ``-->``,
  ``<![CDATA[`` ... ``]]>``, and the ``//<![CDATA[`` ... ``//]]>`` forms, which are comments);
* JavaScript comments (``// ...`` to the end of the line, ``/* ... */``) outside strings;
* a comma before ``}`` or ``]`` (a trailing comma);
* a raw control character inside a string (a newline, a tab: written as its escape);
* ``;`` after the value (one or several);
* a byte-order mark, or a space JSON does not allow (no-break space, line separator...),
  outside strings.

Nothing else is guessed: single-quoted strings, quotes left unescaped inside a string, a
bracket too many, two values back to back (``{...}{...}``) are refused, because each has
more than one reading.  The repaired text is read by the strict reader again; when that
fails too, the block has no value and one error says where the reading stopped.  Each kind
of repair is one warning per block, placed at its first occurrence, with the count.

Offsets are in characters of the block's text; :class:`Source` maps the offsets of the
repaired text back to it, and finds where the value at a JSON Pointer stands.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final

import attrs

from .._json._locate import MAX_DEPTH, MAX_DIGITS
from .._json._read import STRICT_HOOKS, Refused

__all__ = ["MAX_BLOCK_SIZE", "Finding", "Parsed", "Source", "check_value", "parse"]

#: The largest block read, in characters (the largest in 280 real pages is 0.8 MiB).
MAX_BLOCK_SIZE: Final = 4 * 1024 * 1024

#: At most this many duplicate keys are reported per block (the rest are counted).
MAX_DUPLICATES_REPORTED: Final = 10


@attrs.frozen
class Finding:
    """A problem found in a block's text: its code, the JSON Pointer of the value concerned,
    and the offset (in the block's original text) where it is."""

    code: str
    pointer: str
    offset: int
    message: str


class Source:
    """The text a block's value was read from, and the way back to the block's own text.

    ``text`` is the block's text after repairs; ``original(offset)`` maps an offset in it to
    the block's original text (a character inserted by a repair maps to the character it
    replaces).  ``offset(pointer)`` is where the value at a JSON Pointer stands: a member of
    an object at its key, an array item or the top-level value at its first character; a
    pointer that is not in the value at its nearest ancestor that is.  For a text the strict
    reader read and found no key given twice in (:attr:`unique`), the pointer is followed
    from the top, and each container on its way is read only as far as the member looked
    for (the values before it are skipped by the standard library's C scanner); otherwise
    the positions are found by one scan of the text.
    """

    __slots__ = ("_containers", "_linear", "_original", "_repaired", "_scan", "text", "unique")

    def __init__(
        self,
        text: str,
        repaired: list[int] | None = None,
        original: list[int] | None = None,
        linear: list[bool] | None = None,
    ) -> None:
        self.text = text
        self._repaired = repaired  # the start of each piece of `text` (None: not repaired)
        self._original = original or []  # where each piece comes from in the original text
        self._linear = linear or []  # whether a piece is a copy (else a replacement)
        self._scan: _Scan | None = None
        #: Whether the strict reader read :attr:`text` and found no key given twice in it.
        self.unique = False
        # The containers looked into, by the offset where each starts.
        self._containers: dict[int, _Members] = {}

    def original(self, offset: int) -> int:
        """The offset in the block's original text of ``offset`` in :attr:`text`."""
        if self._repaired is None:
            return offset
        piece = bisect.bisect_right(self._repaired, offset) - 1
        if piece < 0:
            return 0
        start = self._original[piece]
        return start + (offset - self._repaired[piece]) if self._linear[piece] else start

    def replacement(self, original: int) -> int:
        """The offset in :attr:`text` of what a repair put in place of the character at
        ``original`` (of the next character kept, when the repair removed it)."""
        if self._repaired is None:
            return original
        for index, start in enumerate(self._original):
            if start >= original:
                return self._repaired[index]
        return len(self.text)

    def scan(self) -> _Scan:
        """The positions, duplicate keys and first refusal of :attr:`text` (scanned once)."""
        if self._scan is None:
            self._scan = _scan(self.text)
        return self._scan

    def offset(self, pointer: str) -> int | None:
        """The original offset of the value at ``pointer`` (or of its nearest ancestor)."""
        if self.unique:
            found = self._follow(pointer)
            return None if found is None else self.original(found)
        positions = self.scan().positions
        while pointer not in positions and pointer:
            pointer = pointer.rpartition("/")[0]
        found = positions.get(pointer)
        return None if found is None else self.original(found)

    def _follow(self, pointer: str) -> int | None:
        """Where the value at ``pointer`` (or its nearest ancestor) stands in :attr:`text`,
        found from the top down (in a text with no key given twice)."""
        text = self.text
        found = value = _space_end(text, 0)
        if found >= len(text):
            return None
        if not pointer.startswith("/"):
            return found
        for token in pointer[1:].split("/"):
            members = self._containers.get(value)
            if members is None:
                members = self._containers[value] = _Members(text, value)
            place = members.get(text, token)
            if place is None:
                break
            found, value = place
        return found

    def pointer_at(self, offset: int) -> str:
        """The pointer of the last value that starts at or before ``offset`` of :attr:`text`
        (inside a string: that string, or the member whose key it is)."""
        scan = self.scan()
        if scan.starts is None:
            pairs = sorted((start, pointer) for pointer, start in scan.positions.items())
            scan.starts = [start for start, _ in pairs]
            scan.pointers = [pointer for _, pointer in pairs]
        index = bisect.bisect_right(scan.starts, offset) - 1
        return scan.pointers[index] if index >= 0 else ""


@attrs.frozen
class Parsed:
    """A block's value (None when it cannot be read), what was found, and its source."""

    value: Any
    findings: tuple[Finding, ...]
    source: Source | None


# --- the strict reading -------------------------------------------------------------------


@attrs.frozen
class _Read:
    """A strict reading that gave a value."""

    value: Any
    duplicates: bool


@attrs.frozen
class _Syntax:
    """A strict reading that stopped at ``offset`` (the standard library's message)."""

    offset: int
    message: str


_REFUSED: Final = "refused"


def _strict(text: str) -> _Read | _Syntax | str:
    """Read ``text`` as the strict reader does, but keep the last of two values for a key."""
    duplicates = False

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal duplicates
        result = dict(items)
        if len(result) != len(items):
            duplicates = True
        return result

    decoder = json.JSONDecoder(object_pairs_hook=pairs, **STRICT_HOOKS)
    try:
        value = decoder.decode(text)
    except json.JSONDecodeError as error:
        return _Syntax(error.pos, error.msg)
    except (Refused, RecursionError, ValueError):
        return _REFUSED
    # The C parser nests far deeper than the limit before it gives up: count, when the text
    # holds enough brackets to go beyond it.
    if text.count("{") + text.count("[") > MAX_DEPTH and _deeper(value, MAX_DEPTH):
        return _REFUSED
    return _Read(value, duplicates)


def _deeper(value: Any, limit: int) -> bool:
    """Whether ``value`` nests containers more than ``limit`` deep (iteratively)."""
    if type(value) not in (dict, list):
        return False
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        children = item.values() if type(item) is dict else item
        stack.extend((child, depth + 1) for child in children if type(child) in (dict, list))
    return False


# --- where values stand: one container of a JSON text the strict reader read --------------

_JSON_SPACE: Final = re.compile(r"[ \t\n\r]*+")
_BLANK: Final = " \t\n\r"  # spaces are skipped by the pattern only where there are some
# The standard library's scanner of a value, (text, offset) -> (value, end), and of a string,
# (text, offset after the quote) -> (string, end): its C ones, where there are (typeshed does
# not declare them).
_scan_value: Final[Callable[[str, int], tuple[Any, int]]] = json.JSONDecoder().scan_once  # type: ignore[attr-defined]
_scan_key: Final[Callable[[str, int], tuple[str, int]]] = json.decoder.scanstring  # type: ignore[attr-defined]


def _space_end(text: str, pos: int) -> int:
    """Where the JSON whitespace from ``pos`` on ends."""
    match = _JSON_SPACE.match(text, pos)
    assert match is not None  # the pattern matches the empty string
    return match.end()


class _Members:
    """The members of one container of a text the strict reader read with no key given
    twice, by JSON Pointer reference token: where each stands (a member of an object at its
    key, an array item at its first character) and where its value starts; read from the
    text only as far as the members asked for (a value that is not a container has none)."""

    __slots__ = ("found", "index", "is_object", "pos")

    def __init__(self, text: str, start: int) -> None:
        self.found: dict[str, tuple[int, int]] = {}
        self.index = 0  # of the next item of an array
        self.is_object = text[start] == "{"
        self.pos = -1  # where the next member starts (-1: every member is found)
        if self.is_object or text[start] == "[":
            pos = start + 1
            if text[pos] in _BLANK:
                pos = _space_end(text, pos)
            if text[pos] not in "]}":
                self.pos = pos

    def get(self, text: str, token: str) -> tuple[int, int] | None:
        """Where the member ``token`` stands and where its value starts (None: no such)."""
        found = self.found.get(token)
        pos = self.pos
        while found is None and pos >= 0:
            if self.is_object:
                key, end = _scan_key(text, pos + 1)
                if text[end] in _BLANK:
                    end = _space_end(text, end)
                value = end + 1  # past the ':'
                if text[value] in _BLANK:
                    value = _space_end(text, value)
                name = _escape(key) if "~" in key or "/" in key else key
            else:
                value = pos
                name = str(self.index)
                self.index += 1
            self.found[name] = (pos, value)
            if name == token:
                found = (pos, value)
            pos = _scan_value(text, value)[1]
            if text[pos] in _BLANK:
                pos = _space_end(text, pos)
            if text[pos] == ",":
                pos += 1
                if text[pos] in _BLANK:
                    pos = _space_end(text, pos)
            else:
                pos = -1  # the closing bracket
        self.pos = pos
        return found


# --- where values stand: one scan of a JSON text --------------------------------------------

# Every quantifier over unbounded input is possessive: no backtracking state per character.
_TOKEN: Final = re.compile(
    r'[ \t\n\r]*+(?:("[^"\\]*+(?:\\.[^"\\]*+)*+")|([\[{])|([\]}])|(,)|(:)|([^ \t\n\r\[\]{},:"]++))',
    re.S,
)
_STRING, _OPEN, _CLOSE, _COMMA, _COLON, _WORD = 1, 2, 3, 4, 5, 6
_NUMBER: Final = re.compile(r"-?(?:0|[1-9][0-9]*+)(?:\.[0-9]++)?(?:[eE][+-]?[0-9]++)?")

# What the scan expects next.
_VALUE, _ITEM, _KEY, _FIRST_KEY, _AFTER_KEY, _AFTER = range(6)


class _Frame:
    """A container the scan is inside."""

    __slots__ = ("index", "is_object", "keys", "pointer")

    def __init__(self, pointer: str, is_object: bool) -> None:
        self.pointer = pointer
        self.is_object = is_object
        self.index = 0
        self.keys: set[str] = set()


class _Scan:
    """What one scan of a JSON text found."""

    __slots__ = ("duplicates", "pointers", "positions", "refusal", "starts")

    def __init__(self) -> None:
        self.positions: dict[str, int] = {}
        self.duplicates: list[tuple[str, int, str]] = []  # pointer, offset, key
        self.refusal: tuple[str, str, int, str] | None = None  # code, pointer, offset, message
        self.starts: list[int] | None = None
        self.pointers: list[str] = []


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def _scan(text: str) -> _Scan:
    """The offset of every value of ``text`` by JSON Pointer (a member at its key; a later
    member of the same name replaces an earlier one, as in the value), the duplicate keys,
    and the first thing the strict reader refuses.  Iterative and linear; it stops at the
    first refusal or at anything that is not JSON."""
    found = _Scan()
    positions = found.positions
    stack: list[_Frame] = []
    expect = _VALUE
    pointer = ""
    pos = 0
    match = _TOKEN.match
    while True:
        token = match(text, pos)
        if token is None:
            break
        kind = token.lastindex
        start = token.start(kind or 0)
        pos = token.end()
        if expect in (_VALUE, _ITEM):
            if kind == _CLOSE and expect == _ITEM:
                stack.pop()
                expect = _AFTER
                continue
            if not stack or not stack[-1].is_object:
                positions[pointer] = start
            if kind == _OPEN:
                if len(stack) >= MAX_DEPTH:
                    message = f"the JSON is nested deeper than {MAX_DEPTH} levels"
                    found.refusal = ("page-json-depth", "", start, message)
                    break
                frame = _Frame(pointer, text[start] == "{")
                stack.append(frame)
                if frame.is_object:
                    expect = _FIRST_KEY
                else:
                    pointer = f"{pointer}/0"
                    expect = _ITEM
            elif kind == _STRING:
                expect = _AFTER
            elif kind == _WORD:
                refusal = _refused_word(token.group(_WORD))
                if refusal is not None:
                    found.refusal = (refusal[0], pointer, start, refusal[1])
                    break
                expect = _AFTER
            else:
                break
        elif expect in (_KEY, _FIRST_KEY):
            if kind == _CLOSE and expect == _FIRST_KEY:
                stack.pop()
                expect = _AFTER
                continue
            if kind != _STRING:
                break
            raw = token.group(_STRING)
            key = raw[1:-1] if "\\" not in raw else json.loads(raw)
            frame = stack[-1]
            pointer = f"{frame.pointer}/{_escape(key)}"
            if key in frame.keys:
                found.duplicates.append((pointer, start, key))
            else:
                frame.keys.add(key)
            positions[pointer] = start
            expect = _AFTER_KEY
        elif expect == _AFTER_KEY:
            if kind != _COLON:
                break
            expect = _VALUE
        else:
            if not stack:
                break
            frame = stack[-1]
            if kind == _COMMA:
                if frame.is_object:
                    expect = _KEY
                else:
                    frame.index += 1
                    pointer = f"{frame.pointer}/{frame.index}"
                    expect = _VALUE
            elif kind == _CLOSE:
                stack.pop()
            else:
                break
    return found


def _refused_word(word: str) -> tuple[str, str] | None:
    """Why the strict reader refuses a bare word (None: a literal or a number it reads)."""
    if word in ("true", "false", "null"):
        return None
    if word in ("NaN", "Infinity", "-Infinity"):
        return "page-json-constant", f"{word} is not a JSON number"
    if _NUMBER.fullmatch(word) is None:
        return "page-json-syntax", f"not valid JSON here: {_clip(word)!r}"
    if word.lstrip("-").isdigit():  # an integer: the reader's hook counts its characters
        too_large = len(word) > MAX_DIGITS
    else:
        mantissa = re.split("[.eE]", word.lstrip("-"), maxsplit=1)[0]
        too_large = len(mantissa) > MAX_DIGITS or float(word) in (float("inf"), float("-inf"))
    if too_large:
        return "page-json-number-range", f"the number {_clip(word)} is too large to be represented"
    return None


def _clip(text: str) -> str:
    return text if len(text) <= 40 else f"{text[:37]}..."


# --- the repairs ---------------------------------------------------------------------------

_SPACES: Final = "\x0b\x0c\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
# Before the value: spaces, comments, the marks of a wrapper.
_HEAD: Final = re.compile(
    rf"([ \t\n\r]++)|([{_SPACES}]++)|(//[^\n\r]*+)|(/\*)|(<!--|<!\[CDATA\[|-->|\]\]>)"
)
# After the value: spaces, comments, the closings of a wrapper, semicolons.
_TAIL: Final = re.compile(rf"([ \t\n\r]++)|([{_SPACES}]++)|(//[^\n\r]*+)|(/\*)|(-->|\]\]>)|(;++)")
# Inside the value, outside strings.
_BODY: Final = re.compile(
    rf"([ \t\n\r]++)|([{_SPACES}]++)|(//[^\n\r]*+)|(/\*)"
    rf'|(")|([\[{{])|([\]}}])|(,)|(:)|((?:[^ \t\n\r\[\]{{}},:"/;{_SPACES}-]|-(?!->))++)'
)
# Inside the value, a run of what needs no repair: spaces, strings without raw control
# characters, numbers and literals, colons, commas that another value follows.
_PLAIN_RUN: Final = re.compile(
    r'(?:[ \t\n\r]++|"[^"\\\x00-\x1f]*+(?:\\[^\x00-\x1f][^"\\\x00-\x1f]*+)*+"'
    rf'|(?:[^ \t\n\r\[\]{{}},:"/;{_SPACES}-]|-(?!->))++|:'
    rf"|,(?=[ \t\n\r]*+[^ \t\n\r\]}}/{_SPACES}]))*+"
)
_SPACE, _SPACE_OTHER, _LINE_COMMENT, _BLOCK_COMMENT = 1, 2, 3, 4
_WRAPPER_OPEN = _WRAPPER_CLOSE = 5
_SEMICOLON = 6
_B_STRING, _B_OPEN, _B_CLOSE, _B_COMMA, _B_COLON, _B_WORD = 5, 6, 7, 8, 9, 10
_STRING_PLAIN: Final = re.compile(r'[^"\\\x00-\x1f]*+')
_WRAPPER_MARKS: Final = ("<![CDATA[", "]]>", "<!--", "-->")
_ESCAPES: Final = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_CONTROL_NAMES: Final = {
    "\n": "a raw newline",
    "\r": "a raw carriage return",
    "\t": "a raw tab",
}

#: The message of each repair (a count and "the first here" are added when there are several).
_REPAIRS: Final = {
    "page-repair-wrapper": "an HTML comment or CDATA wrapper around the JSON was removed",
    "page-repair-comment": "a JavaScript comment outside strings was removed",
    "page-repair-trailing-comma": "a comma before a closing bracket (a trailing comma) was removed",
    "page-repair-control-character": "{what} inside a string was written as its escape",
    "page-repair-semicolon": "a ';' after the JSON value was removed",
    "page-repair-space": "{what} outside strings was removed",
}
_PLURALS: Final = {
    "page-repair-wrapper": "wrapper markers",
    "page-repair-comment": "comments",
    "page-repair-trailing-comma": "trailing commas",
    "page-repair-control-character": "raw control characters",
    "page-repair-semicolon": "semicolons",
    "page-repair-space": "stray spaces",
}


class _Repairs:
    """The edits of one repair scan: (start, end, replacement) in the original text, and per
    kind of repair its count, its first offset and what was there."""

    def __init__(self) -> None:
        self.edits: list[tuple[int, int, str]] = []
        self.kinds: dict[str, list[Any]] = {}

    def add(self, code: str, start: int, end: int, replacement: str = "", what: str = "") -> None:
        self.edits.append((start, end, replacement))
        seen = self.kinds.get(code)
        if seen is None:
            self.kinds[code] = [1, start, what]
        else:
            seen[0] += 1
            if start < seen[1]:
                seen[1], seen[2] = start, what

    def comment(self, text: str, start: int, end: int) -> None:
        body = text[start:end]
        wrapper = any(mark in body for mark in _WRAPPER_MARKS)
        self.add("page-repair-wrapper" if wrapper else "page-repair-comment", start, end)

    def findings(self) -> Iterator[Finding]:
        for code, (count, offset, what) in self.kinds.items():
            message = _REPAIRS[code].format(what=what)
            if count > 1:
                message += f" ({count} {_PLURALS[code]} repaired in this block; the first is here)"
            yield Finding(code, "", offset, message)


def _space_name(char: str) -> str:
    if char == "\ufeff":
        return "a byte-order mark (U+FEFF)"
    return f"a space JSON does not allow (U+{ord(char):04X})"


def _repair(text: str) -> _Repairs:
    """The unambiguous repairs of ``text``, found in one linear scan that tracks strings.

    The scan stops where the text cannot be repaired any further (an unclosed string or
    comment, a character that belongs nowhere, a second value): what follows is left as it
    is, for the strict reader to refuse."""
    repairs = _Repairs()
    end = len(text)
    pos = 0
    # Before the value.
    found = _outside(text, pos, _HEAD, {_WRAPPER_OPEN: "page-repair-wrapper"}, repairs)
    if found is None:
        return repairs
    pos = found
    # The value.
    depth = 0
    pending_comma = -1  # a comma after a value, until what follows it is known
    after_value = False  # whether the last token ended a value
    while pos < end:
        if depth > 0 and pending_comma < 0:  # skip what needs no repair in one step
            run = _PLAIN_RUN.match(text, pos)
            assert run is not None  # the pattern matches the empty string
            stop = run.end()
            if stop > pos:
                last = stop - 1
                while last >= pos and text[last] in " \t\n\r":
                    last -= 1
                if last >= pos:
                    after_value = text[last] not in ",:"
                pos = stop
                if pos >= end:
                    break
        token = _BODY.match(text, pos)
        if token is None:
            return repairs  # a character that belongs nowhere: stop
        kind = token.lastindex
        if kind == _SPACE:
            pos = token.end()
            continue
        if kind == _SPACE_OTHER:
            repairs.add("page-repair-space", pos, token.end(), what=_space_name(text[pos]))
            pos = token.end()
            continue
        if kind == _LINE_COMMENT:
            repairs.comment(text, pos, token.end())
            pos = token.end()
            continue
        if kind == _BLOCK_COMMENT:
            close = text.find("*/", pos + 2)
            if close < 0:
                return repairs
            repairs.comment(text, pos, close + 2)
            pos = close + 2
            continue
        # A significant token: settle the comma before it.
        if pending_comma >= 0 and kind == _B_CLOSE:
            repairs.add("page-repair-trailing-comma", pending_comma, pending_comma + 1)
        pending_comma = -1
        if kind == _B_STRING:
            pos = _repair_string(text, pos + 1, repairs)
            if pos < 0:
                return repairs  # the string is not closed
            after_value = True
        elif kind == _B_OPEN:
            depth += 1
            after_value = False
            pos += 1
        elif kind == _B_CLOSE:
            depth -= 1
            after_value = True
            pos += 1
            if depth < 0:
                return repairs
        elif kind == _B_COMMA:
            if after_value and depth > 0:
                pending_comma = pos
            after_value = False
            pos += 1
        elif kind == _B_COLON:
            after_value = False
            pos += 1
        else:  # a word: a number or a literal (the strict reader judges it)
            after_value = True
            pos = token.end()
        if depth == 0:
            break
    # After the value (where something else follows it, that is not repaired).
    closing = {_WRAPPER_CLOSE: "page-repair-wrapper", _SEMICOLON: "page-repair-semicolon"}
    _outside(text, pos, _TAIL, closing, repairs)
    return repairs


def _outside(
    text: str, pos: int, tokens: re.Pattern[str], codes: dict[int, str], repairs: _Repairs
) -> int | None:
    """Note the repairs of what stands before or after a block's value, from ``pos``: the
    ``tokens`` (spaces, comments, and the groups ``codes`` names with the code of their
    repair) up to the first text that is none of them; where that is, or None when a block
    comment is left open."""
    end = len(text)
    while pos < end:
        token = tokens.match(text, pos)
        if token is None:
            break
        kind = token.lastindex
        if kind == _SPACE_OTHER:
            repairs.add("page-repair-space", pos, token.end(), what=_space_name(text[pos]))
        elif kind == _LINE_COMMENT:
            repairs.comment(text, pos, token.end())
        elif kind == _BLOCK_COMMENT:
            close = text.find("*/", pos + 2)
            if close < 0:
                return None
            repairs.comment(text, pos, close + 2)
            pos = close + 2
            continue
        elif kind in codes:
            repairs.add(codes[kind], pos, token.end())
        pos = token.end()
    return pos


def _repair_string(text: str, pos: int, repairs: _Repairs) -> int:
    """Scan a string from just after its opening quote; escape its raw control characters.
    The offset after its closing quote, or -1 when it is not closed."""
    end = len(text)
    plain = _STRING_PLAIN.match
    while True:
        match = plain(text, pos)
        assert match is not None  # the pattern matches the empty string
        pos = match.end()
        if pos >= end:
            return -1
        char = text[pos]
        if char == '"':
            return pos + 1
        if char == "\\":
            pos += 2
            if pos > end:
                return -1
            continue
        escape = _ESCAPES.get(char) or f"\\u{ord(char):04x}"
        what = _CONTROL_NAMES.get(char) or f"a raw control character (U+{ord(char):04X})"
        repairs.add("page-repair-control-character", pos, pos + 1, escape, what)
        pos += 1


def _apply(text: str, edits: list[tuple[int, int, str]]) -> Source:
    """The repaired text, with the map of its offsets back to ``text``."""
    pieces: list[str] = []
    repaired: list[int] = []
    original: list[int] = []
    linear: list[bool] = []
    length = 0
    done = 0
    for start, stop, replacement in sorted(edits):
        if start > done:
            pieces.append(text[done:start])
            repaired.append(length)
            original.append(done)
            linear.append(True)
            length += start - done
        if replacement:
            pieces.append(replacement)
            repaired.append(length)
            original.append(start)
            linear.append(False)
            length += len(replacement)
        done = stop
    pieces.append(text[done:])
    repaired.append(length)
    original.append(done)
    linear.append(True)
    return Source("".join(pieces), repaired, original, linear)


# --- one block -----------------------------------------------------------------------------


def parse(text: str) -> Parsed:
    """The value of a block's text, every finding (offsets in ``text``), and its source."""
    if len(text) > MAX_BLOCK_SIZE:
        message = (
            f"the block holds {len(text):,} characters, more than the {MAX_BLOCK_SIZE:,} "
            "newsarticle reads; it is not parsed"
        )
        return Parsed(None, (Finding("page-block-too-large", "", 0, message),), None)
    if not text.strip(" \t\n\r"):
        return Parsed(None, (Finding("page-block-empty", "", 0, "the block is empty"),), None)
    source = Source(text)
    outcome = _strict(text)
    if isinstance(outcome, _Read):
        return _value(outcome, source, ())
    if outcome == _REFUSED:
        return Parsed(None, (_refusal(source),), None)
    assert isinstance(outcome, _Syntax)
    repairs = _repair(text)
    if not repairs.edits:
        return Parsed(None, (_syntax(source, outcome, repaired=False),), None)
    source = _apply(text, repairs.edits)
    if not source.text.strip(" \t\n\r"):
        message = "the block holds no JSON, only comments or a wrapper"
        return Parsed(None, (Finding("page-block-empty", "", 0, message),), None)
    again = _strict(source.text)
    if isinstance(again, _Read):
        findings = list(repairs.findings())
        if "page-repair-control-character" in repairs.kinds:
            first = repairs.kinds["page-repair-control-character"][1]
            findings = [
                attrs.evolve(f, pointer=source.pointer_at(source.replacement(first)))
                if f.code == "page-repair-control-character"
                else f
                for f in findings
            ]
        return _value(again, source, findings)
    if again == _REFUSED:
        return Parsed(None, (_refusal(source),), None)
    assert isinstance(again, _Syntax)
    return Parsed(None, (_syntax(source, again, repaired=True),), None)


def _value(read: _Read, source: Source, repairs: Iterable[Finding]) -> Parsed:
    source.unique = not read.duplicates
    findings: list[Finding] = list(repairs)
    if read.duplicates:
        duplicates = source.scan().duplicates
        for number, (pointer, offset, key) in enumerate(duplicates[:MAX_DUPLICATES_REPORTED]):
            message = (
                f"the key {key!r} appears twice in one object; the last value is kept, "
                "as browsers do"
            )
            if number == MAX_DUPLICATES_REPORTED - 1 and len(duplicates) > number + 1:
                message += f" ({len(duplicates) - number - 1} more duplicate keys not listed)"
            findings.append(
                Finding("page-json-duplicate-key", pointer, source.original(offset), message)
            )
    findings.sort(key=lambda f: f.offset)
    return Parsed(read.value, tuple(findings), source)


def _refusal(source: Source) -> Finding:
    refusal = _scan(source.text).refusal
    if refusal is None:  # the scan and the C parser disagree: say so at the start
        return Finding("page-json-syntax", "", 0, "not valid JSON")
    code, pointer, offset, message = refusal
    return Finding(code, pointer, source.original(offset), message)


def _syntax(source: Source, error: _Syntax, *, repaired: bool) -> Finding:
    text = source.text
    offset = min(error.offset, len(text))
    if offset >= len(text.rstrip(" \t\n\r")):
        message = "the JSON ends too soon: it may be truncated"
    elif error.message == "Extra data":
        message = "the JSON value ends before here, and something else follows it"
    else:
        message = f"not valid JSON here: {error.message[0].lower()}{error.message[1:]}"
        if text[offset] == "'":
            message += " (JSON strings are written in double quotes)"
    if text.lstrip(" \t\n\r\ufeff").startswith("<") and not repaired:
        message += " (it looks like HTML: read it as a page)"
    if repaired:
        message += ", even after the repairs newsarticle makes"
    position = source.original(offset)
    return Finding("page-json-syntax", "", position, message)


# --- a value given already parsed ----------------------------------------------------------


def check_value(value: Any) -> Finding | None:
    """Why ``value`` (given already parsed) is not JSON data, or None when it is.

    JSON data is a dict with string keys, a list, a string, an int, a finite float, a bool or
    None, nested at most :data:`MAX_DEPTH` deep (which also stops a value that contains
    itself)."""
    stack: list[tuple[Any, str, int]] = [(value, "", 0)]
    while stack:
        item, pointer, depth = stack.pop()
        kind = type(item)
        if kind is dict or kind is list:
            if depth >= MAX_DEPTH:
                message = f"the value is nested deeper than {MAX_DEPTH} levels"
                return Finding("page-json-depth", "", 0, message)
            if kind is dict:
                for key, child in item.items():
                    if type(key) is not str:
                        message = f"a key is {type(key).__name__} {key!r}, not a string"
                        return Finding("page-json-value", pointer, 0, message)
                    stack.append((child, f"{pointer}/{_escape(key)}", depth + 1))
            else:
                stack.extend(
                    (child, f"{pointer}/{index}", depth + 1) for index, child in enumerate(item)
                )
        elif kind is float:
            if item != item or item in (float("inf"), float("-inf")):
                return Finding("page-json-value", pointer, 0, f"{item!r} is not a JSON number")
        elif kind not in (str, int, bool) and item is not None:
            message = f"the value is {kind.__name__}, which is not JSON data"
            return Finding("page-json-value", pointer, 0, message)
    return None
