"""Reading and writing article documents: the library's JSON format.

``dumps`` writes one canonical form (keys in model order, defaults left out,
UTF-8, two-space indent, final newline), so ``dumps(loads(s)) == s`` for every
canonical document and article files diff cleanly.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ._check import check
from ._convert import unstructure
from ._errors import InvalidArticleError
from ._json._write import dumps_json
from ._model import Article

__all__ = ["AtomicFile", "dump", "dumps", "load", "loads", "write_atomic"]


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


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


_MODE = _default_mode()


class AtomicFile:
    """A file written beside its target and renamed over it when complete.

    Until :meth:`commit`, the target keeps its old contents (or stays absent); a
    failure or an interruption leaves only the temporary file, which
    :meth:`abandon` (or leaving a ``with`` block by an exception) removes.  The
    new file gets the old one's permissions, or the usual ones for a new file.
    """

    def __init__(self, path: Path) -> None:
        prefix = f".{path.name}."
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=".tmp")
        try:
            mode = path.stat().st_mode & 0o7777
        except OSError:
            mode = _MODE
        os.fchmod(handle, mode)
        self.path = path
        self.temporary = Path(temporary)
        self.stream = os.fdopen(handle, "wb")

    def write(self, data: bytes) -> None:
        self.stream.write(data)

    def commit(self) -> None:
        """Put the complete file in place."""
        try:
            self.stream.flush()
            os.fsync(self.stream.fileno())
            self.stream.close()
            os.replace(self.temporary, self.path)
        except BaseException:
            self.abandon()
            raise

    def abandon(self) -> None:
        """Drop what was written; the target is left as it was."""
        self.stream.close()
        self.temporary.unlink(missing_ok=True)

    def __enter__(self) -> AtomicFile:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is None:
            self.commit()
        else:
            self.abandon()


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (see :class:`AtomicFile`)."""
    with AtomicFile(path) as file:
        file.write(data)
