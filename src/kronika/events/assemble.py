"""Assembling event records: who speaks in a quote, every source paired with every target, the event dict, and which
of two records of one (source, type, target) keeps the clearer evidence. Used by pipeline/events.py."""
from __future__ import annotations

from spacy.tokens import Span, Token

from kronika.events.arguments import Args
from kronika.events.lexicon import Predicate
from kronika.events.mentions import Mention, sector_nouns
from kronika.plover import goldstein, quad_class, valid_mode

SYMMETRIC = frozenset({"AGREE", "CONSULT", "COOPERATE"})


def speaker(tok: Token, quotes: list[Span]) -> dict | None:
    for q in quotes:
        if q.start <= tok.i < q.end:
            info = q._.quote or {}
            code = info.get("speaker_actor")
            if code and not _commentator(info.get("speaker") or "", tok.doc.lang_):
                return {"actor": code, "sector": "GOV", "text": info.get("speaker") or "", "start": None,
                        "end": None}
    return None


def _commentator(speaker: str, lang: str) -> bool:
    """Whether a quote's speaker is an expert or analyst (sector '-' in sector_nouns.tsv): their words are
    opinions, no act of their polity. Compared by the first six letters, which spans Polish inflection."""
    nouns = sector_nouns(lang if lang in ("pl", "en") else "en")
    stems = {k[:6] for k, v in nouns.items() if v == "-" and len(k) >= 6}
    return any(w.lower()[:6] in stems for w in speaker.split() if len(w) >= 6)


def pairs(args: Args, etype: str, speaker: dict | None, fallback: dict | None = None,
           bare: bool = False):
    """(source, target) argument dicts: every source of a coordination with every target; `fallback` is a
    domestic target (its actor None = each source's own country) used when no actor target was found."""
    sources = [m.as_arg(sector(m)) for m in args.sources] or ([speaker] if speaker else [])
    targets = [m.as_arg(sector(m, target=True)) for m in args.targets]
    seen = set()
    if not targets and fallback is not None:
        for s in sources:
            if s.get("sector") != "-" and s["actor"] not in seen:
                seen.add(s["actor"])
                yield s, dict(fallback, actor=fallback["actor"] or s["actor"])
        return
    if not targets and etype in SYMMETRIC and len(sources) > 1:
        for a in sources:
            for b in sources:
                if a["actor"] != b["actor"] and (a["actor"], b["actor"]) not in seen:
                    seen.add((a["actor"], b["actor"]))
                    yield a, b
        return
    if not targets and not bare:
        return
    if not targets and etype == "PROTEST":
        # a protest with no addressee named is aimed at the protesters' own authorities
        for s in sources:
            if s.get("sector") != "-" and s["actor"] not in seen:
                seen.add(s["actor"])
                yield s, {"actor": s["actor"], "sector": "GOV", "text": s.get("text"), "start": None, "end": None}
        return
    for s in sources:
        if s.get("sector") == "-":
            continue
        for t in targets or [None]:
            if t is not None and t["actor"] == s["actor"] and (t["sector"] == s["sector"] or not t["sector"]):
                continue
            key = (s["actor"], t and t["actor"])
            if key not in seen:
                seen.add(key)
                yield s, t


def sector(m: Mention, target: bool = False) -> str | None:
    return m.sector or (None if target else "GOV")


def event(row: Predicate, src: dict, tgt: dict | None, mod: str, conf: float) -> dict | None:
    if not src or not src.get("actor"):
        return None
    return {"type": row.type, "mode": valid_mode(row.type, row.mode), "source": src, "target": tgt,
            "modality": mod, "confidence": round(conf, 2), "cameo": row.cameo,
            "goldstein": goldstein(row.type, row.cameo), "quad_class": quad_class(row.type)}


_RANK = {"asserted": 0, "future": 1, "historical": 2, "hypothetical": 3, "negated": 4}


def better(new: dict, old: dict) -> bool:
    """Keep the clearest evidence: a visible modality over a hidden one, then higher confidence."""
    a, b = _RANK[new["modality"]] >= 3, _RANK[old["modality"]] >= 3
    if a != b:
        return b
    return new["confidence"] > old["confidence"]
