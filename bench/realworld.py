"""Import every page of the real-world set and compare what comes out with what the pages say.

    python bench/realworld.py                       # ../shared/realworld, a table on stdout
    python bench/realworld.py --root PATH --json    # the figures as JSON
    python bench/realworld.py --failures            # and every page still failing, with why

For each page of ``manifest.json``: the page itself when it is stored (``read_page`` on the
``.html.gz``), else its JSON-LD blocks (``read_blocks`` on the ``.jsonld.json`` strings,
with the manifest's ``url`` as ``url=``), then ``import_page``.  It prints how many pages have
an article node (the manifest's ``has_article_node``, and after the reader's repairs
``has_article_node_after_repair``), how many give an Article, and for each field how often the
imported value equals the page's own: the value of the article node the manifest names
(``primary_article``), read here without the importer and compared the way a reader would
(character references decoded, tags removed, whitespace collapsed).  The rules of each
comparison are in ``docs/import.md``.  Then the time: the reading and import of every page
in this process, and, when extruct is importable, ``extruct.extract(html,
syntaxes=["json-ld"])`` on the same HTML pages in the same run (extruct is not a dependency
of newsarticle: ``pip install extruct`` into any virtualenv to measure it).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import email.utils
import gc
import gzip
import html
import json
import platform
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final
from urllib.parse import unquote, urljoin

from newsarticle import Article, Problem
from newsarticle._import._nodes import import_page
from newsarticle._import._page import Page, read_blocks, read_page

HERE: Final = Path(__file__).resolve().parent
ROOT: Final = HERE.parent
DEFAULT: Final = ROOT.parent / "shared" / "realworld"
FIELDS: Final = (
    "headline",
    "authors",
    "datePublished",
    "dateModified",
    "publisher",
    "image",
    "language",
    "url",
)


# --- the page's own values, read without the importer -----------------------------------


def normal(text: str) -> str:
    """Text as a reader compares it: references decoded (as often as they nest), tags out,
    whitespace collapsed."""
    for _ in range(5):
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    text = re.sub(r"<[^<>]+>", " ", text)
    return " ".join(text.split())


def at_path(value: Any, path: str) -> Any:
    """The value at a manifest path (``$``, ``$.@graph[4]``, ``$[0].mainEntity``)."""
    for name, index in re.findall(r"\.([^.\[]+)|\[(\d+)\]", path[1:]):
        value = value[name] if name else value[int(index)]
    return value


def definitions(page: Page) -> dict[str, dict[str, Any]]:
    """Every object of the page with an ``@id`` and more, by its ``@id`` (the first)."""
    found: dict[str, dict[str, Any]] = {}
    stack = [block.value for block in page.blocks if block.value is not None]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            identifier = value.get("@id")
            if isinstance(identifier, str) and len(value) > 1:
                found.setdefault(identifier, value)
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return found


def get(node: dict[str, Any], name: str) -> Any:
    """A property, whatever the case of its key (``headLine``)."""
    if name in node:
        return node[name]
    for key, value in node.items():
        if isinstance(key, str) and key.lower() == name.lower():
            return value
    return None


def flat(value: Any) -> list[Any]:
    if isinstance(value, list):
        return [item for inner in value for item in flat(inner)]
    return [] if value is None else [value]


def resolve(value: Any, index: dict[str, dict[str, Any]]) -> Any:
    if isinstance(value, dict) and set(value) <= {"@id", "@type"} and "@id" in value:
        return index.get(value["@id"], value)
    return value


def stated_text(value: Any) -> str | None:
    items = [item for item in flat(value) if isinstance(item, str) and normal(item)]
    return normal(items[0]) if items else None


def stated_names(value: Any, index: dict[str, dict[str, Any]]) -> list[str]:
    names: list[str] = []
    for item in flat(value):
        item = resolve(item, index)
        if isinstance(item, str):
            names.append(normal(item))
        elif isinstance(item, dict):
            name = get(item, "name")
            found = [normal(n) for n in flat(name) if isinstance(n, str)]
            if not found:
                parts = [get(item, "givenName"), get(item, "familyName")]
                found = [normal(" ".join(p for p in parts if isinstance(p, str)))]
            names.extend(found)
    return [name for name in names if name]


def stated_instant(value: Any) -> dt.datetime | None:
    """An aware datetime when the page states one (ISO 8601 or RFC 2822), else None."""
    text = stated_text(value)
    if text is None:
        return None
    try:
        moment = dt.datetime.fromisoformat(text.replace(" ", "T", 1) if "T" not in text else text)
    except ValueError:
        try:
            moment = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    return moment if moment.utcoffset() is not None else None


def stated_url(value: Any, base: str | None) -> str | None:
    for item in flat(value):
        if isinstance(item, dict):
            item = item.get("url") or item.get("contentUrl") or item.get("@id")
        if isinstance(item, str) and item.strip():
            return urljoin(base or "", item.strip())
    return None


def page_values(node: dict[str, Any], page: Page, url: str | None) -> dict[str, Any]:
    """The primary article node's own value of each field (None where it states none)."""
    index = definitions(page)
    publisher = [resolve(item, index) for item in flat(get(node, "publisher"))]
    first = publisher[0] if publisher else None
    if isinstance(first, dict):
        first = get(first, "name")
    language = get(node, "inLanguage")
    if isinstance(language, dict):
        language = language.get("alternateName") or language.get("name")
    images = [resolve(item, index) for item in flat(get(node, "image"))]
    page_url = stated_url(get(node, "url"), None) or stated_url(get(node, "mainEntityOfPage"), None)
    return {
        "headline": stated_text(get(node, "headline")),
        "authors": stated_names(get(node, "author"), index) or None,
        "datePublished": stated_instant(get(node, "datePublished")),
        "dateModified": stated_instant(get(node, "dateModified")),
        "publisher": stated_text(first),
        "image": stated_url(images, url),
        "language": stated_text(language),
        "url": page_url if page_url and page_url.startswith("http") else None,
    }


def imported_values(article: Article) -> dict[str, Any]:
    names = {e.id: e.name for e in (*article.people, *article.organizations)}
    return {
        "headline": normal(article.headline),
        "authors": [normal(names[i]) for i in article.authors] or None,
        "datePublished": article.date_published,
        "dateModified": article.date_modified,
        "publisher": None if article.publisher is None else normal(names[article.publisher]),
        "image": article.images[0].url if article.images else None,
        "language": article.language,
        "url": article.url,
    }


def authors_match(stated: list[str], imported: list[str] | None) -> bool:
    """Every name imported stands in a stated name, and every stated name holds one imported
    (a byline split into its names matches; a name lost or invented does not)."""
    if not imported:
        return False
    stated_folded = [s.casefold() for s in stated]
    mine = [i.casefold() for i in imported]
    return all(any(i in s for s in stated_folded) for i in mine) and all(
        any(i in s for i in mine) for s in stated_folded
    )


def matches(name: str, stated: Any, imported: Any) -> bool:
    if imported is None:
        return False
    if name == "authors":
        return authors_match(stated, imported)
    if name == "language":
        return bool(str(stated).replace("_", "-").casefold() == str(imported).casefold())
    if name in ("url", "image"):  # a URL and its percent-encoded form are one address
        return bool(unquote(str(stated).strip()) == unquote(str(imported)))
    return bool(stated == imported)


# --- the run ---------------------------------------------------------------------------


@dataclass
class Result:
    """One page: what it has and what came out."""

    id: str
    has_article: bool
    has_article_repaired: bool
    imported: bool
    stated: dict[str, bool] = field(default_factory=dict)
    matched: dict[str, bool] = field(default_factory=dict)
    why: str = ""
    seconds: float = 0.0  #: reading the page and importing it (not the file or gzip)
    read_seconds: float = 0.0  #: reading the page alone
    warm_seconds: float = 0.0  #: importing the page again (its blocks' positions known)
    extruct_seconds: float | None = None
    html: bytes | None = None
    article: Article | None = None
    problems: list[Problem] = field(default_factory=list)


def run_page(root: Path, entry: dict[str, Any], html: bool = True) -> Result:
    data: bytes | None = None
    if html and entry.get("page_file"):
        data = gzip.decompress((root / entry["page_file"]).read_bytes())
        started = time.perf_counter()
        page = read_page(data)
    else:
        blocks = json.loads((root / entry["jsonld_file"]).read_text(encoding="utf-8"))
        started = time.perf_counter()
        page = read_blocks(blocks)
    read_seconds = time.perf_counter() - started
    article, problems = import_page(page, url=entry["url"])
    seconds = time.perf_counter() - started
    result = Result(
        entry["id"],
        bool(entry["has_article_node"]),
        bool(entry.get("has_article_node_after_repair", entry["has_article_node"])),
        article is not None,
        seconds=seconds,
        read_seconds=read_seconds,
        html=data,
        article=article,
        problems=problems,
    )
    if article is None:
        errors = [p for p in problems if p.is_error]
        result.why = "; ".join(f"{p.code}: {p.message}" for p in errors[:2])
    primary = entry.get("primary_article")
    if primary is None:
        return result
    block = page.blocks[primary["block"]] if primary["block"] < len(page.blocks) else None
    if block is None or block.value is None:
        result.why = result.why or "the primary article's block cannot be read"
        return result
    try:
        node = at_path(block.value, primary["path"])
    except (KeyError, IndexError, TypeError):
        return result
    if not isinstance(node, dict):
        return result
    stated = page_values(node, page, entry["url"])
    mine = imported_values(article) if article is not None else dict.fromkeys(FIELDS)
    for name in FIELDS:
        if stated[name] is not None:
            result.stated[name] = True
            result.matched[name] = matches(name, stated[name], mine[name])
    return result


@dataclass
class Report:
    results: list[Result]
    seconds: float
    extruct_seconds: float | None
    extruct_pages: int
    ours_on_html: float
    extruct_failed: int = 0
    html_ids: frozenset[str] = frozenset()
    repeats: int = 1

    def figures(self) -> dict[str, Any]:
        with_node = [r for r in self.results if r.has_article]
        repaired = [r for r in self.results if r.has_article_repaired]
        fields = {}
        for name in FIELDS:
            stated = [r for r in with_node if r.stated.get(name)]
            matched = [r for r in stated if r.matched.get(name)]
            fields[name] = {"stated": len(stated), "matched": len(matched)}
        return {
            "pages": len(self.results),
            "with_article_node": len(with_node),
            "imported_of_those": sum(r.imported for r in with_node),
            "with_article_node_after_repair": len(repaired),
            "imported_of_those_after_repair": sum(r.imported for r in repaired),
            "imported_all": sum(r.imported for r in self.results),
            "fields": fields,
            "seconds": self.seconds,
            "extruct_pages": self.extruct_pages,
            "ours_on_those_pages_seconds": self.ours_on_html,
            "extruct_seconds": self.extruct_seconds,
            "extruct_failed": self.extruct_failed,
            "median_ms": self.medians(),
        }

    def medians(self) -> dict[str, float | None]:
        """Per HTML page, in milliseconds: reading, importing, both, and extruct."""
        pages = [r for r in self.results if r.extruct_seconds is not None or r.read_seconds]
        html = [r for r in pages if r.id in self.html_ids]

        def median(values: list[float]) -> float | None:
            return round(statistics.median(values) * 1000, 2) if values else None

        return {
            "read_page": median([r.read_seconds for r in html]),
            "import_page": median([r.seconds - r.read_seconds for r in html]),
            "read_page+import_page": median([r.seconds for r in html]),
            "import_page_again": median([r.warm_seconds for r in html]),
            "extruct": median([r.extruct_seconds for r in html if r.extruct_seconds is not None]),
        }


def measure(root: Path, *, extruct: bool = True, html: bool = True, repeats: int = 3) -> Report:
    """Every page imported once (from its HTML when stored and ``html``) for the figures; then
    the HTML pages timed: ``repeats`` rounds, each page read and imported afresh and, when
    ``extruct``, given to extruct right after, the fastest round of each kept."""
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    started = time.perf_counter()
    results = [run_page(root, entry, html) for entry in manifest["pages"]]
    seconds = time.perf_counter() - started
    extract = _extruct() if extruct else None
    pages = [r for r in results if r.html is not None]
    failed = 0
    # The collector stays on, as in a real process; what the figures pass keeps (every
    # article and problem) is frozen out of its collections, as a process that imports one
    # page does not hold 280.
    gc.collect()
    gc.freeze()
    for result in pages if repeats > 0 else []:
        data = result.html
        assert data is not None
        url = next(e["url"] for e in manifest["pages"] if e["id"] == result.id)
        reads, imports, theirs, warm = [], [], [], []
        for _ in range(repeats):
            started = time.perf_counter()
            page = read_page(data)
            middle = time.perf_counter()
            import_page(page, url=url)
            ended = time.perf_counter()
            import_page(page, url=url)  # again: the blocks' positions are known now
            warm.append(time.perf_counter() - ended)
            reads.append(middle - started)
            imports.append(ended - middle)
            if extract is not None:
                started = time.perf_counter()
                try:
                    extract(data)
                except Exception:  # extruct raises on a block that is not JSON
                    failed += 1
                theirs.append(time.perf_counter() - started)
        result.read_seconds = min(reads)
        result.warm_seconds = min(warm)
        result.seconds = min(r + i for r, i in zip(reads, imports, strict=True))
        result.extruct_seconds = min(theirs) if theirs else None
    gc.unfreeze()
    for result in results:
        result.html = None
    ours = sum(r.seconds for r in pages)
    total = sum(r.extruct_seconds or 0.0 for r in pages) if extract is not None else None
    html_ids = frozenset(r.id for r in pages)
    failed //= max(1, repeats)
    return Report(results, seconds, total, len(pages), ours, failed, html_ids, repeats)


def _extruct() -> Callable[[bytes], Any] | None:
    try:
        import extruct
    except ImportError:
        return None

    def extract(data: bytes) -> Any:
        return extruct.extract(data, syntaxes=["json-ld"], uniform=False)

    return extract


# --- instructions: a count that a busy machine does not change ----------------------------

#: What each child run does after the same set-up (every page loaded, one page read,
#: imported and given to extruct, so that both sides have imported and warmed up).
_INSTRUCTION_RUNS: Final = ("set-up", "read_page", "read_page+import_page", "extruct")


def instructions_child(root: Path, what: str) -> None:
    """The body of one run under cachegrind: the set-up, then ``what`` on every HTML page."""
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    pages = [
        (gzip.decompress((root / e["page_file"]).read_bytes()), e["url"])
        for e in manifest["pages"]
        if e.get("page_file")
    ]
    extract = _extruct()
    import_page(read_page(pages[0][0]), url=pages[0][1])
    if extract is not None:
        extract(pages[0][0])
    for data, url in pages:
        if what == "read_page":
            read_page(data)
        elif what == "read_page+import_page":
            import_page(read_page(data), url=url)
        elif what == "extruct" and extract is not None:
            with contextlib.suppress(Exception):  # extruct raises on a block that is not JSON
                extract(data)


def count_instructions(root: Path) -> str:
    """The CPU instructions per HTML page (the mean) of reading, of reading and importing,
    and of extruct's parse, each counted by valgrind's cachegrind in a run of its own, less
    the run that only sets up; the same on any machine of the same architecture and software,
    however busy, where the times vary by a factor of two."""
    import shutil
    import subprocess

    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return "instructions: valgrind is not installed here"
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    count = sum(1 for e in manifest["pages"] if e.get("page_file"))
    totals: dict[str, int] = {}
    for what in _INSTRUCTION_RUNS:
        run = subprocess.run(
            [
                valgrind,
                "--tool=cachegrind",
                "--cache-sim=no",
                "--cachegrind-out-file=/dev/null",
                sys.executable,
                __file__,
                "--root",
                str(root),
                "--instructions-child",
                what,
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        found = re.search(r"I\s+refs:\s+([0-9,]+)", run.stderr)
        if found is None:
            return f"instructions: cachegrind printed no count for {what}"
        totals[what] = int(found.group(1).replace(",", ""))
    per_page = {w: (totals[w] - totals["set-up"]) / count for w in _INSTRUCTION_RUNS[1:]}
    ours, theirs = per_page["read_page+import_page"], per_page["extruct"]
    return (
        f"instructions per HTML page (the mean of {count}, valgrind --tool=cachegrind): "
        f"read_page {per_page['read_page'] / 1e6:.2f} M, read_page + import_page "
        f"{ours / 1e6:.2f} M, extruct.extract {theirs / 1e6:.2f} M "
        f"(ours / extruct's: {ours / theirs:.2f})"
    )


def percent(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.1f}%)" if whole else "0/0"


def render(report: Report, failures: bool) -> str:
    f = report.figures()
    lines = [
        f"machine: {platform.machine()} {platform.processor() or ''}, "
        f"Python {platform.python_version()}, {platform.system()}",
        f"pages: {f['pages']}",
        f"pages with an article node: {f['with_article_node']} "
        f"(after the reader's repairs: {f['with_article_node_after_repair']})",
        "articles imported from those: "
        + percent(f["imported_of_those"], f["with_article_node"])
        + "; after repairs: "
        + percent(f["imported_of_those_after_repair"], f["with_article_node_after_repair"]),
        "",
        "| field | pages that state it | imported value equals the page's |",
        "|---|---:|---:|",
    ]
    for name, counts in f["fields"].items():
        lines.append(
            f"| {name} | {counts['stated']} | {percent(counts['matched'], counts['stated'])} |"
        )
    lines.append("")
    lines.append(f"every page read and imported once (the figures above): {f['seconds']:.2f} s")
    count = max(1, f["extruct_pages"])
    medians = f["median_ms"]
    lines.append(
        f"the {f['extruct_pages']} HTML pages, the fastest of {report.repeats} rounds each: "
        f"read_page + import_page {f['ours_on_those_pages_seconds']:.2f} s in all, "
        f"{f['ours_on_those_pages_seconds'] / count * 1000:.1f} ms a page on average"
    )
    lines.append(
        "  median a page: read_page {read_page} ms, import_page {import_page} ms, "
        "both {read_page+import_page} ms; import_page again on the same Page (the blocks' "
        "positions already found) {import_page_again} ms".format(**medians)
    )
    if f["extruct_seconds"] is not None:
        lines.append(
            f"  extruct.extract(html, syntaxes=['json-ld']): {f['extruct_seconds']:.2f} s in all, "
            f"{f['extruct_seconds'] / count * 1000:.1f} ms a page on average, median "
            f"{medians['extruct']} ms (it raised on {f['extruct_failed']} pages)"
        )
    else:
        lines.append("  extruct: not measured (not importable here, or --no-extruct)")
    if failures:
        lines.append("")
        lines.append("pages with an article node that give no Article:")
        for r in report.results:
            if r.has_article_repaired and not r.imported:
                lines.append(f"  {r.id}: {r.why}")
        lines.append("fields that differ:")
        for r in report.results:
            wrong = [n for n, ok in r.matched.items() if not ok]
            if wrong and r.has_article:
                lines.append(f"  {r.id}: {', '.join(wrong)}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=DEFAULT, help="the realworld folder")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--failures", action="store_true", help="list what still fails")
    parser.add_argument("--no-extruct", action="store_true", help="do not time extruct")
    parser.add_argument("--repeats", type=int, default=3, help="timing rounds (default 3)")
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also count the CPU instructions per page of ours and of extruct (valgrind)",
    )
    parser.add_argument("--instructions-child", choices=_INSTRUCTION_RUNS, help=argparse.SUPPRESS)
    arguments = parser.parse_args(argv)
    if not (arguments.root / "manifest.json").is_file():
        print(f"no manifest.json in {arguments.root}", file=sys.stderr)
        return 2
    if arguments.instructions_child:
        instructions_child(arguments.root, arguments.instructions_child)
        return 0
    report = measure(arguments.root, extruct=not arguments.no_extruct, repeats=arguments.repeats)
    if arguments.json:
        print(json.dumps(report.figures(), indent=2))
    else:
        print(render(report, arguments.failures))
    if arguments.instructions:
        print(count_instructions(arguments.root))
    return 0


if __name__ == "__main__":
    sys.exit(main())
