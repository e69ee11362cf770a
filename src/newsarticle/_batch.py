"""Checking and exporting many article documents: inputs, workers, ordered results.

The command line is a thin layer over this module.  Inputs (files, folders,
JSON Lines files, standard input) become a stream of :class:`~._inputs.Record`; each
record is checked, and exported when asked, by :func:`process`, in this
process or in worker processes; :func:`ordered_map` hands results back in
input order while holding only a bounded window of work in memory, so a JSON
Lines file of any size streams through.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Final, TypeVar

import attrs

from . import _schema
from ._check import check
from ._errors import Problem
from ._inputs import DEFAULT_MAX_SIZE, Record, Source, read
from ._json._write import dumps_json
from ._model import Article

__all__ = ["Options", "Outcome", "ordered_map", "process", "render"]

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
        contents = read(source.path, options.max_size)
        if isinstance(contents, Problem):
            return Outcome(source=source, line=record.line, problems=(contents,), readable=False)
        data = contents
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
