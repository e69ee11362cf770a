"""The documentation states what the code does."""

from __future__ import annotations

import re
from pathlib import Path

from newsarticle._errors import CODES, codes_table

ROOT = Path(__file__).resolve().parent.parent


def test_problem_code_table_is_current() -> None:
    """docs/problems.md holds the table generated from the code registry."""
    assert codes_table() in (ROOT / "docs" / "problems.md").read_text(encoding="utf-8")


def test_every_code_is_kebab_case_and_summarized() -> None:
    """Codes are stable lowercase words; each has a one-sentence summary."""
    for code in CODES.values():
        assert re.fullmatch(r"[a-z]+(-[a-z0-9]+)*", code.code)
        assert code.summary.endswith(".")


def readme_command(heading: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split(f"## {heading}", 1)[1]
    match = re.search(r"```sh\n(.*?)\n```", section, re.S)
    assert match, f"no sh block under {heading!r}"
    return match.group(1).strip()


def test_ci_runs_the_readme_test_command() -> None:
    """.ci/run runs the README's test command exactly as written there."""
    command = readme_command("Run the tests")
    assert command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
