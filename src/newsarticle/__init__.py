"""newsarticle: a news article as typed data.

Load and check an article document, build one from your own data, write it in
the canonical JSON format, validate it layer by layer, and export it::

    import newsarticle
    article = newsarticle.load("examples/panjshir.json")
    problems = newsarticle.validate(newsarticle.dumps(article), profile=True)
    print(newsarticle.jsonld_dumps(article))
"""

from .document import dump, dumps, load, loads
from .errors import (
    CODES,
    InvalidArticleError,
    InvalidValueError,
    NewsArticleError,
    Problem,
    Severity,
)
from .export import (
    HtmlRenderer,
    JsonLd,
    JsonLdScript,
    TextRenderer,
    jsonld_dumps,
    jsonld_script,
    to_html,
    to_jsonld,
    to_text,
)
from .model import (
    Article,
    Attribution,
    Channel,
    Claim,
    Correction,
    DatePrecision,
    Entity,
    Genre,
    GeoCoordinates,
    Image,
    Organization,
    OrganizationKind,
    Paragraph,
    ParagraphRole,
    PartialDate,
    Person,
    Place,
    PlaceKind,
    Quote,
    QuoteKind,
    Relation,
    RelationKind,
    Role,
    UnnamedSource,
    Verification,
)
from .profile import profile_problems
from .validate import validate

__version__ = "0.1.0"

__all__ = [
    "CODES",
    "Article",
    "Attribution",
    "Channel",
    "Claim",
    "Correction",
    "DatePrecision",
    "Entity",
    "Genre",
    "GeoCoordinates",
    "HtmlRenderer",
    "Image",
    "InvalidArticleError",
    "InvalidValueError",
    "JsonLd",
    "JsonLdScript",
    "NewsArticleError",
    "Organization",
    "OrganizationKind",
    "Paragraph",
    "ParagraphRole",
    "PartialDate",
    "Person",
    "Place",
    "PlaceKind",
    "Problem",
    "Quote",
    "QuoteKind",
    "Relation",
    "RelationKind",
    "Role",
    "Severity",
    "TextRenderer",
    "UnnamedSource",
    "Verification",
    "__version__",
    "dump",
    "dumps",
    "jsonld_dumps",
    "jsonld_script",
    "load",
    "loads",
    "profile_problems",
    "to_html",
    "to_jsonld",
    "to_text",
    "validate",
]
