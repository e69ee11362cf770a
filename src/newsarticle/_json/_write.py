"""Writing JSON text in one fixed format, fast when orjson is installed.

The format is the standard library's ``json.dumps(value, ensure_ascii=False)``,
either indented by two spaces or compact.  The standard library's indenting
encoder is pure Python and is most of the cost of writing an article or its
JSON-LD; orjson (the optional extra ``newsarticle[fast]``) writes the same text
many times faster.  Its text differs in one known way only: a float below 1e-4
in magnitude is ``0.00001`` or ``1e-7`` where the standard library writes
``1e-05`` and ``1e-07``.  When orjson's text holds anything of that shape (or
merely looks as if it might, in a string), the standard library writes the
value instead, so the output is the same byte for byte with or without orjson.
``tests/test_jsonout.py`` proves it.  Looking costs two scans of the text, each about as
long as orjson's writing: a caller that knows its value's floats (an article's, see
:mod:`newsarticle._unbuild`) says so and is spared them.
"""

from __future__ import annotations

import json
import re
from typing import Any, Final

__all__ = ["dumps_json", "json_bytes", "orjson_text", "standard_text"]

_orjson: Any
try:
    import orjson as _orjson
except ImportError:  # pragma: no cover - depends on the environment
    _orjson = None

# A negative one-digit exponent ("e-" has a fast literal search; the digit before
# it is checked by hand), or a number written 0.0000...: orjson's forms of the
# small floats the standard library writes with a two-digit exponent.
_EXPONENT: Final = re.compile(rb"e-[0-9](?![0-9])")
_DIGITS: Final = frozenset(b"0123456789")


def _may_hold_a_small_float(data: bytes) -> bool:
    for match in _EXPONENT.finditer(data):
        if match.start() and data[match.start() - 1] in _DIGITS:
            return True
    return b"0.0000" in data


def orjson_text(
    value: Any, *, indent: bool = True, newline: bool = False, plain_floats: bool = False
) -> bytes | None:
    """orjson's UTF-8 text of ``value`` (two-space indent or compact, then a newline when
    ``newline``), or None when orjson is not installed or might not write what
    :func:`standard_text` writes.

    ``plain_floats`` says that the caller knows ``value`` holds no float below 1e-4 in
    magnitude but 0 (see :mod:`newsarticle._unbuild`), so that the text needs no look.
    """
    if _orjson is None:
        return None
    option = _orjson.OPT_INDENT_2 if indent else 0
    if newline:
        option |= _orjson.OPT_APPEND_NEWLINE
    try:
        data: bytes = _orjson.dumps(value, option=option)
    except _orjson.JSONEncodeError:  # a value orjson cannot write (a huge integer)
        return None
    if not plain_floats and _may_hold_a_small_float(data):
        return None
    return data


def standard_text(value: Any, *, indent: bool = True) -> str:
    """The standard library's text of ``value``, the format itself."""
    if indent:
        return json.dumps(value, ensure_ascii=False, indent=2)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def json_bytes(
    value: Any, *, indent: bool = True, newline: bool = False, plain_floats: bool = False
) -> bytes:
    """The UTF-8 text of ``value`` in the format (see :func:`orjson_text` for the options):
    orjson's when it can stand in, else the standard library's."""
    data = orjson_text(value, indent=indent, newline=newline, plain_floats=plain_floats)
    if data is None:
        return (standard_text(value, indent=indent) + "\n" * newline).encode("utf-8")
    return data


def dumps_json(
    value: Any, *, indent: bool = True, newline: bool = False, plain_floats: bool = False
) -> str:
    """``value`` as JSON text: two-space indent, or compact; non-ASCII kept as is (see
    :func:`orjson_text` for the options)."""
    data = orjson_text(value, indent=indent, newline=newline, plain_floats=plain_floats)
    if data is None:
        return standard_text(value, indent=indent) + "\n" * newline
    return data.decode("utf-8")
