"""Where a JSON Pointer stands in a JSON text, and the first thing the strict reader refuses.

:class:`Locator` scans the text itself, iteratively, so any depth is safe.  It runs only
for documents that have problems: the line and column of each, and the exact cause of a text
the standard library's parser refused.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterable
from typing import Final

import attrs

from .._errors import Problem

__all__ = ["MAX_DEPTH", "MAX_DIGITS", "Locator", "at"]

#: The deepest nesting accepted (an article document needs fewer than ten levels).
MAX_DEPTH: Final = 256
#: More digits than this cannot be a finite double.
MAX_DIGITS: Final = 309


def at(problem: Problem, line: int, column: int) -> Problem:
    """``problem`` placed at a line and column."""
    return attrs.evolve(problem, line=line, column=column)


_SPACE = re.compile(r"[ \t\n\r]*")
_STRING = re.compile(r'"(?:[^"\\\x00-\x1f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"')
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?")
_WORD = re.compile(r"-?[A-Za-z]+")


def _skip(text: str, pos: int) -> int:
    """Where the whitespace from ``pos`` on ends."""
    match = _SPACE.match(text, pos)
    assert match is not None  # the pattern matches the empty string
    return match.end()


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
        return at(problem, line, column)

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
        return at(Problem.of(code, pointer, message), line, column)

    def _refuse(self, code: str, pointer: str, offset: int, message: str) -> None:
        self._refusal = (code, pointer, offset, message)

    def _scan(self) -> None:
        if self._scanned:
            return None
        self._scanned = True
        text = self._text
        end = len(text)
        skip = _skip
        stack: list[_Open] = []
        pointer = ""
        state = _VALUE
        pos = skip(text, 0)
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
                    pos = skip(text, pos + 1)
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
                pos = skip(text, match.end())
                if pos >= end or text[pos] != ":":
                    return self._refuse("json-syntax", pointer, pos, "expected ':' after the key")
                pos = skip(text, pos + 1)
                state = _VALUE
            else:
                pos = skip(text, pos)
                if pos >= end:
                    break
                if not stack:
                    return self._refuse("json-syntax", "", pos, "extra data after the document")
                top = stack[-1]
                char = text[pos]
                if char == ",":
                    pos = skip(text, pos + 1)
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
    if len(mantissa) > MAX_DIGITS:
        return False
    return float(literal) not in (float("inf"), float("-inf"))


def _clip(text: str) -> str:
    return text if len(text) <= 40 else f"{text[:37]}..."
