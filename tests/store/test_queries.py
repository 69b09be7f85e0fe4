"""Reading the store: filters, pagination, relations rows and their scores, and injection strings."""
from __future__ import annotations

import pytest

from kronika.store import queries
from kronika.store.sqlparts import QueryError
from tests.store.synth import event, record, synthetic

T = "Russia shelled Ukraine. Ukraine blamed Russia. Both sides agreed to talk. Russia may strike again."


@pytest.fixture
def rel_store(store):
    """RUS-UKR events over three months, one dated by its text into the month before publication."""
    store.add_records([
        record("jan1", T, published="2024-01-05T10:00:00+01:00", events=[
            event("ASSAULT", "RUS", "UKR", 0, 22, T, goldstein=-10.0, quad="material_conflict", confidence=0.9),
            event("ACCUSE", "UKR", "RUS", 24, 45, T, goldstein=-2.0, quad="verbal_conflict", confidence=0.7),
            event("THREATEN", "RUS", "UKR", 74, 97, T, goldstein=-7.0, quad="verbal_conflict",
                  modality="hypothetical"),
            event("AGREE", "RUS", "UKR", 47, 72, T, goldstein=4.0, quad="verbal_cooperation", date="2023-12-20")]),
        record("jan2", T + " x", published="2024-01-20T10:00:00+01:00", events=[
            event("AGREE", "UKR", "RUS", 47, 72, T, goldstein=4.0, quad="verbal_cooperation", confidence=0.6)]),
        record("feb1", T + " y", published="2024-02-02T10:00:00+01:00", events=[
            event("AID", "POL", "UKR", 0, 22, T, goldstein=7.4, quad="material_cooperation"),
            event("AGREE", "RUS", "UKR", 47, 72, T, goldstein=4.0, quad="verbal_cooperation")]),
    ])
    return store


def test_relations_rows_counts_and_scores(rel_store):
    rows = queries.relations(rel_store, "RUS", "UKR", by="month")
    assert [r["period"] for r in rows] == ["2023-12", "2024-01", "2024-02"]
    dec, jan, feb = rows
    assert (dec["events"], dec["a_to_b"], dec["b_to_a"]) == (1, 1, 0)
    assert (jan["events"], jan["a_to_b"], jan["b_to_a"]) == (3, 1, 2)      # the hypothetical threat is left out
    assert jan["types"] == {"ACCUSE": 1, "AGREE": 1, "ASSAULT": 1}
    assert jan["types_a_to_b"] == {"ASSAULT": 1} and jan["types_b_to_a"] == {"ACCUSE": 1, "AGREE": 1}
    assert jan["score"] == pytest.approx((-10 - 2 + 4) / 3, abs=1e-3)
    assert jan["quad_score"] == pytest.approx((1 - 2) / 3, abs=1e-3)
    assert feb["events"] == 1 and feb["score"] == 4.0 and feb["quad_score"] == 1.0   # POL->UKR is not theirs
    ex = jan["examples"]
    assert len(ex) == 3 and ex[0]["article_id"] == "jan1"
    assert {e["evidence"] for e in ex} >= {T[0:22]}
    assert all(T[e["start"]:e["end"]] == e["evidence"] for e in ex)
    # swapping the actors swaps the directions
    rev = queries.relations(rel_store, "ukr", "rus")
    assert [(r["a_to_b"], r["b_to_a"]) for r in rev] == [(0, 1), (2, 1), (0, 1)]


def test_relations_options(rel_store):
    all_mods = queries.relations(rel_store, "RUS", "UKR", modalities=None)
    assert sum(r["events"] for r in all_mods) == 6
    days = queries.relations(rel_store, "RUS", "UKR", by="day", since="2024-01-01", until="2024-01-31")
    assert [r["period"] for r in days] == ["2024-01-05", "2024-01-20"]
    weeks = queries.relations(rel_store, "RUS", "UKR", by="week")
    assert weeks[0]["period"] == "2023-W51" and weeks[0]["period_start"] == "2023-12-18"
    assert queries.relations(rel_store, "RUS", "UKR", examples=1)[1]["examples"][0]["article_id"] == "jan1"
    for bad in (dict(a="RUS", b="RUS"), dict(a="RUS", b="UKR", by="hour"), dict(a="", b="UKR"),
                dict(a="RUS", b="UKR", modalities="sure"), dict(a="RUS", b="UKR", since="yesterday")):
        with pytest.raises(QueryError):
            queries.relations(rel_store, **bad)


def test_event_filters_and_counts(rel_store):
    assert queries.count(rel_store, "events") == 7
    assert len(queries.events(rel_store, actor="POL")) == 1
    assert {e["type"] for e in queries.events(rel_store, source="UKR")} == {"ACCUSE", "AGREE"}
    assert len(queries.events(rel_store, target="RUS")) == 2
    assert len(queries.events(rel_store, type="agree,aid")) == 4
    assert len(queries.events(rel_store, modality=["hypothetical"])) == 1
    assert len(queries.events(rel_store, since="2024-01-06", until="2024-01-31")) == 1
    assert len(queries.events(rel_store, since="2024-02")) == 2
    assert queries.events(rel_store, text="BLAMED")[0]["type"] == "ACCUSE"
    page1 = queries.events(rel_store, limit=3)
    page2 = queries.events(rel_store, limit=3, offset=3)
    assert len(page1) == 3 and not {e["event_id"] for e in page1} & {e["event_id"] for e in page2}
    assert queries.count(rel_store, "events", type="AGREE", limit=1) == 3
    e = queries.events(rel_store, type="AID")[0]
    assert e["source"] == {"actor": "POL", "sector": "GOV", "text": "POL", "start": 0, "end": 3}
    assert e["url"].endswith("feb1") and e["event_date"] == "2024-02-02"
    for bad in (dict(type="FLY"), dict(limit=0), dict(offset=-1), dict(until="2024-13-01"), dict(limit="x")):
        with pytest.raises(QueryError):
            queries.events(rel_store, **bad)


def test_articles_quotes_actors(rel_store):
    arts = queries.articles(rel_store)
    assert [a["id"] for a in arts] == ["feb1", "jan2", "jan1"]
    assert arts[2]["events"] == 4 and arts[2]["actors"] == ["RUS"]
    assert [a["id"] for a in queries.articles(rel_store, q="SHELLED", since="2024-01-10")] == ["feb1", "jan2"]
    assert queries.count(rel_store, "articles", actor="RUS") == 3
    assert queries.articles(rel_store, actor="FRA") == []
    assert len(queries.quotes(rel_store, speaker="nowak")) == 3
    assert len(queries.quotes(rel_store, actor="POL", outlet="reuters")) == 3
    assert len(queries.quotes(rel_store, outlet="news.example.org/jan1")) == 1
    assert queries.quotes(rel_store, outlet="bbc") == []
    q = queries.quotes(rel_store, limit=1)[0]
    assert q["speaker_span"] == [0, 4] and q["text"] == T[q["start"]:q["end"]]
    acts = {a["code"]: a for a in queries.actors(rel_store)}
    assert acts["RUS"]["articles"] == 3 and acts["RUS"]["mentions"] == 3
    assert (acts["RUS"]["events_as_source"], acts["RUS"]["events_as_target"]) == (4, 2)
    assert acts["POL"]["events_as_source"] == 1 and acts["POL"]["articles"] == 0
    assert queries.count(rel_store, "actors") == len(acts) == 3
    one = queries.actor(rel_store, "rus")
    assert one["partners"][0]["code"] == "UKR" and one["partners"][0]["events"] == 6
    assert queries.actor(rel_store, "XYZ") is None
    art = queries.article(rel_store, "jan1")
    assert art["sources"] == [{"name": "Reuters", "mentions": [{"start": 7, "end": 14, "text": T[7:14]}]}]
    assert art["actors"][0]["spans"][0]["sector"] == "GOV" and len(art["events"]) == 4
    assert queries.article(rel_store, "nope") is None


INJECTIONS = ["RUS' OR '1'='1", "'; DROP TABLE articles; --", "%", "_", "\" OR 1=1 --", "RUS) OR (1=1",
              "x' UNION SELECT * FROM articles --", "\\", "\x00"]


@pytest.mark.parametrize("s", INJECTIONS)
def test_injection_strings_are_plain_values(rel_store, s):
    assert queries.events(rel_store, actor=s) == []
    assert queries.events(rel_store, text=s) == []
    assert queries.articles(rel_store, q=s) == []
    assert queries.articles(rel_store, actor=s) == []
    assert queries.quotes(rel_store, speaker=s, outlet=s) == []
    assert queries.actors(rel_store, q=s) == []
    assert queries.article(rel_store, s) is None
    assert queries.actor(rel_store, s) is None
    assert queries.relations(rel_store, s, "UKR") == []
    assert queries.count(rel_store, "articles") == 3          # nothing was dropped or changed


def test_queries_run_on_many_threads(rel_store):
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda _i: len(queries.relations(rel_store, "RUS", "UKR")), range(12)))
    assert set(got) == {3}


def test_synthetic_store_counts(store):
    store.add_records(synthetic(i) for i in range(60))
    assert queries.count(store, "articles") == 60
    assert queries.count(store, "events") == sum(1 + i % 3 for i in range(60))
