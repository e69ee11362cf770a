"""The search-engine profile: what Google recommends for articles and an article lacks.

Google's Article structured-data guidance recommends a headline, images of a
useful size, ``datePublished`` (and ``dateModified``) with a time zone, and every
author as a Person or Organization with a ``url`` or ``sameAs`` that tells them
apart from namesakes.  Its guidance for paywalled content, speakable and fact
checks (ClaimReview) adds rules of their own: a paywalled section named by one
class, speakable selectors the page has, a verdict and a URL on the article's
site for every review, a rating scale from 1.  And schema.org puts four of the
publisher's policies on NewsMediaOrganization alone.  A draft in a CMS may miss
any of these and still be valid data, so each finding is a warning (layer
``profile``); the exporters leave out what is missing and never invent it.
``docs/problems.md`` lists the codes with the guidance each one rests on.

Run it with ``newsarticle.check(document, profile=True)``, or on an article
already built with :func:`profile_problems`, which takes the selectors of your
own pages (the JSON-LD's ``cssSelector`` values) when they are not the HTML
export's.
"""

from __future__ import annotations

from typing import Final
from urllib.parse import urlsplit

from ._errors import Problem, shown
from ._model import Access, Article, Genre, Organization, Person
from ._selectors import DEFAULT_SELECTORS, Selectors, single_class
from ._terms import ORGANIZATION_TYPES, POLICIES

__all__ = [
    "CLAIM_REVIEWED_LIMIT",
    "HEADLINE_LIMIT",
    "MIN_IMAGE_PIXELS",
    "MIN_WORST_RATING",
    "profile_problems",
]

#: Google truncates long titles; its Article guidance long set 110 characters as the limit.
HEADLINE_LIMIT: Final = 110
#: Google asks for images of at least 50,000 pixels (width times height).
MIN_IMAGE_PIXELS: Final = 50_000
#: Google's fact-check guidance: keep claimReviewed under 75 characters.
CLAIM_REVIEWED_LIMIT: Final = 75
#: Google's fact-check guidance: worstRating "must have a minimum value of 1".
MIN_WORST_RATING: Final = 1


def profile_problems(
    article: Article, *, selectors: Selectors = DEFAULT_SELECTORS
) -> list[Problem]:
    """The search-engine profile's warnings for ``article`` (an empty list when it has none).

    ``selectors`` are those the JSON-LD gives as ``cssSelector`` (those of the HTML export
    by default): give the ones your renderer is given, for the warnings about them.
    """
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
    problems += _paywall(article, selectors)
    problems += _speakable(article, selectors)
    problems += _reviews(article)
    problems += _policies(article)
    return problems


def _paywall(article: Article, selectors: Selectors) -> list[Problem]:
    """A paywalled section is named by one class (Google reads its cssSelector so), and an
    article for subscribers names the section."""
    first = next(
        (i for i, p in enumerate(article.paragraphs) if p.access is Access.SUBSCRIBERS), None
    )
    if first is None:
        if article.access is not Access.SUBSCRIBERS:
            return []
        message = (
            "the article is for subscribers, but no paragraph is: mark the paragraphs behind "
            "the paywall (access subscribers), so that the JSON-LD can name the paywalled "
            "section (hasPart) and search engines tell the paywall from cloaking"
        )
        return [Problem.of("seo-paywall-no-section", "/access", message)]
    if single_class(selectors.paywalled) is not None:
        return []
    message = (
        f"the paywall selector {shown(selectors.paywalled)} is not a single class (such as "
        '".paywalled"); Google reads the cssSelector of a paywalled section as a class name'
    )
    return [Problem.of("seo-paywall-selector", f"/paragraphs/{first}/access", message)]


def _speakable(article: Article, selectors: Selectors) -> list[Problem]:
    """Each selector the article's speakable uses is one the HTML export can put on the page."""
    used = [("headline", selectors.headline, "/headline")]
    if article.standfirst is not None:
        used.append(("standfirst", selectors.standfirst, "/standfirst"))
    if article.speakable:
        used.append(("speakable", selectors.speakable, "/speakable"))
    problems = []
    for part, selector, pointer in used:
        if single_class(selector) is None:
            message = (
                f"the {part} selector {shown(selector)} of speakable is not a single class "
                '(such as ".speakable"): the HTML export cannot put it on the page; give '
                "selectors your own pages have"
            )
            problems.append(Problem.of("seo-speakable-selector", pointer, message))
    return problems


def _host(url: str) -> str | None:
    """The host name of a URL, in lower case (None when it has none)."""
    try:
        return urlsplit(url).hostname
    except ValueError:
        return None


def _on_site(url: str, site: str) -> bool:
    """Whether ``url``'s host is ``site``'s or one of its subdomains (Google's rule for the
    url of a ClaimReview)."""
    host, own = _host(url), _host(site)
    if host is None or own is None:
        return True  # nothing to compare: no warning
    return host == own or host.endswith("." + own)


def _reviews(article: Article) -> list[Problem]:
    """The reviews a fact check exports as ClaimReview keep Google's rules; a review of
    another genre's article is not exported at all."""
    problems = []
    fact_check = article.genre is Genre.FACT_CHECK
    for index, claim in enumerate(article.claims):
        review = claim.review
        if review is None:
            continue
        pointer = f"/claims/{index}/review"
        if not fact_check:
            message = (
                f"the claim {shown(claim.id)} has a review, but the article's genre is "
                f"{shown(article.genre.value)}: only a fact_check article exports its reviews "
                "(as ClaimReview)"
            )
            problems.append(Problem.of("seo-review-not-exported", pointer, message))
            continue
        if review.verdict is None:
            message = (
                f"the review of claim {shown(claim.id)} has no verdict; Google requires the "
                "verdict in words (reviewRating.alternateName), the one part of the rating "
                "search results show"
            )
            problems.append(Problem.of("seo-claimreview-no-verdict", f"{pointer}/verdict", message))
        if review.url is None:
            message = (
                f"the review of claim {shown(claim.id)} has no url; Google requires the url of "
                "the page of the fact check (the article's url, with a fragment that leads to "
                "the review)"
            )
            problems.append(Problem.of("seo-claimreview-no-url", f"{pointer}/url", message))
        elif article.url is not None and not _on_site(review.url, article.url):
            message = (
                f"the review's url {shown(review.url)} is not on the article's site "
                f"({shown(_host(article.url))}); Google requires it on the domain of the page "
                "that holds the ClaimReview, or a subdomain"
            )
            problems.append(Problem.of("seo-claimreview-url-off-site", f"{pointer}/url", message))
        if review.worst_rating is not None and review.worst_rating < MIN_WORST_RATING:
            message = (
                f"the review's worst_rating is {review.worst_rating:g}; Google wants a scale "
                f"that starts at {MIN_WORST_RATING} or more (worstRating)"
            )
            problems.append(
                Problem.of("seo-claimreview-worst-rating", f"{pointer}/worst_rating", message)
            )
        if len(claim.text) >= CLAIM_REVIEWED_LIMIT:
            message = (
                f"the reviewed claim {shown(claim.id)} has {len(claim.text)} characters; "
                f"Google asks for a claimReviewed under {CLAIM_REVIEWED_LIMIT}, which phones "
                "show without wrapping"
            )
            problems.append(
                Problem.of("seo-claimreview-claim-long", f"/claims/{index}/text", message)
            )
    return problems


def _policies(article: Article) -> list[Problem]:
    """A policy on an organization whose exported type is outside the term's domain: the
    JSON-LD export leaves it out."""
    problems = []
    for index, organization in enumerate(article.organizations):
        policies = organization.policies
        if policies is None:
            continue
        kind = ORGANIZATION_TYPES[organization.kind]
        for field, term, domain in POLICIES:
            if getattr(policies, field) is None or kind in domain:
                continue
            message = (
                f"the organization {shown(organization.id)} is of kind "
                f"{shown(organization.kind.value)}, but {term} is a term of "
                f"{' and '.join(sorted(domain))} only: the JSON-LD leaves {field} out "
                "(give the organization kind news_media if it is one)"
            )
            pointer = f"/organizations/{index}/policies/{field}"
            problems.append(Problem.of("seo-policy-type", pointer, message))
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
