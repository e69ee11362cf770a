"""IPTC ninjs on the command line: ``export --format ninjs`` and ``import`` of ninjs files
(``--from ninjs``, a ``.ninjs.json`` name, or a ``standard`` that says ninjs), run in this
process."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

import newsarticle
from test_cli import (  # the autouse fixture applies here too
    EXAMPLE,
    cli,
    no_traceback,
    nothing_reaches_the_process_streams,  # noqa: F401
)

FACTCHECK = EXAMPLE.parent / "factcheck.json"
VENDOR = Path(
    os.environ.get("NEWSARTICLE_NINJS_DIR") or EXAMPLE.parent.parent.parent / "shared/vendor/ninjs"
)
IPTC_EXAMPLES = VENDOR / "upstream" / "doc-examples" / "3.1"


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


def _outputs(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_import_from_ninjs_takes_a_folders_json_files(tmp_path: Path) -> None:
    """With ``--from ninjs``, every ``*.json`` file of a folder (and below, compressed or not)
    is read as ninjs, other files not; without ``--from``, the folder's rule is unchanged: of
    these files, only the ``.ninjs.json`` one is taken."""
    document = newsarticle.to_ninjs(newsarticle.load(FACTCHECK))
    del document["standard"]  # as most of IPTC's examples: nothing says ninjs but --from
    text = json.dumps(document)
    wire = tmp_path / "wire"
    (wire / "sub").mkdir(parents=True)
    (wire / "a.json").write_text(text, encoding="utf-8")
    (wire / "b.JSON.gz").write_bytes(gzip.compress(text.encode("utf-8")))
    (wire / "sub" / "c.ninjs.json").write_text(text, encoding="utf-8")
    (wire / "notes.txt").write_text("not ninjs", encoding="utf-8")
    expected_article, _ = newsarticle.read_ninjs(text)
    assert expected_article is not None

    told = cli("import", "--from", "ninjs", wire, "-o", f"{tmp_path / 'told'}/")
    no_traceback(told)
    assert (0, ["a.json", "b.json", "sub/c.json"]) == (told.status, _outputs(tmp_path / "told"))
    articles = [newsarticle.load(p) for p in sorted((tmp_path / "told").rglob("*.json"))]
    assert [expected_article] * 3 == articles

    untold = cli("import", wire, "-o", f"{tmp_path / 'untold'}/")
    no_traceback(untold)
    assert (0, ["sub/c.json"]) == (untold.status, _outputs(tmp_path / "untold"))


@pytest.mark.skipif(
    not IPTC_EXAMPLES.is_dir(),
    reason=f"IPTC's ninjs 3.1 example documents are not at {IPTC_EXAMPLES} "
    "(set NEWSARTICLE_NINJS_DIR to the folder of IPTC's ninjs files)",
)
def test_import_from_ninjs_reads_iptcs_example_folder(tmp_path: Path) -> None:
    """``import --from ninjs`` of IPTC's folder of 3.1 examples (named ``NNN_name.json``)
    reads every file: each that ``read_ninjs`` makes an article of is written as that article,
    and the run fails (status 1) only because some items are no article (an event)."""
    files = sorted(IPTC_EXAMPLES.glob("*.json"))
    read = {path.name: newsarticle.read_ninjs(path.read_bytes())[0] for path in files}
    expected = {name: article for name, article in read.items() if article is not None}
    assert expected, "IPTC's folder gives no article"
    out = tmp_path / "out"
    result = cli("import", "--from", "ninjs", IPTC_EXAMPLES, "-o", f"{out}/")
    no_traceback(result)
    actual = {p.name: newsarticle.load(p) for p in sorted(out.glob("*.json"))}
    assert expected == actual
    assert (1 if len(expected) < len(files) else 0) == result.status, result.stderr
