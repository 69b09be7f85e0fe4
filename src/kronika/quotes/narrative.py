"""Speakers that no attribution names: the narrative subject between two quotations ("X was told ... . – ... –
ocenił"), the article's protagonist as the last resort, and the subject an adverbial participle shares with its
main verb; plus where a content clause that holds someone else's quoted words ends. Polish prose conventions."""
from __future__ import annotations

from spacy.tokens import Doc

from kronika.quotes import indirect as iq
from kronika.quotes import lexicon as lx
from kronika.quotes import speakers as spk
from kronika.quotes.linking import (_candidates, _case_forms, _function_word, _lemma_gender, _link_name, compatible)
from kronika.quotes.speakers import Speaker, _is_cap, _nominal_start, _trim_name, common_cap, noun_gender


def gap_subject(doc: Doc, lo: int, before: int, lex: lx.Lexicon, gender: str | None,
                skip: set[int] = frozenset()) -> Speaker | None:
    """The person a narrative sentence between two quotations is about, for a bare "– ... – ocenił" or "Dodał, że":
    "X również został poinformowany o ... . – ... – ocenił." A name counts when it opens one of the (at most two)
    sentences in doc[lo:before] or stands right before a finite verb that agrees with it; the latest wins."""
    if lex.lang != "pl" or before <= lo:
        return None
    sents = [s for s in lx.doc_sents(doc) if s.start >= lo and s.end <= before + 1][-2:]
    for sent in reversed(sents):
        if any(lex.kind_of(t.text) in ("teaser", "credit") for t in sent):
            continue
        first = sent.start
        while first < sent.end and (doc[first].is_punct or doc[first].is_space):
            first += 1
        found = None
        i = sent.start
        while i < sent.end:
            if not _is_cap(doc[i]) or i in skip or common_cap(doc[i], lex) or _function_word(doc[i]):
                i += 1
                continue
            j = i
            while j < sent.end and _is_cap(doc[j]) and j - i < 4:
                j += 1
            st, en = _trim_name(doc, i, j, lex)
            v = en
            while v < sent.end and any(t.split(":")[0] in ("qub", "adv") for _, t in lx.readings(doc[v])) and \
                    not any(t.split(":")[0] in ("praet", "fin") for _, t in lx.readings(doc[v])):
                v += 1
            vg = next((lx.verb_gender(t) or "?" for _, t in lx.readings(doc[v]) if t.startswith(("praet", "fin"))),
                      None) if v < sent.end and doc[v].text[:1].islower() else None
            opens = i == first or doc[i - 1].text == "," or doc[i - 1].lower_ in ("a", "i", "ale", "oraz", "zaś")
            if st < en and (i == first or vg is not None and opens) and _nominal_start(doc[st], lex) and \
                    _person(doc, st, en) and not any(k in skip for k in range(st, en)):
                g = vg if vg in ("m", "f") else noun_gender(doc[st], lex)
                if gender is None or g is None or g == gender:
                    found = Speaker(doc[st:en].text, st, en, "name", g)
            i = j
        if found is not None:
            _link_name(doc, found, _candidates(doc, lex, skip), lex)
            return found
    return None


def _person(doc: Doc, s: int, e: int) -> bool:
    """The entity layer reads doc[s:e] as (part of) a person's name, here or under another case form elsewhere
    ("Płodysty" after "konsula Płodystego")."""
    from os.path import commonprefix

    last = doc[e - 1].text.lower()
    for ent in lx.doc_ents(doc):
        if ent.label_ not in ("PER", "PERSON"):
            continue
        if ent.start < e and s < ent.end:
            return True
        other = ent[-1].text.lower()
        if len(commonprefix([last, other])) >= max(4, min(len(last), len(other)) - 2):
            return True
    return False


def protagonist(doc: Doc, before: int, lex: lx.Lexicon, gender: str | None) -> Speaker | None:
    """The person the article is about (named most often, at least twice, before token `before`; the first named
    on a tie): the last resort for a bare "– ... – powiedział" whose speaker no nearby sentence names."""
    groups: dict[str, list] = {}
    for ent in lx.doc_ents(doc):
        if ent.label_ not in ("PER", "PERSON") or ent.start >= before:
            continue
        key = next((k for k in groups if _case_forms(k, ent[-1].text) or k == ent[-1].text.lower()),
                   ent[-1].text.lower())
        groups.setdefault(key, []).append(ent)
    best = sorted(groups.values(), key=lambda g: (-len(g), g[0].start))
    for ents in best[:1]:
        if len(ents) < 2:
            return None
        ent = max(ents, key=lambda x: (len(x), -x.start))
        lemma = ent._.lemma or ent.text
        sp = Speaker(lemma, ent.start, ent.end, "name", _lemma_gender(lemma) if lex.lang == "pl" else None)
        sp.linked = lemma
        return sp if compatible(sp, gender) else None
    return None


def after_previous(doc: Doc, ordered: list[dict], f: dict) -> int:
    """The token after the quotation before f and its attribution verb (0 when f is the first)."""
    lo = 0
    for o in ordered:
        if o is f or o["pos"] >= f["pos"]:
            break
        sp = doc.char_span(o["start"], o["end"], alignment_mode="expand")
        lo = max(lo, sp.end if sp is not None else 0, (o["verb"] + 1) if o["verb"] is not None else 0)
    return lo


def main_subject(doc: Doc, v: int, lex: lx.Lexicon) -> Speaker | None:
    """"Airbus skrytykował plan, podkreślając, że ...": an adverbial participle shares the subject of the finite
    verb before it in the sentence."""
    if lex.lang != "pl" or not any(t.startswith("pcon") for _, t in lx.readings(doc[v])):
        return None
    lo = doc[v].sent.start
    fin = next((k for k in range(v - 1, lo - 1, -1) if spk._finite(doc[k], lex)), None)
    return spk.before_verb(doc, fin, lo, lex) if fin is not None else None


def before_embedded(doc: Doc, r: iq.Reported, direct_spans: list[tuple[int, int]], lex: lx.Lexicon) -> int | None:
    """"Ekspert zauważył, że X spóźnił się o godzinę, aby, jak powiedział, „...”": a Polish content clause whose
    quoted phrase stands in a later subordinate clause keeps its own part, up to the comma before that clause."""
    s_char = doc[r.start].idx
    starts = [s for s, e in direct_spans if s < doc[r.end - 1].idx + len(doc[r.end - 1]) and s_char < e]
    if lex.lang != "pl" or r.kind != "clause" or min(starts) <= s_char:
        return None
    first = min(starts)
    commas = [k for k in range(r.start + 4, r.end) if doc[k].text == "," and doc[k].idx < first]
    if not commas or not iq._has_verb(doc, r.start, commas[-1], lex):
        return None
    opens = [k for k in commas if k + 1 < len(doc) and (
        any(t.split(":")[0] in ("comp", "conj") for _, t in lx.readings(doc[k + 1])) or
        "który" in lx.lemmas(doc[k + 1], lex)) and iq._has_verb(doc, r.start, k, lex)]
    end = opens[0] if opens else commas[-1]     # ", aby, jak powiedział, „...”": before the subordinate clause
    while end > r.start and doc[end - 1].text == ",":
        end -= 1
    return end
