"""The knowledge base's records, as loaded from kb/data/*.tsv."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    code: str
    kind: str              # state | historical_state | igo | region
    name_en: str
    name_pl: str
    parent: str | None = None

    def name(self, lang: str) -> str:
        return self.name_pl if lang == "pl" and self.name_pl else self.name_en


@dataclass(frozen=True)
class Alias:
    code: str
    lang: str
    kind: str              # name | official | short | alias | adjective | demonym | capital | seat | body
    form: str              # base form
    sector: str | None
    flags: frozenset[str]


@dataclass(frozen=True)
class OfficeHolder:
    code: str
    sector: str
    role: str
    name_en: str
    name_pl: str
    aliases: tuple[str, ...]
    start: str             # ISO date, possibly only YYYY or YYYY-MM
    end: str | None        # None: in office

    def names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(n for n in (self.name_pl, self.name_en, *self.aliases) if n))

    def in_office(self, date: str | None) -> bool:
        """Whether the tenure covers the date (an unknown date counts as covered: any tenure may apply)."""
        if not date:
            return True
        d = date[:10]
        return self.start[: len(d)] <= d and (self.end is None or d <= _end_bound(self.end))


def _end_bound(end: str) -> str:
    """A partial end date ("2019", "2019-05") covers its whole year or month."""
    return end + "-12-31"[len(end) - 4:] if len(end) < 10 else end


@dataclass(frozen=True)
class Role:
    """A role noun of roles.tsv: "premier" names a head of government, "ministerstwo" an institution."""
    form: str          # as listed, lower-cased: "minister spraw zagranicznych", "secretary of state"
    role: str          # office role (head_of_state, ...) or generic: official, military, institution, other, ...
    sector: str
    notes: str
    proper: bool       # listed with capitals: a body's own name ("Israel Defense Forces"), not a common title

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.form.split())


@dataclass(frozen=True)
class Mention:
    """What a matched surface form stands for."""

    code: str
    kind: str              # an Alias kind, or 'person' / 'surname' for office holders
    sector: str | None
    flags: frozenset[str]
    base: str              # the base form it was generated from
    holder: int | None = None   # index into KnowledgeBase.holders for people
