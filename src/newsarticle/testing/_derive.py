"""Strategies for the classes of the model, derived from their fields' declarations.

Each class gets a :class:`Plan`, made once from its fields (see :func:`plan`): a field with a
rule draws the rule's values (:mod:`._values`), an enumeration is sampled, a class of the
model is drawn from its own plan, an optional field is sometimes None and a sequence holds
zero to a few items (each once when declared ``unique``).  A reference (``refs``) draws from
the ids of the collections it may name, which the caller gives in a :class:`Context`: an
``acyclic`` one only among the objects before its own in its collection, a ``not_self`` one
never the object's own id; ``anchors`` take consecutive paragraphs of the context and the
object's ``text`` from them.  So a field declared in the model is drawn with no edit here.

What the declarations do not say is written here once:

* a pair of fields ``start`` and ``end`` is put in order;
* the timestamps :data:`NOT_BEFORE` are drawn no earlier than the context's ``not_before``
  (the article's date of publication, :data:`PUBLISHED`), nor after its ``not_after``;
  those of :data:`AFTER_LATEST` no earlier than the latest timestamp of a sequence of their
  own object either (an article's ``date_modified``, its corrections' dates), which is drawn
  first;
* the objects held by a class of :data:`SPANS` are drawn within its span: its pair of
  timestamps, put in order, is their ``not_before`` and ``not_after`` (a live blog's updates
  are dated within its coverage);
* the fields of a class of :data:`SCALES` are drawn as a scale: all or none, the lowest
  below the highest and the middle one between (a review's rating);
* an id drawn for an object that holds none of the context's (a live blog's update) is new
  among the ids the context has ``taken`` (all the ids of the article).

A plan draws inside one composite strategy, straight from strategies built once (a
reference is an index into its pool, drawn from a strategy made once per pool size), so a
draw constructs no strategy.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final, TypeGuard

import attrs
from hypothesis import strategies as st

from .._model import Article, ClaimReview, Correction, LiveCoverage, LiveUpdate, PartialDate
from .._rules import ID, TIMESTAMP, RangeRule, Rule, Spec, spec
from ._values import (
    MAX_ITEMS,
    PRESENT,
    Draw,
    Values,
    between,
    id_values,
    indices,
    later,
    nfc,
    sampled,
    sizes,
    values,
)

__all__ = [
    "AFTER_LATEST",
    "NOT_BEFORE",
    "PUBLISHED",
    "SCALES",
    "SPANS",
    "Context",
    "Plan",
    "plan",
    "strategy",
]

#: The article's date of publication (class, field) ...
PUBLISHED: Final = (Article, "date_published")
#: ... and the timestamps (class, field) that are never before it (in subclasses too): the
#: context's ``not_before``, which a span (:data:`SPANS`) replaces with its start (and its
#: end as ``not_after``).
NOT_BEFORE: Final = frozenset(
    {(Article, "date_modified"), (Correction, "date"), (LiveUpdate, "date")}
)
#: Timestamps of :data:`NOT_BEFORE` (class, field) that are never before the latest timestamp
#: of a sequence of the same object either: (the sequence, the timestamp of its items).  A
#: correction modifies the article.
AFTER_LATEST: Final = {(Article, "date_modified"): ("corrections", "date")}
#: Classes whose pair of timestamps (earlier, later; a later one left out: no end) bounds
#: the timestamps of :data:`NOT_BEFORE` of the objects they hold.
SPANS: Final = {LiveCoverage: ("start", "end")}
#: Classes whose three numbers make a scale (lowest, middle, highest): all given or none,
#: the lowest below the highest, the middle one from the one to the other.
SCALES: Final = {ClaimReview: ("worst_rating", "rating", "best_rating")}
#: Fields drawn in order: (earlier, later).
_ORDERED: Final = (("start", "end"),)
#: The paragraphs an anchored quote or claim stands in, at most.
_MOST_ANCHORS: Final = 3


class Context:
    """What the objects being drawn may refer to, and who holds them.

    ``ids``: the ids of each collection (``"people"``, ...), which references may name, in
    the order of the collections; ``objects``: the objects of the collections anchors read
    (``"paragraphs"``); ``owner``: the id of the object of the article being drawn (None:
    the article itself), and ``identity`` the same until its ``id`` field takes it (so no
    object it holds takes it too); ``collection`` and ``position``: where that object stands
    (``acyclic`` references name only those before it); ``forced``: references decided
    beforehand, by (class, field); ``not_before`` and ``not_after``: the moments the
    timestamps of :data:`NOT_BEFORE` do not precede and do not follow (None: no bound);
    ``used``: every id drawn for a reference; ``taken``: every id of the article, which a
    new id drawn for an object (an :class:`_Identity` with no ``identity`` to take) is not.
    """

    __slots__ = (
        "collection",
        "forced",
        "identity",
        "ids",
        "not_after",
        "not_before",
        "objects",
        "order",
        "owner",
        "position",
        "taken",
        "used",
    )

    def __init__(
        self,
        ids: Mapping[str, Sequence[str]],
        objects: Mapping[str, Sequence[Any]] | None = None,
        not_before: dt.datetime | None = None,
    ) -> None:
        self.ids = ids
        self.objects: Mapping[str, Sequence[Any]] = {} if objects is None else objects
        self.order = {name: index for index, name in enumerate(ids)}
        self.owner: str | None = None
        self.identity: str | None = None
        self.collection: str | None = None
        self.position: int | None = None
        self.forced: Mapping[tuple[type[Any], str], Any] = {}
        self.not_before = not_before
        self.not_after: dt.datetime | None = None
        self.used: set[str] = set()
        self.taken: set[str] = set()

    def pool(self, declared: Spec) -> list[str]:
        """The ids a reference declared so may name, in a fixed order."""
        assert declared.refs is not None
        kinds = sorted((k for k in declared.refs if k in self.ids), key=self.order.__getitem__)
        found: list[str] = []
        for kind in kinds:
            own = self.ids[kind]
            if declared.acyclic is not None and kind == self.collection:
                own = own[: self.position]
            found.extend(own)
        if self.owner is not None and (declared.not_self or declared.acyclic):
            found = [identifier for identifier in found if identifier != self.owner]
        return found


# --- the steps of a plan --------------------------------------------------------------


@attrs.frozen
class _Value:
    """A field whose values follow a rule or are members of an enumeration."""

    name: str
    values: Values
    shape: str
    unique: bool

    def draw(self, draw: Draw, context: Context, out: dict[str, Any]) -> None:
        if self.shape == "many":
            out[self.name] = self.values.many(draw, self.unique)
        elif self.shape == "optional":
            out[self.name] = self.values.optional(draw)
        else:
            out[self.name] = self.values.one(draw)


@attrs.frozen
class _Identity:
    """The ``id`` of an object: the one the context holds for it, or a new one."""

    name: str

    def draw(self, draw: Draw, context: Context, out: dict[str, Any]) -> None:
        identity = context.identity
        if identity is None:
            ids = id_values()
            identity = ids.new(ids.one(draw), context.taken)
            context.taken.add(identity)
            out[self.name] = identity
        else:
            out[self.name], context.identity = identity, None


@attrs.frozen
class _Reference:
    """A reference: an index into the pool of ids it may name."""

    cls: type[Any]
    name: str
    declared: Spec

    def draw(self, draw: Draw, context: Context, out: dict[str, Any]) -> None:
        key = (self.cls, self.name)
        if key in context.forced:
            value = out[self.name] = context.forced[key]
            context.used.update(value if isinstance(value, tuple) else (value,))
            return
        pool = context.pool(self.declared)
        count = len(pool)
        shape = self.declared.shape
        if shape == "many":
            if not count:
                out[self.name] = ()
                return
            unique = self.declared.unique
            size = draw(sizes(min(count, MAX_ITEMS) if unique else MAX_ITEMS))
            chosen = [pool[draw(indices(count))] for _ in range(size)]
            out[self.name] = tuple(dict.fromkeys(chosen)) if unique else tuple(chosen)
            context.used.update(chosen)
            return
        if not count:
            if shape == "one":
                raise ValueError(f"{self.cls.__name__}.{self.name} has nothing to refer to")
            out[self.name] = None
            return
        if shape == "one":
            value = pool[draw(indices(count))]
        else:  # half the time absent, which it shrinks towards
            index = draw(indices(2 * count)) - count
            value = None if index < 0 else pool[index]
        out[self.name] = value
        if value is not None:
            context.used.add(value)

    def feasible(self, context: Context) -> bool:
        return self.declared.shape != "one" or bool(context.pool(self.declared))


@attrs.frozen
class _Nested:
    """A field holding objects of a class of the model, drawn from its plan."""

    name: str
    plan: Plan
    shape: str

    def draw(self, draw: Draw, context: Context, out: dict[str, Any]) -> None:
        feasible = self.plan.feasible(context)
        if self.shape == "many":
            count = draw(sizes(MAX_ITEMS)) if feasible else 0
            out[self.name] = tuple(self.plan.draw(draw, context) for _ in range(count))
        elif self.shape == "optional":
            present = feasible and draw(PRESENT)
            out[self.name] = self.plan.draw(draw, context) if present else None
        else:
            out[self.name] = self.plan.draw(draw, context)

    def feasible(self, context: Context) -> bool:
        return self.shape != "one" or self.plan.feasible(context)


@attrs.frozen
class _Anchored:
    """Anchors in consecutive paragraphs of the context, and the text they give the object.

    Each part of the text is a piece of its paragraph (the whole paragraph when the piece,
    in NFC, is not in it or breaks the text's rule: only spaces, say); the parts are joined
    by a blank line.  Half the objects have no anchors and free text.
    """

    name: str
    text: str
    collection: str
    free: Values  #: the text of an object with no anchors
    rule: Rule  #: the rule of the text, which each part keeps to

    def draw(self, draw: Draw, context: Context, out: dict[str, Any]) -> None:
        body = context.objects.get(self.collection, ())
        if not body or not draw(PRESENT):  # no anchors: what it shrinks towards
            out[self.text], out[self.name] = self.free.one(draw), ()
            return
        start = draw(indices(len(body)))
        chosen = body[start : start + 1 + draw(indices(min(_MOST_ANCHORS, len(body) - start)))]
        parts = []
        for paragraph in chosen:
            text = paragraph.text
            first = draw(indices(len(text)))
            part = nfc(text[first : first + 1 + draw(indices(len(text) - first))].strip("\n"))
            fits = part and part in text and self.rule.problem(part) is None
            parts.append(part if fits else text)
        anchors = tuple(paragraph.id for paragraph in chosen)
        out[self.text], out[self.name] = "\n\n".join(parts), anchors
        context.used.update(anchors)


@attrs.frozen
class _NotBefore:
    """A timestamp no earlier than the context's ``not_before`` and no later than its
    ``not_after``, when it has them, and no earlier than the latest timestamp of the
    sequence ``after_latest`` names (sequence, timestamp field) in the same object."""

    name: str
    values: Values
    optional: bool
    after_latest: tuple[str, str] | None = None

    def draw(self, draw: Draw, context: Context, out: dict[str, Any]) -> None:
        if self.optional and not draw(PRESENT):
            out[self.name] = None
            return
        low, high = context.not_before, context.not_after
        if self.after_latest is not None:
            sequence, key = self.after_latest
            moments = [getattr(item, key) for item in out[sequence]]
            if low is not None:
                moments.append(low)
            low = max(moments, default=None)
        if low is None:
            moment = self.values.one(draw)
            out[self.name] = moment if high is None or moment <= high else high
        elif high is None:
            out[self.name] = later(draw, low)
        else:  # a not_before later than the not_after wins
            out[self.name] = between(draw, low, max(low, high))


@attrs.frozen
class _Within:
    """Objects drawn within the span of the object that holds them: its pair of timestamps
    (put in order first) is their context's ``not_before`` and ``not_after``."""

    step: _Nested
    earlier: str
    later: str

    @property
    def name(self) -> str:
        return self.step.name

    def draw(self, draw: Draw, context: Context, out: dict[str, Any]) -> None:
        if _before(out[self.earlier], out[self.later]):
            out[self.earlier], out[self.later] = out[self.later], out[self.earlier]
        bounds = context.not_before, context.not_after
        context.not_before, context.not_after = out[self.earlier], out[self.later]
        try:
            self.step.draw(draw, context, out)
        finally:
            context.not_before, context.not_after = bounds

    def feasible(self, context: Context) -> bool:
        return self.step.feasible(context)


@attrs.frozen
class _Scale:
    """Three numbers of one rule that make a scale: all None, or the lowest below the highest
    and the middle one from the one to the other (absent half the time, which it shrinks
    towards)."""

    names: tuple[str, str, str]  #: lowest, middle, highest
    values: Values
    minimum: float
    maximum: float

    @property
    def name(self) -> str:
        return self.names[1]

    def draw(self, draw: Draw, context: Context, out: dict[str, Any]) -> None:
        if not draw(PRESENT):
            out.update(dict.fromkeys(self.names))
            return
        lowest, middle, highest = sorted(self.values.one(draw) for _ in self.names)
        if not lowest < highest:  # all three the same: one end of the scale moves out
            if lowest > self.minimum:
                lowest = type(lowest)(self.minimum)
            else:
                highest = type(highest)(self.maximum)
        out.update(zip(self.names, (lowest, middle, highest), strict=True))


_Step = _Value | _Identity | _Reference | _Nested | _Anchored | _NotBefore | _Within | _Scale


# --- plans ----------------------------------------------------------------------------


def _is_model(kind: object) -> TypeGuard[type[Any]]:
    """Whether a field's rule is a class of the model (not an enumeration or a value type)."""
    return isinstance(kind, type) and attrs.has(kind) and not hasattr(kind, "__rule__")


def _kind_values(kind: object) -> Values:
    """How to draw a value of a field's rule, when it is no class of the model."""
    if isinstance(kind, Rule):
        return values(kind)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return sampled(tuple(kind))
    rule = getattr(kind, "__rule__", None)
    if isinstance(rule, Rule):  # a value type of the model (PartialDate)
        return values(rule)
    raise TypeError(f"newsarticle.testing cannot draw a value of {kind!r}")


def _before(earlier: object, later: object) -> bool:
    """Whether ``later`` comes before ``earlier`` (so the two must be swapped)."""
    if isinstance(earlier, PartialDate) and isinstance(later, PartialDate):
        return earlier.earliest > later.latest
    if isinstance(earlier, dt.datetime) and isinstance(later, dt.datetime):
        return earlier > later
    return False


@attrs.frozen(eq=False)
class Plan:
    """How to draw an object of ``cls``: one step per field (anchors fill the text too)."""

    cls: type[Any]
    steps: tuple[_Step, ...]
    ordered: tuple[tuple[str, str], ...]

    def make(self, out: dict[str, Any]) -> Any:
        """The object of these field values (a pair out of order swapped)."""
        for earlier, later_ in self.ordered:
            if _before(out[earlier], out[later_]):
                out[earlier], out[later_] = out[later_], out[earlier]
        return self.cls(**out)

    def draw(self, draw: Draw, context: Context) -> Any:
        """An object of the class."""
        out: dict[str, Any] = {}
        for step in self.steps:
            step.draw(draw, context, out)
        return self.make(out)

    @property
    def identified(self) -> bool:
        """Whether the objects of the class have an id of their own."""
        return any(isinstance(step, _Identity) for step in self.steps)

    def feasible(self, context: Context) -> bool:
        """Whether every required reference of the class has something to name."""
        return all(
            step.feasible(context)
            for step in self.steps
            if isinstance(step, _Reference | _Nested | _Within)
        )


_PLANS: Final[dict[type[Any], Plan]] = {}


def plan(cls: type[Any]) -> Plan:
    """The plan of a class declared with :func:`~newsarticle._rules.declare`; built once."""
    found = _PLANS.get(cls)
    if found is None:
        found = _PLANS[cls] = _plan(cls)
    return found


def _plan(cls: type[Any]) -> Plan:
    fields = {field.name: spec(field) for field in attrs.fields(cls)}
    anchored = any(declared.anchors for declared in fields.values())
    span = next((pair for owner, pair in SPANS.items() if issubclass(cls, owner)), None)
    scale = next((names for owner, names in SCALES.items() if issubclass(cls, owner)), None)
    steps: list[_Step] = []
    for name, declared in fields.items():
        rule = declared.rule
        if anchored and name == "text":
            continue  # drawn with the anchors
        if scale is not None and name in scale:
            if name == scale[0]:
                steps.append(_scale(scale, fields))
            continue
        if declared.anchors:
            assert declared.refs is not None
            assert len(declared.refs) == 1, "anchors name one collection"
            assert "text" in fields, "an anchored object has a text"
            (collection,) = declared.refs
            text_rule = fields["text"].rule
            assert isinstance(text_rule, Rule), "an anchored object's text follows a rule"
            steps.append(_Anchored(name, "text", collection, _kind_values(text_rule), text_rule))
        elif declared.refs is not None:
            steps.append(_Reference(cls, name, declared))
        elif name == "id" and rule is ID and declared.shape == "one":
            steps.append(_Identity(name))
        elif any(issubclass(cls, owner) and name == key for owner, key in NOT_BEFORE):
            assert rule is TIMESTAMP
            assert declared.shape in ("one", "optional")
            latest = next(
                (
                    pair
                    for (owner, key), pair in AFTER_LATEST.items()
                    if issubclass(cls, owner) and name == key
                ),
                None,
            )
            steps.append(_NotBefore(name, values(TIMESTAMP), declared.shape == "optional", latest))
        elif _is_model(rule):
            nested = _Nested(name, plan(rule), declared.shape)
            steps.append(nested if span is None else _Within(nested, *span))
        else:
            steps.append(_Value(name, _kind_values(rule), declared.shape, declared.unique))
    ordered = tuple(pair for pair in _ORDERED if set(pair) <= set(fields))
    return Plan(cls, tuple(_after_what_they_follow(steps)), ordered)


def _scale(names: tuple[str, str, str], fields: Mapping[str, Spec]) -> _Scale:
    """The step that draws the three numbers of a scale (:data:`SCALES`)."""
    rules = {fields[name].rule for name in names}
    assert len(rules) == 1, "the numbers of a scale share a rule"
    (rule,) = rules
    assert isinstance(rule, RangeRule)
    assert {fields[name].shape for name in names} == {"optional"}, "a scale may be absent"
    return _Scale(names, values(rule), rule.minimum, rule.maximum)


def _after_what_they_follow(steps: list[_Step]) -> list[_Step]:
    """The steps, each timestamp of :data:`AFTER_LATEST` moved after the sequence it follows
    (and each step of :data:`SPANS` after the pair of timestamps it reads)."""
    found = list(steps)
    for step in steps:
        follows: tuple[str, ...] = ()
        if isinstance(step, _NotBefore) and step.after_latest is not None:
            follows = (step.after_latest[0],)
        elif isinstance(step, _Within):
            follows = (step.earlier, step.later)
        if follows:
            found.remove(step)
            names = [other.name for other in found]
            found.insert(max(names.index(name) for name in follows) + 1, step)
    return found


_STRATEGIES: Final[dict[tuple[Any, ...], st.SearchStrategy[Any]]] = {}


def strategy(
    cls: type[Any],
    *,
    id: st.SearchStrategy[str] | None = None,
    refs: Mapping[str, Iterable[str]] | None = None,
    objects: Mapping[str, Iterable[Any]] | None = None,
    not_before: dt.datetime | None = None,
) -> st.SearchStrategy[Any]:
    """Objects of ``cls``, a class declared with :func:`~newsarticle._rules.declare`.

    ``id`` draws the object's own id (default: any id); ``refs`` gives, by collection
    (``"people"``, ...), the ids its references may name (a reference with nothing to name
    is absent or empty; a required one makes this raise ValueError); ``objects`` the
    objects anchors may stand in (``{"paragraphs": [...]}``), whose ids references may name
    too; ``not_before`` the moment the timestamps of :data:`NOT_BEFORE` are not before.
    Built once per set of arguments.
    """
    held = {name: tuple(items) for name, items in (objects or {}).items()}
    pools = {name: tuple(ids) for name, ids in (refs or {}).items()}
    for name, items in held.items():
        pools.setdefault(name, tuple(item.id for item in items))
    key = (cls, id, tuple(pools.items()), tuple(held.items()), not_before)
    found = _STRATEGIES.get(key)
    if found is None:
        found = _STRATEGIES[key] = _strategy(cls, id, pools, held, not_before)
    return found


def _strategy(
    cls: type[Any],
    identity: st.SearchStrategy[str] | None,
    pools: dict[str, tuple[str, ...]],
    held: dict[str, tuple[Any, ...]],
    not_before: dt.datetime | None,
) -> st.SearchStrategy[Any]:
    found = plan(cls)
    context = Context(pools, held, not_before)
    if not found.feasible(context):
        wanted = sorted(
            " or ".join(sorted(step.declared.refs or ()))
            for step in found.steps
            if isinstance(step, _Reference) and not step.feasible(context)
        )
        raise ValueError(f"{cls.__name__} needs ids to refer to: give refs of {wanted}")
    if identity is not None and not found.identified:
        raise TypeError(f"{cls.__name__} has no id")

    known = frozenset(identifier for ids in pools.values() for identifier in ids)

    @st.composite
    def one(draw: st.DrawFn) -> Any:
        context.owner = None
        if found.identified:
            context.owner = id_values().one(draw) if identity is None else draw(identity)
        context.identity = context.owner
        context.used = set()
        context.taken = set(known) if context.owner is None else {*known, context.owner}
        return found.draw(draw, context)

    return one()
