"""Polish morphology stage: morfeusz2 readings -> lemma, UPOS, UD feats (and an NKJP tag when no tagger ran).

With a tagger upstream (pl_tagger predicts full NKJP tags into token.tag_) this stage only has to pick the morfeusz
reading closest to the predicted tag, which gives the lemma and resolves the tag's case/number/gender to values
morfeusz allows for the form; unknown words keep the predicted tag. Without one it disambiguates with a few light,
general rules: class preference from data/tagset.tsv, capitalisation for proper names, preposition government of
case and adjective-noun agreement. English docs never reach this stage.

Which reading a token has is decided in lang/pl/disambiguation.py (cached per form). This stage reads token
attributes with `doc.to_array` and writes them with one `doc.from_array`, because spaCy's per-token property setters
dominate otherwise.
"""
from __future__ import annotations

from typing import Any, Iterable

import numpy
from spacy.attrs import IDX, IS_ALPHA, IS_SPACE, LEMMA, MORPH, ORTH, POS, SENT_START, SPACY, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc

from kronika.lang.pl.disambiguation import auxiliaries, choose_scored, disambiguate, form_of
from kronika.lang.pl.tag_scores import SCORES_KEY
from kronika.lang.pl.tagset import load as load_tagset, to_ud
from kronika.pipeline import extensions

extensions.register()

_IN = [ORTH, SPACY, SENT_START, IS_ALPHA, IS_SPACE, TAG, IDX, MORPH]
_OUT = [LEMMA, POS, TAG, MORPH]
_SPACE_POS = POS_IDS["SPACE"]


@Language.factory(
    "kronika_morphology",
    default_config={"use_tagger_tags": True, "keep_readings": True},
    assigns=["token.lemma", "token.pos", "token.morph", "token.tag"],
    requires=["token.text"],
)
def make_morphology(nlp: Language, name: str, use_tagger_tags: bool, keep_readings: bool) -> "PolishMorphology":
    return PolishMorphology(name, use_tagger_tags=use_tagger_tags, keep_readings=keep_readings)


class PolishMorphology:
    """spaCy component; stateless apart from the per-form caches."""

    def __init__(self, name: str = "kronika_morphology", use_tagger_tags: bool = True,
                 keep_readings: bool = True) -> None:
        self.name = name
        self.use_tagger_tags = use_tagger_tags
        self.keep_readings = keep_readings
        load_tagset()

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        strings = doc.vocab.strings
        orths, spaces, starts, alphas, is_space, tag_ids, idxs, old_morph = doc.to_array(_IN).T.tolist()
        texts = [strings[o] for o in orths]
        forms = [form_of(texts, spaces, starts, alphas, i) for i in range(n)]
        use_tags = self.use_tagger_tags
        scored = doc.user_data.pop(SCORES_KEY, None)
        if use_tags and scored is not None and len(scored[1]) == n:
            choices = choose_scored(forms, tag_ids, strings, *scored)
        elif use_tags and any(tag_ids):
            choices = [f.choose_by_tag(strings[t]) if t else f.heuristic() for f, t in zip(forms, tag_ids)]
        else:
            choices = disambiguate(forms)
        lemma_col, pos_col, tag_col, morph_col = [0] * n, [0] * n, list(tag_ids), old_morph
        vocab = doc.vocab
        rows: dict[tuple[str, str, bool], tuple[int, int, int, int, int]] = {}   # per doc: strings must be
        for i, choice in enumerate(choices):                                      # added to this doc's vocab
            if is_space[i]:
                lemma_col[i], pos_col[i] = strings.add(texts[i]), _SPACE_POS
                continue
            row = rows.get(choice)
            if row is None:
                row = rows[choice] = _row(vocab, *choice)
            lemma_col[i], pos_col[i] = row[0], row[1]
            morph_col[i] = row[4] if row[4] != row[3] and texts[i][:1].isdigit() else row[3]
            tag_col[i] = row[2]   # a predicted tag comes back resolved against the chosen reading
        for i, upos in auxiliaries(choices).items():
            pos_col[i] = POS_IDS[upos]
        doc.from_array(_OUT, numpy.array([lemma_col, pos_col, tag_col, morph_col], dtype=numpy.uint64).T)
        if self.keep_readings:
            # what `tok._.readings = ...` stores, without building a Token and an Underscore per token; the
            # (lemma, tag) pairs are the form's shared immutable tuple, so no list per token for the GC to track
            user_data = doc.user_data
            for i, f in enumerate(forms):
                if not is_space[i]:
                    user_data[("._.", "readings", idxs[i], None)] = f.pairs
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)


def _row(vocab: Any, lemma: str, tag: str, proper: bool) -> tuple[int, int, int, int, int]:
    """(LEMMA, POS, TAG, MORPH, MORPH when the token is written in digits) values of a decided token."""
    upos, feats = to_ud(tag, lemma, proper)
    digit_feats = feats.replace("NumForm=Word", "NumForm=Digit") if upos == "NUM" else feats
    morph = vocab.morphology.add(feats) if feats else 0
    digit_morph = (vocab.morphology.add(digit_feats) if digit_feats else 0) if digit_feats != feats else morph
    return vocab.strings.add(lemma), POS_IDS[upos], vocab.strings.add(tag), morph, digit_morph


