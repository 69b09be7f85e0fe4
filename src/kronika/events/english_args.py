"""Source and target of an English predicate: the dependency parse when a parser ran, else word order (the actor
before the verb is the source, the one after it the target; 'by X' in the passive).

The en_core parser is small (UD EWT) and often wrong, so each parse reading has a fallback: a subject shared through
xcomp/conj chains and relative clauses, a pronoun subject ('He', 'It') resolved to the previous sentence's subject,
the first suitably marked actor after the predicate when the parse attaches no object, and tag gating of lexicon
rows (`row_pos`) that lets the tagger's usual slips through. Acts that are only asked for ('demanded that X leave')
are no events.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from kronika.events.arguments import Args, _group, _nearest
from kronika.events.domestic import STATE_ACTS, place_mention
from kronika.events.lexicon import Predicate
from kronika.events.mentions import Mention, english_mentions
from kronika.events.modality import cues as modality_cues
from kronika.resources import lang_data, read_tsv

_EN_BE = {"is", "are", "was", "were", "be", "been", "being", "'s", "’s", "get", "got", "gets"}


def english(pred: Token, row: Predicate, clause: Span, mentions: list[Mention], prev_subject: list[Mention],
            nominal: bool, places: list[Span] = ()) -> Args | None:
    """Arguments of an English predicate: dependency parse when present, else word order."""
    doc = pred.doc
    nominal = nominal and row.pos != "verb"       # a verb row on a token the tagger took for a noun ('lent/NN')
    if _asked_for(pred, clause):
        return None
    if doc.has_annotation("DEP"):
        got = english_nominal_parsed(pred, row, mentions) if nominal else \
            _english_parsed(pred, row, mentions, prev_subject)
        if got is not None and not got.targets:
            # the parser often misattaches the object ('tortured scores of Sierra Leonean refugees', 'riots against
            # Israeli policies'): the first actor after the predicate in its clause, as word order reads it
            tgt = _word_order_target(pred, row, clause, mentions, got.sources, nominal)
            if tgt is not None:
                return Args(got.sources, _group(tgt), got.confidence - 0.1)
        if got is not None:
            return got
        if _owner_not_actor(pred):
            return None
    in_clause = [m for m in mentions if clause.start <= m.start < clause.end]
    passive = not nominal and any(doc[j].lower_ in _EN_BE and doc[j].tag_ != "POS"
                                  for j in range(max(clause.start, pred.i - 3), pred.i)) \
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
        pref = [m for m in after if m.prep in row.preps or m.prep is None or _outer_prep(m) in row.preps]
    else:
        pref = [m for m in after if m.prep in _EN_TARGET_CASES or m.prep is None or
                _outer_prep(m) in _EN_TARGET_CASES]
    pref = [m for m in pref if _no_clause_break(doc, pred.i, m.start)]
    tgt = min(pref, key=lambda m: m.start) if pref else None
    return Args(_group(src), _group(tgt), 0.7 if src in in_clause else 0.55)


def _owner_not_actor(pred: Token) -> bool:
    """Whether the parse names who acts and it is no actor: a subject of the verb's own ('people blocked', 'the
    talks ended') or the noun a participle or relative clause describes ('rebels fighting to topple ...'). Then word
    order must not pick an actor from elsewhere in the sentence."""
    if pred.tag_.startswith("NN"):
        return False
    if (pred.dep_ == "advcl" and pred.tag_ == "VBG" or pred.dep_ in ("conj", "xcomp") and pred.tag_ in ("VBG", "VB")) \
            and pred.head.i != pred.i and \
            any(c.dep_ in ("nsubj",) + _PASS_SUBJ and c.lower_ not in _PRONOUNS and c.lower_ not in _RELATIVE
                for c in pred.head.children):
        return True                         # 'X forces launched fire ..., killing 50': the head's subject acts
    own = [c for c in pred.children if c.dep_ in ("nsubj", "csubj") + _PASS_SUBJ and c.lower_ not in _PRONOUNS
           and c.lower_ not in _RELATIVE]
    if bool(own) and not is_passive(pred):
        return True
    t = pred                                # 'rebels fighting to topple the government': up an xcomp chain
    for _ in range(3):
        if t.dep_ in ("acl", "acl:relcl") and t.head.tag_.startswith("NN"):
            return not misread_main(t)
        if t.dep_ not in ("xcomp", "conj") or t.head.i == t.i:
            return False
        t = t.head
    return False


def _asked_for(pred: Token, clause: Span) -> bool:
    """Whether the predicate is what a request or fear is about, not an act: the verb of a that-clause governed by a
    verb of demanding, urging or predicting ('demanded that Hamas renounce', 'fears that Russia will attack')."""
    lo = clause.start
    if lo < 2 or pred.doc[lo].lower_ != "that" and pred.doc[lo - 1].lower_ != "that":
        return False
    that = lo if pred.doc[lo].lower_ == "that" else lo - 1
    gov = pred.doc[that - 1]
    return (gov.lemma_ or gov.lower_).lower() in _content_governors()


@lru_cache(maxsize=1)
def _content_governors() -> frozenset[str]:
    """One-word verbs whose complement is hypothetical (modality_cues.tsv: hypothetical, governs_inf or clause)."""
    table = modality_cues("en")
    return frozenset(c.lemmas[0] for cs in table.by_first.values() for c in cs
                     if c.modality == "hypothetical" and len(c.lemmas) == 1 and c.lemmas[0].isalpha()
                     and c.lemmas[0] not in _MODAL_WORDS)


# auxiliaries and adverbs among the hypothetical cues: they govern no that-clause
_MODAL_WORDS = frozenset({"could", "would", "might", "may", "should", "must", "if", "unless", "whether", "possibly",
                          "possible", "potential", "potentially", "perhaps", "maybe", "probably", "likely",
                          "unlikely", "allegedly", "alleged", "reportedly", "scenario"})


def _word_order_target(pred: Token, row: Predicate, clause: Span, mentions: list[Mention],
                       sources: list[Mention], nominal: bool = False) -> Mention | None:
    """The first actor after the predicate, in its clause and within eight tokens, marked as the row wants (a verbal
    noun's target needs its preposition: 'riots against Israeli policies')."""
    doc = pred.doc
    end = clause.end
    if row.type in CONTENT_TARGET_TYPES and end < len(doc) and doc[end].lower_ == "that" and end - pred.i <= 3:
        # 'demanded that the US cancel', 'warned that Russia would': the subject of the content clause
        end = min(end + 4, len(doc))
    after = [m for m in mentions if pred.i < m.start <= end and m not in sources and m.start - pred.i <= 8
             and _no_clause_break(doc, pred.i, m.start)]
    if nominal:
        after = [m for m in after if m.prep in (row.preps - {"acc"} or _EN_NOMINAL_CASES) and m.start - pred.i <= 6]
    elif row.preps - {"acc"}:
        after = [m for m in after if m.prep in row.preps or m.prep is None or _outer_prep(m) in row.preps]
    else:
        after = [m for m in after if m.prep in _EN_TARGET_CASES or m.prep is None or
                 _outer_prep(m) in _EN_TARGET_CASES]
    return after[0] if after else None


def _outer_prep(m: Mention) -> str | None:
    """For an actor in an 'of' phrase, the preposition of the noun it belongs to ('lashed out at the policies of the
    G7' -> 'at'); None otherwise."""
    if m.prep != "of":
        return None
    doc = m.span.doc
    j = m.start - 1
    while j >= 0 and doc[j].lower_ != "of":
        j -= 1
    j -= 1                                  # the noun before 'of'
    for k in range(j - 1, max(-1, j - 5), -1):
        w = doc[k]
        if w.tag_ == "IN" or w.lower_ in _EN_TARGET_CASES:
            return w.lower_
        if not (w.tag_.startswith(("JJ", "NN", "DT", "VBN", "VBG", "PRP$")) or w.lower_ in ("'s", "’s")):
            return None
    return None


_EN_NOMINAL_CASES = frozenset({"on", "against", "with", "to", "at", "into", "toward", "towards", "over", "upon"})


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


def _english_parsed(pred: Token, row: Predicate, mentions: list[Mention],
                    prev_subject: list[Mention] = ()) -> Args | None:
    """Roles read off a UD parse (en_core, trained on EWT): nsubj / obl:agent ('by X') = source; obj, iobj,
    nsubj:pass and obl/nmod with a target preposition = target. A mention inside such a phrase ('Russian diplomats',
    'sanctions on Iran') takes the phrase's role. Returns None when the parse gives no source."""
    passive = is_passive(pred)

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
        if (dep in ("agent", "obl:agent") or dep == "obl" and case == "by" and passive) and len(path) > 2:
            return None                     # deeper in the agent phrase: 'by a bomb near the Syrian town'
        if dep in ("nsubj", "agent", "obl:agent") and not (dep == "nsubj" and passive) or \
                dep == "obl" and case == "by" and passive or dep in _PASS_SUBJ and not passive:
            return "source"                 # an active verb's 'nsubj:pass' is the parser's slip for its subject
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
        src = _shared_subject(pred, mentions)
    if src is None:
        carried = _pronoun_source(pred, prev_subject)
        if not carried:
            return None
        return Args(carried, _group(tgt) if tgt is not None and tgt not in carried else [], 0.7, carried=True)
    return Args(_group(src), _group(tgt) if tgt is not None and tgt not in src.group else [], 0.8)


_PASS_SUBJ = ("nsubj:pass", "nsubjpass")
_RELATIVE = frozenset({"that", "which", "who", "whom", "whose"})
_PRONOUNS = frozenset({"it", "they", "he", "she", "we"})


def is_passive(pred: Token) -> bool:
    """A passive verb: a passive auxiliary, or a participle with a passive subject ('was killed', 'got arrested');
    the parser's 'nsubj:pass' on an active verb ('rebels have kidnapped') alone is not enough."""
    kids = list(pred.children)
    if any(c.dep_ in ("aux:pass", "auxpass") for c in kids):
        return True
    if pred.tag_ != "VBN" or any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in kids):
        return False
    # a reduced passive: 'the channel, disputed by Argentina and Chile' (no subject, an agent phrase)
    return any(c.dep_ in _PASS_SUBJ for c in kids) or not any(c.dep_.startswith("nsubj") for c in kids) and any(
        c.dep_ in ("obl", "obl:agent", "agent") and _case_word(c) == "by" for c in kids)


def misread_main(pred: Token) -> bool:
    """Whether an 'acl' verb is the main verb the small parser hung on its subject noun: a finite form ('Sudan's
    government on Sunday lifted'), or a participle with a direct object ('Nigerian authorities jailed 52 members');
    a true reduced relative is a participle with no object ('deals reached with Israel')."""
    if pred.dep_ != "acl" or not pred.head.tag_.startswith("NN") or pred.head.i > pred.i:
        return False
    return pred.tag_ in ("VBD", "VBZ") or pred.tag_ == "VBN" and any(c.dep_ in ("obj", "dobj") for c in pred.children)


def _in_phrase(m: Mention, head: Token, steps: int = 2) -> bool:
    """Whether the mention is the nominal `head` or sits in its phrase within two steps ('Security forces in Guinea',
    'Afghan rebels', 'the government of Sudan')."""
    if m.start <= head.i < m.end:
        return True
    tok = m.span.root
    for _ in range(steps):
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.i == head.i:
            return True
    return False


def _shared_subject(pred: Token, mentions: list[Mention]) -> Mention | None:
    """The source of a verb with no subject of its own: an infinitive or conjoined verb takes the subject of the verb
    it hangs on ('agreed to lift', 'kidnapped ... and exploded', 'plans to impose'), up to three steps; a relative
    clause ('the faction that controls X') or an active participle ('rebels fighting the army') its head noun."""
    tok = pred
    if misread_main(pred):
        # the parser's misreading of the main verb as a noun modifier ("Sudan's government on Sunday lifted")
        return next((m for m in mentions if m.start < pred.i and _in_phrase(m, pred.head)), None)
    for _ in range(3):
        own = [c for c in tok.children if c.dep_ in ("nsubj", "csubj") + _PASS_SUBJ]
        pronoun = bool(own) and all(c.lower_ in _PRONOUNS for c in own)
        if own and tok.i != pred.i and not pronoun:
            subj = [c for c in own if c.dep_ == "nsubj" or c.dep_ in _PASS_SUBJ and not is_passive(tok)]
            return next((m for m in mentions for c in subj if _in_phrase(m, c)), None)
        if own and tok.i == pred.i and not pronoun:
            return None                     # a subject of its own that is no actor ('the talks', 'people')
        if tok.dep_ == "acl:relcl" and any(c.dep_ == "nsubj" and c.lower_ in _RELATIVE for c in own) or \
                tok.dep_ == "acl" and tok.tag_ == "VBG":
            return next((m for m in mentions if _in_phrase(m, tok.head)), None)
        # 'said it will withdraw', 'say they would meet': a pronoun subject of reported speech is the speaker
        # 'shelled the city, killing five': an adverbial participle shares its head's subject
        if tok.dep_ not in ("xcomp", "conj") and not (pronoun and tok.dep_ == "ccomp") and \
                not (tok.dep_ == "advcl" and tok.tag_ == "VBG") or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def subject_of(sent: Span, spans: list[Span]) -> list[Mention]:
    """The actor in the subject phrase of the sentence's main verb ('India's finance minister said ...'), so that
    'He' or 'It' in the next sentence can stand for it. Needs a parse."""
    if not sent.doc.has_annotation("DEP"):
        return []
    root = sent.root
    subj = [c for c in root.children if c.dep_ == "nsubj"]
    mentions = english_mentions(sent, spans)
    for m in mentions:
        if any(_in_phrase(m, c, 3) for c in subj):
            return list(m.group)
    if not root.tag_.startswith("VB") and mentions and mentions[0].start - sent.start <= 2 and \
            mentions[0].prep is None:
        return list(mentions[0].group)      # a misparsed sentence: news sentences open with their subject
    if root.tag_.startswith("VB") and not subj:
        before = [m for m in mentions if m.end <= root.i and m.prep is None and root.i - m.end <= 6]
        if before:
            return list(before[-1].group)   # 'In London, India's finance minister, lashed out ...'
    return []


def keeps_topic(sent: Span) -> bool:
    """Whether the sentence's main verb has a personal pronoun subject ('He objected ...'): the subject of the
    sentence before stays in force for the next one."""
    if not sent.doc.has_annotation("DEP"):
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in _PRONOUNS for c in sent.root.children)


def _pronoun_source(pred: Token, prev_subject: list[Mention]) -> list[Mention]:
    """The previous sentence's subject actor for a pronoun subject ('He also called for ...'): 'he'/'she' only for a
    person or an actor with a role noun ('India's finance minister'), 'it' only for one without."""
    if not prev_subject:
        return []
    tok = pred
    for _ in range(3):
        own = [c for c in tok.children if c.dep_ in ("nsubj",) + _PASS_SUBJ]
        if own:
            break
        if tok.dep_ not in ("xcomp", "conj") or tok.head.i == tok.i:
            return []
        tok = tok.head
    if len(own) != 1 or own[0].i < pred.sent.start or own[0].dep_ in _PASS_SUBJ and is_passive(tok):
        return []
    word = own[0].lower_
    m = prev_subject[0]
    personal = m.span._.mention_kind == "person" or m.head is not None
    if word in ("he", "she") and personal or word == "it" and not personal and len(prev_subject) == 1 or \
            word == "they" and (len(prev_subject) > 1 or not personal):
        return prev_subject
    return []


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
        if root.dep_ in ("amod", "compound", "nmod:poss", "poss") or case == "by" or \
                root.dep_ == "nsubj" and pred.tag_.startswith("VB"):        # 'the Russian/nsubj raid/VBD'
            src = src or m
        elif root.dep_ in ("nmod", "obl") and case is not None and (
                case in row.preps or not (row.preps - {"acc"}) and case in _EN_TARGET_CASES):
            tgt = tgt or m
    if src is None:
        return None
    return Args(_group(src), _group(tgt) if tgt is not None and tgt not in src.group else [], 0.65)


def row_pos(tok: Token) -> frozenset[str]:
    """Which lexicon rows a token may open, by its tag: a noun ('forces', 'arms', 'plans', 'March') only noun rows,
    a verb only verb rows, an attributive adjective or participle ('the banned party', 'ousted president') only a
    noun row (a multiword noun: 'military aid'). Untagged: both.
    The tagger's usual slips are let through: a past form tagged as a noun ('China lent/NN'), a plural noun tagged
    as a verb after a verb or determiner ('held talks/VBZ')."""
    tag = tok.tag_ if tok.doc.has_annotation("TAG") else ""
    if not tag:
        return _ALL_POS
    low = tok.lower_
    if tag.startswith("NN"):
        past = tag == "NN" and (low.endswith("ed") or _irregular_past(low)) and tok.i > 0 and \
            tok.doc[tok.i - 1].tag_ in ("NNP", "NNPS", "PRP", "NNS", "NN")
        return _ALL_POS if past else _NOUN
    if tag.startswith("VB"):
        prev = tok.doc[tok.i - 1].tag_ if tok.i > 0 and tok.i > tok.sent.start else ""
        if tag in ("VBN", "VBG") and tok.dep_ == "amod" and tok.head.i > tok.i and \
                not (prev.startswith("NN") or prev == "PRP"):
            return _NOUN                    # after a noun it is more likely the main verb the parser missed
        if tag == "VBN" and tok.dep_ == "acl" and tok.head.tag_.startswith("NN") and not misread_main(tok):
            return frozenset()              # a reduced relative ('peace deals reached with Israel'): background
        if tag in ("VBZ", "VBP") and low.endswith("s") and (prev.startswith("VB") or prev in ("DT", "JJ", "PRP$")):
            return _ALL_POS
        return _VERB
    if tag == "JJ" and tok.dep_ == "amod":
        prev = tok.doc[tok.i - 1].tag_ if tok.i > tok.sent.start else ""
        if low.endswith("ed") and (prev.startswith("NN") or prev == "PRP"):
            return _ALL_POS                 # 'minister criticised/JJ China': a verb the tagger missed
        return _NOUN                        # only a multiword noun it opens ('military aid', 'ethnic cleansing')
    return _ALL_POS


_ALL_POS = frozenset({"verb", "noun"})
_NOUN = frozenset({"noun"})
_VERB = frozenset({"verb"})


@lru_cache(maxsize=1)
def _irregular_pasts() -> frozenset[str]:
    return frozenset(r["form"] for r in read_tsv(lang_data("en", "irregular_forms.tsv")) if r["form"] != r["lemma"])


def _irregular_past(word: str) -> bool:
    return word in _irregular_pasts()
