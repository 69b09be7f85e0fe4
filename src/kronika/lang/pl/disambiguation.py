"""Which morfeusz2 reading a Polish token has in its sentence: the choice behind the morphology stage.

With tagger scores (pl_tagger), the best-scoring NKJP tag that one of the form's readings allows; with a bare tag,
the reading closest to it; with neither, light general rules (class preference from data/tagset.tsv,
capitalisation for proper names, preposition government of case, adjective-noun agreement). Everything about a
token text that does not depend on its sentence is computed once and kept in a bounded cache of `_Form`s.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy

from kronika.lang.pl import morfeusz as mf
from kronika.lang.pl.base_forms import guess_lemma
from kronika.lang.pl.tag_scores import case_penalty, compatible, resolve_towards
from kronika.lang.pl.tagset import is_proper, load as load_tagset

CASES = ("nom", "gen", "acc", "inst", "dat", "loc", "voc")
NOMINAL = frozenset({"subst", "depr", "ger", "ppron12", "ppron3", "siebie"})
AGREEING = frozenset({"adj", "ppas", "pact", "num", "numcol", "adjp"})
OPEN_NP = AGREEING | frozenset({"adv", "qub", "part", "dig", "ign", "brev", "adja", "interp_hyphen"})
RARE_QUALS = frozenset({"daw.", "przest.", "arch.", "rzad.", "gw.", "reg.", "środ.", "książk.", "poet."})
AGGLUTINATES = frozenset({"em", "m", "eś", "ś", "śmy", "ście", "by", "bym", "byś", "byśmy", "byście"})
OPENERS = frozenset({'"', "„", "«", "(", "-", "–", ":"})   # a capital after these is like a sentence start
VERBAL = frozenset({"fin", "praet", "inf", "impt", "bedzie"})
FINITE = frozenset({"fin", "praet", "bedzie", "winien", "pred", "imps"})
NP_WORDS = NOMINAL | AGREEING
DIGITS = frozenset({"dig", "romandig"})   # a tagger's num/adj tag gives them a case
GOV_PENALTY = 8.0   # tagger logit taken off a case the preceding preposition cannot govern
_CASESET = frozenset(CASES)
_NO_CASE: frozenset[str] = frozenset()
_LOC_VOC = frozenset({"loc", "voc"})
_FORMS_MAX = 60_000   # news vocabulary is Zipfian: 60k forms hold nearly every hit and keep a worker < 1 GB


# ----------------------------------------------------------------------------------------------------- readings

_FORMS: dict[tuple[str, str, str, int], "_Form"] = {}


def form_of(texts: list[str], spaces: list[int], starts: list[int], alphas: list[int], i: int) -> "_Form":
    """The cached `_Form` of token i: its readings depend on an agglutinate's host or a following "."/"-", its
    scores on capitalisation (0 lowercase, 1 capitalised at sentence start, 2 capitalised mid-sentence)."""
    text = texts[i]
    prev = nxt = ""
    if i > 0 and text in AGGLUTINATES and not spaces[i - 1] and alphas[i - 1]:
        prev = texts[i - 1]
    if i + 1 < len(texts) and not spaces[i] and texts[i + 1] in (".", "-") and alphas[i]:
        nxt = texts[i + 1]
    cap = 0
    if text[:1].isupper():
        cap = 1 if starts[i] == 1 or i == 0 or texts[i - 1] in OPENERS else 2
    key = (text, prev, nxt, cap)
    f = _FORMS.get(key)
    if f is None:
        if len(_FORMS) >= _FORMS_MAX:
            _FORMS.clear()
        f = _FORMS[key] = _Form(text, cap, _readings_in_context(text, prev, nxt))
    return f


@lru_cache(maxsize=60_000)
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


@lru_cache(maxsize=20_000)
def _tag_info(tag: str) -> tuple[str, float, frozenset[str], frozenset[str] | None]:
    """(class, base score from the class rank, cases, cases that preposition government scores) of a tag."""
    cls = tag.split(":", 1)[0]
    parts = mf.tag_parts(tag)
    cpos = _case_pos(parts)
    cases = parts[cpos] if cpos > 0 else _NO_CASE
    return cls, -float(load_tagset().rank(tag)), cases, (cases if cases and cls != "prep" else None)


@lru_cache(maxsize=4_096)
def _is_name(names: tuple[str, ...]) -> bool:
    """Whether SGJP `names` mark a proper name (the capitalisation half of `is_proper` is checked by callers)."""
    return is_proper("X", names)


def _case_pos(parts: tuple[frozenset[str], ...]) -> int:
    for j in range(1, min(len(parts), 3)):
        if parts[j] & _CASESET:
            return j
    return -1


class _Form:
    """One token text in one context, with everything the rules need precomputed and their answers memoised."""

    __slots__ = ("text", "cap", "rs", "pairs", "base", "cls", "cases", "scored_cases", "proper", "prep_gov",
                 "_picks", "_preps", "_agreeing", "_by_tag", "_single", "_compat")

    def __init__(self, text: str, cap: int, rs: tuple[mf.Reading, ...]) -> None:
        self.text, self.cap, self.rs = text, cap, rs
        self.pairs = tuple((r.lemma, r.tag) for r in rs)
        base, cls, cases, scored, proper = [], [], [], [], []
        for r in rs:
            c, rank, rc, sc = _tag_info(r.tag)
            prop = r.lemma[:1].isupper() and bool(r.names) and _is_name(r.names)
            # context-free score (higher = better): class preference, rare words, capitalisation, splits
            s = rank
            if r.quals and any(q in RARE_QUALS for q in r.quals):
                s -= 8
            if cap == 0 and r.lemma[:1].isupper():
                s -= 30
            elif cap == 2:
                s += 6 if prop else (-2 if r.lemma[:1].islower() else 0)
            elif cap == 1 and prop:
                s -= 3
            if r.n_segments > 1:
                s -= 1
            base.append(s)
            cls.append(c)
            cases.append(rc)
            scored.append(sc)
            proper.append(prop)
        self.base, self.cls, self.cases = tuple(base), tuple(cls), tuple(cases)
        self.scored_cases, self.proper = tuple(scored), tuple(proper)
        self.prep_gov = frozenset(c for r in rs if r.tag.startswith("prep:") for c in r.tag.split(":")[1].split("."))
        self._picks: dict[tuple[frozenset[str], bool], int] = {}
        # created on first use: most forms never need them
        self._preps: dict[str, int | None] | None = None
        self._agreeing: dict[tuple[str, str, str], int | None] | None = None
        self._by_tag: dict[Any, tuple[str, str, bool]] | None = None
        self._single: tuple[str, str, bool] | None = None
        self._compat: tuple[Any, ...] | None = None

    def pick(self, gov: frozenset[str], prev_noun: bool) -> int:
        """Index of the best reading given the governing preposition's cases and whether a noun precedes."""
        key = (gov, prev_noun and not gov)
        j = self._picks.get(key)
        if j is None:
            j = self._picks[key] = self._score(*key)
        return j

    def _score(self, gov: frozenset[str], prev_noun: bool) -> int:
        best, best_s = 0, None
        for j, b in enumerate(self.base):
            s = b
            cases = self.scored_cases[j]
            if cases is not None:
                if gov:
                    s += 8 if gov & cases else -6
                else:
                    if cases <= _LOC_VOC:
                        s -= 7
                    if prev_noun and "gen" in cases:
                        s += 1.5
            elif gov and self.cls[j] in VERBAL:
                s -= 4
            if best_s is None or s > best_s:
                best, best_s = j, s
        return best

    def prep_for(self, case: str) -> int | None:
        """The preposition reading that governs `case`."""
        if self._preps is None:
            self._preps = {}
        if case not in self._preps:
            self._preps[case] = next((j for j, r in enumerate(self.rs) if r.tag.startswith("prep:")
                                      and case in r.tag.split(":")[1].split(".")), None)
        return self._preps[case]

    def agreeing(self, agree: tuple[str, str, str]) -> int | None:
        """The best-ranked agreeing-class reading compatible with (number, case, gender), if any."""
        if self._agreeing is None:
            self._agreeing = {}
        if agree in self._agreeing:
            return self._agreeing[agree]
        number, case, gender = agree
        best, best_s = None, None
        for j, (r, b) in enumerate(zip(self.rs, self.base)):
            if self.cls[j] not in AGREEING:
                continue
            p = mf.tag_parts(r.tag)
            if len(p) < 4:
                continue
            if number in p[1] and case in p[2] and gender in p[3] and (best_s is None or b > best_s):
                best, best_s = j, b
        self._agreeing[agree] = best
        return best

    def heuristic(self) -> tuple[str, str, bool]:
        """The rule-based choice for this token on its own (an untagged token in a tagged doc)."""
        if self._single is None:
            self._single = disambiguate([self])[0]
        return self._single

    def choose_by_scores(self, labels: tuple[str, ...], row: Any, argmax_tag: str) -> tuple[str, str, bool]:
        """(lemma, tag, proper) from the tagger's scores: the best-scoring tag that one of the form's readings
        allows, with that reading; the argmax tag alone when no reading allows any tag (unknown words)."""
        compat = self._compat
        if compat is None or compat[0] is not labels:
            compat = self._compat = (labels, *compatible(tuple(r.tag for r in self.rs), self.base, labels))
        _, flat, starts, order = compat
        if len(flat) == 1:   # no choice to make
            return self.choose_by_tag(labels[flat[0]])
        if not len(flat):
            # a word morfeusz2 does not know: the tagger's best tag gives UPOS and features, but its case is too
            # unsure to inflect the word back to a lemma (later stages base-form names themselves)
            tag = labels[int(row.argmax())]
            return self.text, tag, self.cap > 0 and tag.startswith(("subst", "depr"))
        seg = row[flat]
        if len(starts) == 1:
            k, best = 0, int(flat[int(seg.argmax())])
        else:
            k = int(numpy.maximum.reduceat(seg, starts).argmax())
            lo = starts[k]
            hi = starts[k + 1] if k + 1 < len(starts) else len(flat)
            best = int(flat[lo + int(seg[lo:hi].argmax())])
        if self._by_tag is None:
            self._by_tag = {}
        out = self._by_tag.get((k, best))
        if out is None:
            label = labels[best]
            r = self.rs[order[k]]
            tag = label if r.tag in DIGITS else resolve_towards(r.tag, label)
            out = self._by_tag[(k, best)] = _decided(self, r, tag, label.split(":", 1)[0])
        return out

    def choose_by_tag(self, tag: str) -> tuple[str, str, bool]:
        """(lemma, tag, proper) for a token whose NKJP tag the tagger predicted."""
        if self._by_tag is None:
            self._by_tag = {}
        out = self._by_tag.get(tag)
        if out is None:
            out = self._by_tag[tag] = _choose_by_tag(self, tag)
        return out


def choose_scored(forms: list[_Form], tag_ids: list[int], strings: Any, labels: tuple[str, ...],
                   scores: Any) -> list[tuple[str, str, bool]]:
    """Per token, the best-scoring tag its readings allow; inside a prepositional phrase (up to its noun) tags with
    a case the preposition cannot govern lose GOV_PENALTY, as in the rule-based path."""
    out = []
    gov: frozenset[str] = _NO_CASE
    for i, f in enumerate(forms):
        t = tag_ids[i]
        if not t:
            out.append(f.heuristic())
            gov = _NO_CASE
            continue
        row = scores[i] - case_penalty(labels, gov, GOV_PENALTY) if gov else scores[i]
        if f.cap and out and out[-1][2] and not any(r.tag != "ign" for r in f.rs):
            # an unknown capitalised word right after a name ("Oskara Herrerę"): parts of a name share its case
            parts = out[-1][1].split(":")
            if len(parts) > 2 and parts[2] in _CASESET:
                row = row - case_penalty(labels, frozenset({parts[2]}), GOV_PENALTY)
        choice = f.choose_by_scores(labels, row, strings[t])
        out.append(choice)
        cls = choice[1].split(":", 1)[0]
        if cls == "prep":
            gov = f.prep_gov
        elif cls in NOMINAL or not (cls in OPEN_NP or (cls == "interp" and f.text in "-–")):
            gov = _NO_CASE
    return out


def _guess(text: str, tag: str, cap: int) -> str:
    if cap and tag.startswith(("subst", "depr")):
        return guess_lemma(text, tag)
    return text


def _choose_by_tag(f: _Form, tag: str) -> tuple[str, str, bool]:
    """The morfeusz reading closest to the predicted tag: same class (or UD class) first, then the most agreeing
    attribute values, then the context-free score. A reading of the predicted class gives the tag back as that
    reading with its alternatives resolved towards the predicted values (so a case morfeusz rules out for the form
    is not kept); unknown words (no reading, or ign) keep the predicted tag and get a guessed lemma."""
    text, cap = f.text, f.cap
    ts = load_tagset()
    tp = tag.split(":")
    cls = tp[0]
    alias = {"qub": "part", "part": "qub"}.get(cls, cls)
    tag_upos = ts.upos_class(tag)
    best, best_key = None, None
    for r, b in zip(f.rs, f.base):
        rp = mf.tag_parts(r.tag)
        rc = next(iter(rp[0]))
        same = rc == cls or rc == alias
        hits = sum(1 for j, v in enumerate(tp[1:], 1) if j < len(rp) and v in rp[j])
        upos_same = ts.upos_class(r.tag) == tag_upos
        key = (same, upos_same, hits, b)
        if best_key is None or key > best_key:
            best, best_key = r, key
    if best is None or best.tag == "ign" or not (best_key[0] or best_key[1]):
        lemma = _guess(text, tag, cap) if (best is None or best.tag == "ign") else best.lemma
        proper = cap > 0 and cls in ("subst", "depr") and (best is None or best.tag == "ign")
        return lemma, tag, proper
    out_tag = resolve_towards(best.tag, tag) if best_key[0] and best.tag.split(":", 1)[0] == cls else tag
    return _decided(f, best, out_tag, cls)


def _decided(f: _Form, r: mf.Reading, tag: str, cls: str) -> tuple[str, str, bool]:
    """(lemma, tag, proper) once reading `r` and the output tag are chosen: proper-name lemmas keep their capital
    only where the token is capitalised or the name is always written so."""
    proper = is_proper(r.lemma, r.names) and (f.cap > 0 or not r.lemma[:1].isupper())
    lemma = r.lemma
    if f.cap == 0 and lemma[:1].isupper() and not proper:
        lemma = lemma[:1].lower() + lemma[1:]
    return lemma, tag, proper and cls in ("subst", "depr")


# ------------------------------------------------------------------------------------------------ disambiguation

@lru_cache(maxsize=50_000)
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


@lru_cache(maxsize=20_000)
def _class_agree(tag: str) -> tuple[str, tuple[str, str, str] | None]:
    """A concrete tag's class and the (number, case, gender) it imposes on agreeing words."""
    p = tag.split(":")
    return p[0], ((p[1], p[2], p[3]) if len(p) > 3 else None)


@lru_cache(maxsize=4_096)
def _wanted(gov: frozenset[str], cases: frozenset[str]) -> str | None:
    return next((c for c in CASES if c in gov and c in cases), None)


def disambiguate(forms: list[_Form]) -> list[tuple[str, str, bool]]:
    """Greedy left-to-right choice with preposition government, then adjective agreement right-to-left."""
    n = len(forms)
    chosen: list[int | None] = [None] * n
    tags: list[str] = [""] * n
    gov: frozenset[str] = frozenset()
    prep_at = -1
    prev_noun = False
    seen_verb = False
    for i, f in enumerate(forms):
        if not f.rs:
            tags[i] = "ign"
            continue
        j = f.pick(gov, prev_noun)
        chosen[i] = j
        cls = f.cls[j]
        if gov:
            want = _wanted(gov, f.cases[j])
            if want and prep_at >= 0 and cls in NP_WORDS:
                p = forms[prep_at].prep_for(want)
                if p is not None:
                    chosen[prep_at], tags[prep_at] = p, _concrete(forms[prep_at].rs[p].tag, want)
        elif prev_noun:
            want = "gen"
        elif not seen_verb:
            want = "nom"
        else:
            want = "acc"
        tags[i] = _concrete(f.rs[j].tag, want)
        if cls == "prep":
            gov = f.prep_gov
            prep_at = i
            prev_noun = False
        elif cls in NOMINAL:
            gov = frozenset()
            prep_at = -1
            prev_noun = True
        elif cls in OPEN_NP or (cls == "interp" and f.text in "-–"):
            pass
        else:
            gov = frozenset()
            prep_at = -1
            prev_noun = False
            if cls in FINITE:
                seen_verb = True
            if cls == "interp" and f.text in ",;:()":
                seen_verb = False
    # adjectives agree with the following noun (skipping adverbs / other agreeing words)
    agree: tuple[str, str, str] | None = None
    for i in range(n - 1, -1, -1):
        if chosen[i] is None:
            agree = None
            continue
        cls, imposed = _class_agree(tags[i])
        if cls in ("subst", "depr") and agree:
            better = forms[i].agreeing(agree)
            if better is not None:
                chosen[i] = better
                tags[i] = _concrete(forms[i].rs[better].tag, None, agree)
                continue
        if cls in ("subst", "depr", "ger"):
            agree = imposed
        elif cls in AGREEING and agree:
            better = forms[i].agreeing(agree)
            if better is not None:
                chosen[i] = better
                tags[i] = _concrete(forms[i].rs[better].tag, None, agree)
        elif cls not in ("adv", "qub", "part"):
            agree = None
    out = []
    for f, j, tag in zip(forms, chosen, tags):
        if j is None or f.rs[j].tag == "ign":
            out.append((f.text, "ign", False))
        else:
            out.append((f.rs[j].lemma, tag, f.proper[j] and tag.startswith(("subst", "depr"))))
    return out


_AUX_FORMS = frozenset({"fin", "praet", "bedzie", "inf", "impt", "pcon", "pant", "imps"})


def auxiliaries(choices: list[tuple[str, str, bool]]) -> dict[int, str]:
    """UD's AUX or VERB for "zostać", which only the words after it decide: the passive auxiliary before a
    participle ("został wybrany"), a full verb otherwise ("został w kraju", "zostanie prezesem"). ("być" is AUX
    by the tagset table: UD Polish treats it as the copula and auxiliary nearly everywhere.) Returns token index ->
    UPOS."""
    out: dict[int, str] = {}
    n = len(choices)
    for i, (lemma, tag, _proper) in enumerate(choices):
        if lemma != "zostać" or tag.split(":", 1)[0] not in _AUX_FORMS:
            continue
        upos = "VERB"
        for j in range(i + 1, min(n, i + 5)):
            cls = choices[j][1].split(":", 1)[0]
            if cls in ("interp", "conj", "comp", "prep"):
                break
            if cls == "ppas":
                upos = "AUX"
                break
        out[i] = upos
    return out
