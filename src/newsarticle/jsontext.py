"""Reading JSON text strictly, and finding where a JSON Pointer stands in it.

:func:`read` turns bytes or text into a JSON value or into located problems.
It refuses what lets two readers see two different documents or what no JSON
reader can hold: invalid UTF-8, duplicate keys, ``NaN``/``Infinity``, numbers
beyond the range of a double, nesting deeper than :data:`MAX_DEPTH`.  A UTF-8
byte-order mark is accepted and reported as a warning.

The fast path is the standard library's C parser.  Only when it fails, or when
problems need a line and column, does :class:`Locator` scan the text itself.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable
from typing import Any, Final

import attrs

from .errors import Problem

__all__ = ["MAX_DEPTH", "Locator", "read", "read_fast"]

_orjson: Any
try:
    import orjson as _orjson
except ImportError:  # pragma: no cover - depends on the environment
    _orjson = None

#: The deepest nesting accepted (an article document needs fewer than ten levels).
MAX_DEPTH: Final = 256
_MAX_DIGITS: Final = 309  # more digits than this cannot be a finite double
_BOM: Final = "\ufeff"


class _Refused(ValueError):
    """A JSON value the strict reader refuses; the locator finds where it is."""


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _Refused("duplicate key")
    return result


def _constant(name: str) -> Any:
    raise _Refused(name)


def _float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _Refused(text)
    return value


def _int(text: str) -> int:
    if len(text) > _MAX_DIGITS:
        raise _Refused(text)
    return int(text)


_DECODER: Final = json.JSONDecoder(
    object_pairs_hook=_pairs, parse_constant=_constant, parse_float=_float, parse_int=_int
)


def decode(data: str | bytes) -> tuple[str | None, list[Problem]]:
    """The text of ``data`` without a byte-order mark, or None and the problem."""
    problems: list[Problem] = []
    if isinstance(data, bytes):
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            message = (
                "the text is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8"
            )
            return None, [_at(Problem.of("json-encoding", "", message), 1, 1)]
        if data.startswith(b"\xef\xbb\xbf"):
            problems.append(_bom())
            data = data[3:]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            before = data[: error.start]
            line = before.count(b"\n") + 1
            column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
            message = f"byte 0x{data[error.start]:02X} at offset {error.start} is not valid UTF-8"
            problems.append(_at(Problem.of("json-encoding", "", message), line, column))
            return None, problems
    else:
        text = data
        if text.startswith(_BOM):
            problems.append(_bom())
            text = text[1:]
    return text, problems


def _bom() -> Problem:
    message = "the text starts with a UTF-8 byte-order mark, which is ignored"
    return _at(Problem.of("json-bom", "", message), 1, 1)


def _at(problem: Problem, line: int, column: int) -> Problem:
    return attrs.evolve(problem, line=line, column=column)


def read(data: str | bytes) -> tuple[Any, str | None, list[Problem]]:
    """Parse ``data``: the value (None on failure), the decoded text, and problems."""
    text, problems = decode(data)
    if text is None:
        return None, None, problems
    if not text.strip(" \t\r\n"):
        problems.append(_at(Problem.of("json-empty", "", "the document is empty"), 1, 1))
        return None, text, problems
    try:
        value = _DECODER.decode(text)
    except json.JSONDecodeError as error:
        found = Problem.of("json-syntax", "", _syntax_message(error, text))
        problems.append(_at(found, error.lineno, error.colno))
        return None, text, problems
    except (_Refused, RecursionError, ValueError):
        problems.append(Locator(text).first_refusal())
        return None, text, problems
    if type(value) is not dict:
        found = Problem.of("json-not-object", "", f"the top level is {_kind(value)}, not an object")
        problems.append(Locator(text).locate(found))
        return None, text, problems
    return value, text, problems


# DEL and the C1 control characters in UTF-8.
_RAW_CONTROLS: Final = re.compile(rb"\x7f|\xc2[\x80-\x9f]")


def read_fast(data: str | bytes) -> tuple[dict[str, Any], bool] | None:
    """Read ``data`` with orjson, when that can stand in for :func:`read`.

    orjson parses several times faster than the strict reader, but keeps the
    last of two values for one key without a word.  So its value is taken only
    when orjson writes it back as exactly the same text (the canonical form
    that :func:`newsarticle.dumps` writes, or the compact form): a value holds
    no repeated key, so neither does such a text.  Anything else goes to the
    strict reader: None.  None also when orjson is not installed (the extra
    ``newsarticle[fast]``) or the top level is not an object.

    The flag says whether the text shows that no string holds a control
    character but a newline: no escape but ``\\"`` and ``\\n``, no DEL and no
    C1 character.
    """
    if _orjson is None:
        return None
    if isinstance(data, str):
        try:
            data = data.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate
            return None
    try:
        value = _orjson.loads(data)
    except ValueError:
        return None
    if type(value) is not dict:
        return None
    written = _orjson.dumps(value, option=_orjson.OPT_INDENT_2 if data[1:2] == b"\n" else 0)
    if not data.startswith(written) or data[len(written) :] not in (b"", b"\n"):
        return None
    return value, _clean(data)


def _clean(data: bytes) -> bool:
    """Whether ``data`` (JSON text as orjson writes it) holds no control character but newline."""
    at = data.find(b"\\")
    while at >= 0:
        if data[at + 1] not in b'"n':
            return False
        at = data.find(b"\\", at + 2)
    return b"\x7f" not in data and (b"\xc2" not in data or _RAW_CONTROLS.search(data) is None)


def _syntax_message(error: json.JSONDecodeError, text: str) -> str:
    if error.pos >= len(text.rstrip()):
        return f"the JSON text ends too soon ({error.msg.lower()}): it may be truncated"
    return f"not valid JSON: {error.msg}"


def _kind(value: object) -> str:
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    return "a number"


_SPACE = re.compile(r"[ \t\n\r]*")
_STRING = re.compile(r'"(?:[^"\\\x00-\x1f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"')
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?")
_WORD = re.compile(r"-?[A-Za-z]+")


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


class Locator:
    """Positions of the values of a JSON text, by JSON Pointer.

    A member of an object is placed at its key (where an editor should jump);
    an array item or the top-level value at its first character.  The scan is
    iterative, so any depth is safe, and it stops at the first thing the strict
    reader refuses.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._positions: dict[str, int] = {}
        self._refusal: tuple[str, str, int, str] | None = None
        self._scanned = False

    def line_column(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def position(self, pointer: str) -> tuple[int, int]:
        """Line and column of ``pointer``, or of its nearest ancestor in the text."""
        self._scan()
        while pointer not in self._positions and pointer:
            pointer = pointer.rpartition("/")[0]
        return self.line_column(self._positions.get(pointer, 0))

    def locate(self, problem: Problem) -> Problem:
        """``problem`` with the line and column of its path."""
        line, column = self.position(problem.path)
        return _at(problem, line, column)

    def locate_all(self, problems: Iterable[Problem]) -> list[Problem]:
        """Every problem with a line and column (kept where it already has one)."""
        return [p if p.line is not None else self.locate(p) for p in problems]

    def first_refusal(self) -> Problem:
        """The first thing in the text the strict reader refuses, located."""
        self._scan()
        if self._refusal is None:
            code, pointer, offset, message = "json-syntax", "", 0, "not valid JSON"
        else:
            code, pointer, offset, message = self._refusal
        line, column = self.line_column(offset)
        return _at(Problem.of(code, pointer, message), line, column)

    def _refuse(self, code: str, pointer: str, offset: int, message: str) -> None:
        self._refusal = (code, pointer, offset, message)

    def _scan(self) -> None:
        if self._scanned:
            return None
        self._scanned = True
        text = self._text
        end = len(text)
        skip = _SPACE.match
        stack: list[_Open] = []
        pointer = ""
        state = _VALUE
        pos = skip(text, 0).end()  # type: ignore[union-attr]
        while pos < end:
            if state is _VALUE:
                self._positions.setdefault(pointer, pos)
                char = text[pos]
                if char in "{[":
                    if len(stack) >= MAX_DEPTH:
                        message = f"the document is nested deeper than {MAX_DEPTH} levels"
                        return self._refuse("json-depth", "", pos, message)
                    top = _Open(pointer, char == "{")
                    stack.append(top)
                    pos = skip(text, pos + 1).end()  # type: ignore[union-attr]
                    if pos < end and text[pos] == ("}" if top.is_object else "]"):
                        stack.pop()
                        pos += 1
                        state = _AFTER
                    elif top.is_object:
                        state = _KEY
                    else:
                        pointer = top.next_item()
                    continue
                refusal = self._scalar(pointer, pos)
                if isinstance(refusal, tuple):
                    return self._refuse(*refusal)
                pos = refusal
                state = _AFTER
            elif state is _KEY:
                top = stack[-1]
                match = _STRING.match(text, pos)
                if not match:
                    return self._refuse("json-syntax", top.pointer, pos, "expected a key in quotes")
                key = json.loads(match.group())
                pointer = f"{top.pointer}/{_escape(key)}"
                if key in top.keys:
                    message = f"the key {key!r} appears twice in one object"
                    return self._refuse("json-duplicate-key", pointer, pos, message)
                top.keys.add(key)
                self._positions.setdefault(pointer, pos)
                pos = skip(text, match.end()).end()  # type: ignore[union-attr]
                if pos >= end or text[pos] != ":":
                    return self._refuse("json-syntax", pointer, pos, "expected ':' after the key")
                pos = skip(text, pos + 1).end()  # type: ignore[union-attr]
                state = _VALUE
            else:
                pos = skip(text, pos).end()  # type: ignore[union-attr]
                if pos >= end:
                    break
                if not stack:
                    return self._refuse("json-syntax", "", pos, "extra data after the document")
                top = stack[-1]
                char = text[pos]
                if char == ",":
                    pos = skip(text, pos + 1).end()  # type: ignore[union-attr]
                    if top.is_object:
                        state = _KEY
                    else:
                        pointer = top.next_item()
                        state = _VALUE
                elif char == ("}" if top.is_object else "]"):
                    stack.pop()
                    pos += 1
                else:
                    return self._refuse("json-syntax", top.pointer, pos, f"unexpected {char!r}")
        return None

    def _scalar(self, pointer: str, pos: int) -> int | tuple[str, str, int, str]:
        """The end of the string, number or literal at ``pos``, or a refusal."""
        text = self._text
        char = text[pos]
        if char == '"':
            match = _STRING.match(text, pos)
            if match:
                return match.end()
            return ("json-syntax", pointer, pos, "a string is not closed or holds a bad escape")
        word = _WORD.match(text, pos)
        literal = word.group() if word else ""
        if literal in ("NaN", "Infinity", "-Infinity"):
            return ("json-constant", pointer, pos, f"{literal} is not a JSON number")
        if literal in ("true", "false", "null"):
            return pos + len(literal)
        number = _NUMBER.match(text, pos)
        if not number:
            return ("json-syntax", pointer, pos, f"unexpected {_clip(literal or char)!r}")
        if not _finite(number.group()):
            message = f"the number {_clip(number.group())} is too large to be represented"
            return ("json-number-range", pointer, pos, message)
        return number.end()


_VALUE: Final = "value"
_KEY: Final = "key"
_AFTER: Final = "after"


class _Open:
    """A container the scan is inside."""

    __slots__ = ("index", "is_object", "keys", "pointer")

    def __init__(self, pointer: str, is_object: bool) -> None:
        self.pointer = pointer
        self.is_object = is_object
        self.index = 0
        self.keys: set[str] = set()

    def next_item(self) -> str:
        pointer = f"{self.pointer}/{self.index}"
        self.index += 1
        return pointer


def _finite(literal: str) -> bool:
    mantissa = re.split("[.eE]", literal.lstrip("-"), maxsplit=1)[0]
    if len(mantissa) > _MAX_DIGITS:
        return False
    return float(literal) not in (float("inf"), float("-inf"))


def _clip(text: str) -> str:
    return text if len(text) <= 40 else f"{text[:37]}..."
