"""Write the compact schema.org vocabulary the audit ships, or check that it is current.

``python tools/vocabulary.py`` reads the vendored schema.org release
(``../shared/vendor/schemaorg/schemaorg-all-https.jsonld``, or the folder named by
``$NEWSARTICLE_SCHEMAORG_DIR``, or ``--source FILE``) and writes
``src/newsarticle/schemas/schemaorg-vocabulary.json``: what ``newsarticle``'s audit needs of
the vocabulary, and nothing else:

* ``classes``: every type (data types included) with its direct ``rdfs:subClassOf`` parents;
* ``datatypes``: the types schema.org declares as ``schema:DataType`` (their subtypes, such as
  ``URL`` or ``Integer``, are data types too, through ``classes``);
* ``properties``: every property with two lists, its ``schema:domainIncludes`` types and its
  ``schema:rangeIncludes`` types;
* ``members``: every enumeration member (``True``, ``InStock`` ...) with the types it belongs to;
* ``superseded``: every term schema.org superseded, with its replacement;
* ``retired``: the terms of schema.org's attic area.

Only terms of the ``schema:`` namespace are kept (the release also describes some terms of
other vocabularies it maps to).  The output is deterministic: sorted, one entry a line, the
source's SHA-256 recorded, so a new release shows as a readable diff.  ``--check`` writes
nothing and exits 1 when the file differs from what would be written (the tests run the same
comparison).  A maintainer's tool: it is not part of the package, and the package never reads
``../shared``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

ROOT = Path(__file__).resolve().parent.parent
TARGET: Final = ROOT / "src" / "newsarticle" / "schemas" / "schemaorg-vocabulary.json"
SOURCE_NAME: Final = "schemaorg-all-https.jsonld"
#: The release the vendored file is (its README says so; the file itself does not).
RELEASE: Final = "30.0"
ABOUT: Final = (
    "The schema.org vocabulary as newsarticle's audit reads it: derived by tools/vocabulary.py "
    "from schemaorg-all-https.jsonld (core and every extension area), https://schema.org, "
    "licensed CC BY-SA 3.0 (http://creativecommons.org/licenses/by-sa/3.0/)."
)

_SCHEMA: Final = "schema:"
_META_KINDS: Final = frozenset({"rdfs:Class", "rdf:Property", "schema:DataType"})
_ATTIC: Final = "https://attic.schema.org"


def default_source() -> Path:
    """The vendored vocabulary: in $NEWSARTICLE_SCHEMAORG_DIR, or ../shared/vendor/schemaorg."""
    configured = os.environ.get("NEWSARTICLE_SCHEMAORG_DIR")
    folder = Path(configured) if configured else ROOT.parent / "shared" / "vendor" / "schemaorg"
    return folder / SOURCE_NAME


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [] if value is None else [value]


def _terms(value: Any) -> list[str]:
    """The schema.org names among the ``{"@id": ...}`` references of ``value``, sorted."""
    found = {
        item["@id"].removeprefix(_SCHEMA)
        for item in _list(value)
        if isinstance(item, dict) and str(item.get("@id", "")).startswith(_SCHEMA)
    }
    return sorted(found)


def compact(source: bytes) -> dict[str, Any]:
    """The shipped data, read off the text of ``schemaorg-all-https.jsonld``."""
    graph = json.loads(source)["@graph"]
    classes: dict[str, list[str]] = {}
    datatypes: set[str] = set()
    properties: dict[str, list[list[str]]] = {}
    members: dict[str, list[str]] = {}
    superseded: dict[str, str] = {}
    retired: set[str] = set()
    for node in graph:
        identifier = str(node.get("@id", ""))
        if not identifier.startswith(_SCHEMA):
            continue
        term = identifier.removeprefix(_SCHEMA)
        kinds = [str(kind) for kind in _list(node.get("@type"))]
        if "rdfs:Class" in kinds or "schema:DataType" in kinds:
            classes[term] = _terms(node.get("rdfs:subClassOf"))
        if "schema:DataType" in kinds:
            datatypes.add(term)
        if "rdf:Property" in kinds:
            properties[term] = [
                _terms(node.get("schema:domainIncludes")),
                _terms(node.get("schema:rangeIncludes")),
            ]
        enumerations = sorted(
            kind.removeprefix(_SCHEMA)
            for kind in kinds
            if kind not in _META_KINDS and kind.startswith(_SCHEMA)
        )
        if enumerations:
            members[term] = enumerations
        replacements = _terms(node.get("schema:supersededBy"))
        if replacements:
            superseded[term] = replacements[0]
        parts = [
            p.get("@id") if isinstance(p, dict) else p for p in _list(node.get("schema:isPartOf"))
        ]
        if _ATTIC in parts:
            retired.add(term)
    return {
        "about": ABOUT,
        "release": RELEASE,
        "source": SOURCE_NAME,
        "source_sha256": hashlib.sha256(source).hexdigest(),
        "datatypes": sorted(datatypes),
        "classes": dict(sorted(classes.items())),
        "properties": dict(sorted(properties.items())),
        "members": dict(sorted(members.items())),
        "superseded": dict(sorted(superseded.items())),
        "retired": sorted(retired),
    }


def render(data: dict[str, Any]) -> str:
    """The text of the shipped file: the data of :func:`compact`, one entry a line."""
    lines = ["{"]
    items = list(data.items())
    for index, (key, value) in enumerate(items):
        comma = "," if index < len(items) - 1 else ""
        if isinstance(value, dict) and value:
            lines.append(f"  {json.dumps(key)}: {{")
            entries = list(value.items())
            for number, (name, held) in enumerate(entries):
                more = "," if number < len(entries) - 1 else ""
                lines.append(f"    {json.dumps(name)}: {_one_line(held)}{more}")
            lines.append(f"  }}{comma}")
        elif isinstance(value, list) and value:
            lines.append(f"  {json.dumps(key)}: [")
            for number, held in enumerate(value):
                lines.append(f"    {_one_line(held)}{',' if number < len(value) - 1 else ''}")
            lines.append(f"  ]{comma}")
        else:
            lines.append(f"  {json.dumps(key)}: {_one_line(value)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _one_line(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def vocabulary_text(source: Path) -> str:
    """What the tool writes for the vocabulary file at ``source``."""
    return render(compact(source.read_bytes()))


def main(argv: Sequence[str] | None = None) -> int:
    """Write (or with ``--check``, compare) the shipped vocabulary file."""
    parser = argparse.ArgumentParser(prog="python tools/vocabulary.py", description=__doc__)
    parser.add_argument("--source", type=Path, help=f"the {SOURCE_NAME} to read")
    parser.add_argument("--target", type=Path, default=TARGET, help="the file to write")
    parser.add_argument("--check", action="store_true", help="only report a stale file")
    arguments = parser.parse_args(argv)
    source: Path = arguments.source or default_source()
    target: Path = arguments.target
    if not source.is_file():
        print(f"{source}: not found (set NEWSARTICLE_SCHEMAORG_DIR or --source)", file=sys.stderr)
        return 2
    text = vocabulary_text(source)
    if target.is_file() and target.read_text(encoding="utf-8") == text:
        return 0
    if arguments.check:
        print(f"{target}: stale", file=sys.stderr)
        return 1
    from newsarticle._files import write_atomic

    write_atomic(target, text.encode("utf-8"))
    print(f"{target}: written", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
