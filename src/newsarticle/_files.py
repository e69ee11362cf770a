"""Files written whole or not at all: a temporary file beside the target, renamed over it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

__all__ = ["AtomicFile", "write_atomic"]


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
