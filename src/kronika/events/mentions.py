"""Actor mentions as event arguments: what case and preposition mark them, what role noun gives their sector, and
which of them are coordinated ("USA i Japonia" act together).

The actor stage (doc.spans["kronika_actors"]) finds the mentions; this module only reads the tokens around them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Span, Token

from kronika.lang.pl.base_forms import _guesses as _name_guesses
from kronika.resources import lang_data, read_tsv

CASES = ("nom", "gen", "dat", "acc", "inst", "loc", "voc")
_UD_CASE = {"Nom": "nom", "Gen": "gen", "Dat": "dat", "Acc": "acc", "Ins": "inst", "Loc": "loc", "Voc": "voc"}
COORD = {"pl": {"i", "oraz", ",", "a", "albo", "lub", "także", "ani"}, "en": {"and", ",", "&", "or", "as", "well"}}
_NOMINAL = ("subst", "depr", "ger", "ppron3", "ppron12")
_MODIFIER = ("adj", "num", "numcol", "adja", "ppas", "pact", "dig")


@dataclass
class Mention:
    span: Span
    code: str
    sector: str | None
    start: int                      # token index
    end: int
    cases: frozenset[str] = frozenset()
    prep: str | None = None         # lemma of the preposition that governs the mention's phrase
    head: Token | None = None       # the role noun whose phrase the mention sits in ("rząd" in "rząd Węgier")
    adjective: bool = False
    group: list["Mention"] = field(default_factory=list, repr=False)

    @property
    def text(self) -> str:
        return self.span.text

    def as_arg(self, sector: str | None = None) -> dict:
        return {"actor": self.code, "sector": sector or self.sector, "text": self.span.text,
                "start": self.span.start_char, "end": self.span.end_char}


@lru_cache(maxsize=2)
def sector_nouns(lang: str) -> dict[str, str]:
    """Role noun lemma -> PLOVER sector (lang/<code>/data/sector_nouns.tsv)."""
    return {r["lemma"].lower(): r["sector"] for r in read_tsv(lang_data(lang, "sector_nouns.tsv"))}


def tag_class(tok: Token) -> str:
    return (tok.tag_ or "").split(":", 1)[0]


_PASSIVE_AUX = frozenset({"być", "zostać", "zostawać", "bywać"})
# tag classes the tagger gives a passive participle it misreads ('skazany' as a noun, 'aresztowana' as an adjective)
_MISREAD_PARTICIPLE = frozenset({"adj", "subst", "depr", "ger", "ign"})


def passive_reading(tok: Token) -> str | None:
    """The verb lemma of a passive participle that the tagger read as an adjective or noun ('został aresztowany'
    -> aresztować, 'zostali skazani' -> skazać): a morfeusz ppas reading right after a passive auxiliary."""
    if tag_class(tok) not in _MISREAD_PARTICIPLE:
        return None
    # the auxiliary first: it is cheap to check and rules out almost every token before the readings are read
    doc = tok.doc
    for j in range(tok.i - 1, max(-1, tok.i - 4), -1):
        if (doc[j].lemma_ or "").lower() in _PASSIVE_AUX:
            break
        if tag_class(doc[j]) not in ("adv", "qub", "part", "praet", "fin", "aglt"):
            return None
    else:
        return None
    return next((lem.split(":", 1)[0].lower() for lem, tag in tok._.readings or () if tag.startswith("ppas")), None)


def adverbial(tok: Token) -> bool:
    """Whether morfeusz2 also reads the token as an adverb ('dziś', 'wczoraj', 'teraz' tagged as nouns): such a
    word is no subject or object phrase."""
    return any(tag.startswith("adv") for _lemma, tag in tok._.readings or ())


def verb_class(tok: Token) -> str:
    """Tag class, with a passive participle read as such even where the tagger chose an adjective or noun."""
    return "ppas" if passive_reading(tok) else tag_class(tok)


def token_cases(tok: Token) -> set[str]:
    """Every case the token can have: the chosen reading's, plus those of morfeusz's other readings."""
    out = {_UD_CASE[c] for c in tok.morph.get("Case") if c in _UD_CASE}
    for _lemma, tag in tok._.readings or ():
        for part in tag.split(":"):
            for c in part.split("."):
                if c in CASES:
                    out.add(c)
    return out


@lru_cache(maxsize=4096)
def guessed_cases(word: str) -> set[str]:
    """Cases a name unknown to morfeusz2 can have, from the regular Polish declension endings
    (lang/pl/data/name_declension.tsv): 'Witkoffem' inst, 'Steve'a' gen/acc, 'Fabius' nom. A word no oblique ending
    fits is read as nominative (or accusative: inanimate names); one ending in -a/-i/-y may also be a nominative."""
    low = word.lower()
    if "'" in low or "’" in low:
        low = "bbb" + low.replace("’", "'").rsplit("'", 1)[1]      # 'Steve'a': only the ending after the apostrophe
    out: set[str] = set()
    for label in ("PER", "LOC"):
        for rule, _nom in _name_guesses(low, label):
            out |= rule.cases
    if not out:
        return {"nom", "acc"}
    if low.endswith(("a", "i", "y", "o")) and "'" not in word:
        out.add("nom")
    return out


def _prep_before(doc, i: int, lo: int) -> str | None:
    """Lemma of a preposition governing the phrase that starts at token i (modifiers may stand between)."""
    j = i - 1
    while j >= lo and i - j <= 4:
        tok = doc[j]
        cls = tag_class(tok)
        if cls == "prep":
            lem = tok.lemma_.lower() or tok.lower_
            if lem in {"adres", "sprawa"} and j - 1 >= lo and tag_class(doc[j - 1]) == "prep":
                return f"{doc[j - 1].lemma_.lower()} {lem}"
            return lem
        if tok.lower_ in {"adresem", "sprawie"} and j - 1 >= lo and tag_class(doc[j - 1]) == "prep":
            return f"{doc[j - 1].lemma_.lower()} {'adres' if tok.lower_ == 'adresem' else 'sprawa'}"
        if cls in _MODIFIER or tok.lower_ in {"całej", "całego", "samej", "samego"}:
            j -= 1
            continue
        return None
    return None


def polish_mentions(sent: Span, spans: list[Span], skip: set[int]) -> list[Mention]:
    """Mentions of one Polish sentence with case, preposition and role noun; `skip` = predicate token indices."""
    doc = sent.doc
    nouns = sector_nouns("pl")
    out = []
    for sp in spans:
        first = sp[0]
        # a name that opens with an adjective ('Wielka Brytania', 'Korea Południowa') is no adjectival mention
        # (the tagger reads a capitalised adjective opening a sentence as a noun: 'Rosyjski atak na ...')
        adjective = (tag_class(first) in ("adj", "adja") or sp._.mention_kind == "adjective" and len(sp) == 1) and (
            len(sp) == 1 or sp._.mention_kind == "adjective")
        cases = set()
        for t in sp:
            cases = token_cases(t)
            if cases:
                break
        if not cases:
            cases = guessed_cases(sp[-1].text)
        prep = _prep_before(doc, sp.start, sent.start)
        head = None
        sector = sp._.sector
        title = _title_before(doc, sp, sent.start, nouns)
        if prep is None and title is not None:
            # a name in apposition to a title ('z prezydentem Barackiem Obamą', 'premiera Mahendrę Chaudhry'ego')
            # stands in the title's case and phrase
            prep = _prep_before(doc, title.i, sent.start)
            cases = cases & token_cases(title) or token_cases(title)
            sector = sector or nouns.get(title.lemma_.lower())
        if adjective:
            nxt = sp.end
            while nxt < sent.end and nxt - sp.end < 3 and tag_class(doc[nxt]) in _MODIFIER:
                nxt += 1
            if nxt < sent.end and tag_class(doc[nxt]) in _NOMINAL:
                head = doc[nxt]
            elif sp.start - 1 >= sent.start and tag_class(doc[sp.start - 1]) in _NOMINAL:
                head = doc[sp.start - 1]          # postposed adjective: 'wojska rosyjskie'
                if prep is None and head.i - 1 >= sent.start and tag_class(doc[head.i - 1]) == "prep":
                    prep = _prep_before(doc, head.i, sent.start)        # 'ze stroną rosyjską'
        elif prep is None and "gen" in cases and title is None:
            head = _governing_noun(doc, sp.start, sent.start, skip)
            if head is not None:
                cases = token_cases(head)
                prep = _prep_before(doc, head.i, sent.start)
        if head is not None and not sector:
            sector = nouns.get(head.lemma_.lower())
        # 'grupa marokańskich dyplomatów', 'delegacja rządu Rumunii': a genitive phrase inside a nominal phrase
        # takes the case and preposition of the noun that governs it
        if head is not None and prep is None and _only_gen(head):
            outer = _governing_noun(doc, head.i, sent.start, skip)
            if outer is not None:
                cases = token_cases(outer)
                prep = _prep_before(doc, outer.i, sent.start)
                if not sector:
                    sector = nouns.get(outer.lemma_.lower())
        out.append(Mention(sp, sp._.actor or sp.label_, sector, sp.start, sp.end, frozenset(cases), prep, head,
                           adjective))
    return _grouped(out, "pl")


def _title_before(doc, sp: Span, lo: int, nouns: dict[str, str]) -> Token | None:
    """The role or title noun right before a person's name ('prezydentem' in 'prezydentem Barackiem Obamą')."""
    if sp._.mention_kind not in ("person", "surname") or sp.start - 1 < lo:
        return None
    tok = doc[sp.start - 1]
    if tag_class(tok) in ("subst", "depr") and tok.lemma_.lower() in nouns:
        return tok
    return None


@lru_cache(maxsize=1)
def time_nouns() -> frozenset[str]:
    """Nouns of time (lang/pl/data/time_nouns.tsv): they head adverbials, never an actor's genitive phrase."""
    return frozenset(r["lemma"].lower() for r in read_tsv(lang_data("pl", "time_nouns.tsv")))


def _governing_noun(doc, i: int, lo: int, skip: set[int]) -> Token | None:
    """The noun (modifiers may stand between) right before the genitive phrase that starts at token i."""
    j = i - 1
    while j >= lo and i - j <= 4 and j not in skip:
        cls = tag_class(doc[j])
        if cls in _NOMINAL:
            if (doc[j].lemma_ or "").lower() in time_nouns():
                return None             # 'w niedzielę Wielkiej Brytanii': a time phrase, not 'Britain's Sunday'
            return doc[j]
        if cls not in _MODIFIER:
            return None
        j -= 1
    return None


def _only_gen(tok: Token) -> bool:
    """Whether the chosen reading is genitive (the noun is itself a complement of another noun)."""
    return tok.morph.get("Case") == ["Gen"]


def _grouped(mentions: list[Mention], lang: str) -> list[Mention]:
    """Link coordinated mentions ('USA i Japonia', 'Hungarian and Romanian') into shared groups."""
    mentions.sort(key=lambda m: m.start)
    doc = mentions[0].span.doc if mentions else None
    coord = COORD[lang]
    for m in mentions:
        m.group = [m]
    for a, b in zip(mentions, mentions[1:]):
        between = [t.lower_ for t in doc[a.end:b.start]]
        if lang == "pl" and b.head is not None and a.end <= b.head.i < b.start and len(between) >= 2 and \
                b.head.i == b.start - 1:
            # 'przywódca Libii Kaddafi i prezydent Bułgarii': coordinated phrases, each with its own role noun
            between = between[:-1] if a.head is not None or a.span._.mention_kind in ("person", "surname") \
                else between
        if a.end == b.start:
            if a.code == b.code and lang == "pl":           # 'kanclerz Niemiec Olaf Scholz': one phrase
                merged = a.group + [m for m in b.group if m not in a.group]
                for m in merged:
                    m.group = merged
            continue                     # adjacent: one phrase ('prezydent Rosji Putin') or a compound
        if between and all(w in coord for w in between) and len(between) <= 3 and lang == "pl" and \
                a.head is not None and b.head is None and b.prep is None and "gen" in b.cases:
            b.cases, b.head, b.prep = a.cases, a.head, a.prep     # 'urzędnicy Węgier i Rumunii'
            b.sector = b.sector or a.sector
        if between and all(w in coord for w in between) and len(between) <= 3 and a.prep == b.prep:
            if lang == "pl" and a.cases and b.cases and not (a.cases & b.cases):
                continue
            merged = a.group + [m for m in b.group if m not in a.group]
            for m in merged:
                m.group = merged
    return mentions


def english_mentions(sent: Span, spans: list[Span]) -> list[Mention]:
    """Mentions of one English sentence: preceding preposition word and the role noun after an adjective/name."""
    doc = sent.doc
    nouns = sector_nouns("en")
    out = []
    for sp in spans:
        prep = None
        j = sp.start - 1
        while j >= sent.start and sp.start - j <= 3:
            w = doc[j].lower_
            if w in {"the", "a", "an", "its", "their", "his", "her", "neighbouring", "neighboring", "fellow"}:
                j -= 1
                continue
            if w.isalpha() and w.islower() and w in _EN_PREPS:
                prep = w
            break
        head = None
        sector = sp._.sector
        nxt = sp.end
        if nxt < sent.end and doc[nxt].lower_ in {"'s", "’s"}:
            nxt += 1
        for k in range(nxt, min(nxt + 2, sent.end)):
            w = doc[k].lower_.rstrip("s") if doc[k].lower_ not in nouns else doc[k].lower_
            if w in nouns or doc[k].lower_ in nouns:
                head = doc[k]
                sector = sector or nouns.get(doc[k].lower_) or nouns.get(w)
                break
        if head is None and prep == "of" and sp.start - 2 >= sent.start:
            w = doc[sp.start - 2].lower_
            s = nouns.get(w) or nouns.get(w.rstrip("s"))
            if s:
                head, sector = doc[sp.start - 2], sector or s
                prep = _en_prep_before(doc, sp.start - 2, sent.start)
        if sector is None and doc.has_annotation("DEP"):
            sector = _en_phrase_sector(sp, nouns)
        adjective = sp.text[:1].isupper() and sp.text.lower().endswith(("an", "ese", "ish", "ian", "i", "ic"))
        out.append(Mention(sp, sp._.actor or sp.label_, sector, sp.start, sp.end, frozenset(), prep, head,
                           adjective))
    return _en_regrouped(_grouped(out, "en"))


def _en_regrouped(mentions: list[Mention]) -> list[Mention]:
    """Coordination across articles too: 'the WTO, the World Bank and the IMF'."""
    doc = mentions[0].span.doc if mentions else None
    for a, b in zip(mentions, mentions[1:]):
        if b in a.group or a.end == b.start:
            continue
        between = [t.lower_ for t in doc[a.end:b.start]]
        if between and len(between) <= 4 and all(w in COORD["en"] or w in ("the", "a", "an") for w in between) \
                and any(w in COORD["en"] for w in between) and (a.prep == b.prep or b.prep is None):
            merged = a.group + [m for m in b.group if m not in a.group]
            for m in merged:
                m.group = merged
    return mentions


_EN_NOMINAL_DEPS = frozenset({"nmod", "nmod:poss", "amod", "compound", "appos", "flat", "nmod:desc"})


def _en_phrase_sector(sp: Span, nouns: dict[str, str]) -> str | None:
    """The sector of the role noun whose phrase holds the mention in a parse: 'Militants loyal to Iraq',
    'Security forces in Guinea', 'activists from the Fatah Party' (up to three steps up through nominal links)."""
    tok = sp.root
    for _ in range(3):
        if tok.dep_ not in _EN_NOMINAL_DEPS and tok.dep_ != "obl":
            return None
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.tag_.startswith("NN"):
            sec = nouns.get(tok.lemma_.lower()) or nouns.get(tok.lower_)
            if sec:
                return sec
        elif not tok.tag_.startswith("JJ"):
            return None
    return None


def _en_prep_before(doc, i: int, lo: int) -> str | None:
    j = i - 1
    while j >= lo and i - j <= 3:
        w = doc[j].lower_
        if w in {"the", "a", "an", "senior", "top"} or w[:1].isupper():
            j -= 1
            continue
        return w if w in _EN_PREPS else None
    return None


_EN_PREPS = frozenset("""of in on at to from with against by for into onto toward towards over about between among
near across through under upon without within inside outside behind after before during via despite""".split())
