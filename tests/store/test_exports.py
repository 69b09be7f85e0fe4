"""Exports parse back: GDELT TSV columns, PLOVER JSON Lines, Parquet via pyarrow, CSV."""
from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest

from kronika.store import exports
from kronika.store.sqlparts import QueryError
from tests.store.synth import event, record

T = "Russia shelled Ukraine.\tUkraine blamed Russia. NATO may respond."


@pytest.fixture
def filled(store):
    store.add_records([
        record("a1", T, events=[
            event("ASSAULT", "RUS", "UKR", 0, 22, T, goldstein=-10.0, quad="material_conflict", cameo="190"),
            event("ACCUSE", "UKR", "RUS", 24, 45, T, goldstein=-2.0, quad="verbal_conflict"),
            event("THREATEN", "NATO", "RUS", 47, 64, T, goldstein=-7.0, quad="verbal_conflict",
                  modality="hypothetical")]),
        record("a2", "Second article about nothing in particular."),
    ])
    store.add_record(record("a2", "Second article, changed."))     # a second version
    return store


def test_gdelt_tsv_has_the_61_columns_and_the_facts(filled, tmp_path):
    out = tmp_path / "events.tsv"
    assert exports.export(filled, "gdelt", out) == {"events": 2}      # the hypothetical one is not a GDELT event
    lines = out.read_text(encoding="utf-8").splitlines()
    assert all(len(line.split("\t")) == 61 for line in lines)
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert list(rows[0]) == list(exports.GDELT_COLUMNS) and len(exports.GDELT_COLUMNS) == 61
    first = rows[0]
    assert first["Actor1Code"] == "RUSGOV" and first["Actor1CountryCode"] == "RUS" and first["Actor2Code"] == "UKR"
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == ("190", "190", "19")
    assert first["QuadClass"] == "4" and float(first["GoldsteinScale"]) == -10.0
    assert first["SQLDATE"] == "20240110" and first["MonthYear"] == "202401" and first["IsRootEvent"] == "1"
    assert first["SOURCEURL"] == "https://news.example.org/a1" and len(first["DATEADDED"]) == 14
    assert int(first["GLOBALEVENTID"]) > 0 and rows[1]["QuadClass"] == "3" and rows[1]["EventCode"] == ""
    nato = exports.export(filled, "gdelt", tmp_path / "all.tsv", modalities=["hypothetical"])
    assert nato == {"events": 1}
    row = list(csv.DictReader((tmp_path / "all.tsv").open(encoding="utf-8"), delimiter="\t"))[0]
    assert row["Actor1KnownGroupCode"] == "NATO" and row["Actor1CountryCode"] == ""


def test_plover_json_lines(filled, tmp_path):
    out = tmp_path / "plover.jsonl"
    assert exports.export(filled, "plover", out) == {"events": 3}
    objs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    for key in ("event_id", "event_date", "event_type", "mode", "context", "source_actor", "source_sector",
                "target_actor", "target_sector", "story_id", "event_text", "modality"):
        assert all(key in o for o in objs), key
    o = objs[0]
    assert (o["event_type"], o["source_actor"], o["target_actor"], o["story_id"]) == ("ASSAULT", "RUS", "UKR", "a1")
    assert o["event_text"] == T[0:22] and o["event_date"] == "2024-01-10"
    assert len({o["event_id"] for o in objs}) == 3


def test_parquet_and_csv_tables(filled, tmp_path):
    counts = exports.export(filled, "parquet", tmp_path / "pq")
    assert counts["articles"] == 2 and counts["events"] == 3
    arts = pq.read_table(tmp_path / "pq" / "articles.parquet").to_pylist()
    assert {(a["id"], a["version"]) for a in arts} == {("a1", 1), ("a2", 2)}
    assert arts[0]["authors"] == ["Jan Kowalski"]
    evs = pq.read_table(tmp_path / "pq" / "events.parquet")
    assert evs.num_rows == 3 and "evidence" in evs.column_names and "event_date" in evs.column_names
    assert exports.export(filled, "parquet", tmp_path / "pqall", all_versions=True)["articles"] == 3
    counts = exports.export(filled, "csv", tmp_path / "csv")
    rows = list(csv.DictReader((tmp_path / "csv" / "articles.csv").open(encoding="utf-8")))
    assert len(rows) == counts["articles"] == 2 and json.loads(rows[0]["authors"]) == ["Jan Kowalski"]
    assert rows[0]["text"] == T        # tabs and line breaks survive CSV quoting
    ev = list(csv.DictReader((tmp_path / "csv" / "events.csv").open(encoding="utf-8")))
    assert len(ev) == 3 and ev[0]["start_char"] == "0"


def test_unknown_format(filled, tmp_path):
    with pytest.raises(QueryError):
        exports.export(filled, "xml", tmp_path / "x")
