"""The JSON format: one canonical form, lossless round trips, whole-or-nothing writes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given

import newsarticle
from newsarticle import Article, dump, dumps, load, loads, validate
from newsarticle.testing import articles


@given(articles())
def test_round_trip_keeps_every_article(article: Article) -> None:
    """loads(dumps(a)) == a for every article."""
    assert article == loads(dumps(article))


@given(articles())
def test_dumped_articles_are_canonical(article: Article) -> None:
    """dumps(loads(s)) == s for every text dumps writes."""
    text = dumps(article)
    assert text == dumps(loads(text))


@given(articles())
def test_every_dumped_article_validates_without_problems(article: Article) -> None:
    """What dumps writes, validate accepts with no error and no warning."""
    assert [] == validate(dumps(article))


def test_example_is_canonical(example_path: Path) -> None:
    """dumps(load(example)) equals the example file byte for byte."""
    assert example_path.read_text(encoding="utf-8") == dumps(load(example_path))


def test_canonical_form(example_path: Path) -> None:
    """UTF-8 text with two-space indent, non-ASCII kept as is, a final newline, version first."""
    text = dumps(load(example_path))
    assert text.endswith("}\n")
    assert text.startswith('{\n  "format_version": 1,\n  "id": ')
    assert "Massoud’s" in text  # not escaped as \u2019


def test_defaults_are_left_out() -> None:
    """A key whose value is its default (None, empty, the default kind) is not written."""
    article = Article(
        id="a",
        headline="H",
        language="en",
        paragraphs=[newsarticle.Paragraph(id="p", text="T")],
    )
    assert {
        "format_version": 1,
        "id": "a",
        "headline": "H",
        "language": "en",
        "paragraphs": [{"id": "p", "text": "T"}],
    } == json.loads(dumps(article))


def test_timestamps_keep_their_offset() -> None:
    """A timestamp is written with its own offset, UTC as Z, and reads back equal."""
    text = dumps(
        loads(
            '{"format_version": 1, "id": "a", "headline": "H", "language": "en",'
            ' "date_published": "2021-08-18T11:26:00-04:00",'
            ' "date_modified": "2021-08-18t15:27:00.5z"}'
        )
    )
    document = json.loads(text)
    assert "2021-08-18T11:26:00-04:00" == document["date_published"]
    assert "2021-08-18T15:27:00.500000Z" == document["date_modified"]


def test_non_canonical_input_loads_to_the_same_article(example_path: Path) -> None:
    """Compact or reordered JSON is read as well as the canonical form."""
    document = json.loads(example_path.read_text(encoding="utf-8"))
    reordered = json.dumps(dict(reversed(document.items())), separators=(",", ":"))
    assert load(example_path) == loads(reordered)


def test_load_reads_bytes_from_a_path(example_path: Path, tmp_path: Path) -> None:
    """load takes a path and reads it as UTF-8 bytes (a BOM is tolerated)."""
    copy = tmp_path / "copy.json"
    copy.write_bytes(b"\xef\xbb\xbf" + example_path.read_bytes())
    assert load(example_path) == load(copy)


def test_dump_writes_the_canonical_text(example_path: Path, tmp_path: Path) -> None:
    """dump writes what dumps returns, and nothing else is left in the folder."""
    article = load(example_path)
    target = tmp_path / "out.json"
    dump(article, target)
    assert dumps(article) == target.read_text(encoding="utf-8")
    assert ["out.json"] == sorted(p.name for p in tmp_path.iterdir())


def test_failed_dump_leaves_the_old_file(
    example_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write that fails midway leaves the previous file untouched and no temporary file."""
    target = tmp_path / "article.json"
    target.write_text("old contents", encoding="utf-8")

    def broken_fsync(fd: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="disk full"):
        dump(load(example_path), target)
    assert "old contents" == target.read_text(encoding="utf-8")
    assert ["article.json"] == sorted(p.name for p in tmp_path.iterdir())
