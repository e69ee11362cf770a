"""newsarticle: a news article as typed data.

Load and check an article document, build one from your own data, write it in
the canonical JSON format, and validate it layer by layer::

    import newsarticle
    article = newsarticle.load("examples/panjshir.json")
    problems = newsarticle.validate(newsarticle.dumps(article))
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
    "Image",
    "InvalidArticleError",
    "InvalidValueError",
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
    "UnnamedSource",
    "Verification",
    "__version__",
    "dump",
    "dumps",
    "load",
    "loads",
    "validate",
]
