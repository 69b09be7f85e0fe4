"""Source and target of a Polish predicate, from syntax (English: events/english_args.py).

Polish: case and prepositions (a nominative subject; accusative/dative objects; 'wobec', 'przeciwko', 'z', 'do'
phrases as the lexicon row says), passive voice ('przez X' is the source), verbal nouns (an actor adjective or
genitive is the source: 'rosyjski atak', 'inwazja Rosji').
A clause whose subject is a non-actor noun gives no source: guessing one would cost precision.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Span, Token

from kronika.events.domestic import STATE_ACTS, place_mention
from kronika.events.lexicon import Predicate
from kronika.events.mentions import Mention, adverbial, sector_nouns, tag_class, token_cases, verb_class
from kronika.pipeline.extensions import QUOTES
from kronika.resources import lang_data, read_tsv

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
    if "nom" in row.preps:
        return _deontic(pred, clause, mentions)
    if "converse" in row.preps:
        return _converse(pred, clause, mentions)
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
        targets = _group(_nearest(subj, pred.i) or _antecedent(clause, pred, mentions))
        if not sources and row.type in STATE_ACTS:
            # 'został aresztowany w Libanie': an act only authorities perform belongs to the place's state
            where = place_mention(clause, targets, mentions, places, "pl")
            if where is not None and where.start > pred.i:
                return Args(_group(where), targets, 0.6)
            if where is None and row.type in _OWN_COURT_ACTS:
                return _own_authorities(targets, pred)
        if not sources and row.type == "MOBILIZE" and targets:
            # 'niemieckie myśliwce zostały rozlokowane': whose forces are deployed is the source
            return Args(targets, [], 0.6)
        return Args(sources, targets, 0.75) if sources else None
    if nominal:
        heads_pred = [m for m in mentions if m.adjective and m.head is not None and m.head.i == pred.i]
        adj = [m for m in heads_pred if 0 < pred.i - m.end + 1 <= 2] + [m for m in heads_pred if m.start == pred.i + 1]
        gen_after = [m for m in mentions if not m.adjective and m.prep is None and "gen" in m.cases and (
            m.start - pred.i in (1, 2) and m.head is None
            # 'wizyta prezydenta Tajwanu', 'atak armii Rosji': the author's title or body between noun and actor
            or m.head is not None and m.head.i == pred.i + 1 and m.start - pred.i <= 3
            and sector_nouns("pl").get(m.head.lemma_.lower()) in _OFFICE_SECTORS)]
        tgt_cands = [m for m in mentions if m.start > pred.i and _target_ok_pl(m, row.preps, True)
                     and m not in adj and m.start - pred.i <= 8]
        if adj:
            sources = _group(adj[0])
        elif gen_after and ("gen" not in row.preps or any(m.prep for m in tgt_cands)):
            sources = _group(gen_after[0])
            tgt_cands = [m for m in tgt_cands if m not in sources]
        elif (by := _nominal_agent(pred, row, clause, mentions)) is not None:
            # 'naruszenie granicy Litwy przez rosyjskie drony', 'aneksja Krymu przez Rosję': the agent of a verbal
            # noun in a 'przez' phrase after its genitive object
            sources = _group(by)
            tgt_cands = [m for m in tgt_cands if m not in sources and m.start < by.start]
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
    # after the verb, a phrase that may as well be the accusative object is read as the object (SVO is the default)
    after = [m for m in subj if m.start > pred.i and not ("acc" in m.cases and "acc" in row.preps)]
    carried = False
    if before:
        sources = _group(max(before, key=lambda m: m.start))
    elif after and not nominal:
        sources = _group(min(after, key=lambda m: m.start))
        conf -= 0.1
    elif (rel := _relative_subject(clause, pred)) is not None:
        # 'polityką, która zmusiła ...': the subject is the relative pronoun; its antecedent is the noun before it
        ante = [m for m in mentions if m.start <= rel.i < m.end or m.head is not None and m.head.i == rel.i]
        if ante:
            sources = _group(ante[0])
            conf -= 0.15
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
    elif prev_subject and not nominal and cls in ("fin", "praet", "bedzie") and _role_subject(clause, pred, mentions):
        # 'Orban przyleciał do Moskwy. Premier spotkał się z Putinem': a bare title as subject points back
        sources, carried = list(prev_subject), True
        conf -= 0.3
    quoted = not sources and _in_direct_quote(pred) and speaker_act(pred, row)
    if not sources and not quoted:
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
        if not targets and row.type == "ASSAULT" and not nominal and not quoted:
            # 'zbombardował cele w Libanie', 'ostrzelali pozycje na Ukrainie': an attack on objects in a country
            # is aimed at that country (a locative place only: 'wtargnęły w przestrzeń X' is a direction)
            codes = {m.code for m in sources}
            where = [m for m in mentions if clause.start <= m.start < clause.end and m.start > pred.i + 1
                     and m.prep in ("w", "na") and "loc" in m.cases and not m.adjective and m.code not in codes]
            if where:
                targets, conf = _group(min(where, key=lambda m: m.start)), conf - 0.1
    if quoted:
        # '– Wysyłamy sygnał wsparcia dla Ukrainy – powiedział X': the speaker is the source (events stage)
        # only an addressee in the predicate's own clause, with no other verb between ('Potrzebujemy solidarności
        # i musimy oceniać intencje Rosji': Russia is no addressee of the solidarity)
        near = [m for m in targets if clause.start <= m.start < clause.end and not any(
            tag_class(t) in _FINITE for t in doc[min(pred.i, m.start) + 1:max(pred.i, m.start)])]
        return Args([], near, conf, True) if near else None
    if not targets and (row.cameo or "").startswith(_EASE_DISSENT):
        sources, targets = _own_government(sources)
    return Args(sources, targets, conf, carried)


# CAMEO 082 'ease political dissent': strikers or protesters calling off their action yield to their own government
_EASE_DISSENT = "082"


def _own_government(sources: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """(sources, targets) for an act aimed at the source's own authorities: the source keeps its sector (civilians
    when it has none), the target is its polity's government."""
    src, tgt = [], []
    for m in sources:
        s = Mention(m.span, m.code, m.sector if m.sector not in (None, "GOV") else "CVL", m.start, m.end, m.cases,
                    m.prep, m.head, m.adjective)
        t = Mention(m.span, m.code, "GOV", m.start, m.end, m.cases, m.prep, m.head, m.adjective)
        s.group, t.group = src, tgt
        src.append(s)
        tgt.append(t)
    return src, tgt


# prepositions that mark an addressee whatever the predicate (not places: 'w', 'na', 'po' are left out)
_LOOSE_PREPS = frozenset({"dla", "do", "z", "wobec", "przeciwko", "przeciw", "między", "pod adres"})
_TARGETLESS = frozenset({"MOBILIZE", "PROTEST"})
_TARGETLESS_PREPS = frozenset({"w", "na", "przeciwko", "przeciw", "wobec"})


# acts of a court or prosecutor ('został skazany', 'został oskarżony'): with no agent and no place named, a person's
# own state's courts are meant (PLOVER codes the domestic case as X -> X)
_OWN_COURT_ACTS = frozenset({"SANCTION", "ACCUSE"})


def _own_authorities(targets: list[Mention], pred: Token) -> Args | None:
    """Source = the state of the person the agentless passive is about ('Azarow został skazany'), sector JUD."""
    people = [m for m in targets if m.span._.mention_kind in ("person", "surname") and m.start < pred.i]
    if not people or len(people) != len(targets):
        return None
    src, tgt = [], []
    for m in people:
        s = Mention(m.span, m.code, "JUD", m.start, m.end, m.cases, m.prep, m.head, m.adjective)
        t = Mention(m.span, m.code, m.sector if m.sector not in (None, "GOV", "JUD") else "CVL", m.start, m.end,
                    m.cases, m.prep, m.head, m.adjective)
        s.group, t.group = src, tgt
        src.append(s)
        tgt.append(t)
    return Args(src, tgt, 0.5)


# material acts whose 'przez X' is a route, not an agent ('dostawy broni przez Polskę', 'tranzyt gazu przez Ukrainę')
_ROUTED = frozenset({"AID", "COOPERATE", "MOBILIZE"})


def _nominal_agent(pred: Token, row: Predicate, clause: Span, mentions: list[Mention]) -> Mention | None:
    """The 'przez' agent of a verbal noun: only after a genitive object (an actor or the lexicon's object noun) that
    follows the noun directly, within its clause; a route reading ('przez Polskę') is left out for material acts."""
    if row.type in _ROUTED:
        return None
    doc = pred.doc
    nxt = pred.i + 1
    while nxt < clause.end and tag_class(doc[nxt]) in ("adj", "adja"):
        nxt += 1
    if nxt >= clause.end or "gen" not in token_cases(doc[nxt]) and not any(m.start == nxt for m in mentions):
        return None
    by = [m for m in mentions if m.prep == "przez" and clause.start <= m.start < clause.end
          and nxt < m.start <= pred.i + 8]
    return min(by, key=lambda m: m.start) if by else None


def _light_verb_object(pred: Token, clause: Span) -> bool:
    """A verbal noun that is the accusative object of a verb close before it ('rozpoczęła inwazję', 'złożył wizytę')
    takes that verb's subject as its source; a noun anywhere else does not."""
    if not ({"acc", "inst"} & set(c.lower()[:3] for c in pred.morph.get("Case")) | {"acc"} & token_cases(pred)):
        return False
    doc = pred.doc
    nominal_seen = False
    for j in range(pred.i - 1, max(clause.start, pred.i - 7) - 1, -1):
        cls = tag_class(doc[j])
        if cls in ("subst", "depr") and adverbial(doc[j]):
            continue                        # 'dziś', 'wczoraj' read as nouns
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


# speech verb classes (speech_verbs.tsv) whose 'że' clause with 'musi'/'powinien' states a demand of the speaker
_DEMANDING = frozenset({"say", "assess", "criticise", "demand", "announce", "argue", "add", "warn", "claim",
                        "appeal", "emphasise", "write", "threaten", "suggest"})


@lru_cache(maxsize=1)
def _demanding_verbs() -> frozenset[str]:
    return frozenset(r["lemma"].lower() for r in read_tsv(lang_data("pl", "speech_verbs.tsv"))
                     if r.get("class") in _DEMANDING)


def _deontic(pred: Token, clause: Span, mentions: list[Mention]) -> Args | None:
    """'Rosja oświadczyła, że Ukraina musi wycofać wojska' -> RUS REQUEST UKR: the modal's subject is the target, the
    subject of the speech verb that opens the 'że' clause the source (a quote's speaker when none is named)."""
    doc = pred.doc
    if clause.start < 1 or doc[clause.start - 1].lower_ not in ("że", "iż"):
        if not _in_direct_quote(pred):
            return None
        # '– Rosja musi wycofać wojska – powiedział minister': in quoted speech the demand is the speaker's
        subj = [m for m in mentions if clause.start <= m.start < pred.i and m.prep is None and "nom" in m.cases
                and pred.i - m.end <= 3]
        return Args([], _group(max(subj, key=lambda m: m.start)), 0.6, carried=True) if subj else None
    subj = [m for m in mentions if clause.start <= m.start < pred.i and m.prep is None and "nom" in m.cases]
    if not subj:
        return None
    targets = _group(max(subj, key=lambda m: m.start))
    sent = pred.sent
    verbs = _demanding_verbs()
    speech = next((t for t in reversed(doc[sent.start:clause.start - 1]) if (t.lemma_ or "").lower() in verbs
                   and tag_class(t) in ("fin", "praet", "pcon", "impt", "bedzie", "inf")), None)
    if speech is None:
        return Args([], targets, 0.6, carried=True)
    cands = [m for m in mentions if m.start < clause.start - 1 and m.prep is None and "nom" in m.cases
             and m not in targets]
    if not cands:
        return Args([], targets, 0.6, carried=True)
    src = min(cands, key=lambda m: abs(m.start - speech.i))
    return Args(_group(src), [m for m in targets if m not in src.group], 0.6)


def _in_direct_quote(tok: Token) -> bool:
    """Whether the token lies inside a direct quotation (the quotes stage's spans)."""
    return any(q.start <= tok.i < q.end and q.label_ == "direct" for q in tok.doc.spans.get(QUOTES, []))


# what a speaker does by speaking: inside a quote such a predicate is the speaker's own act
_VERBAL_TYPES = frozenset({"REQUEST", "ACCUSE", "THREATEN", "SUPPORT", "REJECT", "AGREE", "CONCEDE"})


def speaker_act(pred: Token, row: Predicate) -> bool:
    """Whether a predicate inside a quote is the speaker's act: a verbal act ('apelujemy', 'potępiam'), or any act in
    the first person ('wyślemy', 'nałożymy'); other events in a quote are narrated, not the speaker's."""
    if row.type in _VERBAL_TYPES:
        return True
    return ":pri" in (pred.tag_ or "") or any(tag_class(t) == "aglt" and ":pri" in t.tag_ for t in pred.doc[
        pred.i + 1:pred.i + 3])


def _converse(pred: Token, clause: Span, mentions: list[Mention]) -> Args | None:
    """'Ukraina otrzymała od Niemiec czołgi' -> DEU AID UKR: the giver in an 'od' phrase is the source, the subject
    that receives is the target (verbs of receiving; the lexicon's prep 'converse')."""
    if verb_class(pred) not in _FINITE:
        return None
    in_clause = [m for m in mentions if clause.start <= m.start < clause.end]
    giver = [m for m in in_clause if m.prep == "od" and m.start > pred.i]
    taker = [m for m in in_clause if m.prep is None and "nom" in m.cases and m not in giver]
    if not giver or not taker:
        return None
    src = _group(min(giver, key=lambda m: m.start))
    return Args(src, [m for m in _group(_nearest(taker, pred.i)) if m not in src], 0.7)


def _relative_subject(clause: Span, pred: Token) -> Token | None:
    """The antecedent's last token when the clause opens with a nominative relative pronoun before the predicate
    ('..., który zaatakował'), else None."""
    doc = pred.doc
    # the pronoun is a clause boundary itself, so it stands just before the clause (or opens it)
    rel = next((doc[i] for i in (clause.start - 1, clause.start) if 0 <= i < pred.i
                and (doc[i].lemma_ or "").lower() == "który"), None)
    if rel is None or "nom" not in token_cases(rel):
        return None
    j = rel.i - 1
    while j >= 0 and doc[j].lower_ in (",", "–", "—"):
        j -= 1
    return doc[j] if j >= 0 else None


def _antecedent(clause: Span, pred: Token, mentions: list[Mention]) -> Mention | None:
    """The actor in the noun phrase a nominative 'który' refers to ('rosyjski dziennikarz, który został zatrzymany',
    'niemiecki okręt wojenny X, który został wysłany'): the phrase just before the comma, nouns and adjectives only."""
    last = _relative_subject(clause, pred)
    if last is None:
        return None
    doc = pred.doc
    lo = last.i
    while lo - 1 >= max(0, last.i - 7) and tag_class(doc[lo - 1]) in ("subst", "depr", "adj", "ign", "brev", "num"):
        lo -= 1
    inside = [m for m in mentions if lo <= m.start and m.end <= last.i + 1]
    return min(inside, key=lambda m: m.start) if inside else None


def _role_subject(clause: Span, pred: Token, mentions: list[Mention]) -> bool:
    """Whether the clause's only nominative noun before the predicate is a bare title of a state's office holder
    ('premier', 'prezydent', 'minister': sector_nouns.tsv, masculine personal) with no actor of its own."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    nouns = sector_nouns("pl")
    found = False
    for tok in pred.doc[clause.start:pred.i]:
        if tok.i in covered:
            return False
        if tag_class(tok) in ("subst", "depr", "ppron3", "ppron12") and tok.morph.get("Case") == ["Nom"] and \
                not adverbial(tok):
            if found or nouns.get(tok.lemma_.lower()) not in _OFFICE_SECTORS or ":m1" not in (tok.tag_ or ""):
                return False                # a person's title only, not 'kraj', 'władze' (topic kept elsewhere)
            found = True
    return found


# sectors of offices whose bare title refers back to the office holder named before
_OFFICE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "SPY", "COP"})


def _has_nominal_subject(clause: Span, pred: Token, mentions: list[Mention]) -> bool:
    """Whether the clause has a nominative noun or pronoun that is no actor (then the subject is not dropped)."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    for tok in clause:
        if tok.i == pred.i or tok.i in covered:
            continue
        if tok.lower_ == "to" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lemma_ == "znaczyć":
            continue                        # 'to znaczy' = 'that is': a connective, no subject
        if tag_class(tok) in ("subst", "depr", "ppron3", "ppron12") and tok.morph.get("Case") == ["Nom"] and \
                not adverbial(tok):
            return True
        if tok.lemma_ in {"który", "co", "kto"} and "nom" in token_cases(tok):
            return False
    return False


def _group(m: Mention | None) -> list[Mention]:
    return list(m.group) if m is not None else []
