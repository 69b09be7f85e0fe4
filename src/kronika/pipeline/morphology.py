"""Polish morphology stage: morfeusz2 readings -> lemma, UPOS, UD feats (and an NKJP tag when no tagger ran).

With a tagger upstream (pl_core predicts full NKJP ctags into token.tag_) this stage only has to pick the morfeusz
reading that fits the predicted tag, which gives the lemma. Without one it disambiguates with a few light,
general rules: class preference from data/tagset.tsv, capitalisation for proper names, preposition government of
case and adjective-noun agreement. English docs never reach this stage.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterable

from spacy.language import Language
from spacy.tokens import Doc

from kronika.lang.pl import morfeusz as mf
from kronika.lang.pl.base_forms import guess_lemma
from kronika.lang.pl.tagset import is_proper, load as load_tagset, to_ud
from kronika.pipeline import extensions

extensions.register()

CASES = ("nom", "gen", "acc", "inst", "dat", "loc", "voc")
NOMINAL = frozenset({"subst", "depr", "ger", "ppron12", "ppron3", "siebie"})
AGREEING = frozenset({"adj", "ppas", "pact", "num", "numcol", "adjp"})
OPEN_NP = AGREEING | frozenset({"adv", "qub", "part", "dig", "ign", "brev", "adja", "interp_hyphen"})
RARE_QUALS = frozenset({"daw.", "przest.", "arch.", "rzad.", "gw.", "reg.", "środ.", "książk.", "poet."})
AGGLUTINATES = frozenset({"em", "m", "eś", "ś", "śmy", "ście", "by", "bym", "byś", "byśmy", "byście"})


@Language.factory(
    "kronika_morphology",
    default_config={"use_tagger_tags": True, "keep_readings": True},
    assigns=["token.lemma", "token.pos", "token.morph", "token.tag"],
    requires=["token.text"],
)
def make_morphology(nlp: Language, name: str, use_tagger_tags: bool, keep_readings: bool) -> "PolishMorphology":
    return PolishMorphology(name, use_tagger_tags=use_tagger_tags, keep_readings=keep_readings)


class PolishMorphology:
    """spaCy component; stateless apart from morfeusz's caches."""

    def __init__(self, name: str = "kronika_morphology", use_tagger_tags: bool = True,
                 keep_readings: bool = True) -> None:
        self.name = name
        self.use_tagger_tags = use_tagger_tags
        self.keep_readings = keep_readings
        load_tagset()

    def __call__(self, doc: Doc) -> Doc:
        tokens = list(doc)
        ctxs = [_context(doc, i) for i in range(len(tokens))]
        cands = [_readings_in_context(t.text, *c) for t, c in zip(tokens, ctxs)]
        tagged = self.use_tagger_tags and any(t.tag_ for t in tokens)
        if tagged:
            choices = []
            for tok, rs, ctx in zip(tokens, cands, ctxs):
                choices.append(_choose_by_tag(tok.text, tok.tag_, _cap_class(tok), ctx) if tok.tag_
                               else _heuristic_single(tok, rs))
        else:
            choices = _disambiguate(tokens, cands)
        for tok, rs, (lemma, tag, proper) in zip(tokens, cands, choices):
            if tok.is_space:
                tok.lemma_, tok.pos_ = tok.text, "SPACE"
                continue
            upos, feats = to_ud(tag, lemma, proper)
            if upos == "NUM" and tok.text[:1].isdigit():
                feats = feats.replace("NumForm=Word", "NumForm=Digit")
            tok.lemma_ = lemma
            tok.pos_ = upos
            tok.set_morph(feats or None)
            if not tok.tag_ or not self.use_tagger_tags:
                tok.tag_ = tag
            if self.keep_readings:
                tok._.readings = [(r.lemma, r.tag) for r in rs]
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)


# ----------------------------------------------------------------------------------------------------- readings

def _context(doc: Doc, i: int) -> tuple[str, str]:
    """The bits of context that change a token's readings: an agglutinate's host, a following "." or "-"."""
    tok = doc[i]
    prev = nxt = ""
    if i > 0 and tok.text in AGGLUTINATES and not doc[i - 1].whitespace_ and doc[i - 1].is_alpha:
        prev = doc[i - 1].text
    if i + 1 < len(doc) and not tok.whitespace_ and doc[i + 1].text in (".", "-") and tok.is_alpha:
        nxt = doc[i + 1].text
    return prev, nxt


@lru_cache(maxsize=200_000)
def _readings_in_context(text: str, prev: str, nxt: str) -> tuple[mf.Reading, ...]:
    if prev:
        rs = tuple(mf.Reading(mf.clean_lemma(s.lemma), s.tag, s.lemma, s.names, s.quals, 1)
                   for s in mf.trailing_readings(prev, text) if s.form == text)
        if rs:
            return rs
    plain = mf.readings(text)
    if nxt:
        lead = mf.leading_readings(text, nxt)
        if nxt == "-" and any(r.tag == "adja" for r in lead):
            return lead
        if nxt == "." and any(r.tag.startswith("brev:pun") for r in lead):
            if all(r.tag == "ign" for r in plain) or len(text) <= 4:
                return lead
    return plain


def _cap_class(tok: Any) -> int:
    """0 lowercase, 1 capitalised at sentence start, 2 capitalised mid-sentence."""
    if not tok.text[:1].isupper():
        return 0
    return 1 if tok.is_sent_start or tok.i == 0 or tok.nbor(-1).text in {'"', "„", "«", "(", "-", "–", ":"} else 2


@lru_cache(maxsize=100_000)
def _base_scores(text: str, cap: int, rs: tuple[mf.Reading, ...]) -> tuple[float, ...]:
    """Context-free score of each reading (higher = better)."""
    ts = load_tagset()
    out = []
    for r in rs:
        s = -float(ts.rank(r.tag))
        proper = is_proper(r.lemma, r.names)
        if any(q in RARE_QUALS for q in r.quals):
            s -= 8
        if cap == 0 and r.lemma[:1].isupper():
            s -= 30
        elif cap == 2:
            s += 6 if proper else (-2 if r.lemma[:1].islower() else 0)
        elif cap == 1 and proper:
            s -= 3
        if r.n_segments > 1:
            s -= 1
        out.append(s)
    return tuple(out)


def _guess(text: str, tag: str, cap: int) -> str:
    if cap and tag.startswith(("subst", "depr")):
        return guess_lemma(text, tag)
    return text


@lru_cache(maxsize=200_000)
def _choose_by_tag(text: str, tag: str, cap: int, ctx: tuple[str, str]) -> tuple[str, str, bool]:
    """(lemma, tag, proper) for a token whose NKJP tag the tagger predicted."""
    rs = _readings_in_context(text, *ctx)
    tp = tag.split(":")
    cls = tp[0]
    alias = {"qub": "part", "part": "qub"}.get(cls, cls)
    base = _base_scores(text, cap, rs)
    best, best_key = None, None
    for r, b in zip(rs, base):
        rp = mf.tag_parts(r.tag)
        rc = next(iter(rp[0]))
        same = rc == cls or rc == alias
        hits = sum(1 for j, v in enumerate(tp[1:], 1) if j < len(rp) and v in rp[j])
        upos_same = load_tagset().upos_class(r.tag) == load_tagset().upos_class(tag)
        key = (same, upos_same, hits, b)
        if best_key is None or key > best_key:
            best, best_key = r, key
    if best is None or best.tag == "ign" or not (best_key[0] or best_key[1]):
        lemma = _guess(text, tag, cap) if (best is None or best.tag == "ign") else best.lemma
        proper = cap > 0 and cls in ("subst", "depr") and (best is None or best.tag == "ign")
        return lemma, tag, proper
    proper = is_proper(best.lemma, best.names) and (cap > 0 or not best.lemma[:1].isupper())
    lemma = best.lemma
    if cap == 0 and lemma[:1].isupper() and not proper:
        lemma = lemma[:1].lower() + lemma[1:]
    return lemma, tag, proper and cls in ("subst", "depr")


def _heuristic_single(tok: Any, rs: tuple[mf.Reading, ...]) -> tuple[str, str, bool]:
    return _disambiguate([tok], [rs])[0]


# ------------------------------------------------------------------------------------------------ disambiguation

def _case_pos(parts: tuple[frozenset[str], ...]) -> int:
    for j in range(1, min(len(parts), 3)):
        if parts[j] & _CASESET:
            return j
    return -1


_CASESET = frozenset(CASES)


def _concrete(tag: str, want_case: str | None, agree: tuple[str, str, str] | None = None) -> str:
    """Resolve dotted alternatives: the wanted case / agreeing values if available, else the first option."""
    parts = tag.split(":")
    cpos = _case_pos(mf.tag_parts(tag))
    out = [parts[0]]
    for j, p in enumerate(parts[1:], 1):
        opts = p.split(".")
        pick = opts[0]
        if j == cpos:
            pref = [agree[1]] if agree else []
            if want_case:
                pref.append(want_case)
            for c in pref + list(CASES):
                if c in opts:
                    pick = c
                    break
        elif agree and len(opts) > 1:
            for v in agree:
                if v in opts:
                    pick = v
                    break
        out.append(pick)
    return ":".join(out)


def _disambiguate(tokens: list[Any], cands: list[tuple[mf.Reading, ...]]) -> list[tuple[str, str, bool]]:
    """Greedy left-to-right choice with preposition government, then adjective agreement right-to-left."""
    n = len(tokens)
    chosen: list[mf.Reading | None] = [None] * n
    tags: list[str] = [""] * n
    caps = [_cap_class(t) for t in tokens]
    gov: frozenset[str] = frozenset()
    prep_at = -1
    prev_noun = False
    seen_verb = False
    for i, (tok, rs) in enumerate(zip(tokens, cands)):
        if not rs:
            tags[i] = "ign"
            continue
        base = _base_scores(tok.text, caps[i], rs)
        best, best_s = rs[0], None
        for r, b in zip(rs, base):
            s = b
            parts = mf.tag_parts(r.tag)
            cls = r.tag.split(":", 1)[0]
            cpos = _case_pos(parts)
            if cpos > 0 and cls != "prep":
                cases = parts[cpos]
                if gov:
                    s += 8 if gov & cases else -6
                else:
                    if cases <= {"loc"} or cases <= {"voc"} or cases <= {"loc", "voc"}:
                        s -= 7
                    if prev_noun and "gen" in cases:
                        s += 1.5
            elif gov and cls in ("fin", "praet", "inf", "impt", "bedzie"):
                s -= 4
            if best_s is None or s > best_s:
                best, best_s = r, s
        chosen[i] = best
        cls = best.tag.split(":", 1)[0]
        want = None
        if gov:
            want = next((c for c in CASES if c in gov and c in (mf.tag_parts(best.tag)[_case_pos(
                mf.tag_parts(best.tag))] if _case_pos(mf.tag_parts(best.tag)) > 0 else ())), None)
            if want and prep_at >= 0 and cls in NOMINAL | AGREEING:
                prep = _prep_reading(cands[prep_at], want)
                if prep is not None:
                    chosen[prep_at], tags[prep_at] = prep, _concrete(prep.tag, want)
        elif prev_noun:
            want = "gen"
        elif not seen_verb:
            want = "nom"
        else:
            want = "acc"
        tags[i] = _concrete(best.tag, want)
        if cls == "prep":
            gov = frozenset(c for r in rs if r.tag.startswith("prep:") for c in r.tag.split(":")[1].split("."))
            prep_at = i
            prev_noun = False
        elif cls in NOMINAL:
            gov = frozenset()
            prep_at = -1
            prev_noun = True
        elif cls in OPEN_NP or (cls == "interp" and tok.text in "-–"):
            pass
        else:
            gov = frozenset()
            prep_at = -1
            prev_noun = False
            if cls in ("fin", "praet", "bedzie", "winien", "pred", "imps"):
                seen_verb = True
            if cls == "interp" and tok.text in ",;:()":
                seen_verb = False
    # adjectives agree with the following noun (skipping adverbs / other agreeing words)
    agree: tuple[str, str, str] | None = None
    for i in range(n - 1, -1, -1):
        r = chosen[i]
        if r is None:
            agree = None
            continue
        cls = tags[i].split(":", 1)[0]
        if cls in ("subst", "depr") and agree:
            better = _agreeing_reading(cands[i], agree, tokens[i].text, caps[i])
            if better is not None:
                chosen[i] = better
                tags[i] = _concrete(better.tag, None, agree)
                continue
        if cls in ("subst", "depr", "ger"):
            p = tags[i].split(":")
            agree = (p[1], p[2], p[3]) if len(p) > 3 else None
        elif cls in AGREEING and agree:
            better = _agreeing_reading(cands[i], agree, tokens[i].text, caps[i])
            if better is not None:
                chosen[i] = better
                tags[i] = _concrete(better.tag, None, agree)
        elif cls not in ("adv", "qub", "part"):
            agree = None
    out = []
    for i, tok in enumerate(tokens):
        r = chosen[i]
        if r is None:
            out.append((tok.text, "ign", False))
            continue
        tag = tags[i]
        if r.tag == "ign":
            out.append((tok.text, "ign", False))
            continue
        proper = is_proper(r.lemma, r.names) and tag.startswith(("subst", "depr"))
        out.append((r.lemma, tag, proper))
    return out


def _prep_reading(rs: tuple[mf.Reading, ...], case: str) -> mf.Reading | None:
    """The preposition reading that governs `case`."""
    for r in rs:
        if r.tag.startswith("prep:") and case in r.tag.split(":")[1].split("."):
            return r
    return None


def _agreeing_reading(rs: tuple[mf.Reading, ...], agree: tuple[str, str, str], text: str,
                      cap: int) -> mf.Reading | None:
    """The best-ranked agreeing-class reading compatible with (number, case, gender), if any."""
    number, case, gender = agree
    base = _base_scores(text, cap, rs)
    best, best_s = None, None
    for r, b in zip(rs, base):
        if r.tag.split(":", 1)[0] not in AGREEING:
            continue
        p = mf.tag_parts(r.tag)
        if len(p) < 4:
            continue
        if number in p[1] and case in p[2] and gender in p[3] and (best_s is None or b > best_s):
            best, best_s = r, b
    return best
