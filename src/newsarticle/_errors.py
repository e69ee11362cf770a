"""Problems found in article documents, and the exceptions that carry them.

A :class:`Problem` is one finding: a stable code, a severity, the JSON Pointer
of the value it concerns, a message a person can act on and, when the document
came from text, the line and column of that value.  Every code is listed in
:data:`CODES`, which is also the table in ``docs/problems.md``.
"""

from __future__ import annotations

import enum
import json
import math
from collections.abc import Iterable, Mapping
from typing import Any, Final

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
    "clipped",
    "codes_table",
    "indefinite",
    "shown",
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
    ("modified-before-correction", _E, "integrity", "date_modified is before a correction."),
    ("paywall-contradiction", _E, "integrity", "A free article has a paragraph for subscribers."),
    ("coverage-end-before-start", _E, "integrity", "A live blog's coverage ends before it starts."),
    ("update-outside-coverage", _E, "integrity", "A live update is dated outside its coverage."),
    ("review-rating-scale", _E, "integrity", "A review's rating is not on its stated scale."),
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
    ("seo-paywall-no-section", _W, "profile", "For subscribers, but no paragraph is paywalled."),
    ("seo-paywall-selector", _W, "profile", "The paywalled section's selector is not one class."),
    ("seo-speakable-selector", _W, "profile", "A speakable selector is not one class."),
    ("seo-claimreview-no-verdict", _W, "profile", "A fact check's review has no verdict."),
    ("seo-claimreview-no-url", _W, "profile", "A fact check's review has no url."),
    ("seo-claimreview-url-off-site", _W, "profile", "A review's url is not on the article's site."),
    ("seo-claimreview-worst-rating", _W, "profile", "A review's worst_rating is below 1."),
    ("seo-claimreview-claim-long", _W, "profile", "A reviewed claim has 75 characters or more."),
    ("seo-review-not-exported", _W, "profile", "A review outside a fact_check is not exported."),
    ("seo-policy-type", _W, "profile", "A NewsMediaOrganization policy on another kind."),
    # --- page
    ("page-too-large", _E, "page", "The page is larger than the size limit; it is not read."),
    ("page-not-html", _E, "page", "The data is not an HTML page (binary, JSON, no markup)."),
    ("page-compressed", _E, "page", "gzip-compressed data is corrupt or truncated; not read."),
    ("page-encoding", _W, "page", "Bytes invalid in the page's encoding, or a wrong declaration."),
    ("page-too-many-blocks", _E, "page", "More ld+json blocks than the limit; the rest not read."),
    ("page-no-jsonld", _W, "page", "The page has no application/ld+json block."),
    ("page-block-too-large", _E, "page", "An ld+json block is larger than the limit; not read."),
    ("page-block-empty", _W, "page", "An ld+json block holds no JSON."),
    ("page-json-syntax", _E, "page", "A block is not JSON, even after the unambiguous repairs."),
    ("page-json-duplicate-key", _W, "page", "An object has a key twice; the last value is kept."),
    ("page-json-constant", _E, "page", "A block holds NaN, Infinity or -Infinity."),
    ("page-json-number-range", _E, "page", "A block holds a number too large to be represented."),
    ("page-json-depth", _E, "page", "A block is nested too deeply."),
    ("page-json-value", _E, "page", "A value given already parsed holds what JSON cannot."),
    ("page-repair-wrapper", _W, "page", "An HTML comment or CDATA wrapper was removed."),
    ("page-repair-comment", _W, "page", "A JavaScript comment outside strings was removed."),
    ("page-repair-trailing-comma", _W, "page", "A comma before '}' or ']' was removed."),
    ("page-repair-control-character", _W, "page", "A raw control character in a string escaped."),
    ("page-repair-semicolon", _W, "page", "A ';' after the block's value was removed."),
    ("page-repair-space", _W, "page", "A byte-order mark or a non-JSON space was removed."),
    # --- import
    ("import-no-article", _E, "import", "The page has no node of an article type."),
    ("import-no-headline", _E, "import", "The article node gives no headline (nor name)."),
    ("import-invalid", _E, "import", "The imported article breaks a rule of the format."),
    ("import-several-articles", _W, "import", "The page has several article nodes; one is taken."),
    ("import-dropped", _W, "import", "A property or value the model cannot hold is not kept."),
    ("import-unknown-property", _W, "import", "A key is not a schema.org property; not kept."),
    ("import-property-spelling", _W, "import", "A key is a schema.org property in another case."),
    ("import-unknown-type", _W, "import", "An @type is not a schema.org type."),
    ("import-text-cleaned", _W, "import", "Text was cleaned: references, tags or whitespace."),
    ("import-boolean-text", _W, "import", 'A boolean written as text ("False") was read as one.'),
    ("import-bad-value", _W, "import", "A value the model refuses (not a URL, say); not kept."),
    ("import-url-resolved", _W, "import", "A relative URL was read against the page's URL."),
    ("import-url-encoded", _W, "import", "A URL with spaces or non-ASCII was percent-encoded."),
    ("import-date-format", _W, "import", "A date not in ISO 8601 was read (RFC 2822, say)."),
    ("import-date-no-timezone", _W, "import", "A date has no time zone: assumed one, or dropped."),
    ("import-date-unreadable", _W, "import", "A date in no form the importer reads; dropped."),
    ("import-date-order", _W, "import", "A date is before one it must follow; it is dropped."),
    ("import-author-split", _W, "import", "A byline in one name was split, or its 'By' removed."),
    ("import-author-unclear", _W, "import", "A name may hold several people; kept whole."),
    ("import-untyped", _W, "import", "An author or publisher with no @type was read as one."),
    ("import-name-composed", _W, "import", "A person's name was made of givenName, familyName."),
    ("import-unresolved", _W, "import", "An @id reference names no node of the page; dropped."),
    ("import-from-page", _W, "import", "A field the JSON-LD lacks was taken from the page."),
    ("import-no-language", _W, "import", "The page says no language; 'und' is used."),
    # --- ninjs
    ("ninjs-too-large", _E, "ninjs", "The ninjs text is larger than the size limit; not read."),
    ("ninjs-not-article", _E, "ninjs", "The ninjs item is no text item (a picture, an event)."),
    ("ninjs-version", _W, "ninjs", "The ninjs version is unknown, or the spelling contradicts it."),
    ("ninjs-schema", _W, "ninjs", "The item breaks IPTC's ninjs 3.1 schema."),
    # --- audit
    ("audit-script-end", _E, "audit", "A block's text holds '</script': it ends the script early."),
    ("audit-html-comment", _E, "audit", "A block's text holds '<!--', which can hide the page."),
    ("audit-context", _E, "audit", "A top-level node does not name schema.org in @context."),
    ("audit-unknown-type", _E, "audit", "An @type is not a schema.org type."),
    ("audit-unknown-property", _E, "audit", "A key is no schema.org property or JSON-LD keyword."),
    ("audit-superseded", _W, "audit", "A term schema.org has superseded or retired."),
    ("audit-domain", _E, "audit", "A property is used on a type it is not defined for."),
    ("audit-range", _E, "audit", "A value is of no type the property takes."),
    ("audit-boolean-string", _W, "audit", "A Boolean is given as the text 'true' or 'false'."),
    ("audit-date-format", _E, "audit", "A date is not an ISO 8601 date or date and time."),
    ("audit-date-no-timezone", _W, "audit", "A date and time has no time zone."),
    ("audit-html-in-text", _W, "audit", "A text holds HTML tags or character references."),
    ("audit-article-conflict", _E, "audit", "Article nodes disagree on headline, date or author."),
    ("audit-no-article", _W, "audit", "The page's JSON-LD holds no article node."),
    ("audit-headline-missing", _W, "audit", "The article has no headline."),
    ("audit-headline-long", _W, "audit", "The headline is longer than 110 characters."),
    ("audit-image-missing", _W, "audit", "The article has no image."),
    ("audit-image-no-url", _W, "audit", "An image node has no url (nor contentUrl)."),
    ("audit-image-small", _W, "audit", "An image has fewer than 50,000 pixels."),
    ("audit-date-published-missing", _W, "audit", "The article has no datePublished."),
    ("audit-modified-before-published", _W, "audit", "dateModified is before datePublished."),
    ("audit-author-missing", _W, "audit", "The article names no author."),
    ("audit-author-untyped", _W, "audit", "An author is a text or a node with no @type."),
    ("audit-author-no-name", _W, "audit", "An author has no name (or names no node of the page)."),
    ("audit-author-unidentified", _W, "audit", "An author has neither url nor sameAs."),
    ("audit-author-byline", _W, "audit", "An author's name starts with 'By' (or 'Par', 'Por')."),
    ("audit-author-several", _W, "audit", "An author's name holds several people."),
    ("audit-author-job-title", _W, "audit", "An author's name holds a job title or employer."),
    ("audit-publisher-missing", _W, "audit", "The article names no publisher."),
    ("audit-publisher-no-name", _W, "audit", "The publisher has no name (or names no node)."),
    ("audit-paywall-no-selector", _E, "audit", "A paywalled hasPart section has no cssSelector."),
    ("audit-paywall-selector", _W, "audit", "A paywalled section's cssSelector is not a .class."),
    ("audit-paywall-inconsistent", _W, "audit", "Paywall marks of article and sections disagree."),
    ("audit-url-canonical", _W, "audit", "The article's URL is not the page's canonical URL."),
)


def codes_table() -> str:
    """The Markdown table of every problem code (the one in ``docs/problems.md``)."""
    rows = ["| code | severity | layer | meaning |", "|---|---|---|---|"]
    rows += [
        f"| `{c.code}` | {c.severity.value} | {c.layer} | {c.summary} |" for c in CODES.values()
    ]
    return "\n".join(rows) + "\n"


# --- values in messages -------------------------------------------------------------

#: The most characters of one value that a message quotes (the marker of what was left out
#: aside): a message quoting a 9 MB string stays one short line.
SHOWN_LIMIT: Final = 80
#: The most characters of a JSON Pointer that ``str(problem)`` shows.
_PATH_LIMIT: Final = 200
#: Arrays and objects nested deeper than this are shown as ``[…]`` and ``{…}``.
_SHOWN_DEPTH: Final = 3
#: Integers with more bits than this are not written out (Python refuses to, past 4,300 digits).
_SHOWN_BITS: Final = 10_000
_ESCAPES: Final = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_ESCAPES_MORE: Final = {"\b": "\\b", "\f": "\\f"}
# Words whose first vowel is said "you" or "won" take "a" ("a URL", "a unit", "a one").
_A_BEFORE: Final = ("uni", "use", "usu", "uti", "uu", "url", "uri", "utf", "eu", "one")


def indefinite(noun: str) -> str:
    """``noun`` after its indefinite article: "a person", "an Organization", "a URL"."""
    lower = noun.lower()
    vowel = lower[:1] in ("a", "e", "i", "o", "u") and not lower.startswith(_A_BEFORE)
    return f"{'an' if vowel else 'a'} {noun}"


def _left_out(count: int, unit: str) -> str:
    return f" ({count:,} {unit}{'s' * (count != 1)} left out)"


def _cut(text: str, limit: int) -> tuple[str, int]:
    """``text`` with its middle replaced by ``…`` when longer than ``limit``; the count cut."""
    if len(text) <= limit:
        return text, 0
    tail = limit // 4
    head = max(limit - tail - 1, 1)
    return f"{text[:head]}…{text[len(text) - tail :]}", len(text) - head - tail


def clipped(text: str, limit: int = SHOWN_LIMIT) -> str:
    """``text`` as is when it has at most ``limit`` characters; else its start and its end
    around ``…``, followed by how many characters were left out."""
    kept, count = _cut(text, limit)
    return kept + _left_out(count, "character") if count else kept


def _escape(char: str) -> str:
    """A character as a JSON string holds it: itself when printable, else its escape."""
    if char.isprintable() and char not in _ESCAPES:
        return char
    named = _ESCAPES.get(char) or _ESCAPES_MORE.get(char)
    if named is not None:
        return named
    point = ord(char)
    if point > 0xFFFF:  # JSON writes a character beyond the BMP as a surrogate pair
        point -= 0x10000
        return f"\\u{0xD800 + (point >> 10):04x}\\u{0xDC00 + (point & 0x3FF):04x}"
    return f"\\u{point:04x}"


def _string(text: str, limit: int) -> str:
    """A JSON string literal of ``text``, every character that is not printable escaped,
    its middle left out when the literal would be longer than ``limit`` characters."""
    if len(text) <= limit and text.isprintable() and '"' not in text and "\\" not in text:
        return f'"{text}"'
    head: list[str] = []
    width = 0
    for char in text[:limit]:
        head.append(_escape(char))
        width += len(head[-1])
    if len(text) <= limit and width <= limit:
        return '"' + "".join(head) + '"'
    # Keep about three quarters of the room for the start, the rest for the end.
    room = max(limit - limit // 4 - 1, 1)
    kept = width = 0
    while kept < len(head) and width + len(head[kept]) <= room:
        width += len(head[kept])
        kept += 1
    kept = max(kept, 1)
    tail: list[str] = []
    room, width = limit - room - 1, 0
    for char in reversed(text[kept:][-limit:]):
        piece = _escape(char)
        if width + len(piece) > room:
            break
        tail.append(piece)
        width += len(piece)
    left_out = len(text) - kept - len(tail)
    return (
        '"'
        + "".join(head[:kept])
        + "…"
        + "".join(reversed(tail))
        + '"'
        + _left_out(left_out, "character")
    )


def shown(value: object, limit: int = SHOWN_LIMIT) -> str:
    """``value`` as a message quotes it: written as JSON, clipped.

    Strings are JSON strings (``"maria"``), with every character that is not printable
    (controls, format characters such as the bidi controls, line separators, lone
    surrogates) escaped as JSON escapes it, so a message is always one line of plain text;
    ``True`` and ``None`` are ``true`` and ``null``; lists and tuples are arrays, mappings
    objects.  A string whose literal would take more than ``limit`` characters keeps its
    start and its end around ``…`` and says how many characters were left out
    (``"aaaa…zzzz" (9,437,124 characters left out)``); an array or object shows the items
    that fit in ``limit`` and counts the rest.  Whatever the value, the result has at most
    ``limit`` characters and a few markers (see :data:`SHOWN_MAX`).  What has no JSON form
    is named by its type: an enumeration member as ``Genre.NEWS``, anything else as
    ``a datetime``, ``a Person``.
    """
    return _shown(value, max(limit, _MIN_ROOM), 0)


#: The least room a value is given, however little is left (an item of an array, say).
_MIN_ROOM: Final = 16
#: The most characters :func:`shown` returns with the default limit, markers included.
SHOWN_MAX: Final = 2 * SHOWN_LIMIT + 4 * len(" (9,999,999,999 characters left out)")


def _shown(value: object, limit: int, depth: int) -> str:
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, str):
        return _string(value, limit)
    if isinstance(value, int):
        if value.bit_length() > _SHOWN_BITS:
            digits = math.floor(value.bit_length() * math.log10(2))
            return f"an integer of about {digits:,} digits"
        kept, count = _cut(str(int(value)), limit)
        return kept + (_left_out(count, "digit") if count else "")
    if isinstance(value, float):
        return json.dumps(value)
    if isinstance(value, list | tuple):
        return _items(value, len(value), "[]", limit, depth)
    if isinstance(value, Mapping):
        return _items(value.items(), len(value), "{}", limit, depth)
    return indefinite(type(value).__name__)


def _items(entries: Iterable[Any], total: int, brackets: str, limit: int, depth: int) -> str:
    """The items of an array (or the entries of an object) that fit in ``limit`` characters;
    at least one, given what room is left."""
    opening, closing = brackets[0], brackets[1]
    if total and depth >= _SHOWN_DEPTH:
        return f"{opening}…{closing}"
    kept: list[str] = []
    size = 2
    for entry in entries:
        room = max(limit - size, _MIN_ROOM)
        if opening == "{":
            key = _shown(entry[0], max(room // 2, _MIN_ROOM), depth + 1)
            room = max(room - len(key) - 2, _MIN_ROOM)
            piece = f"{key}: {_shown(entry[1], room, depth + 1)}"
        else:
            piece = _shown(entry, room, depth + 1)
        if kept and size + len(piece) > limit:
            return f"{opening}{', '.join(kept)}, …{closing}{_left_out(total - len(kept), 'item')}"
        kept.append(piece)
        size += len(piece) + 2
    return f"{opening}{', '.join(kept)}{closing}"


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
    def of(
        cls,
        code: str,
        path: str,
        message: str,
        line: int | None = None,
        column: int | None = None,
    ) -> Problem:
        """Build a problem whose severity is the one :data:`CODES` gives ``code``, placed at
        ``line`` and ``column`` when they are given."""
        return cls(
            code=code,
            severity=CODES[code].severity,
            path=path,
            message=message,
            line=line,
            column=column,
        )

    @property
    def is_error(self) -> bool:
        """True when this problem makes the document invalid."""
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        where = f"{self.line}:{self.column}: " if self.line is not None else ""
        path = clipped(self.path or "/", _PATH_LIMIT)
        return f"{where}{self.code} {self.severity.value} {self.message} ({path})"


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
    """A reference does not resolve to the kind of object it must name.

    The exporters name what a reference points at with ``_integrity.resolve``, which raises
    this.  They refuse an article with any integrity error first (with
    :class:`InvalidArticleError`), so from an exporter this error can only mean a bug in
    newsarticle.  ``identifier`` is the id referred to; ``expected`` says what it must name
    ("a person or an organization").
    """

    def __init__(self, identifier: str, expected: str, found: str | None) -> None:
        what = "is not the id of anything" if found is None else f"is {found}"
        super().__init__(
            f"the article is not valid: {shown(identifier)} {what} (expected {expected}); "
            "newsarticle.validate reports every such problem"
        )
        self.identifier = identifier
        self.expected = expected


class InvalidArticleError(NewsArticleError, ValueError):
    """A document, or an article, is not a valid article.  ``problems`` holds every problem.

    :func:`newsarticle.loads` and :func:`~newsarticle.load` raise it for a document with an
    error; :func:`~newsarticle.dumps`, :func:`~newsarticle.dump` and every exporter raise it
    for an article with an integrity error (a dangling reference, an id given twice), which
    could not be loaded back.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        errors = [p for p in self.problems if p.is_error]
        first = errors[0] if errors else None
        head = f"{len(errors)} error(s) in article document"
        super().__init__(f"{head}; first: {first}" if first else head)
