"""The read-only endpoints over a store of four hand-made articles."""
from __future__ import annotations

import pytest


def test_articles_list_is_paginated_with_totals(client):
    page = client.get("/api/articles", params={"limit": 2}).json()
    assert page["total"] == 4 and page["limit"] == 2 and page["offset"] == 0
    assert [a["id"] for a in page["items"]] == ["feeds/kz/004", "en-003"]    # newest first
    nxt = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    assert [a["id"] for a in nxt["items"]] == ["pl-002", "pl-001"]
    assert set(nxt["items"][1]["actors"]) == {"RUS", "UKR"} and nxt["items"][1]["events"] == 2


@pytest.mark.parametrize("params, ids", [
    ({"q": "stambul"}, {"pl-002"}),
    ({"actor": "kaz"}, {"feeds/kz/004"}),
    ({"since": "2023-03-01"}, {"en-003", "feeds/kz/004"}),
    ({"until": "2023-01"}, set()),
    ({"until": "2023-01-31"}, {"pl-001"}),
])
def test_articles_filters(client, params, ids):
    page = client.get("/api/articles", params=params).json()
    assert {a["id"] for a in page["items"]} == ids and page["total"] == len(ids)


def test_article_has_text_and_every_annotation_with_spans(client):
    art = client.get("/api/articles/pl-001").json()
    text = art["text"]
    assert art["title"].startswith("Rosja")
    rus = next(a for a in art["actors"] if a["code"] == "RUS")
    assert all(text[m["start"]:m["end"]] == m["text"] for m in rus["spans"])
    ev = art["events"][0]
    assert ev["type"] == "ASSAULT" and ev["source"]["actor"] == "RUS" and ev["target"]["actor"] == "UKR"
    assert text[ev["start"]:ev["end"]] == ev["evidence"]
    q = art["quotes"][0]
    assert q["speaker"] == "Wołodymyr Zełenski" and text[q["start"]:q["end"]] == q["text"]
    assert art["sources"][0]["name"] == "Reuters"


def test_article_ids_with_slashes_and_unknown_ids(client):
    assert client.get("/api/articles/feeds/kz/004").json()["id"] == "feeds/kz/004"
    assert client.get("/api/articles/feeds%2Fkz%2F004").status_code == 200
    r = client.get("/api/articles/no-such-article")
    assert r.status_code == 404 and "no-such-article" in r.json()["detail"]


def test_events_filters(client):
    assert client.get("/api/events").json()["total"] == 7
    page = client.get("/api/events", params={"source": "RUS"}).json()
    assert [e["type"] for e in page["items"]] == ["CONSULT", "ASSAULT"]
    assert client.get("/api/events", params={"type": "SANCTION,COERCE"}).json()["total"] == 1
    assert client.get("/api/events", params={"modality": "future"}).json()["items"][0]["type"] == "AGREE"
    hit = client.get("/api/events", params={"text": "KORYTARZ"}).json()
    assert hit["total"] == 0
    hit = client.get("/api/events", params={"text": "corridor"}).json()
    assert hit["items"][0]["article_id"] == "en-003"
    assert client.get("/api/events", params={"actor": "KAZ", "since": "2023-03", "until": "2023-03-31"}
                      ).json()["total"] == 1


def test_quotes_and_actors(client):
    qs = client.get("/api/quotes", params={"actor": "UKR"}).json()
    assert qs["total"] == 3
    assert client.get("/api/quotes", params={"speaker": "kułeba"}).json()["items"][0]["text"] == "To pierwszy krok"
    assert client.get("/api/quotes", params={"outlet": "bbc"}).json()["total"] == 1
    actors = client.get("/api/actors").json()
    codes = [a["code"] for a in actors["items"]]
    assert set(codes) == {"RUS", "UKR", "EU", "KAZ"} and actors["total"] == 4
    kaz = client.get("/api/actors/KAZ").json()
    assert kaz["partners"][0]["code"] == "RUS"
    assert client.get("/api/actors/XYZ").status_code == 404


def test_relations_per_month_with_score_and_evidence(client):
    rel = client.get("/api/relations", params={"a": "rus", "b": "UKR", "by": "month"}).json()
    assert rel["a"] == "RUS" and rel["b"] == "UKR" and "Goldstein" in rel["score_note"]
    rows = {r["period"]: r for r in rel["rows"]}
    assert list(rows) == ["2023-01", "2023-02", "2023-03"]
    jan = rows["2023-01"]
    assert jan["a_to_b"] == 1 and jan["b_to_a"] == 1 and jan["types"] == {"ACCUSE": 1, "ASSAULT": 1}
    assert jan["score"] < 0 < rows["2023-02"]["score"]
    ex = jan["examples"][0]
    art = client.get(f"/api/articles/{ex['article_id']}").json()
    assert art["text"][ex["start"]:ex["end"]] == ex["evidence"]
    assert {ex["source"], ex["target"]} == {"RUS", "UKR"}


@pytest.mark.parametrize("url", [
    "/api/articles?limit=0", "/api/articles?limit=abc", "/api/articles?offset=-1", "/api/articles?since=2023-13-45",
    "/api/events?type=DANCE", "/api/events?modality=maybe", "/api/events?until=yesterday",
    "/api/relations?a=RUS", "/api/relations?a=RUS&b=RUS", "/api/relations?a=RUS&b=UKR&by=decade",
    "/api/articles?q=" + "x" * 600,
])
def test_malformed_requests_get_4xx_with_a_message(client, url):
    r = client.get(url)
    assert 400 <= r.status_code < 500, (url, r.status_code, r.text)
    assert isinstance(r.json()["detail"], str) and r.json()["detail"]


def test_openapi_docs_and_workbench_are_served(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/events", "/api/quotes", "/api/actors",
                 "/api/relations", "/api/analyze", "/api/ingest"):
        assert path in spec["paths"], path
    assert client.get("/docs").status_code == 200
    page = client.get("/")
    assert page.status_code == 200 and '<script type="module" src="/static/js/app.js">' in page.text
    for asset in ("/static/style.css", "/static/js/app.js", "/static/js/annotate.js", "/static/js/chart.js",
                  "/static/js/views/relations.js"):
        assert client.get(asset).status_code == 200, asset
    assert "http://" not in page.text and "https://" not in page.text     # nothing from a CDN
