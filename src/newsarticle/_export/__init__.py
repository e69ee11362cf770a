"""Exports of an article: schema.org JSON-LD, an HTML page, plain text and IPTC ninjs.

Each export is a callable class configured once and applied to many articles
(``JsonLdRenderer()(article)``, ``TextRenderer(width=60)(article)``), with a function
for the default configuration: ``to_<format>(article)``.  Every exporter renders only an
article that can be loaded back: given one with an integrity error (a reference that names
nothing or the wrong kind of object, an id given twice), it raises
:class:`~newsarticle.InvalidArticleError` carrying every problem, after one walk of the
integrity checks (the fast path's, a fraction of the export; the article keeps its verdict, so
an article from :func:`~newsarticle.loads` or exported twice is not walked again); given
anything but an :class:`~newsarticle.Article`, :class:`TypeError`.  The references of an article so
checked all resolve: :class:`~newsarticle.InvalidReferenceError` from an exporter is a bug.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from .._lazy import attach

if TYPE_CHECKING:
    from ._html import HtmlRenderer, to_html
    from ._jsonld import (
        JsonLdRenderer,
        JsonLdScriptRenderer,
        escape_script_json,
        to_jsonld,
        to_jsonld_script,
        to_jsonld_text,
    )
    from ._ninjs import NinjsRenderer, to_ninjs, to_ninjs_text
    from ._text import TextRenderer, to_text

#: The narrowest wrapping width of the text export, in columns (here so that the command
#: line can say it without importing the exporter).
MIN_WIDTH: Final = 20

# Each export is imported when first used: each name and the module that defines it.
_LAZY: Final = {
    "HtmlRenderer": "._html",
    "to_html": "._html",
    "JsonLdRenderer": "._jsonld",
    "JsonLdScriptRenderer": "._jsonld",
    "escape_script_json": "._jsonld",
    "to_jsonld": "._jsonld",
    "to_jsonld_script": "._jsonld",
    "to_jsonld_text": "._jsonld",
    "NinjsRenderer": "._ninjs",
    "to_ninjs": "._ninjs",
    "to_ninjs_text": "._ninjs",
    "TextRenderer": "._text",
    "to_text": "._text",
}


__getattr__, __dir__ = attach(__name__, _LAZY)


__all__ = [
    "HtmlRenderer",
    "JsonLdRenderer",
    "JsonLdScriptRenderer",
    "NinjsRenderer",
    "TextRenderer",
    "escape_script_json",
    "to_html",
    "to_jsonld",
    "to_jsonld_script",
    "to_jsonld_text",
    "to_ninjs",
    "to_ninjs_text",
    "to_text",
]
