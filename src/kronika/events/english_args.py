"""Source and target of an English predicate: the dependency parse when a parser ran, else word order (the actor
before the verb is the source, the one after it the target; 'by X' in the passive).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from kronika.events.arguments import Args, _group, _nearest
from kronika.events.domestic import STATE_ACTS, place_mention
from kronika.events.lexicon import Predicate
from kronika.events.mentions import Mention

_EN_BE = {"is", "are", "was", "were", "be", "been", "being", "'s", "’s", "get", "got", "gets"}


def english(pred: Token, row: Predicate, clause: Span, mentions: list[Mention], prev_subject: list[Mention],
            nominal: bool, places: list[Span] = ()) -> Args | None:
    """Arguments of an English predicate: dependency parse when present, else word order."""
    doc = pred.doc
    if doc.has_annotation("DEP"):
        got = english_nominal_parsed(pred, row, mentions) if nominal else _english_parsed(pred, row, mentions)
        if got is not None:
            return got
    in_clause = [m for m in mentions if clause.start <= m.start < clause.end]
    passive = not nominal and any(doc[j].lower_ in _EN_BE for j in range(max(clause.start, pred.i - 3), pred.i)) \
        and pred.lower_.endswith(("ed", "en", "wn", "ne", "nt", "ck", "ht", "ld"))
    if passive:
        by = [m for m in mentions if m.prep == "by" and m.start > pred.i]
        subj = [m for m in in_clause if m.start < pred.i and m.prep is None]
        target = _group(max(subj, key=lambda m: m.start) if subj else None)
        if not by:
            # 'was put under investigation in Italy': an act only authorities perform belongs to the place's state
            where = place_mention(clause, target, mentions, places, "en") if row.type in STATE_ACTS else None
            return Args(_group(where), target, 0.6) if where is not None and where.start > pred.i else None
        return Args(_group(_nearest(by, pred.i)), target, 0.7)
    if nominal:
        adj = [m for m in mentions if 0 < pred.i - m.end + 1 <= 3 and m.end <= pred.i
               and all(t.lower_ not in {",", "and"} for t in doc[m.end:pred.i])]
        by = [m for m in mentions if m.start > pred.i and m.prep in ("by", "of") and m.start - pred.i <= 3]
        src = adj[-1] if adj else (by[0] if by else None)
        if src is None:
            return None
        tg = [m for m in mentions if m.start > pred.i and m not in src.group and m.start - pred.i <= 8
              and (m.prep in row.preps or (not row.preps and m.prep in ("on", "against", "with", "to")))]
        return Args(_group(src), _group(tg[0] if tg else None), 0.6)
    before = [m for m in in_clause if m.start < pred.i and m.prep in (None, "of")]
    if not before:
        earlier = [m for m in mentions if m.start < pred.i and m.prep is None]
        if earlier and _subject_gap_ok(doc, earlier[-1], pred):
            before = [earlier[-1]]
    if not before:
        return None
    src = max(before, key=lambda m: m.start)
    if src.prep == "of" and src.head is None:
        return None
    after = [m for m in mentions if m.start > pred.i and m not in src.group and m.start - pred.i <= 10]
    if row.preps - {"acc"}:
        # the lexicon's preposition, or a direct object (PETRARCH2 rows seldom name 'acc')
        pref = [m for m in after if m.prep in row.preps or m.prep is None]
    else:
        pref = [m for m in after if m.prep in (None, "against", "on", "with", "to", "at", "into", "toward",
                                                "towards", "over", "from", "for")]
    pref = [m for m in pref if _no_clause_break(doc, pred.i, m.start)]
    tgt = min(pref, key=lambda m: m.start) if pref else None
    return Args(_group(src), _group(tgt), 0.7 if src in in_clause else 0.55)


def _subject_gap_ok(doc, m: Mention, pred: Token) -> bool:
    """An actor before a relative/appositive stretch can still be the subject ('Russia, which ..., attacked')."""
    between = doc[m.end:pred.i]
    return len(between) <= 12 and not any(t.lower_ in {"that", "said", "says", ";", "if", "when", "after", "because"}
                                          for t in between)


def _no_clause_break(doc, i: int, j: int) -> bool:
    return not any(t.lower_ in {";", "said", "says", "while", "but", "which", "who", "after", "before", "because"}
                   for t in doc[i + 1:j])


# verbal acts whose addressee may be the subject of the clause they govern ('demanded that X ...', 'warned that X')
CONTENT_TARGET_TYPES = frozenset({"REQUEST", "ACCUSE", "THREATEN", "SUPPORT", "REJECT"})
_EN_TARGET_CASES = frozenset({"on", "against", "with", "to", "at", "into", "toward", "towards", "over", "from", "for",
                              "upon", "onto", "between"})


def _case_word(tok: Token) -> str | None:
    """The preposition (UD `case` child) of a nominal, lower-cased."""
    for c in tok.children:
        if c.dep_ == "case":
            return c.lower_
    return None


def _english_parsed(pred: Token, row: Predicate, mentions: list[Mention]) -> Args | None:
    """Roles read off a UD parse (en_core, trained on EWT): nsubj / obl:agent ('by X') = source; obj, iobj,
    nsubj:pass and obl/nmod with a target preposition = target. A mention inside such a phrase ('Russian diplomats',
    'sanctions on Iran') takes the phrase's role. Returns None when the parse gives no source."""
    passive = any(c.dep_ in ("aux:pass", "nsubj:pass", "auxpass", "nsubjpass") for c in pred.children)

    def role(m: Mention) -> str | None:
        tok = m.span.root
        path = []
        while tok.i != pred.i and tok.head.i != tok.i and len(path) < 4:
            path.append(tok)
            tok = tok.head
        if tok.i != pred.i or not path:
            return None
        last = path[-1]
        dep = last.dep_
        case = _case_word(last)
        if dep in ("nsubj", "agent", "obl:agent") and not (dep == "nsubj" and passive) or \
                dep == "obl" and case == "by" and passive:
            return "source"
        if dep in ("nsubj:pass", "nsubjpass", "obj", "dobj", "iobj", "dative"):
            return "target"
        if dep in ("obl", "nmod", "prep", "obl:tmod") and case is not None:
            if case in row.preps or (not (row.preps - {"acc"}) and case in _EN_TARGET_CASES):
                return "target"
        if dep == "ccomp" and len(path) >= 2 and path[-2].dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and \
                row.type in CONTENT_TARGET_TYPES:
            return "content"                # 'demanded that the US cancel': whom the demand is aimed at
        return None
    src, tgt, content = None, None, None
    for m in sorted(mentions, key=_depth):       # the mention that heads its phrase first ('NATO-member Norway')
        r = role(m)
        if r == "source" and src is None:
            src = m
        elif r == "target" and tgt is None:
            tgt = m
        elif r == "content" and content is None:
            content = m
    tgt = tgt or content
    if src is None:
        # an infinitive or conjoined verb takes the subject of the verb it hangs on ('plans to impose', 'met and
        # agreed')
        gov = pred.head if pred.dep_ in ("xcomp", "conj", "ccomp", "advcl") else None
        if gov is not None and gov.i != pred.i:
            subj = [c for c in gov.children if c.dep_ == "nsubj"]
            for m in mentions:
                if any(m.start <= c.i < m.end or c.i in {t.i for t in m.span.root.ancestors} and
                       m.span.root.head.i == c.i for c in subj):
                    src = m
                    break
    if src is None:
        return None
    return Args(_group(src), _group(tgt) if tgt is not None and tgt not in src.group else [], 0.8)


def _depth(m: Mention) -> int:
    """How deep the mention's root sits in the parse (a phrase's head before its modifiers)."""
    tok, n = m.span.root, 0
    while tok.head.i != tok.i and n < 20:
        tok, n = tok.head, n + 1
    return n


def english_nominal_parsed(pred: Token, row: Predicate, mentions: list[Mention]) -> Args | None:
    """A verbal noun in a UD parse: its amod / compound / nmod:poss actor ('Russian strikes', "Iran's attack") or
    'by X' is the source; an nmod with the row's preposition ('strikes on Kyiv') the target."""
    src, tgt = None, None
    for m in mentions:
        root = m.span.root
        if root.head.i != pred.i:
            continue
        case = _case_word(root)
        if root.dep_ in ("amod", "compound", "nmod:poss", "poss") or case == "by":
            src = src or m
        elif root.dep_ in ("nmod", "obl") and case is not None and (
                case in row.preps or not (row.preps - {"acc"}) and case in _EN_TARGET_CASES):
            tgt = tgt or m
    if src is None:
        return None
    return Args(_group(src), _group(tgt) if tgt is not None and tgt not in src.group else [], 0.65)
