"""Reading and writing article documents: the library's JSON format.

``dumps`` writes one canonical form (keys in model order, defaults left out,
UTF-8, two-space indent, final newline), so ``dumps(loads(s)) == s`` for every
canonical document and article files diff cleanly.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from . import convert
from .errors import InvalidArticleError
from .model import Article
from .validate import check

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
    return json.dumps(convert.unstructure(article), ensure_ascii=False, indent=2) + "\n"


def dump(article: Article, path: str | os.PathLike[str]) -> None:
    """Write ``article`` to ``path`` whole or not at all.

    The text goes to a temporary file beside ``path`` that is then renamed over
    it, so a failure never leaves a partial file and the old file stays as it was.
    """
    write_atomic(Path(path), dumps(article).encode("utf-8"))


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
