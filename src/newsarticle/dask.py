"""Validate, export, import and audit whole archives on a Dask cluster, as lazy results.

Each function takes the inputs, a list of paths (files, folders, JSON Lines shards, globs
such as ``archive/**/*.jsonl``) or a Dask bag of documents, and returns a Dask bag of
:class:`Result`, one for each document (or page), in input order.  Nothing runs until the
bag is computed, on whatever scheduler is in use: a ``distributed.Client`` of a cluster,
a local cluster, or Dask's own threads::

    from distributed import Client
    import newsarticle.dask

    client = Client("tcp://scheduler:8786")  # or Client() for a local cluster
    results = newsarticle.dask.validate(["/archive/2021/", "/archive/feeds/*.jsonl"])
    invalid = results.filter(lambda result: not result.valid)
    for line in invalid.map(newsarticle.dask.Result.problem_lines).flatten():
        print(line)

    exported = newsarticle.dask.export(["/archive/"], "jsonld", output="/site/jsonld/")
    exported.count().compute()  # written by the workers

The work is partitioned in tasks of up to :data:`FILES_PER_TASK` files, or one JSON Lines
shard each, never one task per article; paths are read by the workers, so they must name
the same files on every machine (shared storage).  Each document goes through the same code
as ``newsarticle validate|export|import --jobs N``, so the problems and the exports are the
same, byte for byte.  With ``output=``, each task writes its exports there itself (files
whole or not at all, an export never over an input), as ``-o FOLDER`` does, and its results
carry no output.

A bag's elements are documents, ``str`` or ``bytes`` (the lines that
``dask.bag.read_text`` gives, from object storage too), or ``(document, name)`` pairs (as
``read_text(..., include_path=True)`` gives them).  A result's name is the pair's name, or
``<partition N>`` for a bare document; its line is the element's place in its partition
(so the line of a file read by ``read_text``, one partition per file, as by default).
Blank elements are skipped, as blank lines of JSON Lines are.

``import newsarticle`` does not import this module, nor Dask: it needs the extra
``pip install 'newsarticle[dask]'``.
"""

from __future__ import annotations

import argparse
import glob
import os
import secrets
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path, PurePath
from typing import Final, TypeAlias

import attrs
import dask.bag
from dask.delayed import delayed

from ._batch import Options, Outcome, process, warm_up
from ._dask import FILES_PER_TASK, Part, Writing, plan, run_part, writings
from ._errors import Problem
from ._import._page import MAX_PAGE_SIZE
from ._import._source import KINDS, output_stem
from ._inputs import DEFAULT_MAX_SIZE, DOCUMENTS, PAGES, Intake, Record, Source, _too_large, expand
from ._report import format_problem
from ._sink import EXPORT_FORMATS, IMPORT_FORMATS, UsageError, targets

__all__ = [
    "FILES_PER_TASK",
    "Inputs",
    "Result",
    "audit",
    "export",
    "import_pages",
    "validate",
]

#: A path, a list of paths and globs, or a Dask bag of documents.
Inputs: TypeAlias = "str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | dask.bag.Bag"

#: The formats of ``newsarticle export --format`` and ``import --format``, declared once.
_EXPORTS: Final = EXPORT_FORMATS
_IMPORTS: Final = IMPORT_FORMATS
_GLOB: Final = frozenset("*?[")

#: How import names its outputs (``a.html.gz`` as ``a``).
Stem: TypeAlias = Callable[[PurePath], PurePath]


@attrs.frozen(kw_only=True)
class Result:
    """What one document (or page) gave."""

    name: str  #: the input, as messages name it: its path, or the bag element's name
    line: int  #: the line the document starts on (1 for a whole file)
    #: validate, export: no errors (the input could be read, and is a valid article);
    #: import: an article came out; audit: the page's markup has no errors
    valid: bool
    problems: tuple[Problem, ...]
    #: the export, or (import) the article document; None for an invalid input, for
    #: validate and audit, and when it was written to ``output``
    output: str | None = None

    @classmethod
    def of(cls, outcome: Outcome) -> Result:
        """The result of a batch outcome."""
        return cls(
            name=outcome.source.name,
            line=outcome.line,
            valid=outcome.valid,
            problems=outcome.problems,
            output=outcome.output,
        )

    def problem_lines(self) -> list[str]:
        """Each problem as ``newsarticle validate`` prints it:
        ``FILE:LINE:COLUMN: CODE severity message (JSON Pointer)``, escaped and clipped."""
        source = Source(name=self.name, path=None, relative=PurePath())
        outcome = Outcome(source=source, line=self.line, problems=self.problems)
        return [format_problem(outcome, problem) for problem in self.problems]


def validate(
    inputs: Inputs,
    *,
    profile: bool = False,
    max_size: int = DEFAULT_MAX_SIZE,
    files_per_task: int = FILES_PER_TASK,
) -> dask.bag.Bag:
    """Check every article document of ``inputs``: a lazy bag of :class:`Result`, each with
    every problem (with ``profile``, the search-engine warnings too), as ``newsarticle
    validate`` reports them.  ``max_size`` limits each document (each line of JSON Lines)."""
    options = Options(profile=profile, max_size=max_size)
    return _bag("validate", options, inputs, DOCUMENTS, files_per_task)


def export(
    inputs: Inputs,
    format: str,
    *,
    output: str | os.PathLike[str] | None = None,
    lines: bool | None = None,
    width: int = 72,
    sources: bool = False,
    max_size: int = DEFAULT_MAX_SIZE,
    files_per_task: int = FILES_PER_TASK,
) -> dask.bag.Bag:
    """Export every valid article document of ``inputs`` as ``format`` (``jsonld``,
    ``text``, ``html`` or ``ninjs``, as ``newsarticle export --format``): a lazy bag of
    :class:`Result`, the invalid ones with their problems and no output.

    ``output``: a folder the tasks write the exports into, each under its input's relative
    name with the format's suffix (a JSON Lines file's as one JSON Lines file), as
    ``newsarticle export -o FOLDER`` does; a run that would write over an input raises
    :class:`ValueError` here, before any task runs.  ``lines``: each export on one line
    (compact JSON-LD; the text or HTML as a JSON string), as for JSON Lines; by default,
    when some input is a JSON Lines file, or the inputs are a bag.  ``width`` and
    ``sources`` shape the text export.
    """
    if format not in _EXPORTS:
        raise ValueError(f"unknown export format {format!r}: one of {', '.join(_EXPORTS)}")
    if lines is None:
        found = _sources(inputs, DOCUMENTS)
        lines = found is None or any(source.lines for source in found)
    options = Options(max_size=max_size, export=format, lines=lines, width=width, sources=sources)
    return _bag("export", options, inputs, DOCUMENTS, files_per_task, output)


def import_pages(
    inputs: Inputs,
    *,
    format: str = "json",
    output: str | os.PathLike[str] | None = None,
    kind: str | None = None,
    url: str | None = None,
    assume_timezone: str | None = None,
    width: int = 72,
    sources: bool = False,
    max_size: int = MAX_PAGE_SIZE,
    files_per_task: int = FILES_PER_TASK,
) -> dask.bag.Bag:
    """Read the article of every page of ``inputs`` (HTML pages, JSON-LD and IPTC ninjs,
    gzip-compressed or not; folders of them) as ``newsarticle import`` does: a lazy bag of
    :class:`Result`, each with what was repaired, guessed or dropped, and the article
    document (``format`` ``json``) or its export (``jsonld``, ``text``, ``html``, ``ninjs``).

    ``output``: a folder the tasks write each page's article into, as ``<name>.json`` (or
    the export's suffix), as ``newsarticle import -o FOLDER`` does.  ``kind``: ``html``,
    ``jsonld`` or ``ninjs`` for every input (default: told by each one's name, then its
    content; with ``ninjs``, a folder's ``*.json`` files are taken);
    ``url``: the page's address (for one page); ``assume_timezone``: the zone of dates
    written without one (``UTC``, ``+02:00``, ``Europe/Paris``).
    """
    if format not in _IMPORTS:
        raise ValueError(f"unknown import format {format!r}: one of {', '.join(_IMPORTS)}")
    _check_kind(kind)
    if assume_timezone is not None:
        from ._import._source import parse_zone

        parse_zone(assume_timezone)  # a ValueError now, not in every task
    options = Options(
        task="import",
        max_size=max_size,
        export=format,
        width=width,
        sources=sources,
        kind=kind,
        url=url,
        timezone=assume_timezone,
    )
    intake = PAGES.of_kind(kind)  # with kind ninjs, a folder's *.json files
    return _bag("import", options, inputs, intake, files_per_task, output, output_stem)


def audit(
    inputs: Inputs,
    *,
    kind: str | None = None,
    max_size: int = MAX_PAGE_SIZE,
    files_per_task: int = FILES_PER_TASK,
) -> dask.bag.Bag:
    """Check the schema.org markup of every page of ``inputs`` as ``newsarticle audit``
    does: a lazy bag of :class:`Result`, each with the page's findings."""
    _check_kind(kind)
    options = Options(task="audit", max_size=max_size, kind=kind)
    return _bag("audit", options, inputs, PAGES, files_per_task)


def _check_kind(kind: str | None) -> None:
    if kind is not None and kind not in KINDS:
        raise ValueError(f"unknown kind of page {kind!r}: one of {', '.join(KINDS)}")


# --- the bags -------------------------------------------------------------------------


def _bag(
    command: str,
    options: Options,
    inputs: Inputs,
    intake: Intake,
    files_per_task: int,
    output: str | os.PathLike[str] | None = None,
    stem: Stem | None = None,
) -> dask.bag.Bag:
    """A bag of the results of ``options`` on ``inputs``: one partition a task."""
    if files_per_task < 1:
        raise ValueError("files_per_task must be at least 1")
    run = secrets.token_hex(6)
    if isinstance(inputs, dask.bag.Bag):
        if output is not None:
            raise ValueError(
                "output= writes the exports of paths under their names: a bag's exports "
                "are in its results"
            )
        partitions = inputs.to_delayed()
        documents: dask.bag.Bag = dask.bag.from_delayed(
            [
                delayed(_documents, pure=False)(
                    options, partition, index, dask_key_name=f"newsarticle-{command}-{run}-{index}"
                )
                for index, partition in enumerate(partitions)
            ]
        )
        return documents
    sources = _sources(inputs, intake)
    assert sources is not None
    parts = plan(sources, options.max_size, None, files_per_task)
    where: list[Writing | None] = [None] * len(parts)
    if output is not None:
        folder = os.fspath(output)
        arguments = argparse.Namespace(
            output=folder if folder.endswith(("/", os.sep)) else folder + os.sep,
            paths=[source.name for source in sources],
            format=options.export,
        )
        try:
            found = targets(sources, arguments, stem=stem)
        except UsageError as error:
            raise ValueError(str(error)) from None
        if found:
            where = writings(parts, found, run)
    results: dask.bag.Bag = dask.bag.from_delayed(
        [
            delayed(_results, pure=False)(
                options, part, writing, dask_key_name=f"newsarticle-{command}-{run}-{part.index}"
            )
            for part, writing in zip(parts, where, strict=True)
        ]
    )
    return results


def _results(options: Options, part: Part, writing: Writing | None) -> list[Result]:
    """One task: the results of a part of the paths."""
    return [Result.of(outcome) for outcome in run_part(options, part, writing)]


def _documents(options: Options, items: Iterable[object], index: int) -> list[Result]:
    """One task: the results of the documents of a bag's partition ``index``."""
    warm_up()
    shown = Source(name=f"<partition {index}>", path=None, relative=PurePath())
    named: dict[str, Source] = {}
    results: list[Result] = []
    for line, item in enumerate(items, 1):
        source = shown
        if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], str):
            item, name = item
            source = named.get(name) or named.setdefault(
                name, Source(name=name, path=Path(name), relative=PurePath())
            )
        if isinstance(item, str):
            data = item.encode("utf-8", "surrogatepass")
        elif isinstance(item, bytes | bytearray | memoryview):
            data = bytes(item)
        else:
            raise TypeError(
                f"a bag of documents holds str or bytes, or (document, name) pairs, not "
                f"{type(item).__name__}"
            )
        data = data.rstrip(b"\r\n")
        if not data.strip():
            continue
        if len(data) > options.max_size:
            record = Record(source=source, line=line, problem=_too_large(options.max_size))
        else:
            record = Record(source=source, line=line, data=data)
        results.append(Result.of(process(options, record)))
    return results


def _sources(inputs: Inputs, intake: Intake) -> list[Source] | None:
    """The sources of paths and globs (a glob that matches nothing is a path that does not
    exist); None for a bag."""
    if isinstance(inputs, dask.bag.Bag):
        return None
    if isinstance(inputs, str | os.PathLike):
        inputs = [inputs]
    return list(expand(_globbed(inputs), intake))


def _globbed(paths: Iterable[str | os.PathLike[str]]) -> Iterator[str]:
    for path in paths:
        text = os.fspath(path)
        if _GLOB.isdisjoint(text) or os.path.exists(text):
            yield text
            continue
        matched = sorted(glob.glob(text, recursive=True))
        yield from matched or [text]
