"""Files written whole or not at all: a temporary file beside the target, renamed over it.

:class:`AtomicFile` writes one file: its data made durable (``fsync``) before the rename,
the rename made durable (the folder synced) after.  :class:`Batch` writes many at the cost
of a few syncs instead of one per file: the temporary files of a batch are written, made
durable together, renamed into place, and their folders synced, at most once a batch.
:class:`Passthrough` writes to what cannot be replaced (a device, a FIFO), as it is.

Whatever fails (a full disk at a write, the flush, the sync or the close; an interruption),
the temporary file is removed and the target keeps its old contents; an error names the
target.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import time
from typing import TYPE_CHECKING, BinaryIO, Final

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["AtomicFile", "Batch", "Passthrough", "write_atomic"]


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


_MODE = _default_mode()

#: Errors of syncing a folder that mean it cannot be synced here, not that it failed: a
#: file system without folder syncs, a folder that can be written but not opened.
_UNSYNCABLE: Final = frozenset(
    {errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EACCES, errno.EPERM}
)
#: Up to this many files (or folders) are synced one by one; more, by one sync of the
#: file systems (Linux only, where ``sync`` waits until the data is on disk).
_FEW: Final = 8
#: A :class:`Batch` is put in place when it holds this many files, or this many bytes, or
#: its first file is this many seconds old.
BATCH_FILES = 1000
BATCH_BYTES = 64 << 20
BATCH_SECONDS = 2.0


def _named(error: OSError, path: Path) -> OSError:
    """``error`` naming ``path`` (the target, not its temporary file)."""
    named = OSError(error.errno, error.strerror or str(error), str(path))
    named.__cause__ = error
    return named


def _sync_file(path: Path) -> None:
    """Make the data of the closed file ``path`` durable."""
    handle = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _sync_folder(folder: Path) -> None:
    """Make the names in ``folder`` durable (a rename into it), where the system can."""
    try:
        handle = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as error:
        if error.errno in _UNSYNCABLE:
            return
        raise
    try:
        os.fsync(handle)
    except OSError as error:
        if error.errno not in _UNSYNCABLE:
            raise
    finally:
        os.close(handle)


def _sync_all(files: list[Path], folders: set[Path]) -> None:
    """Make ``files`` (closed) and ``folders`` durable: each synced when they are few or the
    system's ``sync`` may return early, else one sync of the file systems for all."""
    if sys.platform == "linux" and len(files) + len(folders) > _FEW:
        os.sync()
        return
    for path in files:
        _sync_file(path)
    for folder in sorted(folders):
        _sync_folder(folder)


class AtomicFile:
    """A file written beside its target and renamed over it when complete.

    Until :meth:`commit`, the target keeps its old contents (or stays absent); a
    failure or an interruption leaves only the temporary file, which
    :meth:`abandon` (or leaving a ``with`` block by an exception) removes, as every
    failing method does before it raises.  The new file gets the old one's
    permissions, or the usual ones for a new file.

    With ``create=False`` the temporary file is only named, and :meth:`create` makes it:
    a caller that keeps the object first can then always remove the file, wherever an
    interruption (SIGTERM's :class:`SystemExit`) lands, since the name is known before
    the file exists.
    """

    def __init__(self, path: Path, *, create: bool = True) -> None:
        self.path = path
        self.temporary = self._name()
        self.stream: BinaryIO | None = None
        if create:
            self.create()

    def _name(self) -> Path:
        import secrets  # here: only the writers need it, and it takes a while to import

        return self.path.with_name(f".{self.path.name}.{secrets.token_hex(4)}.tmp")

    def create(self) -> None:
        """Create the temporary file, empty, with the target's permissions."""
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
        try:
            for _ in range(100):
                try:
                    handle = os.open(self.temporary, flags, 0o600)
                    break
                except FileExistsError:
                    self.temporary = self._name()
            else:
                raise FileExistsError(errno.EEXIST, "no temporary name is free")
        except OSError as error:
            raise _named(error, self.path) from error
        try:
            try:
                mode = self.path.stat().st_mode & 0o7777
            except OSError:
                mode = _MODE
            os.fchmod(handle, mode)
            self.stream = os.fdopen(handle, "wb")
        except BaseException as error:
            if self.stream is None:
                with contextlib.suppress(OSError):
                    os.close(handle)
            self.abandon()
            if isinstance(error, OSError):
                raise _named(error, self.path) from error
            raise

    def _opened(self) -> BinaryIO:
        if self.stream is None:
            raise ValueError(f"the temporary file of {self.path} is not created")
        return self.stream

    def write(self, data: bytes) -> None:
        try:
            self._opened().write(data)
        except BaseException as error:
            self.abandon()
            if isinstance(error, OSError):
                raise _named(error, self.path) from error
            raise

    def finish(self, *, durable: bool = True) -> None:
        """Complete the temporary file (with ``durable``, synced to disk) and close it;
        the target is not touched yet (see :meth:`place`)."""
        try:
            stream = self._opened()
            stream.flush()
            if durable:
                os.fsync(stream.fileno())
            stream.close()
        except BaseException as error:
            self.abandon()
            if isinstance(error, OSError):
                raise _named(error, self.path) from error
            raise

    def place(self) -> None:
        """Rename the finished temporary file over the target."""
        try:
            os.replace(self.temporary, self.path)
        except BaseException as error:
            self.abandon()
            if isinstance(error, OSError):
                raise _named(error, self.path) from error
            raise

    def commit(self) -> None:
        """Put the complete file in place, durably."""
        self.finish()
        self.place()
        try:
            _sync_folder(self.path.parent)
        except OSError as error:
            raise _named(error, self.path) from error

    def abandon(self) -> None:
        """Drop what was written; the target is left as it was.  Never fails: closing
        the file may fail again (the data it still holds does not fit either), and the
        temporary file is removed all the same."""
        try:
            if self.stream is not None:
                with contextlib.suppress(OSError):  # the descriptor is closed all the same
                    self.stream.close()
        finally:
            with contextlib.suppress(OSError):
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
    file = AtomicFile(path, create=False)
    try:
        file.create()
        file.write(data)
        file.commit()
    except BaseException:
        file.abandon()
        raise


class Batch:
    """Many files, each written whole or not at all, made durable together.

    :meth:`add` writes a file's data to its temporary file (closed at once: a batch holds
    no open file).  When the batch holds ``files`` files or ``size`` bytes, or its first
    file is ``seconds`` old (by default :data:`BATCH_FILES`, :data:`BATCH_BYTES`,
    :data:`BATCH_SECONDS`), and at :meth:`commit`, the files are made durable (one sync
    of the file systems, or a sync each when they are few), renamed into place in the
    order they came, and their folders synced (once each, or by one sync).  So every
    target has its old contents or its whole new ones, even after ``kill -9`` or a power
    loss; :meth:`abandon` removes the temporary files of the files not yet in place.  A
    file that cannot be written (a full disk) is dropped, and the ones before it put in
    place first, as if each had been written on its own.
    """

    def __init__(
        self, files: int | None = None, size: int | None = None, seconds: float | None = None
    ) -> None:
        self.limits = (
            BATCH_FILES if files is None else files,
            BATCH_BYTES if size is None else size,
            BATCH_SECONDS if seconds is None else seconds,
        )
        self.pending: list[AtomicFile] = []
        self.size = 0
        self.started = 0.0

    def add(self, path: Path, data: bytes) -> None:
        """Write ``data`` to ``path`` as part of the batch.  When that fails (a full disk),
        the files before it are put in place, as if each had been written on its own."""
        file = AtomicFile(path, create=False)  # kept before it exists: abandon removes it
        if not self.pending:
            self.started = time.monotonic()
        self.pending.append(file)
        try:
            file.create()
            file.write(data)
            file.finish(durable=False)
        except OSError:  # the file removed its temporary file
            self.pending.pop()
            self._commit_before_failing()
            raise
        self.size += len(data)
        files, size, seconds = self.limits
        full = len(self.pending) >= files or self.size >= size
        if full or time.monotonic() - self.started >= seconds:
            self.commit()

    def commit(self) -> None:
        """Put every file of the batch in place, durably."""
        if not self.pending:
            return
        try:
            _sync_all([file.temporary for file in self.pending], set())
        except OSError as error:
            path = self.pending[0].path
            self.abandon()
            raise _named(error, path) from error
        folders = {file.path.parent for file in self.pending}
        while self.pending:
            self.pending[0].place()  # on failure, the file removed its temporary file
            del self.pending[0]
        self.size = 0
        _sync_all([], folders)

    def _commit_before_failing(self) -> None:
        """Put the complete files in place, if that can still be done; else drop them."""
        try:
            self.commit()
        except OSError:
            self.abandon()

    def abandon(self) -> None:
        """Drop the files not yet in place; their targets are left as they were."""
        pending, self.pending, self.size = self.pending, [], 0
        for file in pending:
            file.abandon()


class Passthrough:
    """What cannot be replaced by a file (a device such as ``/dev/null``, a FIFO), written
    to as it is.  Opening a FIFO waits for a reader, as writing to a pipe does."""

    def __init__(self, path: Path) -> None:
        self.path = path
        flags = os.O_WRONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
        try:
            self.stream = os.fdopen(os.open(path, flags), "wb")
        except OSError as error:
            raise _named(error, path) from error

    def write(self, data: bytes) -> None:
        try:
            self.stream.write(data)
        except OSError as error:
            self.abandon()
            raise _named(error, self.path) from error

    def commit(self) -> None:
        """Write out what is held, and close."""
        try:
            self.stream.close()
        except OSError as error:
            self.abandon()
            raise _named(error, self.path) from error

    def abandon(self) -> None:
        """Close, dropping what is held; what was written stays written."""
        with contextlib.suppress(OSError):  # the descriptor is closed all the same
            self.stream.close()
