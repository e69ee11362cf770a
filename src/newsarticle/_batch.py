"""Checking, exporting, importing and auditing many inputs: workers, ordered results.

The command line is a thin layer over this module.  Inputs (files, folders,
JSON Lines files, standard input) become a stream of :class:`~._inputs.Record`; each
record is checked (an article document) or read as a page (imported or audited), and
exported when asked, by :func:`process`, in this process or in worker processes;
:func:`ordered_map` hands results back in input order while holding only a bounded window
of work in memory, so a JSON Lines file of any size streams through.

An :class:`Engine` says where that work runs: ``local`` (this process, or ``--jobs``
worker processes: :func:`ordered_map`), or ``dask`` (a Dask cluster: ``_dask.py``,
imported only then), which runs the same :func:`process` on each record, so both give the
same outcomes.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import pickle
import queue
import signal
import threading
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, BinaryIO, Final, Literal, TypeVar, cast

import attrs

from . import _schema
from ._check import check
from ._errors import Problem
from ._inputs import DEFAULT_MAX_SIZE, Record, Source, read, records
from ._json._write import dumps_json
from ._model import Article

if TYPE_CHECKING:  # multiprocessing is imported by the pool alone: one process needs none
    import multiprocessing.process
    from multiprocessing.connection import Connection

    from ._import._source import Kind
    from ._sink import Target

__all__ = [
    "Engine",
    "EngineError",
    "Options",
    "Outcome",
    "WorkerError",
    "ordered_map",
    "process",
    "render",
]

_CHUNK: Final = 16

_T = TypeVar("_T")

#: check: article documents (validate, export); import: pages read into articles; audit:
#: pages' markup checked.
Task = Literal["check", "import", "audit"]


@attrs.frozen(kw_only=True)
class Options:
    """What to do with each document."""

    task: Task = "check"  #: what to do with each record
    profile: bool = False
    max_size: int = DEFAULT_MAX_SIZE
    #: "jsonld", "text", "html" or (import) "json", the article document; None: no output
    export: str | None = None
    lines: bool = False  #: export output for a JSON Lines stream (one line per record)
    width: int = 72
    sources: bool = False
    kind: str | None = None  #: import, audit: "html" or "jsonld"; None: told by name, content
    url: str | None = None  #: import: the page's address
    timezone: str | None = None  #: import: the zone of dates without one (see parse_zone)


@attrs.frozen(kw_only=True)
class Outcome:
    """What checking (and exporting) one record gave."""

    source: Source
    line: int
    problems: tuple[Problem, ...]
    output: str | None = None
    readable: bool = True  #: False when the input could not be read at all
    #: import: whether an article came out (a page can give one and hold a broken block)
    accepted: bool | None = None

    @property
    def valid(self) -> bool:
        if not self.readable:
            return False
        if self.accepted is not None:
            return self.accepted
        return not any(p.is_error for p in self.problems)


# --- work -------------------------------------------------------------------


def warm_up() -> None:
    """Build the compiled validator, once a process (it is cached): in each worker, or in
    the main process before it forks its workers, which then start with it built."""
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
    if options.task != "check":
        return _page(options, record, data)
    article, problems = check(data, profile=options.profile)
    output = None
    if article is not None and options.export is not None:
        output = render(article, options)
    return Outcome(source=source, line=record.line, problems=tuple(problems), output=output)


def _page(options: Options, record: Record, data: bytes) -> Outcome:
    """Import or audit the page (or JSON-LD, or for import ninjs) of one record."""
    from ._import._source import parse_zone, prepare, read_prepared, read_source

    source = record.source
    name = None if source.path is None else source.name
    kind = cast("Kind | None", options.kind)
    if options.task == "audit":
        from ._audit import audit_page

        page = read_source(data, kind=kind, name=name, max_size=options.max_size)
        found = tuple(audit_page(page))
        return Outcome(source=source, line=record.line, problems=found)
    from ._import._nodes import import_page

    zone = None if options.timezone is None else parse_zone(options.timezone)
    prepared = prepare(data, kind=kind, name=name, max_size=options.max_size)
    if isinstance(prepared, tuple) and prepared[0] == "ninjs":
        from ._import._ninjs import read_ninjs

        limit = options.max_size
        article, problems = read_ninjs(prepared[1], assume_timezone=zone, max_size=limit)
    else:
        if isinstance(prepared, tuple):
            prepared = read_prepared(*prepared, options.max_size)
        article, problems = import_page(prepared, url=options.url, assume_timezone=zone)
    output = None if article is None else render(article, options)
    return Outcome(
        source=source,
        line=record.line,
        problems=tuple(problems),
        output=output,
        accepted=article is not None,
    )


def render(article: Article, options: Options) -> str:
    """The export of ``article`` in the format ``options`` names."""
    from ._export import to_html, to_jsonld_text, to_text
    from ._export._jsonld import jsonld_line

    if options.export == "json":
        from ._document import dumps

        return dumps(article)
    if options.export == "jsonld":
        return jsonld_line(article) if options.lines else to_jsonld_text(article)
    if options.export == "ninjs":
        from ._export import to_ninjs, to_ninjs_text

        if options.lines:
            return dumps_json(to_ninjs(article), indent=False)
        return to_ninjs_text(article)
    if options.export == "text":
        text = to_text(article, width=options.width, sources=options.sources)
    elif options.export == "html":
        text = to_html(article)
    else:
        raise ValueError(f"unknown export format {options.export!r}")
    return dumps_json(text, indent=False) if options.lines else text


def _process_chunk(options: Options, chunk: list[Record]) -> list[Outcome]:
    return [process(options, record) for record in chunk]


Work = Callable[[Options, list[Record]], list[Outcome]]


class WorkerError(Exception):
    """A worker process ended without handing back its results (killed, out of memory)."""


def ordered_map(
    function: Work | None,
    options: Options,
    items: Iterable[Record],
    jobs: int,
) -> Iterator[Outcome]:
    """Process ``items`` in ``jobs`` processes; outcomes come back in input order.

    At most a few chunks per worker are in flight, so memory stays flat however
    long the input is.  However the run ends (done, an error, SIGTERM or Ctrl-C
    in this process, the consumer stopping early), the workers are gone when this
    generator is: stopped when it is done, killed otherwise (see :class:`_Pool`).
    """
    work = function or _process_chunk
    if jobs <= 1:  # the validator is built here when a document first needs it
        for chunk in _chunks(items, _CHUNK):
            yield from work(options, chunk)
        return
    with _Pool(jobs, work, options) as pool:
        for outcomes in pool.map(_chunks(items, _CHUNK)):
            yield from outcomes


# --- engines ------------------------------------------------------------------


#: The packages of the dask engine (the extra newsarticle[dask]).
_DASK: Final = frozenset({"dask", "distributed"})


class EngineError(Exception):
    """The engine cannot run the batch: Dask is not installed, its scheduler cannot be
    reached, its local cluster cannot be started, or it lost the run."""


@attrs.frozen(kw_only=True)
class Engine:
    """Where a batch runs.

    ``local``: in this process, or in ``jobs`` worker processes (:func:`ordered_map`).
    ``dask``: on the Dask cluster whose scheduler is at ``scheduler``, or, without one, on a
    local cluster of ``jobs`` worker processes started for the run and closed with it;
    ``announce`` is told the local cluster's dashboard address when it has started.
    """

    kind: Literal["local", "dask"] = "local"
    jobs: int = 1
    scheduler: str | None = None
    announce: Callable[[str], None] | None = None

    def writes(self, targets: dict[str, Target] | None) -> bool:
        """Whether this engine writes the outputs to ``targets`` itself, each worker the
        files of its own tasks (Dask), instead of handing the outputs back: files of
        their own and JSON Lines streams, not a device or a FIFO, which this process
        writes."""
        if self.kind != "dask" or targets is None:
            return False
        return not any(target.direct for target in targets.values())

    def outcomes(
        self,
        options: Options,
        sources: Sequence[Source],
        *,
        stdin: BinaryIO | None = None,
        targets: dict[str, Target] | None = None,
    ) -> Iterator[Outcome]:
        """The outcomes of every record of ``sources``, in input order; standard input
        (the path ``-``) is read from ``stdin`` here, in this process.  With ``targets``
        (only when :meth:`writes` says so), each output is written there by the worker
        that made it, and its outcome comes back without it."""
        if self.kind == "dask":
            try:
                from . import _dask
            except ModuleNotFoundError as error:
                if error.name is None or error.name.partition(".")[0] not in _DASK:
                    raise
                raise EngineError(
                    f"the dask engine needs Dask ({error.name} is not installed): "
                    "pip install 'newsarticle[dask]'"
                ) from None
            return _dask.outcomes(self, options, sources, stdin=stdin, targets=targets)
        assert targets is None, "the local engine hands its outputs back"
        work = (record for source in sources for record in records(source, options.max_size, stdin))
        return ordered_map(None, options, work, self.jobs)


# --- worker processes ---------------------------------------------------------
#
# Why not concurrent.futures.ProcessPoolExecutor.  A signal to the process group reaches
# every process at once.  Its forked workers inherit this process's SIGTERM handler, so a
# worker turns SIGTERM into a SystemExit, which the executor catches as the task's result
# and sends back, and Ctrl-C into a KeyboardInterrupt that kills a worker with a traceback,
# perhaps holding a queue's lock.  Meanwhile this process, leaving the executor's ``with``,
# shuts it down and waits for its management thread, which waits for the call queue's
# feeder thread, blocked writing tasks into a pipe the workers no longer read, while the
# workers are blocked writing results (one holding the result queue's lock, the other
# waiting for it) into a pipe this process no longer reads: all three hang, and the
# cleaning up that would remove the temporary output file never runs.  Here a worker owns
# its two pipes and shares no lock with any process; SIGTERM ends it at once and it
# ignores Ctrl-C (this process decides); this process has no thread to wait for, and kills
# its workers rather than waiting when a run stops early; a worker ends by itself when this
# process is gone, as its pipes reach end of file.

#: Chunks sent to one worker ahead of its results: the one it works on, the next.
_DEPTH: Final = 2
#: Chunks in flight or waiting to be handed back in order, per worker.
_WINDOW: Final = 4
#: The signals that stop a run.
_STOPPING: Final = frozenset({signal.SIGINT, signal.SIGTERM})


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM back for the duration (a process started in it inherits the
    mask, and only releases them once it handles them itself); then deliver them."""
    if not hasattr(signal, "pthread_sigmask"):  # pragma: no cover - not POSIX
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPPING)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


@attrs.define
class _Worker:
    """One worker process and this process's ends of its two pipes."""

    process: multiprocessing.process.BaseProcess
    tasks: Connection  #: chunks to the worker (None: stop)
    results: Connection  #: (True, outcomes) or (False, (exception, traceback)) back
    assigned: deque[int] = attrs.field(factory=deque)  #: the chunks it holds, in its order

    def lost(self) -> str:
        """Why the worker is gone, for :class:`WorkerError`."""
        self.process.join(1)
        code = self.process.exitcode
        if code is None:
            how = "it stopped answering"
        elif code < 0:
            how = f"killed by signal {-code}"
        else:
            how = f"exit status {code}"
        return f"a worker process ended unexpectedly ({how})"


class _Pool:
    """``jobs`` worker processes, each fed through pipes of its own.

    Leaving the ``with`` block normally stops the workers (each finishes and exits);
    leaving it by an exception (SIGTERM's :class:`SystemExit`, KeyboardInterrupt, a worker
    lost, the generator closed early) kills them, so nothing waits on a worker.
    """

    def __init__(self, jobs: int, work: Work, options: Options) -> None:
        import multiprocessing

        context = multiprocessing.get_context()
        forked = context.get_start_method() == "fork"
        if forked:
            warm_up()  # here, once: every forked worker starts with the validator built
        self.workers: list[_Worker] = []
        try:
            for number in range(1, jobs + 1):
                task_reader, task_writer = context.Pipe(duplex=False)
                result_reader, result_writer = context.Pipe(duplex=False)
                # A forked worker inherits every descriptor open here; it closes this
                # process's pipe ends, so that they reach end of file when it is gone.
                ours = [end for w in self.workers for end in (w.tasks, w.results)]
                inherited = [*ours, task_writer, result_reader] if forked else []
                process = context.Process(
                    target=_serve,
                    args=(task_reader, result_writer, work, options, inherited),
                    name=f"newsarticle-worker-{number}",
                    daemon=True,
                )
                with _signals_held():
                    self.workers.append(_Worker(process, task_writer, result_reader))
                    process.start()
                task_reader.close()
                result_writer.close()
        except BaseException:
            self.kill()
            raise

    def __enter__(self) -> _Pool:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is None:
            self.stop()
        else:
            self.kill()

    def map(self, chunks: Iterator[list[Record]]) -> Iterator[list[Outcome]]:
        """The outcomes of each chunk, in order, with at most a window of chunks in flight
        or waiting their turn; each worker is sent a chunk ahead of its results."""
        window = len(self.workers) * _WINDOW
        done: dict[int, list[Outcome]] = {}
        sent = handed = 0
        more = True
        while True:
            while more and sent - handed < window:
                worker = min(self.workers, key=lambda w: len(w.assigned))
                if len(worker.assigned) >= _DEPTH:
                    break
                chunk = next(chunks, None)
                if chunk is None:
                    more = False
                    break
                try:
                    worker.tasks.send(chunk)
                except OSError:
                    raise WorkerError(worker.lost()) from None
                worker.assigned.append(sent)
                sent += 1
            if handed in done:
                yield done.pop(handed)
                handed += 1
            elif handed == sent:
                return
            else:
                self._receive(done)

    def _receive(self, done: dict[int, list[Outcome]]) -> None:
        """Wait for results from any busy worker, and file them under their chunks."""
        from multiprocessing.connection import Connection, wait

        busy = {worker.results: worker for worker in self.workers if worker.assigned}
        for connection in wait(list(busy)):
            assert isinstance(connection, Connection)
            worker = busy[connection]
            try:
                succeeded, value = connection.recv()
            except (EOFError, OSError):
                raise WorkerError(worker.lost()) from None
            sequence = worker.assigned.popleft()
            if not succeeded:
                error, text = value
                error.__cause__ = _RemoteTraceback(text)
                raise error
            done[sequence] = value

    def stop(self) -> None:
        """Tell every worker to finish, and wait until they have."""
        for worker in self.workers:
            with contextlib.suppress(OSError):
                worker.tasks.send(None)
        for worker in self.workers:
            worker.process.join(5)
        self.kill()

    def kill(self) -> None:
        """End every worker now (they hold nothing that needs cleaning up)."""
        for worker in self.workers:
            if worker.process.pid is not None and worker.process.exitcode is None:
                worker.process.kill()
        for worker in self.workers:
            if worker.process.pid is not None:
                worker.process.join()
            worker.tasks.close()
            worker.results.close()
        self.workers = []


class _RemoteTraceback(Exception):
    """The traceback of an exception raised in a worker process."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text

    def __str__(self) -> str:
        return f'\n"""\n{self.text}"""'


def _serve(
    tasks: Connection,
    results: Connection,
    work: Work,
    options: Options,
    inherited: list[Connection],
) -> None:
    """A worker process: the chunks from ``tasks``, each one's outcomes sent to ``results``."""
    # Ctrl-C reaches the whole process group; the main process decides what it means.
    # SIGTERM ends a worker at once (the handler of the main process was inherited).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):  # held back since the main process forked
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPPING)
    for connection in inherited:
        connection.close()
    inbox: queue.SimpleQueue[list[Record] | None] = queue.SimpleQueue()
    threading.Thread(target=_receive, args=(tasks, inbox), daemon=True).start()
    while (chunk := inbox.get()) is not None:
        reply: tuple[bool, object]
        try:
            warm_up()  # once: the validator is cached
            reply = (True, work(options, chunk))
        except Exception as error:
            text = traceback.format_exc()
            try:
                pickle.dumps(error)
            except Exception:
                error = RuntimeError(f"{type(error).__name__}: {error}")
            reply = (False, (error, text))
        try:
            results.send(reply)
        except OSError:  # the main process is gone
            os._exit(1)


def _receive(tasks: Connection, inbox: queue.SimpleQueue[list[Record] | None]) -> None:
    """Take every chunk as it comes (so that the main process never waits to send one
    while this worker waits to send it results), until told to stop.  The end of the pipe
    without that means the main process is gone: end the worker now."""
    while True:
        try:
            chunk = tasks.recv()
        except BaseException:
            os._exit(1)
        inbox.put(chunk)
        if chunk is None:
            return


def _chunks(items: Iterable[_T], size: int) -> Iterator[list[_T]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk
