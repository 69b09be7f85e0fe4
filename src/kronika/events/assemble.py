"""Assembling event records: who speaks in a quote, every source paired with every target, the event dict, and which
of two records of one (source, type, target) keeps the clearer evidence. Used by pipeline/events.py."""
from __future__ import annotations

from spacy.tokens import Span, Token

from kronika.events.arguments import Args
from kronika.events.lexicon import Predicate
from kronika.events.mentions import Mention, sector_nouns, tag_class
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


def main_verb(tok: Token, lang: str) -> bool:
    """A finite verb that states an act of its own, not an infinitive or a verb inside a modifier ('rejected an
    offer to host a summit', 'unless he arranged a ceasefire')."""
    if lang == "pl":
        return tag_class(tok) in ("fin", "praet", "bedzie")
    if not tok.doc.has_annotation("TAG"):
        return True                         # no tagger: word order alone decides
    if not (tok.tag_ or "").startswith("VB") or tok.tag_ in ("VB", "VBG"):
        return False
    if tok.doc.has_annotation("DEP"):
        return tok.dep_ in ("ROOT", "ccomp", "conj", "parataxis")
    return True


# sectors of bodies that do not act for their polity: companies, media, commentators
_NOT_POLITY = frozenset({"BUS", "MED", "-"})


def _names_polity(m: Mention, lang: str) -> bool:
    """Whether a source mention stands for its polity rather than only qualifying some other body ('China's Baoshan
    Steel said it was delaying', 'polska firma'): a bare name, or a modifier of a role noun (sector_nouns.tsv)."""
    if m.adjective and m.head is None:
        return False
    if lang != "en":
        return True
    root, doc = m.span.root, m.span.doc
    roles = {k: v for k, v in sector_nouns("en").items() if v not in _NOT_POLITY}
    if doc.has_annotation("DEP") and root.dep_ in ("nmod:poss", "amod", "compound", "poss") and root.head.i != root.i:
        return root.head.lemma_.lower() in roles
    if m.end < len(doc) and doc[m.end].lower_ in ("'s", "’s"):
        # no parse: the possessed phrase up to its head noun ('Iran's largest bank', 'Iran's foreign ministry')
        phrase = [t.lower_ for t in doc[m.end + 1:min(len(doc), m.end + 5)]]
        return any(w in roles or w.rstrip("s") in roles for w in phrase)
    return True


def polity_sources(sources: list[Mention], lang: str) -> list[dict]:
    """Source argument dicts of the mentions that stand for their polity (see _names_polity)."""
    return [src for m in sources if _names_polity(m, lang) and (src := m.as_arg(sector(m))).get("sector") != "-"]


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
