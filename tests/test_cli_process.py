"""The newsarticle command as a whole process, for what only a process has: signals, a
broken pipe, the installed command.  Everything else is tested in this process, through
``newsarticle.cli.run``, in test_cli.py."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import newsarticle

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "panjshir.json"
#: The console script of ``[project.scripts]``, installed beside this interpreter.
COMMAND = Path(sys.executable).parent / "newsarticle"


def feed(path: Path, count: int) -> Path:
    """A JSON Lines file of ``count`` copies of the example."""
    line = json.dumps(json.loads(EXAMPLE.read_text(encoding="utf-8")))
    path.write_text((line + "\n") * count, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("signal_number", "status"),
    [(signal.SIGKILL, -signal.SIGKILL), (signal.SIGTERM, 143), (signal.SIGINT, 130)],
    ids=["SIGKILL", "SIGTERM", "SIGINT"],
)
def test_export_killed_halfway_leaves_the_old_file(
    tmp_path: Path, signal_number: int, status: int
) -> None:
    """An export interrupted halfway (kill -9, SIGTERM or Ctrl-C) leaves the output as it
    was, without a traceback; SIGTERM ends it with status 128 + 15 and Ctrl-C with 130, and
    both remove the temporary file."""
    source = feed(tmp_path / "feed.jsonl", 3000)
    target = tmp_path / "out.jsonl"
    target.write_text("the old export\n", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "newsarticle", "export", "--format", "jsonld", source, "-o", target],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # wait until the export is under way
        partial = [p for p in tmp_path.iterdir() if p.name.startswith(".out.jsonl.")]
        if partial and partial[0].stat().st_size > 100_000:
            break
        time.sleep(0.02)
    else:
        process.kill()
        pytest.fail("the export never started writing")
    process.send_signal(signal_number)
    _, stderr = process.communicate(timeout=60)
    assert status == process.returncode
    assert "the old export\n" == target.read_text(encoding="utf-8")
    assert b"Traceback" not in stderr
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.jsonl.")]
    if signal_number != signal.SIGKILL:
        assert (b"", []) == (stderr, leftovers)


def test_broken_pipe_ends_quietly(tmp_path: Path) -> None:
    """`newsarticle export ... | head -1` stops without a traceback or a message, status 2."""
    source = feed(tmp_path / "feed.jsonl", 400)
    command = f"{sys.executable} -m newsarticle export --format jsonld {source} | head -1"
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", command], capture_output=True, timeout=120, check=False
    )
    assert 1 == len(done.stdout.splitlines())
    assert b"" == done.stderr
    assert 2 == done.returncode  # an output error, said quietly


def test_the_installed_command_validates() -> None:
    """The `newsarticle` console script runs the command line: a valid file exits 0 with the
    summary line on stdout and nothing on stderr."""
    done = subprocess.run(
        [COMMAND, "validate", EXAMPLE], capture_output=True, timeout=120, check=False
    )
    assert (
        0,
        b"newsarticle: checked 1 document: 1 valid, 0 invalid; 0 problems (0 errors, 0 warnings)\n",
        b"",
    ) == (done.returncode, done.stdout, done.stderr)


def test_python_dash_m_is_the_command() -> None:
    """`python -m newsarticle --version` prints the version and exits 0."""
    done = subprocess.run(
        [sys.executable, "-m", "newsarticle", "--version"],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert (0, f"newsarticle {newsarticle.__version__}\n".encode(), b"") == (
        done.returncode,
        done.stdout,
        done.stderr,
    )
