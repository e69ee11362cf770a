"""Inputs and outputs that are not what they seem, in this process: size limits that must not
reserve memory, files that are not regular files (FIFOs, devices, broken links, loops of
links), output targets that are devices, FIFOs, links or ``-``, files written whole or not
at all whatever fails, and many files written at the cost of a few syncs.  What needs a real
process (a file size limit, dropped privileges, a FIFO read by another process) is in
test_special_files.py."""

from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import signal
import stat
import sys
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path, PurePath
from types import FrameType
from typing import Any

import attrs
import pytest

import newsarticle
from newsarticle import _files, _inputs
from newsarticle._files import AtomicFile, Batch, write_atomic
from newsarticle._inputs import LARGEST_MAX_SIZE, Source, expand, read, records
from newsarticle.cli import run, size

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "panjshir.json"
MIB = 1 << 20


@attrs.frozen
class Run:
    status: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        return self.stdout.splitlines()


@contextlib.contextmanager
def deadline(seconds: int = 20) -> Iterator[None]:
    """Fail (instead of hanging for ever) when the block takes longer than ``seconds``: a
    blocking open of a FIFO is interrupted by the alarm."""

    def expire(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"still running after {seconds} s: something waits for ever")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def cli(*arguments: str | Path, cwd: Path, stdin: Any = None, stdout: Any = None) -> Run:
    """Run ``newsarticle ARGUMENTS`` in this process in ``cwd``, under a deadline."""
    out = io.StringIO() if stdout is None else stdout
    err = io.StringIO()
    with contextlib.chdir(cwd), deadline():
        status = run(
            [str(argument) for argument in arguments],
            stdin=io.BytesIO(b"") if stdin is None else stdin,
            stdout=out,
            stderr=err,
        )
    return Run(status, out.getvalue() if stdout is None else "", err.getvalue())


def example_line() -> bytes:
    return json.dumps(json.loads(EXAMPLE.read_bytes())).encode("utf-8")


def leftovers(folder: Path) -> list[str]:
    """The temporary files left in ``folder`` and below."""
    return sorted(p.name for p in folder.rglob(".*.tmp"))


def open_descriptors() -> int:
    return len(os.listdir("/proc/self/fd")) if Path("/proc/self/fd").is_dir() else 0


# --- size limits ----------------------------------------------------------------


def peak_while(action: Callable[[], object]) -> int:
    """The most memory Python held at once (tracemalloc) while ``action`` ran."""
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("kind", ["file", "stdin", "json lines"])
def test_reading_takes_memory_in_proportion_to_the_input_not_the_limit(
    tmp_path: Path, kind: str
) -> None:
    """A 22 KB document read under a 256 MiB limit (a file, standard input, a line of a
    JSON Lines file) takes well under 1 MiB: nothing the size of the limit is reserved."""
    limit = 256 * MIB
    data = EXAMPLE.read_bytes() if kind != "json lines" else example_line() + b"\n"
    path = tmp_path / ("story.jsonl" if kind == "json lines" else "story.json")
    path.write_bytes(data)

    def action() -> object:
        if kind == "file":
            return read(path, limit)
        if kind == "stdin":  # a buffered binary stream, as sys.stdin.buffer is
            source = Source(name="<stdin>", path=None, relative=PurePath("stdin.json"))
            with path.open("rb") as stdin:
                return list(records(source, limit, stdin))
        return list(records(next(expand([str(path)])), limit))

    assert peak_while(action) < MIB


@pytest.mark.parametrize("limit", ["64G", f"{LARGEST_MAX_SIZE}", "8589934591G"])
def test_the_largest_limit_reads_a_small_file(tmp_path: Path, limit: str) -> None:
    """--max-size 64G, and the largest size there is, check a 22 KB file, a JSON Lines
    file and standard input as the default limit does: valid, exit 0, no MemoryError or
    OverflowError."""
    (tmp_path / "feed.jsonl").write_bytes(example_line() + b"\n")
    with EXAMPLE.open("rb") as stdin:
        run_ = cli(
            "validate", "--max-size", limit, EXAMPLE, "feed.jsonl", "-", cwd=tmp_path, stdin=stdin
        )
    assert (0, "") == (run_.status, run_.stderr)
    assert "3 valid" in run_.lines[-1]


@pytest.mark.parametrize(
    "text", ["9000000000G", f"{LARGEST_MAX_SIZE + 1}", "8589934592G", "1" + "0" * 5000]
)
def test_a_size_beyond_any_document_is_a_usage_error(tmp_path: Path, text: str) -> None:
    """A size larger than 2^63 - 1 bytes (no document can be larger) is refused with one
    usage line, exit 2: not clamped, and not an OverflowError or a ValueError."""
    run_ = cli("validate", "--max-size", text, EXAMPLE, cwd=tmp_path)
    assert "Traceback" not in run_.stderr
    assert (
        2,
        "newsarticle validate: error: argument --max-size: the size must be at most "
        "9,223,372,036,854,775,807 bytes (2^63 - 1): no document can be larger",
    ) == (run_.status, run_.stderr.splitlines()[-1])


@pytest.mark.parametrize(
    ("text", "value"),
    [("1", 1), ("64K", 64 << 10), ("16m", 16 << 20), ("2GiB", 2 << 30), ("007K", 7 << 10)],
)
def test_sizes_are_bytes_or_powers_of_1024(text: str, value: int) -> None:
    """A size is a byte count, or a count of KiB, MiB or GiB (any case, with or without
    iB); leading zeros are allowed."""
    assert value == size(text)


def test_a_file_larger_than_its_size_says_is_still_limited(tmp_path: Path) -> None:
    """A file whose status gives a size of 0 but which holds more (a file of /proc) is read
    until its end, and refused once past the limit."""
    path = Path("/proc/self/status")
    if not path.exists() or path.stat().st_size != 0:
        pytest.skip("no /proc file that says it is empty")
    data = read(path, MIB)
    assert isinstance(data, bytes)
    assert data.startswith(b"Name:")
    too_small = read(path, 10)
    assert not isinstance(too_small, bytes)
    assert "file-too-large" == too_small.code


@pytest.mark.parametrize("ending", [b"\n", b"\r\n", b""], ids=["LF", "CRLF", "none"])
def test_json_lines_read_in_chunks_keep_the_limit_exact(
    tmp_path: Path, ending: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Read in chunks smaller than a line, a JSON Lines line exactly at the limit is
    accepted and one byte longer refused, whatever its line ending (none on the last)."""
    monkeypatch.setattr(_inputs, "_CHUNK", 7)
    line = example_line()
    path = tmp_path / "feed.jsonl"
    path.write_bytes(line + b"\n" + line + b" " + ending)
    found = list(records(next(expand([str(path)])), len(line)))
    assert [(1, line, None), (2, None, "file-too-large")] == [
        (r.line, r.data, None if r.problem is None else r.problem.code) for r in found
    ]


# --- inputs that are not regular files -----------------------------------------------


def hostile_folder(folder: Path) -> Path:
    """A folder of one article and every kind of entry that cannot be read as one."""
    folder.mkdir()
    (folder / "good.json").write_bytes(EXAMPLE.read_bytes())
    (folder / "dangling.json").symlink_to("nowhere.json")
    (folder / "loop.json").symlink_to("loop.json")
    os.mkfifo(folder / "fifo.json")
    (folder / "linked.json").symlink_to("good.json")
    (folder / "elsewhere").symlink_to(folder)  # a link to a folder (a loop): not followed
    (folder / "notes.txt").symlink_to("nowhere.txt")  # not an article name: not looked at
    return folder


PROBLEMS = {
    "dangling.json": "file-not-found error broken symbolic link: what it points to does not exist",
    "fifo.json": "file-unreadable error not a regular file (a named pipe); read a stream "
    "from standard input, as -",
    "loop.json": "file-unreadable error a loop of symbolic links (too many levels of "
    "symbolic links)",
}


def opening(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The paths opened from now on (in this process)."""
    opened: list[str] = []
    real = os.open

    def recording(path: Any, *arguments: Any, **options: Any) -> int:
        opened.append(os.fspath(path))
        return real(path, *arguments, **options)

    monkeypatch.setattr(os, "open", recording)
    return opened


def test_a_folder_reports_each_entry_it_cannot_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a folder, a broken symbolic link, a loop of links and a FIFO named *.json are each
    reported with their cause (never opened: a FIFO would wait for a writer), in name order
    with the files that are read; links to files are followed, links to folders are not;
    exit 2."""
    hostile_folder(tmp_path / "in")
    opened = opening(monkeypatch)
    run_ = cli("validate", "in", cwd=tmp_path)
    assert [f"in/{name}: {message}" for name, message in PROBLEMS.items()] == run_.lines[:-1]
    assert (2, True) == (run_.status, "2 valid, 0 invalid, 3 unreadable" in run_.lines[-1])
    assert ["good.json", "linked.json"] == sorted(Path(path).name for path in opened)


@pytest.mark.parametrize("name", sorted(PROBLEMS))
def test_a_path_named_on_the_command_line_reports_its_cause(
    tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same entries named on the command line get the same causes, exit 2; none is
    opened."""
    hostile_folder(tmp_path / "in")
    opened = opening(monkeypatch)
    run_ = cli("validate", f"in/{name}", cwd=tmp_path)
    assert (2, f"in/{name}: {PROBLEMS[name]}", []) == (run_.status, run_.lines[0], opened)


def test_a_device_is_not_a_regular_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A character device named as an input (/dev/null) is reported, not read as empty,
    and not opened (opening some devices does something)."""
    opened = opening(monkeypatch)
    run_ = cli("validate", os.devnull, cwd=tmp_path)
    assert [] == opened
    assert (
        2,
        f"{os.devnull}: file-unreadable error not a regular file (a character device); "
        "read a stream from standard input, as -",
    ) == (run_.status, run_.lines[0])


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_a_file_replaced_by_a_fifo_is_not_waited_for(tmp_path: Path, suffix: str) -> None:
    """A source found as a file and replaced by a FIFO before it is read is refused when
    it is opened, without waiting for a writer."""
    path = tmp_path / f"story{suffix}"
    path.write_bytes(EXAMPLE.read_bytes())
    [source] = expand([str(path)])
    path.unlink()
    os.mkfifo(path)
    with deadline(5):
        got = read(path, MIB) if suffix == ".json" else records(source, MIB).__next__().problem
    assert not isinstance(got, bytes)
    assert got is not None
    assert "not a regular file (a named pipe)" in got.message


def test_an_unreadable_subfolder_is_reported_as_permission_denied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A subfolder that cannot be listed is reported as "permission denied" (here the
    system's refusal is simulated, so that it holds as root too; test_special_files.py
    refuses it for real), and the rest of the folder is still checked; exit 2."""
    (tmp_path / "in" / "locked").mkdir(parents=True)
    (tmp_path / "in" / "good.json").write_bytes(EXAMPLE.read_bytes())
    scandir = os.scandir

    def refusing(path: Any) -> Any:
        if Path(path).name == "locked":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    run_ = cli("validate", "in", cwd=tmp_path)
    assert (2, "in/locked: file-unreadable error permission denied") == (
        run_.status,
        run_.lines[0],
    )
    assert "1 valid, 0 invalid, 1 unreadable" in run_.lines[-1]
    folder = cli("validate", "in/locked", cwd=tmp_path)
    assert (2, "in/locked: file-unreadable error permission denied") == (
        folder.status,
        folder.lines[0],
    )


def test_a_folder_deeper_than_the_stack_is_walked(tmp_path: Path) -> None:
    """A folder tree deeper than Python's recursion limit is walked without a
    RecursionError."""
    depth = sys.getrecursionlimit() + 50
    folder = tmp_path / "deep"
    folder.mkdir()
    try:
        with contextlib.chdir(folder):
            for _ in range(depth):
                os.mkdir("d")
                os.chdir("d")
            Path("story.json").write_bytes(EXAMPLE.read_bytes())
        found = list(expand([str(tmp_path / "deep")]))
        assert [(None, depth + 1)] == [(s.problem, len(s.relative.parts)) for s in found]
    finally:  # removed here: removing it recursively would meet the same limit
        with contextlib.chdir(folder):
            for _ in range(depth):
                os.chdir("d")
            with contextlib.suppress(FileNotFoundError):
                os.unlink("story.json")
            for _ in range(depth):
                os.chdir("..")
                os.rmdir("d")


# --- output targets that are not regular files ---------------------------------------


def export(*arguments: str | Path, cwd: Path, **streams: Any) -> Run:
    return cli("export", "--format", "text", *arguments, cwd=cwd, **streams)


def text_export() -> str:
    return newsarticle.to_text(newsarticle.load(EXAMPLE))


def null_device(folder: Path) -> Path:
    """A null device: one of its own in ``folder`` as root (so that an export that replaced
    it would replace only that one), else /dev/null (which only root could replace)."""
    if os.geteuid() != 0:
        return Path(os.devnull)
    device = folder / "null"
    os.mknod(device, stat.S_IFCHR | 0o666, os.stat(os.devnull).st_rdev)
    return device


def test_a_device_is_written_to_not_replaced(tmp_path: Path) -> None:
    """-o naming a character device (a null device) writes to the device: it stays a
    device (as root, replacing /dev/null would break every program); exit 0."""
    device = null_device(tmp_path)
    before = os.stat(device)
    run_ = export(EXAMPLE, "-o", device, cwd=tmp_path)
    after = os.stat(device)
    assert (0, "", "") == (run_.status, run_.stdout, run_.stderr)
    assert stat.S_ISCHR(after.st_mode)
    assert (before.st_ino, before.st_rdev) == (after.st_ino, after.st_rdev)


def test_dash_is_standard_output(tmp_path: Path) -> None:
    """-o - writes the export to standard output, as no -o does; no file named - appears."""
    run_ = export(EXAMPLE, "-o", "-", cwd=tmp_path)
    assert (0, text_export(), []) == (run_.status, run_.stdout, list(tmp_path.iterdir()))


def test_a_symbolic_link_is_followed_and_its_file_replaced(tmp_path: Path) -> None:
    """-o naming a symbolic link to a file replaces that file (whole, with its permissions)
    and leaves the link a link."""
    (tmp_path / "real").mkdir()
    real = tmp_path / "real" / "story.txt"
    real.write_text("the old export\n", encoding="utf-8")
    real.chmod(0o640)
    (tmp_path / "link.txt").symlink_to("real/story.txt")
    run_ = export(EXAMPLE, "-o", "link.txt", cwd=tmp_path)
    assert (0, "") == (run_.status, run_.stderr)
    assert (True, "real/story.txt") == (
        (tmp_path / "link.txt").is_symlink(),
        os.readlink(tmp_path / "link.txt"),
    )
    assert (text_export(), 0o640) == (real.read_text(encoding="utf-8"), real.stat().st_mode & 0o777)
    assert [] == leftovers(tmp_path)


@pytest.mark.parametrize(
    ("make", "why"),
    [
        (
            lambda p: p.symlink_to("missing.txt"),
            "is a broken symbolic link (what it points to does not exist)",
        ),
        (
            lambda p: p.symlink_to(p.name),
            "is a loop of symbolic links (too many levels of symbolic links)",
        ),
    ],
    ids=["broken link", "loop"],
)
def test_a_link_to_nothing_is_refused_before_anything_is_written(
    tmp_path: Path, make: Callable[[Path], object], why: str
) -> None:
    """-o naming a broken symbolic link or a loop of links is refused, one line, exit 2:
    the link is not replaced and nothing is created."""
    make(tmp_path / "out.txt")
    before = sorted(os.listdir(tmp_path))
    run_ = export(EXAMPLE, "-o", "out.txt", cwd=tmp_path)
    assert (2, [f"newsarticle export: error: out.txt {why}; nothing was written"]) == (
        run_.status,
        run_.stderr.splitlines(),
    )
    assert (before, True) == (sorted(os.listdir(tmp_path)), (tmp_path / "out.txt").is_symlink())


def test_links_in_an_output_folder_are_replaced_not_followed(tmp_path: Path) -> None:
    """In an output folder, a target that is a symbolic link (planted, say, in a checked-out
    repository) is replaced by the export; the file it pointed to is untouched."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.json").write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "out").mkdir()
    secret = tmp_path / "secret"
    secret.write_text("keep me\n", encoding="utf-8")
    (tmp_path / "out" / "a.txt").symlink_to(secret)
    run_ = export("in", "-o", "out/", cwd=tmp_path)
    assert (0, "keep me\n", False, text_export()) == (
        run_.status,
        secret.read_text(encoding="utf-8"),
        (tmp_path / "out" / "a.txt").is_symlink(),
        (tmp_path / "out" / "a.txt").read_text(encoding="utf-8"),
    )


def test_standard_output_that_is_an_input_is_refused(tmp_path: Path) -> None:
    """Standard output open on an input file (`>> story.json`, or through a link to it)
    is refused before anything is written, with or without -o -; the input is unchanged."""
    story = tmp_path / "story.json"
    story.write_bytes(EXAMPLE.read_bytes())
    (tmp_path / "link.json").symlink_to("story.json")
    for arguments in (["story.json"], ["link.json", "-o", "-"]):
        with story.open("a", encoding="utf-8") as appending:
            run_ = export(*arguments, cwd=tmp_path, stdout=appending)
        assert (
            2,
            [
                f"newsarticle export: error: the export of {arguments[0]} would be written "
                f"to standard output, which is the input {arguments[0]}; nothing was written"
            ],
        ) == (run_.status, run_.stderr.splitlines())
        assert EXAMPLE.read_bytes() == story.read_bytes()


def test_a_target_that_standard_input_reads_is_refused(tmp_path: Path) -> None:
    """`export - -o story.json < story.json` would replace its own input: refused."""
    story = tmp_path / "story.json"
    story.write_bytes(EXAMPLE.read_bytes())
    with story.open("rb") as reading:
        run_ = export("-", "-o", "story.json", cwd=tmp_path, stdin=reading)
    assert 2 == run_.status
    assert (
        "the export of <stdin> would be written to story.json, which is the input <stdin> "
        "(the file on standard input); nothing was written"
    ) in run_.stderr
    assert EXAMPLE.read_bytes() == story.read_bytes()


# --- files written whole or not at all, whatever fails ---------------------------------

ENOSPC = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


class Failing:
    """A file stream that fails as a full disk does, at ``where``: "write", "flush" (and
    then at the close, which writes out what it holds again), or "close".  Closing it closes
    the real stream, as a buffered file does even when writing out what it holds fails."""

    def __init__(self, stream: Any, where: str) -> None:
        self.real, self.where = stream, where

    def write(self, data: bytes) -> int:
        if self.where == "write":
            raise ENOSPC
        written: int = self.real.write(data)
        return written

    def flush(self) -> None:
        if self.where == "flush":
            raise ENOSPC
        self.real.flush()

    def fileno(self) -> int:
        number: int = self.real.fileno()
        return number

    def close(self) -> None:
        was_open = not self.real.closed
        self.real.close()
        if was_open and self.where in ("flush", "close"):
            raise ENOSPC


@pytest.mark.parametrize("where", ["write", "flush", "fsync", "close", "rename", "open"])
def test_a_full_disk_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    """A full disk at any step (the write, the flush, the fsync, the close, which fails
    again when it writes out what it holds, the rename, setting the permissions) raises one
    OSError naming the target, leaves the target as it was, no temporary file, and no
    descriptor open."""
    target = tmp_path / "out.json"
    target.write_text("the old contents\n", encoding="utf-8")
    descriptors = open_descriptors()

    def fail(*arguments: object) -> None:
        raise ENOSPC

    if where == "fsync":
        monkeypatch.setattr(os, "fsync", fail)
    elif where == "rename":
        monkeypatch.setattr(os, "replace", fail)
    elif where == "open":
        monkeypatch.setattr(os, "fchmod", fail)

    def write() -> None:
        with AtomicFile(target) as file:
            if where in ("write", "flush", "close"):
                # Any stream with these methods: the file layer only calls them.
                file.stream = Failing(file.stream, where)  # type: ignore[assignment]
            file.write(b"the new contents\n" * 1000)

    with pytest.raises(OSError, match="No space left on device") as raised:
        write()
    monkeypatch.undo()
    assert (errno.ENOSPC, str(target)) == (raised.value.errno, raised.value.filename)
    assert ("the old contents\n", [], descriptors) == (
        target.read_text(encoding="utf-8"),
        leftovers(tmp_path),
        open_descriptors(),
    )


def test_an_interrupted_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    """Ctrl-C while a file is written: KeyboardInterrupt goes on, the file is as it was."""
    target = tmp_path / "out.json"

    def interrupted() -> None:
        with AtomicFile(target) as file:
            file.write(b"half")
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        interrupted()
    assert (False, []) == (target.exists(), leftovers(tmp_path))


def test_write_atomic_replaces_whole(tmp_path: Path) -> None:
    """write_atomic puts the new contents in place and keeps the old permissions."""
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)
    write_atomic(target, b"new")
    assert (b"new", 0o600, []) == (
        target.read_bytes(),
        target.stat().st_mode & 0o777,
        leftovers(tmp_path),
    )


# --- many files, a few syncs -------------------------------------------------------------


@attrs.define
class Syncs:
    fsync: int = 0
    sync: int = 0


def counting(monkeypatch: pytest.MonkeyPatch) -> Syncs:
    """Count the syncs the file layer asks for."""
    counts = Syncs()
    fsync, sync = os.fsync, os.sync

    def counted_fsync(handle: int) -> None:
        counts.fsync += 1
        fsync(handle)

    def counted_sync() -> None:
        counts.sync += 1
        sync()

    monkeypatch.setattr(os, "fsync", counted_fsync)
    monkeypatch.setattr(os, "sync", counted_sync)
    return counts


@pytest.mark.skipif(sys.platform != "linux", reason="one sync for many files: Linux only")
def test_exporting_many_files_costs_a_few_syncs_not_one_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An export of 30 or of 60 files into a folder asks for the same few syncs (the files,
    then their folder), not one per file; every file is whole and no temporary file is
    left."""
    for count in (30, 60):
        folder = tmp_path / f"in{count}"
        folder.mkdir()
        for number in range(count):
            (folder / f"s{number:02d}.json").write_bytes(EXAMPLE.read_bytes())
    found = []
    for count in (30, 60):
        monkeypatch.setattr(_files, "BATCH_SECONDS", 3600.0)  # however slow the machine
        counts = counting(monkeypatch)
        run_ = export(f"in{count}", "-o", f"out{count}/", cwd=tmp_path)
        monkeypatch.undo()
        files = sorted((tmp_path / f"out{count}").iterdir())
        assert (0, count) == (run_.status, len(files))
        assert {text_export()} == {f.read_text(encoding="utf-8") for f in files}
        found.append(counts)
    assert [Syncs(fsync=1, sync=1), Syncs(fsync=1, sync=1)] == found
    assert [] == leftovers(tmp_path)


def test_a_batch_puts_its_files_in_place_when_full(tmp_path: Path) -> None:
    """A batch of at most 3 files has put 6 of 7 files in place (whole) once the 7th is
    added, the 7th once it is committed."""
    batch = Batch(files=3)
    for number in range(7):
        batch.add(tmp_path / f"f{number}", b"x" * number)
    assert [f"f{n}" for n in range(6)] == sorted(
        p.name for p in tmp_path.iterdir() if p.name[0] != "."
    )
    batch.commit()
    assert [b"x" * n for n in range(7)] == [(tmp_path / f"f{n}").read_bytes() for n in range(7)]
    assert [] == leftovers(tmp_path)


def test_an_abandoned_batch_leaves_the_old_files(tmp_path: Path) -> None:
    """Abandoning a batch (an interruption) leaves each target not yet in place as it was
    (old contents, or absent) and no temporary file; what was put in place before stays."""
    (tmp_path / "f2").write_bytes(b"old")
    batch = Batch(files=2)
    for number in range(4):
        batch.add(tmp_path / f"f{number}", b"new")
    batch.add(tmp_path / "f4", b"new")
    batch.abandon()
    assert [b"new", b"new", b"new", b"new", False, []] == [
        *((tmp_path / f"f{n}").read_bytes() for n in range(4)),
        (tmp_path / "f4").exists(),
        leftovers(tmp_path),
    ]


@pytest.mark.parametrize("where", ["open", "close"])
def test_a_full_disk_in_a_batch_keeps_the_files_before_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    """When the disk is full at the third file of a batch (creating it, or writing out
    what it holds when it is closed), the two before it are put in place (as if each had
    been written alone), the third keeps its old contents, no temporary file is left, and
    the error names the third."""
    (tmp_path / "f2").write_bytes(b"old")
    batch = Batch()
    batch.add(tmp_path / "f0", b"new")
    batch.add(tmp_path / "f1", b"new")
    if where == "open":
        monkeypatch.setattr(os, "fchmod", lambda *_: (_ for _ in ()).throw(ENOSPC))
    else:
        fdopen = os.fdopen
        monkeypatch.setattr(os, "fdopen", lambda *a: Failing(fdopen(*a), "close"))
    with pytest.raises(OSError, match="No space left on device") as raised:
        batch.add(tmp_path / "f2", b"new")
    monkeypatch.undo()
    assert str(tmp_path / "f2") == raised.value.filename
    assert [b"new", b"new", b"old", []] == [
        *((tmp_path / f"f{n}").read_bytes() for n in range(3)),
        leftovers(tmp_path),
    ]


def test_a_failed_sync_puts_nothing_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When making the batch durable fails (an I/O error), no file of it is put in place:
    a target never holds data that may not be on disk."""
    (tmp_path / "f0").write_bytes(b"old")
    batch = Batch()
    for number in range(_files._FEW + 1):
        batch.add(tmp_path / f"f{number}", b"new")

    def failing(*_: object) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "sync", failing)
    monkeypatch.setattr(os, "fsync", failing)
    with pytest.raises(OSError, match="Input/output error"):
        batch.commit()
    monkeypatch.undo()
    assert (["f0"], b"old", []) == (
        sorted(p.name for p in tmp_path.iterdir() if p.name[0] != "."),
        (tmp_path / "f0").read_bytes(),
        leftovers(tmp_path),
    )
