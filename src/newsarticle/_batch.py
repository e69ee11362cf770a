"""Checking and exporting many article documents: inputs, workers, ordered results.

The command line is a thin layer over this module.  Inputs (files, folders,
JSON Lines files, standard input) become a stream of :class:`Record`; each
record is checked, and exported when asked, by :func:`process`, in this
process or in worker processes; :func:`ordered_map` hands results back in
input order while holding only a bounded window of work in memory, so a JSON
Lines file of any size streams through.
"""

from __future__ import annotations

import itertools
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path, PurePath
from typing import BinaryIO, Final, TypeVar

import attrs

from . import _schema
from ._check import check
from ._errors import Problem
from ._json._write import dumps_json
from ._model import Article

__all__ = [
    "DEFAULT_MAX_SIZE",
    "Options",
    "Outcome",
    "Record",
    "Source",
    "expand",
    "ordered_map",
    "process",
    "records",
]

#: The largest document read by default (a long article is well under 1 MiB).
DEFAULT_MAX_SIZE: Final = 16 * 1024 * 1024
#: Names of input files taken from folders.
SUFFIXES: Final = (".json", ".jsonl")
_CHUNK: Final = 16

_T = TypeVar("_T")


@attrs.frozen(kw_only=True)
class Options:
    """What to do with each document."""

    profile: bool = False
    max_size: int = DEFAULT_MAX_SIZE
    export: str | None = None  #: "jsonld", "text" or "html"; None only checks
    lines: bool = False  #: export output for a JSON Lines stream (one line per record)
    width: int = 72
    sources: bool = False


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


@attrs.frozen(kw_only=True)
class Outcome:
    """What checking (and exporting) one record gave."""

    source: Source
    line: int
    problems: tuple[Problem, ...]
    output: str | None = None
    readable: bool = True  #: False when the input could not be read at all

    @property
    def valid(self) -> bool:
        return self.readable and not any(p.is_error for p in self.problems)


def input_problem(code: str, message: str) -> Problem:
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


def _read(path: Path, max_size: int) -> bytes | Problem:
    try:
        with path.open("rb") as stream:
            if os.fstat(stream.fileno()).st_size > max_size:
                return _too_large(max_size)
            data = stream.read(max_size + 1)
    except OSError as error:
        return _os_problem(error)
    return _too_large(max_size) if len(data) > max_size else data


# --- work -------------------------------------------------------------------


def warm_up() -> None:
    """Build the compiled validator once, when a worker process starts."""
    _schema.validator()


def process(options: Options, record: Record) -> Outcome:
    """Check one record and, when asked, export it."""
    source = record.source
    if record.problem is not None:
        return Outcome(source=source, line=record.line, problems=(record.problem,), readable=False)
    data = record.data
    if data is None:
        assert source.path is not None
        read = _read(source.path, options.max_size)
        if isinstance(read, Problem):
            return Outcome(source=source, line=record.line, problems=(read,), readable=False)
        data = read
    article, problems = check(data, profile=options.profile)
    output = None
    if article is not None and options.export is not None:
        output = render(article, options)
    return Outcome(source=source, line=record.line, problems=tuple(problems), output=output)


def render(article: Article, options: Options) -> str:
    """The export of ``article`` in the format ``options`` names."""
    from ._export import to_html, to_jsonld, to_jsonld_text, to_text

    if options.export == "jsonld":
        if options.lines:
            return dumps_json(to_jsonld(article), indent=False)
        return to_jsonld_text(article)
    if options.export == "text":
        text = to_text(article, width=options.width, sources=options.sources)
    elif options.export == "html":
        text = to_html(article)
    else:
        raise ValueError(f"unknown export format {options.export!r}")
    return dumps_json(text, indent=False) if options.lines else text


def _process_chunk(options: Options, chunk: list[Record]) -> list[Outcome]:
    return [process(options, record) for record in chunk]


def ordered_map(
    function: Callable[[Options, list[Record]], list[Outcome]] | None,
    options: Options,
    items: Iterable[Record],
    jobs: int,
) -> Iterator[Outcome]:
    """Process ``items`` in ``jobs`` processes; outcomes come back in input order.

    At most a few chunks per worker are in flight, so memory stays flat however
    long the input is.
    """
    work = function or _process_chunk
    if jobs <= 1:
        warm_up()
        for chunk in _chunks(items, _CHUNK):
            yield from work(options, chunk)
        return
    window = jobs * 4
    with ProcessPoolExecutor(max_workers=jobs, initializer=warm_up) as pool:
        pending: deque[Future[list[Outcome]]] = deque()
        for chunk in _chunks(items, _CHUNK):
            pending.append(pool.submit(work, options, chunk))
            if len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _chunks(items: Iterable[_T], size: int) -> Iterator[list[_T]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk
