"""Word classes the speaker finder needs, read from morfeusz readings: capitalised common nouns ("Ekspert"),
person nouns, oblique (non-nominative) names, finite verbs, genitives. Split from speakers.py to keep it short."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.tokens import Doc

from kronika.quotes import lexicon as lx


def _tags(tok: Any, lex: lx.Lexicon) -> list[str]:
    return [t for _, t in lx.readings(tok)] if lex.lang == "pl" else []


def _finite(tok: Any, lex: lx.Lexicon) -> bool:
    """A lower-case word that can only be a finite verb (a clause of its own, not an apposition)."""
    tags = [t.split(":", 1)[0] for _, t in (lx.readings(tok) if lex.lang == "pl" else ())]
    return tok.text[:1].islower() and bool(tags) and any(t in ("fin", "praet") for t in tags) and \
        not any(t in ("subst", "depr", "adj", "adv", "prep", "conj", "comp", "qub") for t in tags)


def _genitive(tok: Any, lex: lx.Lexicon) -> bool:
    return any(t.split(":")[0] in ("subst", "depr", "adj") and len(t.split(":")) > 2 and "gen" in t.split(":")[2].split(".")
               for t in _tags(tok, lex))


_OBLIQUE_ENDINGS = ("'ego", "'emu", "'owi", "'em", "’ego", "’emu", "’owi", "’em")


def _oblique(tok: Any, lex: lx.Lexicon) -> bool:
    """A name surely not in the nominative: a foreign name with an apostrophe ending ("Perry'ego") or a word
    whose every proper-noun reading is oblique ("Kowalskiego")."""
    if tok.text.lower().endswith(_OBLIQUE_ENDINGS):
        return True
    nouns = [t.split(":") for lem, t in (lx.readings(tok) if lex.lang == "pl" else ())
             if t.startswith(("subst", "depr")) and lem[:1].isupper()]     # "Moreno" is no genitive of "morena"
    return bool(nouns) and all(len(p) > 2 and "nom" not in p[2].split(".") for p in nouns)


def _has_given_name(span: Any) -> bool:
    from kronika.lang.pl.names import is_given_name

    return any(is_given_name(t.text) for t in span)


def _readings_any(tok: Any) -> tuple:
    rs = tok.doc.user_data.get(("._.", "readings", tok.idx, None))
    return tuple(rs or ()) or (lx._pl_readings(tok.text) if tok.doc.lang_ == "pl" else ())


def common_cap(tok: Any, lex: lx.Lexicon) -> bool:
    """A capitalised Polish common noun ("Ekspert", "Prawnik"): every reading's lemma is lower-case, so the capital
    comes from the position (a sentence start the splitter missed, a heading) and the word is not a name."""
    if lex.lang != "pl" or not tok.text[:1].isupper() or tok.text.isupper():
        return False
    rs = _readings_any(tok)
    return any(t.startswith(("subst", "depr")) for _, t in rs) and all(lem[:1].islower() for lem, _ in rs)


def person_noun(tok: Any, lex: lx.Lexicon) -> bool:
    """A noun naming a person (Polish masculine-personal gender, or a role noun of roles.tsv): such a description
    refers back to a person the article names ("Ekspert", "the minister"), an institution's name does not."""
    if lex.lang == "pl":
        rs = _readings_any(tok)
        if any(t.startswith(("subst", "depr")) and ":m1" in t for _, t in rs):
            return True
        for lem, t in rs:     # feminine person nouns are derived from masculine ones: właścicielka, rzeczniczka
            if t.startswith("subst") and ":f" in t:
                for suf, rep in (("czka", "k"), ("ka", ""), ("yni", ""), ("ini", "")):
                    if lem.endswith(suf) and len(lem) - len(suf) >= 4 and any(t2.startswith("subst") and ":m1" in t2 for _, t2 in
                                                 lx._pl_readings(lem[: -len(suf)] + rep)):
                        return True
    return bool(lx.lemmas(tok, lex) & role_heads(lex.lang))


@lru_cache(maxsize=2)
def role_heads(lang: str) -> frozenset[str]:
    """Head words of the role nouns in kb roles.tsv ("rzecznik Kremla" -> rzecznik, "the foreign minister" ->
    minister); institutions and armed forces left out."""
    from kronika.kb.loader import roles

    out, bodies = set(), set()
    for r in roles(lang):
        if r.proper:
            continue
        head = r.words[0] if lang == "pl" else r.words[-1]
        (bodies if r.role in ("institution", "military") else out).add(head)
    return frozenset(w for w in out - bodies if lang == "pl" or not w.endswith("s"))


def _cap_common_word(tok: Any) -> bool:
    """A capitalised Polish word all of whose readings have lower-case lemmas ("Tymczasem", "Prawnik")."""
    if not tok.text[:1].isupper() or tok.text.isupper():
        return False
    rs = _readings_any(tok)
    return bool(rs) and all(lem[:1].islower() for lem, t in rs if t != "ign") and any(t != "ign" for _, t in rs)


def _num_hyphen(doc: Doc, j: int) -> bool:
    """The hyphen of "19-letniego": a number glued to an adjective."""
    return doc[j].text == "-" and j > 0 and doc[j - 1].like_num and not doc[j - 1].whitespace_ and \
        not doc[j].whitespace_


def noun_genders(tok: Any, lex: lx.Lexicon) -> set[str]:
    """Every gender/number ('m', 'f', 'n', 'pl') a Polish nominative noun reading allows; empty when unknown."""
    out = set()
    for t in _tags(tok, lex):
        p = t.split(":")
        if p[0] in ("subst", "depr") and len(p) > 3 and "nom" in p[2].split("."):
            for num in p[1].split("."):
                if num == "pl":
                    out.add("pl")
                else:
                    out.update("f" if g == "f" else "n" if g == "n" else "m" for g in p[3].split("."))
    return out
