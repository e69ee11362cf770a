"""How ``validate`` reports problems: one line each (``FILE:LINE:COLUMN: CODE ...``),
GitHub Actions annotations, a JSON report, and the summary counts."""

from __future__ import annotations

from typing import Final

from ._batch import Outcome
from ._errors import Problem, Severity

__all__ = [
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_USAGE",
    "Tally",
    "format_github",
    "format_problem",
    "problem_json",
]

EXIT_OK: Final = 0
EXIT_INVALID: Final = 1
EXIT_USAGE: Final = 2


def _location(outcome: Outcome, problem: Problem) -> tuple[int | None, int | None]:
    if problem.line is None:
        return None, None
    return outcome.line + problem.line - 1, problem.column


def format_problem(outcome: Outcome, problem: Problem) -> str:
    """``FILE:LINE:COLUMN: CODE severity message (pointer)``, as compilers print."""
    line, column = _location(outcome, problem)
    where = (
        f"{outcome.source.name}:{line}:{column}:" if line is not None else f"{outcome.source.name}:"
    )
    if problem.line is None and outcome.line != 1:
        where = f"{outcome.source.name}:{outcome.line}:"
    pointer = f" ({problem.path})" if problem.path else ""
    return f"{where} {problem.code} {problem.severity.value} {problem.message}{pointer}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(outcome: Outcome, problem: Problem) -> str:
    """A GitHub Actions workflow command that annotates the file at the problem."""
    line, column = _location(outcome, problem)
    if line is None and outcome.line != 1:
        line = outcome.line
    fields = [f"file={_escape_property(outcome.source.name)}"]
    if line is not None:
        fields.append(f"line={line}")
    if column is not None:
        fields.append(f"col={column}")
    fields.append(f"title={_escape_property(problem.code)}")
    kind = "error" if problem.severity is Severity.ERROR else "warning"
    pointer = f" ({problem.path})" if problem.path else ""
    return f"::{kind} {','.join(fields)}::{_escape_data(problem.message + pointer)}"


class Tally:
    """Counts for the summary line and the exit status."""

    def __init__(self, strict: bool) -> None:
        self.strict = strict
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
        files = len(self.files)
        parts = [f"{self.documents} document{'s' * (self.documents != 1)}"]
        if files != self.documents:
            parts.append(f"in {files} file{'s' * (files != 1)}")
        counts = f"{self.valid} valid, {self.invalid} invalid"
        if self.unreadable:
            counts += f", {self.unreadable} unreadable"
        problems = self.errors + self.warnings
        return (
            f"newsarticle: checked {' '.join(parts)}: {counts}; "
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


def problem_json(outcome: Outcome, problem: Problem) -> dict[str, object]:
    line, column = _location(outcome, problem)
    return {
        "code": problem.code,
        "severity": problem.severity.value,
        "path": problem.path,
        "message": problem.message,
        "line": line,
        "column": column,
    }
