"""How ``validate``, ``import`` and ``audit`` report problems: one line each
(``FILE:LINE:COLUMN: CODE ...``), GitHub Actions annotations, a JSON report, and the summary
counts.

Everything the line formats print that came from an input (a file name, a JSON Pointer, a
message quoting a value) goes through :func:`escape`, one notation (a JSON string's) for all
of them: it stays on its line, shows what it holds and has a bounded length.  The JSON report
is exact JSON (:func:`report_json`).  :func:`encodable` and :func:`report_json` make the text
encodable in the stream's encoding, whatever it is.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable
from typing import Final

from ._batch import Outcome, Task
from ._errors import Problem, Severity
from ._streams import utf8_encoding

__all__ = [
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_USAGE",
    "LIMIT",
    "NAME_LIMIT",
    "Tally",
    "encodable",
    "escape",
    "format_error",
    "format_github",
    "format_problem",
    "outcome_json",
    "problem_json",
    "report_json",
    "show_name",
]

EXIT_OK: Final = 0
EXIT_INVALID: Final = 1
EXIT_USAGE: Final = 2

#: The most characters a message or a JSON Pointer takes in a printed line (the count of
#: what was left out aside).
LIMIT: Final = 500
#: The most characters a file name takes in a printed line.
NAME_LIMIT: Final = 1000

_NAMED: Final = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
#: A ``:`` that a reader could take for the end of a file name: before a digit or a space.
_SEPARATOR: Final = re.compile(r":(?=[\d ])")


def _code(char: str) -> str:
    """``char`` as JSON escapes it: ``\\u001b``; beyond the BMP, a surrogate pair."""
    named = _NAMED.get(char)
    if named is not None:
        return named
    point = ord(char)
    if point > 0xFFFF:
        point -= 0x10000
        return f"\\u{0xD800 + (point >> 10):04x}\\u{0xDC00 + (point & 0x3FF):04x}"
    return f"\\u{point:04x}"


def _fit(text: str, limit: int, piece: Callable[[int], str]) -> str:
    """The pieces of ``text`` (``piece(index)``: how the character at ``index`` is written)
    in at most ``limit`` characters: all of them, or a start and an end around ``…``
    followed by how many characters were left out, as the library's messages clip a value."""
    pieces: list[str] = []
    size = 0
    for index in range(len(text)):
        written = piece(index)
        if size + len(written) > limit:
            break
        pieces.append(written)
        size += len(written)
    else:
        return "".join(pieces)
    tail_limit = limit // 4
    head: list[str] = []
    size = 0
    for written in pieces:
        if size + len(written) > limit - tail_limit - 1:
            break
        head.append(written)
        size += len(written)
    tail: list[str] = []
    size = 0
    index = len(text) - 1
    while index >= len(head) and size + len(written := piece(index)) <= tail_limit:
        tail.append(written)
        size += len(written)
        index -= 1
    count = len(text) - len(head) - len(tail)
    left_out = f" ({count:,} character{'s' * (count != 1)} left out)"
    return "".join(head) + "…" + "".join(reversed(tail)) + left_out


def escape(
    text: str, limit: int = LIMIT, *, backslash: bool = True, separators: bool = False
) -> str:
    """``text`` as a piece of one printed line, in the notation of a JSON string: every
    character that is not printable (``str.isprintable``: the controls C0, DEL and C1,
    format characters such as the bidi controls, line and paragraph separators, spaces
    other than U+0020, lone surrogates, unassigned and private-use code points) written as
    JSON escapes it (``\\n``, ``\\t``, ``\\u001b``, ``\\u202e``, ``\\udcff``), and a backslash
    as ``\\\\`` (unless ``backslash`` is False: a message, whose quoted values carry their
    own escapes).  With ``separators``, a ``:`` before a digit or a space is written
    ``\\u003a``, so that a file name cannot seem to end early.  At most ``limit``
    characters: a longer piece keeps its start and its end around ``…`` and says how many
    characters were left out (``/aaaa…zzzz (8,999,501 characters left out)``).
    """
    if (
        len(text) <= limit
        and text.isprintable()
        and not (backslash and "\\" in text)
        and not (separators and _SEPARATOR.search(text))
    ):
        return text

    def piece(index: int) -> str:
        char = text[index]
        if char == "\\":
            return "\\\\" if backslash else char
        if char == ":" and separators and _SEPARATOR.match(text, index):
            return "\\u003a"
        return char if char.isprintable() else _code(char)

    return _fit(text, limit, piece)


def show_name(name: str) -> str:
    """A file name as the problem lines show it: escaped, and a ``:`` before a digit or a
    space written ``\\u003a``, so that the name ends at the first ``:`` followed by a digit
    or a space."""
    return escape(name, NAME_LIMIT, separators=True)


def _message(problem: Problem) -> str:
    pointer = f" ({escape(problem.path)})" if problem.path else ""
    return f"{escape(problem.message, backslash=False)}{pointer}"


def _location(outcome: Outcome, problem: Problem) -> tuple[int | None, int | None]:
    if problem.line is None:
        return None, None
    return outcome.line + problem.line - 1, problem.column


def format_problem(outcome: Outcome, problem: Problem) -> str:
    """``FILE:LINE:COLUMN: CODE severity message (pointer)``, as compilers print."""
    name = show_name(outcome.source.name)
    line, column = _location(outcome, problem)
    where = f"{name}:{line}:{column}:" if line is not None else f"{name}:"
    if problem.line is None and outcome.line != 1:
        where = f"{name}:{outcome.line}:"
    return f"{where} {problem.code} {problem.severity.value} {_message(problem)}"


def format_error(command: str, error: object) -> str:
    """The one line of an error that ends a run, ``newsarticle COMMAND: error: ...``,
    escaped as a message is."""
    return f"newsarticle {command}: error: {escape(str(error), backslash=False)}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(outcome: Outcome, problem: Problem) -> str:
    """A GitHub Actions workflow command that annotates the file at the problem."""
    line, column = _location(outcome, problem)
    if line is None and outcome.line != 1:
        line = outcome.line
    fields = [f"file={_escape_property(escape(outcome.source.name, NAME_LIMIT))}"]
    if line is not None:
        fields.append(f"line={line}")
    if column is not None:
        fields.append(f"col={column}")
    fields.append(f"title={_escape_property(problem.code)}")
    kind = "error" if problem.severity is Severity.ERROR else "warning"
    return f"::{kind} {','.join(fields)}::{_escape_data(_message(problem))}"


#: How the summary line speaks of each task's inputs: the verb, the input, and the
#: outcomes that pass and fail.
_WORDS: Final = {
    "check": ("checked", "document", "valid", "invalid"),
    "import": ("read", "page", "imported", "without an article"),
    "audit": ("audited", "page", "passed", "failed"),
}


class Tally:
    """Counts for the summary line and the exit status."""

    def __init__(self, strict: bool, task: Task = "check") -> None:
        self.strict = strict
        self.words = _WORDS[task]
        self.files: set[str] = set()
        self.documents = self.valid = self.invalid = self.unreadable = 0
        self.errors = self.warnings = 0

    def add(self, outcome: Outcome) -> None:
        self.files.add(outcome.source.name)
        self.documents += 1
        self.errors += sum(p.is_error for p in outcome.problems)
        self.warnings += sum(not p.is_error for p in outcome.problems)
        if not outcome.readable:
            self.unreadable += 1
        elif self.passes(outcome):
            self.valid += 1
        else:
            self.invalid += 1

    def passes(self, outcome: Outcome) -> bool:
        return outcome.valid and not (self.strict and outcome.problems)

    def status(self) -> int:
        if self.unreadable:
            return EXIT_USAGE
        return EXIT_INVALID if self.invalid else EXIT_OK

    def summary(self) -> str:
        verb, noun, passed, failed = self.words
        files = len(self.files)
        parts = [f"{self.documents} {noun}{'s' * (self.documents != 1)}"]
        if files != self.documents:
            parts.append(f"in {files} file{'s' * (files != 1)}")
        counts = f"{self.valid} {passed}, {self.invalid} {failed}"
        if self.unreadable:
            counts += f", {self.unreadable} unreadable"
        problems = self.errors + self.warnings
        return (
            f"newsarticle: {verb} {' '.join(parts)}: {counts}; "
            f"{problems} problem{'s' * (problems != 1)} "
            f"({self.errors} error{'s' * (self.errors != 1)}, "
            f"{self.warnings} warning{'s' * (self.warnings != 1)})"
        )

    def as_json(self) -> dict[str, int]:
        return {
            "files": len(self.files),
            "documents": self.documents,
            "valid": self.valid,
            "invalid": self.invalid,
            "unreadable": self.unreadable,
            "errors": self.errors,
            "warnings": self.warnings,
        }


# --- the JSON report ----------------------------------------------------------


def _clip(text: str, limit: int = LIMIT) -> str:
    return text if len(text) <= limit else _fit(text, limit, text.__getitem__)


def problem_json(outcome: Outcome, problem: Problem) -> dict[str, object]:
    """One problem of the JSON report: the pointer exact, the message clipped as the
    problem lines clip it (only its length: JSON strings need no other escaping)."""
    line, column = _location(outcome, problem)
    return {
        "code": problem.code,
        "severity": problem.severity.value,
        "path": problem.path,
        "message": _clip(problem.message),
        "line": line,
        "column": column,
    }


def outcome_json(outcome: Outcome, valid: bool) -> dict[str, object]:
    """One document of the JSON report: its file (the name exact), its line in a JSON Lines
    file, whether it passed, its problems."""
    return {
        "file": outcome.source.name,
        "line": outcome.line if outcome.source.lines else None,
        "valid": valid,
        "problems": [problem_json(outcome, problem) for problem in outcome.problems],
    }


#: Whether a stream of an encoding (None: a stream of text, such as ``io.StringIO``) takes
#: any character but a lone surrogate.
_is_utf8: Final = utf8_encoding


def report_json(report: object, encoding: str | None) -> str:
    """``report`` as JSON text that a stream of ``encoding`` writes as valid UTF-8 and that a
    terminal shows as it is.

    To a UTF-8 stream (or a text stream) printable characters are written as they are and
    every other one (the controls C1 and DEL, bidi and other format characters, a lone
    surrogate from a key written ``"\\ud800"`` or a file name that is not UTF-8, ...; see
    :func:`escape`) as its JSON escape, so that ``cat report.json`` can neither recolour
    nor reorder a terminal's line; to a stream of any other encoding the whole text is
    ASCII, every other character a JSON escape too.  Either way the text parses back to the
    same strings.
    """
    if not _is_utf8(encoding):
        return json.dumps(report, indent=2)
    text = json.dumps(report, ensure_ascii=False, indent=2)
    # Only the indentation's line breaks stand raw in the text: a string's are escaped.
    return "\n".join(
        line if line.isprintable() else "".join(c if c.isprintable() else _code(c) for c in line)
        for line in text.split("\n")
    )


def _escape_unencodable(error: UnicodeError) -> tuple[str, int]:
    """The codec error handler ``newsarticle.escape``: what an encoding lacks as JSON escapes
    it (``\\u00e9``)."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return "".join(map(_code, error.object[error.start : error.end])), error.end


codecs.register_error("newsarticle.escape", _escape_unencodable)


def encodable(text: str, encoding: str | None) -> str:
    """``text`` as a stream of ``encoding`` can write it: a character that encoding lacks
    (``é`` on an ASCII stream) is written as its escape (``\\u00e9``), as :func:`escape`
    writes one.  Text for a UTF-8 stream is returned as it is: what the problem lines
    print holds no lone surrogate."""
    if encoding is None or _is_utf8(encoding):
        return text
    return text.encode(encoding, "newsarticle.escape").decode(encoding)
