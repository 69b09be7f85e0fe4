"""Sentence boundaries for news text: paragraph breaks, sentence punctuation, and each language's abbreviations.

spaCy's rule-based `sentencizer` splits after every period, which cuts "2 tys. żołnierzy" or "prof. Nowak" in two;
a parser is not available for Polish. This stage adds only what the sentencizer lacks: an abbreviation lexicon
(lang/<code>/data/abbreviations.tsv) and the rule that a lower-case word after a period continues the sentence.
"""
from __future__ import annotations

from functools import lru_cache

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from kronika.resources import lang_data, read_tsv

_ENDERS = {".", "!", "?", "…", "...", "?!", "!?"}
_CLOSERS = {'"', "”", "’", "'", "»", "«", ")", "]"}


@lru_cache(maxsize=4)
def _abbreviations(lang: str) -> dict[str, bool]:
    return {row["form"].lower(): row["can_end"] == "1" for row in read_tsv(lang_data(lang, "abbreviations.tsv"))}


@Language.factory("kronika_sentences", default_config={}, assigns=["token.is_sent_start"])
def make_sentences(nlp: Language, name: str) -> "SentenceStage":
    return SentenceStage(nlp.lang)


class SentenceStage:
    def __init__(self, lang: str) -> None:
        self.abbrev = _abbreviations(lang)

    def _ends_after(self, words: list[str], spaces: list[str], i: int) -> bool:
        """Whether a sentence may end after token i (a period that is not an abbreviation's, '!', '?')."""
        text = words[i]
        if text in _ENDERS or (len(text) > 1 and text[-1] in "!?"):
            if text == "." and i > 0 and not spaces[i - 1]:
                prev = words[i - 1]
                can_end = self.abbrev.get(prev.lower())
                if can_end is not None:
                    return can_end
                if len(prev) == 1 and prev.isupper():   # an initial: "J. Smith"
                    return False
            return True
        if text.endswith(".") and len(text) > 1:       # tokenizer kept the period on an abbreviation
            return self.abbrev.get(text[:-1].lower(), True)
        return False

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        # Plain lists: this runs on every token of every article, and Token objects are costly to create.
        words = [t.text for t in doc]
        spaces = [t.whitespace_ for t in doc]
        starts = [False] * n
        starts[0] = True
        for i in range(n - 1):
            text = words[i]
            if "\n" in spaces[i] or "\n" in text and text.isspace():
                starts[i + 1] = True
                continue
            if text[-1] not in ".!?…" or not self._ends_after(words, spaces, i):
                continue
            j = i + 1
            while j < n and words[j] in _CLOSERS and not spaces[j - 1]:
                j += 1
            if j < n:
                nxt = words[j]
                if nxt.isspace() or nxt[:1].isupper() or nxt[:1] in "–—-\"„«(" or nxt[:1].isdigit():
                    starts[j] = True
        # One array write instead of n `is_sent_start` assignments, each of which re-checks the whole Doc.
        values = numpy.fromiter((1 if s else -1 for s in starts), dtype="int64", count=n).astype("uint64").reshape(n, 1)
        return doc.from_array([SENT_START], values)
