"""newsarticle: a news article as typed data.

Build an article from your own data, or load and check an article document; write it in the
canonical JSON format; validate it layer by layer; and export it::

    import newsarticle
    article, problems = newsarticle.check(open("examples/panjshir.json", "rb").read())
    print(newsarticle.to_jsonld_text(article))

Everything listed in ``__all__`` is the public interface; the modules whose names start with
an underscore are internal.  ``newsarticle.cli`` is the command line (``run`` and ``main``)
and ``newsarticle.testing`` holds Hypothesis strategies for users' own tests.
"""

from typing import TYPE_CHECKING

from . import _export
from ._check import check, validate
from ._document import dump, dumps, load, loads
from ._errors import (
    CODES,
    Code,
    InvalidArticleError,
    InvalidReferenceError,
    InvalidValueError,
    NewsArticleError,
    Problem,
    Severity,
)
from ._import import audit_html, audit_jsonld, read_html, read_jsonld, read_ninjs
from ._lazy import attach
from ._model import (
    Access,
    Article,
    Attribution,
    Channel,
    Claim,
    ClaimReview,
    Correction,
    DatePrecision,
    Entity,
    Genre,
    GeoCoordinates,
    Identified,
    Image,
    LiveCoverage,
    LiveUpdate,
    Logo,
    Organization,
    OrganizationKind,
    Paragraph,
    ParagraphRole,
    PartialDate,
    Person,
    Place,
    PlaceKind,
    Policies,
    Quote,
    QuoteKind,
    Relation,
    RelationKind,
    Role,
    SourceKind,
    UnnamedSource,
    Verification,
)
from ._rules import FORMAT_VERSION
from ._schema import SCHEMA_ID, schema

if TYPE_CHECKING:
    from ._export import (
        HtmlRenderer,
        JsonLdRenderer,
        JsonLdScriptRenderer,
        NinjsRenderer,
        TextRenderer,
        escape_script_json,
        to_html,
        to_jsonld,
        to_jsonld_script,
        to_jsonld_text,
        to_ninjs,
        to_ninjs_text,
        to_text,
    )
    from ._profile import profile_problems
    from ._selectors import Selectors

__version__ = "0.1.0"

# Imported when first used, so that ``import newsarticle`` (and a command that only
# validates) does not load the exporters: each name and the module that defines it.
__getattr__, __dir__ = attach(
    __name__,
    {
        **dict.fromkeys(_export.__all__, "._export"),
        "profile_problems": "._profile",
        "Selectors": "._selectors",
    },
)


__all__ = [
    "CODES",
    "FORMAT_VERSION",
    "SCHEMA_ID",
    "Access",
    "Article",
    "Attribution",
    "Channel",
    "Claim",
    "ClaimReview",
    "Code",
    "Correction",
    "DatePrecision",
    "Entity",
    "Genre",
    "GeoCoordinates",
    "HtmlRenderer",
    "Identified",
    "Image",
    "InvalidArticleError",
    "InvalidReferenceError",
    "InvalidValueError",
    "JsonLdRenderer",
    "JsonLdScriptRenderer",
    "LiveCoverage",
    "LiveUpdate",
    "Logo",
    "NewsArticleError",
    "NinjsRenderer",
    "Organization",
    "OrganizationKind",
    "Paragraph",
    "ParagraphRole",
    "PartialDate",
    "Person",
    "Place",
    "PlaceKind",
    "Policies",
    "Problem",
    "Quote",
    "QuoteKind",
    "Relation",
    "RelationKind",
    "Role",
    "Selectors",
    "Severity",
    "SourceKind",
    "TextRenderer",
    "UnnamedSource",
    "Verification",
    "__version__",
    "audit_html",
    "audit_jsonld",
    "check",
    "dump",
    "dumps",
    "escape_script_json",
    "load",
    "loads",
    "profile_problems",
    "read_html",
    "read_jsonld",
    "read_ninjs",
    "schema",
    "to_html",
    "to_jsonld",
    "to_jsonld_script",
    "to_jsonld_text",
    "to_ninjs",
    "to_ninjs_text",
    "to_text",
    "validate",
]
