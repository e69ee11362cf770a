"""Benchmarks of newsarticle against its peers, measured in one run.

    python bench/run.py --quick     # about a minute: a small corpus, few repeats
    python bench/run.py             # the full run; writes docs/benchmarks.md

What it measures (every figure is a median over repeats, with its spread):

1. Per article, in this process, round-robin so drift hits every contender
   alike: ``newsarticle.loads`` (the validated read) against ``orjson.loads``
   (the floor: parsing the same bytes, checking nothing) and against the same
   model written with pydantic v2 (``model_validate_json``, bench/peers.py);
   ``to_jsonld`` and ``to_jsonld_text`` against ``orjson.dumps`` of the same
   document; and the whole read-validate-export path against
   ``orjson.loads`` + ``orjson.dumps``.
2. ``newsarticle validate FOLDER`` with ``--jobs 1`` and ``--jobs 2`` against
   ``check-jsonschema --schemafile schemas/article.schema.json FILE...`` over
   the same files, whole commands timed from start to exit.
3. ``newsarticle export --format jsonld corpus.jsonl -o OUT/`` over a JSON
   Lines file and one ten times larger: articles per second and peak resident
   memory of the command (``wait4``'s ``ru_maxrss``).
4. Which defects each contender catches, on documents broken on purpose.
5. Where ``newsarticle.loads`` spends its time (cProfile, 200-paragraph article).
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
    data: Path

    @classmethod
    def make(cls, arguments: argparse.Namespace) -> Settings:
        quick = arguments.quick
        return cls(
            quick=quick,
            files=arguments.files or (500 if quick else 10_000),
            lines=arguments.lines or (100 if quick else 1_000),
            per_size=3 if quick else 5,
            repeats=arguments.repeats or (5 if quick else 15),
            min_time=0.05 if quick else 0.2,
            cli_repeats=arguments.cli_repeats or (1 if quick else 3),
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
    mean_bytes: int
    samples: dict[str, Sample]


def each(function: Callable[[Any], object], items: Sequence[Any]) -> Callable[[], object]:
    """An operation that applies ``function`` to every item."""

    def operation() -> object:
        return [function(item) for item in items]

    return operation


LOAD_FLOOR: Final = "orjson.loads"
OURS_LOADS: Final = "newsarticle.loads"
PYDANTIC: Final = "pydantic model_validate_json"
GRAPH_INDENTED: Final = "json.dumps(to_jsonld(a), indent=2), as to_jsonld_text writes"
GRAPH_COMPACT: Final = "json.dumps(to_jsonld(a)) compact, as export to JSON Lines writes"


def per_article(settings: Settings) -> list[SizeResult]:
    groups: list[tuple[str, list[bytes]]] = [("panjshir (the example)", [EXAMPLE.read_bytes()])]
    for size in corpus.SIZES:
        label = f"{size} paragraphs" if size.isdigit() else "panjshir-size (27 paragraphs)"
        documents = [
            corpus.document(size, index).encode("utf-8") for index in range(settings.per_size)
        ]
        groups.append((label, documents))
    results = []
    for label, documents in groups:
        values = [orjson.loads(d) for d in documents]
        graphs = [newsarticle.to_jsonld(newsarticle.loads(d)) for d in documents]
        articles = [newsarticle.loads(d) for d in documents]
        models = [peers.Article.model_validate_json(d) for d in documents]
        operations: dict[str, Callable[[], object]] = {
            LOAD_FLOOR: each(orjson.loads, documents),
            "json.loads (standard library)": each(json.loads, documents),
            PYDANTIC: each(peers.Article.model_validate_json, documents),
            OURS_LOADS: each(newsarticle.loads, documents),
            "orjson.dumps": each(orjson.dumps, values),
            "pydantic model_dump_json": each(peers.Article.model_dump_json, models),
            "newsarticle.dumps": each(newsarticle.dumps, articles),
            "newsarticle.to_jsonld": each(newsarticle.to_jsonld, articles),
            "newsarticle.to_jsonld_text": each(newsarticle.to_jsonld_text, articles),
            GRAPH_INDENTED: each(lambda g: json.dumps(g, ensure_ascii=False, indent=2), graphs),
            GRAPH_COMPACT: each(
                lambda g: json.dumps(g, ensure_ascii=False, separators=(",", ":")), graphs
            ),
            "floor: orjson.loads + orjson.dumps": each(
                lambda d: orjson.dumps(orjson.loads(d)), documents
            ),
            "ours: newsarticle.loads + to_jsonld_text": each(
                lambda d: newsarticle.to_jsonld_text(newsarticle.loads(d)), documents
            ),
        }
        print(f"per article: {label} ({len(documents)} documents)", file=sys.stderr)
        samples = measure(operations, len(documents), settings)
        results.append(
            SizeResult(
                name=label,
                paragraphs=len(articles[0].paragraphs),
                documents=len(documents),
                mean_bytes=sum(len(d) for d in documents) // len(documents),
                samples=samples,
            )
        )
    return results


def peers_accept(paths: corpus.CorpusPaths) -> int:
    """How many documents of the folder the pydantic model accepts (it should be all)."""
    accepted = 0
    for path in paths.files.glob("*.json"):
        with contextlib.suppress(pydantic.ValidationError):
            peers.Article.model_validate_json(path.read_bytes())
            accepted += 1
    return accepted


def per_article_tables(results: list[SizeResult]) -> str:
    reading = []
    writing = []
    for result in results:
        s = {name: sample.median for name, sample in result.samples.items()}
        reading.append(
            [
                result.name,
                f"{result.mean_bytes / 1024:.1f}",
                us(s[LOAD_FLOOR]),
                us(s["json.loads (standard library)"]),
                us(s[PYDANTIC]),
                us(s[OURS_LOADS]),
                ratio(s[OURS_LOADS] / s[PYDANTIC]),
                ratio(s[OURS_LOADS] / s[LOAD_FLOOR]),
            ]
        )
        writing.append(
            [
                result.name,
                us(s["orjson.dumps"]),
                us(s["newsarticle.to_jsonld"]),
                us(s["newsarticle.to_jsonld_text"]),
                us(s[GRAPH_INDENTED]),
                us(s[GRAPH_COMPACT]),
                ratio(s["newsarticle.to_jsonld_text"] / s["orjson.dumps"]),
                us(s["floor: orjson.loads + orjson.dumps"]),
                us(s["ours: newsarticle.loads + to_jsonld_text"]),
                ratio(
                    s["ours: newsarticle.loads + to_jsonld_text"]
                    / s["floor: orjson.loads + orjson.dumps"]
                ),
            ]
        )
    read = table(
        ["document", "KiB", "orjson.loads µs", "json.loads µs", "pydantic µs",
         "newsarticle.loads µs", "ours / pydantic", "ours / orjson floor"],
        reading,
    )  # fmt: skip
    write = table(
        ["document", "orjson.dumps µs", "to_jsonld µs", "to_jsonld_text µs",
         "stdlib json.dumps of the graph, indent=2 µs", "stdlib json.dumps, compact µs",
         "to_jsonld_text / orjson.dumps", "floor: orjson loads+dumps µs",
         "ours: loads+to_jsonld_text µs", "ours / floor"],
        writing,
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
        "**Reading: validated load, per article** (µs per article, median)\n\n"
        f"{read}\n\n"
        "**Writing JSON-LD, per article** (µs per article, median)\n\n"
        f"{write}\n\n"
        "<details><summary>Every per-article measurement, with its spread "
        "(spread = (max - min) / median over the repeats)</summary>\n\n"
        f"{detail}\n\n</details>"
    )


# --- whole commands -------------------------------------------------------------


@dataclass
class Run:
    seconds: float
    max_rss_kib: int
    status: int
    output: str


# Runs the command in a small process of its own and reports its wall time and peak
# memory.  The command is not started from this process directly: a forked child's
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
    out.write(f"{seconds} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")
"""


def run_command(command: Sequence[str], cwd: Path | None = None) -> Run:
    """Run ``command`` to its end: wall time, peak resident memory (KiB), status, output."""
    with tempfile.TemporaryFile() as sink, tempfile.TemporaryDirectory() as folder:
        figures = Path(folder) / "figures"
        launcher = [sys.executable, "-I", "-S", "-c", LAUNCHER, str(figures)]
        subprocess.run([*launcher, *command], cwd=cwd, stdout=sink, stderr=subprocess.STDOUT)
        seconds, rss, status = figures.read_text().split()
        sink.seek(0)
        output = sink.read().decode("utf-8", "replace")
    return Run(float(seconds), int(rss), int(status), output)


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
    rss: dict[str, Sample]
    counts: dict[str, int]


OURS_J1: Final = "newsarticle validate --jobs 1"
OURS_J2: Final = "newsarticle validate --jobs 2"
CJ: Final = "check-jsonschema"
CJ2: Final = "check-jsonschema, 2 processes (files split in halves)"
START_OURS: Final = "newsarticle validate, 1 file (start-up)"
START_CJ: Final = "check-jsonschema, 1 file (start-up)"


def commands(paths: corpus.CorpusPaths, settings: Settings) -> CommandResults:
    ours, checker = tool("newsarticle"), tool("check-jsonschema")
    names = sorted(p.name for p in paths.files.glob("*.json"))
    assert len(names) == settings.files, (len(names), settings.files)
    fixed = [checker, "--schemafile", str(SCHEMA)]
    batches = argv_batches(names, fixed)
    halves = [names[: len(names) // 2], names[len(names) // 2 :]]
    valid = rf"checked {len(names)} documents: {len(names)} valid, 0 invalid"
    first = names[0]

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

    def start_ours() -> Run:
        return expect(run_command([ours, "validate", first], paths.files), START_OURS, "1 valid")

    def start_cj() -> Run:
        return expect(run_command([*fixed, first], paths.files), START_CJ, "validation done")

    plan: dict[str, Callable[[], Run]] = {
        START_OURS: start_ours,
        START_CJ: start_cj,
        OURS_J1: lambda: ours_validate(1),
        OURS_J2: lambda: ours_validate(2),
        CJ: cj,
        CJ2: cj_parallel,
    }
    validate = {name: Sample() for name in plan}
    # warm-up: every command once on one file (byte-compiled modules, file cache)
    start_ours()
    start_cj()
    for repeat in range(settings.cli_repeats):
        for name, step in plan.items():
            print(f"commands: {name} (repeat {repeat + 1})", file=sys.stderr)
            validate[name].values.append(step().seconds)

    export = {name: Sample() for name in ("1x, --jobs 1", "10x, --jobs 1", "10x, --jobs 2")}
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
            rss[name].values.append(run.max_rss_kib)
    shutil.rmtree(out, ignore_errors=True)
    return CommandResults(validate, len(batches), export, rss, counts)


def command_tables(results: CommandResults, settings: Settings, paths: corpus.CorpusPaths) -> str:
    v = {name: sample.median for name, sample in results.validate.items()}
    rows = []
    for name, sample in results.validate.items():
        files = 1 if "1 file" in name else settings.files
        rows.append(
            [
                name,
                f"{files:,}",
                f"{sample.median:.2f}",
                pct(sample.spread),
                f"{sample.median / files * 1e3:.2f}",
                ratio(v[CJ] / sample.median) if files > 1 else "",
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
        export_rows.append(
            [
                name,
                f"{count:,}",
                f"{sample.median:.2f}",
                pct(sample.spread),
                f"{count / sample.median:,.0f}",
                f"{statistics.median(results.rss[name].values) / 1024:.1f}",
            ]
        )
    export = table(
        ["JSON Lines input", "articles", "seconds", "spread", "articles/s", "peak RSS MiB"],
        export_rows,
    )
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
        "peak RSS of the command; with --jobs 2 the figure is the largest of its processes, "
        "not their sum)\n\n"
        f"{export}\n\n"
        f"Peak memory from the 1x to the 10x file (--jobs 1): {small / 1024:.1f} MiB → "
        f"{large / 1024:.1f} MiB ({(large / small - 1) * 100:+.1f}%)."
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


def profile(settings: Settings, loops: int | None = None) -> tuple[str, str]:
    """cProfile of ``newsarticle.loads`` on a 200-paragraph article: by area and by function."""
    data = corpus.document("200", 0).encode("utf-8")
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
    sizes: list[SizeResult], results: CommandResults | None
) -> tuple[str, list[tuple[str, bool]]]:
    example = next(r for r in sizes if r.name.startswith("panjshir (the"))
    generated = next(r for r in sizes if r.name.startswith("panjshir-size"))
    rows = []
    outcomes = []
    for result in (example, generated):
        s = {name: sample.median for name, sample in result.samples.items()}
        against_pydantic = s[OURS_LOADS] / s[PYDANTIC]
        against_floor = s[OURS_LOADS] / s[LOAD_FLOOR]
        rows.append(
            [
                f"validated `loads` ≤ 2x pydantic v2 ({result.name})",
                ratio(against_pydantic),
                verdict(against_pydantic <= 2),
            ]
        )
        rows.append(
            [
                f"validated `loads` ≤ 10x the orjson floor ({result.name})",
                ratio(against_floor),
                verdict(against_floor <= 10),
            ]
        )
        outcomes += [
            (f"loads/pydantic {result.name}", against_pydantic <= 2),
            (f"loads/orjson {result.name}", against_floor <= 10),
        ]
    if results is not None:
        v = {name: sample.median for name, sample in results.validate.items()}
        for name in (OURS_J1, OURS_J2):
            speedup = v[CJ] / v[name]
            rows.append(
                [
                    f"`{name}` ≥ 5x faster than check-jsonschema",
                    f"{speedup:.1f}x faster",
                    verdict(speedup >= 5),
                ]
            )
            outcomes.append((f"{name} vs check-jsonschema", speedup >= 5))
        small = statistics.median(results.rss["1x, --jobs 1"].values)
        large = statistics.median(results.rss["10x, --jobs 1"].values)
        growth = large / small - 1
        rows.append(
            [
                "export memory flat (within 10%) from the 1x to the 10x file",
                f"{growth * 100:+.1f}%",
                verdict(abs(growth) <= 0.10),
            ]
        )
        outcomes.append(("export memory", abs(growth) <= 0.10))
    return table(["target", "measured", "verdict"], rows, "lrl"), outcomes


def report(
    settings: Settings,
    info: dict[str, str],
    command_line: str,
    sizes: list[SizeResult],
    results: CommandResults | None,
    paths: corpus.CorpusPaths,
    catch: tuple[str, dict[str, int], int],
    profiled: tuple[str, str] | None,
    accepted: int,
) -> str:
    target_table, _ = targets(sizes, results)
    parts = [
        f"Run of {info['date']}, commit {info['commit']}: `{command_line}`"
        + (" (quick run: small corpus, few repeats)" if settings.quick else ""),
        "",
        f"* CPU: {info['cpu']}, {info['cores']} cores, {info['memory']} of memory, {info['os']}; "
        f"two CPU-bound processes at once did {info['parallel']} "
        "(2.00x would be two full cores)",
        f"* {info['python']}; {info['packages']}",
        f"* corpus: seed {corpus.DEFAULT_SEED}; {settings.files:,} files, "
        f"{paths.count_lines:,} and {paths.count_lines_10x:,} JSON Lines; "
        f"per-article figures: median of {settings.repeats} repeats of at least "
        f"{settings.min_time:g} s each, {settings.per_size} generated documents per size; "
        f"whole commands: median of {settings.cli_repeats} run(s)",
        f"* every corpus document validates with no problem (checked as it was generated); "
        f"the pydantic model accepts {accepted:,} of the {settings.files:,} files",
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
    if profiled is not None:
        parts += [
            "",
            "### Where `newsarticle.loads` spends its time",
            "",
            "cProfile of `newsarticle.loads` on the first generated 200-paragraph article "
            "(the profiler's own overhead inflates small calls; read the shares, not the "
            "milliseconds).",
            "",
            profiled[0],
            "",
            "<details><summary>The 20 functions with the most own time</summary>\n",
            profiled[1],
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
    sizes = per_article(settings)
    results = None
    if not arguments.skip_commands:
        info["parallel"] += f", {parallel_capacity():.2f}x before the commands"
        results = commands(paths, settings)
    catch = catches(settings)
    profiled = profile(settings)
    text = report(settings, info, command_line, sizes, results, paths, catch, profiled, accepted)
    print(text)
    (settings.data / "results.md").write_text(text, encoding="utf-8")
    target = arguments.write or (None if settings.quick or arguments.no_write else DOCS)
    if target is not None and not arguments.no_write:
        write_docs(target, text)
        print(f"bench: results written to {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
