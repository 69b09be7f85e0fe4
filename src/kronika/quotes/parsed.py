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
    for step in range(3):
        subjs = [c for c in tok.children if c.dep_ in ("nsubj", "nsubj:outer") and (c.i < tok.i or step == 0)]
        subj = min(subjs, key=lambda c: abs(c.i - v)) if subjs else None
        if subj is not None:
            if subj.lower_ in _REL:       # "Heineken, which also said ...": the noun the relative stands for
                k = subj.i - 1
                while k >= 0 and doc[k].text == ",":
                    k -= 1
                if tok.dep_.startswith("acl") and tok.head.pos_ in ("NOUN", "PROPN"):
                    return _np(doc, tok.head.i)
                return _np(doc, k) if k >= 0 and doc[k].pos_ in ("NOUN", "PROPN") else None
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


def _attribution_shape(doc: Doc, v: int, lo: int, hi: int, lex: lx.Lexicon) -> tuple[int, int, int] | None:
    """'..., X said[, ...]' / '..., said X[, ...]': a short attribution between a comma (or the sentence start) and
    a comma or the sentence end; returns (attribution start, attribution end, subject start or -1)."""
    a = v
    while a > lo and v - a < _MAX_ATTR and doc[a - 1].text not in ",;:" and doc[a - 1].text not in _QUOTES:
        if lx.speech_verb(doc[a - 1], lex) or lex.kind_of(doc[a - 1].text) == "complementizer" or \
                doc[a - 1].lower_ in _REL:
            return None     # "..., which he said were ...": a relative clause, not an attribution
        a -= 1
    b = v + 1
    while b < hi and b - v < _MAX_ATTR and doc[b].text not in ",;:" and doc[b].text not in _QUOTES and \
            not doc[b].is_punct:
        if lex.kind_of(doc[b].text) == "complementizer" or doc[b].dep_ in ("ccomp", "mark"):
            return None
        b += 1
    if any(doc[k].pos_ in ("VERB", "AUX") for k in list(range(a, v)) + list(range(v + 1, b))):
        return None     # a clause of its own, not "X said" / "said X"
    if a == v and (b == v + 1 or doc[v + 1].pos_ not in ("DET", "PROPN", "NOUN", "PRON", "ADJ", "NUM") or
                   doc[v].tag_ in ("VBG", "VBN") or doc[v].lower_.endswith("ing")):
        return None     # no subject: ", speaking to reporters," / ", projecting a rise" are not attributions
    before_comma = a > lo and doc[a - 1].text == ","
    after_end = b >= hi or doc[b].text in ",;"
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
        if _quote_attribution(doc, v, lo, lex):
            continue
        subj = _subject_of(doc, v)
        shape = _attribution_shape(doc, v, lo, hi, lex)
        if shape is not None:
            a, b, _ = shape
            parts = [(lo, a), (b, hi)] if b < hi else [(lo, a)]
            got = False
            for s, e in parts:
                s, e = _clean(doc, s, e)
                if e - s >= _MIN_CONTENT and s not in verbs and _clausal(doc, s, e) and \
                        not any(doc[k].text in _QUOTES for k in range(s, e)):
                    out.append(Reported(s, e, v, "after", tok.text, subj=_np_between(doc, a, b, v) or subj))
                    got = True
            if got:
                continue
        comp = _complementizer(doc, v, hi, verbs, lex)
        if comp is not None:
            start = comp + 1
        else:
            start = next((c.i for c in sorted(tok.children, key=lambda c: c.i) if c.i > v and (
                c.dep_ == "ccomp" or (c.dep_ == "xcomp" and "to_inf" in verb.frames and not _passive(tok) and
                                      any(m.lower_ == "to" for m in c.children)))), None)
            if start is not None:
                start = doc[start].left_edge.i if doc[start].left_edge.i > v else v + 1
                while start < hi and doc[start].dep_ == "mark" and doc[start].lower_ != "to":
                    start += 1
            elif "bare" in verb.frames and not _passive(tok):
                start = _bare(doc, v, hi)
        if start is None:
            continue
        end = _clause_end(doc, start, hi, verbs)
        end = _before_conjunct(doc, v, start, end, verbs)
        end = _fronted_clause_end(doc, v, end)
        end = _before_quoted_clause(doc, start, end)
        end = _before_addition(doc, v, start, end)
        s, e = _clean(doc, start, end)
        if e - s >= _MIN_CONTENT and doc[s].text not in _QUOTES and (e - s >= 4 or _clausal(doc, s, e)):
            out.append(Reported(s, e, v, "clause", tok.text, subj=subj))
    return drop_nested(out)


def _before_conjunct(doc: Doc, v: int, s: int, e: int, verbs: dict) -> int:
    """'said she used a private account, but she denied that ...': a speech verb coordinated with the speech verb
    itself is the speaker's next utterance, not part of the content; the content ends before its conjunction."""
    for k in range(s + 1, e):
        if k in verbs and doc[k].head.i == v and doc[k].dep_ == "conj":
            if not any(c.dep_.startswith("nsubj") for c in doc[k].children):
                # "is telling X that A and says B": a second speech verb sharing the subject opens a new utterance
                if doc[k - 1].pos_ == "CCONJ" and k - 1 - s >= _MIN_CONTENT:
                    return k - 2 if doc[k - 2].text == "," else k - 1
                continue
            b = doc[k].left_edge.i
            if doc[b].pos_ == "CCONJ" and b > s:
                b -= 1
            elif b > s and doc[b - 1].pos_ == "CCONJ":
                b -= 2
            if b - s >= _MIN_CONTENT and doc[b].text in ",;—–":    # ", but she denied": a break and own subject
                return b
    return e


def _fronted_clause_end(doc: Doc, v: int, e: int) -> int:
    """'When Clinton noted that A, he interrupted her': a speech verb inside a fronted adverbial clause reports no
    more than that clause; the content ends where the verb's subtree ends."""
    tok = doc[v]
    if tok.dep_ != "advcl" or tok.head.i <= v or \
            not any((c.dep_ == "mark" or c.tag_ == "WRB") and c.i < v for c in tok.children):
        return e
    return min(e, tok.right_edge.i + 1)


def _before_quoted_clause(doc: Doc, s: int, e: int) -> int:
    """'said A, and when pressed, the mother replied, "B"': a quotation further on belongs to a new coordinated
    clause; the reported content ends at the ", and" that opens it (a quotation inside the content itself keeps
    the content whole, so that the overlap rule gives the quoted phrase only)."""
    q = next((k for k in range(s, e) if doc[k].text in _QUOTES or doc[k].text in ("''", "``")), None)
    if q is None:
        return e
    for k in range(s + _MIN_CONTENT, q - 1):
        if doc[k].text in ",;" and doc[k + 1].pos_ == "CCONJ":
            return k
    return e


def _quote_attribution(doc: Doc, v: int, lo: int, lex: lx.Lexicon) -> bool:
    """'"...," said Jo X, a retired general': a verb right after a closing quotation mark attributes that quotation;
    what follows it is its subject and apposition, not reported content (unless a complementizer opens a clause)."""
    k = v - 1
    subj = [c for c in doc[v].children if c.dep_ == "nsubj" and c.i < v and v - c.left_edge.i <= 5]
    if subj and subj[0].right_edge.i == v - 1:
        k = subj[0].left_edge.i - 1      # '"...," he said' / '"...," the minister said': the subject first
    while k >= lo and doc[k].text == ",":
        k -= 1
    if k < lo or doc[k].text not in _QUOTES and doc[k].text not in ("''", "'"):
        return False
    return not (v + 1 < len(doc) and lex.kind_of(doc[v + 1].text) == "complementizer")


def _passive(tok) -> bool:
    """'is expected to', 'was told': the speech verb's subject is not its speaker."""
    return any(c.dep_ in ("aux:pass", "nsubj:pass") for c in tok.children) or (
        tok.tag_ == "VBN" and any(c.lemma_ == "be" for c in tok.children if c.dep_.startswith("aux")))


def _clausal(doc: Doc, s: int, e: int) -> bool:
    return any(doc[k].pos_ in ("VERB", "AUX") for k in range(s, e))


def _bare(doc: Doc, v: int, hi: int) -> int | None:
    """'said the plan would fail' when the parse hung the clause elsewhere: a noun phrase right after the verb
    (the addressee of "told" stepped over) followed by a verb of its own."""
    k = v + 1
    if doc[v].lemma_ == "tell" or doc[v].lower_.startswith(("tell", "told")):
        while k < hi and k - v < 4 and doc[k].pos_ in ("PRON", "PROPN", "NOUN", "DET") and doc[k].dep_ in (
                "obj", "iobj", "det", "compound", "flat", "flat:name"):
            k += 1
    if k >= hi or doc[k].pos_ not in ("DET", "PRON", "PROPN", "NOUN", "NUM", "ADJ") or doc[k].lower_ in _REL:
        return None
    j = k
    while j < hi and j - k < 15 and doc[j].text not in ";:":
        if j > k and doc[j].pos_ in ("VERB", "AUX"):
            if doc[j - 1].lower_ == "to":
                return None     # "expected more companies to leave": an object and an infinitive, not a clause
            if doc[j].tag_ in ("VBG", "VBN") and doc[j].dep_ in ("acl", "amod", "acl:relcl") or \
                    doc[j].tag_ == "VBG" and j == k + 1:
                if _finite_past(doc, j, hi):
                    return k    # "said the findings raised more questions": a past tense the tagger read as
                j += 1          # a participle; "the politics surrounding the top ... would be": a participle
                continue
            return k if doc[j].tag_ != "VBG" else None
        j += 1
    return None


def _before_addition(doc: Doc, v: int, s: int, e: int) -> int:
    """The writer's own addition after the reported clause is not its content: a clause after a semicolon, a
    concessive clause (", although ..."), or a clause with its own subject that the parse coordinates with the
    speech verb itself ("announced that A, and the downgrade is ...")."""
    for k in range(s + _MIN_CONTENT, e - 1):
        t, nxt = doc[k], doc[k + 1]
        if t.text == ";" or t.text in (".", "!", "?") and (nxt.text[:1].isupper() or nxt.text in _QUOTES or
                                                           nxt.text in ("''", "``") or nxt.is_space):
            return k    # a missed sentence break ("... schools. ''Throughout ...") ends the content as well
        if t.text != ",":
            continue
        if nxt.lower_ in ("although", "though", "whereas") or \
                nxt.lower_ == "even" and k + 2 < e and doc[k + 2].lower_ in ("though", "if"):
            return k
        if nxt.pos_ == "CCONJ" and any(doc[m].head.i == v and doc[m].dep_ in ("ccomp", "xcomp") for m in range(s, k)) \
                and any(doc[m].head.i == v and doc[m].dep_ == "conj" and doc[m].left_edge.i >= k and
                                       any(c.dep_.startswith("nsubj") for c in doc[m].children)
                                       for m in range(k + 2, e)):
            return k
    return e


def _finite_past(doc: Doc, j: int, hi: int) -> bool:
    """A "-ed" form right after the subject's noun and followed by its object ("the campaign violated federal
    law") is the clause's finite verb; a participle modifying the noun is followed by "by", "in", a comma ..."""
    return doc[j].tag_ == "VBN" and doc[j].lower_.endswith("ed") and doc[j - 1].pos_ in ("NOUN", "PROPN", "NUM") and \
        j + 1 < hi and doc[j + 1].pos_ in ("DET", "NUM", "PRON", "ADJ", "ADV", "NOUN", "PROPN") and \
        doc[j + 1].lower_ not in _REL


def _clause_end(doc: Doc, s: int, hi: int, verbs: dict) -> int:
    """Reported content runs to the sentence end, short of a new attribution (", adding ...", ", he said")."""
    for k in range(s + 1, hi - 1):
        if doc[k].text not in ",;":
            continue
        for j in range(k + 1, min(hi, k + 6)):      # ", adding", ", he said", ", the source added"
            if j in verbs and (j == k + 1 or doc[k + 1].pos_ in ("PRON", "PROPN", "DET", "NOUN")):
                return k
            if doc[j].text in ",;" or doc[j].pos_ in ("VERB", "AUX"):
                break
    return hi


def drop_nested(found: list[Reported]) -> list[Reported]:
    """Reported speech inside other reported content ("said she thinks America ...") is part of that content."""
    out = []
    for r in found:
        if not any(o is not r and o.verb != r.verb and o.start <= r.start and r.end <= o.end and
                   (o.end - o.start) > (r.end - r.start) and o.start <= r.verb < o.end for o in found):
            out.append(r)
    return out


def _np_between(doc: Doc, a: int, b: int, v: int) -> tuple[int, int] | None:
    """The subject inside a short attribution: the words before the verb, else those after it."""
    s, e = (a, v) if a < v else (v + 1, b)
    while s < e and (doc[s].pos_ in ("SCONJ", "CCONJ") or doc[s].lower_ in ("as", "and", "but")):
        s += 1     # "..., as he warned": the conjunction is not the subject
    while e > s and (doc[e - 1].pos_ in ("ADV", "ADP", "PART") or doc[e - 1].dep_ in ("obl", "advmod", "obl:tmod")):
        e -= 1     # "X said on Friday"
    return (s, e) if e > s else None


def _complementizer(doc: Doc, v: int, hi: int, verbs: dict, lex: lx.Lexicon) -> int | None:
    """'said during a rally in Michigan that ...': a complementizer soon after the verb that the parse hung
    elsewhere."""
    for k in range(v + 1, min(hi, v + 10)):
        t = doc[k]
        if lex.kind_of(t.text) == "complementizer":
            nxt = doc[k + 1] if k + 1 < hi else None     # "said that." / "said that was wrong": a pronoun
            return k if nxt is not None and not nxt.is_punct and (nxt.pos_ not in ("VERB", "AUX") or
                                                                  nxt.tag_ == "VBG") else None
        if t.text in (".", ";", ":", "?", "!") or t.text in _QUOTES or (k > v + 1 and k in verbs):
            return None
    return None
