"""Reading UD CoNLL-U files for the Polish tagger's training (prepare_lfg.py) and evaluation (evaluate_morphology.py)."""
from __future__ import annotations

from pathlib import Path


def read_conllu(path: Path) -> list[list[dict]]:
    """Sentences as lists of word dicts (multiword-token lines and empty nodes skipped)."""
    sents, cur = [], []
    mwt_end, mwt_space = 0, True
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if cur:
                sents.append(cur)
            cur = []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0]:  # multiword token: its words are written together; its MISC holds SpaceAfter
            mwt_end, mwt_space = int(cols[0].split("-")[1]), "SpaceAfter=No" not in cols[9]
            continue
        if "." in cols[0]:
            continue
        wid = int(cols[0])
        space = "SpaceAfter=No" not in cols[9]
        if wid <= mwt_end:
            space = mwt_space if wid == mwt_end else False
        cur.append({"form": cols[1], "lemma": cols[2], "upos": cols[3], "xpos": cols[4], "feats": cols[5],
                    "space": space})
    if cur:
        sents.append(cur)
    return sents
