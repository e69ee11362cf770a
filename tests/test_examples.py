"""The files derived from the model and the example (the schema, the example's exports) are
current, and tools/regenerate.py writes them."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from helpers_export import EXAMPLE, REPO


def regenerate() -> ModuleType:
    """The maintainer's tool tools/regenerate.py (it is not part of the package)."""
    found = importlib.util.spec_from_file_location("regenerate", REPO / "tools" / "regenerate.py")
    assert found is not None
    assert found.loader is not None
    module = importlib.util.module_from_spec(found)
    found.loader.exec_module(module)
    return module


@pytest.mark.parametrize("suffix", [".jsonld", ".txt", ".html"])
def test_example_export_is_current(suffix: str) -> None:
    """Each checked-in export equals what the exporter writes now
    (regenerate with `python tools/regenerate.py`)."""
    expected = regenerate().example_exports(EXAMPLE)[EXAMPLE.with_suffix(suffix)]
    assert expected == EXAMPLE.with_suffix(suffix).read_text(encoding="utf-8")


def test_every_derived_file_is_current_and_real() -> None:
    """The schema files and the example exports are what the tool would write, and each is a
    file of its own (the packaged schema is no link to the published one)."""
    files = regenerate().derived_files()
    assert REPO / "src" / "newsarticle" / "schemas" / "article.schema.json" in files
    for path, text in files.items():
        assert not path.is_symlink(), path
        assert text == path.read_text(encoding="utf-8"), path


def test_check_mode_reports_a_stale_export(tmp_path: Path) -> None:
    """--check exits 1 and writes nothing when an export differs; 0 once written."""
    main = regenerate().main
    source = tmp_path / "a.json"
    source.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    assert 1 == main(["--check", str(source)])
    assert not source.with_suffix(".txt").exists()
    assert 0 == main([str(source)])
    assert 0 == main(["--check", str(source)])
    source.with_suffix(".txt").write_text("old\n", encoding="utf-8")
    assert 1 == main(["--check", str(source)])
