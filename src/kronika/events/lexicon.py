"""Event predicate lexicons (lang/<code>/data/event_predicates.tsv), indexed by the predicate's first lemma.

Indexing by lemma keeps the stage cheap: a sentence is examined only when one of its lemmas opens a predicate.
Rows whose object condition matches beat rows without one; a lemma whose rows all need an object is no event alone.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kronika.resources import lang_data, read_tsv


@dataclass(frozen=True)
class Predicate:
    lemmas: tuple[str, ...]                 # one lemma, or a lemma sequence (multiword predicate)
    pos: str                                # verb | ger | noun
    objects: tuple[tuple[str, ...], ...]    # object lemma sequences that select this row; () = none needed
    preps: frozenset[str]                   # how the target is marked: acc, gen, dat or a preposition
    type: str
    mode: str | None
    cameo: str | None
    reflexive: bool                         # notes say the verb takes 'się'
    conditional: bool = False               # a sense the notes restrict ('only verbal: ...'): last resort
    when: tuple["Condition", ...] = ()      # conditions on the context that select this row (all must hold)
    unaddressed: bool = False               # notes say 'unaddressed': an act with no addressee by nature (a pardon)


@dataclass(frozen=True)
class Condition:
    """`context:a|b` = one of the lemmas near the predicate (same clause, ±8 tokens);
    `after:a|b>c|d` = after the predicate, a lemma of the first set followed within 4 tokens by one of the second
    (a purpose clause: 'by wspomóc', 'to help')."""
    kind: str                               # context | after
    lemmas: frozenset[str]
    then: frozenset[str] = frozenset()


def parse_conditions(value: str) -> tuple[Condition, ...]:
    out = []
    for part in value.split(";"):
        kind, _, rest = part.strip().partition(":")
        if kind == "context" and rest:
            out.append(Condition("context", frozenset(_split_alts(rest.lower()))))
        elif kind == "after" and ">" in rest:
            first, _, then = rest.lower().partition(">")
            out.append(Condition("after", frozenset(_split_alts(first)), frozenset(_split_alts(then))))
    return tuple(out)


class Lexicon:
    """All predicates of one language; `candidates(lemma)` gives the rows that start with that lemma."""

    def __init__(self, rows: list[Predicate]) -> None:
        self.by_first: dict[str, list[Predicate]] = {}
        for p in rows:
            self.by_first.setdefault(p.lemmas[0], []).append(p)
        # rows with objects first, longer predicates first: the most specific row wins
        for lst in self.by_first.values():
            lst.sort(key=lambda p: (not p.objects, not p.when, p.conditional, -len(p.lemmas)))
        self.object_lemmas = frozenset(o[0] for p in rows for o in p.objects)
        self.single = frozenset(p.lemmas[0] for p in rows if len(p.lemmas) == 1)
        self.size = len(rows)

    def candidates(self, lemma: str) -> list[Predicate]:
        return self.by_first.get(lemma, [])

    def __contains__(self, lemma: str) -> bool:
        return lemma in self.by_first


def _split_alts(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


@lru_cache(maxsize=2)
def load(lang: str) -> Lexicon:
    """The language's predicate lexicon (cached)."""
    rows = []
    for r in read_tsv(lang_data(lang, "event_predicates.tsv")):
        lemma, etype = r.get("lemma", ""), r.get("type", "")
        if not lemma or not etype or lemma == "lemma":
            continue
        notes = r.get("notes", "")
        rows.append(Predicate(
            lemmas=tuple(lemma.lower().split()), pos=r.get("pos") or "verb",
            objects=tuple(tuple(o.lower().split()) for o in _split_alts(r.get("object", ""))),
            preps=frozenset(_split_alts(r.get("prep", ""))), type=etype, mode=r.get("mode") or None,
            cameo=r.get("cameo") or None,
            reflexive=notes.startswith("się") or "; się" in notes or "ger=" in notes and " się;" in notes,
            conditional=notes.split("; ")[-1].startswith("only ") or notes.startswith("only "),
            when=parse_conditions(r.get("when") or ""), unaddressed="unaddressed" in notes))
    return Lexicon(rows)


@lru_cache(maxsize=1)
def _en_irregular() -> dict[str, str]:
    return {r["form"]: r["lemma"] for r in read_tsv(lang_data("en", "irregular_forms.tsv"))}


def english_lemma(word: str, known: Lexicon) -> str:
    """Lemma of an English word when no trained lemmatizer ran: irregular forms, then suffix rules whose result the
    lexicon knows (as a predicate or an object), else the lower-cased word."""
    w = word.lower()
    irr = _en_irregular().get(w)
    if irr:
        return irr
    if w in known.single:
        return w
    cands = []
    if w.endswith("ies") or w.endswith("ied"):
        cands.append(w[:-3] + "y")
    if w.endswith("ing"):
        stem = w[:-3]
        cands += [stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem]
    if w.endswith("ed"):
        stem = w[:-2]
        cands += [stem, w[:-1], stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem]
    if w.endswith("es"):
        cands += [w[:-2], w[:-1]]
    if w.endswith("s") and not w.endswith("ss"):
        cands.append(w[:-1])
    for c in cands:
        if c in known.single or c in known.object_lemmas:
            return c
    if w in known.by_first:
        return w
    return cands[-1] if w.endswith("s") and cands and not w.endswith(("ss", "us", "is")) else w
