"""CPU instructions per operation on the example, counted by valgrind: figures a busy machine
does not change.

The times of ``bench/run.py`` move by half and more from run to run on a shared machine; the
number of instructions an operation executes does not (it depends on the code, the
interpreter and the libraries, not on the neighbours).  Each operation runs in a process of
its own under ``valgrind --tool=cachegrind --cache-sim=no``, ``--loops`` times after the same
set-up (every operation run once, so that every module is imported and every cache warm),
and the count of a process that only sets up is taken off.  Instructions are not time: code
that gets more done per cycle (orjson's, pydantic-core's, written in compiled languages) takes
less time per instruction than the interpreter does, so a ratio of instructions is smaller
than the ratio of times.  The figures are for comparing commits, and peers on one machine.

    .venv/bin/python bench/instructions.py            # about two minutes
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Final

HERE: Final = Path(__file__).resolve().parent
EXAMPLE: Final = HERE.parent / "examples" / "panjshir.json"


def operations() -> dict[str, Callable[[], Any]]:
    """Every operation counted, by name, each ready to run on the example."""
    import orjson

    import newsarticle
    from newsarticle._export._jsonld import jsonld_line

    sys.path.insert(0, str(HERE))
    import peers

    data = EXAMPLE.read_bytes()
    article = newsarticle.loads(data)
    value = orjson.loads(data)
    graph = newsarticle.to_jsonld(article)
    model = peers.Article
    return {
        "orjson.loads": lambda: orjson.loads(data),
        "newsarticle.loads": lambda: newsarticle.loads(data),
        "pydantic model_validate_json": lambda: model.model_validate_json(data),
        "orjson.dumps(value, OPT_INDENT_2)": lambda: orjson.dumps(
            value, option=orjson.OPT_INDENT_2
        ),
        "newsarticle.dumps": lambda: newsarticle.dumps(article),
        "orjson.dumps(graph)": lambda: orjson.dumps(graph),
        "newsarticle.to_jsonld": lambda: newsarticle.to_jsonld(article),
        "the export line (jsonld_line)": lambda: jsonld_line(article),
        "Article.word_count": lambda: article.word_count,
    }


def child(name: str, loops: int) -> None:
    """The body of one counted process: the set-up, then ``name`` ``loops`` times."""
    found = operations()
    for operation in found.values():
        operation()
    if name != "set-up":
        operation = found[name]
        for _ in range(loops):
            operation()


def count(valgrind: str, name: str, loops: int) -> int:
    """The instructions of one process that sets up and runs ``name`` ``loops`` times."""
    run = subprocess.run(
        [
            valgrind,
            "--tool=cachegrind",
            "--cache-sim=no",
            "--cachegrind-out-file=/dev/null",
            sys.executable,
            __file__,
            "--child",
            name,
            "--loops",
            str(loops),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    found = re.search(r"I\s+refs:\s+([0-9,]+)", run.stderr)
    if found is None:
        raise SystemExit(f"cachegrind printed no count for {name}")
    return int(found.group(1).replace(",", ""))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--loops", type=int, default=200, help="runs of each (default 200)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)
    if arguments.child:
        child(arguments.child, arguments.loops)
        return 0
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        print("valgrind is not installed here", file=sys.stderr)
        return 2
    base = count(valgrind, "set-up", arguments.loops)
    each = {
        name: (count(valgrind, name, arguments.loops) - base) / arguments.loops
        for name in operations()
    }
    floors = {
        "newsarticle.loads": "orjson.loads",
        "pydantic model_validate_json": "orjson.loads",
        "newsarticle.dumps": "orjson.dumps(value, OPT_INDENT_2)",
        "newsarticle.to_jsonld": "orjson.dumps(graph)",
        "the export line (jsonld_line)": "orjson.dumps(graph)",
        "Article.word_count": "orjson.dumps(graph)",
    }
    print(f"instructions per operation on {EXAMPLE.name} (valgrind --tool=cachegrind)")
    print("| operation | instructions | to its floor |")
    print("|---|---:|---:|")
    for name, instructions in each.items():
        floor = floors.get(name)
        ratio = f"{instructions / each[floor]:.1f}x {floor}" if floor else ""
        print(f"| {name} | {instructions / 1e6:.3f} M | {ratio} |")
    ours, theirs = each["newsarticle.loads"], each["pydantic model_validate_json"]
    print(f"newsarticle.loads / pydantic: {ours / theirs:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
