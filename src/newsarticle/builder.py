"""The fast path's builders: an Article straight from a parsed document, or a refusal.

For each class of the model this module generates, once, a function that
takes the JSON object of one instance and builds the instance with every check
its ``__init__`` would make: required keys, no unknown key, strict JSON types,
the field's converters and validators, ``__attrs_post_init__``.  The common
checks (strings, control characters, NFC, language tags, URLs, arrays of ids)
are written inline in the generated code; every other converter or validator
is called as it is.  The object's slots are then set directly, which is
several times faster than keyword arguments through ``__init__``.  Validators
that only check a type are skipped where the builder makes a value of that
type itself.  Every id and reference is checked in one match at the end.

A builder says only that a document failed, not where or why: the library
then runs the reference path (the JSON Schema and cattrs' detailed validation)
to explain.  ``tests/test_fast_path.py`` proves both reach the same verdict
and the same article.
"""

from __future__ import annotations

import enum
import inspect
import re
import typing
import unicodedata
from collections.abc import Callable, Mapping
from typing import Any, Final

import attrs

from . import convert, model
from .model import Article, PartialDate

__all__ = ["build"]


class _Refused(Exception):
    """The document is not a valid article (the reference path says why)."""


def build(document: Mapping[str, Any], *, clean: bool = False) -> Article | None:
    """The article of ``document``, or None.

    None means the document is not a valid format version 1 article document.
    Integrity across objects is not checked here.  ``clean`` says that the
    caller knows no string in the document holds a control character other
    than a newline (see :func:`newsarticle.jsontext.read_fast`), so that only
    newlines need looking for.
    """
    version = document.get("format_version")
    if type(version) not in (int, float) or version != convert.FORMAT_VERSION:
        return None
    ids: list[str] = []
    try:
        article: Article = (_BUILD_CLEAN if clean else _BUILD)(
            document if type(document) is dict else dict(document), ids
        )
    except Exception:  # any failure: the reference path will say what and where
        return None
    # Every id and reference, checked at once: one id per line, and no line break in any.
    joined = "\n".join(ids)
    if ids and (_IDS.fullmatch(joined) is None or joined.count("\n") != len(ids) - 1):
        return None
    return article


# --- code generation ------------------------------------------------------------

_Lines = list[str]


def _is_model(kind: Any) -> bool:
    return isinstance(kind, type) and attrs.has(kind) and kind is not PartialDate


_IDS: Final = re.compile(rf"{model._ID_BODY}(?:\n{model._ID_BODY})*")

#: Inline checks of a string ``v`` for the model's common validators.  Ids are
#: collected, to be checked all at once when the article is built.
_STRING_CHECKS: Final[dict[Any, str]] = {
    model._id: "ids.append(v)",
    model._optional_id: "ids.append(v)",
    model._line: "if not v or LINE_BAD(v): raise R",
    model._optional_line: "if not v or LINE_BAD(v): raise R",
    model._text: "if not v or TEXT_BAD(v): raise R",
    model._optional_text: "if not v or TEXT_BAD(v): raise R",
    model._paragraph_text: "if not v or TEXT_BAD(v) or '\\n\\n' in v: raise R",
    model._language: "if not LANGUAGE(v): raise R",
    model._url: "if not URL(v): raise R",
    model._optional_url: "if not URL(v): raise R",
}
#: The same, for strings known to hold no control character but a newline.
_CLEAN_STRING_CHECKS: Final[dict[Any, str]] = {
    **_STRING_CHECKS,
    model._line: "if not v or '\\n' in v: raise R",
    model._optional_line: "if not v or '\\n' in v: raise R",
    model._text: "if not v: raise R",
    model._optional_text: "if not v: raise R",
    model._paragraph_text: "if not v or '\\n\\n' in v: raise R",
}
_NFC: Final = (model._nfc, model._nfc_optional)


class _Generator:
    """Writes the builder of every model class into one namespace."""

    def __init__(self, checks: dict[Any, str]) -> None:
        self.checks = checks
        self.scope: dict[str, Any] = {
            "R": _Refused,
            "new": object.__new__,
            "normalize": unicodedata.normalize,
            "LANGUAGE": model._LANGUAGE.match,
            "URL": model.is_http_url,
            "LINE_BAD": model._LINE_BAD.search,
            "TEXT_BAD": model._TEXT_BAD.search,
        }
        self.done: set[type[Any]] = set()
        self.source: _Lines = []

    def name(self, value: object, prefix: str) -> str:
        """A name in the namespace bound to ``value``."""
        name = f"{prefix}_{len(self.scope)}"
        self.scope[name] = value
        return name

    def builder(self, cls: type[Any], extra_keys: frozenset[str] = frozenset()) -> str:
        """The name of the builder of ``cls``, generating it (and its parts') first.

        ``extra_keys`` are keys that every object must hold besides the fields,
        which the caller checks (the article's ``format_version``).
        """
        function = f"build_{cls.__name__}"
        if cls in self.done:
            return function
        self.done.add(cls)
        hints = typing.get_type_hints(cls)
        fields = attrs.fields(cls)
        # n counts the keys not read yet: a key left over at the end is unknown.
        required = sum(f.default is attrs.NOTHING for f in fields) + len(extra_keys)
        lines = [
            f"def {function}(d, ids):",
            "    if type(d) is not dict: raise R",
            f"    n = len(d) - {required}",
            f"    o = new({self.name(cls, 'cls')})",
        ]
        for field in fields:
            lines += self.field(cls, field, hints[field.name])
        lines.append("    if n: raise R")
        if hasattr(cls, "__attrs_post_init__"):
            lines.append("    o.__attrs_post_init__()")
        lines.append("    return o")
        self.source += lines
        return function

    def field(self, cls: type[Any], field: attrs.Attribute[Any], hint: Any) -> _Lines:
        """The lines that read, check and set one field."""
        if isinstance(field.default, attrs.Factory):  # type: ignore[arg-type]
            raise TypeError(f"{cls.__name__}.{field.name}: factories are not supported")
        kind = convert.optional_inner(hint)
        body, made = self.value(kind, field)
        body += self.converted(field)
        body += self.checked(field, kind, made)
        setter = self.name(inspect.getattr_static(cls, field.name).__set__, "set")
        body.append(f"{setter}(o, v)")
        if field.default is attrs.NOTHING:
            return [f"    v = d[{field.name!r}]", *(f"    {line}" for line in body)]
        default = self.name(field.default, "default")
        return [
            f"    if {field.name!r} in d:",
            f"        v = d[{field.name!r}]",
            "        n -= 1",
            *(f"        {line}" for line in body),
            f"    else: {setter}(o, {default})",
        ]

    def value(self, kind: Any, field: attrs.Attribute[Any]) -> tuple[_Lines, object]:
        """Lines turning the JSON value ``v`` into ``kind``, and what they make for sure.

        What they make is a type, ``("items", type)`` for a tuple of that type, or None.
        """
        if kind is str:
            return ["if type(v) is not str: raise R"], str
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            members = self.name({member.value: member for member in kind}, "members")
            return [f"v = {members}[v]"], kind
        if _is_model(kind):
            return [f"v = {self.builder(kind)}(v, ids)"], kind
        if typing.get_origin(kind) is tuple:
            item = typing.get_args(kind)[0]
            lines = ["if type(v) is not list: raise R"]
            if item is str:
                item_checks: dict[object, str] = {model._ids: "", model._urls: " or not URL(x)"}
                check = item_checks.get(field.validator)
                lines += [
                    "for x in v:",
                    f"    if type(x) is not str{check or ''}: raise R",
                    "v = tuple(v)",
                ]
                if field.validator is model._ids:
                    lines.append("ids.extend(v)")
                if check is not None:
                    lines.append("if len(v) > 1 and len(set(v)) != len(v): raise R")
            elif _is_model(item):
                lines.append(f"v = tuple([{self.builder(item)}(x, ids) for x in v])")
            else:
                hook = self.name(convert.structure_hook(item), "hook")
                item_name = self.name(item, "kind")
                lines.append(f"v = tuple([{hook}(x, {item_name}) for x in v])")
            return lines, ("items", item)
        hook = self.name(convert.structure_hook(kind), "hook")
        return [f"v = {hook}(v, {self.name(kind, 'kind')})"], kind

    def converted(self, field: attrs.Attribute[Any]) -> _Lines:
        converter: object = field.converter
        if converter is None or converter is model._to_tuple:
            return []  # the value is already what the converter would make
        if converter in _NFC:
            return ["v = normalize('NFC', v)"]  # v is a string here
        if converter is model._nfc_tuple:
            return ["v = tuple([normalize('NFC', x) for x in v])"]  # strings here
        return [f"v = {self.name(converter, 'convert')}(v)"]

    def checked(self, field: attrs.Attribute[Any], kind: Any, made: object) -> _Lines:
        validator = field.validator
        if validator is None:
            return []
        if kind is str and validator in self.checks:
            return [self.checks[validator]]
        if validator in (model._ids, model._urls) and made == ("items", str):
            return []  # checked item by item as the tuple was made
        if model.TYPE_CHECKS.get(validator) is made:
            return []
        if isinstance(made, tuple) and model.ITEM_TYPE_CHECKS.get(validator) is made[1]:
            return []
        check = self.name(validator, "check")
        return [f"{check}(o, {self.name(field, 'field')}, v)"]


def _generate(checks: dict[Any, str]) -> Callable[[dict[str, Any], list[str]], Article]:
    generator = _Generator(checks)
    name = generator.builder(Article, extra_keys=frozenset({"format_version"}))
    source = "\n".join(generator.source)
    exec(compile(source, "<newsarticle builders>", "exec"), generator.scope)
    function: Callable[[dict[str, Any], list[str]], Article] = generator.scope[name]
    return function


_BUILD: Final = _generate(_STRING_CHECKS)
_BUILD_CLEAN: Final = _generate(_CLEAN_STRING_CHECKS)
