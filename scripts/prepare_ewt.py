"""Convert UD English EWT (dev + test only) into spaCy DocBin files for kronika's en_core model.

Source: UniversalDependencies/UD_English-EWT (commit 15d613d), CC BY-SA 4.0
(see /work/shared/data/ud_english_ewt/SOURCE.txt, LICENSE.txt). Derived files (and the model trained
on them) carry CC BY-SA 4.0; they stay out of git (corpus/ is ignored).

Why this split: only the official dev and test files are available offline. We train on all of dev plus
the first half of test and hold out the second half. The test file is cut at the `# newdoc` boundary
closest to its middle sentence, so no document is shared between train and held-out data:
  train.spacy = en_ewt-ud-dev + en_ewt-ud-test[:cut]
  dev.spacy   = en_ewt-ud-test[cut:]   (used both for model selection and as the reported held-out score)

Usage: python scripts/prepare_ewt.py [--src DIR] [--out corpus/en]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin
from spacy.training.converters import conllu_to_docs

DEFAULT_SRC = Path("../shared/data/ud_english_ewt")
SENTS_PER_DOC = 10


def split_blocks(text: str) -> list[str]:
    """Split CoNLL-U text into sentence blocks (comments included)."""
    return [b.strip("\n") for b in text.split("\n\n") if b.strip()]


def middle_doc_cut(blocks: list[str]) -> int:
    """Index of the sentence that opens a new document closest to the middle."""
    starts = [i for i, b in enumerate(blocks) if "# newdoc" in b]
    middle = len(blocks) // 2
    return min(starts, key=lambda i: abs(i - middle))


def to_docs(blocks: list[str]) -> list[Doc]:
    """Convert sentence blocks to Docs of SENTS_PER_DOC sentences with spaCy's CoNLL-U converter."""
    data = "\n\n".join(blocks) + "\n\n"
    return list(conllu_to_docs(data, n_sents=SENTS_PER_DOC, merge_subtokens=False, no_print=True))


def main() -> None:
    """Write train.spacy and dev.spacy and print their sizes."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=DEFAULT_SRC)
    ap.add_argument("--out", type=Path, default=Path("corpus/en"))
    args = ap.parse_args()
    dev = split_blocks((args.src / "en_ewt-ud-dev.conllu").read_text(encoding="utf-8"))
    test = split_blocks((args.src / "en_ewt-ud-test.conllu").read_text(encoding="utf-8"))
    cut = middle_doc_cut(test)
    splits = {"train": dev + test[:cut], "dev": test[cut:]}
    args.out.mkdir(parents=True, exist_ok=True)
    vocab = spacy.blank("en").vocab
    for name, blocks in splits.items():
        docs = to_docs(blocks)
        db = DocBin(store_user_data=False)
        for doc in docs:
            db.add(Doc(vocab).from_bytes(doc.to_bytes()) if doc.vocab is not vocab else doc)
        db.to_disk(args.out / f"{name}.spacy")
        print(f"{name}: {len(blocks)} sentences, {sum(len(d) for d in docs)} tokens, {len(docs)} docs")
    print(f"test file cut at sentence {cut} of {len(test)}")


if __name__ == "__main__":
    main()
