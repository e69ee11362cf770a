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
