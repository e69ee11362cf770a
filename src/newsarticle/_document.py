"""Reading and writing article documents: the library's JSON format.

``dumps`` writes one canonical form (keys in model order, defaults left out,
UTF-8, two-space indent, final newline), so ``dumps(loads(s)) == s`` for every
canonical document and article files diff cleanly.
"""

from __future__ import annotations

import os
from pathlib import Path

from ._check import check
from ._convert import unstructure
from ._errors import InvalidArticleError
from ._files import write_atomic
from ._json._write import dumps_json
from ._model import Article

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
    """The canonical JSON text of ``article``."""
    return dumps_json(unstructure(article)) + "\n"


def dump(article: Article, path: str | os.PathLike[str]) -> None:
    """Write ``article`` to ``path`` whole or not at all.

    The text goes to a temporary file beside ``path`` that is then renamed over
    it, so a failure never leaves a partial file and the old file stays as it was.
    """
    write_atomic(Path(path), dumps(article).encode("utf-8"))
