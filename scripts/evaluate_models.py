"""Score kronika's trained pipelines on their held-out data (same scoring as `spacy evaluate`).

pl: src/kronika/models/pl_core on corpus/pl/test.spacy (NKJP test split, never used in training or model
    selection) -> NER P/R/F overall and per label (tag accuracy too if the model has a tagger).
en: src/kronika/models/en_core on corpus/en/dev.spacy (second half of EWT test, see prepare_ewt.py)
    -> UPOS, XPOS, morph, UAS/LAS, lemma accuracy.

The text is re-tokenized with the pipeline's own tokenizer (gold_preproc off), as in real use.
Speed (words_per_s) is measured on one thread (OMP_NUM_THREADS=1): kronika's budget is per core.
Usage: python scripts/evaluate_models.py [pl] [en] [--out corpus/metrics]
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")  # before numpy loads: speed is measured per core

import argparse
import json
import time
from pathlib import Path
from typing import Any

import spacy
from spacy.scorer import Scorer
from spacy.training import Corpus, Example

ROOT = Path(__file__).resolve().parent.parent
MODELS = {
    "pl": (ROOT / "src/kronika/models/pl_core", ROOT / "corpus/pl/test.spacy"),
    "en": (ROOT / "src/kronika/models/en_core", ROOT / "corpus/en/dev.spacy"),
}
KEYS = {
    "pl": ["ents_p", "ents_r", "ents_f", "ents_per_type"],
    "en": ["pos_acc", "tag_acc", "morph_acc", "dep_uas", "dep_las", "lemma_acc", "sents_f"],
}


def _pl_ner_pipeline(core: Path) -> spacy.Language:
    """pl_core's NER as kronika runs it: pl_tagger and kronika_morphology first (they set the lemma and tag
    features the NER reads), then tok2vec + ner sourced from pl_core."""
    tagger = ROOT / "src/kronika/models/pl_tagger"
    nlp = spacy.load(tagger) if tagger.exists() else spacy.blank("pl")
    nlp.add_pipe("kronika_morphology", config={"keep_readings": False})
    source = spacy.load(core)
    nlp.add_pipe("tok2vec", source=source)
    nlp.add_pipe("ner", source=source)
    return nlp


def evaluate(lang: str, model: Path | None = None, data: Path | None = None) -> dict[str, Any]:
    """Load a pipeline from disk and score it on a DocBin file; returns the selected scores."""
    model_path, data_path = MODELS[lang]
    nlp = _pl_ner_pipeline(model or model_path) if lang == "pl" else spacy.load(model or model_path)
    gold = list(Corpus(str(data or data_path), gold_preproc=False)(nlp))
    texts = [eg.reference.text for eg in gold]
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=256):  # raw text in, tokenizer included, as in real use
        pass
    seconds = time.perf_counter() - start
    docs = nlp.pipe((eg.predicted for eg in gold), batch_size=256)
    examples = [Example(doc, eg.reference) for doc, eg in zip(docs, gold)]
    scores = Scorer(nlp).score(examples)
    keys = KEYS[lang]
    result = {k: scores.get(k) for k in keys}
    result["pipeline"] = nlp.pipe_names
    result["n_docs"] = len(examples)
    result["n_tokens"] = sum(len(eg.reference) for eg in examples)
    result["words_per_s"] = round(result["n_tokens"] / seconds)
    return result


def print_scores(lang: str, result: dict[str, Any]) -> None:
    """Human-readable summary."""
    print(f"== {lang} ({result['n_docs']} docs, {result['n_tokens']} gold tokens)")
    for key, value in result.items():
        if key == "ents_per_type" and value:
            for label, prf in sorted(value.items()):
                print(f"  {label:6s} P={prf['p']:.3f} R={prf['r']:.3f} F={prf['f']:.3f}")
        elif isinstance(value, float):
            print(f"  {key:10s} {value:.4f}")
        elif key in ("words_per_s", "pipeline"):
            print(f"  {key:10s} {value}")


def main() -> None:
    """Evaluate the requested languages and write JSON metrics."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("langs", nargs="*", default=["pl", "en"], choices=sorted(MODELS))
    ap.add_argument("--model", type=Path, help="override the model path (one language only)")
    ap.add_argument("--data", type=Path, help="override the data path (one language only)")
    ap.add_argument("--out", type=Path, default=ROOT / "corpus/metrics")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for lang in args.langs:
        result = evaluate(lang, args.model, args.data)
        print_scores(lang, result)
        (args.out / f"{lang}_core.json").write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
