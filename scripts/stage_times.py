#!/usr/bin/env python3
"""Share of the pipeline's time spent in each stage, on the benchmark corpus (`make bench` prints the totals)."""
from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import load_corpus  # noqa: E402


def main() -> None:
    from kronika.loading import load

    records, origin = load_corpus(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
    nlp = load("pl")
    spent: dict[str, float] = defaultdict(float)
    for rec in records[:5]:
        nlp(rec.text)
    for rec in records:
        t0 = time.perf_counter()
        doc = nlp.make_doc(rec.text)
        spent["tokenizer"] += time.perf_counter() - t0
        doc._.record = {"id": rec.id, "url": rec.url}
        for name, proc in nlp.pipeline:
            t0 = time.perf_counter()
            doc = proc(doc)
            spent[name] += time.perf_counter() - t0
    total = sum(spent.values())
    print(f"{len(records)} articles ({origin}): {len(records) / total:.1f} articles/s in the pipeline itself")
    for name, secs in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"  {name:22s} {secs:7.2f} s  {100 * secs / total:5.1f}%")


if __name__ == "__main__":
    main()
