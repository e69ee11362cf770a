"""Reading the articles that already exist: schema.org JSON-LD and HTML pages, into articles.

``_page`` reads a page (or JSON-LD given alone) into its ld+json blocks, each parsed strictly
or with unambiguous repairs (``_lenient``), with positions in the page, and its meta tags.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from .._errors import Problem
    from .._model import Article

__all__ = ["audit_html", "audit_jsonld", "read_html", "read_jsonld", "read_ninjs"]

# Declared here, where the command line reads them without importing the readers.
#: What ``import`` reads: pages, JSON-LD and IPTC ninjs; ``audit`` reads the first two.
KINDS: Final = ("html", "jsonld", "ninjs")
PAGE_KINDS: Final = ("html", "jsonld")
#: The largest page read (bytes, or characters for text): 15 MiB, the part of an HTML file
#: Googlebot reads.  A larger page is refused before it is decoded or parsed.
MAX_PAGE_SIZE: Final = 15 * 1024 * 1024


def read_jsonld(
    data: str | bytes | Sequence[str] | Any,
    *,
    url: str | None = None,
    assume_timezone: dt.tzinfo | None = None,
) -> tuple[Article | None, list[Problem]]:
    """Read the article of schema.org JSON-LD, as :func:`~newsarticle.check` reads a document:
    the article (None when there is none, or it cannot be built) and every problem.

    ``data`` is JSON-LD text or bytes (one block), a list of block texts as they stand in a
    page (each block's lines and columns count from its own start), or a value already
    parsed.  ``url`` is the page's address when known; ``assume_timezone`` is the zone of
    dates written without one (without it, such dates are dropped with a warning).
    Repairs, guesses and dropped properties are each a warning naming where they are.
    """
    from ._nodes import import_page
    from ._page import read_blocks

    return import_page(read_blocks(data), url=url, assume_timezone=assume_timezone)


def read_html(
    page: str | bytes,
    *,
    url: str | None = None,
    assume_timezone: dt.tzinfo | None = None,
) -> tuple[Article | None, list[Problem]]:
    """Read the article of an HTML page: every ``application/ld+json`` block, and what the
    page says where the JSON-LD is silent (``<html lang>``, the canonical link, ``og:`` and
    ``article:`` meta).  Problems have their line and column in the page; see
    :func:`read_jsonld` for the rest."""
    from ._nodes import import_page
    from ._page import read_page

    return import_page(read_page(page), url=url, assume_timezone=assume_timezone)


def audit_html(page: str | bytes) -> list[Problem]:
    """Every finding about the JSON-LD of an HTML page, as a search engine reads it, offline:
    each ``application/ld+json`` block parsed strictly (what a lenient reader would repair is
    reported), the schema.org vocabulary (types, properties, domains, ranges), Google's
    Article guidance on the article node, and what is unsafe in a page (``</script`` or
    ``<!--`` in a block, duplicate keys, article nodes that disagree).  Each problem (layers
    ``page`` and ``audit`` of ``docs/problems.md``) has its line and column in the page and a
    JSON Pointer into the value of the block there; errors make the markup wrong or unsafe,
    warnings are advice."""
    from .._audit import audit_page
    from ._page import read_page

    return audit_page(read_page(page))


def audit_jsonld(data: str | bytes | Sequence[str] | Any) -> list[Problem]:
    """Every finding about schema.org JSON-LD given alone (as :func:`read_jsonld` takes it:
    text or bytes, a list of block texts, or a value already parsed); see
    :func:`audit_html`."""
    from .._audit import audit_page
    from ._page import read_blocks

    return audit_page(read_blocks(data))


def read_ninjs(
    data: str | bytes | Any,
    *,
    assume_timezone: dt.tzinfo | None = None,
) -> tuple[Article | None, list[Problem]]:
    """Read the article of an IPTC ninjs document (2.x or 3.x: text, bytes or a value already
    parsed), as :func:`~newsarticle.check` reads a document: the article (None when the
    document is no article, or it cannot be built) and every problem, each ninjs property the
    model cannot hold named in one.  ``assume_timezone`` is the zone of dates written without
    one.  The mapping is in ``docs/ninjs.md``."""
    from ._ninjs import read_ninjs as read

    return read(data, assume_timezone=assume_timezone)
