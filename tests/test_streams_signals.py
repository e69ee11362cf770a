"""The newsarticle program with closed or failing standard streams, and stopped by signals
(SIGTERM, Ctrl-C, kill -9) while worker processes run: real processes, real descriptors,
real signals."""

from __future__ import annotations

import io
import itertools
import json
import multiprocessing
import os
import random
import shlex
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Generator, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path, PurePath
from typing import IO

import pytest

from newsarticle import _batch
from newsarticle._batch import Options, Outcome, WorkerError, ordered_map
from newsarticle._inputs import Record, Source
from newsarticle.cli import run

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "panjshir.json"
PROC = Path("/proc")

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX descriptors and signals")


def newsarticle(
    *arguments: str | Path,
    closed: Sequence[int] = (),
    stdout: int | IO[bytes] | None = subprocess.PIPE,
    stderr: int | None = subprocess.PIPE,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run ``newsarticle ARGUMENTS`` in a new process whose standard descriptors ``closed``
    (0, 1, 2) are closed for real, as ``<&-``, ``>&-`` and ``2>&-`` close them."""

    def close() -> None:
        for number in closed:
            os.close(number)

    return subprocess.run(
        [sys.executable, "-m", "newsarticle", *map(str, arguments)],
        stdin=subprocess.DEVNULL,
        stdout=stdout,
        stderr=stderr,
        preexec_fn=close,
        cwd=cwd,
        timeout=60,
        check=False,
    )


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    """An invalid document (named so that it comes first)."""
    path = tmp_path / "a-bad.json"
    path.write_text('{"x": 1}\n', encoding="utf-8")
    return path


def reference_export(tmp_path: Path) -> bytes:
    """The JSON-LD export of the example, made in this process with every stream open."""
    target = tmp_path / "reference.jsonld"
    status = run(
        ["export", "--format", "jsonld", str(EXAMPLE), "-o", str(target)],
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    assert 0 == status
    return target.read_bytes()


# --- closed and failing streams -----------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_closed_stdin_makes_dash_an_unreadable_input(jobs: str) -> None:
    """`validate - FILE <&-`: standard input is an input that cannot be read, reported as
    file-unreadable ("standard input is closed"), exit 2; the file is still checked."""
    done = newsarticle("validate", "-j", jobs, "-", EXAMPLE, closed=[0])
    assert (
        2,
        "<stdin>: file-unreadable error standard input is closed\n"
        "newsarticle: checked 2 documents: 1 valid, 0 invalid, 1 unreadable; "
        "1 problem (1 error, 0 warnings)\n",
        b"",
    ) == (done.returncode, done.stdout.decode(), done.stderr)


def test_stdin_not_open_for_reading_is_unreadable(tmp_path: Path) -> None:
    """`validate - 0>FILE`: a standard input open only for writing cannot be read: reported
    as file-unreadable, exit 2, no traceback."""
    with (tmp_path / "written").open("wb") as write_only:
        done = subprocess.run(
            [sys.executable, "-m", "newsarticle", "validate", "-"],
            stdin=write_only,
            capture_output=True,
            timeout=60,
            check=False,
        )
    assert (
        2,
        "<stdin>: file-unreadable error Bad file descriptor\n"
        "newsarticle: checked 1 document: 0 valid, 0 invalid, 1 unreadable; "
        "1 problem (1 error, 0 warnings)\n",
        b"",
    ) == (done.returncode, done.stdout.decode(), done.stderr)


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("valid", [True, False], ids=["valid", "invalid"])
def test_closed_stdout_is_lost_output(jobs: str, valid: bool, bad: Path) -> None:
    """`validate FILE >&-`: the report cannot be written: one line on stderr and exit 2,
    for a valid file as for an invalid one (never 0 or 1 for a report that was lost)."""
    done = newsarticle("validate", "-j", jobs, EXAMPLE if valid else bad, closed=[1])
    assert (
        2,
        b"newsarticle validate: error: cannot write to standard output: it is closed\n",
    ) == (done.returncode, done.stderr)


@pytest.mark.parametrize(
    ("stdout", "reason"),
    [("/dev/full", "No space left on device"), ("read-only", "Bad file descriptor")],
    ids=["dev-full", "read-only"],
)
@pytest.mark.parametrize("command", ["validate", "export"])
def test_failing_stdout_is_a_clear_error(
    tmp_path: Path, stdout: str, reason: str, command: str
) -> None:
    """Standard output that fails when written (/dev/full: ENOSPC; a descriptor open only for
    reading: EBADF) ends the run with one line naming standard output and why, exit 2."""
    if stdout == "/dev/full" and not Path(stdout).exists():
        pytest.skip("no /dev/full here")
    arguments = ["validate"] if command == "validate" else ["export", "--format", "jsonld"]
    if stdout == "/dev/full":
        with open(stdout, "wb") as full:
            done = newsarticle(*arguments, EXAMPLE, stdout=full)
    else:
        (tmp_path / "read-only").touch()
        with (tmp_path / "read-only").open("rb") as read_only:
            done = newsarticle(*arguments, EXAMPLE, stdout=read_only)
    message = f"newsarticle {command}: error: cannot write to standard output: {reason}\n"
    assert (2, message.encode()) == (done.returncode, done.stderr)


def test_help_to_a_closed_stdout_is_lost_output() -> None:
    """`newsarticle --help >&-`: the help is lost, so the status is 2, with one line on
    stderr, not 0."""
    done = newsarticle("--help", closed=[1])
    assert (
        2,
        b"newsarticle: error: cannot write to standard output: it is closed\n",
    ) == (done.returncode, done.stderr)


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("stderr", ["closed", "/dev/full"])
def test_closed_or_failing_stderr_never_stops_the_export(
    tmp_path: Path, bad: Path, jobs: str, stderr: str
) -> None:
    """`export BAD GOOD -o out/ 2>&-` (or 2>/dev/full): the messages about the invalid file
    are dropped, the valid one is still exported, whole, and the status is still 1."""
    out = tmp_path / "out"
    arguments: list[str | Path] = ["export", "--format", "jsonld", "-j", jobs, bad, EXAMPLE]
    arguments += ["-o", f"{out}/"]
    if stderr == "closed":
        done = newsarticle(*arguments, closed=[2], stderr=None)
    else:
        with open("/dev/full", "wb") as full:
            done = newsarticle(*arguments, stderr=full.fileno())
    assert (1, b"") == (done.returncode, done.stdout)
    assert ["panjshir.jsonld"] == sorted(p.name for p in out.iterdir())
    assert reference_export(tmp_path) == (out / "panjshir.jsonld").read_bytes()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_all_streams_closed(tmp_path: Path, bad: Path, jobs: str) -> None:
    """With stdin, stdout and stderr all closed, an export to a folder still writes every
    valid file and exits 1 (an invalid input), and validate exits 2 (its report is lost)."""
    out = tmp_path / "out"
    arguments: list[str | Path] = ["-j", jobs, bad, EXAMPLE]
    closed = [0, 1, 2]
    export = newsarticle("export", "--format", "jsonld", *arguments, "-o", f"{out}/", closed=closed)
    validate = newsarticle("validate", *arguments, closed=closed)
    assert (1, 2) == (export.returncode, validate.returncode)
    assert reference_export(tmp_path) == (out / "panjshir.jsonld").read_bytes()


@pytest.mark.parametrize("closed", [[0], [1], [2], [1, 2], [0, 1, 2]], ids=str)
def test_export_of_stdin_with_streams_closed(tmp_path: Path, closed: list[int]) -> None:
    """`export - -o FILE` run by a shell with standard streams closed (`<&-`, `>&-`, `2>&-`,
    alone and together): with stdin closed there is nothing to export (exit 2, no file);
    otherwise the export is written whole (exit 0) whichever other stream is closed."""
    target = tmp_path / "story.jsonld"
    words = [sys.executable, "-m", "newsarticle", "export", "--format", "jsonld", "-", "-o"]
    redirections = ["<&-" if 0 in closed else f"<{shlex.quote(str(EXAMPLE))}"]
    redirections += [r for n, r in [(1, ">&-"), (2, "2>&-")] if n in closed]
    command = shlex.join([*words, str(target)]) + " " + " ".join(redirections)
    done = subprocess.run(["bash", "-c", command], timeout=60, check=False, capture_output=True)
    if 0 in closed:
        assert (2, False) == (done.returncode, target.exists())
    else:
        assert (0, reference_export(tmp_path)) == (done.returncode, target.read_bytes())


def test_closed_descriptors_are_not_reused_for_files(tmp_path: Path) -> None:
    """With stdin and stderr closed, the program holds their numbers on the null device, so
    a file opened later (an output file) never becomes descriptor 0 or 2, where something
    writing to "standard error" would write into it."""
    code = (
        "import os, sys\n"
        "from newsarticle._streams import hold_standard_descriptors\n"
        "hold_standard_descriptors(sys.stdin, sys.stdout, sys.stderr)\n"
        f"print(os.open({str(tmp_path / 'file')!r}, os.O_WRONLY | os.O_CREAT))\n"
    )

    def close() -> None:
        os.close(0)
        os.close(2)

    done = subprocess.run(
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        preexec_fn=close,
        timeout=60,
        check=False,
    )
    assert (0, b"3\n") == (done.returncode, done.stdout)  # 0, 1 and 2 all taken


# --- signals ------------------------------------------------------------------


def feed(path: Path, count: int, *, valid: bool) -> Path:
    """A JSON Lines file of ``count`` copies of the example, or of a small invalid document
    (five problems, quickly found)."""
    document = json.loads(EXAMPLE.read_text(encoding="utf-8")) if valid else {"x": 1}
    path.write_text((json.dumps(document) + "\n") * count, encoding="utf-8")
    return path


def alive(group: int) -> list[int]:
    """The processes of the process group ``group`` that are still running (not zombies)."""
    if not PROC.is_dir():  # pragma: no cover - not Linux
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return []
        return [group]
    found = []
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if fields[0] != "Z" and int(fields[2]) == group:
                found.append(int(entry.name))
    return found


def wait_for(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.01)


@pytest.fixture(scope="module")
def feeds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    """The inputs of the interrupted runs, for export (valid) and validate (invalid): long
    enough to be under way for a while, as each run is stopped well before its end."""
    folder = tmp_path_factory.mktemp("feeds")
    made = {
        "export": feed(folder / "valid.jsonl", 1000, valid=True),
        "validate": feed(folder / "invalid.jsonl", 5000, valid=False),
    }
    yield made
    for path in made.values():
        path.unlink()


def interrupted_run(
    folder: Path, source: Path, command: str, signal_number: int, *, group: bool
) -> list[str]:
    """Start ``command`` (export or validate) on ``source`` with ``--jobs 2``, send it
    ``signal_number`` (to its process group, or to the main process only) at a random moment
    once it is under way, and return what went wrong (nothing: [])."""
    folder.mkdir()
    jobs = "2"
    target = folder / "out.jsonl"
    target.write_text("the old export\n", encoding="utf-8")
    output = folder / "stdout"
    arguments = [command, source, "-j", jobs]
    if command == "export":
        arguments = ["export", "--format", "jsonld", source, "-j", jobs, "-o", target]

    def under_way() -> bool:  # some output made, so the workers are at work
        if command == "validate":
            return output.stat().st_size > 0
        sizes = [p.stat(follow_symlinks=False).st_size for p in folder.glob(".*.tmp")]
        return any(sizes)

    with output.open("wb") as stdout:
        process = subprocess.Popen(
            [sys.executable, "-m", "newsarticle", *map(str, arguments)],
            stdout=stdout,
            stderr=subprocess.PIPE,
            start_new_session=True,  # its own process group, as a shell job has
        )
    problems = []
    try:
        wait_for(under_way, 60, "the run to get under way")
        time.sleep(random.uniform(0, 0.25))
        if group:
            os.killpg(process.pid, signal_number)
        else:
            process.send_signal(signal_number)
        try:
            _, stderr = process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            problems.append("hung")
            os.killpg(process.pid, signal.SIGKILL)
            _, stderr = process.communicate(timeout=30)
        if process.returncode != 128 + signal_number:
            problems.append(f"status {process.returncode}")
        if b"Traceback" in stderr:
            problems.append("traceback")
        if alive(process.pid):
            problems.append("a worker left running")
        if [p for p in folder.iterdir() if p.name.endswith(".tmp")]:
            problems.append("a .tmp file left")
        if "the old export\n" != target.read_text(encoding="utf-8"):
            problems.append("the old file changed")
    finally:
        if alive(process.pid):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(30)
    return problems


def repeat(times: int, attempt: Callable[[int], list[str]]) -> dict[str, int]:
    """Run ``attempt`` ``times`` times, four at a time; the count of each thing gone wrong."""
    with ThreadPoolExecutor(max_workers=4) as threads:
        results = list(threads.map(attempt, range(times)))
    counts: dict[str, int] = {}
    for problem in itertools.chain.from_iterable(results):
        counts[problem] = counts.get(problem, 0) + 1
    return counts


@pytest.mark.parametrize("command", ["export", "validate"])
@pytest.mark.parametrize(
    "signal_number", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"]
)
def test_signal_to_the_process_group_with_jobs(
    tmp_path: Path, feeds: dict[str, Path], command: str, signal_number: int
) -> None:
    """SIGTERM or Ctrl-C (SIGINT) to the whole process group of `export -j 2` or
    `validate -j 2`, at random moments, 8 times: each run ends at once with 128 + the
    signal's number, no traceback, no worker left running, no .tmp file, the old output
    file unchanged."""
    source = feeds[command]
    counts = repeat(
        8, lambda n: interrupted_run(tmp_path / str(n), source, command, signal_number, group=True)
    )
    assert {} == counts


@pytest.mark.parametrize(
    "signal_number", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"]
)
def test_signal_to_the_main_process_only_with_jobs(
    tmp_path: Path, feeds: dict[str, Path], signal_number: int
) -> None:
    """SIGTERM or SIGINT to the main process of `export -j 2` alone: the same clean end, the
    main process ending its workers itself."""
    source = feeds["export"]
    counts = repeat(
        3,
        lambda n: interrupted_run(tmp_path / str(n), source, "export", signal_number, group=False),
    )
    assert {} == counts


def test_workers_end_when_the_main_process_is_killed(tmp_path: Path) -> None:
    """kill -9 of the main process of `export -j 2`: its workers notice and end by
    themselves within seconds, and the old output file is left as it was."""
    process, target = export_with_workers(tmp_path, stderr=subprocess.DEVNULL)
    try:
        wait_for(lambda: len(alive(process.pid)) == 3, 60, "the workers to start")
        process.kill()
        process.wait(30)
        wait_for(lambda: not alive(process.pid), 10, "the workers to end")
    finally:
        if alive(process.pid):
            os.killpg(process.pid, signal.SIGKILL)
    assert "the old export\n" == target.read_text(encoding="utf-8")


def export_with_workers(tmp_path: Path, *, stderr: int) -> tuple[subprocess.Popen[bytes], Path]:
    """`export -j 2` of a JSON Lines file of 300 articles over an old export, started in a
    process group of its own; the process and the output file."""
    source = feed(tmp_path / "feed.jsonl", 300, valid=True)
    target = tmp_path / "out.jsonl"
    target.write_text("the old export\n", encoding="utf-8")
    argv = ["export", "--format", "jsonld", source, "-j", "2", "-o", target]
    process = subprocess.Popen(
        [sys.executable, "-m", "newsarticle", *map(str, argv)],
        stdout=subprocess.DEVNULL,
        stderr=stderr,
        start_new_session=True,
    )
    return process, target


@pytest.mark.skipif(not PROC.is_dir(), reason="finds the workers in /proc")
def test_a_worker_killed_is_reported(tmp_path: Path) -> None:
    """A worker process killed on its own (out of memory, kill -9) ends the run with one line
    saying so and exit 2, no traceback, the other worker ended, no .tmp file left and the
    old output file unchanged."""
    process, target = export_with_workers(tmp_path, stderr=subprocess.PIPE)
    try:
        wait_for(lambda: len(alive(process.pid)) == 3, 60, "the workers to start")
        worker = next(pid for pid in alive(process.pid) if pid != process.pid)
        os.kill(worker, signal.SIGKILL)
        _, stderr = process.communicate(timeout=30)
    finally:
        if alive(process.pid):
            os.killpg(process.pid, signal.SIGKILL)
    assert (
        2,
        b"newsarticle export: error: a worker process ended unexpectedly (killed by signal 9)\n",
    ) == (process.returncode, stderr)
    assert [] == alive(process.pid)
    assert ["feed.jsonl", "out.jsonl"] == sorted(p.name for p in tmp_path.iterdir())
    assert "the old export\n" == target.read_text(encoding="utf-8")


# --- the pool, in this process ------------------------------------------------

SOURCE = Source(name="feed.jsonl", path=None, relative=PurePath("feed.jsonl"), lines=True)


def numbered(count: int | None = None) -> Iterator[Record]:
    """Records numbered by their line (endless when ``count`` is None)."""
    for line in itertools.count(1) if count is None else range(1, count + 1):
        yield Record(source=SOURCE, line=line, data=b"{}")


def echo(options: Options, chunk: list[Record]) -> list[Outcome]:
    """A stand-in for the work: each record's line number back, failing at line 500."""
    if any(record.line == 500 for record in chunk):
        raise ValueError("line 500")
    return [Outcome(source=SOURCE, line=record.line, problems=()) for record in chunk]


def test_ordered_map_keeps_order_and_a_bounded_window() -> None:
    """With two workers, outcomes come back in input order, while at most the window of
    chunks (4 per worker, 16 records each) is taken from an endless input; closing the
    generator early ends the workers."""
    taken = 0

    def counted() -> Iterator[Record]:
        nonlocal taken
        for record in numbered():
            taken += 1
            yield record

    outcomes = ordered_map(echo, Options(), counted(), 2)
    first = [outcome.line for outcome in itertools.islice(outcomes, 300)]
    assert list(range(1, 301)) == first
    assert taken <= 300 + 2 * _batch._WINDOW * _batch._CHUNK
    assert isinstance(outcomes, Generator)
    outcomes.close()
    assert [] == multiprocessing.active_children()


def test_ordered_map_raises_a_worker_exception() -> None:
    """An exception raised by the work in a worker is raised in this process, with the
    worker's traceback as its cause, and the workers are ended."""
    with pytest.raises(ValueError, match="line 500") as raised:
        list(ordered_map(echo, Options(), numbered(1000), 2))
    assert "in echo" in str(raised.value.__cause__)
    assert [] == multiprocessing.active_children()


def test_ordered_map_worker_lost() -> None:
    """A worker that dies is a WorkerError naming how it ended, not a hang."""
    outcomes = ordered_map(echo, Options(), numbered(), 2)
    next(outcomes)
    for child in multiprocessing.active_children():
        child.kill()
    with pytest.raises(WorkerError, match=r"ended unexpectedly \(killed by signal 9\)"):
        for _ in outcomes:
            pass
    assert [] == multiprocessing.active_children()
