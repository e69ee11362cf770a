"""The nodes of a page's JSON-LD: every object of every block, ``@id``\\ s across blocks, the
article among them.

A page's structured data is a graph written in pieces: several blocks, each an object, an
array of objects or an ``@graph``; objects nested in each other or referring to each other
by ``{"@id": ...}``, within a block or across blocks (Yoast writes the article in one block
and its author in another).  :class:`Graph` reads every object of every block once, keeps
the objects that define an ``@id`` (an object with ``@id`` and anything more) by that id, and
gives each value with the block and the JSON Pointer where it stands (:class:`Here`), so
that every problem can say where it is.

:func:`find_articles` finds the article nodes: objects whose ``@type`` is ``Article`` or
below it in schema.org's hierarchy (``@type`` as a string, a list, or a full IRI), wherever
they stand (at the top, in an ``@graph``, in an array, only inside ``WebPage.mainEntity``),
but not inside another article (a live blog's updates, an article's citations are parts of
it).  :func:`choose` picks one of several by the rule in ``docs/import.md``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, Final
from urllib.parse import urlsplit, urlunsplit

import attrs

from ._vocab import term, vocabulary

if TYPE_CHECKING:
    from .._errors import Problem
    from ._page import Block, Page

__all__ = ["Graph", "Here", "Node", "choose", "find_articles", "same_url"]

#: How deep the walk goes into a block's value (a page's reader refuses deeper values).
MAX_DEPTH: Final = 512


def escape(key: str | int) -> str:
    """One JSON Pointer reference token."""
    return str(key).replace("~", "~0").replace("/", "~1")


class Here:
    """A value of one block, and its JSON Pointer in the block's value.

    A plain class with slots rather than a frozen attrs class: an import makes one for each
    object of the page and for each value it reads, and a frozen class's ``__init__`` costs
    several times more.  Nothing changes one once made.
    """

    __slots__ = ("block", "pointer", "value")

    def __init__(self, value: Any, block: Block, pointer: str) -> None:
        self.value = value
        self.block = block
        self.pointer = pointer

    def __repr__(self) -> str:
        return f"Here(value={self.value!r}, block={self.block!r}, pointer={self.pointer!r})"

    def at(self, key: str | int) -> Here:
        """The value under ``key`` (a member name or an index)."""
        token = key if type(key) is str and "~" not in key and "/" not in key else escape(key)
        return Here(self.value[key], self.block, f"{self.pointer}/{token}")

    def items(self) -> list[Here]:
        """The items of an array, or the value itself when it is not one (``null``: none)."""
        if isinstance(self.value, list):
            return [self.at(index) for index in range(len(self.value))]
        return [] if self.value is None else [self]

    def problem(self, code: str, message: str) -> Problem:
        """A problem about this value, with its line and column in the page."""
        return self.block.problem(code, self.pointer, message)

    @property
    def where(self) -> str:
        """The value's place, for messages: the block and the pointer."""
        return f"block {self.block.index + 1} {self.pointer or '/'}"


def _types(value: dict[str, Any]) -> tuple[str, ...]:
    """The node's types as schema.org names; a type a case away from one (``person``) as it."""
    kinds = value.get("@type")
    vocab = vocabulary()
    if type(kinds) is str and kinds in vocab.parents:
        return (kinds,)  # the commonest: one type, written as its bare name
    items = kinds if isinstance(kinds, list) else [kinds]
    found = []
    for kind in items:
        if isinstance(kind, str) and kind.strip():
            name = term(kind.strip())
            found.append(name if vocab.is_type(name) else vocab.type_spelled(name) or name)
    return tuple(found)


class Node:
    """One thing of the graph: the objects that describe it (one, or every object of the page
    with its ``@id``), read as one: a property is taken from the first object that has it."""

    __slots__ = ("_index", "_spelled", "_types", "parts")

    def __init__(self, parts: tuple[Here, ...]) -> None:
        self.parts = parts
        self._index: dict[str, tuple[Here, str]] | None = None
        self._spelled: dict[str, tuple[Here, str]] | None = None
        self._types: tuple[str, ...] | None = None

    @property
    def here(self) -> Here:
        return self.parts[0]

    @property
    def id(self) -> str | None:
        for part in self.parts:
            found = part.value.get("@id")
            if isinstance(found, str) and found.strip():
                return found.strip()
        return None

    @property
    def types(self) -> tuple[str, ...]:
        """The types of every part, each once, as schema.org names."""
        if self._types is None:
            found: dict[str, None] = {}
            for part in self.parts:
                found.update(dict.fromkeys(_types(part.value)))
            self._types = tuple(found)
        return self._types

    def index(self) -> dict[str, tuple[Here, str]]:
        """Every property by its schema.org name: the part that holds it first, and its key."""
        index = self._index
        if index is None:
            index = {}
            for part in self.parts:
                for key in part.value:
                    if isinstance(key, str):
                        index.setdefault(term(key), (part, key))
            # A key written as the bare name wins over the same property written as an IRI.
            for part in reversed(self.parts):
                for key in part.value:
                    if isinstance(key, str) and key in index and index[key][1] != key:
                        index[key] = (part, key)
            self._index = index
        return index

    def misspelt(self, name: str) -> tuple[Here, str] | None:
        """The key that is property ``name`` in another case (``headLine``), and its part."""
        spelled = self._spelled
        if spelled is None:
            vocab = vocabulary()
            spelled = {}
            for found, (part, key) in self.index().items():
                if not key.startswith("@") and not vocab.is_property(found):
                    proper = vocab.spelled(found)
                    if proper is not None:
                        spelled.setdefault(proper, (part, key))
            self._spelled = spelled
        return spelled.get(name)

    def properties(self) -> Iterator[tuple[str, Here]]:
        """Every property (its key as written) and its value, first object first, each once."""
        for part, key in self.index().values():
            yield key, part.at(key)

    def get(self, name: str) -> Here | None:
        """The value of property ``name`` (written bare, or as a schema.org IRI), or None."""
        found = self.index().get(name)
        return None if found is None else found[0].at(found[1])

    def is_a(self, ancestor: str) -> bool:
        # A type is ``ancestor`` or below it when it is one of ``ancestor``'s descendants.
        return not vocabulary().descendants(ancestor).isdisjoint(self.types)

    def same(self, other: Node) -> bool:
        if self.id is not None and self.id == other.id:
            return True
        return any(a.value is b.value for a in self.parts for b in other.parts)


class Graph:
    """Every object of a page's blocks, and the objects that define each ``@id``."""

    def __init__(self, page: Page) -> None:
        self.page = page
        #: Every object, whether it stands inside an article, and its types, in page order.
        self.objects: list[tuple[Here, bool, tuple[str, ...]]] = []
        self.definitions: dict[str, list[Here]] = {}
        articles = vocabulary().descendants("Article")
        for block in page.blocks:
            if block.value is None:
                continue
            # The containers still to walk, the next one last (so: in page order).
            stack: list[tuple[Any, str, bool, int]] = [(block.value, "", False, 0)]
            push = stack.append
            while stack:
                value, pointer, inside, depth = stack.pop()
                children = depth < MAX_DEPTH  # what the deepest walked holds is not walked
                depth += 1
                if type(value) is dict:
                    kinds = _types(value) if "@type" in value else ()
                    here = Here(value, block, pointer)
                    self.objects.append((here, inside, kinds))
                    identifier = value.get("@id")
                    if type(identifier) is str and len(value) > 1:
                        self.definitions.setdefault(identifier.strip(), []).append(here)
                    below = inside or not articles.isdisjoint(kinds)
                    if children:
                        for key, item in reversed(value.items()):
                            if type(item) is dict or type(item) is list:
                                token = escape(key) if "~" in key or "/" in key else key
                                push((item, f"{pointer}/{token}", below, depth))
                elif children:
                    for index in range(len(value) - 1, -1, -1):
                        item = value[index]
                        if type(item) is dict or type(item) is list:
                            push((item, f"{pointer}/{index}", inside, depth))

    def node(self, here: Here) -> Node | None:
        """The thing an object describes or refers to (``{"@id": ...}`` followed), or None for a
        value that is not an object, or a reference to nothing on the page."""
        value = here.value
        if not isinstance(value, dict):
            return None
        identifier = value.get("@id")
        if isinstance(identifier, str) and identifier.strip():
            defined = self.definitions.get(identifier.strip(), [])
            own = [here] if len(value) > 1 else []
            parts = own + [d for d in defined if d.value is not value]
            return Node(tuple(parts)) if parts else None
        return Node((here,))


def find_articles(graph: Graph) -> list[Node]:
    """The article nodes of the page, in page order, each thing once."""
    articles = vocabulary().descendants("Article")
    found: list[Node] = []
    for here, inside, kinds in graph.objects:
        if inside or articles.isdisjoint(kinds):
            continue
        node = graph.node(here)
        if node is None:
            continue
        if not any(node.same(other) for other in found):
            found.append(node)
    return found


def normal_url(url: str) -> str | None:
    """A URL as compared: no fragment, host in lower case, no final slash, either scheme."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if not parts.netloc:
        return None
    path = parts.path.rstrip("/")
    return urlunsplit(("", parts.netloc.lower().removeprefix("www."), path, parts.query, ""))


def same_url(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return False
    first, second = normal_url(a), normal_url(b)
    return first is not None and first == second


def node_urls(graph: Graph, node: Node) -> list[str]:
    """The URLs a node says are its page: ``url``, ``mainEntityOfPage``, ``@id``."""
    found: list[str] = []
    for name in ("url", "mainEntityOfPage"):
        here = node.get(name)
        if here is None:
            continue
        for item in here.items():
            if isinstance(item.value, str):
                found.append(item.value)
            elif isinstance(item.value, dict):
                for key in ("@id", "url"):
                    value = item.value.get(key)
                    if isinstance(value, str):
                        found.append(value)
    if node.id is not None:
        found.append(node.id)
    return found


@attrs.frozen
class Choice:
    """The article taken, why, and the others."""

    node: Node
    reason: str
    others: tuple[Node, ...]


def _main_entities(graph: Graph, candidates: Sequence[Node]) -> list[Node]:
    named: list[Node] = []
    for here, _, _ in graph.objects:
        value = here.value
        key = next((k for k in value if isinstance(k, str) and term(k) == "mainEntity"), None)
        if key is None:
            continue
        for item in here.at(key).items():
            target = graph.node(item)
            if target is None:
                continue
            for candidate in candidates:
                if candidate.same(target) and not any(candidate is n for n in named):
                    named.append(candidate)
    return named


def _filled(node: Node) -> int:
    return sum(node.get(name) is not None for name in ("headline", "author", "datePublished"))


def choose(graph: Graph, candidates: Sequence[Node], page_url: str | None) -> Choice:
    """One article of several: the one a node names as ``mainEntity``; else the one whose
    ``url``, ``mainEntityOfPage`` or ``@id`` is the page's URL; else the one with most of
    ``headline``, ``author`` and ``datePublished``; else the first.  Each rule decides among
    the candidates the rule before it left."""
    pool = list(candidates)
    reason = "the only article node"
    if len(pool) > 1:
        named = _main_entities(graph, pool)
        if len(named) == 1:
            return Choice(named[0], "the node the page names as mainEntity", _rest(pool, named[0]))
        if named:
            pool = named
        matching = [n for n in pool if any(same_url(u, page_url) for u in node_urls(graph, n))]
        if len(matching) == 1:
            return Choice(
                matching[0], "the node whose URL is the page's", _rest(candidates, matching[0])
            )
        if matching:
            pool = matching
        most = max(_filled(n) for n in pool)
        fullest = [n for n in pool if _filled(n) == most]
        if len(fullest) == 1:
            reason = "the node with most of headline, author and datePublished"
        else:
            reason = "the first of the article nodes"
        pool = fullest
    return Choice(pool[0], reason, _rest(candidates, pool[0]))


def _rest(candidates: Sequence[Node], taken: Node) -> tuple[Node, ...]:
    return tuple(n for n in candidates if n is not taken)
