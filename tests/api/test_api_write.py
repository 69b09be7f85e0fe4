"""POST /api/analyze (nothing stored, size limit, language errors) and POST /api/ingest (token only)."""
from __future__ import annotations

from sample_records import TOKEN


def test_analyze_returns_the_record_with_its_text_and_stores_nothing(client):
    before = client.get("/api/articles").json()["total"]
    text = "Polska i Rosja rozmawiały. Polska protestuje."
    r = client.post("/api/analyze", json={"text": text, "lang": "pl", "title": "Próba"})
    assert r.status_code == 200, r.text
    rec = r.json()
    assert rec["text"] == text and rec["title"] == "Próba"
    pol = next(a for a in rec["actors"] if a["code"] == "POL")
    assert [text[s["start"]:s["end"]] for s in pol["spans"]] == ["Polska", "Polska"]
    assert client.get("/api/articles").json()["total"] == before


def test_analyze_limits_and_errors(client):
    r = client.post("/api/analyze", json={"text": "a" * 200_001})
    assert r.status_code == 413 and "200,000" in r.json()["detail"]
    assert client.post("/api/analyze", json={"text": "a" * 200_000}).status_code == 200
    r = client.post("/api/analyze", json={"text": "Das ist ein Text in deutscher Sprache."})
    assert r.status_code == 422 and "not supported" in r.json()["detail"]
    r = client.post("/api/analyze", json={"text": "Polska", "lang": "xx"})
    assert r.status_code == 422 and "xx" in r.json()["detail"]
    assert client.post("/api/analyze", json={"text": "   "}).status_code == 422
    r = client.post("/api/analyze", content=b"{not json", headers={"Content-Type": "application/json"})
    assert r.status_code == 422 and r.json()["detail"] == "request body is not valid JSON"
    r = client.post("/api/analyze", json={"lang": "pl"})
    assert r.status_code == 422 and "text" in r.json()["detail"]
    big = b'{"text": "' + b"x" * (5 * 1024 * 1024) + b'"}'
    assert client.post("/api/analyze", content=big, headers={"Content-Type": "application/json"}).status_code == 413


def test_writing_is_disabled_without_a_token(client):
    r = client.post("/api/ingest", json={"records": [{"id": "x", "text": "Polska"}]})
    assert r.status_code == 403 and "--token" in r.json()["detail"]


def test_ingest_needs_the_right_token_and_is_idempotent(writer):
    body = {"records": [{"id": "n1", "text": "Polska i Rosja.", "published": "2024-05-01T10:00:00+02:00"},
                        {"id": "n2", "text": "Rosja."}]}
    assert writer.post("/api/ingest", json=body).status_code == 401
    bad = {"Authorization": "Bearer wrong"}
    assert writer.post("/api/ingest", json=body, headers=bad).status_code == 401
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = writer.post("/api/ingest", json=body, headers=auth)
    assert r.status_code == 200, r.text
    assert r.json()["added"] == 2
    again = writer.post("/api/ingest", json=body, headers=auth).json()
    assert again["added"] == 0 and again["unchanged"] == 2
    changed = writer.post("/api/ingest", json={"records": [{"id": "n2", "text": "Rosja i Polska."}]},
                          headers=auth).json()
    assert changed["new_versions"] == 1
    assert writer.get("/api/articles").json()["total"] == 2
    assert writer.get("/api/articles/n2").json()["text"] == "Rosja i Polska."
    assert writer.get("/api/health").json()["writable"] is True


def test_ingest_reports_bad_records_and_stores_the_rest(writer):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    body = {"records": [{"id": "ok", "text": "Polska."}, {"id": "de", "text": "Eine deutsche Sprache."}]}
    out = writer.post("/api/ingest", json=body, headers=auth).json()
    assert out["added"] == 1 and out["skipped"] == 1 and out["problems"][0]["id"] == "de"
    assert writer.post("/api/ingest", json={"records": [{"id": "", "text": "x"}]}, headers=auth).status_code == 422
