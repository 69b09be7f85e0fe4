"""The quote and source stages' lexicons, loaded once and indexed by lemma so that a token is looked up, never scanned.

Speech verbs and cues live in lang/<lang>/data/speech_verbs.tsv and speech_cues.tsv. A token's candidate lemmas are
its own lower-cased text, the lemma an earlier stage assigned, and (Polish) every morfeusz2 reading's lemma, so verbs
are found in every form even when the tagger is absent. English has no lemmatizer without the trained model, so the
inflected forms of every speech verb are generated here (regular endings by rule, irregulars from data).
"""
from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from kronika.pipeline.extensions import text_of
from kronika.resources import lang_data, read_tsv

VERB_CLASSES_PL = ("fin", "praet", "impt", "imps", "pcon", "ppas", "pact", "bedzie", "inf", "ger")


@dataclass(frozen=True)
class Verb:
    lemma: str
    cls: str
    frames: frozenset[str]


@dataclass(frozen=True)
class Cue:
    words: tuple[str, ...]
    kind: str        # opinion_prep | speech_noun | source_prep


@dataclass(frozen=True)
class Lexicon:
    lang: str
    verbs: dict[str, Verb]                      # lemma -> verb
    cues: dict[str, tuple[Cue, ...]]             # first word -> cues starting with it (longest first)
    words: dict[str, tuple[str, str]]            # closed-class word -> (kind, gender)
    en_forms: dict[str, str]                     # English inflected form -> lemma

    def kind_of(self, word: str) -> str | None:
        w = self.words.get(word.lower())
        return w[0] if w else None


def _en_regular(lemma: str) -> set[str]:
    """-s, -ed, -ing forms by the regular spelling rules; over-generation is harmless (forms are looked up)."""
    out = {lemma}
    if lemma.endswith(("s", "x", "z", "ch", "sh", "o")):
        out.add(lemma + "es")
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        out.add(lemma[:-1] + "ies")
    else:
        out.add(lemma + "s")
    if lemma.endswith("e"):
        out |= {lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        out |= {lemma[:-1] + "ied", lemma + "ing"}
    else:
        out |= {lemma + "ed", lemma + "ing"}
        if len(lemma) >= 3 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
            out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return out


@lru_cache(maxsize=2)
def load(lang: str) -> Lexicon:
    verbs: dict[str, Verb] = {}
    for r in read_tsv(lang_data(lang, "speech_verbs.tsv")):
        frames = frozenset(f.strip() for f in r.get("frame", "").split(",") if f.strip())
        old = verbs.get(r["lemma"])
        if old:
            frames |= old.frames
        verbs[r["lemma"]] = Verb(r["lemma"], old.cls if old else r["class"], frames)
    cues: dict[str, list[Cue]] = {}
    for r in read_tsv(lang_data(lang, "speech_cues.tsv")):
        words = tuple(r["form"].lower().split())
        if words:
            cues.setdefault(words[0], []).append(Cue(words, r["kind"]))
    words = {r["form"].lower(): (r["kind"], r.get("gender", "")) for r in read_tsv(lang_data(lang, "quote_words.tsv"))}
    en_forms: dict[str, str] = {}
    if lang == "en":
        irregular = {r["lemma"]: r for r in read_tsv(lang_data("en", "irregular_verbs.tsv"))}
        cue_words = {w for cs in cues.values() for c in cs for w in c.words if w.isalpha()} - set(verbs)
        for lemma in sorted(verbs) + sorted(cue_words):    # a verb's forms first: "warning" is "warn"
            forms = _en_regular(lemma)
            if lemma in irregular:
                for col in ("past", "participle"):
                    forms |= set(irregular[lemma][col].split("|"))
            for f in forms:
                en_forms.setdefault(f, lemma)
    return Lexicon(lang, verbs, {k: tuple(sorted(v, key=lambda c: -len(c.words))) for k, v in cues.items()},
                   words, en_forms)


@lru_cache(maxsize=60_000)
def _pl_readings(text: str) -> tuple[tuple[str, str], ...]:
    from kronika.lang.pl import morfeusz as mf

    return tuple((r.lemma, r.tag) for r in mf.readings(text))


_READINGS_KEY = ("._.", "readings")
_LOCAL = threading.local()


def readings(tok: Any) -> tuple[tuple[str, str], ...]:
    """(lemma, NKJP tag) readings of a Polish token: the morphology stage's, else morfeusz2's own. Read straight
    from user_data, where `tok._.readings` keeps them: an Underscore object per look-up costs more than the rest."""
    rs = tok.doc.user_data.get(("._.", "readings", tok.idx, None))
    if rs:
        return tuple(rs)
    return _pl_readings(tok.text)


def _doc_memo(doc: Any) -> dict:
    """A per-thread memo for the doc being processed (the quote and source stages ask about the same tokens many
    times); it is dropped as soon as another doc is asked about."""
    memo = getattr(_LOCAL, "memo", None)
    if memo is None or memo["doc"] is not doc:
        memo = _LOCAL.memo = {"doc": doc}
    return memo


def fresh(doc: Any) -> None:
    """Start the doc's memo anew (the first stage that uses it calls this: a doc edited and run again)."""
    _LOCAL.memo = {"doc": doc}


def doc_memo(doc: Any, key: str, make: Any) -> Any:
    """`make(doc)` computed once per doc: sentences, entities, name runs."""
    memo = _doc_memo(doc)
    if key not in memo:
        memo[key] = make(doc)
    return memo[key]


def doc_text(doc: Any) -> str:
    """doc.text joins every token anew on each call."""
    return text_of(doc)


def doc_ents(doc: Any) -> tuple:
    return doc_memo(doc, "ents", lambda d: tuple(d.ents))


def doc_sents(doc: Any) -> list:
    return doc_memo(doc, "sents", lambda d: list(d.sents))


def lemmas(tok: Any, lex: Lexicon) -> set[str]:
    """Every lemma a token may stand for (lower-cased text included); memoised per doc. Callers must not change
    the returned set."""
    memo = _doc_memo(tok.doc)
    cache = memo.get(lex.lang)
    if cache is None:
        cache = memo[lex.lang] = {}
    got = cache.get(tok.i)
    if got is None:
        got = cache[tok.i] = _lemmas(tok, lex)
    return got


def _lemmas(tok: Any, lex: Lexicon) -> set[str]:
    low = tok.lower_
    out = {low}
    if tok.lemma_:
        out.add(tok.lemma_.lower())
    if lex.lang == "pl":
        if tok.is_alpha:
            out.update(lem.lower() for lem, _ in readings(tok))
    elif low in lex.en_forms:
        out.add(lex.en_forms[low])
    return out


def speech_verb(tok: Any, lex: Lexicon) -> tuple[Verb, str] | None:
    """(verb, NKJP/Penn-ish tag) when the token is a form of a speech verb; Polish needs a verbal reading.
    Memoised per doc."""
    memo = _doc_memo(tok.doc)
    cache = memo.get(("verb", lex.lang))
    if cache is None:
        cache = memo[("verb", lex.lang)] = {}
    if tok.i not in cache:
        cache[tok.i] = _speech_verb(tok, lex)
    return cache[tok.i]


def _speech_verb(tok: Any, lex: Lexicon) -> tuple[Verb, str] | None:
    if not tok.is_alpha or (tok.text[:1].isupper() and tok.i > 0 and not tok.is_sent_start and lex.lang == "pl"):
        return None
    if lex.lang == "pl":
        best = None
        for lemma, tag in readings(tok):
            cls = tag.split(":", 1)[0]
            v = lex.verbs.get(lemma)
            if v and cls in VERB_CLASSES_PL:
                if best is None or (cls in ("fin", "praet") and best[1].split(":", 1)[0] not in ("fin", "praet")):
                    best = (v, tag)
        if best is None and tok.lemma_ in lex.verbs and tok.pos_ in ("VERB", "AUX"):
            best = (lex.verbs[tok.lemma_], tok.tag_)
        return best
    low = tok.lower_
    lemma = lex.en_forms.get(low) or (tok.lemma_ if tok.lemma_ in lex.verbs else None)
    if lemma and lemma in lex.verbs:
        if tok.pos_ and tok.pos_ not in ("VERB", "AUX", "") and not _verb_before_clause(tok):
            return None
        if tok.i > 0 and (tok.doc[tok.i - 1].pos_ == "DET" or tok.doc[tok.i - 1].dep_ in ("nmod:poss", "poss")):
            return None     # "his warning that ...", "the report": a noun whatever the tagger says
        return lex.verbs[lemma], low
    return None


def _verb_before_clause(tok: Any) -> bool:
    """A speech-verb form the tagger called a noun, used as a verb: right before "that" and not after a
    determiner, adjective or possessive ("leaders warn that ...", but not "the claim that ...")."""
    doc = tok.doc
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "that" or tok.i == 0:
        return False
    prev = doc[tok.i - 1]
    return prev.pos_ not in ("DET", "ADJ", "NUM") and prev.dep_ not in ("nmod:poss", "poss", "det", "amod") and \
        not prev.lower_.endswith("'s") and prev.text not in ("'s", "’s")


def verb_gender(tag: str) -> str | None:
    """'m', 'f', 'n', 'pl' from a Polish verb tag (praet:sg:m1:perf -> m); None when the form shows no gender."""
    parts = tag.split(":")
    if len(parts) < 3 or parts[0] not in ("praet", "winien", "ppas", "pact"):
        return "pl" if len(parts) > 1 and parts[1] == "pl" and parts[0] in ("fin", "praet") else None
    if parts[1] == "pl":
        return "pl"
    g = parts[2].split(".")[0]
    return "f" if g == "f" else "n" if g == "n" else "m"


def match_cue(doc: Any, i: int, lex: Lexicon, kinds: tuple[str, ...]) -> tuple[Cue, int] | None:
    """The longest cue of the given kinds starting at token i: (cue, index after its last token)."""
    cands = set()
    for lem in lemmas(doc[i], lex):
        cands.update(c for c in lex.cues.get(lem, ()) if c.kind in kinds)
    for cue in sorted(cands, key=lambda c: -len(c.words)):
        j = i
        ok = True
        for w in cue.words:
            if w == "*":
                j += 1
                continue
            if j >= len(doc) or w not in lemmas(doc[j], lex):
                ok = False
                break
            j += 1
        if ok:
            return cue, j
    return None
