"""Sources that are no actor mention: a group named by a role noun, acting in a place.

PLOVER codes a domestic group by its country: "a court in Los Angeles sentenced ...", "protesters blocked roads in
Algiers", "rebels in the Ivory Coast blocked transport" -> the place's polity, with the noun's sector (JUD, CVL,
REB). The events stage asks for such a source only when syntax found no actor source; the role noun becomes a
stand-in mention (a nominative subject), so the usual argument rules find the target. Only sectors that act inside
their own country, and only acts such groups do, qualify: an unnamed president or army abroad is no such case.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from kronika.events.english_args import misread_main
from kronika.events.mentions import Mention, sector_nouns, tag_class
from kronika.resources import lang_data, read_tsv

# which acts a domestic group of each sector performs (a court sentences, protesters protest, rebels attack)
_ACTS = {
    "JUD": frozenset({"SANCTION", "COERCE", "ACCUSE", "RETREAT", "REJECT"}),
    "COP": frozenset({"COERCE", "ASSAULT", "SANCTION", "ACCUSE", "MOBILIZE"}),
    "REB": frozenset({"ASSAULT", "COERCE", "PROTEST", "RETREAT", "CONCEDE", "REJECT", "THREATEN", "MOBILIZE"}),
    "CRM": frozenset({"ASSAULT", "COERCE"}),
}
_CIVIL = frozenset({"PROTEST", "REQUEST", "CONCEDE", "REJECT", "ACCUSE"})
for _s in ("CVL", "OPP", "LAB", "PTY", "EDU", "REL", "REF"):
    _ACTS[_s] = _CIVIL
_PLACE_PREPS = {"pl": frozenset({"w", "we", "na", "pod"}), "en": frozenset({"in", "at", "near"})}
_PL_FINITE = frozenset({"fin", "praet", "bedzie", "winien", "inf", "pcon", "pant"})


def placed_source(pred: Token, row_type: str, clause: Span, mentions: list[Mention], places: list[Span],
                  lang: str) -> Mention | None:
    """A stand-in nominative mention for the predicate's role-noun subject, coded with the place's polity; None
    when the subject is no domestic role noun, the act is not one such a group does, or no single place is named."""
    noun = _pl_subject(pred, clause) if lang == "pl" else _en_subject(pred)
    if noun is None:
        return None
    sector = sector_nouns(lang).get(noun.lemma_.lower())
    if sector is None or row_type not in _ACTS.get(sector, ()):
        return None
    code = _place_code(pred.sent, clause, mentions, places, lang)
    if code is None:
        return None
    doc = pred.doc
    span = doc[noun.i:noun.i + 1]
    m = Mention(span, code, sector, noun.i, noun.i + 1, frozenset({"nom"}), None, None, False)
    m.group = [m]
    return m


@lru_cache(maxsize=2)
def place_nouns(lang: str) -> frozenset[str]:
    """Nouns that head a place phrase ('w pobliżu Madrytu', 'near the town of Afrin'): lang/<code>/data/place_nouns.tsv."""
    return frozenset(r["lemma"].lower() for r in read_tsv(lang_data(lang, "place_nouns.tsv")))


def _is_place(m: Mention, preps: frozenset[str]) -> bool:
    """Whether a mention names where something happens: after a place preposition ('w Algierze', 'in Nepal'), in
    the locative of an apposition ('w stolicy kraju, Algierze'), or as the complement of a place noun ('w pobliżu
    Madrytu', 'near the town of Afrin')."""
    lang = "pl" if m.span.doc.lang_ == "pl" else "en"
    if m.prep == "of" and m.head is not None:
        return m.head.lemma_.lower() in place_nouns(lang)
    if m.adjective or not (m.prep in preps or m.prep is None and "loc" in m.cases):
        return False
    return m.head is None or m.head.lemma_.lower() in place_nouns(lang)


def _pl_subject(pred: Token, clause: Span) -> Token | None:
    """The nominative role noun before a Polish finite verb in its clause ('sąd skazał'), or the genitive one after a
    numeral ('200 demonstrantów zablokowało')."""
    if tag_class(pred) not in _PL_FINITE:
        return None
    nouns = sector_nouns("pl")
    doc = pred.doc
    for t in reversed(doc[clause.start:pred.i]):     # genitive modifiers ('zwolenników byłego prezydenta') skipped
        if tag_class(t) not in ("subst", "depr"):
            continue
        case = t.morph.get("Case")
        k = t.i - 1
        while k >= clause.start and tag_class(doc[k]) in ("adj", "adja"):
            k -= 1
        counted = "Gen" in case and k >= clause.start and tag_class(doc[k]) in ("num", "numcol")
        if "Nom" in case or counted:
            return t if t.lemma_.lower() in nouns else None
    return None


def _en_subject(pred: Token) -> Token | None:
    """The active subject of an English verb (shared through xcomp/conj), or the role noun of its 'of' chain
    ('hundreds of thousands of people')."""
    if not pred.doc.has_annotation("DEP") or not pred.tag_.startswith("VB"):
        return None
    nouns = sector_nouns("en")
    v = pred
    if misread_main(pred):
        return _role_noun(pred.head, nouns)      # the parser's reduced relative is the main verb: 'union ... called off'
    for _ in range(3):
        subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            break
        if v.dep_ not in ("xcomp", "conj") or v.head.i == v.i:
            return None
        v = v.head
    else:
        return None
    return _role_noun(subj, nouns)


def _role_noun(t: Token, nouns: dict[str, str]) -> Token | None:
    """The role noun a subject names, through an 'of' chain ('hundreds of thousands of people')."""
    for _ in range(3):
        if t.lemma_.lower() in nouns and t.tag_.startswith("NN"):
            return t
        of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if obj is None:
            return None
        t = obj
    return None


def _place_code(sent: Span, clause: Span, mentions: list[Mention], places: list[Span], lang: str) -> str | None:
    """The polity of the place named in the clause; else of the places named in the sentence when they are of one
    polity and no actor other than a place is named there (an actor might be the real agent)."""
    preps = _PLACE_PREPS[lang]
    in_sent = [(sp.start, sp.label_) for sp in places if sent.start <= sp.start < sent.end and sp.label_]
    where = [m for m in mentions if _is_place(m, preps)]
    in_sent += [(m.start, m.code) for m in where]
    if not in_sent:
        return None
    inside = [c for s, c in sorted(in_sent) if clause.start <= s < clause.end]
    if inside:
        return inside[0]
    codes = {c for _s, c in in_sent}
    others = {m.code for m in mentions if not any(m is w for w in where)}
    return codes.pop() if len(codes) == 1 and others <= codes else None


def victim_args(pred: Token, clause: Span, mentions: list[Mention], places: list[Span],
                lang: str) -> tuple[Mention, list[Mention]] | None:
    """(source, victims) for a death or injury with no attacker named ('w wybuchu miny zginęło dwóch Irakijczyków',
    'three US soldiers were killed by a roadside bomb near Basra'): PLOVER codes it as an assault by unidentified
    armed forces (UAF) of the country where it happened, else of the victims' country. None when the sentence names
    any other actor, who might be the attacker."""
    victims = [m for m in mentions if clause.start <= m.start < clause.end and m.prep is None
               and (m.head is None or m.head.i != pred.i) and _victim_role(m, pred, lang)]
    if not victims:
        return None
    victim = min(victims, key=lambda m: abs(m.start - pred.i))
    rest = [m for m in mentions if not any(m is v for v in victim.group)]
    code = _place_code(pred.sent, clause, rest, places, lang) if rest or places else None
    code = code or victim.code
    if any(m.code not in (code, victim.code) for m in rest):
        return None
    src = Mention(pred.doc[pred.i:pred.i + 1], code, "UAF", pred.i, pred.i + 1, frozenset(), None, None, False)
    src.group = [src]
    out = [Mention(m.span, m.code, m.sector or "CVL", m.start, m.end, m.cases, m.prep, m.head, m.adjective)
           for m in victim.group]
    for m in out:
        m.group = out
    return src, out


def _victim_role(m: Mention, pred: Token, lang: str) -> bool:
    """Whether a mention is the victim: Polish nominative or numeral genitive subject ('zginęło dwóch
    Irakijczyków'); English passive subject of the verb ('three US soldiers were killed')."""
    if lang == "pl":
        return bool(m.cases & {"nom", "gen"}) and not m.adjective or m.head is not None and m.adjective
    tok = m.span.root
    for _ in range(3):
        if tok.head.i == pred.i:
            return tok.dep_ in ("nsubj:pass", "nsubjpass")
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False
