"""Targets and sources that are no actor mention: the polity where an act of a state happens.

PLOVER codes a group inside a country with that country's code ("the army arrested opposition activists" ->
X COERCE X; "Serbia lifted a curfew in Montenegro" -> SRB CONCEDE MNE). When a predicate has a source but no actor
target, a noun from domestic_targets.tsv in its clause makes the place named in the clause (or the source's own
country) the target. An agentless passive of an act only authorities perform ('został aresztowany w Libanie',
'was put under investigation in Italy') takes the country of the place named in its clause as the source.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from kronika.events.mentions import Mention
from kronika.resources import lang_data, read_tsv

# acts that only a state's authorities perform (arrest, sentence, charge, ban): the place tells whose they are
STATE_ACTS = frozenset({"SANCTION", "COERCE", "ACCUSE"})
# types whose object may be a group or measure inside the source's own polity (not verbal support, deals or aid,
# which are between polities)
DOMESTIC_TYPES = frozenset({"COERCE", "ASSAULT", "SANCTION", "ACCUSE", "REQUEST", "THREATEN", "CONCEDE", "RETREAT",
                            "REJECT"})
_PLACE_PREPS = {"pl": frozenset({"w", "na"}), "en": frozenset({"in", "at"})}


@lru_cache(maxsize=2)
def domestic_nouns(lang: str) -> dict[tuple[str, ...], str]:
    """Lemma sequence -> sector of the group (lang/<code>/data/domestic_targets.tsv)."""
    return {tuple(r["lemma"].lower().split()): r["sector"] for r in read_tsv(lang_data(lang, "domestic_targets.tsv"))}


def domestic_target(clause: Span, lemmas: list[str], pred: Token, skip: set[int], sources: list[Mention],
                    mentions: list[Mention], places: list[Span], lang: str) -> dict | None:
    """A target argument for a group or measure inside a polity, or None. `lemmas` are the clause's lemmas;
    `skip` token indices that belong to predicates. The returned "actor" is None when it is the source's own."""
    nouns = domestic_nouns(lang)
    base = clause.start
    hit = None
    for k in range(len(lemmas)):
        i = base + k
        if i in skip or i <= pred.i or i - pred.i > 8:
            continue                        # the object side only: 'rebels demanded' is the source's own noun
        for n in (3, 2, 1):
            key = tuple(lemmas[k:k + n])
            if len(key) == n and key in nouns:
                hit = (i, n, nouns[key])
                break
        if hit:
            break
    if hit is None:
        return None
    i, n, sector = hit
    doc = clause.doc
    where = place_mention(clause, sources, mentions, places, lang)
    return {"actor": where.code if where else None, "sector": sector, "text": doc[i:i + n].text, "start": doc[i].idx,
            "end": doc[i + n - 1].idx + len(doc[i + n - 1])}


def place_mention(clause: Span, sources: list[Mention], mentions: list[Mention], places: list[Span],
                  lang: str) -> Mention | None:
    """A place named in the clause, as a mention of its state: a city or region (coded by its label), else a
    country mention governed by a place preposition ('w Algierze', 'in Montenegro') that is no source."""
    src = {m.code for m in sources}
    for sp in places:
        if clause.start <= sp.start < clause.end and sp.label_ and sp.label_ not in src:
            m = Mention(sp, sp.label_, None, sp.start, sp.end)
            m.group = [m]
            return m
    for m in mentions:
        if clause.start <= m.start < clause.end and m.prep in _PLACE_PREPS.get(lang, ()) and m.code not in src \
                and not m.adjective and m.head is None:     # 'w interesie Kremla' names no place
            return m
    return None
