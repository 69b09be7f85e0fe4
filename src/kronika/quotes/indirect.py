"""Reported speech: a speech verb with its content clause, and opinion cues ("zdaniem X", "according to X").

"stwierdził, że polskie szpitale ..." -> the clause after "że"; "The Kremlin said on Tuesday that ..." -> the clause
after "that"; "X said the deal ..." (English bare complement of "say"-like verbs); "Content, X said." (English
attribution after the content); "Zdaniem ministra, ..." / "According to the minister, ..." -> the rest of the
sentence; "Taxes will rise, according to X." -> the content before a closing cue; "the claim that ..." /
"zapewnienie premiera, że ..." -> the content clause of a speech noun. Each finding is (content start token,
content end token, verb token or cue token, cue text).
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
    kind: str         # clause | bare | after | opinion | noun
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


def not_a_speaker(doc: Doc, v: int, tag: str, verb: lx.Verb, lex: lx.Lexicon) -> bool:
    """Polish reported speech with no speaker to name: the impersonal "uważa się / mówi się, że" (a non-reflexive
    speech verb with "się" in the 3rd person) and a relative "co" as subject ("..., co sugeruje, że": a fact
    suggests, nobody speaks)."""
    if lex.lang != "pl":
        return False
    near = [doc[k].lower_ for k in (v - 1, v + 1) if 0 <= k < len(doc)]
    if "się" in near and "reflexive" not in verb.frames and tag.startswith("fin:sg:ter"):
        return True
    k = v - 1
    while k >= 0 and lex.words.get(doc[k].lower_, ("",))[0] == "adverb":
        k -= 1
    return k >= 1 and doc[k].lower_ == "co" and doc[k - 1].text == ","


def credit_cut(doc: Doc, s: int, e: int, lex: lx.Lexicon) -> int:
    """Reported content ends before a credit or teaser line the flattened page runs into ("... Źródło: PAP")."""
    for k in range(s + 1, e - 1):
        if doc[k + 1].text == ":" and lex.kind_of(doc[k].text) in ("credit", "teaser") and doc[k].text[:1].isupper():
            return k
    return e


def clauses(doc: Doc, verbs: dict[int, tuple[lx.Verb, str]], lex: lx.Lexicon) -> list[Reported]:
    out = []
    for v, (verb, tag) in sorted(verbs.items()):
        if not (verb.frames & _CLAUSE_FRAMES) and "aby" not in verb.frames:
            continue
        if not_a_speaker(doc, v, tag, verb, lex):
            continue
        end = _sent_end(doc, v)
        comp = -1
        for k in range(v + 1, min(end, v + 10)):
            t = doc[k]
            kind = lex.kind_of(t.text)
            if kind == "complementizer" and verb.frames & _CLAUSE_FRAMES or \
                    kind == "purpose_complementizer" and "aby" in verb.frames:
                comp = k
                break
            if t.text in (".", ";", ":", "?", "!") or t.text in _QUOTES or (k > v + 1 and k in verbs):
                break
        if comp >= 0:
            s, e = _clean(doc, comp + 1, credit_cut(doc, comp + 1, end, lex))
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


def _has_verb(doc: Doc, s: int, e: int, lex: lx.Lexicon) -> bool:
    """Whether doc[s:e] holds a finite or participial verb (a clause, not an apposition)."""
    for k in range(s, e):
        tok = doc[k]
        if lex.lang == "pl":
            if tok.text[:1].islower() and any(t.split(":", 1)[0] in ("fin", "praet", "bedzie", "winien", "imps", "pred")
                                              for _, t in lx.readings(tok)):
                return True
        elif tok.pos_ in ("VERB", "AUX"):
            return True
    return False


def opinions(doc: Doc, lex: lx.Lexicon, stop_at: set[int]) -> list[Reported]:
    """"Zdaniem X, ..." / "Według X ..." / "According to X, ..." at a clause start; the holder NP ends at a comma."""
    out = []
    for sent in lx.doc_sents(doc):
        i = sent.start
        while i < sent.end and (doc[i].is_punct or doc[i].is_space):
            i += 1
        starts = [i] + [k + 1 for k in range(i, sent.end - 1) if doc[k].text == ","]
        if lex.lang == "pl":      # a capitalised cue inside a sentence starts one the splitter missed (a heading
            starts += [k for k in range(i + 1, sent.end - 1)     # glued to the text: "Atak hybrydowy Według ...")
                       if doc[k].text[:1].isupper() and not doc[k].text.isupper() and doc[k - 1].text not in _QUOTES
                       and lx.match_cue(doc, k, lex, ("opinion_prep",)) and k not in starts]
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
            if st > sent.start and doc[st - 1].lower_ in ("jak", "as"):
                continue
            end = _sent_end(doc, st)
            if "*" in cue.words:
                np = (st + cue.words.index("*"), st + cue.words.index("*") + 1)
                body = after
                b, _ = _clean(doc, body, end)
                if st > sent.start + 3 and b >= end:     # "Prices will rise, as he warned.": content before
                    s, e = _clean(doc, sent.start, st)
                    if e - s >= 3 and not any(doc[x].text in _QUOTES for x in range(s, e)):
                        out.append(Reported(s, e, st, "opinion", " ".join(cue.words), np))
                    continue
            else:
                k = after
                while k < end and doc[k].text != "," and k - after < 12 and k not in stop_at:
                    k += 1
                if st > sent.start + 3 and k > after and (k >= end or doc[k].text == ",") and \
                        (k not in stop_at or k >= end) and not _has_verb(doc, k, end, lex) and \
                        not any(doc[x].text in _QUOTES for x in range(k, end)):
                    # "Taxes would rise, according to an analysis by X[, a former adviser].": the cue closes
                    # the sentence and the content is what stands before it
                    s, e = _clean(doc, sent.start, st)
                    if e - s >= 3 and not any(doc[x].text in _QUOTES for x in range(s, e)):
                        out.append(Reported(s, e, st, "opinion", " ".join(cue.words), (after, k)))
                    continue
                if k >= end or doc[k].text != "," or k == after or k - after >= 7 or \
                        (lex.lang == "pl" and _has_verb(doc, after, k, lex)):
                    # no comma: "Według niego USA ..." — the holder is one pronoun or a short name
                    if after < sent.end and lex.kind_of(doc[after].text) == "pronoun":
                        k = after + 1
                    elif (k := _genitive_name(doc, after, end, lex)) is None:
                        continue
                np = (after, k)
                body = k + 1 if k < sent.end and doc[k].text == "," else _after_acronym(doc, k, end)
            s, e = _clean(doc, body, end)
            if lex.lang == "pl":
                s, e = _clean(doc, s, _gloss_cut(doc, s, e))
            if e - s >= 3:
                out.append(Reported(s, e, st, "opinion", " ".join(cue.words), np))
    return out


def _genitive_name(doc: Doc, s: int, end: int, lex: lx.Lexicon) -> int | None:
    """"Według Nowaka rząd ...": the end of a capitalised holder's name (one to three words, not nominative-only)
    when a clause with a finite verb follows; None otherwise."""
    if lex.lang != "pl" or not doc[s].text[:1].isupper() or doc[s].text.isupper():
        return None
    k = s
    while k < end and k - s < 3 and doc[k].text[:1].isupper() and doc[k].is_alpha:
        tags = [t.split(":") for _, t in lx.readings(doc[k])]
        nouns = [p for p in tags if p[0] in ("subst", "depr") and len(p) > 2]
        if nouns and not any("gen" in p[2].split(".") for p in nouns):
            break       # "Według Nowaka Polska ...": a nominative-only word starts the content
        k += 1
    if k == s or k >= end or not _has_verb(doc, k, end, lex):
        return None
    return k


def _after_acronym(doc: Doc, k: int, end: int) -> int:
    """Past a bracketed acronym after a holder's name: "Służby Bezpieczeństwa Ukrainy (SBU) ..."."""
    if k < end and doc[k].text == "(":
        close = next((j for j in range(k + 1, min(end, k + 4)) if doc[j].text == ")"), None)
        if close is not None:
            return close + 1
    return k


def _gloss_cut(doc: Doc, s: int, e: int) -> int:
    """An opinion's content ends before a single spaced dash that opens the writer's gloss ("..., incydent nosi
    znamiona ataku – działania, które ..."); a pair of dashes is a parenthesis inside the content."""
    dashes = [k for k in range(s + 3, e - 1) if doc[k].text in ("–", "—", "-") and doc[k - 1].whitespace_
              and doc[k].whitespace_ and doc[k + 1].text[:1].islower()]
    return dashes[0] if len(dashes) == 1 and not any(doc[k].text in ("–", "—") for k in range(dashes[0] + 1, e)) \
        else e


def _opens_sentence(doc: Doc, i: int) -> bool:
    """Only determiners and modifiers stand before token i in its sentence (a subject noun phrase)."""
    return all(t.pos_ in ("DET", "ADJ", "PRON", "NUM", "PUNCT", "SPACE") or t.is_space for t in doc[doc[i].sent.start:i])


def noun_clauses(doc: Doc, lex: lx.Lexicon, verbs: dict[int, tuple[lx.Verb, str]]) -> list[Reported]:
    """A noun naming an utterance with its content clause: "the claim that the deal is dead", "zapewnienie
    premiera, że rząd nie upadnie". The holder is the possessive or genitive next to the noun, when there is one."""
    nouns = {c.words[0] for cs in lex.cues.values() for c in cs if c.kind == "speech_noun" and len(c.words) == 1}
    out = []
    for tok in doc:
        if not tok.is_alpha or tok.i + 2 >= len(doc) or not (lx.lemmas(tok, lex) & nouns) or tok.i in verbs:
            continue
        end = _sent_end(doc, tok.i)
        np = None
        if lex.lang == "en":
            k = tok.i + 1
            if doc[k].lower_ != "that" or not (doc[k].dep_ == "mark" or doc[k].pos_ == "SCONJ") or \
                    doc[k + 1].pos_ in ("VERB", "AUX") or _opens_sentence(doc, tok.i):
                continue    # "the statement that was issued", "The claim that he made was false": relatives
            poss = [c for c in tok.children if c.dep_ in ("nmod:poss", "poss") and c.i < tok.i]
            if poss:
                np = (poss[0].left_edge.i, poss[0].i + 1)
        else:
            k = tok.i + 1
            while k < end and k - tok.i <= 6 and doc[k].text not in _QUOTES and doc[k].text != "," and \
                    k not in verbs and lex.kind_of(doc[k].text) != "complementizer":
                k += 1
            if k >= end or doc[k].text != "," or k + 1 >= end or lex.kind_of(doc[k + 1].text) != "complementizer":
                continue
            if k > tok.i + 1:
                np = (tok.i + 1, k)
            elif tok.i > 0 and lex.kind_of(doc[tok.i - 1].text) == "pronoun":
                np = (tok.i - 1, tok.i)
            k += 1
        sent_start = doc[tok.i].sent.start
        if not _has_verb(doc, sent_start, tok.i, lex):
            # "Despite assurances that X, the minister ...": a fronted phrase ends at its comma
            end = next((c for c in range(k + 1, end) if doc[c].text == ","), end)
        s, e = _clean(doc, k + 1, end)
        if e - s >= 3 and doc[s].text not in _QUOTES:
            out.append(Reported(s, e, tok.i, "noun", tok.text, np))
    return out


def headline_speech(doc: Doc, lex: lx.Lexicon) -> list[Reported]:
    """English title lines in Title Case, which the tagger reads badly: "Mayor Says Bridge Will Reopen" -> the words
    after the speech verb, said by the words before it; "Taxes Will Rise, Minister Says." -> the words before the
    comma. The verb must be a speech verb that takes a bare content clause ("says", "warns", "claims")."""
    if lex.lang != "en" or not len(doc):
        return []
    first = doc[0].sent
    end = first.end
    while end > first.start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if "\n" in doc[first.start:end].text:
        end = next(t.i for t in doc[first.start:end] if "\n" in t.text)
    for v in range(first.start + 1, end):
        lemma = lex.en_forms.get(doc[v].lower_)
        verb = lex.verbs.get(lemma) if lemma else None
        if verb is None or "bare" not in verb.frames or verb.cls not in _BARE_CLASSES or \
                not doc[v].lower_.endswith("s"):
            continue
        if v == end - 1:          # "Content, X Says."
            comma = max((k for k in range(first.start, v) if doc[k].text == ","), default=-1)
            if comma < 0 or not 1 <= v - comma - 1 <= 6:
                return []
            s, e = _clean(doc, first.start, comma)
            np = (comma + 1, v)
        else:                     # "X Says Content"
            k = v - 1
            while k > first.start and doc[k - 1].text not in ":;,\"“”‘’'" and v - k < 5:
                k -= 1
            s, e = _clean(doc, v + 1, end)
            np = (k, v)
        if e - s >= 3 and doc[np[0]].text[:1].isupper():
            return [Reported(s, e, v, "clause", doc[v].text, subj=np)]
        return []
    return []
