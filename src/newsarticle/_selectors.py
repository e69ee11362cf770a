"""The CSS selectors by which the JSON-LD names parts of the article's page.

Two features of the JSON-LD point into the page rather than carry text: the paywall
(``hasPart`` ``WebPageElement``\\ s whose ``cssSelector`` picks the paragraphs for subscribers)
and ``speakable`` (a ``SpeakableSpecification`` whose ``cssSelector``\\ s pick what suits text
to speech).  A selector is only right if the page has what it picks.  The HTML export puts the
class of each selector that is a single class (``.paywalled``) on those parts; a CMS that
renders its own pages gives the selectors of its templates instead, and the search-engine
profile warns about a selector the HTML export cannot have and a paywall selector that is
not a single class (Google reads ``cssSelector`` of a paywalled section as a class name).
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from ._errors import InvalidValueError, shown

__all__ = ["DEFAULT_SELECTORS", "Selectors", "single_class"]

#: A selector that is exactly one class: ``.name`` (CSS identifiers without escapes).
_SINGLE_CLASS: Final = re.compile(r"\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)")


def single_class(selector: str) -> str | None:
    """The class name of a selector that is one class (``.paywalled``: ``paywalled``), or None
    for any other selector (``.a.b``, ``div.a``, ``#id``, ``.a .b``)."""
    match = _SINGLE_CLASS.fullmatch(selector)
    return match.group(1) if match else None


def _selector(_: object, attribute: attrs.Attribute[str], value: object) -> None:
    if type(value) is not str:
        raise InvalidValueError(attribute.name, f"expected a CSS selector, got {shown(value)}")
    if not value.strip() or any(ord(char) < 0x20 or ord(char) == 0x7F for char in value):
        raise InvalidValueError(
            attribute.name,
            f"expected a CSS selector (not empty, on one line), got {shown(value)}",
        )


@attrs.frozen(kw_only=True)
class Selectors:
    """The CSS selectors of the parts of the page that the JSON-LD names.

    ``headline``, ``standfirst`` and ``speakable`` (the paragraphs the article lists in
    ``speakable``) are the ``cssSelector`` of ``speakable``; ``paywalled`` (the paragraphs for
    subscribers) is the ``cssSelector`` of the paywalled ``hasPart``.  The defaults are the
    classes the HTML export writes.  Give a renderer your own when your pages are rendered by
    your own templates: ``JsonLdRenderer(selectors=Selectors(paywalled=".premium"))``.
    """

    headline: str = attrs.field(default=".headline", validator=_selector)
    standfirst: str = attrs.field(default=".standfirst", validator=_selector)
    speakable: str = attrs.field(default=".speakable", validator=_selector)
    paywalled: str = attrs.field(default=".paywalled", validator=_selector)


#: The selectors of the HTML export.
DEFAULT_SELECTORS: Final = Selectors()
