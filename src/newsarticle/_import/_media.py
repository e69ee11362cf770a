"""Images and corrections of the article.

``image`` is a URL, an ``ImageObject`` (``url`` or ``contentUrl``; ``width`` and ``height``
as numbers, as text such as ``"1200"`` or ``"1200px"``, or as ``QuantitativeValue``\\ s in
pixels; ``caption``; ``description``, the export's alt text; ``creditText``), an ``@id`` of
one, or a list of these; an image of no ``@id`` given twice (by URL) is one.  ``correction`` is a
``CorrectionComment`` with ``text`` and ``datePublished`` (the export's) or ``dateCreated`` (as
pages and newsarticle's earlier exports write it); a correction given as text alone has no
date, which the model needs, and is reported.
"""

from __future__ import annotations

import datetime as dt

from .._errors import shown
from .._model import Correction, Image
from ._context import Context
from ._graph import Here
from ._ids import exported_id

__all__ = ["corrections", "images"]


def images(context: Context, here: Here | None) -> list[Image]:
    found: list[Image] = []
    urls: set[str] = set()
    for item, node in context.nodes(here):
        if isinstance(item.value, str):
            url = context.url_value(item, Image, "url")
            if url is not None and url not in urls:
                urls.add(url)
                found.append(Image(id=context.ids.named(None, None, "image"), url=url))
            continue
        if node is None:
            if isinstance(item.value, dict) and "@id" in item.value:
                context.report(
                    item,
                    "import-unresolved",
                    f"image: {shown(item.value['@id'])} names no node of the page; dropped",
                )
            continue
        if node.types and not node.is_a("ImageObject"):
            context.report(
                item,
                "import-dropped",
                f"image: a {'/'.join(node.types)} is not an ImageObject; dropped",
            )
            continue
        if not context.visit(node, "the image"):
            continue
        url = context.url_value(context.read(node, "url"), Image, "url")
        content = context.url_value(context.read(node, "contentUrl"), Image, "url")
        url = url or content
        if url is None:
            context.report(item, "import-dropped", "an image with no url or contentUrl; dropped")
            continue
        # An image of an @id of its own is one image; one of no @id given again (by its URL,
        # as a page repeats its main image) is the same.
        key = node.id or url
        if key in urls:
            continue
        urls.add(key)
        exported = exported_id(node.id, "image")
        found.append(
            Image(
                id=context.ids.named(exported, None, "image"),
                url=url,
                width=context.number(context.read(node, "width"), "width"),
                height=context.number(context.read(node, "height"), "height"),
                caption=context.text(context.read(node, "caption"), Image, "caption", lines=True),
                alt=context.text(context.read(node, "description"), Image, "alt"),
                credit=context.text(context.read(node, "creditText"), Image, "credit"),
            )
        )
    return found


def corrections(
    context: Context, here: Here | None, published: dt.datetime | None
) -> list[Correction]:
    found: list[Correction] = []
    for item, node in context.nodes(here):
        if node is None:
            context.report(
                item,
                "import-dropped",
                "correction: a correction with no date is not kept (the model dates each)",
            )
            continue
        if not context.visit(node, "the correction"):
            continue
        text = context.text(context.read(node, "text"), Correction, "text", lines=True)
        published_here = context.read(node, "datePublished")
        created_here = context.read(node, "dateCreated")
        if (
            published_here is not None
            and created_here is not None
            and created_here.value != published_here.value
        ):
            context.report(
                created_here,
                "import-dropped",
                "dateCreated of the correction is not kept: its datePublished is the date of "
                "the correction",
            )
        date = context.moment(published_here or created_here, "correction date")
        if text is None or date is None:
            context.report(
                item,
                "import-dropped",
                "correction: a correction needs its text and its date; dropped",
            )
            continue
        if published is not None and date < published:
            context.report(
                item, "import-dropped", "correction: dated before datePublished; dropped"
            )
            continue
        found.append(Correction(date=date, text=text))
    return found
