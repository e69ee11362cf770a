"""How the format's values are named in schema.org: one table for each mapping.

The JSON-LD export writes these names and the importers read them back, the search-engine
profile checks the publisher's policies against them: each mapping is declared here once,
so that what is written and what is read can never disagree.
"""

from __future__ import annotations

from typing import Final

from ._model import Channel, Genre, OrganizationKind, PlaceKind, RelationKind

__all__ = [
    "ADDITIONAL_TYPES",
    "ANY_ORGANIZATION",
    "ARTICLE_TYPES",
    "LIVE_BLOG_TYPE",
    "NEWS_MEDIA_ONLY",
    "ORGANIZATION_TYPES",
    "PLACE_TYPES",
    "POLICIES",
    "RELATIONS",
    "WORK_TYPES",
]

#: The schema.org type of the article node, by genre (a live blog is a LiveBlogPosting,
#: whatever its genre).
ARTICLE_TYPES: Final = {
    Genre.NEWS: "NewsArticle",
    Genre.ANALYSIS: "AnalysisNewsArticle",
    Genre.OPINION: "OpinionNewsArticle",
    Genre.REPORTAGE: "ReportageNewsArticle",
    Genre.REVIEW: "ReviewNewsArticle",
    Genre.BACKGROUND: "BackgroundNewsArticle",
    Genre.ASK_PUBLIC: "AskPublicNewsArticle",
    Genre.FACT_CHECK: "NewsArticle",  # schema.org has no narrower type: ClaimReview says it
}

#: The type of the article node of a live blog.
LIVE_BLOG_TYPE: Final = "LiveBlogPosting"

ORGANIZATION_TYPES: Final = {
    OrganizationKind.ORGANIZATION: "Organization",
    OrganizationKind.NEWS_MEDIA: "NewsMediaOrganization",
    OrganizationKind.GOVERNMENT: "GovernmentOrganization",
    OrganizationKind.ARMED_GROUP: "Organization",  # schema.org has no narrower type
    OrganizationKind.POLITICAL_PARTY: "PoliticalParty",
    OrganizationKind.NGO: "NGO",
}

PLACE_TYPES: Final = {
    PlaceKind.PLACE: "Place",
    PlaceKind.COUNTRY: "Country",
    PlaceKind.ADMINISTRATIVE_AREA: "AdministrativeArea",
    PlaceKind.CITY: "City",
    PlaceKind.LANDFORM: "Landform",
    PlaceKind.LANDMARK: "LandmarksOrHistoricalBuildings",
    PlaceKind.STADIUM: "StadiumOrArena",
}

RELATIONS: Final = {
    RelationKind.PARENT: "parent",
    RelationKind.CHILD: "children",
    RelationKind.SIBLING: "sibling",
    RelationKind.SPOUSE: "spouse",
    RelationKind.RELATIVE: "relatedTo",
    RelationKind.COLLEAGUE: "colleague",
}


# What a cited work is, by the channel of the attribution that cites it.  A
# conversation with a journalist is not a work; neither is an attribution that
# says nothing about one (no outlet, title, URL or date).  Every cited work is a
# CreativeWork, so that the article is the page's one node of an article type (see
# ADDITIONAL_TYPES).
WORK_TYPES: Final[dict[Channel, str]] = {
    channel: "CreativeWork" for channel in Channel if channel is not Channel.CONVERSATION
}
# The narrower type of a cited work, written as its additionalType, and what to call one
# without a title.  An op-ed, a post or an article typed as such would be a second article
# node on the page, which extractors and validators that look for "the" article may take
# for the page's own (and validators hold to Google's Article rules); a video or an image
# typed as such must carry what Google's rules make required on every VideoObject (name,
# thumbnailUrl, uploadDate) and ImageObject (contentUrl, a credit or licence), and an
# attribution holds none of a thumbnail, an upload date or an image file.  So each is a
# CreativeWork whose additionalType says what it is, and it always has a name.
ADDITIONAL_TYPES: Final = {
    Channel.OP_ED: ("https://schema.org/OpinionNewsArticle", "an op-ed"),
    Channel.TWEET: ("https://schema.org/SocialMediaPosting", "a tweet"),
    Channel.SOCIAL_MEDIA_POST: ("https://schema.org/SocialMediaPosting", "a social media post"),
    Channel.ARTICLE: ("https://schema.org/Article", "an article"),
    Channel.VIDEO: ("https://schema.org/VideoObject", "a video"),
    Channel.LIVESTREAM: ("https://schema.org/VideoObject", "a livestream"),
    Channel.IMAGE: ("https://schema.org/ImageObject", "an image"),
}


# The publisher's policies by schema.org term, and the types whose domain holds the term:
# four of the Trust Project's terms are NewsMediaOrganization's alone in schema.org.
ANY_ORGANIZATION: Final = frozenset(ORGANIZATION_TYPES.values())
NEWS_MEDIA_ONLY: Final = frozenset({"NewsMediaOrganization"})
POLICIES: Final = (
    ("publishing_principles", "publishingPrinciples", ANY_ORGANIZATION),
    ("corrections", "correctionsPolicy", ANY_ORGANIZATION),
    ("ethics", "ethicsPolicy", ANY_ORGANIZATION),
    ("diversity", "diversityPolicy", ANY_ORGANIZATION),
    ("ownership_funding", "ownershipFundingInfo", ANY_ORGANIZATION),
    ("actionable_feedback", "actionableFeedbackPolicy", ANY_ORGANIZATION),
    ("unnamed_sources", "unnamedSourcesPolicy", ANY_ORGANIZATION),
    ("verification_fact_checking", "verificationFactCheckingPolicy", NEWS_MEDIA_ONLY),
    ("masthead", "masthead", NEWS_MEDIA_ONLY),
    ("no_bylines", "noBylinesPolicy", NEWS_MEDIA_ONLY),
    ("mission_coverage_priorities", "missionCoveragePrioritiesPolicy", NEWS_MEDIA_ONLY),
)
