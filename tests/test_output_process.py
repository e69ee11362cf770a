"""The command as a whole process writing to its real standard streams, in strict and
narrow encodings: a lone surrogate in a key, a file name that is not UTF-8, terminal and
bidi controls never raise UnicodeEncodeError, every format prints the whole batch, and the
JSON report is valid UTF-8.  The same cases on in-process streams, and the fuzz, are in
test_output_escaping.py."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest

from newsarticle.cli import run

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "panjshir.json"

#: The environments of the runs: the encoding of the standard streams, and with the C locale
#: Python's own choice (UTF-8 mode, or ASCII when it is turned off).
ENVIRONMENTS: Mapping[str, Mapping[str, str]] = {
    "PYTHONIOENCODING=utf-8": {"PYTHONIOENCODING": "utf-8"},
    "PYTHONIOENCODING=ascii": {"PYTHONIOENCODING": "ascii"},
    "LC_ALL=C": {"LC_ALL": "C"},
    "LC_ALL=C without UTF-8 mode": {"LC_ALL": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
}
#: The name of a file that is not UTF-8, and as Python gives it.
NON_UTF8 = b"bad\xff.json"
#: What standard input holds: a key that is a lone surrogate.
STDIN = b'{"\\udfff": 1}'
#: The problem lines' own characters (and the summary's) that come from the inputs,
#: escaped, and what must never appear raw in the bytes written.
RAW = [b"\x1b", "\u202e".encode(), "\x9b".encode(), b"\xed\xa0\x80", b"\xff"]


def environment(name: str) -> dict[str, str]:
    variables = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("LC_")
        and key not in {"LANG", "PYTHONIOENCODING", "PYTHONUTF8", "PYTHONCOERCECLOCALE"}
    }
    return variables | dict(ENVIRONMENTS[name])


def inputs(folder: Path) -> Path:
    """A folder of hostile inputs beside a valid article: a file whose keys are a lone
    surrogate, ESC and U+202E, and U+009B; a file whose name is not UTF-8; a JSON Lines file
    whose first record has a lone surrogate for a key and whose second is valid."""
    folder.mkdir()
    (folder / "sur.json").write_bytes(
        b'{"\\ud800": 1, "caf\\u00e9": 2, "\\u001b[2J\\u202e": 3, "\\u009b31m": 4}'
    )
    (folder / os.fsdecode(NON_UTF8)).write_bytes(b"{")
    line = json.dumps(json.loads(EXAMPLE.read_text(encoding="utf-8")))
    (folder / "feed.jsonl").write_text('{"\\ud800": 1}\n' + line + "\n", encoding="utf-8")
    (folder / "good.json").write_bytes(EXAMPLE.read_bytes())
    return folder


def newsarticle(
    arguments: list[str], cwd: Path, name: str, stdin: bytes = STDIN
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "newsarticle", *arguments],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env=environment(name),
        timeout=120,
        check=False,
    )


def assert_clean(written: bytes, name: str, lines: bool = True) -> str:
    """The bytes written decode as UTF-8 (ASCII where the stream is); problem ``lines``
    hold no raw control, bidi character or surrogate (a JSON report keeps the characters
    JSON allows as they are)."""
    text = written.decode("utf-8")  # strict: valid UTF-8
    if "ascii" in name or "without" in name:
        assert text.isascii()
    if lines:
        assert [] == [raw for raw in RAW if raw in written]
    return text


@pytest.mark.parametrize(
    ("name", "form"),
    [(name, form) for name in ENVIRONMENTS for form in ("text", "json")]
    + [("PYTHONIOENCODING=ascii", "github")],
)
def test_validate_prints_the_whole_batch_in_any_encoding(
    tmp_path: Path, name: str, form: str
) -> None:
    """validate of standard input, a folder with a lone surrogate in a key, a name that is
    not UTF-8, a JSON Lines file and a valid file: exit 1, nothing on stderr (no traceback),
    one line per problem and the summary (text, github) or a JSON report that is valid
    UTF-8 and parses back to the exact names and pointers (json); with --jobs 2 for github
    and json."""
    folder = inputs(tmp_path / "in")
    jobs = "1" if form == "text" else "2"
    result = newsarticle(["validate", "--format", form, "--jobs", jobs, "-", "."], folder, name)
    assert (1, b"") == (result.returncode, result.stderr)
    text = assert_clean(result.stdout, name, lines=form != "json")
    if form == "json":
        report = json.loads(text)
        assert [
            "<stdin>",
            os.fsdecode(NON_UTF8),
            "feed.jsonl",
            "feed.jsonl",
            "good.json",
            "sur.json",
        ] == [document["file"] for document in report["documents"]]
        assert [False, False, False, True, True, False] == [
            document["valid"] for document in report["documents"]
        ]
        assert {"/\ud800", "/café", "/\x1b[2J\u202e", "/\x9b31m"} <= {
            problem["path"] for problem in report["documents"][-1]["problems"]
        }
        return
    lines = text.splitlines()
    summary = re.search(r"; (\d+) problems", lines[-1])
    assert summary is not None
    assert int(summary.group(1)) + 1 == len(lines)
    assert "checked 6 documents in 5 files: 2 valid, 4 invalid" in lines[-1]
    if form == "github":
        assert all(line.startswith("::error file=") for line in lines[:-1])
    cafe = "caf\\u00e9" if text.isascii() else "café"
    for shown in [
        "(/\\udfff)",
        "(/\\ud800)",
        "(/\\u001b[2J\\u202e)",
        "(/\\u009b31m)",
        f"(/{cafe})",
    ]:
        assert any(line.endswith(shown) for line in lines), shown
    start = "::error file=bad\\udcff.json," if form == "github" else "bad\\udcff.json:1:2: "
    assert any(line.startswith(start) for line in lines)


@pytest.mark.parametrize("name", ["PYTHONIOENCODING=utf-8", "LC_ALL=C without UTF-8 mode"])
def test_export_reports_hostile_inputs_and_exports_the_rest(tmp_path: Path, name: str) -> None:
    """export of the same inputs (--jobs 2): the problem lines on stderr are escaped and
    encodable (standard error is written with escapes for what its encoding lacks, but
    would pass controls through), and the valid documents are still exported."""
    folder = inputs(tmp_path / "in")
    arguments = ["export", "--format", "text", "--jobs", "2", "-o", str(tmp_path / "out"), "."]
    result = newsarticle(arguments, folder, name)
    assert (1, b"") == (result.returncode, result.stdout)
    lines = assert_clean(result.stderr, name).splitlines()
    assert any(line.startswith("bad\\udcff.json:1:2: json-syntax error ") for line in lines)
    assert any(line.endswith(" (/\\u001b[2J\\u202e)") for line in lines)
    assert "checked 5 documents in 4 files: 2 valid, 3 invalid" in lines[-1]
    assert ["feed.jsonl", "good.txt"] == sorted(p.name for p in (tmp_path / "out").iterdir())


@pytest.mark.parametrize("name", ["PYTHONIOENCODING=ascii", "LC_ALL=C without UTF-8 mode"])
@pytest.mark.parametrize(
    "arguments",
    [
        ["export", "--format", "text", str(EXAMPLE)],
        ["export", "--format", "jsonld", str(EXAMPLE)],
        ["export", "--format", "html", str(EXAMPLE)],
        ["import", str(EXAMPLE.with_suffix(".html"))],
    ],
    ids=["text", "jsonld", "html", "import"],
)
def test_exports_to_stdout_are_utf8_in_any_encoding(
    tmp_path: Path, name: str, arguments: list[str]
) -> None:
    """An export (or an imported article document) written to standard output is the
    document's UTF-8 bytes whatever the encoding of the stream (an ASCII terminal, the C
    locale): exactly what ``-o FILE`` writes, never a traceback."""
    target = tmp_path / "out"
    with open(os.devnull, "w", encoding="utf-8") as null:  # the file is what it always is
        assert 0 == run([*arguments, "-o", str(target)], stdout=null, stderr=null)
    result = newsarticle(arguments, tmp_path, name)
    assert b"Traceback" not in result.stderr
    assert (0, target.read_bytes()) == (result.returncode, result.stdout)
    assert not result.stdout.isascii()
