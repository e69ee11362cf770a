"""Where a JSON Pointer stands in a JSON text, and the first thing the strict reader refuses.

:class:`Locator` scans the text itself, iteratively, so any depth is safe.  It runs only
for documents that have problems: the line and column of each, and the exact cause of a text
the standard library's parser refused.

The scan costs time linear in the text and memory bounded by the text: strings are skipped
by a pattern that cannot backtrack (its quantifiers are possessive), only the pointers asked
for are recorded (as a tree of their tokens, so no pointer is built for the values between),
and lines are counted once per document, for the offsets asked for, in one pass.
"""

from __future__ import annotations

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


# Every quantifier that may repeat over unbounded input is possessive (``*+``): the plain
# characters and the escapes of a string are disjoint, so giving nothing back matches
# exactly what a backtracking pattern would, but keeps no backtracking state per character.
_SPACE = re.compile(r"[ \t\n\r]*+")
_STRING = re.compile(r'"[^"\\\x00-\x1f]*+(?:\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})[^"\\\x00-\x1f]*+)*+"')
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*+)(\.[0-9]++)?([eE][+-]?[0-9]++)?")
_WORD = re.compile(r"-?[A-Za-z]++")


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
    an array item or the top-level value at its first character.  A pointer that
    is not in the text is placed at its nearest ancestor that is.  The scan is
    iterative, so any depth is safe, and it stops at the first thing the strict
    reader refuses.  Lines end at ``\\n``; columns count characters (code points).
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._offsets: dict[str, int] = {}
        self._refusal: tuple[str, str, int, str] | None = None
        self._scanned = False

    def line_column(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        return self._line_columns([offset])[offset]

    def position(self, pointer: str) -> tuple[int, int]:
        """Line and column of ``pointer``, or of its nearest ancestor in the text."""
        return self.line_column(self._find([pointer])[pointer])

    def locate(self, problem: Problem) -> Problem:
        """``problem`` with the line and column of its path."""
        line, column = self.position(problem.path)
        return at(problem, line, column)

    def locate_all(self, problems: Iterable[Problem]) -> list[Problem]:
        """Every problem with a line and column (kept where it already has one).

        The text is scanned once for all of them, and its lines counted once.
        """
        problems = list(problems)
        offsets = self._find([p.path for p in problems if p.line is None])
        places = self._line_columns(offsets.values())
        return [p if p.line is not None else at(p, *places[offsets[p.path]]) for p in problems]

    def first_refusal(self) -> Problem:
        """The first thing in the text the strict reader refuses, located."""
        if not self._scanned:
            self._scan(_Target())
        if self._refusal is None:
            code, pointer, offset, message = "json-syntax", "", 0, "not valid JSON"
        else:
            code, pointer, offset, message = self._refusal
        line, column = self.line_column(offset)
        return at(Problem.of(code, pointer, message), line, column)

    def _find(self, pointers: Iterable[str]) -> dict[str, int]:
        """The offset of each of ``pointers`` (or of its nearest ancestor in the text)."""
        wanted = set(pointers)
        missing = wanted.difference(self._offsets)
        if missing:
            root = _Target()
            leaves = {pointer: root.add(pointer) for pointer in missing}
            self._scan(root)
            for pointer, leaf in leaves.items():
                self._offsets[pointer] = leaf.found()
        return {pointer: self._offsets[pointer] for pointer in wanted}

    def _line_columns(self, offsets: Iterable[int]) -> dict[int, tuple[int, int]]:
        """The line and column of each offset, counting the lines once, in one pass."""
        text = self._text
        places: dict[int, tuple[int, int]] = {}
        line, start, counted = 1, 0, 0  # the line and where it starts, at offset ``counted``
        for offset in sorted(set(offsets)):
            newlines = text.count("\n", counted, offset)
            if newlines:
                line += newlines
                start = text.rfind("\n", counted, offset) + 1
            counted = offset
            places[offset] = (line, offset - start + 1)
        return places

    def _scan(self, root: _Target) -> None:
        """Record the offsets of the pointers of ``root`` and the first refusal, if any."""
        self._scanned = True
        self._refusal = None
        text = self._text
        end = len(text)
        skip = _skip
        stack: list[_Open] = []
        target: _Target | None = root  # where the value being read is in the tree, if there
        state = _VALUE
        pos = skip(text, 0)
        while pos < end:
            if state is _VALUE:
                if target is not None and target.offset is None:
                    target.offset = pos
                char = text[pos]
                if char in "{[":
                    if len(stack) >= MAX_DEPTH:
                        message = f"the document is nested deeper than {MAX_DEPTH} levels"
                        return self._refuse("json-depth", "", pos, message)
                    top = _Open(char == "{", target)
                    stack.append(top)
                    pos = skip(text, pos + 1)
                    if pos < end and text[pos] == ("}" if top.is_object else "]"):
                        stack.pop()
                        pos += 1
                        state = _AFTER
                    elif top.is_object:
                        state = _KEY
                    else:
                        target = top.next_item()
                    continue
                scalar = self._scalar(pos)
                if isinstance(scalar, tuple):
                    code, offset, message = scalar
                    return self._refuse(code, _pointer(stack), offset, message)
                pos = scalar
                state = _AFTER
            elif state is _KEY:
                top = stack[-1]
                match = _STRING.match(text, pos)
                if not match:
                    pointer = _pointer(stack[:-1])
                    return self._refuse("json-syntax", pointer, pos, "expected a key in quotes")
                key = json.loads(match.group())
                top.member = key
                if key in top.keys:
                    message = f"the key {key!r} appears twice in one object"
                    return self._refuse("json-duplicate-key", _pointer(stack), pos, message)
                top.keys.add(key)
                target = top.member_target()
                if target is not None and target.offset is None:
                    target.offset = pos
                pos = skip(text, match.end())
                if pos >= end or text[pos] != ":":
                    message = "expected ':' after the key"
                    return self._refuse("json-syntax", _pointer(stack), pos, message)
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
                        target = top.next_item()
                        state = _VALUE
                elif char == ("}" if top.is_object else "]"):
                    stack.pop()
                    pos += 1
                else:
                    message = f"unexpected {char!r}"
                    return self._refuse("json-syntax", _pointer(stack[:-1]), pos, message)
        return None

    def _refuse(self, code: str, pointer: str, offset: int, message: str) -> None:
        self._refusal = (code, pointer, offset, message)

    def _scalar(self, pos: int) -> int | tuple[str, int, str]:
        """The end of the string, number or literal at ``pos``, or a refusal."""
        text = self._text
        char = text[pos]
        if char == '"':
            match = _STRING.match(text, pos)
            if match:
                return match.end()
            return ("json-syntax", pos, "a string is not closed or holds a bad escape")
        word = _WORD.match(text, pos)
        literal = word.group() if word else ""
        if literal in ("NaN", "Infinity", "-Infinity"):
            return ("json-constant", pos, f"{literal} is not a JSON number")
        if literal in ("true", "false", "null"):
            return pos + len(literal)
        number = _NUMBER.match(text, pos)
        if not number:
            return ("json-syntax", pos, f"unexpected {_clip(literal or char)!r}")
        literal = number.group()
        if not _finite(literal):
            message = f"the number {_clip(literal)} is too large to be represented"
            return ("json-number-range", pos, message)
        return number.end()


_VALUE: Final = "value"
_KEY: Final = "key"
_AFTER: Final = "after"


class _Target:
    """A pointer asked for, as a tree of tokens: the pointers below it that were asked for.

    The scan records where each node stands when it reads that value (or key).  Since every
    ancestor of a pointer is a node too, a pointer's position is that of its deepest node
    the scan reached: its nearest ancestor in the text.
    """

    __slots__ = ("children", "offset", "parent")

    def __init__(self, parent: _Target | None = None) -> None:
        self.parent = parent
        self.children: dict[str, _Target] = {}
        self.offset: int | None = None

    def add(self, pointer: str) -> _Target:
        """The node of ``pointer`` below this root, made as needed.

        A string that is neither empty nor starts with ``/`` names no value of the text:
        the root stands for it (as its nearest ancestor, the empty pointer).
        """
        node = self
        if pointer.startswith("/"):
            for token in pointer[1:].split("/"):
                child = node.children.get(token)
                if child is None:
                    child = node.children[token] = _Target(node)
                node = child
        return node

    def found(self) -> int:
        """The offset of this node, or of its nearest ancestor the scan reached (0 if none)."""
        node: _Target | None = self
        while node is not None:
            if node.offset is not None:
                return node.offset
            node = node.parent
        return 0


class _Open:
    """A container the scan is inside."""

    __slots__ = ("index", "is_object", "keys", "member", "target")

    def __init__(self, is_object: bool, target: _Target | None) -> None:
        self.is_object = is_object
        self.target = target  # the container's node, None when no pointer asked is in it
        self.index = -1
        self.member: str | None = None  # the key of the member being read (of an object)
        self.keys: set[str] = set()

    def next_item(self) -> _Target | None:
        """Move on to the next item of the array: its node, if asked for."""
        self.index += 1
        if self.target is None or not self.target.children:
            return None
        return self.target.children.get(str(self.index))

    def member_target(self) -> _Target | None:
        """The node of the member being read, if asked for."""
        if self.target is None or not self.target.children or self.member is None:
            return None
        return self.target.children.get(_escape(self.member))

    def token(self) -> str:
        """The last token of the pointer of the member or item being read."""
        return _escape(self.member or "") if self.is_object else str(self.index)


def _pointer(stack: list[_Open]) -> str:
    """The pointer of the value being read inside the containers of ``stack``."""
    return "".join(f"/{top.token()}" for top in stack)


def _finite(literal: str) -> bool:
    if len(literal) <= 300 and "e" not in literal and "E" not in literal:
        return True  # at most 300 characters and no exponent: below 1e300
    mantissa = re.split("[.eE]", literal.lstrip("-"), maxsplit=1)[0]
    if len(mantissa) > MAX_DIGITS:
        return False
    return float(literal) not in (float("inf"), float("-inf"))


def _clip(text: str) -> str:
    return text if len(text) <= 40 else f"{text[:37]}..."
