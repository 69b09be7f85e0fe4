"""Events stage ("kronika_events"): who did what to whom, in PLOVER, with modality and the evidence sentence.

Runs after the actor stage (doc.spans["kronika_actors"]) and, when present, the quotes stage. Only sentences that
hold an actor mention are examined, and only tokens whose lemma opens a lexicon predicate, so the stage stays cheap.
Precision first: an event needs a source actor found by syntax (or a quote's speaker), and a predicate whose
object condition holds; each (source, type, target) is given once per article, the clearest evidence kept.
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from kronika.events import arguments, english_args
from kronika.events.domestic import DOMESTIC_TYPES, STATE_ACTS, domestic_target
from kronika.events.assemble import better as _better, event as _event, main_verb as _main_verb, pairs as _pairs, \
    polity_sources as _polity_sources, sector as _sector, speaker as _speaker
from kronika.events.placed import placed_source, victim_args
from kronika.events.lexicon import Lexicon, Predicate, english_lemma, load as load_lexicon
from kronika.events.matching import (conditions_hold, find_object, finite, nominal_readings, surface,
                                     transitivity_fits)
from kronika.events.mentions import (Mention, english_mentions, passive_reading, polish_mentions, sector_nouns,
                                     tag_class, verb_class)
from kronika.events.modality import cues as modality_cues, modality
from kronika.pipeline import extensions
from kronika.pipeline.extensions import ACTOR_MENTIONS, EVENTS, PLACE_MENTIONS, QUOTES

extensions.register()

# verbal acts that may take the addressee of the act they announce or ask for
_CONTENT_TYPES = frozenset({"THREATEN", "REQUEST", "AGREE", "REJECT"})
# types that are often reported without an addressee; any other type without a target is too vague to emit
TARGETLESS = frozenset({"MOBILIZE", "PROTEST"})
# de-escalations that need no addressee: declare a ceasefire, demobilise, surrender (CAMEO 0871, 0873, 0874)
_UNADDRESSED_RETREAT = frozenset({"0871", "0873", "0874"})
# verbal acts reported with no addressee that still say what a polity did (its source named in the clause)
_OPEN_ENDED = frozenset({"AGREE", "REJECT", "CONCEDE"})
# verbal reactions whose object may be another actor's act, and the acts that have an author worth coding
_REACTIONS = frozenset({"ACCUSE", "SUPPORT", "REJECT"})
# acts whose explicit negation by their would-be agent is a refusal (PLOVER REJECT)
_REFUSABLE = frozenset({"AGREE", "CONCEDE"})
_AUTHORED = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN", "AID", "RETREAT"})
_PL_VERB = frozenset({"fin", "praet", "inf", "impt", "imps", "ppas", "pact", "pcon", "pant", "winien"})
_PL_NOUN = frozenset({"subst", "depr"})
_BOUNDARY = {
    "pl": {",", ";", ":", "–", "—", "(", ")", "że", "który", "która", "które", "którzy", "których", "gdy", "jeśli",
           "jeżeli", "ponieważ", "bo", "aby", "żeby", "choć", "chociaż", "ale", "lecz", "natomiast", "gdyby", "zaś",
           "podczas", "dopóki", "zanim", "kiedy"},
    "en": {",", ";", ":", "—", "–", "(", ")", "that", "which", "who", "while", "whereas", "because", "if", "unless",
           "but", "although", "though", "after", "before", "when", "as"},
}
_EN_NOMINAL_BEFORE = {"the", "a", "an", "its", "their", "his", "her", "this", "these", "those", "'s", "’s", "new",
                      "further", "fresh", "more", "of", "any", "no", "recent", "latest"}


@Language.factory("kronika_events", default_config={"min_confidence": 0.4}, requires=["doc.sents"])
def make_events(nlp: Language, name: str, min_confidence: float) -> "EventStage":
    return EventStage(nlp.lang, min_confidence)


class EventStage:
    """spaCy component; holds the language's lexicon, nothing per document."""

    def __init__(self, lang: str, min_confidence: float = 0.4) -> None:
        self.lang = lang if lang in ("pl", "en") else "en"
        self.lexicon: Lexicon = load_lexicon(self.lang)
        self.min_confidence = min_confidence

    def __call__(self, doc: Doc) -> Doc:
        actor_spans = sorted(doc.spans[ACTOR_MENTIONS], key=lambda s: s.start) if ACTOR_MENTIONS in doc.spans \
            else []
        found: dict[tuple, tuple[Span, dict]] = {}
        if (actor_spans or doc.spans.get(PLACE_MENTIONS)) and doc.has_annotation("SENT_START"):
            year = _published_year(doc)
            quotes = list(doc.spans[QUOTES]) if QUOTES in doc.spans else []
            places = list(doc.spans[PLACE_MENTIONS]) if PLACE_MENTIONS in doc.spans else []
            prev_subject: list[Mention] = []
            k = 0
            for sent in doc.sents:
                while k < len(actor_spans) and actor_spans[k].start < sent.start:
                    k += 1
                spans = []
                j = k
                while j < len(actor_spans) and actor_spans[j].end <= sent.end:
                    spans.append(actor_spans[j])
                    j += 1
                if not spans and not any(sent.start <= p.start < sent.end for p in places):
                    if not self._keeps_topic(sent):
                        prev_subject = []
                    continue
                for ev_span, ev in self._sentence(sent, spans, prev_subject, quotes, year):
                    key = (ev["source"]["actor"], ev["type"], (ev["target"] or {}).get("actor"))
                    old = found.get(key)
                    if old is None or _better(ev, old[1]):
                        found[key] = (ev_span, ev)
                prev_subject = (self._subject_of(sent, spans) if spans else []) or (prev_subject if self._keeps_topic(sent) else [])
        out = sorted(found.values(), key=lambda p: (p[0].start, p[1]["type"]))
        group = []
        used: set[tuple[int, int]] = set()
        for sp, ev in out:
            s = _unique_span(sp, used, ev["type"])
            s._.event = ev
            group.append(s)
        doc.spans[EVENTS] = group
        doc._.events = [ev for _sp, ev in out]
        return doc

    # -- one sentence ---------------------------------------------------------------------------------------------
    def _sentence(self, sent: Span, spans: list[Span], prev_subject: list[Mention], quotes: list[Span],
                  year: int | None):
        lemmas = [self._lemma(t) for t in sent]
        covered = {i for sp in spans for i in range(sp.start, sp.end)}
        preds = []
        cache: dict = {}
        for off, tok in enumerate(sent):
            if tok.i in covered:
                continue
            for row, extra in self._rows(sent, off, lemmas, cache):
                preds.append((tok, row, extra))
                break
        owned = {t.i for _t, _r, extra in preds for t in extra}
        inner = self._inner_acts(sent, preds, lemmas, cache)
        preds = [p for p in preds if p[0].i not in owned] + [(t, r, e) for t, r, e, _o in inner]
        inner_of = {t.i: o.i for t, _r, _e, o in inner}
        if not preds:
            return
        skip = {t.i for t, _r, _e in preds}
        mentions = polish_mentions(sent, spans, skip) if self.lang == "pl" else english_mentions(sent, spans)
        places = [p for p in sent.doc.spans[PLACE_MENTIONS] if sent.start <= p.start < sent.end] \
            if PLACE_MENTIONS in sent.doc.spans else []
        results = []
        pending = []
        for tok, row, extra in preds:
            clause = self._clause(sent, tok)
            nominal = tok.i in inner_of or (self._en_nominal(tok, mentions) if self.lang == "en"
                                            else row.pos in ("noun", "ger"))
            if self.lang == "pl":
                args = arguments.polish(tok, row, clause, mentions, prev_subject, {t.i for t in extra} | owned,
                                        places)
            else:
                args = english_args.english(tok, row, clause, mentions, prev_subject, nominal, places)
            speaker = _speaker(tok, quotes)
            placed = None
            if (args is None or not args.sources) and not speaker and \
                    (placed := placed_source(tok, row.type, clause, mentions, places, self.lang)) is not None:
                # a role noun acting in a place ('sąd w Los Angeles skazał'): a stand-in subject of that polity
                more = sorted([*mentions, placed], key=lambda m: m.start)
                args = arguments.polish(tok, row, clause, more, [], {t.i for t in extra} | owned, places) \
                    if self.lang == "pl" else english_args.english(tok, row, clause, more, [], nominal, places)
                if args is not None and not any(m.start == placed.start and m.code == placed.code for m in args.sources):
                    args = None
            if args is None and row.type == "ASSAULT" and not speaker and ("victim" in row.preps or self.lang == "en"
                                                                           and english_args.is_passive(tok)):
                got = victim_args(tok, clause, mentions, places, self.lang)
                args = arguments.Args([got[0]], got[1], 0.5) if got else None
            if speaker and (args is None or args.carried) and (self.lang != "pl" or arguments.speaker_act(tok, row)):
                args = arguments.Args([], args.targets if args else [], 0.6)
            if args is None or args.confidence < self.min_confidence or tok.i in inner_of and (
                    not args.sources or any(m.start < inner_of[tok.i] for m in args.sources)):
                continue                            # an act named by a reaction needs its own author in its phrase
            governor = self._governor(clause, tok)
            c_lemmas = lemmas[clause.start - sent.start: clause.end - sent.start]
            mod = modality(clause, tok, c_lemmas, self.lang, year, governor, tuple(extra))
            refused = mod == "negated" and row.type in _REFUSABLE and not nominal
            fallback = None
            if not args.targets and row.type in DOMESTIC_TYPES and not nominal:
                fallback = domestic_target(clause, c_lemmas, tok, skip, args.sources, mentions, places, self.lang)
                if fallback is None and (row.cameo or "").startswith("082"):
                    # strikers or protesters calling off their action yield to their own government
                    fallback = {"actor": None, "sector": "GOV", "text": None, "start": None, "end": None}
                if fallback is None and placed is not None:
                    # a court's or police act hits someone in its own country; citizens, unions, parties that
                    # demand, refuse or yield address their own government
                    civil = placed.sector not in ("JUD", "COP", "REB", "CRM") and row.type not in STATE_ACTS
                    if row.type in STATE_ACTS or civil:
                        fallback = {"actor": None, "sector": "GOV" if civil else None, "text": None, "start": None,
                                    "end": None}
            # an act that has no addressee by its nature ('resigned', 'skapitulował'): a bare verb row
            bare = row.type in TARGETLESS or row.type == "RETREAT" and not nominal and row.pos == "verb" and (
                not row.preps and (not row.objects or (row.cameo or "").startswith("083"))
                or (row.cameo or "") in _UNADDRESSED_RETREAT and _main_verb(tok, self.lang)
                or row.unaddressed and (_main_verb(tok, self.lang) or verb_class(tok) == "ppas"))
            evs = [(_evidence(sent, [tok, *extra], src, tgt), ev) for src, tgt in _pairs(args, row.type, speaker,
                                                                                          fallback, bare)
                   if (ev := _event(row, src, tgt, mod, args.confidence)) is not None]
            if refused:
                # 'nie zgodził się', 'will not accept', 'failed to reach agreement': the refusal is the event
                row = replace(row, type="REJECT", cameo="120", mode=None)
                evs = [(sp, _event(row, ev["source"], ev["target"], "asserted", ev["confidence"])) for sp, ev in evs]
            if evs:
                results.append((tok, row, governor, evs))
            elif not args.targets and (row.type in _CONTENT_TYPES or row.type in _OPEN_ENDED):
                if not refused or "acc" not in row.preps:
                    # a transitive act missing its object under negation ('nie zaproszą rządu RPA') lost the object
                    # to the genitive of negation; no refusal without an addressee is read from it
                    pending.append((tok, row, args, speaker, "asserted" if refused else mod, extra, nominal))
        # 'threatened to break off relations with X', 'zagroził wprowadzeniem sankcji wobec X': a verbal act with no
        # addressee of its own is aimed at the target of the act it announces
        for tok, row, args, speaker, mod, extra, nominal in pending:
            governed = False
            for t2, _r, gov, evs in results if row.type in _CONTENT_TYPES else ():
                if not (gov is not None and gov.i == tok.i or _governs(tok, t2)):
                    continue
                governed = True
                tgt = next((ev["target"] for _sp, ev in evs if ev["target"] and ev["target"].get("actor")), None)
                if tgt is None:
                    continue
                srcs = [m.as_arg(_sector(m)) for m in args.sources] or ([speaker] if speaker else [])
                results.append((tok, row, None, [(_evidence(sent, [tok, *extra], src, tgt), ev) for src in srcs
                                                 if src.get("sector") != "-" and src["actor"] != tgt["actor"]
                                                 and (ev := _event(row, src, tgt, mod, args.confidence - 0.1))]))
                break
            else:
                if not governed and row.type in _OPEN_ENDED and args.sources and not args.carried and not nominal \
                        and _main_verb(tok, self.lang):
                    # 'X and Y have agreed to share information', 'X refused': the act itself is the event, with
                    # no addressee (FORMAT: target null when there is none); 'did not agree' came as REJECT
                    results.append((tok, row, None, [(_evidence(sent, [tok, *extra], src, None), ev)
                                                     for src in _polity_sources(args.sources, self.lang)
                                                     if (ev := _event(row, src, None, mod, args.confidence - 0.1))]))
        # a promise whose content is itself an event ('zobowiązał się nałożyć sankcje', 'pledged to send aid') is
        # coded as that event (future), not as AGREE besides it
        results = _aim_at_author(results, inner)
        promised = {gov.i for _t, _r, gov, _e in results if gov is not None}
        if self.lang == "en":   # 'announced it would provide aid': the announced act hangs from the verb's clause
            promised |= {t.head.i for t, _r, _g, _e in results if t.dep_ in ("ccomp", "xcomp") and t.head is not t}
        commit = _commitment_lemmas(self.lang)
        for tok, row, _gov, evs in results:
            if row.type == "AGREE" and tok.i in promised and lemmas[tok.i - sent.start] in commit:
                continue
            yield from evs

    def _inner_acts(self, sent: Span, preds: list, lemmas: list[str], cache: dict) -> list[tuple]:
        """Acts named as the object of a reaction ('condemned the Russian raid on Ukraine', 'potępił atak'): the
        object noun is an event of its own when its source is explicit (the arguments stage checks that).
        (token, row, its tokens, the reaction's token) for each."""
        out = []
        for tok, row, extra in preds:
            if row.type not in _REACTIONS:
                continue
            for t in extra:
                # the object of a pattern is a noun whatever the tagger says ('the Russian raid/VBD')
                row2 = next((r for r in self.lexicon.candidates(lemmas[t.i - sent.start]) if r.pos != "verb"
                             and len(r.lemmas) == 1 and not r.objects and not r.when), None)
                if row2 is not None and row2.type in _AUTHORED:
                    out.append((t, row2, [], tok))
        return out

    @property
    def _BOUNDS(self) -> set[str]:
        return _BOUNDARY[self.lang]

    def _rows(self, sent: Span, off: int, lemmas: list[str], cache: dict | None = None):
        """Lexicon rows that the token at `off` opens, most specific first: (row, tokens that belong to it)."""
        tok = sent[off]
        lem = lemmas[off]
        rows = self.lexicon.candidates(lem)
        if not rows:
            return
        if self.lang == "pl":
            cls = verb_class(tok)
            pos_ok = {"verb"} if cls in _PL_VERB else {"ger"} if cls == "ger" else {"noun"} if cls in _PL_NOUN \
                else set()
            if cls == "ger":
                pos_ok.add("verb")
        else:
            pos_ok = english_args.row_pos(tok)
            prefer = "noun" if self._en_nominal(tok, []) else "verb"
            rows = sorted(rows, key=lambda r: (not r.objects, r.conditional, r.pos != prefer))
        window_hi = min(len(lemmas), off + 9)
        missed: list[tuple[Predicate, list[Token]]] = []
        window_lo = max(0, off - 4)
        plain = None
        alts = None
        for row in rows:
            if row.pos not in pos_ok:
                continue
            n = len(row.lemmas)
            if (n > 1 or row.when or row.objects) and alts is None:
                cache = {} if cache is None else cache
                alts = cache.get("alts") or cache.setdefault("alts", nominal_readings(sent, lemmas)
                                                              if self.lang == "pl" else surface(sent, lemmas))
            if n > 1 and tuple(lemmas[off:off + n]) != row.lemmas and not (
                    alts is not None and off + n <= len(alts) and all(w in alts[off + q] for q, w in
                                                                       enumerate(row.lemmas))):
                continue
            extra = [sent[off + q] for q in range(1, n)]
            if row.when and not conditions_hold(row, sent, off, alts or lemmas, self._BOUNDS):
                continue
            if row.objects:
                hit = find_object(lemmas, row.objects, off + n, window_hi, window_lo, off, alts)
                if hit is not None and self.lang == "pl" and row.preps & {"acc", "dat"} and _in_pp(sent, hit[0]):
                    hit = None      # "zwrócił się do Niemiec ... na swoim terytorium": no direct object
                if hit is None:
                    missed.append((row, extra))
                    continue
                yield row, extra + [sent[q] for q in hit]
                return
            if plain is None or self.lang == "en" and transitivity_fits(tok, row) and \
                    not transitivity_fits(tok, plain[0]):
                # "forces struck targets" (transitive: ASSAULT) vs "workers struck" (intransitive: PROTEST)
                plain = (row, extra)
        # an object further off, past an apposition ('wezwała agencję ONZ ds. żywności, WFP, do wstrzymania
        # dostaw'), while no clause boundary or other finite verb intervenes
        far_hi = off + 1 if missed else window_hi
        while missed and far_hi < min(len(lemmas), off + 15) and sent[far_hi].lower_ not in self._BOUNDS - {","} \
                and not finite(sent[far_hi], self.lang):
            far_hi += 1
        for row, extra in missed if far_hi > window_hi else ():
            hit = find_object(lemmas, row.objects, window_hi, far_hi, off, off, alts)
            if hit is not None and not (self.lang == "pl" and row.preps & {"acc", "dat"} and _in_pp(sent, hit[0])):
                yield row, extra + [sent[q] for q in hit]
                return
        if plain is not None:
            yield plain

    def _lemma(self, tok: Token) -> str:
        if self.lang == "pl":
            lem = passive_reading(tok) or (tok.lemma_ or tok.text).lower()
            cls = tag_class(tok)
            if lem not in self.lexicon and cls in _PL_VERB:
                # the tagger's lemma may be a wrong verb ('udzieli' -> 'udziać'): a verbal morfeusz reading of the
                # same form whose lemma is a predicate is taken instead
                alt = next((r.split(":", 1)[0].lower() for r, tag in tok._.readings or ()
                            if tag.split(":", 1)[0] in _PL_VERB and r.split(":", 1)[0].lower() in self.lexicon), None)
                return alt or lem
            return lem
        if tok.lemma_ and tok.lemma_ != tok.text or tok.doc.has_annotation("LEMMA") and tok.lemma_:
            lem = tok.lemma_.lower()
            if lem in self.lexicon or lem in self.lexicon.object_lemmas or not tok.is_alpha:
                return lem
            guess = english_lemma(tok.text, self.lexicon)   # the trained lemmatizer's misses: 'expelled'->'expell'
            return guess if guess in self.lexicon or guess in self.lexicon.object_lemmas else lem
        return english_lemma(tok.text, self.lexicon)

    def _clause(self, sent: Span, tok: Token) -> Span:
        bounds = _BOUNDARY[self.lang]
        doc = sent.doc
        lo = tok.i
        while lo > sent.start and doc[lo - 1].lower_ not in bounds and doc[lo].lower_ not in bounds:
            lo -= 1
        hi = tok.i + 1
        while hi < sent.end and doc[hi].lower_ not in bounds:
            hi += 1
        return doc[lo:hi]

    def _governor(self, clause: Span, tok: Token) -> Token | None:
        """The finite verb before an infinitive predicate ('zobowiązał się egzekwować', 'plans to impose')."""
        if self.lang == "pl":
            if tag_class(tok) not in ("inf", "ger", "subst"):
                return None
            for t in reversed(clause.doc[clause.start:tok.i]):
                if tag_class(t) in ("fin", "praet", "bedzie"):
                    return t
            return None
        if tok.i > 0 and tok.doc[tok.i - 1].lower_ == "to" and tok.i - 2 >= clause.start:
            return tok.doc[tok.i - 2]
        return None

    def _en_nominal(self, tok: Token, mentions: list[Mention]) -> bool:
        if tok.i == 0:
            return False
        prev = tok.doc[tok.i - 1]
        if tok.doc.has_annotation("TAG") and tok.tag_:
            return tok.tag_.startswith("NN")
        return prev.lower_ in _EN_NOMINAL_BEFORE or any(m.end == tok.i and m.adjective for m in mentions)

    def _keeps_topic(self, sent: Span) -> bool:
        """Whether a Polish sentence leaves the previous subject in force: its first finite verb has no nominative
        noun before it, or only a role noun that points back ('państwo', 'władze', 'kraj'); English: a pronoun
        subject ('He objected ...')."""
        if self.lang != "pl":
            return english_args.keeps_topic(sent)
        nouns = sector_nouns("pl")
        for tok in sent:
            cls = tag_class(tok)
            if cls in ("fin", "praet", "bedzie"):
                return True
            if cls in ("subst", "depr", "ppron3") and tok.morph.get("Case") == ["Nom"] and \
                    tok.lemma_.lower() not in nouns:
                return False
        return False

    def _subject_of(self, sent: Span, spans: list[Span]) -> list[Mention]:
        """The sentence's leading nominative actor (for a dropped subject, or an English pronoun, next)."""
        if self.lang != "pl":
            return english_args.subject_of(sent, spans)
        ms = polish_mentions(sent, spans, set())
        for m in ms:
            if m.prep is None and "nom" in m.cases and not m.adjective:
                return list(m.group)
        return []


def _aim_at_author(results: list, inner: list) -> list:
    """A reaction to an act whose author is named is aimed at that author ('condemned the Russian raid on Ukraine'
    -> ACCUSE RUS, not UKR)."""
    if not inner:
        return results
    authors: dict[int, list[dict]] = {}
    for tok, _r, _g, evs in results:
        authors[tok.i] = [ev["source"] for _sp, ev in evs if ev["source"].get("actor")]
    out = []
    for tok, row, gov, evs in results:
        srcs = [a for t, _r2, _e2, outer in inner if outer.i == tok.i for a in authors.get(t.i, [])]
        if srcs and evs:
            new, seen = [], set()
            for sp, ev in evs:
                for a in srcs:
                    if a["actor"] != ev["source"]["actor"] and (ev["source"]["actor"], a["actor"]) not in seen:
                        seen.add((ev["source"]["actor"], a["actor"]))
                        new.append((sp, dict(ev, target=dict(a, sector=a.get("sector")))))
            evs = new or evs
        out.append((tok, row, gov, evs))
    return out


def _governs(head: Token, tok: Token) -> bool:
    """Whether `tok` is the act that `head` announces in a dependency parse: reached from `tok` through at most
    three clausal complements ('willing to send material to help defend')."""
    if not tok.doc.has_annotation("DEP"):
        return False
    t = tok
    for _ in range(3):
        if t.dep_ not in ("xcomp", "ccomp", "advcl") or t.head.i == t.i:
            return False
        t = t.head
        if t.i == head.i:
            return True
    return False


@lru_cache(maxsize=2)
def _commitment_lemmas(lang: str) -> frozenset[str]:
    """Verbs that announce or promise what they govern (modality_cues.tsv: future, over an infinitive or a clause:
    'pledged to send', 'announced it would provide')."""
    return frozenset(c.lemmas[0] for cs in modality_cues(lang).by_first.values() for c in cs
                     if c.modality == "future" and c.scope in ("governs_inf", "clause") and len(c.lemmas) == 1)


def _in_pp(sent: Span, q: int) -> bool:
    """Whether the noun at sentence offset q stands in a locative prepositional phrase ("na swoim terytorium"),
    its modifiers skipped: a place, never the thing a verb acts on ("do opuszczenia kraju" may be)."""
    k = q - 1
    while k >= 0 and sent[k].tag_.split(":", 1)[0] in ("adj", "num", "pact", "ppas", "ppron3"):
        k -= 1
    return k >= 0 and sent[k].tag_.startswith("prep:loc")


def _evidence(sent: Span, pred_tokens: list[Token], src: dict, tgt: dict | None) -> Span:
    """The stretch of the sentence from the first to the last of source, predicate and target."""
    lo = min(t.idx for t in pred_tokens)
    hi = max(t.idx + len(t) for t in pred_tokens)
    for arg in (src, tgt):
        if arg and arg.get("start") is not None and sent.start_char <= arg["start"] < sent.end_char:
            lo, hi = min(lo, arg["start"]), max(hi, arg["end"])
    return sent.doc.char_span(lo, hi, alignment_mode="expand") or sent


def _unique_span(sp: Span, used: set[tuple[int, int]], label: str) -> Span:
    """A span over the evidence whose character offsets no other event uses: spaCy keys Span extensions by offsets,
    so two events over the same stretch would share one `_.event`. Grows the stretch a token at a time."""
    doc = sp.doc
    sent = sp.sent
    start, end = sp.start, sp.end
    step = 0
    while (doc[start:end].start_char, doc[start:end].end_char) in used:
        step += 1
        if step % 2 and end < sent.end:
            end += 1
        elif start > sent.start:
            start -= 1
        elif end < len(doc):
            end += 1
        else:
            break
    out = Span(doc, start, end, label=label)
    used.add((out.start_char, out.end_char))
    return out


def _published_year(doc: Doc) -> int | None:
    meta = doc._.meta or {}
    pub = meta.get("published") or (doc._.record or {}).get("published") or ""
    try:
        return int(str(pub)[:4])
    except ValueError:
        return None
