"""Reading JSON text strictly.

:func:`read` turns bytes or text into a JSON value or into located problems.
It refuses what lets two readers see two different documents or what no JSON
reader can hold: invalid UTF-8, duplicate keys, ``NaN``/``Infinity``, numbers
beyond the range of a double, nesting deeper than :data:`MAX_DEPTH`.  A UTF-8
byte-order mark is accepted and reported as a warning.

The strict reader is the standard library's C parser with hooks.  Only when it fails, or
when problems need a line and column, does :class:`~newsarticle._json._locate.Locator`
scan the text itself.  :func:`read_fast` is the quick reading of the fast path.
"""

from __future__ import annotations

import json
import re
from typing import Any, Final

from .._errors import Problem
from ._locate import MAX_DIGITS, Locator, at

__all__ = ["STRICT_HOOKS", "Refused", "decode", "read", "read_fast"]

_orjson: Any
try:
    import orjson as _orjson
except ImportError:  # pragma: no cover - depends on the environment
    _orjson = None

_BOM: Final = "\ufeff"


class Refused(ValueError):
    """A JSON value the strict reader refuses; the locator finds where it is."""


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise Refused("duplicate key")
    return result


def _constant(name: str) -> Any:
    raise Refused(name)


def _float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise Refused(text)
    return value


def _int(text: str) -> int:
    if len(text) > MAX_DIGITS:
        raise Refused(text)
    return int(text)


#: The decoder hooks that refuse NaN, infinities and numbers of too many digits, for every
#: strict reading of JSON text (duplicate keys are each reading's own concern).
STRICT_HOOKS: Final[dict[str, Any]] = {
    "parse_constant": _constant,
    "parse_float": _float,
    "parse_int": _int,
}
_DECODER: Final = json.JSONDecoder(object_pairs_hook=_pairs, **STRICT_HOOKS)


def decode(data: str | bytes) -> tuple[str | None, list[Problem]]:
    """The text of ``data`` without a byte-order mark, or None and the problem."""
    problems: list[Problem] = []
    if isinstance(data, bytes):
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            message = (
                "the text is UTF-16 (it starts with a UTF-16 byte-order mark); save it as UTF-8"
            )
            return None, [at(Problem.of("json-encoding", "", message), 1, 1)]
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
            problems.append(at(Problem.of("json-encoding", "", message), line, column))
            return None, problems
    else:
        text = data
        if text.startswith(_BOM):
            problems.append(_bom())
            text = text[1:]
    return text, problems


def _bom() -> Problem:
    message = "the text starts with a UTF-8 byte-order mark, which is ignored"
    return at(Problem.of("json-bom", "", message), 1, 1)


def read(data: str | bytes) -> tuple[Any, str | None, list[Problem]]:
    """Parse ``data``: the value (None on failure), the decoded text, and problems."""
    text, problems = decode(data)
    if text is None:
        return None, None, problems
    if not text.strip(" \t\r\n"):
        problems.append(at(Problem.of("json-empty", "", "the document is empty"), 1, 1))
        return None, text, problems
    try:
        value = _DECODER.decode(text)
    except json.JSONDecodeError as error:
        found = Problem.of("json-syntax", "", _syntax_message(error, text))
        problems.append(at(found, error.lineno, error.colno))
        return None, text, problems
    except (Refused, RecursionError, ValueError):
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

    orjson parses several times faster than the strict reader and refuses what the strict
    reader refuses (invalid UTF-8, a byte-order mark, a lone surrogate, NaN, a number
    beyond a double), but keeps the last of two values for one key without a word.  So its
    value is taken only when the text is shown to hold no repeated key (see
    :func:`_one_value_per_key`).  Otherwise the strict reader reads it: None.  None also
    when orjson is not installed (the extra ``newsarticle[fast]``) or the top level is not
    an object.

    orjson reads an integer beyond 64 bits as a float where the strict reader keeps an
    integer (or refuses it past :data:`~newsarticle._json._locate.MAX_DIGITS` digits);
    every number of the format is bounded far below that, so such a value never builds an
    article on either path.  Nesting is bounded by the format the same way.

    The flag says whether the text shows that no string holds a control character but a
    newline: no escape but ``\\"`` and ``\\n``, no DEL and no C1 character.
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
    if type(value) is not dict or not _one_value_per_key(data, value):
        return None
    return value, _clean(data)


def _one_value_per_key(data: bytes, value: dict[str, Any]) -> bool:
    """Whether the JSON text ``data``, which orjson read as ``value``, repeats no key.

    The canonical form that :func:`newsarticle.dumps` writes, and the compact form, are
    what orjson writes back from the value: when it writes exactly ``data``, every key of
    the text is in the value.  Any other form (another indentation, other spacing, keys
    in another order, escaped characters) is shown by counting colons.  A colon of the
    text either ends a key or stands raw in a string, and orjson writes every colon raw; so
    the text holds at least as many colons as orjson writes back from its value, and
    exactly as many only when no key and no string was dropped: when no key is repeated.
    A colon written as an escape (``\\u003a``) would be one the text does not show, so a
    text that looks as if it held one is left to the strict reader.
    """
    indent = data[1:2] == b"\n"
    written: bytes = _orjson.dumps(value, option=_orjson.OPT_INDENT_2 if indent else 0)
    if data.startswith(written) and data[len(written) :] in (b"", b"\n"):
        return True
    if indent:
        written = _orjson.dumps(value)
    if b"\\u003" in data and (b"\\u003a" in data or b"\\u003A" in data):
        return False
    return data.count(b":") == written.count(b":")


def _clean(data: bytes) -> bool:
    """Whether ``data`` (JSON text orjson read) holds no control character but newline.

    An escape stands for a control character when it is ``\\b``, ``\\f``, ``\\r``, ``\\t``
    or a ``\\u`` escape of one (``\\u0000`` to ``\\u001f``, ``\\u007f`` to ``\\u009f``; a
    newline so escaped is counted with them, which costs time only); ``\\"``, ``\\\\``,
    ``\\/``, ``\\n`` and every other ``\\u`` escape do not (orjson refuses a lone surrogate).
    Text with no ``\\u`` escape is read escape by escape; from the first one on, one search
    looks for the escapes of controls (text with its non-ASCII characters escaped holds
    hundreds).  A search may take the second half of ``\\\\b`` for such an escape: the text
    is then called unclean, which costs time only.
    """
    at = data.find(b"\\")
    while at >= 0:
        escaped = data[at + 1]
        if escaped == _U:
            if _CONTROL_ESCAPE.search(data, at) is not None:
                return False
            break
        if escaped not in b'"n\\/':
            return False
        at = data.find(b"\\", at + 2)
    return b"\x7f" not in data and (b"\xc2" not in data or _RAW_CONTROLS.search(data) is None)


_U: Final = ord("u")
_CONTROL_ESCAPE: Final = re.compile(rb"\\(?:[bfrt]|u00(?:[0189]|7[fF]))")


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
