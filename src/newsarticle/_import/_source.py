"""The pages ``newsarticle import`` and ``newsarticle audit`` read: the bytes of a file or of
standard input, as a :class:`~._page.Page`.

What an input is (an HTML page, or JSON-LD) is told by ``--from``; without it, by the file's
name (:data:`HTML_SUFFIXES`, :data:`JSONLD_SUFFIXES`), then by its content: JSON-LD starts with
``{`` or ``[``, anything else is read as a page.  Bytes compressed with gzip (``page.html.gz``,
as web archives keep pages) are decompressed first, to no more than the size limit: a
compressed file that would grow larger is refused as too large, without being held whole.
A JSON file that holds an array of strings only is the texts of a page's blocks, as tools
that pull the blocks out of a page write them; each block is then placed in its own lines
and columns.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import zlib
import zoneinfo
from pathlib import PurePath
from typing import Final, Literal

from .._errors import Problem, shown
from . import KINDS, PAGE_KINDS
from ._page import Page, PageMeta, read_blocks, read_page

__all__ = [
    "COMPRESSED_SUFFIX",
    "HTML_SUFFIXES",
    "JSONLD_SUFFIXES",
    "KINDS",
    "NINJS_SUFFIX",
    "PAGE_KINDS",
    "Kind",
    "kind_of",
    "output_stem",
    "parse_zone",
    "prepare",
    "read_prepared",
    "read_source",
]

Kind = Literal["html", "jsonld", "ninjs"]
#: Names of pages, of JSON-LD files (alone, or the block texts of a page), of ninjs files.
HTML_SUFFIXES: Final = (".html", ".htm", ".xhtml")
JSONLD_SUFFIXES: Final = (".jsonld", ".json")
NINJS_SUFFIX: Final = ".ninjs.json"
#: Compressed with gzip: the page or JSON-LD file inside is named by the suffix before.
COMPRESSED_SUFFIX: Final = ".gz"
_GZIP_MAGIC: Final = b"\x1f\x8b"
_JSON_START: Final = frozenset(b"{[")
_SPACES: Final = frozenset(b" \t\r\n")
_UTF8_BOM: Final = b"\xef\xbb\xbf"
_PIECE: Final = 1 << 16


def _suffixes(name: str) -> list[str]:
    return [suffix.lower() for suffix in PurePath(name).suffixes]


def kind_of(name: str | None, data: bytes, kinds: tuple[str, ...] = KINDS) -> Kind:
    """What ``data`` is, told by its file ``name`` (None for standard input), then by its
    content (already decompressed), among ``kinds``: a name ending ``.ninjs.json`` is ninjs, a
    page's name a page, a ``.jsonld`` or ``.json`` name JSON-LD, unless the content is a JSON
    object whose ``standard`` says it is ninjs (IPTC's ninjs 3 documents say so; most 2.x ones
    do not: name them ``.ninjs.json``, or give ``--from ninjs``)."""
    suffixes = _suffixes(name) if name is not None else []
    if suffixes and suffixes[-1] == COMPRESSED_SUFFIX:
        suffixes.pop()
    ninjs = "ninjs" in kinds
    if ninjs and suffixes[-2:] == [".ninjs", ".json"]:
        return "ninjs"
    if suffixes and suffixes[-1] in HTML_SUFFIXES:
        return "html"
    first = _first_byte(data)
    if ninjs and first == ord("{") and _says_ninjs(data):
        return "ninjs"
    if suffixes and suffixes[-1] in JSONLD_SUFFIXES:
        return "jsonld"
    return "jsonld" if first in _JSON_START else "html"


def _says_ninjs(data: bytes) -> bool:
    """Whether ``data`` is a JSON object whose ``standard`` names ninjs (``{"standard":
    {"name": "ninjs", ...}}``, or the text ``"ninjs"``)."""
    if b'"standard"' not in data or b"ninjs" not in data.lower():
        return False
    try:
        value = json.loads(data)
    except (ValueError, RecursionError):
        return False
    standard = value.get("standard") if isinstance(value, dict) else None
    if isinstance(standard, dict):
        standard = standard.get("name")
    return isinstance(standard, str) and standard.strip().lower() == "ninjs"


def _first_byte(data: bytes) -> int | None:
    """The first byte of ``data`` that is not a space (nor a UTF-8 byte-order mark)."""
    start = len(_UTF8_BOM) if data.startswith(_UTF8_BOM) else 0
    for byte in data[start : start + 4096]:
        if byte not in _SPACES:
            return byte
    return None


def output_stem(name: PurePath) -> PurePath:
    """``name`` without the suffixes that say what kind of input it is: ``a.html.gz`` and
    ``a.jsonld`` give ``a``, ``a.jsonld.json`` gives ``a``, ``report.2024.html`` gives
    ``report.2024``."""
    known = (*HTML_SUFFIXES, *JSONLD_SUFFIXES, ".ninjs", COMPRESSED_SUFFIX)
    stem = name
    for _ in range(3):
        if stem.suffix.lower() not in known or stem.stem in ("", "."):
            break
        stem = stem.with_suffix("")
    return stem


_NO_META: Final = PageMeta(language=None, canonical=None, title=None, meta={})


def _problem(code: str, message: str) -> Page:
    """A page that is not read, for the reason ``message`` gives (placed at its start, as the
    page reader places the problems of a page as a whole)."""
    problem = Problem.of(code, "", message, 1, 1)
    return Page(blocks=(), meta=_NO_META, problems=(problem,))


def _decompressed(data: bytes, max_size: int) -> bytes | Page:
    """The bytes inside gzip-compressed ``data`` (several members read as one, as ``gzip -d``
    does), or the page of the problem: corrupt, truncated, larger than ``max_size``."""
    pieces: list[bytes] = []
    total = 0
    rest = data
    try:
        while rest:
            inflater = zlib.decompressobj(wbits=31)
            # Within a member, ask for no more than what is left of the limit (and one byte
            # more, to see it is passed): a small file that inflates to gigabytes is refused
            # after max_size + 1 bytes, not held whole.
            chunk = inflater.decompress(rest, min(_PIECE, max_size + 1 - total))
            while True:
                pieces.append(chunk)
                total += len(chunk)
                if total > max_size:
                    message = (
                        f"decompressed, the data is larger than the limit of {max_size:,} "
                        "bytes (raise it with --max-size); it is not read"
                    )
                    return _problem("page-too-large", message)
                if inflater.eof or not inflater.unconsumed_tail:
                    break
                chunk = inflater.decompress(
                    inflater.unconsumed_tail, min(_PIECE, max_size + 1 - total)
                )
            if not inflater.eof:
                message = "the gzip-compressed data is truncated: it ends inside a member"
                return _problem("page-compressed", message)
            rest = inflater.unused_data
            if rest and not rest.startswith(_GZIP_MAGIC):
                if rest.strip(b"\x00"):  # zeros after the end: padding, as gzip -d allows
                    message = "the gzip-compressed data is followed by bytes that are not gzip"
                    return _problem("page-compressed", message)
                break
    except zlib.error as error:
        return _problem("page-compressed", f"the gzip-compressed data is corrupt ({error})")
    return b"".join(pieces)


def prepare(
    data: bytes,
    *,
    kind: Kind | None,
    name: str | None,
    max_size: int,
    kinds: tuple[str, ...] = KINDS,
) -> tuple[Kind, bytes] | Page:
    """What an input's ``data`` is (``kind``; None: told by ``name``, then by the content,
    among ``kinds``) and its bytes, decompressed when they are gzip-compressed; or the page of
    the problem when they cannot be decompressed."""
    if data.startswith(_GZIP_MAGIC):
        inner = _decompressed(data, max_size)
        if isinstance(inner, Page):
            return inner
        data = inner
    return kind or kind_of(name, data, kinds), data


def read_source(data: bytes, *, kind: Kind | None, name: str | None, max_size: int) -> Page:
    """The page of an input's ``data``: an HTML page or JSON-LD (``kind``; None: told by
    ``name``, then by the content), decompressed first when it is gzip-compressed.  Bad data
    of any kind is a problem of the page, never an exception."""
    prepared = prepare(data, kind=kind, name=name, max_size=max_size, kinds=PAGE_KINDS)
    if isinstance(prepared, Page):
        return prepared
    kind, data = prepared
    return read_prepared(kind, data, max_size)


def read_prepared(kind: Kind, data: bytes, max_size: int) -> Page:
    """The page of bytes already prepared (:func:`prepare`) as a page or JSON-LD."""
    if kind == "html":
        return read_page(data, max_size=max_size)
    if len(data) > max_size:
        message = f"the data is {len(data):,} bytes, larger than the limit of {max_size:,}"
        return _problem("page-too-large", message + "; it is not read")
    if _first_byte(data) == ord("["):
        texts = _block_texts(data)
        if texts is not None:
            return read_blocks(texts)
    return read_blocks(data)


def _block_texts(data: bytes) -> list[str] | None:
    """The strings of a JSON array of strings only (block texts), else None."""
    try:
        value = json.loads(data)
    except (ValueError, RecursionError):
        return None
    if isinstance(value, list) and value and all(isinstance(item, str) for item in value):
        return value
    return None


_OFFSET: Final = re.compile(r"([+-])([01][0-9]|2[0-3]):?([0-5][0-9])")


def parse_zone(text: str) -> dt.tzinfo:
    """The time zone ``text`` names: ``UTC`` (or ``Z``), an offset from UTC (``+02:00``,
    ``-0530``), or a name of the IANA time zone database (``Europe/Paris``), in which a date's
    offset is the one in force on that date.  Anything else raises :class:`ValueError` with a
    message that says what is accepted."""
    stripped = text.strip()
    if stripped.upper() in ("UTC", "Z"):
        return dt.UTC
    offset = _OFFSET.fullmatch(stripped)
    if offset:
        sign, hours, minutes = offset.groups()
        delta = dt.timedelta(hours=int(hours), minutes=int(minutes))
        return dt.timezone(-delta if sign == "-" else delta)
    try:
        return zoneinfo.ZoneInfo(stripped)
    except (ValueError, zoneinfo.ZoneInfoNotFoundError):
        pass
    raise ValueError(
        f"{shown(text)} is not a time zone: give UTC, an offset such as +02:00, or a name of the "
        "IANA time zone database such as Europe/Paris"
    )
