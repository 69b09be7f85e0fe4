#!/usr/bin/env python3
"""`make bench`: kronika's speed and memory on a news corpus, with 1 and 2 workers.

Uses ../shared/corpus/polsat_2025_pl.jsonl when present, else a corpus generated here from the project's own example
articles. Prints articles/s, words/s and peak memory per worker, and the speed of spaCy's bare Polish tokenizer on the
same texts (the floor no pipeline can beat), as a ratio.
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
    a = ap.parse_args()
    records, origin = load_corpus(a.limit)
    words = sum(len(r.text.split()) for r in records)
    print(f"corpus: {len(records)} articles, {words:,} words ({origin})")

    import spacy

    tok = spacy.blank("pl").tokenizer
    t0 = time.perf_counter()
    for r in records:
        tok(r.text)
    tok_rate = len(records) / (time.perf_counter() - t0)

    from kronika.loading import load

    t0 = time.perf_counter()
    load("pl")
    print(f"pipeline load: {time.perf_counter() - t0:.2f} s; stages: {', '.join(load('pl').pipe_names)}")
    run(records[:5], 1)  # warm caches
    rows = []
    secs, ok = run(records, 1)
    rows.append((1, secs, ok, peak_mb(resource.RUSAGE_SELF)))
    secs, ok = run(records, 2)
    rows.append((2, secs, ok, peak_mb(resource.RUSAGE_CHILDREN)))
    print(f"{'workers':>7} {'articles/s':>11} {'words/s':>10} {'peak MB/worker':>15} {'vs tokenizer':>13}")
    for w, secs, ok, mb in rows:
        rate = ok / secs
        print(f"{w:>7} {rate:>11.1f} {words / secs:>10,.0f} {mb:>15.0f} {rate / tok_rate:>12.3f}x")
    print(f"spaCy bare Polish tokenizer: {tok_rate:.1f} articles/s (one core)")
    print(f"speed-up with 2 workers: {rows[0][1] / rows[1][1]:.2f}x (2-worker time includes starting the workers)")


if __name__ == "__main__":
    sys.exit(main())
