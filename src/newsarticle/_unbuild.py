"""The fast way out: an article's JSON value, made by code generated from the model.

The converter (:func:`newsarticle._convert.unstructure`) is the reference: keys in model
order, the format version first, a key left out when its value is the field's default,
enumerations as their values, dates and timestamps as their text, sequences as arrays.
From the declarations of the model's classes (each field's shape and rule) this module
generates, once and on first use, one function that makes the same value: it reads each
slot once, calls nothing for a string or a number, writes the objects of a sequence in a
loop of its own, and keeps a sequence of strings as its tuple (both JSON writers write a
tuple as an array).

The value comes with a promise to :func:`newsarticle._json._write.orjson_text`: orjson
writes it as the standard library does.  The only numbers orjson writes differently are
floats below 1e-4 in magnitude (``0.00001`` for ``1e-05``), and the model's only floats
are the fields of ranges of any number (coordinates, ratings), so the generated code looks
at those alone.  :func:`plain_value` returns None for an article that holds such a float (a
latitude within 11 meters of the equator): the caller then takes the reference path.
``tests/test_unbuild.py`` proves the value and the text equal to the reference's.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Any, Final

import attrs

from ._model import Article
from ._rules import FORMAT_VERSION, RangeRule, Rule, TimestampRule, spec

__all__ = ["plain_value"]

#: Floats of smaller magnitude (but 0) are written differently by orjson and ``json``.
SMALLEST_PLAIN: Final = 1e-4

#: How many texts of values written as strings (partial dates) are kept.
TEXTS_KEPT: Final = 4096
_TEXTS: Final[dict[object, str]] = {}


def plain_value(article: Article) -> dict[str, Any] | None:
    """The JSON value of ``article``, the converter's, or None when it holds a float that
    orjson writes in another form than the standard library (see the module's docstring)."""
    unbuild = _FUNCTIONS.get(Article) or _generate()
    try:
        return unbuild(article)
    except _SmallFloat:
        return None


class _SmallFloat(Exception):
    """The article holds a float that orjson writes in another form than ``json``."""


def _text(value: object) -> str:
    """The text of a value written as a string, kept: an article's dates are few and
    repeat (the model shares one object per date it reads), and writing one costs more
    than finding it."""
    if len(_TEXTS) >= TEXTS_KEPT:
        _TEXTS.clear()
    text = _TEXTS[value] = str(value)
    return text


# The generated function, made on first use (two threads may both make it: either serves).
_FUNCTIONS: Final[dict[type[Any], Callable[[Any], dict[str, Any]]]] = {}


def _generate() -> Callable[[Any], dict[str, Any]]:
    function = _FUNCTIONS[Article] = _Generator().compile(Article)
    return function


# --- code generation ------------------------------------------------------------

_Lines = list[str]


def _indented(lines: _Lines, depth: int = 1) -> _Lines:
    return [f"{'    ' * depth}{line}" for line in lines]


def _floats(rule: object) -> bool:
    """Whether the values of ``rule`` are floats (whole numbers are written alike)."""
    return isinstance(rule, RangeRule) and not rule.integer


class _Generator:
    """Writes the functions of the model's classes into one namespace.

    The body of a class's function reads the object ``o<n>`` into the dict ``d<n>``; the
    objects of a sequence are written inline, at depth ``n + 1``.  A class held in a field
    of one object (the coordinates of a place) has a function of its own.
    """

    def __init__(self) -> None:
        self.scope: dict[str, Any] = {
            "Small": _SmallFloat,
            "SMALLEST": SMALLEST_PLAIN,
            "texts": _TEXTS,
            "text": _text,
        }
        self.done: set[type[Any]] = set()
        self.source: _Lines = []

    def name(self, value: object, prefix: str) -> str:
        """A name in the namespace bound to ``value``."""
        name = f"{prefix}_{len(self.scope)}"
        self.scope[name] = value
        return name

    def compile(self, cls: type[Any]) -> Callable[[Any], dict[str, Any]]:
        """The function of ``cls`` (the article's writes the format version first)."""
        name = self.function(cls)
        exec(compile("\n".join(self.source), "<newsarticle unbuilders>", "exec"), self.scope)
        function: Callable[[Any], dict[str, Any]] = self.scope[name]
        return function

    def function(self, cls: type[Any]) -> str:
        """The name of the function of ``cls``, generating it first."""
        function = f"unbuild_{cls.__name__}"
        if cls not in self.done:
            self.done.add(cls)
            body = self.body(cls, 0)  # first: it may generate other functions
            self.source += [f"def {function}(o0):", *_indented(body), "    return d0"]
        return function

    def body(self, cls: type[Any], depth: int) -> _Lines:
        """The lines that write the object ``o<depth>`` of ``cls`` into a new ``d<depth>``."""
        o, d = f"o{depth}", f"d{depth}"
        first = {"format_version": repr(FORMAT_VERSION)} if cls is Article else {}
        lines: _Lines = []
        fields = list(attrs.fields(cls))
        while fields and spec(fields[0]).shape == "one":  # the leading required fields
            field = fields.pop(0)
            rule = spec(field).rule
            lines += self.check(rule, f"{o}.{field.name}")
            first[field.name] = self.value(rule, f"{o}.{field.name}")
        lines.append(f"{d} = {{{', '.join(f'{k!r}: {v}' for k, v in first.items())}}}")
        for field in fields:
            lines += self.field(field, depth)
        return lines

    def field(self, field: attrs.Attribute[Any], depth: int) -> _Lines:
        """The lines that write one field into ``d<depth>``, unless it holds its default."""
        declared = spec(field)
        rule = declared.rule
        o, d, v = f"o{depth}", f"d{depth}", f"v{depth}"
        key = repr(field.name)
        if declared.shape == "one":
            return [
                *self.check(rule, f"{o}.{field.name}"),
                f"{d}[{key}] = {self.value(rule, f'{o}.{field.name}')}",
            ]
        lines = [f"{v} = {o}.{field.name}"]
        if declared.shape == "many":
            if _floats(rule):
                raise TypeError(f"{field.name}: the writer knows no sequence of floats")
            if isinstance(rule, Rule) and not isinstance(rule, TimestampRule):
                return [*lines, f"if {v}: {d}[{key}] = {v}"]  # the tuple itself
            if isinstance(rule, type) and attrs.has(rule) and not hasattr(rule, "__rule__"):
                items, inner = f"l{depth}", f"o{depth + 1}"
                loop = [f"for {inner} in {v}:", *_indented(self.body(rule, depth + 1))]
                loop.append(f"    {items}.append(d{depth + 1})")
                return [
                    *lines,
                    f"if {v}:",
                    f"    {items} = []",
                    *_indented(loop),
                    f"    {d}[{key}] = {items}",
                ]
            return [*lines, f"if {v}: {d}[{key}] = [{self.value(rule, 'x')} for x in {v}]"]
        if declared.shape == "optional":
            test = f"{v} is not None"
        else:  # defaulted
            test = f"{v} is not {self.name(field.default, 'default')}"
        body = [*self.check(rule, v), f"{d}[{key}] = {self.value(rule, v)}"]
        return [*lines, f"if {test}:", *_indented(body)]

    def check(self, rule: object, var: str) -> _Lines:
        """The line that refuses a float of ``rule`` that orjson writes differently."""
        if _floats(rule):
            return [f"if {var} and -SMALLEST < {var} < SMALLEST: raise Small"]
        return []

    def value(self, rule: object, var: str) -> str:
        """The expression of the JSON value of ``var``, a value of ``rule``."""
        if isinstance(rule, TimestampRule):
            return f"{self.name(rule.format, 'format')}({var})"
        if not isinstance(rule, type):  # a string or a number
            return var
        if issubclass(rule, enum.Enum):
            return f"{var}._value_"
        if hasattr(rule, "__rule__"):  # a value written as a string (a partial date)
            return f"(texts.get({var}) or text({var}))"
        return f"{self.function(rule)}({var})"
