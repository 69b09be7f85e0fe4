"""Entities stage: named entities with the base form of the whole name, and the actor each stands for.

The trained NER (pl_core, when present) proposes spans; knowledge-base mentions found by the actor stage add the
names it missed (and are the only entity source for English until an English NER ships). Base forms come from
lang/pl/base_forms.py (morfeusz2 analysis and generation with agreement) for Polish, the text itself for English.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from kronika.kb.loader import actors as kb_actors
from kronika.pipeline.extensions import ACTOR_MENTIONS, PLACE_MENTIONS

_KIND_LABEL = {"person": "PER", "surname": "PER", "body": "ORG", "demonym": "PER"}
# Demonyms are entities too (a nationality used as a group of people: "Rosjanie", "the Americans"); adjectives are not.
_NAME_KINDS = {"name", "official", "short", "alias", "capital", "seat", "body", "person", "surname", "demonym",
               "city", "region"}
_KB_BASE_KINDS = {"name", "official", "short", "alias", "capital", "seat", "body", "city", "region"}
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

    def __call__(self, doc: Doc) -> Doc:
        mentions = [sp for key in (ACTOR_MENTIONS, PLACE_MENTIONS) if key in doc.spans for sp in doc.spans[key]]
        code_at = {(sp.start, sp.end): sp.label_ for sp in mentions}
        known = {(sp.start, sp.end): (sp._.mention_kind, sp.kb_id_) for sp in mentions}
        ents: list[Span] = []
        # Knowledge-base mentions first: where NER and the KB propose the same tokens, the KB's label wins
        # (filter_spans keeps the first of equally long spans): it knows "Rosjanie" are people, "Bruksela" a place.
        for sp in mentions:
            label = self._label_of_mention(sp)
            if label and (sp.text[:1].isupper() or self.lang != "pl"):
                ents.append(Span(doc, sp.start, sp.end, label=label))
        for ent in doc.ents:
            label = _NER_LABELS.get(ent.label_, ent.label_)
            if label and self._is_name(ent):
                ents.append(Span(doc, ent.start, ent.end, label=label))
        ents = filter_spans(ents)   # the longest wins where NER and the knowledge base overlap
        doc.ents = ents
        for ent in doc.ents:
            ent._.lemma = self._base(ent, ent.label_, known.get((ent.start, ent.end)))
            inside = [c for (s, e), c in code_at.items() if s >= ent.start and e <= ent.end and (e - s) * 2 >= len(ent)]
            ent._.actor = inside[0] if inside else None
        self._consistent_bases(list(doc.ents))
        return doc


def _is_plural(word: str, lemma: str) -> bool:
    """Whether the dictionary reads the word as a plural form of the lemma ("Duńczycy" of "Duńczyk")."""
    from kronika.lang.pl.morfeusz import readings

    return any(r.lemma == lemma and ":pl:" in f"{r.tag}:" for r in readings(word))
