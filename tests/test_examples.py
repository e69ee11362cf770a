"""The example exports checked in beside examples/panjshir.json are current."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers_export import EXAMPLE
from newsarticle.export.examples import example_exports, main


@pytest.mark.parametrize("suffix", [".jsonld", ".txt", ".html"])
def test_example_export_is_current(suffix: str) -> None:
    """Each checked-in export equals what the exporter writes now
    (regenerate with `python -m newsarticle.export.examples`)."""
    expected = example_exports(EXAMPLE)[EXAMPLE.with_suffix(suffix)]
    assert expected == EXAMPLE.with_suffix(suffix).read_text(encoding="utf-8")


def test_check_mode_reports_a_stale_export(tmp_path: Path) -> None:
    """--check exits 1 and writes nothing when an export differs; 0 once written."""
    source = tmp_path / "a.json"
    source.write_text(EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    assert 1 == main(["--check", str(source)])
    assert not source.with_suffix(".txt").exists()
    assert 0 == main([str(source)])
    assert 0 == main(["--check", str(source)])
    source.with_suffix(".txt").write_text("old\n", encoding="utf-8")
    assert 1 == main(["--check", str(source)])
