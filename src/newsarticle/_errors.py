"""Problems found in article documents, and the exceptions that carry them.

A :class:`Problem` is one finding: a stable code, a severity, the JSON Pointer
of the value it concerns, a message a person can act on and, when the document
came from text, the line and column of that value.  Every code is listed in
:data:`CODES`, which is also the table in ``docs/problems.md``.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Final

import attrs

__all__ = [
    "CODES",
    "Code",
    "InvalidArticleError",
    "InvalidReferenceError",
    "InvalidValueError",
    "NewsArticleError",
    "Problem",
    "Severity",
    "codes_table",
]


class Severity(enum.Enum):
    """How bad a problem is: an error makes a document invalid, a warning does not."""

    ERROR = "error"
    WARNING = "warning"


@attrs.frozen(kw_only=True)
class Code:
    """One entry of the problem-code table."""

    code: str
    severity: Severity
    layer: str
    summary: str


def _table(*rows: tuple[str, Severity, str, str]) -> dict[str, Code]:
    return {
        row[0]: Code(code=row[0], severity=row[1], layer=row[2], summary=row[3]) for row in rows
    }


_E = Severity.ERROR
_W = Severity.WARNING

#: Every problem code newsarticle emits, in the order of the layers that find them.
CODES: Final[dict[str, Code]] = _table(
    ("file-not-found", _E, "input", "A path named on the command line does not exist."),
    ("file-unreadable", _E, "input", "A file cannot be read (permissions, or it is a folder)."),
    ("file-too-large", _E, "input", "A document is larger than the size limit (--max-size)."),
    ("no-input-files", _E, "input", "A folder holds no .json or .jsonl file."),
    ("json-encoding", _E, "syntax", "The bytes are not valid UTF-8."),
    ("json-bom", _W, "syntax", "The text starts with a UTF-8 byte-order mark; it is ignored."),
    ("json-empty", _E, "syntax", "The document is empty or only whitespace."),
    ("json-syntax", _E, "syntax", "The text is not JSON (or is truncated)."),
    ("json-duplicate-key", _E, "syntax", "An object has the same key twice."),
    ("json-constant", _E, "syntax", "NaN, Infinity and -Infinity are not JSON."),
    ("json-number-range", _E, "syntax", "A number is too large to be represented."),
    ("json-depth", _E, "syntax", "The document is nested too deeply."),
    ("json-not-object", _E, "syntax", "The top level is not a JSON object."),
    ("format-version", _E, "schema", "The document's format_version is missing or not supported."),
    ("schema-type", _E, "schema", "A value has the wrong JSON type."),
    ("schema-required", _E, "schema", "A required key is missing."),
    ("schema-unknown-key", _E, "schema", "An object has a key the format does not define."),
    ("schema-enum", _E, "schema", "A value is not one of the allowed values."),
    ("schema-format", _E, "schema", "A string is not a valid date-time, URI or other format."),
    ("schema-pattern", _E, "schema", "A string has characters or a shape the format refuses."),
    ("schema-length", _E, "schema", "A string or array is too short or too long."),
    ("schema-range", _E, "schema", "A number is outside its allowed range."),
    ("schema-unique", _E, "schema", "An array holds the same item twice."),
    ("schema-invalid", _E, "schema", "A value breaks another rule of the schema."),
    ("invalid-value", _E, "value", "A value is wrong on its own (an impossible date, say)."),
    ("duplicate-id", _E, "integrity", "Two objects of one article share an id."),
    ("unresolved-reference", _E, "integrity", "A reference names an id the article does not hold."),
    ("wrong-reference-kind", _E, "integrity", "A reference names an object of the wrong kind."),
    ("quote-not-in-body", _E, "integrity", "An anchored quote or claim is not in its paragraph."),
    ("anchor-count", _E, "integrity", "A quote's parts do not match its anchor paragraphs."),
    ("modified-before-published", _E, "integrity", "date_modified is before date_published."),
    ("correction-before-published", _E, "integrity", "A correction is dated before publication."),
    ("containment-cycle", _E, "integrity", "Places or organizations contain themselves."),
    ("self-reference", _E, "integrity", "An object refers to itself where it cannot."),
    ("unused-attribution", _W, "integrity", "No quote or claim uses this attribution."),
    ("unused-source", _W, "integrity", "No attribution uses this unnamed source."),
    ("seo-headline-long", _W, "profile", "The headline is longer than 110 characters."),
    ("seo-no-url", _W, "profile", "The article has no URL (no canonical page in the JSON-LD)."),
    ("seo-no-date-published", _W, "profile", "The article has no date_published."),
    ("seo-no-author", _W, "profile", "The article names no author."),
    ("seo-author-unidentified", _W, "profile", "An author has neither url nor same_as."),
    ("seo-no-image", _W, "profile", "The article has no image."),
    ("seo-image-no-size", _W, "profile", "An image has no width or no height."),
    ("seo-image-small", _W, "profile", "An image has fewer than 50,000 pixels."),
)


def codes_table() -> str:
    """The Markdown table of every problem code (the one in ``docs/problems.md``)."""
    rows = ["| code | severity | layer | meaning |", "|---|---|---|---|"]
    rows += [
        f"| `{c.code}` | {c.severity.value} | {c.layer} | {c.summary} |" for c in CODES.values()
    ]
    return "\n".join(rows) + "\n"


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with (or worth knowing about) an article document.

    ``path`` is an RFC 6901 JSON Pointer to the value concerned (``""`` is the
    whole document).  ``line`` and ``column`` are 1-based and count characters;
    they are set when the document was given as text.
    """

    code: str
    severity: Severity
    path: str
    message: str
    line: int | None = None
    column: int | None = None

    @classmethod
    def of(cls, code: str, path: str, message: str) -> Problem:
        """Build a problem whose severity is the one :data:`CODES` gives ``code``."""
        return cls(code=code, severity=CODES[code].severity, path=path, message=message)

    @property
    def is_error(self) -> bool:
        """True when this problem makes the document invalid."""
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        where = f"{self.line}:{self.column}: " if self.line is not None else ""
        return f"{where}{self.code} {self.severity.value} {self.message} ({self.path or '/'})"


class NewsArticleError(Exception):
    """Base class of every exception newsarticle raises on purpose."""


class InvalidValueError(NewsArticleError, ValueError):
    """A model object was built with a value that is wrong on its own.

    ``field`` names the attribute (or, for nested values, the dotted path of
    attributes) that holds the value.
    """

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.reason = message


class InvalidReferenceError(NewsArticleError, ValueError):
    """An exporter met a reference that does not resolve to the kind of object it must name.

    Exporters expect a valid article (:func:`newsarticle.validate` reports every such
    problem, with its path).  ``identifier`` is the id referred to; ``expected`` says what it
    must name ("a person or an organization").
    """

    def __init__(self, identifier: str, expected: str, found: str | None) -> None:
        what = "is not the id of anything" if found is None else f"is {found}"
        super().__init__(
            f"the article is not valid: {identifier!r} {what} (expected {expected}); "
            "newsarticle.validate reports every such problem"
        )
        self.identifier = identifier
        self.expected = expected


class InvalidArticleError(NewsArticleError, ValueError):
    """A document is not a valid article.  ``problems`` holds every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        errors = [p for p in self.problems if p.is_error]
        first = errors[0] if errors else None
        head = f"{len(errors)} error(s) in article document"
        super().__init__(f"{head}; first: {first}" if first else head)
