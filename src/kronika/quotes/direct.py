"""Where direct speech is in the text: quotation-mark pairs of every style and Polish dash-led speech.

Works on characters, paragraph by paragraph, because quotation marks and dashes are typographic facts, not tokens.
Each candidate carries the content's character span (without marks or dashes) and where its marks stand, so the
component can look for the attribution on either side. Whether a quoted phrase is speech or a scare quote / title is
decided later, from its attribution and length.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# opener -> closers it pairs with; straight quotes pair with themselves
PAIRS = (("„", "”“\""), ("«", "»"), ("»", "«"), ("‚", "’‘"), ("“", "”"), ('"', '"'))
DASHES = "–—-"
_SENT_END = ".!?…:\"”»"
_UPPER_START = re.compile(r"[\s]*[\"„«“(\[…\.]*[A-ZĄĆĘŁŃÓŚŹŻ0-9]")


@dataclass
class Candidate:
    start: int          # content span
    end: int
    open_at: int        # where the opening mark / dash is
    close_at: int       # end of the closing mark (== end for dash speech without an attribution dash)
    style: str          # mark | dash
    attr_dash: int = -1  # dash speech: the dash that opens the attribution ("– powiedział X")


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;"):
        e -= 1
    return s, e


def paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for part in text.split("\n"):
        out.append((pos, pos + len(part)))
        pos += len(part) + 1
    return out


def quote_marks(text: str) -> list[Candidate]:
    """Pairs of quotation marks within a paragraph (an unclosed quote runs to the paragraph's end)."""
    out: list[Candidate] = []
    used: set[int] = set()
    for ps, pe in paragraphs(text):
        for opener, closers in PAIRS:
            i = ps
            while True:
                i = text.find(opener, i, pe)
                if i < 0:
                    break
                if i in used:
                    i += 1
                    continue
                if opener == '"' and i + 1 < pe and text[i + 1].isspace():
                    i += 1
                    continue
                if opener in "‚’" and i > ps and text[i - 1].isalnum():
                    i += 1
                    continue
                j = i + 1
                close = -1
                reopen = False
                while j < pe:
                    if text[j] in closers and j not in used and not (
                            opener == '"' and j + 1 < pe and text[j + 1].isalnum()) and not (
                            closers.startswith("’") and j + 1 < pe and text[j + 1].isalpha()):
                        close = j
                        break
                    if text[j] == opener and opener in '"“„' and _new_paragraph(text, j, i):
                        close, reopen = j, True   # '... change. "Some ...': a flattened new paragraph opens
                        break
                    j += 1
                if reopen:
                    s, e = _strip(text, i + 1, close)
                    if e > s:
                        out.append(Candidate(s, e, i, close, "mark"))
                    used.add(i)
                    i = close
                    continue
                if close < 0:
                    if opener in "„“«" and pe - i > 40:
                        s, e = _strip(text, i + 1, pe)
                        out.append(Candidate(s, e, i, pe, "mark"))
                    i += 1
                    continue
                used.update((i, close))
                s, e = _strip(text, i + 1, close)
                if e > s:
                    out.append(Candidate(s, e, i, close + 1, "mark"))
                i = close + 1
        out.extend(_double_apostrophes(text, ps, pe, used))
    return out


def _double_apostrophes(text: str, ps: int, pe: int, used: set[int]) -> list[Candidate]:
    """''Quoted speech'' written with doubled apostrophes (the ASCII rendering of curly quotes in many news
    archives): an opener before a word, a closer after one, paired left to right within the paragraph."""
    out: list[Candidate] = []
    opened = -1
    i = text.find("''", ps, pe)
    while 0 <= i < pe:
        if i in used or i + 1 in used:
            i = text.find("''", i + 2, pe)
            continue
        before = text[i - 1] if i > ps else " "
        after = text[i + 2] if i + 2 < pe else " "
        if opened < 0 and not before.isalnum() and not after.isspace():
            opened = i
        elif opened >= 0 and not before.isspace():
            s, e = _strip(text, opened + 2, i)
            if e > s:
                out.append(Candidate(s, e, opened, i + 2, "mark"))
            used.update((opened, opened + 1, i, i + 1))
            opened = -1
        i = text.find("''", i + 2, pe)
    return out


def _new_paragraph(text: str, j: int, i: int) -> bool:
    """An opening mark after a sentence end inside an open quotation: the next paragraph of the same speech, whose
    previous paragraph (by the convention for quoted speech over paragraphs) was left without a closing mark."""
    if j - i < 20 or j + 1 >= len(text) or not text[j + 1].isupper() or not text[j - 1].isspace():
        return False
    k = j - 1
    while k > i and text[k].isspace():
        k -= 1
    return text[k] in ".!?…"


def _is_dash(text: str, i: int) -> bool:
    return text[i] in DASHES and (i == 0 or text[i - 1].isspace()) and i + 1 < len(text) and text[i + 1] == " "


def dash_openers(text: str, ps: int, pe: int) -> list[tuple[int, bool]]:
    """(position, strong) of dashes that open speech: at a paragraph start or after a sentence end (strong), or
    after a word, followed by a capital (weak: accepted only with an attribution)."""
    out = []
    for i in range(ps, pe):
        if not _is_dash(text, i) or not _UPPER_START.match(text, i + 1):
            continue
        before = text[ps:i].rstrip()
        if not before:
            out.append((i, True))
        elif before[-1] in _SENT_END:
            out.append((i, True))
        elif before[-1].isalnum():
            out.append((i, False))
    return out


def dash_speech(text: str, attribution_at) -> list[Candidate]:
    """Dash-led speech: "– Text – powiedział X." ends at the attribution dash; with none, at the next opener, a
    teaser line, or the paragraph's end. `attribution_at(pos)` says whether a dash at pos opens an attribution."""
    out: list[Candidate] = []
    for ps, pe in paragraphs(text):
        openers = dash_openers(text, ps, pe)
        strong_at = [p for p, strong in openers if strong]
        for p, strong in openers:
            if out and out[-1].start <= p < out[-1].close_at:
                continue
            nxt = min([q for q in strong_at if q > p] + [pe])
            end, attr = nxt, -1
            for k in range(p + 2, nxt):
                if _is_dash(text, k) and attribution_at(k):
                    end, attr = k, k
                    break
            if not strong and attr < 0:
                continue
            if attr < 0:
                end = _before_quoting_sentence(text, p + 2, end)
            s, e = _strip(text, p + 1, end)
            if e - s < 3:
                continue
            out.append(Candidate(s, e, p, end, "dash", attr))
    return out


def _before_quoting_sentence(text: str, s: int, e: int) -> int:
    """Unattributed dash speech that runs on in a flattened page ends before a later sentence holding a quotation
    mark: the writer's text (a heading, a quoted phrase of someone else) has resumed."""
    for m in _SENT_BREAK.finditer(text, s, e):
        nxt = _SENT_BREAK.search(text, m.end(), e)
        if any(ch in text[m.end():nxt.end() if nxt else e] for ch in "\"„”“«»"):
            return m.start() + 1
    return e


_SENT_BREAK = re.compile(r"[.!?…][\"”»]?\s+(?=[\"„«“]?[A-ZĄĆĘŁŃÓŚŹŻ])")
_REPORTING = re.compile(r"(?:,|\s)że\s|:\s*$")


def headless_dash(text: str, attribution_at, cands: list[Candidate]) -> list[Candidate]:
    """Speech whose opening dash the page lost, closed by an attribution dash: "X przyznał, że ... . Zdarzały się
    błędy. Takiego alarmu nie mieliśmy – podkreślił." The speech opens after the sentence that reports the speaker
    ("..., że ..."), within three sentences; without such a sentence (a bare "– donosiły media") it is no speech."""
    out: list[Candidate] = []
    for ps, pe in paragraphs(text):
        for k in range(ps + 1, pe):
            if not _is_dash(text, k) or any(c.open_at <= k <= max(c.close_at, c.attr_dash) for c in cands) or \
                    text[ps:k].rstrip()[-1:] in "\"”»“'" or not attribution_at(k):
                continue
            lo = max([ps] + [c.close_at for c in cands + out if c.close_at <= k])
            starts = [lo] + [m.end() for m in _SENT_BREAK.finditer(text, lo, k)]
            start = -1
            for back in range(len(starts) - 2, max(-1, len(starts) - 5), -1):
                if _REPORTING.search(text, starts[back], starts[back + 1]):
                    start = starts[back + 1]
                    break
            if start < 0:
                continue
            if any(ch in text[start:k] for ch in "\"„”“«»") or any(_is_dash(text, j) for j in range(start, k)):
                continue
            s, e = _strip(text, start, k)
            if len(text[s:e].split()) >= 3:
                out.append(Candidate(s, e, s, k, "dash", k))
    return out
