"""The public surface: what users may import, and how the model refuses what it cannot hold."""

from __future__ import annotations

import datetime as dt
import inspect
import types
import typing
from pathlib import Path
from typing import Any

import attrs
import pytest

import newsarticle
from helpers_export import example
from newsarticle import Correction, Image, InvalidValueError, PartialDate
from newsarticle._rules import Rule, spec

PACKAGE = Path(newsarticle.__file__).parent
PUBLIC_MODULES = {"__init__.py", "__main__.py", "cli.py", "dask.py", "testing/__init__.py"}


def test_internal_modules_are_private() -> None:
    """Every module but the package itself, its command line, its Dask functions and its test
    strategies has a name starting with an underscore: only ``__all__`` says what users may
    import."""
    modules = {str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("*.py")}
    public = {
        module
        for module in modules
        if not any(part[:1] == "_" and part[:2] != "__" for part in module.split("/"))
    }
    assert PUBLIC_MODULES == public


def test_every_public_name_exists_and_is_documented() -> None:
    """Each name in ``newsarticle.__all__`` is there, is no module, and has a docstring."""
    for name in newsarticle.__all__:
        value = getattr(newsarticle, name)
        assert not isinstance(value, types.ModuleType), name
        if inspect.isclass(value) or inspect.isfunction(value):
            assert inspect.getdoc(value), name


def test_check_is_the_entry_point_that_gives_the_article_and_the_problems() -> None:
    """``check`` returns the article and every problem; ``validate`` only the problems."""
    text = newsarticle.dumps(example())
    assert (example(), []) == newsarticle.check(text)
    assert [] == newsarticle.validate(text)


def _instances() -> list[Any]:
    """One object of every class of the model, each valid."""
    article = example()
    found: dict[type[Any], Any] = {type(article): article}
    for group in (*article.identified, article.corrections):
        for item in group:
            found.setdefault(type(item), item)
    found[Image] = Image(id="i", url="https://example.com/a.jpg", width=10, height=10)
    found[Correction] = Correction(date=dt.datetime(2021, 1, 1, tzinfo=dt.UTC), text="Fixed.")
    for person in article.people:
        for part in (*person.roles, *person.relations):
            found.setdefault(type(part), part)
    geo = next(place.geo for place in article.places if place.geo is not None)
    found[type(geo)] = geo
    found[PartialDate] = PartialDate(year=2021, month=8, day=15)
    return list(found.values())


@pytest.mark.parametrize("instance", _instances(), ids=lambda i: type(i).__name__)
def test_every_field_refuses_a_wrong_value_naming_itself(instance: Any) -> None:
    """Building any object of the model with a value of the wrong type in any field raises
    InvalidValueError (a ValueError) that names the field."""
    values = attrs.asdict(instance, recurse=False)
    for field in attrs.fields(type(instance)):
        with pytest.raises(InvalidValueError) as caught:
            type(instance)(**{**values, field.name: object()})
        assert field.name == caught.value.field
        assert isinstance(caught.value, ValueError)


def _model_classes() -> list[type[Any]]:
    found: list[type[Any]] = []
    pending: list[type[Any]] = [newsarticle.Article]
    while pending:
        cls = pending.pop()
        if cls in found:
            continue
        found.append(cls)
        for field in attrs.fields(cls):
            rule = spec(field).rule
            if isinstance(rule, type) and attrs.has(rule) and "__rule__" not in vars(rule):
                pending.append(rule)
    return found


@pytest.mark.parametrize("cls", _model_classes(), ids=lambda cls: cls.__name__)
def test_every_field_is_annotated_as_its_rule_holds_it(cls: type[Any]) -> None:
    """The annotation of each field (what type checkers see) is the type its declared rule
    holds: optional fields may be None, sequences are tuples of it."""
    hints = typing.get_type_hints(cls)
    for field in attrs.fields(cls):
        declared = spec(field)
        rule = declared.rule
        held = rule.python_type if isinstance(rule, Rule) else rule
        expected: Any = {
            "many": tuple[held, ...],  # type: ignore[valid-type]  # a type held in a variable
            "optional": held | None,
        }.get(declared.shape, held)
        assert expected == hints[field.name], f"{cls.__name__}.{field.name}"
