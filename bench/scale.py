"""How newsarticle's batch scales: ``--jobs`` against a Dask cluster, on JSON Lines shards.

    python bench/scale.py                      # a million articles (about 20 GB of shards)
    python bench/scale.py --count 40000        # a few minutes on a small machine
    python bench/scale.py --count 40000 --write-docs   # and put the figures in docs/scale.md

What it does:

1. Writes ``--count`` generated articles as JSON Lines shards (``--shard-size`` lines each)
   under ``--out``: a pool of distinct, validated articles from bench/corpus.py (the
   archive's mix of sizes), each line a pool article with an id of its own.  The shards
   are kept and reused by a later run with the same parameters.
2. Exports them all, ``newsarticle export --format jsonld SHARDS/ -o OUT/``, as whole
   commands timed from start to exit: with ``--jobs 1``, with ``--jobs W`` and with
   ``--engine dask --jobs W`` (a local cluster of W workers, which the command starts
   and closes: its start is in the time).  W is ``--workers`` (default: the machine's
   cores).  Each output is compared with that of ``--jobs W``, file by file, byte for byte.
3. Measures the per-task overhead of the local cluster: many empty tasks
   (``newsarticle._dask.run_part`` on an empty part) through the same client calls the
   command makes, and the start of a local cluster.

It prints articles per second, per second per core (the cores the run had: the workers, at
most the machine's) and per second of CPU time (the command's and its workers': what a core
of one's own would do, when the machine is shared), for each; and the overhead against the
work of a task.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib.metadata
import json
import logging
import os
import platform
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import corpus

import newsarticle

HERE: Final = Path(__file__).resolve().parent
ROOT: Final = HERE.parent
DOCS: Final = ROOT / "docs" / "scale.md"
COMMAND: Final = [sys.executable, "-m", "newsarticle"]
START: Final = "<!-- results: start (written by bench/scale.py; do not edit by hand) -->"
END: Final = "<!-- results: end -->"
#: Distinct articles the lines are made from.
POOL: Final = 400
#: Empty tasks run to measure the per-task overhead.
EMPTY_TASKS: Final = 2000


# --- the shards -------------------------------------------------------------------------


def write_shards(root: Path, count: int, shard_size: int, seed: int) -> Path:
    """The folder of ``count`` articles in shards of ``shard_size`` lines (written, or
    reused when written already with the same parameters)."""
    folder = root / f"shards-{count}-{shard_size}"
    manifest = folder / "manifest.json"
    wanted = {
        "count": count,
        "shard_size": shard_size,
        "seed": seed,
        "pool": POOL,
        "generator": hashlib.sha256(Path(corpus.__file__).read_bytes()).hexdigest(),
        "newsarticle": newsarticle.__version__,
    }
    if manifest.exists() and json.loads(manifest.read_text()) == wanted:
        print(f"shards: reusing {folder}", file=sys.stderr)
        return folder / "shards"
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "shards").mkdir(parents=True)
    started = time.perf_counter()
    pool = [
        corpus.compact(corpus.document(corpus.size_of(index, seed), index, seed))
        for index in range(min(POOL, count))
    ]
    # Each line is a pool article whose id (the first "id" of the document) is its own.
    heads = [json.dumps(json.loads(text)["id"]) for text in pool]
    for number in range(0, count, shard_size):
        path = folder / "shards" / f"shard-{number // shard_size:05d}.jsonl"
        with path.open("w", encoding="utf-8") as shard:
            for index in range(number, min(number + shard_size, count)):
                text, head = pool[index % len(pool)], heads[index % len(pool)]
                own = head[:-1] + f'-n{index}"'
                shard.write(text.replace(f'"id":{head}', f'"id":{own}', 1) + "\n")
        print(f"shards: {min(number + shard_size, count):,}/{count:,} articles", file=sys.stderr)
    first = (folder / "shards" / "shard-00000.jsonl").read_text(encoding="utf-8").splitlines()
    last = path.read_text(encoding="utf-8").splitlines()[-1:]  # the longest ids
    for line in first[: len(pool)] + last:
        assert not newsarticle.validate(line), "a generated line does not validate"
    manifest.write_text(json.dumps(wanted, indent=2) + "\n")
    size = sum(path.stat().st_size for path in (folder / "shards").iterdir())
    elapsed = time.perf_counter() - started
    print(f"shards: wrote {count:,} articles ({size / 1e9:.2f} GB) in {elapsed:.0f} s")
    return folder / "shards"


# --- the exports ------------------------------------------------------------------------


@dataclass(frozen=True)
class Export:
    """One timed export command."""

    name: str
    cores: int
    seconds: float
    cpu: float  #: seconds of CPU time of the command and its worker processes
    digests: dict[str, str]


def export(name: str, shards: Path, out: Path, options: Sequence[str], cores: int) -> Export:
    """Run ``newsarticle export --format jsonld SHARDS -o OUT/ OPTIONS``; time it, hash
    what it wrote, and remove it."""
    shutil.rmtree(out, ignore_errors=True)
    command = [*COMMAND, "export", "--format", "jsonld", str(shards), "-o", f"{out}/", *options]
    print(f"run: {' '.join(command[2:])}", file=sys.stderr)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    if done.returncode != 0:
        raise SystemExit(f"{name} failed ({done.returncode}):\n{done.stderr}")
    digests = {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in sorted(out.iterdir())
    }
    shutil.rmtree(out)
    return Export(name, cores, seconds, cpu, digests)


# --- the overhead -----------------------------------------------------------------------


@dataclass(frozen=True)
class Overhead:
    """What the local cluster costs, besides the work."""

    start: float  #: seconds to start a local cluster and connect to it
    per_task: float  #: seconds of worker time each task costs, on top of its work
    latency: float  #: seconds from submitting one task to its result


def overhead(workers: int) -> Overhead:
    """The start of a local cluster, and its per-task overhead: :data:`EMPTY_TASKS` empty
    tasks submitted as the command submits its tasks, wall time times workers per task."""
    import distributed

    from newsarticle._batch import Options
    from newsarticle._dask import Part, run_part

    started = time.perf_counter()
    with (
        distributed.LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        ) as cluster,
        distributed.Client(cluster, set_as_default=False) as client,
    ):
        options = Options(export="jsonld", lines=True)
        client.submit(run_part, options, Part(index=-1), pure=False).result()  # warm
        start = time.perf_counter() - started
        started = time.perf_counter()
        for number in range(20):
            client.submit(run_part, options, Part(index=-2 - number), pure=False).result()
        latency = (time.perf_counter() - started) / 20
        started = time.perf_counter()
        futures = [
            client.submit(run_part, options, Part(index=index), None, pure=False)
            for index in range(EMPTY_TASKS)
        ]
        client.gather(futures)
        per_task = (time.perf_counter() - started) * workers / EMPTY_TASKS
    return Overhead(start=start, per_task=per_task, latency=latency)


# --- the report -------------------------------------------------------------------------


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    cpu = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    versions = ", ".join(
        f"{name} {importlib.metadata.version(name)}"
        for name in ("newsarticle", "dask", "distributed", "orjson")
    )
    return {
        "machine": f"{os.cpu_count()} cores, {platform.machine()} ({cpu})",
        "os": f"{platform.system()} {platform.release()}",
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "packages": versions,
        "load": "load average {:.2f} {:.2f} {:.2f} at the start".format(*os.getloadavg()),
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }


def report(count: int, shard_size: int, runs: list[Export], cost: Overhead, workers: int) -> str:
    """The figures, as Markdown."""
    about = machine()
    reference = next(run for run in runs if run.name == f"--jobs {workers}")
    lines = [
        f"Measured {about['date']} on {about['machine']}; {about['os']}; {about['python']}; "
        f"{about['packages']}; {about['load']}.",
        "",
        f"`newsarticle export --format jsonld` of {count:,} generated articles in "
        f"{-(-count // shard_size):,} JSON Lines shards of {shard_size:,} lines, whole "
        "commands from start to exit:",
        "",
        "| run | cores | seconds | articles/s | articles/s per core | CPU seconds "
        "| articles per CPU second | output |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for run in runs:
        rate = count / run.seconds
        same = "byte-identical" if run.digests == reference.digests else "**differs**"
        if run is reference:
            same = "the reference"
        lines.append(
            f"| `{run.name}` | {run.cores} | {run.seconds:.1f} | {rate:,.0f} | "
            f"{rate / run.cores:,.0f} | {run.cpu:.1f} | {count / run.cpu:,.0f} | {same} |"
        )
    dask = next(run for run in runs if run.name.startswith("--engine dask"))
    work = dask.cpu / count  # the CPU time an article takes, the cluster's start included
    per_shard = shard_size * work
    lines += [
        "",
        f"Local cluster of {workers} workers: {cost.start:.1f} s to start (in the time of "
        f"`--engine dask` above); per-task overhead {cost.per_task * 1000:.1f} ms of worker "
        f"time ({EMPTY_TASKS:,} empty tasks), {cost.latency * 1000:.1f} ms from submitting "
        "one task to its result.  Against the work of a task: "
        f"{cost.per_task / per_shard:.3%} of a shard of {shard_size:,} articles, "
        f"{cost.per_task / (256 * work):.1%} of a task of 256 files.",
    ]
    return "\n".join(lines)


def write_docs(text: str) -> None:
    document = DOCS.read_text(encoding="utf-8")
    start, end = document.index(START) + len(START), document.index(END)
    DOCS.write_text(document[:start] + "\n" + text + "\n" + document[end:], encoding="utf-8")
    print(f"wrote the figures into {DOCS}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1_000_000, help="articles (1,000,000)")
    parser.add_argument(
        "--shard-size",
        type=int,
        help="lines a shard (default: 10,000, fewer for small counts: 16 shards at least)",
    )
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--out", type=Path, default=HERE / "data" / "scale")
    parser.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED)
    parser.add_argument("--skip-jobs-1", action="store_true", help="leave out --jobs 1")
    parser.add_argument("--write-docs", action="store_true", help="update docs/scale.md")
    arguments = parser.parse_args(argv)
    count, workers = arguments.count, arguments.workers
    shard_size = arguments.shard_size or max(100, min(10_000, -(-count // 16)))
    shards = write_shards(arguments.out, count, shard_size, arguments.seed)
    out = arguments.out / "out"
    cores = min(workers, os.cpu_count() or 1)
    runs = []
    if not arguments.skip_jobs_1:
        runs.append(export("--jobs 1", shards, out, ["--jobs", "1"], 1))
    runs.append(export(f"--jobs {workers}", shards, out, ["--jobs", str(workers)], cores))
    dask = ["--engine", "dask", "--jobs", str(workers)]
    runs.append(export(f"--engine dask --jobs {workers}", shards, out, dask, cores))
    cost = overhead(workers)
    text = report(count, shard_size, runs, cost, workers)
    print(text)
    if arguments.write_docs:
        write_docs(text)
    reference = runs[-2].digests
    return 0 if all(run.digests == reference for run in runs) else 1


if __name__ == "__main__":
    raise SystemExit(main())
