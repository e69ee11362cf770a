"""The newsarticle command line, run in this process (``newsarticle.cli.run``) on streams of
its own: every input gets a clear answer, never a traceback.  What needs a whole process
(signals, a broken pipe, the installed command) is in test_cli_process.py."""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import attrs
import pytest

import newsarticle
from newsarticle.cli import run

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "panjshir.json"


@attrs.frozen
class Run:
    status: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        return self.stdout.splitlines()


class Terminal(io.StringIO):
    """A captured stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


def cli(
    *arguments: str | Path, cwd: Path | None = None, stdin: bytes = b"", terminal: bool = False
) -> Run:
    """Run ``newsarticle ARGUMENTS`` in this process, in the folder ``cwd``, with ``stdin`` as
    standard input (and a terminal as stderr when asked), and capture what it says."""
    stdout, stderr = io.StringIO(), Terminal() if terminal else io.StringIO()
    with contextlib.chdir(Path.cwd() if cwd is None else cwd):
        status = run(
            [str(argument) for argument in arguments],
            stdin=io.BytesIO(stdin),
            stdout=stdout,
            stderr=stderr,
        )
    return Run(status, stdout.getvalue(), stderr.getvalue())


@pytest.fixture(autouse=True)
def nothing_reaches_the_process_streams(capfd: pytest.CaptureFixture[str]) -> Iterator[None]:
    """Every run writes to the streams it is given only: nothing reaches this process's
    stdout or stderr (workers' included)."""
    yield
    assert ("", "") == capfd.readouterr()


def no_traceback(run: Run) -> None:
    assert "Traceback" not in run.stdout + run.stderr


def example() -> dict[str, object]:
    value: dict[str, object] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return value


def broken() -> dict[str, object]:
    document = example()
    document["headline"] = 5
    document["publisher"] = "nobody"
    return document


def write(path: Path, document: object) -> Path:
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False), encoding="utf-8")
    return path


class TestValidate:
    def test_valid_file_exits_zero_with_a_summary(self) -> None:
        """A valid article prints only the summary line and exits 0."""
        run = cli("validate", EXAMPLE)
        assert 0 == run.status
        assert [
            "newsarticle: checked 1 document: 1 valid, 0 invalid; 0 problems (0 errors, 0 warnings)"
        ] == run.lines

    def test_problems_are_printed_like_a_compiler(self, tmp_path: Path) -> None:
        """FILE:LINE:COLUMN: CODE severity message (JSON Pointer), then the summary; exit 1."""
        path = write(tmp_path / "bad.json", broken())
        before = path.read_bytes()
        run = cli("validate", "bad.json", cwd=tmp_path)
        assert 1 == run.status
        assert [
            "bad.json:4:3: schema-type error expected a string, got a number (/headline)",
            'bad.json:10:3: unresolved-reference error "nobody" is not the id of anything in the '
            "article (expected an organization) (/publisher)",
        ] == run.lines[:-1]
        assert run.lines[-1].endswith("0 valid, 1 invalid; 2 problems (2 errors, 0 warnings)")
        assert before == path.read_bytes()  # an input is never modified

    def test_json_report_parses_back(self, tmp_path: Path) -> None:
        """--format json prints one report a machine can read."""
        write(tmp_path / "bad.json", broken())
        run = cli("validate", "--format", "json", EXAMPLE, tmp_path / "bad.json")
        report = json.loads(run.stdout)
        assert [True, False] == [d["valid"] for d in report["documents"]]
        assert {"schema-type", "unresolved-reference"} == {
            p["code"] for p in report["documents"][1]["problems"]
        }
        assert {"line": 4, "column": 3, "path": "/headline"} == {
            key: report["documents"][1]["problems"][0][key] for key in ("line", "column", "path")
        }
        assert {"documents": 2, "valid": 1, "invalid": 1, "errors": 2} == {
            key: report["summary"][key] for key in ("documents", "valid", "invalid", "errors")
        }
        assert 1 == run.status

    def test_github_annotations(self, tmp_path: Path) -> None:
        """--format github prints workflow commands GitHub Actions turns into annotations."""
        write(tmp_path / "bad.json", broken())
        run = cli("validate", "--format", "github", "bad.json", cwd=tmp_path)
        assert (
            "::error file=bad.json,line=4,col=3,title=schema-type::"
            "expected a string, got a number (/headline)"
        ) == run.lines[0]

    def test_profile_warns_and_strict_fails_on_warnings(self) -> None:
        """--profile adds the search-engine warnings; --strict makes warnings fail the run."""
        relaxed = cli("validate", "--profile", EXAMPLE)
        assert 0 == relaxed.status
        assert {"seo-no-url", "seo-no-date-published", "seo-no-image"} <= {
            line.split()[1] for line in relaxed.lines[:-1]
        }
        assert 1 == cli("validate", "--profile", "--strict", EXAMPLE).status

    def test_folder_is_searched_recursively(self, tmp_path: Path) -> None:
        """A folder stands for every .json and .jsonl file below it, in name order."""
        (tmp_path / "b").mkdir()
        write(tmp_path / "b" / "z.json", example())
        write(tmp_path / "a.json", broken())
        (tmp_path / "notes.txt").write_text("not an article", encoding="utf-8")
        run = cli("validate", ".", cwd=tmp_path)
        assert 1 == run.status
        assert ["a.json", "a.json"] == [line.split(":")[0] for line in run.lines[:-1]]
        assert "checked 2 documents" in run.lines[-1]

    def test_json_lines_report_the_line_of_each_record(self, tmp_path: Path) -> None:
        """In a .jsonl file each line is a document; problems name the file line."""
        lines = [json.dumps(example()), "", json.dumps(broken())]
        (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        run = cli("validate", "feed.jsonl", cwd=tmp_path)
        assert {"feed.jsonl:3"} == {":".join(line.split(":")[:2]) for line in run.lines[:-1]}
        assert "checked 2 documents in 1 file: 1 valid, 1 invalid" in run.lines[-1]

    def test_stdin(self) -> None:
        """- reads one document from standard input."""
        run = cli("validate", "-", stdin=EXAMPLE.read_bytes())
        assert 0 == run.status
        bad = cli("validate", "-", stdin=b"{")
        assert bad.lines[0].startswith("<stdin>:1:2: json-syntax error")

    def test_jobs_give_the_same_output_in_the_same_order(self, tmp_path: Path) -> None:
        """--jobs 2 prints exactly what --jobs 1 prints."""
        for index in range(40):
            document = broken() if index % 3 == 0 else example()
            write(tmp_path / f"article-{index:02d}.json", document)
        one = cli("validate", "--jobs", "1", ".", cwd=tmp_path)
        two = cli("validate", "--jobs", "2", ".", cwd=tmp_path)
        assert (1, one.stdout) == (two.status, two.stdout)
        assert 14 * 2 + 1 == len(one.lines)

    def test_progress_bar_when_stderr_is_a_terminal(self, tmp_path: Path) -> None:
        """With a terminal on stderr, a run over many files shows its progress there."""
        for index in range(30):
            write(tmp_path / f"{index:02d}.json", example())
        run = cli("validate", ".", cwd=tmp_path, terminal=True)
        assert 0 == run.status
        assert "/30" in run.stderr  # the bar counts documents out of the total
        assert "doc" in run.stderr
        assert [
            "newsarticle: checked 30 documents: 30 valid, 0 invalid; 0 problems (0 errors, "
            "0 warnings)"
        ] == run.lines  # the bar stays off stdout

    def test_no_progress_bar_when_stderr_is_not_a_terminal(self, tmp_path: Path) -> None:
        """Progress goes to a terminal only; redirected stderr stays empty."""
        for index in range(3):
            write(tmp_path / f"{index}.json", example())
        assert "" == cli("validate", ".", cwd=tmp_path).stderr


BAD_INPUTS: Sequence[tuple[str, bytes, str, str]] = [
    ("not JSON", b"headline: x\n", "json-syntax", "1:1"),
    ("truncated JSON", EXAMPLE.read_bytes()[:300], "json-syntax", "12:"),
    ("invalid UTF-8", b'{"headline": "caf\xe9"}', "json-encoding", "1:18"),
    ("empty file", b"", "json-empty", "1:1"),
    ("top level not an object", b"[1, 2, 3]", "json-not-object", "1:1"),
    ("duplicate keys", b'{"id": "a",\n "id": "b"}', "json-duplicate-key", "2:2"),
    ("NaN", b'{"format_version": NaN}', "json-constant", "1:20"),
    ("Infinity", b'{"format_version": Infinity}', "json-constant", "1:20"),
    ("number too large", b'{"format_version": 1e999}', "json-number-range", "1:20"),
    ("huge integer", b'{"format_version": ' + b"9" * 400 + b"}", "json-number-range", "1:20"),
    ("deep nesting", b'{"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "json-depth", "1:262"),
]


@pytest.mark.parametrize(
    ("label", "data", "code", "where"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS]
)
def test_bad_input_is_one_located_line(
    tmp_path: Path, label: str, data: bytes, code: str, where: str
) -> None:
    """Each kind of broken file gets its code, file, line and column; exit 1; no traceback."""
    (tmp_path / "input.json").write_bytes(data)
    run = cli("validate", "input.json", cwd=tmp_path)
    no_traceback(run)
    assert 1 == run.status
    first = run.lines[0]
    assert first.startswith(f"input.json:{where}")
    assert f" {code} error " in first
    assert 2 == len(run.lines)


def test_run_goes_on_after_a_bad_file(tmp_path: Path) -> None:
    """A broken file does not stop the run: the next file is still checked."""
    (tmp_path / "a.json").write_bytes(b"{")
    write(tmp_path / "b.json", example())
    run = cli("validate", "a.json", "missing.json", "b.json", cwd=tmp_path)
    assert "checked 3 documents: 1 valid, 1 invalid, 1 unreadable" in run.lines[-1]
    assert 2 == run.status


def test_byte_order_mark_is_accepted_with_a_warning(tmp_path: Path) -> None:
    """A UTF-8 BOM is documented as accepted: a warning, exit 0."""
    (tmp_path / "bom.json").write_bytes(b"\xef\xbb\xbf" + EXAMPLE.read_bytes())
    run = cli("validate", "bom.json", cwd=tmp_path)
    assert (0, "bom.json:1:1: json-bom warning") == (run.status, run.lines[0][:30])


def test_missing_path_is_an_input_error(tmp_path: Path) -> None:
    """A path that does not exist: one line naming it, exit 2."""
    run = cli("validate", "nowhere.json", cwd=tmp_path)
    assert (2, "nowhere.json: file-not-found error no such file or folder") == (
        run.status,
        run.lines[0],
    )


def test_folder_without_articles_is_an_input_error(tmp_path: Path) -> None:
    """A folder with no .json or .jsonl file is reported, exit 2."""
    (tmp_path / "empty").mkdir()
    run = cli("validate", "empty", cwd=tmp_path)
    assert (2, "empty: no-input-files error the folder holds no .json or .jsonl file") == (
        run.status,
        run.lines[0],
    )


def test_unreadable_file_is_an_input_error(tmp_path: Path) -> None:
    """A file that cannot be read is reported with the reason, exit 2."""
    if os.geteuid() == 0:  # root reads any file: use one the kernel refuses to read
        path = Path("/proc/self/mem")
        if not path.exists():
            pytest.skip("running as root on a system without /proc/self/mem")
    else:
        path = tmp_path / "secret.json"
        path.write_bytes(EXAMPLE.read_bytes())
        path.chmod(0)
    run = cli("validate", path)
    no_traceback(run)
    assert 2 == run.status
    assert f"{path}: file-unreadable error" in run.lines[0]


def test_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    """A 1 GB file is refused at once; --max-size raises the limit."""
    big = tmp_path / "big.json"
    with big.open("wb") as stream:
        stream.truncate(1 << 30)  # sparse: takes no disk space
    run = cli("validate", "big.json", cwd=tmp_path)
    assert (2, "big.json: file-too-large error") == (run.status, run.lines[0][:30])
    assert "--max-size" in run.lines[0]
    small = tmp_path / "small.json"
    small.write_bytes(EXAMPLE.read_bytes())
    assert 2 == cli("validate", "--max-size", "1K", small).status
    assert 0 == cli("validate", "--max-size", "1M", small).status


def test_json_lines_record_over_the_size_limit_names_its_line(tmp_path: Path) -> None:
    """In a JSON Lines file the size limit applies to each line: a line over it is reported
    at its line and column, like any other problem of a record, and the next line is
    still checked; exit 2."""
    big = json.dumps({"headline": "x" * 70_000})
    (tmp_path / "long.jsonl").write_text(f"{big}\n{json.dumps(example())}\n", encoding="utf-8")
    run = cli("validate", "--max-size", "64K", "long.jsonl", cwd=tmp_path)
    no_traceback(run)
    assert [
        "long.jsonl:1:1: file-too-large error the line is larger than the limit of 65,536 bytes "
        "(raise it with --max-size)",
        "newsarticle: checked 2 documents in 1 file: 1 valid, 0 invalid, 1 unreadable; "
        "1 problem (1 error, 0 warnings)",
    ] == run.lines
    assert 2 == run.status


@pytest.mark.parametrize("ending", [b"\n", b"\r\n"], ids=["LF", "CRLF"])
def test_json_lines_size_limit_leaves_out_the_line_ending(tmp_path: Path, ending: bytes) -> None:
    """A line exactly at the limit is accepted whatever its line ending; one byte more is
    refused, at its line."""
    line = json.dumps(example()).encode("utf-8")
    (tmp_path / "feed.jsonl").write_bytes(line + ending + line + b" " + ending)
    run = cli("validate", "--max-size", str(len(line)), "feed.jsonl", cwd=tmp_path)
    assert (2, "feed.jsonl:2:1: file-too-large error") == (run.status, run.lines[0][:36])
    assert "checked 2 documents in 1 file: 1 valid, 0 invalid, 1 unreadable" in run.lines[-1]


def test_usage_errors_exit_two() -> None:
    """A command line that makes no sense exits 2 with argparse's message."""
    run = cli("validate")
    assert 2 == run.status
    assert "the following arguments are required: PATH" in run.stderr
    assert 2 == cli("validate", "--jobs", "-1", str(EXAMPLE)).status


@pytest.mark.parametrize("command", ["validate", "export", "schema"])
def test_every_command_has_help_with_examples(command: str) -> None:
    """--help explains each command and shows examples."""
    run = cli(command, "--help")
    assert 0 == run.status
    assert "examples:" in run.stdout


def test_schema_prints_the_bundled_schema() -> None:
    """`newsarticle schema` prints the published schema; --path prints where it is."""
    run = cli("schema")
    assert (ROOT / "schemas" / "article.schema.json").read_text(encoding="utf-8") == run.stdout
    located = Path(cli("schema", "--path").stdout.strip())
    assert run.stdout == located.read_text(encoding="utf-8")


def test_version() -> None:
    """--version names the package version."""
    assert f"newsarticle {newsarticle.__version__}" == cli("--version").stdout.strip()


class TestExport:
    def test_one_file_goes_to_stdout(self) -> None:
        """A single input is exported to standard output, exactly as the library renders it."""
        run = cli("export", "--format", "jsonld", EXAMPLE)
        assert (0, newsarticle.to_jsonld_text(newsarticle.load(EXAMPLE))) == (
            run.status,
            run.stdout,
        )

    def test_text_options_and_output_file(self, tmp_path: Path) -> None:
        """-o names the output file; --width and --sources shape the text export."""
        target = tmp_path / "panjshir.txt"
        run = cli("export", "--format", "text", "--width", "60", "--sources", EXAMPLE, "-o", target)
        expected = newsarticle.to_text(newsarticle.load(EXAMPLE), width=60, sources=True)
        assert (0, "", expected) == (run.status, run.stdout, target.read_text(encoding="utf-8"))

    def test_many_files_go_to_a_folder_with_matching_names(self, tmp_path: Path) -> None:
        """A folder of inputs is exported to a folder, keeping relative names; invalid inputs
        are reported on stderr and skipped."""
        source = tmp_path / "in"
        (source / "world").mkdir(parents=True)
        write(source / "world" / "panjshir.json", example())
        write(source / "broken.json", broken())
        run = cli("export", "--format", "html", source, "-o", tmp_path / "site")
        assert 1 == run.status
        assert ["world/panjshir.html"] == sorted(
            str(p.relative_to(tmp_path / "site")) for p in (tmp_path / "site").rglob("*.*")
        )
        assert "broken.json:4:3: schema-type error" in run.stderr
        no_traceback(run)

    def test_json_lines_in_json_lines_out(self, tmp_path: Path) -> None:
        """Each valid line becomes one line of compact JSON-LD, in order; invalid lines are
        reported with their line number and left out."""
        lines = [json.dumps(example()), json.dumps(broken()), json.dumps(example())]
        (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        run = cli("export", "--format", "jsonld", "feed.jsonl", "-o", "out/", cwd=tmp_path)
        out = (tmp_path / "out" / "feed.jsonl").read_text(encoding="utf-8").splitlines()
        expected = newsarticle.to_jsonld(newsarticle.load(EXAMPLE))
        assert [expected, expected] == [json.loads(line) for line in out]
        assert "feed.jsonl:2:" in run.stderr
        assert 1 == run.status

    def test_jobs_two_exports_what_jobs_one_does(self, tmp_path: Path) -> None:
        """--jobs 2 writes the same JSON Lines output as --jobs 1."""
        lines = [json.dumps(broken() if i % 5 == 0 else example()) for i in range(60)]
        (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        one = cli("export", "--format", "text", "--jobs", "1", tmp_path / "feed.jsonl")
        two = cli("export", "--format", "text", "--jobs", "2", tmp_path / "feed.jsonl")
        assert (one.stdout, one.stderr) == (two.stdout, two.stderr)
        assert 48 == len(one.lines)

    def test_several_inputs_without_output_is_a_usage_error(self, tmp_path: Path) -> None:
        """Exports of several inputs need a folder to go to."""
        run = cli("export", "--format", "text", EXAMPLE, EXAMPLE)
        assert (2, "") == (run.status, run.stdout)
        assert "need -o FOLDER" in run.stderr

    @pytest.mark.parametrize(
        ("inputs", "output", "target"),
        [
            (["feed.jsonl"], "feed.jsonl", "feed.jsonl"),
            (["in"], "in/", "in/feed.jsonl"),
            (["in", "story.json"], "in", "in/feed.jsonl"),
            (["story.json"], "link.txt", "link.txt"),
        ],
        ids=["the input file", "its folder", "among other inputs", "a link to it"],
    )
    def test_an_export_never_replaces_an_input(
        self, tmp_path: Path, inputs: list[str], output: str, target: str
    ) -> None:
        """A target that is one of the inputs (by any name) is refused before anything is
        written: one line naming the target and the input, exit 2, the input byte-identical."""
        feed = (json.dumps(example()) + "\n").encode("utf-8")
        (tmp_path / "feed.jsonl").write_bytes(feed)
        (tmp_path / "in").mkdir()
        (tmp_path / "in" / "feed.jsonl").write_bytes(feed)
        write(tmp_path / "in" / "other.json", example())
        story = write(tmp_path / "story.json", example()).read_bytes()
        (tmp_path / "link.txt").symlink_to("story.json")
        before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
        run = cli("export", "--format", "jsonld", *inputs, "-o", output, cwd=tmp_path)
        no_traceback(run)
        source = "story.json" if output == "link.txt" else target
        assert (2, "") == (run.status, run.stdout)
        assert [
            f"newsarticle export: error: the export of {source} would be written to {target}, "
            f"which is the input {source}; nothing was written"
        ] == run.stderr.splitlines()
        assert (feed, feed, story) == (
            (tmp_path / "feed.jsonl").read_bytes(),
            (tmp_path / "in" / "feed.jsonl").read_bytes(),
            (tmp_path / "story.json").read_bytes(),
        )
        assert before == sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))

    def test_an_empty_folder_is_reported_and_the_rest_exported(self, tmp_path: Path) -> None:
        """A folder with no article files, exported into -o FOLDER, is reported as validate
        reports it; the other inputs are still exported; exit 2."""
        (tmp_path / "empty").mkdir()
        (tmp_path / "many").mkdir()
        write(tmp_path / "many" / "a.json", example())
        alone = cli("export", "--format", "text", "-o", "out/", "empty", cwd=tmp_path)
        no_traceback(alone)
        message = "empty: no-input-files error the folder holds no .json or .jsonl file"
        assert (2, message) == (alone.status, alone.stderr.splitlines()[0])
        assert not (tmp_path / "out").exists()
        run = cli("export", "--format", "text", "-o", "out/", "empty", "many", cwd=tmp_path)
        no_traceback(run)
        assert (2, message) == (run.status, run.stderr.splitlines()[0])
        assert "1 valid, 0 invalid, 1 unreadable" in run.stderr.splitlines()[-1]
        expected = newsarticle.to_text(newsarticle.load(EXAMPLE))
        assert expected == (tmp_path / "out" / "a.txt").read_text(encoding="utf-8")

    @pytest.mark.parametrize("value", ["5", "19", "0", "-3", "wide"])
    def test_width_out_of_range_is_a_usage_error(self, value: str) -> None:
        """--width takes a whole number of columns, at least 20; anything else is a usage
        error (exit 2) with argparse's one-line message, not a traceback."""
        run = cli("export", "--format", "text", "--width", value, EXAMPLE)
        no_traceback(run)
        reason = (
            f"{value!r} is not a number of columns"
            if value == "wide"
            else "the width must be at least 20 columns"
        )
        assert (2, "", f"newsarticle export: error: argument --width: {reason}") == (
            run.status,
            run.stdout,
            run.stderr.splitlines()[-1],
        )
        assert 0 == cli("export", "--format", "text", "--width", "20", EXAMPLE).status


def test_an_output_that_cannot_be_written_is_one_line(tmp_path: Path) -> None:
    """An output the system refuses (here a folder where a file is) is one line on stderr
    naming the command and the system's reason, and exit 2."""
    (tmp_path / "afile").write_text("a file, not a folder\n", encoding="utf-8")
    run = cli("export", "--format", "text", "-o", "afile/x.txt", EXAMPLE, cwd=tmp_path)
    assert (2, "", ["newsarticle export: error: [Errno 17] File exists: 'afile'"]) == (
        run.status,
        run.stdout,
        run.stderr.splitlines(),
    )


class TestRun:
    """``newsarticle.cli.run``: the whole command line in this process, on given streams."""

    def test_help_goes_to_the_given_stdout(self) -> None:
        """`run(["--help"], stdout=...)` returns 0 with the help in that stream, and does not
        exit the process."""
        stdout, stderr = io.StringIO(), io.StringIO()
        assert 0 == run(["--help"], stdout=stdout, stderr=stderr)
        assert stdout.getvalue().startswith("usage: newsarticle [-h] [--version] COMMAND ...\n")
        assert "Run 'newsarticle COMMAND --help'" in stdout.getvalue()
        assert "" == stderr.getvalue()

    def test_version_goes_to_the_given_stdout(self) -> None:
        """`run(["--version"], stdout=...)` returns 0 with the version line in that stream."""
        stdout, stderr = io.StringIO(), io.StringIO()
        assert 0 == run(["--version"], stdout=stdout, stderr=stderr)
        assert (f"newsarticle {newsarticle.__version__}\n", "") == (
            stdout.getvalue(),
            stderr.getvalue(),
        )

    def test_usage_error_goes_to_the_given_stderr(self) -> None:
        """`run(["validate"], stderr=...)` returns 2 with argparse's usage and message in that
        stream, nothing on stdout."""
        stdout, stderr = io.StringIO(), io.StringIO()
        assert 2 == run(["validate"], stdout=stdout, stderr=stderr)
        lines = stderr.getvalue().splitlines()
        assert lines[0].startswith("usage: newsarticle validate [-h]")
        message = "newsarticle validate: error: the following arguments are required: PATH"
        assert message == lines[-1]
        assert "" == stdout.getvalue()

    def test_two_runs_write_only_to_their_own_streams(self, tmp_path: Path) -> None:
        """Two runs in one process, each on its own streams: each stream holds what its own
        run said, and nothing of the other's."""
        bad = write(tmp_path / "bad.json", broken())
        first_out, first_err = io.StringIO(), io.StringIO()
        second_out, second_err = io.StringIO(), io.StringIO()
        assert 1 == run(["validate", str(bad)], stdout=first_out, stderr=first_err)
        assert 2 == run(["export", "--format", "text"], stdout=second_out, stderr=second_err)
        assert 0 == run(["--version"], stdout=second_out, stderr=second_err)
        assert 1 == run(
            ["export", "--format", "text", str(bad)], stdout=first_out, stderr=first_err
        )
        report = [
            f"{bad}:4:3: schema-type error expected a string, got a number (/headline)",
            f'{bad}:10:3: unresolved-reference error "nobody" is not the id of anything in the '
            "article (expected an organization) (/publisher)",
            "newsarticle: checked 1 document: 0 valid, 1 invalid; 2 problems (2 errors, "
            "0 warnings)",
        ]
        assert report == first_out.getvalue().splitlines()
        assert report == first_err.getvalue().splitlines()
        assert f"newsarticle {newsarticle.__version__}\n" == second_out.getvalue()
        assert (
            "newsarticle export: error: the following arguments are required: PATH"
            == (second_err.getvalue().splitlines()[-1])
        )

    def test_the_default_streams_are_the_process_streams(
        self, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without streams, a run reads the process's standard input and writes to its
        stdout and stderr, as they are at the time of the call."""
        standard_input = io.TextIOWrapper(io.BytesIO(EXAMPLE.read_bytes()), encoding="utf-8")
        monkeypatch.setattr(sys, "stdin", standard_input)
        assert 0 == run(["validate", "-"])
        assert 2 == run(["validate"])
        out, err = capfd.readouterr()
        assert [
            "newsarticle: checked 1 document: 1 valid, 0 invalid; 0 problems (0 errors, 0 warnings)"
        ] == out.splitlines()
        assert (
            "newsarticle validate: error: the following arguments are required: PATH"
            == (err.splitlines()[-1])
        )

    def test_standard_input_is_read_here_with_jobs(self) -> None:
        """With --jobs 2, standard input is read in the calling process (the workers get its
        bytes): the given stream is read to its end, and its export is printed."""
        data = EXAMPLE.read_bytes()
        stdin, stdout = io.BytesIO(data), io.StringIO()
        arguments = ["export", "--format", "text", "--jobs", "2", "-"]
        assert 0 == run(arguments, stdin=stdin, stdout=stdout)
        assert len(data) == stdin.tell()
        assert newsarticle.to_text(newsarticle.load(EXAMPLE)) == stdout.getvalue()

    def test_a_broken_pipe_ends_quietly_with_status_two(self) -> None:
        """A stdout whose reader went away ends the run with status 2 and no message."""

        class Closed(io.StringIO):
            def write(self, text: str) -> int:
                raise BrokenPipeError(32, "Broken pipe")

        stderr = io.StringIO()
        assert 2 == run(
            ["export", "--format", "jsonld", str(EXAMPLE)], stdout=Closed(), stderr=stderr
        )
        assert "" == stderr.getvalue()

    def test_an_interrupted_export_keeps_the_old_file(self, tmp_path: Path) -> None:
        """Ctrl-C (KeyboardInterrupt) during an export is left to the caller, after the
        unfinished output is dropped: the old file is as it was, no temporary file is left."""

        class Interrupting(io.StringIO):
            def write(self, text: str) -> int:
                raise KeyboardInterrupt

        lines = [json.dumps(example()), json.dumps(broken()), json.dumps(example())]
        (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        target = tmp_path / "out.jsonl"
        target.write_text("the old export\n", encoding="utf-8")
        arguments = [
            "export",
            "--format",
            "jsonld",
            str(tmp_path / "feed.jsonl"),
            "-o",
            str(target),
        ]
        with pytest.raises(KeyboardInterrupt):
            run(arguments, stderr=Interrupting())  # interrupted at the second line's report
        assert "the old export\n" == target.read_text(encoding="utf-8")
        assert ["feed.jsonl", "out.jsonl"] == sorted(p.name for p in tmp_path.iterdir())
