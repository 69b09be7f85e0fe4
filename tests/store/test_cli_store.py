"""The store's commands end to end: ingest (with the real pipeline), queries, relations JSON, export, exit codes."""
from __future__ import annotations

import json

import pytest

from kronika.cli import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out = capsys.readouterr()
    return exc.value.code, out.out, out.err


@pytest.fixture
def corpus(tmp_path, pl_article, en_article):
    p = tmp_path / "in.jsonl"
    rows = [json.dumps({"id": "pl1", "text": pl_article, "published": "2023-02-03T14:05:00+01:00"}), "{broken",
            json.dumps({"id": "en1", "text": en_article, "published": "2023-02-07T10:00:00+00:00"})]
    p.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return p


def test_ingest_twice_query_and_export(capsys, tmp_path, corpus, pl_article):
    db = str(tmp_path / "k.duckdb")
    rc, _out, err = run(capsys, "ingest", str(corpus), "--db", db)
    assert rc == 1 and "skipped" in err and "2 added" in err          # the broken line is reported and skipped
    rc, events1, _ = run(capsys, "events", "--db", db, "--format", "json", "--limit", "1000")
    assert rc == 0
    rc, _out, err = run(capsys, "ingest", str(corpus), "--db", db)
    assert rc == 1 and "2 unchanged" in err and "0 added" in err
    rc, events2, _ = run(capsys, "events", "--db", db, "--format", "json", "--limit", "1000")
    assert json.loads(events1) == json.loads(events2) and len(json.loads(events1)) > 0

    rc, out, _ = run(capsys, "relations", "JPN", "KOR", "--by", "month", "--format", "json", "--db", db)
    rows = json.loads(out)
    assert rc == 0 and rows and rows[0]["period"] == "2023-02" and rows[0]["events"] >= 1
    assert all(ex["article_id"] == "en1" for ex in rows[0]["examples"])
    rc, out, _ = run(capsys, "relations", "JPN", "KOR", "--db", db)
    assert rc == 0 and "2023-02" in out
    for cmd in (["actors"], ["quotes"], ["articles"], ["events", "--actor", "JPN"], ["quotes", "--format", "csv"]):
        rc, out, err = run(capsys, *cmd, "--db", db)
        assert rc == 0 and out.strip(), (cmd, err)
    rc, out, _ = run(capsys, "article", "pl1", "--db", db)
    assert rc == 0 and json.loads(out)["text"] == pl_article

    rc, _, err = run(capsys, "export", "--format", "gdelt", "--out", str(tmp_path / "e.tsv"), "--db", db)
    assert rc == 0 and (tmp_path / "e.tsv").read_text(encoding="utf-8").startswith("GLOBALEVENTID\t")
    rc, _, _ = run(capsys, "export", "--format", "parquet", "--out", str(tmp_path / "pq"), "--db", db)
    assert rc == 0 and (tmp_path / "pq" / "events.parquet").exists()

    changed = tmp_path / "changed.jsonl"
    changed.write_text(json.dumps({"id": "pl1", "text": pl_article + "\nDodatkowe zdanie."}) + "\n", encoding="utf-8")
    rc, _, err = run(capsys, "ingest", str(changed), "--db", db)
    assert rc == 0 and "1 new versions" in err


def test_usage_errors_are_one_line(capsys, tmp_path):
    db = str(tmp_path / "none.duckdb")
    rc, _, err = run(capsys, "events", "--db", db)
    assert rc == 1 and len(err.strip().splitlines()) == 1 and "no store" in err
    rc, _, err = run(capsys, "ingest", str(tmp_path / "missing.jsonl"), "--db", db)
    assert rc == 2
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{broken\n", encoding="utf-8")
    rc, _, err = run(capsys, "ingest", str(bad), "--db", db)
    assert rc == 1 and "no record could be stored" in err
    for args in (["events", "--type", "FLY"], ["relations", "RUS", "RUS"], ["events", "--format", "xml"],
                 ["relations", "RUS", "UKR", "--by", "hour"], ["export", "--format", "xml", "--out", "x"]):
        rc, _, err = run(capsys, *args, "--db", db)
        assert rc == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err, args
