"""The unit that readers produce and the pipeline consumes."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Record:
    """One article as read from the input, before analysis.

    `id` is stable: given by the input (JSON Lines "id", WARC record id, feed entry id) or derived from the path and
    position, so that rerunning on the same input gives the same ids.
    """

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    lang: str | None = None
    where: str = ""          # path[:line] for messages

    def fields(self) -> dict:
        """The record's given metadata, as the Doc carries it (doc._.record)."""
        d = asdict(self)
        d.pop("text")
        return d
