"""The given-name lexicon (lang/pl/data/given_names.tsv) that lets kronika call an NER-missed capitalised run a
person: it must be large, clean (no duplicates, valid genders) and free of common words that would make false persons."""
from __future__ import annotations

from collections import Counter

import pytest

from kronika.resources import lang_data, read_tsv


@pytest.fixture(scope="module")
def rows() -> tuple[dict[str, str], ...]:
    return read_tsv(lang_data("pl", "given_names.tsv"))


@pytest.fixture(scope="module")
def names(rows: tuple[dict[str, str], ...]) -> set[str]:
    return {r["name"] for r in rows}


def test_columns_and_size(rows: tuple[dict[str, str], ...]) -> None:
    assert set(rows[0]) == {"name", "gender", "origin"}
    assert len(rows) >= 2500


def test_no_duplicates_and_clean_values(rows: tuple[dict[str, str], ...]) -> None:
    counts = Counter(r["name"] for r in rows)
    assert [n for n, c in counts.items() if c > 1] == []
    assert {r["gender"] for r in rows} <= {"m", "f", "u"}
    assert all(r["name"] and r["origin"] and r["name"][0].isupper() and " " not in r["name"] for r in rows)


def test_sorted_by_origin_then_name(rows: tuple[dict[str, str], ...]) -> None:
    keys = [(r["origin"], r["name"].casefold()) for r in rows]
    assert keys == sorted(keys)


@pytest.mark.parametrize("name, gender, origin", [
    ("Lucía", "f", "es"), ("Lucia", "f", "es"), ("José", "m", "es"), ("Jose", "m", "es"),
    ("Mykoła", "m", "ua_pl"), ("Mykola", "m", "ua_en"), ("Ołena", "f", "ua_pl"), ("Jewhen", "m", "ua_pl"),
    ("Yevhen", "m", "ua_en"), ("Siergiej", "m", "ru_pl"), ("Sergei", "m", "ru_en"), ("Sergey", "m", "ru_en"),
    ("Swietłana", "f", "ru_pl"), ("Swiatłana", "f", "by_pl"), ("Alaksandr", "m", "by_pl"),
    ("Nursułtan", "m", "kk"), ("Żomart", "m", "kk"), ("Chalid", "m", "ar"), ("Khalid", "m", "ar"),
    ("Husajn", "m", "ar"), ("Masud", "m", "fa"), ("Jinping", "u", "zh"), ("Narendra", "m", "in"),
    ("Abiy", "m", "af"), ("Keir", "m", "en"), ("Kamala", "f", "en"), ("Ali", "u", "en"), ("Mikheil", "m", "ka"),
    ("Nikol", "m", "hy"), ("Recep", "m", "tr"), ("Binjamin", "m", "he"), ("Jae-myung", "m", "ko"),
])
def test_sample_names_present(rows: tuple[dict[str, str], ...], name: str, gender: str, origin: str) -> None:
    row = next((r for r in rows if r["name"] == name), None)
    assert row is not None, name
    assert (row["gender"], row["origin"]) == (gender, origin)


@pytest.mark.parametrize("word", [
    # English words and places that would start false persons
    "Will", "May", "June", "Hope", "Grace", "Justice", "King", "Paris", "Georgia", "Jordan", "Israel", "Victoria",
    "Florence", "Sydney", "Washington", "Santiago", "Sofia", "German", "Roman", "Can", "Said", "Chad", "Africa",
    # Polish common words ("Rok temu", "Liga Arabska", "Stan Kalifornia", "Ani Polska, ani ...")
    "Rok", "Rano", "Tania", "Inna", "Liga", "Stan", "Ani", "Lata", "Kadra", "Sami",
    # surnames, titles and particles are not given names
    "Abu", "Sheikh", "Emir", "Sultan", "Khan", "Kagame", "Tokajew", "Wang",
])
def test_excluded_words_absent(names: set[str], word: str) -> None:
    assert word not in names
