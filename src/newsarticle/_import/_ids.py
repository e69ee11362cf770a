"""Ids of imported objects: read off the page's ``@id``\\ s, or made from names, the same on
every run.

An object whose ``@id`` has the form newsarticle's export writes (``<url>#person-<id>``,
``_:quote-<id>``: the kind, a hyphen, an id) gets that id back, so an exported article
imports with its own ids.  Every other object gets a slug of its name (``Jane Doe``:
``jane-doe``; accents dropped, other letters and signs made hyphens) or, when the name has
no ASCII letter or digit, its kind (``person``), with ``-2``, ``-3`` ... after a repeat.  The
ids read from ``@id``\\ s are reserved before any is made, so a made id never takes one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Final

from .._rules import ID

__all__ = ["Ids", "exported", "exported_id", "slug"]

_NOT_ID: Final = re.compile(r"[^A-Za-z0-9]+")
_VALID: Final = re.compile(f"{ID.body}")
#: Slugs are cut to this many characters, leaving room for a counter.
_SLUG_LENGTH: Final = 60


def exported(node_id: str | None) -> tuple[str, str] | None:
    """The kind and the id in an ``@id`` of the export's form (``#person-jane``: person,
    jane), or None."""
    if not node_id:
        return None
    if node_id.startswith("_:"):
        label = node_id[2:]
    else:
        _, hash_, label = node_id.partition("#")
        if not hash_:
            return None
    kind, dash, found = label.partition("-")
    if not dash or not _VALID.fullmatch(found):
        return None
    return kind, found


def exported_id(node_id: str | None, kind: str) -> str | None:
    """The id in an ``@id`` of the export's form for ``kind``, or None."""
    found = exported(node_id)
    return found[1] if found is not None and found[0] == kind else None


def slug(text: str) -> str:
    """An id-shaped slug of ``text`` ("" when it has no ASCII letter or digit)."""
    ascii_text = "".join(
        char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char)
    )
    found = _NOT_ID.sub("-", ascii_text).strip("-").lower()
    return found[:_SLUG_LENGTH].rstrip("-")


class Ids:
    """The ids given out for one article: each once."""

    def __init__(self, reserved: Iterable[str] = ()) -> None:
        self.reserved = set(reserved)
        self.taken: set[str] = set()

    def claim(self, identifier: str) -> str:
        """A reserved id, given to the object whose ``@id`` holds it (once; then made unique)."""
        if identifier not in self.taken:
            self.taken.add(identifier)
            return identifier
        return self.make(identifier)

    def make(self, base: str) -> str:
        """A new id: ``base`` (a slug), or ``base-2``, ``base-3`` ... if it is taken."""
        base = base or "item"
        candidate, counter = base, 1
        while candidate in self.taken or candidate in self.reserved:
            counter += 1
            candidate = f"{base}-{counter}"
        self.taken.add(candidate)
        return candidate

    def named(self, exported: str | None, name: str | None, kind: str) -> str:
        """The id of an object: from its ``@id`` when of the export's form, else made from its
        name, else from its kind."""
        if exported is not None:
            return self.claim(exported)
        return self.make(slug(name or "") or kind)
