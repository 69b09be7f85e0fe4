"""Doc -> output record: the one place that knows the JSON contract (shared/eval/OUTPUT.md).

Every field is present even when its stage is absent from the pipeline, so consumers never branch on missing keys.
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from kronika.kb.loader import actor_name
from kronika.pipeline.extensions import ACTOR_MENTIONS, EVENTS, PLACE_MENTIONS, QUOTES, SOURCE_MENTIONS

ENTITY_LABELS = {"PER", "ORG", "LOC", "GPE", "EVT", "PRO"}


def _entities(doc: Doc) -> list[dict]:
    out = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        out.append({"start": ent.start_char, "end": ent.end_char, "text": ent.text,
                    "lemma": ent._.lemma or ent.text, "label": "LOC" if ent.label_ == "GPE" else ent.label_,
                    "actor": ent._.actor})
    return out


def _actors(doc: Doc) -> list[dict]:
    spans = [sp for key in (ACTOR_MENTIONS, PLACE_MENTIONS) if key in doc.spans for sp in doc.spans[key]]
    spans.sort(key=lambda sp: (sp.start, sp.end))
    counts: Counter[str] = Counter()
    mentions: dict[str, list[dict]] = {}
    names: dict[str, str] = {}
    for sp in spans:
        code = sp.label_ or sp._.actor   # label_: extensions are keyed by offsets, shared by same-span spans
        counts[code] += 1
        names.setdefault(code, actor_name(code, doc._.language or doc.lang_) or sp.kb_id_ or code)
        mentions.setdefault(code, []).append({"start": sp.start_char, "end": sp.end_char, "text": sp.text,
                                              "sector": sp._.sector})
    return [{"code": c, "name": names[c], "mentions": n, "spans": mentions[c]} for c, n in counts.most_common()]


def _sources(doc: Doc) -> list[dict]:
    spans = doc.spans[SOURCE_MENTIONS] if SOURCE_MENTIONS in doc.spans else []
    by_name: dict[str, dict] = {}
    for sp in spans:
        entry = by_name.setdefault(sp.label_, {"name": sp.label_, "mentions": []})
        entry["mentions"].append({"start": sp.start_char, "end": sp.end_char, "text": sp.text})
    return list(by_name.values())


def _quotes(doc: Doc) -> list[dict]:
    spans = doc.spans[QUOTES] if QUOTES in doc.spans else []
    out = []
    for sp in spans:
        q = sp._.quote or {}
        out.append({"start": sp.start_char, "end": sp.end_char, "text": sp.text, "kind": sp.label_ or "direct",
                    "speaker": q.get("speaker"), "speaker_actor": q.get("speaker_actor"),
                    "speaker_span": q.get("speaker_span"), "cue": q.get("cue")})
    return out


def _events(doc: Doc) -> list[dict]:
    spans = doc.spans[EVENTS] if EVENTS in doc.spans else []
    return [dict(sp._.event or {}, start=sp.start_char, end=sp.end_char, evidence=sp.text) for sp in spans]


def _tokens(doc: Doc) -> list[dict]:
    """Token-level layers for debugging views (--format conllu): why a later stage decided what it did."""
    ent_iob = {}
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            ent_iob[i] = ("B-" if i == ent.start else "I-") + ent.label_
    actor_at = {}
    if ACTOR_MENTIONS in doc.spans:
        for sp in doc.spans[ACTOR_MENTIONS]:
            for i in range(sp.start, sp.end):
                actor_at.setdefault(i, sp.label_)
    return [{"i": t.i, "text": t.text, "start": t.idx, "lemma": t.lemma_, "pos": t.pos_, "tag": t.tag_,
             "morph": str(t.morph), "head": t.head.i if t.has_dep() else None, "dep": t.dep_ or None,
             "sent_start": bool(t.is_sent_start), "ent": ent_iob.get(t.i), "actor": actor_at.get(t.i),
             "space": t.whitespace_} for t in doc]


def to_record(doc: Doc, with_tokens: bool = False) -> dict:
    """The output record of an analysed Doc (with the token layer only when asked: it is large)."""
    rec = doc._.record or {}
    meta = doc._.meta or {}
    out = {
        "id": rec.get("id"),
        "url": rec.get("url"),
        "language": doc._.language or doc.lang_,
        "language_score": doc._.language_score,
        "title": meta.get("title"),
        "authors": meta.get("authors") or [],
        "published": meta.get("published"),
        "published_date": meta.get("published_date") or (meta.get("published") or "")[:10] or None,
        "reading_time_min": meta.get("reading_time_min"),
        "body_start": doc._.body_start,
        "actors": _actors(doc),
        "entities": _entities(doc),
        "sources": _sources(doc),
        "quotes": _quotes(doc),
        "events": _events(doc),
    }
    if with_tokens:
        out["tokens"] = _tokens(doc)
    return out
