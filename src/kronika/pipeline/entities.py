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
        return "ORG" if self.kinds.get(sp.label_) == "igo" or kind == "seat" and sp.label_ == "EU" else "LOC"

    def _base(self, span: Span, label: str) -> str:
        if self.lang == "pl":
            from kronika.lang.pl.base_forms import base_form

            return base_form(span, label) or span.text
        text = span.text
        return text[:-2] if text.endswith(("'s", "’s")) else text

    def __call__(self, doc: Doc) -> Doc:
        mentions = [sp for key in (ACTOR_MENTIONS, PLACE_MENTIONS) if key in doc.spans for sp in doc.spans[key]]
        code_at = {(sp.start, sp.end): sp.label_ for sp in mentions}
        ents: list[Span] = []
        for ent in doc.ents:
            label = _NER_LABELS.get(ent.label_, ent.label_)
            if label:
                ents.append(Span(doc, ent.start, ent.end, label=label))
        for sp in mentions:
            label = self._label_of_mention(sp)
            if label:
                ents.append(Span(doc, sp.start, sp.end, label=label))
        ents = filter_spans(ents)   # the longest wins where NER and the knowledge base overlap
        doc.ents = ents
        for ent in doc.ents:
            ent._.lemma = self._base(ent, ent.label_)
            inside = [c for (s, e), c in code_at.items() if s >= ent.start and e <= ent.end and (e - s) * 2 >= len(ent)]
            ent._.actor = inside[0] if inside else None
        return doc
