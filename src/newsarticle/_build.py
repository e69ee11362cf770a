"""The fast path's builders: an Article straight from a parsed document, or a refusal.

For each class of the model this module generates, once, a function that takes the JSON
object of one instance and builds the instance with every check its ``__init__`` would make:
required keys, no unknown key, strict JSON types, and each field's rule, written inline from
the rule itself (:meth:`~newsarticle._rules.Rule.inline`) or called as the rule's check;
then ``__attrs_post_init__``.  The object is made as a draft, a subclass of its frozen class
that lets its slots be set with plain stores, and becomes an instance of the class itself once
every field is set (see :func:`_draft`): several times faster than keyword arguments through
``__init__``, or than setting each slot through its descriptor.  Every id and reference is
checked in one regular-expression match at the end.

A builder says only that a document failed, not where or why: the library then runs the
reference path (the JSON Schema, then the model through the converter) to explain.
``tests/test_fast_path.py`` proves both reach the same verdict and the same article.
"""

from __future__ import annotations

import enum
import re
import threading
import unicodedata
from collections.abc import Callable, Mapping
from typing import Any, Final

import attrs

from ._model import Article
from ._rules import FORMAT_VERSION, ID, IdRule, RangeRule, Rule, TimestampRule, spec

__all__ = ["build"]


class _Refused(Exception):
    """The document is not a valid article (the reference path says why)."""


def build(document: Mapping[str, Any], *, clean: bool = False) -> Article | None:
    """The article of ``document``, or None.

    None means the document is not a valid article document of this format version.
    Integrity across objects is not checked here.  ``clean`` says that the caller knows no
    string in the document holds a control character other than a newline (see
    :func:`newsarticle._json._read.read_fast`), so that only newlines need looking for.
    """
    version = document.get("format_version")
    if type(version) not in (int, float) or version != FORMAT_VERSION:
        return None
    ids: list[str] = []
    builder = _BUILDERS[clean] if clean in _BUILDERS else _builder(clean)
    try:
        article: Article = builder(document if type(document) is dict else dict(document), ids)
    except Exception:  # any failure: the reference path will say what and where
        return None
    # Every id and reference, checked at once: one id per line, and no line break in any.
    joined = "\n".join(ids)
    if ids and (_IDS.fullmatch(joined) is None or joined.count("\n") != len(ids) - 1):
        return None
    return article


# --- code generation ------------------------------------------------------------

_Lines = list[str]

_IDS: Final = re.compile(rf"{ID.body}(?:\n{ID.body})*")


def _is_model(kind: object) -> bool:
    return isinstance(kind, type) and attrs.has(kind) and not hasattr(kind, "__rule__")


class _Generator:
    """Writes the builder of every model class into one namespace."""

    def __init__(self, clean: bool) -> None:
        self.clean = clean
        self.scope: dict[str, Any] = {
            "R": _Refused,
            "new": object.__new__,
            "normalize": unicodedata.normalize,
        }
        self.done: set[type[Any]] = set()
        self.source: _Lines = []

    def name(self, value: object, prefix: str = "v") -> str:
        """A name in the namespace bound to ``value``."""
        name = f"{prefix}_{len(self.scope)}"
        self.scope[name] = value
        return name

    def builder(self, cls: type[Any], extra_keys: int = 0) -> str:
        """The name of the builder of ``cls``, generating it (and its parts') first.

        ``extra_keys`` counts keys that every object holds besides the fields, which the
        caller checks (the article's ``format_version``).
        """
        function = f"build_{cls.__name__}"
        if cls in self.done:
            return function
        self.done.add(cls)
        fields = attrs.fields(cls)
        # n counts the keys not read yet: a key left over at the end is unknown.
        required = sum(f.default is attrs.NOTHING for f in fields) + extra_keys
        lines = [
            f"def {function}(d, ids):",
            "    if type(d) is not dict: raise R",
            f"    n = len(d) - {required}",
            f"    o = new({self.name(_draft(cls), 'draft')})",
        ]
        for field in fields:
            lines += self.field(cls, field)
        lines.append("    if n: raise R")
        lines.append(f"    o.__class__ = {self.name(cls, 'cls')}")
        if hasattr(cls, "__attrs_post_init__"):
            lines.append("    o.__attrs_post_init__()")
        lines.append("    return o")
        self.source += lines
        return function

    def field(self, cls: type[Any], field: attrs.Attribute[Any]) -> _Lines:
        """The lines that read, check and set one field."""
        declared = spec(field)
        if declared.shape == "many":
            body = ["if type(v) is not list: raise R", *self.items(declared.rule, declared.unique)]
        else:
            body = self.value(declared.rule, "v")
        assert field.name.isidentifier()  # stored as o.<name>, so no name mangling:
        assert not field.name.startswith("__")
        body.append(f"o.{field.name} = v")
        if field.default is attrs.NOTHING:
            return [f"    v = d[{field.name!r}]", *(f"    {line}" for line in body)]
        default = self.name(field.default, "default")
        return [
            f"    if {field.name!r} in d:",
            f"        v = d[{field.name!r}]",
            "        n -= 1",
            *(f"        {line}" for line in body),
            f"    else: o.{field.name} = {default}",
        ]

    def value(self, rule: object, var: str) -> _Lines:
        """Lines that turn the JSON value ``var`` into a checked value of ``rule``, in place."""
        if isinstance(rule, IdRule):
            return [f"if type({var}) is not str: raise R", f"ids.append({var})"]
        if isinstance(rule, TimestampRule):
            parse = self.name(rule.parse, "parse")
            return [f"if type({var}) is not str: raise R", f"{var} = {parse}({var})"]
        if isinstance(rule, RangeRule):
            return [
                *self.number(rule, var),
                f"if {rule.inline(var, self.clean, self.name)}: raise R",
            ]
        if isinstance(rule, Rule):
            lines = [f"if type({var}) is not str: raise R"]
            if rule.normalizes:
                lines.append(f"{var} = normalize('NFC', {var})")
            return [*lines, self.check(rule, var)]
        assert isinstance(rule, type)
        if issubclass(rule, enum.Enum):
            members = self.name({member.value: member for member in rule}, "members")
            return [f"{var} = {members}[{var}]"]
        if hasattr(rule, "__rule__"):  # a value written as a string (a partial date)
            textual: Any = rule  # such a class reads its text with its classmethod parse
            parse = self.name(textual.parse, "parse")
            return [f"if type({var}) is not str: raise R", f"{var} = {parse}({var})"]
        return [f"{var} = {self.builder(rule)}({var}, ids)"]

    def check(self, rule: Rule, var: str) -> str:
        """A line that refuses a string ``var`` that breaks ``rule``."""
        test = rule.inline(var, self.clean, self.name)
        if test is None:
            test = f"{self.name(rule.problem, 'problem')}({var}) is not None"
        return f"if {test}: raise R"

    def number(self, rule: RangeRule, var: str) -> _Lines:
        """JSON numbers as the model holds them (JSON Schema counts 1.0 as an integer)."""
        if rule.integer:
            return [
                f"if type({var}) is not int:",
                f"    if type({var}) is not float or not {var}.is_integer(): raise R",
                f"    {var} = int({var})",
            ]
        return [
            f"if type({var}) is int: {var} = float({var})",
            f"elif type({var}) is not float: raise R",
        ]

    def items(self, rule: object, unique: bool) -> _Lines:
        """Lines that turn the JSON array ``v`` into a tuple of checked values of ``rule``."""
        if isinstance(rule, IdRule):
            lines = ["for x in v:", "    if type(x) is not str: raise R", "ids.extend(v)"]
        elif _is_model(rule):
            assert isinstance(rule, type)
            return [f"v = tuple([{self.builder(rule)}(x, ids) for x in v])"]
        elif isinstance(rule, Rule) and not isinstance(rule, TimestampRule | RangeRule):
            if rule.normalizes:
                lines = ["v = [normalize('NFC', x) if type(x) is str else x for x in v]"]
            else:
                lines = []
            lines += [
                "for x in v:",
                "    if type(x) is not str: raise R",
                f"    {self.check(rule, 'x')}",
            ]
        else:
            item = self.name(self.item_function(rule), "item")
            lines = [f"v = [{item}(x) for x in v]"]
        lines.append("v = tuple(v)")
        if unique:
            lines.append("if len(v) > 1 and len(set(v)) != len(v): raise R")
        return lines

    def item_function(self, rule: object) -> Callable[[Any], Any]:
        """A function that checks and returns one item of ``rule`` (ids are collected)."""
        lines = ["def item(x):", *(f"    {line}" for line in self.value(rule, "x")), "    return x"]
        scope = self.scope
        exec("\n".join(lines), scope)
        function: Callable[[Any], Any] = scope.pop("item")
        return function


def _draft(cls: type[Any]) -> type[Any]:
    """A subclass of the frozen class ``cls`` that adds nothing but lets its slots be set.

    A builder makes the object as a draft, sets its fields with plain attribute stores and
    then makes it a ``cls`` by assigning ``__class__`` (allowed: the draft adds no slot, so
    the two share one layout).  A frozen class's ``__setattr__`` refuses every store, so
    without the draft each field would be set through its slot's descriptor, a call that
    costs several times a store (about 60 ns against 10).  A draft never leaves its builder:
    a builder that refuses drops the object it was making.
    """
    namespace = {
        "__slots__": (),
        "__setattr__": object.__setattr__,
        "__delattr__": object.__delattr__,
        "__doc__": f"A {cls.__name__} being built (see newsarticle._build._draft).",
    }
    return type(f"{cls.__name__}Draft", (cls,), namespace)


_Builder = Callable[[dict[str, Any], list[str]], Article]


def _generate(clean: bool) -> _Builder:
    generator = _Generator(clean)
    name = generator.builder(Article, extra_keys=1)  # and format_version
    source = "\n".join(generator.source)
    exec(compile(source, "<newsarticle builders>", "exec"), generator.scope)
    function: _Builder = generator.scope[name]
    return function


#: The two builders (for any text, and for text known clean), each generated on first use:
#: a command that never reads an article document never pays for writing them.
_BUILDERS: Final[dict[bool, _Builder]] = {}
_LOCK: Final = threading.Lock()


def _builder(clean: bool) -> _Builder:
    with _LOCK:  # two threads reading their first document generate the builder once
        if clean not in _BUILDERS:
            _BUILDERS[clean] = _generate(clean)
        return _BUILDERS[clean]
