"""Linking speakers to people: the fullest name the article gives a speaker, in the nominative, and its polity.

A short name ("Plasencia") takes the longest capitalised run that ends in the same surname ("Salvadora Plasencię"),
base-formed, with the words the speaker's own nominative mention already gives kept as they are. A description
("Prawnik", "sędzia") takes the name it stands next to in apposition ("Prawnik Dawid Dehnert", "X, ekspert ...").
Entities (doc.ents, PER, with their base form in ent._.lemma) are used when the entity layer has them.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from kronika.quotes import lexicon as lx
from kronika.quotes.speakers import (Speaker, _adj_or_gen, _glued_hyphen, _is_cap, _nominal_start, _oblique,
                                     _readings_any, _strong_nominative, _trim_name, common_cap, is_prep, noun_gender,
                                     person_noun, word_starts)
from kronika.quotes.titles import same_surname, titled_elsewhere

_PUNCT = set(",.;:!?()[]\"„”“«»‚’'–—-…")


def compatible(sp: Speaker, gender: str | None) -> bool:
    if gender is None or sp.gender is None:
        return True
    return sp.gender == gender


def _stem(word: str) -> str:
    w = word.lower()
    return w[: max(4, len(w) - 3)] if len(w) > 5 else w


def name_candidates(doc: Doc) -> list[tuple[int, int]]:
    """Capitalised runs of two or three words (possible full names) anywhere in the article (once per doc)."""
    return lx.doc_memo(doc, "name_candidates", _name_candidates)


def _name_candidates(doc: Doc) -> list[tuple[int, int]]:
    out = []
    i, n = 0, len(doc)
    while i < n:
        if _is_cap(doc[i]):
            j = i
            while j < n and _is_cap(doc[j]) and j - i < 6:
                j += 1
                if j + 1 < n and _glued_hyphen(doc, j):
                    j += 1
            k = i
            while k < j and (common_cap(doc[k], _LEX[doc.lang_]) if doc.lang_ in _LEX else False):
                k += 1   # "Prawnik Dawid Dehnert": the first word is a capitalised common noun
            while doc.lang_ == "en" and k < j and doc[k].pos_ in ("CCONJ", "SCONJ", "DET", "ADP", "PRON", "ADV",
                                                                  "AUX", "VERB"):
                k += 1   # "But Fowler", "The Russian", "When Smith": a capitalised function word first
            if k == i and doc[i].is_sent_start and any(lem.islower() for lem, t in _readings_any(doc[i])
                                                       if t.startswith(("subst", "adj"))):
                k = i + 1
            elif k == i and _function_word(doc[i]):
                k = i + 1    # "Według Nowaka", "Oraz Kowalski": a capitalised preposition or conjunction first
            if j - k >= 2:
                out.append((k, j))
            i = j
        else:
            i += 1
    return out


def _function_word(tok) -> bool:
    """A capitalised Polish preposition, conjunction or particle: every reading is one, with a lower-case lemma."""
    rs = _readings_any(tok) if tok.doc.lang_ == "pl" else ()
    return bool(rs) and all(lem[:1].islower() and t.split(":")[0] in ("prep", "conj", "comp", "qub", "adv", "interj")
                            for lem, t in rs)


class _Lex(dict):
    def __missing__(self, lang: str) -> lx.Lexicon:
        self[lang] = lx.load(lang)
        return self[lang]


_LEX = _Lex()


def _not_place(doc: Doc, s: int, e: int) -> bool:
    """A name run that the entity or actor layer reads as a place or organisation is not a person."""
    for ent in lx.doc_ents(doc):
        if ent.start < e and s < ent.end and ent.label_ not in ("PER", "PERSON") and \
                not _given_name_only(doc, ent.start, ent.end, s, e):
            return False
    return True


def _given_name_only(doc: Doc, a: int, b: int, s: int, e: int) -> bool:
    """A place or body label on just the first name of a longer run ("Lucía" of "Lucía Caram" read as LOC), or a
    place label on a whole given name + surname ("Inés Moreno"): the run is still a person's name when those words
    are given names (lang/pl/data/given_names.tsv)."""
    if doc.lang_ != "pl" or e - s < 2 or a < s:
        return False
    from kronika.lang.pl.names import is_given_name

    if b >= e:
        ent = next((x for x in lx.doc_ents(doc) if (x.start, x.end) == (a, b)), None)
        return ent is not None and ent.label_ in ("LOC", "GPE") and a == s and 2 <= b - a <= 3 and \
            is_given_name(doc[a].text) and not is_given_name(doc[b - 1].text)
    return all(is_given_name(doc[k].text) for k in range(a, b))


def _candidates(doc: Doc, lex: lx.Lexicon, skip: set[int]) -> list[tuple[int, int]]:
    cands = []
    for s, e in name_candidates(doc):
        while s < e and (s in skip or doc[s].is_sent_start and lx.speech_verb(doc[s], lex) is None and
                         doc[s].text.isupper()):
            s += 1
        while e > s and e - 1 in skip:
            e -= 1
        if lex.lang == "pl" and s > 0 and e - s > 2 and is_prep(doc[s - 1], lex) and not _strong_nominative(doc[s], lex):
            s += 1      # "na Facebooku Jan Azarow": the preposition governs the first word
        if e - s >= 2 and (lx.lemmas(doc[s], lex) & _platforms(lex.lang) or lex.lang == "pl" and s > 0 and
                           is_prep(doc[s - 1], lex) and _common_noun(doc[s].text)):
            s += 1      # "na Facebooku Azarow", "on Twitter Trump": a platform or a governed noun, then a name
        if e - s >= 2:
            cands.append((s, e))
    return cands


@lru_cache(maxsize=2)
def _platforms(lang: str) -> frozenset[str]:
    """Lower-cased social platform names (kb non_sources.tsv): never the first word of a person's name."""
    from kronika.kb.outlets import non_sources

    return frozenset(f for f, k in non_sources(lang).items() if k == "social_platform")


def _common_noun(word: str) -> bool:
    """Every morfeusz reading of the word is a noun with a lower-case lemma (not a first name)."""
    rs = lx._pl_readings(word)
    return bool(rs) and all(lem[:1].islower() for lem, t in rs if t != "ign") and any(
        t.startswith("subst") for _, t in rs)


def link(doc: Doc, speakers: list[Speaker], lex: lx.Lexicon, skip: set[int] = frozenset(),
         genders: dict[int, str] | None = None) -> None:
    """Give each speaker the fullest name the article has for them, in the nominative. `genders` maps id(speaker)
    to the gender of its verb, which decides for descriptions whose noun fits both ("sędzia")."""
    cands = _candidates(doc, lex, skip)
    genders = genders or {}
    for sp in speakers:
        if sp.kind == "name" and not sp.extra.get("org"):
            _link_name(doc, sp, cands, lex)
        elif sp.kind == "desc":
            _link_desc(doc, sp, cands, lex, genders.get(id(sp)))


def _link_name(doc: Doc, sp: Speaker, cands: list[tuple[int, int]], lex: lx.Lexicon) -> None:
    words = sp.text.replace("-", " ").split()
    last = _stem(words[-1])
    best = None
    for s, e in cands:
        hit = [k for k in range(s, e) if _stem(doc[k].text) == last or _case_forms(doc[k].text, words[-1])]
        if not hit:
            continue
        st, en = _trim_name(doc, s, hit[-1] + 1, lex)
        n = len(word_starts(doc, st, en))
        if n > len(sp.text.split()) and (best is None or n > best[2]):
            best = (st, en, n)
    if best and best[2] <= 3:
        n, best = best[2], best[:2]
        full = doc[best[0]:best[1]].text
        lemma = next((ent._.lemma for ent in lx.doc_ents(doc) if (ent.start, ent.end) == best and ent._.lemma and
                      ent.label_ in ("PER", "PERSON")), None)
        if lemma and len(lemma.split()) == n and lemma != full and (
                lex.lang != "pl" or all(_word_nominative(w) for w in lemma.split())):   # a real base form only
            sp.linked = _keep_own(lemma, sp)
            return
        if sp.inflected or lex.lang != "pl":
            sp.linked = _base(full, lex)
        else:    # the speaker's own nominative words fix the declension the first name must agree with
            from kronika.lang.pl.base_forms import base_form_text

            sp.linked = _keep_own(base_form_text(_keep_own(full, sp), "PER"), sp)
    elif sp.inflected and lex.lang == "pl":
        from kronika.lang.pl.base_forms import base_form_text

        sp.linked = base_form_text(sp.text, "PER")


def _case_forms(a: str, b: str) -> bool:
    """Two case forms of one surname: "Zielińskiego" / "Zieliński", "Płodystego" / "Płodysty" (a shared stem all
    but the last two letters of the shorter, and endings at most three letters apart in length)."""
    a, b = a.lower(), b.lower()
    if abs(len(a) - len(b)) > 3 or min(len(a), len(b)) < 5:
        return False
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n >= min(len(a), len(b)) - 2


def _keep_own(full: str, sp: Speaker) -> str:
    """Words of the full name that the speaker's own nominative mention gives are taken from it ("Salvador
    Plasencię" + "Plasencia" -> "Salvador Plasencia"): the base-former cannot know foreign surnames' declension."""
    if sp.inflected:
        return full
    own = {_stem(w): w for w in sp.text.split()}
    return " ".join(own.get(_stem(w), w) for w in full.split())


def _link_desc(doc: Doc, sp: Speaker, cands: list[tuple[int, int]], lex: lx.Lexicon, gender: str | None) -> None:
    """A description is linked to a name standing next to its head noun anywhere in the article: right before
    the name ("Prawnik Dawid Dehnert", "sędzia federalna Anna X") or after it behind a comma ("X, ekspert ...")."""
    heads = {x for x in lx.lemmas(doc[sp.start], lex) if x.islower() and len(x) > 2}
    if not heads or doc[sp.start].text[:1].isupper() and not person_noun(doc[sp.start], lex):
        return          # "Airbus" (a company read as a common noun) is not the person named next to it
    best = None
    for s, e in cands:
        st, en = _trim_name(doc, s, e, lex)
        if not 2 <= en - st <= 3 or not _nominal_start(doc[st], lex) or not _not_place(doc, st, en):
            continue
        before = [k for k in range(max(0, st - 5), st) if lx.lemmas(doc[k], lex) & heads and
                  all(doc[m].text not in _PUNCT and (_is_cap(doc[m]) or _adj_or_gen(doc[m], lex) or
                                                      doc[m].lower_ in ("i", "oraz"))   # "ekonomistka i autorka X"
                      for m in range(k + 1, st)) and
                  not (lex.lang == "pl" and _strong_nominative(doc[k], lex) and _oblique(doc[en - 1], lex))]
        # "Lekarz Matthew Perry'ego": a nominative head with a genitive name is not in apposition to it
        after = en < len(doc) and doc[en].text == "," and any(
            lx.lemmas(doc[k], lex) & heads for k in range(en + 1, min(len(doc), en + 3)))
        if not before and not after:
            continue
        g = noun_gender(doc[st], lex)
        if gender is not None and g is not None and g != gender and not (gender == "m" and g is None):
            continue
        d = sp.start - st if st <= sp.start else 10_000 + st - sp.start    # an earlier introduction first
        if best is None or d < best[0]:
            best = (d, st, en)
    if best:
        sp.linked = _base(doc[best[1]:best[2]].text, lex)
    if sp.linked is None and sp.inflected:
        sp.linked = _base(sp.text, lex, first_only=True)


def introduced(doc: Doc, lo: int, hi: int, lex: lx.Lexicon, at_end: bool = False,
               gender: str | None = None, skip: set[int] = frozenset()) -> Speaker | None:
    """The person named last in doc[lo:hi] (the sentence before an unattributed dash quote: "Portal zapytał o to
    konsula X. – ..."), base-formed; None when no name is there."""
    found = None
    for ent in lx.doc_ents(doc):
        if ent.label_ in ("PER", "PERSON") and lo <= ent.start and ent.end <= hi and len(ent) >= 2 and \
                not any(k in skip for k in range(ent.start, ent.end)):
            sp = Speaker(ent.text, ent.start, ent.end, "name", _lemma_gender(ent._.lemma), True)
            if compatible(sp, gender):
                found = sp
                found.linked = ent._.lemma or None
    if found is None:
        for s, e in _candidates(doc, lex, skip):
            if lo <= s and e <= hi:
                st, en = _trim_name(doc, s, e, lex)
                if en - st >= 2 and _not_place(doc, st, en) and not any(doc[k].like_num for k in range(st, en)):
                    sp = Speaker(doc[st:en].text, st, en, "name", None, True)
                    found = sp if compatible(sp, gender) else found
    if found is not None and at_end:
        k = found.end
        while k < hi and doc[k].is_punct:
            k += 1
        if k < hi:
            return None
    return found


def nearest_person(doc: Doc, before: int, lex: lx.Lexicon, gender: str | None,
                   skip: set[int] = frozenset()) -> Speaker | None:
    """The person named last before token `before`, within the three sentences before it, whose gender fits: the
    implied subject of a bare "– dodała" or "opowiedziała, że ..." with no earlier quote. People are the entity
    layer's PER names and the capitalised two- or three-word names that no entity calls a place or body."""
    if before <= 0:
        return None
    sents = lx.doc_sents(doc)
    here = next((k for k, st in enumerate(sents) if st.start <= before < st.end), len(sents) - 1)
    lo = sents[max(0, here - 3)].start
    found = [(ent.start, ent.end, ent._.lemma or None) for ent in lx.doc_ents(doc) if ent.label_ in ("PER", "PERSON")]
    found += [(a, b, None) for a, b in _candidates(doc, lex, skip) if _not_place(doc, a, b)]
    for a, b, lemma in sorted(found, key=lambda x: (-x[1], x[0])):
        if b > before or a < lo or any(k in skip for k in range(a, b)):
            continue
        st, en = _trim_name(doc, a, b, lex)
        if lex.lang == "pl" and not lemma and not _nominal_start(doc[st], lex):
            lemma = _base(doc[st:en].text, lex)
        text = lemma or doc[st:en].text
        g = (_lemma_gender(lemma) if lemma else noun_gender(doc[st], lex)) if lex.lang == "pl" else None
        sp = Speaker(text, st, en, "name", g)
        if compatible(sp, gender):
            _link_name(doc, sp, _candidates(doc, lex, skip), lex)
            return sp
    return None


def _lemma_gender(lemma: str | None) -> str | None:
    """A Polish first name in the nominative ending in -a is (nearly always) a woman's; an inflected form says
    nothing ("Ołeksandra" is a man's genitive)."""
    if not lemma or not lemma[:1].isupper():
        return None
    return "f" if lemma.split()[0].endswith("a") else "m"


def _base(text: str, lex: lx.Lexicon, first_only: bool = False) -> str:
    if lex.lang != "pl":
        return text
    if not first_only and all(_word_nominative(w) for w in text.split()):
        return text
    from kronika.lang.pl.base_forms import base_form_text

    if first_only:     # the head noun with its adjectives: "irlandzkich służb ratowniczych" -> nominative
        words = text.split(" ")
        n = _head_chunk(words)
        head, rest = " ".join(words[:n]), " ".join(words[n:])
        b = base_form_text(head, "PER")
        return f"{b[:1].lower() + b[1:] if head[:1].islower() else b} {rest}".strip()
    return base_form_text(text, "PER")


def _head_chunk(words: list[str]) -> int:
    """How many leading words of a description agree with its head noun: the adjectives before it, the noun, and
    lower-case adjectives right after it ("lokalnych władz", "służb ratowniczych"), not a genitive noun after it."""
    def cls(w: str) -> set[str]:
        return {t.split(":")[0] for _, t in lx._pl_readings(w)}
    k = 0
    while k < len(words) - 1 and words[k][:1].islower() and cls(words[k]) & {"adj", "ppas", "pact"}:
        k += 1
    k += 1
    j = k
    while j < len(words) and words[j][:1].islower() and cls(words[j]) & {"adj", "ppas", "pact"} and \
            not cls(words[j]) & {"subst", "depr", "prep"}:
        j += 1
    # "sympatyków radykalnych ugrupowań": adjectives before another noun belong to that genitive noun
    return j if j == len(words) or not cls(words[j]) & {"subst", "depr"} else k


def _word_nominative(word: str) -> bool:
    """A word that is already nominative (or unknown to morfeusz): base-forming it could only spoil it."""
    tags = [t for _, t in lx._pl_readings(word)]
    return not tags or all(t == "ign" for t in tags) or any(
        t.split(":")[0] in ("subst", "depr", "adj") and len(t.split(":")) > 2 and "nom" in t.split(":")[2].split(".")
        for t in tags)


def resolve_actor(doc: Doc, sp: Speaker, lang: str, date: str | None, actor_spans: list) -> str | None:
    """The polity the speaker acts for: the office-holder KB by name, else an actor named inside the description."""
    try:
        from kronika.kb.people import resolve_person  # type: ignore
    except ImportError:
        resolve_person = None
    if resolve_person is not None and sp.kind == "name":
        try:
            got = resolve_person(sp.name, lang, date)
        except Exception:   # the people KB is someone else's stage; a failure there must not lose the quote
            got = None
        if got:
            return got[0]
    s, e = sp.extra.get("desc", (sp.start, sp.end))
    s, e = min(s, sp.start), max(e, sp.end)
    for a in actor_spans:
        if a.start >= s and a.end <= e:
            return a._.actor or a.label_
    return titled_elsewhere(doc, sp, lang, actor_spans) if sp.kind == "name" else None


# ------------------------------------------------------------------------------------------- office holders

_GENERIC_ROLES = frozenset({"institution", "other", "military", "official", "diplomat"})


@lru_cache(maxsize=2)
def _office_roles(lang: str) -> dict[str, tuple[tuple[tuple[str, ...], str, str], ...]]:
    """kb roles.tsv rows that name one office (head of state, foreign minister, spokesperson ...), by first word:
    (words, role, default polity from the notes' "polity=CODE")."""
    from kronika.kb.loader import roles

    out: dict[str, list] = {}
    for r in roles(lang):
        if r.role in _GENERIC_ROLES:
            continue
        default = r.notes.split("polity=", 1)[1].split()[0].strip(",;.)") if "polity=" in r.notes else ""
        out.setdefault(r.words[0], []).append((r.words, r.role, default))
    return {k: tuple(sorted(v, key=lambda x: -len(x[0]))) for k, v in out.items()}


def office_holder(doc: Doc, sp: Speaker, lex: lx.Lexicon, date: str | None, actor_spans: list) -> Speaker | None:
    """A description naming an office ("rzecznik Kremla", "amerykański prezydent", "the Russian foreign minister")
    is the person who held it on the article's date (kb office_holders.tsv) when the article names that person
    somewhere: the speaker is then their full name."""
    from kronika.kb.loader import office_holders
    from kronika.kb.people import pick_holder

    roles = _office_roles(lex.lang)
    s, e = sp.extra.get("desc", (sp.start, sp.end))
    s, e = min(s, sp.start), max(e, sp.end)
    sent = doc[sp.start].sent
    lo, hi = max(sent.start, s - 2), min(sent.end, e + 3)
    role = polity = None
    for k in range(s, e):
        for lem in lx.lemmas(doc[k], lex):
            for words, r, default in roles.get(lem, ()):
                if all(j < len(doc) and w in lx.lemmas(doc[j], lex) for j, w in zip(range(k, k + len(words)), words)):
                    role, polity = r, default or None
                    break
            if role:
                break
        if role:
            break
    if role is None:
        return None
    near = sorted((a for a in actor_spans if lo <= a.start and a.end <= hi),
                  key=lambda a: 0 if s <= a.start < e else min(abs(a.start - e), abs(s - a.end)))
    codes = [a._.actor or a.label_ for a in near]
    polity = codes[0] if codes else polity
    if not polity:
        return None
    words = [t for t in doc if t.text[:1].isupper() and not (s <= t.i < e)]

    def named(h) -> bool:
        return any(same_surname(t.text, n.split()[-1]) for n in h.names() if n for t in words)

    # several offices share a role ("spokesperson": the Kremlin's and the ministry's): the one the article names
    idx = [i for i, h in enumerate(office_holders()) if h.code == polity and h.role == role and named(h)]
    holder = pick_holder(idx, date)
    if holder is None:
        return None
    name = holder.name_pl if lex.lang == "pl" and holder.name_pl else holder.name_en
    surnames = {n.split()[-1] for n in holder.names() if n}
    for t in words:     # the article's own spelling of the full name ("Sergei Lavrov", not the KB's "Sergey")
        if any(same_surname(t.text, x) for x in surnames):
            mention = Speaker(t.text, t.i, t.i + 1, "name")
            _link_name(doc, mention, _candidates(doc, lex, set()), lex)
            if mention.linked and len(mention.linked.split()) >= 2:
                name = mention.linked
                break
    out = Speaker(name, sp.start, sp.end, "name", sp.gender)
    out.linked, out.actor = name, polity
    out.extra["desc"] = (s, e)
    return out


def same_polity(doc: Doc, desc: Speaker, person: Speaker, lang: str, date: str | None, actor_spans: list) -> bool:
    """A description that names its polity ("minister obrony Litwy", "polski premier") is no other polity's person
    named elsewhere in the article (the Kremlin's spokesman); one that names none may be anyone's."""
    own = {a.label_ for a in actor_spans if desc.start <= a.start and a.end <= desc.end}
    if not own:
        return True
    theirs = person.actor or resolve_actor(doc, person, lang, date, actor_spans)
    return theirs is None or theirs in own
