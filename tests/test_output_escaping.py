"""What the command prints of its inputs (file names, JSON Pointers, values quoted in
messages) cannot break out of its line, forge a location or a GitHub workflow command, carry
terminal or bidi controls, fail to encode, or run to megabytes; the JSON report stays exact.

In this process, through ``newsarticle.cli.run``; the real process's standard streams, with
strict encodings, are in test_output_process.py."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import tempfile
import unicodedata
from collections.abc import Sequence
from pathlib import Path, PurePath

import attrs
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from newsarticle._batch import Outcome
from newsarticle._errors import Problem
from newsarticle._inputs import Source
from newsarticle._report import (
    LIMIT,
    NAME_LIMIT,
    encodable,
    escape,
    format_error,
    format_github,
    format_problem,
    outcome_json,
    report_json,
    show_name,
)
from newsarticle.cli import run

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "panjshir.json"

#: What an attacker puts in a key, a value or a file name.
HOSTILE: Sequence[str] = (
    "\n", "\r", "\r\n", "\t", "\x00", "\x07", "\x1b[2J", "\x1b[31mred", "\x1b]0;title\x07",
    "\x7f", "\x85", "\x9b31m", "\u202a", "\u202e", "\u2066", "\u2069", "\u200e", "\u200f",
    "\u061c", "\u2028", "\u2029", "\ufeff", "\u00a0", "\U000e0041", "\ud800", "\udbff",
    "\udfff", "\udcff", "\\", "\\n", "\\x1b", "%0A", "%25", "::error file=evil.py,line=1::owned",
    "\n::warning ::owned", "a:1:1: json-syntax error fake.json", ":1:1:", ": ", ":9", ",", "(",
    ")", "/", "~", "'", '"', "é", "😀", "١",
)  # fmt: skip


@attrs.frozen
class Run:
    status: int
    stdout: str
    stderr: str


def cli(*arguments: str, cwd: Path, stdin: bytes = b"") -> Run:
    """``newsarticle ARGUMENTS`` in this process, in ``cwd``, on streams of text."""
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd):
        status = run(list(arguments), stdin=io.BytesIO(stdin), stdout=stdout, stderr=stderr)
    return Run(status, stdout.getvalue(), stderr.getvalue())


def unescape(text: str) -> str:
    """The text :func:`escape` was given, read back as the body of a JSON string (the
    notation of the escapes; a quote is the one character left raw that JSON escapes)."""
    value = json.loads('"' + text.replace('"', '\\"') + '"')
    assert isinstance(value, str)
    return value


def pointer(key: str) -> str:
    return "/" + key.replace("~", "~0").replace("/", "~1")


def raw_characters(text: str) -> set[str]:
    """The characters of ``text`` that a line of output must not hold raw: controls (but
    the newlines that end lines), format characters (bidi), surrogates, separators."""
    return {
        char
        for char in text
        if char != "\n" and unicodedata.category(char) in {"Cc", "Cf", "Cs", "Zl", "Zp"}
    }


def outcome(name: str, line: int = 1, lines: bool = False) -> Outcome:
    source = Source(name=name, path=None, relative=PurePath("x.json"), lines=lines)
    return Outcome(source=source, line=line, problems=())


def problem(path: str = "/headline", message: str = "a message", line: int = 4) -> Problem:
    return attrs.evolve(Problem.of("schema-type", path, message), line=line, column=3)


# --- the notation -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\n", "\\n"),
        ("\r", "\\r"),
        ("\t", "\\t"),
        ("\b\f", "\\b\\f"),
        ("\x00", "\\u0000"),
        ("\x1b[31m", "\\u001b[31m"),
        ("\x7f", "\\u007f"),
        ("\x85", "\\u0085"),
        ("\x9b", "\\u009b"),
        ("\u202e", "\\u202e"),
        ("\u2066", "\\u2066"),
        ("\u200e\u200f", "\\u200e\\u200f"),
        ("\u061c", "\\u061c"),
        ("\u2028\u2029", "\\u2028\\u2029"),
        ("\ud800", "\\ud800"),
        ("\udcff", "\\udcff"),
        ("\U000e0041", "\\udb40\\udc41"),
        ("\u00a0", "\\u00a0"),
        ("a\\nb", "a\\\\nb"),
        ("café 😀 ١٢", "café 😀 ١٢"),
    ],
    ids=repr,
)
def test_each_unprintable_character_is_written_as_json_escapes_it(text: str, shown: str) -> None:
    """Controls (C0, DEL, C1), bidi and other format characters, line and paragraph
    separators, other spaces and lone surrogates are written as JSON escapes them (beyond
    the BMP as a surrogate pair); a backslash is doubled; printable characters, ASCII or
    not, are kept."""
    assert shown == escape(text)


def test_a_message_keeps_its_backslashes() -> None:
    """A message quotes values with their own escapes (``"a\\nb"``): its backslashes are
    kept as they are, and only the characters that are not printable are escaped."""
    assert 'unknown key "a\\nb" \\u001b' == escape('unknown key "a\\nb" \x1b', backslash=False)


#: Any character: every category, lone surrogates included.
characters = st.characters(exclude_categories=()) | st.characters(categories=["Cs"])


@given(st.lists(characters | st.sampled_from(HOSTILE)).map("".join))
def test_escaping_is_printable_and_reads_back(text: str) -> None:
    """Any text escapes to printable characters only, and reads back exactly: the notation
    is unambiguous.  (Save for a high surrogate followed by a low one, which JSON's notation
    reads as one character, as UTF-16 does: no input gives such text, as the reader reads
    such a pair of escapes as one character and a file name escapes only bytes, as low
    surrogates.)"""
    assume(not re.search("[\ud800-\udbff][\udc00-\udfff]", text))
    shown = escape(text, limit=len(text) * 10 + 10)
    assert shown.isprintable()
    assert text == unescape(shown)


def test_a_long_piece_is_clipped_with_a_count_of_what_was_left_out() -> None:
    """A piece over the limit keeps its start and its end (LIMIT characters in all, as
    printed) around ``…``, and says how many characters were left out."""
    head, tail = LIMIT - LIMIT // 4 - 1, LIMIT // 4
    left_out = 9_000_000 - head - tail
    assert f"{'a' * head}…{'z' * tail} ({left_out:,} characters left out)" == escape(
        "a" * 4_500_000 + "z" * 4_500_000
    )
    newline = "\\n"
    assert f"{newline * (head // 2)}…{newline * (tail // 2)} (751 characters left out)" == (
        escape("\n" * 1000)
    )
    assert f"{'x' * head}…{'x' * tail} (2 characters left out)" == escape("x" * (LIMIT + 1))
    assert "x" * LIMIT == escape("x" * LIMIT)


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        (
            "a:1:1: json-syntax error fake.json",
            "a\\u003a1\\u003a1\\u003a json-syntax error fake.json",
        ),
        ("2024-01-01T10:00.json", "2024-01-01T10\\u003a00.json"),
        ("x: y.json", "x\\u003a y.json"),
        ("x:١.json", "x\\u003a١.json"),
        ("a:b.json", "a:b.json"),
        ("http://x/a.json", "http://x/a.json"),
        ("ends:", "ends:"),
    ],
)
def test_a_name_cannot_end_early(name: str, shown: str) -> None:
    """In a file name, a ``:`` followed by a digit or a space (what follows the name in a
    problem line) is written ``\\u003a``; other colons are kept."""
    assert shown == show_name(name)


def test_a_file_name_cannot_forge_a_location() -> None:
    """A file named like a problem line shows where its name ends: the first ``:`` followed
    by a digit or a space ends the name."""
    name = "a:1:1: json-syntax error fake.json"
    line = format_problem(outcome(name), problem())
    assert (
        "a\\u003a1\\u003a1\\u003a json-syntax error fake.json:4:3: schema-type error a message "
        "(/headline)"
    ) == line
    assert (name, "4") == (
        unescape(line.split(":")[0]),
        re.split(r":(?=[\d ])", line, maxsplit=2)[1],
    )


def test_every_printed_piece_is_bounded() -> None:
    """A 9 MB message, pointer or file name prints as a line of bounded length, in the text
    and the GitHub formats, and as a clipped message in the JSON report."""
    huge = "x" * 9_000_000
    source = outcome("n" * 9_000_000)
    bad = problem(path="/" + huge, message=f"{huge!r} is not valid")
    marker = len("… (9,000,000 characters left out)")
    bound = NAME_LIMIT + 2 * LIMIT + 3 * marker + 100
    assert len(format_problem(source, bad)) < bound
    assert len(format_github(source, bad)) < bound
    report = outcome_json(attrs.evolve(source, problems=(bad,)), valid=False)
    problems = report["problems"]
    assert isinstance(problems, list)
    head, tail = LIMIT - LIMIT // 4 - 1, LIMIT // 4
    left_out = len(bad.message) - head - tail
    assert (
        f"'{'x' * (head - 1)}…{'x' * (tail - 14)}' is not valid ({left_out:,} characters left out)"
        == problems[0]["message"]
    )
    assert bad.path == problems[0]["path"]  # the JSON report keeps the pointer exact
    assert source.source.name == report["file"]


def test_github_annotations_escape_their_properties_and_message() -> None:
    """In a workflow command the file property has no raw ``:`` or ``,``, and the message
    no raw newline or ``%``: an input cannot end the command or start another."""
    name = "x,line=9::owned\n::error file=evil.py"
    line = format_github(outcome(name), problem(path="/a\n::error ::b", message="100%0A"))
    assert (
        "::error file=x%2Cline=9%3A%3Aowned\\n%3A%3Aerror file=evil.py,line=4,col=3,"
        "title=schema-type::100%250A (/a\\n::error ::b)"
    ) == line


def test_the_json_report_escapes_what_a_terminal_would_obey() -> None:
    """The JSON report written to a UTF-8 stream keeps printable characters as they are but
    writes every other one (a lone surrogate, bidi and C1 controls, DEL) as its JSON escape;
    to any other stream it is ASCII.  Both parse back exactly."""
    report = {"file": "bad\udcff.json", "path": "/\ud800\u202e\x9b\x7fé"}
    utf8 = report_json(report, "utf-8")
    assert '"bad\\udcff.json"' in utf8
    assert '"/\\ud800\\u202e\\u009b\\u007fé"' in utf8
    assert report == json.loads(utf8)
    ascii_text = report_json(report, "ascii")
    assert ascii_text.isascii()
    assert report == json.loads(ascii_text)
    assert utf8 == report_json(report, None)
    assert report == json.loads(report_json(report, "UTF8").encode("utf-8"))


def test_text_a_stream_cannot_encode_is_escaped() -> None:
    """A character the stream's encoding lacks is written as its escape."""
    assert "caf\\u00e9 \\ud83d\\ude00" == encodable("café 😀", "ascii")
    assert "café \\ud83d\\ude00" == encodable("café 😀", "latin-1")
    assert "café 😀" == encodable("café 😀", "utf-8")
    assert "café 😀" == encodable("café 😀", None)


def test_an_error_line_is_escaped() -> None:
    """The line of an error that ends a run escapes what it quotes, as a message."""
    error = OSError("[Errno 17] File exists: " + repr("a\nb") + "\n\x1b[2J")
    assert "newsarticle export: error: [Errno 17] File exists: 'a\\nb'\\n\\u001b[2J" == (
        format_error("export", error)
    )


# --- the command --------------------------------------------------------------


def hostile(tmp_path: Path) -> Path:
    """A document whose keys and a value are hostile."""
    document = {
        "format_version": "x\n::error file=evil.py,line=1::owned",
        "x\n::error file=evil.py,line=1::owned": 1,
        "\x1b[2J\u202e\ud800": 2,
    }
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(document), encoding="ascii")
    return path


#: The start and the end of the problem lines of the hostile keys (the message between is
#: the library's wording).
HOSTILE_KEYS = [
    ("hostile.json:1:61: schema-unknown-key error ", " (/x\\n::error file=evil.py,line=1::owned)"),
    ("hostile.json:1:105: schema-unknown-key error ", " (/\\u001b[2J\\u202e\\ud800)"),
]


def one_line_each(lines: list[str], count: int) -> None:
    """``count`` problem lines and the summary, printable, none starting a workflow command."""
    assert count + 1 == len(lines)
    assert all(line.isprintable() for line in lines)
    assert not any(line.startswith("::") for line in lines)
    assert lines[-1].startswith("newsarticle: checked ")


def test_text_problem_lines_escape_keys_and_values(tmp_path: Path) -> None:
    """A key or a value that holds a newline and a workflow command, ESC, U+202E and a lone
    surrogate stays on its problem line, written in escapes; the next file is still checked."""
    hostile(tmp_path)
    result = cli("validate", "hostile.json", str(EXAMPLE), cwd=tmp_path)
    lines = result.stdout.splitlines()
    assert 1 == result.status
    one_line_each(lines, 6)
    for start, end in HOSTILE_KEYS:
        assert 1 == sum(line.startswith(start) and line.endswith(end) for line in lines)
    assert 1 == sum(
        line.startswith("hostile.json:1:2: format-version error ")
        and line.endswith(" (/format_version)")
        for line in lines
    )
    assert "checked 2 documents: 1 valid, 1 invalid; 6 problems" in lines[-1]


def test_github_lines_are_only_the_commands_written(tmp_path: Path) -> None:
    """--format github: one workflow command per problem, each line starting with
    ``::error `` as written, none from the input."""
    hostile(tmp_path)
    result = cli("validate", "--format", "github", "hostile.json", cwd=tmp_path)
    lines = result.stdout.splitlines()
    assert 7 == len(lines)
    assert all(line.isprintable() for line in lines)
    assert all(line.startswith("::error file=hostile.json,line=1,col=") for line in lines[:-1])
    assert lines[-1].startswith("newsarticle: checked 1 document")
    assert 1 == sum(
        line.startswith("::error file=hostile.json,line=1,col=105,title=schema-unknown-key::")
        and line.endswith(" (/\\u001b[2J\\u202e\\ud800)")
        for line in lines
    )


def test_the_json_report_keeps_lone_surrogates_as_json_escapes(tmp_path: Path) -> None:
    """--format json: a key holding a lone surrogate is reported, with the rest of the
    batch; the text holds no raw surrogate (it encodes as UTF-8) and parses back to the
    exact pointer."""
    (tmp_path / "sur.json").write_bytes(b'{"\\ud800": 1}')
    result = cli("validate", "--format", "json", "sur.json", str(EXAMPLE), cwd=tmp_path)
    result.stdout.encode("utf-8")
    assert '"path": "/\\ud800"' in result.stdout
    report = json.loads(result.stdout)
    assert [False, True] == [document["valid"] for document in report["documents"]]
    assert "/\ud800" in {p["path"] for p in report["documents"][0]["problems"]}


def non_utf8_file(folder: Path) -> str:
    """A file whose name is not UTF-8 (the byte 0xFF), holding a truncated document; its
    name as Python gives it (the byte as the surrogate escape U+DCFF)."""
    name = os.fsdecode(b"bad\xff.json")
    (folder / name).write_bytes(b"{")
    return name


def test_a_file_name_that_is_not_utf8_is_shown_as_surrogate_escapes(tmp_path: Path) -> None:
    """A name that is not UTF-8 shows each byte that is not as ``\\udcXX`` in the lines and as
    the JSON escape in the report, which ``os.fsencode`` turns back into the name's bytes;
    named on the command line or found in a folder."""
    name = non_utf8_file(tmp_path)
    for listed in ([name], ["."]):
        text = cli("validate", *listed, cwd=tmp_path)
        assert text.stdout.startswith("bad\\udcff.json:1:2: json-syntax error ")
        github = cli("validate", "--format", "github", *listed, cwd=tmp_path)
        assert github.stdout.startswith("::error file=bad\\udcff.json,line=1,col=2,")
        report = cli("validate", "--format", "json", *listed, cwd=tmp_path)
        assert '"file": "bad\\udcff.json"' in report.stdout
        files = [document["file"] for document in json.loads(report.stdout)["documents"]]
        assert [b"bad\xff.json"] == [os.fsencode(file) for file in files]


def test_strict_streams_in_every_format(tmp_path: Path) -> None:
    """On streams with strict encodings (UTF-8, ASCII), a lone surrogate in a key, a name
    that is not UTF-8 and a non-ASCII key are all written, in every format, with the rest of
    the batch; the JSON report is valid UTF-8 (ASCII on the ASCII stream) and exact."""
    (tmp_path / "sur.json").write_bytes(b'{"\\ud800": 1, "caf\\u00e9": 2}')
    name = non_utf8_file(tmp_path)
    arguments = ["sur.json", name, str(EXAMPLE)]
    for encoding in ("utf-8", "ascii"):
        for form in ("text", "github", "json"):
            stdout = io.TextIOWrapper(io.BytesIO(), encoding=encoding, errors="strict")
            stderr = io.StringIO()
            with contextlib.chdir(tmp_path):
                status = run(
                    ["validate", "--format", form, *arguments], stdout=stdout, stderr=stderr
                )
            stdout.flush()
            assert isinstance(stdout.buffer, io.BytesIO)
            printed = stdout.buffer.getvalue().decode(encoding)
            assert (1, "") == (status, stderr.getvalue())
            if form == "json":
                report = json.loads(printed)
                assert arguments == [d["file"] for d in report["documents"]]
                assert {"/\ud800", "/café"} <= {
                    p["path"] for p in report["documents"][0]["problems"]
                }
            else:
                assert "checked 3 documents: 1 valid, 2 invalid" in printed.splitlines()[-1]
                assert "(/\\ud800)" in printed
                assert "bad\\udcff.json" in printed
                assert ("(/caf\\u00e9)" if encoding == "ascii" else "(/café)") in printed


def test_json_lines_stdin_and_jobs_go_on_after_a_lone_surrogate(tmp_path: Path) -> None:
    """A lone surrogate in a JSON Lines record, in standard input, or with --jobs 2 is
    reported like any key, and the records and files after it are checked."""
    line = json.dumps(json.loads(EXAMPLE.read_text(encoding="utf-8")))
    (tmp_path / "feed.jsonl").write_text('{"\\ud800": 1}\n' + line + "\n", encoding="utf-8")
    arguments = ["-", "feed.jsonl", str(EXAMPLE)]
    one = cli("validate", *arguments, cwd=tmp_path, stdin=b'{"\\udfff": 1}')
    two = cli("validate", "--jobs", "2", *arguments, cwd=tmp_path, stdin=b'{"\\udfff": 1}')
    assert (1, one.stdout) == (two.status, two.stdout)
    lines = one.stdout.splitlines()
    assert any(
        line.startswith("<stdin>:1:2: schema-unknown-key ") and line.endswith(" (/\\udfff)")
        for line in lines
    )
    assert any(
        line.startswith("feed.jsonl:1:2: schema-unknown-key ") and line.endswith(" (/\\ud800)")
        for line in lines
    )
    assert "checked 4 documents in 3 files: 2 valid, 2 invalid" in lines[-1]
    report = cli("validate", "--format", "json", "--jobs", "2", *arguments, cwd=tmp_path)
    assert 4 == len(json.loads(report.stdout)["documents"])


def test_export_problem_lines_are_escaped(tmp_path: Path) -> None:
    """export reports an invalid document on stderr in the same escaped lines."""
    hostile(tmp_path)
    result = cli("export", "--format", "text", "hostile.json", cwd=tmp_path)
    lines = result.stderr.splitlines()
    assert (1, "") == (result.status, result.stdout)
    one_line_each(lines, 6)
    for start, end in HOSTILE_KEYS:
        assert 1 == sum(line.startswith(start) and line.endswith(end) for line in lines)


def test_a_huge_value_prints_a_bounded_line(tmp_path: Path) -> None:
    """A message quoting a long value (200,000 characters) prints a line of bounded
    length."""
    document = {"format_version": "x" * 200_000}
    (tmp_path / "big.json").write_text(json.dumps(document), encoding="utf-8")
    result = cli("validate", "big.json", cwd=tmp_path)
    lines = result.stdout.splitlines()
    assert 1 == result.status
    assert any(line.startswith("big.json:1:2: format-version error ") for line in lines)
    assert max(len(line) for line in lines) < LIMIT + 200


# --- the fuzz -----------------------------------------------------------------

_pieces = st.sampled_from(HOSTILE) | st.text(characters, max_size=8)
hostile_text = st.lists(_pieces, max_size=6).map("".join) | st.builds(
    lambda piece, count: piece * count, st.sampled_from(HOSTILE), st.integers(300, 3000)
)


def _file_name(text: str) -> str | None:
    """``text`` made a name a file can have, or None."""
    name = text.replace("/", "~").replace("\x00", "0")
    try:
        size = len(os.fsencode(name))
    except UnicodeEncodeError:  # a surrogate that no byte escapes to
        return None
    if name in {"", ".", "..", "-"} or size > 200:
        return None
    return name


file_names = st.one_of(
    st.sampled_from(HOSTILE), st.lists(_pieces, min_size=1, max_size=4).map("".join)
).map(_file_name)


@given(
    key=hostile_text,
    value=hostile_text,
    name=file_names,
    kind=st.sampled_from(["file", "lines", "stdin"]),
)
def test_hostile_inputs_through_every_output(
    key: str, value: str, name: str | None, kind: str
) -> None:
    """Hostile keys, values and file names, from a file, a JSON Lines file or standard
    input, through validate's text, github and json formats and export's problem lines:
    each problem is one line (lines = problems + the summary), no line holds a raw control,
    bidi character or surrogate (the JSON report neither), every line is one of the records
    we write, the name reads back from its line, and the JSON report parses back to the exact
    name and pointer."""
    assume(name is not None)
    assert name is not None
    assume(key not in {"format_version", "language"})
    document = {"format_version": value, "language": value, key: 1}
    data = json.dumps(document).encode("ascii")  # a lone surrogate as a JSON escape
    read_key = json.loads(json.dumps(key))  # the key as the reader reads it back
    if kind == "lines":
        name += ".jsonl"
    with tempfile.TemporaryDirectory() as folder:
        if kind == "stdin":
            name, argument = "<stdin>", "-"
        else:
            argument = name
            (Path(folder) / name).write_bytes(data + b"\n")

        def command(*arguments: str) -> Run:
            return cli(*arguments, "--", argument, cwd=Path(folder), stdin=data)

        json_run = command("validate", "--format", "json")
        text_run = command("validate")
        github_run = command("validate", "--format", "github")
        export_run = command("export", "--format", "text")

    json_run.stdout.encode("utf-8")  # no raw surrogate
    assert set() == raw_characters(json_run.stdout)
    report = json.loads(json_run.stdout)
    [reported] = report["documents"]
    problems = reported["problems"]
    assert name == reported["file"]
    assert pointer(read_key) in {p["path"] for p in problems}

    shown = show_name(name)
    for result, stream in ((text_run, text_run.stdout), (export_run, export_run.stderr)):
        lines = stream.splitlines()
        assert len(problems) + 1 == len(lines)
        assert set() == raw_characters(stream)
        for line in lines[:-1]:
            assert line.startswith(f"{shown}:1:")
            assert name == unescape(re.split(r":(?=[\d ])", line, maxsplit=1)[0])
            assert len(line) < NAME_LIMIT + 2 * LIMIT + 200
        assert lines[-1].startswith("newsarticle: checked 1 document")
        assert 1 == result.status

    lines = github_run.stdout.splitlines()
    assert len(problems) + 1 == len(lines)
    assert set() == raw_characters(github_run.stdout)
    assert all(line.startswith("::error file=") for line in lines[:-1])
    assert not lines[-1].startswith("::")


def test_an_error_that_ends_a_run_prints_a_hostile_name_escaped(tmp_path: Path) -> None:
    """The one error line that ends a run (here: an export that would write over its input)
    names the file escaped: no raw newline, ESC or workflow command of the name's own."""
    name = "f\n::error file=evil.py::owned\x1b[2J.jsonl"
    (tmp_path / name).write_text("{}\n", encoding="utf-8")
    result = cli("export", "--format", "jsonld", name, "-o", name, cwd=tmp_path)
    assert 2 == result.status
    assert 1 == len(result.stderr.splitlines())
    assert set() == raw_characters(result.stderr.rstrip("\n"))
    assert not result.stderr.startswith("::")
    assert "\\u001b" in result.stderr
