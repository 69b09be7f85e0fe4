"""Nominative base forms of whole Polish names ("Stanów Zjednoczonych" -> "Stany Zjednoczone").

General method, no table of names: every word gets candidate (case, number, gender) readings from morfeusz2 (or,
for words it does not know, from the regular declension endings in data/name_declension.tsv); the phrase's
grammatical form is the one on which the longest run of words from the start agrees (adjectives with their noun,
first names with surnames for persons). Only that agreeing run is put into the nominative, by morfeusz2's
generator; what follows (genitive complements such as "Bezpieczeństwa ONZ") stays as written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from kronika.lang.pl import morfeusz as mf
from kronika.lang.pl.names import listed_given_name
from kronika.textnorm import plain_spelling

DATA = Path(__file__).parent / "data" / "name_declension.tsv"
CASE_ORDER = ("nom", "gen", "acc", "inst", "loc", "dat", "voc")
NOUNS = frozenset({"subst", "depr"})
ADJS = frozenset({"adj", "ppas", "pact"})
PARTICLES = frozenset({"von", "van", "der", "den", "de", "di", "da", "du", "dos", "das", "del", "della", "la", "le",
                       "al", "el", "bin", "ibn", "ben", "ter", "zu", "y", "e", "mac", "bint", "abu"})
CONJ = frozenset({"i", "oraz"})
PROPER_KINDS = {  # SGJP `names` categories that count as the right kind of proper noun for each label
    "PER": frozenset({"imię", "nazwisko", "pseudonim", "przydomek"}),
    "LOC": frozenset({"nazwa_geograficzna", "człon_nazwy_geograficznej"}),
    "ORG": frozenset({"nazwa_organizacji", "nazwa_instytucji", "nazwa_geograficzna", "człon_nazwy_organizacji"}),
}
_VOWELS = set("aeiouyąęó")


class Rule(NamedTuple):
    label: str
    gender: str
    cases: frozenset[str]
    suffix: str
    replacement: str
    min_stem: int
    stem_end: str


@dataclass(frozen=True)
class Cand:
    """One way to read a word: its class, lemma and the (case, number, gender) values it allows."""

    kind: str                  # "noun", "adj" or "guess" (a guessed noun) or "indecl"
    raw_lemma: str
    lemma: str
    tag: str
    cases: frozenset[str]
    numbers: frozenset[str]
    genders: frozenset[str]
    proper: bool


@lru_cache(maxsize=1)
def _rules() -> tuple[Rule, ...]:
    rows = [ln for ln in DATA.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    header = rows[0].split("\t")
    out = []
    for ln in rows[1:]:
        r = dict(zip(header, ln.split("\t")))
        out.append(Rule(r["label"], r["gender"], frozenset(r["case"].split(".")), r["suffix"], r["replacement"],
                        int(r["min_stem"] or 1), r.get("stem_end", "")))
    return tuple(sorted(out, key=lambda r: -len(r.suffix)))


def _stem_ok(stem: str, rule: Rule) -> bool:
    if len(stem) < rule.min_stem or not stem.isalpha():
        return False
    last = stem[-1].lower()
    if rule.stem_end == "C":
        return last not in _VOWELS
    if rule.stem_end == "V":
        return last in _VOWELS
    return True


def _guesses(word: str, label: str, gender: str | None = None, case: str | None = None) -> list[tuple[Rule, str]]:
    """Declension rules that fit `word`, each with the nominative it implies (longest suffix per gender first)."""
    out: list[tuple[Rule, str]] = []
    taken: set[tuple[str, frozenset[str]]] = set()
    low = word.lower()
    for rule in _rules():
        if rule.label != label or (gender and rule.gender != gender) or (case and case not in rule.cases):
            continue
        if not low.endswith(rule.suffix):
            continue
        stem = word[: len(word) - len(rule.suffix)]
        if not _stem_ok(stem, rule):
            continue
        key = (rule.gender, rule.cases)
        if any(g == rule.gender and (c & rule.cases) for g, c in taken):
            continue
        taken.add(key)
        out.append((rule, stem + rule.replacement))
    return out


def guess_lemma(word: str, tag: str = "", label: str = "PER") -> str:
    """Nominative of a name morfeusz2 does not know, guided by an NKJP tag when one is known; `word` if unsure."""
    parts = tag.split(":")
    case = parts[2] if len(parts) > 3 else None
    gender = parts[3] if len(parts) > 3 else None
    if case == "nom" or not word[:1].isupper():
        return word
    lab = "PER" if gender in (None, "m1", "f") and label == "PER" else "LOC"
    g = gender if gender in ("m1", "f", "m3") else None
    if lab == "LOC" and g not in (None, "m3"):
        return word
    found = _guesses(word, lab, g, case)
    return found[0][1] if found else word


# ------------------------------------------------------------------------------------------------ candidates

def _expand(tag: str) -> tuple[str, frozenset[str], frozenset[str], frozenset[str]] | None:
    p = mf.tag_parts(tag)
    cls = next(iter(p[0]))
    if (cls in NOUNS or cls in ADJS) and len(p) >= 4:
        return cls, p[2], p[1], p[3]
    return None


@lru_cache(maxsize=20_000)
def _candidates(word: str, label: str) -> tuple[Cand, ...]:
    out: list[Cand] = []
    for r in mf.readings(word):
        if r.n_segments != 1:
            continue
        ex = _expand(r.tag)
        if ex is None:
            continue
        cls, cases, numbers, genders = ex
        if "pt" in r.tag.split(":"):
            numbers = frozenset({"pl"})
        proper = r.lemma[:1].isupper() and bool(PROPER_KINDS[label] & set(r.names))
        if proper and "sg" not in numbers and "pt" not in r.tag.split(":"):
            proper = False  # a plural of a singular name ("Stanowo") is far less likely than a plurale tantum
        if word[:1].isupper() and not proper and cls in NOUNS and label == "PER":
            continue  # capitalised common nouns are not read as parts of a person's name
        if cls in ADJS and "neg" in r.tag.split(":"):
            continue
        out.append(Cand("adj" if cls in ADJS else "noun", r.raw_lemma, r.lemma, r.tag, cases, numbers, genders,
                        proper))
    listed = listed_given_name(word) if label == "PER" else frozenset()
    if listed:   # an international given name in its base form ("Lucía", "Jorge"); one ending in a vowel other
        # than -a does not decline in Polish ("z Jorge Martínezem")
        fixed = plain_spelling(word)[-1:].lower() in "eiouy"
        out.append(Cand("noun", word, word, "", frozenset(CASE_ORDER) if fixed else frozenset({"nom"}),
                        frozenset({"sg"}), listed, True))
    if label in ("PER", "LOC") and word[:1].isupper() and word.isalpha() and not word.isupper():
        if not any(c.kind == "noun" and c.tag for c in out):
            # a listed name may still be another listed name's case form ("Ołeksandra" of "Ołeksandr"), but
            # not of a made-up one ("Lucía" is no genitive of "Lucí")
            for rule, nom in _guesses(word, label):
                if listed and not listed_given_name(nom):
                    continue
                out.append(Cand("guess", nom, nom, "", rule.cases, frozenset({"sg"}), frozenset({rule.gender}),
                                True))
    if label == "PER" and word[:1].isupper() and not any(c.kind == "noun" and "nom" in c.cases for c in out):
        # possibly an indeclinable (foreign) name ("Mario", "Leyen"): any case, either gender
        out.append(Cand("indecl", word, word, "", frozenset(CASE_ORDER), frozenset({"sg"}),
                        frozenset({"m1", "f"}), False))
    return tuple(out)


# ------------------------------------------------------------------------------------------------ agreement

class _Unit(NamedTuple):
    text: str
    sep: str           # separator after the unit: " ", "-" or ""
    tag: str           # tagger's NKJP tag for this word, "" if unknown


def _units(words: list[tuple[str, str, str]]) -> list[_Unit]:
    out: list[_Unit] = []
    for text, sep, tag in words:
        pieces = re.split(r"(-)", text) if re.fullmatch(r"\w+(?:-\w+)+", text) else [text]
        if len(pieces) == 1:
            out.append(_Unit(text, sep, tag))
            continue
        words_only = pieces[0::2]
        for k, piece in enumerate(words_only):
            out.append(_Unit(piece, "-" if k < len(words_only) - 1 else sep, ""))
    return out


def _is_fixed(text: str) -> bool:
    """Words kept as written and not part of the agreement: abbreviations, numbers, punctuation."""
    return not text.isalpha() or (text.isupper() and len(text) > 1)


def _plan(units: list[_Unit], label: str) -> tuple[list[Cand | None], tuple[str, str, str]]:
    """Choose the agreeing run and the candidate reading of each of its words (None = keep as written)."""
    cands = [() if _is_fixed(u.text) or u.text.lower() in PARTICLES else _candidates(u.text, label) for u in units]
    first = next((i for i, c in enumerate(cands) if c and units[i].text.lower() not in CONJ), None)
    if first is None:
        return [None] * len(units), ("nom", "sg", "m1")
    targets = set()
    for c in cands[first]:
        for case in c.cases:
            for num in c.numbers:
                for g in c.genders:
                    targets.add((case, num, g))
    best_plan: list[Cand | None] = [None] * len(units)
    best_score: tuple = ()
    best_target = ("nom", "sg", "m1")
    for target in sorted(targets):
        plan, score = _try(units, cands, first, target, label)
        if score > best_score:
            best_plan, best_score, best_target = plan, score, target
    return best_plan, best_target


def _gender_ok(g: str, genders: frozenset[str]) -> bool:
    return g in genders


def _try(units: list[_Unit], cands: list[tuple[Cand, ...]], first: int, target: tuple[str, str, str],
         label: str) -> tuple[list[Cand | None], tuple]:
    case, num, gender = target
    plan: list[Cand | None] = [None] * len(units)
    agreed = known = proper = tagged = named = 0
    seen_noun = False
    for i in range(first, len(units)):
        u = units[i]
        low = u.text.lower()
        if low in PARTICLES and label == "PER":
            continue
        if _is_fixed(u.text):
            break
        if low in CONJ and label != "PER":
            seen_noun = False
            continue
        fits = [c for c in cands[i] if case in c.cases and num in c.numbers and _gender_ok(gender, c.genders)]
        if seen_noun and label != "PER":
            fits = [c for c in fits if c.kind == "adj"]
        if not fits:
            break
        pick = max(fits, key=lambda c: (c.kind != "indecl", c.proper if label != "ORG" else c.kind == "adj",
                                        c.kind != "guess"))
        plan[i] = pick
        agreed += 1
        if label == "PER" and pick.kind != "indecl" and gender in listed_given_name(pick.lemma):
            named += 1      # "Ołeksandrem" read as "Ołeksandr", a man's given name: the name is a man's
        known += pick.kind in ("noun", "adj")
        proper += pick.proper
        parts = u.tag.split(":")
        if len(parts) > 3 and parts[0] in NOUNS | ADJS:
            tagged += (parts[2] == case) + (parts[3] == gender)
        if pick.kind != "adj":
            seen_noun = True
    if not any(p is not None and p.kind != "adj" for p in plan) and label != "PER":
        # an adjective alone is not a name's head ("Białym" without "Domu"): only keep it if nothing better
        agreed -= 0.5
    guessed = sum(1 for p in plan if p is not None and p.kind == "guess")
    score = (agreed, named, tagged, known + guessed, proper, num == "sg",
             -CASE_ORDER.index(case) if case in CASE_ORDER else -9)
    return plan, score


# ------------------------------------------------------------------------------------------------ generation

def _match_case(form: str, like: str) -> str:
    if len(like) > 1 and like.isupper():
        return form.upper()
    if like[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


@lru_cache(maxsize=20_000)
def _nominative(word: str, cand: Cand, num: str, gender: str) -> str:
    if cand.kind in ("indecl", "guess"):
        return cand.lemma if cand.kind == "guess" else word
    if "nom" in cand.cases:
        return word
    want_cls = cand.tag.split(":", 1)[0]
    orig = cand.tag.split(":")
    degree = next((p for p in orig if p in ("pos", "com", "sup")), None)
    best, best_key = None, None
    for s in mf.generate(cand.raw_lemma):
        p = mf.tag_parts(s.tag)
        cls = next(iter(p[0]))
        if cls != want_cls or len(p) < 4 or "nom" not in p[2] or num not in p[1]:
            continue
        if cand.kind == "adj" and gender not in p[3]:
            continue
        if degree and not any(degree in q for q in p[4:]):
            continue
        if "neg" in s.tag.split(":"):
            continue
        key = (not s.quals, s.form.lower() == cand.lemma.lower(), gender in p[3], -len(s.form))
        if best_key is None or key > best_key:
            best, best_key = s.form, key
    return _match_case(best if best else cand.lemma, word)


def _render(units: list[_Unit], plan: list[Cand | None], target: tuple[str, str, str]) -> str:
    _, num, gender = target
    out = []
    for u, cand in zip(units, plan):
        text = _nominative(u.text, cand, num, gender) if cand is not None else u.text
        out.append(text + u.sep)
    return "".join(out).strip()


def _base(words: list[tuple[str, str, str]], label: str) -> str:
    units = _units(words)
    if not units:
        return ""
    plan, target = _plan(units, label)
    return _render(units, plan, target)


def base_form(span: Any, label: str | None = None) -> str:
    """Nominative base form of a whole name given as a spaCy Span (uses token.tag_ when a tagger set it)."""
    lab = label or span.label_ or "PER"
    words = [(t.text, t.whitespace_ and " ", t.tag_ if ":" in t.tag_ else "") for t in span]
    # rejoin hyphenated words the tokenizer split ("Kasyma", "-", "Żomarta")
    merged: list[tuple[str, str, str]] = []
    for text, sep, tag in words:
        if merged and (merged[-1][1] == "" and (text == "-" or merged[-1][0].endswith("-"))):
            prev = merged.pop()
            merged.append((prev[0] + text, sep, ""))
        else:
            merged.append((text, sep, tag))
    return _base(merged, _norm_label(lab))


@lru_cache(maxsize=50_000)
def base_form_text(text: str, label: str = "PER") -> str:
    """Nominative base form of a name given as a string; `label` is an NER label (PER, LOC, ORG, GPE, ...)."""
    words = [(w, " ", "") for w in text.split()]
    return _base(words, _norm_label(label))


def _norm_label(label: str) -> str:
    label = label.upper()
    if label in ("PER", "PERSON", "PERSNAME"):
        return "PER"
    if label in ("LOC", "GPE", "PLACENAME", "GEOGNAME"):
        return "LOC"
    return "ORG"
