"""Helpers shared by the export tests: the example, graph walks, the schema.org vocabulary."""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import assume
from hypothesis import strategies as st

import newsarticle
from newsarticle import Article, Attribution, UnnamedSource, check
from newsarticle.testing import articles

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "panjshir.json"


def example() -> Article:
    """The Panjshir article of examples/."""
    return newsarticle.load(EXAMPLE)


# --- walking a JSON-LD document ----------------------------------------------------


def objects(value: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in ``value``, depth first."""
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from objects(item)
    elif isinstance(value, list):
        for item in value:
            yield from objects(item)


def definitions(document: Any) -> Counter[str]:
    """How often each ``@id`` is defined (an object with ``@id`` and more)."""
    return Counter(o["@id"] for o in objects(document) if "@id" in o and len(o) > 1)


def references(document: Any) -> list[str]:
    """Every ``{"@id": ...}`` reference."""
    return [o["@id"] for o in objects(document) if set(o) == {"@id"}]


def strings(value: Any) -> Iterator[str]:
    """Every string in ``value``, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


# --- articles whose unnamed sources carry unmistakable ids and identities ----------

SECRET = "zqxsecret"


@st.composite
def articles_with_secrets(draw: st.DrawFn) -> Article:
    """Articles whose unnamed sources have ids and identities found nowhere else.

    Generated text is arbitrary, so a short identity ("a") could stand in a
    headline by chance; these markers cannot.
    """
    article = draw(articles())
    renamed = {s.id: f"{SECRET}-id-{n}" for n, s in enumerate(article.unnamed_sources)}
    sources = [
        UnnamedSource(
            id=renamed[s.id], description=s.description, identity=f"{SECRET}-identity-{n}"
        )
        for n, s in enumerate(article.unnamed_sources)
    ]
    attributions = [_rename_source(a, renamed) for a in article.attributions]
    return attrs.evolve(article, unnamed_sources=sources, attributions=attributions)


def _rename_source(attribution: Attribution, renamed: dict[str, str]) -> Attribution:
    if attribution.source in renamed:
        return attrs.evolve(attribution, source=renamed[attribution.source])
    return attribution


def secrets_of(article: Article) -> list[str]:
    """The ids and identities of the article's unnamed sources."""
    found = [s.id for s in article.unnamed_sources]
    return found + [s.identity for s in article.unnamed_sources if s.identity]


# --- the schema.org vocabulary -------------------------------------------------------


def schemaorg_dir() -> Path:
    """Where the vendored schema.org files are: $NEWSARTICLE_SCHEMAORG_DIR or ../shared/..."""
    configured = os.environ.get("NEWSARTICLE_SCHEMAORG_DIR")
    return Path(configured) if configured else REPO.parent / "shared" / "vendor" / "schemaorg"


def schemaorg_file(name: str) -> Path:
    """A vendored schema.org file, or skip the test (with the reason) when it is absent."""
    path = schemaorg_dir() / name
    if not path.is_file():
        pytest.skip(
            f"the schema.org vocabulary is not here ({path}); "
            "set NEWSARTICLE_SCHEMAORG_DIR to the folder holding it"
        )
    return path


_DATE = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")
_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2})"
)
_URL = re.compile(r"[Hh][Tt][Tt][Pp][Ss]?://\S+")  # the scheme in any case, as the rule allows
# A CSS selector (schema.org's CssSelectorType, a kind of Text): one line, no declaration
# block or statement around it.
_CSS_SELECTOR = re.compile(r"[^\s{};][^\r\n{};]*")


def _ids(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value] if value is not None else []
    return [item["@id"].removeprefix("schema:") for item in items if isinstance(item, dict)]


@attrs.frozen
class Vocabulary:
    """Classes, properties, domains and ranges of the schema.org vocabulary."""

    parents: dict[str, list[str]]
    domains: dict[str, list[str]]
    ranges: dict[str, list[str]]
    retired: frozenset[str]

    @classmethod
    def load(cls, path: Path) -> Vocabulary:
        parents: dict[str, list[str]] = {}
        domains: dict[str, list[str]] = {}
        ranges: dict[str, list[str]] = {}
        retired: set[str] = set()
        for node in json.loads(path.read_text(encoding="utf-8"))["@graph"]:
            term = node["@id"].removeprefix("schema:")
            kinds = node["@type"] if isinstance(node["@type"], list) else [node["@type"]]
            if "rdfs:Class" in kinds or "schema:DataType" in kinds:
                parents[term] = _ids(node.get("rdfs:subClassOf"))
            if "rdf:Property" in kinds:
                domains[term] = _ids(node.get("schema:domainIncludes"))
                ranges[term] = _ids(node.get("schema:rangeIncludes"))
            parts = _ids(node.get("schema:isPartOf")) + [
                p for p in [node.get("schema:isPartOf")] if isinstance(p, str)
            ]
            if "schema:supersededBy" in node or any("attic" in p for p in parts):
                retired.add(term)
        return cls(parents, domains, ranges, frozenset(retired))

    def is_a(self, kind: str, ancestor: str) -> bool:
        """True when ``kind`` is ``ancestor`` or one of its subclasses."""
        seen: set[str] = set()
        todo = [kind]
        while todo:
            current = todo.pop()
            if current == ancestor:
                return True
            if current not in seen:
                seen.add(current)
                todo += self.parents.get(current, [])
        return False

    def fits(self, kinds: list[str], allowed: list[str]) -> bool:
        return any(self.is_a(k, a) for k in kinds for a in allowed)


@cache
def vocabulary() -> Vocabulary:
    """The vendored vocabulary (the calling test is skipped when it is absent)."""
    return Vocabulary.load(schemaorg_file("schemaorg-all-https.jsonld"))


def _types(node: dict[str, Any]) -> list[str]:
    kinds = node.get("@type", [])
    return kinds if isinstance(kinds, list) else [kinds]


def conformance_problems(document: dict[str, Any], vocab: Vocabulary) -> list[str]:
    """Every use of a type or property that the schema.org vocabulary does not allow.

    Types and properties must exist and not be retired (superseded or in the
    attic); a property must be used on a type within its domain and hold values
    within its range: a node of a fitting type (a reference counts as the node
    it names), or a literal of a fitting data type (Text, URL, Date, DateTime,
    CssSelectorType, Integer, Number, Boolean).  A Role node standing in a property's place
    (schema.org's Role pattern) must hold that same property.
    """
    defined = {o["@id"]: _types(o) for o in objects(document) if "@id" in o and "@type" in o}
    problems: list[str] = []

    def literal_fits(value: Any, allowed: list[str]) -> bool:
        if isinstance(value, bool):
            kinds = ["Boolean"]
        elif isinstance(value, int):
            kinds = ["Integer"]
        elif isinstance(value, float):
            kinds = ["Float"]
        elif isinstance(value, str):
            kinds = ["Text"]
            kinds += ["URL"] if _URL.fullmatch(value) else []
            kinds += ["Date"] if _DATE.fullmatch(value) else []
            kinds += ["DateTime"] if _DATETIME.fullmatch(value) else []
            kinds += ["CssSelectorType"] if _CSS_SELECTOR.fullmatch(value) else []
        else:
            return False
        return vocab.fits(kinds, allowed)

    def check_node(node: dict[str, Any], where: str, via: str | None) -> None:
        kinds = _types(node)
        for kind in kinds:
            if kind not in vocab.parents:
                problems.append(f"{where}: {kind!r} is not a schema.org type")
            elif kind in vocab.retired:
                problems.append(f"{where}: {kind!r} is retired")
        for key, value in node.items():
            if key.startswith("@"):
                continue
            if key not in vocab.domains:
                problems.append(f"{where}: {key!r} is not a schema.org property")
                continue
            if key in vocab.retired:
                problems.append(f"{where}: {key!r} is retired")
            role_slot = key == via and vocab.fits(kinds, ["Role"])
            if kinds and not role_slot and not vocab.fits(kinds, vocab.domains[key]):
                problems.append(f"{where}: {key!r} is not a property of {kinds}")
            for index, item in enumerate(value if isinstance(value, list) else [value]):
                check_value(key, item, f"{where}/{key}/{index}")

    def check_value(key: str, value: Any, where: str) -> None:
        allowed = vocab.ranges[key]
        if not isinstance(value, dict):
            if not literal_fits(value, allowed):
                problems.append(f"{where}: {value!r} is not in the range {allowed} of {key!r}")
            return
        if set(value) == {"@id"}:
            kinds = defined.get(value["@id"])
            if kinds is None:
                problems.append(f"{where}: the reference {value['@id']!r} does not resolve")
            elif not vocab.fits(kinds, allowed):
                problems.append(f"{where}: {kinds} is not in the range {allowed} of {key!r}")
            return
        kinds = _types(value)
        if vocab.fits(kinds, ["Role"]) and not vocab.fits(kinds, allowed):
            if key not in value:
                problems.append(f"{where}: the Role node does not hold {key!r}")
        elif not vocab.fits(kinds, allowed):
            problems.append(f"{where}: {kinds} is not in the range {allowed} of {key!r}")
        check_node(value, where, key)

    for index, node in enumerate(document["@graph"]):
        check_node(node, f"/@graph/{index}", None)
    return problems


# --- JSON-LD expansion with a local context --------------------------------------------

_CONTEXT_URLS = {
    "https://schema.org",
    "https://schema.org/",
    "http://schema.org",
    "http://schema.org/",
}


def expand(document: dict[str, Any]) -> list[dict[str, Any]]:
    """``document`` expanded by pyld, ``https://schema.org`` served from the vendored context."""
    from pyld import jsonld

    context = json.loads(schemaorg_file("schemaorgcontext.jsonld").read_text(encoding="utf-8"))

    def loader(url: str, options: dict[str, Any]) -> dict[str, Any]:
        if url not in _CONTEXT_URLS:
            raise AssertionError(f"the expansion asked for {url}; no network in tests")
        return {
            "contentType": "application/ld+json",
            "contextUrl": None,
            "documentUrl": url,
            "document": context,
        }

    expanded: list[dict[str, Any]] = jsonld.expand(document, {"documentLoader": loader})
    return expanded


def key_counts(value: Any) -> Counter[str]:
    """How many values each key holds, over every object of ``value`` (``@`` keys aside)."""
    counts: Counter[str] = Counter()
    for item in objects(value):
        for key, held in item.items():
            if not key.startswith("@"):
                counts[key] += len(held) if isinstance(held, list) else 1
    return counts


# --- articles that extractors read without their own lossy preprocessing ----------------

# trafilatura undoes JSON escapes and strips anything between < and > before it
# parses JSON-LD, and falls back to regular expressions when that breaks the
# JSON; these characters are kept out of the articles its tests read.
_LOSSY = str.maketrans({"<": "\u2039", ">": "\u203a", "&": "+", "\\": "/"})
_NAME_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _replace_strings(value: Any) -> Any:
    if isinstance(value, str):
        return value.translate(_LOSSY)
    if isinstance(value, list):
        return [_replace_strings(item) for item in value]
    if isinstance(value, dict):
        return {key: _replace_strings(item) for key, item in value.items()}
    return value


def agent_name(index: int) -> str:
    """A distinct two-word name that extractors keep as it is."""
    first = _NAME_LETTERS[index % 26] + _NAME_LETTERS[index // 26 % 26]
    return f"Zeta{first} Quill{first}"


@st.composite
def plain_articles(draw: st.DrawFn) -> Article:
    """Articles free of ``<``, ``>``, ``&`` and ``\\``, whose people and
    organizations have distinct plain names (see :func:`agent_name`)."""
    document = _replace_strings(json.loads(newsarticle.dumps(draw(articles()))))
    agents = [*document.get("people", []), *document.get("organizations", [])]
    for index, agent in enumerate(agents):
        agent["name"] = agent_name(index)
    built, _ = check(document)
    assume(built is not None)
    assert built is not None
    return built
