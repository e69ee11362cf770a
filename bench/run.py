"""Benchmarks of newsarticle against its peers, measured in one run.

    python bench/run.py --quick     # about a minute: a small corpus, few repeats
    python bench/run.py             # the full run; writes docs/benchmarks.md

What it measures (every figure is a median over repeats, with its spread), for
the targets of issue 15, each beside its peer in the same run:

1. Per article, in this process, round-robin so drift hits every contender
   alike: ``newsarticle.loads`` (the validated read) against ``orjson.loads``
   (the floor: parsing the same bytes, checking nothing) and against the same
   model written with pydantic v2 (``model_validate_json``, bench/peers.py), on
   every input shape of ``corpus.SHAPES`` (canonical, indent 4, compact, keys
   reversed, non-ASCII escaped); ``dumps`` against
   ``orjson.dumps(value, option=OPT_INDENT_2)``; the JSON-LD export line
   (``to_jsonld`` + compact text) and ``to_jsonld_text`` against
   ``orjson.dumps`` of the finished graph; and the whole read-and-export path
   against ``orjson.loads`` + ``orjson.dumps``.
2. ``newsarticle validate FOLDER`` with ``--jobs 1`` and ``--jobs 2`` against
   ``check-jsonschema --schemafile schemas/article.schema.json FILE...`` over
   the same files, whole commands timed from start to exit; and
   ``newsarticle export --format jsonld corpus.jsonl -o OUT/`` over a JSON
   Lines file and one ten times larger: articles per second of wall time and
   per CPU second, and peak resident memory (``wait4``'s ``ru_maxrss``).
3. Start-up: the CPU time of ``import newsarticle`` in fresh processes, where
   it goes (``-X importtime`` by package), and the cold start of
   ``newsarticle validate one.json`` beside check-jsonschema's.
4. Which defects each contender catches, on documents broken on purpose.
5. Where ``newsarticle.loads`` spends its time (cProfile, 200-paragraph article,
   canonical and re-indented).
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import datetime as dt
import gc
import importlib.metadata
import json
import math
import os
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import corpus
import orjson
import peers
import pydantic

import newsarticle
from newsarticle._export._jsonld import jsonld_line  # what export to JSON Lines writes

HERE: Final = Path(__file__).resolve().parent
ROOT: Final = HERE.parent
SCHEMA: Final = ROOT / "schemas" / "article.schema.json"
EXAMPLE: Final = ROOT / "examples" / "panjshir.json"
DOCS: Final = ROOT / "docs" / "benchmarks.md"
START: Final = "<!-- results: start (written by bench/run.py; do not edit by hand) -->"
END: Final = "<!-- results: end -->"


@dataclass(frozen=True)
class Settings:
    """How big and how careful a run is."""

    quick: bool
    files: int  # files in the folder for the validate commands
    lines: int  # lines of the 1x JSON Lines file (the 10x file has ten times as many)
    per_size: int  # generated documents per size in the per-article benchmarks
    repeats: int  # repeats of each per-article measurement
    min_time: float  # seconds one repeat of a per-article measurement lasts at least
    cli_repeats: int  # repeats of each whole command
    startup_runs: int  # fresh processes for each start-up figure
    data: Path

    @classmethod
    def make(cls, arguments: argparse.Namespace) -> Settings:
        quick = arguments.quick
        return cls(
            quick=quick,
            files=arguments.files or (300 if quick else 2_000),
            lines=arguments.lines or (100 if quick else 1_000),
            per_size=2 if quick else 5,
            repeats=arguments.repeats or (3 if quick else 9),
            min_time=0.03 if quick else 0.1,
            cli_repeats=arguments.cli_repeats or (1 if quick else 3),
            startup_runs=3 if quick else 15,
            data=arguments.data or (HERE / "data" / ("quick" if quick else "full")),
        )


# --- statistics ---------------------------------------------------------------


@dataclass
class Sample:
    """Repeated measurements of one thing (seconds, or seconds per article)."""

    values: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def spread(self) -> float:
        """(max - min) / median: how far apart the repeats were."""
        return (max(self.values) - min(self.values)) / self.median if self.values else 0.0


def us(seconds: float) -> str:
    value = seconds * 1e6
    return f"{value:,.0f}" if value >= 100 else f"{value:.1f}"


def ratio(value: float) -> str:
    return f"{value:.1f}x" if value < 100 else f"{value:,.0f}x"


def pct(value: float) -> str:
    return f"{value * 100:.0f}%"


def table(header: Sequence[str], rows: Sequence[Sequence[str]], align: str = "") -> str:
    """A Markdown table; ``align`` holds l or r per column (default: first left, rest right)."""
    align = align or "l" + "r" * (len(header) - 1)
    marks = ["---:" if a == "r" else ":---" for a in align]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(marks) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


# --- the machine ----------------------------------------------------------------


SPIN: Final = """
import time
started = time.perf_counter()
total = 0
for number in range(4_000_000):
    total += number
"""


def parallel_capacity() -> float:
    """How much work two CPU-bound processes at once do, relative to one alone."""
    spin = [sys.executable, "-I", "-S", "-c", SPIN]
    one = statistics.median(run_command(spin).seconds for _ in range(3))
    two = statistics.median(run_parallel([spin, spin]).seconds for _ in range(3))
    return 2 * one / two


def machine() -> dict[str, str]:
    cpu = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = "unknown"
    with contextlib.suppress(OSError, IndexError, ValueError):
        kib = int(Path("/proc/meminfo").read_text().split("MemTotal:")[1].split()[0])
        memory = f"{kib / 1024 / 1024:.0f} GiB"
    packages = [
        "newsarticle", "attrs", "cattrs", "jsonschema", "orjson", "pydantic", "pydantic-core",
        "check-jsonschema", "rfc3339-validator", "rfc3986-validator",
    ]  # fmt: skip
    versions = ", ".join(f"{name} {importlib.metadata.version(name)}" for name in packages)
    commit = "unknown"
    with contextlib.suppress(OSError, subprocess.CalledProcessError):
        commit = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            check=True, capture_output=True, text=True,
        ).stdout.strip()  # fmt: skip
        dirty = subprocess.run(
            ["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
            check=True, capture_output=True, text=True,
        ).stdout.strip()  # fmt: skip
        if dirty:
            commit += " (with uncommitted changes)"
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "memory": memory,
        "os": f"{platform.system()} {platform.release()}",
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "packages": versions,
        "commit": commit,
        "parallel": f"{parallel_capacity():.2f}x of the work of one at the start",
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


# --- 1. per article --------------------------------------------------------------


def measure(
    operations: dict[str, Callable[[], object]], items: int, settings: Settings
) -> dict[str, Sample]:
    """Seconds per item of each operation (each call handles ``items`` documents).

    Each operation is warmed up and calibrated to last ``min_time`` per repeat;
    then the repeats go round-robin over the operations.
    """
    loops: dict[str, int] = {}
    for name, operation in operations.items():
        operation()  # warm-up
        count, elapsed = 1, 0
        while True:
            started = time.perf_counter_ns()
            for _ in range(count):
                operation()
            elapsed = time.perf_counter_ns() - started
            if elapsed >= settings.min_time * 1e9 / 4:
                break
            count *= 2
        loops[name] = max(1, math.ceil(count * settings.min_time * 1e9 / max(elapsed, 1)))
    samples = {name: Sample() for name in operations}
    for _ in range(settings.repeats):
        for name, operation in operations.items():
            count = loops[name]
            started = time.perf_counter_ns()
            for _ in range(count):
                operation()
            elapsed = time.perf_counter_ns() - started
            samples[name].values.append(elapsed / 1e9 / count / items)
    return samples


@dataclass
class SizeResult:
    name: str
    paragraphs: int
    documents: int
    mean_bytes: dict[str, int]  # by input shape
    samples: dict[str, Sample]


def each(function: Callable[[Any], object], items: Sequence[Any]) -> Callable[[], object]:
    """An operation that applies ``function`` to every item."""

    def operation() -> object:
        return [function(item) for item in items]

    return operation


EXAMPLE_NAME: Final = "panjshir (the example)"
GENERATED_27: Final = "panjshir-size (27 paragraphs)"
SHAPES: Final = tuple(corpus.SHAPES)
CANONICAL: Final = "canonical"
LOAD_FLOOR: Final = "orjson.loads"
OURS_LOADS: Final = "newsarticle.loads"
PYDANTIC: Final = "pydantic model_validate_json"
STDLIB_LOADS: Final = "json.loads (standard library), canonical"
DUMPS: Final = "newsarticle.dumps"
DUMPS_FLOOR: Final = "orjson.dumps(value, option=OPT_INDENT_2)"
PYDANTIC_DUMPS: Final = "pydantic model_dump_json(indent=2)"
TO_JSONLD: Final = "newsarticle.to_jsonld"
JSONLD_TEXT: Final = "newsarticle.to_jsonld_text"
EXPORT_LINE: Final = "export line: the compact JSON-LD text that export to JSON Lines writes"
GRAPH_FLOOR: Final = "orjson.dumps(graph)"
GRAPH_FLOOR_INDENTED: Final = "orjson.dumps(graph, option=OPT_INDENT_2)"
PATH_FLOOR: Final = "floor: orjson.loads + orjson.dumps"
PATH_OURS: Final = "ours: newsarticle.loads + export line"


def read(operation: str, shape: str) -> str:
    """The name of a reading measurement: the reader and the input shape."""
    return f"{operation} [{shape}]"


def _export_line(article: newsarticle.Article) -> str:
    """One line of ``newsarticle export --format jsonld`` to JSON Lines (without its newline)."""
    return jsonld_line(article)


def per_article(settings: Settings) -> tuple[list[SizeResult], dict[str, int]]:
    """Every per-article measurement, and how many documents of each shape pydantic accepted."""
    groups: list[tuple[str, list[str]]] = [(EXAMPLE_NAME, [EXAMPLE.read_text(encoding="utf-8")])]
    for size in corpus.SIZES:
        label = f"{size} paragraphs" if size.isdigit() else GENERATED_27
        groups.append((label, [corpus.document(size, i) for i in range(settings.per_size)]))
    results = []
    accepted = dict.fromkeys(SHAPES, 0)
    for label, texts in groups:
        articles = [newsarticle.loads(t) for t in texts]
        canonical = [newsarticle.dumps(a).encode("utf-8") for a in articles]
        inputs = {
            s: [corpus.shape(c.decode("utf-8"), s).encode("utf-8") for c in canonical]
            for s in SHAPES
        }
        # Every reader must read every shape, and to the same article: a peer that refused
        # a shape, or read it into something else, would not be doing the same work.
        for s, documents in inputs.items():
            for document, source, article in zip(documents, canonical, articles, strict=True):
                if orjson.loads(document) != orjson.loads(source):
                    raise SystemExit(f"bench: the {s} text holds another value ({label})")
                if newsarticle.loads(document) != article:
                    raise SystemExit(f"bench: newsarticle.loads reads {s} text otherwise ({label})")
                try:
                    peers.Article.model_validate_json(document)
                except pydantic.ValidationError as error:
                    raise SystemExit(
                        f"bench: pydantic refuses {s} text ({label}):\n{error}"
                    ) from error
                accepted[s] += 1
        values = [orjson.loads(d) for d in canonical]
        graphs = [newsarticle.to_jsonld(a) for a in articles]
        models = [peers.Article.model_validate_json(d) for d in canonical]
        operations: dict[str, Callable[[], object]] = {}
        for s, documents in inputs.items():
            operations[read(LOAD_FLOOR, s)] = each(orjson.loads, documents)
            operations[read(PYDANTIC, s)] = each(peers.Article.model_validate_json, documents)
            operations[read(OURS_LOADS, s)] = each(newsarticle.loads, documents)
        operations |= {
            STDLIB_LOADS: each(json.loads, canonical),
            DUMPS_FLOOR: each(lambda v: orjson.dumps(v, option=orjson.OPT_INDENT_2), values),
            PYDANTIC_DUMPS: each(lambda m: m.model_dump_json(indent=2), models),
            DUMPS: each(newsarticle.dumps, articles),
            GRAPH_FLOOR: each(orjson.dumps, graphs),
            GRAPH_FLOOR_INDENTED: each(
                lambda g: orjson.dumps(g, option=orjson.OPT_INDENT_2), graphs
            ),
            TO_JSONLD: each(newsarticle.to_jsonld, articles),
            JSONLD_TEXT: each(newsarticle.to_jsonld_text, articles),
            EXPORT_LINE: each(_export_line, articles),
            PATH_FLOOR: each(lambda d: orjson.dumps(orjson.loads(d)), inputs["compact"]),
            PATH_OURS: each(lambda d: _export_line(newsarticle.loads(d)), inputs["compact"]),
        }
        print(f"per article: {label} ({len(texts)} documents)", file=sys.stderr)
        samples = measure(operations, len(texts), settings)
        results.append(
            SizeResult(
                name=label,
                paragraphs=len(articles[0].paragraphs),
                documents=len(texts),
                mean_bytes={s: sum(map(len, d)) // len(d) for s, d in inputs.items()},
                samples=samples,
            )
        )
    return results, accepted


def peers_accept(paths: corpus.CorpusPaths) -> tuple[int, list[str]]:
    """How many corpus files the pydantic model accepts (it should be all), and the examples
    it refuses (it should be none: it models every key of the format)."""
    accepted = 0
    for path in paths.files.glob("*.json"):
        with contextlib.suppress(pydantic.ValidationError):
            peers.Article.model_validate_json(path.read_bytes())
            accepted += 1
    refused = []
    for example in sorted((ROOT / "examples").glob("*.json")):
        try:
            peers.Article.model_validate_json(example.read_bytes())
        except pydantic.ValidationError:
            refused.append(example.name)
    return accepted, refused


def per_article_tables(results: list[SizeResult]) -> str:
    reading = []
    for result in results:
        s = {name: sample.median for name, sample in result.samples.items()}
        for shape in SHAPES:
            ours, peer, floor = (s[read(n, shape)] for n in (OURS_LOADS, PYDANTIC, LOAD_FLOOR))
            reading.append(
                [
                    result.name,
                    shape,
                    f"{result.mean_bytes[shape] / 1024:.1f}",
                    us(floor),
                    us(peer),
                    us(ours),
                    ratio(ours / peer),
                    ratio(ours / floor),
                ]
            )
    writing = []
    jsonld = []
    for result in results:
        s = {name: sample.median for name, sample in result.samples.items()}
        writing.append(
            [
                result.name,
                us(s[DUMPS_FLOOR]),
                us(s[PYDANTIC_DUMPS]),
                us(s[DUMPS]),
                ratio(s[DUMPS] / s[DUMPS_FLOOR]),
                ratio(s[PYDANTIC_DUMPS] / s[DUMPS_FLOOR]),
            ]
        )
        jsonld.append(
            [
                result.name,
                us(s[GRAPH_FLOOR]),
                us(s[GRAPH_FLOOR_INDENTED]),
                us(s[TO_JSONLD]),
                us(s[EXPORT_LINE]),
                us(s[JSONLD_TEXT]),
                ratio(s[EXPORT_LINE] / s[GRAPH_FLOOR]),
                ratio(s[JSONLD_TEXT] / s[GRAPH_FLOOR_INDENTED]),
                us(s[PATH_FLOOR]),
                us(s[PATH_OURS]),
                ratio(s[PATH_OURS] / s[PATH_FLOOR]),
            ]
        )
    read_table = table(
        ["document", "input shape", "KiB", "orjson.loads µs", "pydantic µs",
         "newsarticle.loads µs", "ours / pydantic", "ours / orjson floor"],
        reading,
        "llrrrrrr",
    )  # fmt: skip
    write_table = table(
        ["document", "orjson.dumps(value, OPT_INDENT_2) µs",
         "pydantic model_dump_json(indent=2) µs", "newsarticle.dumps µs", "dumps / orjson",
         "pydantic / orjson"],
        writing,
    )  # fmt: skip
    jsonld_table = table(
        ["document", "orjson.dumps(graph) µs", "orjson.dumps(graph, OPT_INDENT_2) µs",
         "to_jsonld µs", "export line µs", "to_jsonld_text µs", "export line / orjson.dumps(graph)",
         "to_jsonld_text / orjson indented", "floor: orjson loads+dumps µs",
         "ours: loads + export line µs", "ours / floor"],
        jsonld,
    )  # fmt: skip
    details = []
    for result in results:
        for name, sample in result.samples.items():
            details.append(
                [
                    result.name,
                    name,
                    us(sample.median),
                    f"{us(min(sample.values))} to {us(max(sample.values))}",
                    pct(sample.spread),
                ]
            )
    detail = table(
        ["document", "operation", "median µs/article", "min to max µs", "spread"],
        details,
        "llrrr",
    )
    return (
        "**Reading: validated load, by input shape** (µs per article, median; the shapes are "
        "described under *Input shapes* above)\n\n"
        f"{read_table}\n\n"
        "**Writing the article document** (µs per article, median; every writer writes the "
        "same value with a two-space indent)\n\n"
        f"{write_table}\n\n"
        "**Writing JSON-LD** (µs per article, median; the export line is what "
        "`export --format jsonld` writes for one line of JSON Lines; the floors write the "
        "finished graph; the whole path reads the compact line)\n\n"
        f"{jsonld_table}\n\n"
        "<details><summary>Every per-article measurement, with its spread "
        "(spread = (max - min) / median over the repeats)</summary>\n\n"
        f"{detail}\n\n</details>"
    )


# --- 2. whole commands ----------------------------------------------------------


@dataclass
class Run:
    seconds: float
    max_rss_kib: int
    status: int
    output: str
    cpu: float = 0.0  # user + system seconds of the command and the children it waited for


# Runs the command in a small process of its own and reports its wall time, CPU time
# and peak memory.  The command is not started from this process directly: a forked child's
# peak RSS counts the memory of the process it was forked from, and this one holds
# the corpus and every peer, so ru_maxrss would report this process, not the command.
LAUNCHER: Final = """
import os, sys, time
started = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - started
with open(sys.argv[1], "w") as out:
    cpu = usage.ru_utime + usage.ru_stime
    out.write(f"{seconds} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)} {cpu}")
"""


def run_command(command: Sequence[str], cwd: Path | None = None) -> Run:
    """Run ``command`` to its end: wall time, peak memory (KiB), status, output, CPU time."""
    with tempfile.TemporaryFile() as sink, tempfile.TemporaryDirectory() as folder:
        figures = Path(folder) / "figures"
        launcher = [sys.executable, "-I", "-S", "-c", LAUNCHER, str(figures)]
        subprocess.run([*launcher, *command], cwd=cwd, stdout=sink, stderr=subprocess.STDOUT)
        seconds, rss, status, cpu = figures.read_text().split()
        sink.seek(0)
        output = sink.read().decode("utf-8", "replace")
    return Run(float(seconds), int(rss), int(status), output, float(cpu))


def run_parallel(commands: Sequence[Sequence[str]], cwd: Path | None = None) -> Run:
    """Start every command at once; the wall time until the last one ends."""
    with contextlib.ExitStack() as stack:
        sinks = [stack.enter_context(tempfile.TemporaryFile()) for _ in commands]
        started = time.perf_counter()
        processes = [
            subprocess.Popen(c, cwd=cwd, stdout=s, stderr=subprocess.STDOUT)
            for c, s in zip(commands, sinks, strict=True)
        ]
        statuses = [p.wait() for p in processes]
        seconds = time.perf_counter() - started
        output = ""
        for sink in sinks:
            sink.seek(0)
            output += sink.read().decode("utf-8", "replace")
    return Run(seconds, 0, max(statuses), output)


def tool(name: str) -> str:
    """The command installed beside this Python (the virtual environment's)."""
    found = Path(sys.executable).parent / name
    if found.exists():
        return str(found)
    located = shutil.which(name)
    if located is None:
        raise SystemExit(f"bench: {name} is not installed (pip install -e '.[bench]')")
    return located


def argv_batches(names: Sequence[str], fixed: Sequence[str]) -> list[list[str]]:
    """Split ``names`` into as few command lines as the system's ARG_MAX allows."""
    limit = os.sysconf("SC_ARG_MAX")
    environment = sum(len(k) + len(v) + 2 + 8 for k, v in os.environ.items())
    budget = limit - environment - sum(len(a) + 1 + 8 for a in fixed) - 64 * 1024
    batches: list[list[str]] = [[]]
    used = 0
    for name in names:
        cost = len(name.encode()) + 1 + 8  # the string, its NUL and its pointer
        if batches[-1] and used + cost > budget:
            batches.append([])
            used = 0
        batches[-1].append(name)
        used += cost
    return batches


def expect(run: Run, what: str, pattern: str | None = None) -> Run:
    if run.status != 0 or (pattern is not None and not re.search(pattern, run.output)):
        raise SystemExit(f"bench: {what} failed (status {run.status}):\n{run.output[-2000:]}")
    return run


@dataclass
class CommandResults:
    validate: dict[str, Sample]
    invocations: int
    export: dict[str, Sample]
    export_cpu: dict[str, Sample]
    rss: dict[str, Sample]
    counts: dict[str, int]


OURS_J1: Final = "newsarticle validate --jobs 1"
OURS_J2: Final = "newsarticle validate --jobs 2"
CJ: Final = "check-jsonschema"
CJ2: Final = "check-jsonschema, 2 processes (files split in halves)"
EXPORT_TARGET: Final = "10x, --jobs 1"


def commands(paths: corpus.CorpusPaths, settings: Settings) -> CommandResults:
    ours, checker = tool("newsarticle"), tool("check-jsonschema")
    names = sorted(p.name for p in paths.files.glob("*.json"))
    assert len(names) == settings.files, (len(names), settings.files)
    fixed = [checker, "--schemafile", str(SCHEMA)]
    batches = argv_batches(names, fixed)
    halves = [names[: len(names) // 2], names[len(names) // 2 :]]
    valid = rf"checked {len(names)} documents: {len(names)} valid, 0 invalid"

    def ours_validate(jobs: int) -> Run:
        command = [ours, "validate", str(paths.files), "--jobs", str(jobs)]
        return expect(run_command(command), f"newsarticle validate --jobs {jobs}", valid)

    def cj() -> Run:
        total = Run(0.0, 0, 0, "")
        for batch in batches:  # one after the other, as a CI script would run them
            run = expect(run_command([*fixed, *batch], paths.files), CJ, "ok -- validation done")
            total = Run(total.seconds + run.seconds, 0, 0, total.output + run.output)
        return total

    def cj_parallel() -> Run:
        return expect(
            run_parallel([[*fixed, *half] for half in halves], paths.files), CJ2, "validation done"
        )

    plan: dict[str, Callable[[], Run]] = {
        OURS_J1: lambda: ours_validate(1),
        OURS_J2: lambda: ours_validate(2),
        CJ: cj,
        CJ2: cj_parallel,
    }
    validate = {name: Sample() for name in plan}
    # warm-up: every command once on one file (byte-compiled modules, file cache)
    expect(run_command([ours, "validate", names[0]], paths.files), "warm-up", "1 valid")
    expect(run_command([*fixed, names[0]], paths.files), "warm-up", "validation done")
    for repeat in range(settings.cli_repeats):
        for name, step in plan.items():
            print(f"commands: {name} (repeat {repeat + 1})", file=sys.stderr)
            validate[name].values.append(step().seconds)

    export = {name: Sample() for name in ("1x, --jobs 1", "10x, --jobs 1", "10x, --jobs 2")}
    export_cpu = {name: Sample() for name in export}
    rss = {name: Sample() for name in export}
    counts = {"1x": paths.count_lines, "10x": paths.count_lines_10x}
    out = paths.root / "out"
    for repeat in range(settings.cli_repeats):
        for name in export:
            size, jobs = name.split(", --jobs ")
            source = paths.lines if size == "1x" else paths.lines_10x
            shutil.rmtree(out, ignore_errors=True)
            print(f"commands: export {name} (repeat {repeat + 1})", file=sys.stderr)
            command = [ours, "export", "--format", "jsonld", str(source), "-o", f"{out}/"]
            run = expect(run_command([*command, "--jobs", jobs]), f"export {name}")
            written = out / source.name
            with written.open("rb") as stream:
                lines = sum(1 for _ in stream)
            assert lines == counts[size], (lines, counts[size])
            export[name].values.append(run.seconds)
            export_cpu[name].values.append(run.cpu)
            rss[name].values.append(run.max_rss_kib)
    shutil.rmtree(out, ignore_errors=True)
    return CommandResults(validate, len(batches), export, export_cpu, rss, counts)


def command_tables(results: CommandResults, settings: Settings, paths: corpus.CorpusPaths) -> str:
    v = {name: sample.median for name, sample in results.validate.items()}
    rows = []
    files = settings.files
    for name, sample in results.validate.items():
        rows.append(
            [
                name,
                f"{files:,}",
                f"{sample.median:.2f}",
                pct(sample.spread),
                f"{sample.median / files * 1e3:.2f}",
                ratio(v[CJ] / sample.median),
            ]
        )
    folder_bytes = sum(p.stat().st_size for p in paths.files.glob("*.json"))
    validate = table(
        ["command", "files", "seconds", "spread", "ms per file", "check-jsonschema / this"],
        rows,
    )
    export_rows = []
    for name, sample in results.export.items():
        count = results.counts[name.split(",")[0]]
        cpu = results.export_cpu[name]
        export_rows.append(
            [
                name,
                f"{count:,}",
                f"{sample.median:.2f}",
                pct(sample.spread),
                f"{count / sample.median:,.0f}",
                f"{cpu.median:.2f}",
                f"{count / cpu.median:,.0f}",
                f"{cpu.median / count * 1e6:,.0f}",
                f"{statistics.median(results.rss[name].values) / 1024:.1f}",
            ]
        )
    export = table(
        ["JSON Lines input", "articles", "seconds", "spread", "articles/s", "CPU s",
         "articles per CPU second", "CPU µs per article", "peak RSS MiB"],
        export_rows,
    )  # fmt: skip
    small = statistics.median(results.rss["1x, --jobs 1"].values)
    large = statistics.median(results.rss["10x, --jobs 1"].values)
    sizes = {
        "1x": paths.lines.stat().st_size,
        "10x": paths.lines_10x.stat().st_size,
    }
    return (
        f"**`newsarticle validate` against `check-jsonschema`** over {settings.files:,} files "
        f"({folder_bytes / 2**20:.0f} MiB; whole commands, start-up included; "
        f"check-jsonschema ran as {results.invocations} invocation(s) of at most ARG_MAX "
        "bytes of arguments)\n\n"
        f"{validate}\n\n"
        "**`newsarticle export --format jsonld FILE.jsonl -o OUT/`** "
        f"(1x: {sizes['1x'] / 2**20:.0f} MiB, 10x: {sizes['10x'] / 2**20:.0f} MiB; "
        "CPU time (user + system) of the command and its workers, start-up included; "
        "peak RSS of the command; with --jobs 2 the figure is the largest of its processes, "
        "not their sum)\n\n"
        f"{export}\n\n"
        f"Peak memory from the 1x to the 10x file (--jobs 1): {small / 1024:.1f} MiB → "
        f"{large / 1024:.1f} MiB ({(large / small - 1) * 100:+.1f}%)."
    )


# --- 3. start-up -----------------------------------------------------------------------

IMPORT_CPU: Final = """
import time
started = time.process_time()
import newsarticle
print(time.process_time() - started)
"""
#: Modules of interest: is each one loaded once ``import newsarticle`` returns?
HEAVY: Final = ("jsonschema", "cattrs", "attrs", "orjson", "rfc3986_validator", "unicodedata")
LOADED: Final = f"""
import sys
import newsarticle
print(" ".join(name for name in {HEAVY!r} if name in sys.modules))
"""


@dataclass
class Startup:
    import_cpu: Sample  # seconds of CPU of ``import newsarticle`` alone
    interpreter_cpu: Sample  # CPU of ``python -c pass`` (user + system)
    commands: dict[str, tuple[Sample, Sample]]  # name: (CPU, wall time) of the command
    by_package: list[tuple[str, float]]  # -X importtime self time (s) by top-level package
    loaded: list[str]


VALIDATE_ONE: Final = "newsarticle validate one.json"
CJ_ONE: Final = "check-jsonschema --schemafile … one.json"


def _import_times(code: str) -> dict[str, float]:
    """Own time (s) of every module ``python -X importtime -c code`` imports, by full name."""
    output = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code], check=True, capture_output=True, text=True
    ).stderr
    own: dict[str, float] = {}
    for line in output.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[0].startswith("import time:"):
            with contextlib.suppress(ValueError):
                own[parts[2].strip()] = int(parts[0].split(":", 1)[1]) / 1e6
    return own


def _importtime(runs: int) -> list[tuple[str, float]]:
    """Median own time of the modules ``import newsarticle`` imports (``-X importtime``):
    newsarticle's by module, others' by top-level package, leaving out the modules the
    interpreter imports at start anyway."""
    interpreter = set(_import_times("pass"))
    seen: list[dict[str, float]] = []
    for _ in range(runs):
        by_package: dict[str, float] = {}
        for name, seconds in _import_times("import newsarticle").items():
            if name not in interpreter:
                package = name if name.startswith("newsarticle") else name.split(".")[0]
                by_package[package] = by_package.get(package, 0.0) + seconds
        seen.append(by_package)
    names = {name for by_package in seen for name in by_package}
    medians = {name: statistics.median(own.get(name, 0.0) for own in seen) for name in names}
    return sorted(medians.items(), key=lambda item: -item[1])


def startup(paths: corpus.CorpusPaths, settings: Settings) -> Startup:
    """CPU time of ``import newsarticle`` and of one-file validations, each a fresh process."""
    first = min(paths.files.glob("*.json"))
    ours = [tool("newsarticle"), "validate", first.name]
    checker = [tool("check-jsonschema"), "--schemafile", str(SCHEMA), first.name]
    import_cpu, interpreter = Sample(), Sample()
    runs: dict[str, tuple[Sample, Sample]] = {
        VALIDATE_ONE: (Sample(), Sample()),
        CJ_ONE: (Sample(), Sample()),
    }
    # warm-up: byte-compiled modules and the file cache
    run_command(ours, paths.files)
    run_command(checker, paths.files)
    print(f"start-up: {settings.startup_runs} runs of each", file=sys.stderr)
    for _ in range(settings.startup_runs):
        measured = subprocess.run(
            [sys.executable, "-c", IMPORT_CPU], check=True, capture_output=True, text=True
        )
        import_cpu.values.append(float(measured.stdout))
        interpreter.values.append(run_command([sys.executable, "-c", "pass"]).cpu)
        for name, command, pattern in (
            (VALIDATE_ONE, ours, "1 valid"),
            (CJ_ONE, checker, "validation done"),
        ):
            run = expect(run_command(command, paths.files), name, pattern)
            runs[name][0].values.append(run.cpu)
            runs[name][1].values.append(run.seconds)
    loaded = subprocess.run(
        [sys.executable, "-c", LOADED], check=True, capture_output=True, text=True
    ).stdout.split()
    return Startup(import_cpu, interpreter, runs, _importtime(3 if settings.quick else 5), loaded)


def startup_tables(result: Startup, settings: Settings) -> str:
    rows = [
        ["`import newsarticle` (time.process_time around the import)",
         f"{result.import_cpu.median * 1e3:.0f}", pct(result.import_cpu.spread), ""],
        ["the interpreter alone (`python -c pass`)",
         f"{result.interpreter_cpu.median * 1e3:.0f}", pct(result.interpreter_cpu.spread), ""],
    ]  # fmt: skip
    for name, (cpu, wall) in result.commands.items():
        rows.append(
            [f"`{name}`", f"{cpu.median * 1e3:.0f}", pct(cpu.spread), f"{wall.median * 1e3:.0f}"]
        )
    total = sum(seconds for _, seconds in result.by_package)
    packages = [
        [f"`{name}`", f"{seconds * 1e3:.1f}", pct(seconds / total)]
        for name, seconds in result.by_package[:20]
    ]
    absent = [name for name in HEAVY if name not in result.loaded]
    return (
        f"CPU time (user + system) of fresh processes, median of {settings.startup_runs} runs "
        "each, round-robin; the one-file commands include the interpreter's start-up.\n\n"
        + table(["what", "CPU ms", "spread", "wall ms"], rows)
        + "\n\n**Where `import newsarticle` spends its time** (`python -X importtime`: own "
        "time of every module it imports, newsarticle's by module and others' by top-level "
        "package, median of "
        f"{3 if settings.quick else 5} runs; wall time, and without the modules the "
        f"interpreter imports at start; {total * 1e3:.0f} ms in all)\n\n"
        + table(["package", "ms", "share"], packages)
        + f"\n\nOf {', '.join(HEAVY)}, `import newsarticle` loads "
        f"{', '.join(result.loaded) or 'none'}; not {', '.join(absent) or '-'}."
    )


# --- 4. what each one catches ------------------------------------------------------


def _defects(base: dict[str, Any]) -> list[tuple[str, str]]:
    """(description, JSON text) of documents each broken in one way."""

    def edit(change: Callable[[dict[str, Any]], None]) -> str:
        document = json.loads(json.dumps(base))
        change(document)
        return json.dumps(document, ensure_ascii=False, indent=2)

    published = newsarticle.loads(json.dumps(base)).date_published
    assert published is not None
    earlier = (published - dt.timedelta(days=1)).isoformat()
    first_dated = next(i for i, a in enumerate(base["attributions"]) if "date" in a)
    person_with_role = next(
        i for i, p in enumerate(base["people"]) if any("start" in r for r in p.get("roles", []))
    )

    def role_backwards(d: dict[str, Any]) -> None:
        role = next(r for r in d["people"][person_with_role]["roles"] if "start" in r)
        role["start"], role["end"] = "2020", "2019"

    text = json.dumps(base, ensure_ascii=False, indent=2)
    duplicate_key = text.replace(
        '"headline": ', '"headline": "An older headline",\n  "headline": ', 1
    )
    cases: list[tuple[str, Callable[[dict[str, Any]], None] | str]] = [
        ("unknown key", lambda d: d.__setitem__("subtitle", "Extra")),
        ("number where a string is due", lambda d: d["paragraphs"][0].__setitem__("id", 7)),
        ("control character (U+0085) in the headline",
         lambda d: d.__setitem__("headline", d["headline"] + "\u0085")),
        ("impossible timestamp (30 February)",
         lambda d: d.__setitem__("date_published", "2021-02-30T10:00:00Z")),
        ("timestamp without a time zone",
         lambda d: d.__setitem__("date_published", "2021-02-10T10:00:00")),
        ("ftp URL", lambda d: d.__setitem__("url", "ftp://files.example/a")),
        ("URL with a space in the host (format uri)",
         lambda d: d.__setitem__("url", "https://news example.com/a")),
        ("null for an optional key", lambda d: d.__setitem__("section", None)),
        ("the same keyword twice", lambda d: d["keywords"].append(d["keywords"][0])),
        ("impossible partial date (2021-02-30)",
         lambda d: d["attributions"][first_dated].__setitem__("date", "2021-02-30")),
        ("a role that ends before it starts", role_backwards),
        ("blank line inside a paragraph",
         lambda d: d["paragraphs"][0].update(text=d["paragraphs"][0]["text"] + "\n\nMore.")),
        ("reference to nothing (publisher)", lambda d: d.__setitem__("publisher", "nobody")),
        ("reference to the wrong kind (a person as publisher)",
         lambda d: d.__setitem__("publisher", d["people"][0]["id"])),
        ("two objects with one id (a place with a person's id)",
         lambda d: d["places"].append({"id": d["people"][0]["id"], "name": "Elsewhere"})),
        ("quote that is not in its paragraph",
         lambda d: d["quotes"][0].__setitem__("text", "Words nobody wrote")),
        ("date_modified before date_published",
         lambda d: d.__setitem__("date_modified", earlier)),
        ("duplicate key in the JSON text", duplicate_key),
    ]  # fmt: skip
    return [(name, case if isinstance(case, str) else edit(case)) for name, case in cases]


def catches(settings: Settings) -> tuple[str, dict[str, int], int]:
    base = json.loads(corpus.document("panjshir", 1))
    defects = _defects(base)
    found: dict[str, list[bool]] = {"newsarticle": [], "check-jsonschema": [], "pydantic": []}
    with tempfile.TemporaryDirectory() as folder:
        for index, (_, text) in enumerate(defects):
            Path(folder, f"defect-{index:02d}.json").write_text(text, encoding="utf-8")
        command = [tool("check-jsonschema"), "--schemafile", str(SCHEMA), "-o", "json"]
        names = sorted(p.name for p in Path(folder).glob("*.json"))
        report = json.loads(run_command([*command, *names], Path(folder)).output)
        failed = {Path(e["filename"]).name for e in report["errors"] + report["parse_errors"]}
    for index, (_, text) in enumerate(defects):
        found["newsarticle"].append(any(p.is_error for p in newsarticle.validate(text)))
        found["check-jsonschema"].append(f"defect-{index:02d}.json" in failed)
        try:
            peers.Article.model_validate_json(text)
            found["pydantic"].append(False)
        except pydantic.ValidationError:
            found["pydantic"].append(True)
    rows = [
        [name, *("refused" if found[tool_][i] else "**accepted**" for tool_ in found)]
        for i, (name, _) in enumerate(defects)
    ]
    totals = {tool_: sum(values) for tool_, values in found.items()}
    rows.append(["**refused, of " + str(len(defects)) + "**", *(str(totals[t]) for t in found)])
    return table(["defect", *found], rows, "lccc"), totals, len(defects)


# --- 5. where loads spends its time -----------------------------------------------


_Function = tuple[str, int, str]


def _area(function: _Function) -> str | None:
    """The part of the library a profiled function belongs to; None for helpers it calls."""
    filename = function[0]
    if filename.startswith("<attrs generated"):
        return "attrs: the model's generated __init__ (field validators called from it apart)"
    if filename.startswith("<newsarticle builders") or filename.endswith("newsarticle/_build.py"):
        return "builders generated by _build.py (the fast path)"
    if filename.startswith("<cattrs generated"):
        return "cattrs: generated structure functions"
    if filename.endswith(("json/decoder.py", "json/__init__.py", "newsarticle/_json/_read.py")):
        return "JSON parsing (orjson, or json's C parser with _json/_read.py's strict hooks)"
    if filename.startswith("<newsarticle integrity") or filename.endswith(
        "newsarticle/_integrity.py"
    ):
        return "integrity checks (_integrity.py and the walk it generates)"
    if filename.endswith(("newsarticle/_rules.py", "newsarticle/_model.py")):
        return "field validators and converters (_rules.py, _model.py)"
    if filename.endswith("newsarticle/_convert.py"):
        return "converter hooks (_convert.py)"
    if "newsarticle" in filename:
        return f"newsarticle/{Path(filename).name}"
    return None


def _owner(function: _Function, callers: dict[_Function, Any], depth: int = 0) -> str:
    area = _area(function)
    if area is not None:
        return area
    if depth < 4 and callers.get(function):
        caller = max(callers[function].items(), key=lambda kv: kv[1][2])[0]
        return _owner(caller, callers, depth + 1)
    return "other"


def profile(settings: Settings, shape: str, loops: int | None = None) -> tuple[str, str]:
    """cProfile of ``newsarticle.loads`` on a 200-paragraph article: by area and by function."""
    data = corpus.shape(corpus.document("200", 0), shape).encode("utf-8")
    newsarticle.loads(data)
    loops = loops or (10 if settings.quick else 50)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(loops):
        newsarticle.loads(data)
    profiler.disable()
    stats = pstats.Stats(profiler)
    raw: dict[_Function, Any] = stats.stats  # type: ignore[attr-defined]
    callers = {function: entry[4] for function, entry in raw.items()}
    total = sum(entry[2] for entry in raw.values())
    areas: dict[str, float] = {}
    functions = []
    for function, (_, calls, own, cumulative, by_caller) in raw.items():
        if _area(function) is None and by_caller:
            # a helper (a built-in, re, enum, cattrs' own code): its time goes to its callers
            for caller, (_, _, caller_own, _) in by_caller.items():
                key = _owner(caller, callers)
                areas[key] = areas.get(key, 0.0) + caller_own
        else:
            key = _owner(function, callers)
            areas[key] = areas.get(key, 0.0) + own
        filename, line, name = function
        functions.append((own, cumulative, calls, f"{Path(filename).name}:{line} {name}"))
    area_rows = [
        [name, f"{seconds / loops * 1e3:.2f}", pct(seconds / total)]
        for name, seconds in sorted(areas.items(), key=lambda kv: -kv[1])
        if seconds / total >= 0.005
    ]
    top = sorted(functions, reverse=True)[:20]
    function_rows = [
        [f"`{name}`", f"{calls // loops:,}", f"{own / loops * 1e3:.2f}", f"{cum / loops * 1e3:.2f}"]
        for own, cum, calls, name in top
    ]
    by_area = table(["where (own time)", "ms per loads", "share"], area_rows)
    by_function = table(
        ["function", "calls per loads", "own ms", "cumulative ms"], function_rows, "lrrr"
    )
    return by_area, by_function


# --- the report ----------------------------------------------------------------------


def verdict(met: bool) -> str:
    return "**met**" if met else "**not met**"


def targets(
    sizes: list[SizeResult], results: CommandResults | None, started: Startup
) -> tuple[str, list[tuple[str, bool]]]:
    """The targets of issue 15, and the earlier ones still claimed, with their verdicts."""
    example = next(r for r in sizes if r.name == EXAMPLE_NAME)
    e = {name: sample.median for name, sample in example.samples.items()}
    rows: list[list[str]] = []
    outcomes: list[tuple[str, bool]] = []

    def row(number: str, target: str, measured: str, met: bool | None) -> None:
        rows.append([number, target, measured, "reference" if met is None else verdict(met)])
        if met is not None:
            outcomes.append((target, met))

    for shape in SHAPES:
        worst = max(
            sizes,
            key=lambda r: (
                r.samples[read(OURS_LOADS, shape)].median / r.samples[read(PYDANTIC, shape)].median
            ),
        )
        w = {name: sample.median for name, sample in worst.samples.items()}
        against = w[read(OURS_LOADS, shape)] / w[read(PYDANTIC, shape)]
        row(
            "1",
            f"validated `loads` ≤ pydantic v2, {shape} text (worst document)",
            f"{ratio(against)} ({worst.name})",
            against <= 1,
        )
    against_floor = e[read(OURS_LOADS, CANONICAL)] / e[read(LOAD_FLOOR, CANONICAL)]
    row("1", "validated `loads` ≤ 5x the orjson floor, the example, canonical text",
        ratio(against_floor), against_floor <= 5)  # fmt: skip
    worst_shape = max(SHAPES, key=lambda s: e[read(OURS_LOADS, s)] / e[read(LOAD_FLOOR, s)])
    against_floor = e[read(OURS_LOADS, worst_shape)] / e[read(LOAD_FLOOR, worst_shape)]
    row("1", "validated `loads` ≤ 5x the orjson floor, the example, worst shape",
        f"{ratio(against_floor)} ({worst_shape})", against_floor <= 5)  # fmt: skip
    dumps = e[DUMPS] / e[DUMPS_FLOOR]
    row("2", "`dumps` ≤ 5x `orjson.dumps(value, option=OPT_INDENT_2)`, the example",
        ratio(dumps), dumps <= 5)  # fmt: skip
    line = e[EXPORT_LINE] / e[GRAPH_FLOOR]
    row("3", "JSON-LD export line (the graph and its compact text) ≤ 10x `orjson.dumps(graph)`, "
        "the example", ratio(line), line <= 10)  # fmt: skip
    text = e[JSONLD_TEXT] / e[GRAPH_FLOOR_INDENTED]
    row("3", "`to_jsonld_text` ≤ 10x `orjson.dumps(graph, option=OPT_INDENT_2)`, the example",
        ratio(text), text <= 10)  # fmt: skip
    if results is not None:
        count = results.counts[EXPORT_TARGET.split(",")[0]]
        rate = count / results.export_cpu[EXPORT_TARGET].median
        row("3", f"`export --format jsonld` ≥ 2,500 articles per second per core "
            f"({EXPORT_TARGET}, CPU time)", f"{rate:,.0f}/s", rate >= 2500)  # fmt: skip
        small = statistics.median(results.rss["1x, --jobs 1"].values)
        large = statistics.median(results.rss["10x, --jobs 1"].values)
        growth = large / small - 1
        row("3", "export memory flat (within 10%) from the 1x to the 10x file",
            f"{growth * 100:+.1f}%", abs(growth) <= 0.10)  # fmt: skip
    imported = started.import_cpu.median
    row("4", "`import newsarticle` < 100 ms of CPU", f"{imported * 1e3:.0f} ms", imported < 0.1)
    cpu = {name: pair[0].median for name, pair in started.commands.items()}
    row("4", f"`{VALIDATE_ONE}` cold start, CPU (check-jsonschema: {cpu[CJ_ONE] * 1e3:.0f} ms)",
        f"{cpu[VALIDATE_ONE] * 1e3:.0f} ms", None)  # fmt: skip
    if results is not None:
        v = {name: sample.median for name, sample in results.validate.items()}
        for name in (OURS_J1, OURS_J2):
            speedup = v[CJ] / v[name]
            row("earlier", f"`{name}` ≥ 5x faster than check-jsonschema",
                f"{speedup:.1f}x faster", speedup >= 5)  # fmt: skip
    return table(["issue 15 target", "target", "measured", "verdict"], rows, "llrl"), outcomes


def report(
    settings: Settings,
    info: dict[str, str],
    command_line: str,
    sizes: list[SizeResult],
    results: CommandResults | None,
    paths: corpus.CorpusPaths,
    catch: tuple[str, dict[str, int], int],
    profiled: dict[str, tuple[str, str]],
    accepted: tuple[int, list[str]],
    shapes_accepted: dict[str, int],
    started: Startup,
) -> str:
    target_table, _ = targets(sizes, results, started)
    files, refused = accepted
    examples = f"refuses the examples {', '.join(refused)}" if refused else "accepts every example"
    read_by_pydantic = ", ".join(f"{count} {shape}" for shape, count in shapes_accepted.items())
    parts = [
        f"Run of {info['date']}, commit {info['commit']}: `{command_line}`"
        + (" (quick run: small corpus, few repeats)" if settings.quick else "")
        + f"; the run took {info['duration']}",
        "",
        f"* CPU: {info['cpu']}, {info['cores']} cores, {info['memory']} of memory, {info['os']}; "
        f"two CPU-bound processes at once did {info['parallel']} "
        "(2.00x would be two full cores)",
        f"* {info['python']}; {info['packages']}",
        f"* corpus: seed {corpus.DEFAULT_SEED}; {settings.files:,} files, "
        f"{paths.count_lines:,} and {paths.count_lines_10x:,} JSON Lines; "
        f"per-article figures: median of {settings.repeats} repeats of at least "
        f"{settings.min_time:g} s each, {settings.per_size} generated documents per size; "
        f"whole commands: median of {settings.cli_repeats} run(s); start-up: median of "
        f"{settings.startup_runs} processes",
        f"* every corpus document validates with no problem (checked as it was generated); "
        f"the pydantic model accepts {files:,} of the {settings.files:,} files and {examples}; "
        f"every reading input was read by newsarticle into the same article and accepted by "
        f"pydantic ({read_by_pydantic} documents)",
        "",
        "### Targets",
        "",
        target_table,
        "",
        "### Per article",
        "",
        per_article_tables(sizes),
    ]
    if results is not None:
        parts += ["", "### Whole commands", "", command_tables(results, settings, paths)]
    parts += ["", "### Start-up", "", startup_tables(started, settings)]
    parts += [
        "",
        "### What each one refuses",
        "",
        "Documents made from one generated article, each broken in one way "
        "(newsarticle: `validate()`, which is what `loads` and `newsarticle validate` run; "
        "check-jsonschema: the command; pydantic: `model_validate_json`).",
        "",
        catch[0],
    ]
    for shape, (by_area, by_function) in profiled.items():
        parts += [
            "",
            f"### Where `newsarticle.loads` spends its time: {shape} text",
            "",
            f"cProfile of `newsarticle.loads` on the first generated 200-paragraph article, "
            f"written as {shape} text (the profiler's own overhead inflates small calls; read "
            "the shares, not the milliseconds).",
            "",
            by_area,
            "",
            "<details><summary>The 20 functions with the most own time</summary>\n",
            by_function,
            "\n</details>",
        ]
    return "\n".join(parts) + "\n"


def write_docs(path: Path, results_text: str) -> None:
    text = path.read_text(encoding="utf-8")
    if START not in text or END not in text:
        raise SystemExit(f"bench: {path} has no results markers")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    path.write_text(f"{head}{START}\n\n{results_text}\n{END}{tail}", encoding="utf-8")


_STARTED: Final = time.perf_counter()


def stage(name: str) -> None:
    """Say on standard error which part of the run starts, and when."""
    elapsed = time.perf_counter() - _STARTED
    print(f"bench: {elapsed / 60:4.1f} min: {name}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Benchmarks of newsarticle against its peers (see docs/benchmarks.md)."
    )
    parser.add_argument("--quick", action="store_true", help="a small run of about a minute")
    parser.add_argument("--files", type=int, help="files for the validate commands")
    parser.add_argument("--lines", type=int, help="lines of the 1x JSON Lines file")
    parser.add_argument("--repeats", type=int, help="repeats of each per-article measurement")
    parser.add_argument("--cli-repeats", type=int, help="repeats of each whole command")
    parser.add_argument("--data", type=Path, help="where the corpus goes (git-ignored)")
    parser.add_argument(
        "--skip-commands", action="store_true", help="only the per-article measurements"
    )
    parser.add_argument(
        "--write",
        type=Path,
        nargs="?",
        const=DOCS,
        help=f"put the results into this Markdown file's results section (default {DOCS})",
    )
    parser.add_argument("--no-write", action="store_true", help="never write the docs")
    arguments = parser.parse_args(argv)
    settings = Settings.make(arguments)
    command_line = "python bench/run.py" + "".join(
        f" {a}" for a in (sys.argv[1:] if argv is None else argv)
    )
    info = machine()
    print(f"bench: {info['cpu']}, {info['cores']} cores, {info['python']}", file=sys.stderr)
    gc.collect()
    paths = corpus.write_corpus(settings.data, files=settings.files, lines=settings.lines)
    accepted = peers_accept(paths)
    stage("per article")
    sizes, shapes_accepted = per_article(settings)
    results = None
    if not arguments.skip_commands:
        info["parallel"] += f", {parallel_capacity():.2f}x before the commands"
        stage("whole commands")
        results = commands(paths, settings)
    stage("start-up")
    started = startup(paths, settings)
    stage("what each one refuses, profiles")
    catch = catches(settings)
    profiled = {shape: profile(settings, shape) for shape in (CANONICAL, "indent 4")}
    info["duration"] = f"{(time.perf_counter() - _STARTED) / 60:.1f} minutes"
    text = report(
        settings, info, command_line, sizes, results, paths, catch, profiled, accepted,
        shapes_accepted, started,
    )  # fmt: skip
    print(text)
    (settings.data / "results.md").write_text(text, encoding="utf-8")
    target = arguments.write or (None if settings.quick or arguments.no_write else DOCS)
    if target is not None and not arguments.no_write:
        write_docs(target, text)
        print(f"bench: results written to {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
