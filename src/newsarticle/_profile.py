"""The search-engine profile: what Google recommends for articles and an article lacks.

Google's Article structured-data guidance recommends a headline, images of a
useful size, ``datePublished`` (and ``dateModified``) with a time zone, and every
author as a Person or Organization with a ``url`` or ``sameAs`` that tells them
apart from namesakes.  A draft in a CMS may lack any of these and still be
valid data, so each finding is a warning (layer ``profile``); the exporters
leave out what is missing and never invent it.  ``docs/problems.md`` lists the
codes with the guidance each one rests on.

Run it with ``newsarticle.check(document, profile=True)``, or on an
article already built with :func:`profile_problems`.
"""

from __future__ import annotations

from typing import Final

from ._errors import Problem, shown
from ._model import Article, Organization, Person

__all__ = ["HEADLINE_LIMIT", "MIN_IMAGE_PIXELS", "profile_problems"]

#: Google truncates long titles; its Article guidance long set 110 characters as the limit.
HEADLINE_LIMIT: Final = 110
#: Google asks for images of at least 50,000 pixels (width times height).
MIN_IMAGE_PIXELS: Final = 50_000


def profile_problems(article: Article) -> list[Problem]:
    """The search-engine profile's warnings for ``article`` (an empty list when it has none)."""
    problems: list[Problem] = []
    if len(article.headline) > HEADLINE_LIMIT:
        message = (
            f"the headline has {len(article.headline)} characters; search results may cut "
            f"a headline longer than {HEADLINE_LIMIT}"
        )
        problems.append(Problem.of("seo-headline-long", "/headline", message))
    if article.url is None:
        message = (
            "the article has no url: the JSON-LD can name no canonical page and its node ids "
            "are blank nodes"
        )
        problems.append(Problem.of("seo-no-url", "/url", message))
    if article.date_published is None:
        message = "the article has no date_published; search engines show and rank by it"
        problems.append(Problem.of("seo-no-date-published", "/date_published", message))
    if not article.authors:
        message = "the article names no author; list every author, person or organization"
        problems.append(Problem.of("seo-no-author", "/authors", message))
    problems += _authors(article)
    if not article.images:
        message = "the article has no image; search results show one for articles that have it"
        problems.append(Problem.of("seo-no-image", "/images", message))
    for index, image in enumerate(article.images):
        pointer = f"/images/{index}"
        if image.width is None or image.height is None:
            message = f"the image {shown(image.id)} has no width and height"
            problems.append(Problem.of("seo-image-no-size", pointer, message))
        elif image.width * image.height < MIN_IMAGE_PIXELS:
            message = (
                f"the image {shown(image.id)} has {image.width * image.height:,} pixels; "
                f"search engines want at least {MIN_IMAGE_PIXELS:,} (width times height)"
            )
            problems.append(Problem.of("seo-image-small", pointer, message))
    return problems


def _authors(article: Article) -> list[Problem]:
    """An author with neither url nor same_as cannot be told from a namesake."""
    pointers: dict[str, str] = {}
    for collection, items in (("people", article.people), ("organizations", article.organizations)):
        for index, item in enumerate(items):
            pointers.setdefault(item.id, f"/{collection}/{index}")
    problems = []
    for identifier in article.authors:
        author = article.index.get(identifier)
        if not isinstance(author, Person | Organization) or author.url or author.same_as:
            continue
        message = (
            f"the author {shown(identifier)} ({shown(author.name)}) has no url or same_as; give a "
            "profile page or a reference page so search engines can tell them from namesakes"
        )
        problems.append(Problem.of("seo-author-unidentified", pointers[identifier], message))
    return problems
