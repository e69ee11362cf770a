"""Whole articles that validate with no problem, from the declarations of the model.

The collections of the article whose objects have ids (``paragraphs``, ``people``, ...) are
read off the declarations, as integrity reads them.  A draw decides how many objects each
collection holds, draws every id of the article at once (unique), then each object from its
class's plan (:mod:`._derive`) with those ids to refer to; the collections anchors read come
first.  What integrity asks beyond the declarations is written here once:

* every attribution is used: each is the attribution of one quote or claim of its own (the
  objects of a class with a required reference to the collection), and some quotes and
  claims share one;
* every unnamed source is referred to: those nothing refers to are left out;
* ``date_modified`` and the corrections are not before ``date_published``, nor
  ``date_modified`` before the latest correction (see :data:`._derive.NOT_BEFORE` and
  :data:`._derive.AFTER_LATEST`);
* an id the article's objects hold outside its collections (a live blog's update) is none of
  the article's other ids (:class:`._derive.Context` ``taken``);
* a value of the article that one of its objects contradicts gives way to it
  (:data:`_OVERRULED`): an article said to be free to read, with a paragraph for
  subscribers, is for subscribers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

import attrs
from hypothesis import strategies as st

from .._model import Access, Article
from .._rules import spec
from ._derive import PUBLISHED, Context, Plan, plan
from ._values import id_values, indices, sizes

__all__ = ["article_strategy"]

#: Collections each of whose objects something must use through a required reference.
_USED_BY_STATEMENTS: Final = ("attributions",)
#: Collections whose objects nothing refers to are left out of the article.
_DROPPED_UNLESS_USED: Final = ("unnamed_sources",)


@attrs.frozen
class _Overruled:
    """A value ``value`` of the article's ``field`` that an object of ``collection`` whose
    ``member`` is ``by`` contradicts: the field is ``instead`` then."""

    field: str
    value: object
    collection: str
    member: str
    by: object
    instead: object

    def apply(self, out: dict[str, Any]) -> None:
        if out.get(self.field) == self.value and any(
            getattr(item, self.member) == self.by for item in out.get(self.collection, ())
        ):
            out[self.field] = self.instead


#: Values of the article its objects contradict (integrity's ``paywall-contradiction``).
_OVERRULED: Final = (
    _Overruled(
        "access", Access.FREE, "paragraphs", "access", Access.SUBSCRIBERS, Access.SUBSCRIBERS
    ),
)


@attrs.frozen
class _Users:
    """The collections whose objects each need one object of ``collection``."""

    collection: str
    users: tuple[tuple[str, str], ...]  #: (collection, field)


@attrs.frozen(eq=False)
class _Layout:
    """The collections of an article class, read once from its declarations."""

    plan: Plan
    collections: dict[str, Plan]  #: the collections whose objects have ids, in order
    order: tuple[str, ...]  #: the order they are drawn in: what anchors read first
    used: tuple[_Users, ...]


_LAYOUTS: Final[dict[type[Any], _Layout]] = {}


def _layout(cls: type[Any]) -> _Layout:
    found = _LAYOUTS.get(cls)
    if found is None:
        found = _LAYOUTS[cls] = _new_layout(cls)
    return found


def _new_layout(cls: type[Any]) -> _Layout:
    collections: dict[str, Plan] = {}
    for field in attrs.fields(cls):
        declared = spec(field)
        rule = declared.rule
        if declared.shape == "many" and isinstance(rule, type) and attrs.has(rule):
            found = plan(rule)
            if found.identified:
                collections[field.name] = found
    anchored = {
        collection
        for found in collections.values()
        for field in attrs.fields(found.cls)
        if spec(field).anchors
        for collection in spec(field).refs or ()
    }
    order = tuple(sorted(collections, key=lambda name: name not in anchored))
    used = []
    for target in _USED_BY_STATEMENTS:
        if target not in collections:
            continue
        users = tuple(
            (name, field.name)
            for name, found in collections.items()
            for field in attrs.fields(found.cls)
            if spec(field).shape == "one" and spec(field).refs == frozenset({target})
        )
        used.append(_Users(target, users))
    taken = [user for group in used for user, _ in group.users]
    assert len(taken) == len(set(taken)), "a collection uses one collection's objects"
    return _Layout(plan(cls), collections, order, tuple(used))


def _unique_ids(draw: st.DrawFn, count: int) -> list[str]:
    """``count`` different ids; now and then one as long as ids may be."""
    ids = id_values()
    found = [ids.short(draw) for _ in range(count)]
    longest = draw(indices(4 * count))
    if longest < count:
        found[longest] = ids.longest(found[longest])
    return ids.unique(found)


#: For one object of a collection of users: its reference decided in advance, by (class,
#: field), as the collection it names and the index of the object there.
_Forced = dict[tuple[type[Any], str], tuple[str, int]]


def _counts(
    draw: st.DrawFn, layout: _Layout, most: int
) -> tuple[dict[str, int], dict[str, list[_Forced]]]:
    """How many objects each collection holds, and what the users' first objects name."""
    users = {name for group in layout.used for name, _ in group.users}
    targets = {group.collection for group in layout.used}
    counts = {
        name: 0 if name in users else draw(sizes(2 * most if name in targets else most))
        for name in layout.collections
    }
    # A collection of objects that need a reference with nothing to name stays empty.
    placeholder = Context({name: ("?",) * count for name, count in counts.items()})
    for name in layout.collections:
        if name not in users and not layout.collections[name].feasible(placeholder):
            counts[name] = 0
    placeholder = Context({name: ("?",) * count for name, count in counts.items()})
    forced: dict[str, list[_Forced]] = {}
    for group in layout.used:
        usable = [user for user in group.users if layout.collections[user[0]].feasible(placeholder)]
        objects = counts[group.collection] = counts[group.collection] if usable else 0
        # One user of its own for each object, and some more that share one.
        shared = draw(sizes(2 * most - objects)) if objects else 0
        for statement in range(objects + shared):
            name, key = usable[draw(indices(len(usable)))] if len(usable) > 1 else usable[0]
            counts[name] += 1
            decided = {(layout.collections[name].cls, key): (group.collection, statement)}
            forced.setdefault(name, []).append(decided if statement < objects else {})
    return counts, forced


def _draw_article(draw: st.DrawFn, cls: type[Any], most: int) -> Any:
    layout = _layout(cls)
    counts, forced = _counts(draw, layout, most)
    pool = iter(_unique_ids(draw, sum(counts.values()) + 1))
    article_id = next(pool)
    ids = {name: tuple(next(pool) for _ in range(counts[name])) for name in layout.collections}
    objects: dict[str, Sequence[Any]] = {}
    context = Context(ids, objects)
    context.taken = {article_id, *(identifier for own in ids.values() for identifier in own)}
    for name in layout.order:
        found, decided = layout.collections[name], forced.get(name, [])
        context.collection = name
        items = []
        for index, identifier in enumerate(ids[name]):
            context.owner = context.identity = identifier
            context.position = index
            context.forced = (
                {key: ids[target][at] for key, (target, at) in decided[index].items()}
                if index < len(decided)
                else {}
            )
            items.append(found.draw(draw, context))
        objects[name] = tuple(items)
    context.owner = context.identity = context.collection = context.position = None
    context.forced = {}
    out: dict[str, Any] = {"id": article_id, **objects}
    steps = {step.name: step for step in layout.plan.steps}
    published_in, published = PUBLISHED
    if issubclass(cls, published_in):  # drawn first: what must not precede it follows
        steps[published].draw(draw, context, out)
        context.not_before = out[published]
    for name, step in steps.items():
        if name not in out:
            step.draw(draw, context, out)
    for name in _DROPPED_UNLESS_USED:
        if name in out:
            out[name] = tuple(item for item in out[name] if item.id in context.used)
    for overruled in _OVERRULED:
        overruled.apply(out)
    return layout.plan.make(out)


_ARTICLES: Final[dict[tuple[type[Any], int], st.SearchStrategy[Any]]] = {}


def article_strategy(cls: type[Any] = Article, max_entities: int = 3) -> st.SearchStrategy[Any]:
    """Articles of ``cls`` (Article, or a class declared like it); built once."""
    found = _ARTICLES.get((cls, max_entities))
    if found is None:
        found = _ARTICLES[cls, max_entities] = _new_article_strategy(cls, max_entities)
    return found


def _new_article_strategy(cls: type[Any], max_entities: int) -> st.SearchStrategy[Any]:
    if type(max_entities) is not int or max_entities < 0:
        raise ValueError(f"max_entities must be a whole number, not {max_entities!r}")
    _layout(cls)  # fails now if the class cannot be drawn

    @st.composite
    def draw_article(draw: st.DrawFn) -> Any:
        return _draw_article(draw, cls, max_entities)

    return draw_article()
