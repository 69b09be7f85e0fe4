"""Modality of an event (FORMAT.md): asserted, future, historical, hypothetical or negated.

Cues come from lang/<code>/data/modality_cues.tsv: lemmas or lemma sequences, and `re:` regexes over the surface
text. Scope decides where a cue counts: `prefix` only just before the predicate (or the verb that governs it),
`purpose` a conjunction that opens a purpose clause (just before or at the start of the predicate's clause),
`governs_inf` when the cue verb precedes the predicate in its clause, `clause` anywhere in the predicate's clause.
Historical needs the article's date: a year in the clause earlier than the year of publication, or a historical cue.
Priority: negated > hypothetical > future > historical > asserted, because hidden modalities must never be counted as
facts (precision first).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from kronika.resources import lang_data, read_tsv

ORDER = ("negated", "hypothetical", "future", "historical")
# Polish auxiliaries whose lemma is a future cue only in their future forms ('zostanie', 'będzie')
_PL_AUX = frozenset({"być", "zostać"})
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# 'nie tylko' / 'not only' do not negate; 'nie' before a noun ('nie-członek') is not handled here
_NOT_NEGATION_NEXT = {"pl": {"tylko", "jedynie", "wyłącznie"}, "en": {"only", "just"}}


@dataclass(frozen=True)
class Cue:
    lemmas: tuple[str, ...]
    modality: str
    scope: str


@dataclass(frozen=True)
class Cues:
    by_first: dict[str, tuple[Cue, ...]]
    regexes: tuple[tuple[re.Pattern, str], ...]


@lru_cache(maxsize=2)
def cues(lang: str) -> Cues:
    by_first: dict[str, list[Cue]] = {}
    regexes = []
    for r in read_tsv(lang_data(lang, "modality_cues.tsv")):
        form, modality, scope = r.get("form", ""), r.get("modality", ""), r.get("scope") or "clause"
        if not form or modality not in ORDER:
            continue
        if form.startswith("re:"):
            regexes.append((re.compile(form[3:], re.IGNORECASE), modality))
            continue
        lem = tuple(form.lower().split())
        by_first.setdefault(lem[0], []).append(Cue(lem, modality, scope))
    return Cues({k: tuple(sorted(v, key=lambda c: -len(c.lemmas))) for k, v in by_first.items()}, tuple(regexes))


def _match_at(lemmas: list[str], i: int, cue: Cue) -> bool:
    return tuple(lemmas[i:i + len(cue.lemmas)]) == cue.lemmas


def _verb_features(tok: Token, lang: str) -> str | None:
    """Modality that the predicate's own form carries: Polish conditional, perfective present (= future), 'będzie'."""
    if lang != "pl":
        return None
    if "Cnd" in tok.morph.get("Mood"):
        return "hypothetical"
    tag = tok.tag_ or ""
    if tag.startswith("fin:") and tag.endswith(":perf"):
        return "future"
    if tag.startswith("bedzie"):
        return "future"
    return None


def modality(clause: Span, pred: Token, lemmas: list[str], lang: str, published_year: int | None,
             governor: Token | None = None, extra: tuple[Token, ...] = ()) -> str:
    """The modality of the event whose predicate is `pred`, judged within its clause.

    `lemmas` are the clause's token lemmas (lower case), `governor` the verb that governs an infinitive predicate,
    `extra` tokens that belong to the predicate itself (multiword, object) and are never cues for it.
    """
    table = cues(lang)
    found: set[str] = set()
    hyp_words: set[str] = set()             # the hypothetical cues seen ('would' alone may be a reported future)
    own = {pred.i, *(t.i for t in extra)}
    anchors = [pred] + ([governor] if governor is not None else [])
    for k, tok in enumerate(clause):
        lem = lemmas[k]
        for cue in table.by_first.get(lem, ()):
            if not _match_at(lemmas, k, cue) or any(i in own for i in range(tok.i, tok.i + len(cue.lemmas))):
                continue                    # a cue that is (part of) the predicate itself ('be willing to')
            if cue.scope == "purpose":
                continue                    # judged below: the cue may stand just before the clause
            if lang == "pl" and cue.modality == "future" and lem in _PL_AUX and _verb_features(tok, lang) != "future":
                continue                    # 'została zaatakowana', 'był atakowany': past or present, not 'zostanie'

            if lang == "pl" and cue.scope == "clause" and cue.modality == "future" and tok.i > pred.i and (tok.tag_ or "").startswith("subst") \
                    and (pred.tag_ or "").startswith(("praet", "fin")):
                continue                    # 'skrytykował plan Rosji': the plan is the object, the act is done
            if lang == "pl" and lem == "by" and (tok.tag_ or "").startswith("comp"):
                continue                    # 'by wspomóc': purpose, not the conditional particle
            if cue.scope == "prefix":
                nxt = clause.doc[tok.i + 1] if tok.i + 1 < len(clause.doc) else None
                if nxt is not None and nxt.lower_ in _NOT_NEGATION_NEXT.get(lang, ()):
                    continue
                if any(0 < a.i - tok.i <= (2 if lang == "pl" else 3) for a in anchors):
                    found.add(cue.modality)
            elif cue.scope == "governs_inf":
                if tok.i < pred.i and pred.i - tok.i <= 8:
                    found.add(cue.modality)
            else:
                found.add(cue.modality)
            if cue.modality == "hypothetical":
                hyp_words.add(lem)
            break
    if _purpose(clause, pred, table):
        found.add("hypothetical")
    for anchor in anchors:
        feat = _verb_features(anchor, lang)
        if feat:
            found.add(feat)
    if lang == "en" and "hypothetical" in found and hyp_words <= {"would"}:
        _reported_future(clause, lemmas, found)     # not when the act is also what was demanded ('demands to')
    text = clause.text
    for rx, mod in table.regexes:
        if rx.search(text):
            found.add(mod)
    if "historical" in found and not _historical_ok(text, published_year):
        found.discard("historical")
    elif published_year and any(int(y) < published_year for y in _YEAR.findall(text)):
        found.add("historical")
    for mod in ORDER:
        if mod in found:
            return mod
    return "asserted"


def _purpose(clause: Span, pred: Token, table: Cues) -> bool:
    """A predicate in a purpose clause ('aby zachęcić', 'żeby Izrael złagodził', 'in order to help') is an aim,
    not a fact: a `purpose` cue opens its clause (or stands right before it) within 4 tokens of the predicate."""
    doc = clause.doc
    for i in range(max(0, clause.start - 1), pred.i):
        if pred.i - i > 4:
            continue
        lem = (doc[i].lemma_ or doc[i].text).lower()
        for cue in table.by_first.get(lem, ()):
            if cue.scope == "purpose" and tuple((t.lemma_ or t.text).lower() for t in doc[i:i + len(cue.lemmas)]) \
                    == cue.lemmas:
                return True
    return False


def _reported_future(clause: Span, lemmas: list[str], found: set[str]) -> None:
    """'said it would impose': reported future, not a hypothesis, when 'would' follows a speech verb."""
    sent = clause.sent
    words = [t.lower_ for t in sent[: max(0, clause.start - sent.start) + len(lemmas)]]
    if "would" in words and any(w in {"said", "says", "announced", "told", "stated", "declared"} for w in
                                words[: words.index("would")]) and not any(
            w in {"could", "might", "may", "if", "unless"} for w in words):
        found.discard("hypothetical")
        found.add("future")


def _historical_ok(text: str, published_year: int | None) -> bool:
    """A historical cue counts only when the article has a date; a year cue only when that year is earlier."""
    if not published_year:
        return False
    years = [int(y) for y in _YEAR.findall(text)]
    return not years or min(years) < published_year
