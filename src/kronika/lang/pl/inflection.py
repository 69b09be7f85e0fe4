"""Every case form of a Polish name, generated with morfeusz2 from its base form (never typed by hand).

A phrase is inflected as Polish inflects it: the head noun takes each case, adjectives and participles agree with it
in case, number and gender ("Stany Zjednoczone" -> "Stanów Zjednoczonych"), and dependents in another case stay as
they are ("Rada Bezpieczeństwa ONZ" -> "Radzie Bezpieczeństwa ONZ"). Words SGJP does not know get the forms of the
regular paradigm their ending suggests (lang/pl/data/declension_fallback.tsv).
"""
from __future__ import annotations

from functools import lru_cache
from itertools import product

from kronika.lang.pl.morfeusz import generate, readings, tag_parts
from kronika.resources import lang_data, read_tsv

CASES = ("nom", "gen", "dat", "acc", "inst", "loc", "voc")
_NOUN = {"subst", "depr"}
_ADJ = {"adj", "ppas", "pact"}
_MAX_PER_CASE = 256   # a three-word foreign name gives a few guessed endings per word: keep every combination


@lru_cache(maxsize=1)
def _fallback_rules() -> tuple[tuple[str, int, tuple[tuple[str, frozenset[str]], ...]], ...]:
    """(ending, letters to strip, ((added ending, the cases it serves), ...)), longest ending first."""
    rows = read_tsv(lang_data("pl", "declension_fallback.tsv"))
    rules = []
    for r in rows:
        adds = [a for a in r["add"].split("|") if a]
        cases = [frozenset(c.split(".")) for c in r["cases"].split("|")] if r["cases"] else []
        rules.append((r["ending"], int(r["strip"] or 0), tuple(zip(adds, cases, strict=True))))
    return tuple(sorted(rules, key=lambda r: -len(r[0]) if r[0] != "C" else 0))


def _fallback_forms(word: str, case: str | None = None) -> set[str]:
    """The word and its forms by the regular paradigm its ending suggests; with `case`, only that case's forms
    (so that a foreign first name and surname are combined case by case, not every ending with every other)."""
    low = word.lower()
    for ending, strip, adds in _fallback_rules():
        if ending == "C" and not (low[-1:] and low[-1] not in "aeiouyąęó") or ending != "C" and \
                not low.endswith(ending):
            continue
        stem = word[: len(word) - strip] if strip else word
        return {word} | {stem + a for a, cases in adds if case is None or case in cases}
    return {word}


def _match_case(form: str, like: str) -> str:
    """Give a generated form the capitalisation of the word it stands for ("USA", "Rosja", "rosyjski")."""
    if like.isupper() and len(like) > 1:
        return form.upper()
    if like[:1].isupper():
        return form[:1].upper() + form[1:]
    return form


def _nom_readings(word: str, classes: set[str]) -> list:
    """Readings of a base-form word as a nominative of the given classes; those whose lemma is the word itself
    first, since a base form is its own lemma ("Stany" the country, not the plural of the surname "Stan")."""
    out = []
    for r in readings(word):
        parts = tag_parts(r.tag)
        if parts and next(iter(parts[0])) in classes and any("nom" in p for p in parts[1:]):
            out.append(r)
    own = [r for r in out if r.lemma.lower() == word.lower()]
    return own or out


def _is_own_noun(word: str) -> bool:
    return any(r.lemma.lower() == word.lower() for r in _nom_readings(word, _NOUN))


def _forms_of(raw_lemma: str, classes: set[str], number: set[str], case: str, gender: set[str] | None,
              like: str = "pos:aff") -> set[str]:
    """Forms of a lemma in one case. `like` keeps the reading's degree and polarity: "Najwyższy" stays a
    superlative ("Sądu Najwyższego", not "Sądu Wysokiego"), "Nieujarzmiona" stays negated."""
    degree, polarity = like.split(":")
    out = set()
    for seg in generate(raw_lemma):
        parts = tag_parts(seg.tag)
        if not parts or next(iter(parts[0])) not in classes:
            continue
        tags = seg.tag.split(":")
        if ("neg" in tags) != (polarity == "neg"):
            continue
        seg_degree = "sup" if "sup" in tags else "com" if "com" in tags else "pos"
        if seg_degree != degree:
            continue
        flat = set().union(*parts[1:])
        if case in flat and (flat & number) and (gender is None or flat & gender):
            out.add(seg.form)
    return out


def _likeness(tag: str) -> str:
    tags = tag.split(":")
    degree = "sup" if "sup" in tags else "com" if "com" in tags else "pos"
    return f"{degree}:{'neg' if 'neg' in tags else 'aff'}"


def _agrees(adj_word: str, noun_word: str) -> bool:
    """Whether some nominative adjective reading of the first word agrees in number and gender with some
    nominative noun reading of the second."""
    for a in _nom_readings(adj_word, _ADJ):
        ap = tag_parts(a.tag)
        for n in _nom_readings(noun_word, _NOUN):
            np_ = tag_parts(n.tag)
            if len(ap) > 3 and len(np_) > 3 and ap[1] & np_[1] and ap[3] & np_[3] and "nom" in ap[2] \
                    and "nom" in np_[2]:
                return True
    return False


def _head(words: list[str]) -> int | None:
    """Index of the phrase's head noun: the first word read as a nominative noun and not also as an adjective."""
    nouns = [i for i, w in enumerate(words) if _is_own_noun(w)] or [i for i, w in enumerate(words)
                                                                      if _nom_readings(w, _NOUN)]
    # A word that can be an adjective agreeing with the noun after it modifies it ("Nowa Zelandia", "Biały Dom"),
    # but not when it cannot agree ("Rada Bezpieczeństwa": "rada" as an adjective is singular, the genitive is not).
    plain = [i for i in nouns if not (i + 1 < len(words) and _agrees(words[i], words[i + 1]))]
    return (plain or nouns or [None])[0]


def _word_variants(word: str, role: str, head_reading, case: str) -> set[str]:
    """Forms of one word of the phrase in the target case; role is 'head', 'agree', 'own' or 'fixed'."""
    if role == "fixed":
        return {word}
    if "-" in word:   # "Kasym-Żomart", "Liberalno-Demokratyczny": only the last part inflects
        left, _, right = word.rpartition("-")
        return {f"{left}-{f}" for f in _word_variants(right, role, head_reading, case)}
    classes = _NOUN if role in ("head", "own") else _ADJ
    cands = _nom_readings(word, classes)
    if role == "own":   # an independently inflected word, e.g. a first name next to a surname
        cands = [r for r in cands if r.lemma == word] or cands
    forms: set[str] = set()
    for r in cands[:3]:
        parts = tag_parts(r.tag)
        number = set(parts[1]) if len(parts) > 1 else {"sg"}
        gender = None
        if role == "agree" and head_reading is not None:
            hp = tag_parts(head_reading.tag)
            number = set(hp[1])
            gender = set(hp[3]) if len(hp) > 3 else None
        forms |= {_match_case(f, word) for f in _forms_of(r.raw_lemma, classes, number, case, gender,
                                                          _likeness(r.tag))}
    if not forms and role in ("head", "own"):
        return _fallback_forms(word, case) if case != "nom" else {word}
    return forms or {word}


def phrase_forms(phrase: str, kind: str = "name") -> set[str]:
    """All case forms of a base-form phrase. kind: 'name' (a head with agreeing modifiers), 'person' (every word
    inflects on its own, as first names and surnames do), 'adjective' / 'demonym' (every form of the lemma),
    'foreign' (a foreign name: only its last word takes Polish endings, "New York Timesa")."""
    phrase = " ".join(phrase.split())
    if not phrase:
        return set()
    words = phrase.split(" ")
    if kind == "foreign":   # a foreign multiword name: Polish inflects at most its last word, by its ending
        return {" ".join(words[:-1] + [f]) for f in _fallback_forms(words[-1])}
    if kind in ("adjective", "demonym") and len(words) == 1:
        return set(_lemma_forms(phrase, "adj" if kind == "adjective" else "noun"))
    return _phrase_forms(tuple(words), kind)


@lru_cache(maxsize=20_000)
def _lemma_forms(word: str, pos: str) -> frozenset[str]:
    classes = _ADJ if pos == "adj" else _NOUN
    out = {word}
    for r in readings(word):
        if r.lemma.lower() != word.lower():
            continue
        for seg in generate(r.raw_lemma):
            head = seg.tag.split(":", 1)[0]
            if head in classes and not ("com" in seg.tag or "sup" in seg.tag):
                out.add(_match_case(seg.form, word))
            if head == "adja" and pos == "adj":       # "polsko" in "polsko-rosyjski"
                out.add(seg.form)
    if len(out) == 1:
        out |= _fallback_forms(word)
    return frozenset(out)


def _phrase_forms(words: tuple[str, ...], kind: str) -> set[str]:
    out: set[str] = set()
    for case, variants in _case_forms(words, kind).items():
        out |= variants
    out.add(" ".join(words))
    return out


def _case_forms(words: tuple[str, ...], kind: str) -> dict[str, set[str]]:
    """Forms of the phrase per case. Coordinated names inflect each conjunct ("Prawo i Sprawiedliwość" ->
    "Prawa i Sprawiedliwości"); what follows a preposition keeps its own case ("Lekarze bez Granic")."""
    if kind != "person":
        for i, w in enumerate(words):
            if 0 < i < len(words) - 1 and w in _CONJ and i <= 3 and len(words) - i - 1 <= 3:
                left, right = _case_forms(words[:i], kind), _case_forms(words[i + 1:], kind)
                return {c: {f"{a} {w} {b}" for a in left[c] for b in right[c]} for c in CASES}
    if kind == "person":
        # "al-Szara", "asz-Szara": a particle joined by a hyphen leaves the name after it to inflect
        roles = ["own" if (w[:1].isupper() or w.rpartition("-")[2][:1].isupper()) and not w.endswith(".")
                 and w.lower() not in {"von", "van", "der", "de", "al", "bin"} else "fixed" for w in words]
        head_reading = None
    else:
        cut = next((i for i, w in enumerate(words) if i > 0 and _is_preposition(w)), len(words))
        h = _head(list(words[:cut]))
        roles = ["fixed"] * len(words)
        head_reading = None
        if h is None:
            # No known noun: an unknown one-word name inflects by its ending; longer ones inflect their last word.
            roles[cut - 1] = "head"
        else:
            roles[h] = "head"
            head_reading = _nom_readings(words[h], _NOUN)[0]
            for i, w in enumerate(words[:cut]):
                if i != h and _nom_readings(w, _ADJ) and (i == h - 1 or i == h + 1 or i < h):
                    roles[i] = "agree"
    out: dict[str, set[str]] = {}
    for case in CASES:
        variants = [_word_variants(w, role, head_reading, case) for w, role in zip(words, roles)]
        if kind == "person" and case != "nom":
            # a first name declines even where the surname may not (a woman's foreign surname): before the last
            # word, the base form of a guessed paradigm is no oblique form
            variants = [v - {w} if j < len(words) - 1 and role == "own" and len(v) > 1 else v
                        for j, (v, w, role) in enumerate(zip(variants, words, roles))]
        got = out.setdefault(case, set())
        for combo in product(*(sorted(v) for v in variants)):   # sorted: the cap keeps the same forms every run
            got.add(" ".join(combo))
            if len(got) > _MAX_PER_CASE:
                break
    return out


_CONJ = frozenset({"i", "oraz"})


@lru_cache(maxsize=4096)
def _is_preposition(word: str) -> bool:
    """A lower-case word that SGJP reads as a preposition ("bez", "dla", "na"): it governs its own case."""
    return word.islower() and any(r.tag.startswith("prep") for r in readings(word))


def nominative(lemma: str, plural: bool) -> str:
    """The nominative of a noun lemma in the given number ("Rosjanin", plural -> "Rosjanie"), or the lemma itself.
    Common-noun readings go first: "Polak" is also an indeclinable feminine surname, whose plural is "Polak"."""
    for r in sorted(readings(lemma), key=lambda r: "nazwa_pospolita" not in r.names):
        if r.lemma != lemma:
            continue
        for seg in generate(r.raw_lemma):
            parts = tag_parts(seg.tag)
            if len(parts) > 2 and next(iter(parts[0])) in _NOUN and "nom" in parts[2] \
                    and ("pl" if plural else "sg") in parts[1]:
                return _match_case(seg.form, lemma)
    return lemma


_ORG_ENDINGS = ("owi", "em", "u")


def guess_org_base(word: str) -> str:
    """Base of a one-word foreign organisation name in an oblique case that SGJP does not know: Polish adds
    masculine endings to a consonant-final name ("Gazpromu", "Uniperem" -> "Gazprom", "Uniper")."""
    if readings(word) and any(r.tag != "ign" for r in readings(word)):
        return word
    for end in _ORG_ENDINGS:
        stem = word[: -len(end)]
        if word.endswith(end) and len(stem) >= 3 and stem[-1].lower() not in "aeiouyąęó":
            return stem
    return word
