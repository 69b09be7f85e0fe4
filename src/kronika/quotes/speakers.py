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

from kronika.pipeline.extensions import ACTOR_MENTIONS
from kronika.quotes import lexicon as lx
from kronika.quotes.wordclass import (_cap_common_word, _finite, _genitive, _has_given_name, _num_hyphen,
                                      _oblique, _readings_any, _tags, common_cap, person_noun)
from kronika.quotes.wordclass import noun_genders  # noqa: F401  (re-exported: the pipeline calls spk.noun_genders)

_STOP = set(",.;:!?()[]\"„”“«»‚’'–—-…") | {"''", "``"}
_NOM_CLASSES = ("subst", "depr", "ign")
_TITLE_MARKS = frozenset("\"„”“«»")


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
        if j + 1 < hi and _glued_hyphen(doc, j):     # "Holtz-Eakin" split into three tokens
            j += 1
    return j


def _glued_hyphen(doc: Doc, j: int) -> bool:
    """A hyphen glued between two capitalised words: part of a double name."""
    return doc[j].text in ("-", "‐") and not doc[j - 1].whitespace_ and not doc[j].whitespace_ and \
        _is_cap(doc[j + 1])


def word_starts(doc: Doc, s: int, e: int) -> list[int]:
    """Token indices in doc[s:e] that start a word, a hyphen-glued double name counting as one."""
    def glued(j: int) -> bool:
        return 0 < j < len(doc) - 1 and _glued_hyphen(doc, j)
    return [k for k in range(s, e) if k == s or not (glued(k) or glued(k - 1))]


def _trim_name(doc: Doc, s: int, e: int, lex: lx.Lexicon) -> tuple[int, int]:
    """Drop honorifics and keep the nominative tail of a capitalised run ("Batalionu Szejka Islam Belokiew")."""
    while s < e and lex.kind_of(doc[s].text.rstrip(".")) == "honorific":
        s += 1
    w = word_starts(doc, s, e)
    if lex.lang == "pl" and len(w) > 2:   # first name + surname; a third word only when surely nominative
        s = w[-3] if len(w) == 3 and _strong_nominative(doc[w[-3]], lex) and not common_cap(doc[w[-3]], lex) \
            else w[-2]
    elif lex.lang == "en" and len(w) > 2 and not any(len(t.text.rstrip(".")) == 1 for t in doc[s:e]):
        s = w[-2]                        # "Foreign Minister John Carter" -> "John Carter"
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


def _polity_words(doc: Doc) -> frozenset[int]:
    """Tokens of the names of states and organisations (not people): in "minister obrony Litwy" the capitalised
    word completes the description, it is not the speaker's name in apposition."""
    key = ("kronika", "polity_words")
    got = doc.user_data.get(key)
    if got is None:
        spans = doc.spans[ACTOR_MENTIONS] if ACTOR_MENTIONS in doc.spans else ()
        got = frozenset(k for sp in spans if sp._.mention_kind not in ("person", "surname")
                        for k in range(sp.start, sp.end))
        doc.user_data[key] = got
    return got


def _description(doc: Doc, i: int, hi: int, lex: lx.Lexicon) -> tuple[int, int]:
    """A description starting at noun i: adjectives and genitives after it, then possibly a name in apposition."""
    j = i + 1
    polity = _polity_words(doc)
    while j < hi and j - i < 6:
        if _num_hyphen(doc, j) or (j in polity and not doc[j].is_sent_start):
            j += 1
            continue
        if doc[j].text in _STOP or is_prep(doc[j], lex) or lx.speech_verb(doc[j], lex) or \
                not _adj_or_gen(doc[j], lex):
            break
        if _is_cap(doc[j]):
            return i, _name_run(doc, j, hi)
        j += 1
    return i, j


def _from_np(doc: Doc, s: int, e: int, lex: lx.Lexicon, inflected: bool = False) -> Speaker | None:
    """A speaker from a noun phrase doc[s:e]: its last name-like capitalised run, else the phrase as a description."""
    if s >= e or any(lex.kind_of(doc[k].text) in ("teaser", "credit") for k in range(s, e)):
        return None     # "ZOBACZ: ...", "Źródło: ..." open a cross-reference or credit line, not speech
    while s < e and (doc[s].is_space or doc[s].is_punct):
        s += 1          # a line break or a dash before the phrase is not part of the speaker
    while e > s and (doc[e - 1].is_space or doc[e - 1].is_punct):
        e -= 1
    if s >= e:
        return None
    words = lex.words
    while lex.lang == "en" and e - s > 1 and doc[s].pos_ in ("CCONJ", "SCONJ") and doc[s].lower_ != "that":
        s += 1          # "But Fowler said": the conjunction is not part of the subject
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
    polity = _polity_words(doc)
    runs = [(a, b) for a, b in runs if a == s or not all(k in polity for k in range(a, b))]
    head_gender = noun_gender(doc[s], lex)
    if runs:
        rs, re_ = runs[-1]
        if lex.kind_of(doc[rs].text) == "teaser":
            runs = []
        elif lex.lang == "en" and re_ < e and doc[re_].text[:1].islower() and doc[re_].is_alpha and \
                doc[re_].pos_ not in ("VERB", "AUX", "ADP", "CCONJ"):
            runs = []           # "the Russian foreign minister": a demonym before a common noun head
        elif re_ - rs == 1 and common_cap(doc[rs], lex):
            runs = []           # "Ekspert zauważył": a common noun capitalised as a first word, not a name
        elif lex.lang == "pl" and rs == s and re_ - rs >= 2 and common_cap(doc[rs], lex) and \
                person_noun(doc[rs], lex) and _oblique(doc[rs + 1], lex):
            runs = []           # "Lekarz Kowalskiego": a person noun with a genitive name is a description
    if runs and lex.lang == "pl":      # an organisation's name is kept whole: "Służby Bezpieczeństwa Ukrainy"
        org = next((ent for ent in lx.doc_ents(doc) if ent.label_ in ("ORG", "ORGANIZATION") and
                    (ent.start, ent.end) == runs[-1] == (s, e) and len(ent) > 2), None)
        if org is not None and not _has_given_name(org):     # "Nissana Carlos Ghosn" mislabelled ORG: a person
            sp = Speaker(org.text, org.start, org.end, "name", "n", inflected)
            sp.linked = org._.lemma or None
            sp.extra["desc"] = (s, e)
            sp.extra["org"] = True
            return sp
    if runs:
        rs, re_ = runs[-1]
        if re_ - rs >= 1 and not (rs == s and re_ - rs == 1 and not doc[s].text.isupper() and e - s > 1):
            rs, re_ = _trim_name(doc, rs, re_, lex)
            if rs < re_ and (lex.lang != "pl" or inflected and _is_cap(doc[rs]) and not common_cap(doc[rs], lex)
                             or _nominal_start(doc[rs], lex)):     # "Według Zielińskiego": a genitive name
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
        if tok.text in _TITLE_MARKS and (i + 1 in outlets or i - 1 in outlets):
            i += 1                                  # the quotation marks around a title: 'dziennikowi „Le Monde”'
            continue
        if tok.text in _STOP or tok.is_space:
            return None
        if lx.speech_verb(tok, lex) or lex.kind_of(tok.text) == "complementizer":
            return None
        if is_prep(tok, lex):                       # skip the prepositional phrase
            if lex.lang == "en":
                return None
            i += 2
            while i < hi and (doc[i].text not in _STOP or doc[i].text in _TITLE_MARKS and (
                    i + 1 in outlets or i - 1 in outlets)) and (i in outlets or doc[i].text in _TITLE_MARKS or (
                    _is_cap(doc[i]) and _is_cap(doc[i - 1])) or (doc[i].text[:1].islower() and
                                                                 not nominative(doc[i], lex))):
                i += 1
            continue
        if i in outlets:
            while i < hi and i in outlets:
                i += 1
            continue
        if lex.lang == "pl":
            if tok.lower_ in ("jeden", "jedna", "jedno") and i + 2 < hi and doc[i + 1].lower_ in ("z", "ze"):
                j = i + 2                           # "– zapytała jedna z uczestniczek spotkania"
                while j < hi and doc[j].text not in _STOP and not is_prep(doc[j], lex) and j - i < 6 and \
                        not lx.speech_verb(doc[j], lex):
                    j += 1
                return Speaker(doc[i:j].text, i, j, "desc", {"jedna": "f", "jedno": "n"}.get(tok.lower_, "m"))
            if tok.text[:1].islower() and not nominative(tok, lex):
                i += 1                             # a dative or accusative ("radiu", "dziennikarzom")
                continue
            if _is_cap(tok):
                j = _name_run(doc, i, hi)
                if j - i == 1 and _oblique(tok, lex) and not _nominal_start(tok, lex):
                    i = j                           # "Nazwał Buczę ...": a capitalised object, not the subject
                    continue
                return _from_np(doc, i, j, lex)
            if _noun_like(tok, lex):
                if _object_like(tok, lex):          # "ocenił przebieg rozmów wicedyrektor X": a later
                    later = _strong_subject(doc, i + 1, hi, lex)   # surely nominative noun is the subject
                    if later is not None:
                        return later
                s, e = _description(doc, i, hi, lex)
                return _from_np(doc, s, e, lex)
            i += 1
            continue
        # English: "said Russian oil official Sergei Oganesyan", "said the minister", "he said"
        j = i
        while j < hi and (doc[j].text not in _STOP or 0 < j < hi - 1 and _glued_hyphen(doc, j)) and \
                not is_prep(doc[j], lex) and \
                lex.kind_of(doc[j].text) != "complementizer" and j - i < 7:
            j += 1
        if tok.lower_ in ("that", "on", "in", "at", "to", "it", "this", "there"):
            return None
        return _from_np(doc, i, j, lex)
    return None


def _object_like(tok: Any, lex: lx.Lexicon) -> bool:
    """A lower-case noun whose nominative reading is also accusative and not a person's (the verb's object)."""
    return tok.text[:1].islower() and not any(
        t.startswith(("subst", "depr")) and ":m1" in t for _, t in _tags_with(tok, lex)) and any(
        "acc" in t.split(":")[2].split(".") for _, t in _tags_with(tok, lex)
        if t.startswith(("subst", "depr")) and len(t.split(":")) > 2)


def _tags_with(tok: Any, lex: lx.Lexicon) -> tuple:
    return lx.readings(tok) if lex.lang == "pl" else ()


def _strong_subject(doc: Doc, i: int, hi: int, lex: lx.Lexicon) -> Speaker | None:
    """The first nominative name or person noun in doc[i:hi] before a clause boundary."""
    while i < hi and doc[i].text not in _STOP and not lx.speech_verb(doc[i], lex) and \
            lex.kind_of(doc[i].text) != "complementizer":
        tok = doc[i]
        if _is_cap(tok) and _nominal_start(tok, lex) and not common_cap(tok, lex):
            return _from_np(doc, i, _name_run(doc, i, hi), lex)
        if tok.text[:1].islower() and _strong_nominative(tok, lex) and person_noun(tok, lex) and \
                not _object_like(tok, lex):
            s, e = _description(doc, i, hi, lex)
            return _from_np(doc, s, e, lex)
        i += 1
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
    if lex.lang == "pl" and j > lo and doc[j - 1].text == ",":
        return _before_apposition(doc, j - 1, lo, lex)
    e = j
    s = e
    while s > lo and (doc[s - 1].text not in _STOP or s - 1 > lo and _glued_hyphen(doc, s - 1)) and \
            not is_prep(doc[s - 1], lex) and e - s < 6 and \
            not lx.speech_verb(doc[s - 1], lex) and lex.kind_of(doc[s - 1].text) != "complementizer":
        s -= 1
    if s >= e:
        return None
    if lex.lang == "pl":
        part = _participle_phrase(doc, s, e, lo, lex)
        if part is not None:          # "Prezydent, pytany o decyzję przekonywał": the subject before the comma
            return before_verb(doc, part, lo, lex)
        if s > lo and is_prep(doc[s - 1], lex) and e - s > 1:   # "na Facebooku Azarow napisał": the words
            prep = s - 1                                           # the preposition governs are not the subject
            s += 1
            while s < e - 1 and not _strong_nominative(doc[s], lex) and (
                    doc[s].text[:1].islower() or any(t.split(":")[0] in ("subst", "depr") for t in _tags(doc[s], lex))):
                s += 1
            if all(doc[k].text[:1].islower() and _genitive(doc[k], lex) for k in range(s, e)):
                # "Władze oraz służby w rejonie miasta potwierdziły": the genitive belongs to the phrase the
                # preposition opens; the subject stands before it
                return before_verb(doc, prep, lo, lex) if prep > lo else None
        for k in range(s, e):         # a capitalised common word starts a sentence or heading the splitter missed
            if (doc[k].is_sent_start and k > s) or _cap_common_word(doc[k]):
                noun = any(t.startswith(("subst", "depr")) for _, t in _readings_any(doc[k]))
                s = k if noun or k + 1 >= e else k + 1     # "Wcześniej media": the adverb is not the subject
        if not any(nominative(doc[k], lex) for k in range(s, e)):
            return None
        # the NP starts at its first nominative word: "Jednocześnie prawnik" -> "prawnik"
        while s < e - 1 and not (_is_cap(doc[s]) or nominative(doc[s], lex)):
            s += 1
    else:
        if doc[e - 1].text[:1].islower() and doc[e - 1].lower_ not in lex.words and not doc[e - 1].lower_.endswith("s"):
            # a word the small tagger reads as an adjective is the head noun after a determiner or a noun right
            # before the verb ("the general told", "the army chief said")
            if doc[e - 1].pos_ not in ("NOUN", "PROPN", "PRON") and not (
                    e - 2 >= s and doc[e - 1].pos_ == "ADJ" and doc[e - 2].pos_ in ("DET", "NOUN", "PROPN")):
                return None
    return _from_np(doc, s, e, lex)


def _participle_phrase(doc: Doc, s: int, e: int, lo: int, lex: lx.Lexicon) -> int | None:
    """A participle phrase opened by a comma and left unclosed before the verb ("X, pytany o to przekonywał"):
    the index of that comma, when a participle follows it and no finite verb stands between."""
    k = s - 1
    if k <= lo or doc[k].text != ",":
        k = next((c for c in range(e - 1, max(lo, e - 10), -1) if doc[c].text == ","), None)
        if k is None or k <= lo:
            return None
    if k + 1 >= e or not any(t.split(":")[0] in ("ppas", "pact", "pcon") for t in _tags(doc[k + 1], lex)):
        return None
    if any(_finite(doc[i], lex) for i in range(k + 1, e)):
        return None
    return k


def _before_apposition(doc: Doc, comma: int, lo: int, lex: lx.Lexicon) -> Speaker | None:
    """"Dr Adam X, wicedyrektor ..., komentując ..., zauważył": the name before one or two comma-delimited
    appositions or participle phrases (no finite verb in them) is the subject; "X, która od lat ..., przyznała":
    so is the name before a relative clause."""
    rel = _relative_head(doc, comma, lo, lex)
    if rel is not None:
        return rel
    for _ in range(2):
        k = comma
        while k > lo and doc[k - 1].text not in _STOP and comma - k < 15:
            k -= 1
        if k <= lo or doc[k - 1].text != "," or k == comma:
            return None
        if any(_finite(doc[i], lex) for i in range(k, comma)):
            return None
        comma = k - 1
        e = comma
        s = e
        while s > lo and _is_cap(doc[s - 1]) and e - s < 4:
            s -= 1
        if s < e and _nominal_start(doc[s if not lex.kind_of(doc[s].text.rstrip(".")) == "honorific" else
                                         min(s + 1, e - 1)], lex):
            sp = _from_np(doc, s, e, lex)
            if sp is not None and sp.kind == "name":
                return sp
    return None


def _relative_head(doc: Doc, comma: int, lo: int, lex: lx.Lexicon) -> Speaker | None:
    """The name right before ", który/która ..." when that relative clause runs up to `comma` (the verb's comma)."""
    for r in range(comma - 2, max(lo, comma - 30), -1):
        if doc[r].text in ".!?;:\"„”" or lx.speech_verb(doc[r], lex):
            return None
        if doc[r - 1].text == "," and "który" in lx.lemmas(doc[r], lex) and doc[r].text[:1].islower():
            e = r - 1
            s = e
            while s > lo and _is_cap(doc[s - 1]) and e - s < 4:
                s -= 1
            if s >= e:
                return None
            sp = _from_np(doc, s, e, lex)
            return sp if sp is not None and sp.kind == "name" else None
    return None
