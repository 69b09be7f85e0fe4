"""RSS and Atom feeds: one record per entry, text from the entry's content or summary."""
from __future__ import annotations

from collections.abc import Iterator

from kronika.errors import Problem
from kronika.records import Record
from kronika.readers.validate import checked


def _entry_text(entry: dict) -> str:
    """The richest body the entry has, converted from HTML to text by trafilatura (its HTML-to-text is the one we use)."""
    parts = [c.get("value", "") for c in entry.get("content") or []] or [entry.get("summary", "")]
    html = "\n".join(p for p in parts if p)
    if "<" not in html:
        return html.strip()
    import trafilatura

    return (trafilatura.extract(f"<html><body><article>{html}</article></body></html>", include_comments=False,
                                favor_recall=True) or "").strip()


def _iso(parsed) -> str | None:
    """feedparser normalises dates to UTC struct_time; keep them aware."""
    if not parsed:
        return None
    from datetime import datetime, timezone

    return datetime(*parsed[:6], tzinfo=timezone.utc).isoformat()


def read_feed(data: bytes, where: str) -> Iterator[Record | Problem]:
    import feedparser

    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        yield Problem(where, f"not a valid RSS/Atom feed ({type(feed.bozo_exception).__name__})")
        return
    for n, entry in enumerate(feed.entries, 1):
        rid = entry.get("id") or entry.get("link") or f"{where}#{n}"
        at = f"{where} (entry {n}, {rid})"
        title = (entry.get("title") or "").strip() or None
        body = _entry_text(entry)
        if not body:
            yield Problem(at, "feed entry has no text")
            continue
        text = body if not title or body.startswith(title) else f"{title}\n\n{body}"
        authors = [a.get("name", "").strip() for a in entry.get("authors") or [] if a.get("name")]
        yield checked(Record(id=rid, text=text, title=title, url=entry.get("link"),
                             published=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
                             authors=authors, where=at))
