"""Hand-made output records (the analyser's contract, OUTPUT.md) for store tests: fast, no pipeline needed.

No pytest import here: kill_child.py loads this in a subprocess that should start quickly.
"""
from __future__ import annotations

TYPES = [("ASSAULT", -10.0, "material_conflict"), ("ACCUSE", -2.0, "verbal_conflict"),
         ("AGREE", 4.0, "verbal_cooperation"), ("AID", 7.4, "material_cooperation")]
PAIRS = [("RUS", "UKR"), ("UKR", "RUS"), ("POL", "UKR"), ("NATO", "RUS")]


def event(etype: str, src: str, tgt: str | None, start: int, end: int, text: str, *, modality: str = "asserted",
          goldstein: float | None = None, quad: str | None = None, date: str | None = None,
          confidence: float = 0.8, cameo: str | None = None) -> dict:
    ev = {"type": etype, "mode": None, "source": {"actor": src, "sector": "GOV", "text": src, "start": start,
                                                  "end": start + 3},
          "target": {"actor": tgt, "sector": None, "text": tgt, "start": end - 3, "end": end} if tgt else None,
          "modality": modality, "confidence": confidence, "cameo": cameo, "goldstein": goldstein,
          "quad_class": quad, "start": start, "end": end, "evidence": text[start:end]}
    if date:
        ev["date"] = date
    return ev


def record(rid: str, text: str, published: str | None = "2024-01-10T09:00:00+01:00", events: list | None = None,
           **extra) -> dict:
    """A complete output record over `text` with one actor, entity, quote and cited source."""
    rec = {"id": rid, "url": f"https://news.example.org/{rid}", "language": "en", "title": text[:30],
           "authors": ["Jan Kowalski"], "published": published, "published_date": (published or "")[:10] or None,
           "text": text,
           "actors": [{"code": "RUS", "name": "Russia", "mentions": 1,
                       "spans": [{"start": 0, "end": 6, "text": text[:6], "sector": "GOV"}]}],
           "entities": [{"start": 0, "end": 6, "text": text[:6], "lemma": text[:6], "label": "LOC", "actor": "RUS"}],
           "sources": [{"name": "Reuters", "mentions": [{"start": 7, "end": 14, "text": text[7:14]}]}],
           "quotes": [{"start": 2, "end": 12, "text": text[2:12], "kind": "direct", "speaker": "Anna Nowak",
                       "speaker_actor": "POL", "speaker_span": [0, 4], "cue": "said"}],
           "events": events if events is not None else []}
    rec.update(extra)
    return rec


def synthetic(i: int, variant: int = 0) -> dict:
    """Record number i: deterministic text, date and 1-3 events (changes with `variant`)."""
    text = f"Article {i} variant {variant}: " + "Moscow and Kyiv exchanged statements. " * (1 + i % 3)
    month = 1 + i % 12
    evs = []
    for k in range(1 + i % 3):
        etype, gs, quad = TYPES[(i + k) % len(TYPES)]
        src, tgt = PAIRS[(i + 2 * k) % len(PAIRS)]
        evs.append(event(etype, src, tgt, 0, 20 + k, text, goldstein=gs, quad=quad))
    return record(f"s{i:05d}", text, published=f"2024-{month:02d}-{1 + i % 28:02d}T08:00:00+00:00", events=evs)
