"""The organisation gazetteer (kb/data/companies.tsv): its shape, and that it does not collide with the outlet and
named-thing gazetteers, whose names must keep their own labels."""
from __future__ import annotations

from collections import defaultdict

import pytest

from kronika.kb.loader import kb_file
from kronika.resources import read_tsv

COLUMNS = ["name", "label", "lang", "kind", "aliases", "flags"]
KINDS = {"company", "airline", "bank", "central_bank", "energy", "automotive", "tech", "pharma", "defence", "retail",
         "telecom", "shipping", "mining", "consulting", "sports_club", "party", "militia", "ngo", "think_tank",
         "university", "court"}
FLAGS = {"ambiguous", "case_sensitive", "any_case"}


def _header(name: str) -> list[str]:
    with open(kb_file(name), encoding="utf-8") as f:
        return next(ln for ln in f if ln.strip() and not ln.startswith("#")).rstrip("\n").split("\t")


def _forms(row: dict[str, str]) -> list[str]:
    return [row["name"], *(a.strip() for a in row.get("aliases", "").split("|") if a.strip())]


def _plain(form: str) -> str:
    return form.replace("{", "").replace("}", "").casefold()


ROWS = read_tsv(kb_file("companies.tsv"))


def test_header_and_columns():
    assert _header("companies.tsv") == COLUMNS
    if kb_file("named_things.tsv").exists():
        assert _header("named_things.tsv") == COLUMNS
    with open(kb_file("companies.tsv"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip() and not line.startswith("#"):
                assert line.count("\t") == len(COLUMNS) - 1, f"line {n}: {line!r}"


def test_every_row_is_a_well_formed_org():
    assert len(ROWS) >= 800
    for r in ROWS:
        assert r["name"] and r["name"] == r["name"].strip(), r
        assert r["label"] == "ORG", r
        assert r["lang"] in {"pl", "en", "*"}, r
        assert r["kind"] in KINDS, r
        assert set(f for f in r["flags"].split(",") if f) <= FLAGS, r
        for form in _forms(r):
            assert form.count("{") == form.count("}") <= 1, r


def test_no_duplicate_names_or_forms_within_a_language():
    names = [r["name"] for r in ROWS]
    assert len(names) == len(set(names)), sorted(n for n in set(names) if names.count(n) > 1)
    owners: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for r in ROWS:
        for form in _forms(r):
            owners[form].add((r["name"], r["lang"]))
    for form, rows in owners.items():
        for name_a, lang_a in rows:
            for name_b, lang_b in rows:
                if name_a < name_b:
                    assert not ({lang_a, lang_b} & {"*"} or lang_a == lang_b), (form, name_a, name_b)


def test_no_overlap_with_outlets_or_named_things():
    ours = {_plain(f): r["name"] for r in ROWS for f in _forms(r)}
    for other in ("outlets.tsv", "named_things.tsv"):
        if not kb_file(other).exists():
            continue
        theirs = {_plain(f) for r in read_tsv(kb_file(other)) for f in _forms(r)}
        clash = sorted(f for f in ours if f in theirs)
        assert not clash, f"{other}: {clash}"


def test_polish_names_are_polish_rows():
    """A multiword name with Polish words must be a `pl` row, else the loader inflects only its last word."""
    by_name = {r["name"]: r for r in ROWS}
    for name in ("Polska Grupa Energetyczna", "Prawo i Sprawiedliwość", "Koalicja Obywatelska", "Sąd Najwyższy",
                 "Lekarze bez Granic", "Uniwersytet Jagielloński", "Legia Warszawa"):
        assert by_name[name]["lang"] == "pl", name
    for name in ("Orlen", "Gazprom", "Lufthansa", "Lockheed Martin", "Wizz Air"):
        assert by_name[name]["lang"] == "*", name
    assert "ambiguous" in by_name["Apple"]["flags"] and "ambiguous" not in by_name["Gazprom"]["flags"]


def _named_with_companies():
    named = pytest.importorskip("kronika.kb.named")
    if "companies.tsv" not in getattr(named, "SOURCES", ()):
        pytest.skip("kronika.kb.named does not load companies.tsv yet (SOURCES lacks it); the lead wires it in")
    return named


def test_inflected_polish_company_names_are_found():
    named = _named_with_companies()
    text = ("Akcje Orlenu spadły, a Lufthansie grożą kary. Rzecznik Polskiej Grupy Energetycznej "
            "nie komentował umowy z Gazpromem ani zamówień Lockheed Martina.")
    got = {text[a:b]: (base, label) for a, b, base, label in named.find(text, "pl")}
    assert got["Orlenu"] == ("Orlen", "ORG")
    assert got["Lufthansie"] == ("Lufthansa", "ORG")
    assert got["Polskiej Grupy Energetycznej"] == ("Polska Grupa Energetyczna", "ORG")
    assert got["Gazpromem"] == ("Gazprom", "ORG")
    assert got["Lockheed Martina"] == ("Lockheed Martin", "ORG")


def test_ambiguous_company_needs_context_or_mid_sentence_capital():
    named = _named_with_companies()
    text = "Apple nie rośnie na każdym drzewie. Inwestorzy koncernu Apple czekają na wyniki."
    hits = [(text[a:b], base, label) for a, b, base, label in named.find(text, "pl")]
    assert hits == [("Apple", "Apple", "ORG")]                  # only the one after "koncernu"
    assert named.find(text, "pl")[0][0] == text.index("Apple", 10)
