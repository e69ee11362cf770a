"""Checking article documents: the article and every problem, layer by layer.

The layers are JSON syntax, the schema, values wrong on their own (checked by building the
model), integrity across objects and, when asked for, the search-engine profile (warnings
only, see :mod:`newsarticle._profile`).

Two paths reach the same answer.  The fast path reads canonical text with orjson, builds the
article with the generated builders and runs the integrity checks on the article it built:
when none of them finds anything, that is the answer.  Otherwise the reference path explains: the
strict reader, the JSON Schema, the model through the converter, and the same integrity
checks, which read the JSON value and so run even when the schema failed elsewhere.
``tests/test_fast_path.py`` proves the two paths agree.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeAlias

from . import _build
from ._errors import Problem
from ._integrity import article_problems, integrity_problems
from ._json import _read
from ._json._locate import Locator
from ._model import Article
from ._schema import schema_problems

__all__ = ["Document", "check", "validate"]

#: What :func:`check` takes: JSON text (str or bytes), a parsed JSON value, or an Article.
Document: TypeAlias = str | bytes | Mapping[str, Any] | Article


def check(document: Document, *, profile: bool = False) -> tuple[Article | None, list[Problem]]:
    """The article built from ``document`` (None when it has errors) and every problem.

    ``document`` is JSON text (``str`` or ``bytes``), a parsed JSON value, or an
    :class:`Article`.  Errors make the document invalid; warnings do not.  When the document
    is text, each problem carries the line and column of the value it concerns, and the
    problems come in the order they stand in the text.  ``profile`` adds the search-engine
    profile's warnings when the article could be built.
    """
    text: str | None = None
    problems: list[Problem] = []
    if isinstance(document, str | bytes):
        article = _check_text_fast(document, profile)
        if article is not None:
            return article, []
        value, text, problems = _read.read(document)
        if value is None:
            return None, problems
    elif isinstance(document, Article):
        from . import _convert  # cattrs: only the reference path and this one import it

        value = _convert.unstructure(document)
    else:
        value = document
    article, found = check_value(value)
    if profile and article is not None:
        from ._profile import profile_problems

        found.extend(profile_problems(article))
    if text is not None and found:
        locator = Locator(text)
        found = sorted(locator.locate_all(found), key=_position)
    problems.extend(found)
    return article, problems


def validate(document: Document, *, profile: bool = False) -> list[Problem]:
    """Every problem of ``document`` (see :func:`check`); an empty list when it has none."""
    return check(document, profile=profile)[1]


def _check_text_fast(document: str | bytes, profile: bool) -> Article | None:
    """The article, when the fast path proves ``document`` has no problem at all; else None."""
    read = _read.read_fast(document)
    if read is None:
        return None
    value, clean = read
    article = _build.build(value, clean=clean)
    if article is None or article_problems(article):
        return None
    if profile:
        from ._profile import profile_problems

        if profile_problems(article):
            return None
    return article


def _position(problem: Problem) -> tuple[int, int]:
    return (problem.line or 0, problem.column or 0)


def check_value(value: Any, *, fast: bool = True) -> tuple[Article | None, list[Problem]]:
    """Check a parsed document: the builders first, the reference path for the details.

    The builders refuse everything the schema and the model refuse, so when they build the
    article only integrity remains.  When they refuse, the reference path runs the JSON
    Schema, builds the model with detailed errors, and reports every problem.  ``fast=False``
    takes the reference path whatever the document (the tests compare the two).
    """
    if not isinstance(value, Mapping):
        return None, [Problem.of("json-not-object", "", "the top level is not an object")]
    if fast:
        article = _build.build(value)
        if article is not None:
            # Read off the built article, the checks are quick.  When they find nothing, the
            # JSON value has nothing either; when they find something, the report is the
            # value's, which compares anchors in the text as written and in NFC.
            problems = article_problems(article) and integrity_problems(value)
            return (None if any(p.is_error for p in problems) else article), problems
    from . import _convert  # cattrs: only the reference path imports it

    problems = schema_problems(value)
    article = None
    if not problems:  # values wrong on their own show when the model is built
        try:
            article = _convert.structure(dict(value))
        except Exception as error:  # every structuring failure becomes problems
            problems.extend(_convert.structure_problems(error))
    problems.extend(integrity_problems(value))
    if any(p.is_error for p in problems):
        article = None
    return article, problems
