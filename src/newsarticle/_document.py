"""Reading and writing article documents: the library's JSON format.

``dumps`` writes one canonical form (keys in model order, defaults left out,
UTF-8, two-space indent, final newline), so ``dumps(loads(s)) == s`` for every
canonical document and article files diff cleanly.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ._check import check
from ._errors import InvalidArticleError
from ._files import write_atomic
from ._integrity import require_valid
from ._json._write import dumps_json, json_bytes
from ._model import Article
from ._unbuild import plain_value

__all__ = ["dump", "dumps", "load", "loads"]


def loads(document: str | bytes) -> Article:
    """Read an article from JSON text, checking it completely.

    Raises :class:`~newsarticle.InvalidArticleError` carrying every problem when
    the document has any error.  Warnings alone do not stop it.
    """
    article, problems = check(document)
    if article is None:
        raise InvalidArticleError(problems)
    return article


def load(path: str | os.PathLike[str]) -> Article:
    """Read an article from a file (see :func:`loads`)."""
    return loads(Path(path).read_bytes())


def dumps(article: Article) -> str:
    """The canonical JSON text of ``article``.

    Only what :func:`loads` reads back is written: an article with an integrity error (a
    reference that names nothing or the wrong kind of object, an id given twice, a quote
    that is not in its paragraph, ...) raises :class:`~newsarticle.InvalidArticleError`
    carrying every problem, and anything but an :class:`Article` (a dict, say) raises
    :class:`TypeError`.  Warnings (an attribution nothing uses) do not stop it.
    """
    return _text(article, "newsarticle.dumps")


def dump(article: Article, path: str | os.PathLike[str]) -> None:
    """Write ``article`` to ``path`` whole or not at all.

    The text goes to a temporary file beside ``path`` that is then renamed over
    it, so a failure never leaves a partial file and the old file stays as it was.
    An article that :func:`dumps` refuses is refused before anything is written: no file,
    not even a temporary one, is created.
    """
    value, plain = _value(article, "newsarticle.dump")
    write_atomic(Path(path), json_bytes(value, newline=True, plain_floats=plain))


def _text(article: Article, caller: str) -> str:
    value, plain = _value(article, caller)
    return dumps_json(value, newline=True, plain_floats=plain)


def _value(article: Article, caller: str) -> tuple[dict[str, Any], bool]:
    """The JSON value of a valid ``article``, and whether its floats are plain (see
    :mod:`newsarticle._unbuild`, whose generated code makes it; the converter makes the
    value of an article with a float it cannot promise)."""
    valid = require_valid(article, caller)
    value = plain_value(valid)
    if value is not None:
        return value, True
    from ._convert import unstructure  # cattrs: imported when first needed (rarely)

    return unstructure(valid), False
