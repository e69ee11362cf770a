"""The batch on a Dask cluster: tasks of a few hundred files, or of one JSON Lines shard.

Imported only when Dask is asked for (``--engine dask``, :mod:`newsarticle.dask`), so that
``import newsarticle`` never imports Dask.

:func:`plan` cuts the sources of a run into :class:`Part` s, in input order: up to
:data:`FILES_PER_TASK` files each, one JSON Lines file each, standard input (read here, in
this process) on its own.  :func:`run_part` is one task: every record of its part through
:func:`~._batch.process`, the code of ``--jobs``, so that the outcomes are the same; with a
:class:`Writing`, the worker writes the outputs itself, with the command's own
:class:`~._sink.Sink` (files whole or not at all, one JSON Lines stream per shard), and hands
back the outcomes without them.  :func:`outcomes` runs a command's batch: on the cluster
whose scheduler it is given, or on a local cluster it starts and closes, with a bounded
window of tasks in flight, the outcomes handed back in input order.

A task that is run again because its worker was lost (killed, out of memory, its machine
gone) finds the marker file its earlier run left (:attr:`Writing.marker`) and first removes
the temporary files that run left beside its targets; so a retried task leaves no partial
file, and gives the same bytes (an export depends on its document only).
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import logging
import os
import re
import secrets
import signal
import threading
import warnings
from collections import defaultdict, deque
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Final

import attrs
import dask.config
import distributed
import distributed.gc

from ._batch import Engine, EngineError, Options, Outcome, WorkerError, process, warm_up
from ._inputs import Record, Source, records
from ._sink import Sink, Target

if TYPE_CHECKING:
    from distributed import Future

__all__ = [
    "FILES_PER_TASK",
    "Part",
    "Writing",
    "outcomes",
    "plan",
    "remove_leftovers",
    "run_part",
    "task_size",
    "writings",
]

#: Files (each one document or page) in one task: enough that the few milliseconds a task
#: costs the scheduler are small against the work (about half a millisecond an article),
#: few enough that the work of a run spreads over every worker.
FILES_PER_TASK: Final = 256
#: The fewest files in a task, however few files a run has.
_FEWEST_FILES: Final = 32
#: Tasks submitted ahead of the results handed back, per thread of the cluster's workers.
_AHEAD: Final = 4
#: The temporary file :class:`~._files.AtomicFile` writes beside a target ``NAME``.
_TEMPORARY: Final = re.compile(r"\.(?P<name>.+)\.[0-9a-f]{8}\.tmp")


@attrs.frozen(kw_only=True)
class Part:
    """The work of one task: ``sources`` read by the worker, or ``records`` read already
    (standard input, the documents of a bag's partition)."""

    index: int  #: its place in the run (the parts' outcomes are in input order)
    sources: tuple[Source, ...] = ()
    records: tuple[Record, ...] = ()


@attrs.frozen(kw_only=True)
class Writing:
    """Where the outputs of one part go, and the marker that tells a task run again that
    an earlier run of it was cut short."""

    targets: dict[str, Target]  #: as :func:`~._sink.targets` gives them, for the part
    marker: Path  #: created when the task starts, removed when it ends

    def write(self, outcomes: Iterable[Outcome]) -> list[Outcome]:
        """Write each outcome's output to its target; the outcomes, without the outputs."""
        if not _claim(self.marker):  # an earlier run of this task was cut short
            remove_leftovers(self.targets.values())
        sink = Sink(self.targets, io.StringIO())
        kept: list[Outcome] = []
        try:
            for outcome in outcomes:
                sink.take(outcome)
                if outcome.output is not None:
                    outcome = attrs.evolve(outcome, output=None)
                kept.append(outcome)
            sink.close()
        finally:
            try:
                sink.abandon()  # what is not in place yet (nothing, once closed)
            finally:
                self.marker.unlink(missing_ok=True)
        return kept


def _claim(marker: Path) -> bool:
    """Create ``marker``; False when it is there already."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    try:
        handle = os.open(marker, flags, 0o600)
    except FileExistsError:
        return False
    os.close(handle)
    return True


def remove_leftovers(targets: Iterable[Target]) -> None:
    """Remove the temporary files an interrupted writer left beside ``targets`` (their
    targets keep their old contents); one look at each folder."""
    names: dict[Path, set[str]] = defaultdict(set)
    for target in targets:
        names[target.path.parent].add(target.path.name)
    for folder, wanted in names.items():
        try:
            with os.scandir(folder) as scan:
                entries = [entry.name for entry in scan]
        except FileNotFoundError:
            continue
        for name in entries:
            match = _TEMPORARY.fullmatch(name)
            if match is not None and match["name"] in wanted:
                with contextlib.suppress(FileNotFoundError):
                    (folder / name).unlink()


# --- the work of one task ---------------------------------------------------------


def run_part(options: Options, part: Part, writing: Writing | None = None) -> list[Outcome]:
    """The outcomes of every record of ``part``, in order (one task); with ``writing``,
    the outputs are written to their targets and left out of the outcomes."""
    warm_up()  # once a process: the validator is cached
    found: Iterable[Record] = part.records or (
        record for source in part.sources for record in records(source, options.max_size)
    )
    done = (process(options, record) for record in found)
    if writing is None:
        return list(done)
    return writing.write(done)


def task_size(files: int, threads: int) -> int:
    """Files in a task of a run of ``files`` files on ``threads`` threads: enough tasks that
    every thread has a few (a small run spreads too), at most :data:`FILES_PER_TASK`, and at
    least a few dozen files each."""
    shared = -(-files // (_AHEAD * threads))
    return min(FILES_PER_TASK, max(_FEWEST_FILES, shared))


def plan(
    sources: Sequence[Source],
    max_size: int,
    stdin: BinaryIO | None = None,
    files_per_task: int = FILES_PER_TASK,
) -> list[Part]:
    """The parts of a run over ``sources``, in input order: up to ``files_per_task`` files
    each (and the sources that cannot be read, which need no reading), one JSON Lines file
    each, and standard input on its own, read here from ``stdin`` (the process's when None).
    Paths are made absolute (a worker may not run in this folder); the names shown stay as
    they were given."""
    parts: list[Part] = []
    group: list[Source] = []

    def close_group() -> None:
        if group:
            parts.append(Part(index=len(parts), sources=tuple(group)))
            group.clear()

    for source in sources:
        if source.path is None and source.problem is None:
            close_group()
            found = tuple(records(source, max_size, stdin))
            parts.append(Part(index=len(parts), records=found))
            continue
        if source.path is not None and not source.path.is_absolute():
            source = attrs.evolve(source, path=Path(os.path.abspath(source.path)))
        if source.lines and source.problem is None:
            close_group()
            parts.append(Part(index=len(parts), sources=(source,)))
            continue
        group.append(source)
        if len(group) >= files_per_task:
            close_group()
    close_group()
    return parts


def writings(parts: Sequence[Part], targets: dict[str, Target], run: str) -> list[Writing | None]:
    """Where each part's outputs go (None: a part with nothing to write), target paths
    made absolute; each part's marker in the folder of its first target, or the nearest
    folder above it that exists now (a folder is made only when a file is written in it).
    ``run`` makes the markers of this run its own."""
    found: list[Writing | None] = []
    for part in parts:
        names = [source.name for source in part.sources] or [r.source.name for r in part.records]
        mine = {
            name: attrs.evolve(targets[name], path=Path(os.path.abspath(targets[name].path)))
            for name in dict.fromkeys(names)
            if name in targets
        }
        if not mine:
            found.append(None)
            continue
        folder = next(iter(mine.values())).path.parent
        while not folder.is_dir() and folder != folder.parent:
            folder = folder.parent
        marker = folder / f".newsarticle-{run}-{part.index}.task"
        found.append(Writing(targets=mine, marker=marker))
    return found


# --- a command's batch on a cluster -------------------------------------------------


def outcomes(
    engine: Engine,
    options: Options,
    sources: Sequence[Source],
    *,
    stdin: BinaryIO | None = None,
    targets: dict[str, Target] | None = None,
) -> Iterator[Outcome]:
    """The outcomes of every record of ``sources`` on the engine's cluster, in input order
    (see :meth:`~._batch.Engine.outcomes`), each part's with a window of tasks in flight.
    When the first outcome is asked for, the cluster is reached (or started), then the
    parts are planned for its size and standard input is read; whatever ends the run, the
    tasks not done are cancelled, and a local cluster is closed."""
    pending: deque[tuple[Part, Writing | None, Future[list[Outcome]]]] = deque()
    try:
        with _session(engine) as client:
            threads = max(1, sum(client.nthreads().values()))
            files = sum(1 for source in sources if not source.lines)
            parts = plan(sources, options.max_size, stdin, task_size(files, threads))
            run = secrets.token_hex(6)
            where = writings(parts, targets, run) if targets else [None] * len(parts)
            window = max(2, _AHEAD * threads)
            queue = zip(parts, where, strict=True)
            try:
                while True:
                    while len(pending) < window and (item := next(queue, None)) is not None:
                        part, writing = item
                        argument: Any = part
                        if part.records:  # data read here: sent once, not inside the task
                            argument = client.scatter(part, hash=False)
                        future = client.submit(
                            run_part,
                            options,
                            argument,
                            writing,
                            key=f"newsarticle-{run}-{part.index}",
                            pure=False,
                        )
                        pending.append((part, writing, future))
                    if not pending:
                        return
                    part, _, future = pending.popleft()
                    yield from _result(part, future)
            finally:
                if pending:
                    with contextlib.suppress(Exception):
                        client.cancel([future for _, _, future in pending])
    finally:
        if engine.scheduler is None:
            # The local cluster is closed, its workers gone: what the tasks cut short were
            # writing is not in place, and is removed.  (On a cluster of its own, a task
            # that runs goes on to its end: its files are whole.)
            for _, writing, _ in pending:
                if writing is not None:
                    remove_leftovers(writing.targets.values())
                    writing.marker.unlink(missing_ok=True)


def _result(part: Part, future: Future[list[Outcome]]) -> list[Outcome]:
    """The outcomes of a part's task, or why it has none."""
    try:
        return future.result()
    except distributed.KilledWorker:
        first = part.sources[0].name if part.sources else part.records[0].source.name
        more = len(part.sources) - 1
        shown = first if more < 1 else f"{first} and {more} more input{'s' * (more != 1)}"
        raise WorkerError(
            f"the Dask workers running the task of {shown} were lost too many times "
            "(killed, or out of memory)"
        ) from None
    except distributed.CancelledError:
        raise EngineError("the Dask scheduler cancelled the run (is it still there?)") from None


@contextlib.contextmanager
def _session(engine: Engine) -> Iterator[distributed.Client]:
    """A client of the engine's scheduler, or of a local cluster started for the run and
    closed with it."""
    if engine.scheduler is not None:
        try:
            client = distributed.Client(engine.scheduler, set_as_default=False)
        except (OSError, ValueError, TypeError) as error:
            raise EngineError(
                f"cannot reach the Dask scheduler at {engine.scheduler}: {error}"
            ) from None
        try:
            yield client
        finally:
            client.close()
        return
    try:
        with (
            _interrupts_ignored(),
            warnings.catch_warnings(),
            # The workers' statistical profiler (the dashboard's profile) costs a few per
            # cent of the work.
            dask.config.set({"distributed.worker.profile.enabled": False}),
        ):
            # When port 8787 is taken, the dashboard takes another: the address is said.
            warnings.filterwarnings("ignore", "Port .* is already in use", UserWarning)
            cluster = distributed.LocalCluster(
                n_workers=engine.jobs,
                threads_per_worker=1,
                processes=True,
                # The command's standard error is for its own messages: Dask's errors only.
                silence_logs=logging.ERROR,
            )
    except Exception as error:
        raise EngineError(f"cannot start a local Dask cluster: {error}") from None
    # The scheduler runs in this process, and watches its garbage collections with a
    # callback; an exception a signal's handler raises there (SIGTERM's SystemExit) would
    # be lost, and the run would go on.
    distributed.gc.disable_gc_diagnosis(force=True)
    try:
        client = distributed.Client(cluster, set_as_default=False)
        try:
            client.register_plugin(_LocalWorker(), name="newsarticle-local-worker")
            if engine.announce is not None:
                engine.announce(_dashboard(cluster, engine.jobs))
            yield client
        finally:
            client.close()
    finally:
        cluster.close()


# Ctrl-C reaches the whole process group.  As the workers of --jobs, the local cluster's
# worker processes leave it to this process, which closes the cluster (SIGTERM ends them at
# once, which is what it does by default).  Their Python is started, not forked, and only
# an ignored signal stays so through the start of a program: so SIGINT is ignored here
# while they start, and held back meanwhile (blocked: Linux keeps a blocked signal pending,
# even when ignored), then delivered.  A worker started again later, when one is lost,
# ignores it once set up (_LocalWorker).


@contextlib.contextmanager
def _interrupts_ignored() -> Iterator[None]:
    """Ignore SIGINT for the duration (processes started then ignore it), holding it back
    in this thread; then deliver it.  Only the main thread can set a signal's handler:
    elsewhere, nothing is done."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(
        signal, "pthread_sigmask"
    ):
        yield
        return
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        handler = signal.signal(signal.SIGINT, signal.SIG_IGN)
        try:
            yield
        finally:
            signal.signal(signal.SIGINT, signal.SIG_DFL if handler is None else handler)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)


class _LocalWorker(distributed.WorkerPlugin):
    """Sets up a worker of the local cluster: it ignores SIGINT (from the main thread of its
    process, where its event loop runs), and does not watch its garbage collections (a
    callback at every collection, which costs an export several per cent)."""

    def setup(self, worker: distributed.Worker) -> None:
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGINT, signal.SIG_IGN)
        distributed.gc.disable_gc_diagnosis(force=True)


def _dashboard(cluster: distributed.LocalCluster, workers: int) -> str:
    """The line that gives a local cluster's dashboard address."""
    plural = "s" * (workers != 1)
    line = f"a local Dask cluster of {workers} worker{plural}; its dashboard: "
    line += cluster.dashboard_link or "none"
    if importlib.util.find_spec("bokeh") is None:
        line += " (its charts need bokeh: pip install bokeh)"
    return line
