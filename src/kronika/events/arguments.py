"""Source and target of a Polish predicate, from syntax (English: events/english_args.py).

Polish: case and prepositions (a nominative subject; accusative/dative objects; 'wobec', 'przeciwko', 'z', 'do'
phrases as the lexicon row says), passive voice ('przez X' is the source), verbal nouns (an actor adjective or
genitive is the source: 'rosyjski atak', 'inwazja Rosji').
A clause whose subject is a non-actor noun gives no source: guessing one would cost precision.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from kronika.events.domestic import STATE_ACTS, place_mention
from kronika.events.lexicon import Predicate
from kronika.events.mentions import Mention, tag_class, token_cases, verb_class

_FINITE = ("fin", "praet", "impt", "bedzie", "winien", "pcon", "pant", "inf", "pact", "aglt")
_PASSIVE_AUX = {"być", "zostać", "zostawać", "bywać"}


@dataclass
class Args:
    sources: list[Mention]
    targets: list[Mention]
    confidence: float
    carried: bool = False


def _nearest(cands: list[Mention], pos: int) -> Mention | None:
    return min(cands, key=lambda m: (abs(m.start - pos), m.start)) if cands else None


def _target_ok_pl(m: Mention, preps: frozenset[str], nominal: bool) -> bool:
    if m.prep is not None:
        return m.prep in preps
    cases = m.cases
    if "acc" in preps and (("acc" in cases and not nominal) or (nominal and "gen" in cases)):
        return True
    return ("dat" in preps and "dat" in cases) or ("gen" in preps and "gen" in cases)


def polish(pred: Token, row: Predicate, clause: Span, mentions: list[Mention], prev_subject: list[Mention],
           extra: set[int], places: list[Span] = ()) -> Args | None:
    """Arguments of a Polish predicate."""
    cls = verb_class(pred)
    nominal = cls in ("ger", "subst", "depr")
    doc = pred.doc
    in_clause = [m for m in mentions if clause.start <= m.start < clause.end]
    passive = cls == "ppas" and any(doc[j].lemma_ in _PASSIVE_AUX for j in range(max(clause.start, pred.i - 3),
                                                                                      pred.i))
    if cls == "ppas" and not passive:
        passive = True                      # adjectival passive: 'nałożone przez UE sankcje'
    sources: list[Mention] = []
    targets: list[Mention] = []
    conf = 0.8
    if passive:
        by = [m for m in mentions if m.prep == "przez" and m.start > pred.i]
        sources = _group(_nearest(by, pred.i))
        subj = [m for m in in_clause if m.prep is None and "nom" in m.cases]
        targets = _group(_nearest(subj, pred.i))
        if not sources and row.type in STATE_ACTS:
            # 'został aresztowany w Libanie': an act only authorities perform belongs to the place's state
            where = place_mention(clause, targets, mentions, places, "pl")
            if where is not None and where.start > pred.i:
                return Args(_group(where), targets, 0.6)
        return Args(sources, targets, 0.75) if sources else None
    if nominal:
        heads_pred = [m for m in mentions if m.adjective and m.head is not None and m.head.i == pred.i]
        adj = [m for m in heads_pred if 0 < pred.i - m.end + 1 <= 2] + [m for m in heads_pred if m.start == pred.i + 1]
        gen_after = [m for m in mentions if not m.adjective and m.prep is None and m.start - pred.i in (1, 2)
                     and "gen" in m.cases and m.head is None]
        tgt_cands = [m for m in mentions if m.start > pred.i and _target_ok_pl(m, row.preps, True)
                     and m not in adj and m.start - pred.i <= 8]
        if adj:
            sources = _group(adj[0])
        elif gen_after and ("gen" not in row.preps or any(m.prep for m in tgt_cands)):
            sources = _group(gen_after[0])
            tgt_cands = [m for m in tgt_cands if m not in sources]
        if sources:
            targets = _group(_nearest([m for m in tgt_cands if m not in sources], pred.i))
            return Args(sources, targets, 0.7)
        if not _light_verb_object(pred, clause):
            return None
        targets = _group(_nearest(tgt_cands, pred.i))
        conf = 0.6
    # verbs (and verbal nouns that are the object of a light verb): the nominative subject of the clause
    if cls == "imps":
        return None
    subj = [m for m in in_clause if m.prep is None and "nom" in m.cases and m not in targets
            and not (m.head is not None and m.head.i in extra)]
    before = [m for m in subj if m.start < pred.i]
    after = [m for m in subj if m.start > pred.i]
    carried = False
    if before:
        sources = _group(max(before, key=lambda m: m.start))
    elif after and not nominal:
        sources = _group(min(after, key=lambda m: m.start))
        conf -= 0.1
    elif not _has_nominal_subject(clause, pred, mentions):
        earlier = [m for m in mentions if m.start < clause.start and m.prep is None and "nom" in m.cases]
        if earlier:
            sources = _group(max(earlier, key=lambda m: m.start))
            conf -= 0.15
        elif prev_subject and not nominal and (cls in ("fin", "praet", "pcon", "pant", "bedzie") or cls == "inf"
                                               and any(tag_class(t) in ("fin", "praet", "bedzie")
                                                       for t in doc[clause.start:pred.i])):
            sources, carried = list(prev_subject), True
            conf -= 0.25
    if not sources:
        return None
    if not targets:
        cands = [m for m in mentions if m not in sources and _target_ok_pl(m, row.preps, nominal)
                 and m.start > pred.i - 1 and not (nominal and m.start < pred.i)]
        in_c = [m for m in cands if clause.start <= m.start < clause.end]
        targets = _group(_nearest(in_c or [m for m in cands if m.start > pred.i and m.start - pred.i <= 10],
                                  pred.i))
        if not targets:
            # no target where the lexicon expects one: an addressee-like phrase after the predicate; a type that is
            # often reported without addressee (MOBILIZE, PROTEST) only takes a place or 'against' phrase
            loose_preps = _TARGETLESS_PREPS if row.type in _TARGETLESS and not row.preps else _LOOSE_PREPS
            loose = [m for m in mentions if m not in sources and clause.start <= m.start < clause.end
                     and m.start > pred.i and not m.adjective
                     and (m.prep in loose_preps or m.prep is None and m.cases & {"acc", "dat"}
                          and loose_preps is _LOOSE_PREPS)]
            if loose:
                targets, conf = _group(min(loose, key=lambda m: m.start)), conf - 0.1
    return Args(sources, targets, conf, carried)


# prepositions that mark an addressee whatever the predicate (not places: 'w', 'na', 'po' are left out)
_LOOSE_PREPS = frozenset({"dla", "do", "z", "wobec", "przeciwko", "przeciw", "między", "pod adres"})
_TARGETLESS = frozenset({"MOBILIZE", "PROTEST"})
_TARGETLESS_PREPS = frozenset({"w", "na", "przeciwko", "przeciw", "wobec"})


def _light_verb_object(pred: Token, clause: Span) -> bool:
    """A verbal noun that is the accusative object of a verb close before it ('rozpoczęła inwazję', 'złożył wizytę')
    takes that verb's subject as its source; a noun anywhere else does not."""
    if not ({"acc", "inst"} & set(c.lower()[:3] for c in pred.morph.get("Case")) | {"acc"} & token_cases(pred)):
        return False
    doc = pred.doc
    nominal_seen = False
    for j in range(pred.i - 1, max(clause.start, pred.i - 7) - 1, -1):
        cls = tag_class(doc[j])
        if cls in ("fin", "praet", "inf", "bedzie", "impt", "pcon"):
            return True
        if cls == "prep":
            if not nominal_seen:
                return False                # 'w negocjacjach wokół umowy': the noun hangs on a preposition
            nominal_seen = False            # an adverbial phrase between verb and object ('w ubiegłym roku')
            continue
        if cls in ("conj", "comp", "interp"):
            return False
        if cls in ("subst", "depr", "ppron3", "ppron12"):
            if nominal_seen or not any(tag_class(doc[k]) == "prep" for k in range(max(clause.start, j - 3), j)):
                return False                # another noun phrase stands between: not this verb's object
            nominal_seen = True
    return False


def _has_nominal_subject(clause: Span, pred: Token, mentions: list[Mention]) -> bool:
    """Whether the clause has a nominative noun or pronoun that is no actor (then the subject is not dropped)."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    for tok in clause:
        if tok.i == pred.i or tok.i in covered:
            continue
        if tag_class(tok) in ("subst", "depr", "ppron3", "ppron12") and tok.morph.get("Case") == ["Nom"]:
            return True
        if tok.lemma_ in {"który", "co", "kto"} and "nom" in token_cases(tok):
            return False
    return False


def _group(m: Mention | None) -> list[Mention]:
    return list(m.group) if m is not None else []
