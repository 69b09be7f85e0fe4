"""Metadata stage: title, authors, publication time, reading time, where the body starts.

Fields given with the record (JSON Lines, HTML meta tags, feeds) win; otherwise they are read from the header lines
at the top of the text, the layout news pages share: a title line, an optional byline, a date line, then the body.
"""
from __future__ import annotations

import math
import re
from datetime import datetime
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from kronika.pipeline.extensions import text_of
from kronika.resources import lang_data, read_yaml

HEADER_LINES = 8          # the header is within the first lines; past them everything is body
MAX_HEADER_LINE = 160     # a longer line is a paragraph of the body
MAX_TITLE = 300
# Date-like substrings worth handing to dateparser (which then decides): "25 lipca 2022, 22:16", "March 3, 2025",
# "2022-07-25T22:16:00+02:00", "25.07.2022 22:16". dateparser's own search_dates is far slower and finds dates in
# ordinary words, so candidates are narrowed first.
_TIME = r"(?:,?\s*(?:godz\.\s*|at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*(?:[A-Z]{2,5}|[+-]\d{2}:?\d{2}))?)?"
_DATE_RE = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|\d{1,2}\.\d{1,2}\.\d{4}" + _TIME +
    r"|\d{1,2}\.?\s+[^\W\d_]{3,}\.?\s+\d{4}(?:\s*r\.)?" + _TIME +
    r"|[^\W\d_]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}" + _TIME)
_NAME_WORD = r"(?:[A-ZĄĆĘŁŃÓŚŹŻÀ-Þ][\w'’.-]*|von|van|der|de|da|di|del|bin|al-\w+)"
_NAME_RE = re.compile(rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}")
_URL_DATE_RE = re.compile(r"/(20\d{2})[-/](\d{2})[-/](\d{2})/")


@lru_cache(maxsize=4)
def _settings(lang: str) -> dict:
    s = read_yaml(lang_data(lang, "metadata.yaml"))
    s["_reading"] = [re.compile(p, re.I) for p in s.get("reading_time_patterns", [])]
    seps = sorted(s.get("name_separators", [","]), key=len, reverse=True)
    s["_sep"] = re.compile("|".join(re.escape(x) for x in seps))
    return s


@lru_cache(maxsize=4096)
def _parse_date(candidate: str, lang: str, tz: str) -> str | None:
    import dateparser

    dt = dateparser.parse(candidate, languages=[lang, "en"] if lang != "en" else ["en"],
                          settings={"RETURN_AS_TIMEZONE_AWARE": True, "TIMEZONE": tz, "DATE_ORDER": "DMY",
                                    "PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": True})
    if dt is None or not (1990 <= dt.year <= 2100):
        return None
    return dt.replace(microsecond=0).isoformat()


def normalise_published(value: str | None, lang: str) -> str | None:
    """A given publication time as aware ISO 8601: naive times are the language's default zone (DST included)."""
    if not value:
        return None
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return _parse_date(value, lang, _settings(lang)["default_timezone"])
    if dt.tzinfo is None:
        from zoneinfo import ZoneInfo

        dt = dt.replace(tzinfo=ZoneInfo(_settings(lang)["default_timezone"]))
    return dt.isoformat()


def find_date(line: str, lang: str) -> str | None:
    tz = _settings(lang)["default_timezone"]
    for m in _DATE_RE.finditer(line):
        iso = _parse_date(m.group(0).strip(" ,"), lang, tz)
        if iso:
            return iso
    return None


def _is_given_name(word: str) -> bool:
    """Whether SGJP knows the word as a first name (morfeusz2's 'imię' qualifier): the check a Polish byline passes."""
    from kronika.lang.pl.names import is_given_name

    return is_given_name(word)


def parse_byline(line: str, lang: str) -> list[str] | None:
    """Author names if the line is a byline, else None. An explicit prefix ("Autor:", "By") is trusted; otherwise
    every part must look like a name and, in Polish, start with a first name the dictionary knows."""
    s = _settings(lang)
    text, prefixed = line.strip(), False
    for p in s.get("byline_prefixes", []):
        if text.startswith(p):
            text, prefixed = text[len(p):].strip(), True
            break
    if not text or len(text) > 120 or any(ch.isdigit() for ch in text) or text.endswith(("?", "!", ".", ":")):
        return None
    parts = [p.strip() for p in s["_sep"].split(text) if p.strip()]
    if not parts or len(parts) > 6 or not all(_NAME_RE.fullmatch(p) for p in parts):
        return None
    if not prefixed:
        if lang != "pl" or not all(_is_given_name(p.split()[0]) for p in parts):
            return None
    return parts


def reading_time(text: str, header: str, lang: str) -> int:
    for rx in _settings(lang)["_reading"]:
        m = rx.search(header)
        if m:
            return int(m.group(1))
    words = len(text.split())
    return max(1, math.ceil(words / _settings(lang).get("words_per_minute", 200)))


def read_header(text: str, lang: str, given: dict) -> dict:
    """Title, authors, published and the offset where the body starts, from the header lines of the text."""
    lines, pos = [], 0
    for raw in text.split("\n"):
        lines.append((pos, raw))
        pos += len(raw) + 1
    meta = {"title": given.get("title"), "authors": list(given.get("authors") or []),
            "published": normalise_published(given.get("published"), lang)}
    header_text, body_start, seen, title_seen = [], 0, 0, bool(meta["title"])
    date_labels = tuple(_settings(lang).get("date_labels", []))
    for start, raw in lines:
        line = raw.strip()
        if not line:
            continue
        if seen >= HEADER_LINES or len(line) > MAX_HEADER_LINE and title_seen:
            break
        seen += 1
        if not title_seen:
            if len(line) > MAX_TITLE:
                break
            meta["title"] = meta["title"] or line
            title_seen = True
        elif meta["title"] and line == meta["title"]:
            pass
        elif (names := parse_byline(line, lang)) is not None and not meta["published"]:
            meta["authors"] = meta["authors"] or names
        elif (iso := find_date(line, lang)) is not None or line.startswith(date_labels):
            meta["published"] = meta["published"] or iso
        elif any(rx.search(line) for rx in _settings(lang)["_reading"]):
            pass
        else:
            break
        header_text.append(line)
        body_start = start + len(raw) + 1
    if not meta["title"] and given.get("title") is None:
        meta["title"] = None
    meta["reading_time_min"] = reading_time(text[body_start:], "\n".join(header_text), lang)
    if not meta["published"] and given.get("url"):
        m = _URL_DATE_RE.search(given["url"])
        meta["published_date"] = "-".join(m.groups()) if m else None
    return {**meta, "body_start": min(body_start, len(text))}


@Language.factory("kronika_metadata", default_config={}, assigns=["doc._.meta", "doc._.body_start"],
                  requires=["doc._.language"])
def make_metadata(nlp: Language, name: str) -> "MetadataStage":
    return MetadataStage(nlp.lang)


class MetadataStage:
    """Adds doc._.meta (title, authors, published, reading_time_min) and doc._.body_start."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        given = doc._.record or {}
        meta = read_header(text_of(doc), self.lang, given)
        doc._.body_start = meta.pop("body_start")
        doc._.meta = meta
        return doc
