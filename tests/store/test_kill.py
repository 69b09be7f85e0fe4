"""An ingest killed with SIGKILL leaves whole articles only, and running it again ends as one clean run would."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kronika.store import Store

CHILD = Path(__file__).with_name("kill_child.py")
N, BATCH = 64, 8
pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def child(db: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(CHILD), str(db), str(N), str(BATCH), *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def dump(db: Path) -> dict:
    """Every table's rows, without the ingest time (the only thing two runs may differ in)."""
    with Store(db, read_only=True) as st:
        out = {}
        for t in ("articles", "entities", "actors", "actor_mentions", "quotes", "sources", "events"):
            cols = "* EXCLUDE (ingested_at)" if t == "articles" else "*"
            out[t] = st.con.execute(f"SELECT {cols} FROM {t} ORDER BY ALL").fetchall()
        return out


def assert_whole(db: Path) -> int:
    """No half-stored article: each stored article has exactly the facts its record has. Returns the count."""
    from tests.store.synth import synthetic

    with Store(db, read_only=True) as st:
        ids = [r[0] for r in st.con.execute("SELECT id FROM articles").fetchall()]
        n_ev = dict(st.con.execute("SELECT article_id, count(*) FROM events GROUP BY 1").fetchall())
        n_q = dict(st.con.execute("SELECT article_id, count(*) FROM quotes GROUP BY 1").fetchall())
        orphans = st.con.execute("SELECT count(*) FROM events e ANTI JOIN articles a "
                                 "ON a.id = e.article_id AND a.version = e.version").fetchone()[0]
    assert orphans == 0
    for aid in ids:
        rec = synthetic(int(aid[1:]))
        assert n_ev.get(aid, 0) == len(rec["events"]) and n_q.get(aid, 0) == 1, aid
    return len(ids)


def rerun(db: Path):
    """The same ingest again, to completion (in this process: only the killed run needs a process of its own)."""
    from tests.store.synth import synthetic

    with Store(db) as st:
        st.batch_size = BATCH
        return st.add_records(synthetic(i) for i in range(N))


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> dict:
    db = tmp_path_factory.mktemp("clean") / "clean.duckdb"
    rerun(db)
    return dump(db)


@pytest.mark.parametrize("commit", [1, 5])
def test_killed_inside_a_transaction_then_rerun(tmp_path, clean, commit):
    db = tmp_path / "k.duckdb"
    p = child(db, "kill-at-commit", str(commit))
    assert p.wait(60) == -signal.SIGKILL, p.stderr.read()
    assert assert_whole(db) == (commit - 1) * BATCH          # the batch being written is gone, whole
    report = rerun(db)
    assert (report.added, report.unchanged) == (N - (commit - 1) * BATCH, (commit - 1) * BATCH)
    assert dump(db) == clean


@pytest.mark.parametrize("delay", [0.1, 0.3])
def test_killed_at_a_moment_then_rerun(tmp_path, clean, delay):
    db = tmp_path / "t.duckdb"
    p = child(db, "slow", "0.08")           # 8 batches, at least 80 ms each: the kill lands mid-run
    assert p.stdout.readline().strip() == "ready", p.stderr.read()
    time.sleep(delay)
    os.kill(p.pid, signal.SIGKILL)
    assert p.wait(30) == -signal.SIGKILL
    stored = assert_whole(db)
    assert stored % BATCH == 0 and stored < N
    rerun(db)
    assert dump(db) == clean
