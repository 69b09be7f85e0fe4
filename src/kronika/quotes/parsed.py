"""English reported speech read from the dependency parse, with punctuation as a second witness.

The parse (UD labels, LAS ~0.73) says what a speech verb governs: its clausal complement (ccomp: "said the plan
would fail", "said on Tuesday that ..."), a to-infinitive for verbs that take one (xcomp: "vowed to cut taxes") and
its subject (nsubj, also after the verb: "said the minister"). News prose also puts the attribution after or inside
the content ("The deal, he said, is dead." / "The deal is dead, the minister said."), which the parse often gets
wrong, so those are read from the commas around a short "subject + verb" (or "verb + subject") attribution.
Each finding carries the speaker's token span when the parse or the attribution shape gives one.
"""
from __future__ import annotations

from spacy.tokens import Doc

from kronika.quotes import lexicon as lx
from kronika.quotes.indirect import Reported, _clean, _sent_end

_QUOTES = set('"„”“«»')
_REL = frozenset({"who", "which", "that", "whom"})
_NAME_DEPS = frozenset({"compound", "flat", "flat:name", "nmod:desc", "amod", "det", "nmod:poss", "nummod"})
_MAX_ATTR = 8          # tokens an inserted or trailing attribution may take ("the Indiana governor said on Friday")
_MIN_CONTENT = 3


def _subject_of(doc: Doc, v: int) -> tuple[int, int] | None:
    """The verb's subject as a token span: nsubj (either side), through a relative pronoun to the noun it stands
    for, or, for a participle or conjoined verb ("..., saying", "and added"), the subject of the verb it hangs on."""
    tok = doc[v]
    for _ in range(3):
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubj:outer")), None)
        if subj is not None:
            if subj.lower_ in _REL and tok.dep_.startswith("acl") and tok.head.pos_ in ("NOUN", "PROPN"):
                return _np(doc, tok.head.i)
            if subj.pos_ == "PRON" or subj.pos_ in ("NOUN", "PROPN", "NUM", "X"):
                return _np(doc, subj.i)
            return None
        if tok.dep_ not in ("conj", "xcomp", "advcl", "acl", "parataxis") or tok.head.i == tok.i:
            return None
        tok = tok.head
        while tok.pos_ in ("NOUN", "PROPN") and tok.head.i != tok.i:   # "mocked the complaint, saying": the noun's verb
            tok = tok.head
    return None


def _np(doc: Doc, head: int) -> tuple[int, int]:
    """The subject noun phrase around its head: its compounds, titles and modifiers, not its appositions or
    relative clauses ("Megan Hester, senior associate at ..." -> "Megan Hester")."""
    s = e = head
    for c in doc[head].children:
        if c.dep_ in _NAME_DEPS and c.i < head:
            s = min(s, c.left_edge.i if c.dep_ != "det" else c.i)
        elif c.dep_ in ("compound", "flat", "flat:name") and c.i > head:
            e = max(e, c.i)
    for k in range(head - 1, s - 1, -1):        # never across a comma or bracket
        if doc[k].text in ",()[]" or doc[k].text in _QUOTES:
            s = k + 1
            break
    return s, e + 1


def _content(doc: Doc, c: int, v: int, lo: int, hi: int) -> tuple[int, int] | None:
    """The clause under token c, without its complementizer, inside the sentence [lo, hi) and on one side of v."""
    s, e = doc[c].left_edge.i, doc[c].right_edge.i + 1
    if c > v:
        s = max(s, v + 1)
    else:
        e = min(e, v)
    s, e = max(s, lo), min(e, hi)
    while s < e and doc[s].dep_ == "mark" and doc[s].head.i == c and doc[s].lower_ != "to":
        s += 1
    s, e = _clean(doc, s, e)
    return (s, e) if e - s >= _MIN_CONTENT else None


def _attribution_shape(doc: Doc, v: int, lo: int, hi: int, lex: lx.Lexicon) -> tuple[int, int, int] | None:
    """'..., X said[, ...]' / '..., said X[, ...]': a short attribution between a comma (or the sentence start) and
    a comma or the sentence end; returns (attribution start, attribution end, subject start or -1)."""
    a = v
    while a > lo and v - a < _MAX_ATTR and doc[a - 1].text not in ",;:" and doc[a - 1].text not in _QUOTES:
        if lx.speech_verb(doc[a - 1], lex) or lex.kind_of(doc[a - 1].text) == "complementizer":
            return None
        a -= 1
    b = v + 1
    while b < hi and b - v < _MAX_ATTR and doc[b].text not in ",;:" and doc[b].text not in _QUOTES and \
            not doc[b].is_punct:
        if lex.kind_of(doc[b].text) == "complementizer" or doc[b].dep_ in ("ccomp", "mark"):
            return None
        b += 1
    before_comma = a > lo and doc[a - 1].text == ","
    after_end = b >= hi or doc[b].text in ",;" or doc[b].is_punct
    if not before_comma or not after_end or a - lo < _MIN_CONTENT:
        return None
    return a, b, a if a < v else -1


def reported(doc: Doc, verbs: dict[int, tuple[lx.Verb, str]], lex: lx.Lexicon) -> list[Reported]:
    """Reported speech of every English speech verb: its complement clause, or the content around a short
    attribution. Quoted content is the direct-quote reader's; overlaps are dropped by the caller."""
    out: list[Reported] = []
    for v, (verb, _tag) in sorted(verbs.items()):
        tok = doc[v]
        sent = tok.sent
        lo, hi = sent.start, _sent_end(doc, v)
        subj = _subject_of(doc, v)
        shape = _attribution_shape(doc, v, lo, hi, lex)
        if shape is not None:
            a, b, _ = shape
            parts = [(lo, a), (b, hi)] if b < hi else [(lo, a)]
            got = False
            for s, e in parts:
                s, e = _clean(doc, s, e)
                if e - s >= _MIN_CONTENT and not any(doc[k].text in _QUOTES for k in range(s, e)):
                    out.append(Reported(s, e, v, "after", tok.text, subj=subj or _np_between(doc, a, b, v)))
                    got = True
            if got:
                continue
        found = False
        for c in sorted(tok.children, key=lambda c: c.i):
            if c.dep_ == "ccomp" or (c.dep_ == "xcomp" and "to_inf" in verb.frames and c.i > v and
                                     any(m.lower_ == "to" for m in c.children)):
                if c.i < v and c.dep_ == "ccomp" and not (v - c.i < _MAX_ATTR + 4):
                    continue
                span = _content(doc, c.i, v, lo, hi)
                if span is None or doc[span[0]].text in _QUOTES:
                    continue
                out.append(Reported(span[0], span[1], v, "clause" if c.i > v else "after", tok.text, subj=subj))
                found = True
                break
        if found:
            continue
        comp = _complementizer(doc, v, hi, verbs, lex)
        if comp is not None:
            s, e = _clean(doc, comp + 1, hi)
            if e - s >= _MIN_CONTENT:
                out.append(Reported(s, e, v, "clause", tok.text, subj=subj))
    return out


def _np_between(doc: Doc, a: int, b: int, v: int) -> tuple[int, int] | None:
    """The subject inside a short attribution: the words before the verb, else those after it."""
    s, e = (a, v) if a < v else (v + 1, b)
    while e > s and (doc[e - 1].pos_ in ("ADV", "ADP", "PART") or doc[e - 1].dep_ in ("obl", "advmod", "obl:tmod")):
        e -= 1     # "X said on Friday"
    return (s, e) if e > s else None


def _complementizer(doc: Doc, v: int, hi: int, verbs: dict, lex: lx.Lexicon) -> int | None:
    """'said during a rally in Michigan that ...': a complementizer soon after the verb that the parse hung
    elsewhere."""
    for k in range(v + 1, min(hi, v + 10)):
        t = doc[k]
        if lex.kind_of(t.text) == "complementizer":
            return k if t.lower_ != "that" or t.dep_ in ("mark", "") else None
        if t.text in (".", ";", ":", "?", "!") or t.text in _QUOTES or (k > v + 1 and k in verbs):
            return None
    return None
