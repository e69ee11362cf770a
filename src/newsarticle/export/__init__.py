"""Exports of an article: schema.org JSON-LD, an HTML page and plain text.

Each export is a callable class configured once and applied to many articles
(``JsonLd()(article)``, ``TextRenderer(width=60)(article)``), with a function
for the default configuration (``to_jsonld(article)``, ``to_text(article)``).
The exporters expect a valid article: run :func:`newsarticle.validate` first.
"""

from .html import HtmlRenderer, to_html
from .jsonld import (
    JsonLd,
    JsonLdScript,
    escape_script_json,
    jsonld_dumps,
    jsonld_script,
    to_jsonld,
)
from .text import TextRenderer, to_text

__all__ = [
    "HtmlRenderer",
    "JsonLd",
    "JsonLdScript",
    "TextRenderer",
    "escape_script_json",
    "jsonld_dumps",
    "jsonld_script",
    "to_html",
    "to_jsonld",
    "to_text",
]
