"""Locating problems: the line and column of a JSON Pointer in a JSON text, and the first
thing the strict reader refuses.  Places are exactly where the text puts them (lines end at
``\\n``, columns count characters), and finding them costs time linear in the text and memory
bounded by it, whatever the text holds: long strings, keys, escapes, lines or nesting."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsarticle
from newsarticle._errors import Problem
from newsarticle._json import _locate
from newsarticle._json._locate import Locator

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "panjshir.json"

# -- a reference: a writer that notes where it puts each value ------------------------------

SPACES = ["", " ", "\t", "\n", "\r\n", "\r", "  \n\t "]
SHORT = {"\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
KEYS = st.sampled_from(["", "~", "/", "~1", "a/b~c", "0", "1", "-", "é", "\U0001f600", "\ud800"])
LEAVES = (
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=6)
)
VALUES = st.recursive(
    LEAVES,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(KEYS | st.text(max_size=4), inner, max_size=4)
    ),
    max_leaves=20,
)


def _escape(key: str) -> str:
    """A key as a JSON Pointer token (RFC 6901)."""
    return key.replace("~", "~0").replace("/", "~1")


def _u(code: int, upper: bool) -> str:
    return f"\\u{code:04X}" if upper else f"\\u{code:04x}"


class Writer:
    """JSON text with random whitespace and escapes, and the offset of every value in it:
    an object's member at its key, an array item or the top-level value at its first
    character."""

    def __init__(self, chance: random.Random) -> None:
        self.chance = chance
        self.parts: list[str] = []
        self.length = 0
        self.offsets: dict[str, int] = {}

    def text(self) -> str:
        return "".join(self.parts)

    def put(self, part: str) -> None:
        self.parts.append(part)
        self.length += len(part)

    def space(self) -> None:
        self.put(self.chance.choice(SPACES))

    def string(self, value: str) -> None:
        """A JSON string, each character written raw or escaped, at random."""
        out = ['"']
        for char in value:
            code, roll = ord(char), self.chance.random()
            if char in '"\\':
                out.append("\\" + char if roll < 0.7 else _u(code, roll < 0.85))
            elif char in SHORT and roll < 0.5:
                out.append(SHORT[char])
            elif code < 0x20 or roll < 0.2:
                if code > 0xFFFF:  # a surrogate pair
                    high, low = divmod(code - 0x10000, 0x400)
                    out.append(_u(0xD800 + high, roll < 0.1) + _u(0xDC00 + low, roll < 0.1))
                else:
                    out.append(_u(code, roll < 0.1))
            elif char == "/" and roll < 0.6:
                out.append("\\/")
            else:
                out.append(char)
        self.put("".join(out) + '"')

    def value(self, value: Any, pointer: str = "") -> None:
        self.offsets.setdefault(pointer, self.length)
        if isinstance(value, dict):
            self.put("{")
            self.space()
            for index, (key, item) in enumerate(value.items()):
                if index:
                    self.put(",")
                    self.space()
                member = f"{pointer}/{_escape(key)}"
                self.offsets[member] = self.length
                self.string(key)
                self.space()
                self.put(":")
                self.space()
                self.value(item, member)
                self.space()
            self.put("}")
        elif isinstance(value, list):
            self.put("[")
            self.space()
            for index, item in enumerate(value):
                if index:
                    self.put(",")
                    self.space()
                self.value(item, f"{pointer}/{index}")
                self.space()
            self.put("]")
        elif isinstance(value, str):
            self.string(value)
        else:
            self.put(json.dumps(value))


@st.composite
def written(draw: st.DrawFn) -> tuple[Any, str, dict[str, int]]:
    """A JSON value, a text of it, and the offset of each of its values, by pointer."""
    value = draw(VALUES)
    writer = Writer(draw(st.randoms(use_true_random=False)))
    writer.space()
    writer.value(value)
    writer.space()
    return value, writer.text(), writer.offsets


def place(text: str, offset: int) -> tuple[int, int]:
    """The reference line and column: lines end at "\\n" only, columns count characters."""
    before = text[:offset]
    return before.count("\n") + 1, len(before) - before.rfind("\n")


@given(written())
def test_every_value_is_placed_where_it_was_written(
    case: tuple[Any, str, dict[str, int]],
) -> None:
    """Every member is placed at its key and every item at its first character, through any
    whitespace, escape, non-ASCII or astral character; a pointer the text lacks goes to its
    nearest ancestor; locating all problems at once places each where it stands alone."""
    value, text, offsets = case
    assert value == json.loads(text)  # the writer writes JSON
    wanted = {pointer: place(text, offset) for pointer, offset in offsets.items()}
    for pointer, offset in offsets.items():
        if f"{pointer}/-" not in offsets:  # "-" is no index and may be no key here
            wanted[f"{pointer}/-"] = place(text, offset)
    wanted["not a pointer"] = place(text, offsets[""])
    assert wanted == {pointer: Locator(text).position(pointer) for pointer in wanted}
    problems = [Problem.of("schema-type", pointer, "m") for pointer in reversed(list(wanted))]
    located = Locator(text).locate_all(problems)
    assert list(reversed(list(wanted.items()))) == [(p.path, (p.line, p.column)) for p in located]


def test_lines_end_at_newline_and_columns_count_characters() -> None:
    """A line ends at "\\n" only (not at a lone "\\r" nor at U+2028, which JSON strings may
    hold raw), and an astral character is one column, as the text has one character there."""
    text = '{"\U0001f600\u2028":\r0, "c": 0,\r\n "b":\t[1,\r 2]}'
    pointers = ["", "/\U0001f600\u2028", "/c", "/b", "/b/0", "/b/1"]
    expected = [(1, 1), (1, 2), (1, 11), (2, 2), (2, 8), (2, 12)]
    assert expected == [Locator(text).position(pointer) for pointer in pointers]


def test_a_problem_placed_already_keeps_its_place() -> None:
    """locate_all leaves a problem that has a line and column as it is."""
    placed = _locate.at(Problem.of("json-bom", "", "m"), 7, 9)
    assert [placed] == Locator('{"a": 1}').locate_all([placed])


# -- what the strict reader refuses, and where ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "code", "pointer", "line", "column", "message"),
    [
        ('{"a": [1, {"b~/": NaN}]}', "json-constant", "/a/1/b~0~1", 1, 19, "NaN is not"),
        ('{"a": {"x": 1,\n  "x": 2}}', "json-duplicate-key", "/a/x", 2, 3, "the key 'x'"),
        ('{"a": {1: 2}}', "json-syntax", "/a", 1, 8, "expected a key"),
        ('{"a": [1 2]}', "json-syntax", "/a", 1, 10, "unexpected '2'"),
        ('{"a" 1}', "json-syntax", "/a", 1, 6, "expected ':'"),
        ('{"a": ["x", "y\\q"]}', "json-syntax", "/a/1", 1, 13, "a string is not closed"),
        ('{"a": "\x01"}', "json-syntax", "/a", 1, 7, "a string is not closed"),
        (
            '{"a": ["\U0001f600\U0001f600", 1e999]}',
            "json-number-range",
            "/a/1",
            1,
            14,
            "the number 1e999",
        ),
        ('{"a": [' + "9" * 400 + "]}", "json-number-range", "/a/0", 1, 8, "the number 999"),
        ('{"a": {"b": -Infinity}}', "json-constant", "/a/b", 1, 13, "-Infinity is not"),
        ('{"a": [tru]}', "json-syntax", "/a/0", 1, 8, "unexpected 'tru'"),
        ("{}\r\n x", "json-syntax", "", 2, 2, "extra data"),
        ('{"a": {"b": [' + "[" * 300, "json-depth", "", 1, 267, "the document is nested"),
        ('{"a": [1,\n 2', "json-syntax", "", 1, 1, "not valid JSON"),
    ],
)
def test_the_first_refusal_names_its_value_and_place(
    text: str, code: str, pointer: str, line: int, column: int, message: str
) -> None:
    """The first thing the strict reader refuses is reported with the pointer of the value
    it stands in and its line and column (a text that only ends too soon, at its start)."""
    refusal = Locator(text).first_refusal()
    assert (code, pointer, line, column) == (
        refusal.code,
        refusal.path,
        refusal.line,
        refusal.column,
    )
    assert refusal.message.startswith(message)


def test_a_refusal_stops_the_places() -> None:
    """Values after the first refusal are not placed: they go to their nearest ancestor
    placed before it, as a reader that stopped there would see."""
    locator = Locator('{"a": 1,\n "b": [1 2],\n "c": 3}')
    assert [(1, 2), (2, 2), (1, 1)] == [locator.position(p) for p in ("/a", "/b", "/c")]


# -- the cost ---------------------------------------------------------------------------------


def _scans(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record each scan of a text the locator makes."""
    scans: list[str] = []
    scan = Locator._scan

    def counted(self: Locator, *arguments: Any) -> None:
        scans.append("scan")
        scan(self, *arguments)

    monkeypatch.setattr(Locator, "_scan", counted)
    return scans


def test_many_problems_are_located_in_one_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    """Locating every problem of a document scans its text once, not once per problem."""
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    document.update({f"extra-{index}": index for index in range(40)})
    scans = _scans(monkeypatch)
    problems = newsarticle.validate(json.dumps(document, indent=3))
    assert 40 == len([p for p in problems if p.code == "schema-unknown-key"])
    assert ["scan"] == scans


def test_a_document_without_problems_is_not_scanned(monkeypatch: pytest.MonkeyPatch) -> None:
    """A document with nothing to locate costs no scan, even when the strict reader reads it."""
    scans = _scans(monkeypatch)
    assert [] == newsarticle.validate(EXAMPLE.read_text(encoding="utf-8").replace("\n", "\r\n"))
    assert [] == scans


MB = 1 << 20


#: Texts of a megabyte or so (made when a test runs, not kept), each with a value at /extra.
HOSTILE: dict[str, Callable[[], str]] = {
    "string": lambda: '{"s": "' + "a" * MB + '", "extra": 1}',
    "astral string": lambda: '{"s": "' + "\U0001f600" * (MB // 4) + '", "extra": 1}',
    "escapes": lambda: '{"s": "' + '\\"\\\\\\u00e9' * (MB // 10) + '", "extra": 1}',
    "key": lambda: '{"' + "k" * MB + '": 1, "extra": 1}',
    "lines": lambda: '{"a": 1,' + "\n" * MB + '"extra": 1}',
    "deep long keys": lambda: '{"s": ' + ('{"' + "k" * (MB // 250) + '": ') * 240 + "1" + "}" * 241,
    "items": lambda: '{"s": [' + "0," * 5000 + '0], "extra": 1}',
}


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_locating_takes_memory_bounded_by_the_text(kind: str) -> None:
    """Locating a problem and a pointer the text lacks holds at most a few copies of the
    text at once, whatever it holds: no per-character backtracking state, no list of every
    line, no pointer for every value."""
    text = HOSTILE[kind]()
    problems = [Problem.of("schema-type", p, "m") for p in ("/extra", "/s/1/absent")]
    tracemalloc.start()
    try:
        Locator(text).locate_all(problems)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 3 * sys.getsizeof(text) + 200_000


# -- the command, in a process of its own, with its peak memory --------------------------------

PEAK = """\
import json, resource, sys
from newsarticle import check, cli
# What the checks import and build when first used (the builders, the converter, the JSON
# Schema validator) comes before the baseline: the measure is what the document takes.
check(b'{"format_version": 1}')
scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss is in bytes there, KiB elsewhere
baseline = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale
with open(sys.argv[1], "w", encoding="utf-8") as out:
    status = cli.run(sys.argv[2:], stdout=out, stderr=out)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale
print(json.dumps({"status": status, "baseline": baseline, "peak": peak}))
"""
# A process starts with the peak memory of the process that forked it (the kernel keeps
# the high-water mark across fork and exec), so the command runs in a grandchild, forked
# by a bare interpreter much smaller than the command's own baseline, not by this test.
LAUNCH = "import subprocess, sys; sys.exit(subprocess.run(sys.argv[1:], timeout=100).returncode)"


def _peak(output: Path, *argv: str | Path) -> dict[str, Any]:
    """Run the command in a new interpreter, its output to ``output``: its status and its
    peak memory (bytes) after the imports (the baseline) and at the end."""
    pytest.importorskip("resource")
    done = subprocess.run(
        [sys.executable, "-c", LAUNCH, sys.executable, "-c", PEAK, output, *map(str, argv)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _large(long: str, where: str) -> tuple[dict[str, Any], str]:
    """The example with ``long`` added to its last paragraph, or as an unknown key, or
    nested deep in an unknown key of a paragraph; and the unknown key."""
    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    if where == "key":
        document[long] = 1
        return document, long
    if where == "paragraph":
        document["paragraphs"][-1]["text"] += " " + long
        document["extra"] = 1
        return document, "extra"
    nested: Any = long
    for depth in range(200):
        nested = {"k": nested} if depth % 2 else [nested]
    document["paragraphs"][-1]["extra"] = nested
    return document, "extra"


@pytest.mark.parametrize(
    ("long", "where"),
    [
        ("word " * (MB // 2), "paragraph"),
        ("k" * 2 * MB, "key"),
        ('a"\\\u00e9' * (MB // 5), "nested"),
    ],
    ids=["long paragraph", "long key", "escapes nested deep"],
)
def test_a_large_document_is_located_in_bounded_memory(
    tmp_path: Path, long: str, where: str
) -> None:
    """A document of megabytes holding one long string (a paragraph, a key, escapes nested
    two hundred levels deep) and one problem is reported at the problem's line and column,
    with peak memory under ten times the document's size over the interpreter's own."""
    document, unknown = _large(long, where)
    source = json.dumps(document, indent=2)
    path = tmp_path / "large.json"
    path.write_text(source, encoding="utf-8")
    size = path.stat().st_size
    assert size > 2 * MB
    result = _peak(tmp_path / "out.txt", "validate", path)
    out = (tmp_path / "out.txt").read_text(encoding="utf-8")
    line, column = place(source, source.index(json.dumps(unknown) + ": "))
    assert 1 == result["status"]
    assert f"{path}:{line}:{column}: schema-unknown-key error" in out
    assert result["peak"] - result["baseline"] < 10 * size


def test_the_profile_of_a_large_valid_document_is_located_in_bounded_memory(
    tmp_path: Path,
) -> None:
    """--profile on a valid document of megabytes places its warnings (at the author they
    name, say) with peak memory under ten times the document's size over the interpreter's."""
    document, _ = _large("word " * (MB // 2), "paragraph")
    del document["extra"]
    source = json.dumps(document, indent=2)
    path = tmp_path / "large.json"
    path.write_text(source, encoding="utf-8")
    size = path.stat().st_size
    assert size > 2 * MB
    result = _peak(tmp_path / "out.txt", "validate", "--profile", path)
    out = (tmp_path / "out.txt").read_text(encoding="utf-8")
    author = source.rindex("{", 0, source.index('"id": "data-forensics-team"'))
    line, column = place(source, author)
    assert 0 == result["status"]
    assert f"{path}:{line}:{column}: seo-author-unidentified warning" in out
    assert result["peak"] - result["baseline"] < 10 * size
