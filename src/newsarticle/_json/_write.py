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
``tests/test_jsonout.py`` proves it.
"""

from __future__ import annotations

import json
import re
from typing import Any, Final

__all__ = ["dumps_json"]

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


def dumps_json(value: Any, *, indent: bool = True) -> str:
    """``value`` as JSON text: two-space indent, or compact; non-ASCII kept as is."""
    if _orjson is not None:
        try:
            data = _orjson.dumps(value, option=_orjson.OPT_INDENT_2 if indent else 0)
        except _orjson.JSONEncodeError:  # a value orjson cannot write (a huge integer)
            pass
        else:
            if not _may_hold_a_small_float(data):
                text: str = data.decode("utf-8")
                return text
    if indent:
        return json.dumps(value, ensure_ascii=False, indent=2)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
