"""The schema.org vocabulary the audit ships (src/newsarticle/schemas/schemaorg-vocabulary.json):
it is tools/vocabulary.py's output for the vendored release, it agrees with the tests' own
reading of that release, the package reads it without ../shared, and the wheel holds it.

The comparisons with the vendored release skip, saying so, when ../shared (or
$NEWSARTICLE_SCHEMAORG_DIR) is absent.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import zipfile
from pathlib import Path
from types import ModuleType

import pytest

from helpers_export import REPO, schemaorg_file
from helpers_export import Vocabulary as ConformanceVocabulary
from newsarticle._audit import Vocabulary, vocabulary

SHIPPED = REPO / "src" / "newsarticle" / "schemas" / "schemaorg-vocabulary.json"


def tool() -> ModuleType:
    """The maintainer's tool tools/vocabulary.py (it is not part of the package)."""
    found = importlib.util.spec_from_file_location(
        "vocabulary_tool", REPO / "tools" / "vocabulary.py"
    )
    assert found is not None
    assert found.loader is not None
    module = importlib.util.module_from_spec(found)
    found.loader.exec_module(module)
    return module


def test_the_shipped_file_is_the_tool_s_output() -> None:
    """The committed file is what tools/vocabulary.py writes for the vendored release, byte
    for byte (after a new release: `python tools/vocabulary.py`)."""
    source = schemaorg_file("schemaorg-all-https.jsonld")
    assert tool().vocabulary_text(source) == SHIPPED.read_text(encoding="utf-8")


TINY_RELEASE = {
    "@graph": [
        {"@id": "schema:Thing", "@type": "rdfs:Class"},
        {"@id": "schema:Text", "@type": ["schema:DataType", "rdfs:Class"]},
        {"@id": "schema:Boolean", "@type": ["rdfs:Class", "schema:DataType"]},
        {"@id": "schema:True", "@type": "schema:Boolean"},
        {"@id": "schema:Person", "@type": "rdfs:Class", "rdfs:subClassOf": {"@id": "schema:Thing"}},
        {
            "@id": "schema:name",
            "@type": "rdf:Property",
            "schema:domainIncludes": {"@id": "schema:Thing"},
            "schema:rangeIncludes": [{"@id": "schema:Text"}, {"@id": "unece:Text"}],
        },
        {
            "@id": "schema:names",
            "@type": "rdf:Property",
            "schema:supersededBy": {"@id": "schema:name"},
            "schema:isPartOf": {"@id": "https://attic.schema.org"},
        },
        {"@id": "unece:Invoice", "@type": "rdfs:Class"},
    ]
}


def test_the_tool_keeps_what_the_audit_needs() -> None:
    """Types with parents, data types, properties with domains and ranges, members, superseded
    and retired terms, of the schema.org namespace only."""
    data = tool().compact(json.dumps(TINY_RELEASE).encode())
    assert ["Boolean", "Text"] == data["datatypes"]
    assert {"Boolean": [], "Person": ["Thing"], "Text": [], "Thing": []} == data["classes"]
    assert {"name": [["Thing"], ["Text"]], "names": [[], []]} == data["properties"]
    assert {"True": ["Boolean"]} == data["members"]
    assert {"names": "name"} == data["superseded"]
    assert ["names"] == data["retired"]
    assert data == json.loads(tool().render(data))


def test_check_mode_reports_a_stale_file_and_writing_makes_it_current(tmp_path: Path) -> None:
    """--check exits 1 and writes nothing when the file differs; 0 once written."""
    source = tmp_path / "schemaorg-all-https.jsonld"
    source.write_text(json.dumps(TINY_RELEASE), encoding="utf-8")
    target = tmp_path / "vocabulary.json"
    main = tool().main
    arguments = ["--source", str(source), "--target", str(target)]
    assert 1 == main([*arguments, "--check"])
    assert not target.exists()
    assert 0 == main(arguments)
    assert 0 == main([*arguments, "--check"])
    target.write_text("{}\n", encoding="utf-8")
    assert 1 == main([*arguments, "--check"])


def test_a_missing_source_is_a_usage_error(tmp_path: Path) -> None:
    """Without the vendored release the tool exits 2 and writes nothing."""
    target = tmp_path / "vocabulary.json"
    assert 2 == tool().main(["--source", str(tmp_path / "none.jsonld"), "--target", str(target)])
    assert not target.exists()


def test_the_shipped_vocabulary_agrees_with_the_tests_own_reading() -> None:
    """Types and their parents, properties with their domains and ranges, and the retired
    terms are those the conformance tests read off the vendored release themselves."""
    theirs = ConformanceVocabulary.load(schemaorg_file("schemaorg-all-https.jsonld"))
    ours = vocabulary()

    def schema_only(terms: dict[str, list[str]]) -> dict[str, list[str]]:
        # The release also describes other vocabularies' terms (unece:Invoice ...).
        return {k: sorted(t for t in v if ":" not in t) for k, v in terms.items() if ":" not in k}

    assert schema_only(theirs.parents) == {k: sorted(v) for k, v in ours.classes.items()}
    assert schema_only(theirs.domains) == {
        k: sorted(domains) for k, (domains, _) in ours.properties.items()
    }
    assert schema_only(theirs.ranges) == {
        k: sorted(ranges) for k, (_, ranges) in ours.properties.items()
    }
    assert theirs.retired == ours.retired | frozenset(ours.superseded)


def test_the_package_reads_its_vocabulary_without_the_vendored_files() -> None:
    """A process that cannot see ../shared (its schema.org folder pointed elsewhere) reads the
    shipped vocabulary and audits with it."""
    code = (
        "from newsarticle._audit import vocabulary\n"
        "v = vocabulary()\n"
        "print(v.release, v.is_a('ReportageNewsArticle', 'CreativeWork'),"
        " sorted(v.properties['author'][1]), v.members['False'], v.superseded['colleagues'])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        env={"NEWSARTICLE_SCHEMAORG_DIR": "/nonexistent", "PATH": ""},
        cwd="/",
    )
    assert "30.0 True ['Organization', 'Person'] ('Boolean',) colleague\n" == done.stdout


def test_the_vocabulary_answers_what_the_audit_asks() -> None:
    """Subtypes, data types, enumeration members and superseded terms, as the audit uses them."""
    v = vocabulary()
    assert v.is_a("LiveBlogPosting", "Article")
    assert not v.is_a("WebPage", "Article")
    assert v.is_datatype("URL")
    assert v.is_datatype("Integer")
    assert not v.is_datatype("Person")
    assert v.fits(["NewsMediaOrganization"], ["Person", "Organization"])
    assert ("ItemAvailability",) == v.members["InStock"]
    assert "superseded by inLanguage" == v.retirement("language")
    assert v.retirement("headline") is None
    assert frozenset() == v.ancestors("NoSuchType")


def test_the_data_round_trips_through_from_data() -> None:
    """The shipped file's data builds the vocabulary the package uses."""
    data = json.loads(SHIPPED.read_text(encoding="utf-8"))
    built = Vocabulary.from_data(data)
    assert built.properties == vocabulary().properties
    assert data["release"] == built.release


def test_the_wheel_ships_the_vocabulary(tmp_path: Path) -> None:
    """A wheel built from the source tree holds the vocabulary file as it is committed."""
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(tmp_path)],
        cwd=REPO,
        check=True,
        capture_output=True,
        timeout=120,
    )
    (wheel,) = tmp_path.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        shipped = archive.read("newsarticle/schemas/schemaorg-vocabulary.json")
    assert SHIPPED.read_bytes() == shipped


@pytest.mark.parametrize("name", ["about", "release", "source", "source_sha256"])
def test_the_file_says_where_it_comes_from(name: str) -> None:
    """The shipped file names its source, release, checksum and licence."""
    data = json.loads(SHIPPED.read_text(encoding="utf-8"))
    assert data[name]
    assert "CC BY-SA 3.0" in data["about"]
