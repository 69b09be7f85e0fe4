"""Named events (EVT) and products (PRO) from a gazetteer (kb/data/named_things.tsv): the NKJP-trained NER knows only
PER/ORG/LOC, so wars, summits, treaties, pipelines, weapons and platforms are found by dictionary instead. Companies,
parties, NGOs and courts (kb/data/companies.tsv, ORG) come the same way: NER mislabels unfamiliar foreign firms.

Polish surface forms ("Brexitu", "Nord Streamu 2", "II wojny światowej", "Leopardów 2") are generated with
lang/pl/inflection.py and stored in kb/data/generated/named_<lang>.tsv with a fingerprint, like kb/outlets.py does;
a stale or missing table is regenerated (and rewritten) on first use.

Case rules per entry (column `flags`): a name written with a capital must be capitalised in text; `any_case` lets a
name also match in lower case ("brexit"); `case_sensitive` demands the exact spelling; `ambiguous` (a name that is
also a common word: Telegram, Piorun, Patriot) matches only capitalised and not at a sentence's start. An alias may
hold its name in braces with a context word ("platforma {X}", "systemy {Patriot}"): the whole phrase is matched in
every form, but only the braced part is reported, and it needs no other evidence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kronika.kb import generated
from kronika.kb.generated import case_rule
from kronika.kb.loader import kb_file
from kronika.kb.matcher import CASE_ANY, FormMatcher, _is_word_char
from kronika.resources import lang_data, read_tsv

SOURCES = ("named_things.tsv", "companies.tsv")   # events and products; companies, parties, NGOs (ORG)
COLUMNS = ("form", "case", "base", "name", "label", "kind", "flags", "part")
# kinds of countable things that Polish text also names in the plural ("Leopardy", "HIMARS-ów", "F-16s")
PLURAL_KINDS = frozenset({"aircraft", "helicopter", "drone", "missile", "air_defence", "tank", "vehicle", "artillery",
                          "ship", "weapon_system", "rifle", "car", "satellite", "spacecraft"})
_OPENERS = "\"'„“”«»‚‘’([{–—-*"
_SENTENCE_END = ".!?…"


@dataclass(frozen=True)
class NamedThing:
    name: str
    label: str
    lang: str
    kind: str
    aliases: tuple[str, ...]
    flags: frozenset[str]


@dataclass(frozen=True)
class NamedHit:
    start: int
    end: int
    base: str       # nominative of the name or alias as written in the text ("druga wojna światowa")
    name: str       # the entry's canonical name ("II wojna światowa")
    label: str      # EVT | PRO | ORG
    kind: str


@lru_cache(maxsize=1)
def named_things() -> tuple[NamedThing, ...]:
    return tuple(NamedThing(r["name"], r["label"], r["lang"], r.get("kind", ""),
                            tuple(a.strip() for a in r.get("aliases", "").split("|") if a.strip()),
                            frozenset(f.strip() for f in r.get("flags", "").split(",") if f.strip()))
                 for source in SOURCES for r in read_tsv(kb_file(source)))


def fingerprint(lang: str) -> str:
    return generated.fingerprint(SOURCES, lang)


def generated_path(lang: str):
    return kb_file("generated") / f"named_{lang}.tsv"


def _split_braces(written: str) -> tuple[str, str, str]:
    """("platforma {X}") -> ("platforma ", "X", ""); a plain name -> ("", name, "")."""
    if "{" not in written:
        return "", written, ""
    pre, _, rest = written.partition("{")
    core, _, post = rest.partition("}")
    return pre, core.strip(), post


def _is_code(word: str) -> bool:
    """A model designator that Polish never inflects: "2", "737", "MAX", "TB2", "A380", "II"."""
    return any(c.isdigit() for c in word) or (word.isupper() and len(word) <= 4)


@lru_cache(maxsize=1)
def _plural_endings() -> tuple[str, ...]:
    """Masculine endings of the consonant paradigm (declension_fallback.tsv row "C"), for plurals of models."""
    for r in read_tsv(lang_data("pl", "declension_fallback.tsv")):
        if r["ending"] == "C":
            return tuple(a for a in r["add"].split("|") if a)
    return ()


def _polish_forms(phrase: str, thing: NamedThing, pre: str, post: str) -> set[str]:
    from kronika.lang.pl.inflection import phrase_forms

    if pre.strip() and not post.strip():   # "platforma {X}": the context noun inflects, the braced name stays
        return {f"{f}{pre[len(pre.rstrip()):]}{phrase}" for f in phrase_forms(pre.strip(), "name") | {pre.strip()}}
    if pre or post:
        return {pre + phrase + post}
    words = phrase.split(" ")
    if len(words) == 1 and phrase.replace("-", "").isalpha() and phrase.isupper():   # "HIMARS", "NASAMS"
        n = 0
    else:
        n = len(words)
    while n > 0 and _is_code(words[n - 1]):
        n -= 1
    body, tail = words[:n], words[n:]
    if not body:
        forms = {phrase}
        letters = phrase.replace("-", "")
        if thing.kind in PLURAL_KINDS and phrase.isupper() and letters.isalpha() and phrase[-1] not in "AEIOUY":
            forms |= {f"{phrase}-{e}" for e in _plural_endings()}   # "HIMARS-y", "ATACMS-ów"
        return forms
    heads = _inflect(body, "name") | {" ".join(body)}
    if thing.lang != "pl" and len(body) > 1 and body[0][:1].isupper():
        heads |= _inflect(body, "foreign")   # "Nord Streamu"; a Polish name among them ("Siła Syberii") needs "name"
    last = body[-1]
    if thing.kind in PLURAL_KINDS and len(body) == 1:   # every form of a known noun, both numbers ("Rosomaki")
        heads |= phrase_forms(last, "demonym")
    if thing.kind in PLURAL_KINDS and last[-1:].isalpha() and last[-1].lower() not in "aeiouyąęó":
        heads |= {" ".join(body) + e for e in _plural_endings()}   # "Leopardy 2", "Bayraktarów"
    return {" ".join([h, *tail]) for h in heads}


def _inflect(words: list[str], kind: str) -> set[str]:
    """phrase_forms, with a compound adjective ("rosyjsko-ukraińska") inflected in its last part only: phrase_forms
    would drop the first part ("wojny ukraińskiej")."""
    from kronika.lang.pl.inflection import phrase_forms

    prefixes = {}
    plain = list(words)
    for i, w in enumerate(words):
        left, dash, right = w.rpartition("-")
        if dash and left and right and left.replace("-", "").isalpha() and left.islower() and right.islower():
            prefixes[i], plain[i] = left + "-", right
    forms = phrase_forms(" ".join(plain), kind)
    if not prefixes:
        return forms
    out = set()
    for f in forms:
        parts = f.split(" ")
        if len(parts) == len(words):
            out.add(" ".join(prefixes.get(i, "") + p for i, p in enumerate(parts)))
    return out


def _english_forms(phrase: str, thing: NamedThing, pre: str, post: str) -> set[str]:
    if pre or post:
        return {pre + phrase + post}
    forms = {phrase}
    if thing.kind in PLURAL_KINDS and not phrase.endswith(("s", "S")):
        forms.add(phrase + "s")   # "F-16s", "Leopard 2s", "Shaheds"
    return forms


def build_rows(lang: str) -> list[tuple[str, ...]]:
    rows: set[tuple[str, ...]] = set()
    for t in named_things():
        if t.lang not in (lang, "*"):
            continue
        for written in dict.fromkeys((t.name, *t.aliases)):
            if written == t.name and "context_only" in t.flags:
                continue
            pre, core, post = _split_braces(written)
            context = bool(pre.strip() or post.strip())
            forms = (_polish_forms if lang == "pl" else _english_forms)(core, t, pre, post)
            flags = t.flags - {"ambiguous"} if context else t.flags
            part = ("end" if not post.strip() else "start") if context else ""
            if core.casefold() == t.name.casefold():   # "brexit" is reported as "Brexit"
                core = t.name
            for f in forms:
                case = CASE_ANY if "any_case" in flags else case_rule(f, flags)
                rows.add((f, case, core, t.name, t.label, t.kind, ",".join(sorted(flags)), part))
    return sorted(rows)


def write_generated(lang: str) -> int:
    """Regenerate kb/data/generated/named_<lang>.tsv; returns the number of rows."""
    return generated.write_table(generated_path(lang), COLUMNS, build_rows(lang), "kb/data/named_things.tsv",
                                 fingerprint(lang))


def _read_generated(lang: str) -> list[tuple[str, ...]] | None:
    return generated.read_table(generated_path(lang), fingerprint(lang))


class _SpanMatcher(FormMatcher):
    """FormMatcher's automaton and case rules, with a linear overlap resolution that returns every payload of a
    chosen span together (FormMatcher.find compares each candidate with every taken hit: slow on long texts)."""

    def spans(self, text: str) -> list[tuple[int, int, list]]:
        if not self.size:
            return []
        folded = text.casefold()
        if len(folded) != len(text):
            folded = text.lower()
        by_span: dict[tuple[int, int], list] = {}
        n = len(text)
        for end_idx, (length, values) in self._auto.iter(folded):
            start, end = end_idx - length + 1, end_idx + 1
            if start > 0 and _is_word_char(text[start - 1]) or end < n and _is_word_char(text[end]):
                continue
            written = text[start:end]
            ok = [payload for form, rule, payload in values if self._case_ok(written, form, rule)]
            if ok:
                by_span.setdefault((start, end), []).extend(ok)
        used = bytearray(n + 1)
        out = []

        def crossed(se: tuple[int, int]) -> bool:
            """A context alias ("gazociąg {Nord Stream}") gives way to a name that runs on past its end ("Nord
            Stream 2")."""
            start, end = se
            return all(p[6] for p in by_span[se]) and any(start < s2 < end < e2 for s2, e2 in by_span)

        for (start, end) in sorted(by_span, key=lambda se: (se[0] - se[1], se[0])):   # longest, then leftmost
            if used.find(1, start, end) != -1 or crossed((start, end)):
                continue
            used[start:end] = b"\x01" * (end - start)
            out.append((start, end, by_span[(start, end)]))
        out.sort()
        return out


@lru_cache(maxsize=2)
def matcher(lang: str) -> _SpanMatcher:
    """A FormMatcher over every form of every named thing of the language; payload (form, base, name, label, kind,
    ambiguous, part)."""
    rows = generated.current_rows(lambda: _read_generated(lang), lambda: write_generated(lang),
                                  lambda: build_rows(lang))
    return _SpanMatcher((form, case, (form, base, name, label, kind, "ambiguous" in flags.split(","), part))
                       for form, case, base, name, label, kind, flags, part in rows)


def _sentence_initial(text: str, start: int) -> bool:
    """Whether only white space, quotes or dashes stand between a sentence's end (or a new line) and start."""
    i = start - 1
    while i >= 0 and (text[i].isspace() or text[i] in _OPENERS):
        if text[i] == "\n":
            return True
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _capitals_ok(written: str, form: str) -> bool:
    """A capital inside a multiword name must be written ("Nowy Rok" the holiday, not "Nowy rok szkolny"); the
    matcher itself checks only the first letter."""
    return all(not f[:1].isupper() or w[:1].isupper() for w, f in zip(written.split()[1:], form.split()[1:]))


def _core_span(text: str, start: int, end: int, core: str, where: str) -> tuple[int, int] | None:
    """Where the braced name of a context alias lies inside its hit ("platformie X" -> the "X")."""
    found = list(re.finditer(r"(?<!\w)" + re.escape(core) + r"(?!\w)", text[start:end], re.IGNORECASE))
    if not found:
        return None
    m = found[-1] if where == "end" else found[0]
    return start + m.start(), start + m.end()


def _hits(text: str, lang: str, lo: int, hi: int, nested: bool) -> list[NamedHit]:
    """Hits within text[lo:hi]; the context words around a context alias's name are searched again (once), so
    "X, dawniej Twitter" yields both X and Twitter."""
    out: list[NamedHit] = []
    for start, end, payloads in matcher(lang).spans(text[lo:hi]):
        start, end = start + lo, end + lo
        written = text[start:end]
        if " " in written:
            payloads = [p for p in payloads if _capitals_ok(written, p[0])]
            if not payloads:
                continue
        # the spelling as written wins, then one that differs only in the first letter (a sentence's capital)
        form, base, name, label, kind, ambiguous, part = payloads[0] if len(payloads) == 1 else min(
            payloads, key=lambda p: (p[0] != written, p[0][1:] != written[1:]))
        if ambiguous and _sentence_initial(text, start):
            continue
        if part:
            core = _core_span(text, start, end, base, part)
            if core is None:
                continue
            if not nested:   # only a capital or a digit can start another name among the context words
                for a, b in ((start, core[0]), (core[1], end)):
                    if any(c.isupper() or c.isdigit() for c in text[a:b]):
                        out += _hits(text, lang, a, b, True)
            start, end = core
        out.append(NamedHit(start, end, base, name, label, kind))
    return sorted(out, key=lambda x: x.start)


def find_named(text: str, lang: str) -> list[NamedHit]:
    """Every named event or product in the text, non-overlapping, in text order."""
    return _hits(text, lang, 0, len(text), False)


def find(text: str, lang: str) -> list[tuple[int, int, str, str]]:
    """(char start, char end, base form, label) of every named event or product: the base is the nominative of
    the name or alias written there ("Brexitu" -> "Brexit", "Nord Streamu 2" -> "Nord Stream 2")."""
    return [(h.start, h.end, h.base, h.label) for h in find_named(text, lang)]
