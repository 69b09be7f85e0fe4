"""JSON Lines: one article per line with "id" and "text" (optional "title", "url", "published", "authors")."""
from __future__ import annotations

import json
from collections.abc import Iterator

from kronika.errors import Problem
from kronika.records import Record
from kronika.readers.validate import checked


def _opt_str(v: object) -> str | None:
    return v.strip() or None if isinstance(v, str) else None


def read_jsonl(text: str, where: str) -> Iterator[Record | Problem]:
    """Every line is parsed on its own: a broken line is reported with its number and the next one is read."""
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        at = f"{where}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Problem(at, f"invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(obj, dict):
            yield Problem(at, f"expected a JSON object, got {type(obj).__name__}")
            continue
        rid = obj.get("id")
        rid = str(rid) if rid not in (None, "") else f"{where}:{lineno}"
        text_v = obj.get("text")
        if text_v is None:
            yield Problem(f"{at} (id {rid})", 'record has no "text"')
            continue
        if not isinstance(text_v, str):
            yield Problem(f"{at} (id {rid})", '"text" is not a string')
            continue
        authors = obj.get("authors")
        authors = [a for a in authors if isinstance(a, str) and a.strip()] if isinstance(authors, list) else []
        yield checked(Record(id=rid, text=text_v, title=_opt_str(obj.get("title")), url=_opt_str(obj.get("url")),
                             published=_opt_str(obj.get("published")), authors=authors,
                             lang=_opt_str(obj.get("lang") or obj.get("language")), where=f"{at} (id {rid})"))
