"""Matching lexicon rows against a sentence: the object a row needs, looked for in a window around the predicate
(past an apposition when nothing else intervenes), over each token's lemma and its other readings. Used by
pipeline/events.py."""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from kronika.events.lexicon import Predicate
from kronika.events.mentions import tag_class


def find_object(lemmas: list[str], objects, lo: int, hi: int, back_lo: int, off: int,
                 alts: list[frozenset[str]] | None = None) -> list[int] | None:
    """Token offsets of the first object lemma sequence in the window; `alts` adds each token's other readings
    ('więzi' tagged as the verb 'więzić' is still the noun 'więź' after 'zacieśnić'; English 'arms' besides 'arm')."""
    by_first = objects_by_first(objects)
    for q in list(range(lo, hi)) + list(range(back_lo, off)):
        for first in (alts[q] if alts is not None else (lemmas[q],)):
            for obj in by_first.get(first, ()):
                n = len(obj)
                if n == 1:
                    return [q]
                if q + n <= len(lemmas) and all(
                        obj[k] == lemmas[q + k] or alts is not None and obj[k] in alts[q + k] for k in range(1, n)):
                    return list(range(q, q + n))
    return None


@lru_cache(maxsize=8192)
def objects_by_first(objects: tuple) -> dict[str, list[tuple[str, ...]]]:
    """A row's object sequences by their first lemma, in the row's order."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for obj in objects:
        out.setdefault(obj[0], []).append(obj)
    return out


def finite(tok: Token, lang: str) -> bool:
    """A finite verb: another predicate, whose object a far-off noun would rather be."""
    return tag_class(tok) in ("fin", "praet", "bedzie") if lang == "pl" else tok.tag_ in ("VBD", "VBZ", "VBP", "MD")


def surface(sent: Span, lemmas: list[str]) -> list[frozenset[str]]:
    """Per English token, its lemma and its lower-cased form: plural-only nouns keep their form in the lexicon
    ('arms', 'talks') where the lemmatizer gives 'arm', 'talk'."""
    return [frozenset((lem, tok.lower_)) for tok, lem in zip(sent, lemmas)]


def nominal_readings(sent: Span, lemmas: list[str]) -> list[frozenset[str]]:
    """Per token, the lemmas of its noun, verbal-noun and adjective readings (Polish morfeusz readings)."""
    out = []
    for tok, lem in zip(sent, lemmas):
        lems = {(tok.lemma_ or tok.text).lower(), lem}
        for lemma, tag in tok._.readings or ():
            if tag.split(":", 1)[0] in ("subst", "ger", "adj", "depr"):
                lems.add(lemma.split(":", 1)[0].lower())
        out.append(frozenset(lems))
    return out


def transitivity_fits(tok: Token, row: Predicate) -> bool:
    """Whether an English row's target marking fits the verb as used: a direct object for an 'acc' row, none for
    a row that takes no target."""
    if row.pos != "verb" or not tok.doc.has_annotation("DEP"):
        return False
    has_object = any(c.dep_ in ("dobj", "obj") for c in tok.children)
    return has_object if "acc" in row.preps else not has_object and not row.preps


def _has(lemma: str | frozenset[str], wanted) -> bool:
    return lemma in wanted if isinstance(lemma, str) else not lemma.isdisjoint(wanted)


def conditions_hold(row: Predicate, sent: Span, off: int, lemmas: list, bounds: set[str]) -> bool:
    """Whether every `when` condition of a lexicon row holds around the predicate at sentence offset `off`;
    `lemmas` per token: a lemma, or (Polish) the set of its nominal readings, since the tagger lemmatises a verbal
    noun to its verb ('z zadowoleniem' -> 'zadowolić')."""
    for cond in row.when:
        if cond.kind == "context":
            lo, hi = off, off + 1
            while lo > 0 and off - lo < 8 and sent[lo - 1].lower_ not in bounds:
                lo -= 1
            while hi < len(lemmas) and hi - off <= 8 and sent[hi].lower_ not in bounds - {","}:
                hi += 1
            if not any(_has(lemmas[q], cond.lemmas) for q in range(lo, hi) if q != off):
                return False
        elif cond.kind == "after":
            hits = [q for q in range(off + 1, min(len(lemmas), off + 14)) if _has(lemmas[q], cond.lemmas)]
            if not any(_has(lemmas[k], cond.then) for q in hits for k in range(q + 1, min(len(lemmas), q + 5))):
                return False
    return True
