"""Quotes with their speakers: direct speech (quotation marks, Polish dash-led speech, "Name: words" headlines) and
reported speech (content clauses, opinion cues), each attributed to the fullest name the article gives its speaker.

A quoted phrase is speech when something attributes it: a speech verb after its closing mark or dash ("– powiedział
X", '", he said'), a colon after a verb or name before it, a speech verb or opinion cue in its sentence (partial
quotes), or a length of five words or more (then it belongs to the nearest earlier speaker). Short unattributed
phrases are scare quotes or titles and are skipped. Lexicons: lang/<lang>/data/speech_verbs.tsv, speech_cues.tsv,
quote_words.tsv (see quotes/lexicon.py).
"""
from __future__ import annotations

import re
from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc, Span

from kronika.pipeline import extensions
from kronika.pipeline.extensions import ACTOR_MENTIONS, QUOTES, SOURCE_MENTIONS
from kronika.quotes import direct as dq
from kronika.quotes import indirect as iq
from kronika.quotes import lexicon as lx
from kronika.quotes import linking as lk
from kronika.quotes import narrative as nq
from kronika.quotes import parsed as pq
from kronika.quotes import speakers as spk

extensions.register()

_MIN_UNATTRIBUTED_WORDS = 5
_NOT_SPEAKING = ("ppas", "ger")   # "został zapytany", "stwierdzenie": no speaker stands as their subject
_HEADLINE = re.compile(r"^\s*((?:[A-ZĄĆĘŁŃÓŚŹŻ][\w\-'’.]*\s?){1,3}):\s+(\S.{8,})$")


@Language.factory("kronika_quotes", default_config={}, assigns=["doc.spans"], requires=["token.is_sent_start"])
def make_quotes(nlp: Language, name: str) -> "QuoteStage":
    return QuoteStage(nlp.lang)


_CLOSERS = frozenset({"\"", "”", "“", "»", "’", "''"})
_SIGN_DASHES = frozenset({"―", "—", "–"})

class QuoteStage:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.lex = lx.load(lang)

    # ------------------------------------------------------------------------------------------------ helpers
    def _tok_at(self, doc: Doc, char: int, after: bool = True) -> int | None:
        """The token covering (or first after) a character offset; a bisect over the doc's token offsets."""
        idx = self._idx
        if not idx or char >= self._len:
            return None if after else len(doc) - 1
        i = bisect_right(idx, char) - 1
        if i < 0:
            return 0
        tok = doc[i]
        return i if char < tok.idx + len(tok.text) or i + 1 >= len(doc) else i + 1

    def _verb_in(self, verbs: dict, s: int, e: int, first: bool = True) -> int | None:
        hits = [v for v in verbs if s <= v < e]
        if not hits:
            return None
        return min(hits) if first else max(hits)

    def _attr_after(self, doc: Doc, t: int, verbs: dict) -> int | None:
        """A speech verb within the first tokens after a closing mark/dash: '– powiedział', ', he said'."""
        n = len(doc)
        k = t
        # a full stop after the closing mark, or one closing the quoted sentence itself ('… ever." The Kremlin
        # said'), ends the sentence: what follows is a new one; a line break starts a new paragraph
        ended = t > 1 and doc[t - 2].text == "." and doc[t - 1].text in '"”»\''
        while k < n and (doc[k].text in ",.–—-" or doc[k].is_space) and k - t < 3:
            if "\n" in doc[k].text:
                return None
            ended = ended or doc[k].text == "."
            k += 1
        if ended and doc[k - 1].text not in "–—-" and (k >= n or self.lex.kind_of(doc[k].text) != "back_reference"):
            return None
        for j in range(k, min(n, k + 5)):
            if j in verbs:
                return j
            if doc[j].text in ".!?\"„”“«»:;" or (doc[j].text in "–—-" and j > k):
                return None
        return None

    @staticmethod
    def _signed(doc: Doc, t_close: int) -> tuple[int, int] | None:
        """A quotation signed with a dash and a name that ends the line or sentence: '“…” ― Anna Nowak'."""
        n, k = len(doc), t_close
        while k < n and (doc[k].text in _CLOSERS or doc[k].is_space) and k - t_close < 3:
            k += 1
        if k >= n or doc[k].text not in _SIGN_DASHES:
            return None
        k += 1
        while k < n and doc[k].is_space:
            k += 1
        j = spk._name_run(doc, k, n)
        if not 1 <= j - k <= 5:
            return None
        if j < n and not (doc[j].is_space and "\n" in doc[j].text or doc[j].text in ".;" or
                          doc[j].text in _CLOSERS or doc[j].text in "“„\""):
            return None
        return k, j

    def _subject(self, doc: Doc, v: int, lo: int, hi: int, outlets: set[int], prefer_after: bool) -> spk.Speaker | None:
        order = ("after", "before") if prefer_after else ("before", "after")
        for side in order:
            sp = (spk.after_verb(doc, v, hi, self.lex, outlets) if side == "after"
                  else spk.before_verb(doc, v, lo, self.lex))
            if sp is not None:
                return sp
        return None

    # ------------------------------------------------------------------------------------------------ main
    def __call__(self, doc: Doc) -> Doc:
        lex = self.lex
        text = lx.doc_text(doc)
        self._idx = [t.idx for t in doc]
        self._len = len(text)
        verbs = {}
        for tok in doc:
            got = lx.speech_verb(tok, lex)
            if got and not got[1].startswith(_NOT_SPEAKING):
                verbs[tok.i] = got
        outlets = set()
        if SOURCE_MENTIONS in doc.spans:
            for s in doc.spans[SOURCE_MENTIONS]:
                outlets.update(range(s.start, s.end))
        found: list[dict] = []   # {start, end (chars), kind, speaker, verb, pos}

        def add(s: int, e: int, kind: str, speaker, verb: int | None, pos: int, cue: str | None = None) -> None:
            found.append({"start": s, "end": e, "kind": kind, "speaker": speaker, "verb": verb, "pos": pos,
                          "cue": cue})

        def attribution_at(k: int) -> bool:
            t = self._tok_at(doc, k + 2)
            if t is None or not doc[t].text[:1].islower():
                return False
            return self._attr_after(doc, t, verbs) is not None

        cands = dq.quote_marks(text)
        def speaker_at(k: int) -> bool:
            """The attribution after the dash at k names its own speaker, not a parenthetical "– jak podaje X" or
            a media outlet ("– przypomina Agencja Reutera": a source, not speech)."""
            t = self._tok_at(doc, k + 2)
            if t is None or doc[t].lower_ == "jak":
                return False
            v = self._attr_after(doc, t, verbs)
            j = v + 1 if v is not None else len(doc)
            while j < len(doc) and (doc[j].is_space or doc[j].text in '"„“«' or doc[j].lower_ in ("w", "we")):
                j += 1                            # '– podaje „Rzeczpospolita”', '– czytamy w „Fakcie”'
            return v is not None and j not in outlets

        if self.lang == "pl":
            cands += dq.dash_speech(text, attribution_at)
            cands += dq.headless_dash(text, speaker_at, cands)
        cands.sort(key=lambda c: (c.start, -c.end))
        cands = [c for k, c in enumerate(cands)     # a quotation inside another is part of that speech
                 if not any(o.start <= c.open_at and c.close_at <= o.end and o is not c for o in cands[:k])]
        opinion_list = iq.opinions(doc, lex, outlets)
        quoted = set()        # a verb inside some quotation attributes no other quotation
        for c in cands:
            q = doc.char_span(c.start, c.end, alignment_mode="expand")
            if q is not None:
                quoted.update(range(q.start, q.end))
        signatures: list[tuple[int, int]] = []   # names that sign a quotation are no dash-led speech themselves
        for c in cands:
            if c.style == "dash" and any(a < c.end and c.start < b for a, b in signatures):
                continue
            t_open = self._tok_at(doc, c.open_at)
            if t_open is None or c.style == "mark" and self._named_term(doc, t_open):
                continue
            sent = doc[t_open].sent
            speaker, verb = None, None
            attributed = False
            t_close = self._tok_at(doc, c.close_at) if c.close_at < len(text) else len(doc)
            t_close = len(doc) if t_close is None else t_close
            if c.style == "dash" and c.attr_dash >= 0:
                t_attr = self._tok_at(doc, c.attr_dash)
                v = self._attr_after(doc, t_attr + 1, verbs) if t_attr is not None else None
                if v is not None:
                    verb, attributed = v, True
                    hi = doc[v].sent.end
                    speaker = self._subject(doc, v, t_attr + 1, hi, outlets, True)
            elif c.style == "mark":
                v = self._attr_after(doc, t_close, verbs) if t_close < len(doc) else None
                if v is not None:
                    verb, attributed = v, True
                    speaker = self._subject(doc, v, t_close, doc[v].sent.end, outlets, self.lang == "pl")
                elif (signed := self._signed(doc, t_close)) is not None:
                    attributed = True       # '“…” ― Anna Nowak': a name after a dash closes the quotation
                    speaker = spk._from_np(doc, *signed, lex)
                    signatures.append((doc[signed[0]].idx, doc[signed[1] - 1].idx + len(doc[signed[1] - 1])))
                elif t_open > 0 and doc[t_open - 1].text in (":", "–", "—") or (
                        t_open > 1 and doc[t_open - 1].text in "–—-" and doc[t_open - 2].text == ":"):
                    colon = t_open - 1 if doc[t_open - 1].text == ":" else t_open - 2
                    v = self._verb_in(verbs, sent.start, colon, first=False)
                    if doc[colon].text == ":":
                        attributed = True
                        if v is not None:
                            verb = v
                            speaker = self._subject(doc, v, sent.start, colon, outlets, self.lang == "pl")
                        else:
                            s0 = colon
                            while s0 > sent.start and doc[s0 - 1].text not in ",.;\"„”" and colon - s0 < 6:
                                s0 -= 1
                            speaker = spk._from_np(doc, s0, colon, lex)
                if not attributed:
                    inside = range(t_open, t_close)
                    outside = [v for v in verbs if sent.start <= v < sent.end and v not in inside and v not in quoted]
                    outside = [v for v in outside if "direct" in verbs[v][0].frames or self._comp_between(doc, v, t_open)]
                    ops = [o for o in opinion_list if sent.start <= o.verb < t_open]
                    np = ops[0].np if ops else self._opinion_np(doc, sent.start, t_open)
                    if np:
                        speaker = spk._from_np(doc, *np, lex, inflected=True)
                        attributed = True
                    elif outside:
                        v = min(outside, key=lambda x: abs(x - t_open))
                        verb, attributed = v, True
                        speaker = self._subject(doc, v, sent.start, t_open if v < t_open else sent.end,
                                                outlets, False)
            content = text[c.start:c.end]
            c_span = doc.char_span(c.start, c.end, alignment_mode="expand")
            if c_span is None or all(k in outlets for k in range(c_span.start, c_span.end)):
                continue
            if not attributed:
                words = len(content.split())
                # a short full sentence quoted right after someone's quotation in one paragraph goes on with it
                goes_on = content[:1].isupper() and content.rstrip()[-1:] in ".!?" and bool(found) and \
                    found[-1]["kind"] == "direct" and "\n" not in text[found[-1]["end"]:c.start]
                if c.style == "mark" and (words < _MIN_UNATTRIBUTED_WORDS and not goes_on or content.istitle()):
                    continue     # a dash at a sentence start marks speech whatever its length
                if c.style == "dash":
                    c.end = self._cut_teaser(doc, c.start, c.end)
            add(c.start, c.end, "direct", speaker, verb, t_open, "quote" if c.style == "mark" else "dash")
            found[-1]["headless"] = c.style == "dash" and c.open_at == c.start     # dq.headless_dash
        self._headline(doc, add)
        direct_spans = [(f["start"], f["end"]) for f in found]
        if self.lang == "en" and doc.has_annotation("DEP"):
            reported = pq.reported(doc, verbs, lex)
            reported += [h for h in iq.headline_speech(doc, lex)
                         if not any(r.start < h.end and h.start < r.end for r in reported)]
        else:
            reported = iq.clauses(doc, verbs, lex) + iq.trailing(doc, verbs, lex)
        taken = [(r.start, r.end) for r in reported + opinion_list]
        reported += [r for r in iq.noun_clauses(doc, lex, verbs)
                     if not any(s <= r.start < e or r.start <= s < r.end for s, e in taken)]
        for r in reported + opinion_list:
            s_char, e_char = doc[r.start].idx, doc[r.end - 1].idx + len(doc[r.end - 1].text)
            if any(s < e_char and s_char < e for s, e in direct_spans):
                cut = nq.before_embedded(doc, r, direct_spans, self.lex)
                if cut is None:
                    continue
                r.end, e_char = cut, doc[cut - 1].idx + len(doc[cut - 1].text)
            if r.kind == "noun":
                speaker = spk._from_np(doc, r.np[0], r.np[1], lex, inflected=True) if r.np else None
                add(s_char, e_char, "indirect", speaker, None, r.verb, "noun")
                found[-1]["fixed"] = True     # no holder named: no earlier speaker is assumed either
                continue
            if r.kind == "opinion":
                np = r.np
                if np and any(k in outlets or spk.lx.lemmas(doc[k], lex) & spk.kb_nouns(lex) for k in range(*np)):
                    continue
                speaker = spk._from_np(doc, np[0], np[1], lex, inflected=True) if np else None
                verb = None
            elif r.subj is not None:
                verb = r.verb
                speaker = spk._from_np(doc, r.subj[0], r.subj[1], lex)
            elif r.kind == "clause":
                verb = r.verb
                hi = r.start - 1
                speaker = self._subject(doc, r.verb, doc[r.verb].sent.start, hi, outlets, self.lang == "pl")
                if speaker is None and self.lang == "pl":
                    speaker = nq.main_subject(doc, r.verb, self.lex)
            else:
                verb = r.verb
                lo = doc[r.verb].sent.start if r.kind == "bare" else r.end
                speaker = self._subject(doc, r.verb, lo, doc[r.verb].sent.end if r.kind == "after" else r.start,
                                        outlets, r.kind == "after")
            add(s_char, e_char, "indirect", speaker, verb, r.verb, r.cue)
        self._resolve(doc, found)
        self._write(doc, found)
        return doc

    def _named_term(self, doc: Doc, t_open: int) -> bool:
        """'tzw. „szara strefa”', 'the so-called "deal"', 'pod hasłem „...”': the quoted phrase is a name or term."""
        k = t_open - 1
        if k >= 0 and doc[k].text == "." and k > 0 and not doc[k - 1].whitespace_:
            k -= 1       # "tzw" + "." split by the tokenizer
        if k < 0:
            return False
        w = doc[k].text.lower()
        if k >= 2 and doc[k - 1].text in ("-", "‐") and not doc[k - 1].whitespace_:
            w = doc[k - 2].text.lower() + "-" + w          # "so-called" split into three tokens
        return self.lex.kind_of(w) == "scare" or self.lex.kind_of(w + ".") == "scare"

    def _comp_between(self, doc: Doc, v: int, t: int) -> bool:
        return v < t and any(self.lex.kind_of(doc[k].text) == "complementizer" for k in range(v + 1, t))

    def _opinion_np(self, doc: Doc, s: int, t_open: int) -> tuple[int, int] | None:
        """'Zdaniem "Wall Street Journal" ta sytuacja to "..."': an opinion cue opening the sentence, no comma."""
        m = lx.match_cue(doc, s, self.lex, ("opinion_prep",))
        if not m or m[1] >= t_open:
            return None
        e = m[1]
        if e < len(doc) and doc[e].text in '"„“«':
            q = e + 1
            while q < t_open and doc[q].text not in '"”“»':
                q += 1
            return (e + 1, q) if q > e + 1 and q < t_open else None
        k = e
        while k < t_open and doc[k].text[:1].isupper():
            k += 1
        return (e, k) if k > e else None

    def _cut_teaser(self, doc: Doc, s: int, e: int) -> int:
        """Unattributed dash speech stops at a teaser line ("ZOBACZ: ...") the flattened text runs into."""
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            return e
        for i in range(span.start, span.end - 1):
            t = doc[i]
            if doc[i + 1].text == ":" and (self.lex.kind_of(t.text) == "teaser" or (t.text.isupper() and len(t) > 3)):
                k = i
                while k > span.start and (doc[k - 1].is_punct or doc[k - 1].is_space):
                    k -= 1
                return doc[k - 1].idx + len(doc[k - 1].text) if k > span.start else e
        return e

    def _headline(self, doc: Doc, add) -> None:
        """A title line "Name: words" is a direct quote by Name."""
        first = lx.doc_text(doc).split("\n", 1)[0]
        m = _HEADLINE.match(first)
        if not m or self.lex.kind_of(m.group(1).split()[0]) in ("teaser", "credit"):
            return
        name_span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if name_span is None:
            return
        s, e = dq._strip(first, m.start(2), len(first.rstrip(".")))
        if any(t.like_num for t in name_span):
            return
        sp = spk.Speaker(m.group(1).strip(), name_span.start, name_span.end, "name")
        add(s, e, "direct", sp, None, 0, "headline")

    def _resolve(self, doc: Doc, found: list[dict]) -> None:
        """Names are linked first; then pronouns, bare verbs and unlinked person descriptions ("Ekspert") take the
        nearest earlier named speaker whose gender fits (an unattributed quote before any speaker takes the next
        one); unattributed dash speech right after a sentence that names a person is that person's."""
        found.sort(key=lambda f: (f["start"], f["end"]))
        skip = set()
        if SOURCE_MENTIONS in doc.spans:
            for o in doc.spans[SOURCE_MENTIONS]:
                skip.update(range(o.start, o.end))
        genders = {}
        for f in found:
            if f["speaker"] is not None and f["verb"] is not None and self.lang == "pl":
                g = self._gender(doc, f["verb"])
                if g is not None and f["speaker"].kind == "desc" and f["speaker"].start > 0:
                    allowed = spk.noun_genders(doc[f["speaker"].start], self.lex)
                    if allowed and g not in allowed:     # "potwierdziły epicentrum": no agreement, no subject
                        f["speaker"] = None
                        continue
                if g is not None:
                    genders[id(f["speaker"])] = g
                    if f["speaker"].kind in ("desc", "name") and g in ("m", "f"):
                        f["speaker"].gender = g      # "Plasencia przyznał": the verb knows the name's gender
        self._media_speakers(doc, found)
        self._introduced(doc, found)
        lk.link(doc, [f["speaker"] for f in found if f["speaker"] is not None and f["speaker"].kind != "pronoun"],
                self.lex, skip, genders)
        actor_spans = list(doc.spans[ACTOR_MENTIONS]) if ACTOR_MENTIONS in doc.spans else []
        meta = doc._.meta or {}
        date = meta.get("published_date") or (meta.get("published") or "")[:10] or None
        for f in found:                        # "rzecznik Kremla" -> the spokesman in office, when named
            sp = f["speaker"]
            if sp is not None and not sp.linked and (sp.kind == "desc" or sp.kind == "name" and
                                                       spk.common_cap(doc[sp.start], self.lex)):
                f["speaker"] = lk.office_holder(doc, sp, self.lex, date, actor_spans) or sp
        named = sorted(((f["pos"], f["speaker"]) for f in found if f["speaker"] is not None and
                        (f["speaker"].kind == "name" or f["speaker"].linked) and
                        not f["speaker"].extra.get("outlet")), key=lambda x: x[0])
        ordered = sorted(found, key=lambda f: f["pos"])
        def same_side(desc: spk.Speaker, person: spk.Speaker) -> bool:
            return lk.same_polity(doc, desc, person, self.lang, date, actor_spans)

        for f in ordered:                      # anaphoric descriptions: "Ekspert zauważył" -> the named expert
            sp = f["speaker"]
            if sp is None or sp.kind != "desc" or sp.linked or not spk.person_noun(doc[sp.start], self.lex):
                continue
            prev = next((s for p, s in reversed(named) if p <= f["pos"] and lk.compatible(s, sp.gender)
                         and same_side(sp, s)), None)
            prev = prev or next((s for p, s in named if p > f["pos"] and lk.compatible(s, sp.gender)
                                 and same_side(sp, s)), None)
            if prev is None and sp.end - sp.start == 1 and sp.gender != "pl":   # a bare "Ekspert": the last
                prev = lk.introduced(doc, 0, sp.start, self.lex, gender=sp.gender, skip=skip)   # person named
            if prev is not None:
                f["speaker"] = prev
        history: list[tuple[int, spk.Speaker]] = [(f["pos"], f["speaker"]) for f in ordered
                                                  if f["speaker"] is not None and f["speaker"].kind != "pronoun"]
        for f in ordered:
            sp = f["speaker"]
            if sp is not None and sp.kind != "pronoun" or f.get("fixed") and sp is None:
                continue
            gender = sp.gender if sp is not None else None
            if gender is None and f["verb"] is not None and self.lang == "pl":
                gender = self._gender(doc, f["verb"])
            prev = None
            if sp is None and f["verb"] is not None and self.lang == "pl":   # "X został ... . – ... – ocenił"
                prev = nq.gap_subject(doc, nq.after_previous(doc, ordered, f), doc[f["pos"]].sent.start,
                                      self.lex, gender, skip)
                if prev is not None:
                    history = sorted(history + [(f["pos"], prev)], key=lambda x: x[0])
            prev = prev or next((s for p, s in reversed(history) if p <= f["pos"] and lk.compatible(s, gender)),
                                None)
            if prev is None and sp is None and f["kind"] == "direct" and f["verb"] is None:
                prev = next((s for p, s in history if p > f["pos"]), None)
            if prev is None and (sp is None and f["verb"] is not None or sp is not None and sp.kind == "pronoun"):
                prev = lk.nearest_person(doc, f["verb"] if f["verb"] is not None else sp.start, self.lex, gender,
                                         skip)       # "opowiedziała, że ...": the woman named just before
                if prev is None and sp is None:
                    prev = nq.protagonist(doc, f["verb"], self.lex, gender)
            if prev is None and sp is not None and sp.kind == "pronoun" and sp.gender in ("m", "f"):
                names = [(a, b) for a, b in lk.name_candidates(doc) if b <= sp.start and b - a <= 3]
                if names:      # "She said ...": the nearest person named before
                    a, b = names[-1]
                    prev = spk.Speaker(doc[a:b].text, a, b, "name", sp.gender)
            f["speaker"] = prev
        for f in found:
            sp = f["speaker"]
            if sp is not None and sp.actor is None:
                sp.actor = lk.resolve_actor(doc, sp, self.lang, date, actor_spans)

    def _media_speakers(self, doc: Doc, found: list[dict]) -> None:
        """A description headed by a media noun ("dziennik", "the newspaper") is the outlet the article cites
        nearest before it (else first after it)."""
        outlets = sorted(doc.spans[SOURCE_MENTIONS], key=lambda o: o.start) if SOURCE_MENTIONS in doc.spans else []
        nouns = spk.kb_nouns(self.lex)
        for f in list(found):
            sp = f["speaker"]
            if sp is None or sp.kind != "desc" or not (lx.lemmas(doc[sp.start], self.lex) & nouns):
                continue
            if not outlets or spk.noun_genders(doc[sp.start], self.lex) == {"pl"}:   # "media podawały": hearsay
                if self.lang == "en" and doc[sp.start].tag_ in ("NN", "NNP"):
                    continue     # "The website noted that ...": one outlet speaks, though the article names none
                if f["kind"] == "indirect" or f.get("headless"):   # hearsay: "– donosiły media"
                    found.remove(f)
                else:
                    f["speaker"] = None
                continue
            prev = [o for o in outlets if o.start < sp.start]
            o = prev[-1] if prev else outlets[0]
            f["speaker"] = spk.Speaker(o.label_, o.start, o.end, "name")
            f["speaker"].linked = o.label_
            f["speaker"].extra["outlet"] = True

    def _introduced(self, doc: Doc, found: list[dict]) -> None:
        """Dash speech with no subject that opens right after a sentence naming a person is that person's:
        "Portal zapytał o to konsula X. – Nie prosimy ..."; with a bare verb ("– ... – dodał.") only when the
        sentence ends with the name (an interviewee introduced), else the speaker continues."""
        last_end = 0
        for f in found:
            if f["cue"] == "dash" and f["speaker"] is None and not f.get("headless"):
                t = f["pos"]
                b = t - 1
                while b > 0 and doc[b].is_space:
                    b -= 1
                prev_sent = doc[b].sent if b >= 0 and t > 0 else None
                if prev_sent is not None and prev_sent.end <= t + 1 and prev_sent.end > last_end:
                    sp = lk.introduced(doc, max(prev_sent.start, last_end), min(prev_sent.end, t), self.lex,
                                       at_end=f["verb"] is not None)
                    g = self._gender(doc, f["verb"]) if f["verb"] is not None and self.lang == "pl" else None
                    if sp is not None and lk.compatible(sp, g):
                        f["speaker"] = sp
            e = doc.char_span(f["start"], f["end"], alignment_mode="expand")
            if e is not None:
                last_end = max(last_end, e.end)

    def _gender(self, doc: Doc, v: int) -> str | None:
        for _, tag in lx.readings(doc[v]):
            if tag.startswith(("praet", "fin")):
                return lx.verb_gender(tag)
        return None

    def _write(self, doc: Doc, found: list[dict]) -> None:
        spans, seen = [], set()
        for f in sorted(found, key=lambda f: (f["start"], -f["end"])):
            sp = doc.char_span(f["start"], f["end"], alignment_mode="contract") or \
                doc.char_span(f["start"], f["end"], alignment_mode="expand")
            if sp is None or (sp.start, sp.end) in seen or not sp.text.strip():
                continue
            seen.add((sp.start, sp.end))
            span = Span(doc, sp.start, sp.end, label=f["kind"])
            who = f["speaker"]
            span._.quote = {"kind": f["kind"], "speaker": who.name if who else None,
                            "speaker_actor": who.actor if who else None,
                            "speaker_span": (doc[who.start].idx, doc[who.end - 1].idx + len(doc[who.end - 1]))
                            if who else None, "cue": f["cue"]}
            spans.append(span)
        doc.spans[QUOTES] = spans
