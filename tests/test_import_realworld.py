"""Importing the real-world set (../shared/realworld): the targets of issue 11, measured the
way bench/realworld.py measures them (on each page's JSON-LD blocks, for speed; the bench
reads the HTML pages too and its figures are in docs/import.md)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import newsarticle
from helpers_export import conformance_problems, vocabulary
from newsarticle._errors import CODES
from newsarticle._import._nodes import import_page
from newsarticle._import._page import read_blocks

ROOT = Path(__file__).resolve().parent.parent
REALWORLD = ROOT.parent / "shared" / "realworld"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("realworld", ROOT / "bench" / "realworld.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def report() -> Any:
    """Every page of the set imported once (the bench's own measure, without extruct)."""
    if not (REALWORLD / "manifest.json").is_file():
        pytest.skip(f"the real-world set is not here ({REALWORLD}): these tests need it")
    return _bench().measure(REALWORLD, extruct=False, html=False, repeats=0)


def test_pages_with_an_article_node_give_an_article(report: Any) -> None:
    """At least 97% of the pages that have an article node give an Article (counting the
    pages whose node shows only after the reader's repairs too)."""
    figures = report.figures()
    assert figures["imported_of_those"] >= 0.97 * figures["with_article_node"]
    assert (
        figures["imported_of_those_after_repair"]
        >= 0.97 * figures["with_article_node_after_repair"]
    )


@pytest.mark.parametrize("field", ["headline", "publisher", "datePublished", "authors"])
def test_the_fields_match_the_page(report: Any, field: str) -> None:
    """Where the page states them, headline, publisher, datePublished (as an instant) and the
    author names match the page's own values on at least 95% of the pages."""
    counts = report.figures()["fields"][field]
    assert counts["stated"] > 100  # the set states each on most pages
    assert counts["matched"] >= 0.95 * counts["stated"]


def test_every_imported_article_is_valid(report: Any) -> None:
    """Every article imported passes newsarticle.validate with no error."""
    for result in report.results:
        if result.article is not None:
            assert [] == [str(p) for p in newsarticle.validate(result.article) if p.is_error]


def test_the_reexported_jsonld_conforms(report: Any) -> None:
    """The JSON-LD exported from every imported article uses schema.org's terms, domains and
    ranges with no error (the conformance check of tests/test_conformance.py)."""
    vocab = vocabulary()
    for result in report.results:
        if result.article is not None:
            document = newsarticle.to_jsonld(result.article)
            assert (result.id, []) == (result.id, conformance_problems(document, vocab))


def test_every_problem_is_a_known_code_with_a_place(report: Any) -> None:
    """Every problem of every page has a code of the table, and the import's problems about
    a block carry its line and column."""
    for result in report.results:
        for problem in result.problems:
            assert problem.code in CODES
            if problem.code.startswith("import-") and problem.path:
                assert problem.line is not None, (result.id, str(problem))


def test_the_same_page_gives_the_same_article() -> None:
    """Importing a page twice gives the same article and the same problems (ids are made
    from the page, never from the run)."""
    if not (REALWORLD / "manifest.json").is_file():
        pytest.skip(f"the real-world set is not here ({REALWORLD}): these tests need it")
    manifest = json.loads((REALWORLD / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["pages"][::10]:
        blocks = json.loads((REALWORLD / entry["jsonld_file"]).read_text(encoding="utf-8"))
        first = import_page(read_blocks(blocks), url=entry["url"])
        second = import_page(read_blocks(list(blocks)), url=entry["url"])
        assert first == second
