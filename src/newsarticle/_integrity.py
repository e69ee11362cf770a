"""Integrity across the objects of an article: every cross-object rule, implemented once.

The rules: every id is unique in its article; every reference resolves to an object of a
kind it may name; chains of ``acyclic`` references (a parent organization, a containing
place) never come back on themselves; a ``not_self`` reference never names the object that
holds it; a quote or claim anchored in paragraphs stands in them, one part of its text per
paragraph; every attribution is used by a quote or a claim and every unnamed source by
something; ``date_modified`` and the corrections are not before ``date_published``, nor
``date_modified`` before the latest correction; an article free to read has no paragraph for
subscribers; a live blog's coverage ends after it starts, its updates are dated within it and
their ids are the article's own; a review's rating stands on its scale.

Which fields are references, and to what, is read from the model's declarations (see
:mod:`newsarticle._rules`), so a new reference field is checked as soon as it is declared.

The checks read the JSON value of a document, not the built article, so that they run even
when the schema found problems elsewhere and one run reports as much as it can; the fast
path of :func:`newsarticle.check` runs the same function on the value it has built the
article from.  They run on every document loaded, so JSON Pointers are built only for
problems.

The writers (``dumps``, ``dump``) and the exporters take only an article that can be loaded
back: :func:`require_valid` refuses any other, with the problems of one walk of
:func:`article_problems`.  The exporters then name the objects a reference points at with
:func:`resolve`, which raises :class:`~newsarticle.InvalidReferenceError` on a reference that
does not resolve: after :func:`require_valid`, only a bug can lead there.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
import re
import unicodedata
from collections.abc import Callable, Mapping
from typing import Any, Final, TypeAlias, TypeGuard

import attrs

from ._errors import InvalidArticleError, InvalidReferenceError, Problem, indefinite, shown
from ._model import Access, Article
from ._rules import ID, TIMESTAMP, Spec, format_datetime, spec

__all__ = [
    "article_problems",
    "collection_of",
    "integrity_problems",
    "kind_names",
    "require_valid",
    "resolve",
]

Where: TypeAlias = tuple[str | int, ...]


# --- what the model declares --------------------------------------------------------


@attrs.frozen
class _Reference:
    """A field that refers to other objects by id."""

    key: str
    spec: Spec
    many: bool


@attrs.frozen
class _Nested:
    """A field that holds objects of the model, which may hold references."""

    key: str
    many: bool
    steps: tuple[_Reference | _Nested, ...]


def _is_model(kind: object) -> TypeGuard[type[Any]]:
    """Whether a field's rule is a class of the model (not an enumeration or a value type)."""
    return isinstance(kind, type) and attrs.has(kind) and not hasattr(kind, "__rule__")


def _steps(cls: type[Any]) -> tuple[_Reference | _Nested, ...]:
    found: list[_Reference | _Nested] = []
    for field in attrs.fields(cls):
        declared = spec(field)
        many = declared.shape == "many"
        if declared.refs is not None:
            found.append(_Reference(field.name, declared, many))
        elif _is_model(declared.rule):
            inner = _steps(declared.rule)
            if inner:
                found.append(_Nested(field.name, many, inner))
    return tuple(found)


def _collections() -> dict[str, type[Any]]:
    """The collections of the article whose objects have ids, by name, in document order."""
    found: dict[str, type[Any]] = {}
    for field in attrs.fields(Article):
        rule = spec(field).rule
        if spec(field).shape == "many" and _is_model(rule):
            names = {f.name: spec(f).rule for f in attrs.fields(rule)}
            if names.get("id") is ID:
                found[field.name] = rule
    return found


def _noun(cls: type[Any]) -> str:
    """ "a person", "an unnamed source": the class name as a phrase."""
    return indefinite(re.sub(r"(?<!^)(?=[A-Z])", " ", cls.__name__).lower())


_COLLECTIONS: Final = _collections()
_NOUNS: Final = {name: _noun(cls) for name, cls in _COLLECTIONS.items()}
_BY_TYPE: Final = {cls: name for name, cls in _COLLECTIONS.items()}
for _cls, _name in list(_BY_TYPE.items()):  # subclasses stand for their parent's collection
    for _sub in _cls.__subclasses__():
        _BY_TYPE.setdefault(_sub, _name)
_ARTICLE_STEPS: Final = _steps(Article)


def _kinds(steps: tuple[_Reference | _Nested, ...]) -> set[frozenset[str]]:
    found: set[frozenset[str]] = set()
    for step in steps:
        if isinstance(step, _Nested):
            found |= _kinds(step.steps)
        elif step.spec.refs is not None:
            found.add(step.spec.refs)
    return found


#: Every combination of kinds a reference declares.
_KIND_SETS: Final = frozenset(_kinds(_ARTICLE_STEPS))
# Objects that something must use, and whether a reference of the wrong kind counts.
_MUST_BE_USED: Final = (
    ("attributions", "unused-attribution", "no quote or claim uses the attribution {id}", True),
    ("unnamed_sources", "unused-source", "nothing refers to the unnamed source {id}", False),
)
# The collections whose use the walk records: by any reference, or by one of the right kind.
# (A reference of the wrong kind is recorded as used when it is reported.)
_USED_BY_ANY: Final = frozenset(name for name, _, _, resolved in _MUST_BE_USED if not resolved)
_USED_BY_RESOLVED: Final = frozenset(name for name, _, _, resolved in _MUST_BE_USED if resolved)


def kind_names(kinds: frozenset[str]) -> str:
    """What a reference to ``kinds`` may name: "a person, an organization or a place"."""
    names = [_NOUNS[kind] for kind in _NOUNS if kind in kinds]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def collection_of(item: object) -> str:
    """The collection of the article that holds objects of ``item``'s type ("people")."""
    return _BY_TYPE[type(item)]


def resolve(article: Article, identifier: str, kinds: frozenset[str]) -> Any:
    """The object of ``article`` that ``identifier`` names, when it is of one of ``kinds``.

    Raises :class:`~newsarticle.InvalidReferenceError` otherwise: the article is not valid.
    """
    found = article.index.get(identifier)
    if found is not None and _BY_TYPE[type(found)] in kinds:
        return found
    noun = None if found is None else _NOUNS[_BY_TYPE[type(found)]]
    raise InvalidReferenceError(identifier, kind_names(kinds), noun)


# --- the checks ---------------------------------------------------------------------
def integrity_problems(document: Mapping[str, Any]) -> list[Problem]:
    """The cross-object problems of a parsed document (it need not match the schema)."""
    return _Checks(document, _json_reading()).run()


def article_problems(article: Article) -> list[Problem]:
    """The cross-object problems of a built article: the same checks, read off the objects.

    The fast path's verdict.  Every value of a built article has its rule's type, so the
    walk reads attributes and tests no JSON type.  When it finds nothing, neither does
    :func:`integrity_problems` on the article's JSON value; when it finds something, so does
    that, at the same paths, but for one case: a quote that stands in its paragraph only as
    the text was written, not in NFC, which only the JSON value can show.

    An article is immutable, so the walk runs once per article and the article keeps its
    verdict: the fast path of :func:`newsarticle.check` and then an export or ``dumps`` of
    the article it returned walk it once between them.
    """
    return list(article._verdict)


def walk_article(article: Article) -> list[Problem]:
    """The walk of :func:`article_problems`, run each time (the article keeps its result)."""
    return _Checks(article, _MODEL).run()


def require_valid(article: object, caller: str) -> Article:
    """``article``, when it can be loaded back: what the writers and exporters take.

    Raises :class:`TypeError` when ``article`` is not an :class:`Article` (a dict is a JSON
    value: :func:`newsarticle.check` takes those), and
    :class:`~newsarticle.InvalidArticleError`, carrying every problem, when it has an
    integrity error (a dangling reference, an id given twice).  Warnings alone pass.  One
    walk of :func:`article_problems`, the fast path's.  ``caller`` names the function for
    the message of the :class:`TypeError`.
    """
    if not isinstance(article, Article):
        raise TypeError(
            f"{caller} takes an Article, not {indefinite(type(article).__name__)} "
            "(newsarticle.check takes a JSON value or text)"
        )
    problems = article_problems(article)
    if problems and any(problem.is_error for problem in problems):
        raise InvalidArticleError(problems)
    return article


_ID: Final = operator.attrgetter("id")
_ID_TEXT: Final = operator.attrgetter("id", "text")
_KEY_ID: Final = operator.itemgetter("id")


def _pointer(where: Where) -> str:
    return "".join(f"/{part}" for part in where)


@attrs.frozen
class _Reading:
    """How the checks read a document: a JSON value, or the objects of a built article."""

    model: bool
    walk: Callable[[_Checks, Any], None]  #: the generated walk of the references
    #: A member of an object (None when it is absent, or when it is not an object).
    get: Callable[[Any, str], Any]

    def items(self, value: Any) -> Any:
        """The items of a sequence (none when it is not one)."""
        return value if type(value) is (tuple if self.model else list) else ()


def _member(value: Any, key: str) -> Any:
    return value.get(key) if type(value) is dict else None


class _Checks:
    """One pass of the cross-object checks over a document: what the walk found so far.

    The walk itself is generated from the model's declarations (see :class:`_Generator`);
    it calls back here for the rest: a problem, a chain of links, anchors, what must be used.
    """

    def __init__(self, document: Any, reading: _Reading) -> None:
        self.document = document
        self.reading = reading
        self.problems: list[Problem] = []
        self.used: set[str] = set()  # every id a reference names
        self.resolved: set[str] = set()  # every id a reference names with the right kind
        self.ids: dict[str, set[str]] = {}  # the ids of each collection
        self.found: dict[str, dict[str, Any]] = {}  # objects by id, for the collections asked
        self.distinct = False  # every object has a string id, and no two the same
        self.index()
        # The ids each reference may name, by the kinds it declares.
        ids = self.ids
        self.sets = {
            kinds: ids[next(iter(kinds))]
            if len(kinds) == 1
            else set().union(*[ids[k] for k in kinds])
            for kinds in _KIND_SETS
        }

    def run(self) -> list[Problem]:
        self.reading.walk(self, self.document)
        self.unused()
        self.dates()
        self.paywall()
        self.live()
        self.reviews()
        return self.problems

    def index(self) -> None:
        """Record the ids of every collection; report an id given twice (the first counts)."""
        reading, document = self.reading, self.document
        total = 0
        every: set[str] = set()
        for collection in _COLLECTIONS:
            if reading.model:  # the usual case, at once: objects with string ids
                items = getattr(document, collection)
                own = set(map(_ID, items))
            else:
                items = reading.items(reading.get(document, collection))
                try:
                    own = set(map(_KEY_ID, items))
                except (TypeError, KeyError):
                    break
                if not set(map(type, own)) <= {str}:
                    break
            self.ids[collection] = own
            every |= own
            total += len(items)
        else:
            if total == len(every):
                self.distinct = True
                return  # every id once
        self.ids = {}
        seen: dict[str, str] = {}
        for collection in _COLLECTIONS:  # one by one, to say which is wrong
            own = self.ids[collection] = set()
            for index, item in enumerate(reading.items(reading.get(document, collection))):
                identifier = reading.get(item, "id")
                if type(identifier) is not str:
                    continue
                if identifier in seen:
                    used_by = _NOUNS[seen[identifier]]
                    message = f"the id {shown(identifier)} is already used by {used_by}"
                    self.report("duplicate-id", (collection, index, "id"), message)
                    continue
                seen[identifier] = collection
                own.add(identifier)

    def objects(self, collection: str) -> dict[str, Any]:
        """The objects of ``collection`` by id (those its ids name: the first of each)."""
        found = self.found.get(collection)
        if found is None:
            found = self.found[collection] = {}
            reading, own = self.reading, self.ids[collection]
            for item in reading.items(reading.get(self.document, collection)):
                key = reading.get(item, "id")
                if type(key) is str and key in own and key not in found:
                    found[key] = item
        return found

    def texts(self) -> dict[str, Any]:
        """The text of each paragraph that anchors may name, by id."""
        get = self.reading.get
        if self.distinct:  # every paragraph has its own id
            items = self.reading.items(get(self.document, _ANCHORS))
            if self.reading.model:
                return dict(map(_ID_TEXT, items))
            return {get(item, "id"): get(item, "text") for item in items}
        return {key: get(item, "text") for key, item in self.objects(_ANCHORS).items()}

    def report(self, code: str, where: Where, message: str) -> None:
        self.problems.append(Problem.of(code, _pointer(where), message))

    def each(self, items: Any, allowed: set[str], kinds: frozenset[str], where: Where) -> list[str]:
        """Check the references of an array one by one; the ids that resolve."""
        found = []
        for index, item in enumerate(items):
            if type(item) is str:
                if item in allowed:
                    found.append(item)
                else:
                    self.unresolved(item, kinds, (*where, index))
        self.record(found, kinds)
        return found

    def record(self, ids: Any, kinds: frozenset[str]) -> None:
        """Note that references to ``kinds`` resolve to ``ids``, for what must be used."""
        if kinds & _USED_BY_ANY:
            self.used.update(ids)
        if kinds & _USED_BY_RESOLVED:
            self.resolved.update(ids)

    def unresolved(self, value: str, kinds: frozenset[str], where: Where) -> None:
        """Report a reference that names nothing, or an object of the wrong kind."""
        self.used.add(value)
        kind = next((name for name, ids in self.ids.items() if value in ids), None)
        if kind is None:
            expected = kind_names(kinds)
            message = (
                f"{shown(value)} is not the id of anything in the article (expected {expected})"
            )
            self.report("unresolved-reference", where, message)
        else:
            message = f"{shown(value)} is {_NOUNS[kind]}, but this must be {kind_names(kinds)}"
            self.report("wrong-reference-kind", where, message)

    def cycles(self, collection: str, key: str, verb: str) -> None:
        """Report each object of ``collection`` whose ``key`` links come back to it."""
        get = self.reading.get
        if self.distinct and self.reading.model:  # the usual case, at once
            items = get(self.document, collection)
            if _acyclic(dict(map(operator.attrgetter("id", key), items))):
                return
        objects = self.objects(collection)
        if _acyclic({identifier: get(item, key) for identifier, item in objects.items()}):
            return
        for index, item in enumerate(self.reading.items(get(self.document, collection))):
            target = get(item, key)
            if type(target) is str and target in objects:
                self.cycle(item, key, verb, (collection, index), get(item, "id"), collection)

    def cycle(
        self, item: Any, key: str, verb: str, where: Where, owner: object, collection: str
    ) -> None:
        """Follow the links of ``key`` from ``owner``; report a chain that comes back."""
        if type(owner) is not str:
            return  # the schema reports the malformed id
        get, objects = self.reading.get, self.objects(collection)
        seen = {owner}
        current = get(item, key)
        while type(current) is str and current in objects:
            if current in seen:
                message = f"{shown(owner)} {verb} itself through {key} links"
                self.report("containment-cycle", (*where, key), message)
                return
            seen.add(current)
            current = get(objects[current], key)

    def anchors(self, item: Any, given: Any, anchors: list[str], where: Where, key: str) -> None:
        """The parts of ``item``'s text stand word for word in its anchor paragraphs.

        They are compared when every anchor given resolves (the others are reported).
        """
        get = self.reading.get
        text = get(item, "text")
        if type(text) is not str:
            return
        if len(anchors) != len(given) and len(anchors) != sum(type(x) is str for x in given):
            return
        paragraphs = self.objects(_ANCHORS)
        parts = text.split("\n\n")
        if len(parts) != len(anchors):
            message = (
                f"the text has {len(parts)} part(s) separated by blank lines, "
                f"but {len(anchors)} anchor paragraph(s)"
            )
            self.report("anchor-count", (*where, key), message)
            return
        for index, (part, anchor) in enumerate(zip(parts, anchors, strict=True)):
            body = get(paragraphs[anchor], "text")
            if type(body) is str and part not in body and _nfc(part) not in _nfc(body):
                message = f"{shown(part)} does not stand in paragraph {shown(anchor)} word for word"
                self.report("quote-not-in-body", (*where, key, index), message)

    def unused(self) -> None:
        """Report what nothing uses (an attribution, an unnamed source)."""
        reading = self.reading
        for collection, code, message, resolved in _MUST_BE_USED:
            users = self.resolved if resolved else self.used
            if self.distinct and self.ids[collection] <= users:
                continue  # the ids are those of the objects, and all are used
            for index, item in enumerate(reading.items(reading.get(self.document, collection))):
                identifier = reading.get(item, "id")
                if type(identifier) is str and identifier not in users:
                    self.report(code, (collection, index), message.format(id=shown(identifier)))

    def dates(self) -> None:
        """Report a modification or a correction dated before publication, and a modification
        before the latest correction."""
        self.corrected()
        reading, document = self.reading, self.document
        published = _timestamp(reading.get(document, "date_published"))
        if published is None:
            return
        modified = _timestamp(reading.get(document, "date_modified"))
        if modified is not None and modified < published:
            message = "date_modified is before date_published"
            self.report("modified-before-published", ("date_modified",), message)
        for index, correction in enumerate(reading.items(reading.get(document, "corrections"))):
            date = _timestamp(reading.get(correction, "date"))
            if date is not None and date < published:
                message = "the correction is dated before the article was published"
                self.report("correction-before-published", ("corrections", index, "date"), message)

    def corrected(self) -> None:
        """Report a date_modified before the latest correction: a correction changes the
        article, so the article was modified no earlier than that."""
        reading, document = self.reading, self.document
        modified = _timestamp(reading.get(document, "date_modified"))
        if modified is None:
            return
        dates = [
            _timestamp(reading.get(correction, "date"))
            for correction in reading.items(reading.get(document, "corrections"))
        ]
        latest = max((date for date in dates if date is not None), default=None)
        if latest is not None and modified < latest:
            message = (
                f"date_modified is before the latest correction ({format_datetime(latest)}); "
                "a correction modifies the article"
            )
            self.report("modified-before-correction", ("date_modified",), message)

    def paywall(self) -> None:
        """Report an article said to be free that has a paragraph for subscribers."""
        reading, document = self.reading, self.document
        access = reading.get(document, "access")
        if access not in (Access.FREE, Access.FREE.value):
            return
        subscribers = (Access.SUBSCRIBERS, Access.SUBSCRIBERS.value)
        for paragraph in reading.items(reading.get(document, "paragraphs")):
            if reading.get(paragraph, "access") in subscribers:
                message = (
                    f"the article is free to read (access free), but paragraph "
                    f"{shown(reading.get(paragraph, 'id'))} is for subscribers; give the "
                    "article access subscribers, or leave access out"
                )
                self.report("paywall-contradiction", ("access",), message)
                return

    def live(self) -> None:
        """Report a live blog whose coverage ends before it starts, an update dated outside
        the coverage, and an update id that is not the article's own."""
        reading = self.reading
        live = reading.get(self.document, "live")
        if live is None:
            return
        start = _timestamp(reading.get(live, "start"))
        end = _timestamp(reading.get(live, "end"))
        if start is not None and end is not None and end < start:
            message = "the live coverage ends before it starts"
            self.report("coverage-end-before-start", ("live", "end"), message)
            end = None
        seen: set[str] = set()
        for index, update in enumerate(reading.items(reading.get(live, "updates"))):
            where: Where = ("live", "updates", index)
            identifier = reading.get(update, "id")
            if type(identifier) is str:
                holder = next((k for k, ids in self.ids.items() if identifier in ids), None)
                if identifier in seen or holder is not None:
                    whose = "another update" if holder is None else _NOUNS[holder]
                    message = f"the id {shown(identifier)} is already used by {whose}"
                    self.report("duplicate-id", (*where, "id"), message)
                seen.add(identifier)
            date = _timestamp(reading.get(update, "date"))
            if date is None:
                continue
            if start is not None and date < start:
                message = "the update is dated before the live coverage starts"
                self.report("update-outside-coverage", (*where, "date"), message)
            elif end is not None and date > end:
                message = "the update is dated after the live coverage ends"
                self.report("update-outside-coverage", (*where, "date"), message)

    def reviews(self) -> None:
        """Report a review's rating that is not on its scale: a rating needs both ends of the
        scale, the worst below the best, and the rating between them."""
        reading = self.reading
        for index, claim in enumerate(reading.items(reading.get(self.document, "claims"))):
            review = reading.get(claim, "review")
            if review is None:
                continue
            values = [_number(reading.get(review, key)) for key in _SCALE]
            rating, best, worst = values
            given = [value is not None for value in values]
            where: Where = ("claims", index, "review")
            if any(given) and not all(given):
                missing = [key for key, there in zip(_SCALE, given, strict=True) if not there]
                message = (
                    f"a rating is given with its scale: rating, best_rating and worst_rating, "
                    f"all three or none ({' and '.join(missing)} missing)"
                )
                self.report("review-rating-scale", where, message)
            elif rating is not None and best is not None and worst is not None:
                if not worst < best:
                    message = f"worst_rating {worst:g} is not below best_rating {best:g}"
                    self.report("review-rating-scale", (*where, "worst_rating"), message)
                elif not worst <= rating <= best:
                    message = f"rating {rating:g} is outside the scale {worst:g} to {best:g}"
                    self.report("review-rating-scale", (*where, "rating"), message)


@attrs.frozen
class _Site:
    """Where the walk stands at a reference: the expressions of the generated code.

    ``value`` holds the reference, found in the object ``obj`` at ``path``, inside the article
    object ``owner`` of ``collection``.
    """

    spec: Spec
    value: str
    obj: str
    path: tuple[str, ...]
    owner: str
    collection: str

    @property
    def kinds(self) -> frozenset[str]:
        """What the reference may name."""
        assert self.spec.refs is not None
        return self.spec.refs


class _Generator:
    """Writes, once, the walk of the references of an article, from the declarations.

    The walk is one function, ``walk(c, d)``, with the objects the article holds walked in
    nested loops: it checks each reference (its kinds, and whether it must not name the
    object that holds it, is a chain, or anchors its object's text) and calls back to the
    :class:`_Checks` ``c`` for problems and for what is rare.  Paths are written out only in
    the branches that report.

    ``model`` writes the walk of a built article: members are attributes, and every value
    has its rule's type.  Otherwise the walk reads a JSON value, which may be malformed
    anywhere, and tests the type of everything it reads.
    """

    def __init__(self, model: bool) -> None:
        self.model = model
        self.scope: dict[str, Any] = {}
        self.sets: dict[frozenset[str], str] = {}
        self.texts = False  # the walk compares anchors: it needs the paragraphs' texts

    def name(self, value: object, prefix: str) -> str:
        name = f"{prefix}_{len(self.scope)}"
        self.scope[name] = value
        return name

    def member(self, obj: str, key: str) -> str:
        return f"{obj}.{key}" if self.model else f"{obj}.get({key!r})"

    def source(self) -> str:
        body = self.steps(Article, _ARTICLE_STEPS, "d", (), 0, "None", "''")
        head = ["def walk(c, d):", "    used = c.used; resolved = c.resolved; sets = c.sets"]
        head += [
            f"    {local} = sets[{self.name(kinds, 'kinds')}]" for kinds, local in self.sets.items()
        ]
        if self.texts:
            head.append("    texts = c.texts()")
        return "\n".join([*head, *("    " + line for line in body)])

    def steps(
        self,
        cls: type[Any],
        steps: tuple[_Reference | _Nested, ...],
        obj: str,
        where: tuple[str, ...],
        depth: int,
        owner: str,
        collection: str,
    ) -> list[str]:
        """The lines that walk the object ``obj`` of ``cls`` found at ``where``.

        ``where`` holds the expressions of the parts of its path; ``owner`` and
        ``collection`` the expressions of the article object that holds it, and its collection.
        """
        fields = {field.name: spec(field) for field in attrs.fields(cls)}
        value = f"v{depth}"
        lines: list[str] = []
        for step in steps:
            lines.append(f"{value} = {self.member(obj, step.key)}")
            key = repr(step.key)
            if isinstance(step, _Reference):
                path = (*where, key)
                site = _Site(step.spec, value, obj, path, owner, collection)
                lines += self.references(site) if step.many else self.reference(site)
                continue
            inner = fields[step.key].rule
            assert _is_model(inner)
            if not step.many:
                test = f"{value} is not None" if self.model else f"type({value}) is dict"
                nested = self.steps(
                    inner, step.steps, value, (*where, key), depth + 1, owner, collection
                )
                lines += [f"if {test}:", *_indent(nested)]
                continue
            item, index = f"x{depth}", f"i{depth}"
            if depth == 0:  # an object of the article: it owns what it holds
                holder, held_in = f"o{depth}", key
                own = [f"{holder} = {self.member(item, 'id')}"]
            else:
                holder, held_in, own = owner, collection, []
            nested = self.steps(
                inner, step.steps, item, (*where, key, index), depth + 1, holder, held_in
            )
            if own and any(holder in line for line in nested):
                nested = own + nested
            if self.model:
                # The index is needed only for a path, so only where a problem is reported.
                nested = [
                    line.replace(f", {index},", f", _index({value}, {item}),") for line in nested
                ]
                lines += [f"for {item} in {value}:", *_indent(nested)]
            else:
                loop = f"for {index}, {item} in enumerate({value}):"
                lines += [
                    f"if type({value}) is list:",
                    *_indent([loop, *_indent([f"if type({item}) is dict:", *_indent(nested)])]),
                ]
            for chain in step.steps:
                if isinstance(chain, _Reference) and chain.spec.acyclic is not None:
                    assert depth == 0, "chains link objects of the article's collections"
                    verb = repr(chain.spec.acyclic)
                    lines.append(f"c.cycles({key}, {chain.key!r}, {verb})")
        return lines

    def anchors(self, obj: str, value: str, parent: str, key: str) -> list[str]:
        """Lines that check anchors: the usual case at once, anything else by ``c.anchors``."""
        self.texts = True
        call = f"c.anchors({obj}, {value}, found, {parent}, {key})"
        text = self.member(obj, "text")
        return [
            "if found:",
            *_indent(
                [
                    f"parts = {text}",
                    "parts = parts.split('\\n\\n') if type(parts) is str else ()",
                    f"if len(parts) != len(found) or len(found) != len({value}): {call}",
                    "else:",
                    "    for part, anchor in zip(parts, found):",
                    "        body = texts.get(anchor)",
                    f"        if type(body) is not str or part not in body: {call}; break",
                ]
            ),
        ]

    def allowed(self, kinds: frozenset[str]) -> str:
        """The local name of the set of ids that a reference to ``kinds`` may name."""
        return self.sets.setdefault(kinds, f"allowed_{len(self.sets)}")

    def record(self, kinds: frozenset[str], value: str, many: bool) -> list[str]:
        """Lines that note the resolved ``value`` as used, where that matters (_MUST_BE_USED)."""
        method = "update" if many else "add"
        lines = []
        if kinds & _USED_BY_ANY:
            lines.append(f"used.{method}({value})")
        if kinds & _USED_BY_RESOLVED:
            lines.append(f"resolved.{method}({value})")
        return lines

    def reference(self, site: _Site) -> list[str]:
        """Lines that check one reference, held in ``site.value``."""
        declared, value, owner, where = site.spec, site.value, site.owner, _tuple(site.path)
        allowed, kinds = self.allowed(site.kinds), self.name(site.kinds, "kinds")
        resolved = self.record(site.kinds, value, many=False)
        if declared.not_self is not None:
            message = self.name(declared.not_self, "message")
            resolved.append(
                f"if {value} == {owner}: c.report('self-reference', {where}, {message})"
            )
        if declared.acyclic is not None:
            # Checked for the whole collection once its walk is done (see steps).
            assert site.kinds == {site.collection.strip("'")}, "a chain stays in its collection"
        test = f"{value} is not None" if self.model else f"type({value}) is str"
        if not resolved:
            unresolved = f"if {test} and {value} not in {allowed}:"
            return [unresolved, f"    c.unresolved({value}, {kinds}, {where})"]
        return [
            f"if {test}:",
            *_indent(
                [
                    f"if {value} in {allowed}:",
                    *_indent(resolved),
                    f"else: c.unresolved({value}, {kinds}, {where})",
                ]
            ),
        ]

    def references(self, site: _Site) -> list[str]:
        """Lines that check a sequence of references, held in ``site.value``."""
        declared, value, owner, where = site.spec, site.value, site.owner, _tuple(site.path)
        allowed, kinds = self.allowed(site.kinds), self.name(site.kinds, "kinds")
        # The usual case at once, every item an id of an allowed kind; else one by one.
        if self.model:
            test = [f"if {allowed}.issuperset({value}):"]
        else:
            test = [
                "try: every = " + f"{allowed}.issuperset({value})",
                "except TypeError: every = False  # an item that is not an id at all",
                "if every:",
            ]
        body = [
            *test,
            *_indent([*self.record(site.kinds, value, many=True), f"found = {value}"]),
            f"else: found = c.each({value}, {allowed}, {kinds}, {where})",
        ]
        if declared.not_self is not None:
            message = self.name(declared.not_self, "message")
            body.append(f"if {owner} in found: c.report('self-reference', {where}, {message})")
        if declared.anchors:
            body += self.anchors(site.obj, value, _tuple(site.path[:-1]), site.path[-1])
        test_value = value if self.model else f"type({value}) is list and {value}"
        return [f"if {test_value}:", *_indent(body)]


def _acyclic(links: dict[str, Any]) -> bool:
    """Whether no chain of ``links`` (id to id, or to anything else) comes back on itself."""
    done: set[str] = set()
    for start, target in links.items():
        if target is None or target in done:
            continue  # the chain ends here, or joins one already followed
        path = {start}
        current: Any = target
        while type(current) is str and current in links and current not in done:
            if current in path:
                return False
            path.add(current)
            current = links[current]
        done |= path
    return True


def _index(items: tuple[Any, ...], item: object) -> int:
    """Where ``item`` itself stands in ``items`` (not an equal one)."""
    return next(index for index, found in enumerate(items) if found is item)


def _indent(lines: list[str]) -> list[str]:
    return [f"    {line}" for line in lines]


def _tuple(parts: tuple[str, ...]) -> str:
    return f"({', '.join(parts)},)" if parts else "()"


def _reading(model: bool) -> _Reading:
    generator = _Generator(model)
    source = generator.source()
    generator.scope["_index"] = _index
    exec(compile(source, "<newsarticle integrity>", "exec"), generator.scope)
    return _Reading(model=model, walk=generator.scope["walk"], get=getattr if model else _member)


#: The collection anchors name.
_ANCHORS: Final = "paragraphs"
_MODEL: Final = _reading(model=True)


@functools.cache
def _json_reading() -> _Reading:
    """The walk of a JSON value, generated when first needed: a valid document's fast path
    walks only the article it built."""
    return _reading(model=False)


def _timestamp(value: object) -> Any:
    """A moment: a built article's datetime, or a timestamp's JSON text (None if it is not one)."""
    if isinstance(value, dt.datetime):
        return value
    if type(value) is not str:
        return None
    try:
        return TIMESTAMP.parse(value)
    except ValueError:
        return None


#: The members of a review that make its rating.
_SCALE: Final = ("rating", "best_rating", "worst_rating")


def _number(value: object) -> float | None:
    """A number of a built article or of JSON text (None if it is none: a bool is none)."""
    if type(value) is int or type(value) is float:  # a bool is an int, but not of type int
        return float(value)
    return None


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)
