"""The inputs of a batch: files, folders, JSON Lines files and standard input, as records.

:func:`expand` turns command-line paths into :class:`Source` values (a path that cannot
be used carries its problem); :func:`records` gives the documents of a source, one per
file or one per line of JSON Lines; :func:`read` reads a file within the size limit.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePath
from typing import BinaryIO, Final

import attrs

from ._errors import Problem

__all__ = ["DEFAULT_MAX_SIZE", "SUFFIXES", "Record", "Source", "expand", "read", "records"]

#: The largest document read by default (a long article is well under 1 MiB).
DEFAULT_MAX_SIZE: Final = 16 * 1024 * 1024
#: Names of input files taken from folders.
SUFFIXES: Final = (".json", ".jsonl")


@attrs.frozen(kw_only=True)
class Source:
    """One input named on the command line, or found in a folder."""

    name: str  #: as shown in messages
    path: Path | None  #: None for standard input
    relative: PurePath  #: where its output goes, relative to the output folder
    lines: bool = False  #: a JSON Lines file: one document per line
    problem: Problem | None = None  #: why the source cannot be read at all


@attrs.frozen(kw_only=True)
class Record:
    """One document to check: a whole file, one line of a JSON Lines file, or stdin."""

    source: Source
    line: int = 1  #: the file line the document starts on
    data: bytes | None = None  #: the bytes, or None to read ``source.path`` in the worker
    problem: Problem | None = None  #: set when the document could not be read


def input_problem(code: str, message: str) -> Problem:
    """A problem of an input as a whole (no pointer, no position)."""
    return Problem.of(code, "", message)


# --- inputs -----------------------------------------------------------------


def expand(arguments: Iterable[str]) -> Iterator[Source]:
    """Sources for the command-line paths: files, folders (recursively) and ``-``.

    A path that cannot be used gives a source that carries the problem.
    """
    for argument in arguments:
        if argument == "-":
            yield Source(name="<stdin>", path=None, relative=PurePath("stdin.json"))
            continue
        path = Path(argument)
        if path.is_dir():
            found = sorted(
                (p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file()),
                key=lambda p: p.relative_to(path).parts,
            )
            if not found:
                message = "the folder holds no .json or .jsonl file"
                problem = input_problem("no-input-files", message)
                yield Source(name=argument, path=path, relative=PurePath(), problem=problem)
            for file in found:
                yield _source(file, file.relative_to(path))
        elif path.exists():
            yield _source(path, PurePath(path.name))
        else:
            problem = input_problem("file-not-found", "no such file or folder")
            yield Source(name=argument, path=path, relative=PurePath(path.name), problem=problem)


def _source(path: Path, relative: PurePath) -> Source:
    return Source(name=str(path), path=path, relative=relative, lines=path.suffix == ".jsonl")


def records(source: Source, max_size: int, stdin: BinaryIO | None = None) -> Iterator[Record]:
    """The documents of ``source``: one per file, one per non-blank line of JSON Lines.

    Standard input (the path ``-``) is read from ``stdin``, the process's standard input when
    None, here in the calling process: workers get its bytes.
    """
    if source.problem is not None:
        yield Record(source=source, problem=source.problem)
        return
    if not source.lines:
        if source.path is None:
            reader = sys.stdin.buffer if stdin is None else stdin
            data = reader.read(max_size + 1)
            if len(data) > max_size:
                yield Record(source=source, problem=_too_large(max_size))
            else:
                yield Record(source=source, data=data)
        else:
            yield Record(source=source)  # read in the worker
        return
    assert source.path is not None
    try:
        stream = source.path.open("rb")
    except OSError as error:
        yield Record(source=source, problem=_os_problem(error))
        return
    with stream:
        yield from _lines(source, stream, max_size)


def _lines(source: Source, stream: BinaryIO, max_size: int) -> Iterator[Record]:
    """The records of a JSON Lines stream.  ``max_size`` limits each line, its line ending
    (LF or CR LF) not counted; a longer line is refused without being held in memory."""
    number = 0
    while True:
        number += 1
        try:
            line = stream.readline(max_size + 2)  # the longest allowed line and a \r\n
        except OSError as error:
            yield Record(source=source, line=number, problem=_os_problem(error))
            return
        if not line:
            return
        if len(line.removesuffix(b"\n").removesuffix(b"\r")) > max_size:
            if not line.endswith(b"\n"):  # skip the rest of the line
                while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass
            # Located at the start of its line, like any other problem of a record.
            problem = attrs.evolve(_too_large(max_size, "the line is "), line=1, column=1)
            yield Record(source=source, line=number, problem=problem)
            continue
        if line.strip():
            yield Record(source=source, line=number, data=line.rstrip(b"\r\n"))


def _too_large(max_size: int, what: str = "") -> Problem:
    message = f"{what}larger than the limit of {max_size:,} bytes (raise it with --max-size)"
    return input_problem("file-too-large", message)


def _os_problem(error: OSError) -> Problem:
    if isinstance(error, IsADirectoryError):
        return input_problem("file-unreadable", "is a folder, not a file")
    if isinstance(error, FileNotFoundError):
        return input_problem("file-not-found", "no such file")
    if isinstance(error, PermissionError):
        return input_problem("file-unreadable", "permission denied")
    return input_problem("file-unreadable", error.strerror or str(error))


def read(path: Path, max_size: int) -> bytes | Problem:
    try:
        with path.open("rb") as stream:
            if os.fstat(stream.fileno()).st_size > max_size:
                return _too_large(max_size)
            data = stream.read(max_size + 1)
    except OSError as error:
        return _os_problem(error)
    return _too_large(max_size) if len(data) > max_size else data
