"""The process's standard streams as the ``newsarticle`` program uses them.

A standard stream may be closed (``<&-``, ``>&-``, ``2>&-``: Python then sets ``sys.stdin``,
``sys.stdout`` or ``sys.stderr`` to None) or fail when written (``>/dev/full``, a read-only
descriptor).  :func:`hold_standard_descriptors` keeps the numbers 0, 1 and 2 of closed
streams taken, so that no file opened later (an output file, a worker's pipe) gets one of
them; :class:`Output` is standard output, whose failures name it; :class:`Messages` is
standard error, written on a best-effort basis.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import functools
import io
import os
from typing import IO, TextIO

__all__ = [
    "Messages",
    "Output",
    "OutputError",
    "hold_standard_descriptors",
    "point_at_null",
    "utf8_encoding",
    "write_document",
]


@functools.cache
def utf8_encoding(encoding: str | None) -> bool:
    """Whether ``encoding`` (None: a stream of text, such as ``io.StringIO``) is UTF-8."""
    if encoding is None:
        return True
    try:
        return codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False


def write_document(stream: IO[str], text: str) -> None:
    """Write a document's text to ``stream`` as UTF-8 (see :meth:`Output.write_utf8`): to its
    buffer when its encoding is another, as text otherwise."""
    if isinstance(stream, Output):
        stream.write_utf8(text)
        return
    encoding = getattr(stream, "encoding", None)
    buffer = getattr(stream, "buffer", None)
    if buffer is None or utf8_encoding(encoding if isinstance(encoding, str) else None):
        stream.write(text)
        return
    stream.flush()
    buffer.write(text.encode("utf-8"))


class OutputError(OSError):
    """Standard output cannot be written (closed, full, not open for writing); not raised
    for a broken pipe, which stays a :class:`BrokenPipeError`."""


def hold_standard_descriptors(stdin: object, stdout: object, stderr: object) -> None:
    """Open the null device on each standard descriptor whose stream is closed (given as
    None) and whose number is free, so that no file opened later takes that number and is
    then written to (or read) as if it were the stream.  Only those numbers are touched."""
    for number, stream in enumerate((stdin, stdout, stderr)):
        if stream is not None:
            continue
        try:
            os.fstat(number)
        except OSError:
            point_at_null(number)


def point_at_null(number: int) -> None:
    """Make the descriptor ``number`` the null device (read for 0, written otherwise)."""
    null = os.open(os.devnull, os.O_RDONLY if number == 0 else os.O_WRONLY)
    if null != number:
        os.dup2(null, number)
        os.close(null)


class _Standard(io.TextIOBase):
    """A standard stream (``stream``; None when it is closed), told apart by ``name``."""

    def __init__(self, stream: TextIO | None, name: str) -> None:
        super().__init__()
        self.stream = stream
        self.name = name

    @property
    def encoding(self) -> str:
        """The stream's encoding (UTF-8 when it is closed: nothing reaches it)."""
        return "utf-8" if self.stream is None else self.stream.encoding

    @encoding.setter
    def encoding(self, value: str) -> None:
        raise AttributeError("the encoding of a standard stream is its own")

    @property
    def errors(self) -> str | None:
        return None if self.stream is None else self.stream.errors

    @errors.setter
    def errors(self, value: str | None) -> None:
        raise AttributeError("the error handler of a standard stream is its own")

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        try:
            return self.stream is not None and self.stream.isatty()
        except (OSError, ValueError):
            return False

    def fileno(self) -> int:
        if self.stream is None:
            raise io.UnsupportedOperation(f"{self.name} is closed")
        return self.stream.fileno()


class Output(_Standard):
    """Standard output (``stream``; None when it is closed).

    A write or flush that fails raises :class:`OutputError`, whose message names standard
    output ("cannot write to standard output: No space left on device"), and the first such
    failure is kept in :attr:`failure`, even when a caller passes over the error (argparse
    does, for ``--help``).  A broken pipe is raised as it is.
    """

    def __init__(self, stream: TextIO | None) -> None:
        super().__init__(stream, "standard output")
        self.failure: OutputError | None = None

    def write(self, text: str) -> int:
        if self.stream is None:
            raise self._failed(errno.EBADF, "it is closed")
        try:
            return self.stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as error:
            raise self._failed(error.errno, error.strerror or str(error)) from error

    def flush(self) -> None:
        if self.stream is None:
            return
        try:
            self.stream.flush()
        except BrokenPipeError:
            raise
        except OSError as error:
            raise self._failed(error.errno, error.strerror or str(error)) from error

    def write_utf8(self, text: str) -> None:
        """Write ``text`` as UTF-8 whatever the stream's encoding: a document's bytes (an
        export, an article document) are UTF-8, which an ASCII or Latin-1 terminal's
        encoding cannot hold.  The stream's own buffer takes the bytes, after what was
        written as text; a stream with no buffer takes the text."""
        buffer = getattr(self.stream, "buffer", None)
        if buffer is None or utf8_encoding(self.encoding):
            self.write(text)
            return
        self.flush()
        try:
            buffer.write(text.encode("utf-8"))
        except BrokenPipeError:
            raise
        except OSError as error:
            raise self._failed(error.errno, error.strerror or str(error)) from error

    def _failed(self, number: int | None, reason: str) -> OutputError:
        failure = OutputError(number, f"cannot write to {self.name}: {reason}")
        if self.failure is None:
            self.failure = failure
        return failure


class Messages(_Standard):
    """Standard error (``stream``; None when it is closed), written on a best-effort basis:
    a message that cannot be written is dropped, so that a closed or failing standard error
    never stops the work or changes the exit status."""

    def __init__(self, stream: TextIO | None) -> None:
        super().__init__(stream, "standard error")

    def write(self, text: str) -> int:
        if self.stream is not None:
            with contextlib.suppress(OSError, ValueError):
                self.stream.write(text)
        return len(text)

    def flush(self) -> None:
        if self.stream is not None:
            with contextlib.suppress(OSError, ValueError):
                self.stream.flush()
