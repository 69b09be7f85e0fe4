"""Finding many known names in a text at once: an Aho-Corasick automaton (pyahocorasick) over case-folded surface
forms, with the checks a dictionary match needs in running text: whole words only, the longest match wins, and
capitalisation where the form demands it.

Chosen over spaCy's PhraseMatcher because the forms are character strings that need not align with tokens
(hyphenated compounds such as "polsko-rosyjski" hold two names), and one automaton serves every document.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import ahocorasick

CASE_ANY = "any"          # match in any capitalisation (adjectives: "rosyjski", "Rosyjskie")
CASE_INITIAL = "initial"  # the first letter must be upper case, as written (names: "Rosja", not "rosja")
CASE_EXACT = "exact"      # exactly as written (abbreviations: "USA", "UN", "WHO")


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    form: str
    payload: Any


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


class FormMatcher:
    """Build once from (surface form, case rule, payload) triples; `find(text)` returns non-overlapping hits."""

    def __init__(self, entries: Iterable[tuple[str, str, Any]]) -> None:
        self._auto = ahocorasick.Automaton()
        table: dict[str, list[tuple[str, str, Any]]] = {}
        for form, case_rule, payload in entries:
            form = " ".join(form.split())
            if len(form) < 2:
                continue
            table.setdefault(form.casefold(), []).append((form, case_rule, payload))
        for key, values in table.items():
            self._auto.add_word(key, (len(key), tuple(values)))
        self.size = len(table)
        if self.size:
            self._auto.make_automaton()

    @staticmethod
    def _case_ok(written: str, form: str, rule: str) -> bool:
        if rule == CASE_EXACT:
            return written == form
        if rule == CASE_INITIAL:
            return written[:1].isupper() and written[1:].lower() == written[1:].lower()
        return True

    def find(self, text: str) -> list[Hit]:
        """Whole-word hits; where hits overlap, the longest (then leftmost) wins."""
        if not self.size:
            return []
        folded = text.casefold()
        if len(folded) != len(text):   # rare characters whose case-folding changes length: fall back to lower()
            folded = text.lower()
        cands: list[Hit] = []
        for end_idx, (length, values) in self._auto.iter(folded):
            start, end = end_idx - length + 1, end_idx + 1
            if start > 0 and _is_word_char(text[start - 1]) or end < len(text) and _is_word_char(text[end]):
                continue
            written = text[start:end]
            for form, rule, payload in values:
                if self._case_ok(written, form, rule):
                    cands.append(Hit(start, end, written, payload))
        cands.sort(key=lambda h: (-(h.end - h.start), h.start))   # stable: equal spans keep the table's order
        taken: list[Hit] = []
        at: dict[tuple[int, int], Hit] = {}
        used = bytearray(len(text) + 1)
        for h in cands:
            if used.find(1, h.start, h.end) != -1:
                continue
            used[h.start:h.end] = b"\x01" * (h.end - h.start)
            taken.append(h)
            at[(h.start, h.end)] = h
        # hits with the same span but different payloads (an ambiguous form) are all kept, next to each other
        same_span = [h for h in cands if (t := at.get((h.start, h.end))) is not None and t is not h
                     and t.payload != h.payload]
        keep = list(dict.fromkeys(taken + same_span))               # ordered, not a set: output must not depend
        order = {id(h): i for i, h in enumerate(cands)}              # on the process's hash seed
        return sorted(keep, key=lambda h: (h.start, -h.end, order[id(h)]))
