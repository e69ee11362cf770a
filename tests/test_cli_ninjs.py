"""IPTC ninjs on the command line: ``export --format ninjs`` and ``import`` of ninjs files
(``--from ninjs``, a ``.ninjs.json`` name, or a ``standard`` that says ninjs), run in this
process."""

from __future__ import annotations

import json
from pathlib import Path

import newsarticle
from test_cli import (  # the autouse fixture applies here too
    EXAMPLE,
    cli,
    no_traceback,
    nothing_reaches_the_process_streams,  # noqa: F401
)

FACTCHECK = EXAMPLE.parent / "factcheck.json"


def test_export_writes_the_ninjs_of_each_article(tmp_path: Path) -> None:
    """One input: its ninjs text on stdout, as ``to_ninjs_text`` writes it; a folder: each
    article's as ``NAME.ninjs.json`` in the output folder."""
    result = cli("export", "--format", "ninjs", FACTCHECK)
    no_traceback(result)
    assert 0 == result.status
    assert newsarticle.to_ninjs_text(newsarticle.load(FACTCHECK)) == result.stdout
    out = tmp_path / "out"
    folder = cli("export", "--format", "ninjs", EXAMPLE.parent, "-o", f"{out}/")
    assert 0 == folder.status, folder.stderr
    assert ["factcheck.ninjs.json", "panjshir.ninjs.json"] == sorted(p.name for p in out.iterdir())


def test_import_reads_ninjs_by_name_by_standard_and_by_option(tmp_path: Path) -> None:
    """A ``.ninjs.json`` file, a JSON file whose ``standard`` names ninjs, and standard input
    with ``--from ninjs`` are each read as ninjs: the article ``read_ninjs`` gives."""
    text = newsarticle.to_ninjs_text(newsarticle.load(FACTCHECK))
    expected, _ = newsarticle.read_ninjs(text)
    assert expected is not None
    named = tmp_path / "story.ninjs.json"
    named.write_text(text, encoding="utf-8")
    plain = tmp_path / "story.json"
    plain.write_text(text, encoding="utf-8")
    assert "ninjs" == json.loads(text)["standard"]["name"]
    for arguments in ([named], [plain], ["--from", "ninjs", "-"]):
        result = cli("import", *arguments, stdin=text.encode("utf-8"))
        no_traceback(result)
        assert 0 == result.status, result.stderr
        assert expected == newsarticle.loads(result.stdout)


def test_a_ninjs_document_without_standard_needs_a_name_or_the_option(tmp_path: Path) -> None:
    """Without ``standard`` (most ninjs 2.x files), a ``.json`` name reads the file as
    JSON-LD, which finds no article; ``--from ninjs`` reads it."""
    document = newsarticle.to_ninjs(newsarticle.load(FACTCHECK))
    del document["standard"]
    source = tmp_path / "wire.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    assert 1 == cli("import", source).status
    assert 0 == cli("import", "--from", "ninjs", source).status


def test_audit_refuses_ninjs() -> None:
    """``audit --from ninjs`` is a usage error: audit checks pages' schema.org JSON-LD."""
    result = cli("audit", "--from", "ninjs", "x.json")
    assert 2 == result.status
    assert "audit checks the schema.org JSON-LD of pages" in result.stderr
