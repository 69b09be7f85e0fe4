"""The command line as a user meets it: exit codes, one-line messages, the JSON Lines contract, workers."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

KRONIKA = [sys.executable, "-m", "kronika.cli"]
ROOT = Path(__file__).resolve().parents[1]


def run(*args, stdin=None):
    env = dict(os.environ, COLUMNS="120")
    return subprocess.run(KRONIKA + list(args), capture_output=True, text=True, input=stdin, env=env, cwd=ROOT)


@pytest.fixture
def batch(tmp_path, pl_article, en_article):
    p = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": "pl1", "text": pl_article}), "{broken",
             json.dumps({"id": "de1", "text": "Die Bundesregierung hat am Montag neue Regeln für die Energiepreise "
                                               "beschlossen, teilte ein Sprecher in Berlin mit."}),
             json.dumps({"id": "en1", "text": en_article}), json.dumps({"id": "empty", "text": ""})]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def test_jsonl_output_follows_the_contract_and_skips_bad_records(batch):
    r = run("analyze", str(batch), "--format", "jsonl")
    assert r.returncode == 1, r.stderr
    out = [json.loads(line) for line in r.stdout.splitlines()]
    assert [o["id"] for o in out] == ["pl1", "en1"]
    assert [o["language"] for o in out] == ["pl", "en"]
    for o in out:
        for key in ("title", "authors", "published", "actors", "entities", "sources", "quotes", "events"):
            assert key in o
    assert out[0]["published"] == "2023-02-03T14:05:00+01:00"
    errs = r.stderr.strip().splitlines()
    assert len(errs) == 3 and "Traceback" not in r.stderr
    assert ":2" in errs[0] and "de" in errs[1] and "not supported" in errs[1] and "empty" in errs[2]


def test_two_workers_give_identical_output(batch):
    one = run("analyze", str(batch), "--format", "jsonl")
    two = run("analyze", str(batch), "--format", "jsonl", "--workers", "2")
    assert one.stdout == two.stdout and one.returncode == two.returncode


def test_forced_language_analyses_what_auto_would_refuse(batch):
    r = run("analyze", "-", "--format", "jsonl", "--lang", "pl", stdin="Ein kurzer deutscher Satz über Politik.")
    assert r.returncode == 0 and json.loads(r.stdout)["id"] == "<stdin>"


def test_usage_errors_exit_2_with_one_line():
    for args in (["analyze", "/no/such/path"], ["analyze", "examples/demo_pl.txt", "--format", "xml"],
                 ["analyze", "examples/demo_pl.txt", "--lang", "xx"], ["frobnicate"]):
        r = run(*args)
        assert r.returncode == 2, (args, r.stderr)
        assert len(r.stderr.strip().splitlines()) == 1 and "Traceback" not in r.stderr


def test_table_format_shows_the_title(tmp_path, pl_article):
    p = tmp_path / "a.txt"
    p.write_text(pl_article, encoding="utf-8")
    r = run("analyze", str(p), "--format", "table")
    assert r.returncode == 0 and "Węgry blokują pakiet sankcji" in r.stdout and "Anna Nowicka" in r.stdout


def test_eval_scores_a_gold_file(tmp_path, pl_article):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "g1", "text": pl_article, "meta": {
        "title": "Węgry blokują pakiet sankcji. Bruksela szuka kompromisu", "authors": ["Anna Nowicka"],
        "published": "2023-02-03T14:05:00+01:00"}}) + "\n", encoding="utf-8")
    r = run("eval", str(gold), "--json")
    assert r.returncode == 0, r.stderr
    scores = json.loads(r.stdout)
    assert scores["title_accuracy"] == scores["authors_accuracy"] == scores["published_accuracy"] == 1.0
