"""Convert UD Polish LFG (+ optionally UD Polish PUD) into spaCy DocBins for kronika's Polish tagger (pl_tagger).

Sources (see each folder's SOURCE.txt / LICENSE.txt under /work/shared/data):
  UD Polish LFG, commit 7e859fe (dev + test files only), GNU GPL 3.0, manual NKJP-tagset XPOS.
  UD Polish PUD, commit a726e58 (test file only), CC BY-SA 4.0, manual NKJP-tagset XPOS.
The derived DocBins, and the model trained on them, are GPL-3.0 (CC BY-SA 4.0 material may be relicensed under
GPLv3: CC's one-way compatibility declaration of 2015); they stay out of git (corpus/ is ignored).
UD Polish PDB is evaluation-only (CC BY-NC-SA) and is never read here.

Why this split: only LFG's dev and test files are available offline. We train on LFG dev + LFG test[:cut] (+ all of
PUD with --pud) and hold out LFG test[cut:] (the last HELDOUT share of its sentences) for model selection.

Each Doc holds gold words (multiword tokens split into their words, written without a space between them, which is
how kronika's tokenizer splits agglutinates), spaces, tag_ = XPOS and sentence starts; SENTS_PER_DOC sentences a Doc.

Usage: python scripts/prepare_lfg.py [--lfg DIR] [--pud DIR] [--no-pud] [--out corpus/pl_tagger]
"""
from __future__ import annotations

import argparse
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

import ud_conllu  # noqa: E402  (scripts/ is on sys.path when a script runs)

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
SENTS_PER_DOC = 10
HELDOUT = 0.2


def read_conllu(path: Path) -> list[list[tuple[str, bool, str]]]:
    """Sentences as lists of (word, space_after, xpos)."""
    return [[(w["form"], w["space"], w["xpos"]) for w in sent] for sent in ud_conllu.read_conllu(path)]


def to_docs(vocab, sents: list[list[tuple[str, bool, str]]]) -> list[Doc]:
    """Docs of SENTS_PER_DOC sentences each, with words, spaces, tags and sentence starts."""
    docs = []
    for k in range(0, len(sents), SENTS_PER_DOC):
        chunk = sents[k:k + SENTS_PER_DOC]
        words, spaces, tags, starts = [], [], [], []
        for s in chunk:
            for j, (w, sp, t) in enumerate(s):
                words.append(w)
                spaces.append(sp)
                tags.append(t)
                starts.append(j == 0)
            spaces[-1] = True
        docs.append(Doc(vocab, words=words, spaces=spaces, tags=tags, sent_starts=starts))
    return docs


def main() -> None:
    """Write train.spacy and dev.spacy and print their sizes."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lfg", type=Path, default=SHARED / "ud_polish_lfg")
    ap.add_argument("--pud", type=Path, default=SHARED / "ud_polish_pud")
    ap.add_argument("--no-pud", action="store_true", help="LFG only (then the model is GPL-3.0 from LFG alone)")
    ap.add_argument("--out", type=Path, default=Path("corpus/pl_tagger"))
    args = ap.parse_args()
    dev = read_conllu(args.lfg / "pl_lfg-ud-dev.conllu")
    test = read_conllu(args.lfg / "pl_lfg-ud-test.conllu")
    cut = int(len(test) * (1 - HELDOUT))
    train = dev + test[:cut]
    if not args.no_pud:
        train += read_conllu(args.pud / "pl_pud-ud-test.conllu")
    splits = {"train": train, "dev": test[cut:]}
    args.out.mkdir(parents=True, exist_ok=True)
    vocab = spacy.blank("pl").vocab
    for name, sents in splits.items():
        db = DocBin(attrs=["ORTH", "TAG", "SENT_START"], store_user_data=False)
        docs = to_docs(vocab, sents)
        for doc in docs:
            db.add(doc)
        db.to_disk(args.out / f"{name}.spacy")
        print(f"{name}: {len(sents)} sentences, {sum(len(d) for d in docs)} words, {len(docs)} docs")


if __name__ == "__main__":
    main()
