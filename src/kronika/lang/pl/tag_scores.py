"""A spaCy tagger that also hands its per-token tag scores to kronika_morphology (factory "kronika_pl_tagger").

Why: a small tagger's best tag is often one morfeusz2 rules out for the form (a case the word cannot have). Given the
scores, the morphology stage picks the best-scoring tag among those compatible with the form's morfeusz readings
instead of the nearest reading to the argmax. The weights are an ordinary spaCy `tagger`'s: the packaged pl_tagger
is trained with factory "tagger" and its config names this factory (see project.yml, package-pl-tagger).
The scores travel in `doc.user_data[SCORES_KEY]` as (labels, float32 array tokens x labels); the morphology stage
pops them, so they are never serialised with the doc.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, Iterable, Optional

import numpy
from spacy.language import Language
from spacy.pipeline.tagger import Tagger
from spacy.tokens import Doc
from thinc.api import Model

from kronika.lang.pl import morfeusz as mf

SCORES_KEY = ("kronika", "tag_scores")


@Language.factory(
    "kronika_pl_tagger",
    assigns=["token.tag"],
    default_config={"overwrite": False, "scorer": {"@scorers": "spacy.tagger_scorer.v1"}, "neg_prefix": "!",
                    "label_smoothing": 0.0},
    default_score_weights={"tag_acc": 1.0},
)
def make_scoring_tagger(nlp: Language, name: str, model: Model, overwrite: bool, scorer: Optional[Callable],
                        neg_prefix: str, label_smoothing: float) -> "ScoringTagger":
    return ScoringTagger(nlp.vocab, model, name=name, overwrite=overwrite, scorer=scorer, neg_prefix=neg_prefix,
                         label_smoothing=label_smoothing)


class ScoringTagger(Tagger):
    """spaCy's Tagger (same model, same token.tag_) that also leaves its scores on each doc."""

    def predict(self, docs: Iterable[Doc]) -> tuple[list, list]:
        docs = list(docs)
        if not any(len(doc) for doc in docs):
            return super().predict(docs), [None] * len(docs)
        scores = self.model.predict(docs)
        return self._scores2guesses(scores), scores

    def set_annotations(self, docs: Iterable[Doc], preds: Any) -> None:
        if isinstance(docs, Doc):
            docs = [docs]
        guesses, scores = preds
        super().set_annotations(docs, guesses)
        labels = label_tuple(self)
        for doc, s in zip(docs, scores):
            if s is not None and len(doc):
                doc.user_data[SCORES_KEY] = (labels, numpy.asarray(s, dtype=numpy.float32))


def label_tuple(tagger: Tagger) -> tuple[str, ...]:
    """The tagger's labels as one shared tuple (the morphology stage caches per-form work by its identity)."""
    src = tagger.cfg["labels"]
    cached = getattr(tagger, "_kronika_labels", None)
    if cached is None or cached[0] is not src or len(cached[1]) != len(src):
        cached = tagger._kronika_labels = (src, tuple(src))
    return cached[1]


@lru_cache(maxsize=8)
def label_index(labels: tuple[str, ...]) -> dict[str, tuple[tuple[int, tuple[str, ...]], ...]]:
    """Labels grouped by class: class -> ((label index, the label's positions after the class), ...)."""
    out: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    for i, label in enumerate(labels):
        parts = label.split(":")
        out.setdefault(parts[0], []).append((i, tuple(parts[1:])))
    return {k: tuple(v) for k, v in out.items()}


def compatible(tags: tuple[str, ...], base: tuple[float, ...], labels: tuple[str, ...]) -> tuple[Any, Any, tuple]:
    """(label indices, segment starts, reading index per segment) for a form's reading tags: for each reading
    that allows some label, the indices of those labels (`tag_labels`), as one flat array cut into segments for
    numpy.maximum.reduceat. Readings come best context-free score (`base`) first, so a tie goes to the preferred
    reading."""
    flat: list[int] = []
    starts: list[int] = []
    order: list[int] = []
    for j in sorted(range(len(tags)), key=lambda j: -base[j]):
        idx = tag_labels(tags[j], labels)
        if idx:
            starts.append(len(flat))
            flat.extend(idx)
            order.append(j)
    return numpy.array(flat, dtype=numpy.intp), numpy.array(starts, dtype=numpy.intp), tuple(order)


_TAG_LABELS: dict[tuple[int, str], tuple[int, ...]] = {}


def tag_labels(tag: str, labels: tuple[str, ...]) -> tuple[int, ...]:
    """Indices of the labels a morfeusz reading tag allows: same class (qub and part count as one), and every
    position both have holds one of the reading's alternatives; a number in digits allows any num/adj label
    (UD PDB gives it a case); ign allows none. Cached per (label set, tag): forms share few distinct tags."""
    key = (id(labels), tag)
    out = _TAG_LABELS.get(key)
    if out is not None:
        return out
    if len(_TAG_LABELS) > 100_000:
        _TAG_LABELS.clear()
    index = label_index(labels)
    cls = tag.split(":", 1)[0]
    cands = index.get(cls, ())
    if cls in ("qub", "part"):
        cands = index.get("qub", ()) + index.get("part", ())
    if cls == "ign":
        out = ()
    elif cls in ("dig", "romandig"):
        out = tuple(i for i, _ in cands + index.get("num", ()) + index.get("adj", ()))
    else:
        rp = mf.tag_parts(tag)[1:]
        out = tuple(i for i, lp in cands if all(v in rp[p] for p, v in enumerate(lp[: len(rp)])))
    _TAG_LABELS[key] = out
    return out


@lru_cache(maxsize=50_000)
def resolve_towards(reading_tag: str, predicted: str) -> str:
    """A reading's tag with each dotted alternative resolved to the predicted value where it is one of them
    ("subst:sg:nom.acc:m3" towards "subst:sg:acc:m3" -> "subst:sg:acc:m3"), else to the reading's first option."""
    pred = predicted.split(":")
    out = []
    for j, part in enumerate(reading_tag.split(":")):
        opts = part.split(".")
        out.append(pred[j] if j < len(pred) and pred[j] in opts else opts[0])
    return ":".join(out)


_PENALTIES: dict[tuple[int, frozenset[str], float], Any] = {}
_CASES = frozenset({"nom", "gen", "acc", "inst", "dat", "loc", "voc"})


def case_penalty(labels: tuple[str, ...], allowed: frozenset[str], penalty: float) -> Any:
    """`penalty` for each label with a case outside `allowed` (prepositions and caseless labels: 0), cached."""
    key = (id(labels), allowed, penalty)
    vec = _PENALTIES.get(key)
    if vec is None:
        if len(_PENALTIES) > 256:
            _PENALTIES.clear()
        out = []
        for label in labels:
            parts = mf.tag_parts(label)
            cases = next((parts[j] & _CASES for j in (1, 2) if j < len(parts) and parts[j] & _CASES), None)
            out.append(penalty if cases and not label.startswith("prep") and not (cases & allowed) else 0.0)
        vec = _PENALTIES[key] = numpy.array(out, dtype=numpy.float32)
    return vec
