"""HTML pages: trafilatura finds the main text and the page's metadata (title, authors, date)."""
from __future__ import annotations

from collections.abc import Iterator

from kronika.errors import Problem
from kronika.records import Record
from kronika.readers.limits import MIN_HTML_WORDS
from kronika.readers.validate import checked

# htmldate (through trafilatura) keeps the time and offset when the page gives them.
_DATE_PARAMS = {"extensive_search": True, "original_date": True, "outputformat": "%Y-%m-%dT%H:%M:%S%z"}


def _split_authors(author: str | None) -> list[str]:
    if not author:
        return []
    return [a.strip() for a in author.replace(" and ", ";").replace(" i ", ";").split(";") if a.strip()]


def html_to_record(html: str, record_id: str, where: str, url: str | None = None) -> Record | Problem:
    """One page, one record whose text is the title, a blank line and the main text (the layout of news datasets)."""
    import trafilatura  # lazy: importing trafilatura costs ~0.3 s, and most inputs are not HTML

    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False, date_extraction_params=_DATE_PARAMS)
    except Exception as exc:  # trafilatura raises many lxml error types on broken markup
        return Problem(where, f"HTML could not be parsed ({type(exc).__name__})")
    body = (doc.text or "").strip() if doc is not None else ""
    if len(body.split()) < MIN_HTML_WORDS:
        return Problem(where, "HTML page has no article text")
    title = (doc.title or "").strip() or None
    text = body if not title or body.startswith(title) else f"{title}\n\n{body}"
    published = doc.date if doc.date and "T" in doc.date else None
    rec = Record(id=record_id, text=text, title=title, url=url or doc.url, published=published,
                 authors=_split_authors(doc.author), where=where)
    return checked(rec)


def read_html(html: str, where: str, record_id: str) -> Iterator[Record | Problem]:
    yield html_to_record(html, record_id, where)
