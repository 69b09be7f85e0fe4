"""Convert the NKJP NER IOB file into spaCy DocBin train/dev/test files for kronika's pl_core model.

Source: NKJP1M 1.2 NER layer as converted by CLARIN-PL (PolDeepNer, PolEval 2018), CC BY 4.0
(see /work/shared/data/nkjp_ner_pl/SOURCE.txt). The .spacy files written here are derived data under
the same licence and stay out of git (corpus/ is ignored).

Why these choices:
- The split is by document and by a stable hash (md5 of the document id), so it never changes between
  runs or machines: 90% train, 5% dev, 5% test.
- NKJP keeps no spacing, so spaces are guessed with simple punctuation rules; spaCy re-tokenizes the
  reconstructed text with its Polish tokenizer during training, so the text should look like real text.
- tag_ is the NKJP ctag with the trailing ':' of attribute-less tags removed ("interp:" -> "interp").
  Tags seen fewer than MIN_TAG_COUNT times in the train split are left empty (= missing for the tagger).
- Entities: outermost spans only; persName -> PER, orgName -> ORG, placeName* / geogName -> LOC,
  date -> DATE, time -> TIME. Nested name parts (persName-forename, ...) are dropped.

Usage: python scripts/prepare_nkjp.py [--src FILE] [--out corpus/pl]
"""

from __future__ import annotations

import argparse
import hashlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span

DEFAULT_SRC = Path("../shared/data/nkjp_ner_pl/nkjp-nested-simplified-v2.iob")
MIN_TAG_COUNT = 3
LABEL_MAP = {
    "persName": "PER",
    "orgName": "ORG",
    "placeName": "LOC",
    "placeName-country": "LOC",
    "placeName-settlement": "LOC",
    "placeName-region": "LOC",
    "placeName-district": "LOC",
    "placeName-bloc": "LOC",
    "geogName": "LOC",
    "date": "DATE",
    "time": "TIME",
}
NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "”", "…", "...", "%"}
NO_SPACE_AFTER = {"(", "[", "„"}


@dataclass
class Sentence:
    """One NKJP sentence: token columns plus raw label strings."""

    words: list[str] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)


def read_iob(path: Path) -> dict[str, list[Sentence]]:
    """Read the IOB file into {doc_id: [sentences]} preserving order."""
    docs: dict[str, list[Sentence]] = {}
    current: list[Sentence] = []
    sent = Sentence()
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("-DOCSTART"):
                if sent.words:
                    current.append(sent)
                    sent = Sentence()
                if line.startswith("-DOCSTART FILE"):
                    current = docs.setdefault(line.split(" ", 2)[2], [])
                continue
            if not line.strip():
                if sent.words:
                    current.append(sent)
                    sent = Sentence()
                continue
            orth, lemma, ctag, label = line.split("\t")[:4]
            sent.words.append(orth)
            sent.lemmas.append(lemma)
            sent.tags.append(ctag.rstrip(":") or ctag)
            sent.labels.append(label)
    if sent.words:
        current.append(sent)
    return docs


def split_of(doc_id: str) -> str:
    """Stable 90/5/5 split from the md5 of the document id."""
    bucket = int(hashlib.md5(doc_id.encode("utf-8")).hexdigest(), 16) % 100
    return "train" if bucket < 90 else ("dev" if bucket < 95 else "test")


def guess_spaces(words: list[str], tags: list[str]) -> list[bool]:
    """Guess whether each token is followed by a space (NKJP lost this information)."""
    n = len(words)
    spaces = [True] * n
    quote_open = False
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < n else None
        if word == '"':
            quote_open = not quote_open
            if quote_open:
                spaces[i] = False
            elif i > 0:
                spaces[i - 1] = False
        if word in NO_SPACE_AFTER or (i == 0 and word in {"—", "–"}):
            spaces[i] = False
        if nxt is None:
            spaces[i] = False
            continue
        next_tag = tags[i + 1]
        # agglutinates (zrobił|em) and the conditional 'by' after a past form (zrobił|by) are glued
        if nxt in NO_SPACE_BEFORE or next_tag.startswith("aglt"):
            spaces[i] = False
        elif nxt == "by" and tags[i].startswith("praet"):
            spaces[i] = False
        elif word == "-" and i > 0 and tags[i - 1] == "adja":
            spaces[i] = False
        elif nxt == "-" and tags[i] == "adja":
            spaces[i] = False
    return spaces


def outer_spans(labels: list[str]) -> list[tuple[int, int, str]]:
    """Decode nested IOB2 labels ('B-x#I-y') into outermost (start, end, LABEL) spans."""
    spans: list[tuple[int, int, str]] = []
    open_spans: dict[str, int] = {}
    for i, cell in enumerate(labels + ["O"]):
        parts = [p for p in cell.split("#") if p and p != "O"]
        cont = {p[2:] for p in parts if p.startswith("I-")}
        begins = {p[2:] for p in parts if p.startswith("B-")}
        for typ in list(open_spans):
            if typ not in cont or typ in begins:
                start = open_spans.pop(typ)
                if typ in LABEL_MAP:
                    spans.append((start, i, LABEL_MAP[typ]))
        for typ in begins | (cont - open_spans.keys()):
            if typ not in open_spans:
                open_spans[typ] = i
    # keep outermost: longest first, drop anything overlapping an already kept span
    kept: list[tuple[int, int, str]] = []
    for start, end, label in sorted(spans, key=lambda s: (-(s[1] - s[0]), s[0])):
        if all(end <= ks or start >= ke for ks, ke, _ in kept):
            kept.append((start, end, label))
    return sorted(kept)


def to_doc(nlp: spacy.Language, sent: Sentence, keep_tags: set[str]) -> Doc:
    """Build a gold Doc for one sentence."""
    doc = Doc(
        nlp.vocab,
        words=sent.words,
        spaces=guess_spaces(sent.words, sent.tags),
        tags=[t if t in keep_tags else "" for t in sent.tags],
        lemmas=sent.lemmas,
    )
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in outer_spans(sent.labels)]
    return doc


def main() -> None:
    """Write train/dev/test .spacy files and print their sizes."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=DEFAULT_SRC)
    ap.add_argument("--out", type=Path, default=Path("corpus/pl"))
    args = ap.parse_args()
    docs = read_iob(args.src)
    splits: dict[str, list[Sentence]] = {"train": [], "dev": [], "test": []}
    for doc_id, sents in docs.items():
        splits[split_of(doc_id)].extend(sents)
    tag_counts = Counter(t for s in splits["train"] for t in s.tags)
    keep_tags = {t for t, c in tag_counts.items() if c >= MIN_TAG_COUNT}
    nlp = spacy.blank("pl")
    args.out.mkdir(parents=True, exist_ok=True)
    for name, sents in splits.items():
        db = DocBin(attrs=["ORTH", "SPACY", "TAG", "LEMMA", "ENT_IOB", "ENT_TYPE"])
        ents: Counter[str] = Counter()
        for sent in sents:
            doc = to_doc(nlp, sent, keep_tags)
            ents.update(e.label_ for e in doc.ents)
            db.add(doc)
        db.to_disk(args.out / f"{name}.spacy")
        n_tok = sum(len(s.words) for s in sents)
        print(f"{name}: {len(sents)} sentences, {n_tok} tokens, entities {dict(ents)}")
    print(f"tags kept: {len(keep_tags)} of {len(tag_counts)} (min count {MIN_TAG_COUNT})")


if __name__ == "__main__":
    main()
