"""Cited media sources: outlets that the article names as the source of its information or the venue of an interview.

An outlet name alone is not a citation ("a journalist of Reuters was injured"); it counts when a citing frame stands
next to it: a source cue before it ("według Reutersa", "w rozmowie z BBC", "told the BBC", "according to"), a speech or
reporting verb next to it ("podaje CNN", "Politico reported", '"WSJ" określił'). Outlets come from the knowledge base
(kb/outlets.py); an outlet it lacks is still found when a generic media noun names it in such a frame ("portal Onet",
"newspaper Vedomosti") or the entity layer tags an ORG after an outlet-only cue. Generic media ("amerykańskie media"),
platforms and credit lines ("Źródło: Reuters", "PAP/EPA") are left out. A cited outlet is reported with all its mentions.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from kronika.kb import outlets as kb
from kronika.pipeline import extensions
from kronika.pipeline.extensions import SOURCE_MENTIONS
from kronika.quotes import lexicon as lx

extensions.register()

_QUOTE_CHARS = set('"„”“«»‚’\'')
_WINDOW = 4


@Language.factory("kronika_sources", default_config={}, assigns=["doc.spans"], requires=["token.is_sent_start"])
def make_sources(nlp: Language, name: str) -> "SourceStage":
    return SourceStage(nlp.lang)


def _skippable(tok, lex: lx.Lexicon, nouns: frozenset[str]) -> bool:
    """Tokens that may stand between a cue and the outlet: quotes, articles, adjectives, media nouns."""
    if tok.text in _QUOTE_CHARS or tok.lower_ in ("the", "a", "an"):
        return True
    if lx.lemmas(tok, lex) & nouns:
        return True
    if lex.lang == "pl" and tok.is_alpha and tok.text[:1].islower():
        return any(t.startswith(("adj:", "ppas:")) for _, t in lx.readings(tok))
    # adjectives and demonyms, capitalised in English: "Russian newspaper Vedomosti", "the British daily"
    return tok.is_alpha and (tok.text[:1].islower() or tok.pos_ == "ADJ") and (
        tok.pos_ == "ADJ" or tok.lower_.endswith(("an", "ish", "ese", "ian", "ic", "i")))


def credit_line(doc: Doc, start: int, end: int, lex: lx.Lexicon) -> bool:
    """Whether a mention sits in a credit line ("Źródło: PAP", "Source: Reuters", "PAP/EPA")."""
    if credit_after(doc, end, lex):
        return True
    k = start - 1
    while k >= 0 and (doc[k].like_num or doc[k].text in ("©", "(c)")):
        k -= 1
    if k >= 1 and doc[k].text == ":" and lex.kind_of(doc[k - 1].text) == "credit":
        # "Źródło: PAP/ Fakt.pl" names where the text comes from; "Źródło: Jan Nowak/PAP" credits a picture;
        # "Źródło: 2025 Cable News Network All Rights Reserved" is a copyright notice
        return k < start - 1
    sent = doc[start].sent
    first = sent[0]
    if lex.kind_of(first.text) == "credit" and sent.start + 1 < len(doc) and doc[sent.start + 1].text == ":":
        return True
    if start > 0 and doc[start - 1].text == "/" or end < len(doc) and doc[end].text.startswith("/"):
        return True
    return False


def signed_post(doc: Doc, end: int) -> bool:
    """'— News.Az (@news_az) December 3, 2025': the signature of an embedded post quoted in the article."""
    return end + 1 < len(doc) and doc[end].text.startswith("(") and (
        doc[end].text.startswith("(@") or doc[end + 1].text.startswith("@"))


def credit_after(doc: Doc, end: int, lex: lx.Lexicon) -> bool:
    """"Źródło: Reuters Archive", "Reuters Photo": a credit word right after the name marks a picture's credit."""
    return end < len(doc) and lex.kind_of(doc[end].text.rstrip(".")) == "credit" and doc[end].text[:1].isupper()


def text_source_line(doc: Doc, start: int, lex: lx.Lexicon) -> bool:
    """'Źródło: PAP/ Fakt.pl': the outlet right after a source label (or after a '/' following one) is where the
    article's text comes from, and counts as cited."""
    k = start - 1
    if k >= 0 and (doc[k].like_num or doc[k].text in ("©", "(c)")):
        return False    # "Źródło: 2025 Cable News Network All Rights Reserved": a copyright notice, a credit
    while k >= 0 and (doc[k].text == "/" or (doc[k].text[:1].isupper() and doc[k].text.endswith("/")) or
                      (doc[k].text[:1].isupper() and k < start - 1 and doc[k + 1].text == "/")):
        k -= 1
    return k >= 1 and doc[k].text == ":" and lex.kind_of(doc[k - 1].text) == "credit"


def _institution_head(tok, lex: lx.Lexicon, nouns: frozenset[str]) -> bool:
    """An organisation name headed by a common noun that is not a media noun ("Dykasteria ds. ...", "Ministerstwo
    Zdrowia", "Komisja Europejska") names an institution, not an outlet; every Morfeusz lemma is lower-case."""
    if not tok.text[:1].isupper() or tok.text.isupper():
        return False
    rs = lx._pl_readings(tok.text)
    return any(t.startswith("subst") for _, t in rs) and all(lem[:1].islower() for lem, t in rs if t != "ign") \
        and not (lx.lemmas(tok, lex) & nouns)


def _clean_name(name: str) -> str:
    """An entity's text or lemma as an outlet name: no trailing punctuation ("The Journal." -> "The Journal")."""
    return name.strip().rstrip(".,;:!?").strip()


def _key(name: str) -> str:
    """Outlet names compared loosely: case, a leading "The" and punctuation ignored."""
    k = "".join(c for c in name.lower() if c.isalnum() or c == " ").split()
    return "".join(k[1:] if k[:1] == ["the"] and len(k) > 1 else k)


class SourceStage:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.lex = lx.load(lang)
        self.matcher = kb.matcher(lang)
        self.nouns = kb.media_nouns(lang)
        # a cheap first look before the morphology: an inflected form shares its lemma's first three letters, but
        # for an s softened early in a short stem ("pismo/piśmie")
        self._heads = frozenset(h for n in self.nouns for h in (n[:3], n[:3].replace("s", "ś")))
        self.excluded = {f for f, k in kb.non_sources(lang).items() if k in ("social_platform", "anonymous_source")}

    # -------------------------------------------------------------------------------------------- context
    def _cue_before(self, doc: Doc, start: int, strict: bool) -> bool:
        sent_start = doc[start].sent.start
        j = start - 1
        while j >= sent_start and start - j <= _WINDOW + 2 and _skippable(doc[j], self.lex, self.nouns):
            j -= 1
        for k in range(max(sent_start, j - _WINDOW), j + 1):
            m = lx.match_cue(doc, k, self.lex, ("source_prep",) if strict else ("source_prep", "opinion_prep"))
            if m and m[1] == j + 1:
                return True
        if j >= sent_start and not strict and lx.speech_verb(doc[j], self.lex):
            return True
        return False

    def _verb_after(self, doc: Doc, end: int) -> bool:
        sent_end = doc[end - 1].sent.end
        for k in range(end, min(sent_end, end + 3)):
            tok = doc[k]
            if tok.is_punct and tok.text not in _QUOTE_CHARS:
                return False
            if lx.speech_verb(tok, self.lex) or lx.match_cue(doc, k, self.lex, ("source_prep",)):
                return True
        return False

    def _cited(self, doc: Doc, start: int, end: int, ambiguous: bool) -> bool:
        if (text_source_line(doc, start, self.lex) or signed_post(doc, end)) and not ambiguous and \
                not credit_after(doc, end, self.lex):
            return True
        if credit_line(doc, start, end, self.lex):
            return False
        if ambiguous:
            quoted = start > 0 and doc[start - 1].text in _QUOTE_CHARS
            noun = start > 0 and bool(lx.lemmas(doc[start - 1], self.lex) & self.nouns)
            return (quoted or noun or self._cue_before(doc, start, strict=True)) and (
                self._cue_before(doc, start, strict=False) or self._verb_after(doc, end))
        return self._cue_before(doc, start, strict=False) or self._verb_after(doc, end)

    # -------------------------------------------------------------------------------------------- unknown
    def _unknown(self, doc: Doc, taken: set[int]) -> list[tuple[int, int, str]]:
        """Outlets missing from the KB: a media noun followed by a capitalised or quoted name, in a citing frame."""
        out = []
        n = len(doc)
        for i, tok in enumerate(doc):
            if i + 1 >= n or not tok.is_alpha or tok.lower_[:3] not in self._heads or \
                    not (lx.lemmas(tok, self.lex) & self.nouns):
                continue
            j = i + 1
            quoted = doc[j].text in _QUOTE_CHARS
            if quoted:
                j += 1
            k = j
            while k < n and k - j < 4 and k not in taken and (doc[k].text[:1].isupper() or
                                                              (quoted and doc[k].text not in _QUOTE_CHARS)):
                if doc[k].is_sent_start and k > j:
                    break
                k += 1
            if k == j or (quoted and (k >= n or doc[k].text not in _QUOTE_CHARS)):
                continue
            name = _clean_name(doc[j:k].text)
            name = name[4:] if name.startswith("The ") and len(name) > 4 else name   # FORMAT: no leading "The"
            if name.lower() in self.excluded or doc[j].is_sent_start:
                continue
            if self._cue_before(doc, i, strict=False) or self._verb_after(doc, k + (1 if quoted else 0)):
                out.append((j, k, name))
        return out

    def _ner(self, doc: Doc, taken: set[int]) -> list[tuple[int, int, str]]:
        out = []
        for ent in lx.doc_ents(doc):
            if ent.label_ != "ORG" or any(t in taken for t in range(ent.start, ent.end)):
                continue
            if self.lang == "pl" and _institution_head(doc[ent.start], self.lex, self.nouns):
                continue
            if self._cue_before(doc, ent.start, strict=True) and not self._cue_before_opinion(doc, ent.start):
                out.append((ent.start, ent.end, _clean_name(ent._.lemma or ent.text)))
        return out

    def _cue_before_opinion(self, doc: Doc, start: int) -> bool:
        for k in range(max(doc[start].sent.start, start - _WINDOW), start):
            m = lx.match_cue(doc, k, self.lex, ("opinion_prep",))
            if m and m[1] >= start - 1:
                return True
        return False

    def __call__(self, doc: Doc) -> Doc:
        lx.fresh(doc)
        mentions: list[tuple[int, int, str]] = []
        cited: set[str] = set()
        taken: set[int] = set()
        text = lx.doc_text(doc)
        shown: dict[str, str] = {}
        for hit in self.matcher.find(text):
            name, flags = hit.payload
            sp = doc.char_span(hit.start, hit.end, alignment_mode="expand")
            if sp is None or name.lower() in self.excluded:
                continue
            mentions.append((sp.start, sp.end, name))
            taken.update(range(sp.start, sp.end))
            ambiguous = "ambiguous" in flags and not kb.is_domain(text[hit.start:hit.end])
            if name not in cited and self._cited(doc, sp.start, sp.end, ambiguous):
                cited.add(name)
                shown.setdefault(name, kb.display_name(name, text[hit.start:hit.end], self.lang, text))
        keys = {_key(shown.get(n, n)): shown.get(n, n) for n in cited}
        for start, end, name in self._unknown(doc, taken) + self._ner(doc, taken):
            name = keys.get(_key(name), name)    # "serwis The Journal" and an entity "The Journal.": one outlet
            keys.setdefault(_key(name), name)
            mentions.append((start, end, name))
            cited.add(name)
            taken.update(range(start, end))
        spans = []
        for start, end, name in sorted(set(mentions)):
            if name in cited:
                spans.append(Span(doc, start, end, label=shown.get(name, name)))
        doc.spans[SOURCE_MENTIONS] = spans
        return doc
