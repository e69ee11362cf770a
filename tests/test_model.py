"""The model refuses values that are wrong on their own, when an object is built."""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsarticle import (
    Article,
    Attribution,
    Channel,
    Correction,
    DatePrecision,
    GeoCoordinates,
    Image,
    InvalidValueError,
    Paragraph,
    PartialDate,
    Person,
    Quote,
    QuoteKind,
    Role,
    Verification,
)
from newsarticle import _model as model
from newsarticle._errors import shown
from newsarticle._rules import INVISIBLE, LINE, PARAGRAPH_TEXT, TEXT, TextRule

UTC = dt.UTC


def _binder(scope: dict[str, Any]) -> Any:
    """A ``bind`` for :meth:`Rule.inline`, as the fast builder binds its values: into
    ``scope``, under a name it returns."""

    def bind(value: object) -> str:
        name = f"v_{len(scope)}"
        scope[name] = value
        return name

    return bind


def article(**changes: Any) -> Article:
    fields: dict[str, Any] = {"id": "a1", "headline": "A headline", "language": "en-GB"}
    fields.update(changes)
    return Article(**fields)


class TestValueChecks:
    @pytest.mark.parametrize(
        ("latitude", "longitude"),
        [(200.0, 0.0), (-90.5, 0.0), (0.0, 180.01), (float("nan"), 0.0), (0.0, float("inf"))],
    )
    def test_coordinates_out_of_range_are_refused(self, latitude: float, longitude: float) -> None:
        """A latitude beyond ±90 or a longitude beyond ±180 (or NaN) cannot be built."""
        with pytest.raises(InvalidValueError):
            GeoCoordinates(latitude=latitude, longitude=longitude)

    def test_integer_coordinates_become_floats(self) -> None:
        """Whole-number coordinates are kept as floats, so equality and output are stable."""
        point = GeoCoordinates(latitude=35, longitude=-69)
        assert (35.0, -69.0) == (point.latitude, point.longitude)
        assert float is type(point.latitude)

    def test_boolean_coordinate_is_refused(self) -> None:
        """True is not a number of degrees."""
        with pytest.raises(InvalidValueError, match="expected a number, got true") as caught:
            GeoCoordinates(latitude=True, longitude=0.0)
        assert "latitude" == caught.value.field

    def test_naive_datetime_is_refused(self) -> None:
        """A timestamp without a time zone is ambiguous and cannot be built."""
        with pytest.raises(InvalidValueError, match="time zone") as caught:
            article(date_published=dt.datetime(2021, 8, 19, 10, 0))
        assert "date_published" == caught.value.field

    def test_offset_with_seconds_is_refused(self) -> None:
        """RFC 3339 offsets are whole minutes; an offset of seconds cannot be written."""
        odd = dt.timezone(dt.timedelta(minutes=17, seconds=30))
        with pytest.raises(InvalidValueError, match="whole number of minutes"):
            Correction(date=dt.datetime(2021, 1, 1, tzinfo=odd), text="Fixed.")

    @pytest.mark.parametrize(
        "headline", ["", "tab\there", "line\nbreak", "bell\x07", "c1\x85", "\ud800"]
    )
    def test_control_characters_and_empty_headline_are_refused(self, headline: str) -> None:
        """A one-line field refuses the empty string, control characters and lone surrogates."""
        with pytest.raises(InvalidValueError) as caught:
            article(headline=headline)
        assert "headline" == caught.value.field

    @pytest.mark.parametrize(
        ("text", "held"),
        [
            (" ", "U+0020"),
            ("\u00a0", "U+00A0"),
            ("\u3000", "U+3000"),
            ("\u200b", "U+200B"),
            ("\u2800", "U+2800"),
            ("\ufeff\u2060", "U+FEFF, U+2060"),
            (" \u00a0\u2009\u202f\u3000", "U+0020, U+00A0, U+2009, ..."),
            ("\U000e0020\U000e0041", "U+E0020, U+E0041"),
        ],
    )
    def test_text_of_only_spaces_and_invisible_characters_is_refused(
        self, text: str, held: str
    ) -> None:
        """A headline, a name, a description, a paragraph of only white space or invisible
        characters (no-break, ideographic and thin spaces, zero-width characters, the Braille
        blank, tags) is refused, the message quoting it and naming what it holds."""
        for make, field in (
            (lambda: article(headline=text), "headline"),
            (lambda: Person(id="p", name=text), "name"),
            (lambda: Person(id="p", name="P", description=text), "description"),
            (lambda: Paragraph(id="p1", text=text), "text"),
            (lambda: Correction(date=dt.datetime(2021, 1, 1, tzinfo=UTC), text=text), "text"),
        ):
            with pytest.raises(InvalidValueError, match="has no visible character") as caught:
                make()
            assert field == caught.value.field
            assert f"({held})" in caught.value.reason
            assert shown(text) in caught.value.reason

    @pytest.mark.parametrize(
        "text", ["a", "\u00a0a\u00a0", "10\u202f000", "\u3000\u6771\u4eac", "\u0301", "\U0001f469"]
    )
    def test_text_with_one_visible_character_is_kept(self, text: str) -> None:
        """Spaces around or between visible characters are kept; a combining mark or an
        emoji is a visible character."""
        assert unicodedata.normalize("NFC", text) == article(headline=text).headline

    @given(
        st.text(
            st.sampled_from(
                [chr(c) for low, high in INVISIBLE for c in range(low, min(high, low + 40) + 1)]
            ),
            min_size=1,
        ),
        st.sampled_from([LINE, TEXT, PARAGRAPH_TEXT]),
    )
    def test_every_text_rule_refuses_any_blank_text(self, text: str, rule: TextRule) -> None:
        """Any text made of the invisible characters alone breaks every text rule, and the
        fast builder's inline check refuses it too."""
        assert None is not rule.problem(text)
        scope: dict[str, Any] = {}
        test = rule.inline("v", clean=False, bind=_binder(scope))
        assert eval(test, scope, {"v": text})  # the builder's own expression

    def test_the_invisible_characters_are_unicodes_white_space_and_default_ignorables(
        self,
    ) -> None:
        """INVISIBLE is Unicode's White_Space and Default_Ignorable_Code_Point (as the regex
        module knows them), and U+2800 BRAILLE PATTERN BLANK."""
        regex = pytest.importorskip("regex")
        unicode = regex.compile(r"[\p{White_Space}\p{Default_Ignorable_Code_Point}\u2800]")
        expected = [c for c in range(0x110000) if unicode.match(chr(c))]
        assert expected == [c for low, high in INVISIBLE for c in range(low, high + 1)]

    def test_paragraph_allows_newline_but_not_a_blank_line(self) -> None:
        """Body text may break lines; a blank line would make two paragraphs of one."""
        assert "one\ntwo" == Paragraph(id="p1", text="one\ntwo").text
        with pytest.raises(InvalidValueError, match="blank line"):
            Paragraph(id="p1", text="one\n\ntwo")

    def test_text_is_normalized_to_nfc(self) -> None:
        """Decomposed input (as some editors produce) is stored composed."""
        decomposed = "Cafe\u0301"
        built = article(headline=decomposed, keywords=[decomposed])
        assert unicodedata.normalize("NFC", decomposed) == built.headline
        assert ("Caf\u00e9",) == built.keywords

    @pytest.mark.parametrize(
        "identifier", ["", "-lead", "has space", "a/b", "x#y", "é", "a" * 201, "ok\n"]
    )
    def test_bad_ids_are_refused(self, identifier: str) -> None:
        """An id must be usable as a URL fragment: letters, digits, '.', '_', '-'."""
        with pytest.raises(InvalidValueError):
            Person(id=identifier, name="Someone")

    @pytest.mark.parametrize(
        "url",
        ["ftp://example.com/x", "example.com", "https://", "https://exa mple.com", "mailto:a@b.c"],
    )
    def test_urls_must_be_absolute_http(self, url: str) -> None:
        """Links are absolute http(s) URLs with a host, valid under RFC 3986."""
        with pytest.raises(InvalidValueError):
            Image(id="i1", url=url)

    def test_duplicate_same_as_is_refused(self) -> None:
        """A list of links holds each link once."""
        link = "https://en.wikipedia.org/wiki/Kabul"
        with pytest.raises(InvalidValueError, match="twice"):
            Person(id="p", name="P", same_as=[link, link])

    @pytest.mark.parametrize("language", ["english", "e", "en_GB", "en-"])
    def test_language_must_be_bcp47(self, language: str) -> None:
        """The article's language is a BCP 47 tag."""
        with pytest.raises(InvalidValueError):
            article(language=language)

    @pytest.mark.parametrize("width", [0, -1, 2**31, True])
    def test_image_size_is_a_positive_32_bit_integer(self, width: int) -> None:
        """Width and height are whole pixels, from 1 to the largest 32-bit integer."""
        with pytest.raises(InvalidValueError):
            Image(id="i1", url="https://example.com/a.jpg", width=width)
        assert 2**31 - 1 == Image(id="i1", url="https://example.com/a.jpg", width=2**31 - 1).width


class TestPartialDate:
    def test_precision_follows_what_is_known(self) -> None:
        """A date knows whether it is a year, a month or a day."""
        assert DatePrecision.YEAR == PartialDate(year=2019).precision
        assert DatePrecision.MONTH == PartialDate(year=2021, month=7).precision
        assert DatePrecision.DAY == PartialDate(year=2021, month=8, day=15).precision

    @pytest.mark.parametrize("text", ["2019", "2021-07", "2021-08-15", "0001-01-01"])
    def test_parse_and_str_round_trip(self, text: str) -> None:
        """The text form reads back to the same date."""
        assert text == str(PartialDate.parse(text))

    @pytest.mark.parametrize(
        ("fields", "field"),
        [
            ({"year": 2021, "month": 2, "day": 29}, "day"),
            ({"year": 2021, "month": 13}, "month"),
            ({"year": 0}, "year"),
            ({"year": 2021, "day": 3}, "day"),
        ],
    )
    def test_impossible_dates_are_refused(self, fields: dict[str, int], field: str) -> None:
        """A day that the month does not have, month 13, year 0, or a day without a month."""
        with pytest.raises(InvalidValueError) as caught:
            PartialDate(**fields)
        assert field == caught.value.field

    def test_leap_day_is_accepted_in_a_leap_year(self) -> None:
        """29 February exists in 2020."""
        assert "2020-02-29" == str(PartialDate(year=2020, month=2, day=29))

    def test_earliest_and_latest_span_the_precision(self) -> None:
        """A month means its first to its last day."""
        july = PartialDate(year=2021, month=7)
        assert (dt.date(2021, 7, 1), dt.date(2021, 7, 31)) == (july.earliest, july.latest)

    def test_role_cannot_end_before_it_starts(self) -> None:
        """A role's end is not before its start; overlapping precisions are fine."""
        with pytest.raises(InvalidValueError, match="before the start") as caught:
            Role(title="vice president", start=PartialDate(year=2019), end=PartialDate(year=2018))
        assert "end" == caught.value.field
        same_year = Role(
            title="x", start=PartialDate(year=2019), end=PartialDate(year=2019, month=1)
        )
        assert same_year.end is not None


class TestShape:
    def test_objects_are_frozen(self) -> None:
        """Model objects cannot be changed after they are built."""
        person = Person(id="p", name="P")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            person.name = "Q"  # type: ignore[misc]

    def test_sequences_become_tuples(self) -> None:
        """Lists given to a sequence field are stored as tuples."""
        built = article(paragraphs=[Paragraph(id="p1", text="Text.")], authors=["x"])
        assert (Paragraph(id="p1", text="Text."),) == built.paragraphs
        assert ("x",) == built.authors

    def test_a_string_is_not_a_sequence_of_ids(self) -> None:
        """Passing one string where a sequence is expected is refused, not split into letters."""
        with pytest.raises(InvalidValueError, match="expected a sequence") as caught:
            article(authors="someone")
        assert "authors" == caught.value.field

    def test_items_of_the_wrong_type_are_refused(self) -> None:
        """A collection holds only its own type."""
        with pytest.raises(InvalidValueError, match="expected a Person, got a Paragraph") as caught:
            article(people=[Paragraph(id="p1", text="x")])
        assert "people.0" == caught.value.field

    def test_keyword_only(self) -> None:
        """Objects are built with keywords only, so field order never matters to callers."""
        with pytest.raises(TypeError):
            PartialDate(2021)  # type: ignore[call-arg]

    def test_index_finds_objects_by_id(self) -> None:
        """``Article.index`` maps each id to its object."""
        attribution = Attribution(
            id="at", channel=Channel.TWEET, verification=Verification.VERIFIED
        )
        quote = Quote(id="q", text="hi", kind=QuoteKind.DIRECT, attribution="at")
        built = article(attributions=[attribution], quotes=[quote])
        assert {"at": attribution, "q": quote} == dict(built.index)

    def test_word_count_counts_body_paragraphs_only(self) -> None:
        """Asides (an about-the-team box) are not part of the story's word count."""
        from newsarticle import ParagraphRole

        built = article(
            paragraphs=[
                Paragraph(id="p1", text="three short words"),
                Paragraph(id="p2", text="not counted here", role=ParagraphRole.ASIDE),
            ]
        )
        assert 3 == built.word_count


def test_partial_dates_read_from_one_text_are_one_object() -> None:
    """PartialDate.parse gives the same immutable object for the same text, and stays
    correct when more dates are read than it keeps."""
    assert PartialDate.parse("2021-08") is PartialDate.parse("2021-08")
    for year in range(1000, 1000 + model._DATES_KEPT + 10):
        assert PartialDate(year=year) == PartialDate.parse(str(year))
    assert len(model._DATES) <= model._DATES_KEPT
    assert PartialDate(year=2021, month=8, day=18) == PartialDate.parse("2021-08-18")
