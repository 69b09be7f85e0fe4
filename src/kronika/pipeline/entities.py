"""Entities stage: named entities with the base form of the whole name, and the actor each stands for.

The trained NER (pl_core, when present) proposes spans; knowledge-base mentions found by the actor stage add the
names it missed (and are the only entity source for English until an English NER ships). Base forms come from
lang/pl/base_forms.py (morfeusz2 analysis and generation with agreement) for Polish, the text itself for English.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kronika.kb import named as kb_named, outlets as kb_outlets
from kronika.kb.loader import actors as kb_actors
from kronika.lang.pl.names import is_given_name   # SGJP and listed international names: English runs too
from kronika.pipeline.extensions import ACTOR_MENTIONS, PLACE_MENTIONS, text_of
from kronika.resources import lang_data, read_tsv
from kronika.textnorm import fold

_KIND_LABEL = {"person": "PER", "surname": "PER", "body": "ORG", "demonym": "PER"}
# Demonyms are entities too (a nationality used as a group of people: "Rosjanie", "the Americans"); adjectives are not.
_NAME_KINDS = {"name", "official", "short", "alias", "capital", "seat", "body", "person", "surname", "demonym",
               "city", "region"}
# a full person name's KB base is the nominative of the very spelling matched (aliases are rows of their own); a bare
# surname's is the full name, which is not what the text says
_KB_BASE_KINDS = {"name", "official", "short", "alias", "capital", "seat", "body", "city", "region", "person"}
_EDGE_PUNCT = frozenset(".,;:!?()[]\"'„”“«»-–—")
_NER_LABELS = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "PERSON": "PER", "NORP": None,
               "FAC": "LOC", "EVENT": "EVT", "EVT": "EVT", "PRO": "PRO", "PRODUCT": "PRO"}


@Language.factory("kronika_entities", default_config={}, assigns=["doc.ents", "span._.lemma", "span._.actor"],
                  requires=["doc.spans"])
def make_entities(nlp: Language, name: str) -> "EntityStage":
    return EntityStage(nlp.lang)


class EntityStage:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.kinds = {code: a.kind for code, a in kb_actors().items()}
        self.outlet_kind = {o.name: o.kind for o in kb_outlets.outlets()}

    def _label_of_mention(self, sp: Span) -> str | None:
        kind = sp._.mention_kind
        if kind not in _NAME_KINDS:
            return None
        if kind in _KIND_LABEL:
            return _KIND_LABEL[kind]
        # an organisation's own names are ORG; its seat ("Bruksela") stays a place
        return "ORG" if self.kinds.get(sp.label_) == "igo" and kind not in ("seat", "capital") else "LOC"

    def _base(self, span: Span, label: str, known: tuple[str, str] | None) -> str:
        """The whole name's nominative. A knowledge-base name already knows its base ("Niemiec" is a form of
        "Niemcy", not a person); a demonym keeps its number ("Rosjan" -> "Rosjanie")."""
        kind, base = known or (None, None)
        if base and kind in _KB_BASE_KINDS:
            return base
        if self.lang == "pl":
            from kronika.lang.pl.base_forms import base_form
            from kronika.lang.pl.inflection import guess_org_base, nominative

            if kind == "demonym" and base:
                return nominative(base, plural=_is_plural(span[-1].text, base))
            out = base_form(span, label) or span.text
            if label == "ORG" and len(span) == 1 and out == span.text:
                out = guess_org_base(span.text)
            return out
        text = span.text
        return text[:-2] if text.endswith(("'s", "’s")) else text

    def _is_name(self, ent: Span) -> bool:
        """A name starts with a capital letter or a digit; Polish writes adjectives of names in lower case
        ("rosyjskie"), which NKJP-trained NER tags as places but which are not entities."""
        first = ent[0]
        if self.lang != "pl" or first.text[:1].isdigit():
            return True
        if not first.text[:1].isupper():
            return False
        # one capitalised word at a sentence's start that the dictionary knows only as a common word
        # ("Rzeczniczka", "Amerykańskie") is not a name, whatever the NER says
        readings = first._.readings or ()
        if len(ent) == 1 and first.is_sent_start and first.pos_ == "ADJ" and first.lemma_[:1].islower():
            return False    # "Hiszpańska zakonnica ...": read in context as an adjective, whatever SGJP also lists
        return not (len(ent) == 1 and first.is_sent_start and readings
                    and all(lemma[:1].islower() for lemma, _tag in readings))

    def _consistent_bases(self, ents: list[Span]) -> None:
        """An inflected name the dictionary does not know ("Gazpromu") takes the base form of another mention of
        the same name in the article when Polish endings lead from one to the other ("Gazprom")."""
        if self.lang != "pl":
            return
        from kronika.lang.pl.inflection import phrase_forms

        bases = {ent._.lemma for ent in ents if ent._.lemma}
        for ent in ents:
            if ent._.lemma != ent.text or len(ent) != 1:
                continue
            for base in bases:
                if base != ent.text and base[:3] == ent.text[:3] and ent.text in phrase_forms(base, "foreign"):
                    ent._.lemma = base
                    break

    def _outlets(self, doc: Doc) -> list[tuple[Span, str]]:
        """Media the text names, as entities: a news agency is an organisation, a newspaper, channel or portal a
        product (BSNLP's convention: titles are PRO). Paired with the outlet's canonical name."""
        out = []
        for hit in kb_outlets.matcher(self.lang).find(text_of(doc)):
            name, flags = hit.payload
            sp = doc.char_span(hit.start, hit.end, alignment_mode="expand")
            if sp is None or not sp.text[:1].isupper() or ("ambiguous" in flags and sp[0].is_sent_start):
                continue
            label = "ORG" if self.outlet_kind.get(name) == "agency" else "PRO"
            out.append((Span(doc, sp.start, sp.end, label=label), name))
        return out

    def _split_ner(self, ent: Span, kb_spans: list[Span]) -> list[Span]:
        """An NER span that runs a knowledge-base name into the next name ("Komisja Europejska Jean-Claude
        Juncker", "Stanach Zjednoczonych Ryanair") is cut where the known name ends; a person's name after an
        organisation's ("Partia Pracy Jeremy Corbyn") is cut at the first given name."""
        doc = ent.doc
        cut = None
        for sp in kb_spans:
            if sp.start == ent.start and sp.end < ent.end and doc[sp.end].text[:1].isupper():
                cut = sp.end
        if cut is None and self.lang == "pl" and ent.label_ in ("ORG", "LOC") and len(ent) >= 3:
            for k in range(ent.start + 1, ent.end - 1):
                if is_given_name(doc[k].text) and doc[k].text[:1].isupper() and \
                        not is_given_name(doc[k - 1].text) and doc[k - 1].text[:1].isupper() and \
                        all(t.text[:1].isupper() or t.text == "-" for t in doc[k:ent.end]):
                    cut = k
                    break
        if cut is None:
            return [ent]
        rest = doc[cut:ent.end]
        rest_label = "PER" if self.lang == "pl" and is_given_name(rest[0].text) else ent.label_
        return [Span(doc, ent.start, cut, label=ent.label_), Span(doc, cut, ent.end, label=rest_label)]

    def __call__(self, doc: Doc) -> Doc:
        mentions = [sp for key in (ACTOR_MENTIONS, PLACE_MENTIONS) if key in doc.spans for sp in doc.spans[key]]
        code_at = {(sp.start, sp.end): sp.label_ for sp in mentions}
        known = {(sp.start, sp.end): (sp._.mention_kind, sp.kb_id_) for sp in mentions}
        ents: list[Span] = []
        sure: dict[tuple[int, int], str] = {}     # spans whose label comes from the knowledge base
        # Knowledge-base mentions first: where NER and the KB propose the same tokens, the KB's label wins
        # (filter_spans keeps the first of equally long spans): it knows "Rosjanie" are people, "Bruksela" a place.
        for sp in mentions:
            label = self._label_of_mention(sp)
            if label and (sp.text[:1].isupper() or self.lang != "pl"):
                ents.append(Span(doc, sp.start, sp.end, label=label))
        outlet_names = {}
        for sp, name in self._outlets(doc):
            ents.append(sp)
            outlet_names[(sp.start, sp.end)] = name
        gazetteer: dict[tuple[int, int], str] = {}
        for start, end, base, label in kb_named.find(text_of(doc), self.lang):
            sp = doc.char_span(start, end, label=label, alignment_mode="expand")
            if sp is not None:
                ents.append(sp)
                gazetteer[(sp.start, sp.end)] = base
        kb_spans = list(ents)
        for ent in ents:
            sure[(ent.start, ent.end)] = ent.label_
        if self.lang == "en" and not doc.ents:
            ents.extend(_proper_names(doc))    # no English NER ships: runs of proper nouns with a telling word
        for ent in doc.ents:
            label = _NER_LABELS.get(ent.label_, ent.label_)
            ent = _trim(Span(doc, ent.start, ent.end, label=label)) if label else None
            if ent is not None and self._is_name(ent):
                ents.extend(self._split_ner(ent, kb_spans))
        if self.lang == "pl":
            people = {e.start: e.end for e in ents if e.label_ == "PER"}
            ents.extend(_missed_people(doc, {i for e in ents for i in range(e.start, e.end)}, people))
        ents = filter_spans(ents)   # the longest wins where NER and the knowledge base overlap
        if self.lang == "pl":
            ents = _joined_people(ents, sure)
        doc.ents = ents
        for ent in doc.ents:
            name = outlet_names.get((ent.start, ent.end))
            ent._.lemma = gazetteer.get((ent.start, ent.end)) or (name if name and _names_it(ent.text, name) else
                                                                  self._base(ent, ent.label_,
                                                                             known.get((ent.start, ent.end))))
            inside = [c for (s, e), c in code_at.items() if s >= ent.start and e <= ent.end and (e - s) * 2 >= len(ent)]
            ent._.actor = inside[0] if inside else None
        self._consistent_bases(list(doc.ents))
        self._consistent_labels(doc, sure)
        return doc

    @staticmethod
    def _consistent_labels(doc: Doc, sure: dict[tuple[int, int], str]) -> None:
        """One name, one label per article: NER tags an unfamiliar name differently from one sentence to the
        next ("Ryanair" as a person here, a place there); the knowledge base's label wins, else the most frequent."""
        votes: dict[str, dict[str, float]] = {}
        for ent in doc.ents:
            key = fold(ent._.lemma or ent.text)
            weight = 10.0 if (ent.start, ent.end) in sure else 1.0
            votes.setdefault(key, {}).setdefault(ent.label_, 0.0)
            votes[key][ent.label_] += weight
        fixed = []
        changed = False
        for ent in doc.ents:
            tally = votes[fold(ent._.lemma or ent.text)]
            best = max(tally, key=lambda lab: (tally[lab], lab == ent.label_))
            if best != ent.label_:
                lemma, actor = ent._.lemma, ent._.actor
                ent = Span(doc, ent.start, ent.end, label=best)
                ent._.lemma, ent._.actor = lemma, actor
                changed = True
            fixed.append(ent)
        if changed:
            doc.ents = fixed


@lru_cache(maxsize=1)
def _name_cues() -> dict[tuple[str, str], str]:
    return {(r["word"], r["where"]): r["label"] for r in read_tsv(lang_data("en", "name_cues.tsv"))}


def _proper_names(doc: Doc) -> list[Span]:
    """English names the knowledge base does not know, from the tagger's PROPN runs: a title before the run makes
    it a person ("Senator Elizabeth Warren"), a head word at its end an organisation or a place ("Goldman Sachs
    Group", "Hudson River", "Bank of England"); a run starting with a known given name is a person. A run with no
    such evidence is left out rather than guessed."""
    cues = _name_cues()

    def part(t) -> bool:   # the tagger reads some head words as common nouns ("Ministry")
        return t.text[:1].isupper() and (t.pos_ == "PROPN" or (t.text, "head") in cues)

    out: list[Span] = []
    n, i = len(doc), 0
    while i < n:
        if not part(doc[i]):
            i += 1
            continue
        j = i + 1
        while j < n and (part(doc[j]) or doc[j].lower_ == "of" and j + 1 < n and part(doc[j + 1])
                         and cues.get((doc[j - 1].text, "head")) in ("ORG", "LOC")):
            j += 1
        start, label = i, None
        while start < j and (doc[start].text, "before") in cues:
            label = cues[(doc[start].text, "before")]
            start += 1
        own = [t for t in doc[start:j] if t.pos_ == "PROPN" and (t.text, "head") not in cues and t.lower_ != "of"]
        if start < j and own:
            if label is None and start > 0:
                label = cues.get((doc[start - 1].text, "before"))
            head = [cues.get((t.text, "head")) for t in doc[start:j] if (t.text, "head") in cues]
            if head:
                label = head[-1]
            elif label is None and j - start >= 2 and is_given_name(doc[start].text):
                label = "PER"
            if label:
                out.append(Span(doc, start, j, label=label))
        i = j
    return out


def _joined_people(ents: list[Span], sure: dict[tuple[int, int], str]) -> list[Span]:
    """Two person spans back to back are one name cut in two ("Juanem Carlosem" + "Pérezem"; a known person's name
    inside a longer one is someone else's): Polish lists people with a comma or "i", never by juxtaposition. The
    second part must come from the NER, not the knowledge base."""
    out: list[Span] = []
    for ent in sorted(ents, key=lambda e: e.start):
        prev = out[-1] if out else None
        if prev is not None and prev.label_ == ent.label_ == "PER" and prev.end == ent.start \
                and (ent.start, ent.end) not in sure \
                and prev[-1].whitespace_ == " " and not ent[0].is_sent_start:
            out[-1] = Span(ent.doc, prev.start, ent.end, label="PER")
        else:
            out.append(ent)
    return out


def _missed_people(doc: Doc, taken: set[int], people: dict[int, int]) -> list[Span]:
    """Polish text: a person the NER missed, as a run of two or more capitalised words that starts with a given name
    and whose other words are no common words ("Lucía Fernández", "Mykołą Azarowem"), NKJP being short of foreign
    names; a given name right before a person the NER found is the start of that name ("Tarasa" + "Kowalenki").
    Nothing else is guessed: a run with no given name may as well be a company or a place."""
    user_data = doc.user_data

    def name_like(t) -> bool:
        if t.i in taken or not t.text[:1].isupper() or not t.text.replace("-", "").isalpha():
            return False
        readings = user_data.get(("._.", "readings", t.idx, None)) or ()   # tok._.readings, without an Underscore
        return not readings or any(lemma[:1].isupper() or tag == "ign" for lemma, tag in readings)

    out: list[Span] = []
    n, i = len(doc), 0
    while i < n:
        if not (name_like(doc[i]) and is_given_name(doc[i].text)):
            i += 1
            continue
        j = i + 1
        while j < n and name_like(doc[j]) and not doc[j].is_sent_start and doc[j - 1].whitespace_:
            j += 1
        if j - i >= 2:
            out.append(Span(doc, i, j, label="PER"))
        elif j in people and doc[i].whitespace_:
            out.append(Span(doc, i, people[j], label="PER"))
        i = j
    return out


def _trim(ent: Span) -> Span | None:
    """NER sometimes takes in the full stop, a quotation mark, a line break, the next verb or a conjunction at a
    name's edge; a name never runs over a line break (a byline's name and the line after it)."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].text in _EDGE_PUNCT or doc[start].is_space):
        start += 1
    brk = next((k for k in range(start, end - 1) if "\n" in doc[k].whitespace_ or doc[k + 1].is_space), None)
    if brk is not None:
        end = brk + 1
    while end > start and (doc[end - 1].text in _EDGE_PUNCT or doc[end - 1].is_space or _is_verb(doc[end - 1])
                           or _function_word(doc[end - 1])):
        end -= 1
    return Span(doc, start, end, label=ent.label_) if end > start else None


_VERBAL = ("fin", "praet", "impt", "inf", "bedzie", "pcon", "pant", "imps", "winien", "VB")


def _function_word(tok) -> bool:
    """A lower-case conjunction or preposition the NER ran into at a name's end ("BASF Wintershall i", "Duda z")."""
    return tok.text.islower() and tok.tag_.split(":", 1)[0] in ("conj", "comp", "prep", "CC", "IN")


def _is_verb(tok) -> bool:
    """A lower-case verb that the NER ran into at a name's end ("Sojuszu Północnoatlantyckiego odwiedził")."""
    return tok.text[:1].islower() and tok.tag_.startswith(_VERBAL)


def _names_it(text: str, name: str) -> bool:
    """Whether the written form is the outlet's own name, inflected ("Reutersa"), not a description around it."""
    a, b = fold(text), fold(name)
    return a[: max(3, len(b) - 3)] == b[: max(3, len(b) - 3)]


def _is_plural(word: str, lemma: str) -> bool:
    """Whether the dictionary reads the word as a plural form of the lemma ("Duńczycy" of "Duńczyk")."""
    from kronika.lang.pl.morfeusz import readings

    return any(r.lemma == lemma and ":pl:" in f"{r.tag}:" for r in readings(word))
