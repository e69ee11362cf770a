"""Exports of an article: schema.org JSON-LD, an HTML page and plain text.

Each export is a callable class configured once and applied to many articles
(``JsonLdRenderer()(article)``, ``TextRenderer(width=60)(article)``), with a function
for the default configuration: ``to_<format>(article)``.  The exporters expect a valid
article (see :func:`newsarticle.validate`): a reference that does not resolve raises
:class:`~newsarticle.InvalidReferenceError`.
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
from ._text import TextRenderer, to_text

__all__ = [
    "HtmlRenderer",
    "JsonLdRenderer",
    "JsonLdScriptRenderer",
    "TextRenderer",
    "escape_script_json",
    "to_html",
    "to_jsonld",
    "to_jsonld_script",
    "to_jsonld_text",
    "to_text",
]
