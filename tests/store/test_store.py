"""Writing to the store: idempotent ingest, versions, the schema version and migrations."""
from __future__ import annotations

import pytest

from kronika.errors import KronikaError
from kronika.store import Store, default_path, queries
from kronika.store.migrations import SCHEMA_VERSION, ensure_schema, stored_version
from tests.store.synth import event, record, synthetic

TEXT = "Russia attacked Ukraine on Monday, officials said."


def counts(st: Store) -> dict:
    return {t: st.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("articles", "entities", "actors", "actor_mentions", "quotes", "sources", "events")}


def test_same_article_twice_is_stored_once(store):
    rec = record("a1", TEXT, events=[event("ASSAULT", "RUS", "UKR", 0, 23, TEXT)])
    assert store.add_record(rec) == "added"
    before = counts(store)
    assert store.add_record(dict(rec)) == "unchanged"
    report = store.add_records([rec, rec])
    assert (report.added, report.unchanged, report.new_versions) == (0, 2, 0)
    assert counts(store) == before
    assert before["articles"] == 1 and before["events"] == 1 and before["actor_mentions"] == 1


def test_changed_text_is_a_new_version_and_queries_read_the_latest(store):
    store.add_record(record("a1", TEXT, events=[event("ASSAULT", "RUS", "UKR", 0, 23, TEXT)]))
    text2 = TEXT.replace("attacked", "accused")
    assert store.add_record(record("a1", text2, events=[event("ACCUSE", "RUS", "UKR", 0, 22, text2)])) == \
        "new_version"
    rows = store.con.execute("SELECT version, current FROM articles ORDER BY version").fetchall()
    assert rows == [(1, False), (2, True)]
    assert [e["type"] for e in queries.events(store)] == ["ACCUSE"]
    art = queries.article(store, "a1")
    assert art["version"] == 2 and art["text"] == text2 and len(art["versions"]) == 2
    assert queries.article(store, "a1", version=1)["events"][0]["type"] == "ASSAULT"
    assert queries.count(store, "articles") == 1
    # the first text again is a third version, not a return to version 1
    assert store.add_record(record("a1", TEXT)) == "new_version"
    assert queries.article(store, "a1")["version"] == 3


def test_two_versions_in_one_batch_leave_one_current(store):
    report = store.add_records([record("a1", TEXT), record("a1", TEXT + " More."), record("a2", TEXT)])
    assert (report.added, report.new_versions) == (2, 1)
    assert store.con.execute("SELECT id, version FROM articles WHERE current ORDER BY id").fetchall() == \
        [("a1", 2), ("a2", 1)]


def test_reopening_keeps_what_was_stored(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path) as st:
        st.add_records(synthetic(i) for i in range(20))
    with Store(path) as st:
        report = st.add_records(synthetic(i) for i in range(25))
        assert (report.added, report.unchanged) == (5, 20)
    with Store(path, read_only=True) as st:
        assert queries.count(st, "articles") == 25
        with pytest.raises(KronikaError):
            st.add_record(synthetic(99))


def test_schema_version_and_migrations(tmp_path):
    path = tmp_path / "m.duckdb"
    with Store(path) as st:
        assert stored_version(st.con) == SCHEMA_VERSION
        step = {SCHEMA_VERSION + 1: lambda con: con.execute("ALTER TABLE events ADD COLUMN context VARCHAR")}
        assert ensure_schema(st.con, target=SCHEMA_VERSION + 1, steps=step) == SCHEMA_VERSION + 1
        cols = [r[0] for r in st.con.execute("DESCRIBE events").fetchall()]
        assert "context" in cols
    # this kronika reads SCHEMA_VERSION: a newer store is refused, read-only or not
    with pytest.raises(KronikaError, match="newer"):
        Store(path)
    with pytest.raises(KronikaError, match="schema version"):
        Store(path, read_only=True)


def test_a_failed_migration_step_leaves_the_previous_version(tmp_path):
    with Store(tmp_path / "f.duckdb") as st:
        def bad(con):
            con.execute("ALTER TABLE events ADD COLUMN x INTEGER")
            raise RuntimeError("boom")
        with pytest.raises(RuntimeError):
            ensure_schema(st.con, target=SCHEMA_VERSION + 1, steps={SCHEMA_VERSION + 1: bad})
        assert stored_version(st.con) == SCHEMA_VERSION
        assert "x" not in [r[0] for r in st.con.execute("DESCRIBE events").fetchall()]


def test_missing_store_read_only_and_default_path(tmp_path, monkeypatch):
    with pytest.raises(KronikaError, match="no store"):
        Store(tmp_path / "nothing.duckdb", read_only=True)
    monkeypatch.setenv("KRONIKA_DB", str(tmp_path / "env.duckdb"))
    assert default_path() == tmp_path / "env.duckdb"
    monkeypatch.delenv("KRONIKA_DB")
    assert str(default_path()) == "kronika.duckdb"


def test_event_date_from_text_else_publication(store):
    evs = [event("ASSAULT", "RUS", "UKR", 0, 23, TEXT, date="2023-12-30"), event("ACCUSE", "UKR", "RUS", 0, 23, TEXT)]
    store.add_record(record("a1", TEXT, published="2024-01-10T09:00:00+01:00", events=evs))
    got = {e["type"]: (e["event_date"], e["date_from"]) for e in queries.events(store)}
    assert got == {"ASSAULT": ("2023-12-30", "text"), "ACCUSE": ("2024-01-10", "published")}
    store.add_record(record("a2", TEXT, published=None, events=[event("AID", "POL", "UKR", 0, 23, TEXT)]))
    assert queries.events(store, type="AID")[0]["event_date"] is None


def test_records_without_id_are_refused(store):
    with pytest.raises(KronikaError):
        store.add_record({"text": "x"})


def test_a_failed_batch_is_rolled_back_whole_and_the_store_stays_usable(store):
    store.batch_size = 4
    store.add_records(synthetic(i) for i in range(4))
    calls = []

    def fail_second():
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("disk full")

    store.before_commit = fail_second
    with pytest.raises(RuntimeError):
        store.add_records(synthetic(i) for i in range(4, 16))
    assert counts(store)["articles"] == 8            # the first batch of the second call committed, the next did not
    store.before_commit = None
    report = store.add_records(synthetic(i) for i in range(16))
    assert (report.added, report.unchanged) == (8, 8)
    assert counts(store)["events"] == sum(1 + i % 3 for i in range(16))
