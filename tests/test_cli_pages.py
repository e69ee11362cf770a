"""``newsarticle import`` and ``newsarticle audit``, run in this process on streams of their
own: pages and JSON-LD in (files, folders, gzip-compressed, standard input), article
documents and findings out, with the exit codes, atomic writes and ``--jobs`` of ``export``
and ``validate``.

The pages here are the Panjshir example's HTML export (a real article) and small invented
pages under ``example.com``.
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import newsarticle
from test_cli import (  # the autouse fixture applies here too
    EXAMPLE,
    Run,
    cli,
    no_traceback,
    nothing_reaches_the_process_streams,  # noqa: F401
)
from test_streams_signals import alive, wait_for


def page() -> str:
    """The HTML export of the Panjshir example: a page whose JSON-LD holds its article."""
    return newsarticle.to_html(newsarticle.load(EXAMPLE))


def invented(jsonld: str) -> str:
    """An invented page under example.com with one ld+json block."""
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<title>Invented</title>\n'
        f'<script type="application/ld+json">{jsonld}</script>\n</head>\n'
        "<body><p>An invented page.</p></body>\n</html>\n"
    )


INVENTED_ARTICLE = json.dumps(
    {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "An invented headline",
        "datePublished": "2024-05-01T10:00:00",
        "author": {"@type": "Person", "name": "Ada Example"},
        "publisher": {"@type": "Organization", "name": "Example News"},
    }
)


def imported(text: str) -> newsarticle.Article:
    """The article of an article document the command wrote."""
    return newsarticle.loads(text)


# --- import ---------------------------------------------------------------------------


def test_import_writes_the_article_document_of_one_page_to_stdout(tmp_path: Path) -> None:
    """One page in, its article document out on stdout: the article read_html gives, with
    what was repaired, guessed or dropped on stderr as FILE:LINE:COLUMN lines."""
    source = tmp_path / "story.html"
    source.write_text(page(), encoding="utf-8")
    result = cli("import", source)
    no_traceback(result)
    expected, problems = newsarticle.read_html(page())
    assert expected is not None
    assert 0 == result.status
    assert expected == imported(result.stdout)
    assert len(problems) == len(result.stderr.splitlines())


@pytest.mark.parametrize(
    ("fmt", "export"),
    [
        ("jsonld", newsarticle.to_jsonld_text),
        ("html", newsarticle.to_html),
        ("text", newsarticle.to_text),
    ],
)
def test_import_exports_the_article_in_any_export_format(
    tmp_path: Path, fmt: str, export: object
) -> None:
    """``--format jsonld|html|text`` writes the imported article as ``export`` would."""
    source = tmp_path / "story.html"
    source.write_text(page(), encoding="utf-8")
    article, _ = newsarticle.read_html(page())
    assert article is not None
    assert callable(export)
    result = cli("import", "--format", fmt, source)
    assert 0 == result.status
    assert str(export(article)).rstrip("\n") == result.stdout.rstrip("\n")


def test_import_reads_a_folder_of_pages_into_a_folder_of_documents(tmp_path: Path) -> None:
    """A folder's .html, .htm, .html.gz and .jsonld files are imported, each into
    ``<name>.json`` of the output folder (its subfolders kept); other files are left
    alone."""
    pages = tmp_path / "pages"
    (pages / "world").mkdir(parents=True)
    (pages / "a.html").write_text(page(), encoding="utf-8")
    (pages / "world" / "b.htm").write_text(invented(INVENTED_ARTICLE), encoding="utf-8")
    (pages / "c.html.gz").write_bytes(gzip.compress(page().encode("utf-8")))
    jsonld = newsarticle.to_jsonld_text(newsarticle.load(EXAMPLE))
    (pages / "d.jsonld").write_text(jsonld, encoding="utf-8")
    (pages / "notes.txt").write_text("not a page", encoding="utf-8")
    (pages / "article.json").write_text("{}", encoding="utf-8")
    out = tmp_path / "out"
    result = cli("import", pages, "-o", f"{out}/")
    no_traceback(result)
    assert 0 == result.status, result.stderr
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert ["a.json", "c.json", "d.json", "world/b.json"] == written
    expected, _ = newsarticle.read_html(page())
    assert expected == imported((out / "a.json").read_text(encoding="utf-8"))
    assert expected == imported((out / "c.json").read_text(encoding="utf-8"))
    from_jsonld, _ = newsarticle.read_jsonld(jsonld)
    assert from_jsonld == imported((out / "d.json").read_text(encoding="utf-8"))


def test_import_with_jobs_writes_what_one_process_writes(tmp_path: Path) -> None:
    """``--jobs 2`` writes the same files and the same problem lines, in input order."""
    pages = tmp_path / "pages"
    pages.mkdir()
    for number in range(6):
        (pages / f"p{number}.html").write_text(page(), encoding="utf-8")
    (pages / "p9.html").write_text("<html><p>no article</p></html>", encoding="utf-8")
    one = cli("import", pages, "-o", f"{tmp_path / 'one'}/")
    two = cli("import", pages, "-o", f"{tmp_path / 'two'}/", "--jobs", "2")
    assert 1 == one.status == two.status
    assert one.stderr.replace("/one/", "/") == two.stderr.replace("/two/", "/")
    for written in (tmp_path / "one").iterdir():
        assert written.read_bytes() == (tmp_path / "two" / written.name).read_bytes()


def test_a_page_without_an_article_fails_and_writes_nothing(tmp_path: Path) -> None:
    """A page whose JSON-LD holds no article: status 1, ``import-no-article`` and the summary
    on stderr, and the file named by -o left as it was."""
    source = tmp_path / "empty.html"
    source.write_text(invented('{"@context": "https://schema.org", "@type": "WebSite"}'))
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    result = cli("import", source, "-o", target)
    no_traceback(result)
    assert 1 == result.status
    assert "old" == target.read_text(encoding="utf-8")
    no_article = r"empty\.html: import-no-article error the page has no article node"
    assert re.search(no_article, result.stderr)
    assert (
        "newsarticle: read 1 page: 0 imported, 1 without an article; 1 problem (1 error, "
        "0 warnings)"
    ) == result.stderr.splitlines()[-1]


def test_a_broken_block_beside_the_article_is_reported_and_the_article_imported(
    tmp_path: Path,
) -> None:
    """A page can give its article and hold a block that is not JSON: the error is reported
    at its place in the page, and the import succeeds (status 0)."""
    text = invented(INVENTED_ARTICLE).replace(
        "</head>", '<script type="application/ld+json">{"@type": </script>\n</head>'
    )
    source = tmp_path / "story.html"
    source.write_text(text, encoding="utf-8")
    result = cli("import", source)
    assert 0 == result.status
    assert "An invented headline" == imported(result.stdout).headline
    line = text[: text.index('{"@type": <')].count("\n") + 1
    assert re.search(rf"story\.html:{line}:\d+: page-json-syntax error", result.stderr)


def test_the_kind_of_input_is_told_by_name_then_content(tmp_path: Path) -> None:
    """Without --from: .html is a page and .jsonld is JSON-LD whatever they hold; another
    name, or standard input, by its content; --from overrides both."""
    jsonld = newsarticle.to_jsonld_text(newsarticle.load(EXAMPLE))
    expected, _ = newsarticle.read_jsonld(jsonld)
    assert 0 == cli("import", "-", stdin=jsonld.encode()).status
    assert expected == imported(cli("import", "-", stdin=jsonld.encode()).stdout)
    odd = tmp_path / "story.data"
    odd.write_text(jsonld, encoding="utf-8")
    assert expected == imported(cli("import", odd).stdout)
    html_named = tmp_path / "story.html"
    html_named.write_text(jsonld, encoding="utf-8")
    refused = cli("import", html_named)
    assert 1 == refused.status
    assert "page-not-html error the data is JSON, not an HTML page" in refused.stderr
    assert expected == imported(cli("import", "--from", "jsonld", html_named).stdout)
    as_page = cli("import", "--from", "html", "-", stdin=page().encode())
    assert 0 == as_page.status


def test_a_json_array_of_strings_is_read_as_the_blocks_of_a_page(tmp_path: Path) -> None:
    """A JSON file holding only strings is the texts of a page's blocks (as block extractors
    write them): each is read as a block, placed in its own lines and columns."""
    jsonld = newsarticle.to_jsonld_text(newsarticle.load(EXAMPLE))
    blocks = ['{"@context": "https://schema.org", "@type": "WebSite", "name": "x",}', jsonld]
    source = tmp_path / "blocks.json"
    source.write_text(json.dumps(blocks), encoding="utf-8")
    result = cli("import", source)
    expected, problems = newsarticle.read_jsonld(blocks)
    assert 0 == result.status
    assert expected == imported(result.stdout)
    repair = next(p for p in problems if p.code == "page-repair-trailing-comma")
    assert f"blocks.json:{repair.line}:{repair.column}: page-repair-trailing-comma" in result.stderr


def test_corrupt_truncated_and_oversized_gzip_are_refused(tmp_path: Path) -> None:
    """gzip-compressed input that is corrupt or truncated gets ``page-compressed``; one that
    inflates beyond --max-size gets ``page-too-large`` without being inflated whole."""
    whole = gzip.compress(page().encode("utf-8"))
    cases = {
        "corrupt.html.gz": whole[:10] + bytes(len(whole) - 10),
        "truncated.html.gz": whole[: len(whole) // 2],
        "bomb.html.gz": gzip.compress(b"<html>" + b" " * (8 << 20)),
    }
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
    for name, code in [
        ("corrupt.html.gz", "page-compressed"),
        ("truncated.html.gz", "page-compressed"),
        ("bomb.html.gz", "page-too-large"),
    ]:
        result = cli("import", "--max-size", "1M", tmp_path / name)
        no_traceback(result)
        assert 1 == result.status
        assert f"{name}:1:1: {code} error" in result.stderr
    bomb = cli("import", "--max-size", "1M", tmp_path / "bomb.html.gz").stderr
    assert "decompressed, the data is larger than the limit of 1,048,576 bytes" in bomb


def test_url_and_assumed_time_zone(tmp_path: Path) -> None:
    """``--url`` gives the article's URL where the page has none; ``--assume-timezone`` reads
    a date written without a zone in that zone, where without it the date is dropped with a
    warning."""
    source = tmp_path / "story.html"
    source.write_text(invented(INVENTED_ARTICLE), encoding="utf-8")
    plain = cli("import", source)
    assert 0 == plain.status
    assert imported(plain.stdout).date_published is None
    assert "import-date-no-timezone warning" in plain.stderr
    result = cli("import", source, "--url", "https://example.com/a", "--assume-timezone", "+02:00")
    article = imported(result.stdout)
    assert "https://example.com/a" == article.url
    assert article.date_published is not None
    assert dt.datetime(2024, 5, 1, 8, tzinfo=dt.UTC) == article.date_published


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--url", "ftp://example.com/a", "x.html"], "is not the address of a page"),
        (["--assume-timezone", "Mars/Olympus", "x.html"], "is not a time zone"),
        (["--from", "pdf", "x.html"], "invalid choice"),
    ],
)
def test_bad_options_are_usage_errors(arguments: list[str], message: str) -> None:
    """A bad --url, --assume-timezone or --from is a usage error (status 2) that says why."""
    result = cli("import", *arguments)
    assert 2 == result.status
    assert message in result.stderr


def test_url_names_one_page_only(tmp_path: Path) -> None:
    """``--url`` with several inputs, or a folder, is refused before anything is read."""
    (tmp_path / "a.html").write_text(page(), encoding="utf-8")
    result = cli("import", tmp_path, "-o", tmp_path / "out", "--url", "https://example.com/")
    assert 2 == result.status
    assert "--url is the address of one page" in result.stderr
    assert not (tmp_path / "out").exists()


def test_two_inputs_that_would_write_the_same_file_are_refused(tmp_path: Path) -> None:
    """``a.html`` and ``a.jsonld`` both become ``a.json``: refused before anything is
    written."""
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "a.html").write_text(page(), encoding="utf-8")
    (pages / "a.jsonld").write_text("{}", encoding="utf-8")
    result = cli("import", pages, "-o", f"{tmp_path / 'out'}/")
    assert 2 == result.status
    assert "would both be exported to" in result.stderr
    assert not (tmp_path / "out").exists()


def test_an_empty_folder_and_a_missing_page_are_unreadable(tmp_path: Path) -> None:
    """A folder with no page and a path that does not exist: status 2, each named."""
    (tmp_path / "empty").mkdir()
    result = cli("audit", tmp_path / "empty", tmp_path / "missing.html")
    assert 2 == result.status
    assert "no-input-files error the folder holds no .html, .htm, .xhtml or .jsonld" in (
        result.stdout
    )
    assert "missing.html: file-not-found error" in result.stdout


# --- audit ------------------------------------------------------------------------------


DANGEROUS = json.dumps(
    {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headLine": "An invented headline",
        "description": "An invented <!-- comment",
    }
)


def test_audit_prints_each_finding_at_its_place_in_the_page(tmp_path: Path) -> None:
    """Each finding is FILE:LINE:COLUMN: CODE severity message (pointer), the line and
    column those of the value in the page; errors give status 1."""
    text = invented(DANGEROUS)
    source = tmp_path / "page.html"
    source.write_text(text, encoding="utf-8")
    result = cli("audit", source)
    no_traceback(result)
    assert 1 == result.status
    expected = newsarticle.audit_html(text)
    assert len(expected) + 1 == len(result.lines)
    for problem, line in zip(expected, result.lines, strict=False):
        assert line.startswith(f"{source}:{problem.line}:{problem.column}: {problem.code} ")
    spelling = next(p for p in expected if p.code == "audit-unknown-property")
    row = text.splitlines()[spelling.line - 1] if spelling.line else ""
    assert row[(spelling.column or 1) - 1 :].startswith('"headLine"')
    assert {"audit-unknown-property", "audit-html-comment"} <= {p.code for p in expected}
    assert result.lines[-1].startswith("newsarticle: audited 1 page: 0 passed, 1 failed; ")


def test_audit_reports_as_json_and_as_github_annotations(tmp_path: Path) -> None:
    """``--format json`` is one report (the shape of validate's); ``--format github`` one
    workflow command per finding."""
    source = tmp_path / "page.html"
    source.write_text(invented(DANGEROUS), encoding="utf-8")
    report = json.loads(cli("audit", "--format", "json", source).stdout)
    expected = newsarticle.audit_html(invented(DANGEROUS))
    [document] = report["documents"]
    assert str(source) == document["file"]
    assert False is document["valid"]
    assert [(p.code, p.line, p.column, p.path) for p in expected] == [
        (p["code"], p["line"], p["column"], p["path"]) for p in document["problems"]
    ]
    assert {"files": 1, "documents": 1, "valid": 0, "invalid": 1} == {
        key: report["summary"][key] for key in ("files", "documents", "valid", "invalid")
    }
    github = cli("audit", "--format", "github", source).lines
    first = expected[0]
    kind = "error" if first.is_error else "warning"
    assert github[0].startswith(
        f"::{kind} file={source},line={first.line},col={first.column},title={first.code}::"
    )


def test_audit_passes_warnings_unless_strict(tmp_path: Path) -> None:
    """A page with warnings only passes (status 0), and fails with ``--strict``."""
    source = tmp_path / "page.html"
    source.write_text(page(), encoding="utf-8")
    assert newsarticle.audit_html(page()), "the example's page has advice to give"
    assert all(not p.is_error for p in newsarticle.audit_html(page()))
    assert 0 == cli("audit", source).status
    assert 1 == cli("audit", "--strict", source).status


def test_audit_reads_what_import_reads(tmp_path: Path) -> None:
    """Audit takes the same inputs: gzip-compressed pages, JSON-LD files, standard input."""
    jsonld = newsarticle.to_jsonld_text(newsarticle.load(EXAMPLE))
    (tmp_path / "a.html.gz").write_bytes(gzip.compress(page().encode("utf-8")))
    (tmp_path / "b.jsonld").write_text(jsonld, encoding="utf-8")
    result = cli("audit", tmp_path, "-", stdin=page().encode("utf-8"))
    assert 0 == result.status
    findings = len(newsarticle.audit_html(page()))
    assert findings == sum(line.startswith(f"{tmp_path / 'a.html.gz'}:") for line in result.lines)
    assert findings == sum(line.startswith("<stdin>:") for line in result.lines)
    expected = len(newsarticle.audit_jsonld(jsonld))
    assert expected == sum(line.startswith(f"{tmp_path / 'b.jsonld'}:") for line in result.lines)


def test_help_shows_the_examples() -> None:
    """``import --help`` and ``audit --help`` show their options and examples."""
    for command, option in (("import", "--assume-timezone"), ("audit", "--strict")):
        result: Run = cli(command, "--help")
        assert 0 == result.status
        assert option in result.stdout
        assert "examples:" in result.stdout


REALWORLD = EXAMPLE.parent.parent.parent / "shared" / "realworld" / "pages"


def test_the_readme_example_on_a_page_of_the_set(tmp_path: Path) -> None:
    """The README's two-line example does what the README says: import writes a valid
    article document and reports the repaired type at its place; audit finds it as an
    error and exits 1."""
    readme = (EXAMPLE.parent.parent / "README.md").read_text(encoding="utf-8")
    source = REALWORLD / "chron.com-1.html.gz"
    if not source.is_file():
        pytest.skip(f"the real-world page set is not here ({REALWORLD})")
    imported_run = cli("import", source, "-o", tmp_path / "chron.json")
    assert 0 == imported_run.status
    newsarticle.load(tmp_path / "chron.json")
    said = '201:13: import-unknown-type warning "person" is not a schema.org type; read as Person'
    assert said in imported_run.stderr
    assert " ".join(said.split()) in " ".join(readme.split())
    audited = cli("audit", source)
    assert 1 == audited.status
    found = (
        '201:13: audit-unknown-type error "person" is not a schema.org type (did you mean Person?)'
    )
    assert found in audited.stdout
    assert found in " ".join(readme.split())


def writing(folder: Path) -> bool:
    """Whether an export is being written into ``folder`` (a temporary file is there)."""
    return any(folder.glob(".*.tmp"))


def test_a_signal_stops_import_with_jobs_cleanly(tmp_path: Path) -> None:
    """SIGTERM to the process group of `import -j 2` on a folder of pages, once files are
    being written: status 143, no traceback, no worker left running, no .tmp file left; each
    file in place is a whole article document."""
    pages = tmp_path / "pages"
    pages.mkdir()
    text = page()
    for number in range(600):
        (pages / f"p{number:03}.html").write_text(text, encoding="utf-8")
    for attempt in range(2):
        out = tmp_path / f"out{attempt}"
        arguments = ["import", str(pages), "-o", f"{out}/", "-j", "2"]
        process = subprocess.Popen(
            [sys.executable, "-m", "newsarticle", *arguments],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
        try:
            wait_for(functools.partial(writing, out), 60, "files to be written")
            os.killpg(process.pid, signal.SIGTERM)
            _, stderr = process.communicate(timeout=30)
            assert 128 + signal.SIGTERM == process.returncode
            assert b"Traceback" not in stderr
            assert [] == alive(process.pid)
            assert [] == [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
            for written in out.iterdir():
                newsarticle.loads(written.read_text(encoding="utf-8"))
        finally:
            if alive(process.pid):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(30)
