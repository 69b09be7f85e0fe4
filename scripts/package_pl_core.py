"""Package pl_core from a training output: only [tok2vec, ner], a small strings table, and its meta.

The NER is trained over pl_tagger + kronika_morphology (frozen, annotating: they give the LEMMA and TAG features),
and spaCy saves those components inside model-best. kronika's pl.cfg runs its own copies of them upstream, so the
package keeps only tok2vec and ner: the tagger's weights would otherwise be shipped twice, and pl_core would carry
the tagger's GPL. spaCy also saves every string seen in training (about 200k NKJP words); inference never reads
them, since features are hashed from the text being analysed, so only the labels are kept (the model must stay under
50 MB).

Usage: python scripts/package_pl_core.py corpus/training/pl_ner/model-best src/kronika/models/pl_core
"""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import spacy

KEEP = ("tok2vec", "ner")
META = {
    "name": "pl_core", "version": "0.3.0", "license": "CC BY 4.0",
    "description": "kronika Polish NER (PER, ORG, LOC, DATE, TIME): tok2vec + ner. Its features include each "
                   "token's lemma and NKJP tag, set upstream by pl_tagger + kronika_morphology (see pl.cfg).",
    "sources": [{"name": "NKJP1M NER layer, CLARIN-PL PolDeepNer IOB (CC BY 4.0)"}],
}


def package(src: Path, dest: Path) -> tuple[int, int]:
    """Write the package; returns (strings before, strings kept)."""
    nlp = spacy.load(src)
    for name in list(nlp.pipe_names):
        if name not in KEEP:
            nlp.remove_pipe(name)
    if dest.exists():
        shutil.rmtree(dest)
    nlp.meta.update(META)
    nlp.to_disk(dest)
    keep = {"O", ""}
    for _name, pipe in nlp.pipeline:
        for label in getattr(pipe, "labels", ()) or ():
            keep.add(label)
            keep.update(f"{p}-{label}" for p in "BILU")
    path = dest / "vocab" / "strings.json"
    before = json.loads(path.read_text(encoding="utf-8"))
    kept = sorted(s for s in before if s in keep)
    path.write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
    return len(before), len(kept)


if __name__ == "__main__":
    b, a = package(Path(sys.argv[1]), Path(sys.argv[2]))
    size = sum(f.stat().st_size for f in Path(sys.argv[2]).rglob("*") if f.is_file())
    print(f"pl_core: strings {b} -> {a}; {size / 1e6:.1f} MB")
