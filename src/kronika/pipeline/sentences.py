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

    def _ends_after(self, doc: Doc, i: int) -> bool:
        """Whether a sentence may end after token i (a period that is not an abbreviation's, '!', '?')."""
        tok = doc[i]
        text = tok.text
        if text in _ENDERS or (len(text) > 1 and text[-1] in "!?"):
            if text == "." and i > 0 and not doc[i - 1].whitespace_:
                can_end = self.abbrev.get(doc[i - 1].text.lower())
                if can_end is not None:
                    return can_end
                if len(doc[i - 1].text) == 1 and doc[i - 1].text.isupper():   # an initial: "J. Smith"
                    return False
            return True
        if text.endswith(".") and len(text) > 1:       # tokenizer kept the period on an abbreviation
            return self.abbrev.get(text[:-1].lower(), True)
        return False

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        starts = [False] * n
        starts[0] = True
        for i in range(n - 1):
            tok = doc[i]
            if "\n" in tok.whitespace_ or tok.is_space and "\n" in tok.text:
                starts[i + 1] = True
                continue
            if not self._ends_after(doc, i):
                continue
            j = i + 1
            while j < n and doc[j].text in _CLOSERS and not doc[j - 1].whitespace_:
                j += 1
            if j < n and (doc[j].is_space or doc[j].text[:1].isupper() or doc[j].text[:1] in "–—-\"„«(" or
                          doc[j].text[:1].isdigit()):
                starts[j] = True
        # One array write instead of n `is_sent_start` assignments, each of which re-checks the whole Doc.
        values = numpy.fromiter((1 if s else -1 for s in starts), dtype="int64", count=n).astype("uint64").reshape(n, 1)
        return doc.from_array([SENT_START], values)
