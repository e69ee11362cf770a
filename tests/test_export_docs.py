"""docs/jsonld.md documents every field of the model."""

from __future__ import annotations

import re

import attrs

from helpers_export import REPO
from newsarticle import _model as model

DOC = REPO / "docs" / "jsonld.md"
#: Every class of the model but the base the entities share (its fields are documented on
#: Person): read off the model, so that a new class cannot be left out of the table.
CLASSES = [
    getattr(model, name)
    for name in model.__all__
    if attrs.has(getattr(model, name)) and getattr(model, name) is not model.Entity
]


def documented() -> set[tuple[str, str]]:
    """(class, field) named in the first cell of each row of the field table."""
    table = DOC.read_text(encoding="utf-8").partition("## Every field")[2]
    found: set[tuple[str, str]] = set()
    for row in table.splitlines():
        if not row.startswith("| `"):
            continue
        current = ""
        for owner, field in re.findall(r"`(\w*)\.(\w+)`", row.split("|")[1]):
            current = owner or current
            found.add((current, field))
    return found


def test_every_model_field_is_in_the_jsonld_table() -> None:
    """Each field of each model class has a row saying what the JSON-LD makes of it
    (fields every entity shares are documented once, on Person)."""
    shared = {f.name for f in attrs.fields(model.Entity)}
    rows = documented()
    missing = [
        f"{cls.__name__}.{field.name}"
        for cls in CLASSES
        for field in attrs.fields(cls)
        if (cls.__name__, field.name) not in rows
        and not (field.name in shared and ("Person", field.name) in rows)
    ]
    assert [] == missing
