"""Reported speech: a speech verb with its content clause, and opinion cues ("zdaniem X", "according to X").

"stwierdził, że polskie szpitale ..." -> the clause after "że"; "The Kremlin said on Tuesday that ..." -> the clause
after "that"; "X said the deal ..." (English bare complement of "say"-like verbs); "Content, X said." (English
attribution after the content); "Zdaniem ministra, ..." / "According to the minister, ..." -> the rest of the
sentence. Each finding is (content start token, content end token, verb token or cue token, cue text).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from kronika.quotes import lexicon as lx

_CLAUSE_FRAMES = frozenset({"ze", "that", "obj_that"})
_BARE_CLASSES = frozenset({"say", "claim", "announce", "assess", "inform", "warn", "admit", "deny", "emphasise",
                           "confirm", "report", "add", "argue", "explain", "promise", "reveal", "suggest", "agree"})
_QUOTES = set('"„”“«»')


@dataclass
class Reported:
    start: int        # content token span
    end: int
    verb: int         # the speech verb's token, or the opinion cue's first token
    kind: str         # clause | bare | after | opinion
    cue: str
    np: tuple[int, int] | None = None   # opinion cue: the noun phrase naming the holder
    subj: tuple[int, int] | None = None  # the speaker's token span when the parse gives it (quotes/parsed.py)


def _sent_end(doc: Doc, i: int) -> int:
    end = doc[i].sent.end
    while end > i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return end


def _clean(doc: Doc, s: int, e: int) -> tuple[int, int]:
    while s < e and (doc[s].is_punct or doc[s].is_space):
        s += 1
    while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space) and doc[e - 1].text not in ")]":
        e -= 1
    return s, e


def clauses(doc: Doc, verbs: dict[int, tuple[lx.Verb, str]], lex: lx.Lexicon) -> list[Reported]:
    out = []
    for v, (verb, _tag) in sorted(verbs.items()):
        if not (verb.frames & _CLAUSE_FRAMES):
            continue
        end = _sent_end(doc, v)
        comp = -1
        for k in range(v + 1, min(end, v + 10)):
            t = doc[k]
            if lex.kind_of(t.text) == "complementizer":
                comp = k
                break
            if t.text in (".", ";", ":", "?", "!") or t.text in _QUOTES or (k > v + 1 and k in verbs):
                break
        if comp >= 0:
            s, e = _clean(doc, comp + 1, end)
            if e - s >= 3:
                out.append(Reported(s, e, v, "clause", doc[v].text))
            continue
        if lex.lang == "en" and verb.cls in _BARE_CLASSES and doc[v].lower_ in ("said", "says", "say", "told", "tells",
                                                                               "added", "warned", "argued", "insisted",
                                                                               "claimed", "believes", "thinks"):
            k = v + 1
            if doc[v].lower_.startswith("tel") and k < end and (doc[k].text[:1].isupper() or doc[k].is_alpha):
                while k < end and doc[k].is_alpha and k - v < 4 and lex.kind_of(doc[k].text) != "pronoun":
                    k += 1   # "told reporters the deal ..." : skip the addressee
                if k >= end or doc[k].text in (",", "."):
                    continue
            if k < end and doc[k].is_alpha and (lex.kind_of(doc[k].text) == "pronoun" or doc[k].text[:1].isupper()
                                                 or doc[k].lower_ in ("the", "a", "an", "there", "this", "these",
                                                                      "its", "his", "her", "their")):
                s, e = _clean(doc, k, end)
                if e - s >= 4:
                    out.append(Reported(s, e, v, "bare", doc[v].text))
    return out


def trailing(doc: Doc, verbs: dict[int, tuple[lx.Verb, str]], lex: lx.Lexicon) -> list[Reported]:
    """English "Content, X said." / "Content, said X.": the attribution closes the sentence."""
    if lex.lang != "en":
        return []
    out = []
    for sent in lx.doc_sents(doc):
        toks = [t for t in sent if not t.is_space]
        if len(toks) < 6:
            continue
        for v in range(sent.end - 1, max(sent.start, sent.end - 9), -1):
            if v not in verbs or verbs[v][0].cls not in _BARE_CLASSES:
                continue
            tail = [t for t in doc[v + 1:sent.end] if not t.is_punct and not t.is_space]
            if len(tail) > 4 or any(lex.kind_of(t.text) == "preposition" or t.pos_ == "ADP" for t in tail):
                break
            comma = next((k for k in range(v - 1, max(sent.start, v - 7), -1) if doc[k].text == ","), None)
            if comma is None or comma - sent.start < 4:
                break
            if any(doc[k].text in _QUOTES for k in range(sent.start, comma)):
                break
            s, e = _clean(doc, sent.start, comma)
            out.append(Reported(s, e, v, "after", doc[v].text))
            break
    return out


def opinions(doc: Doc, lex: lx.Lexicon, stop_at: set[int]) -> list[Reported]:
    """"Zdaniem X, ..." / "Według X ..." / "According to X, ..." at a clause start; the holder NP ends at a comma."""
    out = []
    for sent in lx.doc_sents(doc):
        i = sent.start
        while i < sent.end and (doc[i].is_punct or doc[i].is_space):
            i += 1
        starts = [i] + [k + 1 for k in range(i, sent.end - 1) if doc[k].text == ","]
        for st in starts:
            m = None
            for k in (st, st + 1):     # a possessive before the cue: "Jego zdaniem", "In his view"
                if k < sent.end:
                    m = lx.match_cue(doc, k, lex, ("opinion_prep",))
                    if m:
                        st = k
                        break
            if not m:
                if st + 1 < sent.end and lex.kind_of(doc[st].text) == "pronoun":
                    m2 = lx.match_cue(doc, st + 1, lex, ("opinion_prep",))
                    if m2 and len(m2[0].words) == 1:
                        out_np = (st, st + 1)
                        s, e = _clean(doc, m2[1], _sent_end(doc, st))
                        if e - s >= 3:
                            out.append(Reported(s, e, st, "opinion", doc[st:m2[1]].text, out_np))
                continue
            cue, after = m
            if "*" in cue.words:
                np = (st + cue.words.index("*"), st + cue.words.index("*") + 1)
                body = after
            else:
                k = after
                while k < sent.end and doc[k].text != "," and k - after < 7 and k not in stop_at:
                    k += 1
                if k >= sent.end or doc[k].text != "," or k == after:
                    # no comma: "Według niego USA ..." — the holder is one pronoun or a short name
                    if after < sent.end and lex.kind_of(doc[after].text) == "pronoun":
                        k = after + 1
                    else:
                        continue
                np = (after, k)
                body = k + 1 if k < sent.end and doc[k].text == "," else k
            if st > sent.start and doc[st - 1].lower_ in ("jak", "as"):
                continue
            s, e = _clean(doc, body, _sent_end(doc, st))
            if e - s >= 3:
                out.append(Reported(s, e, st, "opinion", " ".join(cue.words), np))
    return out
