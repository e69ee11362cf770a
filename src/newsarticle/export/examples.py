"""Write the exports of example articles beside them.

``python -m newsarticle.export.examples [ARTICLE.json ...]`` (by default every
``examples/*.json`` under the current folder) writes, for each article,
``NAME.jsonld`` (:func:`~newsarticle.jsonld_dumps`), ``NAME.txt``
(:func:`~newsarticle.to_text` with the Sources section) and ``NAME.html``
(:func:`~newsarticle.to_html`).  ``--check`` writes nothing and exits 1 when a
file is missing or differs from what would be written.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from ..document import load, write_atomic
from .html import to_html
from .jsonld import jsonld_dumps
from .text import to_text

__all__ = ["example_exports", "main"]


def example_exports(source: Path) -> dict[Path, str]:
    """The export files of the article document at ``source``, by path."""
    article = load(source)
    return {
        source.with_suffix(".jsonld"): jsonld_dumps(article),
        source.with_suffix(".txt"): to_text(article, sources=True),
        source.with_suffix(".html"): to_html(article),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """Write (or with ``--check``, compare) the exports of each article given."""
    parser = argparse.ArgumentParser(prog="python -m newsarticle.export.examples")
    parser.add_argument("articles", nargs="*", type=Path, help="article documents")
    parser.add_argument("--check", action="store_true", help="only report stale exports")
    arguments = parser.parse_args(argv)
    sources = arguments.articles or sorted(Path("examples").glob("*.json"))
    stale = 0
    for source in sources:
        for path, text in example_exports(source).items():
            if path.is_file() and path.read_text(encoding="utf-8") == text:
                continue
            if arguments.check:
                print(f"{path}: stale", file=sys.stderr)
                stale += 1
            else:
                write_atomic(path, text.encode("utf-8"))
                print(f"{path}: written", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
