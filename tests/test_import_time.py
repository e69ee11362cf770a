"""What ``import newsarticle`` and a command load at start: only what they use.

The exporters, the converter (cattrs), the JSON Schema validator, the page readers, the worker
pool and the optional engines are imported when first used, so that a program that imports
the library, or checks a valid document, does not wait for them.  Each case runs in a fresh
interpreter, which has imported nothing yet.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import newsarticle
import newsarticle._export

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "panjshir.json"

#: Modules that neither ``import newsarticle`` nor ``newsarticle validate`` of a valid
#: canonical document needs (each stands for itself and its submodules).
NOT_AT_START = (
    "cattrs",
    "dask",
    "hypothesis",
    "jsonschema",
    "multiprocessing",
    "newsarticle._convert",
    "newsarticle._export._html",
    "newsarticle._export._jsonld",
    "newsarticle._export._ninjs",
    "newsarticle._export._text",
    "newsarticle._import._page",
    "newsarticle._import._source",
    "newsarticle._profile",
    "newsarticle.testing",
    "referencing",
    "rfc3986_validator",
)


def modules_after(code: str) -> list[str]:
    """The modules a fresh interpreter holds after running ``code``."""
    script = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    modules: list[str] = json.loads(result.stdout.splitlines()[-1])
    return modules


def loaded(modules: list[str]) -> list[str]:
    """Those of :data:`NOT_AT_START` among ``modules``, or among their parents."""
    return sorted(
        name
        for name in modules
        if any(name == unused or name.startswith(f"{unused}.") for unused in NOT_AT_START)
    )


def test_import_loads_nothing_it_does_not_use() -> None:
    """``import newsarticle`` imports none of the exporters, the converter, the JSON Schema
    validator, the worker pool, Dask or Hypothesis."""
    assert [] == loaded(modules_after("import newsarticle"))


def test_validate_of_a_valid_document_loads_nothing_it_does_not_use() -> None:
    """``newsarticle validate`` of the (valid, canonical) example takes the fast path: it
    imports no exporter, neither cattrs nor jsonschema, and no page reader."""
    code = (
        "from newsarticle import cli\n"
        f"status = cli.run(['validate', {str(EXAMPLE)!r}])\n"
        "assert status == 0, status"
    )
    assert [] == loaded(modules_after(code))


def test_an_export_is_imported_when_first_used() -> None:
    """Naming an export imports its module, and only that exporter's."""
    modules = modules_after("from newsarticle import to_text")
    assert ["newsarticle._export._text"] == [
        name for name in loaded(modules) if name.startswith("newsarticle._export.")
    ]


def test_every_public_name_is_importable_and_listed() -> None:
    """Every name of ``__all__`` is an attribute of the package and of ``dir()``, whether it
    is imported at start or when first used; the exports are the exporters' own objects."""
    from newsarticle._export import _jsonld, _text

    for package in (newsarticle, newsarticle._export):
        missing = [name for name in package.__all__ if not hasattr(package, name)]
        assert [] == missing
        assert [] == sorted(set(package.__all__) - set(dir(package)))
    assert _jsonld.to_jsonld is newsarticle.to_jsonld
    assert _text.TextRenderer is newsarticle._export.TextRenderer


def test_an_unknown_name_is_an_attribute_error() -> None:
    """A name the package does not have raises AttributeError, as for any module."""
    for package in (newsarticle, newsarticle._export):
        with pytest.raises(AttributeError) as raised:
            package.no_such_name  # noqa: B018 - the access is the test
        assert f"module {package.__name__!r} has no attribute 'no_such_name'" == str(raised.value)
