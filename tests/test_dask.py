"""The batch on a Dask cluster (``--engine dask``, ``newsarticle.dask``): the same output,
files, problems and exit status as ``--jobs 1``, on a local cluster of two worker
processes that this module starts once (processes, not threads: a worker can then be
killed, as a real one is)."""

from __future__ import annotations

import contextlib
import io
import json
import logging
import multiprocessing
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import attrs
import pytest

dask_bag = pytest.importorskip("dask.bag", reason="Dask is not installed (newsarticle[dask])")
distributed = pytest.importorskip(
    "distributed", reason="distributed is not installed (newsarticle[dask])"
)

from distributed.diagnostics.plugin import WorkerPlugin  # noqa: E402

import newsarticle._files  # noqa: E402
import newsarticle.dask  # noqa: E402
from newsarticle.cli import run  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
#: More files than one task takes, so that a folder is cut into several tasks.
FILES = 300


@attrs.frozen
class Run:
    status: int
    stdout: str
    stderr: str


class Terminal(io.StringIO):
    """A captured stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def cli(*arguments: str | Path, cwd: Path, stdin: bytes = b"", terminal: bool = False) -> Run:
    """Run ``newsarticle ARGUMENTS`` in this process, in the folder ``cwd``."""
    stdout, stderr = io.StringIO(), Terminal() if terminal else io.StringIO()
    with contextlib.chdir(cwd):
        status = run(
            [str(argument) for argument in arguments],
            stdin=io.BytesIO(stdin),
            stdout=stdout,
            stderr=stderr,
        )
    return Run(status, stdout.getvalue(), stderr.getvalue())


def tree(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` (hidden ones too: temporary files, markers), by name."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a local cluster of two single-threaded worker processes."""
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    ) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def client(scheduler: str) -> Iterator[Any]:
    """A client of the module's cluster, for the library's lazy results."""
    with distributed.Client(scheduler, set_as_default=False) as connected:
        yield connected


def _document(name: str) -> dict[str, Any]:
    value: dict[str, Any] = json.loads((EXAMPLES / name).read_text(encoding="utf-8"))
    return value


def _broken() -> dict[str, Any]:
    document = _document("panjshir.json")
    document["headline"] = 5
    document["publisher"] = "nobody"
    return document


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An archive: a folder of article files (in subfolders, a few invalid, one not JSON)
    and a folder of JSON Lines shards, one with a blank line, a line that is not JSON and
    an invalid document."""
    root = tmp_path_factory.mktemp("archive")
    valid = [
        json.dumps(_document(name), ensure_ascii=False, indent=2) + "\n"
        for name in ("panjshir.json", "factcheck.json")
    ]
    broken = json.dumps(_broken(), indent=2) + "\n"
    for number in range(FILES):
        text = broken if number % 97 == 13 else valid[number % 2]
        path = root / "files" / f"{number // 100:02d}" / f"story-{number:04d}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (root / "files" / "00" / "story-0050.json").write_text("{not json", encoding="utf-8")
    lines = [json.dumps(_document(name), ensure_ascii=False) for name in ("panjshir.json",) * 3]
    shards = root / "shards"
    shards.mkdir()
    day_one = [lines[0], "", "{not json", json.dumps(_broken()), lines[1]]
    (shards / "day-1.jsonl").write_text("\n".join(day_one) + "\n", encoding="utf-8")
    (shards / "day-2.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of pages: two with an article, one without."""
    root = tmp_path_factory.mktemp("pages")
    for name in ("panjshir.html", "factcheck.html"):
        (root / name).write_bytes((EXAMPLES / name).read_bytes())
    (root / "empty.html").write_text("<html><body><p>Nothing here.</p></body></html>\n")
    return root


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


# --- the same output as --jobs 1 --------------------------------------------------------


@pytest.mark.parametrize("report", ["text", "json", "github"])
def test_validate_reports_what_jobs_1_reports(archive: Path, scheduler: str, report: str) -> None:
    """validate on Dask prints the same report (every format), in the same order, with the
    same exit status, as --jobs 1: a folder cut into several tasks and JSON Lines shards."""
    arguments = ("validate", "--format", report, "files", "shards")
    expected = cli(*arguments, "--jobs", "1", cwd=archive)
    actual = cli(*arguments, "--engine", "dask", "--scheduler", scheduler, cwd=archive)
    assert 1 == expected.status
    assert expected == actual


def test_a_bad_document_in_a_shard_is_reported_with_its_file_and_line(
    archive: Path, scheduler: str
) -> None:
    """A line of a JSON Lines shard that is not JSON, and an invalid document on another,
    are each reported at their file and line."""
    actual = cli("validate", "shards", "--scheduler", scheduler, cwd=archive)
    lines = actual.stdout.splitlines()
    assert 1 == actual.status
    assert lines[0].startswith("shards/day-1.jsonl:3:2: json-syntax error not valid JSON")
    assert lines[1].startswith("shards/day-1.jsonl:4:")
    assert all(line.startswith("shards/day-1.jsonl:4:") for line in lines[1:-1])
    expected = "newsarticle: checked 7 documents in 2 files: 5 valid, 2 invalid"
    assert lines[-1].startswith(expected)


@pytest.mark.parametrize("format", ["jsonld", "text", "html"])
def test_export_writes_the_files_jobs_1_writes(
    archive: Path, scheduler: str, tmp_path: Path, format: str
) -> None:
    """export -o FOLDER on Dask writes the same files, byte for byte (one per article file,
    one JSON Lines file per shard), and reports the same problems on stderr with the same
    status, as --jobs 1; nothing else is left in the folder."""
    arguments = ("export", "--format", format, "files", "shards")
    expected = cli(*arguments, "-o", tmp_path / "local/", "--jobs", "1", cwd=archive)
    actual = cli(*arguments, "-o", tmp_path / "dask/", "--scheduler", scheduler, cwd=archive)
    assert 1 == expected.status
    assert expected == actual
    assert FILES - 4 + 2 == len(tree(tmp_path / "local"))
    assert tree(tmp_path / "local") == tree(tmp_path / "dask")


def test_export_to_standard_output_comes_back_in_input_order(archive: Path, scheduler: str) -> None:
    """export of one shard to standard output, and of standard input, prints what --jobs 1
    prints."""
    arguments = ("export", "--format", "jsonld", "shards/day-1.jsonl")
    expected = cli(*arguments, cwd=archive)
    actual = cli(*arguments, "--engine", "dask", "--scheduler", scheduler, cwd=archive)
    assert expected == actual
    document = (archive / "files" / "00" / "story-0000.json").read_bytes()
    text = ("export", "--format", "text", "--sources", "-")
    expected = cli(*text, cwd=archive, stdin=document)
    actual = cli(*text, "--scheduler", scheduler, cwd=archive, stdin=document)
    assert 0 == expected.status
    assert expected == actual


@pytest.mark.parametrize("format", ["json", "jsonld"])
def test_import_and_audit_give_what_jobs_1_gives(
    pages: Path, scheduler: str, tmp_path: Path, format: str
) -> None:
    """import -o FOLDER on Dask writes the same article documents (or exports), says the
    same on stderr and exits with the same status as --jobs 1 (a page without an article
    fails); audit prints the same findings."""
    arguments = ("import", "--format", format, ".")
    expected = cli(*arguments, "-o", tmp_path / "local/", cwd=pages)
    actual = cli(*arguments, "-o", tmp_path / "dask/", "--scheduler", scheduler, cwd=pages)
    assert 1 == expected.status
    assert expected == actual
    assert 2 == len(tree(tmp_path / "local"))
    assert tree(tmp_path / "local") == tree(tmp_path / "dask")
    expected = cli("audit", ".", cwd=pages)
    actual = cli("audit", ".", "--scheduler", scheduler, cwd=pages)
    assert expected == actual


def test_an_export_over_an_input_is_refused_before_any_task_runs(archive: Path) -> None:
    """An export that would replace its input is refused with one line and status 2 before
    the scheduler is even reached (this one cannot be)."""
    nowhere = f"tcp://127.0.0.1:{_free_port()}"
    shard = archive / "shards" / "day-2.jsonl"
    before = shard.read_bytes()
    arguments = ("export", "--format", "jsonld", shard, "-o", archive / "shards/")
    actual = cli(*arguments, "--scheduler", nowhere, cwd=archive)
    assert 2 == actual.status
    assert 1 == len(actual.stderr.splitlines())
    assert "which is the input" in actual.stderr
    assert before == shard.read_bytes()


def test_progress_shows_on_a_terminal(archive: Path, scheduler: str) -> None:
    """With a terminal on stderr, a run on Dask shows its progress there, counted in
    documents out of the total, as --jobs does; stdout is the same."""
    expected = cli("validate", "files", cwd=archive)
    actual = cli("validate", "files", "--scheduler", scheduler, cwd=archive, terminal=True)
    assert (expected.status, expected.stdout) == (actual.status, actual.stdout)
    assert f"/{FILES}" in actual.stderr
    assert "dashboard" not in actual.stderr  # said only of a local cluster of the run's own


# --- failures -------------------------------------------------------------------------


class KillOnce(WorkerPlugin):
    """Kills its worker process (SIGKILL) once in the whole cluster: when the first output
    file is complete but not yet in place, so that its temporary file is left behind."""

    def __init__(self, flag: str) -> None:
        self.flag = flag  # a file: there once the kill has happened

    def setup(self, worker: object) -> None:
        finish = self.original = newsarticle._files.AtomicFile.finish
        flag = self.flag

        def finish_then_die(file: newsarticle._files.AtomicFile, *, durable: bool = True) -> None:
            finish(file, durable=durable)
            try:
                os.close(os.open(flag, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
            except FileExistsError:
                return
            os.kill(os.getpid(), signal.SIGKILL)

        cast(Any, newsarticle._files.AtomicFile).finish = finish_then_die

    def teardown(self, worker: object) -> None:
        cast(Any, newsarticle._files.AtomicFile).finish = self.original


def test_a_worker_killed_mid_run_leaves_no_partial_file(
    archive: Path, scheduler: str, client: Any, tmp_path: Path
) -> None:
    """A worker killed while its task writes files: the task runs again, the run ends as
    --jobs 1 does, and the output folder holds the same files and nothing else (no
    temporary file of the killed task, no marker)."""
    flag = tmp_path / "killed"
    arguments = ("export", "--format", "jsonld", "files", "shards")
    expected = cli(*arguments, "-o", tmp_path / "local/", cwd=archive)
    client.register_plugin(KillOnce(str(flag)), name="kill-once")
    try:
        actual = cli(*arguments, "-o", tmp_path / "dask/", "--scheduler", scheduler, cwd=archive)
    finally:
        client.unregister_worker_plugin("kill-once")
    assert flag.exists(), "no worker was killed"
    assert expected == actual
    assert tree(tmp_path / "local") == tree(tmp_path / "dask")


def test_an_unreachable_scheduler_is_one_clear_error(archive: Path, tmp_path: Path) -> None:
    """A scheduler that cannot be reached: one line naming it, status 2, nothing written."""
    import dask

    nowhere = f"tcp://127.0.0.1:{_free_port()}"
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        actual = cli("validate", "files", "--scheduler", nowhere, cwd=archive)
        written = cli(
            "export", "--format", "text", "shards", "-o", tmp_path / "out/",
            "--scheduler", nowhere, cwd=archive,
        )  # fmt: skip
    expected = f"newsarticle validate: error: cannot reach the Dask scheduler at {nowhere}: "
    assert (2, "") == (actual.status, actual.stdout)
    assert 1 == len(actual.stderr.splitlines())
    assert actual.stderr.startswith(expected)
    assert 2 == written.status
    assert not (tmp_path / "out").exists()


def test_without_dask_the_dask_engine_is_one_clear_error(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--engine dask where distributed is not installed: one line naming the package and
    the extra to install, status 2."""
    monkeypatch.delitem(sys.modules, "newsarticle._dask")
    monkeypatch.delattr(newsarticle, "_dask")
    monkeypatch.setitem(sys.modules, "distributed", None)
    actual = cli("validate", "files", "--engine", "dask", cwd=archive)
    assert (2, "") == (actual.status, actual.stdout)
    assert [
        "newsarticle validate: error: the dask engine needs Dask (distributed is not "
        "installed): pip install 'newsarticle[dask]'"
    ] == actual.stderr.splitlines()


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("--engine", "local", "--scheduler", "tcp://x:8786"), "use --engine dask"),
        (("--scheduler", "tcp://x:8786", "--jobs", "2"), "the cluster's own workers"),
    ],
)
def test_engine_options_that_do_not_go_together_are_usage_errors(
    archive: Path, arguments: tuple[str, ...], message: str
) -> None:
    """--scheduler with --engine local, and --jobs with --scheduler, are refused with one
    line and status 2."""
    actual = cli("validate", "files", *arguments, cwd=archive)
    assert (2, "") == (actual.status, actual.stdout)
    assert 1 == len(actual.stderr.splitlines())
    assert message in actual.stderr


# --- a local cluster of the run's own ---------------------------------------------------


def test_without_a_scheduler_a_local_cluster_is_started_and_closed(archive: Path) -> None:
    """--engine dask alone starts a local cluster of two workers, says its dashboard once on
    a terminal, prints what --jobs 1 prints, and leaves no worker process behind."""
    before = set(multiprocessing.active_children())
    expected = cli("validate", "shards", cwd=archive)
    actual = cli("validate", "shards", "--engine", "dask", cwd=archive, terminal=True)
    after = set(multiprocessing.active_children())
    said = [line for line in actual.stderr.splitlines() if "dashboard" in line]
    assert (expected.status, expected.stdout) == (actual.status, actual.stdout)
    assert 1 == len(said)
    assert "newsarticle: a local Dask cluster of 2 workers; its dashboard: http" in said[0]
    assert set() == after - before


def test_import_newsarticle_does_not_import_dask() -> None:
    """Neither the library nor the command line imports Dask until it is asked for."""
    code = (
        "import sys, newsarticle, newsarticle.cli\n"
        "newsarticle.cli.parser()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))\n"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert ("[]\n", 0) == (found.stdout, found.returncode)


# --- the library: lazy results ----------------------------------------------------------


def test_validate_gives_a_lazy_bag_of_tasks_of_many_files(archive: Path, client: Any) -> None:
    """newsarticle.dask.validate gives one partition per few hundred files and one per
    shard, never one per article, and its results hold the problems validate prints."""
    results = newsarticle.dask.validate([archive / "files", str(archive / "shards" / "*.jsonl")])
    assert 2 + 2 == results.npartitions
    found = client.compute(results).result()
    assert FILES + 7 == len(found)
    invalid = [result for result in found if not result.valid]
    expected = cli("validate", "files", "shards", cwd=archive).stdout.splitlines()[:-1]
    lines = [line for result in invalid for line in result.problem_lines()]
    assert [line.removeprefix(f"{archive}/") for line in lines] == expected


def test_a_bag_of_lines_is_checked_with_their_files_and_lines(archive: Path, client: Any) -> None:
    """A bag of (line, path) pairs, as dask.bag.read_text gives them, is checked line by
    line, blank lines skipped, each result named by its file and line."""
    lines = dask_bag.read_text(str(archive / "shards" / "day-1.jsonl"), include_path=True)
    found = client.compute(newsarticle.dask.validate(lines)).result()
    shard = str(archive / "shards" / "day-1.jsonl")
    assert [(shard, 1, True), (shard, 3, False), (shard, 4, False), (shard, 5, True)] == [
        (result.name, result.line, result.valid) for result in found
    ]


def test_export_to_a_folder_writes_what_the_command_writes(
    archive: Path, client: Any, tmp_path: Path
) -> None:
    """newsarticle.dask.export with output= writes the files export -o writes, and its
    results carry no output; without, the results carry the exports."""
    cli("export", "--format", "html", "files", "shards", "-o", tmp_path / "cli/", cwd=archive)
    inputs = [archive / "files", archive / "shards"]
    written = newsarticle.dask.export(
        inputs, "html", output=tmp_path / "library", files_per_task=64
    )
    found = client.compute(written).result()
    assert [None] * (FILES + 7) == [result.output for result in found]
    assert tree(tmp_path / "cli") == tree(tmp_path / "library")
    shard = archive / "shards" / "day-1.jsonl"
    exported = client.compute(newsarticle.dask.export([shard], "jsonld")).result()
    expected = cli("export", "--format", "jsonld", shard, cwd=archive).stdout
    assert expected == "".join(f"{result.output}\n" for result in exported if result.valid)


def test_ninjs_export_and_import_on_dask_give_what_the_local_run_gives(
    archive: Path, pages: Path, client: Any, tmp_path: Path
) -> None:
    """Every export format of the command is one of newsarticle.dask's: export of ninjs
    writes the files ``export --format ninjs -o`` writes locally (``NAME.ninjs.json``, a
    shard's as JSON Lines), and import_pages reads a folder of ninjs ``*.json`` files with
    ``kind="ninjs"`` and writes the ninjs of its pages, as ``import --jobs 1`` does."""
    local = cli(
        "export", "--format", "ninjs", "files", "shards", "-o", tmp_path / "local/", cwd=archive
    )
    assert 1 == local.status
    inputs = [archive / "files", archive / "shards"]
    written = newsarticle.dask.export(inputs, "ninjs", output=tmp_path / "dask", files_per_task=64)
    found = client.compute(written).result()
    assert [None] * (FILES + 7) == [result.output for result in found]
    assert tree(tmp_path / "local") == tree(tmp_path / "dask")
    assert "00/story-0000.ninjs.json" in tree(tmp_path / "dask")

    wire = tmp_path / "wire"
    wire.mkdir()
    for path in sorted((tmp_path / "local" / "00").glob("*.ninjs.json"))[:3]:
        (wire / path.name.replace(".ninjs.json", ".json")).write_bytes(path.read_bytes())
    expected = cli("import", "--from", "ninjs", wire, "-o", tmp_path / "imported-local/", cwd=wire)
    assert (0, 3) == (expected.status, len(tree(tmp_path / "imported-local")))
    imported = newsarticle.dask.import_pages(
        [wire], kind="ninjs", output=tmp_path / "imported-dask"
    )
    assert [True] * 3 == [result.valid for result in client.compute(imported).result()]
    assert tree(tmp_path / "imported-local") == tree(tmp_path / "imported-dask")
    page = pages / "panjshir.html"
    on_dask = client.compute(newsarticle.dask.import_pages([page], format="ninjs")).result()
    expected_ninjs = cli("import", "--format", "ninjs", page, cwd=pages).stdout
    assert [expected_ninjs] == [result.output for result in on_dask]
