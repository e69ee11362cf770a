"""Public names of a package imported when first used (a module ``__getattr__``, PEP 562).

``import newsarticle`` and a command that only validates never load the exporters or the
profile: each such name is looked up in its module the first time it is read, then kept in
the package's namespace, so that the lookup runs once.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from importlib import import_module

__all__ = ["attach"]


def attach(
    package: str, names: Mapping[str, str]
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of ``package``, whose public ``names`` (each with
    the module, relative to the package, that defines it) are imported when first read."""
    namespace = vars(sys.modules[package])

    def __getattr__(name: str) -> object:
        module = names.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(module, package), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *namespace["__all__"]})

    return __getattr__, __dir__
