"""Who said it: the subject of a speech verb, the speaker implied by a bare "– dodał", and the fullest name for them.

Without a parser the subject is found the way a reader finds it in news prose: a name or a nominative description
right after the verb (Polish inversion "– ... – powiedział radiu NPR Szejk Mansur", English "said Sergei X"), else the
noun phrase right before it ("Rubio skrytykował", "Mr Chidambaram said"). Prepositional and dative phrases between
("w rozmowie z ...", "radiu NPR") are stepped over. A pronoun or a missing subject takes the nearest earlier speaker
whose gender and number fit the verb form. At the end every speaker is linked to the fullest name the article gives.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from kronika.quotes import lexicon as lx

_STOP = set(",.;:!?()[]\"„”“«»‚’'–—-…")
_NOM_CLASSES = ("subst", "depr", "ign")


@dataclass
class Speaker:
    text: str
    start: int                  # token span of the mention the speaker was read from
    end: int
    kind: str                   # name | desc | pronoun
    gender: str | None = None   # m | f | n | pl
    inflected: bool = False     # the mention is not in the nominative (an opinion cue's genitive)
    linked: str | None = None   # fullest name, filled by link()
    actor: str | None = None
    extra: dict = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.linked or self.text


# --------------------------------------------------------------------------------------------- token classes

def _tags(tok: Any, lex: lx.Lexicon) -> list[str]:
    return [t for _, t in lx.readings(tok)] if lex.lang == "pl" else []


def is_prep(tok: Any, lex: lx.Lexicon) -> bool:
    if lex.lang == "pl":
        return (tok.text[:1].islower() or tok.is_sent_start) and any(t.startswith("prep") for t in _tags(tok, lex))
    return tok.pos_ == "ADP" or lex.kind_of(tok.text) == "preposition"


def _is_cap(tok: Any) -> bool:
    return tok.text[:1].isupper() and (tok.is_alpha or "-" in tok.text or "'" in tok.text)


def nominative(tok: Any, lex: lx.Lexicon) -> bool:
    if lex.lang != "pl":
        return True
    for t in _tags(tok, lex):
        p = t.split(":")
        if p[0] == "ign" or (p[0] in ("subst", "depr") and len(p) > 2 and "nom" in p[2].split(".")):
            return True
    return False


def noun_gender(tok: Any, lex: lx.Lexicon) -> str | None:
    if lex.lang != "pl":
        return None
    found = set()
    for t in _tags(tok, lex):
        p = t.split(":")
        if p[0] in ("subst", "depr") and len(p) > 3 and "nom" in p[2].split("."):
            g = p[3].split(".")
            found.add("pl" if p[1] == "pl" else "f" if g == ["f"] else "n" if g == ["n"] else "m")
    if len(found) > 1:   # "Tomasz" is also an indeclinable woman's surname: the ending decides
        found &= {"f"} if tok.lower_.endswith("a") else {"m", "pl"}
    if found:
        return sorted(found)[0]
    if tok.text[:1].isupper() and tok.lower_.endswith("a"):
        return "f"
    return None


def _noun_like(tok: Any, lex: lx.Lexicon) -> bool:
    if lex.lang != "pl":
        return tok.is_alpha
    return any(t.split(":", 1)[0] in _NOM_CLASSES for t in _tags(tok, lex))


def _adj_or_gen(tok: Any, lex: lx.Lexicon) -> bool:
    """Words that extend a Polish description: adjectives and genitive nouns ("szef amerykańskiej dyplomacji")."""
    for t in _tags(tok, lex):
        p = t.split(":")
        if p[0] in ("adj", "ppas", "pact") or (p[0] in ("subst", "depr") and len(p) > 2 and
                                                 ("gen" in p[2].split(".") or "nom" in p[2].split("."))):
            return True
    return tok.text[:1].isupper() or tok.like_num


def _name_run(doc: Doc, i: int, hi: int) -> int:
    j = i
    while j < hi and _is_cap(doc[j]) and doc[j].text not in _STOP:
        j += 1
    return j


def _trim_name(doc: Doc, s: int, e: int, lex: lx.Lexicon) -> tuple[int, int]:
    """Drop honorifics and keep the nominative tail of a capitalised run ("Batalionu Szejka Islam Belokiew")."""
    while s < e and lex.kind_of(doc[s].text.rstrip(".")) == "honorific":
        s += 1
    if lex.lang == "pl" and e - s > 2:   # first name + surname; a third word only when surely nominative
        s = e - 3 if e - s == 3 and _strong_nominative(doc[e - 3], lex) else e - 2
    elif lex.lang == "en" and e - s > 2 and not any(len(t.text.rstrip(".")) == 1 for t in doc[s:e]):
        s = e - 2                        # "Foreign Minister John Carter" -> "John Carter"
    return s, e


def _nominal_start(tok: Any, lex: lx.Lexicon) -> bool:
    """A name in the nominative: its first word has a nominative (or unknown) reading."""
    for t in _tags(tok, lex):
        p = t.split(":")
        if p[0] == "ign" or (p[0] in ("subst", "depr", "adj") and len(p) > 2 and "nom" in p[2].split(".")):
            return True
    return not _tags(tok, lex)


def _strong_nominative(tok: Any, lex: lx.Lexicon) -> bool:
    return any(t.split(":")[0] in ("subst", "depr") and len(t.split(":")) > 2 and "nom" in t.split(":")[2].split(".")
               for t in _tags(tok, lex))


def _description(doc: Doc, i: int, hi: int, lex: lx.Lexicon) -> tuple[int, int]:
    """A description starting at noun i: adjectives and genitives after it, then possibly a name in apposition."""
    j = i + 1
    while j < hi and j - i < 5 and doc[j].text not in _STOP and not is_prep(doc[j], lex) and \
            not lx.speech_verb(doc[j], lex) and _adj_or_gen(doc[j], lex):
        if _is_cap(doc[j]):
            return i, _name_run(doc, j, hi)
        j += 1
    return i, j


def _from_np(doc: Doc, s: int, e: int, lex: lx.Lexicon, inflected: bool = False) -> Speaker | None:
    """A speaker from a noun phrase doc[s:e]: its last name-like capitalised run, else the phrase as a description."""
    if s >= e:
        return None
    words = lex.words
    if e - s == 1 and words.get(doc[s].lower_, ("",))[0] == "pronoun":
        return Speaker(doc[s].text, s, e, "pronoun", words[doc[s].lower_][1] or None)
    k = e
    runs = []
    i = s
    while i < e:
        if _is_cap(doc[i]) and not (i == doc[i].sent.start and e - s > 1 and not _is_cap(doc[i + 1]) if i + 1 < e
                                    else False):
            j = _name_run(doc, i, e)
            runs.append((i, j))
            i = j
        else:
            i += 1
    head_gender = noun_gender(doc[s], lex)
    if runs:
        rs, re_ = runs[-1]
        if lex.kind_of(doc[rs].text) == "teaser" or (lex.lang == "pl" and not _nominal_start(doc[rs], lex)):
            runs = []
        elif re_ - rs == 1 and doc[rs].is_sent_start and any(
                lem.islower() for lem, t in _readings_any(doc[rs]) if t.startswith(("subst", "depr"))):
            runs = []           # "Ekspert zauważył": a common noun capitalised only as the sentence's first word
    if runs:
        rs, re_ = runs[-1]
        if re_ - rs >= 1 and not (rs == s and re_ - rs == 1 and not doc[s].text.isupper() and e - s > 1):
            rs, re_ = _trim_name(doc, rs, re_, lex)
            if rs < re_ and (lex.lang != "pl" or _nominal_start(doc[rs], lex)):
                g = noun_gender(doc[rs], lex) if lex.lang == "pl" else None
                sp = Speaker(doc[rs:re_].text, rs, re_, "name", g or head_gender, inflected)
                sp.extra["desc"] = (s, e)
                return sp
    text = doc[s:k].text
    if lex.lang == "en" and doc[s].lower_ in ("the", "a", "an"):
        s += 1
        text = doc[s:k].text
    if not text:
        return None
    if doc[s].text[:1].isupper() and doc[s].is_sent_start and not doc[s].text.isupper():
        text = text[:1].lower() + text[1:]
    return Speaker(text, s, k, "desc", head_gender, inflected)


# ------------------------------------------------------------------------------------------------ subject

def after_verb(doc: Doc, v: int, hi: int, lex: lx.Lexicon, outlets: set[int]) -> Speaker | None:
    """The subject standing after the verb (inversion), up to the first comma or sentence end."""
    i = v + 1
    while i < hi:
        tok = doc[i]
        if tok.text in _STOP or tok.is_space:
            return None
        if lx.speech_verb(tok, lex) or lex.kind_of(tok.text) == "complementizer":
            return None
        if is_prep(tok, lex):                       # skip the prepositional phrase
            if lex.lang == "en":
                return None
            i += 2
            while i < hi and doc[i].text not in _STOP and (i in outlets or (
                    _is_cap(doc[i]) and _is_cap(doc[i - 1])) or (doc[i].text[:1].islower() and
                                                                 not nominative(doc[i], lex))):
                i += 1
            continue
        if i in outlets:
            while i < hi and i in outlets:
                i += 1
            continue
        if lex.lang == "pl":
            if tok.text[:1].islower() and not nominative(tok, lex):
                i += 1                             # a dative or accusative ("radiu", "dziennikarzom")
                continue
            if _is_cap(tok):
                j = _name_run(doc, i, hi)
                return _from_np(doc, i, j, lex)
            if _noun_like(tok, lex):
                s, e = _description(doc, i, hi, lex)
                return _from_np(doc, s, e, lex)
            i += 1
            continue
        # English: "said Russian oil official Sergei Oganesyan", "said the minister", "he said"
        j = i
        while j < hi and doc[j].text not in _STOP and not is_prep(doc[j], lex) and \
                lex.kind_of(doc[j].text) != "complementizer" and j - i < 7:
            j += 1
        if tok.lower_ in ("that", "on", "in", "at", "to", "it", "this", "there"):
            return None
        return _from_np(doc, i, j, lex)
    return None


def kb_nouns(lex: lx.Lexicon) -> frozenset[str]:
    from kronika.kb.outlets import media_nouns

    return media_nouns(lex.lang)


def before_verb(doc: Doc, v: int, lo: int, lex: lx.Lexicon) -> Speaker | None:
    """The subject before the verb: the noun phrase that ends right before it (adverbs and particles skipped)."""
    j = v
    while j > lo and (doc[j - 1].lower_ in lex.words and lex.words[doc[j - 1].lower_][0] == "adverb" or
                      doc[j - 1].pos_ in ("ADV", "PART") or
                      (lex.lang == "pl" and doc[j - 1].text[:1].islower() and
                       any(t.split(":")[0] in ("qub", "adv", "part") for t in _tags(doc[j - 1], lex)))):
        j -= 1
    if lex.lang == "en" and j > lo and doc[j - 1].text == ",":   # "X, India's finance minister, argued"
        k = j - 1
        while k > lo and doc[k - 1].text != "," and j - k < 10:
            k -= 1
        if k > lo and doc[k - 1].text == ",":
            j = k - 1
    if j > lo and doc[j - 1].text in "\"”»":       # a quoted name: '"Wall Street Journal" określił'
        k = j - 2
        while k >= lo and j - k < 8 and doc[k].text not in "\"„“«":
            k -= 1
        if k >= lo and doc[k].text in "\"„“«" and k + 1 < j - 1:
            return Speaker(doc[k + 1:j - 1].text, k + 1, j - 1, "name")
    e = j
    s = e
    while s > lo and doc[s - 1].text not in _STOP and not is_prep(doc[s - 1], lex) and e - s < 6 and \
            not lx.speech_verb(doc[s - 1], lex) and lex.kind_of(doc[s - 1].text) != "complementizer":
        s -= 1
    if s >= e:
        return None
    if lex.lang == "pl":
        if not any(nominative(doc[k], lex) for k in range(s, e)):
            return None
        # the NP starts at its first nominative word: "Jednocześnie prawnik" -> "prawnik"
        while s < e - 1 and not (_is_cap(doc[s]) or nominative(doc[s], lex)):
            s += 1
    else:
        if doc[e - 1].text[:1].islower() and doc[e - 1].lower_ not in lex.words and not doc[e - 1].lower_.endswith("s"):
            if doc[e - 1].pos_ not in ("NOUN", "PROPN", "PRON"):
                return None
    return _from_np(doc, s, e, lex)


# ----------------------------------------------------------------------------------------------- linking

def compatible(sp: Speaker, gender: str | None) -> bool:
    if gender is None or sp.gender is None:
        return True
    return sp.gender == gender or (gender == "m" and sp.gender == "m")


def _stem(word: str) -> str:
    w = word.lower()
    return w[: max(4, len(w) - 3)] if len(w) > 5 else w


def name_candidates(doc: Doc) -> list[tuple[int, int]]:
    """Capitalised runs of two or three words (possible full names) anywhere in the article."""
    out = []
    i, n = 0, len(doc)
    while i < n:
        if _is_cap(doc[i]):
            j = i
            while j < n and _is_cap(doc[j]) and j - i < 6:
                j += 1
            k = i
            if doc[i].is_sent_start and any(lem.islower() for lem, t in _readings_any(doc[i])
                                            if t.startswith(("subst", "adj"))):
                k = i + 1    # "Prawnik Dawid Dehnert": the capital of the first word is the sentence's
            if j - k >= 2:
                out.append((k, j))
            i = j
        else:
            i += 1
    return out


def _readings_any(tok: Any) -> tuple:
    return tuple(tok._.readings or ()) or (lx._pl_readings(tok.text) if tok.doc.lang_ == "pl" else ())


def link(doc: Doc, speakers: list[Speaker], lex: lx.Lexicon, skip: set[int] = frozenset()) -> None:
    """Give each speaker the fullest name the article has for them, in the nominative."""
    cands = []
    for s, e in name_candidates(doc):
        while s < e and (s in skip or doc[s].is_sent_start and lx.speech_verb(doc[s], lex) is None and
                         doc[s].text.isupper()):
            s += 1
        while e > s and e - 1 in skip:
            e -= 1
        if e - s >= 2:
            cands.append((s, e))
    for sp in speakers:
        if sp.kind == "name":
            words = sp.text.split()
            last = _stem(words[-1])
            best = None
            for s, e in cands:
                toks = doc[s:e]
                hit = [k for k, t in enumerate(toks) if _stem(t.text) == last]
                if not hit:
                    continue
                k = hit[-1]
                st, en = _trim_name(doc, s, s + k + 1, lex)
                if en - st > len(words) and (best is None or en - st > best[1] - best[0]):
                    best = (st, en)
            if best and best[1] - best[0] <= 3:
                sp.linked = _base(doc[best[0]:best[1]].text, lex)
            elif sp.inflected:
                sp.linked = _base(sp.text, lex)
        elif sp.kind == "desc":
            head = doc[sp.start]
            heads = {x for x in lx.lemmas(head, lex) if x.islower() and len(x) > 2}
            best = None
            for s, e in cands:   # the description's head next to a full name: "Prawnik Dawid Dehnert", "X, ekspert"
                st, en = _trim_name(doc, s, e, lex)
                if not 2 <= en - st <= 3 or not _nominal_start(doc[st], lex):
                    continue
                near = range(max(0, st - 5), min(len(doc), en + 3))
                if any(k != sp.start or True for k in near if k < st or k >= en) and \
                        any(lx.lemmas(doc[k], lex) & heads for k in near if not st <= k < en):
                    d = abs(st - sp.start)
                    if best is None or d < best[0]:
                        best = (d, st, en)
            if best:
                sp.linked = _base(doc[best[1]:best[2]].text, lex)
            if sp.linked is None and sp.inflected:
                sp.linked = _base(sp.text, lex, first_only=True)


def _base(text: str, lex: lx.Lexicon, first_only: bool = False) -> str:
    if lex.lang != "pl":
        return text
    if not first_only and all(_word_nominative(w) for w in text.split()):
        return text
    from kronika.lang.pl.base_forms import base_form_text

    if first_only:
        head, _, rest = text.partition(" ")
        b = base_form_text(head, "PER")
        return f"{b[:1].lower() + b[1:] if head[:1].islower() else b} {rest}".strip()
    return base_form_text(text, "PER")


def _word_nominative(word: str) -> bool:
    """A word that is already nominative (or unknown to morfeusz): base-forming it could only spoil it."""
    tags = [t for _, t in lx._pl_readings(word)]
    return not tags or all(t == "ign" for t in tags) or any(
        t.split(":")[0] in ("subst", "depr", "adj") and len(t.split(":")) > 2 and "nom" in t.split(":")[2].split(".")
        for t in tags)


def resolve_actor(doc: Doc, sp: Speaker, lang: str, date: str | None, actor_spans: list) -> str | None:
    """The polity the speaker acts for: the office-holder KB by name, else an actor named inside the description."""
    try:
        from kronika.kb.people import resolve_person  # type: ignore
    except ImportError:
        resolve_person = None
    if resolve_person is not None and sp.kind == "name":
        try:
            got = resolve_person(sp.name, lang, date)
        except Exception:   # the people KB is someone else's stage; a failure there must not lose the quote
            got = None
        if got:
            return got[0]
    s, e = sp.extra.get("desc", (sp.start, sp.end))
    s, e = min(s, sp.start), max(e, sp.end)
    for a in actor_spans:
        if a.start >= s and a.end <= e:
            return a._.actor or a.label_
    return None
