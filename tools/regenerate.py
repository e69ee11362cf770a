"""Regenerate the files derived from the model and the examples, or check that they are current.

``python tools/regenerate.py`` writes

* ``schemas/article.schema.json`` and the copy inside the package,
  ``src/newsarticle/schemas/article.schema.json``: the JSON Schema the model declares;
* for each ``examples/*.json``: ``NAME.jsonld`` (``to_jsonld_text``), ``NAME.txt``
  (``to_text`` with the Sources section) and ``NAME.html`` (``to_html``).

``--check`` writes nothing and exits 1 when a file is missing or differs from what would be
written (the tests run the same comparison).  Run it from anywhere: paths are relative to the
repository.  A maintainer's tool: it is not part of the package.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

import newsarticle
from newsarticle._files import write_atomic
from newsarticle._schema import generate_text

ROOT = Path(__file__).resolve().parent.parent


def schema_files(root: Path = ROOT) -> dict[Path, str]:
    """The schema files, by path."""
    text = generate_text()
    return {
        root / "schemas" / "article.schema.json": text,
        root / "src" / "newsarticle" / "schemas" / "article.schema.json": text,
    }


def example_exports(source: Path) -> dict[Path, str]:
    """The export files of the article document at ``source``, by path."""
    article = newsarticle.load(source)
    return {
        source.with_suffix(".jsonld"): newsarticle.to_jsonld_text(article),
        source.with_suffix(".txt"): newsarticle.to_text(article, sources=True),
        source.with_suffix(".html"): newsarticle.to_html(article),
    }


def derived_files(root: Path = ROOT, examples: Sequence[Path] = ()) -> dict[Path, str]:
    """The derived files, by path: the exports of ``examples`` when given; otherwise the
    schema's and the exports of every example of the repository."""
    if examples:
        files = {}
    else:
        files = schema_files(root)
        examples = sorted((root / "examples").glob("*.json"))
    for source in examples:
        files.update(example_exports(source))
    return files


def main(argv: Sequence[str] | None = None) -> int:
    """Write (or with ``--check``, compare) the derived files."""
    parser = argparse.ArgumentParser(prog="python tools/regenerate.py", description=__doc__)
    parser.add_argument(
        "examples", nargs="*", type=Path, help="only the exports of these article documents"
    )
    parser.add_argument("--check", action="store_true", help="only report stale files")
    arguments = parser.parse_args(argv)
    stale = 0
    for path, text in derived_files(ROOT, arguments.examples).items():
        if path.is_file() and not path.is_symlink() and path.read_text(encoding="utf-8") == text:
            continue
        if arguments.check:
            print(f"{path}: stale", file=sys.stderr)
            stale += 1
        else:
            if path.is_symlink():
                path.unlink()
            write_atomic(path, text.encode("utf-8"))
            print(f"{path}: written", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
