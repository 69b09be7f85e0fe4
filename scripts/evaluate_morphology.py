"""Score the Polish morphology stage on UD Polish PDB dev+test (evaluation only: never train on it).

Docs are built from the gold CoNLL-U words (gold tokenisation and sentence starts), run through kronika's Polish
tagger (src/kronika/models/pl_tagger, or --model DIR) when it exists (and --no-tagger is not given) and then
kronika_morphology. Reports lemma, UPOS and Case accuracy; Case is scored on words whose gold FEATS have a Case
(prepositions carry none in UD PDB); with the tagger also its raw XPOS accuracy and its speed alone (run with
OMP_NUM_THREADS=1 for one core). --oracle-tags feeds the gold XPOS as if a perfect tagger had run (an upper bound
for the stage itself). --disjoint drops the PDB sentences whose words also form a sentence of pl_tagger's
training files (UD Polish LFG dev/test, PUD): both treebanks sample NKJP1M, and ~20% of PDB dev+test sentences
(~10% of words) recur there.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import spacy
from spacy.tokens import Doc

from ud_conllu import read_conllu  # noqa: E402  (scripts/ is on sys.path when a script runs)

ROOT = Path(__file__).resolve().parents[1]
DATA = Path("/work/shared/data/ud_polish_pdb")
TRAIN_FILES = (Path("/work/shared/data/ud_polish_lfg/pl_lfg-ud-dev.conllu"),
               Path("/work/shared/data/ud_polish_lfg/pl_lfg-ud-test.conllu"),
               Path("/work/shared/data/ud_polish_pud/pl_pud-ud-test.conllu"))
MODEL = ROOT / "src" / "kronika" / "models" / "pl_tagger"


def build_nlp(use_tagger: bool, model: Path = MODEL) -> spacy.Language:
    """A blank Polish pipeline: the sourced tagger (if wanted and present), then kronika_morphology."""
    sys.path.insert(0, str(ROOT / "src"))
    import kronika.pipeline.morphology  # noqa: F401  (registers the factory)

    nlp = spacy.blank("pl")
    if use_tagger and model.exists():
        nlp.add_pipe("tagger", source=spacy.load(model))
    nlp.add_pipe("kronika_morphology")
    return nlp


def case_of(feats: str) -> str:
    for item in feats.split("|"):
        if item.startswith("Case="):
            return item[5:]
    return ""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--no-tagger", action="store_true", help="do not use the pl_tagger model even if it exists")
    ap.add_argument("--model", type=Path, default=MODEL, help="tagger model dir (default: the shipped pl_tagger)")
    ap.add_argument("--oracle-tags", action="store_true", help="set gold XPOS as token.tag_ (upper bound)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N sentences")
    ap.add_argument("--disjoint", action="store_true", help="skip sentences that recur in the tagger's training data")
    ap.add_argument("--errors", type=int, default=0, help="print the N most frequent lemma errors")
    args = ap.parse_args()
    sents = read_conllu(DATA / "pl_pdb-ud-dev.conllu") + read_conllu(DATA / "pl_pdb-ud-test.conllu")
    if args.disjoint:
        seen = {tuple(w["form"] for w in s) for path in TRAIN_FILES if path.exists() for s in read_conllu(path)}
        sents = [s for s in sents if tuple(w["form"] for w in s) not in seen]
    if args.limit:
        sents = sents[: args.limit]
    nlp = build_nlp(use_tagger=not args.no_tagger and not args.oracle_tags, model=args.model)
    docs = []
    for s in sents:
        doc = Doc(nlp.vocab, words=[w["form"] for w in s], spaces=[w["space"] for w in s],
                  sent_starts=[True] + [False] * (len(s) - 1))
        if args.oracle_tags:
            for tok, w in zip(doc, s):
                tok.tag_ = w["xpos"]
        docs.append(doc)
    n_words = sum(len(d) for d in docs)
    if "tagger" in nlp.pipe_names:
        tagger = nlp.get_pipe("tagger")
        tagged = [Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d]) for d in docs]
        t0 = time.perf_counter()
        tagged = list(tagger.pipe(tagged, batch_size=256))
        tsecs = time.perf_counter() - t0
        hits = sum(t.tag_ == w["xpos"] for d, s in zip(tagged, sents) for t, w in zip(d, s))
        print(f"tagger alone: {n_words / tsecs:,.0f} words/s; raw XPOS accuracy {hits / n_words:.4f}")
    t0 = time.perf_counter()
    docs = list(nlp.pipe(docs))
    secs = time.perf_counter() - t0
    morph = nlp.get_pipe("kronika_morphology")
    t1 = time.perf_counter()
    for doc in docs:  # second pass over the same words: the warm-cache speed of the stage alone
        morph(doc)
    warm = time.perf_counter() - t1
    n = lem = upos = case_n = case_ok = 0
    errors: Counter = Counter()
    for doc, s in zip(docs, sents):
        for tok, w in zip(doc, s):
            n += 1
            lem += tok.lemma_ == w["lemma"]
            upos += tok.pos_ == w["upos"]
            gold_case = case_of(w["feats"])
            if gold_case:
                case_n += 1
                case_ok += case_of(str(tok.morph)) == gold_case
            if args.errors and tok.lemma_ != w["lemma"]:
                errors[(w["form"], w["lemma"], tok.lemma_, w["xpos"])] += 1
    names = [p for p in nlp.pipe_names]
    mode = "oracle-tags" if args.oracle_tags else ("tagger" if "tagger" in names else "no-tagger")
    print(f"mode={mode} pipes={names} words={n} sents={len(sents)} time={secs:.1f}s ({n / secs:,.0f} words/s cold); "
          f"morphology alone, warm cache: {n / warm:,.0f} words/s")
    print(f"lemma_acc={lem / n:.4f} upos_acc={upos / n:.4f} case_acc={case_ok / max(case_n, 1):.4f} "
          f"(case scored on {case_n} words with a gold Case)")
    for (form, gold, pred, xpos), c in errors.most_common(args.errors):
        print(f"{c:5d}  {form!r} gold={gold!r} pred={pred!r} {xpos}")


if __name__ == "__main__":
    main()
