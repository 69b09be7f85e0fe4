"""Every Doc/Span/Token extension and span-group key that kronika's components use, declared in one place.

Components talk only through the Doc: a stage reads the layers that earlier stages wrote here and adds its own.
Declaring them centrally keeps the contract visible and makes registration idempotent across `kronika.load` calls.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

# Span-group keys (doc.spans[KEY]); every span group is serialised by DocBin.
ACTOR_MENTIONS = "kronika_actors"      # label_ = actor code; span._.actor = code, span._.sector = sector or None.
# Read the code from label_: spaCy keys span extensions by character offsets, so a group mention ("E3") that yields
# spans for several codes at the same offsets shares one span._.actor value among them.
PLACE_MENTIONS = "kronika_places"      # cities and regions: label_ = the state they lie in (an actor of the
                                       # article, never a party to an event)
SOURCE_MENTIONS = "kronika_sources"    # label_ = outlet's canonical name
QUOTES = "kronika_quotes"              # label_ = "direct" | "indirect"; span._.quote = QuoteInfo dict
EVENTS = "kronika_events"              # evidence spans; span._.event = event dict (see pipeline/events)

_DOC = {
    "record": None,        # dict given by the reader: id, url, title, published, authors (any may be missing)
    "meta": None,          # dict written by the metadata stage: title, authors, published, reading_time_min, ...
    "language": None,      # ISO 639-1 code written by the language stage
    "language_score": None,
    "body_start": 0,       # char offset where the article body begins (after title/byline/date lines)
    "events": None,        # list of event dicts (events stage); evidence spans are in doc.spans[EVENTS]
    "text": None,          # doc.text, kept once: spaCy rebuilds doc.text from the tokens on every access
}
_SPAN = {
    "lemma": None,         # nominative base form of a whole name (entities)
    "actor": None,         # actor code of an entity or mention
    "sector": None,        # PLOVER sector of a mention (GOV, MIL, ...)
    "mention_kind": None,  # how an actor mention names it: name, adjective, demonym, capital, seat, person, ...
    "quote": None,         # dict: kind, speaker, speaker_actor, speaker_span (start, end) or None
    "event": None,         # dict of one event
}
_TOKEN = {
    "readings": None,      # morfeusz2 readings considered for this token: a shared read-only tuple of (lemma, tag)
}


def text_of(doc: Doc) -> str:
    """The Doc's text, joined from its tokens once per document and then kept in doc._.text."""
    text = doc._.text
    if text is None:
        text = doc._.text = doc.text
    return text


def register() -> None:
    """Declare all extensions; safe to call many times."""
    for name, default in _DOC.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in _SPAN.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)
    for name, default in _TOKEN.items():
        if not Token.has_extension(name):
            Token.set_extension(name, default=default)


register()
