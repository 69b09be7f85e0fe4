#!/usr/bin/env python3
"""`make bench`: kronika's speed and memory on a news corpus, with 1 and 2 workers.

Uses ../shared/corpus/polsat_2025_pl.jsonl when present, else a corpus generated here from the project's own example
articles. Prints articles/s, words/s and peak memory per worker, and the speed of spaCy's bare Polish tokenizer on the
same texts (the floor no pipeline can beat), as a ratio.

Then the store: `kronika ingest` speed against bare analysis on the same articles (target: at least 90%), and query
latency on a store of synthetic events generated directly in SQL (`--store-events`, default 200,000): the median of
`relations RUS UKR --by month` (target: under 200 ms), of a filtered `events` page and of `actors`.
`--store-only` skips the analysis benchmarks and the ingest comparison.
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_CORPUS = ROOT.parent / "shared" / "corpus" / "polsat_2025_pl.jsonl"


def load_corpus(limit: int) -> tuple[list, str]:
    from kronika.records import Record

    if SHARED_CORPUS.exists():
        rows = [json.loads(line) for line in SHARED_CORPUS.open(encoding="utf-8") if line.strip()][:limit]
        return [Record(id=r["id"], text=r["text"], url=r.get("url")) for r in rows], str(SHARED_CORPUS)
    base = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*_pl.txt"))]
    recs = [Record(id=f"gen-{i}", text=base[i % len(base)].replace("2024", str(2000 + i % 25)))
            for i in range(min(limit, 300))]
    return recs, "generated from examples/*_pl.txt"


def run(records: list, workers: int) -> tuple[float, int]:
    from kronika.analysis import analyze_stream

    t0 = time.perf_counter()
    ok = sum(1 for _rec, res in analyze_stream(iter(records), lang="pl", workers=workers) if isinstance(res, dict))
    return time.perf_counter() - t0, ok


def peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=1000, help="at most this many articles")
    ap.add_argument("--ingest-limit", type=int, default=100, help="articles for the ingest-vs-analyze comparison")
    ap.add_argument("--store-events", type=int, default=200_000, help="synthetic events for the query benchmark")
    ap.add_argument("--store-only", action="store_true", help="only the store's query benchmark")
    a = ap.parse_args()
    if a.store_only:
        bench_queries(a.store_events)
        return
    records, origin = load_corpus(a.limit)
    words = sum(len(r.text.split()) for r in records)
    print(f"corpus: {len(records)} articles, {words:,} words ({origin})")

    import spacy

    tok = spacy.blank("pl").tokenizer
    for r in records:   # first pass fills the vocabulary, as a warm pipeline's has been
        tok(r.text)
    t0 = time.perf_counter()
    for r in records:
        tok(r.text)
    tok_rate = len(records) / (time.perf_counter() - t0)

    from kronika.loading import load

    t0 = time.perf_counter()
    load("pl")
    print(f"pipeline load: {time.perf_counter() - t0:.2f} s; stages: {', '.join(load('pl').pipe_names)}")
    run(records[:5], 1)  # warm caches
    frame = ["kronika_language", "kronika_metadata", "kronika_sentences"]
    nlp = load("pl")
    with nlp.select_pipes(enable=frame):   # the whole analysis path (language id, output record), these stages only
        run(records, 1)
        secs, ok = run(records, 1)
    print(f"reading stages only ({', '.join(frame)}): {ok / secs:.1f} articles/s (one core, warm)")
    rows = []
    c0 = time.process_time()
    secs, ok = run(records, 1)
    cpu_rate = ok / (time.process_time() - c0)
    rows.append((1, secs, ok, peak_mb(resource.RUSAGE_SELF)))
    secs, ok = run(records, 2)
    rows.append((2, secs, ok, peak_mb(resource.RUSAGE_CHILDREN)))
    print(f"{'workers':>7} {'articles/s':>11} {'words/s':>10} {'peak MB/worker':>15} {'vs tokenizer':>13}")
    for w, secs, ok, mb in rows:
        rate = ok / secs
        print(f"{w:>7} {rate:>11.1f} {words / secs:>10,.0f} {mb:>15.0f} {rate / tok_rate:>12.3f}x")
    print(f"spaCy bare Polish tokenizer: {tok_rate:.1f} articles/s (one core)")
    print(f"1 worker by CPU time (what one core gives when the machine is not shared): {cpu_rate:.1f} articles/s, "
          f"{cpu_rate * words / len(records):,.0f} words/s")
    print(f"speed-up with 2 workers: {rows[0][1] / rows[1][1]:.2f}x (2-worker time includes starting the workers)")
    bench_ingest(records[: a.ingest_limit])
    bench_queries(a.store_events)


def bench_ingest(records: list, rounds: int = 2) -> None:
    """Articles/s of `Store.ingest` (analysis + writing, into a new store) against analysis alone, one worker.

    Analysis and ingest alternate for `rounds` rounds and the best time of each counts, so that warming caches and
    other processes' load favour neither. CPU time of this process (one worker: all the work is here) is shown too.
    """
    import tempfile

    from kronika.store import Store

    best_a = best_i = (float("inf"), 0.0)
    report = again = None
    secs_again = 0.0
    for _ in range(rounds):
        t0, c0 = time.perf_counter(), time.process_time()
        _secs, ok = run(records, 1)
        best_a = min(best_a, (time.perf_counter() - t0, time.process_time() - c0))
        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as st:
            t0, c0 = time.perf_counter(), time.process_time()
            report = st.ingest(iter(records), lang="pl")
            best_i = min(best_i, (time.perf_counter() - t0, time.process_time() - c0))
            t0 = time.perf_counter()
            again = st.ingest(iter(records), lang="pl")
            secs_again = time.perf_counter() - t0
    stored = report.added + report.new_versions
    a_rate, i_rate = ok / best_a[0], stored / best_i[0]
    print(f"store ingest ({len(records)} articles, 1 worker, best of {rounds}): {i_rate:.1f} articles/s vs analyze "
          f"{a_rate:.1f} articles/s = {i_rate / a_rate:.0%} by wall time, "
          f"{(stored / best_i[1]) / (ok / best_a[1]):.0%} by CPU time (target >= 90%); {report}")
    print(f"store re-ingest of the same articles: {len(records) / secs_again:,.0f} articles/s ({again})")


def bench_queries(n_events: int) -> None:
    """Median latency of store queries on a synthetic store of `n_events` events (rows generated in SQL)."""
    import statistics
    import tempfile

    from kronika.plover import TYPES, goldstein, quad_class
    from kronika.store import Store, queries

    codes = ["RUS", "UKR", "RUS", "UKR", "POL", "DEU", "USA", "FRA", "GBR", "CHN", "KAZ", "BLR", "NATO", "EU",
             "TUR", "HUN", "LTU", "LVA", "EST", "ROU"]
    n_articles = max(n_events // 5, 1)
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "q.duckdb") as st:
        t0 = time.perf_counter()
        con = st.con
        con.execute("CREATE TEMP TABLE tq AS SELECT unnest(?) AS type, unnest(?) AS quad, unnest(?) AS gs",
                    [list(TYPES), [quad_class(t) for t in TYPES], [goldstein(t) for t in TYPES]])
        con.execute("""
            INSERT INTO articles SELECT 'syn-' || i, 1, md5(i::VARCHAR), true, 'https://example.org/' || i,
                   'Synthetic article ' || i, ['Bench'], strftime(d, '%Y-%m-%dT12:00:00+00:00'), d, 'pl',
                   'Synthetic article text number ' || i || '.', now()::TIMESTAMP, ['RUS', 'UKR'], 5, 0
            FROM (SELECT i, (DATE '2020-01-01' + (hash(i) % 2190)::INTEGER) AS d FROM range(?) t(i))""",
                    [n_articles])
        con.execute("""
            INSERT INTO events SELECT 'syn-' || a || ':1:' || j, 'syn-' || a, 1, true, j, tq.type, NULL,
                   list_extract(['asserted', 'asserted', 'asserted', 'future', 'historical', 'negated'],
                                1 + (hash(j * 7) % 6)::INTEGER),
                   0.5 + (hash(j * 11) % 50) / 100.0, NULL, tq.gs, tq.quad,
                   src, 'GOV', src, 0, 3, tgt, NULL, tgt, 10, 13, 0, 40, 'Synthetic evidence sentence ' || j, d,
                   'published'
            FROM (SELECT j, j % ? AS a, list_extract(?, 1 + (hash(j) % ?)::INTEGER) AS src,
                         list_extract(?, 1 + (hash(j * 3) % ?)::INTEGER) AS tgt,
                         1 + (hash(j * 5) % 16)::INTEGER AS k FROM range(?) t(j)) e
            JOIN (SELECT row_number() OVER (ORDER BY type) AS k, * FROM tq) tq USING (k)
            JOIN (SELECT id, published_date AS d FROM articles) ar ON ar.id = 'syn-' || e.a""",
                    [n_articles, codes, len(codes), codes, len(codes), n_events])
        con.execute("CHECKPOINT")
        n = con.execute("SELECT count(*) FROM events").fetchone()[0]
        print(f"store: {n:,} synthetic events in {n_articles:,} articles, built in {time.perf_counter() - t0:.1f} s")

        def timed(label: str, fn, repeat: int = 21, note: str = "") -> None:
            """Median wall time, and median CPU time of this process (all DuckDB threads): on a busy machine the
            CPU time shows what the query costs when it has the cores to itself."""
            fn()
            wall, cpu = [], []
            for _ in range(repeat):
                w, c = time.perf_counter(), time.process_time()
                fn()
                wall.append((time.perf_counter() - w) * 1000)
                cpu.append((time.process_time() - c) * 1000)
            print(f"  {label:<48} {statistics.median(wall):>7.1f} ms median "
                  f"({statistics.median(cpu):.1f} ms CPU){note}")

        rel = queries.relations(st, "RUS", "UKR", by="month")
        timed("relations RUS UKR --by month", lambda: queries.relations(st, "RUS", "UKR"),
              note=f"; {len(rel)} periods, {sum(r['events'] for r in rel):,} events; target < 200 ms")
        timed("relations RUS UKR --by week", lambda: queries.relations(st, "RUS", "UKR", by="week"))
        timed("events --actor RUS --type ASSAULT (100 rows)", lambda: queries.events(st, actor="RUS", type="ASSAULT"))
        timed("count events --actor RUS", lambda: queries.count(st, "events", actor="RUS"))
        timed("articles (50 rows)", lambda: queries.articles(st))
        timed("article syn-7 with annotations", lambda: queries.article(st, "syn-7"))
        timed("actors (100 rows)", lambda: queries.actors(st), repeat=5)


if __name__ == "__main__":
    sys.exit(main())
