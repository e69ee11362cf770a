"""Files that are not what they seem, through the newsarticle command as a whole process:
FIFOs and broken links among the inputs (never a hang), folders and files the system
refuses to read (permissions enforced for real, as root too), a file size limit that makes
writes fail as a full disk does, output targets that are FIFOs, devices or standard output,
and an export to a folder killed halfway (every file whole or as it was).  The same cases
in this process are in test_inputs.py."""

from __future__ import annotations

import ctypes
import os
import resource
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import newsarticle

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "panjshir.json"
TIMEOUT = 60


def newsarticle_command(
    *arguments: str | Path,
    cwd: Path,
    preexec: Callable[[], None] | None = None,
    **options: Any,
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m newsarticle ARGUMENTS`` in ``cwd``, with a timeout so that a hang
    fails the test instead of the run."""
    return subprocess.run(
        [sys.executable, "-m", "newsarticle", *map(str, arguments)],
        cwd=cwd,
        stdout=options.pop("stdout", subprocess.PIPE),
        stderr=subprocess.PIPE,
        timeout=TIMEOUT,
        check=False,
        preexec_fn=preexec,
        **options,
    )


def small_article(number: int) -> bytes:
    article = newsarticle.Article(
        id=f"story-{number}",
        headline=f"Story {number}",
        language="en-GB",
        paragraphs=[newsarticle.Paragraph(id="p1", text="It happened.")],
    )
    return newsarticle.dumps(article).encode("utf-8")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob(".*.tmp"))


# --- inputs ---------------------------------------------------------------------


def test_fifos_and_broken_links_are_reported_without_a_hang(tmp_path: Path) -> None:
    """A folder holding a FIFO, a broken link and a loop of links named *.json, and the
    FIFO named on the command line: each reported with its cause, never opened (the run
    would wait for a writer), exit 2."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.json").write_bytes(EXAMPLE.read_bytes())
    os.mkfifo(folder / "fifo.json")
    (folder / "dangling.json").symlink_to("nowhere.json")
    (folder / "loop.json").symlink_to("loop.json")
    done = newsarticle_command("validate", "in", "in/fifo.json", cwd=tmp_path)
    lines = done.stdout.decode().splitlines()
    assert [
        "in/dangling.json: file-not-found error broken symbolic link: what it points to "
        "does not exist",
        "in/fifo.json: file-unreadable error not a regular file (a named pipe); read a "
        "stream from standard input, as -",
        "in/loop.json: file-unreadable error a loop of symbolic links (too many levels of "
        "symbolic links)",
        "in/fifo.json: file-unreadable error not a regular file (a named pipe); read a "
        "stream from standard input, as -",
    ] == lines[:-1]
    assert (2, b"") == (done.returncode, done.stderr)


_PR_CAPBSET_DROP = 24
_CAP_DAC_OVERRIDE = 1
_CAP_DAC_READ_SEARCH = 2


def without_permission_override() -> Callable[[], None] | None:
    """For root, a ``preexec_fn`` that drops the capabilities that let root read any file
    (from the bounding set: the program run has them no more), so that file permissions are
    enforced; None for other users, for whom they are."""
    if os.geteuid() != 0:
        return None
    libc = ctypes.CDLL(None, use_errno=True)

    def drop() -> None:
        for capability in (_CAP_DAC_OVERRIDE, _CAP_DAC_READ_SEARCH):
            if libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
                raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP) failed")

    return drop


def test_unreadable_folders_and_files_are_permission_denied(tmp_path: Path) -> None:
    """A subfolder that cannot be listed, a file that cannot be read, and the folder named
    on the command line: each "permission denied", the rest checked, exit 2.  As root, the
    command runs without the capabilities that bypass permissions."""
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "locked" / "hidden.json").write_bytes(EXAMPLE.read_bytes())
    (folder / "good.json").write_bytes(EXAMPLE.read_bytes())
    (folder / "secret.json").write_bytes(EXAMPLE.read_bytes())
    preexec = without_permission_override()
    (folder / "locked").chmod(0)
    (folder / "secret.json").chmod(0)
    try:
        probe = subprocess.run(
            [sys.executable, "-c", f"open({str(folder / 'secret.json')!r}).read()"],
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
            preexec_fn=preexec,
        )
        if probe.returncode == 0:
            pytest.skip("this user reads files whatever their permissions")
        done = newsarticle_command("validate", "in", "in/locked", cwd=tmp_path, preexec=preexec)
    finally:
        (folder / "locked").chmod(0o755)
    lines = done.stdout.decode().splitlines()
    assert [
        "in/locked: file-unreadable error permission denied",
        "in/secret.json: file-unreadable error permission denied",
        "in/locked: file-unreadable error permission denied",
    ] == lines[:-1]
    assert "1 valid, 0 invalid, 3 unreadable" in lines[-1]
    assert (2, b"") == (done.returncode, done.stderr)


# --- a full disk ---------------------------------------------------------------------


def file_size_limit(limit: int) -> Callable[[], None]:
    """A ``preexec_fn`` limiting the files the command writes to ``limit`` bytes: a write
    past it fails with EFBIG, as one fails with ENOSPC on a full disk (SIGXFSZ ignored)."""

    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return limited


@pytest.mark.parametrize("lines", [True, False], ids=["json lines", "one file"])
def test_a_write_that_fails_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, lines: bool
) -> None:
    """An export whose output cannot grow past 100 KB (writes fail as on a full disk, also
    when the file is closed and writes out what it still holds): one line naming the
    target and the cause, exit 2, the old file as it was, no temporary file left."""
    if lines:
        source = tmp_path / "feed.jsonl"
        source.write_bytes(
            b"".join(small_article(n).replace(b"\n", b"") + b"\n" for n in range(2000))
        )
        target = tmp_path / "out.jsonl"
    else:
        source = tmp_path / "story.json"
        source.write_bytes(EXAMPLE.read_bytes())
        target = tmp_path / "out.html"
    target.write_text("the old export\n", encoding="utf-8")
    limit = 100_000 if lines else 10_000
    done = newsarticle_command(
        "export",
        "--format",
        "jsonld" if lines else "html",
        source.name,
        "-o",
        target.name,
        cwd=tmp_path,
        preexec=file_size_limit(limit),
    )
    assert (
        2,
        [f"newsarticle export: error: [Errno 27] File too large: '{target.name}'"],
        "the old export\n",
        [],
    ) == (
        done.returncode,
        done.stderr.decode().splitlines(),
        target.read_text(encoding="utf-8"),
        leftovers(tmp_path),
    )


# --- outputs ---------------------------------------------------------------------------


def test_a_fifo_is_written_to_not_replaced(tmp_path: Path) -> None:
    """-o naming a FIFO writes the export into it (read here by this process) and leaves it
    a FIFO; exit 0."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # opened first: the writer won't wait
    try:
        done = newsarticle_command(
            "export", "--format", "text", EXAMPLE, "-o", "pipe", cwd=tmp_path
        )
        received = b""
        while chunk := os.read(reader, 1 << 16):
            received += chunk
    finally:
        os.close(reader)
    expected = newsarticle.to_text(newsarticle.load(EXAMPLE)).encode("utf-8")
    assert (0, b"", expected, True) == (
        done.returncode,
        done.stderr,
        received,
        stat.S_ISFIFO(fifo.lstat().st_mode),
    )


def test_standard_output_appending_to_the_input_is_refused(tmp_path: Path) -> None:
    """`newsarticle export feed.jsonl >> feed.jsonl` (and the same with -o -) would read
    what it writes: refused before anything is written, exit 2, the input unchanged."""
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(small_article(1).replace(b"\n", b"") + b"\n")
    before = feed.read_bytes()
    for extra in ([], ["-o", "-"]):
        with feed.open("ab") as appending:
            done = newsarticle_command(
                "export", "--format", "jsonld", "feed.jsonl", *extra, cwd=tmp_path, stdout=appending
            )
        assert (
            2,
            [
                "newsarticle export: error: the export of feed.jsonl would be written to "
                "standard output, which is the input feed.jsonl; nothing was written"
            ],
            before,
        ) == (done.returncode, done.stderr.decode().splitlines(), feed.read_bytes())


def test_dash_writes_to_standard_output(tmp_path: Path) -> None:
    """-o - writes to the real standard output (here a pipe); no file named - appears."""
    done = newsarticle_command("export", "--format", "text", EXAMPLE, "-o", "-", cwd=tmp_path)
    expected = newsarticle.to_text(newsarticle.load(EXAMPLE)).encode("utf-8")
    assert (0, expected, []) == (done.returncode, done.stdout, list(tmp_path.iterdir()))


@pytest.mark.parametrize(
    ("signal_number", "clean"), [(signal.SIGKILL, False), (signal.SIGTERM, True)]
)
def test_a_folder_export_killed_halfway_leaves_each_file_whole_or_old(
    tmp_path: Path, signal_number: int, clean: bool
) -> None:
    """Exported in batches, 200 files into a folder that holds their old exports: killed
    (kill -9 or SIGTERM) once writing began, every file holds its old export or its whole
    new one; SIGTERM also removes every temporary file."""
    count = 200
    (tmp_path / "in").mkdir()
    (tmp_path / "out").mkdir()
    for number in range(count):
        (tmp_path / "in" / f"s{number:03d}.json").write_bytes(small_article(number))
        (tmp_path / "out" / f"s{number:03d}.jsonld").write_text("old\n", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "newsarticle", "export", "--format", "jsonld", "in", "-o", "out/"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline and not leftovers(tmp_path / "out"):
        if process.poll() is not None:
            pytest.fail("the export ended before it was interrupted")
        time.sleep(0.005)
    process.send_signal(signal_number)
    _, stderr = process.communicate(timeout=TIMEOUT)
    assert b"Traceback" not in stderr
    new = {
        f"s{n:03d}.jsonld": newsarticle.to_jsonld_text(newsarticle.loads(small_article(n)))
        for n in range(count)
    }
    kept = {"old\n"}
    for name, expected in new.items():
        assert (tmp_path / "out" / name).read_text(encoding="utf-8") in kept | {expected}, name
    if clean:
        assert (143, []) == (process.returncode, leftovers(tmp_path))
