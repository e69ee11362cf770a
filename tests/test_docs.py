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


def _row(document: str, start: str) -> str:
    text = (ROOT / "docs" / document).read_text(encoding="utf-8")
    return next(line for line in text.splitlines() if line.startswith(start))


def test_the_docs_list_a_persons_logo_as_dropped_and_not_the_publishers() -> None:
    """The import keeps the publisher's logo (the organization's ``logo``) and drops a person's;
    the lists of what import drops (docs/import.md's *anything else* row, and docs/problems.md's
    ``import-dropped`` entry) name the person's logo, not the publisher's."""
    from newsarticle import Logo, read_jsonld

    article, problems = read_jsonld(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": "A headline",
            "inLanguage": "en",
            "author": {"@type": "Person", "name": "Ann Lee", "logo": "https://a.example/p.png"},
            "publisher": {
                "@type": "Organization",
                "name": "Daily",
                "logo": "https://daily.example/logo.png",
            },
        }
    )
    assert article is not None
    kept = [o.logo for o in article.organizations]
    assert [Logo(url="https://daily.example/logo.png")] == kept
    assert ["/author/logo"] == [p.path for p in problems if p.code == "import-dropped"]
    rows = {
        "import.md": _row("import.md", "| anything else |"),
        "problems.md": _row("problems.md", "| `import-dropped` | A property"),
    }
    listed = {
        name: ("a person's `logo`" in row, "the publisher's `logo`" in row)
        for name, row in rows.items()
    }
    assert {"import.md": (True, False), "problems.md": (True, False)} == listed
