import pytest

from kronika.pipeline.metadata import find_date, normalise_published, parse_byline, read_header


def test_polish_header_gives_title_author_time_and_reading_time(pl_article):
    meta = read_header(pl_article, "pl", {})
    assert meta["title"] == "Węgry blokują pakiet sankcji. Bruksela szuka kompromisu"
    assert meta["authors"] == ["Anna Nowicka"]
    assert meta["published"] == "2023-02-03T14:05:00+01:00"     # winter: CET
    assert meta["reading_time_min"] == 2
    assert pl_article[meta["body_start"]:].lstrip().startswith("Rząd Węgier")


@pytest.mark.parametrize("line,expected", [
    ("25 czerwca 2021, 08:10", "2021-06-25T08:10:00+02:00"),            # summer: CEST
    ("Publikacja artykułu: 7 listopada 2020, 23:59", "2020-11-07T23:59:00+01:00"),
    ("Aktualizacja: 2024-03-31T01:30:00Z", "2024-03-31T01:30:00+00:00"),
    ("12.10.2019 17:45", "2019-10-12T17:45:00+02:00"),
])
def test_polish_dates_are_aware_warsaw_times(line, expected):
    from datetime import datetime

    got = find_date(line, "pl")
    assert got is not None
    assert datetime.fromisoformat(got) == datetime.fromisoformat(expected)
    assert datetime.fromisoformat(got).utcoffset() is not None


def test_a_sentence_is_not_a_date():
    assert find_date("Rząd przyjął ustawę o obronie.", "pl") is None


@pytest.mark.parametrize("line,expected", [
    ("Alicja Nowak", ["Alicja Nowak"]),
    ("Piotr Wiśniewski, Katarzyna Lis", ["Piotr Wiśniewski", "Katarzyna Lis"]),
    ("Autor: Zbigniew Kruk", ["Zbigniew Kruk"]),
    ("Rosja Atakuje Ukrainę", None),          # capitalised words, but not a person's name
    ("Kreml milczy.", None),
])
def test_polish_bylines(line, expected):
    assert parse_byline(line, "pl") == expected


def test_english_byline_needs_its_prefix(en_article):
    assert parse_byline("By Tom Harris", "en") == ["Tom Harris"]
    assert parse_byline("Trade Talks Resume", "en") is None
    meta = read_header(en_article, "en", {})
    assert meta["title"].startswith("Japan and South Korea")
    assert meta["authors"] == ["Tom Harris"]
    assert meta["published"] is None


def test_given_fields_win_and_naive_times_get_the_language_zone():
    meta = read_header("Tytuł z tekstu\n\nTreść artykułu.", "pl", {"title": "Tytuł podany", "published": "2022-07-25T22:16"})
    assert meta["title"] == "Tytuł podany"
    assert meta["published"] == "2022-07-25T22:16:00+02:00"
    assert normalise_published("2022-12-25T10:00:00", "pl").endswith("+01:00")


def test_date_from_url_when_the_text_has_none():
    meta = read_header("Tytuł\n\nTreść.", "pl", {"url": "https://example.pl/wiadomosc/2025-12-04/cos-sie-stalo/"})
    assert meta["published"] is None and meta["published_date"] == "2025-12-04"
